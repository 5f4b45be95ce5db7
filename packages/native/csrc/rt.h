/* SPDX-License-Identifier: MIT */
/* Inside the child process that runs one trace: per-task runtime state. */
#ifndef UMCG_EXEC_RT_H
#define UMCG_EXEC_RT_H

#include <stdatomic.h>
#include <sys/types.h>
#include "exec.h"

/* What a task thread is asked to do: run `nprog` actions, in order. */
struct ux_rt_task {
	_Atomic uint32_t	posted;		/* controller: command number */
	_Atomic uint32_t	taken;		/* thread: picked command */
	_Atomic uint32_t	done;		/* thread: finished command (== posted: in the command loop) */
	_Atomic int		exited;
	_Atomic int		signals;	/* SIGUSR1 handler runs */
	_Atomic int		sigret;		/* a handler ended; cleared back in user code */
	_Atomic uint32_t	res_seq;	/* bumped after res_call/res_ret are written */
	_Atomic uint32_t	ping;		/* controller: echo request */
	_Atomic uint32_t	pong;		/* thread: last ping echoed from its command loop */
	_Atomic int		cur_op;		/* op being executed, -1 in the loop */
	_Atomic int64_t		deadline;	/* absolute timeout of the last future wait */
	_Atomic pid_t		tid;
	char			res_call[16];
	char			res_ret[512];
	const struct ux_step	*prog;
	int			nprog;
	int			wait_go;	/* litmus: start on ctx->go */
	void			*page;		/* the struct page */
	volatile void		*ut;		/* struct umcg_task * (== page) */
	void			*scratch;	/* page for non-blocking faults */
	int			pipe[2];	/* blocking syscall = read(pipe[0]) */
	int			unmapped;
	int			clock;		/* registration clock */
	int			sig_sent;
	int			sig_lost;	/* sent while one was pending */
	uint64_t		shadow[UF_COUNT];	/* last words read (kept for unmapped structs) */
	uint64_t		base[UF_COUNT];		/* words at the start of the step */
};

/* The child's whole state. */
struct ux_rt {
	const struct ux_config	*cfg;
	const struct ux_trace	*t;
	int			n;
	pid_t			pid;
	int			out;		/* pipe to the parent */
	_Atomic int		go;
	struct ux_rt_task	task[UX_MAX_TASKS];
};

extern struct ux_rt *ux_rt;

/*
 * Where one trace's time went in the child, in ns (PROTOCOL.md, "timing"):
 * accumulated over the trace and reported with its response.
 */
struct ux_times {
	int64_t	setup;		/* ux_rt_start: handler, prefault, pages, threads */
	int64_t	exec;		/* posting steps (expire waits excluded) */
	int64_t	expire;		/* expire: sleeping until the deadline, then its grace */
	int64_t	sample;		/* quiescence: reading /proc */
	int64_t	period;		/* quiescence: sleeping between samples */
	int64_t	settle;		/* quiescence: holding a stable state for the expire settle time */
	int64_t	ping;		/* quiescence: the user-mode ping (barrier) */
	int64_t	observe;	/* reading and writing the observations */
	int	samples;	/* /proc samples taken */
	int	unsettled;	/* samples not yet quiescent (a task still running) */
	int	pending_sig;	/* of those, a task with a signal not yet handled */
};

extern struct ux_times ux_times;

/* Stack size of a task thread. */
#define UX_STACK_SIZE	(256 * 1024)

/* prefault.c: map (and lock) what task threads touch, so they never page-fault by themselves. */
int ux_prefault(char *err, size_t errlen);
void *ux_task_stack(size_t size);

/* task.c */
int ux_rt_start(struct ux_rt *rt, char *err, size_t errlen);
void ux_rt_post(struct ux_rt *rt, int i, const struct ux_step *prog, int nprog, int wait_go);
void ux_rt_read_words(struct ux_rt *rt, int i, uint64_t w[UF_COUNT]);
int64_t ux_clock_ns(int clock);

/* Whether a user pc is inside the SIGUSR1 handler. */
int ux_in_handler(unsigned long pc);

/* observe.c */
/*
 * Waits until every task is quiescent for 3 samples and at least min_stable_ns;
 * 0 ok, -1 timeout (detail in err).
 */
int ux_rt_quiesce(struct ux_rt *rt, int64_t since_ns, int64_t min_stable_ns, char *err, size_t errlen);
/* Whether SIGUSR1 is pending for thread tid of process pid (and not blocked, with unblocked_only). */
int ux_sigusr1_pending(pid_t pid, pid_t tid, int unblocked_only);
/* Where task i is now ("" when not quiescent). */
void ux_rt_where(struct ux_rt *rt, int i, char *out, size_t n);
/* Appends the observation of the current (quiescent) state as JSON. */
void ux_rt_observe(struct ux_rt *rt, struct ux_buf *b, uint32_t *res_seen);

#endif
