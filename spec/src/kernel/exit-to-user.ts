/**
 * The way back to user mode: the return-to-user hook once, then a pending signal's handler (which an interrupt may
 * suspend in the hook) and its `rt_sigreturn`, which returns to user mode again (EXECUTION-MODEL.md; rules
 * `signal.*`).
 * @module
 */
import type { CallName } from '../model/observation.js';
import { sysEnter, sysExit } from './hooks.js';
import { notifyResume, resumeAction } from './notify-resume.js';
import { atomic, choose, fire, local, type Routine } from './thread.js';

/** Runs the exit-to-user work of task `me` until it is back in user mode (or asleep / killed on the way). */
export function* exitToUser(me: number): Routine<void> {
  for (;;) {
    yield* notifyResume(me);
    const handled = yield* local(undefined, (s) => {
      const k = s.k[me]!;
      if (k.sigpending === 0) return false;
      k.sigpending--;
      k.call = 'rt_sigreturn';
      return true;
    });
    if (!handled) return;
    yield* runHandler(me);
    // Follow-ups: signal context is unmanaged time, the worker hooks stay off for rt_sigreturn.
    if ((yield* local(undefined, (s) => s.world.params.signals)) === 'exclude') continue;
    yield* sysEnter(me);
    yield* sysExit(me);
  }
}

/**
 * The handler (`signal.handler`; its run is the task's `signals` count). `signal.handler-interrupt` ([PZ-sig2]):
 * it is user code, so an interrupt may land in it, at its very entry (before it counted) or later (a scheduling
 * choice, like every spontaneous interrupt; pick 1 or 2).
 */
function* runHandler(me: number): Routine<void> {
  yield* fire('signal.handler');
  const managed = yield* local(undefined, (s) => s.k[me]!.umcg !== 0 && s.world.params.signals === 'resume');
  const pick = managed ? yield* choose(3) : 0;
  if (pick === 1) yield* interruptInHandler(me);
  yield* local(undefined, (s) => {
    s.k[me]!.signals++;
  });
  if (pick === 2) yield* interruptInHandler(me);
}

/**
 * An interrupt in a handler: its return to user mode runs the hook, which for a task that is not RUNNING acts as
 * anywhere else (waits, preempts, kills); while it waits the handler's own signal is blocked, so only RUNNING ends
 * the wait. Where the hook lets the task pass, the interrupt is invisible.
 */
function* interruptInHandler(me: number): Routine<void> {
  if ((yield* atomic(undefined, (s) => resumeAction(s, me))) === 'pass') return;
  yield* local('signal.handler-interrupt', (s) => {
    const k = s.k[me]!;
    k.sigblocked = true;
    k.call = 'interrupt';
  });
  yield* notifyResume(me);
  yield* local(undefined, (s) => {
    const k = s.k[me]!;
    k.sigblocked = false;
    k.call = 'rt_sigreturn';
  });
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
