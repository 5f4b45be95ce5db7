/**
 * R5 / R0b: a blocked (or newly registered) worker makes itself RUNNABLE, pushes itself onto its server's
 * runnable list, wakes the server, and waits until some task makes it RUNNING (R5, [PZ-v2] 5/5 sys_umcg_ctl()). Every failure
 * kills the process.
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { type KGen, STEP } from '../yield.js';
import { BLOCKED, RUNNABLE } from './fields.js';
import { umcgEnqueue } from './list.js';
import { umcgPinPages, umcgUnpin } from './pin.js';
import { umcgWaitRunning } from './sleep.js';
import { umcgUpdateState, umcgWakeServer } from './state.js';

/** `umcg_unblock_and_wait`. */
export function* umcgUnblockAndWait(k: Kernel, t: Task): KGen<void> {
  if ((yield* umcgPinPages(k, t)) !== 0) k.kill();
  yield* umcgMakeRunnableAndEnqueue(k, t, BLOCKED);
  yield STEP;
  umcgUnpin(t);
  const r = yield* umcgWaitRunning(k, t, 0);
  if (r !== 0 && r !== 'EINTR') k.kill();
}

/** `from`→RUNNABLE, push, wake the server, in the order of [PZ-v2] 5/5 (mutants may reorder); failures kill. */
export function* umcgMakeRunnableAndEnqueue(k: Kernel, t: Task, from: number): KGen<void> {
  const early = k.m('push-before-runnable');
  if (early && (yield* umcgEnqueue(k, t)) !== 0) k.kill();
  if ((yield* umcgUpdateState(k, t, from, RUNNABLE)) !== 0) k.kill();
  if (k.m('server-woken-before-enqueue') && (yield* umcgWakeServer(k, t)) !== 0) k.kill();
  if (!early && (yield* umcgEnqueue(k, t)) !== 0) k.kill();
  if (!k.m('server-woken-before-enqueue') && (yield* umcgWakeServer(k, t)) !== 0) k.kill();
}
