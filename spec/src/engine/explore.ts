/**
 * The exhaustive explorer for litmus programs: every interleaving of the tasks' action lists at micro-step
 * granularity, with state hashing, yielding the set of reachable final observations (herd7-style).
 * @module
 */
import type { SpecState, UserStruct } from '../kernel/state.js';
import type { LitmusProgram } from '../model/litmus.js';
import { canonicalObservation } from '../model/observation.js';
import type { RuleId } from '../rules/catalogue.js';
import type { ExploreResult, SpecConfig } from './api.js';
import { actionFrame } from './frame.js';
import { initialState } from './initial.js';
import { canRun, execute, isLocal, picksOf, start } from './interpreter.js';
import { observe } from './observe.js';
import { interruptible } from './quiescence.js';
import { step, whyNotEnabled } from './step.js';

interface Node {
  readonly s: SpecState;
  readonly pcs: number[];
}

/** Explores every outcome of `program` under `config.profile`. */
export function explore(
  config: SpecConfig,
  program: LitmusProgram,
  options: { maxStates?: number } = {},
): ExploreResult {
  const maxStates = options.maxStates ?? 200_000;
  // The prologue runs step by step over every allowed outcome. A branch where the process died, or where a later
  // prologue step is not possible (another allowed outcome of an earlier one), is not part of the program.
  let starts = [initialState(config)];
  for (const action of program.prologue) {
    starts = starts.flatMap((s) =>
      whyNotEnabled(s, action) === undefined ? step(s, action).map((o) => o.state) : [],
    );
  }
  starts = starts.filter((s) => !s.killed);
  const names = config.tasks.map((t) => t.name);
  const lists = names.map((n) => program.threads[n] ?? []);
  const outcomes = new Map<string, { observation: ReturnType<typeof observe>; rules: Set<RuleId> }>();
  const seen = new Set<string>();
  let complete = true;
  for (const s0 of starts) {
    const before: readonly UserStruct[] = s0.mem.map((m) => ({ ...m }));
    const first = s0.clone();
    first.fired = new Set();
    first.now++;
    for (const k of first.k) k.result = undefined;
    const stack: Node[] = [{ s: first, pcs: names.map(() => 0) }];
    while (stack.length > 0) {
      const { s, pcs } = stack.pop()!;
      settleLocal(s);
      const choices = choicesOf(s, pcs, lists);
      if (choices.every((c) => c.kind === 'interrupt')) {
        for (const c of choices) {
          const next = { s: s.clone(), pcs: [...pcs] };
          apply(next, c, lists);
          stack.push(next);
        }
        const observation = observe(s, before);
        const key = canonicalObservation(observation);
        const entry = outcomes.get(key) ?? { observation, rules: new Set<RuleId>() };
        for (const r of s.fired) entry.rules.add(r);
        outcomes.set(key, entry);
        continue;
      }
      const key = `${s.key()}@${pcs.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > maxStates) {
        complete = false;
        break;
      }
      for (let i = 1; i < choices.length; i++) {
        const next = { s: s.clone(), pcs: [...pcs] };
        apply(next, choices[i]!, lists);
        stack.push(next);
      }
      // The first choice continues on this very state: its live generators need no replay.
      const here = { s, pcs };
      apply(here, choices[0]!, lists);
      stack.push(here);
    }
  }
  const result = new Map<string, { observation: ReturnType<typeof observe>; rules: readonly RuleId[] }>();
  for (const [k, v] of outcomes) result.set(k, { observation: v.observation, rules: [...v.rules] });
  return { outcomes: result, states: seen.size, complete };
}

type Choice = { readonly kind: 'run' | 'begin' | 'interrupt'; readonly task: number; readonly pick?: number };

function settleLocal(s: SpecState): void {
  let progressed = true;
  while (progressed && !s.killed) {
    progressed = false;
    for (let i = 0; i < s.threads.length; i++) {
      while (!s.killed && isLocal(s, i)) {
        execute(s, i);
        progressed = true;
      }
    }
  }
}

function choicesOf(s: SpecState, pcs: readonly number[], lists: readonly (readonly unknown[])[]): Choice[] {
  if (s.killed) return [];
  const out: Choice[] = [];
  for (let i = 0; i < s.threads.length; i++) {
    if (canRun(s, i)) {
      const n = picksOf(s, i);
      for (let pick = 0; pick < n; pick++)
        out.push(pick === 0 ? { kind: 'run', task: i } : { kind: 'run', task: i, pick });
    } else if (s.threads[i]!.frame === undefined && s.k[i]!.mode === 'user' && pcs[i]! < lists[i]!.length) {
      out.push({ kind: 'begin', task: i });
    }
  }
  for (const i of interruptible(s)) out.push({ kind: 'interrupt', task: i });
  return out;
}

function apply(
  n: Node,
  c: Choice,
  lists: readonly (readonly import('../model/action.js').UserAction[])[],
): void {
  const { s, pcs } = n;
  if (c.kind === 'run') return execute(s, c.task, c.pick);
  if (c.kind === 'interrupt') {
    s.k[c.task]!.interrupted = true;
    return start(s, c.task, 'interrupt', []);
  }
  const action = lists[c.task]![pcs[c.task]!]!;
  pcs[c.task]!++;
  s.k[c.task]!.interrupted = false;
  const frame = actionFrame(s, action);
  start(s, c.task, frame.name, frame.args);
}
