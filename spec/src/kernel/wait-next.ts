/**
 * `umcg_wake_next`: the `next_tid` handling of `umcg_wait` ([PZ-v2] 5/5 umcg_wake_next(), SPEC.md#param.nextTidWriteback; rules `wait.next.*`).
 * @module
 */
import { UMCG_TASK_MASK, UMCG_TASK_RUNNING, UMCG_TID_MASK, UMCG_TID_RUNNING } from '../abi/constants.js';
import { lookupUmcg } from './lookup.js';
import { access } from './memory.js';
import { atomic, fire, local, type Routine } from './thread.js';
import { wakeTask } from './update-state.js';

/** Outcome of handling `next_tid`: `none` when it is 0. */
export type NextResult = 'none' | 0 | 'ESRCH' | 'EAGAIN' | 'EFAULT';

/** Reads `next_tid` of the caller, looks it up and wakes it (or checks it is RUNNING), then writes back. */
export function* wakeNext(me: number): Routine<NextResult> {
  const p = yield* local(undefined, (s) => s.world.params);
  const read = yield* atomic(undefined, (s) => {
    const m = access(s, s.k[me]!.umcg);
    if (!m) return undefined;
    const next = m.next_tid;
    if (next === 0) return { next, j: -1, addr: 0 };
    const j = lookupUmcg(s, p.tidMask ? next & UMCG_TID_MASK : next);
    return { next, j, addr: j >= 0 ? s.k[j]!.umcg : 0 };
  });
  if (!read) return 'EFAULT';
  if (read.next === 0) return 'none';
  if (read.j < 0) return yield* fail('wait.next.lookup', 'ESRCH');
  if (p.tidMask && (read.next & UMCG_TID_RUNNING) !== 0) {
    const st = yield* atomic(undefined, (s) => access(s, read.addr)?.state);
    if (st === undefined) return 'EFAULT';
    if ((st & UMCG_TASK_MASK) === UMCG_TASK_RUNNING) {
      yield* fire('wait.next.tid-running');
      return 0;
    }
    return yield* fail('wait.next.tid-running', 'EAGAIN');
  }
  const r = yield* wakeTask(read.j, read.addr);
  if (r === 'EAGAIN') return yield* fail('wait.next.not-runnable', 'EAGAIN');
  if (r !== 0) return r;
  yield* fire('wait.next.wake');
  if (p.nextTidWriteback === 'none') return 0;
  const value = p.nextTidWriteback === 'clear' ? 0 : (read.next | UMCG_TID_RUNNING) >>> 0;
  const ok = yield* atomic('wait.next.writeback', (s) => {
    const m = access(s, s.k[me]!.umcg);
    if (m) m.next_tid = value;
    return m !== undefined;
  });
  return ok ? 0 : 'EFAULT';
}

function* fail<E extends NextResult>(rule: Parameters<typeof fire>[0], e: E): Routine<E> {
  yield* fire(rule);
  return e;
}
