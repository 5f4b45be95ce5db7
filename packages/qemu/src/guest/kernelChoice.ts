/**
 * Which kernel a guest boots: a `--kernel <bzImage>` the user brings (with an optional `.config` for the
 * provenance hash), else the reference kernel from `@umcg/kernel`'s build cache.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { type GcovArtifacts, type KernelFlavour, kernelArtifacts } from '../internal/kernel.js';
import { bzImageRelease } from './bzImage.js';

/** The kernel chosen, with what provenance needs. */
export interface KernelChoice {
  /** bzImage path. */
  readonly bzImage: string;
  /** Kernel release (from the build cache or the bzImage header). */
  readonly release: string;
  /** First 16 hex digits of the sha256 of the `.config`, or `unknown`. */
  readonly configHash: string;
  /** `reference` (the cached build) or `user` (`--kernel`). */
  readonly source: 'reference' | 'user';
  /** Input hash of the reference build (cache key), when `reference`. */
  readonly inputHash?: string;
  /** The coverage flavour's notes and sources, when that flavour was chosen. */
  readonly gcov?: GcovArtifacts;
}

const hashFile = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);

/**
 * Resolves the kernel; throws (with the build command) when the reference kernel is not built. The `coverage`
 * flavour exists only for the reference kernel: a `kernel=` of the user's has no notes for gcov.
 */
export function chooseKernel(
  explicit?: string,
  config?: string,
  flavour: KernelFlavour = 'default',
): KernelChoice {
  if (explicit !== undefined && flavour === 'coverage')
    throw new Error(
      `--coverage counts the reference kernel's coverage flavour; a kernel= bzImage (${explicit}) carries no gcov notes`,
    );
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new Error(`--target-args kernel=${explicit}: no such file`);
    if (config !== undefined && !existsSync(config))
      throw new Error(`--target-args config=${config}: no such file`);
    return {
      bzImage: explicit,
      release: bzImageRelease(explicit) ?? 'unknown',
      configHash: config === undefined ? 'unknown' : hashFile(config),
      source: 'user',
    };
  }
  const a = kernelArtifacts(flavour);
  return {
    ...(a.gcov === undefined ? {} : { gcov: a.gcov }),
    bzImage: a.bzImage,
    release: a.release,
    configHash: existsSync(a.config) ? hashFile(a.config) : 'unknown',
    source: 'reference',
    inputHash: a.inputHash,
  };
}
