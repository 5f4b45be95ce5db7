export * from './changesets.js';
export * from './check.js';
export * from './current.js';
export * from './lock.js';
