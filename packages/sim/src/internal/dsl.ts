/**
 * A tiny builder for actions in tests and benches (the engine's text format is not available yet).
 * @module
 */
import {
  type Action,
  type Field,
  num,
  tidOf,
  addrOf,
  garbage,
  type Timeout,
  type Value,
  UMCG_CTL_REGISTER,
  UMCG_CTL_UNREGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
  CLOCK_MONOTONIC,
} from '@umcg/spec';

export { num, tidOf, addrOf, garbage };

/** `store task target.field value`. */
export const store = (task: string, target: string, field: Field, value: Value): Action => ({ op: 'store', task, target, field, value });
/** `cas`. */
export const cas = (task: string, target: string, field: Field, expect: Value, value: Value): Action => ({
  op: 'cas',
  task,
  target,
  field,
  expect,
  value,
});
/** `take`. */
export const take = (task: string, target = task): Action => ({ op: 'take', task, target });
/** Server registration of `s` (stores server_tid = self, state RUNNING, then ctl). */
export const regServer = (s: string): Action[] => [
  store(s, s, 'server_tid', tidOf(s)),
  store(s, s, 'state', num(UMCG_TASK_RUNNING)),
  { op: 'ctl', task: s, flags: UMCG_CTL_REGISTER, self: { kind: 'own' }, clock: CLOCK_MONOTONIC },
];
/** Worker registration of `w` with server `s`. */
export const regWorker = (w: string, s: string): Action[] => [
  store(w, w, 'server_tid', tidOf(s)),
  store(w, w, 'state', num(UMCG_TASK_BLOCKED)),
  { op: 'ctl', task: w, flags: UMCG_CTL_REGISTER | UMCG_CTL_WORKER, self: { kind: 'own' }, clock: CLOCK_MONOTONIC },
];
/** Raw ctl. */
export const ctl = (task: string, flags: number, self: 'own' | 'null' | 'misaligned' = 'own', clock = CLOCK_MONOTONIC): Action => ({
  op: 'ctl',
  task,
  flags,
  self: { kind: self },
  clock,
});
/** Unregister (v2 form). */
export const unregister = (task: string, worker: boolean): Action =>
  ctl(task, UMCG_CTL_UNREGISTER | (worker ? UMCG_CTL_WORKER : 0));
/** `umcg_wait`. */
export const wait = (task: string, timeout: Timeout = 'none', flags = 0): Action => ({ op: 'wait', task, flags, timeout });
/** Store RUNNABLE|COND_WAIT into own state. */
export const condWait = (task: string): Action => store(task, task, 'state', num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT));
/** Set own next_tid. */
export const next = (task: string, v: Value): Action => store(task, task, 'next_tid', v);
/** A server switch to worker `w`: COND_WAIT, take, next=w, wait. */
export const switchTo = (s: string, w: string): Action[] => [condWait(s), take(s), next(s, tidOf(w)), wait(s)];
/** A worker yield. */
export const yieldW = (w: string): Action[] => [condWait(w), next(w, num(0)), wait(w)];
/** Preempt request: CAS RUNNING→RUNNING|PREEMPT then kick. */
export const preempt = (s: string, w: string): Action[] => [
  cas(s, w, 'state', num(UMCG_TASK_RUNNING), num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT)),
  { op: 'kick', task: s, flags: 0, tid: tidOf(w) },
];
/** An ordinary syscall. */
export const sys = (task: string, blocking = false): Action => ({ op: 'syscall', task, blocking });
/** A page fault. */
export const fault = (task: string, blocking = false): Action => ({ op: 'fault', task, blocking });
/** Kick. */
export const kick = (task: string, tid: Value, flags = 0): Action => ({ op: 'kick', task, flags, tid });
/** Events. */
export const complete = (task: string): Action => ({ op: 'complete', task });
export const signal = (task: string): Action => ({ op: 'signal', task });
export const expire = (task: string): Action => ({ op: 'expire', task });
export const unmap = (task: string): Action => ({ op: 'unmap', task });
export const exit = (task: string): Action => ({ op: 'exit', task });
