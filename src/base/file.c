/* File input with a size cap, and atomic output through a temporary file and rename(). */
#include "base/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/error.h"
#include "rchain/file.h"

static const char *display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int file_read(char **out, size_t *len, const char *path, const char *what, size_t max, rc_error *err)
{
	const char *name = display_name(path);
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char *data = NULL;
	size_t size = 0, cap = 0;
	int rc = 0;

	*out = NULL;
	*len = 0;
	if (fd < 0)
		return error_set_at(err, RC_EIO, name, 0, 0, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) != 0) {
		rc = error_set_at(err, RC_EIO, name, 0, 0, "cannot read: %s", strerror(errno));
		goto done;
	}
	if (S_ISDIR(st.st_mode)) {
		rc = error_set_at(err, RC_EIO, name, 0, 0, "is a directory, not %s", what);
		goto done;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
		rc = error_set_at(err, RC_ELIMIT, name, 0, 0,
		                  "file is %llu bytes, over the limit of %zu bytes (raise it with --max-file-size)",
		                  (unsigned long long)st.st_size, max);
		goto done;
	}
	for (;;) {
		void *grown = data;
		ssize_t n;

		if (size == cap && rc_grow(&grown, &cap, size + 65536, 1)) {
			rc = error_set_at(err, RC_ENOMEM, name, 0, 0, "out of memory reading the file");
			goto done;
		}
		data = grown;
		n = read(fd, data + size, cap - size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = error_set_at(err, RC_EIO, name, 0, 0, "cannot read: %s", strerror(errno));
			goto done;
		}
		if (n == 0)
			break;
		size += (size_t)n;
		if (size > max) {
			rc = error_set_at(err, RC_ELIMIT, name, 0, 0,
			                  "file is over the limit of %zu bytes (raise it with --max-file-size)", max);
			goto done;
		}
	}
	*out = data;
	*len = size;
	data = NULL;
done:
	rc_free(data);
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Creates a new temporary file beside the target: hidden and suffixed, so a
 * leftover can never pass for an output. O_EXCL with mode 0666 lets the
 * kernel apply the umask, as for any new file, without touching it here.
 */
static int open_temporary(char *tmp, size_t size, const char *path, size_t dirlen)
{
	static unsigned int counter;
	int attempt, fd = -1;

	for (attempt = 0; attempt < 100 && fd < 0; attempt++) {
		snprintf(tmp, size, "%.*s.rchain-%ld-%u.tmp", (int)dirlen, path, (long)getpid(), counter++);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	return fd;
}

/* Writes straight into an existing device, pipe or socket: a rename would replace it with a regular file. */
static int write_special(const char *path, const char *data, size_t len, rc_error *err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
	if (write_all(fd, data, len) != 0) {
		int saved = errno;

		close(fd);
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: %s", strerror(saved));
	}
	if (close(fd) != 0)
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
	return 0;
}

int rc_file_write_atomic(const char *path, const char *data, size_t len, rc_error *err)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	char tmp[4096];
	struct stat st;
	int fd;
	int saved;

	int exists = stat(path, &st) == 0;

	if (exists && S_ISDIR(st.st_mode))
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: is a directory");
	if (exists && !S_ISREG(st.st_mode))
		return write_special(path, data, len, err);
	if (dirlen + sizeof(".rchain--.tmp") + 32 > sizeof(tmp))
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: path too long");
	fd = open_temporary(tmp, sizeof(tmp), path, dirlen);
	if (fd < 0 && exists)
		return error_set_at(err, RC_EIO, path, 0, 0,
		                    "cannot write: cannot create a temporary file beside it: %s", strerror(errno));
	if (fd < 0)
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: %s", strerror(saved));
	}
	if (close(fd) != 0) {
		saved = errno;
		unlink(tmp);
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: %s", strerror(saved));
	}
	if (rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: %s", strerror(saved));
	}
	return 0;
}
