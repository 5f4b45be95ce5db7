/**
 * `umcg_enqueue_runnable` ([PZ-v2] 5/5 umcg_enqueue_runnable()): push the caller onto its server's runnable list with a CAS loop on the
 * list head in user memory; the link is the caller's own `runnable_workers_ptr`.
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { cmpxchg64, get64, put64 } from '../uaccess.js';
import type { KGen } from '../yield.js';
import { type Ret, RWP } from './fields.js';

/** Pushes `t` onto the list of the server cached by its pin. */
export function* umcgEnqueue(k: Kernel, t: Task): KGen<Ret> {
  const server = t.pinned?.serverTask;
  if (server === undefined) return 'EFAULT';
  const head = server.umcgTask + RWP;
  const self = t.umcgTask;
  const h0 = yield* get64(k, head);
  if (h0 === undefined) return 'EFAULT';
  let h: number = h0;
  for (;;) {
    if (!(yield* put64(k, self + RWP, h))) return 'EFAULT';
    if (k.m('push-not-atomic')) return (yield* put64(k, head, self)) ? 0 : 'EFAULT';
    const cur: number | undefined = yield* cmpxchg64(k, head, h, self);
    if (cur === undefined) return 'EFAULT';
    if (cur === h) return 0;
    h = cur;
  }
}
