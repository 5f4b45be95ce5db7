/**
 * `pnpm conformance report [runs-dir]`: the mcompare7-style table over the latest run of every target found in
 * the runs directory: one row per trace (joined by content hash), one column per target, plus totals.
 * @module
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TraceResult } from '../run/types.js';

interface Column {
  readonly target: string;
  readonly dir: string;
  readonly results: ReadonlyMap<string, TraceResult>;
  /** Why the run is not whole (`RunReport.partial`), empty for a whole run. */
  readonly partial: readonly string[];
}

/** The latest complete run directory of each target under `runsDir` (`<timestamp>-<target>`). */
async function latestRuns(runsDir: string): Promise<Column[]> {
  const dirs = (await readdir(runsDir)).filter((d) => !d.endsWith('.partial')).sort();
  const latest = new Map<string, string>();
  for (const d of dirs) {
    const m = /^\d{4}-\d\d-\d\dT[\d-]+Z-(.+)$/.exec(d);
    if (m?.[1] !== undefined) latest.set(m[1], d);
  }
  const out: Column[] = [];
  for (const [target, d] of [...latest].sort()) {
    const text = await readFile(join(runsDir, d, 'results.jsonl'), 'utf8').catch(() => '');
    const results = new Map<string, TraceResult>();
    for (const line of text.split('\n').filter((l) => l !== '')) {
      const r = JSON.parse(line) as TraceResult;
      if (r.origin !== 'generated') results.set(`${r.hash} ${r.name}`, r);
    }
    const report = await readFile(join(runsDir, d, 'report.json'), 'utf8').catch(() => '{}');
    const partial = (JSON.parse(report) as { partial?: string[] }).partial ?? [];
    out.push({ target, dir: d, results, partial });
  }
  return out;
}

/** The table as Markdown, and whether any column has an unexpected result. */
export async function reportTable(runsDir: string): Promise<string> {
  const cols = await latestRuns(runsDir);
  if (cols.length === 0) return `no runs in ${runsDir}`;
  const keys = [...new Set(cols.flatMap((c) => [...c.results.keys()]))].sort((a, b) =>
    a.split(' ')[1]!.localeCompare(b.split(' ')[1]!),
  );
  const lines = [
    `| trace | hash | ${cols.map((c) => c.target).join(' | ')} |`,
    `|---|---|${cols.map(() => '---').join('|')}|`,
  ];
  for (const k of keys) {
    const [hash, name] = k.split(' ');
    lines.push(`| ${name} | ${hash} | ${cols.map((c) => c.results.get(k)?.status ?? '-').join(' | ')} |`);
  }
  const totals = cols.map((c) => {
    const n = [...c.results.values()];
    const bad = n.filter((r) =>
      ['FAIL', 'CRASH', 'XPASS', 'ERROR', 'UNKNOWN', 'TIMEOUT'].includes(r.status),
    ).length;
    return `${n.length - bad}/${n.length} ok`;
  });
  lines.push(`| **total** | | ${totals.join(' | ')} |`);
  lines.push('', 'Runs:');
  for (const c of cols)
    lines.push(
      `  ${c.target}: ${c.dir} — ${c.partial.length === 0 ? 'whole run' : `PARTIAL run (${c.partial.join(', ')})`}`,
    );
  return lines.join('\n');
}
