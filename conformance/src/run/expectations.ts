/**
 * Per-target expectation files `conformance/expectations/<target>.json`: known failures with a reason. An
 * unexpected pass (XPASS) or an entry that matches no trace of a full run (stale) fails the run; `--save`
 * rewrites the file from the current results.
 *
 * ```json
 * { "unregister-not-running": { "status": "fail", "reason": "leaks the pin (SPEC.md#param.unregisterLeaksPin)", "since": "2026-11-25" } }
 * ```
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { Verdict } from '../check/types.js';
import { writeAtomic } from './atomic.js';
import type { Status, TraceResult } from './types.js';

/** One entry: `fail` (any non-pass result is expected), `flaky` (anything goes), `skip` (not run: hang or crash). */
export interface Expectation {
  readonly status: 'fail' | 'flaky' | 'skip';
  readonly reason: string;
  readonly since?: string;
  readonly issue?: string;
}

/** Expectations by trace name. */
export type Expectations = Readonly<Record<string, Expectation>>;

/** Reads an expectation file (missing file: none); throws naming the file and entry on a malformed entry. */
export async function loadExpectations(file: string): Promise<Expectations> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return {};
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}:1:1: expected a JSON object of expectations (${(e as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new Error(`${file}:1:1: expected a JSON object`);
  for (const [name, e] of Object.entries(doc as Record<string, Partial<Expectation>>)) {
    const line = text.slice(0, text.indexOf(JSON.stringify(name))).split('\n').length;
    if (
      !e ||
      !['fail', 'flaky', 'skip'].includes(String(e.status)) ||
      typeof e.reason !== 'string' ||
      e.reason === ''
    )
      throw new Error(
        `${file}:${line}:1: entry '${name}': expected { "status": "fail" | "flaky" | "skip", "reason": "<non-empty>" }`,
      );
  }
  return doc as Expectations;
}

/** Applies an expectation to a raw status. */
export function applyExpectation(
  raw: Status,
  e: Expectation | undefined,
): { status: Status; reason?: string } {
  if (e === undefined || e.status === 'skip') return { status: raw };
  if (e.status === 'flaky')
    return raw === 'PASS' || raw === 'SKIP'
      ? { status: raw }
      : { status: 'XFAIL', reason: `flaky: ${e.reason}` };
  if (raw === 'PASS')
    return {
      status: 'XPASS',
      reason: `expected to fail (${e.reason}) but passed; run with --save to update`,
    };
  if (raw === 'SKIP') return { status: raw };
  return { status: 'XFAIL', reason: e.reason };
}

/** The raw status of a verdict (before expectations). */
export function rawStatus(v: Verdict): Status {
  switch (v.kind) {
    case 'pass':
      return 'PASS';
    case 'fail':
      return 'FAIL';
    case 'skip':
      return 'SKIP';
    case 'error':
      return 'ERROR';
    case 'crash':
      return 'CRASH';
    case 'unknown':
      return /timeout|timed out/i.test(v.reason) ? 'TIMEOUT' : 'UNKNOWN';
  }
}

/** Entries that matched no result name (only meaningful for a full, unfiltered run). */
export function staleEntries(exp: Expectations, results: readonly TraceResult[]): string[] {
  const names = new Set(results.map((r) => r.name));
  return Object.keys(exp).filter((n) => !names.has(n));
}

/**
 * Rewrites the file: one `fail` entry per failing result (keeping old reasons), the old `skip` and `flaky` entries,
 * and, unless the run was `full` (every trace ran), the old entries of traces this run did not touch.
 */
export async function saveExpectations(
  file: string,
  old: Expectations,
  results: readonly TraceResult[],
  full = true,
): Promise<Expectations> {
  const out: Record<string, Expectation> = {};
  const today = new Date().toISOString().slice(0, 10);
  const ran = new Set(results.map((r) => r.name));
  for (const [name, e] of Object.entries(old))
    if (e.status === 'skip' || e.status === 'flaky' || (!full && !ran.has(name))) out[name] = e;
  for (const r of results) {
    if (r.origin === 'generated' || r.origin === 'replay') continue;
    if (
      ['FAIL', 'CRASH', 'XFAIL', 'ERROR', 'TIMEOUT', 'UNKNOWN'].includes(r.status) &&
      out[r.name] === undefined
    ) {
      const prev = old[r.name];
      out[r.name] =
        prev?.status === 'fail'
          ? prev
          : { status: 'fail', reason: firstLine(r.reason ?? r.report ?? r.status), since: today };
    }
  }
  const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  await writeAtomic(file, `${JSON.stringify(sorted, null, 2)}\n`);
  return sorted;
}

const firstLine = (s: string): string => s.split('\n')[0] ?? s;
