/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LINUX_UMCG_H
#define _UAPI_LINUX_UMCG_H

#include <linux/types.h>

/*
 * User Managed Concurrency Groups (UMCG), reference profile "RFC v2".
 *
 * A UMCG task is a thread that registered a struct umcg_task with
 * sys_umcg_ctl().  Servers run user-space schedulers; workers are the
 * threads they schedule.  The kernel reports a worker blocking in the kernel
 * by moving it to BLOCKED and waking its server, and reports a blocked or
 * preempted worker becoming runnable again by moving it to RUNNABLE and
 * pushing it onto its server's runnable_workers_ptr list.
 *
 * This header is also meant to be included directly by user space.
 */

/*
 * System call numbers of the reference implementation (x86_64).  These
 * numbers are not assigned upstream; they are the next free ones on 6.1.
 */
#if defined(__x86_64__) && !defined(__ILP32__)
#ifndef __NR_umcg_ctl
#define __NR_umcg_ctl	451
#endif
#ifndef __NR_umcg_wait
#define __NR_umcg_wait	452
#endif
#ifndef __NR_umcg_kick
#define __NR_umcg_kick	453
#endif
#endif

/* struct umcg_task::state, bits 0-7: the task state. */
#define UMCG_TASK_NONE		0x0000U
#define UMCG_TASK_RUNNING	0x0001U
#define UMCG_TASK_RUNNABLE	0x0002U
#define UMCG_TASK_BLOCKED	0x0003U
#define UMCG_TASK_MASK		0x00ffU

/*
 * struct umcg_task::state, bits 8-15: flags.
 *
 * UMCG_TF_PREEMPT: set by user space (CAS from exactly RUNNING) to ask a
 * running worker to stop; the kernel acts on it when the worker next returns
 * to user space (see sys_umcg_kick()).
 *
 * UMCG_TF_COND_WAIT: set by a task together with RUNNABLE right before it
 * calls sys_umcg_wait(); lets it return to user space in between.
 *
 * Every kernel state transition clears both flags.  Bits 16-31 belong to
 * user space; the kernel preserves them.
 */
#define UMCG_TF_PREEMPT		0x0100U
#define UMCG_TF_COND_WAIT	0x0200U
#define UMCG_TF_MASK		0xff00U

/*
 * struct umcg_task::next_tid encoding.  The kernel looks tids up masked with
 * UMCG_TID_MASK, and ORs UMCG_TID_RUNNING into the caller's next_tid once it
 * has made that task RUNNING.
 */
#define UMCG_TID_RUNNING	0x80000000U
#define UMCG_TID_MASK		0x3fffffffU

#define UMCG_TASK_ALIGN		64

/**
 * struct umcg_task - per-thread UMCG control block, shared with the kernel
 * @state:	task state and flags, see UMCG_TASK_* and UMCG_TF_*; the kernel
 *		only changes it with atomic compare-and-exchange
 * @next_tid:	tid of the task sys_umcg_wait() should make RUNNING, or 0;
 *		the kernel ORs in UMCG_TID_RUNNING after a successful switch
 * @server_tid:	tid of this task's server (a server names itself)
 * @__hole:	must be zero at registration
 * @blocked_ts:	time of the last transition to BLOCKED (registration clock)
 * @runnable_ts: time of the last transition to RUNNABLE (registration clock)
 * @runnable_workers_ptr: on a server, the head of its list of runnable
 *		workers (user addresses of struct umcg_task, 0 terminated);
 *		on a worker, the link to the next list element
 * @__zero:	must be zero at registration
 *
 * The page holding the struct must be anonymous memory.
 */
struct umcg_task {
	__u32	state;
	__u32	next_tid;
	__u32	server_tid;
	__u32	__hole[1];
	__u64	blocked_ts;
	__u64	runnable_ts;
	__u64	runnable_workers_ptr;
	__u64	__zero[3];
} __attribute__((packed, aligned(UMCG_TASK_ALIGN)));

/* sys_umcg_ctl() flags: one command in bits 0-7, plus UMCG_CTL_WORKER. */
#define UMCG_CTL_REGISTER	0x00001
#define UMCG_CTL_UNREGISTER	0x00002
#define UMCG_CTL_WORKER		0x10000

#endif /* _UAPI_LINUX_UMCG_H */
