/**
 * `@umcg/spec`: the executable reference specification of UMCG (User Managed Concurrency Groups).
 * @module
 */
export * from './abi/index.js';
export * from './engine/index.js';
export * from './invariants/index.js';
export * from './model/index.js';
export * from './profiles/index.js';
export * from './rules/index.js';
