import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_SCRIPT } from './paths.js';

/** The cached reference kernel built from the current inputs. */
export interface KernelArtifacts {
  /** Path of the bzImage. */
  bzImage: string;
  /** Path of the kernel .config used. */
  config: string;
  /** Kernel release string (e.g. `6.1.192`). */
  release: string;
  /** Hash of the build inputs (cache key). */
  inputHash: string;
  /** Directory holding the artifacts. */
  dir: string;
}

/** Thrown by {@link kernelArtifacts} when the kernel for the current inputs has not been built. */
export class KernelNotBuiltError extends Error {
  override name = 'KernelNotBuiltError';
}

/** The command that builds (or takes from the cache) the reference kernel. */
export const BUILD_COMMAND = 'pnpm --filter @umcg/kernel kernel:build';

/**
 * Locate the cached bzImage for the current inputs (sources, patches, config
 * fragment, build script, linux-source version). Does not build; throws
 * {@link KernelNotBuiltError} saying how to build when it is missing.
 */
export function kernelArtifacts(): KernelArtifacts {
  const r = spawnSync('bash', [BUILD_SCRIPT, '--query'], { encoding: 'utf8' });
  const dir = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !dir || !existsSync(join(dir, 'bzImage'))) {
    const why =
      r.status === 3
        ? 'not built for the current inputs'
        : `query failed: ${r.stderr.trim() || r.error?.message}`;
    throw new KernelNotBuiltError(
      `UMCG reference kernel ${why} (cache ${dir || '?'}). Build it with: ${BUILD_COMMAND}`,
    );
  }
  const hash = dir.split('/').pop() ?? '';
  return {
    bzImage: join(dir, 'bzImage'),
    config: join(dir, 'config'),
    release: readFileSync(join(dir, 'release'), 'utf8').trim(),
    inputHash: hash,
    dir,
  };
}

/** Build the kernel (or take it from the cache), streaming the build log to stderr; returns the artifacts. */
export function buildKernel(): KernelArtifacts {
  const r = spawnSync('bash', [BUILD_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kernel build failed (exit ${r.status}); see the log above`);
  return kernelArtifacts();
}
