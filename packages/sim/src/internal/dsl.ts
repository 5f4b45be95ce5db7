/**
 * A tiny builder of trace actions, used by the mutant witnesses, the tests and the bench (the engine's text
 * format is not available to this package yet).
 * @module
 */
import {
  addrOf,
  CLOCK_MONOTONIC,
  type EnvEvent,
  type Field,
  garbage,
  num,
  type Timeout,
  tidOf,
  UMCG_CTL_REGISTER,
  UMCG_CTL_UNREGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
  type UserAction,
  type Value,
} from '@umcg/spec/vocabulary';

export { addrOf, garbage, num, tidOf };

/** `store task target.field value`. */
export const store = (task: string, target: string, field: Field, value: Value): UserAction => ({
  op: 'store',
  task,
  target,
  field,
  value,
});
/** `cas`. */
export const cas = (task: string, target: string, field: Field, expect: Value, value: Value): UserAction => ({
  op: 'cas',
  task,
  target,
  field,
  expect,
  value,
});
/** `take`. */
export const take = (task: string, target = task): UserAction => ({ op: 'take', task, target });
/** Server registration of `s` (stores server_tid = self, state RUNNING, then ctl). */
export const regServer = (s: string): UserAction[] => [
  store(s, s, 'server_tid', tidOf(s)),
  store(s, s, 'state', num(UMCG_TASK_RUNNING)),
  { op: 'ctl', task: s, flags: UMCG_CTL_REGISTER, self: { kind: 'own' }, clock: CLOCK_MONOTONIC },
];
/** Worker registration of `w` with server `s`. */
export const regWorker = (w: string, s: string): UserAction[] => [
  store(w, w, 'server_tid', tidOf(s)),
  store(w, w, 'state', num(UMCG_TASK_BLOCKED)),
  {
    op: 'ctl',
    task: w,
    flags: UMCG_CTL_REGISTER | UMCG_CTL_WORKER,
    self: { kind: 'own' },
    clock: CLOCK_MONOTONIC,
  },
];
/** Raw ctl. */
export const ctl = (
  task: string,
  flags: number,
  self: 'own' | 'null' | 'misaligned' = 'own',
  clock = CLOCK_MONOTONIC,
): UserAction => ({
  op: 'ctl',
  task,
  flags,
  self: { kind: self },
  clock,
});
/** Unregister (v2 form). */
export const unregister = (task: string, worker: boolean): UserAction =>
  ctl(task, UMCG_CTL_UNREGISTER | (worker ? UMCG_CTL_WORKER : 0));
/** `umcg_wait`. */
export const wait = (task: string, timeout: Timeout = 'none', flags = 0): UserAction => ({
  op: 'wait',
  task,
  flags,
  timeout,
});
/** Store RUNNABLE|COND_WAIT into own state. */
export const condWait = (task: string): UserAction =>
  store(task, task, 'state', num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT));
/** Set own next_tid. */
export const next = (task: string, v: Value): UserAction => store(task, task, 'next_tid', v);
/** A server switch to worker `w`: COND_WAIT, take, next=w, wait. */
export const switchTo = (s: string, w: string): UserAction[] => [
  condWait(s),
  take(s),
  next(s, tidOf(w)),
  wait(s),
];
/** A worker yield. */
export const yieldW = (w: string): UserAction[] => [condWait(w), next(w, num(0)), wait(w)];
/** Preempt request: CAS RUNNING→RUNNING|PREEMPT then kick. */
export const preempt = (s: string, w: string): UserAction[] => [
  cas(s, w, 'state', num(UMCG_TASK_RUNNING), num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT)),
  { op: 'kick', task: s, flags: 0, tid: tidOf(w) },
];
/** An ordinary syscall. */
export const sys = (task: string, blocking = false): UserAction => ({ op: 'syscall', task, blocking });
/** A page fault. */
export const fault = (task: string, blocking = false): UserAction => ({ op: 'fault', task, blocking });
/** Kick. */
export const kick = (task: string, tid: Value, flags = 0): UserAction => ({ op: 'kick', task, flags, tid });
/** `complete T`. */
export const complete = (task: string): EnvEvent => ({ op: 'complete', task });
/** `signal T`. */
export const signal = (task: string): EnvEvent => ({ op: 'signal', task });
/** `expire T`. */
export const expire = (task: string): EnvEvent => ({ op: 'expire', task });
/** `unmap T`. */
export const unmap = (task: string): EnvEvent => ({ op: 'unmap', task });
/** `exit` of the thread. */
export const exit = (task: string): UserAction => ({ op: 'exit', task });
