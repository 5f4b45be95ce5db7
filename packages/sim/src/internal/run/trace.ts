/**
 * Running a whole trace: one observation per step; after SIGKILL every later step reports the dead process.
 * @module
 */
import type { StepObservation } from '@umcg/spec';
import type { Trace, TraceRun } from '../contracts.js';
import { renderKnobs } from './knobs.js';
import { Machine, type MachineConfig } from './machine.js';

/** Runs `trace` under `seed`. */
export function runTrace(cfg: MachineConfig, trace: Trace, seed: number): TraceRun {
  const m = new Machine(cfg, trace.header.tasks, seed);
  const observations: StepObservation[] = [];
  const replay = `seed=${seed} ${renderKnobs(cfg.knobs)}${cfg.mutant ? ` mutant=${cfg.mutant}` : ''}`;
  for (const [i, step] of trace.steps.entries()) {
    const obs = m.step(step.action);
    if (obs === 'ill-formed' || obs === 'livelock') {
      const why =
        obs === 'livelock'
          ? 'livelock (micro-step budget exhausted)'
          : `task ${taskName(step.action)} is not in user mode`;
      return {
        observations,
        status: obs === 'livelock' ? 'timeout' : 'crashed',
        detail: `step ${i + 1}: ${why}; ${replay}`,
      };
    }
    observations.push(obs);
  }
  return { observations, status: 'completed', detail: replay };
}

function taskName(a: { readonly task: string }): string {
  return a.task;
}
