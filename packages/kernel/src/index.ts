/**
 * @umcg/kernel: the project's reference UMCG implementation for Linux 6.1
 * (kernel sources, hook patch, config fragment and build script live next to
 * this code), its selftests, and a reusable QEMU boot runner.
 */
export {
  BUILD_COMMAND,
  buildCommand,
  buildKernel,
  type GcovArtifacts,
  type KernelArtifacts,
  type KernelFlavour,
  KernelNotBuiltError,
  kernelArtifacts,
} from './artifacts.js';
export {
  CONSOLE_PATTERNS,
  type ConsoleFinding,
  type ConsoleFindingKind,
  classifyConsole,
  classifyLine,
} from './boot/console.js';
export { buildInitramfs, DEFAULT_BUSYBOX, type InitramfsOptions } from './boot/initramfs.js';
export { type BootOptions, type BootResult, bootGuest, QEMU } from './boot/qemu.js';
export { parseTap, type TapReport, type TapResult } from './boot/tap.js';
export { decideVerdict, type Verdict } from './boot/verdict.js';
export {
  type CoverageExclusion,
  coverageExclusions,
  EXCLUSIONS_FILE,
  excludedLines,
  parseExclusions,
} from './coverageExclusions.js';
export {
  type BenchFigures,
  type GuestProgram,
  guestInit,
  parseBench,
  type RunInGuestOptions,
  runBenchInGuest,
  runInGuest,
  runSelftestsInGuest,
  type SelftestOptions,
} from './guest.js';
export { addedLines, type HookSite, hookSites } from './hookSites.js';
export { BUILD_SCRIPT, cacheDir, PACKAGE_DIR, SELFTESTS_DIR, UAPI_HEADER } from './paths.js';
export { BENCH_PROGRAM, buildSelftests, SELFTESTS } from './selftests.js';
