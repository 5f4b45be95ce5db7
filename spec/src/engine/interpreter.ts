/**
 * Runs threads' micro-steps on a state. Live generators are cached per thread object; a cloned thread (a new
 * object) rebuilds its generator by replaying its log without touching the state.
 * @module
 */
import type { SpecState, Thread } from '../kernel/state.js';
import { instantiate, type Op, type Routine } from '../kernel/thread.js';

interface Live {
  gen: Routine<void>;
  next: IteratorResult<Op, void>;
}

const lives = new WeakMap<Thread, Live>();

function live(s: SpecState, i: number): Live {
  const th = s.threads[i]!;
  let l = lives.get(th);
  if (l) return l;
  const gen = instantiate(th.frame!, i);
  let next = gen.next();
  for (const v of th.log) next = gen.next(v);
  l = { gen, next };
  lives.set(th, l);
  th.pending = kindOf(next);
  return l;
}

function kindOf(next: IteratorResult<Op, void>): Thread['pending'] {
  if (next.done) return 'done';
  const op = next.value;
  return op.kind === 'block' ? 'block' : op.kind === 'atomic' && op.local ? 'local' : 'atomic';
}

/** The next micro-step of thread `i`, or undefined when it has nothing to run. */
export function nextOp(s: SpecState, i: number): Op | undefined {
  if (s.threads[i]!.frame === undefined) return undefined;
  const l = live(s, i);
  return l.next.done ? undefined : l.next.value;
}

/** Whether thread `i` can make progress now (has an op and is not parked). */
export function canRun(s: SpecState, i: number): boolean {
  const th = s.threads[i]!;
  // A parked thread is known from its plain data: no generator replay needed while it sleeps.
  if (th.frame !== undefined && th.pending === 'block') return s.k[i]!.kstate === 0;
  const op = nextOp(s, i);
  if (!op) return false;
  return op.kind !== 'block' || s.k[i]!.kstate === 0;
}

/** Whether thread `i`'s next step is a local one (no interleaving point needed). */
export function isLocal(s: SpecState, i: number): boolean {
  const th = s.threads[i]!;
  if (th.frame === undefined || th.pending === 'block' || th.pending === 'atomic') return false;
  const op = nextOp(s, i);
  return op !== undefined && op.kind === 'atomic' && op.local;
}

/** Folds one logged value into a running hash (FNV-1a over its text, kept below 2^53). */
function mix(h: number, v: unknown): number {
  const text = v === undefined ? 'u' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  let x = h ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 16777619) >>> 0;
  return ((h * 31 + x) % 9007199254740881) + text.length;
}

/** Micro-steps executed so far in this process (for benchmarks). */
export const counters = { executed: 0 };

/** The number of continuations of thread `i`'s next step: its `choose` width, else 1. */
export function picksOf(s: SpecState, i: number): number {
  const op = nextOp(s, i);
  return op?.kind === 'choose' ? op.n : 1;
}

/** Executes the next micro-step of thread `i` in place (`pick`: the continuation of a `choose`). */
export function execute(s: SpecState, i: number, pick = 0): void {
  counters.executed++;
  const th = s.threads[i]!;
  const l = live(s, i);
  const op = l.next.value as Op;
  let v: unknown;
  if (op.kind === 'atomic') {
    v = op.run(s, i);
    if (op.rule) s.fired.add(op.rule);
  } else if (op.kind === 'choose') {
    v = pick;
  }
  th.log.push(v);
  th.sig = mix(th.sig, v);
  l.next = l.gen.next(v);
  th.pending = kindOf(l.next);
  if (l.next.done) {
    th.frame = undefined;
    th.log = [];
    th.sig = 0;
    lives.delete(th);
  }
}

/** Starts a top-level routine on thread `i` (its previous one must be finished). */
export function start(
  s: SpecState,
  i: number,
  name: string,
  args: readonly (string | number | boolean)[],
): void {
  const th = s.threads[i]!;
  lives.delete(th);
  th.frame = { name, args };
  th.log = [];
  th.sig = 0;
  th.pending = undefined;
}
