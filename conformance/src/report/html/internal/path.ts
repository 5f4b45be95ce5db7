/**
 * Observation paths for drawing a failure when only the verdict is at hand (run reports): the spec's canonical
 * path for the steps before the divergence, the observation before it (when the checker recorded it), then the
 * observed and the closest allowed observation at the diverging step.
 * @internal
 * @module
 */
import type { StepObservation } from '@umcg/spec';
import type { Divergence } from '../../../check/types.js';
import type { EngineState, SpecEngine } from '../../../generate/engine.js';
import type { Trace } from '../../../trace/types.js';
import { closest } from './diff.js';

/** The spec's canonical observations of the first `n` steps (fewer if a step is not enabled). */
export function canonicalPath(engine: SpecEngine, trace: Trace, n: number): StepObservation[] {
  let st: EngineState = engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks });
  const out: StepObservation[] = [];
  for (const { action } of trace.steps.slice(0, n)) {
    if (engine.whyNotEnabled(st, action) !== undefined) break;
    const o = engine.stepFirst(st, action);
    out.push(o.observation);
    st = o.state;
  }
  return out;
}

/** Observed and expected paths up to and including the diverging step. */
export function failurePaths(
  engine: SpecEngine,
  trace: Trace,
  f: Divergence,
): { observed: StepObservation[]; expected: StepObservation[] } {
  const prefix = canonicalPath(engine, trace, f.step);
  if (f.previous !== undefined && prefix.length > 0) prefix[prefix.length - 1] = f.previous;
  const near = f.closest ?? closest(f.allowed, f.observed);
  return { observed: [...prefix, f.observed], expected: near ? [...prefix, near] : prefix };
}
