/**
 * What this package takes from `@umcg/kernel`: the boot runner, initramfs builder, console classifier and the
 * cached reference kernel (reused, never re-implemented). One import site, so a change there is one edit here.
 * @module
 */
export {
  BUILD_COMMAND,
  type BootOptions,
  type BootResult,
  type ConsoleFinding,
  type ConsoleFindingKind,
  type KernelArtifacts,
  KernelNotBuiltError,
  QEMU,
  bootGuest,
  buildInitramfs,
  cacheDir,
  classifyConsole,
  classifyLine,
  kernelArtifacts,
  UAPI_HEADER,
} from '@umcg/kernel';
