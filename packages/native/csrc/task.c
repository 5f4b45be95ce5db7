/* SPDX-License-Identifier: MIT */
/*
 * Task threads: each spins on its mailbox without entering the kernel, runs
 * the actions it is given with the real syscalls, records the result and
 * goes back to spinning (EXECUTION-MODEL.md, "The process").
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "rt.h"

struct ux_rt *ux_rt;
static __thread struct ux_rt_task *me;

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#else
	__asm__ __volatile__("" ::: "memory");
#endif
}

int64_t ux_clock_ns(int clock)
{
	struct timespec ts;

	if (clock_gettime(clock, &ts))
		clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/*
 * The handler lives in a section of its own, so that the observer can tell
 * an interrupt that landed in it (/proc/<tid>/syscall shows its pc) from the
 * way back through rt_sigreturn (ux_in_handler()).
 */
__attribute__((section("ux_sighandler"), noinline))
static void on_sigusr1(int sig)
{
	(void)sig;
	if (me) {
		atomic_fetch_add(&me->signals, 1);
		atomic_store(&me->sigret, 1);	/* rt_sigreturn follows */
	}
}

extern const char __start_ux_sighandler[], __stop_ux_sighandler[];

int ux_in_handler(unsigned long pc)
{
	return pc >= (unsigned long)__start_ux_sighandler &&
	       pc < (unsigned long)__stop_ux_sighandler;
}

static const int field_off[UF_COUNT] = { 0, 4, 8, 12, 16, 24, 32, 40, 48, 56 };
static const int field_size[UF_COUNT] = { 4, 4, 4, 4, 8, 8, 8, 8, 8, 8 };

void ux_rt_read_words(struct ux_rt *rt, int i, uint64_t w[UF_COUNT])
{
	struct ux_rt_task *r = &rt->task[i];

	if (r->unmapped) {
		memcpy(w, r->shadow, sizeof(r->shadow));
		return;
	}
	for (int f = 0; f < UF_COUNT; f++) {
		volatile char *p = (volatile char *)r->ut + field_off[f];

		w[f] = field_size[f] == 4 ? __atomic_load_n((volatile uint32_t *)p, __ATOMIC_ACQUIRE)
					  : __atomic_load_n((volatile uint64_t *)p, __ATOMIC_ACQUIRE);
	}
	memcpy(r->shadow, w, sizeof(r->shadow));
}

static uint64_t resolve(struct ux_rt *rt, const struct ux_value *v)
{
	switch (v->kind) {
	case 0:
		return v->num;
	case 1:
		return (uint32_t)atomic_load(&rt->task[v->task].tid) | (uint32_t)v->num;
	case 2:
		return (uint64_t)(uintptr_t)rt->task[v->task].ut;
	default:
		return UX_GARBAGE_TID;
	}
}

static void result(struct ux_rt_task *r, const char *call, const char *ret)
{
	snprintf(r->res_call, sizeof(r->res_call), "%s", call);
	snprintf(r->res_ret, sizeof(r->res_ret), "%s", ret);
	atomic_fetch_add_explicit(&r->res_seq, 1, memory_order_release);
}

/* errno names the model uses (spec/src/abi/errno.ts); others are sent as "-<n>". */
static const char *errno_name(int e)
{
	switch (e) {
	case EPERM: return "EPERM";
	case ESRCH: return "ESRCH";
	case EINTR: return "EINTR";
	case EAGAIN: return "EAGAIN";
	case EFAULT: return "EFAULT";
	case EBUSY: return "EBUSY";
	case EINVAL: return "EINVAL";
	case ERANGE: return "ERANGE";
	case ENOSYS: return "ENOSYS";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case ETIMEDOUT: return "ETIMEDOUT";
	default: return NULL;
	}
}

static void sys_result(struct ux_rt_task *r, const char *call, long ret)
{
	char s[32];
	int e = errno;

	if (ret >= 0)
		snprintf(s, sizeof(s), "0");
	else if (errno_name(e))
		snprintf(s, sizeof(s), "%s", errno_name(e));
	else
		snprintf(s, sizeof(s), "-%d", e);
	result(r, call, s);
}

static int task_of_addr(struct ux_rt *rt, uint64_t a)
{
	for (int i = 0; i < rt->n; i++)
		if ((uint64_t)(uintptr_t)rt->task[i].ut == a && !rt->task[i].unmapped)
			return i;
	return -1;
}

static void do_take(struct ux_rt *rt, struct ux_rt_task *r, const struct ux_step *st)
{
	volatile uint64_t *head = (volatile uint64_t *)((volatile char *)rt->task[st->target].ut + 32);
	uint64_t cur = __atomic_exchange_n(head, 0, __ATOMIC_SEQ_CST);
	struct ux_buf b = { 0 };
	int n = 0;

	ux_buf_puts(&b, "[");
	while (cur && n < 32) {
		int i = task_of_addr(rt, cur);
		volatile uint64_t *link;

		if (n++)
			ux_buf_puts(&b, ",");
		if (i < 0) {
			ux_buf_printf(&b, "0x%llx", (unsigned long long)cur);
			break;
		}
		ux_buf_puts(&b, rt->t->names[i]);
		link = (volatile uint64_t *)((volatile char *)rt->task[i].ut + 32);
		cur = __atomic_load_n(link, __ATOMIC_ACQUIRE);
		__atomic_store_n(link, 0, __ATOMIC_RELEASE);
	}
	ux_buf_puts(&b, "]");
	result(r, "take", b.p);
	ux_buf_free(&b);
}

static void do_store_cas(struct ux_rt *rt, struct ux_rt_task *r, const struct ux_step *st)
{
	volatile char *p = (volatile char *)rt->task[st->target].ut + field_off[st->field];
	uint64_t v = resolve(rt, &st->value);

	if (st->op == UX_STORE) {
		if (field_size[st->field] == 4)
			__atomic_store_n((volatile uint32_t *)p, (uint32_t)v, __ATOMIC_SEQ_CST);
		else
			__atomic_store_n((volatile uint64_t *)p, v, __ATOMIC_SEQ_CST);
		return;
	}
	{
		uint64_t e = resolve(rt, &st->expect);
		int ok;

		if (field_size[st->field] == 4) {
			uint32_t e32 = (uint32_t)e;

			ok = __atomic_compare_exchange_n((volatile uint32_t *)p, &e32, (uint32_t)v, 0,
							 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
		} else {
			ok = __atomic_compare_exchange_n((volatile uint64_t *)p, &e, v, 0,
							 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
		}
		result(r, "cas", ok ? "ok" : "fail");
	}
}

static void do_action(struct ux_rt *rt, struct ux_rt_task *r, const struct ux_step *st)
{
	const struct ux_config *cfg = rt->cfg;
	long ret;

	atomic_store(&r->cur_op, st->op);
	switch (st->op) {
	case UX_STORE:
	case UX_CAS:
		do_store_cas(rt, r, st);
		break;
	case UX_TAKE:
		do_take(rt, r, st);
		break;
	case UX_CTL: {
		volatile char *self = NULL;

		if (st->self == UX_SELF_OWN)
			self = r->ut;
		else if (st->self == UX_SELF_MISALIGNED)
			self = (volatile char *)r->ut + 8;
		else if (st->self == UX_SELF_OF)
			self = rt->task[st->target].ut;
		ret = syscall(cfg->nr_ctl, (unsigned long)st->flags, self, (long)st->clock);
		sys_result(r, "umcg_ctl", ret);
		break;
	}
	case UX_WAIT: {
		int64_t timo = 0;

		if (st->timeout == UX_TMO_PAST) {
			timo = ux_clock_ns(r->clock) - 1000000000LL;
		} else if (st->timeout == UX_TMO_FUTURE) {
			timo = ux_clock_ns(r->clock) + (st->deadline_ns ? st->deadline_ns : 3600LL * 1000000000LL);
			atomic_store(&r->deadline, timo);
		}
		ret = syscall(cfg->nr_wait, (unsigned long)st->flags, (unsigned long long)timo);
		sys_result(r, "umcg_wait", ret);
		break;
	}
	case UX_KICK:
		ret = syscall(cfg->nr_kick, (unsigned long)st->flags, (long)(uint32_t)resolve(rt, &st->value));
		sys_result(r, "umcg_kick", ret);
		break;
	case UX_SYSCALL:
		if (st->blocking) {
			char c;

			ret = read(r->pipe[0], &c, 1);
		} else {
			ret = syscall(SYS_getppid);
		}
		sys_result(r, "syscall", ret);
		break;
	case UX_FAULT:
		/* The controller MADV_DONTNEED-ed the scratch page: this store faults. */
		*(volatile int *)r->scratch = 1;
		result(r, "fault", "0");
		break;
	case UX_EXIT:
		atomic_store(&r->exited, 1);
		syscall(SYS_exit, 0);
		break;
	default:
		break;
	}
	if (atomic_load_explicit(&r->sigret, memory_order_relaxed))
		atomic_store(&r->sigret, 0);
	atomic_store(&r->cur_op, -1);
}

static void *task_main(void *arg)
{
	struct ux_rt *rt = ux_rt;
	struct ux_rt_task *r = arg;
	uint32_t seen = 0;

	me = r;
	atomic_store(&r->tid, (pid_t)syscall(SYS_gettid));
	for (;;) {
		uint32_t p;

		while ((p = atomic_load_explicit(&r->posted, memory_order_acquire)) == seen) {
			uint32_t ping = atomic_load_explicit(&r->ping, memory_order_acquire);

			/* Back in user code: a handler's rt_sigreturn is over. */
			if (atomic_load_explicit(&r->sigret, memory_order_relaxed))
				atomic_store_explicit(&r->sigret, 0, memory_order_relaxed);
			/* Only user code echoes: the controller's proof we are not in a kernel path. */
			if (atomic_load_explicit(&r->pong, memory_order_relaxed) != ping)
				atomic_store_explicit(&r->pong, ping, memory_order_release);
			cpu_relax();
		}
		seen = p;
		atomic_store(&r->taken, p);
		if (r->wait_go) {
			int delay = rt->t->delay[r - rt->task];

			while (!atomic_load_explicit(&rt->go, memory_order_acquire))
				cpu_relax();
			/* Start skew (litmus `skew`): klitmus-style randomised offsets. */
			for (volatile int d = 0; d < delay; d++)
				cpu_relax();
		}
		for (int k = 0; k < r->nprog; k++)
			do_action(rt, r, &r->prog[k]);
		atomic_store_explicit(&r->done, p, memory_order_release);
	}
	return NULL;
}

void ux_rt_post(struct ux_rt *rt, int i, const struct ux_step *prog, int nprog, int wait_go)
{
	struct ux_rt_task *r = &rt->task[i];

	r->prog = prog;
	r->nprog = nprog;
	r->wait_go = wait_go;
	atomic_fetch_add_explicit(&r->posted, 1, memory_order_release);
}

int ux_rt_start(struct ux_rt *rt, char *err, size_t errlen)
{
	struct sigaction sa;
	pthread_attr_t attr;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigusr1;	/* no SA_RESTART */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	if (ux_prefault(err, errlen))
		return -1;
	for (int i = 0; i < rt->n; i++) {
		struct ux_rt_task *r = &rt->task[i];
		int flags = rt->t->shmem[i] ? MAP_SHARED | MAP_ANONYMOUS : MAP_PRIVATE | MAP_ANONYMOUS;
		void *stack = ux_task_stack(UX_STACK_SIZE);
		pthread_t th;

		r->page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, flags, -1, 0);
		r->scratch = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (r->page == MAP_FAILED || r->scratch == MAP_FAILED) {
			snprintf(err, errlen, "mmap: %s", strerror(errno));
			return -1;
		}
		memset(r->page, 0, 64);		/* populate the page */
		r->ut = r->page;
		r->clock = CLOCK_MONOTONIC;
		atomic_store(&r->cur_op, -1);
		if (pipe(r->pipe)) {
			snprintf(err, errlen, "pipe: %s", strerror(errno));
			return -1;
		}
		pthread_attr_init(&attr);
		if (!stack || pthread_attr_setstack(&attr, stack, UX_STACK_SIZE)) {
			snprintf(err, errlen, "task stack: %s", strerror(errno));
			return -1;
		}
		if (pthread_create(&th, &attr, task_main, r)) {
			snprintf(err, errlen, "pthread_create failed");
			return -1;
		}
		pthread_detach(th);
	}
	for (int i = 0; i < rt->n; i++) {
		while (!atomic_load(&rt->task[i].tid))
			usleep(100);
		/*
		 * Spinning task threads yield the CPU to the controller (and to
		 * nothing else: they all have the same weight), so quiescence is
		 * seen quickly even with more tasks than CPUs.
		 */
		setpriority(PRIO_PROCESS, atomic_load(&rt->task[i].tid), 19);
	}
	return 0;
}
