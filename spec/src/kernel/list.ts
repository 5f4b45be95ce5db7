/**
 * The kernel's push onto a server's runnable list ([PZ-v2] 5/5 umcg_enqueue_runnable(), rule `list.push`).
 * @module
 */
import { access } from './memory.js';
import { atomic, type Routine } from './thread.js';

/** Pushes the struct at `self` onto the list headed by the server struct at `server`: link first, then CAS. */
export function* push(self: number, server: number): Routine<0 | 'EFAULT'> {
  let head = yield* atomic('list.push', (s) => access(s, server)?.runnable_workers_ptr);
  for (;;) {
    if (head === undefined) return yield* pushFault();
    const linked = yield* atomic('list.push', (s) => {
      const m = access(s, self);
      if (!m) return false;
      m.runnable_workers_ptr = head!;
      return true;
    });
    if (!linked) return yield* pushFault();
    const seen = yield* atomic('list.push', (s) => {
      const m = access(s, server);
      if (!m) return undefined;
      if (m.runnable_workers_ptr !== head) return m.runnable_workers_ptr;
      m.runnable_workers_ptr = self;
      return -1;
    });
    if (seen === -1) return 0;
    head = seen;
  }
}

function* pushFault(): Routine<'EFAULT'> {
  yield* atomic('list.push-fault', () => undefined);
  return 'EFAULT';
}
