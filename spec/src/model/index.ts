export * from './action.js';
export * from './litmus.js';
export * from './observation.js';
export * from './render-words.js';
export * from './task.js';
export * from './value.js';
