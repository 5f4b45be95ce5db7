/**
 * `litmusArbitrary`: small concurrent litmus programs of 2-4 tasks. A model-guided sequential prologue (a
 * generation plan, as for traces) sets the stage; then every task still in user mode gets a short list of its own
 * user actions, each chosen among the actions the spec enables for it after its previous one (run alone).
 * @module
 */
import type { Action, ProfileId, TaskName, UserAction } from '@umcg/spec';
import { isEnvEvent } from '@umcg/spec';
import fc from 'fast-check';
import type { LitmusTest } from '../trace/types.js';
import { defaultEngine, type EngineState, type SpecEngine } from './engine.js';
import { type GenContext, nextRegistered, type Role, roleOf } from './internal/context.js';
import { requiredFeatures } from './internal/features.js';
import { fnv1a } from './internal/hash.js';
import { CHOICE_RANGE, pickWeighted } from './internal/pick.js';
import { actionWeights, interpretPlan } from './interpret.js';
import { DEFAULT_KNOBS } from './knobs.js';
import { type GenPlan, planArbitrary } from './plan.js';

/** Options of `litmusArbitrary`. */
export interface LitmusArbitraryOptions {
  /** Spec engine (default `@umcg/spec`). */
  readonly engine?: SpecEngine;
  /** Profile (default `pz-v2`). */
  readonly profile?: ProfileId;
  /** Longest prologue (default 24 steps). */
  readonly maxPrologue?: number;
  /** Longest per-task action list (default 3). */
  readonly maxThreadLength?: number;
  /**
   * Window programs: one task enters a multi-step kernel path (one syscall, fault or wait) and a second task runs
   * one or two user actions concurrently, so the explorer and the target's scheduler place the second task between
   * the micro-steps of the first's path (default false: 2-4 free threads).
   */
  readonly window?: boolean;
}

/** The user actions that enter a multi-step kernel path. */
const KERNEL_OPS: ReadonlySet<string> = new Set(['ctl', 'wait', 'kick', 'syscall', 'fault']);

const choice = fc.integer({ min: 0, max: CHOICE_RANGE - 1 });

/** Replays `steps` along the canonical path and returns the state and generator context reached. */
function reach(engine: SpecEngine, plan: GenPlan, profile: ProfileId, steps: readonly Action[]) {
  const tasks = plan.servers + plan.workers;
  const names = [...Array(tasks)].map((_, i) => (i < plan.servers ? `s${i}` : `w${i - plan.servers}`));
  const roles: Record<string, Role> = Object.fromEntries(names.map((n) => [n, roleOf(n)]));
  let st: EngineState = engine.initialState({ profile, tasks: names.map((name) => ({ name })) });
  let ctx: GenContext = { obs: engine.observe(st), roles, registered: new Set() };
  for (const a of steps) {
    const out = engine.stepFirst(st, a);
    st = out.state;
    ctx = { obs: out.observation, roles, registered: nextRegistered(ctx.registered, a, out.observation) };
  }
  return { st, ctx };
}

function thread(
  engine: SpecEngine,
  start: { st: EngineState; ctx: GenContext },
  task: TaskName,
  choices: readonly number[],
  kernelOnly = false,
) {
  const out: UserAction[] = [];
  let { st, ctx } = start;
  for (const c of choices) {
    if (ctx.obs.killed || ctx.obs.tasks[task]?.where !== 'user') break;
    const mine = engine
      .enabledActions(st)
      .filter(
        (a): a is UserAction => a.task === task && !isEnvEvent(a) && (!kernelOnly || KERNEL_OPS.has(a.op)),
      );
    const a = mine[pickWeighted(actionWeights(mine, DEFAULT_KNOBS, { ...ctx, last: task }), c)];
    if (a === undefined) break;
    const next = engine.stepFirst(st, a);
    out.push(a);
    st = next.state;
    ctx = { ...ctx, obs: next.observation, registered: nextRegistered(ctx.registered, a, next.observation) };
  }
  return out;
}

/** Litmus programs of 2-4 tasks (1-2 servers, 1-2 workers); shrinking shortens the prologue and the threads. */
export function litmusArbitrary(options: LitmusArbitraryOptions = {}): fc.Arbitrary<LitmusTest> {
  const engine = options.engine ?? defaultEngine();
  const profile = options.profile ?? 'pz-v2';
  const plans = planArbitrary({
    // A window program needs a stage with registered tasks: its prologue is never shorter than 12 steps.
    minSteps: options.window === true ? 12 : 0,
    maxSteps: options.maxPrologue ?? 24,
    swarm: false,
    servers: { min: 1, max: 2 },
    workers: { min: 1, max: 2 },
  });
  const threads = fc.array(fc.array(choice, { minLength: 1, maxLength: options.maxThreadLength ?? 3 }), {
    minLength: 2,
    maxLength: 4,
  });
  return fc.tuple(plans, threads).map(([plan, lists]) => {
    const prologue = interpretPlan(engine, plan, profile).trace;
    let steps = prologue.steps.map((s) => s.action);
    let start = reach(engine, plan, profile, steps);
    if (start.ctx.obs.killed) {
      // A prologue that kills the process leaves nothing to run concurrently: drop the killing step.
      steps = steps.slice(0, -1);
      start = reach(engine, plan, profile, steps);
    }
    const users = prologue.header.tasks
      .map((t) => t.name)
      .filter((n) => start.ctx.obs.tasks[n]?.where === 'user');
    const program: Record<TaskName, UserAction[]> = {};
    if (options.window === true && users.length >= 2) {
      // The first thread's first choice also picks which task enters the kernel; the next user task interleaves.
      const first = (lists[0]?.[0] ?? 0) % users.length;
      const a = users[first]!;
      const b = users[(first + 1) % users.length]!;
      const path = thread(engine, start, a, (lists[0] ?? []).slice(0, 1), true);
      const other = thread(engine, start, b, (lists[1] ?? []).slice(0, 2));
      if (path.length > 0) program[a] = path;
      if (other.length > 0) program[b] = other;
    } else
      users.forEach((task, i) => {
        const list = thread(engine, start, task, lists[i] ?? []);
        if (list.length > 0) program[task] = list;
      });
    const all = [...steps, ...Object.values(program).flat()];
    const name = `litmus-gen-${fnv1a(`${profile}|${JSON.stringify(all)}|${Object.keys(program).join(',')}`)}`;
    const header = {
      ...prologue.header,
      name,
      requires: requiredFeatures(all, start.ctx.roles, false),
      description: `Generated litmus program${options.window === true ? ' (window)' : ''}: ${steps.length}-step prologue, ${Object.keys(program).length} threads.`,
    };
    return { header, program: { tasks: header.tasks, prologue: steps, threads: program } };
  });
}
