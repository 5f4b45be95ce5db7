/**
 * The HTML page of a whole conformance run (what `--reporter=html` writes): provenance, a summary by status, one
 * row per result, and for every failure whose trace file can be read, the observed and expected swimlanes, the
 * failure text and the replay command. Before the diverging step the observations matched the spec, so both
 * diagrams draw the spec's canonical path there (with the checker's recorded previous observation).
 * @module
 */
import { readFileSync } from 'node:fs';
import type { Verdict } from '../../check/types.js';
import { defaultEngine, hasSpecEngine } from '../../generate/engine.js';
import type { RunReport, TraceResult } from '../../run/types.js';
import { parseTraceFile } from '../../trace/load.js';
import type { Trace } from '../../trace/types.js';
import { esc } from './internal/escape.js';
import { failurePaths } from './internal/path.js';
import { STYLE } from './internal/style.js';
import { renderSwimlane } from './swimlane.js';

const fileOf = (r: TraceResult): string | undefined => r.file ?? /--replay\s+(\S+)/.exec(r.replay ?? '')?.[1];

function readTrace(file: string | undefined): Trace | undefined {
  if (file === undefined) return undefined;
  try {
    return parseTraceFile(readFileSync(file, 'utf8'), file);
  } catch {
    return undefined;
  }
}

function figures(r: TraceResult, target: string): string {
  const v: Verdict = r.verdict;
  const trace = readTrace(fileOf(r));
  if (v.kind !== 'fail' || trace === undefined || !hasSpecEngine()) return '';
  const { observed, expected } = failurePaths(defaultEngine(), trace, v.failure);
  const common = {
    tasks: trace.header.tasks.map((t) => t.name),
    actions: trace.steps.slice(0, v.failure.step + 1).map((s) => s.action),
    diverge: v.failure.step,
  };
  return (
    `<div class="figures">${renderSwimlane({ ...common, title: `Observed (${target})`, observations: observed, kind: 'observed' })}` +
    `${renderSwimlane({ ...common, title: `Expected (spec, profile ${trace.header.profile})`, observations: expected, kind: 'expected' })}</div>`
  );
}

function failureSection(r: TraceResult, i: number, target: string): string {
  return (
    `<h2 id="f${i}">${esc(r.status)} ${esc(r.name)} <code>${esc(r.hash)}</code></h2>` +
    figures(r, target) +
    (r.report ? `<pre>${esc(r.report)}</pre>` : '') +
    (r.replay ? `<p>Replay:</p><pre>${esc(r.replay)}</pre>` : '')
  );
}

/** The HTML page of a run report. */
export function renderRunReport(report: RunReport): string {
  const p = report.provenance;
  const target = `${p.target.name} ${p.target.version}`;
  const counts = new Map<string, number>();
  for (const r of report.results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${s} ${n}`).join(' · ');
  const bad = report.results
    .map((r, i) => [r, i] as const)
    .filter(
      ([r]) => r.status === 'FAIL' || r.status === 'CRASH' || r.status === 'XPASS' || r.status === 'ERROR',
    );
  const rows = report.results
    .map((r, i) => {
      const name = bad.some(([, j]) => j === i) ? `<a href="#f${i}">${esc(r.name)}</a>` : esc(r.name);
      return `<tr class="${r.status === 'FAIL' ? 'diff' : ''}"><td>${esc(r.status)}</td><td>${esc(r.origin)}</td><td>${name}</td><td>${esc(r.hash)}</td><td>${r.durationMs}</td><td>${esc(r.reason ?? '')}</td></tr>`;
    })
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>UMCG conformance run: ${esc(target)}</title><style>${STYLE}</style></head>
<body>
<h1>UMCG conformance run — ${esc(target)}</h1>
<p class="meta">profile <code>${esc(p.profile)}</code> · seed <code>${p.seed}</code> · spec ${esc(p.specVersion)} · started ${esc(p.startedAt)} · ${report.durationMs} ms · exit ${report.exitCode}</p>
<p class="meta"><code>${esc(p.command)}</code></p>
<div class="verdict ${report.exitCode === 0 ? 'pass' : 'fail'}">${esc(summary || 'no results')}</div>
<h2>Results</h2><table><tr><th>status</th><th>origin</th><th>name</th><th>hash</th><th>ms</th><th>reason</th></tr>${rows}</table>
${bad.map(([r, i]) => failureSection(r, i, target)).join('\n')}
<script>document.documentElement.dataset.lanes = String(document.querySelectorAll('g.lane').length);</script>
</body></html>
`;
}
