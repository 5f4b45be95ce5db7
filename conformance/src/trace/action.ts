/**
 * One step of the text form: `<task>: <op> <args>` for user actions, `env: <event> <task>` for environment events.
 * `printAction` is the inverse of `parseAction`.
 * @module
 */
import type { Action, Field, SelfArg, Timeout, UserAction, Value } from '@umcg/spec';
import { CLOCK_MONOTONIC, FIELDS, UMCG_CTL_CMD, UMCG_CTL_REGISTER } from '@umcg/spec';
import type { Cursor } from './internal/cursor.js';
import { CLOCKS, CTL_FLAGS, nameOf, printBits, WAIT_FLAGS } from './internal/symbols.js';
import { parseValue, printValue } from './value.js';

const USER = 'an operation (store, cas, take, ctl, wait, kick, syscall, fault, exit)';
const ENV = 'an event (complete, signal, expire, unmap)';
const FIELD_ALIASES: Readonly<Record<string, Field>> = { rwp: 'runnable_workers_ptr' };

/** Parses the part after `<task>:` (or `env:` when `task` is `env`). */
export function parseAction(cur: Cursor, task: string, isTask: (n: string) => boolean): Action {
  const at = cur.mark();
  const op = cur.ident();
  const taskArg = (): string => {
    const tAt = cur.mark();
    const t = cur.ident();
    if (t === undefined || !isTask(t)) throw cur.fail('a declared task name', tAt);
    return t;
  };
  if (task === 'env') {
    if (op === 'complete' || op === 'signal' || op === 'expire' || op === 'unmap')
      return { op, task: taskArg() };
    throw cur.fail(ENV, at);
  }
  const field = (): { target: string; field: Field } => {
    const target = taskArg();
    cur.expect('.', "'.' and a field name");
    const fAt = cur.mark();
    const name = cur.ident() ?? '';
    const f = FIELD_ALIASES[name] ?? (FIELDS as readonly string[]).find((x) => x === name);
    if (f === undefined) throw cur.fail(`a field (${FIELDS.join(', ')})`, fAt);
    return { target, field: f as Field };
  };
  switch (op) {
    case 'store': {
      const { target, field: f } = field();
      cur.expect('=');
      return { op, task, target, field: f, value: parseValue(cur, isTask) };
    }
    case 'cas': {
      const { target, field: f } = field();
      const expect = parseValue(cur, isTask);
      cur.expect('->');
      return { op, task, target, field: f, expect, value: parseValue(cur, isTask) };
    }
    case 'take':
      return { op, task, target: taskArg() };
    case 'ctl':
      return parseCtl(cur, task, isTask);
    case 'wait':
      return parseWait(cur, task);
    case 'kick': {
      const vAt = cur.mark();
      const word = cur.ident();
      let tid: Value;
      if (word !== undefined && isTask(word)) tid = { kind: 'tid', task: word, bits: 0 } as const;
      else {
        cur.pos = vAt;
        tid = parseValue(cur, isTask);
      }
      const flags = cur.eat('flags=') ? flagsArg(cur, new Map()) : 0;
      return { op, task, flags, tid };
    }
    case 'syscall':
    case 'fault':
      return { op, task, blocking: cur.eat('blocking') };
    case 'exit':
      return { op, task };
    default:
      throw cur.fail(USER, at);
  }
}

function flagsArg(cur: Cursor, table: ReadonlyMap<string, number>): number {
  let bits = 0n;
  do {
    const at = cur.mark();
    const n = cur.number();
    if (n !== undefined) bits |= n;
    else {
      const w = cur.ident();
      const v = w === undefined ? undefined : table.get(w);
      if (v === undefined)
        throw cur.fail(
          `flags (${[...table.keys()].filter((k) => !k.startsWith('UMCG_')).join(', ') || 'a number'})`,
          at,
        );
      bits |= BigInt(v);
    }
  } while (cur.eat('|'));
  if (bits > 0xffffffffn) throw cur.error('flags do not fit in 32 bits');
  return Number(bits);
}

/** The largest `clockid_t` (a C `int`). */
const CLOCKID_MAX = 0x7fffffffn;

function parseCtl(cur: Cursor, task: string, isTask: (n: string) => boolean): UserAction {
  const flags = flagsArg(cur, CTL_FLAGS);
  let self: SelfArg = { kind: 'own' };
  let clock = CLOCK_MONOTONIC;
  for (;;) {
    if (cur.eat('self=')) {
      const at = cur.mark();
      const w = cur.ident();
      if (w === 'own' || w === 'null' || w === 'misaligned') self = { kind: w };
      else if (w !== undefined && isTask(w)) self = { kind: 'of', task: w };
      else throw cur.fail('own, null, misaligned or a declared task name', at);
    } else if (cur.eat('clock=')) {
      const at = cur.mark();
      const n = cur.number();
      const w = n === undefined ? cur.ident() : undefined;
      const c = n !== undefined ? Number(n) : w === undefined ? undefined : CLOCKS.get(w);
      // clockid_t is a C int: a number beyond it could not be passed (nor printed back and re-read).
      if (c === undefined || (n !== undefined && n > CLOCKID_MAX))
        throw cur.fail(`a clock (REALTIME, MONOTONIC, BOOTTIME, TAI or a number 0..${CLOCKID_MAX})`, at);
      clock = c;
    } else break;
  }
  return { op: 'ctl', task, flags, self, clock };
}

function parseWait(cur: Cursor, task: string): UserAction {
  let flags = 0;
  let timeout: Timeout = 'none';
  for (;;) {
    if (cur.eat('flags=')) flags = flagsArg(cur, WAIT_FLAGS);
    else if (cur.eat('timeout=')) {
      const at = cur.mark();
      const w = cur.ident();
      if (w !== 'none' && w !== 'past' && w !== 'future') throw cur.fail('none, past or future', at);
      timeout = w;
    } else break;
  }
  return { op: 'wait', task, flags, timeout };
}

/** Prints an action as one line without the expectation comment. */
export function printAction(a: Action): string {
  const who =
    a.op === 'complete' || a.op === 'signal' || a.op === 'expire' || a.op === 'unmap' ? 'env' : a.task;
  return `${who}: ${printBody(a)}`;
}

function printBody(a: Action): string {
  switch (a.op) {
    case 'complete':
    case 'signal':
    case 'expire':
    case 'unmap':
    case 'take':
      return `${a.op} ${'target' in a ? a.target : a.task}`;
    case 'store':
      return `store ${a.target}.${a.field} = ${printValue(a.value, a.field)}`;
    case 'cas':
      return `cas ${a.target}.${a.field} ${printValue(a.expect, a.field)} -> ${printValue(a.value, a.field)}`;
    case 'ctl': {
      const parts = [`ctl ${printBits(CTL_FLAGS, a.flags)}`];
      if (a.self.kind !== 'own') parts.push(`self=${a.self.kind === 'of' ? a.self.task : a.self.kind}`);
      if ((a.flags & UMCG_CTL_CMD) === UMCG_CTL_REGISTER || a.clock !== CLOCK_MONOTONIC)
        parts.push(`clock=${nameOf(CLOCKS, a.clock) ?? a.clock}`);
      return parts.join(' ');
    }
    case 'wait': {
      const parts = ['wait'];
      if (a.flags !== 0) parts.push(`flags=${printBits(WAIT_FLAGS, a.flags)}`);
      if (a.timeout !== 'none') parts.push(`timeout=${a.timeout}`);
      return parts.join(' ');
    }
    case 'kick': {
      const tid = a.tid.kind === 'tid' && a.tid.bits === 0 ? a.tid.task : printValue(a.tid);
      return a.flags === 0 ? `kick ${tid}` : `kick ${tid} flags=${printBits(new Map(), a.flags)}`;
    }
    case 'syscall':
    case 'fault':
      return a.blocking ? `${a.op} blocking` : a.op;
    case 'exit':
      return 'exit';
  }
}
