/**
 * Turns raw `struct umcg_task` words into the symbolic strings of a `TaskObservation`. Shared by every target so
 * that rendering never differs between them.
 * @module
 */
import {
  FLAG_NAMES,
  STATE_NAMES,
  UMCG_TASK_MASK,
  UMCG_TF_MASK,
  UMCG_TID_MASK,
  UMCG_TID_RUNNING,
  UMCG_USER_MASK,
} from '../abi/constants.js';
import type { TaskName } from './task.js';
import { GARBAGE_TID } from './task.js';

/** How a target maps its raw tids and struct addresses back to task names. */
export interface SymbolTable {
  /** Task name of a raw tid (exact, unmasked), if any. */
  tidName(tid: number): TaskName | undefined;
  /** Task name of a raw struct address, if any. */
  addrName(addr: bigint): TaskName | undefined;
}

const hex = (n: number | bigint): string => `0x${n.toString(16)}`;

/** Renders a `state` word: state name, then known flags, unknown TF bits and user bits. */
export function renderState(word: number): string {
  const w = word >>> 0;
  const base = w & UMCG_TASK_MASK;
  const parts = [STATE_NAMES[base] ?? `STATE_${hex(base)}`];
  for (let bit = 0x100; bit <= 0x8000; bit <<= 1) {
    if ((w & UMCG_TF_MASK & bit) === 0) continue;
    parts.push(FLAG_NAMES[bit] ?? `TF_${hex(bit)}`);
  }
  const user = (w & UMCG_USER_MASK) >>> 0;
  if (user !== 0) parts.push(hex(user));
  return parts.join('|');
}

/** Renders a tid word (`next_tid`, `server_tid`): `0`, `name`, `name|TID_RUNNING`, `garbage`, or hex. */
export function renderTid(word: number, symbols: SymbolTable): string {
  const w = word >>> 0;
  if (w === 0) return '0';
  const exact = symbols.tidName(w);
  if (exact !== undefined) return exact;
  const running = (w & UMCG_TID_RUNNING) !== 0;
  const rest = (w & ~UMCG_TID_RUNNING) >>> 0;
  const name = rest === GARBAGE_TID ? 'garbage' : symbols.tidName(rest);
  if (name !== undefined && running) return `${name}|TID_RUNNING`;
  if (w === GARBAGE_TID) return 'garbage';
  const masked = symbols.tidName(w & UMCG_TID_MASK);
  if (masked !== undefined) return `${masked}|${hex((w & ~UMCG_TID_MASK) >>> 0)}`;
  return hex(w);
}

/** Renders a pointer word (`runnable_workers_ptr`): `0`, a task name, or hex. */
export function renderPtr(word: bigint, symbols: SymbolTable): string {
  if (word === 0n) return '0';
  return symbols.addrName(word) ?? hex(word);
}

/** Walks a runnable list from `head`, following each element's `runnable_workers_ptr` (at most 32 elements). */
export function walkList(
  head: bigint,
  linkOf: (addr: bigint) => bigint | undefined,
  symbols: SymbolTable,
): string[] {
  const out: string[] = [];
  const seen = new Set<bigint>();
  let cur = head;
  while (cur !== 0n) {
    if (seen.has(cur) || out.length >= 32) {
      out.push('...');
      break;
    }
    seen.add(cur);
    out.push(renderPtr(cur, symbols));
    const next = linkOf(cur);
    if (next === undefined) {
      out.push('?');
      break;
    }
    cur = next;
  }
  return out;
}

/** Renders `__hole[0]` and `__zero[0..2]` (decimal): `0 0,0,0`. */
export function renderReserved(hole: number | bigint, zero0: bigint, zero1: bigint, zero2: bigint): string {
  return `${hole} ${zero0},${zero1},${zero2}`;
}
