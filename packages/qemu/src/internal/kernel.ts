/**
 * The boot runner, initramfs builder and console classifier of `@umcg/kernel`, reused (never re-implemented).
 * Until that package exports them from its entry point they are re-exported from their source files.
 * @module
 */
export { buildInitramfs, DEFAULT_BUSYBOX } from '../../../kernel/src/boot/initramfs.js';
export type { InitramfsOptions } from '../../../kernel/src/boot/initramfs.js';
export { bootGuest, QEMU } from '../../../kernel/src/boot/qemu.js';
export type { BootOptions, BootResult } from '../../../kernel/src/boot/qemu.js';
export { classifyConsole, classifyLine } from '../../../kernel/src/boot/console.js';
export type { ConsoleFinding, ConsoleFindingKind } from '../../../kernel/src/boot/console.js';
export { decideVerdict } from '../../../kernel/src/boot/verdict.js';
export type { Verdict as BootVerdict } from '../../../kernel/src/boot/verdict.js';
