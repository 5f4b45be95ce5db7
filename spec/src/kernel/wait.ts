/**
 * `umcg_wait(flags, timeout)`: every error path in its order and the caller's state after each ([PZ-v2] 5/5 sys_umcg_wait(), [PZ-v2] 5/5 sys_umcg_wait() timeout,
 * R7, R8, R13-R15; rules `wait.*`). Profile parameters select the posted versions' differences.
 * @module
 */
import { UMCG_TASK_RUNNABLE, UMCG_TASK_RUNNING, UMCG_WAIT_ENQUEUE } from '../abi/constants.js';
import type { Timeout } from '../model/action.js';
import type { ProfileParams } from '../profiles/params.js';
import { push } from './list.js';
import { lookupUmcg } from './lookup.js';
import { access, pinnable } from './memory.js';
import { pinPages, unpinPages } from './pin.js';
import { sleepUntilRunning } from './sleep.js';
import { atomic, fire, local, type Routine } from './thread.js';
import { updateState, wakeServer } from './update-state.js';
import { type NextResult, wakeNext } from './wait-next.js';
import { isWorker } from './worker.js';

type Rule = Parameters<typeof fire>[0];

/** The body of `umcg_wait`; returns the rendered result. */
export function* sysUmcgWait(me: number, flags: number, timeout: Timeout): Routine<string> {
  const [p, self, worker] = yield* local(
    undefined,
    // Worker-ness is the worker marker, as in the posted code: after the RFC v2 ERANGE bug cleared it, the next
    // umcg_wait treats the worker as a server ([PZ-v2] 5/5 sys_umcg_wait()).
    (s) => [s.world.params, s.k[me]!.umcg, isWorker(s, me)] as const,
  );
  const enqueueFlag = (flags & UMCG_WAIT_ENQUEUE) !== 0 && p.enqueueFlag;
  if (self === 0 || (flags & ~(p.enqueueFlag ? UMCG_WAIT_ENQUEUE : 0)) !== 0)
    return yield* err('wait.einval', 'EINVAL');
  if (enqueueFlag && !worker) return yield* err('wait.enqueue-flag', 'EINVAL');
  if (worker && timeout !== 'none') {
    if (p.workerTimeout === 'erange') {
      yield* local(undefined, (s) => {
        if (p.erangeLosesMarker) {
          s.k[me]!.marker = false;
          s.fired.add('wait.worker-timeout.marker-lost');
        }
      });
      return yield* err('wait.worker-timeout', 'ERANGE');
    }
    if (p.workerTimeout === 'requeue' && enqueueFlag) return yield* err('wait.worker-timeout', 'EINVAL');
  }
  const pin = yield* pinPages(me);
  if (pin !== 0) return yield* fail(me, p, worker, 'wait.pin', pin, false);
  const early = yield* earlyNextChecks(me, p, worker);
  if (early !== undefined) return early;
  const entry = yield* updateState(
    self,
    p.waitEntryState === 'runnable' ? UMCG_TASK_RUNNABLE : UMCG_TASK_RUNNING,
    UMCG_TASK_RUNNABLE,
  );
  // Not RUNNABLE any more: a concurrent wakeup. The revert to RUNNING that follows is then a no-op.
  if (entry !== 0) return yield* fail(me, p, worker, 'wait.self-not-runnable', entry, true);
  yield* fire('wait.self-requeue');
  const enqueue = worker && (!p.enqueueFlag || enqueueFlag);
  const handoff =
    p.waitOrder === 'wake-next-first'
      ? yield* nextThenEnqueue(me, p, enqueue, worker)
      : yield* enqueueThenNext(me, p, enqueue, worker);
  if (handoff !== undefined) return handoff;
  yield* unpinPages(me);
  return yield* sleep(me, p, self, worker, timeout);
}

/** RFC v1 pins `next` (a bad one leaves a stale pin); the prototype refuses `next_tid == 0`. */
function* earlyNextChecks(me: number, p: ProfileParams, worker: boolean): Routine<string | undefined> {
  if (!p.pinNext && p.waitWithoutNext === 'idle') return undefined;
  const next = yield* atomic(undefined, (s) => access(s, s.k[me]!.umcg)?.next_tid ?? 0);
  if (p.waitWithoutNext === 'esrch' && next === 0) {
    yield* unpinPages(me);
    return yield* err('wait.no-next', 'ESRCH');
  }
  if (!p.pinNext || next === 0) return undefined;
  // RFC v1 pins next like self and server: no such task is ESRCH, an unpinnable struct EFAULT; either way before
  // the caller's own CAS, and the failed pin leaves stale pin state behind ([O-RFCv2] 3/5 umcg_pin_pages()).
  const found = yield* atomic(undefined, (s) => {
    const j = lookupUmcg(s, next);
    return j < 0 ? 'ESRCH' : pinnable(s, s.k[j]!.umcg) ? 0 : 'EFAULT';
  });
  // The error path reverts a server caller ([O-RFCv2] 3/5 sys_umcg_wait()) but leaves the stale pin: `fail` without unpinning.
  return found === 0 ? undefined : yield* fail(me, p, worker, 'pin.next', found, false);
}

/** RFC v2 order: wake `next_tid` first, then enqueue the worker caller and wake its server (R15). */
function* nextThenEnqueue(
  me: number,
  p: ProfileParams,
  enqueue: boolean,
  worker: boolean,
): Routine<string | undefined> {
  const n = yield* wakeNext(me);
  if (n !== 0 && n !== 'none') return yield* nextFailed(me, p, n, worker, enqueue, false);
  if (!enqueue) return undefined;
  if ((yield* enqueueSelf(me)) !== 0)
    return yield* fail(me, p, worker, 'wait.worker.enqueue', 'EFAULT', true);
  return undefined;
}

/** Prototype and RFC v1 order: enqueue the worker caller, then wake `next_tid` if set, else the server. */
function* enqueueThenNext(
  me: number,
  p: ProfileParams,
  enqueue: boolean,
  worker: boolean,
): Routine<string | undefined> {
  if (enqueue && (yield* pushSelf(me)) !== 0)
    return yield* fail(me, p, worker, 'wait.worker.enqueue', 'EFAULT', true);
  const n = yield* wakeNext(me);
  if (n === 'none') {
    if (worker && enqueue) yield* wakeServer(me);
    return undefined;
  }
  if (n !== 0) return yield* nextFailed(me, p, n, worker, worker, enqueue);
  return undefined;
}

/**
 * A failed wake of `next_tid`. With the seed e-mail's fallback a worker caller wakes its server instead
 * (enqueueing itself first if that has not happened yet).
 */
function* nextFailed(
  me: number,
  p: ProfileParams,
  n: Exclude<NextResult, 0 | 'none'>,
  worker: boolean,
  fallback: boolean,
  enqueued: boolean,
): Routine<string> {
  if (p.nextFailFallback === 'always' && fallback) {
    yield* fire('wait.next.fallback-server');
    if (enqueued) yield* wakeServer(me);
    else yield* enqueueSelf(me);
  }
  return yield* fail(me, p, worker, 'wait.next.failure', n, true);
}

function* pushSelf(me: number): Routine<0 | 'EFAULT'> {
  const [self, server] = yield* local(undefined, (s) => [s.k[me]!.umcg, s.k[me]!.pinServerAddr] as const);
  return yield* push(self, server);
}

function* enqueueSelf(me: number): Routine<0 | 'EFAULT'> {
  yield* fire('wait.worker.enqueue');
  if ((yield* pushSelf(me)) !== 0) return 'EFAULT';
  return yield* wakeServer(me);
}

/** Sleeps until RUNNING and maps how the sleep ended to the call's result (R6, [PZ-v2] 5/5 sys_umcg_wait() timeout). */
function* sleep(
  me: number,
  p: ProfileParams,
  self: number,
  worker: boolean,
  timeout: Timeout,
): Routine<string> {
  yield* local(undefined, (s) => {
    s.k[me]!.timer = timeout === 'none' ? 0 : timeout === 'past' ? 2 : 1;
  });
  let r = yield* sleepUntilRunning(me, timeout !== 'none');
  while (r === 'EINTR' && p.signals === 'exclude') {
    yield* handleSignalExcluded(me);
    r = yield* sleepUntilRunning(me, timeout !== 'none');
  }
  if (r === 0) return yield* err('wait.sleep', '0');
  if (r === 'EINTR') return yield* err('wait.signal', '0');
  if (r !== 'ETIMEDOUT') return yield* err('wait.bad-state', r);
  if (worker && p.workerTimeout === 'requeue') {
    yield* fire('wait.worker-timeout.requeue');
    if ((yield* pinPages(me)) === 0) {
      yield* enqueueSelf(me);
      yield* unpinPages(me);
    }
    yield* sleepUntilRunning(me, false);
    return 'ETIMEDOUT';
  }
  yield* updateState(self, UMCG_TASK_RUNNABLE, UMCG_TASK_RUNNING);
  return yield* err('wait.timeout', 'ETIMEDOUT');
}

/**
 * Follow-ups: the handler of a signal that interrupted the wait runs as unmanaged time (no UMCG hooks, the
 * timeout kept); then the task sleeps on, seen by the kernel in `rt_sigreturn` (SPEC.md#wait.signal [PZ-sig3]).
 */
function* handleSignalExcluded(me: number): Routine<void> {
  yield* local('signal.context-excluded', (s) => {
    const k = s.k[me]!;
    k.sigpending--;
    k.signals++;
    k.call = 'rt_sigreturn';
  });
}

/**
 * An error after the pin: unpin (if pinned) and revert the caller to RUNNING where the profile says so: every
 * caller in RFC v2, a server caller only in RFC v1 (`wait.error-revert`).
 */
function* fail(
  me: number,
  p: ProfileParams,
  worker: boolean,
  rule: Rule,
  e: string,
  pinned: boolean,
): Routine<string> {
  yield* fire(rule);
  if (pinned) yield* unpinPages(me);
  if (p.waitErrorRevert === 'revert' || (p.waitErrorRevert === 'server-only' && !worker)) {
    const self = yield* local(undefined, (s) => s.k[me]!.umcg);
    yield* updateState(self, UMCG_TASK_RUNNABLE, UMCG_TASK_RUNNING);
    yield* fire('wait.error-revert');
  }
  return e;
}

function* err(rule: Rule, e: string): Routine<string> {
  yield* fire(rule);
  return e;
}
