/**
 * Content hash of a trace: sha256 of its canonical JSON, first 12 hex digits, printed in every result line so
 * results of different targets and runs join safely (herd7's `Hash=`). The hash covers what executes and what is
 * checked (profile, tasks, steps, expectations, requirements), not the name, description, rules or sources, so
 * renaming or re-documenting a trace keeps its hash.
 * @module
 */
import { createHash } from 'node:crypto';
import type { LitmusTest, Trace } from './types.js';

/** JSON with object keys sorted and `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha12 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);
const tasksOf = (t: Trace['header']): unknown =>
  t.tasks.map((d) => (d.memory === 'shmem' ? d : { name: d.name }));

/** The canonical JSON the hash is computed from. */
export function canonicalTrace(trace: Trace): string {
  const h = trace.header;
  const steps = trace.steps.map((s) => ({
    action: s.action,
    expect: s.expect?.length ? s.expect : undefined,
    oneOf: s.oneOf?.length ? s.oneOf : undefined,
  }));
  return canonicalJson({
    version: h.version,
    profile: h.profile,
    tasks: tasksOf(h),
    requires: [...h.requires].sort(),
    steps,
  });
}

/** The 12-hex-digit content hash of a trace. */
export function traceHash(trace: Trace): string {
  return sha12(canonicalTrace(trace));
}

/** The 12-hex-digit content hash of a litmus test (program and profile). */
export function litmusHash(test: LitmusTest): string {
  const h = test.header;
  return sha12(
    canonicalJson({
      litmus: 1,
      profile: h.profile,
      tasks: tasksOf(h),
      program: { ...test.program, tasks: undefined },
    }),
  );
}

/**
 * A seed derived from `seed` and `salt` by a hash (a signed 32-bit integer), so that nearby run seeds give unrelated
 * derived seeds: with `seed + i`, `--seed 5` and `--seed 6` would re-sample almost the same litmus runs.
 */
export function deriveSeed(seed: number, ...salt: readonly (string | number)[]): number {
  return createHash('sha256')
    .update(JSON.stringify([seed, ...salt]))
    .digest()
    .readInt32LE(0);
}
