/**
 * What this package takes from `@umcg/kernel`: the boot runner, initramfs builder, console classifier and the
 * cached reference kernel (reused, never re-implemented). One import site, so a change there is one edit here.
 * @module
 */
export {
  type BootOptions,
  type BootResult,
  BUILD_COMMAND,
  bootGuest,
  buildInitramfs,
  type ConsoleFinding,
  type ConsoleFindingKind,
  type CoverageExclusion,
  cacheDir,
  classifyConsole,
  classifyLine,
  coverageExclusions,
  excludedLines,
  type GcovArtifacts,
  type HookSite,
  hookSites,
  type KernelArtifacts,
  type KernelFlavour,
  KernelNotBuiltError,
  kernelArtifacts,
  QEMU,
  UAPI_HEADER,
} from '@umcg/kernel';
