/* SPDX-License-Identifier: MIT */
/*
 * LD_PRELOAD shim for Node in guests whose kernel lacks CONFIG_ADVISE_SYSCALLS
 * (tinyconfig): V8 aborts when madvise() fails, so ENOSYS is reported as
 * success (the advice is only a hint: pages are simply not discarded).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <unistd.h>

int madvise(void *addr, size_t len, int advice)
{
	long r = syscall(SYS_madvise, addr, len, advice);

	if (r < 0 && errno == ENOSYS) {
		errno = 0;
		return 0;
	}
	return (int)r;
}

int posix_madvise(void *addr, size_t len, int advice)
{
	return madvise(addr, len, advice) ? errno : 0;
}
