/**
 * The bounded model checker: breadth-first exploration of every behaviour of the user model against a profile's
 * semantics, step by step (each step with every outcome the spec allows, spontaneous interrupts included), with
 * state hashing and symmetry reduction. Breadth-first order makes the first violation found of each safety
 * property a shortest counterexample.
 * @module
 */

import { initialState } from '../engine/initial.js';
import { stepFirst, stepStates } from '../engine/step.js';
import { SpecState } from '../kernel/state.js';
import type { Action } from '../model/action.js';
import { getProfile } from '../profiles/catalogue.js';
import { type CheckConfig, taskDecls } from './config.js';
import { progressViolations } from './liveness.js';
import { PROPERTIES, type PropertyId } from './properties.js';
import { canonicalKey, symmetryGroup } from './state-key.js';
import { cloneUser, type ModelWorld, movesOf, prologue, settle, type UserState } from './user-model.js';

/** A property's verdict at the bound. */
export interface Verdict {
  /** The property. */
  readonly property: PropertyId;
  /** `holds` up to the bound, or `violated`. */
  readonly status: 'holds' | 'violated';
  /** What went wrong, for a violation. */
  readonly message?: string;
  /** The shortest path to the violation (after the prologue), for a violation. */
  readonly path?: readonly Action[];
}

/** The result of one run. */
export interface CheckResult {
  /** The run's parameters. */
  readonly config: CheckConfig;
  /** The registration prologue every counterexample starts with. */
  readonly prologue: readonly Action[];
  /** Distinct states explored (after symmetry reduction). */
  readonly states: number;
  /** Transitions taken. */
  readonly transitions: number;
  /** Deepest level reached. */
  readonly depth: number;
  /** Whether every state within the depth bound was explored (false when `maxStates` stopped the run). */
  readonly complete: boolean;
  /** Wall-clock milliseconds. */
  readonly ms: number;
  /** One verdict per checked property. */
  readonly verdicts: readonly Verdict[];
}

/** The model's static facts for a run. */
export function modelWorld(c: CheckConfig): ModelWorld {
  const p = { ...getProfile(c.profile).params, ...c.variant };
  return {
    config: c,
    names: taskDecls(c).map((t) => t.name),
    condWait: p.condWait,
    kick: p.syscalls.kick !== undefined,
    unregisterSelf: p.unregister === 'v2' ? 'own' : 'null',
    runningBit: p.nextTidWriteback === 'tid-running',
    writeback: p.nextTidWriteback,
    enqueueFlag: p.enqueueFlag,
  };
}

/** The state after the prologue (with the profile variant applied, if any). */
export function startState(c: CheckConfig, w: ModelWorld): { s: SpecState; u: UserState; actions: Action[] } {
  let s = initialState({ profile: c.profile, tasks: taskDecls(c) });
  if (c.variant) {
    const world = { ...s.world, params: { ...s.world.params, ...c.variant } };
    s = new SpecState(world, s.mem, s.mapped, s.k, s.threads, s.killed, s.now, s.fired);
  }
  const { actions, user } = prologue(w);
  for (const a of actions) s = stepFirst(s, a).state;
  settle(s, user, w);
  return { s, u: user, actions };
}

/** Explores every behaviour up to `c.depth` steps and judges `only` (default: every property). */
export function check(c: CheckConfig, only?: readonly PropertyId[]): CheckResult {
  const t0 = performance.now();
  const w = modelWorld(c);
  const group = symmetryGroup(c);
  const wanted = PROPERTIES.filter((p) => !only || only.includes(p.id));
  const safety = wanted.filter((p) => p.safety);
  const start = startState(c, w);
  const ids = new Map<string, number>();
  const parent: number[] = [-1];
  const via: (Action | undefined)[] = [undefined];
  const level: number[] = [0];
  const terminal: boolean[] = [];
  const cut: boolean[] = [];
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const pending: number[] = [];
  const done: boolean[] = [];
  ids.set(canonicalKey(start.s, start.u, group), 0);
  const found = new Map<PropertyId, { id: number; message: string; action: Action; from: number }>();
  let frontier: { id: number; s: SpecState; u: UserState }[] = [{ id: 0, s: start.s, u: start.u }];
  let depth = 0;
  let transitions = 0;
  let complete = true;
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { id, s, u } of frontier) {
      done[id] = u.locals.every((l, i) => i < c.servers || l.pc === 'gone');
      pending[id] = countRunnable(s, c);
      if (level[id]! >= c.depth) {
        cut[id] = true;
        continue;
      }
      const moves = movesOf(s, u, w);
      terminal[id] = moves.length === 0;
      for (const m of moves) {
        for (const after of stepStates(s, m.action)) {
          const o = { state: after };
          transitions++;
          const u2 = cloneUser(u);
          m.update(u2);
          settle(o.state, u2, w);
          for (const p of safety) {
            if (found.has(p.id)) continue;
            const why = p.safety!(s, m.action, o.state, u2, w);
            if (why) found.set(p.id, { id, message: why, action: m.action, from: id });
          }
          const key = canonicalKey(o.state, u2, group);
          let to = ids.get(key);
          if (to === undefined) {
            to = parent.length;
            ids.set(key, to);
            parent.push(id);
            via.push(m.action);
            level.push(level[id]! + 1);
            if (!o.state.killed) next.push({ id: to, s: o.state, u: u2 });
            else {
              done[to] = false;
              pending[to] = 0;
              terminal[to] = false;
              cut[to] = true;
            }
          }
          edgeFrom.push(id);
          edgeTo.push(to);
        }
      }
      if (parent.length > c.maxStates) {
        complete = false;
        break;
      }
    }
    if (!complete) break;
    if (next.length > 0) depth++;
    frontier = next;
  }
  const pathTo = (id: number): Action[] => {
    const out: Action[] = [];
    for (let x = id; parent[x]! >= 0; x = parent[x]!) out.push(via[x]!);
    return out.reverse();
  };
  const progress = progressViolations({
    states: parent.length,
    edgeFrom,
    edgeTo,
    terminal,
    cut,
    done,
    pending,
    level,
    complete,
  });
  const verdicts: Verdict[] = wanted.map((p) => {
    if (p.safety) {
      const f = found.get(p.id);
      return f
        ? { property: p.id, status: 'violated', message: f.message, path: [...pathTo(f.from), f.action] }
        : { property: p.id, status: 'holds' };
    }
    const v = p.id === 'check.no-deadlock' ? progress.deadlock : progress.lost;
    return v === undefined
      ? { property: p.id, status: 'holds' }
      : { property: p.id, status: 'violated', message: v.message, path: pathTo(v.state) };
  });
  return {
    config: c,
    prologue: start.actions,
    states: parent.length,
    transitions,
    depth,
    complete,
    ms: performance.now() - t0,
    verdicts,
  };
}

/** Live registered workers whose state is RUNNABLE. */
function countRunnable(s: SpecState, c: CheckConfig): number {
  let n = 0;
  for (let j = c.servers; j < s.mem.length; j++)
    if (s.k[j]!.umcg !== 0 && (s.mem[j]!.state & 0xff) === 2) n++;
  return n;
}
