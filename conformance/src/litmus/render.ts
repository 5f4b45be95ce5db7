/**
 * Text rendering of litmus histograms, in the layout of litmus7's output: a header, one row per outcome class
 * with its count (`*>` marks runs satisfying the condition, `!` an outcome the spec forbids), the spec's Ok/No for
 * the condition, the witnesses, the hash, and the `Observation <name> Never|Sometimes|Always <pos> <neg>` line.
 * @module
 */
import { litmusHash } from '../trace/hash.js';
import type { LitmusHistogram } from './histogram.js';
import { compactObservation, varyingWords } from './internal/compact.js';

const KIND = { exists: 'Allowed', '~exists': 'Forbidden', forall: 'Required' } as const;

/** herd's Never/Sometimes/Always of the positive witnesses. */
export function observationKind(h: LitmusHistogram): 'Never' | 'Sometimes' | 'Always' {
  if (h.positive === 0) return 'Never';
  return h.negative === 0 ? 'Always' : 'Sometimes';
}

/** The summary line `Observation <name> Never|Sometimes|Always <pos> <neg>`. */
export function observationLine(h: LitmusHistogram): string {
  return `Observation ${h.test.header.name} ${observationKind(h)} ${h.positive} ${h.negative}`;
}

/** The runs each allowed outcome needed before it was first seen (`-` never), in the table's order. */
export function firstSeenLine(h: LitmusHistogram): string {
  return h.rows
    .filter((r) => r.allowed)
    .map((r) => (r.firstAt === undefined ? '-' : String(r.firstAt)))
    .join('/');
}

/** The full text table of a histogram. */
export function renderLitmusHistogram(h: LitmusHistogram): string {
  const c = h.test.condition;
  const allowed = h.rows.filter((r) => r.allowed);
  const seen = allowed.filter((r) => r.count > 0).length;
  const forbidden = h.rows.filter((r) => !r.allowed);
  const varying = varyingWords(h.rows.map((r) => r.observation));
  const width = Math.max(5, ...h.rows.map((r) => String(r.count).length));
  const out = [
    `Test ${h.test.header.name} ${c === undefined ? '' : KIND[c.quantifier]}`.trimEnd(),
    `Profile ${h.test.header.profile}; ${h.runs} runs from seed ${h.seed}; spec: ${h.explored.states} states` +
      (h.explored.complete ? '' : ' (budget exhausted: outcome set partial)'),
    `Histogram (${allowed.length} allowed: ${seen} seen, ${allowed.length - seen} never seen; ${forbidden.length} forbidden seen)`,
  ];
  for (const r of h.rows) {
    const mark = !r.allowed ? '!>' : r.witness ? '*>' : ':>';
    const tag = !r.allowed
      ? `   FORBIDDEN (first at run ${r.firstAt})`
      : r.count === 0
        ? '   (allowed, never seen)'
        : `   (first at run ${r.firstAt})`;
    out.push(
      `${String(r.count).padStart(width)} ${mark} ${compactObservation(r.observation, varying)}${tag}`,
    );
  }
  const bad = Object.entries(h.statuses).filter(([k, n]) => k !== 'completed' && n > 0);
  if (bad.length) out.push(`Not completed: ${bad.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  out.push(
    h.verdict === 'fail' ? 'No (a forbidden outcome was observed)' : h.verdict === 'ok' ? 'Ok' : 'Unknown',
  );
  out.push('Witnesses', `Positive: ${h.positive}, Negative: ${h.negative}`);
  if (c !== undefined) {
    const status = h.specCondition ? 'holds' : 'does NOT hold';
    out.push(`Condition ${c.quantifier} (${c.atoms.join(' /\\ ')}) ${status} in the spec`);
  } else out.push('Condition (none): positive witnesses are runs with a spec-forbidden outcome');
  out.push(`Hash=${litmusHash(h.test)}`, observationLine(h));
  return `${out.join('\n')}\n`;
}
