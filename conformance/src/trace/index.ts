/**
 * Trace format v1: types, text and JSON forms, litmus text form, expectations, content hash.
 * @module
 */
export * from './action.js';
export * from './errors.js';
export * from './expect.js';
export * from './features.js';
export * from './hash.js';
export * from './header.js';
export * from './json.js';
export * from './litmus.js';
export * from './load.js';
export * from './parse.js';
export * from './print.js';
export * from './requires.js';
export type * from './types.js';
export * from './value.js';
