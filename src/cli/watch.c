/*
 * --watch: run a command again whenever one of its input files changes. The
 * folders of the inputs are watched with inotify (editors often save by
 * writing a new file and renaming it over the old one, which a watch on the
 * file itself would lose), and only events naming an input count. SIGINT and
 * SIGTERM are taken through a signalfd, so one arriving at any moment ends
 * the loop cleanly with status 0.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* The folder part of `path` into `dir` ("." when it has none), and the name after it. */
static const char *split_path(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (!slash) {
		snprintf(dir, size, ".");
		return path;
	}
	snprintf(dir, size, "%.*s", slash == path ? 1 : (int)(slash - path), path);
	return slash + 1;
}

/* Nonzero when the inotify event `e` names one of the session's inputs. */
static int names_input(const struct session *s, const int *wds, const struct inotify_event *e)
{
	char dir[PATH_MAX];
	size_t i;

	for (i = 0; e->len && i < s->input_count; i++)
		if (wds[i] == e->wd && strcmp(split_path(s->inputs[i], dir, sizeof(dir)), e->name) == 0)
			return 1;
	return 0;
}

/* Reads the events waiting on `fd`; nonzero when one names an input (written and closed, or renamed into place). */
static int input_changed(const struct session *s, const int *wds, int fd)
{
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n = read(fd, buf, sizeof(buf));
	int changed = 0;
	char *p;

	for (p = buf; n > 0 && p < buf + n;) {
		const struct inotify_event *e = (const struct inotify_event *)(void *)p;

		changed |= names_input(s, wds, e);
		p += sizeof(*e) + e->len;
	}
	return changed;
}

static void status_line(int status, int run)
{
	char stamp[16];
	time_t now = time(NULL);
	struct tm tm;

	strftime(stamp, sizeof(stamp), "%H:%M:%S", localtime_r(&now, &tm));
	fprintf(stderr, "rchain: %s run %d %s (exit status %d); watching for changes, Ctrl-C to stop\n", stamp, run,
	        status == EXIT_CLEAN ? "done" : "failed", status);
}

int watch_inputs(struct session *s, int (*once)(struct session *s, void *user), void *user)
{
	int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC), sig = -1, *wds = calloc(s->input_count, sizeof(*wds));
	int status = EXIT_CLEAN, run = 0, stop = 0, signalled = 0;
	sigset_t mask;
	size_t i;

	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	if (in < 0 || !wds || sigprocmask(SIG_BLOCK, &mask, NULL) != 0 ||
	    (sig = signalfd(-1, &mask, SFD_CLOEXEC)) < 0) {
		fprintf(stderr, "rchain: cannot watch the inputs: %s\n", strerror(errno));
		status = EXIT_FAILED;
		stop = 1;
	}
	for (i = 0; !stop && i < s->input_count; i++) {
		char dir[PATH_MAX];

		split_path(s->inputs[i], dir, sizeof(dir));
		wds[i] = inotify_add_watch(in, dir, IN_CLOSE_WRITE | IN_MOVED_TO);
		if (wds[i] < 0) {
			fprintf(stderr, "%s: error: cannot watch: %s\n", dir, strerror(errno));
			status = EXIT_FAILED;
			stop = 1;
		}
	}
	while (!stop) {
		struct pollfd fds[2] = { { in, POLLIN, 0 }, { sig, POLLIN, 0 } };

		status = once(s, user);
		status_line(status, ++run);
		/* Wait for a change to an input; the events of one save come together and make one run. */
		for (;;) {
			if (poll(fds, 2, -1) < 0 && errno != EINTR) {
				stop = 1;
				break;
			}
			if (fds[1].revents) {
				signalled = stop = 1;
				break;
			}
			if (fds[0].revents && input_changed(s, wds, in))
				break;
		}
	}
	/* Stopped by Ctrl-C or SIGTERM: a clean end, whatever the last run said. */
	if (signalled)
		status = EXIT_CLEAN;
	if (sig >= 0)
		close(sig);
	if (in >= 0)
		close(in);
	free(wds);
	return status;
}
