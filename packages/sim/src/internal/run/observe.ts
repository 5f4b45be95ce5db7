/**
 * Building a `StepObservation` from the kernel's state with the shared renderers of `@umcg/spec`.
 * The observer reads page contents directly (an unmapped page shows its last contents).
 * @module
 */
import {
  type CallResult,
  renderPtr,
  renderReserved,
  renderState,
  renderTid,
  type StepObservation,
  type TaskObservation,
  walkList,
} from '@umcg/spec/vocabulary';
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { BLOCKED_TS, NEXT_TID, RUNNABLE_TS, RWP, SERVER_TID, STATE } from '../umcg/fields.js';
import { symbolTable } from '../values.js';

/** Timestamps of every task at the start of a step, to report which moved. */
export type Stamps = ReadonlyMap<Task, readonly [number, number]>;

/** Records the timestamps now. */
export function stamps(k: Kernel): Stamps {
  return new Map(
    k.tasks.map(
      (t) => [t, [k.mem.peek(t.addr + BLOCKED_TS, 8), k.mem.peek(t.addr + RUNNABLE_TS, 8)]] as const,
    ),
  );
}

function where(t: Task): TaskObservation['where'] {
  if (t.mode === 'exited') return 'exited';
  if (t.mode === 'user') return 'user';
  return `asleep:${t.entry}`;
}

/** The observation after a step. */
export function observe(k: Kernel, before: Stamps, results: Record<string, CallResult>): StepObservation {
  if (k.killed) return { killed: true, tasks: {}, results };
  const sym = symbolTable(k);
  const tasks: Record<string, TaskObservation> = {};
  const linkOf = (addr: bigint): bigint | undefined => {
    const n = Number(addr);
    const p = k.mem.page(n);
    return p === undefined || n % 4096 !== 0 ? undefined : BigInt(k.mem.peek(n + RWP, 8));
  };
  for (const t of k.tasks) {
    const a = t.addr;
    const rwp = BigInt(k.mem.peek(a + RWP, 8));
    const [b0, r0] = before.get(t) ?? [0, 0];
    tasks[t.name] = {
      where: where(t),
      state: renderState(k.mem.peek(a + STATE, 4)),
      next_tid: renderTid(k.mem.peek(a + NEXT_TID, 4), sym),
      server_tid: renderTid(k.mem.peek(a + SERVER_TID, 4), sym),
      rwp: renderPtr(rwp, sym),
      list: walkList(rwp, linkOf, sym),
      reserved: renderReserved(
        k.mem.peek(a + 12, 4),
        BigInt(k.mem.peek(a + 40, 8)),
        BigInt(k.mem.peek(a + 48, 8)),
        BigInt(k.mem.peek(a + 56, 8)),
      ),
      blocked_ts_moved: k.mem.peek(a + BLOCKED_TS, 8) !== b0,
      runnable_ts_moved: k.mem.peek(a + RUNNABLE_TS, 8) !== r0,
      signals: t.signals,
    };
  }
  return { killed: false, tasks, results };
}
