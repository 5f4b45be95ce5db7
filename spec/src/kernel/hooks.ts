/**
 * The hooks of a worker's syscalls and exceptions ([PZ-v2] 5/5 the UMCG hooks, R1-R5; rules `hook.enter.*`, `hook.block.*`,
 * `hook.exit.*`).
 * @module
 */
import { UMCG_TASK_BLOCKED, UMCG_TASK_RUNNABLE, UMCG_TASK_RUNNING } from '../abi/constants.js';
import { wakeForImplicit } from './implicit.js';
import { push } from './list.js';
import { kill } from './memory.js';
import { pinPages, unpinPages } from './pin.js';
import { sleepUntilRunning } from './sleep.js';
import { atomic, fire, local, type Routine } from './thread.js';
import { updateState, wakeServer } from './update-state.js';

/** R1, `umcg_sys_enter`: a worker re-sets its marker and pins self and server; failure kills. */
export function* sysEnter(me: number, exception = false): Routine<void> {
  // Syscall work is on for every registered worker; an exception enters the hooks only while the worker marker
  // is set, so after the RFC v2 ERANGE bug a fault is not reported until the next syscall ([PZ-v2] 5/5 sys_umcg_wait() worker-timeout check).
  const worker = yield* local(undefined, (s) => (exception ? s.k[me]!.marker : s.k[me]!.worker));
  if (!worker) return;
  yield* local(undefined, (s) => {
    s.k[me]!.marker = true;
  });
  const r = yield* pinPages(me);
  if (r !== 0) yield* die('hook.enter.kill');
  else yield* fire('hook.enter.pin');
}

/** R2/R4, the pre-schedule hook: runs when a worker with its marker set is about to sleep. */
export function* preSchedule(me: number): Routine<void> {
  const [marker, pinned] = yield* local(undefined, (s) => [s.k[me]!.marker, s.k[me]!.pinned] as const);
  if (!marker) return;
  if (!pinned) {
    if (yield* local(undefined, (s) => s.world.params.unpinnedSleepKills))
      yield* die('hook.block.unpinned-kill');
    else yield* fire('hook.block.unpinned');
    return;
  }
  const self = yield* local(undefined, (s) => s.k[me]!.umcg);
  let r = yield* updateState(self, UMCG_TASK_RUNNING, UMCG_TASK_BLOCKED);
  if (r === 'EAGAIN' && (yield* local(undefined, (s) => s.world.params.blockFromRunnable))) {
    r = yield* updateState(self, UMCG_TASK_RUNNABLE, UMCG_TASK_BLOCKED);
    if (r === 0) yield* fire('hook.block.runnable');
  } else if (r === 0) yield* fire('hook.block.running');
  if (r !== 0) return yield* die('hook.block.kill');
  if ((yield* wakeForImplicit(me, 'block')) !== 0) return yield* die('hook.block.kill');
  yield* fire('hook.block.wake-server');
  yield* unpinPages(me);
}

/** R3/R5, `umcg_sys_exit`: unpin if the worker did not block, else the unblock sequence. */
export function* sysExit(me: number, exception = false): Routine<void> {
  const [worker, pinned] = yield* local(
    undefined,
    (s) => [exception ? s.k[me]!.marker : s.k[me]!.worker, s.k[me]!.pinned] as const,
  );
  if (!worker) return;
  if (pinned) {
    yield* fire('hook.exit.no-block');
    return yield* unpinPages(me);
  }
  yield* fire('hook.exit.unblock');
  yield* unblock(me, 'hook.exit.unblock-kill');
}

/**
 * The unblock sequence (R5, also the end of worker registration R0b): pin, BLOCKED→RUNNABLE, push onto the
 * server's list, wake the server, unpin, wait until RUNNING. Any failure kills the task.
 */
export function* unblock(me: number, killRule: Parameters<typeof die>[0]): Routine<void> {
  if ((yield* pinPages(me)) !== 0) return yield* die(killRule);
  const [self, server] = yield* local(undefined, (s) => [s.k[me]!.umcg, s.k[me]!.pinServerAddr] as const);
  if ((yield* updateState(self, UMCG_TASK_BLOCKED, UMCG_TASK_RUNNABLE)) !== 0) return yield* die(killRule);
  if ((yield* push(self, server)) !== 0) return yield* die(killRule);
  if ((yield* wakeServer(me)) !== 0) return yield* die(killRule);
  yield* unpinPages(me);
  const r = yield* sleepUntilRunning(me, false);
  if (r !== 0 && r !== 'EINTR') yield* die(killRule);
}

/** The kernel kills the process (force_sig(SIGKILL), [PZ-v2] 5/5 the SIGKILL (force_sig) paths). */
export function* die(rule: Parameters<typeof fire>[0]): Routine<void> {
  yield* atomic(rule, (s) => kill(s));
}
