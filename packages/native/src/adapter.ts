/**
 * The `native` adapter: runs traces against the running kernel through the C executor (the N-API addon, or the
 * `umcg-exec` binary when the addon is not built). Traces run one at a time: their task threads spin on the CPUs.
 * @module
 */

import { availableParallelism, release } from 'node:os';
import type {
  Adapter,
  Feature,
  LitmusRun,
  OpenOptions,
  RunOptions,
  Target,
  Trace,
  TraceRun,
} from '@umcg/conformance';
import { getProfile, type LitmusProgram, type ProfileId } from '@umcg/spec/vocabulary';
import { DEFAULT_SYSCALLS, type NativeSyscalls, probeNative } from './probe.js';
import { toLitmusRun, toTraceRun } from './wire/decode.js';
import { encodeConfig, encodeLitmus, encodeTrace } from './wire/encode.js';
import { parseResponseLine } from './wire/raw.js';
import { litmusSkew } from './wire/skew.js';

/** Version of the native adapter. */
export const NATIVE_VERSION = '0.1.0';

/**
 * Features the executor really supports. Not offered: `blocking-faults` (needs userfaultfd, not implemented),
 * `worker-timeouts` and `wait-enqueue` (follow-up profiles, not in the reference kernel), `controlled-interleaving`
 * (real threads interleave as the hardware does).
 */
export const NATIVE_FEATURES: readonly Feature[] = [
  'signals',
  'faults',
  'unmap',
  'shmem',
  'exit',
  'kick',
  'timeouts',
  'garbage-tid',
  'kill',
];

/** Syscall numbers from `--target-args ctl=..,wait=..,kick=..` over the defaults. */
export function syscallsFromArgs(args: Readonly<Record<string, string>>): NativeSyscalls {
  const num = (k: 'ctl' | 'wait' | 'kick'): number => {
    const v = args[k];
    if (v === undefined) return DEFAULT_SYSCALLS[k];
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--target-args ${k}=${v}: not a syscall number`);
    return n;
  };
  return { ctl: num('ctl'), wait: num('wait'), kick: num('kick') };
}

/** The profile the running kernel implements: `--target-args profile=<id>`, default `ref-6.1` (the reference kernel). */
export function profileFromArgs(args: Readonly<Record<string, string>>): ProfileId {
  const id = args.profile ?? 'ref-6.1';
  return getProfile(id).id;
}

/** Opens a native target (rejects when the kernel has no UMCG at those numbers). */
export async function openNative(options: OpenOptions): Promise<Target> {
  const syscalls = syscallsFromArgs(options.args);
  const probe = await probeNative(syscalls);
  if (!probe.ok || probe.executor === undefined)
    throw new Error(`native: ${probe.reason}; ${probe.details.join('; ')}`);
  const exec = probe.executor;
  const config = encodeConfig({ ...syscalls, timeoutMs: Math.min(options.timeoutMs, 10_000) });
  let queue: Promise<unknown> = Promise.resolve();
  let n = 0;
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const p = queue.then(f, f);
    queue = p.catch(() => undefined);
    return p;
  };
  const request = async (lines: readonly string[]): Promise<ReturnType<typeof parseResponseLine>> => {
    const out = await exec.runLines(`${config}\n${lines.join('\n')}\n`);
    const last = out.trim().split('\n').pop() ?? '';
    return parseResponseLine(last);
  };
  return {
    info: {
      name: 'native',
      version: NATIVE_VERSION,
      build: {
        kernel: probe.raw?.release ?? release(),
        machine: probe.raw?.machine ?? process.arch,
        syscalls: `ctl=${syscalls.ctl} wait=${syscalls.wait} kick=${syscalls.kick}`,
        executor: exec.kind,
      },
    },
    capabilities: { features: new Set(NATIVE_FEATURES), profiles: [profileFromArgs(options.args)] },
    run(trace: Trace, run: RunOptions): Promise<TraceRun> {
      return serial(async () => {
        // A run abandoned (timeout, Ctrl-C) while queued behind another never starts.
        if (run.signal?.aborted)
          return { observations: [], status: 'timeout', detail: 'aborted before it started' };
        try {
          const id = `${trace.header.name}-${++n}`;
          return toTraceRun(
            await request(
              encodeTrace(
                id,
                trace.header.tasks,
                trace.steps.map((s) => s.action),
              ),
            ),
          );
        } catch (e) {
          return { observations: [], status: 'crashed', detail: (e as Error).message };
        }
      });
    },
    runLitmus(program: LitmusProgram, run: RunOptions): Promise<LitmusRun> {
      return serial(async () => {
        try {
          const skew = litmusSkew(run.seed, Object.keys(program.threads), availableParallelism());
          return toLitmusRun(await request(encodeLitmus(`litmus-${++n}`, program, skew)));
        } catch (e) {
          return {
            observation: { killed: false, tasks: {}, results: {} },
            status: 'crashed',
            detail: (e as Error).message,
          };
        }
      });
    },
    async close(): Promise<void> {
      await queue;
    },
  };
}

/** The `native` adapter (`--target=native`). */
export const native: Adapter = {
  name: 'native',
  description: 'the running kernel through the C executor (needs a kernel with UMCG)',
  async probe() {
    const p = await probeNative();
    return { ok: p.ok, reason: p.reason, details: p.details };
  },
  open: openNative,
};
