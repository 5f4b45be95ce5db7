/**
 * Decoding executor responses into `StepObservation`s with the spec's shared renderers (`renderState`,
 * `renderTid`, `renderPtr`, `walkList`), so the native and QEMU targets render exactly like the spec.
 * @module
 */

import type { LitmusRun, TraceRun } from '@umcg/conformance';
import {
  type CallResult,
  errnoName,
  renderPtr,
  renderState,
  renderTid,
  type StepObservation,
  type SymbolTable,
  type TaskObservation,
  type Where,
  walkList,
} from '@umcg/spec/vocabulary';
import type { RawResponse, RawWords } from './raw.js';

/** The symbol table of a response (its tids and struct addresses). */
export function symbolsOf(r: RawResponse): SymbolTable {
  const tids = new Map(Object.entries(r.tids ?? {}).map(([n, t]) => [Number(t) >>> 0, n] as const));
  const addrs = new Map(Object.entries(r.addrs ?? {}).map(([n, a]) => [BigInt(a), n] as const));
  return { tidName: (t) => tids.get(t >>> 0), addrName: (a) => addrs.get(a) };
}

const big = (s: string | number | undefined): bigint => BigInt(s ?? 0);

/** Renders a raw result: negative numbers become errno names (`-22` → `EINVAL`); the rest is kept. */
export function renderResult(r: { readonly call: string; readonly ret: string }): CallResult {
  const m = /^-(\d+)$/.exec(r.ret);
  if (m === null) return { call: r.call, ret: r.ret };
  return { call: r.call, ret: errnoName(-Number(m[1])) ?? `E${m[1]}` };
}

/** Decodes every step of a response into observations, in order (EXECUTION-MODEL.md, "Observations"). */
export function decodeSteps(r: RawResponse): StepObservation[] {
  const sym = symbolsOf(r);
  const addrOf = new Map(Object.entries(r.addrs ?? {}).map(([n, a]) => [n, BigInt(a)] as const));
  let prev = new Map<string, RawWords>();
  return (r.steps ?? []).map((step) => {
    const results: Record<string, CallResult> = {};
    for (const [n, res] of Object.entries(step.results ?? {})) results[n] = renderResult(res);
    if (step.killed) return { killed: true, tasks: {}, results };
    const raw = step.tasks ?? {};
    const byAddr = new Map<bigint, RawWords>();
    for (const [n, t] of Object.entries(raw)) {
      const a = addrOf.get(n);
      if (a !== undefined) byAddr.set(a, t.words);
    }
    const linkOf = (addr: bigint): bigint | undefined => {
      const w = byAddr.get(addr);
      return w === undefined ? undefined : big(w.runnable_workers_ptr);
    };
    const tasks: Record<string, TaskObservation> = {};
    for (const [name, t] of Object.entries(raw)) {
      const w = t.words;
      const before = t.base ?? prev.get(name);
      const rwp = big(w.runnable_workers_ptr);
      tasks[name] = {
        where: t.where as Where,
        state: renderState(w.state),
        next_tid: renderTid(w.next_tid, sym),
        server_tid: renderTid(w.server_tid, sym),
        rwp: renderPtr(rwp, sym),
        list: walkList(rwp, linkOf, sym),
        reserved: `${w.hole} ${big(w.zero0)},${big(w.zero1)},${big(w.zero2)}`,
        blocked_ts_moved: big(w.blocked_ts) !== big(before?.blocked_ts),
        runnable_ts_moved: big(w.runnable_ts) !== big(before?.runnable_ts),
        signals: t.signals,
      };
    }
    prev = new Map(Object.entries(raw).map(([n, t]) => [n, t.words] as const));
    return { killed: false, tasks, results };
  });
}

/** The executor's signal diagnostics of a response, one `step N: task ...` line per task that has one. */
export function signalDiagnostics(r: RawResponse): string[] {
  return (r.steps ?? []).flatMap((step, i) =>
    Object.entries(step.tasks ?? {}).flatMap(([name, t]) =>
      t.diag === undefined ? [] : [`step ${i + 1}: ${name} ${t.diag}`],
    ),
  );
}

/** Signal diagnostics kept in a run's `detail` (the first ones; a count stands for the rest). */
const MAX_DIAGNOSTICS = 10;

/** A trace response as a `TraceRun` (its signal diagnostics go into `detail`, which failure reports show). */
export function toTraceRun(r: RawResponse): TraceRun {
  const observations = decodeSteps(r);
  const all = signalDiagnostics(r);
  const diags = all.slice(0, MAX_DIAGNOSTICS);
  if (all.length > MAX_DIAGNOSTICS) diags.push(`(${all.length - MAX_DIAGNOSTICS} more)`);
  const detail = [r.detail, ...diags].filter((d) => d !== undefined && d !== '').join('; ');
  return detail ? { observations, status: r.status, detail } : { observations, status: r.status };
}

/** A litmus response (one final step) as a `LitmusRun`. */
export function toLitmusRun(r: RawResponse): LitmusRun {
  const obs = decodeSteps(r)[0] ?? { killed: false, tasks: {}, results: {} };
  const status = r.status === 'completed' && r.steps?.length !== 1 ? 'crashed' : r.status;
  const detail =
    status !== r.status ? `expected one final observation, got ${r.steps?.length ?? 0}` : r.detail;
  return detail ? { observation: obs, status, detail } : { observation: obs, status };
}
