/* SPDX-License-Identifier: MIT */
/*
 * Fault-free task threads.
 *
 * A user-mode page fault of a registered worker is a UMCG exception: the
 * kernel pins the worker's pages first and kills the process when that
 * fails (for instance when the worker's server has unregistered).  The
 * execution model lets a page fault happen only at a `fault` step, so the
 * code and data a task thread touches between its actions must already be
 * mapped.  In the child that runs a trace they are not: fork() shares the
 * parent's writable pages copy-on-write and maps file-backed text only on
 * first use.
 *
 * ux_prefault() runs in the child before the task threads start, while it
 * has a single thread.  It maps every page of the objects the task threads
 * execute (the executor itself, the C library, the dynamic linker, the
 * vDSO) and locks them, which populates them (writable pages written, so
 * that they are the child's own); where RLIMIT_MEMLOCK does not allow it,
 * it touches each page (and writes each writable one) instead.
 * ux_task_stack() gives each task thread a stack populated up front.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "rt.h"

/* The path of the mapping containing @addr ("" if none or anonymous). */
static void path_of(const void *addr, char *path, size_t n)
{
	unsigned long a = (unsigned long)addr;
	char line[600];
	FILE *f = fopen("/proc/self/maps", "re");

	path[0] = 0;
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		unsigned long lo, hi;
		int off = 0;

		if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &lo, &hi, &off) < 2 || !off)
			continue;
		if (a >= lo && a < hi) {
			snprintf(path, n, "%s", line + off);
			path[strcspn(path, "\n")] = 0;
			break;
		}
	}
	fclose(f);
}

/* Map every page of [lo, hi): read it, and write it back if writable. */
static void touch(unsigned long lo, unsigned long hi, int writable)
{
	long page = sysconf(_SC_PAGESIZE);

	for (unsigned long a = lo; a < hi; a += page) {
		volatile char *p = (volatile char *)a;
		char c = *p;

		if (writable)
			*p = c;
	}
}

static int wanted(const char *path, const char *self, const char *libc)
{
	const char *base = strrchr(path, '/');

	if (!path[0])
		return 0;
	if (!strcmp(path, self) || !strcmp(path, libc) || !strcmp(path, "[vdso]"))
		return 1;
	return base && !strncmp(base, "/ld-linux", 9);
}

int ux_prefault(char *err, size_t errlen)
{
	char self[512], libc[512], line[600];
	unsigned long prev_hi = 0;
	int prev_wanted = 0;
	FILE *f;

	path_of((const void *)ux_prefault, self, sizeof(self));
	path_of((const void *)snprintf, libc, sizeof(libc));
	if (!self[0]) {
		snprintf(err, errlen, "prefault: the executor's own mapping is not in /proc/self/maps");
		return -1;
	}
	f = fopen("/proc/self/maps", "re");
	if (!f) {
		snprintf(err, errlen, "prefault: cannot read /proc/self/maps");
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		unsigned long lo, hi;
		char perms[8], path[512] = "";
		int off = 0, w;

		if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %n", &lo, &hi, perms, &off) < 3 || !off)
			continue;
		snprintf(path, sizeof(path), "%s", line + off);
		path[strcspn(path, "\n")] = 0;
		/* An object's .bss past its file-backed pages is the anonymous mapping right after it. */
		w = wanted(path, self, libc) || (!path[0] && prev_wanted && lo == prev_hi);
		/*
		 * mlock() populates the range in the kernel (writable private
		 * pages with a write, breaking copy-on-write), without a user
		 * fault per page, which is slow under QEMU TCG.  Where it fails
		 * (RLIMIT_MEMLOCK), the pages are touched one by one instead.
		 */
		if (w && perms[0] == 'r' && mlock((void *)lo, hi - lo))
			touch(lo, hi, perms[1] == 'w' && perms[3] == 'p');
		prev_wanted = w;
		prev_hi = hi;
	}
	fclose(f);
	return 0;
}

void *ux_task_stack(size_t size)
{
	/* Populated by the kernel (no user fault per page), then locked. */
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	if (mlock(p, size))
		memset(p, 0, size);
	return p;
}
