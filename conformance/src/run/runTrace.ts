/**
 * Runs one trace on a target and judges it: capability gate, the run under a wall-clock timeout, the checker,
 * expectations, and, on failure, the saved minimal trace and the full report.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import type { Target } from '../adapters/contract.js';
import type { CheckTrace, Verdict } from '../check/types.js';
import { type FailureKey, saveFailure } from '../failures/store.js';
import { checkRun, defaultEngine, failureSignature, minimizeTrace } from '../generate/index.js';
import { minimalPrefix, renderFailure, replayCommand } from '../report/failure.js';
import { traceHash } from '../trace/hash.js';
import { requirementsOf } from '../trace/requires.js';
import type { Trace, TraceRun } from '../trace/types.js';
import type { Expectation } from './expectations.js';
import { applyExpectation, rawStatus } from './expectations.js';
import { skipReason } from './gate.js';
import type { Origin, TraceResult } from './types.js';

/** Everything `runTrace` needs besides the trace. */
export interface RunTraceContext {
  readonly target: Target;
  readonly targetName: string;
  readonly check: CheckTrace;
  readonly seed: number;
  readonly timeoutMs: number;
  /** `--target-args` the target was opened with (repeated in the replay line). */
  readonly targetArgs?: Readonly<Record<string, string>>;
  /** Directory of the failure store (failures are not saved when undefined). */
  readonly failuresDir: string | undefined;
  /** The store's key of this run (default: target name, the trace's profile, `targetArgs`). */
  readonly failureKey?: FailureKey;
  /** Target runs spent minimizing a failure (default 200; 0 keeps the failing prefix). */
  readonly minimizeAttempts?: number;
  /** Re-runs of the minimal trace to measure the reproduction rate (default 3). */
  readonly reproduceRuns?: number;
  /** The session's interrupt (Ctrl-C): aborts the run in flight and skips minimization. */
  readonly signal?: AbortSignal;
  /**
   * Why a trace is ill-formed (no allowed path takes all its steps, or it has none), judged before any target
   * runs it, so the verdict is the same on every target; undefined when it is well-formed. Not checked when absent.
   */
  readonly illFormed?: (trace: Trace, file: string | undefined) => string | undefined;
}

/**
 * Runs `run` with a timeout; a timeout gives a `timeout` run. The run gets an `AbortSignal` (`RunOptions.signal`)
 * that is aborted when the timeout expires or `outer` (the session's interrupt) is, so the adapter stops the
 * abandoned run instead of finishing it in the background.
 */
export async function withTimeout(
  run: (signal: AbortSignal) => Promise<TraceRun>,
  ms: number,
  outer?: AbortSignal,
): Promise<TraceRun> {
  const ctl = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const stop = new Promise<TraceRun>((resolve) => {
    const end = (detail: string): void => {
      resolve({ observations: [], status: 'timeout', detail });
      ctl.abort(new Error(detail));
    };
    timer = setTimeout(() => end(`timed out after ${ms} ms`), ms);
    if (outer?.aborted) end('interrupted');
    else outer?.addEventListener('abort', () => end('interrupted'), { once: true, signal: ctl.signal });
  });
  try {
    return await Promise.race([run(ctl.signal), stop]);
  } finally {
    clearTimeout(timer);
    if (!ctl.signal.aborted) ctl.abort(new Error('run finished'));
  }
}

/** Runs and judges one trace. */
export async function runTrace(
  trace: Trace,
  ctx: RunTraceContext,
  meta: { origin: Origin; file?: string; expectation?: Expectation },
): Promise<TraceResult> {
  const started = performance.now();
  const hash = traceHash(trace);
  const profile: ProfileId = trace.header.profile;
  const base = {
    origin: meta.origin,
    name: trace.header.name,
    hash,
    profile,
    ...(meta.file === undefined ? {} : { file: meta.file }),
  };
  const elapsed = (): number => Math.round(performance.now() - started);
  const gate =
    meta.expectation?.status === 'skip'
      ? `expected skip: ${meta.expectation.reason}`
      : skipReason(ctx.target.capabilities, requirementsOf(trace), profile);
  if (gate !== undefined)
    return {
      ...base,
      status: 'SKIP',
      verdict: { kind: 'skip', reason: gate },
      rules: [],
      durationMs: elapsed(),
      reason: gate,
    };
  const ill = ctx.illFormed?.(trace, meta.file);
  if (ill !== undefined)
    return {
      ...base,
      status: 'ERROR',
      verdict: { kind: 'error', reason: ill },
      rules: [],
      durationMs: elapsed(),
      reason: ill,
    };
  let verdict: Verdict;
  try {
    verdict = checkRun(
      ctx.check,
      trace,
      await withTimeout(
        (signal) => ctx.target.run(trace, { seed: ctx.seed, signal }),
        ctx.timeoutMs,
        ctx.signal,
      ),
    );
  } catch (e) {
    verdict = { kind: 'error', reason: `infrastructure: ${(e as Error).message}` };
  }
  const applied = applyExpectation(rawStatus(verdict), meta.expectation);
  const rules = verdict.kind === 'pass' || verdict.kind === 'fail' ? verdict.rules : [];
  const reason =
    applied.reason ??
    (verdict.kind === 'pass'
      ? verdict.unchecked?.length
        ? `not checkable from step ${verdict.unchecked[0]!.step + 1}: ${verdict.unchecked[0]!.reason}`
        : undefined
      : verdict.kind === 'fail'
        ? firstLine(verdict.failure.explanation)
        : verdict.reason);
  const result: TraceResult = {
    ...base,
    status: applied.status,
    verdict,
    rules,
    durationMs: elapsed(),
    ...(reason === undefined ? {} : { reason }),
  };
  if (verdict.kind !== 'fail' || applied.status !== 'FAIL' || ctx.signal?.aborted) return result;
  const minimal = await minimalTrace(trace, verdict, ctx);
  const file =
    ctx.failuresDir === undefined
      ? (meta.file ?? `${hash}.trace`)
      : await saveFailure(
          ctx.failuresDir,
          ctx.failureKey ?? { target: ctx.targetName, profile, args: ctx.targetArgs ?? {} },
          minimal,
          `${ctx.targetName}: ${reason ?? ''}`,
        );
  const replay = replayCommand(ctx.targetName, profile, file, {
    targetArgs: ctx.targetArgs ?? {},
    seed: ctx.seed,
    timeoutMs: ctx.timeoutMs,
  });
  const rep = await reproduce(minimal, verdict, ctx);
  const repro = `  Reproduced ${rep.failed}/${rep.runs} re-runs of the minimal trace (seeds ${ctx.seed + 1}..${ctx.seed + rep.runs}).`;
  return {
    ...result,
    replay,
    stats: { reproduced: rep.failed, reruns: rep.runs },
    report: `${renderFailure({ trace, failure: verdict.failure, rules: verdict.rules, replay, minimal })}\n${repro}`,
  };
}

/** Re-runs the minimal trace with other seeds and counts failures with the same signature (syzkaller's rate). */
async function reproduce(
  minimal: Trace,
  verdict: Verdict & { kind: 'fail' },
  ctx: RunTraceContext,
): Promise<{ failed: number; runs: number }> {
  const runs = ctx.reproduceRuns ?? 3;
  const signature = verdict.failure.cause === 'expectation' ? 'expectation' : failureSignature(verdict);
  let failed = 0;
  for (let i = 1; i <= runs; i++) {
    try {
      const v = checkRun(
        ctx.check,
        minimal,
        await withTimeout(
          (signal) => ctx.target.run(minimal, { seed: ctx.seed + i, signal }),
          ctx.timeoutMs,
          ctx.signal,
        ),
      );
      const sig =
        v.kind === 'fail' && v.failure.cause === 'expectation' ? 'expectation' : failureSignature(v);
      if (sig === signature) failed++;
    } catch {
      // an infrastructure error is not a reproduction
    }
  }
  return { failed, runs };
}

const firstLine = (s: string): string => s.split('\n')[0] ?? s;

/**
 * The minimal trace of a failure: the prefix up to the divergent step, then (for failures outside the spec's set)
 * delta-debugged with `minimizeTrace` while the target still fails with the same rule signature. The header keeps
 * the trace's name, rules and sources, so expectations and the failure database still match it.
 */
async function minimalTrace(
  trace: Trace,
  verdict: Verdict & { kind: 'fail' },
  ctx: RunTraceContext,
): Promise<Trace> {
  const prefix = minimalPrefix(trace, verdict.failure);
  if (verdict.failure.cause === 'expectation' || ctx.minimizeAttempts === 0) return prefix;
  const signature = failureSignature(verdict);
  try {
    const min = await minimizeTrace(
      defaultEngine(),
      trace,
      verdict.failure.step,
      async (candidate) => {
        if (ctx.signal?.aborted) return false;
        const run = await withTimeout(
          (signal) => ctx.target.run(candidate, { seed: ctx.seed, signal }),
          ctx.timeoutMs,
          ctx.signal,
        );
        return failureSignature(checkRun(ctx.check, candidate, run)) === signature;
      },
      ctx.minimizeAttempts ?? 200,
    );
    if (min.trace.steps.length >= prefix.steps.length) return prefix;
    const h = trace.header;
    const description = `${h.description} (Minimized from ${trace.steps.length} steps.)`.trim();
    return {
      header: { ...h, tasks: min.trace.header.tasks, requires: min.trace.header.requires, description },
      steps: min.trace.steps,
    };
  } catch {
    return prefix;
  }
}
