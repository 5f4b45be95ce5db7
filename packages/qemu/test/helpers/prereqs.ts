/**
 * Guest tests need QEMU, busybox-static, the reference kernel and the executor sources. When something is missing
 * they fail under CI (the CI script installs and builds everything) and skip loudly elsewhere, with the fix.
 * @module
 */
import { qemu } from '../../src/adapter.js';

/** Why guest tests cannot run here, or `undefined` when they can. */
export async function guestUnavailable(): Promise<string | undefined> {
  const p = await qemu.probe();
  return p.ok ? undefined : p.reason;
}

/** Prints the loud skip notice (outside CI) and says whether to skip. */
export function skipNotice(file: string, reason: string | undefined): boolean {
  if (reason === undefined || process.env.CI) return false;
  const bar = '!'.repeat(100);
  console.warn(`${bar}\n${file}: SKIPPING guest tests: ${reason}\n${bar}`);
  return true;
}
