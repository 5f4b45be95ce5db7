/**
 * `@umcg/spec`: the executable reference specification of UMCG (User Managed Concurrency Groups): the vocabulary
 * (`@umcg/spec/vocabulary`), and the rules, invariants and engine that give it meaning.
 * @module
 */
export * from './engine/index.js';
export * from './invariants/index.js';
export * from './rules/index.js';
export * from './vocabulary.js';
