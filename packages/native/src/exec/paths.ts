/**
 * Where the native package's build products live.
 * @module
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (`packages/native`), from `src/exec/` or `dist/src/exec/`. */
export const PACKAGE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  import.meta.url.includes('/dist/') ? '../../..' : '../..',
);

/** The C sources. */
export const CSRC_DIR = resolve(PACKAGE_DIR, 'csrc');

/** The static executor built by `make -C csrc static` (for QEMU guests). */
export const STATIC_EXECUTOR = resolve(PACKAGE_DIR, 'bin/umcg-exec');

/** The dynamically linked host executor built by `make -C csrc`. */
export const HOST_EXECUTOR = resolve(PACKAGE_DIR, 'bin/umcg-exec-dyn');

/** The N-API addon built by `node-gyp` (`pnpm --filter @umcg/native run build:addon`). */
export const ADDON_PATH = resolve(PACKAGE_DIR, 'build/Release/umcg_native.node');

/** How to build everything, for messages. */
export const BUILD_HINT =
  'pnpm --filter @umcg/native run build (make -C packages/native/csrc, then node-gyp for the addon)';
