/**
 * Threads as replayable generators. A kernel path is a generator that yields micro-steps (`Op`s) to the
 * interpreter; the interpreter performs each on the shared state and sends back the result. A thread's
 * continuation is therefore plain data — the routine's name, its arguments and the log of results — and can be
 * cloned for branching: a clone rebuilds its generator by replaying the log without touching the state.
 * @module
 */
import type { RuleId } from '../rules/catalogue.js';
import type { SpecState } from './state.js';

/** An atomic micro-step: runs on the shared state, tagged with the rule it implements. */
export interface AtomicOp {
  readonly kind: 'atomic';
  /** The rule this micro-step implements (recorded as fired). */
  readonly rule: RuleId | undefined;
  /** True when the step touches only data no other thread touches concurrently (no interleaving point). */
  readonly local: boolean;
  /** The effect; must be deterministic given the state. */
  readonly run: (s: SpecState, me: number) => unknown;
}

/** `schedule()`: park the thread until its scheduler state is TASK_RUNNING again. */
export interface BlockOp {
  readonly kind: 'block';
}

/**
 * A nondeterministic choice among `n` continuations, made by the scheduler like an interleaving (every pick is
 * explored, the canonical run takes 0); the pick is the step's result.
 */
export interface ChooseOp {
  readonly kind: 'choose';
  readonly n: number;
}

/** A micro-step. */
export type Op = AtomicOp | BlockOp | ChooseOp;

/** A kernel path returning `T`. */
export type Routine<T> = Generator<Op, T, unknown>;

/** What a thread executes: a top-level routine and its arguments (plain data). */
export interface Frame {
  readonly name: string;
  readonly args: readonly (string | number | boolean)[];
}

/** A top-level routine: the user action or event a thread performs. */
export type TopRoutine = (me: number, ...args: (string | number | boolean)[]) => Routine<void>;

const registry = new Map<string, TopRoutine>();

/** Registers a top-level routine under a name (done once per module at load). */
export function defineTop(name: string, routine: TopRoutine): void {
  registry.set(name, routine);
}

/** Starts a generator for a frame. */
export function instantiate(frame: Frame, me: number): Routine<void> {
  const routine = registry.get(frame.name);
  if (!routine) throw new Error(`spec: no routine '${frame.name}'`);
  return routine(me, ...frame.args);
}

/** An atomic micro-step (helper for routines). */
export function* atomic<T>(rule: RuleId | undefined, run: (s: SpecState, me: number) => T): Routine<T> {
  return (yield { kind: 'atomic', rule, local: false, run }) as T;
}

/** A micro-step touching only the caller's private data (no interleaving point). */
export function* local<T>(rule: RuleId | undefined, run: (s: SpecState, me: number) => T): Routine<T> {
  return (yield { kind: 'atomic', rule, local: true, run }) as T;
}

/** Records that a rule fired (a local micro-step without effect). */
export function* fire(rule: RuleId): Routine<void> {
  yield { kind: 'atomic', rule, local: true, run: () => undefined };
}

/** A scheduling choice among `n` continuations (see {@link ChooseOp}); returns the pick. */
export function* choose(n: number): Routine<number> {
  return (yield { kind: 'choose', n }) as number;
}

/** `schedule()`: parks until woken. */
export function* block(): Routine<void> {
  yield { kind: 'block' };
}
