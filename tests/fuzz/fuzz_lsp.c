/*
 * libFuzzer target: the language server (rchain lsp). Each input is the byte
 * stream an editor would write to the server's standard input, framed or not;
 * it is served from a memory file until "exit" or its end, with the server's
 * output going to another memory file. Checked: the server ends with the
 * protocol's status (0 or 1), and everything it wrote is a sequence of
 * Content-Length framed messages, each valid UTF-8 and one JSON value.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

#include "cli/lsp.h"
#include "fuzz_common.h"

FUZZ_INITIALIZE

/* A memory file holding `size` bytes at `data`, read from its start. */
static int memory_file(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz-lsp", MFD_CLOEXEC);

	FUZZ_CHECK(fd >= 0, "a memory file opens");
	while (size > 0) {
		ssize_t n = write(fd, data, size);

		FUZZ_CHECK(n > 0, "the memory file is written");
		data += n;
		size -= (size_t)n;
	}
	FUZZ_CHECK(lseek(fd, 0, SEEK_SET) == 0, "the memory file rewinds");
	return fd;
}

/* Checks that the `len` bytes at `out` are framed messages of valid JSON. */
static void check_output(const char *out, size_t len)
{
	static const char header[] = "Content-Length: ";
	size_t at = 0;

	while (at < len) {
		size_t body = 0;

		FUZZ_CHECK(len - at > sizeof(header) && memcmp(out + at, header, sizeof(header) - 1) == 0,
		           "each message starts with Content-Length");
		at += sizeof(header) - 1;
		while (at < len && out[at] >= '0' && out[at] <= '9')
			body = body * 10 + (size_t)(out[at++] - '0');
		FUZZ_CHECK(len - at >= 4 && memcmp(out + at, "\r\n\r\n", 4) == 0, "the header ends with a blank line");
		at += 4;
		FUZZ_CHECK(len - at >= body, "the body is as long as the header says");
		FUZZ_CHECK(fuzz_valid_utf8(out + at, body), "a message is valid UTF-8");
		FUZZ_CHECK(fuzz_valid_json(out + at, body), "a message is one JSON value");
		at += body;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session s = { fuzz_context, fuzz_evidence, NULL, 0, false };
	struct lsp_server sv = { 0 };
	off_t len;
	char *out;
	int status;

	sv.in = memory_file(data, size);
	sv.out = memfd_create("fuzz-lsp-out", MFD_CLOEXEC);
	FUZZ_CHECK(sv.out >= 0, "a memory file opens");
	sv.session = &s;
	sv.opts.evidence = fuzz_evidence;
	status = lsp_serve(&sv, 1 << 20);
	FUZZ_CHECK(status == 0 || status == 1, "the server ends with the protocol's status");
	lsp_close_all(&sv);
	len = lseek(sv.out, 0, SEEK_END);
	FUZZ_CHECK(len >= 0, "the output has a size");
	out = mmap(NULL, len ? (size_t)len : 1, PROT_READ, MAP_PRIVATE, sv.out, 0);
	FUZZ_CHECK(out != MAP_FAILED, "the output maps");
	check_output(out, (size_t)len);
	munmap(out, len ? (size_t)len : 1);
	close(sv.in);
	close(sv.out);
	return 0;
}
