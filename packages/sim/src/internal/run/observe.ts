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

/** Timestamps of every task at the start of a step, and virtual time then, to report which moved. */
export interface Stamps {
  /** `[blocked_ts, runnable_ts]` per task. */
  readonly values: ReadonlyMap<Task, readonly [number, number]>;
  /** Virtual time at the start of the step. */
  readonly ns: number;
}

/** Records the timestamps now (and forgets which words user code wrote). */
export function stamps(k: Kernel): Stamps {
  k.userWritten.clear();
  const values = new Map(
    k.tasks.map(
      (t) => [t, [k.mem.peek(t.addr + BLOCKED_TS, 8), k.mem.peek(t.addr + RUNNABLE_TS, 8)]] as const,
    ),
  );
  return { values, ns: k.ns };
}

/**
 * Whether the timestamp at `addr` moved (state.update.timestamp-clock): a word user code wrote moved if it changed;
 * a word the kernel wrote moved only to a reading of the task's registration clock taken during the step and not
 * earlier than the previous stamp. A stamp on another clock or going backwards is reported as not moved, so the
 * checker sees it against the spec's `moved` (clock domain and order are compared, not exact values).
 */
function moved(k: Kernel, t: Task, addr: number, old: number, from: number): boolean {
  const now = k.mem.peek(addr, 8);
  if (now === old) return false;
  if (k.userWritten.has(addr)) return true;
  // The clock of a task registered with this struct (a task may register another task's struct, two tasks the
  // same one), or of its owner.
  const struct = addr - (addr % 64);
  const clocks = new Set([t.clock, ...k.tasks.filter((x) => x.umcgTask === struct).map((x) => x.clock)]);
  return [...clocks].some((clock) => {
    // Order is judged against an earlier kernel stamp of the same clock domain (a re-registration may change clocks).
    const sameDomain = !k.userEver.has(addr) && k.readingOf(clock, old, 0, k.ns);
    return (!sameDomain || now > old) && k.readingOf(clock, now, from, k.ns);
  });
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
    const [b0, r0] = before.values.get(t) ?? [0, 0];
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
      blocked_ts_moved: moved(k, t, a + BLOCKED_TS, b0, before.ns),
      runnable_ts_moved: moved(k, t, a + RUNNABLE_TS, r0, before.ns),
      signals: t.signals,
    };
  }
  return { killed: false, tasks, results };
}
