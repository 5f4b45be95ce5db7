// SPDX-License-Identifier: GPL-2.0
/*
 * UMCG benchmark: a server -> worker -> server round trip through
 * sys_umcg_wait() against a futex ping-pong between two threads.
 *
 * Usage: umcg_bench [iterations] [same-cpu]
 * Prints "BENCH key=value ..." lines.
 */
#include <linux/futex.h>
#include "umcg_lib.h"

static struct umcg_task *tasks;
static atomic_int wtid;
static long iters = 20000;
static int same_cpu;

static void pin(int cpu)
{
	cpu_set_t set;

	if (!same_cpu)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

static void *bench_worker(void *arg)
{
	struct umcg_task *w = arg;
	long i;

	pin(0);
	atomic_store(&wtid, sys_gettid());
	if (umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, w, CLOCK_MONOTONIC))
		return (void *)1;
	for (i = 0; i < iters; i++)
		umcg_switch(w, 0, 0);
	umcg_ctl(UMCG_CTL_UNREGISTER | UMCG_CTL_WORKER, w, 0);
	return NULL;
}

static double bench_umcg(void)
{
	struct umcg_task *s = &tasks[0], *w = &tasks[1];
	pthread_t th;
	uint64_t t0 = 0;
	long i, r;

	pin(0);
	memset(s, 0, 2 * sizeof(*s));
	s->state = UMCG_TASK_RUNNING;
	s->server_tid = sys_gettid();
	if (umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC))
		return -1;
	w->state = UMCG_TASK_BLOCKED;
	w->server_tid = s->server_tid;
	pthread_create(&th, NULL, bench_worker, w);
	while (!atomic_load(&wtid))
		sleep_ms(1);

	for (i = 0; i <= iters;) {
		store_state(s, UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
		if (!__atomic_exchange_n(&s->runnable_workers_ptr, 0,
					 __ATOMIC_SEQ_CST)) {
			/* Not back yet (or woken early): just wait. */
			s->next_tid = 0;
			umcg_wait(0, 0);
			continue;
		}
		w->runnable_workers_ptr = 0;
		if (i == 1)
			t0 = now_ns(CLOCK_MONOTONIC);
		s->next_tid = atomic_load(&wtid);
		r = ERR(umcg_wait(0, 0));
		if (r && r != -EAGAIN) {
			diag("umcg_wait: %s", strerror((int)-r));
			return -1;
		}
		if (r == 0 && !(s->next_tid & UMCG_TID_RUNNING))
			continue;
		i++;
	}
	{
		double ns = (double)(now_ns(CLOCK_MONOTONIC) - t0) / (iters - 1);

		/* The worker unregisters after its last yield. */
		while (state_of(w) != UMCG_TASK_NONE) {
			store_state(s, UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
			s->next_tid = 0;
			umcg_wait(0, now_ns(CLOCK_MONOTONIC) + 10000000);
		}
		pthread_join(th, NULL);
		store_state(s, UMCG_TASK_RUNNING);
		umcg_ctl(UMCG_CTL_UNREGISTER, s, 0);
		return ns;
	}
}

static uint32_t turn;

static void fwait(uint32_t val)
{
	syscall(SYS_futex, &turn, FUTEX_WAIT_PRIVATE, val, NULL, NULL, 0);
}

static void fwake(void)
{
	syscall(SYS_futex, &turn, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static void *futex_peer(void *arg)
{
	long i;

	(void)arg;
	pin(0);
	for (i = 0; i < iters; i++) {
		while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) != 1)
			fwait(0);
		__atomic_store_n(&turn, 0, __ATOMIC_RELEASE);
		fwake();
	}
	return NULL;
}

static double bench_futex(void)
{
	pthread_t th;
	uint64_t t0;
	long i;

	pin(0);
	pthread_create(&th, NULL, futex_peer, NULL);
	t0 = now_ns(CLOCK_MONOTONIC);
	for (i = 0; i < iters; i++) {
		__atomic_store_n(&turn, 1, __ATOMIC_RELEASE);
		fwake();
		while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) == 1)
			fwait(1);
	}
	pthread_join(th, NULL);
	return (double)(now_ns(CLOCK_MONOTONIC) - t0) / iters;
}

int main(int argc, char **argv)
{
	double u, f;

	if (argc > 1)
		iters = atol(argv[1]);
	if (argc > 2)
		same_cpu = atoi(argv[2]);
	tasks = alloc_tasks(2);
	f = bench_futex();
	u = bench_umcg();
	printf("BENCH mode=%s iterations=%ld umcg_rt_ns=%.0f futex_rt_ns=%.0f ratio=%.3f\n",
	       same_cpu ? "same-cpu" : "free", iters, u, f, u / f);
	fflush(stdout);
	return u > 0 && f > 0 ? 0 : 1;
}
