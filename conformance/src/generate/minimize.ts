/**
 * Trace-level minimization after fast-check's shrinking (which works on the integer choices and cannot always
 * remove a step without changing how later choices are read): cut everything after the diverging step, then remove
 * whole tasks (with every step mentioning them), chunks of halving size and single steps, and unused tasks, while
 * the trace stays valid under the spec and still fails with the same signature, until no removal works (a
 * 1-minimal trace, as in delta debugging).
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
  /** The 1-minimal trace. */
  readonly trace: Trace;
  /** Candidate traces tried on the target. */
  readonly attempts: number;
}

/**
 * Minimizes `trace` (failing at step `divergedAt`) while `stillFails` holds; `maxAttempts` bounds target runs.
 */
export async function minimizeTrace(
  engine: SpecEngine,
  trace: Trace,
  divergedAt: number,
  stillFails: (candidate: Trace) => Promise<boolean>,
  maxAttempts = 400,
): Promise<Minimized> {
  let actions = trace.steps.slice(0, divergedAt + 1).map((s) => s.action);
  let tasks = [...trace.header.tasks];
  let best = withSteps(
    trace,
    actions,
    tasks,
    validUnderSpec(engine, { ...trace, steps: trace.steps.slice(0, divergedAt + 1) }).killed,
  );
  let attempts = 0;
  const attempt = async (a: Action[], t: TaskDecl[]): Promise<boolean> => {
    const probe = withSteps(trace, a, t, false);
    const v = validUnderSpec(engine, probe);
    if (!v.valid || attempts >= maxAttempts) return false;
    attempts++;
    const candidate = withSteps(trace, a, t, v.killed);
    if (!(await stillFails(candidate))) return false;
    best = candidate;
    actions = a;
    tasks = t;
    return true;
  };
  for (let changed = true; changed && attempts < maxAttempts; ) {
    changed = false;
    // Whole tasks first: every step mentioning the task, and the task itself.
    for (const t of [...tasks].reverse()) {
      const rest = actions.filter((a) => !taskRefs(a).includes(t.name));
      if (
        tasks.length > 1 &&
        (await attempt(
          rest,
          tasks.filter((x) => x !== t),
        ))
      )
        changed = true;
    }
    // Then chunks of halving size (delta debugging), down to single steps.
    for (let size = Math.max(1, actions.length >> 1); size >= 1; size >>= 1) {
      for (let i = actions.length - size; i >= 0; i -= size) {
        if (await attempt([...actions.slice(0, i), ...actions.slice(i + size)], tasks)) changed = true;
      }
    }
    const used = new Set(actions.flatMap(taskRefs));
    for (const t of tasks.filter((x) => !used.has(x.name))) {
      if (
        await attempt(
          actions,
          tasks.filter((x) => x !== t),
        )
      )
        changed = true;
    }
  }
  return { trace: best, attempts };
}
