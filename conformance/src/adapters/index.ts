/**
 * In-package adapters: the spec as a target, and the template newcomers copy.
 * @module
 */
export * from './spec.js';
export { templateAdapter } from './template.js';
