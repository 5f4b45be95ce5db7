/**
 * Choosing an executor: the addon when built (unless `UMCG_NATIVE_EXECUTOR=binary`), else the binary.
 * @module
 */
import { addonExecutor } from './addon.js';
import { binaryExecutor, findBinary } from './binary.js';
import { BUILD_HINT } from './paths.js';
import type { Executor } from './types.js';

/** Returns an executor, or throws with how to build one. */
export function openExecutor(env: NodeJS.ProcessEnv = process.env): Executor {
  const want = env.UMCG_NATIVE_EXECUTOR;
  if (want !== 'binary') {
    const a = addonExecutor();
    if (a !== undefined) return a;
    if (want === 'addon')
      throw new Error(`UMCG_NATIVE_EXECUTOR=addon but the addon is not built; run: ${BUILD_HINT}`);
  }
  const bin = findBinary(env);
  if (bin !== undefined) return binaryExecutor(bin);
  throw new Error(`no executor is built (neither the addon nor bin/umcg-exec); run: ${BUILD_HINT}`);
}

export { addonExecutor, loadAddon, type NativeAddon } from './addon.js';
export { binaryExecutor, findBinary, runBinary } from './binary.js';
export { ADDON_PATH, BUILD_HINT, CSRC_DIR, HOST_EXECUTOR, PACKAGE_DIR, STATIC_EXECUTOR } from './paths.js';
export type { Executor } from './types.js';
