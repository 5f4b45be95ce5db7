/**
 * Choosing the accelerator: TCG unless KVM is asked for, or `auto` and a probe boot shows that KVM really runs
 * this kernel (on a PVM host `/dev/kvm` opens but ordinary guests hang; measured on such a host in 2026-11). The probe's answer is
 * cached per host kernel, QEMU version and guest kernel in `${UMCG_CACHE_DIR}/qemu/kvm-probe.json`.
 * @module
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { dirname, join } from 'node:path';
import { cacheDir } from '../internal/kernel.js';

/** What the user asked for (`--target-args accel=...`). */
export type AccelRequest = 'tcg' | 'kvm' | 'auto';

/** Whether `/dev/kvm` can be opened read-write. */
export function kvmDeviceUsable(): boolean {
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const probeFile = (): string => join(cacheDir(), 'qemu', 'kvm-probe.json');

/**
 * Resolves the accelerator. `tryKvm` boots the guest once under KVM and says whether it answered; it runs only
 * for `auto` with a usable `/dev/kvm` and no cached answer for `key` (kernel + QEMU identity).
 */
export async function chooseAccel(
  request: AccelRequest,
  key: string,
  tryKvm: () => Promise<boolean>,
): Promise<{ accel: 'tcg' | 'kvm'; why: string }> {
  if (request === 'tcg') return { accel: 'tcg', why: 'requested' };
  if (request === 'kvm') return { accel: 'kvm', why: 'requested' };
  if (!kvmDeviceUsable()) return { accel: 'tcg', why: '/dev/kvm not usable' };
  const cacheKey = `${release()} ${key}`;
  let cache: Record<string, boolean> = {};
  try {
    if (existsSync(probeFile()))
      cache = JSON.parse(readFileSync(probeFile(), 'utf8')) as Record<string, boolean>;
  } catch {
    cache = {};
  }
  let works = cache[cacheKey];
  const cached = works !== undefined;
  if (works === undefined) {
    works = await tryKvm().catch(() => false);
    cache[cacheKey] = works;
    mkdirSync(dirname(probeFile()), { recursive: true });
    writeFileSync(probeFile(), `${JSON.stringify(cache, null, 2)}\n`);
  }
  return works
    ? { accel: 'kvm', why: `KVM probe boot answered${cached ? ' (cached)' : ''}` }
    : { accel: 'tcg', why: `KVM probe boot did not answer${cached ? ' (cached)' : ''}; using TCG` };
}
