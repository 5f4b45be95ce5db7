/**
 * Invariants that hold in every reachable state of the spec, whatever user space does (and the ones that hold
 * while user space follows the protocol). Each returns a description of the violation, or undefined.
 * @module
 */
import {
  UMCG_TASK_MASK,
  UMCG_TASK_NONE,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_MASK,
} from '../abi/constants.js';
import type { SpecState } from '../kernel/state.js';
import type { Action } from '../model/action.js';

/** An invariant over one step: the state before, the action, a state after. */
export interface Invariant {
  /** Stable name. */
  readonly name: string;
  /** What it says. */
  readonly statement: string;
  /** Undefined when it holds. */
  check(before: SpecState, action: Action, after: SpecState): string | undefined;
}

const userTarget = (s: SpecState, a: Action): number =>
  a.op === 'store' || a.op === 'cas' ? s.world.names.indexOf(a.target) : -1;

/**
 * Whether some task has a user store or CAS on task i's `state` still to do: its action was begun behind a
 * spontaneous interrupt (`interrupted-before`) and runs in whatever later step resumes the task.
 */
function deferredStateWrite(s: SpecState, i: number): boolean {
  return s.threads.some((th) => {
    const f = th.frame;
    return (
      f?.name === 'interrupted-before' &&
      (f.args[0] === 'store' || f.args[0] === 'cas') &&
      f.args[1] === i &&
      f.args[2] === 'state'
    );
  });
}

/** The kernel never sets a TF bit ([PZ-v2] 5/5 umcg_update_state()): TF bits appear only where user space stored them. */
export const KERNEL_SETS_NO_TF_BIT: Invariant = {
  name: 'kernel-sets-no-tf-bit',
  statement: "A step sets a TF bit in a task's state only if it is a user store or CAS on that word.",
  check(before, action, after) {
    const target = userTarget(before, action);
    for (let i = 0; i < before.mem.length; i++) {
      const gained = after.mem[i]!.state & UMCG_TF_MASK & ~before.mem[i]!.state;
      if (
        gained !== 0 &&
        !(i === target && action.op !== 'take' && 'field' in action && action.field === 'state') &&
        !deferredStateWrite(before, i)
      ) {
        return `${before.world.names[i]} gained TF bits 0x${gained.toString(16)}`;
      }
    }
    return undefined;
  },
};

/** A task asleep in `umcg_wait` is RUNNABLE unless a waker already made it RUNNING. */
export const WAITER_RUNNABLE_OR_RUNNING: Invariant = {
  name: 'waiter-runnable-or-running',
  statement:
    'A task asleep in umcg_wait has state RUNNABLE or RUNNING, unless user space overwrote its state.',
  check(before, action, after) {
    if (after.killed) return undefined;
    for (let i = 0; i < after.k.length; i++) {
      const k = after.k[i]!;
      if (k.mode !== 'kernel' || k.call !== 'umcg_wait' || k.kstate === 0) continue;
      const st = after.mem[i]!.state & UMCG_TASK_MASK;
      const overwritten = userTarget(before, action) === i || before.mem[i]!.state !== after.mem[i]!.state;
      if (st !== UMCG_TASK_RUNNABLE && st !== UMCG_TASK_RUNNING && !overwritten) {
        return `${after.world.names[i]} sleeps in umcg_wait with state 0x${st.toString(16)}`;
      }
    }
    return undefined;
  },
};

/** The kernel writes nothing into the struct of a task that is not registered (after unregister: only NONE). */
export const NOTHING_AFTER_UNREGISTER: Invariant = {
  name: 'nothing-after-unregister',
  statement:
    'A task that is unregistered before and after a step, and is not the target of a user store/CAS, keeps its struct unchanged (an unregistered task stays NONE).',
  check(before, action, after) {
    if (after.killed) return undefined;
    const target = userTarget(before, action);
    for (let i = 0; i < before.mem.length; i++) {
      if (before.k[i]!.umcg !== 0 || after.k[i]!.umcg !== 0 || i === target) continue;
      if (action.op === 'take' && before.world.names.indexOf(action.target) === i) continue;
      if (action.op === 'ctl' && before.world.names.indexOf(action.task) === i) continue;
      const b = before.mem[i]!;
      const a = after.mem[i]!;
      if (
        b.state !== a.state ||
        b.next_tid !== a.next_tid ||
        b.blocked_ts !== a.blocked_ts ||
        b.runnable_ts !== a.runnable_ts
      ) {
        return `${before.world.names[i]} is unregistered but its struct changed`;
      }
    }
    return undefined;
  },
};

/** After a successful unregister the state is NONE. */
export const UNREGISTER_LEAVES_NONE: Invariant = {
  name: 'unregister-leaves-none',
  statement: "A successful unregister (RFC v2 form) leaves the task's state NONE.",
  check(_before, action, after) {
    if (after.killed || action.op !== 'ctl' || (action.flags & 0xff) !== 2) return undefined;
    if (after.world.params.unregister !== 'v2') return undefined;
    const i = after.world.names.indexOf(action.task);
    if (after.k[i]!.result?.ret !== '0') return undefined;
    const st = after.mem[i]!.state & UMCG_TASK_MASK;
    return st === UMCG_TASK_NONE ? undefined : `${action.task} unregistered with state 0x${st.toString(16)}`;
  },
};

/** While user space follows the protocol, a worker is on at most one runnable list, at most once. */
export function onAtMostOneList(s: SpecState): string | undefined {
  const seen = new Map<number, string>();
  for (let i = 0; i < s.mem.length; i++) {
    if (s.k[i]!.umcg === 0 || s.k[i]!.worker) continue;
    let cur = s.mem[i]!.runnable_workers_ptr;
    for (let n = 0; cur !== 0 && n < 64; n++) {
      const j = s.world.addrs.indexOf(cur);
      if (j < 0) return `list of ${s.world.names[i]} holds a non-struct address`;
      if (seen.has(j)) return `${s.world.names[j]} is on ${seen.get(j)}'s list and on ${s.world.names[i]}'s`;
      seen.set(j, s.world.names[i]!);
      cur = s.mem[j]!.runnable_workers_ptr;
    }
  }
  return undefined;
}

/** The invariants that hold whatever user space does. */
export const INVARIANTS: readonly Invariant[] = [
  KERNEL_SETS_NO_TF_BIT,
  WAITER_RUNNABLE_OR_RUNNING,
  NOTHING_AFTER_UNREGISTER,
  UNREGISTER_LEAVES_NONE,
];
