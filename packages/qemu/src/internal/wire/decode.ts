/**
 * Decoding executor responses (packages/native/PROTOCOL.md) into `StepObservation`s with the spec's shared
 * renderers. A stand-in until `@umcg/native` exports its wire decoder.
 * @module
 */
import {
  type CallResult,
  renderPtr,
  renderState,
  renderTid,
  type StepObservation,
  type SymbolTable,
  type TaskObservation,
  type Where,
  walkList,
} from '@umcg/spec';

/** Raw words of one task as the executor sends them (u64 words as decimal strings). */
export interface RawWords {
  readonly state: number;
  readonly next_tid: number;
  readonly server_tid: number;
  readonly hole: number;
  readonly blocked_ts: string;
  readonly runnable_ts: string;
  readonly runnable_workers_ptr: string;
  readonly zero0: string;
  readonly zero1: string;
  readonly zero2: string;
}

/** One raw step of a response. */
export interface RawStep {
  readonly killed: boolean;
  readonly tasks?: Readonly<
    Record<string, { readonly where: string; readonly signals: number; readonly words: RawWords }>
  >;
  readonly results?: Readonly<Record<string, CallResult>>;
}

/** A response line, parsed. */
export type RawResponse = {
  readonly id: string;
  readonly status: 'completed' | 'timeout' | 'crashed' | 'unsupported';
  readonly detail?: string;
  readonly tids?: Readonly<Record<string, number>>;
  readonly addrs?: Readonly<Record<string, string>>;
  readonly steps?: readonly RawStep[];
};

/** The symbol table of a response (its tids and struct addresses). */
export function symbolsOf(r: RawResponse): SymbolTable {
  const tids = new Map(Object.entries(r.tids ?? {}).map(([n, t]) => [Number(t) >>> 0, n] as const));
  const addrs = new Map(Object.entries(r.addrs ?? {}).map(([n, a]) => [BigInt(a), n] as const));
  return { tidName: (t) => tids.get(t >>> 0), addrName: (a) => addrs.get(a) };
}

const big = (s: string | number | undefined): bigint => BigInt(s ?? 0);

/** Decodes every step of a response into observations, in order, following EXECUTION-MODEL.md. */
export function decodeSteps(r: RawResponse): StepObservation[] {
  const sym = symbolsOf(r);
  const addrOf = new Map(Object.entries(r.addrs ?? {}).map(([n, a]) => [n, BigInt(a)] as const));
  let prev = new Map<string, RawWords>();
  return (r.steps ?? []).map((step) => {
    const results = step.results ?? {};
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
      const p = prev.get(name);
      const rwp = big(w.runnable_workers_ptr);
      tasks[name] = {
        where: t.where as Where,
        state: renderState(w.state),
        next_tid: renderTid(w.next_tid, sym),
        server_tid: renderTid(w.server_tid, sym),
        rwp: renderPtr(rwp, sym),
        list: walkList(rwp, linkOf, sym),
        reserved: `${w.hole} ${big(w.zero0)},${big(w.zero1)},${big(w.zero2)}`,
        blocked_ts_moved: big(w.blocked_ts) !== big(p?.blocked_ts),
        runnable_ts_moved: big(w.runnable_ts) !== big(p?.runnable_ts),
        signals: t.signals,
      };
    }
    prev = new Map(Object.entries(raw).map(([n, t]) => [n, t.words] as const));
    return { killed: false, tasks, results };
  });
}
