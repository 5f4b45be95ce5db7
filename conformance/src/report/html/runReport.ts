/**
 * The HTML page of a whole conformance run (what `--reporter=html` writes): provenance, a summary by status, one
 * row per result, and for every failure whose trace file can be read, the observed and expected swimlanes, the
 * failure text and the replay command. Before the diverging step the observations matched the spec, so both
 * diagrams draw the spec's canonical path there (with the checker's recorded previous observation).
 * @module
 */
import { readFileSync } from 'node:fs';
import { findRule } from '@umcg/spec';
import type { Verdict } from '../../check/types.js';
import { defaultEngine } from '../../generate/engine.js';
import type { RunReport, TraceResult } from '../../run/types.js';
import { parseTraceFile } from '../../trace/load.js';
import type { Trace } from '../../trace/types.js';
import { esc } from './internal/escape.js';
import { annotationsOf, copyButton, differingTasks, LEGEND, SCRIPT } from './internal/marks.js';
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
  if (v.kind !== 'fail' || trace === undefined) return '';
  const { observed, expected } = failurePaths(defaultEngine(), trace, v.failure);
  const k = v.failure.step;
  const common = {
    tasks: trace.header.tasks.map((t) => t.name),
    actions: trace.steps.slice(0, k + 1).map((s) => s.action),
    diverge: k,
    differs: differingTasks(expected[k], observed[k]),
    annotations: annotationsOf(trace),
    annotationFailed: v.failure.cause === 'expectation',
  };
  return (
    LEGEND +
    `<div class="figures">${renderSwimlane({ ...common, title: `Observed (${target})`, observations: observed, kind: 'observed' })}` +
    `${renderSwimlane({ ...common, title: `Expected (spec, profile ${trace.header.profile})`, observations: expected, kind: 'expected' })}</div>`
  );
}

function failureSection(r: TraceResult, i: number, target: string): string {
  return (
    `<h2 id="f${i}">${esc(r.status)} ${esc(r.name)} <code>${esc(r.hash)}</code></h2>` +
    figures(r, target) +
    (r.report ? `<pre>${esc(r.report)}</pre>` : '') +
    (r.replay ? `<p>Replay:</p><pre>${esc(r.replay)}</pre>${copyButton(esc(r.replay))}` : '')
  );
}

/** A rule id linked to its catalogue entry, with its statement on hover. */
function ruleLink(id: string): string {
  const r = findRule(id);
  return `<a href="spec/SPEC.md#${esc(id)}"${r ? ` title="${esc(r.statement)}"` : ''}><code>${esc(id)}</code></a>`;
}

/** Per-stage counts and wall time (sum of the results' durations). */
function stagesTable(report: RunReport): string {
  const by = new Map<string, { n: number; ms: number; bad: number }>();
  for (const r of report.results) {
    const s = by.get(r.origin) ?? { n: 0, ms: 0, bad: 0 };
    by.set(r.origin, {
      n: s.n + 1,
      ms: s.ms + r.durationMs,
      bad: s.bad + (['FAIL', 'XPASS', 'ERROR', 'UNKNOWN', 'TIMEOUT'].includes(r.status) ? 1 : 0),
    });
  }
  const rows = [...by]
    .map(
      ([o, s]) =>
        `<tr><td>${esc(o)}</td><td>${s.n}</td><td>${s.bad}</td><td>${(s.ms / 1000).toFixed(2)} s</td></tr>`,
    )
    .join('');
  return `<table><tr><th>stage</th><th>results</th><th>unexpected</th><th>time</th></tr>${rows}</table>`;
}

/** Which rules the run exercised, how often (results citing them), and which never. */
function coverageSection(report: RunReport): string {
  const count = new Map<string, number>();
  for (const r of report.results) for (const id of r.rules) count.set(id, (count.get(id) ?? 0) + 1);
  const rows = report.coverage.exercised
    .map((id) => `<tr><td>${ruleLink(id)}</td><td>${count.get(id) ?? 0}</td></tr>`)
    .join('');
  const never = report.coverage.unreached.map(ruleLink).join(' ');
  return (
    `<p>${report.coverage.exercised.length} rules exercised, ${report.coverage.unreached.length} never reached.</p>` +
    `<table><tr><th>rule</th><th>results exercising it</th></tr>${rows}</table>` +
    (never === '' ? '' : `<p>Never reached: ${never}</p>`)
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
      return `<tr class="result${r.status === 'FAIL' ? ' diff' : ''}" data-status="${esc(r.status)}"><td>${esc(r.status)}</td><td>${esc(r.origin)}</td><td>${name}</td><td>${esc(r.hash)}</td><td>${r.durationMs}</td><td>${esc(r.reason ?? '')}</td></tr>`;
    })
    .join('');
  const filters = [...counts.keys()]
    .map((s) => `<label><input type="checkbox" class="filter" value="${esc(s)}" checked> ${esc(s)}</label>`)
    .join(' ');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>UMCG conformance run: ${esc(target)}</title><style>${STYLE}</style></head>
<body>
<h1>UMCG conformance run — ${esc(target)}</h1>
<p class="meta">profile <code>${esc(p.profile)}</code> · seed <code>${p.seed}</code> · spec ${esc(p.specVersion)} · started ${esc(p.startedAt)} · ${report.durationMs} ms · exit ${report.exitCode}</p>
<p class="meta"><code>${esc(p.command)}</code></p>
<div class="verdict ${report.exitCode === 0 ? 'pass' : 'fail'}">${esc(summary || 'no results')}</div>
${report.partial ? `<p class="meta">PARTIAL run: ${esc(report.partial.join(', '))}</p>` : '<p class="meta">whole run</p>'}
<h2>Stages</h2>${stagesTable(report)}
<h2>Results</h2><p class="filters">Show: ${filters}</p><table><tr><th>status</th><th>origin</th><th>name</th><th>hash</th><th>ms</th><th>reason</th></tr>${rows}</table>
${bad.map(([r, i]) => failureSection(r, i, target)).join('\n')}
<h2>Rule coverage</h2>${coverageSection(report)}
${SCRIPT}
</body></html>
`;
}
