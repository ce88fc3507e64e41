/* File input with a size cap, and atomic output through an unnamed (else named) temporary file. */
#define _GNU_SOURCE /* O_TMPFILE, AT_EMPTY_PATH; NOLINT(bugprone-reserved-identifier) */
#include "base/file.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
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

		/*
		 * Doubling, but never past one byte over the limit: a stream with no
		 * end (/dev/zero) is refused having held the limit, not twice it.
		 */
		if (size == cap) {
			size_t want = cap ? (cap > max / 2 ? max + 1 : cap * 2) : 65536;

			grown = want > cap ? rc_realloc(data, want) : NULL;
			if (!grown) {
				rc = error_set_at(err, RC_ENOMEM, name, 0, 0, "out of memory reading the file");
				goto done;
			}
			cap = want;
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

/* Temporary names are ".rchain-PID-N.tmp": hidden and suffixed, so a leftover never passes for an output. */
#define TEMP_PREFIX ".rchain-"
#define TEMP_SUFFIX ".tmp"

/* The writer's PID when `name` is a temporary name of this function, else 0. */
static long temporary_pid(const char *name)
{
	size_t digits;
	long pid;

	if (strncmp(name, TEMP_PREFIX, strlen(TEMP_PREFIX)) != 0)
		return 0;
	name += strlen(TEMP_PREFIX);
	digits = strspn(name, "0123456789");
	if (digits == 0 || digits > 9 || name[digits] != '-')
		return 0;
	pid = strtol(name, NULL, 10);
	name += digits + 1;
	digits = strspn(name, "0123456789");
	return digits > 0 && strcmp(name + digits, TEMP_SUFFIX) == 0 ? pid : 0;
}

/*
 * Removes the temporaries that writers killed before their rename left in
 * the folder `dir`: those whose PID names no living process. A process
 * of another PID namespace sharing the folder would look dead; its rename
 * then fails and its previous output stays (docs/limits.md).
 */
static void remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		long pid = temporary_pid(e->d_name);

		if (pid > 0 && pid != (long)getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	if (d)
		closedir(d);
}

/* Names a new temporary beside the target, by `make` (open or link); its descriptor or 0, or -1 with errno. */
static int name_temporary(char *tmp, size_t size, const char *path, size_t dirlen, int (*make)(const char *, int),
                          int arg)
{
	static unsigned int counter;
	int attempt, rc = -1;

	for (attempt = 0; attempt < 100 && rc < 0; attempt++) {
		snprintf(tmp, size, "%.*s" TEMP_PREFIX "%ld-%u" TEMP_SUFFIX, (int)dirlen, path, (long)getpid(),
		         counter++);
		rc = make(tmp, arg);
		if (rc < 0 && errno != EEXIST)
			break;
	}
	return rc;
}

/* O_EXCL with mode 0666 lets the kernel apply the umask, as for any new file. */
static int create_named(const char *tmp, int unused)
{
	(void)unused;
	return open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
}

/* Gives the unnamed file `fd` the name `name`: through /proc, else by AT_EMPTY_PATH (which needs a capability). */
static int link_unnamed(const char *name, int fd)
{
	char proc[64];

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	return errno == EEXIST ? -1 : linkat(fd, "", AT_FDCWD, name, AT_EMPTY_PATH);
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

/* Writes the content through `fd` and flushes it; a replaced file's permissions are kept. */
static int fill(int fd, const char *data, size_t len, const struct stat *old)
{
	if (old && fchmod(fd, old->st_mode & 0777) != 0)
		return -1;
	return write_all(fd, data, len) != 0 || fsync(fd) != 0 ? -1 : 0;
}

/*
 * The unnamed way: an O_TMPFILE in the target's folder, filled, then linked
 * at the target when it is new. Linking cannot replace, so a file that
 * exists gets a temporary name for the two calls from link to rename.
 * 0, 1 when the file system has no unnamed files (nothing was changed), or -1
 * with errno.
 */
static int write_unnamed(char *tmp, size_t size, const char *path, size_t dirlen, const char *dir, const char *data,
                         size_t len, const struct stat *old)
{
#ifdef O_TMPFILE
	int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
	int rc, saved;

	if (fd < 0)
		return 1;
	rc = fill(fd, data, len, old);
	if (rc == 0 && !old && link_unnamed(path, fd) == 0) {
		close(fd);
		return 0;
	}
	if (rc == 0 && (old || errno == EEXIST)) {
		rc = name_temporary(tmp, size, path, dirlen, link_unnamed, fd) < 0 ? 1 : 0;
		if (rc == 0 && rename(tmp, path) != 0) {
			saved = errno;
			unlink(tmp);
			errno = saved;
			rc = -1;
		}
	} else if (rc == 0) {
		rc = 1; /* neither /proc nor the capability for AT_EMPTY_PATH: the named way */
	}
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
#else
	(void)tmp, (void)size, (void)path, (void)dirlen, (void)dir, (void)data, (void)len, (void)old;
	return 1;
#endif
}

/*
 * The named way: a temporary created beside the target, filled, and renamed
 * over it. 0, -1 with errno, or -2 with errno when no temporary could be made.
 */
static int write_named(char *tmp, size_t size, const char *path, size_t dirlen, const char *data, size_t len,
                       const struct stat *old)
{
	int fd = name_temporary(tmp, size, path, dirlen, create_named, 0);
	int rc, saved;

	if (fd < 0)
		return -2;
	rc = fill(fd, data, len, old);
	if (close(fd) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	saved = errno;
	if (rc != 0)
		unlink(tmp);
	errno = saved;
	return rc;
}

/* Read-only: the caller may not write to it, or its mode lets nobody write (which also holds for root). */
static int read_only(const char *path, const struct stat *st)
{
	return (st->st_mode & 0222) == 0 || (access(path, W_OK) != 0 && errno == EACCES);
}

int rc_file_write_atomic(const char *path, const char *data, size_t len, unsigned flags, rc_error *err)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	char tmp[4096], dir[4096];
	struct stat st;
	int exists = stat(path, &st) == 0;
	int rc;

	if (exists && S_ISDIR(st.st_mode))
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: is a directory");
	if (exists && !S_ISREG(st.st_mode))
		return write_special(path, data, len, err);
	if (exists && !(flags & RC_WRITE_FORCE) && read_only(path, &st))
		return error_set_at(err, RC_EIO, path, 0, 0,
		                    "cannot write: the file is read-only; make it writable to replace it");
	if (dirlen + sizeof(TEMP_PREFIX TEMP_SUFFIX) + 32 > sizeof(tmp))
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: path too long");
	snprintf(dir, sizeof(dir), "%.*s", (int)(dirlen ? dirlen : 1), dirlen ? path : ".");
	remove_stale(dir);
	rc = write_unnamed(tmp, sizeof(tmp), path, dirlen, dir, data, len, exists ? &st : NULL);
	if (rc > 0)
		rc = write_named(tmp, sizeof(tmp), path, dirlen, data, len, exists ? &st : NULL);
	if (rc == -2 && exists)
		return error_set_at(err, RC_EIO, path, 0, 0,
		                    "cannot write: cannot create a temporary file beside it: %s", strerror(errno));
	if (rc != 0)
		return error_set_at(err, RC_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
	return 0;
}
