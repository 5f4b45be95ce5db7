import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_SCRIPT } from './paths.js';

/**
 * Which build of the reference kernel: `default`, or `coverage` (the same kernel with `CONFIG_GCOV_KERNEL` counting
 * the UMCG code and the files of its hook sites; `config/coverage.fragment`).
 */
export type KernelFlavour = 'default' | 'coverage';

/** What gcov needs next to a coverage kernel's counters. */
export interface GcovArtifacts {
  /** The `.gcno` files of the counted objects, at their object-tree paths. */
  readonly notesDir: string;
  /** The kernel tree the counted objects were compiled from (gcov finds the sources there). */
  readonly sourcesDir: string;
  /** The object tree the kernel was built in (the counters' debugfs paths start with it). */
  readonly objDir: string;
}

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
  /** Which build. */
  flavour: KernelFlavour;
  /** The coverage flavour's notes and sources. */
  gcov?: GcovArtifacts;
}

/** Thrown by {@link kernelArtifacts} when the kernel for the current inputs has not been built. */
export class KernelNotBuiltError extends Error {
  override name = 'KernelNotBuiltError';
}

/** The command that builds (or takes from the cache) the reference kernel. */
export const BUILD_COMMAND = 'pnpm --filter @umcg/kernel kernel:build';

/** The command that builds (or takes from the cache) a flavour of the reference kernel. */
export function buildCommand(flavour: KernelFlavour = 'default'): string {
  return flavour === 'default' ? BUILD_COMMAND : `${BUILD_COMMAND} --flavour ${flavour}`;
}

const flavourArgs = (flavour: KernelFlavour): string[] =>
  flavour === 'default' ? [] : ['--flavour', flavour];

/**
 * Locate the cached bzImage for the current inputs (sources, patches, config
 * fragment, build script, linux-source version). Does not build; throws
 * {@link KernelNotBuiltError} saying how to build when it is missing.
 */
export function kernelArtifacts(flavour: KernelFlavour = 'default'): KernelArtifacts {
  const r = spawnSync('bash', [BUILD_SCRIPT, '--query', ...flavourArgs(flavour)], { encoding: 'utf8' });
  const dir = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !dir || !existsSync(join(dir, 'bzImage'))) {
    const why =
      r.status === 3
        ? 'not built for the current inputs'
        : `query failed: ${r.stderr.trim() || r.error?.message}`;
    throw new KernelNotBuiltError(
      `UMCG reference kernel${flavour === 'default' ? '' : ` (${flavour} flavour)`} ${why} (cache ${dir || '?'}). Build it with: ${buildCommand(flavour)}`,
    );
  }
  const hash = dir.split('/').pop() ?? '';
  const artifacts: KernelArtifacts = {
    bzImage: join(dir, 'bzImage'),
    config: join(dir, 'config'),
    release: readFileSync(join(dir, 'release'), 'utf8').trim(),
    inputHash: hash,
    dir,
    flavour,
  };
  if (flavour === 'coverage') {
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as {
      objDir?: string;
      srcDir?: string;
    };
    artifacts.gcov = {
      notesDir: join(dir, 'gcov', 'obj'),
      // The notes name the sources by their path in the unpacked tree, which lives in the same cache.
      sourcesDir: meta.srcDir ?? join(dir, 'gcov', 'src'),
      objDir: meta.objDir ?? '',
    };
  }
  return artifacts;
}

/** Build the kernel (or take it from the cache), streaming the build log to stderr; returns the artifacts. */
export function buildKernel(flavour: KernelFlavour = 'default'): KernelArtifacts {
  const r = spawnSync('bash', [BUILD_SCRIPT, ...flavourArgs(flavour)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`kernel build failed (exit ${r.status}); see the log above`);
  return kernelArtifacts(flavour);
}
