/**
 * Where a generated trace stopped applying: generated traces are planned along one allowed path, and a target that
 * takes another allowed outcome may reach a state where a later planned step cannot be taken (its task is asleep
 * there, its timeout already fired). This finds the first such step after an observed prefix that conforms, with
 * the spec states consistent with that prefix, so the rest can be planned again from what the target did.
 * @module
 */
import { canonicalObservation, type StepObservation } from '@umcg/spec';
import type { Trace } from '../trace/types.js';
import type { CheckEngine, KeyedState } from './engine.js';

/** The step to re-plan from and the spec states consistent with the observations before it. */
export interface ReplanPoint<S> {
  /** 0-based index of the first step that no consistent state enables. */
  readonly step: number;
  /** The spec states consistent with the observations of steps `0 .. step-1` (never empty). */
  readonly states: readonly S[];
}

/**
 * The first step of `trace` that no spec state consistent with the observations before it enables; undefined when
 * every observed step conforms and the next one is enabled (or the process was killed), or when an observation
 * diverges (that is a failure, not a plan that stopped applying).
 */
export function replanPoint<S extends KeyedState>(
  engine: CheckEngine<S>,
  trace: Trace,
  observations: readonly StepObservation[],
  maxStates = 20_000,
): ReplanPoint<S> | undefined {
  let set: S[] = [engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks })];
  for (let j = 0; j < trace.steps.length; j++) {
    const action = trace.steps[j]!.action;
    if (set.every((s) => engine.observe(s).killed)) return undefined;
    const enabled = set.filter((s) => engine.whyNotEnabled(s, action) === undefined);
    if (enabled.length === 0) return { step: j, states: set };
    if (j >= observations.length) return undefined;
    const key = canonicalObservation(observations[j]!);
    const next = new Map<string, S>();
    // A killed process stays killed: its later steps observe nothing else.
    if (key === 'KILLED') for (const s of set) if (engine.observe(s).killed) next.set(s.key(), s);
    for (const s of enabled)
      for (const o of engine.step(s, action))
        if (canonicalObservation(o.observation) === key) next.set(o.state.key(), o.state);
    if (next.size === 0 || next.size > maxStates) return undefined;
    set = [...next.values()];
  }
  return undefined;
}
