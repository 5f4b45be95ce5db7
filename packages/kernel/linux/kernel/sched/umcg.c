// SPDX-License-Identifier: GPL-2.0-only
/*
 * User Managed Concurrency Groups (UMCG): the reference profile ("RFC v2"
 * semantics) for Linux 6.1, written for the UMCG conformance project.
 *
 * Every registered task shares a struct umcg_task with the kernel.  Servers
 * run user-space schedulers and switch to workers with sys_umcg_wait().  The
 * kernel tells a server when one of its workers blocks in the kernel (the
 * worker goes BLOCKED and the server is woken) and when a worker becomes
 * runnable again (it goes RUNNABLE and is pushed onto the server's runnable
 * list), and it keeps a worker from returning to user space until some task
 * made it RUNNING.
 *
 * Hooks (see include/linux/umcg.h):
 *  - umcg_sys_enter(): worker syscall entry; pins the pages of the worker's
 *    and its server's struct umcg_task, so that the pre-schedule hook can
 *    touch them with page faults disabled (umcg_exception_enter() does the
 *    same for a worker's user-mode page faults and traps);
 *  - umcg_wq_worker_sleeping(): called from sched_submit_work(); a pinned
 *    worker that is about to sleep is marked BLOCKED and its server woken;
 *  - umcg_sys_exit(), umcg_exception_exit(): worker syscall / exception exit;
 *    unpins, or, if the worker blocked, makes it RUNNABLE, enqueues it, wakes
 *    the server and waits for RUNNING;
 *  - umcg_notify_resume(): every return to user space of a registered task;
 *    handles UMCG_TF_PREEMPT and waits while the task is not RUNNING.
 *
 * All state changes of user memory go through umcg_update_state(), a
 * compare-and-exchange loop on the user word.
 */

#include <linux/syscalls.h>
#include <linux/types.h>
#include <linux/umcg.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/hrtimer.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/entry-common.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <asm/syscall.h>

#include <uapi/linux/umcg.h>

/* Kernel-internal: the command part of sys_umcg_ctl()'s flags. */
#define UMCG_CTL_CMD	0xff

static u64 umcg_now(struct task_struct *tsk)
{
	switch (READ_ONCE(tsk->umcg_clock)) {
	case CLOCK_REALTIME:
		return ktime_get_real_ns();
	case CLOCK_BOOTTIME:
		return ktime_get_boottime_ns();
	case CLOCK_TAI:
		return ktime_get_clocktai_ns();
	case CLOCK_MONOTONIC:
	default:
		return ktime_get_ns();
	}
}

/*
 * PF_UMCG_WORKER enables the pre-schedule hook.  UMCG's own paths mask it
 * while they run, so that their sleeps (faults, waits) are not reported as
 * blocks and cannot drop pins they still use.  tsk->umcg_worker is the
 * persistent "is a worker" marker.
 */
static void umcg_mask_worker(struct task_struct *tsk)
{
	tsk->flags &= ~PF_UMCG_WORKER;
}

static void umcg_unmask_worker(struct task_struct *tsk)
{
	if (READ_ONCE(tsk->umcg_worker))
		tsk->flags |= PF_UMCG_WORKER;
}

/*
 * umcg_update_state() - atomically move @self from state @from to state @to
 * @tsk:	the task owning @self (its clock stamps the transition)
 * @self:	the user struct umcg_task to update
 * @from:	expected state (flags and user bits are ignored)
 * @to:		new state
 *
 * Clears UMCG_TF_PREEMPT and UMCG_TF_COND_WAIT, keeps all other bits, and
 * stores the transition time into blocked_ts / runnable_ts after the state.
 *
 * Return: 0, -EAGAIN if the state is not @from, -EFAULT on a fault.
 */
static int umcg_update_state(struct task_struct *tsk,
			     struct umcg_task __user *self, u32 from, u32 to)
{
	u32 old, new;
	u64 now = 0;

	if (to == UMCG_TASK_RUNNABLE || to == UMCG_TASK_BLOCKED)
		now = umcg_now(tsk);

	if (!user_access_begin(self, sizeof(*self)))
		return -EFAULT;

	unsafe_get_user(old, &self->state, efault);
	do {
		if ((old & UMCG_TASK_MASK) != from)
			goto eagain;
		new = old & ~(UMCG_TASK_MASK | UMCG_TF_PREEMPT | UMCG_TF_COND_WAIT);
		new |= to;
	} while (!unsafe_try_cmpxchg_user(&self->state, &old, new, efault));

	if (to == UMCG_TASK_BLOCKED)
		unsafe_put_user(now, &self->blocked_ts, efault);
	if (to == UMCG_TASK_RUNNABLE)
		unsafe_put_user(now, &self->runnable_ts, efault);

	user_access_end();
	return 0;

eagain:
	user_access_end();
	return -EAGAIN;
efault:
	user_access_end();
	return -EFAULT;
}

/*
 * Look up a registered UMCG task of the caller's process by tid (in the
 * caller's pid namespace) and take a reference on it.
 */
static struct task_struct *umcg_get_task(u32 tid)
{
	struct task_struct *tsk;

	if (!tid)
		return NULL;

	rcu_read_lock();
	tsk = find_task_by_vpid(tid);
	if (tsk && tsk->mm == current->mm && READ_ONCE(tsk->umcg_task))
		get_task_struct(tsk);
	else
		tsk = NULL;
	rcu_read_unlock();

	return tsk;
}

/* Pin the (anonymous) page holding the user struct at @addr. */
static int umcg_pin_page(struct umcg_task __user *addr, struct page **pagep)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast((unsigned long)addr, 1, FOLL_WRITE, &page);
	if (ret != 1)
		return -EFAULT;

	if (!PageAnon(page)) {
		unpin_user_page(page);
		return -EFAULT;
	}

	*pagep = page;
	return 0;
}

/*
 * Release the pins.  The server reference is kept (for a later
 * umcg_unpin_pages() or umcg_pin_pages() to drop), so that this can run in
 * the pre-schedule hook without ever freeing a task there.
 */
static void umcg_unpin_pages_only(void)
{
	struct task_struct *tsk = current;
	struct page *self_page = tsk->umcg_page;
	struct page *server_page = tsk->umcg_server_page;

	tsk->umcg_page = NULL;
	tsk->umcg_server_page = NULL;
	tsk->umcg_server_task = NULL;

	if (self_page)
		unpin_user_page(self_page);
	if (server_page)
		unpin_user_page(server_page);
}

static void umcg_put_server(void)
{
	struct task_struct *server = current->umcg_server;

	current->umcg_server = NULL;
	if (server)
		put_task_struct(server);
}

static void umcg_unpin_pages(void)
{
	umcg_unpin_pages_only();
	umcg_put_server();
}

/*
 * Pin the caller's struct umcg_task and its server's (named by the caller's
 * current server_tid).  Nothing is published in the task until all pins
 * are taken, so that a sleep in here does not look like a pinned block.
 *
 * Return: 0, -EBUSY (stale pin state, a kernel bug), -EFAULT or -ESRCH.
 */
static int umcg_pin_pages(void)
{
	struct task_struct *tsk = current;
	struct umcg_task __user *self = READ_ONCE(tsk->umcg_task);
	struct umcg_task __user *server_task;
	struct page *self_page, *server_page;
	struct task_struct *server;
	u32 server_tid;
	int ret;

	if (WARN_ON_ONCE(tsk->umcg_page || tsk->umcg_server_page))
		return -EBUSY;
	umcg_put_server();	/* left over by the pre-schedule hook */

	ret = umcg_pin_page(self, &self_page);
	if (ret)
		return ret;

	ret = -EFAULT;
	if (get_user(server_tid, &self->server_tid))
		goto unpin_self;

	ret = -ESRCH;
	server = umcg_get_task(server_tid & UMCG_TID_MASK);
	if (!server)
		goto unpin_self;

	server_task = READ_ONCE(server->umcg_task);
	ret = -ESRCH;
	if (!server_task)
		goto put_server;

	ret = umcg_pin_page(server_task, &server_page);
	if (ret)
		goto put_server;

	tsk->umcg_server_task = server_task;
	tsk->umcg_server_page = server_page;
	tsk->umcg_server = server;
	/* Last: the pre-schedule hook keys off umcg_page. */
	barrier();
	tsk->umcg_page = self_page;
	return 0;

put_server:
	put_task_struct(server);
unpin_self:
	unpin_user_page(self_page);
	return ret;
}

/*
 * Wake @tsk: CAS its state RUNNABLE -> RUNNING, then wake the thread.
 * Return: 0, -EAGAIN if it was not RUNNABLE, -EFAULT.
 */
static int umcg_wake_task(struct task_struct *tsk, struct umcg_task __user *ut)
{
	int ret = umcg_update_state(tsk, ut, UMCG_TASK_RUNNABLE,
				    UMCG_TASK_RUNNING);

	if (ret)
		return ret;

	wake_up_state(tsk, TASK_NORMAL);
	return 0;
}

/*
 * Wake the (pinned) server of the caller.  A server that is not RUNNABLE
 * is already awake (or timed out): that is not an error.
 */
static int umcg_wake_server(struct task_struct *tsk)
{
	int ret = umcg_wake_task(tsk->umcg_server, tsk->umcg_server_task);

	return ret == -EAGAIN ? 0 : ret;
}

/*
 * Push the caller onto its (pinned) server's runnable list: the caller's
 * runnable_workers_ptr becomes the link, the server's the head.  The caller
 * must already be RUNNABLE.
 */
static int umcg_enqueue_runnable(struct task_struct *tsk)
{
	struct umcg_task __user *server = tsk->umcg_server_task;
	struct umcg_task __user *self = tsk->umcg_task;
	u64 self_ptr = (unsigned long)self;
	u64 head;

	if (get_user(head, &server->runnable_workers_ptr))
		return -EFAULT;

	for (;;) {
		if (put_user(head, &self->runnable_workers_ptr))
			return -EFAULT;

		if (!user_access_begin(server, sizeof(*server)))
			return -EFAULT;
		if (unsafe_try_cmpxchg_user(&server->runnable_workers_ptr,
					    &head, self_ptr, efault)) {
			user_access_end();
			return 0;
		}
		user_access_end();
	}

efault:
	user_access_end();
	return -EFAULT;
}

static int umcg_enqueue_and_wake(struct task_struct *tsk)
{
	int ret = umcg_enqueue_runnable(tsk);

	if (!ret)
		ret = umcg_wake_server(tsk);
	return ret;
}

/*
 * Wait until the caller's state is RUNNING.  The worker marker is dropped
 * meanwhile, so that the sleeps in here are not reported as blocks.
 *
 * @timo is an absolute time on the registration clock, 0 for none.
 *
 * Return: 0 (RUNNING), -EINTR (signal pending), -ETIMEDOUT, -EINVAL (the
 * state is neither RUNNABLE nor RUNNING) or -EFAULT.
 */
static int umcg_wait(u64 timo)
{
	struct task_struct *tsk = current;
	struct umcg_task __user *self = tsk->umcg_task;
	struct hrtimer_sleeper timeout, *to = NULL;
	bool faulted = false;
	u32 state;
	int ret;

	umcg_mask_worker(tsk);

	if (timo) {
		to = &timeout;
		hrtimer_init_sleeper_on_stack(to, tsk->umcg_clock,
					      HRTIMER_MODE_ABS);
		hrtimer_set_expires_range_ns(&to->timer,
					     (s64)min_t(u64, timo, KTIME_MAX),
					     tsk->timer_slack_ns);
		hrtimer_sleeper_start_expires(to, HRTIMER_MODE_ABS);
	}

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);

		ret = -EINTR;
		if (signal_pending(tsk))
			break;

		pagefault_disable();
		ret = __get_user(state, &self->state);
		pagefault_enable();
		if (ret) {
			__set_current_state(TASK_RUNNING);
			ret = -EFAULT;
			if (faulted || get_user(state, &self->state))
				break;
			faulted = true;
			continue;
		}

		ret = 0;
		if ((state & UMCG_TASK_MASK) == UMCG_TASK_RUNNING)
			break;

		ret = -EINVAL;
		if ((state & UMCG_TASK_MASK) != UMCG_TASK_RUNNABLE)
			break;

		ret = -ETIMEDOUT;
		if (to && !to->task)
			break;

		schedule();

		if (to && !to->task)
			break;
	}
	__set_current_state(TASK_RUNNING);

	if (to) {
		hrtimer_cancel(&to->timer);
		destroy_hrtimer_on_stack(&to->timer);
	}

	umcg_unmask_worker(tsk);
	return ret;
}

/*
 * Worker unblock: BLOCKED -> RUNNABLE, enqueue on the server, wake the
 * server, then wait until RUNNING.  Used at syscall exit after a block and
 * by worker registration.  Any failure kills the task.
 */
static void umcg_unblock_and_wait(void)
{
	struct task_struct *tsk = current;
	int ret;

	umcg_mask_worker(tsk);
	ret = umcg_pin_pages();
	if (ret)
		goto die;

	ret = umcg_update_state(tsk, tsk->umcg_task, UMCG_TASK_BLOCKED,
				UMCG_TASK_RUNNABLE);
	if (!ret)
		ret = umcg_enqueue_and_wake(tsk);
	umcg_unpin_pages();
	if (ret)
		goto die;

	ret = umcg_wait(0);
	if (!ret || ret == -EINTR) {
		umcg_unmask_worker(tsk);
		return;
	}
die:
	umcg_unmask_worker(tsk);
	pr_notice_ratelimited("umcg: killing %d: unblock failed (%d)\n",
			    task_pid_nr(tsk), ret);
	force_sig(SIGKILL);
}

static bool umcg_hooked_syscall(long syscall)
{
	return syscall != __NR_umcg_wait && syscall != __NR_umcg_ctl;
}

/* Worker syscall entry: pin; failure is fatal. */
void umcg_sys_enter(struct pt_regs *regs, long syscall)
{
	int ret;

	if (!umcg_hooked_syscall(syscall))
		return;

	ret = umcg_pin_pages();
	if (ret) {
		pr_notice_ratelimited("umcg: killing %d: pin at syscall entry failed (%d)\n",
				    task_pid_nr(current), ret);
		force_sig(SIGKILL);
	}
}

/* Worker syscall exit: unpin if it did not block, else unblock. */
void umcg_sys_exit(struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	if (!umcg_hooked_syscall(syscall_get_nr(tsk, regs)))
		return;

	/* Not blocked, or being killed (a failed pin at entry): no unblock. */
	if (tsk->umcg_page || fatal_signal_pending(tsk)) {
		umcg_unpin_pages();
		return;
	}

	umcg_unblock_and_wait();
}

static bool umcg_exception_hooked(struct pt_regs *regs)
{
	return user_mode(regs) && (current->flags & PF_UMCG_WORKER);
}

/*
 * User-mode exception of a worker (x86 page faults and the traps that
 * enable interrupts): treated like a syscall, so that one that sleeps is
 * reported as a block.  Called with IRQs disabled for page faults and
 * enabled for traps; returns true, with IRQs enabled, when hooked.
 */
bool umcg_exception_enter(struct pt_regs *regs)
{
	int ret;

	if (!umcg_exception_hooked(regs))
		return false;

	local_irq_enable();
	ret = umcg_pin_pages();
	if (ret) {
		pr_notice_ratelimited("umcg: killing %d: pin at exception entry failed (%d)\n",
				    task_pid_nr(current), ret);
		force_sig(SIGKILL);
	}
	return true;
}

/*
 * Exception exit (IRQs enabled): unpin, or unblock if it slept.  Acts only
 * when umcg_exception_enter() did, which tested the same condition.
 */
void umcg_exception_exit(struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	if (!umcg_exception_hooked(regs))
		return;

	if (tsk->umcg_page || fatal_signal_pending(tsk)) {
		umcg_unpin_pages();
		return;
	}
	umcg_unblock_and_wait();
}

/*
 * Pre-schedule hook, from sched_submit_work(): @tsk (current, a worker) is
 * about to sleep.  Only a pinned worker reports the block; page faults are
 * disabled because the caller may hold mmap_lock, and the pins make the
 * accesses succeed.
 */
void umcg_wq_worker_sleeping(struct task_struct *tsk)
{
	struct umcg_task __user *self = tsk->umcg_task;
	int ret;

	if (!tsk->umcg_page)
		return;

	pagefault_disable();
	ret = umcg_update_state(tsk, self, UMCG_TASK_RUNNING,
				UMCG_TASK_BLOCKED);
	if (ret == -EAGAIN)
		ret = umcg_update_state(tsk, self, UMCG_TASK_RUNNABLE,
					UMCG_TASK_BLOCKED);
	if (!ret)
		ret = umcg_wake_server(tsk);
	pagefault_enable();

	umcg_unpin_pages_only();

	if (ret) {
		pr_notice_ratelimited("umcg: killing %d: block report failed (%d)\n",
				    task_pid_nr(tsk), ret);
		force_sig(SIGKILL);
	}
}

/* Post-schedule hook: nothing to do in this profile. */
void umcg_wq_worker_running(struct task_struct *tsk)
{
}

/*
 * Return-to-user hook for every registered task, run before signal
 * delivery: act on UMCG_TF_PREEMPT, let RUNNING and RUNNABLE|COND_WAIT
 * pass, otherwise wait until RUNNING (a pending signal ends the wait; the
 * hook runs again on the next return to user space).
 */
void umcg_notify_resume(struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	struct umcg_task __user *self = READ_ONCE(tsk->umcg_task);
	u32 state;
	int ret;

	if (!self)
		return;

	ret = -EFAULT;
	if (get_user(state, &self->state))
		goto die;

	state &= UMCG_TASK_MASK | UMCG_TF_MASK;
	if (state == UMCG_TASK_RUNNING ||
	    state == (UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT))
		return;

	if (state & UMCG_TF_PREEMPT) {
		umcg_mask_worker(tsk);
		ret = umcg_pin_pages();
		if (!ret) {
			ret = umcg_update_state(tsk, self, UMCG_TASK_RUNNING,
						UMCG_TASK_RUNNABLE);
			if (!ret)
				ret = umcg_enqueue_and_wake(tsk);
			umcg_unpin_pages();
		}
		umcg_unmask_worker(tsk);
		if (ret)
			goto die;
	}

	ret = umcg_wait(0);
	if (!ret || ret == -EINTR)
		return;
die:
	pr_notice_ratelimited("umcg: killing %d: return to user failed (%d)\n",
			    task_pid_nr(tsk), ret);
	force_sig(SIGKILL);
}

/* Drop every trace of registration from @tsk (no user memory is written). */
static void umcg_clear_task(struct task_struct *tsk)
{
	if (tsk == current)
		umcg_unpin_pages();
	tsk->flags &= ~PF_UMCG_WORKER;
	tsk->umcg_worker = false;
	clear_task_syscall_work(tsk, SYSCALL_UMCG);
	clear_tsk_thread_flag(tsk, TIF_UMCG);
	WRITE_ONCE(tsk->umcg_task, NULL);
}

/* fork/clone: the child starts unregistered; the pins are the parent's. */
void umcg_clear_child(struct task_struct *tsk)
{
	tsk->umcg_page = NULL;
	tsk->umcg_server_page = NULL;
	tsk->umcg_server = NULL;
	tsk->umcg_server_task = NULL;
	tsk->umcg_clock = CLOCK_MONOTONIC;
	umcg_clear_task(tsk);
}

/* execve: the registration does not survive. */
void umcg_execve(struct task_struct *tsk)
{
	umcg_clear_task(tsk);
}

/*
 * do_exit(), before anything can sleep: a worker that exits without
 * unregistering is not reported; just release the pins.
 */
void umcg_handle_exit(void)
{
	struct task_struct *tsk = current;

	if (tsk->umcg_task || tsk->umcg_page)
		umcg_clear_task(tsk);
}

static int umcg_register(struct umcg_task __user *self, u32 flags,
			 clockid_t which_clock)
{
	struct task_struct *tsk = current;
	struct task_struct *server;
	struct umcg_task ut;
	bool worker = flags == UMCG_CTL_WORKER;
	u32 state;

	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
		/* Recorded even if the registration fails below. */
		WRITE_ONCE(tsk->umcg_clock, which_clock);
		break;
	default:
		return -EINVAL;
	}

	if (tsk->umcg_task || !self)
		return -EINVAL;

	if (copy_from_user(&ut, self, sizeof(ut)))
		return -EFAULT;

	if (ut.next_tid || ut.__hole[0] || ut.__zero[0] || ut.__zero[1] ||
	    ut.__zero[2])
		return -EINVAL;

	rcu_read_lock();
	server = find_task_by_vpid(ut.server_tid);
	if (!server || server->mm != tsk->mm)
		server = NULL;
	else if (worker && (!READ_ONCE(server->umcg_task) ||
			    READ_ONCE(server->umcg_worker)))
		server = NULL;
	else if (!worker && server != tsk)
		server = NULL;
	rcu_read_unlock();
	if (!server)
		return -ESRCH;

	state = ut.state & (UMCG_TASK_MASK | UMCG_TF_MASK);
	if (state != (worker ? UMCG_TASK_BLOCKED : UMCG_TASK_RUNNING))
		return -EINVAL;

	WRITE_ONCE(tsk->umcg_task, self);
	set_thread_flag(TIF_UMCG);
	if (!worker)
		return 0;

	WRITE_ONCE(tsk->umcg_worker, true);
	set_syscall_work(SYSCALL_UMCG);

	/* Like a return from a block: RUNNABLE, enqueue, wait for RUNNING. */
	umcg_unblock_and_wait();
	return 0;
}

static int umcg_unregister(struct umcg_task __user *self, u32 flags)
{
	struct task_struct *tsk = current;
	bool worker = READ_ONCE(tsk->umcg_worker);
	int ret;

	if (!self || self != tsk->umcg_task)
		return -EINVAL;

	if (worker != !!(flags & UMCG_CTL_WORKER))
		return -EINVAL;

	ret = umcg_pin_pages();
	if (ret)
		return ret;

	ret = umcg_update_state(tsk, self, UMCG_TASK_RUNNING, UMCG_TASK_NONE);
	if (ret) {
		/* Unlike RFC v2, do not leave the pins behind. */
		umcg_unpin_pages();
		return ret;
	}

	if (worker)
		umcg_wake_server(tsk);

	umcg_clear_task(tsk);
	return 0;
}

/**
 * sys_umcg_ctl() - register or unregister the calling thread
 * @flags:	UMCG_CTL_REGISTER or UMCG_CTL_UNREGISTER, optionally
 *		| UMCG_CTL_WORKER
 * @self:	the caller's struct umcg_task (64-byte aligned)
 * @which_clock: CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME or
 *		CLOCK_TAI, for timestamps and timeouts (register only)
 *
 * A worker registration returns only once some task made the worker
 * RUNNING.
 *
 * Return: 0 on success, else -EINVAL, -EFAULT, -ESRCH, -EAGAIN or -EBUSY.
 */
SYSCALL_DEFINE3(umcg_ctl, u32, flags, struct umcg_task __user *, self,
		clockid_t, which_clock)
{
	long ret;
	u32 cmd;

	if ((unsigned long)self % UMCG_TASK_ALIGN)
		return -EINVAL;

	cmd = flags & UMCG_CTL_CMD;
	flags &= ~UMCG_CTL_CMD;
	if (flags & ~UMCG_CTL_WORKER)
		return -EINVAL;

	switch (cmd) {
	case UMCG_CTL_REGISTER:
		return umcg_register(self, flags, which_clock);
	case UMCG_CTL_UNREGISTER:
		umcg_mask_worker(current);
		ret = umcg_unregister(self, flags);
		umcg_unmask_worker(current);
		return ret;
	default:
		return -EINVAL;
	}
}

/*
 * Make next_tid RUNNING (or, with UMCG_TID_RUNNING, check that it is).
 * On success the caller's next_tid gets UMCG_TID_RUNNING.
 */
static int umcg_wake_next(struct task_struct *tsk,
			  struct umcg_task __user *self)
{
	struct umcg_task __user *next_task;
	struct task_struct *next;
	u32 next_tid, state;
	int ret;

	if (get_user(next_tid, &self->next_tid))
		return -EFAULT;
	if (!next_tid)
		return 0;

	next = umcg_get_task(next_tid & UMCG_TID_MASK);
	if (!next)
		return -ESRCH;

	ret = -ESRCH;
	next_task = READ_ONCE(next->umcg_task);
	if (!next_task)
		goto put;

	if (next_tid & UMCG_TID_RUNNING) {
		ret = -EFAULT;
		if (get_user(state, &next_task->state))
			goto put;
		ret = 0;
		if ((state & UMCG_TASK_MASK) != UMCG_TASK_RUNNING)
			ret = -EAGAIN;
		goto put;
	}

	ret = umcg_wake_task(next, next_task);
	if (!ret && put_user(next_tid | UMCG_TID_RUNNING, &self->next_tid))
		ret = -EFAULT;
put:
	put_task_struct(next);
	return ret;
}

static long umcg_do_wait(struct task_struct *tsk, u32 flags, u64 timo)
{
	struct umcg_task __user *self = READ_ONCE(tsk->umcg_task);
	bool worker = READ_ONCE(tsk->umcg_worker);
	int ret;

	if (!self || flags)
		return -EINVAL;

	if (worker && timo)
		return -ERANGE;

	ret = umcg_pin_pages();
	if (ret)
		goto unblock;

	ret = umcg_update_state(tsk, self, UMCG_TASK_RUNNABLE,
				UMCG_TASK_RUNNABLE);
	if (ret)
		goto unpin;

	ret = umcg_wake_next(tsk, self);
	if (ret)
		goto unpin;

	if (worker) {
		ret = umcg_enqueue_and_wake(tsk);
		if (ret)
			goto unpin;
	}

	umcg_unpin_pages();

	ret = umcg_wait(timo);
	switch (ret) {
	case 0:
	case -EINTR:
		/* The return-to-user hook resumes an interrupted wait. */
		return 0;
	case -ETIMEDOUT:
		umcg_update_state(tsk, self, UMCG_TASK_RUNNABLE,
				  UMCG_TASK_RUNNING);
		return ret;
	default:
		return ret;
	}

unpin:
	umcg_unpin_pages();
unblock:
	umcg_update_state(tsk, self, UMCG_TASK_RUNNABLE, UMCG_TASK_RUNNING);
	return ret;
}

/**
 * sys_umcg_wait() - switch to next_tid (if any) and wait until RUNNING
 * @flags:	must be 0
 * @timo:	absolute timeout on the registration clock in ns, 0 for none;
 *		workers must pass 0
 *
 * The caller stores RUNNABLE|UMCG_TF_COND_WAIT into its state first.  A
 * worker caller is also pushed onto its server's runnable list and the
 * server is woken.  A signal ends the syscall with 0; the wait then goes on
 * in the return-to-user hook (without the timeout).
 *
 * Return: 0, -EINVAL, -ERANGE, -EFAULT, -ESRCH, -EBUSY, -EAGAIN or
 * -ETIMEDOUT.  After an error from pinning, from waking next_tid or from
 * enqueueing, the caller has been set back to RUNNING.
 */
SYSCALL_DEFINE2(umcg_wait, u32, flags, u64, timo)
{
	struct task_struct *tsk = current;
	long ret;

	umcg_mask_worker(tsk);
	ret = umcg_do_wait(tsk, flags, timo);
	umcg_unmask_worker(tsk);
	return ret;
}

/**
 * sys_umcg_kick() - force a UMCG task through the return-to-user hook
 * @flags:	must be 0
 * @tid:	the task (masked with UMCG_TID_MASK)
 *
 * Sends a reschedule IPI to the CPU the task last ran on; a task running in
 * user space there acts on a pending UMCG_TF_PREEMPT.  A sleeping task is
 * not woken.
 *
 * Return: 0, -ESRCH (no such UMCG task; checked first) or -EINVAL.
 */
SYSCALL_DEFINE2(umcg_kick, u32, flags, pid_t, tid)
{
	struct task_struct *task = umcg_get_task((u32)tid & UMCG_TID_MASK);

	if (!task)
		return -ESRCH;

	if (flags) {
		put_task_struct(task);
		return -EINVAL;
	}

#ifdef CONFIG_SMP
	smp_send_reschedule(task_cpu(task));
#endif
	put_task_struct(task);
	return 0;
}
