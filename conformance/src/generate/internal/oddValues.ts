/**
 * Odd values: the boundary and flag-carrying values the spec gives meaning to, for the fields and arguments a
 * generated action writes. A tid where a call takes one (`next_tid`, `server_tid`, `umcg_kick`) with
 * `UMCG_TID_RUNNING`, another high bit or both set, or 0 / all ones; a state word with user bits or unknown TF bits
 * set at the moment the next kernel path compares it (the task's current state word plus the bits); an unmapped or
 * misaligned pointer in `runnable_workers_ptr`; `umcg_ctl` with a NULL, misaligned or foreign `self`, another clock
 * or unknown flags; `umcg_wait` and `umcg_kick` with unknown flags. The generator draws them rarely (see
 * `variants.ts`), so the common protocol still dominates.
 * @internal
 * @module
 */
import type { Action, TaskName, TaskObservation, Value } from '@umcg/spec';
import {
  CLOCK_BOOTTIME,
  CLOCK_REALTIME,
  CLOCK_TAI,
  FLAG_NAMES,
  num,
  STATE_NAMES,
  tidOf,
  UMCG_CTL_CMD,
  UMCG_CTL_MULTI,
  UMCG_CTL_REGISTER,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
  UMCG_TID_RUNNING,
  UMCG_WAIT_ENQUEUE,
} from '@umcg/spec';

/** A high tid bit outside `UMCG_TID_MASK` other than `UMCG_TID_RUNNING`. */
export const TID_HIGH_BIT = 0x40000000;
/** Tid bits a tid field or argument may carry. */
export const TID_BITS: readonly number[] = [
  UMCG_TID_RUNNING,
  TID_HIGH_BIT,
  (UMCG_TID_RUNNING | TID_HIGH_BIT) >>> 0,
];
/** Bits OR-ed into a state word: user bits (low and high), an unknown TF bit, and the known flags. */
export const STATE_BITS: readonly number[] = [0x10000, 0x80000000, 0x400, UMCG_TF_PREEMPT, UMCG_TF_COND_WAIT];
/** Pointer values that are no struct: unmapped, misaligned, both. */
const BAD_POINTERS: readonly number[] = [0x1000, 0x8, 0xdead0];

const byName = (names: Readonly<Record<number, string>>): Map<string, number> =>
  new Map(Object.entries(names).map(([v, n]) => [n, Number(v)]));
const STATES = byName(STATE_NAMES);
const FLAGS = byName(FLAG_NAMES);

/** The raw state word a rendered state (`RUNNABLE|COND_WAIT`, `RUNNING|0x10000`, `STATE_0x7|TF_0x400`) stands for. */
export function stateWord(rendered: string): number | undefined {
  const [base, ...rest] = rendered.split('|');
  let w = STATES.get(base ?? '') ?? (base?.startsWith('STATE_') ? Number(base.slice(6)) : Number.NaN);
  for (const part of rest) {
    const flag = FLAGS.get(part) ?? (part.startsWith('TF_') ? Number(part.slice(3)) : Number(part));
    w |= flag;
  }
  return Number.isFinite(w) ? w >>> 0 : undefined;
}

/**
 * The odd tids in place of `v`: mostly the same task's tid with the high bits (the picked action named the task
 * the protocol needs), then every other task's, 0 and all ones.
 */
const tidValues = (v: Value, tasks: readonly TaskName[]): Value[] => {
  const same = v.kind === 'tid' ? TID_BITS.map((bits) => tidOf(v.task, bits)) : [];
  const others = tasks.flatMap((t) => TID_BITS.map((bits) => tidOf(t, bits)));
  return [...same, ...same, ...same, ...others, num(0), num(0xffffffff)];
};

/** Odd-valued versions of `a` (and, for a task that is about to enter the kernel, an odd store of its own state). */
export function oddVariants(
  a: Action,
  me: TaskObservation | undefined,
  tasks: readonly TaskName[],
): Action[] {
  const ownState = (): Action[] => {
    const w = me === undefined ? undefined : stateWord(me.state);
    if (w === undefined) return [];
    return STATE_BITS.filter((b) => (w & b) === 0).map((b) => ({
      op: 'store',
      task: a.task,
      target: a.task,
      field: 'state',
      value: num((w | b) >>> 0),
    }));
  };
  switch (a.op) {
    case 'store':
      if (a.field === 'server_tid' || a.field === 'next_tid')
        return tidValues(a.value, tasks).map((value) => ({ ...a, value }));
      if (a.field === 'state' && a.value.kind === 'num') {
        const v = a.value.value;
        return STATE_BITS.map((b) => ({ ...a, value: num((v | b) >>> 0) }));
      }
      if (a.field === 'runnable_workers_ptr') return BAD_POINTERS.map((p) => ({ ...a, value: num(p) }));
      return [];
    case 'kick':
      return [...tidValues(a.tid, tasks).map((tid) => ({ ...a, tid })), { ...a, flags: 2 }];
    case 'ctl': {
      const out: Action[] = [
        { ...a, self: { kind: 'null' } },
        { ...a, self: { kind: 'misaligned' } },
        { ...a, flags: a.flags | UMCG_CTL_MULTI },
        { ...a, flags: a.flags | 0x100 },
        ...tasks.filter((t) => t !== a.task).map((t): Action => ({ ...a, self: { kind: 'of', task: t } })),
      ];
      if ((a.flags & UMCG_CTL_CMD) === UMCG_CTL_REGISTER)
        for (const clock of [CLOCK_REALTIME, CLOCK_BOOTTIME, CLOCK_TAI, 2]) out.push({ ...a, clock });
      return out;
    }
    case 'wait':
      return [{ ...a, flags: UMCG_WAIT_ENQUEUE }, { ...a, flags: 2 }, ...ownState()];
    case 'syscall':
    case 'fault':
    case 'take':
      return [
        ...ownState(),
        { op: 'store', task: a.task, target: a.task, field: 'runnable_workers_ptr', value: num(0x1000) },
      ];
    default:
      return [];
  }
}
