/**
 * The run directory `.conformance/runs/<timestamp>-<target>/`: written completely under a `.partial` name, then
 * renamed, so a run directory is never seen half-done. Holds results.jsonl, report.json, junit.xml, report.tap,
 * provenance.json, coverage.json (and report.html with the html reporter, kernel-coverage/ with --coverage).
 * @module
 */
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renderJson, renderJsonl } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { renderTap } from '../report/tap.js';
import { writeAtomic } from './atomic.js';
import type { RunReport } from './types.js';

/** Default parent of run directories. */
export const RUNS_DIR = '.conformance/runs';

/** `<parent>/<timestamp>-<target>` with a filesystem-safe timestamp. */
export function runDirName(parent: string, target: string, at: Date): string {
  return join(parent, `${at.toISOString().replace(/[:.]/g, '-')}-${target}`);
}

/**
 * Writes every result file into `dir` (atomically as a whole); `extra` adds files such as report.html, by path
 * relative to `dir` (sub-directories are made).
 */
export async function writeRunDir(
  dir: string,
  report: RunReport,
  extra: Readonly<Record<string, string>> = {},
): Promise<string> {
  const partial = `${dir}.partial`;
  await mkdir(partial, { recursive: true });
  const files: Record<string, string> = {
    'results.jsonl': renderJsonl(report),
    'report.json': renderJson(report),
    'junit.xml': renderJunit(report),
    'report.tap': renderTap(report),
    'provenance.json': `${JSON.stringify(report.provenance, null, 2)}\n`,
    'coverage.json': `${JSON.stringify(report.coverage, null, 2)}\n`,
    ...extra,
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(partial, name)), { recursive: true });
    await writeAtomic(join(partial, name), content);
  }
  await rename(partial, dir);
  return dir;
}
