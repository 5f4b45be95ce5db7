/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the UMCG selftests: syscall wrappers, a small TAP (KTAP)
 * reporter in the style of kselftest.h, and a minimal user-space
 * scheduler (servers with a FIFO run queue) used by several tests.
 */
#ifndef UMCG_LIB_H
#define UMCG_LIB_H

#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/umcg.h>

#ifndef CLOCK_TAI
#define CLOCK_TAI 11
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define __printf(a, b) __attribute__((__format__(__printf__, a, b)))

/* ---- syscalls ----------------------------------------------------------- */

static inline long umcg_ctl(uint32_t flags, struct umcg_task *self,
			    clockid_t clk)
{
	return syscall(__NR_umcg_ctl, flags, self, clk);
}

static inline long umcg_wait(uint32_t flags, uint64_t timo)
{
	return syscall(__NR_umcg_wait, flags, timo);
}

static inline long umcg_kick(uint32_t flags, pid_t tid)
{
	return syscall(__NR_umcg_kick, flags, tid);
}

static inline pid_t sys_gettid(void)
{
	return (pid_t)syscall(SYS_gettid);
}

/* Return -errno of a failed call, 0 on success. */
#define ERR(call) ((call) == -1 ? -errno : 0)

static inline uint64_t now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static inline void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* Anonymous, page-aligned, zeroed memory for struct umcg_task arrays. */
static inline struct umcg_task *alloc_tasks(int n)
{
	size_t sz = (n * sizeof(struct umcg_task) + 4095) & ~4095ul;
	void *p = mmap(NULL, sz, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	return p;
}

static inline uint32_t state_of(struct umcg_task *t)
{
	return __atomic_load_n(&t->state, __ATOMIC_SEQ_CST) & UMCG_TASK_MASK;
}

static inline uint32_t load_state(struct umcg_task *t)
{
	return __atomic_load_n(&t->state, __ATOMIC_SEQ_CST);
}

static inline void store_state(struct umcg_task *t, uint32_t v)
{
	__atomic_store_n(&t->state, v, __ATOMIC_SEQ_CST);
}

static inline bool cas_state(struct umcg_task *t, uint32_t old, uint32_t new)
{
	return __atomic_compare_exchange_n(&t->state, &old, new, false,
					   __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/* Prepare and enter a wait: RUNNABLE|COND_WAIT, next_tid, sys_umcg_wait. */
static inline long umcg_switch(struct umcg_task *self, uint32_t next,
			       uint64_t timo)
{
	self->next_tid = next;
	store_state(self, (load_state(self) & ~(UMCG_TASK_MASK | UMCG_TF_MASK)) |
			  UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
	return ERR(umcg_wait(0, timo));
}

/* ---- TAP ----------------------------------------------------------------- */

static int tap_n, tap_fail, tap_plan;

/* @plan < 0: the plan is printed at the end (trailing plan). */
static inline void tap_header(const char *name, int plan)
{
	tap_plan = plan;
	printf("TAP version 13\n");
	if (plan >= 0)
		printf("1..%d\n", plan);
	printf("# %s\n", name);
	fflush(stdout);
}

static inline __printf(2, 3) void tap_result(bool ok, const char *fmt, ...);

static inline void tap_result(bool ok, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	if (!ok)
		tap_fail++;
	printf("%sok %d ", ok ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

static inline void tap_skip(const char *why)
{
	tap_n++;
	printf("ok %d # SKIP %s\n", tap_n, why);
	fflush(stdout);
}

static inline int tap_finish(void)
{
	if (tap_plan < 0) {
		printf("1..%d\n", tap_n);
		tap_plan = tap_n;
	}
	if (tap_n != tap_plan)
		printf("# planned %d tests, ran %d\n", tap_plan, tap_n);
	printf("# Totals: pass:%d fail:%d\n", tap_n - tap_fail, tap_fail);
	fflush(stdout);
	return (tap_fail || tap_n != tap_plan) ? 1 : 0;
}

#define diag(...) do { printf("# " __VA_ARGS__); printf("\n"); fflush(stdout); } while (0)

/* Check "call fails with errno E" (or succeeds when E == 0). */
#define EXPECT_ERR(expr, e, name) do {					\
	long __r = ERR(expr);						\
	tap_result(__r == -(e), "%s (got %ld %s, want %s)", name, __r,	\
		   __r ? strerror((int)-__r) : "ok",			\
		   (e) ? strerror(e) : "ok");				\
} while (0)

/* ---- a minimal scheduler -------------------------------------------------- */

#define MAX_WORKERS 16

struct worker;
typedef void (*worker_fn)(struct worker *w);

struct worker {
	struct umcg_task *ut;		/* in anonymous memory */
	pid_t tid;
	int idx;
	struct server *srv;
	worker_fn fn;
	void *arg;
	pthread_t thread;
	struct worker *rq_next;		/* server's private run queue */
	atomic_ulong progress;
	atomic_int done;
	long result;
};

struct server {
	struct umcg_task *ut;
	pid_t tid;
	clockid_t clk;
	struct worker *workers[MAX_WORKERS];
	int nworkers;
	int nexited;			/* seen unregistered (NONE) */
	atomic_int nfailed;		/* registration failed */
	struct worker *cur;
	struct worker *rq_head, *rq_tail;
	uint64_t tick_ns;		/* 0: no preemption */
	atomic_ulong nblocks, npreempts, nswitches, nloops;
	atomic_int stop;
	pthread_t thread;
	int error;
};

static inline struct worker *worker_of(struct server *s, uint64_t addr)
{
	int i;

	for (i = 0; i < s->nworkers; i++)
		if ((uint64_t)(uintptr_t)s->workers[i]->ut == addr)
			return s->workers[i];
	return NULL;
}

static inline void rq_push(struct server *s, struct worker *w)
{
	w->rq_next = NULL;
	if (s->rq_tail)
		s->rq_tail->rq_next = w;
	else
		s->rq_head = w;
	s->rq_tail = w;
}

static inline void rq_push_front(struct server *s, struct worker *w)
{
	w->rq_next = s->rq_head;
	s->rq_head = w;
	if (!s->rq_tail)
		s->rq_tail = w;
}

static inline struct worker *rq_pop(struct server *s)
{
	struct worker *w = s->rq_head;

	if (w) {
		s->rq_head = w->rq_next;
		if (!s->rq_head)
			s->rq_tail = NULL;
		w->rq_next = NULL;
	}
	return w;
}

/* Take the kernel's runnable list and append it to the run queue. */
static inline void drain_runnable(struct server *s)
{
	uint64_t p = __atomic_exchange_n(&s->ut->runnable_workers_ptr, 0,
					 __ATOMIC_SEQ_CST);
	struct worker *tmp[MAX_WORKERS * 4];
	int n = 0;

	while (p) {
		struct worker *w = worker_of(s, p);
		struct umcg_task *ut = (struct umcg_task *)(uintptr_t)p;

		p = ut->runnable_workers_ptr;
		ut->runnable_workers_ptr = 0;
		if (!w) {
			s->error = 1;
			diag("server %d: unknown list element", s->tid);
			continue;
		}
		if (n < (int)ARRAY_SIZE(tmp))
			tmp[n++] = w;
	}
	/* The list is LIFO; queue in push order. */
	while (n--)
		rq_push(s, tmp[n]);
	atomic_fetch_add(&s->nloops, 1);
}

/*
 * One server: runs its workers until all of them have unregistered (or
 * stop is set and none are left).  Preempts the current worker every
 * tick_ns if set.
 */
static inline void server_run(struct server *s)
{
	uint64_t deadline = s->tick_ns ? now_ns(s->clk) + s->tick_ns : 0;

	for (;;) {
		struct worker *w = s->cur;
		uint32_t next = 0;
		long r;

		if (s->nexited + atomic_load(&s->nfailed) == s->nworkers) {
			store_state(s->ut, UMCG_TASK_RUNNING);
			break;
		}

		store_state(s->ut, UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
		drain_runnable(s);

		if (w) {
			uint32_t st = state_of(w->ut);

			if (st == UMCG_TASK_RUNNING) {
				next = w->tid | UMCG_TID_RUNNING;
			} else {
				if (st == UMCG_TASK_BLOCKED)
					atomic_fetch_add(&s->nblocks, 1);
				if (st == UMCG_TASK_NONE) {
					/* It unregistered while running. */
					s->nexited++;
					s->cur = NULL;
					continue;
				}
				s->cur = w = NULL;
			}
		}
		if (!w) {
			w = rq_pop(s);
			if (w) {
				s->cur = w;
				next = w->tid;
				atomic_fetch_add(&s->nswitches, 1);
			}
		}

		s->ut->next_tid = next;
		r = ERR(umcg_wait(0, deadline));

		if (w && next == (uint32_t)w->tid &&
		    !(s->ut->next_tid & UMCG_TID_RUNNING)) {
			/* Not consumed: put it back. */
			rq_push_front(s, w);
			s->cur = NULL;
		}

		if (r == -ETIMEDOUT) {
			deadline = now_ns(s->clk) + s->tick_ns;
			w = s->cur;
			if (w && cas_state(w->ut, UMCG_TASK_RUNNING,
					   UMCG_TASK_RUNNING | UMCG_TF_PREEMPT)) {
				atomic_fetch_add(&s->npreempts, 1);
				umcg_kick(0, w->tid);
			}
		} else if (r && r != -EAGAIN) {
			diag("server %d: umcg_wait: %s", s->tid,
			     strerror((int)-r));
			s->error = 1;
			if (r != -ESRCH)
				break;
		}
	}
}

static inline void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct server *s = w->srv;
	long r;

	w->tid = sys_gettid();
	memset(w->ut, 0, sizeof(*w->ut));
	w->ut->state = UMCG_TASK_BLOCKED;
	w->ut->server_tid = s->tid;
	r = umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, w->ut, s->clk);
	if (r) {
		w->result = -errno;
		atomic_fetch_add(&s->nfailed, 1);
		return NULL;
	}
	w->fn(w);
	for (;;) {
		r = ERR(umcg_ctl(UMCG_CTL_UNREGISTER | UMCG_CTL_WORKER, w->ut, 0));
		if (r != -EAGAIN)
			break;
		/* Preempted meanwhile: wait until we run again. */
		umcg_switch(w->ut, 0, 0);
	}
	if (r)
		w->result = r;
	atomic_store(&w->done, 1);
	return NULL;
}

/* Register the calling thread as server @s (clock @clk). */
static inline int server_register(struct server *s, struct umcg_task *ut,
				  clockid_t clk)
{
	s->ut = ut;
	s->clk = clk;
	s->tid = sys_gettid();
	memset(ut, 0, sizeof(*ut));
	ut->state = UMCG_TASK_RUNNING;
	ut->server_tid = s->tid;
	return ERR(umcg_ctl(UMCG_CTL_REGISTER, ut, clk));
}

static inline void server_add_worker(struct server *s, struct worker *w,
				     struct umcg_task *ut, worker_fn fn,
				     void *arg)
{
	memset(w, 0, sizeof(*w));
	w->ut = ut;
	w->srv = s;
	w->fn = fn;
	w->arg = arg;
	w->idx = s->nworkers;
	s->workers[s->nworkers++] = w;
	if (pthread_create(&w->thread, NULL, worker_main, w)) {
		perror("pthread_create");
		exit(1);
	}
}

/* Worker helper: yield to the server. */
static inline void worker_yield(struct worker *w)
{
	umcg_switch(w->ut, 0, 0);
}

#endif /* UMCG_LIB_H */
