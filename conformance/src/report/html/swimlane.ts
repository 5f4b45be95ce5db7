/**
 * A trace drawn as an SVG swimlane diagram: one lane per task, one column per step; each cell is colored by the
 * task's state after the step, shows where the task is and its runnable list; the acting task's cell is outlined,
 * list pushes (solid) and wakes (dashed) are arrows, and a diverging column is marked. Steps are numbered from 1,
 * as in the trace text and the checker's messages. Cells whose task differs from the other diagram at the
 * diverging step are outlined in red (`.cell.differs`); the trace's own annotations (`# ...` expectations) are drawn
 * as marks under the step label (`.annot`, red when the annotation is what failed).
 * @module
 */
import type { Action, StepObservation, TaskName } from '@umcg/spec';
import { printAction } from '../../trace/action.js';
import { arrowsOf } from './internal/arrows.js';
import { cellOf } from './internal/cells.js';
import { esc } from './internal/escape.js';

/** Options of one diagram. */
export interface SwimlaneOptions {
  /** Caption above the diagram. */
  readonly title: string;
  /** Tasks (lanes), in order. */
  readonly tasks: readonly TaskName[];
  /** Steps drawn (one column each). */
  readonly actions: readonly Action[];
  /** Observation after each step (may be shorter than `actions`: missing columns are drawn empty). */
  readonly observations: readonly StepObservation[];
  /** Column to mark as diverging. */
  readonly diverge?: number;
  /** CSS class of the figure (`observed` / `expected`). */
  readonly kind: string;
  /** Tasks whose cell at the diverging step differs from the other diagram's (highlighted). */
  readonly differs?: ReadonlySet<string>;
  /** The trace's annotation of each step (expectation atoms), drawn as marks. */
  readonly annotations?: readonly (readonly string[] | undefined)[];
  /** The annotation at the diverging step is what failed (the target met the spec but not the trace's claim). */
  readonly annotationFailed?: boolean;
}

const LEFT = 56;
const COL = 118;
const LANE = 50;
const TOP = 58;

const label = (a: Action): string => printAction(a);
const short = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function header(o: SwimlaneOptions): string[] {
  return o.actions.map((a, i) => {
    const x = LEFT + i * COL;
    const text = label(a);
    const [who, body = ''] = text.split(': ');
    const cls = i === o.diverge ? ' diverge-label' : '';
    const note = o.annotations?.[i];
    const failed = o.annotationFailed === true && i === o.diverge;
    const mark =
      note === undefined || note.length === 0
        ? ''
        : `<g class="annot${failed ? ' failed' : ''}" data-step="${i + 1}"><title>${esc(`trace annotation of #${i + 1}: # ${note.join(', ')}${failed ? ' (this is what failed)' : ''}`)}</title>` +
          `<text x="${x + 4}" y="48" class="annot-text">✎ ${esc(short(note.join(', '), 17))}</text></g>`;
    return (
      `<g class="step${cls}"><title>${esc(`#${i + 1} ${text}`)}</title>` +
      `<text x="${x + 4}" y="16" class="step-no">#${i + 1} ${esc(who ?? '')}</text>` +
      `<text x="${x + 4}" y="32" class="step-op">${esc(short(body, 18))}</text></g>${mark}`
    );
  });
}

function cells(o: SwimlaneOptions, i: number, obs: StepObservation): string[] {
  const x = LEFT + i * COL;
  const actor = o.actions[i]?.task;
  return o.tasks.map((t, j) => {
    const c = cellOf(obs, t);
    const y = TOP + j * LANE;
    const differs = i === o.diverge && o.differs?.has(t) === true;
    const stroke = differs
      ? ' stroke="#d50000" stroke-width="4"'
      : t === actor
        ? ' stroke="#000" stroke-width="2.5"'
        : ' stroke="#607d8b" stroke-width="0.5"';
    const op = c.asleep ? ' fill-opacity="0.5"' : '';
    const res =
      c.result === undefined
        ? ''
        : `<text x="${x + COL - 8}" y="${y + 33}" class="ret" text-anchor="end">→${esc(c.result)}</text>`;
    return (
      `<g class="cell${differs ? ' differs' : ''}" data-task="${esc(t)}" data-step="${i + 1}"><title>${esc(`${t} after #${i + 1}: ${c.label} ${c.sub}${differs ? ' (differs from the other diagram)' : ''}`)}</title>` +
      `<rect x="${x + 3}" y="${y + 3}" width="${COL - 6}" height="${LANE - 10}" rx="5" fill="${c.fill}"${op}${stroke}/>` +
      `<text x="${x + 8}" y="${y + 19}" class="st">${esc(short(c.label, 13))}</text>` +
      `<text x="${x + 8}" y="${y + 33}" class="sub">${esc(short(c.sub, 19))}</text>${res}</g>`
    );
  });
}

function arrows(
  o: SwimlaneOptions,
  i: number,
  before: StepObservation | undefined,
  after: StepObservation,
): string[] {
  const action = o.actions[i];
  if (action === undefined) return [];
  return arrowsOf(action, before, after).flatMap((a, k) => {
    const from = o.tasks.indexOf(a.from);
    const to = o.tasks.indexOf(a.to);
    if (from < 0 || to < 0) return [];
    const x = LEFT + i * COL + COL - 16 - k * 8;
    const y1 = TOP + from * LANE + LANE / 2;
    const y2 = TOP + to * LANE + (to > from ? 6 : LANE - 10);
    const cls = a.kind === 'push' ? 'arrow push' : 'arrow wake';
    return [
      `<path class="${cls}" d="M${x},${y1} L${x},${y2}" marker-end="url(#head-${a.kind}-${o.kind})"><title>${a.kind} ${esc(a.from)} → ${esc(a.to)}</title></path>`,
    ];
  });
}

/** The SVG figure of one swimlane diagram. */
export function renderSwimlane(o: SwimlaneOptions): string {
  const width = LEFT + Math.max(1, o.actions.length) * COL + 8;
  const height = TOP + o.tasks.length * LANE + 4;
  const parts: string[] = [];
  if (o.diverge !== undefined) {
    parts.push(
      `<rect class="diverge" x="${LEFT + o.diverge * COL}" y="0" width="${COL}" height="${height}"/>`,
    );
  }
  parts.push(...header(o));
  o.tasks.forEach((t, j) => {
    const y = TOP + j * LANE;
    parts.push(
      `<g class="lane" data-task="${esc(t)}"><line x1="0" x2="${width}" y1="${y + LANE - 2}" y2="${y + LANE - 2}"/>`,
    );
    parts.push(`<text x="6" y="${y + 27}" class="lane-name">${esc(t)}</text></g>`);
  });
  o.observations.forEach((obs, i) => {
    parts.push(...cells(o, i, obs), ...arrows(o, i, o.observations[i - 1], obs));
  });
  const defs =
    `<defs><marker id="head-push-${o.kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="#1a237e"/></marker>` +
    `<marker id="head-wake-${o.kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="#00838f"/></marker></defs>`;
  return (
    `<figure class="swimlane ${esc(o.kind)}"><figcaption>${esc(o.title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(o.title)}">` +
    `${defs}${parts.join('')}</svg></figure>`
  );
}
