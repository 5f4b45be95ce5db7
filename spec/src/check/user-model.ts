/**
 * The user side as a model: a well-behaved user-space scheduler written against the spec's vocabulary, the way
 * the posted test programs use the ABI (PeterZ's "foo" scheduler, the seed e-mail's stealing servers). Servers
 * mark themselves RUNNABLE|COND_WAIT, take their runnable list (or steal another server's), pick a worker, set
 * `next_tid` and wait; workers run, then yield, block in a syscall, or switch to a worker they took from a list;
 * a server whose timed wait expires preempts its worker (PREEMPT + kick). Every choice a real program could make
 * differently is a branching point of the model; bookkeeping that a program does without a system call is folded
 * into the step that precedes it.
 * @module
 */
import {
  UMCG_CTL_REGISTER,
  UMCG_CTL_UNREGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_MASK,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
  UMCG_TID_MASK,
  UMCG_TID_RUNNING,
  UMCG_WAIT_ENQUEUE,
} from '../abi/constants.js';
import type { SpecState } from '../kernel/state.js';
import type { Action, Timeout } from '../model/action.js';
import { GARBAGE_TID } from '../model/task.js';
import { garbage, num, tidOf, type Value } from '../model/value.js';
import type { CheckConfig } from './config.js';

/** What one task's user code is about to do (its program counter and private variables). */
export interface Local {
  /** Program counter (see `movesOf`). */
  pc: string;
  /** Server: its private FIFO of workers it owns (taken from a list, not yet switched to). */
  queue: number[];
  /** Server: the worker it last switched to. */
  cur: number;
  /** Server: the worker named by its `next_tid` for the wait in progress (a hand-off in flight). */
  picked: number;
  /** Server: stolen workers whose `server_tid` it still has to rewrite. */
  rebind: number[];
  /** Worker: units of work left. */
  work: number;
  /** Worker: the worker it took from a list and is switching to (a hand-off in flight). */
  target: number;
}

/** The user model's state: one `Local` per task plus the environment's remaining signal budget. */
export interface UserState {
  readonly locals: Local[];
  signals: number;
}

/** A move of the model: a trace step and the program-counter update of its task. */
export interface Move {
  readonly action: Action;
  /** Applied to a copy of the user state before the step's results are read. */
  readonly update: (u: UserState) => void;
}

/** The static facts the model needs about a run. */
export interface ModelWorld {
  readonly config: CheckConfig;
  readonly names: readonly string[];
  /** Whether the profile has `UMCG_TF_COND_WAIT` (v1 on) or the kernel does RUNNING→RUNNABLE (prototype). */
  readonly condWait: boolean;
  /** Whether `umcg_kick` exists (not in the prototype). */
  readonly kick: boolean;
  /** Unregister form: own `self` (v2) or NULL (prototype, v1). */
  readonly unregisterSelf: 'own' | 'null';
  /** Whether the kernel marks a consumed `next_tid` with `UMCG_TID_RUNNING` (v2), which the server keeps. */
  readonly runningBit: boolean;
  /** What the kernel writes into a consumed `next_tid` (profile parameter `nextTidWriteback`). */
  readonly writeback: 'none' | 'clear' | 'tid-running';
  /** Whether a worker's `umcg_wait` enqueues only with `UMCG_WAIT_ENQUEUE` (follow-ups). */
  readonly enqueueFlag: boolean;
}

const isServer = (w: ModelWorld, i: number): boolean => i < w.config.servers;
const base = (s: SpecState, i: number): number => s.mem[i]!.state & UMCG_TASK_MASK;
/** Whether task i executes user code with nothing in flight (it can take its next action). */
export const idle = (s: SpecState, i: number): boolean =>
  s.k[i]!.mode === 'user' && s.threads[i]!.frame === undefined;
const tidIndex = (s: SpecState, word: number): number => s.world.tids.indexOf(word & UMCG_TID_MASK);

/** A deep copy of a user state. */
export function cloneUser(u: UserState): UserState {
  return {
    locals: u.locals.map((l) => ({ ...l, queue: [...l.queue], rebind: [...l.rebind] })),
    signals: u.signals,
  };
}

/** The registration prologue: servers, then workers (as the foo scheduler of the [PZ-v2] cover letter does), and the model's state after it. */
export function prologue(w: ModelWorld): { actions: Action[]; user: UserState } {
  const actions: Action[] = [];
  const store = (t: string, field: 'state' | 'server_tid', value: Value): Action => ({
    op: 'store',
    task: t,
    target: t,
    field,
    value,
  });
  const { servers, workers } = w.config;
  for (let i = 0; i < servers; i++) {
    const t = w.names[i]!;
    actions.push(store(t, 'server_tid', tidOf(t)), store(t, 'state', num(UMCG_TASK_RUNNING)));
    actions.push({ op: 'ctl', task: t, flags: UMCG_CTL_REGISTER, self: { kind: 'own' }, clock: 1 });
  }
  for (let j = 0; j < workers; j++) {
    const t = w.names[servers + j]!;
    actions.push(
      store(t, 'server_tid', tidOf(w.names[j % servers]!)),
      store(t, 'state', num(UMCG_TASK_BLOCKED)),
    );
    actions.push({
      op: 'ctl',
      task: t,
      flags: UMCG_CTL_REGISTER | UMCG_CTL_WORKER,
      self: { kind: 'own' },
      clock: 1,
    });
  }
  const local = (pc: string, work: number): Local => ({
    pc,
    queue: [],
    cur: -1,
    picked: -1,
    rebind: [],
    work,
    target: -1,
  });
  return {
    actions,
    user: {
      locals: w.names.map((_, i) =>
        isServer(w, i) ? local(w.condWait ? 'mark' : 'take', 0) : local('waiting', w.config.work),
      ),
      signals: w.config.signals,
    },
  };
}

/** The moves of every task that can act now, then the environment's events. */
export function movesOf(s: SpecState, u: UserState, w: ModelWorld): Move[] {
  const out: Move[] = [];
  if (s.killed) return out;
  for (let i = 0; i < w.names.length; i++) {
    if (!idle(s, i)) continue;
    if (isServer(w, i)) serverMoves(s, u, w, i, out);
    else workerMoves(s, u, w, i, out);
  }
  for (let i = 0; i < w.names.length; i++) {
    const k = s.k[i]!;
    const task = w.names[i]!;
    if (k.mode === 'exited') continue;
    if (k.completion === 1) out.push({ action: { op: 'complete', task }, update: noop });
    if (k.timer === 1) out.push({ action: { op: 'expire', task }, update: noop });
    if (u.signals > 0 && k.umcg !== 0 && u.locals[i]!.pc !== 'gone')
      out.push({
        action: { op: 'signal', task },
        update: (v) => {
          v.signals--;
        },
      });
  }
  return out;
}

const noop = (): void => undefined;
const to =
  (i: number, pc: string, extra?: (l: Local) => void) =>
  (u: UserState): void => {
    const l = u.locals[i]!;
    l.pc = pc;
    extra?.(l);
  };

function storeOwn(w: ModelWorld, i: number, field: 'state' | 'next_tid', value: Value): Action {
  const t = w.names[i]!;
  return { op: 'store', task: t, target: t, field, value };
}

/** `umcg_wait`; a worker passes `UMCG_WAIT_ENQUEUE` where the profile needs it to be enqueued (follow-ups). */
const wait = (w: ModelWorld, i: number, timeout: Timeout): Action => ({
  op: 'wait',
  task: w.names[i]!,
  flags: w.enqueueFlag && !isServer(w, i) ? UMCG_WAIT_ENQUEUE : 0,
  timeout,
});

function serverMoves(s: SpecState, u: UserState, w: ModelWorld, i: number, out: Move[]): void {
  const l = u.locals[i]!;
  const me = w.names[i]!;
  switch (l.pc) {
    case 'mark':
      out.push({
        action: storeOwn(w, i, 'state', num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT)),
        update: to(i, 'take'),
      });
      return;
    case 'take':
      for (let t = 0; t < w.config.servers; t++)
        out.push({
          action: { op: 'take', task: me, target: w.names[t]! },
          update: to(i, t === i ? 'took-own' : 'took-other'),
        });
      return;
    case 'take-own':
      out.push({ action: { op: 'take', task: me, target: me }, update: to(i, 'took-own') });
      return;
    case 'rebind': {
      const v = l.rebind[0]!;
      out.push({
        action: { op: 'store', task: me, target: w.names[v]!, field: 'server_tid', value: tidOf(me) },
        update: (x) => {
          x.locals[i]!.rebind.shift();
        },
      });
      return;
    }
    case 'set-next':
      out.push({
        action: storeOwn(
          w,
          i,
          'next_tid',
          l.picked >= 0
            ? tidOf(w.names[l.picked]!)
            : l.cur >= 0
              ? tidOf(w.names[l.cur]!, w.runningBit ? UMCG_TID_RUNNING : 0)
              : num(0),
        ),
        update: to(i, 'wait'),
      });
      return;
    case 'wait': {
      // Re-checked right before waiting: a worker's switch may have changed the current worker meanwhile.
      const cur = l.picked < 0 ? l.cur : -1;
      if (cur >= 0 && base(s, cur) === UMCG_TASK_RUNNING) {
        const want = (s.world.tids[cur]! | (w.runningBit ? UMCG_TID_RUNNING : 0)) >>> 0;
        if (s.mem[i]!.next_tid !== want) {
          out.push({
            action: storeOwn(w, i, 'next_tid', tidOf(w.names[cur]!, want - s.world.tids[cur]!)),
            update: noop,
          });
          return;
        }
      }
      const timed = w.config.preempt && w.kick && (l.picked >= 0 || l.cur >= 0);
      for (const timeout of timed ? (['none', 'future'] as const) : (['none'] as const))
        out.push({ action: wait(w, i, timeout), update: to(i, 'waiting') });
      return;
    }
    case 'preempt':
      out.push({
        action: {
          op: 'cas',
          task: me,
          target: w.names[l.cur]!,
          field: 'state',
          expect: num(UMCG_TASK_RUNNING),
          value: num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT),
        },
        update: to(i, 'preempted'),
      });
      return;
    case 'kick':
      out.push({
        action: { op: 'kick', task: me, flags: 0, tid: tidOf(w.names[l.cur]!) },
        update: to(i, 'top'),
      });
      return;
    default:
      return;
  }
}

function workerMoves(s: SpecState, u: UserState, w: ModelWorld, i: number, out: Move[]): void {
  const l = u.locals[i]!;
  const me = w.names[i]!;
  const server = tidIndex(s, s.mem[i]!.server_tid);
  const mark = (next: string): Move => ({
    action: storeOwn(w, i, 'state', num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT)),
    update: to(i, next),
  });
  switch (l.pc) {
    case 'run': {
      if (l.work === 0) {
        out.push({
          action: {
            op: 'ctl',
            task: me,
            // RFC v2 wants UMCG_CTL_WORKER from a worker; the NULL-self form (prototype, v1) refuses any flag.
            flags: UMCG_CTL_UNREGISTER | (w.unregisterSelf === 'own' ? UMCG_CTL_WORKER : 0),
            self: { kind: w.unregisterSelf },
            clock: 0,
          },
          update: to(i, 'unregistering'),
        });
        return;
      }
      // Yield: back to the server through umcg_wait (the prototype names the server as next_tid).
      if (w.condWait) out.push(mark('yield'));
      else if (server >= 0)
        out.push({ action: storeOwn(w, i, 'next_tid', tidOf(w.names[server]!)), update: to(i, 'yield') });
      // Block in a syscall until the environment completes it.
      out.push({ action: { op: 'syscall', task: me, blocking: true }, update: to(i, 'waiting', used) });
      // Switch to a worker taken from some server's list (the seed e-mail's B).
      for (let t = 0; t < w.config.servers; t++)
        out.push({ action: { op: 'take', task: me, target: w.names[t]! }, update: to(i, 'took', used) });
      if (w.config.malformed) {
        if (w.condWait) out.push(mark('garbage'));
        else out.push({ action: storeOwn(w, i, 'next_tid', garbage), update: to(i, 'g-wait', used) });
      }
      return;
    }
    case 'yield':
      out.push({ action: wait(w, i, 'none'), update: to(i, 'waiting', used) });
      return;
    case 'sw-rebind':
      out.push({
        action: {
          op: 'store',
          task: me,
          target: w.names[l.target]!,
          field: 'server_tid',
          value: tidOf(w.names[server]!),
        },
        update: to(i, w.condWait ? 'sw-mark' : 'sw-next'),
      });
      return;
    case 'sw-mark':
      out.push(mark('sw-next'));
      return;
    case 'sw-next':
      out.push({ action: storeOwn(w, i, 'next_tid', tidOf(w.names[l.target]!)), update: to(i, 'sw-wait') });
      return;
    case 'sw-wait':
      // The switch makes the target the server's current worker (user-space bookkeeping of the scheduler).
      out.push({
        action: wait(w, i, 'none'),
        update: (v) => {
          v.locals[i]!.pc = 'waiting';
          if (server >= 0 && server < w.config.servers) v.locals[server]!.cur = l.target;
        },
      });
      return;
    case 'g-wait':
    case 'retry':
      out.push({ action: wait(w, i, 'none'), update: to(i, 'waiting') });
      return;
    case 'garbage':
      out.push({ action: storeOwn(w, i, 'next_tid', garbage), update: to(i, 'g-wait') });
      return;
    case 'clear-next':
      out.push({ action: storeOwn(w, i, 'next_tid', num(0)), update: to(i, 'back') });
      return;
    default:
      return;
  }
}

/** The call whose result a program counter waits for. */
const RESULT_OF: Readonly<Record<string, string>> = {
  took: 'take',
  'took-own': 'take',
  'took-other': 'take',
  preempted: 'cas',
};

const used = (l: Local): void => {
  l.work--;
};

/** Whether task i's `next_tid` carries the kernel's mark of a consumed hand-off (none in the prototype). */
function consumed(s: SpecState, w: ModelWorld, i: number): boolean {
  const next = s.mem[i]!.next_tid;
  if (w.writeback === 'tid-running') return (next & UMCG_TID_RUNNING) !== 0;
  return w.writeback === 'clear' && next === 0;
}

/** Parses a `take` result (`[w1,w0]`) into task indices. */
function taken(s: SpecState, i: number): number[] {
  const r = s.k[i]!.result;
  if (r?.call !== 'take' || r.ret === '[]') return [];
  return r.ret
    .slice(1, -1)
    .split(',')
    .map((n) => s.world.names.indexOf(n))
    .filter((j) => j >= 0);
}

/**
 * After a step: reads the results the step produced (taken lists, CAS outcomes), retires hand-offs the kernel
 * consumed, and runs each task's user code up to its next system call or store (decisions without side effects).
 */
export function settle(s: SpecState, u: UserState, w: ModelWorld): void {
  for (let i = 0; i < w.names.length; i++) {
    const l = u.locals[i]!;
    // A hand-off is consumed once its worker left RUNNABLE: from then on the worker (or kernel) owns it.
    // The kernel's write-back of next_tid (v2: |TID_RUNNING, v1: 0) also says so, even if the worker was made
    // RUNNABLE again within the same step (a preemption or a yield right after it was switched to).
    if (
      l.picked >= 0 &&
      (base(s, l.picked) !== UMCG_TASK_RUNNABLE || (l.pc === 'waiting' && consumed(s, w, i)))
    ) {
      l.cur = l.picked;
      l.picked = -1;
    }
    if (
      l.target >= 0 &&
      l.pc === 'waiting' &&
      (base(s, l.target) !== UMCG_TASK_RUNNABLE || consumed(s, w, i))
    )
      l.target = -1;
  }
  for (let guard = 0; guard < 8; guard++) {
    let changed = false;
    for (let i = 0; i < w.names.length; i++) {
      if (s.killed) continue;
      // A result is read as soon as the call returned, even if an interrupt took the task away right after.
      const r = s.k[i]!.result;
      const returned = r !== undefined && RESULT_OF[u.locals[i]!.pc] === r.call;
      if (!idle(s, i) && !returned) continue;
      changed = (isServer(w, i) ? serverSettle(s, u, w, i) : workerSettle(s, u, w, i)) || changed;
    }
    if (!changed) return;
  }
}

function serverSettle(s: SpecState, u: UserState, w: ModelWorld, i: number): boolean {
  const l = u.locals[i]!;
  const running = (j: number): boolean =>
    j >= 0 &&
    base(s, j) === UMCG_TASK_RUNNING &&
    tidIndex(s, s.mem[j]!.server_tid) === i &&
    u.locals[j]!.pc !== 'gone';
  switch (l.pc) {
    case 'took-own':
    case 'took-other': {
      const got = taken(s, i);
      l.queue.push(...got);
      l.rebind = l.pc === 'took-other' ? got.filter((j) => tidIndex(s, s.mem[j]!.server_tid) !== i) : [];
      // After stealing, the server still drains its own list: what was pushed there woke it (COND_WAIT protocol).
      l.pc = l.rebind.length > 0 ? 'rebind' : l.pc === 'took-other' ? 'take-own' : 'pick';
      return true;
    }
    case 'rebind':
      if (l.rebind.length > 0) return false;
      l.pc = 'take-own';
      return true;
    case 'pick': {
      // The current worker still runs: no switch, just wait (foo: assert next_tid == cur|TID_RUNNING).
      // In the prototype and v1 it must name that worker, so the kernel's wake of it fails harmlessly.
      if (running(l.cur)) {
        const want = (s.world.tids[l.cur]! | (w.runningBit ? UMCG_TID_RUNNING : 0)) >>> 0;
        l.pc = s.mem[i]!.next_tid === want ? 'wait' : 'set-next';
        return true;
      }
      l.cur = -1;
      l.picked = l.queue.shift() ?? -1;
      const want = l.picked >= 0 ? s.world.tids[l.picked]! : 0;
      l.pc = s.mem[i]!.next_tid === want ? 'wait' : 'set-next';
      return true;
    }
    case 'waiting': {
      const ret = s.k[i]!.result;
      // A hand-off the wait did not consume goes back to the front of the queue (foo: "requeue if not consumed").
      if (l.picked >= 0) {
        l.queue.unshift(l.picked);
        l.picked = -1;
      }
      l.pc = ret?.ret === 'ETIMEDOUT' && running(l.cur) && w.kick ? 'preempt' : 'top';
      return true;
    }
    case 'preempted':
      l.pc = s.k[i]!.result?.ret === 'ok' ? 'kick' : 'top';
      return true;
    case 'top':
      l.pc = w.condWait ? 'mark' : 'take';
      return true;
    default:
      return false;
  }
}

function workerSettle(s: SpecState, u: UserState, w: ModelWorld, i: number): boolean {
  const l = u.locals[i]!;
  switch (l.pc) {
    case 'took': {
      const got = taken(s, i);
      if (got.length === 0) {
        l.pc = 'run';
        return true;
      }
      // The first worker is the one to switch to; the others go to the worker's server (user-space hand-over).
      l.target = got[0]!;
      const server = tidIndex(s, s.mem[i]!.server_tid);
      if (server >= 0 && server < w.config.servers) u.locals[server]!.queue.push(...got.slice(1));
      l.pc =
        tidIndex(s, s.mem[l.target]!.server_tid) === server
          ? w.condWait
            ? 'sw-mark'
            : 'sw-next'
          : 'sw-rebind';
      return true;
    }
    case 'waiting': {
      if (l.target >= 0) {
        // The switch failed and the target was not consumed: give it to our server (requeue).
        const server = tidIndex(s, s.mem[i]!.server_tid);
        if (server >= 0 && server < w.config.servers) u.locals[server]!.queue.push(l.target);
        l.target = -1;
      }
      const next = s.mem[i]!.next_tid;
      if (base(s, i) === UMCG_TASK_RUNNABLE) l.pc = next !== 0 && w.condWait ? 'clear-next' : 'retry';
      else l.pc = next === GARBAGE_TID ? 'clear-next' : 'run';
      return true;
    }
    case 'back':
      l.pc = base(s, i) === UMCG_TASK_RUNNABLE ? 'retry' : 'run';
      return true;
    case 'unregistering':
      l.pc = 'gone';
      return true;
    default:
      return false;
  }
}
