/**
 * Guest tests need QEMU, busybox-static, a kernel and the executor sources. When something is missing they fail
 * under CI (the CI script installs and builds everything) and skip loudly elsewhere, with the fix.
 * `UMCG_QEMU_KERNEL=<bzImage>` runs them on another kernel than the cached reference build.
 * @module
 */
import { existsSync } from 'node:fs';
import { qemu } from '../../src/adapter.js';

/** The bzImage the guest tests boot instead of the reference kernel, if any. */
export const TEST_KERNEL: string | undefined = process.env.UMCG_QEMU_KERNEL || undefined;

/** Why guest tests cannot run here, or `undefined` when they can. */
export async function guestUnavailable(): Promise<string | undefined> {
  if (TEST_KERNEL !== undefined && !existsSync(TEST_KERNEL))
    return `UMCG_QEMU_KERNEL=${TEST_KERNEL}: no such file`;
  const p = await qemu.probe();
  if (p.ok) return undefined;
  const left = p.details.filter(
    (d) => !(TEST_KERNEL !== undefined && /reference kernel|kernel:build/.test(d)),
  );
  const problems = left.filter(
    (d) => !/^(QEMU \d|reference kernel \d|executor sources \/|accelerator:)/.test(d),
  );
  return problems.length === 0 ? undefined : problems.join('; ');
}

/** Prints the loud skip notice (outside CI) and says whether to skip. */
export function skipNotice(file: string, reason: string | undefined): boolean {
  if (reason === undefined || process.env.CI) return false;
  const bar = '!'.repeat(100);
  console.warn(`${bar}\n${file}: SKIPPING guest tests: ${reason}\n${bar}`);
  return true;
}
