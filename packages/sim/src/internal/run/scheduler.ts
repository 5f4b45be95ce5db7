/**
 * The scheduler loop: repeatedly pick a CPU with queued threads and the thread it runs (both from the seeded
 * source), advance that thread by one micro-step, until nothing is runnable (quiescence) or the process is dead.
 * @module
 */
import type { CallResult } from '@umcg/spec/vocabulary';
import type { Cpu } from '../cpu.js';
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { KILLED, SLEEP } from '../yield.js';
import type { Knobs } from './knobs.js';
import { PCT_BUDGET, PctRound } from './pct.js';

/** Called when a thread's code finished (it is back in user mode or exited). May give it new code. */
export type OnDone = (t: Task, result: CallResult | undefined) => void;

/** Runs until quiescence. Returns false if the run exceeded `budget` micro-steps (a livelock). */
export function runToQuiescence(k: Kernel, knobs: Knobs, onDone: OnDone, budget = 100_000): boolean {
  const cpus = k.cpus;
  let pct =
    knobs.pctPer256 > 0 && k.rng.below(256) < knobs.pctPer256
      ? new PctRound(k.rng, knobs.pctDepth)
      : undefined;
  for (let steps = 0; !k.killed; steps++) {
    if (steps > budget) return false;
    if (steps > PCT_BUDGET) pct = undefined;
    let cpu: Cpu;
    if (pct !== undefined) {
      const at = pct.pick(cpus);
      if (at === undefined) return true;
      cpu = at.cpu;
      cpu.curr = at.index;
    } else {
      let weight = 0;
      for (const c of cpus) if (c.rq.length > 0) weight += c.speed;
      if (weight === 0) return true;
      let pick = k.rng.below(weight);
      cpu = cpus[0]!;
      for (const c of cpus) {
        if (c.rq.length === 0) continue;
        pick -= c.speed;
        if (pick < 0) {
          cpu = c;
          break;
        }
      }
      if (cpu.rq.length > 1 && k.rng.below(256) < knobs.switchPer256) cpu.curr = k.rng.below(cpu.rq.length);
    }
    if (cpu.curr >= cpu.rq.length) cpu.curr = 0;
    const t = cpu.rq[cpu.curr]!;
    k.cpuNow = cpu.id;
    t.cpu = cpu.id;
    pct?.stepped(steps, t);
    let r: IteratorResult<number, CallResult | undefined>;
    try {
      r = t.gen!.next();
    } catch (e) {
      if (e === KILLED) return true;
      throw e;
    }
    if (r.done === true) {
      t.gen = null;
      onDone(t, r.value);
      if (t.gen === null) {
        cpu.dequeue(t);
        t.onRq = false;
      }
    } else if (r.value === SLEEP) {
      cpu.dequeue(t);
      t.onRq = false;
    }
  }
  return true;
}
