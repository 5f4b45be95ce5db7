/* SPDX-License-Identifier: MIT */
/*
 * probe: does the running kernel implement UMCG at the configured numbers?
 * Numbers alone prove nothing (451-453 are cachestat, fchmodat2 and
 * map_shadow_stack on Linux >= 6.5), so a forked child registers a server and
 * unregisters it, and checks that the kernel wrote UMCG_TASK_NONE back.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "exec.h"

static void child(const struct ux_config *cfg, int fd)
{
	volatile unsigned int *t = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char msg[300];
	long r;

	if (t == MAP_FAILED) {
		snprintf(msg, sizeof(msg), "crashed mmap failed");
		goto out;
	}
	r = syscall(cfg->nr_ctl, 0UL, NULL, 0L);
	if (r < 0 && errno == ENOSYS) {
		snprintf(msg, sizeof(msg),
			 "unsupported syscall %ld (umcg_ctl) returns ENOSYS: this kernel has no UMCG", cfg->nr_ctl);
		goto out;
	}
	t[0] = 1;				/* state = RUNNING */
	t[2] = (unsigned int)syscall(SYS_gettid);	/* server_tid = self */
	r = syscall(cfg->nr_ctl, 1UL, t, (long)CLOCK_MONOTONIC);
	if (r != 0) {
		snprintf(msg, sizeof(msg),
			 "unsupported syscall %ld is not umcg_ctl: registering a server returned %s (expected 0)",
			 cfg->nr_ctl, r < 0 ? strerror(errno) : "a positive value");
		goto out;
	}
	r = syscall(cfg->nr_ctl, 2UL, t, 0L);
	if (r != 0 || t[0] != 0) {
		snprintf(msg, sizeof(msg),
			 "unsupported syscall %ld accepted a registration but unregistering returned %ld with state %u (expected 0, NONE)",
			 cfg->nr_ctl, r < 0 ? -(long)errno : r, t[0]);
		goto out;
	}
	r = syscall(cfg->nr_kick, 0UL, (long)UX_GARBAGE_TID);
	if (!(r < 0 && errno == ESRCH)) {
		snprintf(msg, sizeof(msg), "unsupported syscall %ld is not umcg_kick: kick of a garbage tid returned %ld (expected ESRCH)",
			 cfg->nr_kick, r < 0 ? -(long)errno : r);
		goto out;
	}
	r = syscall(cfg->nr_wait, 0UL, 0ULL);
	if (!(r < 0 && errno == EINVAL)) {
		snprintf(msg, sizeof(msg), "unsupported syscall %ld is not umcg_wait: an unregistered wait returned %ld (expected EINVAL)",
			 cfg->nr_wait, r < 0 ? -(long)errno : r);
		goto out;
	}
	snprintf(msg, sizeof(msg), "completed umcg ctl=%ld wait=%ld kick=%ld", cfg->nr_ctl, cfg->nr_wait, cfg->nr_kick);
out:
	if (write(fd, msg, strlen(msg)) < 0)
		_exit(2);
	_exit(0);
}

void ux_probe(const struct ux_config *cfg, struct ux_buf *out)
{
	char msg[320] = "", status[32] = "crashed";
	const char *detail = msg;
	struct utsname u;
	int fds[2], ws = 0;
	ssize_t n = 0;
	pid_t pid;

	uname(&u);
	if (pipe(fds) == 0) {
		fflush(NULL);
		pid = fork();
		if (pid == 0) {
			close(fds[0]);
			child(cfg, fds[1]);
		}
		close(fds[1]);
		if (pid > 0) {
			n = read(fds[0], msg, sizeof(msg) - 1);
			waitpid(pid, &ws, 0);
		}
		close(fds[0]);
	}
	msg[n > 0 ? n : 0] = 0;
	if (n <= 0) {
		snprintf(msg, sizeof(msg), "crashed the probe child died (status 0x%x)", ws);
	}
	{
		char *sp = strchr(msg, ' ');

		if (sp) {
			*sp = 0;
			snprintf(status, sizeof(status), "%s", msg);
			detail = sp + 1;
		}
	}
	ux_buf_printf(out, "{\"id\":\"probe\",\"status\":\"%s\",\"detail\":", status);
	ux_json_str(out, detail);
	ux_buf_puts(out, ",\"release\":");
	ux_json_str(out, u.release);
	ux_buf_printf(out, ",\"machine\":\"%s\",\"ctl\":%ld,\"wait\":%ld,\"kick\":%ld,\"features\":[\"signals\",\"faults\",\"unmap\",\"shmem\",\"exit\",\"kick\",\"timeouts\",\"garbage-tid\",\"kill\"]}\n",
		      u.machine, cfg->nr_ctl, cfg->nr_wait, cfg->nr_kick);
}
