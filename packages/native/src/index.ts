/**
 * `@umcg/native`: the C executor (`csrc/`, the static `umcg-exec` and the N-API addon) and the `native` target,
 * which runs traces against the running kernel. `wire/` is shared with `@umcg/qemu`.
 * @module
 */
export { NATIVE_FEATURES, NATIVE_VERSION, native, openNative, syscallsFromArgs } from './adapter.js';
export {
  ADDON_PATH,
  BUILD_HINT,
  CSRC_DIR,
  type Executor,
  HOST_EXECUTOR,
  type NativeAddon,
  PACKAGE_DIR,
  STATIC_EXECUTOR,
  addonExecutor,
  binaryExecutor,
  findBinary,
  loadAddon,
  openExecutor,
  runBinary,
} from './exec/index.js';
export { DEFAULT_SYSCALLS, NO_UMCG_FIX, type NativeProbe, type NativeSyscalls, probeNative } from './probe.js';
export * from './wire/index.js';
export { native as default } from './adapter.js';
