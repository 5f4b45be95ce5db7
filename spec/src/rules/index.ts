export * from './catalogue.js';
export * from './rule.js';
