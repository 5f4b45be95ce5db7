/**
 * `--target=qemu`: traces run by the executor inside QEMU guests booting the reference kernel (or a `kernel=`
 * bzImage; `UMCG_QEMU_KERNEL=<bzImage>` sets the default, and is what `probe` checks). `--target-args` keys: kernel, config, executor, jobs, smp, memory, accel (tcg|kvm|auto), channel
 * (virtio|ttyS1), boot-timeout (ms), append, ctl/wait/kick (syscall numbers), step-timeout (ms). A kernel panic, oops, BUG, WARN, lockdep report or hang during a trace
 * gives status `crashed` with the guest console in `detail`; the guest is then replaced.
 * @module
 */
import { existsSync } from 'node:fs';
import type {
  Adapter,
  CodeCoverage,
  Feature,
  LitmusRun,
  OpenOptions,
  RunOptions,
  Target,
  Trace,
  TraceRun,
} from '@umcg/conformance';
import { DEFAULT_BUSYBOX } from '@umcg/kernel';
import type { LitmusProgram } from '@umcg/spec/vocabulary';
import type { KernelCoverage } from './coverage/report.js';
import { EXECUTOR_BUILD_HINT, NATIVE_CSRC } from './guest/executor.js';
import { chooseKernel } from './guest/kernelChoice.js';
import { QEMU_INSTALL, qemuVersion } from './guest/qemuVersion.js';
import { NATIVE_FEATURES } from './internal/native.js';
import { litmusRequest, replyToLitmusRun, replyToTraceRun, traceRequest } from './internal/wire/codec.js';
import { openQemuSession, parseQemuArgs, type QemuSession } from './session.js';

/** Adapter version (recorded in every result). */
export const QEMU_ADAPTER_VERSION = '0.1.0';

/**
 * Features a real kernel run through the executor offers: the native executor's, plus `blocking-faults` when the
 * guest's executor says it can (the probe answer decides, see {@link probedFeatures}). No interleaving control.
 */
export const QEMU_FEATURES: readonly Feature[] = [...NATIVE_FEATURES, 'blocking-faults'];

/** Host-side limit on one request: the per-trace timeout less a margin, so a hang is ours to report. */
export function hangTimeout(traceTimeoutMs: number): number {
  return Math.max(1_000, traceTimeoutMs - 500);
}

/** Features the guest's executor reports in its `probe` answer (those we know), else {@link QEMU_FEATURES}. */
export function probedFeatures(probe: Readonly<Record<string, unknown>> | undefined): Set<Feature> {
  const said = probe?.features;
  if (!Array.isArray(said)) return new Set(QEMU_FEATURES);
  return new Set(QEMU_FEATURES.filter((f) => said.includes(f)));
}

/** A QEMU session's kernel coverage in the terms of the adapter contract. */
export function codeCoverage(k: KernelCoverage): CodeCoverage {
  const part = (name: string, f: KernelCoverage['umcg']) => ({
    name,
    lines: f.lines,
    branches: f.branches,
    unreached: f.unreached,
    excluded: f.excluded,
  });
  return {
    parts: [part(k.umcg.file, k.umcg), part('hook sites (lines the hook patch adds)', k.hooks)],
    note: `counters of ${k.guests.counted} guest(s) summed${k.guests.lost > 0 ? `, ${k.guests.lost} guest(s) lost (killed after a crash, hang or console finding, or cut short)` : ''}`,
    files: k.files,
    index: 'kernel-coverage/index.html',
  };
}

/** A target over an open session (after its first guest answered, so the executor's features are known). */
export function qemuTarget(session: QemuSession, options: Pick<OpenOptions, 'timeoutMs'>): Target {
  let next = 0;
  const id = (): string => `q${++next}`;
  const unsupported = (): string | undefined => {
    const p = session.pool.stats.probe;
    return p !== undefined && p.status === 'unsupported'
      ? `the guest kernel has no UMCG: ${String(p.detail ?? '')}`
      : undefined;
  };
  const boot = (e: unknown): string => `guest boot failed: ${(e as Error).message}`;
  return {
    info: {
      name: 'qemu',
      version: QEMU_ADAPTER_VERSION,
      build: {
        ...session.build,
        ...(session.pool.stats.release ? { guestRelease: session.pool.stats.release } : {}),
      },
    },
    capabilities: { features: probedFeatures(session.pool.stats.probe), profiles: ['ref-6.1'] },
    async run(trace: Trace, _run: RunOptions): Promise<TraceRun> {
      try {
        const rid = id();
        const reply = await session.pool.request(
          traceRequest(rid, trace),
          rid,
          hangTimeout(options.timeoutMs),
        );
        const why = unsupported();
        return why === undefined
          ? replyToTraceRun(reply)
          : { observations: [], status: 'unsupported', detail: why };
      } catch (e) {
        return { observations: [], status: 'crashed', detail: boot(e), culprit: 'infrastructure' };
      }
    },
    async runLitmus(program: LitmusProgram, run: RunOptions): Promise<LitmusRun> {
      try {
        const rid = id();
        const cpus = Number(session.build.smp ?? 1) || 1;
        const reply = await session.pool.request(
          litmusRequest(rid, program, { seed: run.seed, cpus }),
          rid,
          hangTimeout(options.timeoutMs),
        );
        return replyToLitmusRun(reply);
      } catch (e) {
        return {
          observation: { killed: false, tasks: {}, results: {} },
          status: 'crashed',
          detail: boot(e),
          culprit: 'infrastructure',
        };
      }
    },
    close: () => session.close(),
    ...(session.kernel.gcov === undefined
      ? {}
      : { coverage: async () => codeCoverage(await session.coverage()) }),
  };
}

/** Opens a target: resolves kernel, executor and image, boots the guests and waits for the first to answer. */
async function open(options: OpenOptions): Promise<Target> {
  const env = process.env.UMCG_QEMU_KERNEL;
  const args = options.args.kernel === undefined && env ? { ...options.args, kernel: env } : options.args;
  const session = await openQemuSession({
    ...parseQemuArgs(args),
    ...(options.coverage === true ? { coverage: true } : {}),
  });
  session.pool.warm();
  try {
    await session.pool.ready();
  } catch (e) {
    await session.close();
    throw e;
  }
  return qemuTarget(session, options);
}

/** Checks QEMU, busybox, cpio, the kernel and the executor sources; each problem with its fix. */
async function probe(): Promise<{ ok: boolean; reason: string; details: string[] }> {
  const details: string[] = [];
  const problems: string[] = [];
  const q = qemuVersion();
  if (q === undefined) problems.push(`qemu-system-x86_64 missing: ${QEMU_INSTALL}`);
  else details.push(`QEMU ${q}`);
  if (!existsSync(DEFAULT_BUSYBOX)) problems.push(`busybox-static missing: ${QEMU_INSTALL}`);
  try {
    const k = chooseKernel(process.env.UMCG_QEMU_KERNEL || undefined);
    details.push(
      `${k.source === 'reference' ? 'reference kernel' : 'kernel (UMCG_QEMU_KERNEL)'} ${k.release} (${k.bzImage}, config ${k.configHash})`,
    );
  } catch (e) {
    problems.push(`${(e as Error).message} (or boot another kernel: UMCG_QEMU_KERNEL=<bzImage>)`);
  }
  if (!existsSync(NATIVE_CSRC))
    problems.push(`executor sources missing at ${NATIVE_CSRC}: ${EXECUTOR_BUILD_HINT}`);
  else details.push(`executor sources ${NATIVE_CSRC}`);
  details.push('accelerator: TCG unless a KVM probe boot works (--target-args accel=tcg|kvm|auto)');
  return problems.length === 0
    ? {
        ok: true,
        reason: 'QEMU, busybox, the reference kernel and the executor sources are present',
        details,
      }
    : { ok: false, reason: problems.join('; '), details: [...problems, ...details] };
}

/** The `qemu` adapter the target registry loads. */
export const qemu: Adapter = {
  name: 'qemu',
  description:
    'QEMU guests (TCG) booting the UMCG reference kernel or a kernel= bzImage; traces streamed to the executor',
  probe,
  open,
};
