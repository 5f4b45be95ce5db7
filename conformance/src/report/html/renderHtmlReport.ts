/**
 * `renderHtmlReport`: one self-contained HTML page (inline CSS and SVG, no network) for a checked trace: the
 * verdict, the rules involved with their statements, the observed run drawn as a swimlane beside the expected one
 * (the spec's path, ending in the allowed observation closest to what was observed), the field-by-field difference
 * at the diverging step, the trace text and the replay command.
 * @module
 */
import type { StepObservation } from '@umcg/spec';
import { findRule } from '@umcg/spec';
import type { Verdict } from '../../check/types.js';
import type { RunReport } from '../../run/types.js';
import { traceHash } from '../../trace/hash.js';
import { printTrace } from '../../trace/print.js';
import type { Trace } from '../../trace/types.js';
import { closest, diffRows } from './internal/diff.js';
import { esc } from './internal/escape.js';
import { annotationsOf, copyButton, differingTasks, LEGEND, SCRIPT } from './internal/marks.js';
import { STYLE } from './internal/style.js';
import { renderRunReport } from './runReport.js';
import { renderSwimlane } from './swimlane.js';

/** What the report shows. */
export interface HtmlReportInput {
  /** The (minimal) trace. */
  readonly trace: Trace;
  /** The checker's verdict. */
  readonly verdict: Verdict;
  /** What the target observed, one per executed step. */
  readonly observations: readonly StepObservation[];
  /** The expected observations (default: the observed prefix, then the closest allowed one at the divergence). */
  readonly expected?: readonly StepObservation[];
  /** Target description, e.g. `sim (mutant cond-wait-kept)`. */
  readonly target?: string;
  /** Command that replays the failure. */
  readonly replayCommand?: string;
  /** fast-check replay parameters, when the trace was generated. */
  readonly replay?: { readonly seed: number; readonly path: string };
  /** Reproduction count of the minimal trace. */
  readonly reproduced?: { readonly failed: number; readonly runs: number };
  /** Base URL of the rule catalogue (default `spec/SPEC.md`). */
  readonly rulesUrl?: string;
}

function expectedPath(input: HtmlReportInput): StepObservation[] {
  if (input.expected) return [...input.expected];
  const v = input.verdict;
  if (v.kind !== 'fail') return [...input.observations];
  const k = v.failure.step;
  const near = v.failure.closest ?? closest(v.failure.allowed, v.failure.observed);
  return [...input.observations.slice(0, k), ...(near ? [near] : [])];
}

function verdictBox(v: Verdict): string {
  if (v.kind === 'fail') {
    const f = v.failure;
    return `<div class="verdict fail">FAIL at step #${f.step + 1}: the observation is not in the spec's allowed set (${f.allowed.length} allowed outcome${f.allowed.length === 1 ? '' : 's'}).<div class="expl">${esc(f.explanation)}</div></div>`;
  }
  if (v.kind === 'pass') return `<div class="verdict pass">PASS: ${v.steps} steps conform.</div>`;
  return `<div class="verdict other">${v.kind.toUpperCase()}: ${esc(v.reason)}</div>`;
}

function rulesSection(v: Verdict, base: string): string {
  const ids = v.kind === 'fail' ? v.failure.rules : v.kind === 'pass' ? v.rules : [];
  if (ids.length === 0) return '<p>No rule fired in the allowed outcomes of this step.</p>';
  return ids
    .map((id) => {
      const r = findRule(id);
      const title = r ? esc(r.title) : 'unknown rule';
      const stmt = r ? `<div>${esc(r.statement)}</div>` : '';
      const hover = r ? ` title="${esc(r.statement)}"` : '';
      return `<div class="rule"><a href="${esc(`${base}#${id}`)}"${hover}><code>${esc(id)}</code></a> — ${title}${stmt}</div>`;
    })
    .join('');
}

function diffSection(v: Verdict, expected: StepObservation | undefined): string {
  if (v.kind !== 'fail' || expected === undefined) return '';
  const rows = diffRows(expected, v.failure.observed).filter(
    (r) => r.differs || r.field === 'state' || r.field === 'where',
  );
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.differs ? 'diff' : ''}"><td>${esc(r.task)}</td><td>${esc(r.field)}</td><td>${esc(r.expected)}</td><td class="obs">${esc(r.observed)}</td></tr>`,
    )
    .join('');
  return `<h2>Step #${v.failure.step + 1}: expected vs observed</h2><table><tr><th>task</th><th>field</th><th>expected (closest allowed)</th><th>observed</th></tr>${body}</table>`;
}

/**
 * The complete HTML page: of one checked trace (`HtmlReportInput`), or of a whole run (`RunReport`, as the CLI's
 * `--reporter=html` passes it; see `runReport.ts`).
 */
export function renderHtmlReport(input: HtmlReportInput | RunReport): string {
  if ('results' in input) return renderRunReport(input);
  return renderTraceReport(input);
}

/** The HTML page of one checked trace. */
export function renderTraceReport(input: HtmlReportInput): string {
  const { trace, verdict } = input;
  const tasks = trace.header.tasks.map((t) => t.name);
  const actions = trace.steps.map((s) => s.action);
  const expected = expectedPath(input);
  const diverge = verdict.kind === 'fail' ? verdict.failure.step : undefined;
  const shown = diverge === undefined ? actions : actions.slice(0, diverge + 1);
  const differs =
    diverge === undefined
      ? new Set<string>()
      : differingTasks(expected[diverge], input.observations[diverge]);
  const common = {
    tasks,
    actions: shown,
    differs,
    annotations: annotationsOf(trace),
    annotationFailed: verdict.kind === 'fail' && verdict.failure.cause === 'expectation',
    ...(diverge === undefined ? {} : { diverge }),
  };
  const observed = renderSwimlane({
    ...common,
    title: `Observed (${input.target ?? 'target'})`,
    observations: input.observations.slice(0, shown.length),
    kind: 'observed',
  });
  const spec = renderSwimlane({
    ...common,
    title: `Expected (spec, profile ${trace.header.profile})`,
    observations: expected,
    kind: 'expected',
  });
  const replay = [
    input.replayCommand
      ? `<pre>${esc(input.replayCommand)}</pre>${copyButton(esc(input.replayCommand))}`
      : '',
    input.replay
      ? `<p>fast-check: <code>{ seed: ${input.replay.seed}, path: "${esc(input.replay.path)}" }</code></p>`
      : '',
    input.reproduced
      ? `<p>Reproduced ${input.reproduced.failed}/${input.reproduced.runs} re-runs of the minimal trace.</p>`
      : '',
  ].join('');
  const title = `UMCG conformance: ${verdict.kind.toUpperCase()} — ${trace.header.name}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(title)}</h1>
<p class="meta">trace <code>${esc(trace.header.name)}</code> · hash <code>${traceHash(trace)}</code> · profile <code>${esc(trace.header.profile)}</code> · target <code>${esc(input.target ?? 'target')}</code> · ${trace.steps.length} steps, ${tasks.length} tasks</p>
${verdictBox(verdict)}
<h2>Rules</h2>${rulesSection(verdict, input.rulesUrl ?? 'spec/SPEC.md')}
<h2>Swimlanes</h2>${LEGEND}<div class="figures">${observed}${spec}</div>
${diffSection(verdict, diverge === undefined ? undefined : expected[diverge])}
<h2>Trace</h2><pre>${esc(printTrace(trace))}</pre>
<h2>Replay</h2>${replay || '<p>(no replay information)</p>'}
${SCRIPT}
</body></html>
`;
}
