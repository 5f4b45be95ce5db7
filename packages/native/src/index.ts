/**
 * `@umcg/native`: the C executor (`csrc/`, the static `umcg-exec` and the N-API addon) and the `native` target,
 * which runs traces against the running kernel. `wire/` is shared with `@umcg/qemu`.
 * @module
 */
export {
  NATIVE_FEATURES,
  NATIVE_VERSION,
  native,
  native as default,
  openNative,
  profileFromArgs,
  syscallsFromArgs,
} from './adapter.js';
export {
  ADDON_PATH,
  addonExecutor,
  BUILD_HINT,
  binaryExecutor,
  CSRC_DIR,
  type Executor,
  findBinary,
  HOST_EXECUTOR,
  loadAddon,
  type NativeAddon,
  openExecutor,
  PACKAGE_DIR,
  runBinary,
  STATIC_EXECUTOR,
} from './exec/index.js';
export {
  DEFAULT_SYSCALLS,
  type NativeProbe,
  type NativeSyscalls,
  NO_UMCG_FIX,
  probeNative,
} from './probe.js';
export * from './wire/index.js';
