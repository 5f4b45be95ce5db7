/**
 * The N-API addon (`build/Release/umcg_native.node`): the same C executor linked into Node, running each batch of
 * request lines on a libuv worker thread.
 * @module
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ADDON_PATH } from './paths.js';
import type { Executor } from './types.js';

/** What the addon exports. */
export interface NativeAddon {
  /** Runs request lines on a worker thread; resolves with the response lines. */
  runLines(requestLines: string): Promise<string>;
  /** Runs `probe` (same as `runLines('probe\n')`). */
  probe(): Promise<string>;
}

/** Loads the addon, or returns the reason it cannot be loaded. */
export function loadAddon(path: string = ADDON_PATH): NativeAddon | { readonly error: string } {
  if (!existsSync(path)) return { error: `the addon is not built (${path})` };
  try {
    const req = createRequire(import.meta.url);
    return req(path) as NativeAddon;
  } catch (e) {
    return { error: `cannot load ${path}: ${(e as Error).message}` };
  }
}

/** An executor over the addon, or undefined when it is not available. */
export function addonExecutor(path: string = ADDON_PATH): Executor | undefined {
  const a = loadAddon(path);
  if ('error' in a) return undefined;
  return { kind: 'addon', path, runLines: (lines) => a.runLines(lines) };
}
