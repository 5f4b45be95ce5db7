/**
 * The top-level routine of every user action and of the interrupt path: what a task's thread runs when the trace
 * gives it a step (EXECUTION-MODEL.md).
 * @module
 */
import type { Field } from '../abi/layout.js';
import type { Timeout } from '../model/action.js';
import { sysUmcgCtl } from './ctl.js';
import { syscallPath } from './exit-to-user.js';
import { preSchedule, sysEnter } from './hooks.js';
import { sysUmcgKick } from './kick.js';
import { atomic, block, defineTop, fire, instantiate, local, type Routine } from './thread.js';
import { userCas, userStore, userTake } from './user-ops.js';
import { sysUmcgWait } from './wait.js';

defineTop('store', (me, target, field, value) =>
  userStore(me, target as number, field as Field, value as number),
);
defineTop('cas', (me, target, field, expect, value) =>
  userCas(me, target as number, field as Field, expect as number, value as number),
);
defineTop('take', (me, target) => userTake(me, target as number));
defineTop('ctl', (me, flags, self, clock) =>
  syscallPath(me, 'umcg_ctl', false, () => sysUmcgCtl(me, flags as number, self as number, clock as number)),
);
defineTop('wait', (me, flags, timeout) =>
  syscallPath(me, 'umcg_wait', false, () => sysUmcgWait(me, flags as number, timeout as Timeout)),
);
defineTop('kick', (me, flags, tid) =>
  syscallPath(me, 'umcg_kick', true, () => sysUmcgKick(me, flags as number, tid as number)),
);
defineTop('syscall', (me, blocking) =>
  syscallPath(me, 'syscall', true, () => blockingBody(me, blocking as boolean, 1)),
);
defineTop('fault', (me, blocking) => faultPath(me, blocking as boolean));
defineTop('interrupt', (me) => syscallPath(me, 'interrupt', false, nothing));
defineTop('interrupted-before', (me, name, ...args) => interruptedBefore(me, name as string, args));
defineTop('exit', (me) => exitThread(me));

/**
 * A user action whose task takes a spontaneous interrupt just before it (EXECUTION-MODEL.md): the hook runs first;
 * the action (routine `name` with `args`) starts once the task is back in user mode, which may be in a later step
 * when the hook put it to sleep.
 */
function* interruptedBefore(
  me: number,
  name: string,
  args: readonly (string | number | boolean)[],
): Routine<void> {
  yield* syscallPath(me, 'interrupt', false, nothing);
  yield* instantiate({ name, args }, me);
}

/** The body of an interrupt: nothing happens before the way back to user mode. */
function* nothing(): Routine<string> {
  return yield* local(undefined, () => '0');
}

function* faultPath(me: number, blocking: boolean): Routine<void> {
  const hooked = yield* local(undefined, (s) => s.world.params.exceptionsHooked);
  yield* syscallPath(me, 'fault', hooked, () => blockingBody(me, blocking, 2));
}

/**
 * A syscall or fault that sleeps until `complete` (interruptible: a signal ends it with EINTR; a fault sleeps
 * uninterruptibly). Every attempt to sleep passes through the pre-schedule hook (block detection).
 */
function* blockingBody(me: number, blocking: boolean, sleepState: 1 | 2): Routine<string> {
  if (!blocking) return '0';
  yield* local(undefined, (s) => {
    s.k[me]!.completion = 1;
  });
  for (;;) {
    const seen = yield* atomic(undefined, (s) => {
      const k = s.k[me]!;
      k.kstate = sleepState;
      if (k.completion === 2) return 'done';
      if (sleepState === 1 && k.sigpending > 0) return 'signal';
      return 'sleep';
    });
    if (seen !== 'sleep') {
      yield* local(undefined, (s) => {
        s.k[me]!.kstate = 0;
        s.k[me]!.completion = 0;
      });
      if (seen === 'signal') yield* fire('signal.syscall-eintr');
      return seen === 'done' ? '0' : 'EINTR';
    }
    yield* preSchedule(me);
    yield* block();
  }
}

/**
 * `exit`: an ordinary syscall, so a worker's entry hook pins first (a failed pin kills the process, [PZ-v2] 5/5 the SIGKILL (force_sig) paths); then
 * the thread is gone without any UMCG notification ([PZ-v2] 5/5 exit/fork/exec handling).
 */
function* exitThread(me: number): Routine<void> {
  yield* local(undefined, (s) => {
    s.k[me]!.mode = 'kernel';
    s.k[me]!.call = 'syscall';
  });
  yield* sysEnter(me);
  yield* atomic('task.exit', (s) => {
    const k = s.k[me]!;
    k.mode = 'exited';
    k.marker = false;
  });
}
