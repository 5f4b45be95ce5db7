// SPDX-License-Identifier: GPL-2.0
/*
 * UMCG selftest: every error of sys_umcg_ctl(), sys_umcg_wait() and
 * sys_umcg_kick(), with the caller's state after each error.
 */
#include "umcg_lib.h"

static struct umcg_task *tasks;

static void reset(struct umcg_task *t, uint32_t state, pid_t server)
{
	memset(t, 0, sizeof(*t));
	t->state = state;
	t->server_tid = server;
}

static atomic_int idle_tid;

static void *idle_thread(void *arg)
{
	atomic_int *stop = arg;

	atomic_store(&idle_tid, sys_gettid());
	while (!atomic_load(stop))
		sleep_ms(1);
	return NULL;
}

/* A plain (non-UMCG) thread, and a worker registered with server @srv. */
struct helper {
	struct umcg_task *ut;
	pid_t tid;
	pid_t server;
	atomic_int registered;
	atomic_int stop;
	long ret;
};

static void *worker_thread(void *arg)
{
	struct helper *h = arg;

	h->tid = sys_gettid();
	reset(h->ut, UMCG_TASK_BLOCKED, h->server);
	atomic_store(&h->registered, 1);
	h->ret = ERR(umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, h->ut,
			      CLOCK_MONOTONIC));
	/* Running: wait until told to stop, then unregister. */
	while (!atomic_load(&h->stop))
		;
	if (!h->ret)
		h->ret = ERR(umcg_ctl(UMCG_CTL_UNREGISTER | UMCG_CTL_WORKER,
				      h->ut, 0));
	return NULL;
}

static void test_ctl_errors(void)
{
	struct umcg_task *s = &tasks[0];
	pid_t me = sys_gettid();
	struct umcg_task *unmapped;
	pthread_t th;
	atomic_int stop = 0;
	pid_t plain_tid;

	reset(s, UMCG_TASK_RUNNING, me);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, (void *)((char *)s + 8),
			    CLOCK_MONOTONIC), EINVAL, "ctl: misaligned self");
	EXPECT_ERR(umcg_ctl(0, s, CLOCK_MONOTONIC), EINVAL, "ctl: cmd 0");
	EXPECT_ERR(umcg_ctl(3, s, CLOCK_MONOTONIC), EINVAL, "ctl: cmd 3");
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER | 0x20000, s, CLOCK_MONOTONIC),
		   EINVAL, "ctl: stray flag");
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER | 0x100, s, CLOCK_MONOTONIC),
		   EINVAL, "ctl: stray flag in bits 8-15");
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_PROCESS_CPUTIME_ID),
		   EINVAL, "ctl: invalid clock");
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC_RAW),
		   EINVAL, "ctl: CLOCK_MONOTONIC_RAW rejected");
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, NULL, CLOCK_MONOTONIC), EINVAL,
		   "ctl: register NULL");

	unmapped = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
			-1, 0);
	munmap(unmapped, 4096);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, unmapped, CLOCK_MONOTONIC),
		   EFAULT, "ctl: unmapped self");

	reset(s, UMCG_TASK_RUNNING, me);
	s->next_tid = me;
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC), EINVAL,
		   "ctl: next_tid != 0");
	reset(s, UMCG_TASK_RUNNING, me);
	s->__hole[0] = 1;
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC), EINVAL,
		   "ctl: __hole != 0");
	reset(s, UMCG_TASK_RUNNING, me);
	s->__zero[2] = 1;
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC), EINVAL,
		   "ctl: __zero != 0");

	/* ESRCH is checked before the state. */
	reset(s, UMCG_TASK_BLOCKED, me + 100000);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC), ESRCH,
		   "ctl: server_tid not self (before state check)");

	atomic_store(&idle_tid, 0);
	pthread_create(&th, NULL, idle_thread, &stop);
	while (!atomic_load(&idle_tid))
		sleep_ms(1);
	plain_tid = idle_tid;
	reset(s, UMCG_TASK_RUNNING, plain_tid);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC), ESRCH,
		   "ctl: server naming another thread");
	reset(s, UMCG_TASK_BLOCKED, plain_tid);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, s,
			    CLOCK_MONOTONIC), ESRCH,
		   "ctl: worker naming a non-UMCG thread");
	reset(s, UMCG_TASK_BLOCKED, me);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, s,
			    CLOCK_MONOTONIC), ESRCH,
		   "ctl: worker naming itself (not registered)");
	reset(s, UMCG_TASK_BLOCKED, 1);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, s,
			    CLOCK_MONOTONIC), ESRCH,
		   "ctl: worker naming another process");
	atomic_store(&stop, 1);
	pthread_join(th, NULL);

	reset(s, UMCG_TASK_BLOCKED, me);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC), EINVAL,
		   "ctl: server state BLOCKED");
	reset(s, UMCG_TASK_RUNNING | UMCG_TF_PREEMPT, me);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC), EINVAL,
		   "ctl: server state with TF bit");
	reset(s, UMCG_TASK_RUNNING | 0x10000, me);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC), 0,
		   "ctl: server register, user bits ignored");
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC), EINVAL,
		   "ctl: already registered");
	tap_result(s->state == (UMCG_TASK_RUNNING | 0x10000),
		   "ctl: register writes nothing (state %#x)", s->state);

	/* Worker registration errors with a registered server. */
	reset(&tasks[1], UMCG_TASK_RUNNING, me);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, &tasks[1],
			    CLOCK_MONOTONIC), EINVAL, "ctl: worker state RUNNING");

	/* Unregister errors. */
	EXPECT_ERR(umcg_ctl(UMCG_CTL_UNREGISTER, NULL, 0), EINVAL,
		   "ctl: unregister NULL");
	EXPECT_ERR(umcg_ctl(UMCG_CTL_UNREGISTER, &tasks[1], 0), EINVAL,
		   "ctl: unregister other self");
	EXPECT_ERR(umcg_ctl(UMCG_CTL_UNREGISTER | UMCG_CTL_WORKER, s, 0),
		   EINVAL, "ctl: server unregister with WORKER flag");
	store_state(s, UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT | 0x10000);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_UNREGISTER, s, 0), EAGAIN,
		   "ctl: unregister while not RUNNING");
	store_state(s, UMCG_TASK_RUNNING | 0x10000);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_UNREGISTER, s, 0), 0,
		   "ctl: unregister after EAGAIN (no stale pin)");
	tap_result((s->state & 0xffff) == UMCG_TASK_NONE &&
		   (s->state & 0x10000),
		   "ctl: unregister leaves NONE, user bits kept (%#x)",
		   s->state);
	EXPECT_ERR(umcg_ctl(UMCG_CTL_UNREGISTER, s, 0), EINVAL,
		   "ctl: unregister when not registered");
}

static void test_wait_errors(void)
{
	struct umcg_task *s = &tasks[0];
	pid_t me = sys_gettid();
	struct helper h = { .ut = &tasks[2] };
	pthread_t th, th2;
	atomic_int stop = 0;
	long r;

	EXPECT_ERR(umcg_wait(0, 0), EINVAL, "wait: not registered");

	reset(s, UMCG_TASK_RUNNING, me);
	if (umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC)) {
		tap_result(false, "wait: server register: %s", strerror(errno));
		return;
	}

	store_state(s, UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
	EXPECT_ERR(umcg_wait(1, 0), EINVAL, "wait: flags != 0");
	tap_result(load_state(s) == (UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT),
		   "wait: EINVAL leaves the state (%#x)", load_state(s));

	store_state(s, UMCG_TASK_RUNNING);
	s->next_tid = 0;
	EXPECT_ERR(umcg_wait(0, 0), EAGAIN, "wait: while RUNNING");
	tap_result(load_state(s) == UMCG_TASK_RUNNING,
		   "wait: EAGAIN leaves RUNNING (%#x)", load_state(s));

	r = umcg_switch(s, 0x3ffffff0, 0);
	tap_result(r == -ESRCH && load_state(s) == UMCG_TASK_RUNNING,
		   "wait: garbage next_tid -> ESRCH, reverted to RUNNING (%ld, %#x)",
		   r, load_state(s));

	atomic_store(&idle_tid, 0);
	pthread_create(&th, NULL, idle_thread, &stop);
	while (!atomic_load(&idle_tid))
		sleep_ms(1);
	r = umcg_switch(s, idle_tid, 0);
	tap_result(r == -ESRCH && load_state(s) == UMCG_TASK_RUNNING,
		   "wait: non-UMCG next_tid -> ESRCH (%ld)", r);
	atomic_store(&stop, 1);
	pthread_join(th, NULL);

	/* A worker that is RUNNING: next_tid = it -> EAGAIN. */
	h.server = me;
	pthread_create(&th, NULL, worker_thread, &h);
	while (!atomic_load(&h.registered))
		sleep_ms(1);
	/* The worker pushed itself and woke us (we are RUNNING: no-op). */
	while (!s->runnable_workers_ptr)
		sleep_ms(1);
	tap_result(s->runnable_workers_ptr == (uintptr_t)h.ut &&
		   state_of(h.ut) == UMCG_TASK_RUNNABLE,
		   "worker registration: RUNNABLE and on the server's list");
	__atomic_exchange_n(&s->runnable_workers_ptr, 0, __ATOMIC_SEQ_CST);
	h.ut->runnable_workers_ptr = 0;

	/* D2: a worker asleep in its registration is still a worker. */
	{
		struct helper h2 = { .ut = &tasks[3], .server = h.tid };

		h2.stop = 1;
		pthread_create(&th2, NULL, worker_thread, &h2);
		pthread_join(th2, NULL);
		tap_result(h2.ret == -ESRCH,
			   "ctl: worker naming a waiting worker as server -> ESRCH (%ld)",
			   h2.ret);
	}

	r = umcg_switch(s, h.tid | UMCG_TID_RUNNING, 0);
	tap_result(r == -EAGAIN && load_state(s) == UMCG_TASK_RUNNING,
		   "wait: next_tid|TID_RUNNING not running -> EAGAIN (%ld)", r);

	/* Switch to the worker with a timeout; it runs, we time out. */
	r = umcg_switch(s, h.tid, now_ns(CLOCK_MONOTONIC) + 20000000);
	tap_result(r == -ETIMEDOUT && load_state(s) == UMCG_TASK_RUNNING &&
		   s->next_tid == (h.tid | UMCG_TID_RUNNING) &&
		   state_of(h.ut) == UMCG_TASK_RUNNING,
		   "wait: switch to worker, server times out (%ld, next %#x)",
		   r, s->next_tid);

	{
		struct helper h3 = { .ut = &tasks[3], .server = h.tid };

		h3.stop = 1;
		pthread_create(&th2, NULL, worker_thread, &h3);
		pthread_join(th2, NULL);
		tap_result(h3.ret == -ESRCH,
			   "ctl: worker naming a running worker as server -> ESRCH (%ld)",
			   h3.ret);
	}

	r = umcg_switch(s, h.tid, 0);
	tap_result(r == -EAGAIN && load_state(s) == UMCG_TASK_RUNNING &&
		   s->next_tid == (uint32_t)h.tid,
		   "wait: next_tid RUNNING worker -> EAGAIN, next_tid kept (%ld)",
		   r);

	r = umcg_switch(s, h.tid | UMCG_TID_RUNNING,
			now_ns(CLOCK_MONOTONIC) + 10000000);
	tap_result(r == -ETIMEDOUT,
		   "wait: next_tid|TID_RUNNING running -> waits (%ld)", r);

	r = umcg_switch(s, me, 0);
	tap_result(r == 0 && load_state(s) == UMCG_TASK_RUNNING &&
		   s->next_tid == ((uint32_t)me | UMCG_TID_RUNNING),
		   "wait: next_tid = self -> 0 (%ld)", r);

	/* Kick errors. */
	EXPECT_ERR(umcg_kick(0, 0x3ffffff0), ESRCH, "kick: garbage tid");
	EXPECT_ERR(umcg_kick(1, 0x3ffffff0), ESRCH,
		   "kick: ESRCH checked before flags");
	EXPECT_ERR(umcg_kick(1, me), EINVAL, "kick: flags != 0");
	EXPECT_ERR(umcg_kick(0, me), 0, "kick: self");
	EXPECT_ERR(umcg_kick(0, h.tid | UMCG_TID_RUNNING), 0,
		   "kick: tid masked");

	/* The worker is RUNNING: let it unregister, which wakes us. */
	s->next_tid = 0;
	atomic_store(&h.stop, 1);
	r = umcg_switch(s, 0, now_ns(CLOCK_MONOTONIC) + 2000000000ull);
	pthread_join(th, NULL);
	tap_result(h.ret == 0 && state_of(h.ut) == UMCG_TASK_NONE && r == 0,
		   "worker unregister wakes the server (%ld, %ld)", h.ret, r);

	/* ESRCH from the pin: server_tid no longer names a UMCG task. */
	s->server_tid = 0x3ffffff0;
	r = umcg_switch(s, 0, 0);
	tap_result(r == -ESRCH && load_state(s) == UMCG_TASK_RUNNING,
		   "wait: bad server_tid -> ESRCH, reverted (%ld)", r);
	s->server_tid = me;

	EXPECT_ERR(umcg_ctl(UMCG_CTL_UNREGISTER, s, 0), 0,
		   "server unregister");
}

/* ERANGE for a worker timeout; the worker stays a worker afterwards. */
static void erange_fn(struct worker *w)
{
	long r, r2;

	r = umcg_switch(w->ut, 0, now_ns(CLOCK_MONOTONIC) + 1000000);
	w->result = r;
	/* Back to RUNNING by hand, then a normal yield must enqueue us. */
	store_state(w->ut, UMCG_TASK_RUNNING);
	r2 = umcg_switch(w->ut, 0, 0);
	if (r2)
		w->result = r2 + 1000;
}

static void test_erange(void)
{
	struct server s = { 0 };
	struct worker w;
	int ok;

	server_register(&s, &tasks[4], CLOCK_MONOTONIC);
	server_add_worker(&s, &w, &tasks[5], erange_fn, NULL);
	server_run(&s);
	pthread_join(w.thread, NULL);
	ok = w.result == -ERANGE;
	tap_result(ok && !s.error, "wait: worker timeout -> ERANGE, yield still enqueues (%ld)",
		   w.result);
	umcg_ctl(UMCG_CTL_UNREGISTER, s.ut, 0);
}

int main(void)
{
	tasks = alloc_tasks(8);
	tap_header("umcg_errors", -1);
	test_ctl_errors();
	test_wait_errors();
	test_erange();
	return tap_finish();
}
