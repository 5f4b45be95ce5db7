/**
 * How `--target=<name|package|path>` finds an adapter. A target is any module that exports an `Adapter`: a short
 * built-in name (`BUILTIN_TARGETS`, a default list of name → module), an installed package name (resolved from the
 * current directory, then from this package), or a file or directory (a directory is imported through its
 * `package.json`). Adding an implementation never edits this file: pass its package or path to `--target`.
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import didYouMean, { ReturnTypeEnums } from 'didyoumean2';
import type { Adapter } from './contract.js';

/** A built-in target: a short name for a module that exports an adapter. */
export interface BuiltinTarget {
  /** One-line description for `--help` and `doctor`. */
  readonly description: string;
  /** Module (package name) that exports the adapter. */
  readonly module: string;
  /** Export to take when the module exports several adapters. */
  readonly export?: string;
}

/** The built-in short names, in the order `doctor` and `--help` list them. */
export const BUILTIN_TARGETS: Readonly<Record<string, BuiltinTarget>> = {
  spec: {
    description: 'the executable spec itself (engine self-check)',
    module: '@umcg/conformance',
    export: 'specAdapter',
  },
  sim: { description: 'deterministic kernel-structured simulator (no setup)', module: '@umcg/sim' },
  native: {
    description: 'the running kernel through the C executor (needs a UMCG kernel)',
    module: '@umcg/native',
  },
  qemu: { description: 'a QEMU guest booting a UMCG kernel', module: '@umcg/qemu' },
};

/** The target was found but cannot be loaded here (its module fails to import): exit code 4 with the reason. */
export class TargetUnavailable extends Error {
  override name = 'TargetUnavailable';
}

/** `--target` names nothing that exports an adapter (a typo, a missing path): a usage error, exit code 255. */
export class UnknownTarget extends Error {
  override name = 'UnknownTarget';
}

/** Whether `x` has the shape of an `Adapter`. */
export function isAdapter(x: unknown): x is Adapter {
  const a = x as Partial<Adapter> | undefined;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.name === 'string' &&
    typeof a.open === 'function' &&
    typeof a.probe === 'function'
  );
}

/** The adapter a module exports: `preferred`, else `default`/`adapter`, else its only adapter export. */
export function adapterOf(mod: Record<string, unknown>, what: string, preferred?: string): Adapter {
  for (const key of [preferred, 'default', 'adapter']) {
    const candidate = key === undefined ? undefined : mod[key];
    if (isAdapter(candidate)) return candidate;
  }
  const found = new Map<Adapter, string>();
  for (const [key, value] of Object.entries(mod))
    if (isAdapter(value) && !found.has(value)) found.set(value, key);
  const [only, ...more] = [...found.keys()];
  if (only !== undefined && more.length === 0) return only;
  if (only === undefined)
    throw new UnknownTarget(
      `${what} exports no adapter (an object with name, description, probe() and open(); see conformance/ADAPTERS.md)`,
    );
  throw new UnknownTarget(
    `${what} exports several adapters (${[...found.values()].join(', ')}); export the one to run as 'adapter' or default`,
  );
}

/** Whether `spec` is written as a path (not a name). */
function isPathLike(spec: string): boolean {
  return isAbsolute(spec) || spec.startsWith('.') || /[\\/]/.test(spec.replace(/^@[^/]+\//, ''));
}

/** The entry file of a package directory: its `exports["."]`, else `main`, else an index file. */
function packageEntry(dir: string): string {
  const file = join(dir, 'package.json');
  if (existsSync(file)) {
    let pkg: { exports?: unknown; main?: unknown };
    try {
      pkg = JSON.parse(readFileSync(file, 'utf8')) as typeof pkg;
    } catch (e) {
      throw new UnknownTarget(`${file}: not valid JSON (${(e as Error).message})`);
    }
    let entry: unknown = pkg.exports;
    if (typeof entry === 'object' && entry !== null && '.' in entry)
      entry = (entry as Record<string, unknown>)['.'];
    while (typeof entry === 'object' && entry !== null) {
      const conditions = entry as Record<string, unknown>;
      entry = conditions.import ?? conditions.node ?? conditions.default;
    }
    if (typeof entry === 'string') return resolve(dir, entry);
    if (typeof pkg.main === 'string') return resolve(dir, pkg.main);
  }
  const index = ['src/index.ts', 'index.ts', 'index.js', 'index.mjs']
    .map((f) => join(dir, f))
    .find(existsSync);
  if (index === undefined)
    throw new UnknownTarget(`${dir}: a directory without package.json "exports"/"main" or an index file`);
  return index;
}

/** The directory of installed package `name` seen from `cwd` (walking up `node_modules`), if any. */
function installedPackage(name: string, cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

async function importModule(specifier: string, what: string): Promise<Record<string, unknown>> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (e) {
    throw new TargetUnavailable(`cannot load ${what}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** A did-you-mean hint among the built-in names, or ''. */
function suggestion(spec: string): string {
  const near = didYouMean(spec, Object.keys(BUILTIN_TARGETS), {
    returnType: ReturnTypeEnums.ALL_CLOSEST_MATCHES,
    threshold: 0.4,
  });
  return near.length > 0 ? ` Did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : '';
}

/**
 * Loads the adapter `--target=spec` names: a built-in name, an installed package, or a file or directory (relative
 * to `cwd`). Throws `UnknownTarget` (a usage error) when nothing is found, `TargetUnavailable` when it is found but
 * cannot be imported.
 */
export async function loadAdapter(spec: string, cwd: string = process.cwd()): Promise<Adapter> {
  const builtin = BUILTIN_TARGETS[spec];
  if (builtin !== undefined) {
    const dir = installedPackage(builtin.module, cwd);
    const mod = await importModule(
      dir === undefined ? builtin.module : pathToFileURL(packageEntry(dir)).href,
      `target '${spec}' (${builtin.module})`,
    );
    return adapterOf(mod, builtin.module, builtin.export ?? `${spec}Adapter`);
  }
  const path = resolve(cwd, spec);
  if (isPathLike(spec) || existsSync(path)) {
    if (!existsSync(path))
      throw new UnknownTarget(
        `unknown target '${spec}': no such file or directory (${path}).${suggestion(spec)}`,
      );
    const file = statSync(path).isDirectory() ? packageEntry(path) : path;
    return adapterOf(await importModule(pathToFileURL(file).href, file), file);
  }
  const dir = installedPackage(spec, cwd);
  if (dir !== undefined)
    return adapterOf(await importModule(pathToFileURL(packageEntry(dir)).href, spec), spec);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(spec)) as Record<string, unknown>;
  } catch {
    throw new UnknownTarget(
      `unknown target '${spec}': not a built-in name (${Object.keys(BUILTIN_TARGETS).join(', ')}), ` +
        `an installed package or a path.${suggestion(spec)}`,
    );
  }
  return adapterOf(mod, spec);
}

/** The default target: `sim` when `@umcg/sim` provides its adapter, else `spec` (with the reason). */
export async function defaultTarget(): Promise<{ name: string; adapter: Adapter; note?: string }> {
  try {
    return { name: 'sim', adapter: await loadAdapter('sim') };
  } catch (e) {
    return {
      name: 'spec',
      adapter: await loadAdapter('spec'),
      note: `default target is spec: ${(e as Error).message}`,
    };
  }
}
