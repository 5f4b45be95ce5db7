export type { SpecState } from '../kernel/state.js';
export type { ExploreResult, Outcome, SpecConfig } from './api.js';
export { enabledActions } from './enabled.js';
export { explore } from './explore.js';
export { initialState } from './initial.js';
export { counters } from './interpreter.js';
export { observe } from './observe.js';
export { type StepOptions, step, stepFirst, whyNotEnabled } from './step.js';
