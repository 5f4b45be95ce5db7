/**
 * The bounded model checker (`pnpm spec check`): the user side as a model, the properties, exhaustive exploration.
 * @module
 */
export { type CheckResult, check, type Verdict } from './checker.js';
export { type CheckConfig, checkConfig, STANDARD_BOUND } from './config.js';
export { counterexample, counterexampleName, type TraceDocument } from './counterexample.js';
export { findProperty, PROPERTIES, type Property, type PropertyId } from './properties.js';
export { type CheckTable, computeTable, renderTable } from './table.js';
