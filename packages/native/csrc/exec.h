/* SPDX-License-Identifier: MIT */
/*
 * umcg-exec: runs UMCG traces on real threads against the running kernel.
 * The wire protocol is packages/native/PROTOCOL.md; the execution model is
 * spec/EXECUTION-MODEL.md.
 */
#ifndef UMCG_EXEC_H
#define UMCG_EXEC_H

#include <stddef.h>
#include <stdint.h>

#define UX_MAX_TASKS	16
#define UX_NAME_LEN	32
#define UX_GARBAGE_TID	0x3fff0001u

/* A growable string. */
struct ux_buf {
	char	*p;
	size_t	len, cap;
};

void ux_buf_put(struct ux_buf *b, const char *s, size_t n);
void ux_buf_puts(struct ux_buf *b, const char *s);
void ux_buf_printf(struct ux_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ux_buf_free(struct ux_buf *b);

/* Operations of a step (user actions, then environment events). */
enum {
	UX_STORE, UX_CAS, UX_TAKE, UX_CTL, UX_WAIT, UX_KICK, UX_SYSCALL,
	UX_FAULT, UX_EXIT, UX_COMPLETE, UX_SIGNAL, UX_EXPIRE, UX_UNMAP,
};

/* Fields of struct umcg_task, in layout order. */
enum {
	UF_STATE, UF_NEXT_TID, UF_SERVER_TID, UF_HOLE, UF_BLOCKED_TS,
	UF_RUNNABLE_TS, UF_RWP, UF_ZERO0, UF_ZERO1, UF_ZERO2, UF_COUNT,
};

/* A symbolic value (`num:`, `tid:`, `addr:`, `garbage`). */
struct ux_value {
	int		kind;	/* 0 num, 1 tid, 2 addr, 3 garbage */
	int		task;
	uint64_t	num;	/* the number, or the bits OR-ed into a tid */
};

enum { UX_SELF_OWN, UX_SELF_NULL, UX_SELF_MISALIGNED, UX_SELF_OF };
enum { UX_TMO_NONE, UX_TMO_PAST, UX_TMO_FUTURE };

/* One step. */
struct ux_step {
	int		op;
	int		task;
	int		target;		/* store/cas/take; self task of ctl of:<t> */
	int		field;
	struct ux_value	expect, value;	/* cas expect; store/cas value; kick tid */
	uint32_t	flags;
	int		self;		/* UX_SELF_* */
	int		clock;
	int		timeout;	/* UX_TMO_* */
	int		blocking;
	int		expire_in;	/* computed: steps until this future wait's `expire` (0: none) */
	int64_t		deadline_ns;	/* computed: relative timeout of a future wait (0: far) */
};

/* A trace or litmus program as received. */
struct ux_trace {
	char		id[128];
	int		litmus;
	int		ntasks;
	char		names[UX_MAX_TASKS][UX_NAME_LEN];
	int		shmem[UX_MAX_TASKS];
	struct ux_step	*steps;		/* trace steps, or the litmus prologue */
	int		nsteps, capsteps;
	struct ux_step	*thr[UX_MAX_TASKS];	/* litmus per-task lists */
	int		nthr[UX_MAX_TASKS], capthr[UX_MAX_TASKS];
	/* litmus `skew` lines: spins after the start flag, and CPU + 1 to run on (0: anywhere) */
	int		delay[UX_MAX_TASKS], cpu1[UX_MAX_TASKS];
};

/* Configuration (`config` line). */
struct ux_config {
	long	nr_ctl, nr_wait, nr_kick;
	int	timeout_ms;
};

/* A protocol session: feed request lines, get response lines. */
struct ux_session {
	struct ux_config	cfg;
	struct ux_trace		*cur;	/* trace being received */
	char			err[256];
};

void ux_session_init(struct ux_session *s);
/* Handles one request line; appends zero or more response lines to out. */
void ux_session_line(struct ux_session *s, const char *line, struct ux_buf *out);
void ux_session_free(struct ux_session *s);

/* parse.c */
int ux_parse_header(struct ux_trace *t, const char *line, int litmus, char *err, size_t errlen);
int ux_parse_step(struct ux_trace *t, const char *rest, struct ux_step *st, char *err, size_t errlen);
int ux_task_index(const struct ux_trace *t, const char *name);
void ux_trace_free(struct ux_trace *t);
int ux_trace_add_step(struct ux_trace *t, const struct ux_step *st);
int ux_trace_add_thr(struct ux_trace *t, int task, const struct ux_step *st);
const char *ux_field_name(int f);

/* run.c: runs a trace or litmus program in a forked child; appends the response line. */
void ux_run(const struct ux_config *cfg, struct ux_trace *t, struct ux_buf *out);

/* probe.c */
void ux_probe(const struct ux_config *cfg, struct ux_buf *out);

/* JSON string escaping. */
void ux_json_str(struct ux_buf *b, const char *s);

#endif
