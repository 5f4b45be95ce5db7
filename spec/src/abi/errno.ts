/**
 * The errno names UMCG calls return, with their Linux x86_64 values (asm-generic/errno-base.h, errno.h).
 * @module
 */

/** errno values by name. */
export const ERRNO = {
  EPERM: 1,
  ESRCH: 3,
  EINTR: 4,
  EAGAIN: 11,
  EFAULT: 14,
  EBUSY: 16,
  EINVAL: 22,
  ERANGE: 34,
  ENOSYS: 38,
  EOPNOTSUPP: 95,
  ETIMEDOUT: 110,
} as const;

/** An errno name the model can return. */
export type ErrnoName = keyof typeof ERRNO;

/** The value a call returns to user space: 0 or an errno name (the syscall returns `-errno`). */
export type CallReturn = 0 | ErrnoName;

/** Maps a raw negative syscall return (or a positive errno) to its name, or undefined if unknown. */
export function errnoName(value: number): ErrnoName | undefined {
  const abs = Math.abs(value);
  for (const [name, v] of Object.entries(ERRNO)) if (v === abs) return name as ErrnoName;
  return undefined;
}
