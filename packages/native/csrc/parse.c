/* SPDX-License-Identifier: MIT */
/* Parsing of request lines (PROTOCOL.md) into struct ux_trace / ux_step. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exec.h"

static const char *const field_names[UF_COUNT] = {
	"state", "next_tid", "server_tid", "hole", "blocked_ts",
	"runnable_ts", "runnable_workers_ptr", "zero0", "zero1", "zero2",
};

static const char *const op_names[] = {
	"store", "cas", "take", "ctl", "wait", "kick", "syscall",
	"fault", "exit", "complete", "signal", "expire", "unmap",
};

const char *ux_field_name(int f)
{
	return f >= 0 && f < UF_COUNT ? field_names[f] : "?";
}

int ux_task_index(const struct ux_trace *t, const char *name)
{
	for (int i = 0; i < t->ntasks; i++)
		if (!strcmp(t->names[i], name))
			return i;
	return -1;
}

void ux_trace_free(struct ux_trace *t)
{
	if (!t)
		return;
	free(t->steps);
	for (int i = 0; i < UX_MAX_TASKS; i++)
		free(t->thr[i]);
	free(t);
}

static int push(struct ux_step **arr, int *n, int *cap, const struct ux_step *st)
{
	if (*n == *cap) {
		int c = *cap ? *cap * 2 : 16;
		struct ux_step *p = realloc(*arr, c * sizeof(*p));

		if (!p)
			return -1;
		*arr = p;
		*cap = c;
	}
	(*arr)[(*n)++] = *st;
	return 0;
}

int ux_trace_add_step(struct ux_trace *t, const struct ux_step *st)
{
	return push(&t->steps, &t->nsteps, &t->capsteps, st);
}

int ux_trace_add_thr(struct ux_trace *t, int task, const struct ux_step *st)
{
	return push(&t->thr[task], &t->nthr[task], &t->capthr[task], st);
}

/* Copies the next space-separated token of *s into tok; returns 0 at the end. */
static int next_tok(const char **s, char *tok, size_t n)
{
	const char *p = *s;
	size_t i = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p || *p == '\n' || *p == '\r')
		return 0;
	while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
		if (i + 1 < n)
			tok[i++] = *p;
		p++;
	}
	tok[i] = 0;
	*s = p;
	return 1;
}

int ux_parse_header(struct ux_trace *t, const char *line, int litmus, char *err, size_t errlen)
{
	char tok[160];
	const char *p = line;
	int n;

	memset(t, 0, sizeof(*t));
	t->litmus = litmus;
	next_tok(&p, tok, sizeof(tok));			/* trace | litmus */
	if (!next_tok(&p, t->id, sizeof(t->id))) {
		snprintf(err, errlen, "missing id");
		return -1;
	}
	if (!next_tok(&p, tok, sizeof(tok)) || (n = atoi(tok)) <= 0 || n > UX_MAX_TASKS) {
		snprintf(err, errlen, "bad task count (1..%d)", UX_MAX_TASKS);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char *colon;

		if (!next_tok(&p, tok, sizeof(tok))) {
			snprintf(err, errlen, "expected %d task names", n);
			return -1;
		}
		colon = strchr(tok, ':');
		if (colon) {
			*colon = 0;
			if (strcmp(colon + 1, "shmem")) {
				snprintf(err, errlen, "unknown memory kind '%s'", colon + 1);
				return -1;
			}
			t->shmem[i] = 1;
		}
		if (strlen(tok) >= UX_NAME_LEN) {
			snprintf(err, errlen, "task name too long");
			return -1;
		}
		strcpy(t->names[i], tok);
		t->ntasks = i + 1;
	}
	return 0;
}

static int parse_value(const struct ux_trace *t, const char *s, struct ux_value *v)
{
	char name[UX_NAME_LEN + 8];
	const char *colon;

	memset(v, 0, sizeof(*v));
	if (!strcmp(s, "garbage")) {
		v->kind = 3;
		return 0;
	}
	if (!strncmp(s, "num:", 4)) {
		v->kind = 0;
		v->num = strtoull(s + 4, NULL, 16);
		return 0;
	}
	if (!strncmp(s, "addr:", 5)) {
		v->kind = 2;
		v->task = ux_task_index(t, s + 5);
		return v->task < 0 ? -1 : 0;
	}
	if (!strncmp(s, "tid:", 4)) {
		v->kind = 1;
		colon = strchr(s + 4, ':');
		if (!colon || (size_t)(colon - (s + 4)) >= sizeof(name))
			return -1;
		memcpy(name, s + 4, colon - (s + 4));
		name[colon - (s + 4)] = 0;
		v->task = ux_task_index(t, name);
		v->num = strtoull(colon + 1, NULL, 16);
		return v->task < 0 ? -1 : 0;
	}
	return -1;
}

static int parse_field(const char *s)
{
	for (int f = 0; f < UF_COUNT; f++)
		if (!strcmp(s, field_names[f]))
			return f;
	return -1;
}

int ux_parse_step(struct ux_trace *t, const char *rest, struct ux_step *st, char *err, size_t errlen)
{
	char op[32], task[UX_NAME_LEN + 8], kv[200];
	const char *p = rest;
	int i;

	memset(st, 0, sizeof(*st));
	st->target = -1;
	st->field = -1;
	st->clock = 1;
	if (!next_tok(&p, op, sizeof(op)) || !next_tok(&p, task, sizeof(task))) {
		snprintf(err, errlen, "step needs an op and a task");
		return -1;
	}
	st->op = -1;
	for (i = 0; i < (int)(sizeof(op_names) / sizeof(op_names[0])); i++)
		if (!strcmp(op, op_names[i]))
			st->op = i;
	if (st->op < 0) {
		snprintf(err, errlen, "unknown op '%s'", op);
		return -1;
	}
	st->task = ux_task_index(t, task);
	if (st->task < 0) {
		snprintf(err, errlen, "unknown task '%s'", task);
		return -1;
	}
	while (next_tok(&p, kv, sizeof(kv))) {
		char *eq = strchr(kv, '=');
		const char *k = kv, *v;

		if (!eq) {
			snprintf(err, errlen, "expected key=value, got '%s'", kv);
			return -1;
		}
		*eq = 0;
		v = eq + 1;
		if (!strcmp(k, "target")) {
			st->target = ux_task_index(t, v);
			if (st->target < 0)
				goto bad;
		} else if (!strcmp(k, "field")) {
			st->field = parse_field(v);
			if (st->field < 0)
				goto bad;
		} else if (!strcmp(k, "value") || !strcmp(k, "tid")) {
			if (parse_value(t, v, &st->value))
				goto bad;
		} else if (!strcmp(k, "expect")) {
			if (parse_value(t, v, &st->expect))
				goto bad;
		} else if (!strcmp(k, "flags")) {
			st->flags = (uint32_t)strtoul(v, NULL, 16);
		} else if (!strcmp(k, "self")) {
			if (!strcmp(v, "own")) {
				st->self = UX_SELF_OWN;
			} else if (!strcmp(v, "null")) {
				st->self = UX_SELF_NULL;
			} else if (!strcmp(v, "misaligned")) {
				st->self = UX_SELF_MISALIGNED;
			} else if (!strncmp(v, "of:", 3)) {
				st->self = UX_SELF_OF;
				st->target = ux_task_index(t, v + 3);
				if (st->target < 0)
					goto bad;
			} else {
				goto bad;
			}
		} else if (!strcmp(k, "clock")) {
			st->clock = atoi(v);
		} else if (!strcmp(k, "timeout")) {
			if (!strcmp(v, "none"))
				st->timeout = UX_TMO_NONE;
			else if (!strcmp(v, "past"))
				st->timeout = UX_TMO_PAST;
			else if (!strcmp(v, "future"))
				st->timeout = UX_TMO_FUTURE;
			else
				goto bad;
		} else if (!strcmp(k, "blocking")) {
			st->blocking = atoi(v) != 0;
		} else {
			snprintf(err, errlen, "unknown key '%s'", k);
			return -1;
		}
		continue;
bad:
		snprintf(err, errlen, "bad value for %s: '%s'", k, v);
		return -1;
	}
	if ((st->op == UX_STORE || st->op == UX_CAS) && (st->target < 0 || st->field < 0)) {
		snprintf(err, errlen, "%s needs target= and field=", op);
		return -1;
	}
	if (st->op == UX_TAKE && st->target < 0) {
		snprintf(err, errlen, "take needs target=");
		return -1;
	}
	return 0;
}
