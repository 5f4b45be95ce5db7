/**
 * Registration ([PZ-v2] 5/5 sys_umcg_ctl() register, R0a, R0b): checks in the order of the code, then a server simply
 * remembers its struct while a worker runs the unblock sequence and only returns once it has been made RUNNING.
 * @module
 */
import { VALID_CLOCKS } from '@umcg/spec/vocabulary';
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { get32, get64 } from '../uaccess.js';
import type { KGen } from '../yield.js';
import { BLOCKED, type Ret, RUNNING, TASK_MASK, TF_MASK } from './fields.js';
import { umcgUnblockAndWait } from './unblock.js';

/** Copies the struct (one access per word read) or returns undefined on a fault. */
function* copyStruct(k: Kernel, self: number): KGen<number[] | undefined> {
  const out: number[] = [];
  for (const off of [0, 4, 8, 12]) {
    const v = yield* get32(k, self + off);
    if (v === undefined) return undefined;
    out.push(v);
  }
  for (const off of [40, 48, 56]) {
    const v = yield* get64(k, self + off);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

/** Registers `t` as a worker or a server. */
export function* umcgRegister(k: Kernel, t: Task, worker: boolean, self: number, clock: number): KGen<Ret> {
  if (!VALID_CLOCKS.includes(clock)) return 'EINVAL';
  if (k.p.clockStoredEarly) t.clock = clock;
  if (t.umcgTask !== 0 || self === 0) return 'EINVAL';
  const w = yield* copyStruct(k, self);
  if (w === undefined) return 'EFAULT';
  const [state = 0, next = 0, server = 0, hole = 0, z0 = 0, z1 = 0, z2 = 0] = w;
  if ((next !== 0 || hole !== 0 || z0 !== 0 || z1 !== 0 || z2 !== 0) && !k.m('reserved-unchecked'))
    return 'EINVAL';
  const want = worker ? BLOCKED : RUNNING;
  const stateOk = (state & (TASK_MASK | TF_MASK)) === want;
  if (k.m('register-checks-reordered') && !stateOk) return 'EINVAL';
  if (!serverOk(k, t, worker, server)) return 'ESRCH';
  if (!stateOk) return 'EINVAL';
  if (!k.p.clockStoredEarly) t.clock = clock;
  t.umcgTask = self;
  t.tifUmcg = true;
  if (!worker) return 0;
  t.pfWorker = true;
  t.syscallWork = true;
  yield* umcgUnblockAndWait(k, t);
  return 0;
}

/** Step 5: `server_tid` (unmasked) names a same-mm thread: self for a server, a non-worker UMCG task for a worker. */
function serverOk(k: Kernel, t: Task, worker: boolean, tid: number): boolean {
  const s = k.thread(tid);
  if (s === undefined) return false;
  if (!worker) return s === t || k.m('server-register-any-tid');
  const isWorker = k.p.workerCheck === 'flag' ? s.syscallWork : s.pfWorker;
  return s.umcgTask !== 0 && (!isWorker || k.m('worker-register-accepts-worker'));
}
