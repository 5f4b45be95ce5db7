/**
 * Environment events (EXECUTION-MODEL.md "Steps"): completion of a blocking call, a non-fatal signal, expiry of
 * a wait's hrtimer, unmapping of a task's struct page.
 * @module
 */
import type { EnvEvent } from '@umcg/spec/vocabulary';
import type { Kernel } from '../kernel.js';
import { raiseInterrupt } from '../user.js';
import { taskOf } from '../values.js';

/**
 * Applies an event; the scheduler then runs whatever it made runnable. `queue`: signals are queued (RT-signal
 * semantics) instead of coalescing with one already pending (SIGUSR1, the default).
 */
export function applyEvent(k: Kernel, e: EnvEvent, queue = false): void {
  const t = taskOf(k, e.task);
  switch (e.op) {
    case 'complete':
      if (!t.blockingIn) return;
      t.completed = true;
      k.ttwu(t, false);
      return;
    case 'signal':
      if (t.mode === 'exited') return;
      t.sigPending = queue ? t.sigPending + 1 : 1;
      if (t.mode === 'user') raiseInterrupt(k, t);
      else k.ttwu(t, false, true);
      return;
    case 'expire':
      if (t.timer === null || t.timer.fired) return;
      t.timer.fired = true;
      k.ttwu(t, false);
      return;
    case 'unmap': {
      const page = k.mem.page(t.addr);
      if (page !== undefined) page.mapped = false;
      return;
    }
  }
}
