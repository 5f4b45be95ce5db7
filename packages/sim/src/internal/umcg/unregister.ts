/**
 * Unregistration ([PZ-v2] 5/5 sys_umcg_ctl() unregister, R17, R18; [PZ-proto] and [O-RFCv2] 3/5 for the prototype and RFC v1, which take NULL self
 * and write nothing).
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { get32, put32 } from '../uaccess.js';
import type { KGen } from '../yield.js';
import { NONE, type Ret, RUNNING, STATE, TASK_MASK, TF_MASK } from './fields.js';
import { umcgPinPages, umcgUnpin } from './pin.js';
import { umcgUpdateState, umcgWakeServer } from './state.js';

/** Clears every piece of UMCG state of `t` (`umcg_clear_task`); `keepMarker` is the mutant that forgets the worker marker. */
export function umcgClearTask(t: Task, keepMarker = false): void {
  umcgUnpin(t);
  t.umcgTask = 0;
  if (!keepMarker) {
    t.pfWorker = false;
    t.syscallWork = false;
  }
  t.tifUmcg = false;
}

/** Unregisters `t`; `worker` tells whether `UMCG_CTL_WORKER` was passed. */
export function* umcgUnregister(k: Kernel, t: Task, worker: boolean, self: number): KGen<Ret> {
  if (k.p.unregister === 'null-self') {
    if (self !== 0 || worker || t.umcgTask === 0) return 'EINVAL';
    umcgClearTask(t);
    return 0;
  }
  if (self === 0 || self !== t.umcgTask) return 'EINVAL';
  if (worker !== (k.p.workerCheck === 'flag' ? t.syscallWork : t.pfWorker)) return 'EINVAL';
  const pr = yield* umcgPinPages(k, t);
  if (pr !== 0) return pr;
  const r = k.m('unregister-state-unchecked')
    ? yield* forceNone(k, t)
    : yield* umcgUpdateState(k, t, RUNNING, NONE);
  if (r !== 0) {
    if (!k.p.unregisterLeaksPin && !k.m('pin-leaked-on-failed-unregister')) umcgUnpin(t);
    return r;
  }
  if (worker && !k.m('unregister-no-server-wake')) yield* umcgWakeServer(k, t);
  umcgClearTask(t, k.m('unregister-keeps-worker-marker'));
  return 0;
}

/** Mutant: store NONE whatever the state was. */
function* forceNone(k: Kernel, t: Task): KGen<Ret> {
  const st = yield* get32(k, t.umcgTask + STATE);
  if (st === undefined) return 'EFAULT';
  return (yield* put32(k, t.umcgTask + STATE, (st & ~(TASK_MASK | TF_MASK)) >>> 0)) ? 0 : 'EFAULT';
}
