/* SPDX-License-Identifier: MIT */
/* Growable strings and JSON string escaping. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exec.h"

void ux_buf_put(struct ux_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->p = realloc(b->p, cap);
		if (!b->p)
			abort();
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

void ux_buf_puts(struct ux_buf *b, const char *s)
{
	ux_buf_put(b, s, strlen(s));
}

void ux_buf_printf(struct ux_buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(tmp)) {
		ux_buf_put(b, tmp, n);
		return;
	}
	{
		char *big = malloc(n + 1);

		if (!big)
			abort();
		va_start(ap, fmt);
		vsnprintf(big, n + 1, fmt, ap);
		va_end(ap);
		ux_buf_put(b, big, n);
		free(big);
	}
}

void ux_buf_free(struct ux_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void ux_json_str(struct ux_buf *b, const char *s)
{
	ux_buf_put(b, "\"", 1);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };

			ux_buf_put(b, e, 2);
		} else if (c < 0x20) {
			ux_buf_printf(b, "\\u%04x", c);
		} else {
			ux_buf_put(b, (const char *)&c, 1);
		}
	}
	ux_buf_put(b, "\"", 1);
}
