/**
 * Interprets a generation plan against the spec: at every step the spec enables a finite list of actions, the
 * swarm knobs and the protocol boosts weigh them, and the step's choice integer picks one; the spec's canonical
 * outcome (`stepFirst`) is the state the next step starts from. The result is valid under the spec by construction.
 * @module
 */
import type { Action, ProfileId, RuleId, StepObservation, TaskDecl } from '@umcg/spec';
import type { Trace } from '../trace/types.js';
import type { EngineState, SpecEngine } from './engine.js';
import { protocolBoost } from './internal/boost.js';
import { type GenContext, nextRegistered, type Role, roleOf } from './internal/context.js';
import { requiredFeatures } from './internal/features.js';
import { fnv1a } from './internal/hash.js';
import { pickWeighted } from './internal/pick.js';
import { maybeVariant } from './internal/variants.js';
import { actionKind } from './kinds.js';
import { describeKnobs, type Knobs } from './knobs.js';
import type { GenPlan } from './plan.js';

/** A generated trace with what generation learned about it. */
export interface GeneratedTrace {
  /** The trace. */
  readonly trace: Trace;
  /** Rules that fired along the spec's canonical path. */
  readonly rules: readonly RuleId[];
  /** The number of choices left unused because no action was enabled or the process was killed. */
  readonly unused: number;
  /** The plan it was interpreted from (re-planning continues it from an observed state). */
  readonly plan?: GenPlan;
}

/**
 * Where a re-planned trace starts: the steps a target already took, what it observed after each, and a spec state
 * consistent with those observations. The plan's remaining choices are interpreted from there.
 */
export interface PlanStart {
  /** The actions taken so far. */
  readonly prefix: readonly Action[];
  /** The observation after each of them. */
  readonly observations: readonly StepObservation[];
  /** A spec state consistent with them. */
  readonly state: EngineState;
}

/**
 * Focus: tasks not yet registered are brought in one after the other (`s0`, `w0` first, then `s1`, `w1`, ...)
 * instead of all at once, so the first server loop runs early in the trace.
 */
function focus(task: string, ctx: GenContext): number {
  if (ctx.registered.has(task)) return 1;
  const index = Number(task.slice(1)) || 0;
  return 1 / (1 + 3 * index);
}

/** Extra weight of an unregistration under the `lifecycle` knob. */
const LIFECYCLE_UNREGISTER = 24;

/** The role a task takes after it unregistered under the `lifecycle` knob: the other one. */
const otherRole = (r: Role | undefined): Role => (r === 'server' ? 'worker' : 'server');

/** The weight of each enabled action under the knobs, the bias and the protocol boosts. */
export function actionWeights(actions: readonly Action[], knobs: Knobs, ctx: GenContext): number[] {
  return actions.map((a) => {
    const kind = actionKind(a);
    const base = knobs.weights[kind];
    if (base === 0) return 0;
    if (knobs.bias === 'abuse') return kind === 'abuse' || kind === 'garbage' ? base * 4 : base;
    const raw = protocolBoost(a, ctx) * focus(a.task, ctx);
    const boost = raw > 1 && a.task === ctx.last ? raw * 6 : raw;
    const life = knobs.lifecycle && kind === 'unregister' ? LIFECYCLE_UNREGISTER : 1;
    return base * life * (knobs.bias === 'follow' ? boost : Math.sqrt(boost));
  });
}

/** The task declarations of a plan: `s0…` then `w0…`. */
export function planTasks(plan: Pick<GenPlan, 'servers' | 'workers'>): TaskDecl[] {
  const out: TaskDecl[] = [];
  for (let i = 0; i < plan.servers; i++) out.push({ name: `s${i}` });
  for (let i = 0; i < plan.workers; i++) out.push({ name: `w${i}` });
  return out;
}

/** Interprets `plan` under `profile`, from the start or (re-planning) from `from`. */
export function interpretPlan(
  engine: SpecEngine,
  plan: GenPlan,
  profile: ProfileId,
  from?: PlanStart,
): GeneratedTrace {
  const tasks = planTasks(plan);
  const names = tasks.map((t) => t.name);
  let roles: Record<string, Role> = {};
  for (const t of tasks) roles[t.name] = roleOf(t.name);
  let state: EngineState = from?.state.clone() ?? engine.initialState({ profile, tasks });
  let registered = new Set<string>();
  const prefix = from?.prefix ?? [];
  const stepRoles: Role[] = [];
  prefix.forEach((a, i) => {
    stepRoles.push(roles[a.task] ?? roleOf(a.task));
    const next = nextRegistered(registered, a, from!.observations[i]!);
    if (plan.knobs.lifecycle && registered.has(a.task) && !next.has(a.task))
      roles = { ...roles, [a.task]: otherRole(roles[a.task]) };
    registered = next;
  });
  let ctx: GenContext = {
    obs: engine.observe(state),
    roles,
    registered,
    ...(prefix.length > 0 ? { last: prefix[prefix.length - 1]!.task } : {}),
  };
  const actions: Action[] = [...prefix];
  const rules = new Set<RuleId>();
  for (const choice of plan.choices.slice(prefix.length)) {
    if (ctx.obs.killed) break;
    const enabled = engine.enabledActions(state);
    const picked = enabled[pickWeighted(actionWeights(enabled, plan.knobs, ctx), choice)];
    if (picked === undefined) break;
    const me = ctx.obs.tasks[picked.task];
    const action = maybeVariant(engine, state, picked, names, choice, plan.knobs.variants, me);
    const out = engine.stepFirst(state, action);
    actions.push(action);
    stepRoles.push(roles[action.task] ?? roleOf(action.task));
    for (const r of out.rules) rules.add(r);
    state = out.state;
    const registered = nextRegistered(ctx.registered, action, out.observation);
    if (plan.knobs.lifecycle && ctx.registered.has(action.task) && !registered.has(action.task))
      roles = { ...roles, [action.task]: otherRole(roles[action.task]) };
    ctx = { obs: out.observation, roles, registered, last: action.task };
  }
  const name = `gen-${fnv1a(`${profile}|${tasks.length}|${JSON.stringify(actions)}`)}`;
  const description =
    `Generated (model-guided) with ${plan.servers} server(s), ${plan.workers} worker(s), ${actions.length} steps; ` +
    `swarm: ${describeKnobs(plan.knobs)}.`;
  const trace: Trace = {
    header: {
      version: 1,
      name,
      profile,
      tasks,
      requires: requiredFeatures(actions, roles, ctx.obs.killed, stepRoles),
      rules: [],
      sources: [],
      description,
    },
    steps: actions.map((action) => ({ action })),
  };
  return { trace, rules: [...rules].sort(), unused: plan.choices.length - actions.length, plan };
}
