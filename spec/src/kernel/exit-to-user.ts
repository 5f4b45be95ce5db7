/**
 * The way back to user mode: the return-to-user hook once, then a pending signal's handler and its
 * `rt_sigreturn`, which returns to user mode again (EXECUTION-MODEL.md; rules `signal.*`).
 * @module
 */
import type { CallName } from '../model/observation.js';
import { sysEnter, sysExit } from './hooks.js';
import { notifyResume } from './notify-resume.js';
import { fire, local, type Routine } from './thread.js';

/** Runs the exit-to-user work of task `me` until it is back in user mode (or asleep / killed on the way). */
export function* exitToUser(me: number): Routine<void> {
  for (;;) {
    yield* notifyResume(me);
    const handled = yield* local(undefined, (s) => {
      const k = s.k[me]!;
      if (k.sigpending === 0) return false;
      k.sigpending--;
      k.signals++;
      k.call = 'rt_sigreturn';
      return true;
    });
    if (!handled) return;
    yield* fire('signal.handler');
    // Follow-ups: signal context is unmanaged time, the worker hooks stay off for rt_sigreturn.
    if ((yield* local(undefined, (s) => s.world.params.signals)) === 'exclude') continue;
    yield* sysEnter(me);
    yield* sysExit(me);
  }
}

/** Enters the kernel for `call`, runs `body` between the optional worker hooks, returns to user mode. */
export function* syscallPath(
  me: number,
  call: CallName,
  hooked: boolean,
  body: () => Routine<string>,
): Routine<void> {
  yield* local(undefined, (s) => {
    const k = s.k[me]!;
    k.mode = 'kernel';
    k.call = call;
  });
  if (hooked) yield* sysEnter(me, call === 'fault');
  const ret = yield* body();
  if (hooked) yield* sysExit(me, call === 'fault');
  yield* exitToUser(me);
  yield* local(undefined, (s) => {
    const k = s.k[me]!;
    k.mode = 'user';
    k.call = '';
    // Back in user mode: the task may be interrupted again (at most once per stay in user mode).
    k.interrupted = false;
    if (call !== 'interrupt') k.result = { call, ret };
  });
}
