/* SPDX-License-Identifier: MIT */
/* The request-line state machine of PROTOCOL.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/types.h>
#include <linux/umcg.h>
#include "exec.h"

#ifndef __NR_umcg_ctl
#define __NR_umcg_ctl	451
#define __NR_umcg_wait	452
#define __NR_umcg_kick	453
#endif

void ux_session_init(struct ux_session *s)
{
	memset(s, 0, sizeof(*s));
	s->cfg.nr_ctl = __NR_umcg_ctl;
	s->cfg.nr_wait = __NR_umcg_wait;
	s->cfg.nr_kick = __NR_umcg_kick;
	s->cfg.timeout_ms = 2000;
}

void ux_session_free(struct ux_session *s)
{
	ux_trace_free(s->cur);
	s->cur = NULL;
}

static void error_line(struct ux_buf *out, const char *id, const char *status, const char *msg)
{
	ux_buf_puts(out, "{\"id\":");
	ux_json_str(out, id);
	ux_buf_printf(out, ",\"status\":\"%s\",\"detail\":", status);
	ux_json_str(out, msg);
	ux_buf_puts(out, ",\"steps\":[]}\n");
}

static void config_line(struct ux_session *s, const char *line)
{
	const char *p = line;

	while ((p = strchr(p, ' '))) {
		p++;
		if (!strncmp(p, "ctl=", 4))
			s->cfg.nr_ctl = atol(p + 4);
		else if (!strncmp(p, "wait=", 5))
			s->cfg.nr_wait = atol(p + 5);
		else if (!strncmp(p, "kick=", 5))
			s->cfg.nr_kick = atol(p + 5);
		else if (!strncmp(p, "timeout_ms=", 11))
			s->cfg.timeout_ms = atoi(p + 11);
	}
}

static const char *unsupported(const struct ux_trace *t)
{
	for (int k = 0; k < t->nsteps; k++)
		if (t->steps[k].op == UX_FAULT && t->steps[k].blocking)
			return "blocking-faults: blocking page faults (userfaultfd) are not implemented by umcg-exec";
	for (int i = 0; i < t->ntasks; i++)
		for (int k = 0; k < t->nthr[i]; k++)
			if (t->thr[i][k].op == UX_FAULT && t->thr[i][k].blocking)
				return "blocking-faults: blocking page faults (userfaultfd) are not implemented by umcg-exec";
	return NULL;
}

void ux_session_line(struct ux_session *s, const char *line, struct ux_buf *out)
{
	struct ux_step st;

	while (*line == ' ' || *line == '\t')
		line++;
	if (!*line || *line == '\n' || *line == '#')
		return;
	if (!strncmp(line, "probe", 5)) {
		ux_probe(&s->cfg, out);
		return;
	}
	if (!strncmp(line, "config ", 7) || !strcmp(line, "config")) {
		config_line(s, line);
		return;
	}
	if (!strncmp(line, "trace ", 6) || !strncmp(line, "litmus ", 7)) {
		ux_trace_free(s->cur);
		s->cur = calloc(1, sizeof(*s->cur));
		s->err[0] = 0;
		if (!s->cur)
			abort();
		if (ux_parse_header(s->cur, line, line[0] == 'l', s->err, sizeof(s->err)))
			strcat(s->err, " (header)");
		return;
	}
	if (!s->cur) {
		error_line(out, "?", "crashed", "bad request: no trace open");
		return;
	}
	if (!strncmp(line, "step ", 5) || !strncmp(line, "pro ", 4)) {
		if (s->err[0])
			return;
		if (ux_parse_step(s->cur, strchr(line, ' ') + 1, &st, s->err, sizeof(s->err)) == 0)
			ux_trace_add_step(s->cur, &st);
		return;
	}
	if (!strncmp(line, "thr ", 4)) {
		char task[64], rest[512];
		int n = 0;

		if (s->err[0])
			return;
		if (sscanf(line + 4, "%63s %n", task, &n) < 1 || ux_task_index(s->cur, task) < 0) {
			snprintf(s->err, sizeof(s->err), "thr: unknown task");
			return;
		}
		/* `thr <task> <op> keys` is parsed as `<op> <task> keys`. */
		{
			const char *op = line + 4 + n, *sp = strchr(op, ' ');
			size_t oplen = sp ? (size_t)(sp - op) : strlen(op);

			snprintf(rest, sizeof(rest), "%.*s %s%s", (int)oplen, op, task, sp ? sp : "");
		}
		if (ux_parse_step(s->cur, rest, &st, s->err, sizeof(s->err)) == 0)
			ux_trace_add_thr(s->cur, ux_task_index(s->cur, task), &st);
		return;
	}
	if (!strncmp(line, "skew ", 5)) {
		char task[64];
		int delay = 0, cpu = -1, i;

		if (s->err[0])
			return;
		if (sscanf(line + 5, "%63s delay=%d cpu=%d", task, &delay, &cpu) < 2 ||
		    (i = ux_task_index(s->cur, task)) < 0 || delay < 0 || cpu < -1 || cpu > 1023) {
			snprintf(s->err, sizeof(s->err), "skew: expected <task> delay=<n> cpu=<n|-1>");
			return;
		}
		s->cur->delay[i] = delay;
		s->cur->cpu1[i] = cpu + 1;
		return;
	}
	if (!strncmp(line, "end", 3)) {
		const char *why;

		if (s->err[0]) {
			char msg[300];

			snprintf(msg, sizeof(msg), "bad request: %s", s->err);
			error_line(out, s->cur->id, "crashed", msg);
		} else if ((why = unsupported(s->cur))) {
			error_line(out, s->cur->id, "unsupported", why);
		} else {
			ux_run(&s->cfg, s->cur, out);
		}
		ux_trace_free(s->cur);
		s->cur = NULL;
		return;
	}
	snprintf(s->err, sizeof(s->err), "unknown request '%.40s'", line);
}
