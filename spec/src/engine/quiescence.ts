/**
 * Running a state to quiescence: every interleaving of the runnable threads' micro-steps (with state hashing),
 * or one canonical interleaving. Spontaneous interrupts of tasks in user mode are extra choices (EXECUTION-MODEL.md).
 * @module
 */
import '../kernel/actions.js';
import { resumeAction } from '../kernel/notify-resume.js';
import type { SpecState } from '../kernel/state.js';
import { canRun, execute, isLocal, picksOf, start } from './interpreter.js';

/** A scheduling choice: run thread i's next step (with the pick of a `choose`), or interrupt task i in user mode. */
type Choice = { readonly kind: 'run' | 'interrupt'; readonly task: number; readonly pick?: number };

/** Tasks that may take a spontaneous interrupt: registered, in user mode, idle, hook would act. */
export function interruptible(s: SpecState): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.k.length; i++) {
    const k = s.k[i]!;
    if (k.mode !== 'user' || k.interrupted || k.umcg === 0 || s.threads[i]!.frame !== undefined) continue;
    if (resumeAction(s, i) !== 'pass') out.push(i);
  }
  return out;
}

/** Runs local steps eagerly; returns the remaining choices. */
function settle(s: SpecState, spontaneous: boolean): Choice[] {
  for (;;) {
    if (s.killed) return [];
    let progressed = false;
    for (let i = 0; i < s.threads.length; i++) {
      while (!s.killed && isLocal(s, i)) {
        execute(s, i);
        progressed = true;
      }
    }
    if (progressed) continue;
    const choices: Choice[] = [];
    for (let i = 0; i < s.threads.length; i++) {
      if (!canRun(s, i)) continue;
      const n = picksOf(s, i);
      for (let pick = 0; pick < n; pick++)
        choices.push(pick === 0 ? { kind: 'run', task: i } : { kind: 'run', task: i, pick });
    }
    if (spontaneous) for (const i of interruptible(s)) choices.push({ kind: 'interrupt', task: i });
    return choices;
  }
}

function apply(s: SpecState, c: Choice): void {
  if (c.kind === 'run') return execute(s, c.task, c.pick);
  s.k[c.task]!.interrupted = true;
  start(s, c.task, 'interrupt', []);
}

/** One canonical run: always the lowest-numbered runnable thread, no spontaneous interrupts. */
export function runFirst(s: SpecState): SpecState {
  for (let guard = 0; guard < 100_000; guard++) {
    const choices = settle(s, false);
    if (choices.length === 0) return s;
    apply(s, choices[0]!);
  }
  throw new Error('spec: a step did not reach quiescence within 100000 micro-steps');
}

/** Every quiescent state reachable from `s` (which is consumed); `spontaneous` false leaves interrupts out. */
export function runAll(
  s: SpecState,
  maxStates = 200_000,
  spontaneous = true,
): { finals: SpecState[]; complete: boolean } {
  const finals = new Map<string, SpecState>();
  const seen = new Set<string>();
  const stack: SpecState[] = [s];
  let complete = true;
  while (stack.length > 0) {
    const cur = stack.pop()!;
    for (;;) {
      const choices = settle(cur, spontaneous);
      const runs = choices.filter((c) => c.kind === 'run');
      if (runs.length === 0) {
        // Quiescent. Spontaneous interrupts are optional: the state is final as it is, and each may also happen.
        for (const c of choices) {
          const next = cur.clone();
          apply(next, c);
          stack.push(next);
        }
        mergeFinal(finals, cur);
        break;
      }
      if (choices.length === 1) {
        apply(cur, choices[0]!);
        continue;
      }
      const key = cur.key();
      if (seen.has(key)) break;
      seen.add(key);
      if (seen.size > maxStates) {
        complete = false;
        stack.length = 0;
        break;
      }
      for (let c = 1; c < choices.length; c++) {
        const next = cur.clone();
        apply(next, choices[c]!);
        stack.push(next);
      }
      apply(cur, choices[0]!);
    }
  }
  return { finals: [...finals.values()], complete };
}

/** Adds a final state, merging the fired rules of equal ones (keys are computed only once there are two). */
function mergeFinal(finals: Map<string, SpecState>, s: SpecState): void {
  if (finals.size === 1 && finals.has('')) {
    const only = finals.get('')!;
    finals.clear();
    finals.set(only.key(), only);
  }
  if (finals.size === 0) {
    finals.set('', s);
    return;
  }
  const key = s.key();
  const prev = finals.get(key);
  if (prev) for (const r of s.fired) prev.fired.add(r);
  else finals.set(key, s);
}
