/**
 * `traceArbitrary`: fast-check arbitraries of model-guided sequential traces (only actions the spec enables,
 * weighted toward deep states, swarm knobs per trace), which shrink to shorter, simpler, still valid traces.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import type fc from 'fast-check';
import type { Trace } from '../trace/types.js';
import { defaultEngine, type SpecEngine } from './engine.js';
import { type GeneratedTrace, interpretPlan } from './interpret.js';
import { type PlanOptions, planArbitrary } from './plan.js';

/** Options of the trace arbitraries. */
export interface TraceArbitraryOptions extends PlanOptions {
  /** The spec engine (default: `@umcg/spec`). */
  readonly engine?: SpecEngine;
  /** Profile the traces are generated and checked under (default `pz-v2`). */
  readonly profile?: ProfileId;
}

/** Generated traces with their plan-derived metadata (rules fired along the spec's canonical path). */
export function generatedTraceArbitrary(options: TraceArbitraryOptions = {}): fc.Arbitrary<GeneratedTrace> {
  const engine = options.engine ?? defaultEngine();
  const profile = options.profile ?? 'pz-v2';
  return planArbitrary(options).map((plan) => interpretPlan(engine, plan, profile));
}

/** Model-guided sequential traces of about 10-40 steps over 2-3 servers and 3-4 workers (mostly). */
export function traceArbitrary(options: TraceArbitraryOptions = {}): fc.Arbitrary<Trace> {
  return generatedTraceArbitrary(options).map((g) => g.trace);
}
