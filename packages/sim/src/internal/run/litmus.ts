/**
 * Running a litmus program (EXECUTION-MODEL.md "Litmus programs"): the prologue as ordinary steps, then every
 * task's list concurrently (a task starts its list once it is in user mode, each next action once the previous
 * one returned), interleaved at single user-memory accesses by the seeded scheduler.
 * @module
 */

import type { LitmusRun } from '@umcg/conformance';
import type { LitmusProgram } from '@umcg/spec/vocabulary';
import { Machine, type MachineConfig } from './machine.js';
import { observe, stamps } from './observe.js';

/** Runs `program` once under `seed`. */
export function runLitmus(cfg: MachineConfig, program: LitmusProgram, seed: number): LitmusRun {
  const m = new Machine(cfg, program.tasks, seed);
  const k = m.k;
  for (const [i, a] of program.prologue.entries()) {
    const obs = m.step(a);
    // A prologue outcome that kills the process is not part of the program (the spec's explorer drops it too).
    if (obs === 'ill-formed' || obs === 'livelock' || k.killed) {
      return {
        observation: observe(k, stamps(k), {}),
        status: 'unsupported',
        detail: `prologue step ${i + 1}: ${k.killed ? 'killed the process' : obs}; seed=${seed}`,
      };
    }
  }
  const before = stamps(k);
  m.results = {};
  m.litmus = true;
  if (!k.killed) {
    for (const t of k.tasks) {
      t.queue = [...(program.threads[t.name] ?? [])];
      const first = t.mode === 'user' && t.gen === null ? t.queue.shift() : undefined;
      if (first !== undefined) m.start(t, first);
    }
  }
  const ok = k.killed || m.settle();
  const observation = observe(k, before, m.results);
  return ok
    ? { observation, status: 'completed' }
    : { observation, status: 'timeout', detail: `livelock; seed=${seed}` };
}
