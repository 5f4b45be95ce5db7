/**
 * Kernel entry and exit (`entry/common.c`): a syscall or exception runs the worker entry hook, its body, the exit
 * hook, then `exit_to_user_mode`: the return-to-user hook once, then a pending signal's (empty) handler and its
 * `rt_sigreturn`, which is an ordinary syscall for the hooks and returns to user mode again (EXECUTION-MODEL.md).
 * @module
 */
import type { CallName } from '@umcg/spec/vocabulary';
import type { Kernel } from './kernel.js';
import { schedule } from './sched.js';
import type { Task } from './task.js';
import { umcgSysEnter, umcgSysExit } from './umcg/entry-hooks.js';
import type { Ret } from './umcg/fields.js';
import { umcgNotifyResume } from './umcg/resume.js';
import { type KGen, STEP } from './yield.js';

/** `exit_to_user_mode_loop`. */
export function* exitToUser(k: Kernel, t: Task): KGen<void> {
  for (;;) {
    if (t.tifUmcg) yield* umcgNotifyResume(k, t);
    if (t.sigPending === 0) break;
    t.sigPending--;
    t.signals++;
    if (t.savedWait !== null) t.savedWait.delivered = true;
    t.entry = 'rt_sigreturn';
    const hooks = t.syscallWork && t.savedWait === null && !t.sigExcluded;
    if (hooks) yield* umcgSysEnter(k, t);
    yield STEP;
    if (hooks && t.syscallWork) yield* umcgSysExit(k, t);
    t.sigExcluded = false;
  }
  t.mode = 'user';
  t.irqPending = false;
}

/** A syscall (or, with `exception`, a user-mode exception) whose body returns 0 or an errno. */
export function* enterKernel(
  k: Kernel,
  t: Task,
  call: CallName,
  body: () => KGen<Ret>,
  exception = false,
): KGen<string> {
  t.mode = 'kernel';
  t.entry = call;
  t.retOverride = undefined;
  const umcgCall = call === 'umcg_wait' || call === 'umcg_ctl';
  const hooked = !umcgCall && (!exception || k.p.exceptionsHooked);
  // Syscalls run the hooks by the syscall-work flag; exceptions only for a task that carries the worker marker, so
  // after an ERANGE (marker lost) a fault is not reported until the next syscall ([PZ-v2] 5/5 sys_umcg_wait() worker-timeout check).
  const work = hooked && t.syscallWork && (!exception || t.pfWorker);
  if (work) yield* umcgSysEnter(k, t);
  const ret = yield* body();
  if (work && t.syscallWork) yield* umcgSysExit(k, t);
  yield* exitToUser(k, t);
  const out = t.retOverride ?? String(ret);
  t.retOverride = undefined;
  return out;
}

/** An interrupt (tick, IPI, signal) taken while `t` executes user code. */
export function* interrupt(k: Kernel, t: Task): KGen<void> {
  t.mode = 'kernel';
  t.entry = 'interrupt';
  yield* exitToUser(k, t);
}

/** The body of a blocking syscall (interruptible) or fault (uninterruptible): sleep until `complete`. */
export function* blockingBody(k: Kernel, t: Task, interruptible: boolean): KGen<Ret> {
  t.completed = false;
  t.blockingIn = true;
  let ret: Ret = 0;
  for (;;) {
    t.kstate = interruptible ? 'interruptible' : 'uninterruptible';
    if (t.completed) break;
    if (interruptible && t.sigPending > 0) {
      ret = 'EINTR';
      break;
    }
    yield* schedule(k, t);
  }
  t.kstate = 'running';
  t.blockingIn = false;
  t.completed = false;
  return ret;
}

/** `exit()` of the thread: entry hook, then `do_exit` (clears the worker marker first; no notification). */
export function* threadExit(k: Kernel, t: Task): KGen<void> {
  t.mode = 'kernel';
  t.entry = 'syscall';
  if (t.syscallWork) yield* umcgSysEnter(k, t);
  yield STEP;
  t.pfWorker = false;
  t.mode = 'exited';
}
