/**
 * The local failure store (`.conformance/failures/`, like Hypothesis' example database): failing traces saved in
 * text form, replayed before any new generation so a known failure is seen first and a fix is noticed.
 * @module
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Target } from '../adapters/contract.js';
import type { CheckTrace, Verdict } from '../check/types.js';
import { traceHash } from '../trace/hash.js';
import { parseTraceFile } from '../trace/load.js';
import { printTrace } from '../trace/print.js';
import type { Trace } from '../trace/types.js';
import { writeFileAtomic } from './internal/atomicWrite.js';

/** Default directory of the store, relative to the working directory. */
export const DEFAULT_FAILURES_DIR = '.conformance/failures';

/** Saves a failing trace as `<dir>/<hash>.trace` (text form, written atomically); returns the path. */
export async function saveFailure(trace: Trace, dir: string = DEFAULT_FAILURES_DIR): Promise<string> {
  const file = join(dir, `${traceHash(trace)}.trace`);
  await writeFileAtomic(file, printTrace(trace));
  return file;
}

/** The stored failure files (`.trace` and `.json`), sorted; empty when the directory does not exist. */
export async function listStoredFailures(dir: string = DEFAULT_FAILURES_DIR): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names
    .filter((n) => !n.startsWith('.') && (n.endsWith('.trace') || n.endsWith('.json')))
    .sort()
    .map((n) => join(dir, n));
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

/** Replays every stored failure on `target` and checks it; `seed` is the run seed of every replay. */
export async function replayStoredFailures(
  target: Target,
  check: CheckTrace,
  options: { readonly dir?: string; readonly seed?: number } = {},
): Promise<StoredReplay[]> {
  const out: StoredReplay[] = [];
  for (const file of await listStoredFailures(options.dir)) {
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
