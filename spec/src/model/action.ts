/**
 * The vocabulary of trace steps: user actions of one task and environment events (ARCHITECTURE.md, "Contracts").
 * Every target (spec, simulator, native, QEMU) executes exactly these.
 * @module
 */
import type { Field } from '../abi/layout.js';
import type { TaskName } from './task.js';
import type { Value } from './value.js';

/** What `umcg_ctl` receives as `self`: the caller's own struct, NULL, a misaligned pointer, or another task's struct. */
export type SelfArg =
  | { readonly kind: 'own' }
  | { readonly kind: 'null' }
  | { readonly kind: 'misaligned' }
  | { readonly kind: 'of'; readonly task: TaskName };

/** The tid argument of `umcg_kick`. */
export type TidArg = Value;

/** The timeout of `umcg_wait`, symbolic: none (0), already in the past, or in the future (expires on `expire`). */
export type Timeout = 'none' | 'past' | 'future';

/** A step performed by task `task` in user mode (the task must be executing user code). */
export type UserAction =
  /** Plain store by `task` into a word of `target`'s struct. */
  | {
      readonly op: 'store';
      readonly task: TaskName;
      readonly target: TaskName;
      readonly field: Field;
      readonly value: Value;
    }
  /** Compare-and-swap by `task` on a word of `target`'s struct; the result is `ok` or the value found. */
  | {
      readonly op: 'cas';
      readonly task: TaskName;
      readonly target: TaskName;
      readonly field: Field;
      readonly expect: Value;
      readonly value: Value;
    }
  /** Atomic exchange of `target.runnable_workers_ptr` with 0, then walk the chain resetting each link to 0. */
  | { readonly op: 'take'; readonly task: TaskName; readonly target: TaskName }
  /** `umcg_ctl(flags, self, clock)`. */
  | {
      readonly op: 'ctl';
      readonly task: TaskName;
      readonly flags: number;
      readonly self: SelfArg;
      readonly clock: number;
    }
  /** `umcg_wait(flags, timeout)`. */
  | { readonly op: 'wait'; readonly task: TaskName; readonly flags: number; readonly timeout: Timeout }
  /** `umcg_kick(flags, tid)`. */
  | { readonly op: 'kick'; readonly task: TaskName; readonly flags: number; readonly tid: TidArg }
  /** An ordinary syscall; a blocking one sleeps in the kernel until the `complete` event. */
  | { readonly op: 'syscall'; readonly task: TaskName; readonly blocking: boolean }
  /** A user-mode exception (page fault); a blocking one sleeps until the `complete` event. */
  | { readonly op: 'fault'; readonly task: TaskName; readonly blocking: boolean }
  /** The thread exits (without unregistering). */
  | { readonly op: 'exit'; readonly task: TaskName };

/** An event of the environment concerning `task`. */
export type EnvEvent =
  /** The blocking syscall or fault `task` sleeps in completes. */
  | { readonly op: 'complete'; readonly task: TaskName }
  /** A non-fatal signal with an empty handler (no SA_RESTART) is sent to `task`. */
  | { readonly op: 'signal'; readonly task: TaskName }
  /** The timer of `task`'s pending `umcg_wait` timeout expires. */
  | { readonly op: 'expire'; readonly task: TaskName }
  /** The page holding `task`'s struct is unmapped: later accesses fault. */
  | { readonly op: 'unmap'; readonly task: TaskName };

/** One trace step. */
export type Action = UserAction | EnvEvent;

/** The operation names of user actions. */
export const USER_OPS = ['store', 'cas', 'take', 'ctl', 'wait', 'kick', 'syscall', 'fault', 'exit'] as const;
/** The operation names of environment events. */
export const ENV_OPS = ['complete', 'signal', 'expire', 'unmap'] as const;

/** Whether an action is an environment event (as opposed to a user action of its task). */
export function isEnvEvent(action: Action): action is EnvEvent {
  return (ENV_OPS as readonly string[]).includes(action.op);
}
