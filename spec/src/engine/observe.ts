/**
 * The observation of a quiescent state, rendered with the shared helpers (so it compares with every target's).
 * @module
 */
import type { SpecState, UserStruct } from '../kernel/state.js';
import type { CallResult, StepObservation, TaskObservation, Where } from '../model/observation.js';
import {
  renderPtr,
  renderReserved,
  renderState,
  renderTid,
  type SymbolTable,
  walkList,
} from '../model/render-words.js';

function symbols(s: SpecState): SymbolTable {
  return {
    tidName: (tid) => {
      const i = s.world.tids.indexOf(tid);
      return i >= 0 ? s.world.names[i] : undefined;
    },
    addrName: (addr) => {
      const i = s.world.addrs.indexOf(Number(addr));
      return i >= 0 ? s.world.names[i] : undefined;
    },
  };
}

function where(s: SpecState, i: number): Where {
  const k = s.k[i]!;
  if (s.killed) return 'killed';
  if (k.mode === 'exited') return 'exited';
  if (k.mode === 'user' || k.call === '') return 'user';
  return `asleep:${k.call}`;
}

/** The observation of `s`; `before` gives the timestamps at the start of the step. */
export function observe(s: SpecState, before?: readonly UserStruct[]): StepObservation {
  const results: Record<string, CallResult> = {};
  const tasks: Record<string, TaskObservation> = {};
  const sym = symbols(s);
  s.world.names.forEach((name, i) => {
    const r = s.k[i]!.result;
    if (r) results[name] = r;
    if (s.killed) return;
    const m = s.mem[i]!;
    const prev = before?.[i];
    const linkOf = (addr: bigint): bigint | undefined => {
      const j = s.world.addrs.indexOf(Number(addr));
      return j >= 0 ? BigInt(s.mem[j]!.runnable_workers_ptr) : undefined;
    };
    tasks[name] = {
      where: where(s, i),
      state: renderState(m.state),
      next_tid: renderTid(m.next_tid, sym),
      server_tid: renderTid(m.server_tid, sym),
      rwp: renderPtr(BigInt(m.runnable_workers_ptr), sym),
      list: walkList(BigInt(m.runnable_workers_ptr), linkOf, sym),
      reserved: renderReserved(m.hole, BigInt(m.zero0), BigInt(m.zero1), BigInt(m.zero2)),
      blocked_ts_moved: prev !== undefined && prev.blocked_ts !== m.blocked_ts,
      runnable_ts_moved: prev !== undefined && prev.runnable_ts !== m.runnable_ts,
      signals: s.k[i]!.signals,
    };
  });
  return { killed: s.killed, tasks, results };
}
