/**
 * The QEMU binary's version, for provenance and the adapter's probe.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { QEMU } from '../internal/kernel.js';

/** The install command for QEMU and busybox on Debian. */
export const QEMU_INSTALL = 'apt-get install -y --no-install-recommends qemu-system-x86 busybox-static cpio';

/** `7.2.22` for `QEMU emulator version 7.2.22 (...)`, or `undefined` when QEMU cannot be run. */
export function qemuVersion(): string | undefined {
  const r = spawnSync(QEMU, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return /version\s+(\S+)/.exec(r.stdout)?.[1] ?? r.stdout.split('\n')[0];
}
