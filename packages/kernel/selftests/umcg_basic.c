// SPDX-License-Identifier: GPL-2.0
/*
 * UMCG selftest: the server/worker loop, block and unblock, preemption via
 * sys_umcg_kick(), yield, worker-to-worker switch, timeouts on each clock,
 * signals during a wait, and unregistration.
 */
#include "umcg_lib.h"

static struct umcg_task *tasks;
static pid_t tids[8];		/* tid of the thread owning tasks[i] */

static int idx_of(struct umcg_task *ut)
{
	return (int)(ut - tasks);
}

static void publish_tid(struct umcg_task *ut)
{
	__atomic_store_n(&tids[idx_of(ut)], sys_gettid(), __ATOMIC_SEQ_CST);
}

static pid_t wait_tid(int i)
{
	while (!__atomic_load_n(&tids[i], __ATOMIC_SEQ_CST))
		sleep_ms(1);
	return tids[i];
}

/* ---- server/worker loop with yields ---------------------------------------- */

static void yield_fn(struct worker *w)
{
	int i;

	for (i = 0; i < 100; i++) {
		worker_yield(w);
		atomic_fetch_add(&w->progress, 1);
	}
}

static void test_loop(void)
{
	struct server s = { 0 };
	struct worker w[3];
	int i, ok = 1;

	server_register(&s, &tasks[0], CLOCK_MONOTONIC);
	for (i = 0; i < 3; i++)
		server_add_worker(&s, &w[i], &tasks[1 + i], yield_fn, NULL);
	server_run(&s);
	for (i = 0; i < 3; i++) {
		pthread_join(w[i].thread, NULL);
		ok &= w[i].result == 0 && atomic_load(&w[i].progress) == 100;
	}
	tap_result(ok && !s.error && s.nexited == 3,
		   "loop: 1 server, 3 workers, 100 yields each (%lu switches)",
		   atomic_load(&s.nswitches));
	EXPECT_ERR(umcg_ctl(UMCG_CTL_UNREGISTER, s.ut, 0), 0,
		   "loop: server unregister");
}

/* ---- block and unblock ---------------------------------------------------- */

struct block_arg {
	uint64_t blocked_ts, runnable_ts;
	int nreported;		/* sleeps that moved blocked_ts */
};

static void block_fn(struct worker *w)
{
	struct block_arg *a = w->arg;
	int i;

	for (i = 0; i < 20; i++) {
		uint64_t before = w->ut->blocked_ts;

		sleep_ms(3);		/* normally blocks in the kernel */
		if (w->ut->blocked_ts > before &&
		    w->ut->runnable_ts >= w->ut->blocked_ts)
			a->nreported++;
		atomic_fetch_add(&w->progress, 1);
	}
	a->blocked_ts = w->ut->blocked_ts;
	a->runnable_ts = w->ut->runnable_ts;
}

static void test_block(void)
{
	struct server s = { 0 };
	struct block_arg a = { 0 };
	struct worker w;
	uint64_t t0 = now_ns(CLOCK_MONOTONIC);

	server_register(&s, &tasks[0], CLOCK_MONOTONIC);
	server_add_worker(&s, &w, &tasks[1], block_fn, &a);
	server_run(&s);
	pthread_join(w.thread, NULL);
	/*
	 * A nanosleep whose timer expires before it schedules (the worker
	 * was preempted under TCG) does not block, so allow a few misses.
	 */
	tap_result(w.result == 0 && atomic_load(&w.progress) == 20 &&
		   a.nreported >= 15 && !s.error,
		   "block: 20 sleeps, %d reported via blocked_ts (server saw %lu BLOCKED)",
		   a.nreported, atomic_load(&s.nblocks));
	tap_result(a.blocked_ts > t0 && a.runnable_ts >= a.blocked_ts &&
		   a.runnable_ts < now_ns(CLOCK_MONOTONIC),
		   "block: blocked_ts/runnable_ts on CLOCK_MONOTONIC");
	umcg_ctl(UMCG_CTL_UNREGISTER, s.ut, 0);
}

/* Hand-driven: check the exact states and the list on block/unblock. */
static atomic_int step;

static void *manual_worker(void *arg)
{
	struct umcg_task *ut = arg;

	publish_tid(ut);
	if (umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, ut, CLOCK_MONOTONIC))
		return (void *)1;
	atomic_store(&step, 1);
	sleep_ms(30);
	atomic_store(&step, 2);
	umcg_ctl(UMCG_CTL_UNREGISTER | UMCG_CTL_WORKER, ut, 0);
	return NULL;
}

static void test_block_manual(void)
{
	struct umcg_task *s = &tasks[0], *w = &tasks[1];
	pid_t me = sys_gettid();
	pthread_t th;
	long r;
	pid_t wtid;

	memset(s, 0, sizeof(*s));
	s->state = UMCG_TASK_RUNNING;
	s->server_tid = me;
	umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC);
	memset(w, 0, sizeof(*w));
	w->state = UMCG_TASK_BLOCKED;
	w->server_tid = me;
	atomic_store(&step, 0);
	memset(tids, 0, sizeof(tids));
	pthread_create(&th, NULL, manual_worker, w);

	/* Idle until the worker registers (enqueue + wake). */
	r = umcg_switch(s, 0, now_ns(CLOCK_MONOTONIC) + 2000000000ull);
	if (r == -EAGAIN)
		r = 0;
	while (!s->runnable_workers_ptr)
		sleep_ms(1);
	__atomic_exchange_n(&s->runnable_workers_ptr, 0, __ATOMIC_SEQ_CST);
	wtid = wait_tid(1);
	while (state_of(w) != UMCG_TASK_RUNNABLE)
		sleep_ms(1);

	/* Run it; it blocks in nanosleep: the server is woken. */
	r = umcg_switch(s, wtid, now_ns(CLOCK_MONOTONIC) + 2000000000ull);
	tap_result(r == 0 && state_of(w) == UMCG_TASK_BLOCKED &&
		   atomic_load(&step) == 1,
		   "block: worker BLOCKED, server woken (%ld, state %#x)", r,
		   load_state(w));
	tap_result(s->next_tid == (wtid | UMCG_TID_RUNNING),
		   "block: server next_tid = W|TID_RUNNING");

	/*
	 * Idle: the unblock enqueues the worker and wakes the server.  As a
	 * real server would, look at the list after announcing the wait.
	 */
	s->next_tid = 0;
	store_state(s, UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
	if (__atomic_load_n(&s->runnable_workers_ptr, __ATOMIC_SEQ_CST)) {
		store_state(s, UMCG_TASK_RUNNING);
		r = 0;
	} else {
		r = ERR(umcg_wait(0, now_ns(CLOCK_MONOTONIC) + 2000000000ull));
	}
	tap_result(r == 0 && state_of(w) == UMCG_TASK_RUNNABLE &&
		   s->runnable_workers_ptr == (uintptr_t)w &&
		   w->runnable_workers_ptr == 0,
		   "unblock: worker RUNNABLE and on the list (%ld, %#x)", r,
		   load_state(w));
	tap_result(atomic_load(&step) == 1,
		   "unblock: the syscall has not returned yet");
	__atomic_exchange_n(&s->runnable_workers_ptr, 0, __ATOMIC_SEQ_CST);

	/* Run it again; it returns from nanosleep and unregisters. */
	r = umcg_switch(s, wtid, now_ns(CLOCK_MONOTONIC) + 2000000000ull);
	pthread_join(th, NULL);
	tap_result(r == 0 && atomic_load(&step) == 2 &&
		   state_of(w) == UMCG_TASK_NONE,
		   "unblock: runs after being switched to, then unregisters (%ld)",
		   r);
	umcg_ctl(UMCG_CTL_UNREGISTER, s, 0);
}

/* ---- a page fault that sleeps is a block ---------------------------------- */

struct fault_arg {
	char *region;
	long npages;
	int seen;		/* faults that moved blocked_ts */
	long touched;
	atomic_int stop;
};

static void fault_fn(struct worker *w)
{
	struct fault_arg *a = w->arg;
	long i;

	uint64_t end = now_ns(CLOCK_MONOTONIC) + 5000000000ull;

	/* Timing dependent: keep faulting for up to 5 s until seen. */
	while (a->seen < 3 && now_ns(CLOCK_MONOTONIC) < end) {
		for (i = 0; i < a->npages && a->seen < 3; i++) {
			uint64_t before = __atomic_load_n(&w->ut->blocked_ts,
							  __ATOMIC_SEQ_CST);

			a->region[i * 4096] = 1;	/* a page fault */
			if (__atomic_load_n(&w->ut->blocked_ts,
					    __ATOMIC_SEQ_CST) != before)
				a->seen++;
		}
		a->touched += i;
		/* Fresh pages (tinyconfig has no madvise()). */
		munmap(a->region, a->npages * 4096);
		a->region = mmap(NULL, a->npages * 4096, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	}
}

static void *mmap_hog(void *arg)
{
	struct fault_arg *a = arg;
	size_t sz = 32ul << 20;
	char *big = mmap(NULL, sz, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

	/* mprotect() of a populated region holds mmap_lock for write. */
	while (big != MAP_FAILED && !atomic_load(&a->stop)) {
		mprotect(big, sz, PROT_READ);
		mprotect(big, sz, PROT_READ | PROT_WRITE);
	}
	if (big != MAP_FAILED)
		munmap(big, sz);
	return NULL;
}

static void test_fault_block(void)
{
	struct server s = { 0 };
	struct fault_arg a = { 0 };
	struct worker w;
	pthread_t hog;

	a.npages = 2048;
	a.region = mmap(NULL, a.npages * 4096, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pthread_create(&hog, NULL, mmap_hog, &a);
	sleep_ms(20);
	server_register(&s, &tasks[0], CLOCK_MONOTONIC);
	server_add_worker(&s, &w, &tasks[1], fault_fn, &a);
	server_run(&s);
	pthread_join(w.thread, NULL);
	atomic_store(&a.stop, 1);
	pthread_join(hog, NULL);
	munmap(a.region, a.npages * 4096);
	tap_result(w.result == 0 && !s.error && a.seen > 0,
		   "fault: a worker page fault that sleeps on mmap_lock is reported (%d in %ld faults)",
		   a.seen, a.touched);
	umcg_ctl(UMCG_CTL_UNREGISTER, s.ut, 0);
}

/* ---- a trap goes through the hooks and leaves nothing pinned ------------- */

#include <ucontext.h>

static atomic_int nsigill;

static void on_sigill(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;

	(void)sig;
	(void)si;
	uc->uc_mcontext.gregs[REG_RIP] += 2;	/* skip ud2 */
	atomic_fetch_add(&nsigill, 1);
}

static void trap_fn(struct worker *w)
{
	int i;

	for (i = 0; i < 20; i++) {
		__asm__ volatile("ud2");
		getppid();	/* a stale pin would kill us here */
		if (i % 5 == 0)
			worker_yield(w);
	}
}

static void test_trap(void)
{
	struct sigaction sa = { .sa_sigaction = on_sigill,
				.sa_flags = SA_SIGINFO };
	struct server s = { 0 };
	struct worker w;

	sigaction(SIGILL, &sa, NULL);
	atomic_store(&nsigill, 0);
	server_register(&s, &tasks[0], CLOCK_MONOTONIC);
	server_add_worker(&s, &w, &tasks[1], trap_fn, NULL);
	server_run(&s);
	pthread_join(w.thread, NULL);
	tap_result(w.result == 0 && !s.error && atomic_load(&nsigill) == 20,
		   "trap: 20 ud2 traps in a worker, handled, nothing left pinned");
	umcg_ctl(UMCG_CTL_UNREGISTER, s.ut, 0);
	signal(SIGILL, SIG_DFL);
}

/* ---- preemption via kick ---------------------------------------------------- */

/*
 * Spin (no syscalls) until preempted 3 times: each preemption stamps
 * runnable_ts.  Give up after 10 s.
 */
static void spin_fn(struct worker *w)
{
	uint64_t end = now_ns(CLOCK_MONOTONIC) + 10000000000ull;
	uint64_t ts = __atomic_load_n(&w->ut->runnable_ts, __ATOMIC_SEQ_CST);
	int seen = 0;

	while (seen < 3 && now_ns(CLOCK_MONOTONIC) < end) {
		uint64_t t = __atomic_load_n(&w->ut->runnable_ts,
					     __ATOMIC_SEQ_CST);

		if (t != ts) {
			ts = t;
			seen++;
		}
	}
	atomic_store(&w->progress, seen);
}

static void test_preempt(void)
{
	struct server s = { 0 };
	struct worker w[2];
	int i, ok = 1;

	server_register(&s, &tasks[0], CLOCK_MONOTONIC);
	s.tick_ns = 10000000;	/* 10 ms */
	for (i = 0; i < 2; i++)
		server_add_worker(&s, &w[i], &tasks[1 + i], spin_fn, NULL);
	server_run(&s);
	for (i = 0; i < 2; i++) {
		pthread_join(w[i].thread, NULL);
		ok &= w[i].result == 0 && atomic_load(&w[i].progress) == 3;
	}
	tap_result(ok && !s.error && atomic_load(&s.npreempts) >= 2,
		   "preempt: 2 spinning workers, each preempted 3 times (%lu PREEMPT+kick)",
		   atomic_load(&s.npreempts));
	umcg_ctl(UMCG_CTL_UNREGISTER, s.ut, 0);
}

/* Exact states of one preemption. */
static void *spinner(void *arg)
{
	struct umcg_task *ut = arg;

	publish_tid(ut);
	if (umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, ut, CLOCK_MONOTONIC))
		return (void *)1;
	while (atomic_load(&step) != 5)
		;
	umcg_ctl(UMCG_CTL_UNREGISTER | UMCG_CTL_WORKER, ut, 0);
	return NULL;
}

/*
 * Register the calling thread as server @s, start a spinner worker @w (its
 * thread in @th), take it off the runnable list and return its tid.
 */
static pid_t start_spinner(struct umcg_task *s, struct umcg_task *w,
			   pthread_t *th)
{
	pid_t me = sys_gettid();

	memset(s, 0, sizeof(*s));
	s->state = UMCG_TASK_RUNNING;
	s->server_tid = me;
	umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC);
	memset(w, 0, sizeof(*w));
	w->state = UMCG_TASK_BLOCKED;
	w->server_tid = me;
	atomic_store(&step, 0);
	memset(tids, 0, sizeof(tids));
	pthread_create(th, NULL, spinner, w);
	while (!s->runnable_workers_ptr)
		sleep_ms(1);
	__atomic_exchange_n(&s->runnable_workers_ptr, 0, __ATOMIC_SEQ_CST);
	return wait_tid(1);
}

static void test_preempt_manual(void)
{
	struct umcg_task *s = &tasks[0], *w = &tasks[1];
	uint64_t ts;
	pid_t wtid;
	pthread_t th;
	long r;

	wtid = start_spinner(s, w, &th);

	r = umcg_switch(s, wtid, now_ns(CLOCK_MONOTONIC) + 20000000);
	tap_result(r == -ETIMEDOUT && state_of(w) == UMCG_TASK_RUNNING,
		   "preempt: worker running, server timed out (%ld)", r);
	ts = w->runnable_ts;
	tap_result(cas_state(w, UMCG_TASK_RUNNING,
			     UMCG_TASK_RUNNING | UMCG_TF_PREEMPT),
		   "preempt: CAS RUNNING -> RUNNING|PREEMPT");
	/* The next return to user space (timer tick) acts on PREEMPT. */
	r = umcg_switch(s, wtid | UMCG_TID_RUNNING, 0);
	tap_result(r == 0 || r == -EAGAIN, "preempt: server idles (%ld)", r);
	for (int i = 0; i < 1000 && !s->runnable_workers_ptr; i++)
		sleep_ms(1);
	tap_result(load_state(w) == UMCG_TASK_RUNNABLE &&
		   s->runnable_workers_ptr == (uintptr_t)w &&
		   w->runnable_ts > ts,
		   "preempt: worker RUNNABLE, PREEMPT cleared, enqueued (%#x)",
		   load_state(w));
	__atomic_exchange_n(&s->runnable_workers_ptr, 0, __ATOMIC_SEQ_CST);
	atomic_store(&step, 5);
	r = umcg_switch(s, wtid, now_ns(CLOCK_MONOTONIC) + 2000000000ull);
	pthread_join(th, NULL);
	tap_result(state_of(w) == UMCG_TASK_NONE,
		   "preempt: resumed worker unregisters (%ld)", r);
	umcg_ctl(UMCG_CTL_UNREGISTER, s, 0);
}

static void *kicker(void *arg)
{
	pid_t tid = *(pid_t *)arg;

	/* Give the server time to go idle, then kick the worker. */
	sleep_ms(20);
	umcg_kick(0, tid);
	return NULL;
}

static void test_preempt_kick(void)
{
	/* Same as above, but the kick comes from a helper thread. */
	struct umcg_task *s = &tasks[0], *w = &tasks[1];
	pthread_t th, kt;
	pid_t wtid;
	long r;

	wtid = start_spinner(s, w, &th);

	r = umcg_switch(s, wtid, now_ns(CLOCK_MONOTONIC) + 20000000);
	cas_state(w, UMCG_TASK_RUNNING, UMCG_TASK_RUNNING | UMCG_TF_PREEMPT);
	pthread_create(&kt, NULL, kicker, &wtid);
	r = umcg_switch(s, wtid | UMCG_TID_RUNNING,
			now_ns(CLOCK_MONOTONIC) + 2000000000ull);
	/*
	 * EAGAIN: a timer tick made the worker act on PREEMPT before we
	 * waited; the enqueue follows the state change.
	 */
	for (int i = 0; i < 1000 && !s->runnable_workers_ptr; i++)
		sleep_ms(1);
	tap_result((r == 0 || r == -EAGAIN) &&
		   load_state(w) == UMCG_TASK_RUNNABLE &&
		   s->runnable_workers_ptr == (uintptr_t)w,
		   "kick: preempted worker enqueued, idle server woken (%ld, %#x)",
		   r, load_state(w));
	pthread_join(kt, NULL);
	__atomic_exchange_n(&s->runnable_workers_ptr, 0, __ATOMIC_SEQ_CST);
	atomic_store(&step, 5);
	umcg_switch(s, wtid, now_ns(CLOCK_MONOTONIC) + 2000000000ull);
	pthread_join(th, NULL);
	umcg_ctl(UMCG_CTL_UNREGISTER, s, 0);
}

/* ---- worker-to-worker switch ----------------------------------------------- */

static void *w2w_worker(void *arg)
{
	struct umcg_task *ut = arg;
	struct umcg_task *other = ut == &tasks[1] ? &tasks[2] : &tasks[1];
	pid_t other_tid;

	publish_tid(ut);
	if (umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, ut, CLOCK_MONOTONIC))
		return (void *)1;
	if (ut == &tasks[1]) {
		/* W1: switch to W2 (taken off the list by the server). */
		while (!(other_tid = (pid_t)__atomic_load_n(&other->__zero[0], __ATOMIC_SEQ_CST)))
			;
		ut->__zero[0] = 0;
		umcg_switch(ut, other_tid, 0);
	} else {
		atomic_store(&step, 2);
	}
	while (atomic_load(&step) < 4)
		;
	umcg_ctl(UMCG_CTL_UNREGISTER | UMCG_CTL_WORKER, ut, 0);
	return NULL;
}

static void test_w2w(void)
{
	struct umcg_task *s = &tasks[0], *w1 = &tasks[1], *w2 = &tasks[2];
	pid_t me = sys_gettid(), t1, t2;
	pthread_t th1, th2;
	long r;

	memset(s, 0, 3 * sizeof(*s));
	s->state = UMCG_TASK_RUNNING;
	s->server_tid = me;
	umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC);
	w1->state = w2->state = UMCG_TASK_BLOCKED;
	w1->server_tid = w2->server_tid = me;
	atomic_store(&step, 0);
	memset(tids, 0, sizeof(tids));
	pthread_create(&th1, NULL, w2w_worker, w1);
	while (state_of(w1) != UMCG_TASK_RUNNABLE)
		sleep_ms(1);
	pthread_create(&th2, NULL, w2w_worker, w2);
	while (state_of(w2) != UMCG_TASK_RUNNABLE)
		sleep_ms(1);
	t1 = wait_tid(1);
	t2 = wait_tid(2);
	__atomic_exchange_n(&s->runnable_workers_ptr, 0, __ATOMIC_SEQ_CST);
	w1->runnable_workers_ptr = w2->runnable_workers_ptr = 0;

	/* Tell W1 about W2 (through a scratch word before it reads it). */
	r = umcg_switch(s, t1, now_ns(CLOCK_MONOTONIC) + 10000000);
	w2->__zero[0] = t2;
	/* W1 switches to W2, enqueues itself and wakes us. */
	r = umcg_switch(s, t1 | UMCG_TID_RUNNING,
			now_ns(CLOCK_MONOTONIC) + 2000000000ull);
	while (atomic_load(&step) < 2)
		sleep_ms(1);
	/* EAGAIN: W1 left RUNNING before we waited; let it finish enqueueing. */
	for (int i = 0; i < 1000 && !s->runnable_workers_ptr; i++)
		sleep_ms(1);
	tap_result(state_of(w2) == UMCG_TASK_RUNNING &&
		   state_of(w1) == UMCG_TASK_RUNNABLE &&
		   w1->next_tid == (t2 | UMCG_TID_RUNNING) &&
		   s->runnable_workers_ptr == (uintptr_t)w1,
		   "w2w: W2 RUNNING, W1 RUNNABLE+enqueued, W1.next_tid = W2|TID_RUNNING (%ld)",
		   r);

	w2->__zero[0] = 0;
	__atomic_exchange_n(&s->runnable_workers_ptr, 0, __ATOMIC_SEQ_CST);
	atomic_store(&step, 4);
	/* W2 unregisters (wakes us); then run W1 to let it finish. */
	while (state_of(w2) != UMCG_TASK_NONE)
		sleep_ms(1);
	r = umcg_switch(s, t1, now_ns(CLOCK_MONOTONIC) + 2000000000ull);
	pthread_join(th1, NULL);
	pthread_join(th2, NULL);
	tap_result(state_of(w1) == UMCG_TASK_NONE,
		   "w2w: both workers finish");
	umcg_ctl(UMCG_CTL_UNREGISTER, s, 0);
}

/* ---- timeouts on each clock -------------------------------------------------- */

static void test_timeouts(void)
{
	static const struct { clockid_t clk; const char *name; } clocks[] = {
		{ CLOCK_REALTIME, "REALTIME" },
		{ CLOCK_MONOTONIC, "MONOTONIC" },
		{ CLOCK_BOOTTIME, "BOOTTIME" },
		{ CLOCK_TAI, "TAI" },
	};
	struct umcg_task *s = &tasks[0];
	pid_t me = sys_gettid();
	unsigned int i;

	for (i = 0; i < 4; i++) {
		clockid_t c = clocks[i].clk;
		uint64_t t0, t1;
		long r, r2;

		memset(s, 0, sizeof(*s));
		s->state = UMCG_TASK_RUNNING;
		s->server_tid = me;
		umcg_ctl(UMCG_CTL_REGISTER, s, c);
		t0 = now_ns(c);
		r = umcg_switch(s, 0, t0 + 20000000);
		t1 = now_ns(c);
		r2 = umcg_switch(s, 0, now_ns(c) - 1000000);
		tap_result(r == -ETIMEDOUT && t1 - t0 >= 20000000 &&
			   t1 - t0 < 2000000000ull &&
			   load_state(s) == UMCG_TASK_RUNNING &&
			   s->runnable_ts >= t0 && s->runnable_ts <= t1 + 20000000 &&
			   r2 == -ETIMEDOUT,
			   "timeout: CLOCK_%s (%ld after %llu us, past: %ld)",
			   clocks[i].name, r,
			   (unsigned long long)(t1 - t0) / 1000, r2);
		umcg_ctl(UMCG_CTL_UNREGISTER, s, 0);
	}

	/* A failed second REGISTER still switches the clock. */
	memset(s, 0, sizeof(*s));
	s->state = UMCG_TASK_RUNNING;
	s->server_tid = me;
	umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_REALTIME), EINVAL,
		   "timeout: second register fails");
	{
		/* In the past on either clock; runnable_ts shows which. */
		uint64_t t0 = now_ns(CLOCK_REALTIME);
		long r = umcg_switch(s, 0, now_ns(CLOCK_MONOTONIC));

		tap_result(r == -ETIMEDOUT && s->runnable_ts >= t0 - 1000000000ull,
			   "timeout: ... but the clock is now REALTIME (%ld, ts %llu)",
			   r, (unsigned long long)s->runnable_ts);
	}
	umcg_ctl(UMCG_CTL_UNREGISTER, s, 0);
}

/* ---- signals during a wait --------------------------------------------------- */

static atomic_int sig_state, sig1_state;
static struct umcg_task *sig_task;

static void on_sig(int sig)
{
	atomic_store(&sig_state, (int)load_state(sig_task));
	if (sig == SIGUSR1)
		atomic_store(&sig1_state, (int)load_state(sig_task));
}

struct sig_arg {
	pid_t tid;
	struct umcg_task *ut;
};

static void *waker(void *arg)
{
	struct sig_arg *a = arg;

	sleep_ms(20);
	syscall(SYS_tgkill, getpid(), a->tid, SIGUSR1);
	/* Let the first handler run (and see RUNNABLE) before the wake. */
	for (int i = 0; i < 5000 && !atomic_load(&sig1_state); i++)
		sleep_ms(1);
	sleep_ms(30);
	/* Make the server RUNNING the way a worker would. */
	cas_state(a->ut, UMCG_TASK_RUNNABLE, UMCG_TASK_RUNNING);
	syscall(SYS_tgkill, getpid(), a->tid, SIGUSR2);
	return NULL;
}

static void test_signal(void)
{
	struct umcg_task *s = &tasks[0];
	pid_t me = sys_gettid();
	struct sig_arg a = { me, s };
	struct sigaction sa = { .sa_handler = on_sig };
	uint64_t t0;
	pthread_t th;
	long r;

	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	memset(s, 0, sizeof(*s));
	s->state = UMCG_TASK_RUNNING;
	s->server_tid = me;
	sig_task = s;
	umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC);
	pthread_create(&th, NULL, waker, &a);
	t0 = now_ns(CLOCK_MONOTONIC);
	r = umcg_switch(s, 0, t0 + 5000000000ull);
	pthread_join(th, NULL);
	tap_result(r == 0 && atomic_load(&sig_state) != 0 &&
		   load_state(s) == UMCG_TASK_RUNNING &&
		   now_ns(CLOCK_MONOTONIC) - t0 >= 50000000,
		   "signal: wait returns 0 only once RUNNING (handler saw %#x)",
		   atomic_load(&sig_state));
	tap_result(atomic_load(&sig1_state) == UMCG_TASK_RUNNABLE,
		   "signal: first handler ran while RUNNABLE (%#x)",
		   atomic_load(&sig1_state));
	umcg_ctl(UMCG_CTL_UNREGISTER, s, 0);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

/* ---- fork and exec ------------------------------------------------------------ */

static void test_fork(void)
{
	struct umcg_task *s = &tasks[0];
	pid_t me = sys_gettid(), pid;
	int st;

	memset(s, 0, sizeof(*s));
	s->state = UMCG_TASK_RUNNING;
	s->server_tid = me;
	umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC);
	pid = fork();
	if (!pid) {
		/* Not registered: umcg_wait says EINVAL, register works. */
		long r = ERR(umcg_wait(0, 0));

		if (r != -EINVAL)
			_exit(1);
		s->server_tid = getpid();
		_exit(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC) ? 2 : 0);
	}
	waitpid(pid, &st, 0);
	tap_result(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		   "fork: child starts unregistered (status %#x)", st);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_UNREGISTER, s, 0), 0,
		   "fork: parent still registered");
}

/* A worker thread that exits without unregistering: nothing is reported. */
static void *exiting_worker(void *arg)
{
	struct umcg_task *ut = arg;

	publish_tid(ut);
	if (umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, ut, CLOCK_MONOTONIC))
		return (void *)1;
	getppid();		/* a hooked syscall, then exit while pinned */
	return NULL;		/* pthread exit: do_exit() without unregister */
}

static void test_worker_exit(void)
{
	struct umcg_task *s = &tasks[0], *w = &tasks[1];
	pid_t me = sys_gettid(), wtid;
	pthread_t th;
	long r;

	memset(s, 0, 2 * sizeof(*s));
	s->state = UMCG_TASK_RUNNING;
	s->server_tid = me;
	umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC);
	w->state = UMCG_TASK_BLOCKED;
	w->server_tid = me;
	memset(tids, 0, sizeof(tids));
	pthread_create(&th, NULL, exiting_worker, w);
	wtid = wait_tid(1);
	while (!s->runnable_workers_ptr)
		sleep_ms(1);
	__atomic_exchange_n(&s->runnable_workers_ptr, 0, __ATOMIC_SEQ_CST);
	w->runnable_workers_ptr = 0;
	r = umcg_switch(s, wtid, now_ns(CLOCK_MONOTONIC) + 200000000);
	pthread_join(th, NULL);
	tap_result(r == -ETIMEDOUT && load_state(w) == UMCG_TASK_RUNNING &&
		   !s->runnable_workers_ptr,
		   "exit: worker exits without unregister, server not woken (%ld, %#x)",
		   r, load_state(w));
	r = umcg_switch(s, wtid | UMCG_TID_RUNNING, 0);
	tap_result(r == -ESRCH && load_state(s) == UMCG_TASK_RUNNING,
		   "exit: the exited worker is no UMCG task any more (%ld)", r);
	umcg_ctl(UMCG_CTL_UNREGISTER, s, 0);
}

/* execve: the new image starts unregistered. */
static int exec_child(void)
{
	struct umcg_task *t = alloc_tasks(1);

	if (ERR(umcg_wait(0, 0)) != -EINVAL)
		return 3;
	t->state = UMCG_TASK_RUNNING;
	t->server_tid = sys_gettid();
	if (umcg_ctl(UMCG_CTL_REGISTER, t, CLOCK_MONOTONIC))
		return 4;
	return umcg_ctl(UMCG_CTL_UNREGISTER, t, 0) ? 5 : 0;
}

static void test_exec(void)
{
	struct umcg_task *s = &tasks[0];
	pid_t pid;
	int st;

	pid = fork();
	if (!pid) {
		memset(s, 0, sizeof(*s));
		s->state = UMCG_TASK_RUNNING;
		s->server_tid = getpid();
		if (umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC))
			_exit(2);
		execl("/proc/self/exe", "umcg_basic", "exec-child", (char *)NULL);
		_exit(1);
	}
	waitpid(pid, &st, 0);
	tap_result(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		   "exec: a registered server execs; the new image starts unregistered (status %#x)",
		   st);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exec-child"))
		return exec_child();
	tasks = alloc_tasks(8);
	tap_header("umcg_basic", -1);
	test_loop();
	test_block();
	test_block_manual();
	test_fault_block();
	test_trap();
	test_preempt();
	test_preempt_manual();
	test_preempt_kick();
	test_w2w();
	test_timeouts();
	test_signal();
	test_fork();
	test_exec();
	test_worker_exit();
	return tap_finish();
}
