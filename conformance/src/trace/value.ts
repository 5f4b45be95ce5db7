/**
 * Values of the text form: `RUNNABLE|COND_WAIT`, `tid(w1)`, `tid(w1)|TID_RUNNING`, `addr(w1)`, `garbage`, hex and
 * decimal numbers, and the symbolic constants of `internal/symbols.ts`, combined with `|`.
 * @module
 */
import type { Field, Value } from '@umcg/spec';
import {
  STATE_NAMES,
  UMCG_TASK_MASK,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
  UMCG_TID_RUNNING,
} from '@umcg/spec';
import type { Cursor } from './internal/cursor.js';
import { VALUE_CONSTANTS } from './internal/symbols.js';

const EXPECTED = 'a value (number, constant such as RUNNABLE, tid(task), addr(task) or garbage)';
const MAX = 2n ** 53n - 1n;

/** Parses `term ('|' term)*`; `isTask` validates task names. */
export function parseValue(cur: Cursor, isTask: (name: string) => boolean): Value {
  let bits = 0n;
  let base: Value | undefined;
  do {
    const at = cur.mark();
    const n = cur.number();
    if (n !== undefined) {
      bits |= n;
      continue;
    }
    const word = cur.ident();
    if (word === undefined) throw cur.fail(EXPECTED, at);
    if (word === 'tid' || word === 'addr') {
      cur.expect('(');
      const tAt = cur.mark();
      const task = cur.ident();
      if (task === undefined || !isTask(task)) throw cur.fail('a declared task name', tAt);
      cur.expect(')');
      if (base !== undefined) throw cur.error('only one tid(...), addr(...) or garbage per value', at);
      base = word === 'tid' ? { kind: 'tid', task, bits: 0 } : { kind: 'addr', task };
      continue;
    }
    if (word === 'garbage') {
      if (base !== undefined) throw cur.error('only one tid(...), addr(...) or garbage per value', at);
      base = { kind: 'garbage' };
      continue;
    }
    const c = VALUE_CONSTANTS.get(word);
    if (c === undefined) throw cur.fail(EXPECTED, at);
    bits |= BigInt(c);
  } while (cur.eat('|'));
  if (bits > MAX) throw cur.error('value does not fit in 53 bits');
  if (base === undefined) return { kind: 'num', value: Number(bits) };
  if (bits === 0n) return base;
  if (base.kind === 'tid' && bits <= 0xffffffffn) return { ...base, bits: Number(bits) };
  throw cur.error(
    `${base.kind === 'tid' ? 'tid(...) takes only 32-bit' : `${base.kind} takes no`} extra bits`,
  );
}

/** Prints a number for `field`: state words symbolically, small numbers in decimal, others in hex. */
export function printNumber(value: number, field?: Field): string {
  if (field === 'state') return printState(value);
  if (value < 10) return String(value);
  return `0x${value.toString(16)}`;
}

/** Prints a state word as `BASE|FLAG|0x..`. */
export function printState(value: number): string {
  const v = BigInt(value);
  const baseNum = Number(v & BigInt(UMCG_TASK_MASK));
  const parts = [STATE_NAMES[baseNum] ?? `0x${baseNum.toString(16)}`];
  let rest = v & ~BigInt(UMCG_TASK_MASK);
  for (const [name, bit] of [
    ['PREEMPT', UMCG_TF_PREEMPT],
    ['COND_WAIT', UMCG_TF_COND_WAIT],
  ] as const) {
    if ((rest & BigInt(bit)) !== 0n) {
      parts.push(name);
      rest &= ~BigInt(bit);
    }
  }
  if (rest !== 0n) parts.push(`0x${rest.toString(16)}`);
  return parts.join('|');
}

/** Prints a value in the text form (parses back to the same value). */
export function printValue(value: Value, field?: Field): string {
  switch (value.kind) {
    case 'num':
      return printNumber(value.value, field);
    case 'garbage':
      return 'garbage';
    case 'addr':
      return `addr(${value.task})`;
    case 'tid': {
      if (value.bits === 0) return `tid(${value.task})`;
      const rest = (value.bits & ~UMCG_TID_RUNNING) >>> 0;
      const parts = [`tid(${value.task})`];
      if ((value.bits & UMCG_TID_RUNNING) !== 0) parts.push('TID_RUNNING');
      if (rest !== 0) parts.push(`0x${rest.toString(16)}`);
      return parts.join('|');
    }
  }
}
