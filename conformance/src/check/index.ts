/**
 * The checker: verdicts, the exact observed-vs-allowed check, transition logs and explanations.
 * @module
 */
export * from './checkTrace.js';
export * from './diff.js';
export * from './engine.js';
export * from './explain.js';
export type * from './types.js';
