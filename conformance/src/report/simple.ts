/**
 * The human summary printed at the end of a run: counts, failures with their reports, skips with reasons, stale
 * expectations, rule coverage and where the results were written.
 * @module
 */
import type { RunReport } from '../run/types.js';
import { codeCoverageText } from './codeCoverage.js';
import { countByStatus } from './counts.js';
import { coverageText } from './coverage.js';

/** A reason shortened to one console line. */
const clip = (s: string, max = 160): string => (s.length <= max ? s : `${s.slice(0, max)}…`);

/** The summary block. */
export function renderSummary(report: RunReport, outDir: string | undefined): string {
  const c = countByStatus(report.results);
  const lines: string[] = [''];
  const failing = report.results.filter((r) => r.report !== undefined);
  for (const r of failing)
    lines.push(
      `${r.status === 'FLAKY' ? 'FLAKY (did not reproduce)' : 'FAIL'} ${r.hash} ${r.name}`,
      r.report ?? '',
      '',
    );
  for (const r of report.results.filter((x) => x.inconclusive !== undefined)) {
    lines.push(`Generated traces that neither passed nor failed (${r.name}):`);
    for (const [kind, { count, first }] of Object.entries(r.inconclusive ?? {}))
      lines.push(
        `  ${kind}=${count}: ${clip(first.split('\n')[0] ?? '')}${count > 1 ? ' (first of them)' : ''}`,
      );
    lines.push(
      `  details: ${outDir === undefined ? 'report.json' : `${outDir}/report.json`} (results[].inconclusive)`,
    );
  }
  const skips = report.results.filter((r) => r.status === 'SKIP');
  if (skips.length > 0) {
    lines.push(`Skipped (${skips.length}):`);
    for (const r of skips) lines.push(`  ${r.hash} ${r.name}: ${r.reason ?? ''}`);
  }
  const unchecked = report.results.filter((r) => r.verdict.kind === 'pass' && r.verdict.unchecked?.length);
  if (unchecked.length > 0) {
    lines.push(`Not checkable on this run (${unchecked.length}; the spec's allowed set was still checked):`);
    for (const r of unchecked) lines.push(`  ${r.hash} ${r.name}: ${r.reason ?? ''}`);
  }
  for (const s of report.stale)
    lines.push(`STALE expectation '${s}' matches no trace (remove it or run with --save)`);
  lines.push(coverageText(report.coverage));
  lines.push(...codeCoverageText(report.codeCoverage, outDir));
  const parts = Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  const p = report.provenance;
  lines.push(
    `${parts.join(', ') || 'nothing ran'} — target ${p.target.name} ${p.target.version}, profile ${p.profile}, seed ${p.seed}, ${(report.durationMs / 1000).toFixed(1)}s, exit ${report.exitCode}`,
  );
  if (report.interrupted) lines.push('INTERRUPTED: the results above are those that finished before Ctrl-C.');
  if (outDir !== undefined) lines.push(`Results: ${outDir}`);
  return lines.join('\n');
}
