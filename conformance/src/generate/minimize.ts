/**
 * Trace-level minimization after fast-check's shrinking (which works on the integer choices and cannot always
 * remove a step without changing how later choices are read): cut everything after the diverging step, then remove
 * whole tasks (with every step mentioning them), chunks of halving size and single steps, and unused tasks, while
 * the trace stays valid under the spec and still fails with the same signature, until no removal works (a
 * 1-minimal trace, as in delta debugging).
 *
 * On a real target a candidate run costs a guest round trip: candidates are run `parallel` at a time (the first
 * of a batch that still fails, in the order above, wins), a candidate already tried is never run again, and the
 * number of target runs is bounded (`maxAttempts`); the result says whether it is 1-minimal or stopped there.
 * @module
 */
import type { Action, TaskDecl } from '@umcg/spec';
import type { Trace } from '../trace/types.js';
import type { EngineState, SpecEngine } from './engine.js';
import { type Role, roleOf } from './internal/context.js';
import { requiredFeatures } from './internal/features.js';
import { fnv1a } from './internal/hash.js';
import { taskRefs } from './internal/refs.js';

/** Whether every step of `trace` is enabled along the spec's canonical path (and whether it ends killed). */
export function validUnderSpec(engine: SpecEngine, trace: Trace): { valid: boolean; killed: boolean } {
  let st: EngineState = engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks });
  let killed = false;
  for (const { action } of trace.steps) {
    if (killed || engine.whyNotEnabled(st, action) !== undefined) return { valid: false, killed };
    const out = engine.stepFirst(st, action);
    st = out.state;
    killed = out.observation.killed;
  }
  return { valid: true, killed };
}

/** A copy of `trace` with other steps and tasks; name and required features recomputed. */
export function withSteps(
  trace: Trace,
  actions: readonly Action[],
  tasks: readonly TaskDecl[],
  killed: boolean,
): Trace {
  const roles: Record<string, Role> = {};
  for (const t of tasks) roles[t.name] = roleOf(t.name);
  const h = trace.header;
  const name = `gen-${fnv1a(`${h.profile}|${tasks.length}|${JSON.stringify(actions)}`)}`;
  const header = { ...h, name, tasks: [...tasks], requires: requiredFeatures(actions, roles, killed) };
  return { header, steps: actions.map((action) => ({ action })) };
}

/** The result of minimizing. */
export interface Minimized {
  /** The smallest failing trace found (the very object passed to `stillFails` when it came from a candidate). */
  readonly trace: Trace;
  /** Candidate traces run on the target. */
  readonly attempts: number;
  /** True when no removal works any more (1-minimal); false when the run budget stopped it first. */
  readonly complete: boolean;
}

/** Where a minimization is (after each batch of candidates). */
export interface MinimizeProgress {
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly steps: number;
  readonly tasks: number;
}

/** Options of {@link minimizeTrace}. */
export interface MinimizeOptions {
  /** Most target runs (default 400). */
  readonly maxAttempts?: number;
  /** Candidates run at once (default 1: strictly sequential). */
  readonly parallel?: number;
  /** Called after each batch of candidates. */
  readonly onProgress?: (p: MinimizeProgress) => void;
}

interface Candidate {
  readonly a: Action[];
  readonly t: TaskDecl[];
}

/**
 * Minimizes `trace` (failing at step `divergedAt`) while `stillFails` holds; a number as `options` is the
 * run budget (`maxAttempts`).
 */
export async function minimizeTrace(
  engine: SpecEngine,
  trace: Trace,
  divergedAt: number,
  stillFails: (candidate: Trace) => Promise<boolean>,
  options: number | MinimizeOptions = {},
): Promise<Minimized> {
  const o: MinimizeOptions = typeof options === 'number' ? { maxAttempts: options } : options;
  const maxAttempts = o.maxAttempts ?? 400;
  const parallel = Math.max(1, Math.floor(o.parallel ?? 1));
  let actions = trace.steps.slice(0, divergedAt + 1).map((s) => s.action);
  let tasks = [...trace.header.tasks];
  let best = withSteps(
    trace,
    actions,
    tasks,
    validUnderSpec(engine, { ...trace, steps: trace.steps.slice(0, divergedAt + 1) }).killed,
  );
  let attempts = 0;
  let exhausted = false;
  const tried = new Set<string>();
  const runBatch = async (batch: readonly { c: Candidate; trace: Trace }[]): Promise<boolean> => {
    attempts += batch.length;
    const fails = await Promise.all(batch.map((b) => stillFails(b.trace)));
    o.onProgress?.({ attempts, maxAttempts, steps: actions.length, tasks: tasks.length });
    const i = fails.indexOf(true);
    if (i < 0) return false;
    const won = batch[i]!;
    best = won.trace;
    actions = won.c.a;
    tasks = won.c.t;
    o.onProgress?.({ attempts, maxAttempts, steps: actions.length, tasks: tasks.length });
    return true;
  };
  /** Runs the valid, untried candidates in order, `parallel` at a time, until one still fails. */
  const tryList = async (cands: readonly Candidate[]): Promise<boolean> => {
    let batch: { c: Candidate; trace: Trace }[] = [];
    for (const c of cands) {
      const key = JSON.stringify([c.t.map((x) => x.name), c.a]);
      if (tried.has(key)) continue;
      const v = validUnderSpec(engine, withSteps(trace, c.a, c.t, false));
      tried.add(key);
      if (!v.valid) continue;
      if (attempts + batch.length >= maxAttempts) {
        exhausted = true;
        break;
      }
      batch.push({ c, trace: withSteps(trace, c.a, c.t, v.killed) });
      if (batch.length >= parallel) {
        if (await runBatch(batch)) return true;
        batch = [];
      }
    }
    return batch.length > 0 && runBatch(batch);
  };
  const withoutTask = (): Candidate[] =>
    tasks.length <= 1
      ? []
      : [...tasks].reverse().map((t) => ({
          a: actions.filter((a) => !taskRefs(a).includes(t.name)),
          t: tasks.filter((x) => x !== t),
        }));
  const withoutChunks = (size: number): Candidate[] => {
    const out: Candidate[] = [];
    for (let i = actions.length - size; i >= 0; i -= size)
      out.push({ a: [...actions.slice(0, i), ...actions.slice(i + size)], t: tasks });
    return out;
  };
  const withoutUnused = (): Candidate[] => {
    const used = new Set(actions.flatMap(taskRefs));
    return tasks
      .filter((x) => !used.has(x.name))
      .map((u) => ({ a: actions, t: tasks.filter((x) => x !== u) }));
  };
  for (let changed = true; changed && !exhausted; ) {
    changed = false;
    // Whole tasks first (every step mentioning the task, and the task itself): they remove the most.
    while (!exhausted && (await tryList(withoutTask()))) changed = true;
    // Then chunks of halving size (delta debugging), down to single steps.
    for (let size = Math.max(1, actions.length >> 1); size >= 1 && !exhausted; size >>= 1)
      while (!exhausted && (await tryList(withoutChunks(size)))) changed = true;
    while (!exhausted && (await tryList(withoutUnused()))) changed = true;
  }
  return { trace: best, attempts, complete: !exhausted };
}
