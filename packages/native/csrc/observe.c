/* SPDX-License-Identifier: MIT */
/*
 * Quiescence and observation (EXECUTION-MODEL.md, "Observations"): every task
 * is back in its command loop, asleep in the kernel (/proc/<pid>/task/<tid>/stat
 * S or D, /proc/.../syscall telling in which call), or exited.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "rt.h"

#define STABLE_SAMPLES	3
#define SAMPLE_US	1000
/* Longest a dequeued signal may take to reach its handler before we stop waiting. */
#define SIGNAL_GRACE_NS	(500LL * 1000000LL)

struct ux_times ux_times;

/* Reads a small /proc file; returns its length or -1. */
static int read_proc(pid_t pid, pid_t tid, const char *what, char *buf, size_t n)
{
	char path[96];
	int fd, len;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/%s", (int)pid, (int)tid, what);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	len = read(fd, buf, n - 1);
	close(fd);
	if (len < 0)
		return -1;
	buf[len] = 0;
	return len;
}

/* The scheduler state letter of a thread, or 0 if it is gone. */
static char thread_state(pid_t pid, pid_t tid)
{
	char buf[512], *p;

	if (read_proc(pid, tid, "stat", buf, sizeof(buf)) < 0)
		return 0;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : '?';
}

/* Bit of SIGUSR1 in a /proc/<pid>/status mask line such as "SigPnd:". */
static int usr1_in(const char *status, const char *key)
{
	const char *p = strstr(status, key);

	return p ? (int)((strtoull(p + strlen(key), NULL, 16) >> (SIGUSR1 - 1)) & 1) : 0;
}

int ux_sigusr1_pending(pid_t pid, pid_t tid, int unblocked_only)
{
	char buf[2048];

	if (read_proc(pid, tid, "status", buf, sizeof(buf)) < 0)
		return 0;
	if (!usr1_in(buf, "SigPnd:"))
		return 0;
	/* Blocked while its own handler runs, or is suspended (signal.handler-interrupt). */
	return !unblocked_only || !usr1_in(buf, "SigBlk:");
}

/* Whether a "-1 <sp> <pc>" line of /proc/<tid>/syscall has its pc in the handler. */
static int in_handler(const char *syscall_line)
{
	unsigned long sp, pc;

	return sscanf(syscall_line, "-1 %lx %lx", &sp, &pc) == 2 && ux_in_handler(pc);
}

/* Where a task is: writes "user", "asleep:<call>", "exited", or "" when not quiescent. */
static void task_where(struct ux_rt *rt, int i, int64_t since, char *out, size_t n)
{
	struct ux_rt_task *r = &rt->task[i];
	pid_t tid = atomic_load(&r->tid);
	char st = thread_state(rt->pid, tid);
	int in_loop = atomic_load(&r->done) == atomic_load(&r->posted);
	int op = atomic_load(&r->cur_op);
	char buf[256];
	long nr;

	out[0] = 0;
	if (atomic_load(&r->exited)) {
		if (st == 0 || st == 'Z' || st == 'X')
			snprintf(out, n, "exited");
		return;
	}
	if (st == 'R') {
		if (!in_loop)
			return;
		/*
		 * A signal not yet handled while running: not quiescent.  Once
		 * dequeued it is no longer pending but its handler may not have
		 * run yet (a vCPU can stall for milliseconds under TCG), so a
		 * signal counts until its handler ran, unless it was sent while
		 * another was pending (lost, like every standard signal).  The
		 * time limit only guards against a miscount.
		 */
		if (atomic_load(&r->signals) < r->sig_sent - r->sig_lost &&
		    (ux_sigusr1_pending(rt->pid, tid, 0) ||
		     ux_clock_ns(CLOCK_MONOTONIC) - since < SIGNAL_GRACE_NS)) {
			if (since)
				ux_times.pending_sig++;
			return;
		}
		snprintf(out, n, "user");
		return;
	}
	if (st != 'S' && st != 'D')
		return;
	/*
	 * An interruptible sleep with our signal pending is about to end: the
	 * signal wakes it, and every UMCG sleep and our blocking syscall end on
	 * a pending signal.  Under TCG with spinning threads the woken thread can
	 * wait long for a vCPU, so there is no time limit here but the step's
	 * timeout.  Only an uninterruptible sleep (D: a blocking fault) keeps a
	 * signal pending, and a sleep in the hook of an interrupt that landed
	 * in the handler, where the signal is blocked.
	 */
	if (st == 'S' && ux_sigusr1_pending(rt->pid, tid, 1))
		return;
	if (read_proc(rt->pid, tid, "syscall", buf, sizeof(buf)) < 0)
		return;
	/*
	 * rt_sigreturn sets orig_ax to -1, so after a handler /proc shows -1
	 * like an interrupt: the handler's flag tells them apart.
	 */
	nr = strncmp(buf, "running", 7) ? strtol(buf, NULL, 10) : -1;
	if (nr == -1 && in_handler(buf)) {
		snprintf(out, n, "asleep:interrupt");
		return;
	}
	if (nr == -1 && atomic_load(&r->sigret)) {
		snprintf(out, n, "asleep:rt_sigreturn");
		return;
	}
	if (nr == rt->cfg->nr_ctl)
		snprintf(out, n, "asleep:umcg_ctl");
	else if (nr == rt->cfg->nr_wait)
		snprintf(out, n, "asleep:umcg_wait");
	else if (nr == rt->cfg->nr_kick)
		snprintf(out, n, "asleep:umcg_kick");
	else if (nr == 15)
		snprintf(out, n, "asleep:rt_sigreturn");
	else if (nr == -1)
		snprintf(out, n, op == UX_FAULT ? "asleep:fault" : "asleep:interrupt");
	else
		snprintf(out, n, "asleep:syscall");
}

void ux_rt_where(struct ux_rt *rt, int i, char *out, size_t n)
{
	task_where(rt, i, 0, out, n);
}

/*
 * A running thread looks the same in /proc whether it executes user code or
 * a kernel path on its way back to user mode (the return-to-user hook after a
 * timer tick, say), and such a path may have written half of its changes.
 * So every task seen in "user" must echo a fresh ping from its command loop,
 * which only user code runs.  Returns 0 when all did and no task moved
 * meanwhile, 1 when some task moved (sample again), -1 at the deadline.
 */
static int user_barrier(struct ux_rt *rt, char cur[][32], int64_t since, int64_t deadline)
{
	uint32_t want[UX_MAX_TASKS] = { 0 };
	struct timespec ts = { 0, 100 * 1000 };
	char where[32];

	for (int i = 0; i < rt->n; i++)
		if (!strcmp(cur[i], "user"))
			want[i] = atomic_fetch_add(&rt->task[i].ping, 1) + 1;
	for (;;) {
		int waiting = 0;

		for (int i = 0; i < rt->n; i++) {
			if (!want[i] || atomic_load(&rt->task[i].pong) == want[i])
				continue;
			task_where(rt, i, since, where, sizeof(where));
			if (strcmp(where, "user"))
				return 1;
			waiting = 1;
		}
		if (!waiting)
			break;
		if (ux_clock_ns(CLOCK_MONOTONIC) > deadline)
			return -1;
		nanosleep(&ts, NULL);
	}
	for (int i = 0; i < rt->n; i++) {
		task_where(rt, i, since, where, sizeof(where));
		if (strcmp(where, cur[i]))
			return 1;
	}
	return 0;
}

int ux_rt_quiesce(struct ux_rt *rt, int64_t since, int64_t min_stable, char *err, size_t errlen)
{
	int64_t stable_since = 0;
	int64_t deadline = since + (int64_t)rt->cfg->timeout_ms * 1000000LL;
	char prev[UX_MAX_TASKS][32], cur[UX_MAX_TASKS][32];
	int stable = 0;

	memset(prev, 0, sizeof(prev));
	for (;;) {
		int quiet = 1, same = 1;
		struct timespec ts = { 0, SAMPLE_US * 1000 };
		int64_t t0 = ux_clock_ns(CLOCK_MONOTONIC), t1;

		ux_times.samples++;
		for (int i = 0; i < rt->n; i++) {
			task_where(rt, i, since, cur[i], sizeof(cur[i]));
			if (!cur[i][0])
				quiet = 0;
			if (strcmp(cur[i], prev[i]))
				same = 0;
		}
		memcpy(prev, cur, sizeof(prev));
		if (!quiet)
			ux_times.unsettled++;
		stable = quiet && same ? stable + 1 : (quiet ? 1 : 0);
		t1 = ux_clock_ns(CLOCK_MONOTONIC);
		ux_times.sample += t1 - t0;
		if (stable == 1)
			stable_since = t1;
		if (stable >= STABLE_SAMPLES && t1 - stable_since >= min_stable) {
			int moved = user_barrier(rt, cur, since, deadline);

			ux_times.ping += ux_clock_ns(CLOCK_MONOTONIC) - t1;
			if (!moved)
				return 0;
			if (moved > 0)
				stable = 0;
		}
		if (ux_clock_ns(CLOCK_MONOTONIC) > deadline) {
			size_t off = 0;

			off += snprintf(err + off, errlen - off, "no quiescence after %d ms:", rt->cfg->timeout_ms);
			for (int i = 0; i < rt->n && off < errlen; i++)
				if (!cur[i][0])
					off += snprintf(err + off, errlen - off, " %s running (op %d)",
							rt->t->names[i], atomic_load(&rt->task[i].cur_op));
			return -1;
		}
		t0 = ux_clock_ns(CLOCK_MONOTONIC);
		nanosleep(&ts, NULL);
		t1 = ux_clock_ns(CLOCK_MONOTONIC) - t0;
		if (stable >= STABLE_SAMPLES)
			ux_times.settle += t1;
		else
			ux_times.period += t1;
	}
}

/* The value of a "Key:\t..." line of a /proc status file, as a short string. */
static void status_field(const char *status, const char *key, char *out, size_t n)
{
	const char *p = strstr(status, key);

	out[0] = 0;
	if (!p)
		return;
	p += strlen(key);
	p += strspn(p, " \t");
	snprintf(out, n, "%.*s", (int)strcspn(p, "\n"), p);
}

/*
 * A task whose handler count is short of the signals sent to it (and not
 * lost) at quiescence gets a "diag" string with what /proc showed, so that
 * a failure report says which state it was in.  A handler suspended in the
 * hook (blocked signal) is such a case too.
 */
static void signal_diag(struct ux_rt *rt, int i, struct ux_buf *b)
{
	struct ux_rt_task *r = &rt->task[i];
	pid_t tid = atomic_load(&r->tid);
	char status[2048] = "", sc[128] = "", pnd[24], blk[24], diag[320];
	int missing = r->sig_sent - r->sig_lost - atomic_load(&r->signals);

	if (missing <= 0 || atomic_load(&r->exited))
		return;
	read_proc(rt->pid, tid, "status", status, sizeof(status));
	read_proc(rt->pid, tid, "syscall", sc, sizeof(sc));
	sc[strcspn(sc, "\n")] = 0;
	status_field(status, "SigPnd:", pnd, sizeof(pnd));
	status_field(status, "SigBlk:", blk, sizeof(blk));
	snprintf(diag, sizeof(diag), "%d of %d signals handled (%d lost); state %c, SigPnd %s, SigBlk %s, syscall %s",
		 atomic_load(&r->signals), r->sig_sent - r->sig_lost, r->sig_lost,
		 thread_state(rt->pid, tid) ?: '-', pnd, blk, sc);
	ux_buf_puts(b, ",\"diag\":");
	ux_json_str(b, diag);
}

void ux_rt_observe(struct ux_rt *rt, struct ux_buf *b, uint32_t *res_seen)
{
	int first = 1;

	ux_buf_puts(b, "{\"killed\":false,\"tasks\":{");
	for (int i = 0; i < rt->n; i++) {
		struct ux_rt_task *r = &rt->task[i];
		uint64_t w[UF_COUNT];
		char where[32];

		task_where(rt, i, 0, where, sizeof(where));
		ux_rt_read_words(rt, i, w);
		ux_buf_printf(b, "%s\"%s\":{\"where\":\"%s\",\"signals\":%d,\"words\":{", i ? "," : "",
			      rt->t->names[i], where[0] ? where : "user", atomic_load(&r->signals));
		for (int f = 0; f < UF_COUNT; f++) {
			if (f < 4)
				ux_buf_printf(b, "%s\"%s\":%llu", f ? "," : "", ux_field_name(f),
					      (unsigned long long)w[f]);
			else
				ux_buf_printf(b, ",\"%s\":\"%llu\"", ux_field_name(f), (unsigned long long)w[f]);
		}
		ux_buf_puts(b, "}");
		signal_diag(rt, i, b);
		ux_buf_printf(b, ",\"base\":{\"blocked_ts\":\"%llu\",\"runnable_ts\":\"%llu\"}}",
			      (unsigned long long)r->base[UF_BLOCKED_TS], (unsigned long long)r->base[UF_RUNNABLE_TS]);
	}
	ux_buf_puts(b, "},\"results\":{");
	for (int i = 0; i < rt->n; i++) {
		struct ux_rt_task *r = &rt->task[i];
		uint32_t seq = atomic_load_explicit(&r->res_seq, memory_order_acquire);

		if (seq == res_seen[i])
			continue;
		res_seen[i] = seq;
		ux_buf_printf(b, "%s\"%s\":{\"call\":", first ? "" : ",", rt->t->names[i]);
		ux_json_str(b, r->res_call);
		ux_buf_puts(b, ",\"ret\":");
		ux_json_str(b, r->res_ret);
		ux_buf_puts(b, "}");
		first = 0;
	}
	ux_buf_puts(b, "}}");
}
