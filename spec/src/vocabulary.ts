/**
 * `@umcg/spec/vocabulary`: the words every target shares with the spec, and nothing of its semantics: the ABI
 * (constants, struct layout, errnos, syscall numbers), the model (actions, observations, values, litmus programs,
 * the renderers of struct words) and the profiles. Targets (packages/*) import only this entry point; the rules,
 * the kernel micro-steps and the engine stay behind `@umcg/spec` for the conformance engine.
 * @module
 */
export * from './abi/index.js';
export * from './model/index.js';
export * from './profiles/index.js';
