/**
 * The generated stage: N model-guided traces from the generator (`huntTarget` of `src/generate`), with the first
 * failure shrunk, saved to the failure database and reported like any other failing trace.
 * @module
 */

import { createHash } from 'node:crypto';
import type { ProfileId, RuleId } from '@umcg/spec';
import type { Target } from '../adapters/contract.js';
import type { CheckTrace, Verdict } from '../check/types.js';
import { type FailureKey, removeFailure, saveFailure } from '../failures/store.js';
import { type FlakyFailure, huntTarget } from '../generate/index.js';
import { type RunShape, renderFailure, replayCommand } from '../report/failure.js';
import { canonicalJson, traceHash } from '../trace/hash.js';
import type { Trace } from '../trace/types.js';
import { ruleMatcher } from './select.js';
import type { TraceResult } from './types.js';

/** Options of the generated stage. */
export interface GeneratedOptions {
  readonly targetName: string;
  readonly profile: ProfileId;
  readonly runs: number;
  readonly seed: number;
  readonly check: CheckTrace;
  readonly failuresDir: string | undefined;
  /** `--target-args` the target was opened with and the session seed (repeated in the replay line). */
  readonly shape?: RunShape;
  /** The failure store's key of this run (default: target name, profile, `shape.targetArgs`). */
  readonly failureKey?: FailureKey;
  /** `--rules` glob: only traces whose spec path fires a matching rule reach the target. */
  readonly rules?: string;
  /** Progress callback: after every generated trace ran (shrink runs excluded), with the failures so far. */
  readonly onProgress?: (done: number, total: number, label: string, failures: number) => void;
  /** Interrupt (Ctrl-C): no further traces start; the stage's line says how many ran. */
  readonly signal?: AbortSignal;
  /** Notes for the user (stderr): a failure the moment it is confirmed, and how far shrinking got. */
  readonly onNote?: (note: string) => void;
  /** Traces and minimization candidates in flight at once (the guests of a pool; default 1). */
  readonly parallel?: number;
}

/**
 * Shrink budget on a target without controlled interleaving (a real kernel, where a run costs a guest round trip
 * and repeats only up to timing): no fast-check shrinking of the choices (each of its candidates is a fresh run
 * that rarely removes much), trace-level minimization bounded by this many runs.
 */
export const REAL_TARGET_MINIMIZE_RUNS = 120;

/** The failure store's key of a generated stage (see `GeneratedOptions.failureKey`). */
const failureKeyOf = (o: GeneratedOptions): FailureKey =>
  o.failureKey ?? { target: o.targetName, profile: o.profile, args: o.shape?.targetArgs ?? {} };

/** Fresh hunts started after a shrunk failure that no longer reproduced (each with the traces still owed). */
const MAX_RESTARTS = 3;

/**
 * Runs the generated stage and returns its results: one per failure that did not repeat on re-runs (`FLAKY`,
 * saved unshrunk; generation went on), then the stage's own line (`PASS`, or the shrunk `FAIL` with its report).
 * A failure that repeated at once but no longer reproduces once shrunk is `FLAKY` too; then a fresh hunt (next
 * seed) runs the traces still owed, so `--runs N` means N traces on a nondeterministic target as well.
 */
export async function runGenerated(target: Target, o: GeneratedOptions): Promise<TraceResult[]> {
  const out: TraceResult[] = [];
  let left = o.runs;
  let seed = o.seed;
  for (let restart = 0; ; restart++) {
    const before = o.runs - left;
    const progress = o.onProgress;
    const results = await huntOnce(target, {
      ...o,
      runs: left,
      seed,
      ...(progress ? { onProgress: (d, _t, l, f) => progress(before + d, o.runs, l, f) } : {}),
    });
    const stage = results[results.length - 1];
    const ran = stage?.stats?.traces ?? left;
    if (stage?.status !== 'FLAKY' || restart >= MAX_RESTARTS || ran >= left || o.signal?.aborted)
      return [...out, ...results];
    out.push(...results);
    left -= ran;
    seed = (seed + 0x9e3779b9) | 0;
  }
}

/** One hunt: its FLAKY results, then its PASS line or its shrunk failure. */
async function huntOnce(target: Target, o: GeneratedOptions): Promise<TraceResult[]> {
  const t0 = performance.now();
  const rules = new Set<RuleId>();
  const check: CheckTrace = (trace, obs) => {
    const v = o.check(trace, obs);
    if (v.kind === 'pass' || v.kind === 'fail') for (const r of v.rules) rules.add(r);
    return v;
  };
  const real = !target.capabilities.features.has('controlled-interleaving');
  let lastNote = 0;
  // The confirmed failure as found, saved before shrinking (so an interrupted shrink loses nothing).
  let unshrunk: { file: string; hash: string } | undefined;
  const rep = await huntTarget(target, {
    check,
    runs: o.runs,
    seed: o.seed,
    profile: o.profile,
    failuresDir: false,
    ...(o.rules === undefined ? {} : { select: ruleMatcher(o.rules) }),
    ...(real
      ? {
          shrinkBudget: { runs: 0, minimizeRuns: REAL_TARGET_MINIMIZE_RUNS, parallel: o.parallel ?? 1 },
          pipeline: o.parallel ?? 1,
        }
      : {}),
    onFailure: async (f) => {
      const file =
        o.failuresDir === undefined
          ? undefined
          : await saveFailure(
              o.failuresDir,
              failureKeyOf(o),
              f.trace,
              `${o.targetName}: generated, seed ${f.seed}, not shrunk yet`,
            );
      if (file !== undefined) unshrunk = { file, hash: traceHash(f.trace) };
      const replay =
        file === undefined ? '' : `\n  replay: ${replayCommand(o.targetName, o.profile, file, o.shape)}`;
      o.onNote?.(
        `generated: FAIL after ${f.after} traces, confirmed on a re-run (${f.trace.steps.length} steps, rules ${f.signature}); shrinking it now` +
          `${replay}\n${renderFailure({ trace: f.trace, failure: f.verdict.failure, rules: f.verdict.rules, replay: file ?? '' })}`,
      );
    },
    onShrinkProgress: (p) => {
      const now = performance.now();
      if (now - lastNote < 5_000) return;
      lastNote = now;
      o.onNote?.(
        `generated: shrinking (${p.phase}): ${p.runs}/${p.budget} runs, now ${p.steps} steps, ${p.tasks} task(s)`,
      );
    },
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onRun: (n: number, f: number) => o.onProgress?.(n, o.runs, 'generated', f) } : {}),
  });
  const batchHash = createHash('sha256')
    .update(
      canonicalJson({
        generated: 1,
        seed: rep.seed,
        runs: o.runs,
        profile: o.profile,
        ...(o.rules === undefined ? {} : { rules: o.rules }),
      }),
    )
    .digest('hex')
    .slice(0, 12);
  const stats: Record<string, number> = {
    traces: rep.runs,
    shrinkRuns: rep.shrinkRuns + (rep.failure?.minimizeRuns ?? 0),
  };
  if (o.rules !== undefined) stats.discarded = rep.discarded;
  if (rep.replanned > 0) stats.replanned = rep.replanned;
  for (const [k, v] of Object.entries(rep.inconclusive)) stats[k] = v.count;
  const base = {
    origin: 'generated' as const,
    profile: o.profile,
    rules: [...rules].sort(),
    stats,
    durationMs: Math.round(performance.now() - t0),
  };
  const flaky: TraceResult[] = [];
  for (const x of rep.flaky) flaky.push(await flakyResult(o, base, x));
  for (const c of rep.crashes) flaky.push(await crashResult(o, base, c));
  const f = rep.failure;
  if (f === undefined) {
    const inconclusive = [
      ...(rep.interrupted ? [`interrupted after ${rep.runs} of ${o.runs} traces`] : []),
      ...Object.entries(rep.inconclusive).map(([k, v]) => `${v.count} ${k} (first: ${v.first})`),
    ].join('; ');
    return [
      ...flaky,
      {
        ...base,
        name: `generated x${rep.runs} seed=${rep.seed}`,
        hash: batchHash,
        status: 'PASS',
        verdict: { kind: 'pass', steps: rep.runs, rules: base.rules },
        ...(Object.keys(rep.inconclusive).length === 0 ? {} : { inconclusive: rep.inconclusive }),
        ...(inconclusive === '' ? {} : { reason: inconclusive }),
      },
    ];
  }
  const how = f.minimal ? '1-minimal' : 'stopped at the run budget, not 1-minimal';
  const extra = [
    `  Shrunk from ${f.originalSteps} to ${f.trace.steps.length} steps in ${rep.shrinkRuns + f.minimizeRuns} target runs (${how}); reproduced ${f.reproduced.failed}/${f.reproduced.runs}.`,
    `  fast-check: seed=${f.seed} path=${f.path}`,
  ];
  const status = f.reproduced.runs > 0 && f.reproduced.failed === 0 ? 'FLAKY' : 'FAIL';
  const saved = `generated, seed ${f.seed} path ${f.path}`;
  const result = await failureResult(o, base, f.trace, f.verdict, status, saved, extra);
  // The shrunk failure reproduced and is saved: it supersedes the unshrunk one (kept when the shrunk one is FLAKY).
  if (status === 'FAIL' && unshrunk !== undefined && unshrunk.hash !== result.hash)
    await removeFailure(unshrunk.file);
  return [...flaky, result];
}

/** A failing generated trace as a result: saved to the failure database, with its replay command and report. */
async function failureResult(
  o: GeneratedOptions,
  base: Pick<TraceResult, 'origin' | 'profile' | 'rules' | 'stats' | 'durationMs'>,
  trace: Trace,
  verdict: Verdict & { readonly kind: 'fail' },
  status: 'FAIL' | 'FLAKY',
  saved: string,
  extra: readonly string[],
): Promise<TraceResult> {
  const file =
    o.failuresDir === undefined
      ? `${traceHash(trace)}.trace`
      : await saveFailure(o.failuresDir, failureKeyOf(o), trace, `${o.targetName}: ${saved}`);
  const replay = replayCommand(o.targetName, o.profile, file, o.shape);
  return {
    ...base,
    name: trace.header.name,
    hash: traceHash(trace),
    status,
    verdict,
    reason: verdict.failure.explanation.split('\n')[0] ?? 'failure',
    replay,
    report: `${renderFailure({ trace, failure: verdict.failure, rules: verdict.rules, replay })}\n${extra.join('\n')}`,
  };
}

/** The result of a failure that did not repeat: saved as found, reported as FLAKY (it does not fail the run). */
function flakyResult(
  o: GeneratedOptions,
  base: Pick<TraceResult, 'origin' | 'profile' | 'rules' | 'stats' | 'durationMs'>,
  x: FlakyFailure,
): Promise<TraceResult> {
  const note = `  Did not fail again in ${x.reruns} immediate re-run(s): not shrunk; generation went on.`;
  return failureResult(o, base, x.trace, x.verdict, 'FLAKY', `generated, seed ${o.seed}, did not repeat`, [
    note,
  ]);
}

/** A generated trace on which the implementation crashed, WARNed or hung: saved, reported as CRASH (a failure). */
async function crashResult(
  o: GeneratedOptions,
  base: Pick<TraceResult, 'origin' | 'profile' | 'rules' | 'stats' | 'durationMs'>,
  c: { readonly trace: Trace; readonly reason: string },
): Promise<TraceResult> {
  const file =
    o.failuresDir === undefined
      ? `${traceHash(c.trace)}.trace`
      : await saveFailure(
          o.failuresDir,
          failureKeyOf(o),
          c.trace,
          `${o.targetName}: crash: ${c.reason.split('\n')[0] ?? ''}`,
        );
  const replay = replayCommand(o.targetName, o.profile, file, o.shape);
  return {
    ...base,
    name: c.trace.header.name,
    hash: traceHash(c.trace),
    status: 'CRASH',
    verdict: { kind: 'crash', reason: c.reason },
    reason: c.reason.split('\n')[0] ?? 'crash',
    replay,
    report: `CRASH ${c.trace.header.name}: ${c.reason}\n  Replay: ${replay}`,
  };
}
