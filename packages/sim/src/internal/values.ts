/**
 * Turning the symbolic values of traces into this process's raw numbers, and back (the `SymbolTable` the shared
 * renderers of `@umcg/spec` need).
 * @module
 */
import { GARBAGE_TID, type SelfArg, type SymbolTable, type Value } from '@umcg/spec/vocabulary';
import type { Kernel } from './kernel.js';

/** The raw number a `Value` stands for. */
export function resolveValue(k: Kernel, v: Value): number {
  switch (v.kind) {
    case 'num':
      return v.value;
    case 'garbage':
      return GARBAGE_TID;
    case 'tid':
      return (taskOf(k, v.task).tid | v.bits) >>> 0;
    case 'addr':
      return taskOf(k, v.task).addr;
  }
}

/** The user address `umcg_ctl` receives for a `SelfArg` of `caller`. */
export function resolveSelf(k: Kernel, caller: string, s: SelfArg): number {
  switch (s.kind) {
    case 'own':
      return taskOf(k, caller).addr;
    case 'null':
      return 0;
    case 'misaligned':
      return taskOf(k, caller).addr + 8;
    case 'of':
      return taskOf(k, s.task).addr;
  }
}

/** The task called `name` (throws for an undeclared name: the trace is malformed). */
export function taskOf(k: Kernel, name: string) {
  const t = k.tasks.find((x) => x.name === name);
  if (t === undefined) throw new Error(`trace names undeclared task '${name}'`);
  return t;
}

const tables = new WeakMap<Kernel, SymbolTable>();

/** The symbol table of this process (built once per kernel: tids and addresses never change). */
export function symbolTable(k: Kernel): SymbolTable {
  const cached = tables.get(k);
  if (cached !== undefined) return cached;
  const tids = new Map(k.tasks.map((t) => [t.tid, t.name]));
  const addrs = new Map(k.tasks.map((t) => [BigInt(t.addr), t.name]));
  const table: SymbolTable = { tidName: (tid) => tids.get(tid), addrName: (addr) => addrs.get(addr) };
  tables.set(k, table);
  return table;
}
