/**
 * Reading the version string a bzImage carries in its setup header (x86 boot protocol: the 16-bit field at
 * 0x20E points, relative to 0x200, at a NUL-terminated string like `6.1.192 (user@host) #1 SMP ...`).
 * @module
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** The kernel version string of a bzImage, or `undefined` when the file is not one. */
export function bzImageVersion(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(0x210);
    if (readSync(fd, head, 0, head.length, 0) < head.length) return undefined;
    if (head.toString('latin1', 0x202, 0x206) !== 'HdrS') return undefined;
    const at = head.readUInt16LE(0x20e) + 0x200;
    const buf = Buffer.alloc(256);
    const n = readSync(fd, buf, 0, buf.length, at);
    const s = buf.toString('latin1', 0, n);
    const end = s.indexOf('\0');
    return (end < 0 ? s : s.slice(0, end)).trim() || undefined;
  } finally {
    closeSync(fd);
  }
}

/** The release (first word) of a bzImage's version string, e.g. `6.1.192`. */
export function bzImageRelease(path: string): string | undefined {
  return bzImageVersion(path)?.split(/\s+/)[0];
}
