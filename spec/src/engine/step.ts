/**
 * `step`: the set of allowed outcomes of one trace step; `stepFirst`: one canonical outcome; `whyNotEnabled`.
 * @module
 */
import { expireTimer } from '../kernel/sleep.js';
import type { SpecState } from '../kernel/state.js';
import { ttwu } from '../kernel/update-state.js';
import type { Action } from '../model/action.js';
import { canonicalObservation } from '../model/observation.js';
import type { RuleId } from '../rules/catalogue.js';
import type { Outcome } from './api.js';
import { actionFrame } from './frame.js';
import { start } from './interpreter.js';
import { observe } from './observe.js';
import { interruptible, runAll, runFirst } from './quiescence.js';
import { taskIndex } from './resolve.js';

/** Why `action` cannot be taken in `s` (undefined when it can). */
export function whyNotEnabled(s: SpecState, action: Action): string | undefined {
  if (s.killed) return 'the process was killed';
  const i = s.world.names.indexOf(action.task);
  if (i < 0) return `unknown task '${action.task}'`;
  const k = s.k[i]!;
  if (k.mode === 'exited') return `${action.task} has exited`;
  switch (action.op) {
    case 'complete':
      return k.completion === 1 ? undefined : `${action.task} is not asleep in a blocking syscall or fault`;
    case 'expire':
    case 'signal':
    case 'unmap':
      return undefined;
    default:
      return k.mode === 'user' && s.threads[i]!.frame === undefined
        ? undefined
        : `${action.task} is not in user mode`;
  }
}

/** Applies the start of `action` to a fresh copy of `state` (ready to run to quiescence). */
function begin(state: SpecState, action: Action): SpecState {
  const why = whyNotEnabled(state, action);
  if (why) throw new Error(`spec: step not enabled: ${why}`);
  const s = state.clone();
  s.fired = new Set();
  s.now++;
  for (const k of s.k) k.result = undefined;
  const me = taskIndex(s, action.task);
  const k = s.k[me]!;
  switch (action.op) {
    case 'complete':
      k.completion = 2;
      ttwu(s, me);
      break;
    case 'expire':
      expireTimer(s, me);
      break;
    case 'unmap':
      s.mapped[me] = false;
      break;
    case 'signal':
      // Standard signals coalesce: a second one while one is pending is not queued again.
      k.sigpending = 1;
      if (k.sigblocked) break;
      if (k.kstate === 1) ttwu(s, me);
      else if (k.mode === 'user' && s.threads[me]!.frame === undefined) start(s, me, 'interrupt', []);
      break;
    default: {
      if (action.op !== 'exit') k.interrupted = false;
      const frame = actionFrame(s, action);
      start(s, me, frame.name, frame.args);
    }
  }
  return s;
}

/**
 * Every start of `action`: the action itself and, when its task is in user mode where a spontaneous interrupt may
 * land (`interruptible`), the action after such an interrupt. The interrupt may hit the task at any moment of its
 * stay in user mode, so also just before its own next action (EXECUTION-MODEL.md).
 */
function begins(state: SpecState, action: Action, spontaneous: boolean): SpecState[] {
  const plain = begin(state, action);
  if (!spontaneous || ENV_OPS.has(action.op)) return [plain];
  const me = taskIndex(state, action.task);
  if (!interruptible(state).includes(me)) return [plain];
  const s = begin(state, action);
  const frame = s.threads[me]!.frame!;
  s.k[me]!.interrupted = true;
  start(s, me, 'interrupted-before', [frame.name, ...frame.args]);
  return [plain, s];
}

const ENV_OPS: ReadonlySet<Action['op']> = new Set(['complete', 'expire', 'signal', 'unmap']);

function outcome(s: SpecState, before: SpecState): Outcome<SpecState> {
  return { state: s, observation: observe(s, before.mem), rules: [...s.fired] as RuleId[] };
}

/** One canonical outcome of `action` (fast: a single interleaving, no spontaneous interrupts). */
export function stepFirst(state: SpecState, action: Action): Outcome<SpecState> {
  return outcome(runFirst(begin(state, action)), state);
}

/**
 * Every quiescent state `action` may lead to from `state`, without observations (the model checker's step: it
 * hashes states itself). Equal states may repeat.
 */
export function stepStates(state: SpecState, action: Action): SpecState[] {
  return begins(state, action, true).flatMap((s) => runAll(s).finals);
}

/** Options of {@link step}. */
export interface StepOptions {
  /**
   * Whether spontaneous interrupts of tasks in user mode may land during the step (default true, as on a real
   * kernel: EXECUTION-MODEL.md, "Return to user mode, interrupts and signals"). False gives the outcomes a scenario
   * that assumes no interrupt at this step (`no-interrupt`) allows; forced interrupts (kick, signal) still happen.
   */
  readonly spontaneous?: boolean;
}

/** Every allowed outcome of `action` from `state`, deduplicated by observation and state. */
export function step(state: SpecState, action: Action, options: StepOptions = {}): Outcome<SpecState>[] {
  const spontaneous = options.spontaneous ?? true;
  const finals = begins(state, action, spontaneous).flatMap((s) => runAll(s, undefined, spontaneous).finals);
  if (finals.length === 1) return [outcome(finals[0]!, state)];
  const seen = new Map<string, Outcome<SpecState>>();
  for (const f of finals) {
    const o = outcome(f, state);
    const key = `${canonicalObservation(o.observation)}#${f.key()}`;
    if (!seen.has(key)) seen.set(key, o);
  }
  return [...seen.values()];
}
