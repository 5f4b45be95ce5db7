/**
 * Running a whole trace: one observation per step; after SIGKILL every later step reports the dead process.
 * @module
 */

import type { Trace, TraceRun } from '@umcg/conformance';
import type { StepObservation } from '@umcg/spec/vocabulary';
import { renderKnobs } from './knobs.js';
import { Machine, type MachineConfig } from './machine.js';

/**
 * Runs `trace` under `seed`; stops before the next step once `signal` (`RunOptions.signal`) is aborted. A trace whose steps carry expected outcomes is a hand-written scenario that assumes no
 * optional interrupt lands, so those are switched off for it (generated traces get them).
 */
export function runTrace(config: MachineConfig, trace: Trace, seed: number, signal?: AbortSignal): TraceRun {
  const annotated = trace.steps.some((s) => (s.expect?.length ?? 0) > 0 || (s.oneOf?.length ?? 0) > 0);
  const cfg = annotated ? { ...config, knobs: { ...config.knobs, interruptPer256: 0 } } : config;
  const m = new Machine(cfg, trace.header.tasks, seed);
  const observations: StepObservation[] = [];
  const replay = `seed=${seed} ${renderKnobs(cfg.knobs)}${cfg.mutant ? ` mutant=${cfg.mutant}` : ''}`;
  for (const [i, step] of trace.steps.entries()) {
    if (signal?.aborted)
      return { observations, status: 'timeout', detail: `aborted before step ${i + 1}; ${replay}` };
    const obs = m.step(step.action);
    if (obs === 'ill-formed' || obs === 'livelock') {
      const why =
        obs === 'livelock'
          ? 'livelock (micro-step budget exhausted)'
          : `task ${taskName(step.action)} is not in user mode`;
      return {
        observations,
        status: obs === 'livelock' ? 'timeout' : 'unsupported',
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
