/**
 * Failure hunting: replay the stored failures, then run N generated traces on a target, check each, and on the
 * first failure let fast-check shrink it while keeping the SAME failure signature (the rule set of the first
 * divergence), so shrinking never switches to another bug. The minimal trace is re-run to confirm it reproduces.
 * @module
 */
import type { ProfileId, RuleId } from '@umcg/spec';
import fc from 'fast-check';
import type { Target } from '../adapters/contract.js';
import { replanPoint } from '../check/replanPoint.js';
import type { CheckTrace, Verdict } from '../check/types.js';
import { replayStoredFailures, type StoredReplay } from '../failures/store.js';
import type { Trace, TraceRun } from '../trace/types.js';
import { checkRun, failureSignature } from './checkRun.js';
import { defaultEngine, type SpecEngine } from './engine.js';
import { fnv1a } from './internal/hash.js';
import { type GeneratedTrace, interpretPlan } from './interpret.js';
import { minimizeTrace } from './minimize.js';
import type { PlanOptions } from './plan.js';
import { generatedTraceArbitrary } from './traceArbitrary.js';

/** Options of `huntTarget`. */
export interface HuntOptions {
  /** The checker. */
  readonly check: CheckTrace;
  /** Generated traces to run (default 100). */
  readonly runs?: number;
  /** fast-check seed (default: random). */
  readonly seed?: number;
  /** Replay exactly one counterexample: the fast-check path printed with a failure (needs `seed`). */
  readonly path?: string;
  /** Profile (default `pz-v2`). */
  readonly profile?: ProfileId;
  /** Spec engine (default `@umcg/spec`). */
  readonly engine?: SpecEngine;
  /** Generation options. */
  readonly generation?: PlanOptions;
  /**
   * Directory of the failure store whose failures for this target (its `info.name`), profile and `targetArgs`
   * are replayed first (default `.conformance/failures`); `false` skips the replay.
   */
  readonly failuresDir?: string | false;
  /** Target arguments the target was opened with (the failure store's key). */
  readonly targetArgs?: Readonly<Record<string, string>>;
  /** Re-runs of the minimal trace to measure reproduction (default 3). */
  readonly reproduce?: number;
  /** Stop generating and shrinking after this many ms (default: no limit). */
  readonly timeLimitMs?: number;
  /**
   * Budget of fast-check's shrinking, in target runs (default 400) and optionally ms (default none: a wall-clock
   * budget makes the result depend on the machine's load); past it, candidates are no longer run and trace-level
   * minimization (`minimizeTrace`) finishes the job.
   */
  readonly shrinkBudget?: {
    readonly runs?: number;
    readonly ms?: number;
    /** Target runs of trace-level minimization (default 400). */
    readonly minimizeRuns?: number;
    /** Minimization candidates in flight at once (default 1; a pool of guests runs them in parallel). */
    readonly parallel?: number;
  };
  /**
   * Called once when the first failure is confirmed (it repeated on a re-run), before any shrinking: a slow target
   * shows and saves it at once, and shrinking only improves on it.
   */
  readonly onFailure?: (found: FoundFailure) => void | Promise<void>;
  /** Called as shrinking goes (fast-check runs, then each minimization batch). */
  readonly onShrinkProgress?: (p: ShrinkProgress) => void;
  /**
   * Only run traces whose canonical spec path fires a rule this accepts (`--rules`); the others are discarded
   * before they reach the target and generation goes on (up to 1000 discarded per run).
   */
  readonly select?: (rules: readonly RuleId[]) => boolean;
  /**
   * Traces in flight at once while the next ones are generated (a real target: one per guest). Only without
   * fast-check shrinking (`shrinkBudget.runs` 0); verdicts are judged in generation order, so the first failure,
   * its seed and path are those of a sequential hunt.
   */
  readonly pipeline?: number;
  /**
   * Re-runs of a first failure before shrinking it (default 2). A failure that none of them repeats is recorded as
   * flaky (`HuntReport.flaky`) and generation goes on, so a nondeterministic target's timing accident neither costs
   * a shrink nor ends the run early. 0 shrinks every failure.
   */
  readonly confirm?: number;
  /** Interrupt (Ctrl-C): no further trace runs; the report so far comes back with `interrupted`. */
  readonly signal?: AbortSignal;
  /** Called after every generated trace ran on the target (not shrink runs): traces run and failures so far. */
  readonly onRun?: (runs: number, failures: number) => void;
}

/** A failure that did not repeat when its trace was re-run at once (kept as found, not shrunk). */
export interface FlakyFailure {
  /** The generated trace. */
  readonly trace: Trace;
  /** Its failing verdict. */
  readonly verdict: Verdict & { readonly kind: 'fail' };
  /** The rule set of its first divergence. */
  readonly signature: string;
  /** Re-runs that did not fail the same way. */
  readonly reruns: number;
}

/** A confirmed failure as first found (not shrunk yet). */
export interface FoundFailure {
  readonly trace: Trace;
  readonly verdict: Verdict & { readonly kind: 'fail' };
  readonly signature: string;
  /** fast-check seed of the hunt. */
  readonly seed: number;
  /** Generated traces run until this one (itself included). */
  readonly after: number;
}

/** How far shrinking got. */
export interface ShrinkProgress {
  /** `fast-check` while fast-check shrinks the choices, `minimize` during trace-level minimization. */
  readonly phase: 'fast-check' | 'minimize';
  /** Target runs spent shrinking so far (both phases). */
  readonly runs: number;
  /** The whole budget of target runs (both phases). */
  readonly budget: number;
  /** Steps and tasks of the smallest failing trace so far. */
  readonly steps: number;
  readonly tasks: number;
}

/** A shrunk failure. */
export interface HuntFailure {
  /** The minimal trace. */
  readonly trace: Trace;
  /** Its verdict (a failure with the signature below). */
  readonly verdict: Verdict & { readonly kind: 'fail' };
  /** The rule set of the first divergence, kept constant while shrinking. */
  readonly signature: string;
  /** Steps of the first failing trace before shrinking. */
  readonly originalSteps: number;
  /** Steps after fast-check's shrinking (before trace-level minimization). */
  readonly fastCheckSteps: number;
  /** Successful fast-check shrink steps. */
  readonly shrinks: number;
  /** Target runs spent by trace-level minimization (`minimizeTrace`). */
  readonly minimizeRuns: number;
  /** True when minimization reached a 1-minimal trace; false when its run budget stopped it first. */
  readonly minimal: boolean;
  /**
   * fast-check replay parameters: `huntTarget(target, { seed, path })` replays the fast-check counterexample, which
   * the deterministic minimization turns into this same trace again.
   */
  readonly seed: number;
  readonly path: string;
  /** How many of the re-runs of the minimal trace failed with the same signature. */
  readonly reproduced: { readonly failed: number; readonly runs: number };
}

/** The result of a hunt. */
export interface HuntReport {
  /** Replays of the stored failures (first). */
  readonly stored: readonly StoredReplay[];
  /** Generated traces run (including shrink attempts: see `shrinkRuns`). */
  readonly runs: number;
  /** Target runs spent shrinking. */
  readonly shrinkRuns: number;
  /** Generated traces discarded by `select` before they reached the target. */
  readonly discarded: number;
  /** Failures that did not repeat on re-runs (generation went on after each). */
  readonly flaky: readonly FlakyFailure[];
  /**
   * Generated traces whose verdict was `skip`, `unknown` or `error`, with the first reason of each kind; `unplannable`
   * counts traces the target kept taking other allowed paths on, so that no re-plan could be judged to its end.
   */
  readonly inconclusive: Readonly<Record<string, { readonly count: number; readonly first: string }>>;
  /** Generated traces whose rest was planned again from what the target observed (see `runPlanned`). */
  readonly replanned: number;
  /** Generated traces on which the implementation crashed, WARNed or hung (each a failure; generation went on). */
  readonly crashes: readonly { readonly trace: Trace; readonly reason: string }[];
  /** The first failure found, shrunk; undefined when every run conformed. */
  readonly failure: HuntFailure | undefined;
  /** fast-check seed used. */
  readonly seed: number;
  /** Wall time in ms. */
  readonly ms: number;
  /** The search was interrupted (`signal`): fewer traces ran than asked, nothing was shrunk. */
  readonly interrupted?: boolean;
}

/** The run seed of a trace: derived from its content so re-running a trace on a deterministic target is exact. */
export const runSeedOf = (trace: Trace): number =>
  Number.parseInt(fnv1a(JSON.stringify(trace.steps)), 16) | 0;

/** Runs generated traces on `target` and shrinks the first failure (see the module doc). */
export async function huntTarget(target: Target, options: HuntOptions): Promise<HuntReport> {
  const t0 = Date.now();
  const dir = options.failuresDir ?? undefined;
  const stored =
    options.failuresDir === false
      ? []
      : await replayStoredFailures(target, options.check, {
          ...(dir ? { dir } : {}),
          key: {
            target: target.info.name,
            profile: options.profile ?? 'pz-v2',
            args: options.targetArgs ?? {},
          },
        });
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const engine = options.engine ?? defaultEngine();
  const arb = generatedTraceArbitrary({
    ...options.generation,
    engine,
    profile: options.profile ?? 'pz-v2',
  });
  let signature: string | undefined;
  let lastFail: { trace: Trace; verdict: Verdict & { kind: 'fail' } } | undefined;
  let firstSteps = 0;
  let runs = 0;
  let shrinkRuns = 0;
  let discarded = 0;
  let replanned = 0;
  const crashes: { trace: Trace; reason: string }[] = [];
  const flaky: FlakyFailure[] = [];
  const confirm = options.confirm ?? 2;
  const inconclusive: Record<string, { count: number; first: string }> = {};
  const budgetRuns = options.shrinkBudget?.runs ?? 400;
  const budgetMs = options.shrinkBudget?.ms ?? Number.POSITIVE_INFINITY;
  const minimizeRuns = options.shrinkBudget?.minimizeRuns ?? 400;
  const progress = (phase: ShrinkProgress['phase'], runsSoFar: number, t: Trace): void =>
    options.onShrinkProgress?.({
      phase,
      runs: runsSoFar,
      budget: budgetRuns + minimizeRuns,
      steps: t.steps.length,
      tasks: t.header.tasks.length,
    });
  let shrinkStart = 0;
  let failPath: string | undefined;
  let yielded = Date.now();
  /** Judges one generated trace's verdict: true when it is the (confirmed) failure to shrink. */
  type Planned = Awaited<ReturnType<typeof runPlanned>>;
  const judge = async (planned: Planned, after: number): Promise<boolean> => {
    const { trace, verdict } = planned;
    if (planned.replans > 0) replanned++;
    if (signature === undefined)
      options.onRun?.(after, flaky.length + (failureSignature(verdict) === undefined ? 0 : 1));
    if (verdict.kind === 'crash') {
      if (signature === undefined) crashes.push({ trace, reason: verdict.reason });
      return false;
    }
    if (verdict.kind === 'skip' || verdict.kind === 'unknown' || verdict.kind === 'error') {
      const kind = planned.unplannable ? 'unplannable' : verdict.kind;
      const e = inconclusive[kind] ?? { count: 0, first: verdict.reason };
      inconclusive[kind] = { count: e.count + 1, first: e.first };
    }
    const sig = failureSignature(verdict);
    if (sig === undefined || verdict.kind !== 'fail') return false;
    if (
      signature === undefined &&
      confirm > 0 &&
      (await rerunFailures(target, options, trace, sig, confirm, true, planned.seed)) === 0
    ) {
      flaky.push({ trace, verdict, signature: sig, reruns: confirm });
      return false;
    }
    if (signature === undefined) {
      signature = sig;
      firstSteps = trace.steps.length;
      await options.onFailure?.({ trace, verdict, signature: sig, seed, after });
      shrinkStart = Date.now();
    }
    if (sig !== signature) return false;
    lastFail = { trace, verdict };
    if (shrinkRuns > 0) progress('fast-check', shrinkRuns, trace);
    return true;
  };
  const runOne = (g: Parameters<typeof runPlanned>[4]): Promise<Planned> =>
    runPlanned(target, options.check, engine, options.profile ?? 'pz-v2', g, options.signal);
  const pipeline =
    options.pipeline !== undefined && budgetRuns === 0 && options.path === undefined
      ? Math.max(1, Math.floor(options.pipeline))
      : 0;
  // Pipelined (a target without fast-check shrinking): up to `pipeline` traces in flight while the next ones are
  // generated; verdicts are judged in generation order, so the first failure is the same as sequentially.
  const inflight: { index: number; run: number; planned: Promise<Planned> }[] = [];
  let generated = 0;
  const settleHead = async (): Promise<boolean> => {
    const head = inflight.shift()!;
    if (!(await judge(await head.planned, head.run))) return false;
    failPath = String(head.index);
    return true;
  };
  const prop = fc.asyncProperty(arb, async (g) => {
    // A target that answers in microtasks (the simulator) would starve the event loop: no progress timer, no
    // Ctrl-C. Yield to it every 50 ms.
    if (Date.now() - yielded > 50) {
      await new Promise((r) => setImmediate(r));
      yielded = Date.now();
    }
    // fast-check cannot be stopped from outside: a throw ends the search (its shrink re-throws at once, unrun).
    if (options.signal?.aborted) throw new Error('interrupted');
    const index = generated++;
    if (signature !== undefined && (shrinkRuns >= budgetRuns || Date.now() - shrinkStart > budgetMs))
      return true;
    if (options.select !== undefined && !options.select(g.rules)) {
      discarded++;
      fc.pre(false);
    }
    runs++;
    if (pipeline === 0) {
      if (signature !== undefined) shrinkRuns++;
      return !(await judge(await runOne(g), runs));
    }
    const failed = (e: unknown): Planned => ({
      trace: g.trace,
      verdict: { kind: 'error', reason: `infrastructure: ${(e as Error).message}` },
      seed: runSeedOf(g.trace),
      replans: 0,
      unplannable: false,
    });
    const planned = runOne(g).catch(failed);
    inflight.push({ index, run: runs, planned });
    while (inflight.length > pipeline) if (await settleHead()) return false;
    return true;
  });
  const out = await fc.check(prop, {
    seed,
    numRuns: options.runs ?? 100,
    ...(options.select !== undefined ? { maxSkipsPerRun: 1000 } : {}),
    ...(options.path !== undefined || budgetRuns === 0 ? { endOnFailure: true } : {}),
    ...(options.path !== undefined ? { path: options.path } : {}),
    ...(options.timeLimitMs !== undefined ? { interruptAfterTimeLimit: options.timeLimitMs } : {}),
  });
  let found = out.failed;
  while (!found && inflight.length > 0) found = await settleHead();
  // Traces still in flight behind the failure: let them finish before the guests shrink it.
  await Promise.allSettled(inflight.splice(0).map((x) => x.planned));
  let failure: HuntFailure | undefined;
  const interrupted = options.signal?.aborted === true;
  if (found && signature !== undefined && lastFail !== undefined && !interrupted) {
    const sig = signature;
    const verdicts = new Map<Trace, Verdict & { kind: 'fail' }>();
    const min = await minimizeTrace(
      engine,
      lastFail.trace,
      lastFail.verdict.failure.step,
      async (candidate) => {
        const v = checkRun(
          options.check,
          candidate,
          await target.run(candidate, { seed: runSeedOf(candidate) }),
        );
        if (failureSignature(v) !== sig || v.kind !== 'fail') return false;
        verdicts.set(candidate, v);
        return true;
      },
      {
        maxAttempts: minimizeRuns,
        parallel: options.shrinkBudget?.parallel ?? 1,
        onProgress: (p) =>
          options.onShrinkProgress?.({
            phase: 'minimize',
            runs: shrinkRuns + p.attempts,
            budget: budgetRuns + minimizeRuns,
            steps: p.steps,
            tasks: p.tasks,
          }),
      },
    );
    const verdict = verdicts.get(min.trace) ?? lastFail.verdict;
    const h = min.trace.header;
    const swarm = /swarm: (.*)\.$/.exec(lastFail.trace.header.description)?.[1] ?? 'default';
    const description =
      `Found by huntTarget on ${target.info.name} (seed ${out.seed}, swarm: ${swarm}); shrunk from ${firstSteps} to ` +
      `${h.tasks.length} task(s) and ${min.trace.steps.length} steps, failing with the same rules (${sig}).`;
    const trace = { ...min.trace, header: { ...h, description } };
    const reruns = options.reproduce ?? 3;
    failure = {
      trace,
      verdict,
      signature: sig,
      originalSteps: firstSteps,
      fastCheckSteps: lastFail.trace.steps.length,
      shrinks: out.numShrinks,
      minimizeRuns: min.attempts,
      minimal: min.complete,
      seed: out.seed,
      path: failPath ?? out.counterexamplePath ?? '',
      reproduced: { failed: await rerunFailures(target, options, trace, sig, reruns, false), runs: reruns },
    };
  }
  return {
    stored,
    runs: runs - shrinkRuns,
    shrinkRuns,
    discarded,
    flaky,
    inconclusive,
    replanned,
    crashes,
    failure,
    seed,
    ms: Date.now() - t0,
    ...(interrupted ? { interrupted } : {}),
  };
}

/** Re-plans a generated trace at most this often before it counts as `unplannable`. */
const MAX_REPLANS = 3;

/**
 * Runs a generated trace and judges it to its end. Generated traces are planned along one allowed path; when the
 * target takes another allowed outcome, a later planned step may not apply any more (its task is asleep on the
 * path taken). Then the rest of the plan is interpreted again from a spec state consistent with what the target
 * observed (`replanPoint`), and the new trace is run, up to `MAX_REPLANS` times; a trace still not judged to its
 * end is `unplannable`.
 */
export async function runPlanned(
  target: Target,
  check: CheckTrace,
  engine: SpecEngine,
  profile: ProfileId,
  g: GeneratedTrace,
  signal?: AbortSignal,
): Promise<{ trace: Trace; verdict: Verdict; seed: number; replans: number; unplannable: boolean }> {
  let trace = g.trace;
  // Every re-planned trace runs under the first run's seed: a deterministic target then takes the same path
  // through the common prefix, so the re-planned rest applies.
  const seed = runSeedOf(trace);
  for (let replans = 0; ; replans++) {
    const run: TraceRun = await target.run(trace, { seed, ...(signal ? { signal } : {}) });
    const verdict = checkRun(check, trace, run);
    const stopped = verdict.kind === 'skip' || verdict.kind === 'error' || verdict.kind === 'unknown';
    const point = stopped && g.plan !== undefined ? replanPoint(engine, trace, run.observations) : undefined;
    if (point === undefined) return { trace, verdict, seed, replans, unplannable: false };
    if (replans >= MAX_REPLANS) return { trace, verdict, seed, replans, unplannable: true };
    const prefix = trace.steps.slice(0, point.step).map((s) => s.action);
    const next = interpretPlan(engine, g.plan!, profile, {
      prefix,
      observations: run.observations.slice(0, point.step),
      state: point.states[0]!,
    });
    trace = next.trace;
  }
}

/**
 * Re-runs `trace` up to `runs` times and counts the runs that fail with `signature`; `firstOnly` stops at the first
 * (the confirmation of a new failure). Run seeds start at the trace's own, so a deterministic target (the simulator)
 * repeats exactly and a real one shows its timing.
 */
async function rerunFailures(
  target: Target,
  options: HuntOptions,
  trace: Trace,
  signature: string,
  runs: number,
  firstOnly: boolean,
  seed0 = runSeedOf(trace),
): Promise<number> {
  let failed = 0;
  for (let i = 0; i < runs; i++) {
    const seed = seed0 + (firstOnly ? 0 : i);
    const v = checkRun(options.check, trace, await target.run(trace, { seed }));
    if (failureSignature(v) !== signature) continue;
    failed++;
    if (firstOnly) break;
  }
  return failed;
}
