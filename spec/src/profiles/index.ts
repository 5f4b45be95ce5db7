export * from './catalogue.js';
export * from './params.js';
export * from './profile.js';
