/**
 * Where a trace's time goes on the QEMU target: the executor child's own breakdown (`timing` of each response,
 * PROTOCOL.md) plus the two costs around it, fork and reaping (`ms` − `child`) and the host channel (round trip
 * on the host − `ms`), averaged per trace.
 * @module
 */
import type { RawTiming } from '@umcg/native';

/** One run's figures. */
export interface RunTiming {
  readonly guest?: RawTiming;
  /** The executor's `ms` (fork to response). */
  readonly execMs?: number;
  /** The host's round trip of the request, ms. */
  readonly hostMs: number;
}

/** The rows of the breakdown, ms per trace (and the sample counts per trace). */
export function breakdown(timings: readonly (RunTiming | undefined)[]): {
  rows: [string, number][];
  samplesPerTrace: number;
  traces: number;
} {
  const runs = timings.filter((t): t is RunTiming & { guest: RawTiming; execMs: number } =>
    Boolean(t?.guest && t.execMs !== undefined),
  );
  const n = Math.max(1, runs.length);
  const sum = (f: (t: (typeof runs)[number]) => number): number => runs.reduce((a, t) => a + f(t), 0) / n;
  const us = (k: keyof RawTiming) => sum((t) => t.guest[k]) / 1000;
  const parts: [string, number][] = [
    ['executor set-up (handler, prefault, pages, threads)', us('setup')],
    ['posting steps', us('exec')],
    ['expire: deadline and late-timer grace', us('expire')],
    ['quiescence: reading /proc', us('sample')],
    ['quiescence: sample period sleeps (3 stable samples)', us('period')],
    ['quiescence: expire settle', us('settle')],
    ['quiescence: user-mode ping', us('ping')],
    ['observations', us('observe')],
  ];
  const known = parts.reduce((a, [, v]) => a + v, 0);
  return {
    rows: [
      ...parts,
      ['child, other', us('child') - known],
      ['fork and reaping the child', sum((t) => t.execMs) - us('child')],
      ['host channel (round trip - executor)', sum((t) => t.hostMs - t.execMs)],
      ['total per trace (host round trip)', sum((t) => t.hostMs)],
    ],
    samplesPerTrace: sum((t) => t.guest.samples),
    traces: runs.length,
  };
}

/** The breakdown as printable lines. */
export function renderBreakdown(title: string, timings: readonly (RunTiming | undefined)[]): string[] {
  const b = breakdown(timings);
  const total = b.rows.at(-1)?.[1] ?? 0;
  return [
    `${title}: where a trace's time goes (mean of ${b.traces} completed traces; ${b.samplesPerTrace.toFixed(1)} /proc samples each)`,
    ...b.rows.map(
      ([k, v]) =>
        `  ${k.padEnd(54)}${v.toFixed(2).padStart(9)} ms${total > 0 ? `${((100 * v) / total).toFixed(0).padStart(5)} %` : ''}`,
    ),
  ];
}
