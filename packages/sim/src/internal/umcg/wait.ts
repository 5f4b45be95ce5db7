/**
 * `sys_umcg_wait(flags, timo)` ([PZ-v2] 5/5 sys_umcg_wait(), R7, R8, R13, R14, R15; profile differences: SPEC.md#parameters).
 * @module
 */
import { UMCG_WAIT_ENQUEUE } from '@umcg/spec/vocabulary';
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { get32 } from '../uaccess.js';
import { type KGen, STEP } from '../yield.js';
import { NEXT_TID, type Ret, RUNNABLE, RUNNING } from './fields.js';
import { umcgEnqueue } from './list.js';
import { umcgWakeNextTid } from './next.js';
import { umcgPinPages, umcgUnpin } from './pin.js';
import { umcgWaitRunning } from './sleep.js';
import { umcgUpdateState, umcgWakeServer } from './state.js';
import { umcgTimedOut } from './timeout.js';

/** What the trace's symbolic timeout means on the caller's clock. */
export type WaitTimeout = 'none' | 'past' | 'future';

/** A deadline that only an `expire` event reaches. */
export const FAR_FUTURE = Number.POSITIVE_INFINITY;

/** Flag checks of step 1 (and the follow-ups' UMCG_WAIT_ENQUEUE rules): true means EINVAL. */
function badFlags(k: Kernel, flags: number, worker: boolean, timeout: WaitTimeout): boolean {
  if (!k.p.enqueueFlag) return flags !== 0;
  if ((flags & ~UMCG_WAIT_ENQUEUE) !== 0) return true;
  return (flags & UMCG_WAIT_ENQUEUE) !== 0 && (!worker || timeout !== 'none');
}

/** The syscall. */
export function* sysUmcgWait(k: Kernel, t: Task, flags: number, timeout: WaitTimeout): KGen<Ret> {
  if (t.umcgTask === 0) return 'EINVAL';
  // Worker-ness: the marker in the posted code, a permanent flag in the reference kernel (workerCheck).
  const worker = k.p.workerCheck === 'flag' ? t.syscallWork : t.pfWorker;
  if (badFlags(k, flags, worker, timeout)) return 'EINVAL';
  t.pfWorker = false;
  if (worker && timeout !== 'none' && k.p.workerTimeout === 'erange' && !k.m('erange-after-cas')) {
    if (!k.p.erangeLosesMarker) t.pfWorker = true;
    return 'ERANGE';
  }
  const r = yield* waitBody(k, t, flags, timeout, worker);
  t.pfWorker = worker;
  return r;
}

function* waitBody(k: Kernel, t: Task, flags: number, timeout: WaitTimeout, worker: boolean): KGen<Ret> {
  // RFC v2 reverts every caller, RFC v1 a server caller only ([O-RFCv2] 3/5 sys_umcg_wait()), the prototype none.
  const revert =
    (k.p.waitErrorRevert === 'revert' || (k.p.waitErrorRevert === 'server-only' && !worker)) &&
    !k.m('wait-no-revert');
  const fail = function* (e: Ret, nextFailed = false): KGen<Ret> {
    // `always` (the seed e-mail): a worker whose wake of next failed wakes the server pinned at entry instead.
    const fallback =
      worker && nextFailed && k.p.nextFailFallback === 'always' && !k.m('seed-race-no-fallback');
    if (fallback && (e === 'ESRCH' || e === 'EAGAIN')) yield* umcgWakeServer(k, t);
    umcgUnpin(t);
    if (revert) yield* umcgUpdateState(k, t, RUNNABLE, RUNNING);
    return e;
  };
  let nextTid = 0;
  if (k.p.pinNext) {
    const nt = yield* get32(k, t.umcgTask + NEXT_TID);
    if (nt === undefined) return yield* fail('EFAULT');
    nextTid = nt;
  }
  const pr = yield* umcgPinPages(k, t, nextTid);
  if (pr !== 0) {
    // A failed pin holds nothing of its own; a stale pin (EBUSY) or RFC v1's failed pin of next stays as it is.
    if (revert) yield* umcgUpdateState(k, t, RUNNABLE, RUNNING);
    return pr;
  }
  if (k.p.waitWithoutNext === 'esrch') {
    // Prototype: `next_tid == 0` is refused before anything changes (SPEC.md#parameters).
    const nt0 = yield* get32(k, t.umcgTask + NEXT_TID);
    if (nt0 === 0 || nt0 === undefined) {
      umcgUnpin(t);
      return nt0 === 0 ? 'ESRCH' : 'EFAULT';
    }
  }
  const entry = k.p.waitEntryState === 'running' ? RUNNING : RUNNABLE;
  const sr = yield* umcgUpdateState(k, t, entry, RUNNABLE);
  if (sr !== 0) return yield* fail(sr);
  if (k.m('erange-after-cas') && worker && timeout !== 'none' && k.p.workerTimeout === 'erange') {
    umcgUnpin(t);
    return 'ERANGE';
  }
  const enqueue = worker && (!k.p.enqueueFlag || (flags & UMCG_WAIT_ENQUEUE) !== 0);
  const enqueueFirst = k.p.waitOrder === 'enqueue-first' || k.m('enqueue-before-next-wake');
  if (enqueue && enqueueFirst && (yield* umcgEnqueue(k, t)) !== 0) return yield* fail('EFAULT');
  const nt = yield* get32(k, t.umcgTask + NEXT_TID);
  if (nt === undefined) return yield* fail('EFAULT');
  if (nt !== 0) {
    const nr = yield* umcgWakeNextTid(k, t, nt);
    if (nr !== 0) return yield* fail(nr, true);
  }
  // RFC v1 wakes the server only when there was no next to wake (SPEC.md#parameters).
  const wakeServer = enqueue && !(k.p.waitOrder === 'enqueue-first' && nt !== 0);
  const wakeEarly = wakeServer && k.m('server-woken-before-enqueue');
  if (wakeEarly && (yield* umcgWakeServer(k, t)) !== 0) return yield* fail('EFAULT');
  if (enqueue && !enqueueFirst && (yield* umcgEnqueue(k, t)) !== 0) return yield* fail('EFAULT');
  if (wakeServer && !wakeEarly && (yield* umcgWakeServer(k, t)) !== 0) return yield* fail('EFAULT');
  yield STEP;
  umcgUnpin(t);
  return yield* sleepPhase(k, t, timeout, worker);
}

/** Step 7: wait until RUNNING, with the timeout. */
function* sleepPhase(k: Kernel, t: Task, timeout: WaitTimeout, worker: boolean): KGen<Ret> {
  const deadline = timeout === 'none' ? 0 : timeout === 'past' ? 1 : FAR_FUTURE;
  const r = yield* umcgWaitRunning(k, t, deadline);
  if (r === 'EINTR') {
    if (k.p.signals === 'exclude') t.savedWait = { deadline, worker, delivered: false };
    return k.m('signal-eintr-returned') ? 'EINTR' : 0;
  }
  if (r === 'ETIMEDOUT') yield* umcgTimedOut(k, t, worker);
  return r;
}
