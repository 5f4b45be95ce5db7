/**
 * `umcg_pin_pages` / `umcg_unpin_pages` ([PZ-v2] 5/5 umcg_pin_pages()): pin the page of self and of the server (RFC v1: and of
 * next), each of which must be an anonymous, mapped page; refuse with EBUSY while a previous pin is outstanding.
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Page } from '../memory.js';
import type { Pinned, Task } from '../task.js';
import { get32, put64 } from '../uaccess.js';
import { type KGen, STEP } from '../yield.js';
import { type Ret, SERVER_TID, ZERO0 } from './fields.js';

/** `pin_user_pages_fast` of one page + the `PageAnon` check. */
function pinOne(k: Kernel, addr: number): Page | undefined {
  const page = k.mem.page(addr);
  if (page === undefined || !page.mapped || page.kind !== 'anon') return undefined;
  page.pins++;
  return page;
}

/** Releases every page pinned for `t`. */
export function umcgUnpin(t: Task): void {
  const p = t.pinned;
  if (p === null) return;
  p.self.pins--;
  if (p.server !== undefined) p.server.pins--;
  if (p.next !== undefined) p.next.pins--;
  t.pinned = null;
}

/** Pins self and server; `nextTid` (RFC v1) also pins that task, leaving stale state behind when it fails. */
export function* umcgPinPages(k: Kernel, t: Task, nextTid = 0): KGen<Ret> {
  if (t.pinned !== null) return 'EBUSY';
  yield STEP;
  const self = pinOne(k, t.umcgTask);
  if (self === undefined) return 'EFAULT';
  const pin: Pinned = { self, server: undefined, next: undefined, serverTask: undefined };
  t.pinned = pin;
  if (k.p.pinWritesZero && !(yield* put64(k, t.umcgTask + ZERO0, 0))) return fail(t, 'EFAULT');
  const stid = yield* get32(k, t.umcgTask + SERVER_TID);
  if (stid === undefined) return fail(t, 'EFAULT');
  const server = k.umcgTask(stid, k.p.tidMask);
  if (server === undefined) return fail(t, 'ESRCH');
  yield STEP;
  pin.server = pinOne(k, server.umcgTask);
  if (pin.server === undefined) return fail(t, 'EFAULT');
  pin.serverTask = server;
  if (k.p.pinWritesZero && !(yield* put64(k, server.umcgTask + ZERO0, 0))) return fail(t, 'EFAULT');
  if (nextTid !== 0) {
    // RFC v1: the error path forgets to release what it pinned ([O-RFCv2] 3/5 umcg_pin_pages()): the state stays stale.
    const next = k.umcgTask(nextTid, k.p.tidMask);
    if (next === undefined) return 'ESRCH';
    yield STEP;
    pin.next = pinOne(k, next.umcgTask);
    if (pin.next === undefined) return 'EFAULT';
  }
  return 0;
}

function fail(t: Task, e: Ret): Ret {
  umcgUnpin(t);
  return e;
}
