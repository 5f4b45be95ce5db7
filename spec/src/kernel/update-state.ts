/**
 * The kernel's one state-update primitive and the two kinds of wake built on it ([PZ-v2] 5/5 umcg_update_state()).
 * @module
 */
import {
  UMCG_TASK_BLOCKED,
  UMCG_TASK_MASK,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
} from '../abi/constants.js';
import { access } from './memory.js';
import type { SpecState } from './state.js';
import { atomic, type Routine } from './thread.js';

/** Result of a kernel access: 0 or an errno name. */
export type KResult = 0 | 'EAGAIN' | 'EFAULT';

/**
 * `umcg_update_state`: CAS the state of the struct at `addr` from `from` to `to` (rules `state.update.*`).
 * The CAS retry loop collapses into one atomic step; the timestamp is a separate, later write.
 */
export function* updateState(addr: number, from: number, to: number): Routine<KResult> {
  const r = yield* atomic(undefined, (s): KResult => {
    const m = access(s, addr);
    if (!m) return fault(s);
    if ((m.state & UMCG_TASK_MASK) !== from) {
      s.fired.add('state.update.from-mismatch');
      return 'EAGAIN';
    }
    // The prototype has no COND_WAIT: bit 0x200 is then an unknown TF bit, preserved like the others.
    const cleared = UMCG_TASK_MASK | UMCG_TF_PREEMPT | (s.world.params.condWait ? UMCG_TF_COND_WAIT : 0);
    m.state = ((m.state & ~cleared) | to) >>> 0;
    s.fired.add('state.update.clears-flags');
    return 0;
  });
  if (r !== 0 || (to !== UMCG_TASK_RUNNABLE && to !== UMCG_TASK_BLOCKED)) return r;
  return yield* atomic('state.update.timestamp', (s): KResult => {
    const m = access(s, addr);
    if (!m) return fault(s);
    // state.update.timestamp-clock: the stamp is the registration clock's reading now (s.now is monotonic).
    if (to === UMCG_TASK_BLOCKED) m.blocked_ts = s.now;
    else m.runnable_ts = s.now;
    s.fired.add('state.update.timestamp-clock');
    return 0;
  });
}

function fault(s: SpecState): 'EFAULT' {
  s.fired.add('state.update.fault');
  return 'EFAULT';
}

/** `try_to_wake_up`: makes a sleeping thread runnable; returns whether it was asleep. */
export function ttwu(s: SpecState, task: number): boolean {
  const k = s.k[task]!;
  if (k.kstate === 0) return false;
  k.kstate = 0;
  return true;
}

/** `umcg_wake_task`: CAS RUNNABLE→RUNNING on `task`'s struct at `addr`, then wake its thread (`state.wake`). */
export function* wakeTask(task: number, addr: number): Routine<KResult> {
  const r = yield* updateState(addr, UMCG_TASK_RUNNABLE, UMCG_TASK_RUNNING);
  if (r !== 0) return r;
  yield* atomic('state.wake', (s) => ttwu(s, task));
  return 0;
}

/** `umcg_wake_server`: wake the pinned server of `me`, EAGAIN swallowed (`state.wake-server`). */
export function* wakeServer(me: number): Routine<0 | 'EFAULT'> {
  const [server, addr] = yield* atomic(
    'state.wake-server',
    (s) => [s.k[me]!.pinServer, s.k[me]!.pinServerAddr] as const,
  );
  const r = yield* wakeTask(server, addr);
  return r === 'EFAULT' ? 'EFAULT' : 0;
}
