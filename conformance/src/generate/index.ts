/**
 * Generation, shrinking and failure hunting: model-guided trace arbitraries over the spec, swarm knobs, the hunter
 * that runs generated traces on a target and shrinks failures while keeping the same violated rules, and the
 * local failure store.
 * @module
 */

export { checkRun, failureSignature } from './checkRun.js';
export type {
  CheckEngine,
  EngineConfig,
  EngineExploreResult,
  EngineOutcome,
  EngineState,
  KeyedState,
  SpecEngine,
} from './engine.js';
export { defaultEngine } from './engine.js';
export type { FlakyFailure, HuntFailure, HuntOptions, HuntReport } from './hunt.js';
export { huntTarget, runSeedOf } from './hunt.js';
export type { HuntLitmusOptions, HuntLitmusReport } from './huntLitmus.js';
export { huntLitmus } from './huntLitmus.js';
export type { GeneratedTrace } from './interpret.js';
export { actionWeights, interpretPlan, planTasks } from './interpret.js';
export type { ActionKind } from './kinds.js';
export { ACTION_KINDS, actionKind } from './kinds.js';
export type { Bias, Knobs } from './knobs.js';
export { DEFAULT_KNOBS, DEFAULT_WEIGHTS, describeKnobs, knobsArbitrary, withKindsOff } from './knobs.js';
export type { LitmusArbitraryOptions } from './litmusArbitrary.js';
export { litmusArbitrary } from './litmusArbitrary.js';
export type { Minimized } from './minimize.js';
export { minimizeTrace, validUnderSpec, withSteps } from './minimize.js';
export type { GenPlan, PlanOptions } from './plan.js';
export { planArbitrary } from './plan.js';
export type { TraceArbitraryOptions } from './traceArbitrary.js';
export { generatedTraceArbitrary, traceArbitrary } from './traceArbitrary.js';
