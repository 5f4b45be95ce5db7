/**
 * The local failure database `.conformance/failures/<hash>.trace` (Hypothesis-style): every failing (minimal)
 * trace is saved there, and the next run replays those files first.
 * @module
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { traceHash } from '../trace/hash.js';
import { printTrace } from '../trace/print.js';
import type { Trace } from '../trace/types.js';
import { writeAtomic } from './atomic.js';

/** Default directory of the database, relative to the working directory. */
export const FAILURES_DIR = '.conformance/failures';

/** Saves a trace as `<dir>/<hash>.trace` (atomically) and returns the path. */
export async function saveFailure(dir: string, trace: Trace, note: string): Promise<string> {
  const file = join(dir, `${traceHash(trace)}.trace`);
  const header = `# Failure saved ${new Date().toISOString()}: ${note.replace(/\n/g, ' ')}\n`;
  await writeAtomic(file, header + printTrace(trace));
  return file;
}

/** The saved failure files (sorted), or none when the directory does not exist. */
export async function listFailures(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((n) => n.endsWith('.trace'))
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}
