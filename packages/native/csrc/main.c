/* SPDX-License-Identifier: MIT */
/*
 * umcg-exec: the static executor.  Speaks PROTOCOL.md on stdin/stdout, or on
 * a device (`--io /dev/ttyS1`, put in raw mode) for a QEMU guest.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "exec.h"

static void write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w <= 0)
			return;
		p += w;
		n -= w;
	}
}

int main(int argc, char **argv)
{
	int in = 0, out = 1;
	struct ux_session s;
	struct ux_buf line = { 0 };
	char chunk[4096];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--io") && i + 1 < argc) {
			struct termios tio;

			in = out = open(argv[++i], O_RDWR | O_NOCTTY);
			if (in < 0) {
				perror(argv[i]);
				return 2;
			}
			if (tcgetattr(in, &tio) == 0) {
				cfmakeraw(&tio);
				tcsetattr(in, TCSANOW, &tio);
			}
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			printf("usage: umcg-exec [--io DEVICE]\n"
			       "Runs UMCG traces per packages/native/PROTOCOL.md (requests on stdin or DEVICE).\n");
			return 0;
		} else {
			fprintf(stderr, "umcg-exec: unknown argument %s\n", argv[i]);
			return 2;
		}
	}
	ux_session_init(&s);
	for (;;) {
		ssize_t n = read(in, chunk, sizeof(chunk));
		char *nl;

		if (n <= 0)
			break;
		ux_buf_put(&line, chunk, n);
		while (line.p && (nl = memchr(line.p, '\n', line.len))) {
			struct ux_buf resp = { 0 };
			size_t used = nl - line.p + 1;

			*nl = 0;
			if (nl > line.p && nl[-1] == '\r')
				nl[-1] = 0;
			ux_session_line(&s, line.p, &resp);
			if (resp.len)
				write_all(out, resp.p, resp.len);
			ux_buf_free(&resp);
			memmove(line.p, line.p + used, line.len - used);
			line.len -= used;
			line.p[line.len] = 0;
		}
	}
	ux_session_free(&s);
	return 0;
}
