/**
 * R9: acting on `UMCG_TF_PREEMPT` in the return-to-user hook: RUNNING→RUNNABLE, push onto the server's list,
 * wake the server (prototype and RFC v1: `next_tid` first), then wait until RUNNING. Failures kill.
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { type KGen, STEP } from '../yield.js';
import { RUNNABLE, RUNNING } from './fields.js';
import { umcgEnqueue } from './list.js';
import { umcgWakeImplicit } from './next.js';
import { umcgPinPages, umcgUnpin } from './pin.js';
import { umcgWaitRunning } from './sleep.js';
import { umcgUpdateState } from './state.js';

/** Preempts the RUNNING task `t`. */
export function* umcgPreempt(k: Kernel, t: Task): KGen<void> {
  if ((yield* umcgPinPages(k, t)) !== 0) k.kill();
  const early = k.m('push-before-runnable');
  if (early && (yield* umcgEnqueue(k, t)) !== 0) k.kill();
  if ((yield* umcgUpdateState(k, t, RUNNING, RUNNABLE)) !== 0) k.kill();
  if (!early && (yield* umcgEnqueue(k, t)) !== 0) k.kill();
  if (!k.m('preempt-no-server-wake') && (yield* umcgWakeImplicit(k, t, 'preempt')) !== 0) k.kill();
  yield STEP;
  umcgUnpin(t);
  const r = yield* umcgWaitRunning(k, t, 0);
  if (r === 'EINTR' && k.p.signals === 'exclude') t.sigExcluded = true;
  if (r !== 0 && r !== 'EINTR') k.kill();
}
