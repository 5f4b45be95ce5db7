/**
 * The failure store `.conformance/failures/` (like Hypothesis' example database): every failing (minimal) trace is
 * saved there in text form, and the next run with the same target, profile and target arguments replays those
 * first, so a known failure is seen at once and a fix is noticed. Failures of other targets or options are kept
 * apart and never replayed on this run: `<dir>/<target>/<profile>/<options>/<hash>.trace`, where `<options>` is
 * `default` without target arguments, else `args-<hash>` with the arguments in `key.json`.
 * @module
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Target } from '../adapters/contract.js';
import type { CheckTrace, Verdict } from '../check/types.js';
import { writeAtomic } from '../run/atomic.js';
import { canonicalJson, traceHash } from '../trace/hash.js';
import { parseTraceFile } from '../trace/load.js';
import { printTrace } from '../trace/print.js';
import type { Trace } from '../trace/types.js';

/** Default directory of the store, relative to the working directory. */
export const FAILURES_DIR = '.conformance/failures';

/** What a saved failure belongs to: it is replayed only on runs with the same key. */
export interface FailureKey {
  /** Target name (`--target`). */
  readonly target: string;
  /** Profile of the run. */
  readonly profile: string;
  /** Target arguments (`--target-args`). */
  readonly args: Readonly<Record<string, string>>;
}

/** A group of saved failures with one key. */
export interface FailureGroup {
  /** The key (undefined for files of the old flat layout, which no run replays). */
  readonly key: FailureKey | undefined;
  /** Its directory. */
  readonly dir: string;
  /** The trace files, sorted. */
  readonly files: readonly string[];
}

const safe = (s: string): string => s.replace(/[^\w.-]/g, '_');

/** The directory of `key` in the store `dir`. */
export function keyDir(dir: string, key: FailureKey): string {
  const args = Object.keys(key.args).length === 0;
  const opts = args
    ? 'default'
    : `args-${createHash('sha256').update(canonicalJson(key.args)).digest('hex').slice(0, 12)}`;
  return join(dir, safe(key.target), safe(key.profile), opts);
}

/** Saves a failing trace under its key as `<hash>.trace` (atomically) and returns the path. */
export async function saveFailure(dir: string, key: FailureKey, trace: Trace, note: string): Promise<string> {
  const kd = keyDir(dir, key);
  await writeAtomic(join(kd, 'key.json'), `${JSON.stringify(key, null, 2)}\n`);
  const file = join(kd, `${traceHash(trace)}.trace`);
  const header = `# Failure saved ${new Date().toISOString()}: ${note.replace(/\n/g, ' ')}\n`;
  await writeAtomic(file, header + printTrace(trace));
  return file;
}

/** Removes one saved failure (a trace superseded by its shrunk form); a missing file is not an error. */
export async function removeFailure(file: string): Promise<void> {
  await rm(file, { force: true });
}

async function traceFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((n) => !n.startsWith('.') && (n.endsWith('.trace') || n.endsWith('.json')) && n !== 'key.json')
      .sort()
      .map((n) => join(dir, n));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR')
      return [];
    throw e;
  }
}

/** The saved failures of `key` (sorted); none when the store does not exist. */
export function listFailures(dir: string, key: FailureKey): Promise<string[]> {
  return traceFiles(keyDir(dir, key));
}

/** Every group of the store (each key, then loose files of the old flat layout), for `failures list`. */
export async function listGroups(dir: string): Promise<FailureGroup[]> {
  const out: FailureGroup[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    if (depth === 3) {
      const files = await traceFiles(d);
      let key: FailureKey | undefined;
      try {
        key = JSON.parse(await readFile(join(d, 'key.json'), 'utf8')) as FailureKey;
      } catch {
        const [target = '?', profile = '?'] = relative(dir, d).split(sep);
        key = { target, profile, args: {} };
      }
      if (files.length > 0) out.push({ key, dir: d, files });
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name)))
      if (e.isDirectory()) await walk(join(d, e.name), depth + 1);
  };
  await walk(dir, 0);
  const loose = await traceFiles(dir);
  if (loose.length > 0) out.push({ key: undefined, dir, files: loose });
  return out;
}

/** Whether a group's key matches a filter (target and/or profile). */
export function groupMatches(g: FailureGroup, filter: { target?: string; profile?: string }): boolean {
  if (g.key === undefined) return filter.target === undefined && filter.profile === undefined;
  return (
    (filter.target === undefined || g.key.target === filter.target) &&
    (filter.profile === undefined || g.key.profile === filter.profile)
  );
}

/** Removes the groups matching `filter` (all without one); returns the number of traces removed. */
export async function clearFailures(
  dir: string,
  filter: { target?: string; profile?: string } = {},
): Promise<number> {
  let n = 0;
  for (const g of await listGroups(dir)) {
    if (!groupMatches(g, filter)) continue;
    n += g.files.length;
    if (g.key === undefined) for (const f of g.files) await rm(f, { force: true });
    else await rm(g.dir, { recursive: true, force: true });
  }
  return n;
}

/** The outcome of replaying one stored failure. */
export interface StoredReplay {
  /** The file. */
  readonly file: string;
  /** The parsed trace (undefined when the file does not parse). */
  readonly trace: Trace | undefined;
  /** The verdict of the replay (`error` with the parse message when the file does not parse). */
  readonly verdict: Verdict;
}

/** Replays the stored failures of `key` on `target` and checks them; `seed` is the run seed of every replay. */
export async function replayStoredFailures(
  target: Target,
  check: CheckTrace,
  options: { readonly dir?: string; readonly key: FailureKey; readonly seed?: number },
): Promise<StoredReplay[]> {
  const out: StoredReplay[] = [];
  for (const file of await listFailures(options.dir ?? FAILURES_DIR, options.key)) {
    let trace: Trace;
    try {
      trace = parseTraceFile(await readFile(file, 'utf8'), file);
    } catch (e) {
      out.push({ file, trace: undefined, verdict: { kind: 'error', reason: (e as Error).message } });
      continue;
    }
    const run = await target.run(trace, { seed: options.seed ?? 0 });
    out.push({ file, trace, verdict: check(trace, run.observations) });
  }
  return out;
}
