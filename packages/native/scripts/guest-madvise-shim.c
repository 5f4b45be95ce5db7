/* SPDX-License-Identifier: MIT */
/*
 * LD_PRELOAD shim for Node in guests whose kernel lacks CONFIG_ADVISE_SYSCALLS
 * (tinyconfig): V8 aborts when madvise() fails, and it relies on
 * MADV_DONTNEED giving zero pages back.  On ENOSYS, MADV_DONTNEED (and
 * MADV_FREE/MADV_REMOVE) on private mappings is emulated by mapping fresh
 * anonymous pages with the same protection over the range (found in
 * /proc/self/maps); every other advice is a hint and reports success.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Protection of the private mapping containing addr (-1 if none or shared) and its end. */
static int private_prot(unsigned long addr, unsigned long *end)
{
	char buf[512];
	FILE *f = fopen("/proc/self/maps", "re");
	int prot = -1;

	if (!f)
		return -1;
	while (fgets(buf, sizeof(buf), f)) {
		unsigned long lo, hi;
		char perms[8];

		if (sscanf(buf, "%lx-%lx %7s", &lo, &hi, perms) != 3)
			continue;
		if (addr < lo || addr >= hi)
			continue;
		*end = hi;
		if (perms[3] == 'p')
			prot = (perms[0] == 'r' ? PROT_READ : 0) | (perms[1] == 'w' ? PROT_WRITE : 0) |
			       (perms[2] == 'x' ? PROT_EXEC : 0);
		break;
	}
	fclose(f);
	return prot;
}

int madvise(void *addr, size_t len, int advice)
{
	long r = syscall(SYS_madvise, addr, len, advice);
	unsigned long a = (unsigned long)addr, end = a + len, page = (unsigned long)sysconf(_SC_PAGESIZE);

	if (r == 0 || errno != ENOSYS)
		return (int)r;
	errno = 0;
	if (advice != MADV_DONTNEED && advice != MADV_FREE && advice != MADV_REMOVE)
		return 0;
	end = (end + page - 1) & ~(page - 1);
	while (a < end) {
		unsigned long hi = a + page;
		int prot = private_prot(a, &hi);

		if (hi > end)
			hi = end;
		if (prot >= 0 && mmap((void *)a, hi - a, prot, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED)
			return -1;
		a = hi;
	}
	return 0;
}

int posix_madvise(void *addr, size_t len, int advice)
{
	return madvise(addr, len, advice) ? errno : 0;
}
