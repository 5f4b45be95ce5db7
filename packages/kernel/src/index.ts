/**
 * @umcg/kernel: the project's reference UMCG implementation for Linux 6.1
 * (kernel sources, hook patch, config fragment and build script live next to
 * this code), its selftests, and a reusable QEMU boot runner.
 */
export { BUILD_COMMAND, type KernelArtifacts, KernelNotBuiltError, buildKernel, kernelArtifacts } from './artifacts.js';
export { CONSOLE_PATTERNS, type ConsoleFinding, type ConsoleFindingKind, classifyConsole, classifyLine } from './boot/console.js';
export { DEFAULT_BUSYBOX, type InitramfsOptions, buildInitramfs } from './boot/initramfs.js';
export { type BootOptions, type BootResult, QEMU, bootGuest } from './boot/qemu.js';
export { type TapReport, type TapResult, parseTap } from './boot/tap.js';
export { type Verdict, decideVerdict } from './boot/verdict.js';
export {
  type BenchFigures,
  type GuestProgram,
  type RunInGuestOptions,
  type SelftestOptions,
  guestInit,
  parseBench,
  runBenchInGuest,
  runInGuest,
  runSelftestsInGuest,
} from './guest.js';
export { BUILD_SCRIPT, PACKAGE_DIR, SELFTESTS_DIR, UAPI_HEADER, cacheDir } from './paths.js';
export { BENCH_PROGRAM, SELFTESTS, buildSelftests } from './selftests.js';
