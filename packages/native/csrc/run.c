/* SPDX-License-Identifier: MIT */
/*
 * One child process per trace (so a SIGKILL from the kernel kills only that
 * trace): the child's main thread is the controller (not a UMCG task); it
 * posts each step, waits for quiescence and reports the observation as a
 * line on a pipe to the parent, which assembles the response.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "rt.h"

/*
 * A future timeout followed by its `expire` is set to fire after
 * (intervening steps + 1) * max(EXPIRE_MIN_NS, 4 * the slowest step so far).
 */
#define EXPIRE_MIN_NS	(300LL * 1000000LL)
/*
 * After `expire`, the state must hold this long: a timer interrupt can be
 * late under QEMU TCG on a loaded host.
 */
#define EXPIRE_SETTLE_NS	(50LL * 1000000LL)
#define EXPIRE_GRACE_NS		(1000LL * 1000000LL)

static void out_line(int fd, const char *tag, const char *s)
{
	struct ux_buf b = { 0 };
	size_t off = 0;

	ux_buf_puts(&b, tag);
	ux_buf_puts(&b, " ");
	ux_buf_puts(&b, s);
	ux_buf_puts(&b, "\n");
	while (off < b.len) {
		ssize_t n = write(fd, b.p + off, b.len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += n;
	}
	ux_buf_free(&b);
}

/* A future timeout followed (before the task's next wait) by its `expire` fires shortly. */
static void lookahead(struct ux_step *steps, int n)
{
	for (int k = 0; k < n; k++) {
		struct ux_step *w = &steps[k];

		if (w->op != UX_WAIT || w->timeout != UX_TMO_FUTURE)
			continue;
		for (int j = k + 1; j < n; j++) {
			if (steps[j].task != w->task)
				continue;
			if (steps[j].op == UX_WAIT)
				break;
			if (steps[j].op == UX_EXPIRE) {
				w->expire_in = j - k;
				break;
			}
		}
	}
}

static void exec_step(struct ux_rt *rt, const struct ux_step *st)
{
	struct ux_rt_task *r = &rt->task[st->task];

	switch (st->op) {
	case UX_COMPLETE:
		if (write(r->pipe[1], "c", 1) < 0) {
			/* nothing to do: the pipe cannot be full here */
		}
		break;
	case UX_SIGNAL:
		/* A standard signal sent while one is pending is lost. */
		if (ux_sigusr1_pending(rt->pid, atomic_load(&r->tid), 0))
			r->sig_lost++;
		r->sig_sent++;
		syscall(SYS_tgkill, rt->pid, atomic_load(&r->tid), SIGUSR1);
		break;
	case UX_EXPIRE: {
		int64_t d = atomic_load(&r->deadline);

		if (d) {
			struct timespec ts = { 0, 1000000 };
			int64_t grace;
			char where[32];

			while (ux_clock_ns(r->clock) < d + 2000000LL)
				nanosleep(&ts, NULL);
			/*
			 * Under TCG on a loaded host the timer interrupt can come
			 * late: give a task still asleep in umcg_wait up to
			 * EXPIRE_GRACE_NS to leave it (it may legitimately stay,
			 * e.g. when a signal made the kernel lose the timeout).
			 */
			grace = ux_clock_ns(CLOCK_MONOTONIC) + EXPIRE_GRACE_NS;
			for (;;) {
				ux_rt_where(rt, st->task, where, sizeof(where));
				if (strcmp(where, "asleep:umcg_wait") || ux_clock_ns(CLOCK_MONOTONIC) > grace)
					break;
				nanosleep(&ts, NULL);
			}
		}
		break;
	}
	case UX_UNMAP: {
		uint64_t w[UF_COUNT];

		ux_rt_read_words(rt, st->task, w);
		if (munmap(r->page, 4096) == 0)
			r->unmapped = 1;
		break;
	}
	default:
		if (st->op == UX_CTL && (st->flags & 0xff) == 1 &&
		    (st->clock == 0 || st->clock == 1 || st->clock == 7 || st->clock == 11))
			r->clock = st->clock;
		/*
		 * A fresh, unpopulated page at the same address: the task's
		 * store faults.  (mmap, not madvise: CONFIG_ADVISE_SYSCALLS is
		 * off in the reference kernel's tinyconfig.)
		 */
		if (st->op == UX_FAULT)
			mmap(rt->task[st->task].scratch, 4096, PROT_READ | PROT_WRITE,
			     MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		ux_rt_post(rt, st->task, st, 1, 0);
		break;
	}
}

static void snapshot_base(struct ux_rt *rt)
{
	for (int i = 0; i < rt->n; i++)
		ux_rt_read_words(rt, i, rt->task[i].base);
}

static void header_line(struct ux_rt *rt)
{
	struct ux_buf b = { 0 };

	ux_buf_puts(&b, "\"tids\":{");
	for (int i = 0; i < rt->n; i++)
		ux_buf_printf(&b, "%s\"%s\":%d", i ? "," : "", rt->t->names[i], (int)atomic_load(&rt->task[i].tid));
	ux_buf_puts(&b, "},\"addrs\":{");
	for (int i = 0; i < rt->n; i++)
		ux_buf_printf(&b, "%s\"%s\":\"0x%llx\"", i ? "," : "", rt->t->names[i],
			      (unsigned long long)(uintptr_t)rt->task[i].ut);
	ux_buf_puts(&b, "}");
	out_line(rt->out, "H", b.p);
	ux_buf_free(&b);
}

/* Runs steps to quiescence; emits an observation per step when `report`. -1 on timeout (X line written). */
static int run_steps(struct ux_rt *rt, struct ux_step *steps, int n, int report, uint32_t *res_seen)
{
	static int64_t slowest;
	char err[512];

	for (int k = 0; k < n; k++) {
		int64_t since, took;

		if (steps[k].expire_in) {
			int64_t per = 4 * slowest > EXPIRE_MIN_NS ? 4 * slowest : EXPIRE_MIN_NS;

			steps[k].deadline_ns = per * steps[k].expire_in;
		}
		snapshot_base(rt);
		since = ux_clock_ns(CLOCK_MONOTONIC);
		exec_step(rt, &steps[k]);
		took = ux_clock_ns(CLOCK_MONOTONIC) - since;
		if (steps[k].op == UX_EXPIRE)
			ux_times.expire += took;
		else
			ux_times.exec += took;
		if (ux_rt_quiesce(rt, since, steps[k].op == UX_EXPIRE ? EXPIRE_SETTLE_NS : 0, err, sizeof(err))) {
			char d[600];

			snprintf(d, sizeof(d), "%s step %d: %s", report ? "" : "prologue", k + 1, err);
			out_line(rt->out, "X timeout", d);
			return -1;
		}
		took = ux_clock_ns(CLOCK_MONOTONIC) - since;
		if (steps[k].op != UX_EXPIRE && took > slowest)
			slowest = took;
		if (report) {
			struct ux_buf b = { 0 };
			int64_t t0 = ux_clock_ns(CLOCK_MONOTONIC);

			ux_rt_observe(rt, &b, res_seen);
			out_line(rt->out, "S", b.p);
			ux_buf_free(&b);
			ux_times.observe += ux_clock_ns(CLOCK_MONOTONIC) - t0;
		} else {
			/* prologue results are not reported */
			for (int i = 0; i < rt->n; i++)
				res_seen[i] = atomic_load(&rt->task[i].res_seq);
		}
	}
	return 0;
}

/* The T line: the child's time breakdown in microseconds (PROTOCOL.md, "timing"). */
static void timing_line(struct ux_rt *rt, int64_t child_ns)
{
	const struct ux_times *x = &ux_times;
	char b[400];

	snprintf(b, sizeof(b),
		 "\"child\":%lld,\"setup\":%lld,\"exec\":%lld,\"expire\":%lld,\"sample\":%lld,"
		 "\"period\":%lld,\"settle\":%lld,\"ping\":%lld,\"observe\":%lld,\"samples\":%d,"
		 "\"unsettled\":%d,\"pendingSignal\":%d",
		 (long long)child_ns / 1000, (long long)x->setup / 1000, (long long)x->exec / 1000,
		 (long long)x->expire / 1000, (long long)x->sample / 1000, (long long)x->period / 1000,
		 (long long)x->settle / 1000, (long long)x->ping / 1000, (long long)x->observe / 1000,
		 x->samples, x->unsettled, x->pending_sig);
	out_line(rt->out, "T", b);
}

static void child_main(const struct ux_config *cfg, struct ux_trace *t, int out)
{
	static struct ux_rt rtstore;
	struct ux_rt *rt = &rtstore;
	uint32_t res_seen[UX_MAX_TASKS] = { 0 };
	char err[256];
	sigset_t all;
	int64_t t0;

	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	memset(rt, 0, sizeof(*rt));
	rt->cfg = cfg;
	rt->t = t;
	rt->n = t->ntasks;
	rt->pid = getpid();
	rt->out = out;
	ux_rt = rt;
	t0 = ux_clock_ns(CLOCK_MONOTONIC);
	if (ux_rt_start(rt, err, sizeof(err))) {
		out_line(out, "X crashed", err);
		_exit(0);
	}
	ux_times.setup = ux_clock_ns(CLOCK_MONOTONIC) - t0;
	header_line(rt);
	lookahead(t->steps, t->nsteps);
	if (!t->litmus) {
		if (run_steps(rt, t->steps, t->nsteps, 1, res_seen))
			_exit(0);
	} else {
		struct ux_buf b = { 0 };
		char d[600];
		int64_t since;

		if (run_steps(rt, t->steps, t->nsteps, 0, res_seen))
			_exit(0);
		snapshot_base(rt);
		/* Placement (litmus `skew cpu=`): best effort, a CPU the guest lacks is ignored. */
		for (int i = 0; i < rt->n; i++) {
			cpu_set_t set;

			if (!t->cpu1[i])
				continue;
			CPU_ZERO(&set);
			CPU_SET(t->cpu1[i] - 1, &set);
			sched_setaffinity(atomic_load(&rt->task[i].tid), sizeof(set), &set);
		}
		for (int i = 0; i < rt->n; i++)
			if (t->nthr[i])
				ux_rt_post(rt, i, t->thr[i], t->nthr[i], 1);
		since = ux_clock_ns(CLOCK_MONOTONIC);
		atomic_store(&rt->go, 1);
		if (ux_rt_quiesce(rt, since, 0, err, sizeof(err))) {
			snprintf(d, sizeof(d), "litmus: %s", err);
			out_line(out, "X timeout", d);
			_exit(0);
		}
		ux_rt_observe(rt, &b, res_seen);
		out_line(out, "S", b.p);
	}
	timing_line(rt, ux_clock_ns(CLOCK_MONOTONIC) - t0);
	out_line(out, "X completed", "");
	_exit(0);
}

static int64_t mono_ms(void)
{
	return ux_clock_ns(CLOCK_MONOTONIC) / 1000000LL;
}

static void respond(struct ux_buf *out, const char *id, const char *status, const char *detail,
		    const char *hdr, const char *steps, long ms)
{
	ux_buf_puts(out, "{\"id\":");
	ux_json_str(out, id);
	ux_buf_printf(out, ",\"status\":\"%s\",\"detail\":", status);
	ux_json_str(out, detail);
	if (hdr && *hdr)
		ux_buf_printf(out, ",%s", hdr);
	if (ms >= 0)
		ux_buf_printf(out, ",\"ms\":%ld", ms);
	ux_buf_printf(out, ",\"steps\":[%s]}\n", steps ? steps : "");
}

void ux_run(const struct ux_config *cfg, struct ux_trace *t, struct ux_buf *out)
{
	struct ux_buf in = { 0 }, steps = { 0 }, hdr = { 0 }, timing = { 0 };
	char status[32] = "crashed", detail[700] = "";
	int fds[2], nsteps = 0, ended = 0, wstatus = 0;
	int64_t deadline, t0 = mono_ms();
	pid_t pid;

	if (pipe(fds)) {
		respond(out, t->id, "crashed", "pipe failed", NULL, NULL, -1);
		return;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		respond(out, t->id, "crashed", "fork failed", NULL, NULL, -1);
		return;
	}
	if (pid == 0) {
		close(fds[0]);
		child_main(cfg, t, fds[1]);
		_exit(0);
	}
	close(fds[1]);
	deadline = mono_ms() + (int64_t)(t->nsteps + 4) * (cfg->timeout_ms + 500) + 5000;
	for (;;) {
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		int64_t left = deadline - mono_ms();
		char chunk[4096];
		ssize_t n;

		if (left <= 0) {
			kill(pid, SIGKILL);
			snprintf(status, sizeof(status), "timeout");
			snprintf(detail, sizeof(detail), "the executor child made no progress (killed)");
			ended = 1;
			break;
		}
		if (poll(&pfd, 1, (int)(left > 1000 ? 1000 : left)) <= 0)
			continue;
		n = read(fds[0], chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		ux_buf_put(&in, chunk, n);
	}
	close(fds[0]);
	while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	/* Parse the child's lines. */
	for (char *line = in.p, *nl; line && *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = 0;
		if (!strncmp(line, "H ", 2)) {
			ux_buf_puts(&hdr, line + 2);
		} else if (!strncmp(line, "T ", 2)) {
			ux_buf_printf(&timing, "\"timing\":{%s}", line + 2);
		} else if (!strncmp(line, "S ", 2)) {
			ux_buf_printf(&steps, "%s", nsteps ? "," : "");
			ux_buf_puts(&steps, line + 2);
			nsteps++;
		} else if (!strncmp(line, "X ", 2) && !ended) {
			char *sp = strchr(line + 2, ' ');

			if (sp)
				*sp = 0;
			snprintf(status, sizeof(status), "%s", line + 2);
			snprintf(detail, sizeof(detail), "%s", sp ? sp + 1 : "");
			ended = 1;
		}
	}
	if (!ended) {
		if (WIFSIGNALED(wstatus)) {
			int expected = t->litmus ? 1 : t->nsteps;

			snprintf(status, sizeof(status), "completed");
			snprintf(detail, sizeof(detail), "killed by signal %d at step %d", WTERMSIG(wstatus), nsteps + 1);
			if (nsteps < expected || expected == 0) {
				ux_buf_printf(&steps, "%s{\"killed\":true,\"signal\":%d,\"tasks\":{},\"results\":{}}",
					      nsteps ? "," : "", WTERMSIG(wstatus));
			}
		} else {
			snprintf(detail, sizeof(detail), "executor child exited (status %d) without a result",
				 WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
		}
	}
	if (hdr.p && timing.p)
		ux_buf_printf(&hdr, ",%s", timing.p);
	respond(out, t->id, status, detail, hdr.p, steps.p, (long)(mono_ms() - t0));
	ux_buf_free(&timing);
	ux_buf_free(&in);
	ux_buf_free(&steps);
	ux_buf_free(&hdr);
}
