/**
 * Expected-vs-observed at the diverging step: the allowed observation closest to what was observed, and the rows
 * (task, field) where the two differ.
 * @internal
 * @module
 */
import type { StepObservation } from '@umcg/spec';

/** One compared field. */
export interface DiffRow {
  readonly task: string;
  readonly field: string;
  readonly expected: string;
  readonly observed: string;
}

/** The comparable fields of an observation as `task.field → value`. */
export function flatten(o: StepObservation): Map<string, string> {
  const out = new Map<string, string>([['process.killed', String(o.killed)]]);
  for (const [name, t] of Object.entries(o.tasks)) {
    for (const [k, v] of Object.entries(t))
      out.set(`${name}.${k}`, Array.isArray(v) ? `[${v.join(',')}]` : String(v));
  }
  for (const [name, r] of Object.entries(o.results)) out.set(`${name}.result`, `${r.call} → ${r.ret}`);
  return out;
}

/** Rows for every field of either observation, marking differences. */
export function diffRows(
  expected: StepObservation,
  observed: StepObservation,
): (DiffRow & { differs: boolean })[] {
  const e = flatten(expected);
  const o = flatten(observed);
  const keys = [...new Set([...e.keys(), ...o.keys()])];
  return keys.map((k) => {
    const dot = k.indexOf('.');
    const ev = e.get(k) ?? '—';
    const ov = o.get(k) ?? '—';
    return { task: k.slice(0, dot), field: k.slice(dot + 1), expected: ev, observed: ov, differs: ev !== ov };
  });
}

/** The allowed observation with the fewest differing fields from `observed`. */
export function closest(
  allowed: readonly StepObservation[],
  observed: StepObservation,
): StepObservation | undefined {
  let best: StepObservation | undefined;
  let score = Number.POSITIVE_INFINITY;
  for (const a of allowed) {
    const n = diffRows(a, observed).filter((r) => r.differs).length;
    if (n < score) {
      score = n;
      best = a;
    }
  }
  return best;
}
