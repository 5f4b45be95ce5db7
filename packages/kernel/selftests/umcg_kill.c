// SPDX-License-Identifier: GPL-2.0
/*
 * UMCG selftest: the cases in which the kernel kills the process with
 * SIGKILL (reference profile, [PZ-v2] 5/5 force_sig paths).  Each case runs in a child
 * process; the parent expects it to die of SIGKILL within a few seconds.
 */
#include "umcg_lib.h"

static struct umcg_task *tasks;
static atomic_int worker_tid;

typedef void (*case_fn)(void);

/* ---- child-side helpers -------------------------------------------------- */

static void server_setup(void)
{
	struct umcg_task *s = &tasks[0];

	memset(s, 0, sizeof(*s));
	s->state = UMCG_TASK_RUNNING;
	s->server_tid = sys_gettid();
	if (umcg_ctl(UMCG_CTL_REGISTER, s, CLOCK_MONOTONIC))
		_exit(10);
}

static void *worker_main_fn(void *arg)
{
	void (*fn)(struct umcg_task *) = arg;
	struct umcg_task *w = &tasks[1];

	atomic_store(&worker_tid, sys_gettid());
	if (umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, w, CLOCK_MONOTONIC))
		_exit(11);
	fn(w);
	_exit(12);		/* should have been killed */
}

/* Start a worker running @fn and serve it; never returns normally. */
static void run_worker(void (*fn)(struct umcg_task *), bool serve_forever)
{
	struct umcg_task *s = &tasks[0], *w = &tasks[1];
	pthread_t th;

	server_setup();
	memset(w, 0, sizeof(*w));
	w->state = UMCG_TASK_BLOCKED;
	w->server_tid = s->server_tid;
	pthread_create(&th, NULL, worker_main_fn, fn);
	while (!__atomic_load_n(&s->runnable_workers_ptr, __ATOMIC_SEQ_CST))
		sleep_ms(1);
	__atomic_exchange_n(&s->runnable_workers_ptr, 0, __ATOMIC_SEQ_CST);
	umcg_switch(s, atomic_load(&worker_tid), now_ns(CLOCK_MONOTONIC) + 10000000);
	while (serve_forever)
		umcg_switch(s, 0, now_ns(CLOCK_MONOTONIC) + 100000000);
}

/* ---- the cases ------------------------------------------------------------ */

/* notify_resume: PREEMPT on a task that is not RUNNING. */
static void case_preempt_not_running(void)
{
	server_setup();
	store_state(&tasks[0], UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT |
			       UMCG_TF_PREEMPT);
	getppid();
}

/* notify_resume: a registered task's state set to BLOCKED by user space. */
static void case_state_blocked(void)
{
	server_setup();
	store_state(&tasks[0], UMCG_TASK_BLOCKED);
	getppid();
}

/* notify_resume: ... or to NONE. */
static void case_state_none(void)
{
	server_setup();
	store_state(&tasks[0], UMCG_TASK_NONE);
	getppid();
}

/* sys_umcg_wait -> EINVAL (state becomes BLOCKED while waiting). */
static void *blocker_writer(void *arg)
{
	sleep_ms(20);
	store_state(arg, UMCG_TASK_BLOCKED);
	syscall(SYS_tgkill, getpid(), (pid_t)(uintptr_t)tasks[0].server_tid,
		SIGUSR1);
	return NULL;
}

static void on_usr1(int sig)
{
	(void)sig;
}

static void case_wait_state_garbage(void)
{
	pthread_t th;

	signal(SIGUSR1, on_usr1);
	server_setup();
	pthread_create(&th, NULL, blocker_writer, &tasks[0]);
	umcg_switch(&tasks[0], 0, 0);
}

/* sys_enter: the worker's server_tid names no UMCG task. */
static void worker_bad_server(struct umcg_task *w)
{
	w->server_tid = 0x3ffffff0;
	getppid();
}

static void case_enter_bad_server(void)
{
	run_worker(worker_bad_server, true);
}

/* sys_enter: the worker's server has unregistered. */
static void worker_server_gone(struct umcg_task *w)
{
	(void)w;
	/* Let the server unregister (it times out and leaves). */
	while (__atomic_load_n(&tasks[0].state, __ATOMIC_SEQ_CST) !=
	       UMCG_TASK_NONE)
		;
	getppid();
}

static void case_enter_server_gone(void)
{
	run_worker(worker_server_gone, false);
	store_state(&tasks[0], UMCG_TASK_RUNNING);
	umcg_ctl(UMCG_CTL_UNREGISTER, &tasks[0], 0);
	for (;;)
		sleep_ms(100);
}

/* exception entry: a trap of a worker whose server_tid names no UMCG task. */
static void worker_trap_bad_server(struct umcg_task *w)
{
	w->server_tid = 0x3ffffff0;
	__asm__ volatile("ud2");	/* SIGKILL at entry, not SIGILL */
}

static void case_trap_bad_server(void)
{
	run_worker(worker_trap_bad_server, true);
}

/* pre-schedule: a worker blocks with its state neither RUNNING nor RUNNABLE. */
static void worker_block_bad_state(struct umcg_task *w)
{
	store_state(w, UMCG_TASK_BLOCKED);
	sleep_ms(5);
}

static void case_block_bad_state(void)
{
	run_worker(worker_block_bad_state, true);
}

/* unblock: BLOCKED -> RUNNABLE fails (user space changed the state). */
static void worker_sleep(struct umcg_task *w)
{
	(void)w;
	sleep_ms(50);
}

static void case_unblock_bad_state(void)
{
	struct umcg_task *w = &tasks[1];

	run_worker(worker_sleep, false);
	/* Woken by the block. */
	while (state_of(w) != UMCG_TASK_BLOCKED)
		sleep_ms(1);
	store_state(w, UMCG_TASK_RUNNING);
	for (;;)
		sleep_ms(100);
}

/* notify_resume: PREEMPT on a worker that is RUNNABLE (not RUNNING). */
static void worker_preempt_runnable(struct umcg_task *w)
{
	store_state(w, UMCG_TASK_RUNNABLE | UMCG_TF_PREEMPT);
	getppid();
}

static void case_worker_preempt_runnable(void)
{
	run_worker(worker_preempt_runnable, true);
}

/* worker registration: the struct is in shared (non-anonymous) memory. */
static void *shmem_worker(void *arg)
{
	struct umcg_task *w = arg;

	umcg_ctl(UMCG_CTL_REGISTER | UMCG_CTL_WORKER, w, CLOCK_MONOTONIC);
	_exit(12);
}

static void case_register_shmem_real(void)
{
	struct umcg_task *w;
	pthread_t th;

	server_setup();
	w = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	memset(w, 0, sizeof(*w));
	w->state = UMCG_TASK_BLOCKED;
	w->server_tid = tasks[0].server_tid;
	pthread_create(&th, NULL, shmem_worker, w);
	for (;;)
		sleep_ms(100);
}

/* ---- parent --------------------------------------------------------------- */

static void run_case(case_fn fn, const char *name)
{
	pid_t pid = fork();
	int st = 0, i;

	if (!pid) {
		fn();
		_exit(0);
	}
	for (i = 0; i < 500; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			break;
		sleep_ms(10);
	}
	if (i == 500) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
		tap_result(false, "kill: %s (still alive after 5 s)", name);
		return;
	}
	tap_result(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
		   "kill: %s (status %#x)", name, st);
}

int main(void)
{
	tasks = alloc_tasks(4);
	tap_header("umcg_kill", -1);
	run_case(case_preempt_not_running,
		 "return to user with PREEMPT while RUNNABLE|COND_WAIT");
	run_case(case_state_blocked, "return to user with state BLOCKED");
	run_case(case_state_none, "return to user with state NONE");
	run_case(case_wait_state_garbage,
		 "state turned BLOCKED during sys_umcg_wait");
	run_case(case_enter_bad_server, "worker syscall with garbage server_tid");
	run_case(case_enter_server_gone,
		 "worker syscall after its server unregistered");
	run_case(case_trap_bad_server,
		 "worker trap (ud2) with garbage server_tid");
	run_case(case_block_bad_state, "worker blocks while state is BLOCKED");
	run_case(case_unblock_bad_state,
		 "unblock finds the state changed from BLOCKED");
	run_case(case_worker_preempt_runnable,
		 "worker returns to user with RUNNABLE|PREEMPT");
	run_case(case_register_shmem_real,
		 "worker registration with its struct in shared memory");
	return tap_finish();
}
