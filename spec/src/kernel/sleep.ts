/**
 * R6: the wait until the task's own state becomes RUNNING, used by registration, unblock, preemption, the
 * return-to-user hook and `umcg_wait` (R6, [PZ-v2] 5/5 sys_umcg_wait() timeout; rules `sleep.*`).
 * @module
 */
import { UMCG_TASK_MASK, UMCG_TASK_RUNNABLE, UMCG_TASK_RUNNING } from '../abi/constants.js';
import { access } from './memory.js';
import type { SpecState } from './state.js';
import { atomic, block, local, type Routine } from './thread.js';
import { ttwu } from './update-state.js';

/** How the wait ended. */
export type SleepResult = 0 | 'EINTR' | 'EINVAL' | 'EFAULT' | 'ETIMEDOUT';

/**
 * Loops: mark interruptible; a pending signal ends it with EINTR; read the own state: RUNNING ends it, RUNNABLE
 * sleeps, anything else is EINVAL. With `timed`, an expired timer ends it with ETIMEDOUT as soon as the sleep
 * returns, without re-reading the state (W6). The worker marker is cleared meanwhile (no block detection).
 */
export function* sleepUntilRunning(me: number, timed: boolean): Routine<SleepResult> {
  const marker = yield* local(undefined, (s) => {
    const k = s.k[me]!;
    const m = k.marker;
    k.marker = false;
    return m;
  });
  const r = yield* loop(me, timed);
  yield* local(undefined, (s) => {
    const k = s.k[me]!;
    k.marker = marker;
    k.kstate = 0;
    if (r !== 'EINTR' || !s.world.params.signals.startsWith('exclude')) k.timer = 0;
  });
  return r;
}

function* loop(me: number, timed: boolean): Routine<SleepResult> {
  for (;;) {
    const seen = yield* atomic('sleep.loop', (s) => {
      const k = s.k[me]!;
      k.kstate = 1;
      if (k.sigpending > 0 && !k.sigblocked) return 'signal';
      const m = access(s, k.umcg);
      return m ? m.state & UMCG_TASK_MASK : 'fault';
    });
    if (seen === 'signal') return yield* end('sleep.signal', 'EINTR');
    if (seen === 'fault') return yield* end('sleep.fault', 'EFAULT');
    if (seen === UMCG_TASK_RUNNING) return yield* end('sleep.running', 0);
    if (seen !== UMCG_TASK_RUNNABLE) return yield* end('sleep.bad-state', 'EINVAL');
    if (timed && (yield* local(undefined, (s) => s.k[me]!.timer === 2)))
      return yield* end('sleep.timeout', 'ETIMEDOUT');
    yield* block();
    if (timed && (yield* local(undefined, (s) => s.k[me]!.timer === 2)))
      return yield* end('sleep.timeout', 'ETIMEDOUT');
  }
}

function* end<T extends SleepResult>(rule: Parameters<typeof local>[0], r: T): Routine<T> {
  yield* local(rule, () => undefined);
  return r;
}

/**
 * The timer of a timed wait fires (the environment's `expire` event): the task is woken and its sleep ends with
 * ETIMEDOUT. With no timed wait pending the timer already fired or was cancelled when the wait ended, so nothing
 * changes (`sleep.expire-none`).
 */
export function expireTimer(s: SpecState, me: number): void {
  const k = s.k[me]!;
  if (k.timer !== 1) {
    s.fired.add('sleep.expire-none');
    return;
  }
  k.timer = 2;
  ttwu(s, me);
}
