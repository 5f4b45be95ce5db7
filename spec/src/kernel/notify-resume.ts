/**
 * R9/R11/R12: the return-to-user hook of every registered task ([PZ-v2] 5/5, [PZ-v2] 5/5 the UMCG hooks; rules `hook.resume.*`).
 * @module
 */
import {
  UMCG_TASK_MASK,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_MASK,
  UMCG_TF_PREEMPT,
} from '../abi/constants.js';
import { die } from './hooks.js';
import { wakeForImplicit } from './implicit.js';
import { push } from './list.js';
import { access } from './memory.js';
import { pinPages, unpinPages } from './pin.js';
import { sleepUntilRunning } from './sleep.js';
import type { SpecState } from './state.js';
import { atomic, fire, local, type Routine } from './thread.js';
import { updateState } from './update-state.js';

/** What the hook would do for task `me` given its state word (undefined: not registered or unreadable). */
export function resumeAction(s: SpecState, me: number): 'pass' | 'preempt' | 'kill' | 'wait' {
  const k = s.k[me]!;
  if (k.umcg === 0) return 'pass';
  const m = access(s, k.umcg);
  if (!m) return 'kill';
  const st = m.state & (UMCG_TASK_MASK | UMCG_TF_MASK);
  if (st === UMCG_TASK_RUNNING) return 'pass';
  if (s.world.params.condWait && st === (UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT)) return 'pass';
  if (st & UMCG_TF_PREEMPT) return (st & UMCG_TASK_MASK) === UMCG_TASK_RUNNING ? 'preempt' : 'kill';
  const base = st & UMCG_TASK_MASK;
  // RUNNING with an unknown TF bit waits too, but the wait is satisfied at once (SPEC.md#state.update.from-mismatch).
  return base === UMCG_TASK_RUNNING ? 'pass' : base === UMCG_TASK_RUNNABLE ? 'wait' : 'wait';
}

/** `umcg_notify_resume`, run once per return to user mode. */
export function* notifyResume(me: number): Routine<void> {
  const action = yield* atomic(undefined, (s) => resumeAction(s, me));
  if (action === 'pass') return yield* fire('hook.resume.pass');
  if (action === 'kill') return yield* die('hook.resume.kill');
  if (action === 'preempt' && !(yield* preempt(me))) return;
  const r = yield* sleepUntilRunning(me, false);
  if (r === 0 || r === 'EINTR') return yield* fire('hook.resume.wait');
  yield* die('hook.resume.kill');
}

/** R9: a RUNNING|PREEMPT task becomes RUNNABLE, is pushed and its server woken; false when it got killed. */
function* preempt(me: number): Routine<boolean> {
  yield* fire('hook.resume.preempt');
  if ((yield* pinPages(me)) !== 0) {
    yield* die('hook.resume.kill');
    return false;
  }
  const [self, server] = yield* local(undefined, (s) => [s.k[me]!.umcg, s.k[me]!.pinServerAddr] as const);
  const ok =
    (yield* updateState(self, UMCG_TASK_RUNNING, UMCG_TASK_RUNNABLE)) === 0 &&
    (yield* push(self, server)) === 0 &&
    (yield* wakeForImplicit(me, 'preempt')) === 0;
  if (!ok) {
    yield* die('hook.resume.kill');
    return false;
  }
  yield* unpinPages(me);
  return true;
}
