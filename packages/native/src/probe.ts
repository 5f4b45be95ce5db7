/**
 * Does the running kernel implement UMCG, and at which syscall numbers? The executor registers and unregisters a
 * server in a child process (numbers alone prove nothing: 451-453 are other syscalls on Linux >= 6.5).
 * @module
 */

import { release } from 'node:os';
import { REF_KERNEL_SYSCALLS } from '@umcg/spec/vocabulary';
import { openExecutor } from './exec/index.js';
import type { Executor } from './exec/types.js';
import { encodeConfig } from './wire/encode.js';
import type { RawProbe } from './wire/raw.js';

/** Syscall numbers of the three entry points. */
export interface NativeSyscalls {
  readonly ctl: number;
  readonly wait: number;
  readonly kick: number;
}

/** Defaults: the reference kernel's numbers (`packages/kernel/linux/include/uapi/linux/umcg.h`). */
export const DEFAULT_SYSCALLS: NativeSyscalls = {
  ctl: REF_KERNEL_SYSCALLS.ctl,
  wait: REF_KERNEL_SYSCALLS.wait,
  kick: REF_KERNEL_SYSCALLS.kick ?? REF_KERNEL_SYSCALLS.wait + 1,
};

/** The outcome of a probe, in the shape `Adapter.probe` returns plus the raw answer. */
export interface NativeProbe {
  readonly ok: boolean;
  readonly reason: string;
  readonly details: readonly string[];
  readonly raw?: RawProbe;
  readonly executor?: Executor;
}

/** What to do on a machine without UMCG. */
export const NO_UMCG_FIX = [
  'boot a kernel with UMCG (the reference kernel: pnpm kernel:build, then boot its bzImage) and run there,',
  'or run the native target inside a guest booted on the reference kernel (what CI does):',
  '  pnpm conformance:native-guest -- --corpus --profile ref-6.1',
  'or run the same traces on the QEMU target: pnpm conformance --target=qemu',
];

/** Probes the running kernel through the executor. */
export async function probeNative(
  syscalls: NativeSyscalls = DEFAULT_SYSCALLS,
  exec?: Executor,
): Promise<NativeProbe> {
  let executor: Executor;
  try {
    executor = exec ?? openExecutor();
  } catch (e) {
    return { ok: false, reason: (e as Error).message, details: [`kernel ${release()}`] };
  }
  let raw: RawProbe;
  try {
    const out = await executor.runLines(`${encodeConfig({ ...syscalls, timeoutMs: 2000 })}\nprobe\n`);
    raw = JSON.parse(out.trim().split('\n').pop() ?? '') as RawProbe;
  } catch (e) {
    return {
      ok: false,
      reason: `the executor failed to probe: ${(e as Error).message}`,
      details: [],
      executor,
    };
  }
  const where = `kernel ${raw.release ?? release()}, syscalls ctl=${syscalls.ctl} wait=${syscalls.wait} kick=${syscalls.kick}`;
  const details = [where, `executor: ${executor.kind} (${executor.path})`];
  if (raw.status === 'completed') return { ok: true, reason: `UMCG found: ${where}`, details, raw, executor };
  return {
    ok: false,
    reason: `the running kernel has no UMCG (${raw.detail})`,
    details: [...details, ...NO_UMCG_FIX],
    raw,
    executor,
  };
}
