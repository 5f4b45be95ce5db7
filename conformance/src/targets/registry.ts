/**
 * The target registry: `--target` names and how to load each adapter. Only `spec` lives in this package; the
 * others are loaded with a dynamic `import()` of their package (falling back to the workspace source path, so
 * they work before the root lists them as dependencies).
 * @module
 */

import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Adapter } from '../adapter/types.js';
import { specAdapter } from '../adapters/spec.js';

/** A registry entry. */
export interface TargetEntry {
  /** One-line description for `--help`. */
  readonly description: string;
  /** Package that provides it (`@umcg/conformance` for in-package ones). */
  readonly pkg: string;
  /** Loads the adapter; rejects with `TargetUnavailable` when it cannot. */
  load(): Promise<Adapter>;
}

/** The target cannot be loaded (package missing or not exporting its adapter yet). */
export class TargetUnavailable extends Error {
  override name = 'TargetUnavailable';
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

async function loadPackage(pkg: string, dir: string, exportName: string): Promise<Adapter> {
  let mod: Record<string, unknown> | undefined;
  const errors: string[] = [];
  for (const spec of [pkg, pathToFileURL(resolve(ROOT, dir, 'src/index.ts')).href]) {
    try {
      mod = (await import(spec)) as Record<string, unknown>;
      break;
    } catch (e) {
      errors.push(`${spec}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (mod === undefined) throw new TargetUnavailable(`cannot load ${pkg} (${errors.join('; ')})`);
  for (const key of [exportName, `${exportName}Adapter`, 'adapter', 'default']) {
    const candidate = mod[key];
    if (isAdapter(candidate)) return candidate;
  }
  throw new TargetUnavailable(
    `${pkg} does not export an adapter named '${exportName}' (or '${exportName}Adapter') yet`,
  );
}

function isAdapter(x: unknown): x is Adapter {
  const a = x as Partial<Adapter> | undefined;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.name === 'string' &&
    typeof a.open === 'function' &&
    typeof a.probe === 'function'
  );
}

/** Every known target by name. */
export const TARGETS: Readonly<Record<string, TargetEntry>> = {
  spec: {
    description: 'the executable spec itself (engine self-check)',
    pkg: '@umcg/conformance',
    load: async () => specAdapter,
  },
  sim: {
    description: 'deterministic kernel-structured simulator (no setup)',
    pkg: '@umcg/sim',
    load: () => loadPackage('@umcg/sim', 'packages/sim', 'sim'),
  },
  native: {
    description: 'the running kernel through the C executor (needs a UMCG kernel)',
    pkg: '@umcg/native',
    load: () => loadPackage('@umcg/native', 'packages/native', 'native'),
  },
  qemu: {
    description: 'a QEMU guest booting a UMCG kernel',
    pkg: '@umcg/qemu',
    load: () => loadPackage('@umcg/qemu', 'packages/qemu', 'qemu'),
  },
};

/** Loads a target's adapter by name; throws `TargetUnavailable` with the reason, or for an unknown name. */
export async function loadAdapter(name: string): Promise<Adapter> {
  const entry = TARGETS[name];
  if (entry === undefined)
    throw new TargetUnavailable(
      `unknown target '${name}'; expected one of: ${Object.keys(TARGETS).join(', ')}`,
    );
  return entry.load();
}

/** The default target: `sim` when `@umcg/sim` provides its adapter, else `spec` (with the reason). */
export async function defaultTarget(): Promise<{ name: string; adapter: Adapter; note?: string }> {
  try {
    return { name: 'sim', adapter: await loadAdapter('sim') };
  } catch (e) {
    return { name: 'spec', adapter: specAdapter, note: `default target is spec: ${(e as Error).message}` };
  }
}
