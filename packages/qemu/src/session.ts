/**
 * A QEMU session: the kernel, the executor and the guest image resolved once, the accelerator chosen, and a pool
 * of guests that runs requests. The adapter, the batch runner and the bench all start here.
 * @module
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { REF_KERNEL_SYSCALLS } from '@umcg/spec/vocabulary';
import { COVERAGE_CMDLINE, type GcdaDump, parseGcdaDump } from './coverage/dump.js';
import { coverageReport, type KernelCoverage } from './coverage/report.js';
import { type AccelRequest, chooseAccel } from './guest/accel.js';
import { ensureExecutor } from './guest/executor.js';
import { Guest, type GuestConfig } from './guest/guest.js';
import { buildGuestImage } from './guest/image.js';
import type { ChannelKind } from './guest/init.js';
import { chooseKernel, type KernelChoice } from './guest/kernelChoice.js';
import { qemuVersion } from './guest/qemuVersion.js';
import { encodeConfig } from './internal/native.js';
import { GuestPool } from './runner/pool.js';

/**
 * The executor's per-step quiescence timeout in a guest (`step-timeout`): larger than its own 2 s default, because a
 * TCG vCPU on a busy 2-core host can take that long to let a woken task run.
 */
export const GUEST_STEP_TIMEOUT_MS = 4_000;

/** The reference kernel's syscall numbers (`packages/kernel/linux/include/uapi/linux/umcg.h`). */
const REFERENCE_SYSCALLS = {
  ctl: REF_KERNEL_SYSCALLS.ctl,
  wait: REF_KERNEL_SYSCALLS.wait,
  kick: REF_KERNEL_SYSCALLS.kick ?? REF_KERNEL_SYSCALLS.wait + 1,
};

/** Options of a session (the adapter reads them from `--target-args`). */
export interface QemuOptions {
  /** bzImage to boot instead of the reference kernel. */
  readonly kernel?: string;
  /** `.config` of that kernel (provenance only). */
  readonly config?: string;
  /** Static executor to use instead of building `packages/native/csrc`. */
  readonly executor?: string;
  /** Guests in parallel (default 1). */
  readonly jobs?: number;
  /** vCPUs per guest (default 2). */
  readonly smp?: number;
  /** RAM per guest, MiB (default 512). */
  readonly memoryMb?: number;
  /** Accelerator (default `auto`: KVM only when a probe boot works). */
  readonly accel?: AccelRequest;
  /** Protocol channel (default `virtio`). */
  readonly channel?: ChannelKind;
  /** Boot to first answer, ms (default 120 s: TCG with lockdep is slow). */
  readonly bootTimeoutMs?: number;
  /** Extra kernel command line. */
  readonly append?: string;
  /** Console lines, as they arrive. */
  readonly onConsoleLine?: (line: string) => void;
  /** The executor's per-step quiescence timeout, ms (default {@link GUEST_STEP_TIMEOUT_MS}). */
  readonly stepTimeoutMs?: number;
  /** Syscall numbers of a kernel that does not use the reference ones (451/452/453). */
  readonly syscalls?: { readonly ctl: number; readonly wait: number; readonly kick: number };
  /** Boot the reference kernel's coverage flavour and collect its counters from every guest (`--coverage`). */
  readonly coverage?: boolean;
}

/** An open session. */
export interface QemuSession {
  /** The guests. */
  readonly pool: GuestPool;
  /** The kernel booted. */
  readonly kernel: KernelChoice;
  /** Provenance (`info.build`): kernel release, config hash, QEMU version, -smp, accel, channel, ... */
  readonly build: Readonly<Record<string, string>>;
  /** Shuts the guests down and removes the image. */
  close(): Promise<void>;
  /**
   * Under `coverage`: shuts the guests down (each prints its counters as it powers off) and returns what the
   * session reached in the kernel. The session is closed afterwards.
   */
  coverage(): Promise<KernelCoverage>;
}

/** How long a coverage guest may take to print its counters and power off, ms. */
const COVERAGE_SHUTDOWN_MS = 60_000;

/** Parses `--target-args` into options (unknown keys are an error, so typos do not pass silently). */
export function parseQemuArgs(args: Readonly<Record<string, string>>): QemuOptions {
  const known = [
    'kernel',
    'config',
    'executor',
    'jobs',
    'smp',
    'memory',
    'accel',
    'channel',
    'boot-timeout',
    'append',
    'ctl',
    'wait',
    'kick',
    'step-timeout',
  ];
  for (const k of Object.keys(args))
    if (!known.includes(k))
      throw new Error(`qemu: unknown target argument '${k}' (known: ${known.join(', ')})`);
  const int = (k: string): number | undefined => {
    const v = args[k];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`qemu: ${k}=${v} is not a positive integer`);
    return n;
  };
  const accel = args.accel;
  if (accel !== undefined && !['tcg', 'kvm', 'auto'].includes(accel))
    throw new Error(`qemu: accel=${accel}; use tcg, kvm or auto`);
  const channel = args.channel;
  if (channel !== undefined && !['virtio', 'ttyS1'].includes(channel))
    throw new Error(`qemu: channel=${channel}; use virtio or ttyS1`);
  const o: Record<string, unknown> = {
    kernel: args.kernel,
    config: args.config,
    executor: args.executor,
    jobs: int('jobs'),
    smp: int('smp'),
    memoryMb: int('memory'),
    accel,
    channel,
    bootTimeoutMs: int('boot-timeout'),
    stepTimeoutMs: int('step-timeout'),
    append: args.append,
  };
  const nrs = ['ctl', 'wait', 'kick'].map(int);
  if (nrs.some((n) => n !== undefined)) {
    const [ctl, wait, kick] = nrs;
    if (ctl === undefined || wait === undefined || kick === undefined)
      throw new Error('qemu: give all three of ctl, wait and kick');
    o.syscalls = { ctl, wait, kick };
  }
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o as QemuOptions;
}

/** Opens a session (no guest boots until the first request, except a one-time KVM probe under `accel=auto`). */
export async function openQemuSession(opts: QemuOptions = {}): Promise<QemuSession> {
  const kernel = chooseKernel(opts.kernel, opts.config, opts.coverage === true ? 'coverage' : 'default');
  const append = [opts.append, opts.coverage === true ? COVERAGE_CMDLINE : undefined]
    .filter((a) => a !== undefined)
    .join(' ');
  const executor = ensureExecutor(opts.executor);
  const channel = opts.channel ?? 'virtio';
  const initramfs = buildGuestImage({ executor, channel });
  const qemu = qemuVersion() ?? 'unknown';
  const smp = opts.smp ?? 2;
  const stepTimeoutMs = opts.stepTimeoutMs ?? GUEST_STEP_TIMEOUT_MS;
  const base: Omit<GuestConfig, 'accel'> = {
    kernel: kernel.bzImage,
    initramfs,
    channel,
    smp,
    memoryMb: opts.memoryMb ?? 512,
    bootTimeoutMs: opts.bootTimeoutMs ?? 120_000,
    ...(append === '' ? {} : { append }),
    ...(opts.onConsoleLine === undefined ? {} : { onConsoleLine: opts.onConsoleLine }),
    preamble: [encodeConfig({ ...(opts.syscalls ?? REFERENCE_SYSCALLS), timeoutMs: stepTimeoutMs })],
  };
  const tryKvm = async (): Promise<boolean> => {
    const g = await Guest.boot({ ...base, accel: 'kvm', bootTimeoutMs: 30_000 });
    await g.shutdown();
    return true;
  };
  const { accel, why } = await chooseAccel(
    opts.accel ?? 'auto',
    `${qemu} ${kernel.release} ${kernel.configHash}`,
    tryKvm,
  );
  const jobs = opts.jobs ?? 1;
  const dumps: GcdaDump[] = [];
  let lost = 0;
  const pool = new GuestPool(
    { ...base, accel },
    jobs,
    opts.coverage === true
      ? {
          shutdownGraceMs: COVERAGE_SHUTDOWN_MS,
          onRetired: (g, how) => {
            const dump = parseGcdaDump(g.consoleLines);
            if (how === 'shutdown' && dump.complete && dump.damaged.length === 0) dumps.push(dump);
            else lost++;
          },
        }
      : {},
  );
  const build: Record<string, string> = {
    kernel: kernel.release,
    kernelSource: kernel.source,
    bzImage: kernel.bzImage,
    configHash: kernel.configHash,
    qemu,
    smp: String(smp),
    accel,
    accelWhy: why,
    channel,
    jobs: String(jobs),
    executor,
  };
  if (kernel.inputHash !== undefined) build.kernelInputHash = kernel.inputHash;
  if (opts.coverage === true) build.kernelFlavour = 'coverage';
  build.stepTimeoutMs = String(stepTimeoutMs);
  if (opts.syscalls !== undefined)
    build.syscalls = `${opts.syscalls.ctl}/${opts.syscalls.wait}/${opts.syscalls.kick}`;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await pool.close();
    rmSync(dirname(initramfs), { recursive: true, force: true });
  };
  return {
    pool,
    kernel,
    build,
    close,
    async coverage() {
      if (kernel.gcov === undefined) throw new Error('this session was not opened with coverage');
      await close();
      return coverageReport(kernel.gcov, dumps, lost);
    },
  };
}
