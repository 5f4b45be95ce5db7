/**
 * Optional ("spontaneous") interrupts (EXECUTION-MODEL.md): a registered task in user mode whose return-to-user
 * hook would act (not exactly RUNNING, not exactly RUNNABLE|COND_WAIT, or its struct unmapped) may take a tick
 * or IPI at any time; at most one is considered between two of its own actions. Whether it lands is drawn from
 * the seeded source.
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { COND_WAIT, RUNNABLE, RUNNING, TASK_MASK, TF_MASK } from '../umcg/fields.js';
import { raiseInterrupt } from '../user.js';
import type { Knobs } from './knobs.js';

/** Whether the hook would do something visible for `t`. */
export function hookWouldAct(k: Kernel, t: Task): boolean {
  const st = k.mem.read32(t.umcgTask);
  if (st === undefined) return true;
  const s = st & (TASK_MASK | TF_MASK);
  return s !== RUNNING && !(k.p.condWait && s === (RUNNABLE | COND_WAIT));
}

/** Draws the optional interrupts at a quiescent point; returns whether any landed. */
export function spontaneousInterrupts(k: Kernel, knobs: Knobs): boolean {
  let any = false;
  for (const t of k.tasks) {
    if (t.mode !== 'user' || t.gen !== null || !t.tifUmcg || t.spontaneous || !hookWouldAct(k, t)) continue;
    if (k.rng.below(256) >= knobs.interruptPer256) continue;
    t.spontaneous = true;
    raiseInterrupt(k, t);
    any = true;
  }
  return any;
}
