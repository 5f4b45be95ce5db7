import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the `@umcg/kernel` package (the directory holding package.json). */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The kernel build script. */
export const BUILD_SCRIPT = join(PACKAGE_DIR, 'scripts/build-kernel.sh');

/** Directory of the C selftests (and their Makefile). */
export const SELFTESTS_DIR = join(PACKAGE_DIR, 'selftests');

/** The uapi header user space includes (`#include <linux/umcg.h>` with `-I` this directory's parent). */
export const UAPI_HEADER = join(PACKAGE_DIR, 'linux/include/uapi/linux/umcg.h');

/** Cache root: `$UMCG_CACHE_DIR`, else `~/.cache/umcg`. Never inside the repository. */
export function cacheDir(): string {
  return process.env.UMCG_CACHE_DIR || join(homedir(), '.cache/umcg');
}
