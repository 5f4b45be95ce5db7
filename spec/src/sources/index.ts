export * from './catalogue.js';
export * from './source.js';
