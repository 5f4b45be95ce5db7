export * from './constants.js';
export * from './errno.js';
export * from './layout.js';
export * from './syscalls.js';
