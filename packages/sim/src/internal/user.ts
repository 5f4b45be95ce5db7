/**
 * User actions: plain user-memory operations (`store`, `cas`, `take`; a fault there is SIGSEGV, fatal for the
 * process) and the entries into the kernel. Each runs as a thread's code under the scheduler and returns the
 * rendered result of the call, if it reports one.
 * @module
 */
import { type CallResult, UMCG_TASK_LAYOUT, type UserAction } from '@umcg/spec/vocabulary';
import { blockingBody, enterKernel, interrupt, threadExit } from './entry.js';
import type { Kernel } from './kernel.js';
import type { Task } from './task.js';
import { sysUmcgCtl } from './umcg/ctl.js';
import { type Ret, RWP } from './umcg/fields.js';
import { sysUmcgKick } from './umcg/kick.js';
import { sysUmcgWait } from './umcg/wait.js';
import { resolveSelf, resolveValue, symbolTable, taskOf } from './values.js';
import { type KGen, STEP } from './yield.js';

/** Starts an interrupt on a thread executing user code (kick IPI, signal, tick). */
export function raiseInterrupt(k: Kernel, t: Task): void {
  if (t.mode !== 'user') return;
  if (t.gen !== null) {
    t.irqPending = true;
    return;
  }
  t.gen = asAction(interrupt(k, t));
  k.enqueue(t);
}

function* asAction(g: KGen<void>): KGen<CallResult | undefined> {
  yield* g;
  return undefined;
}

/** The code of one user action of `t`. */
export function* userAction(k: Kernel, t: Task, a: UserAction): KGen<CallResult | undefined> {
  const res = yield* perform(k, t, a);
  if (t.irqPending && t.mode === 'user') {
    t.irqPending = false;
    yield* interrupt(k, t);
  }
  return res;
}

function* perform(k: Kernel, t: Task, a: UserAction): KGen<CallResult | undefined> {
  switch (a.op) {
    case 'store': {
      const f = UMCG_TASK_LAYOUT[a.field];
      const addr = taskOf(k, a.target).addr + f.offset;
      yield STEP;
      const v = resolveValue(k, a.value);
      k.userWritten.add(addr);
      k.userEver.add(addr);
      const ok = f.size === 4 ? k.mem.write32(addr, v) : k.mem.write64(addr, v);
      if (!ok) k.kill();
      return undefined;
    }
    case 'cas':
      return { call: 'cas', ret: yield* userCas(k, a) };
    case 'take':
      return { call: 'take', ret: yield* userTake(k, taskOf(k, a.target).addr) };
    case 'ctl': {
      const self = resolveSelf(k, t.name, a.self);
      return {
        call: 'umcg_ctl',
        ret: yield* enterKernel(k, t, 'umcg_ctl', () => sysUmcgCtl(k, t, a.flags, self, a.clock)),
      };
    }
    case 'wait':
      return {
        call: 'umcg_wait',
        ret: yield* enterKernel(k, t, 'umcg_wait', () => sysUmcgWait(k, t, a.flags, a.timeout)),
      };
    case 'kick': {
      const tid = resolveValue(k, a.tid);
      const ipi = (to: Task) => raiseInterrupt(k, to);
      return {
        call: 'umcg_kick',
        ret: yield* enterKernel(k, t, 'umcg_kick', () => sysUmcgKick(k, t, a.flags, tid, ipi)),
      };
    }
    case 'syscall':
      return {
        call: 'syscall',
        ret: yield* enterKernel(k, t, 'syscall', () => simpleBody(k, t, a.blocking, true)),
      };
    case 'fault':
      return {
        call: 'fault',
        ret: yield* enterKernel(k, t, 'fault', () => simpleBody(k, t, a.blocking, false), true),
      };
    case 'exit':
      yield* threadExit(k, t);
      return undefined;
  }
}

function* simpleBody(k: Kernel, t: Task, blocking: boolean, interruptible: boolean): KGen<Ret> {
  if (blocking) return yield* blockingBody(k, t, interruptible);
  yield STEP;
  return 0;
}

function* userCas(k: Kernel, a: Extract<UserAction, { op: 'cas' }>): KGen<string> {
  const f = UMCG_TASK_LAYOUT[a.field];
  const addr = taskOf(k, a.target).addr + f.offset;
  yield STEP;
  const expect = resolveValue(k, a.expect);
  const v = resolveValue(k, a.value);
  const old = f.size === 4 ? k.mem.read32(addr) : k.mem.read64(addr);
  if (old === undefined) k.kill();
  const want = f.size === 4 ? expect >>> 0 : expect;
  if (old !== want) return 'fail';
  k.userWritten.add(addr);
  k.userEver.add(addr);
  if (f.size === 4) k.mem.write32(addr, v);
  else k.mem.write64(addr, v);
  return 'ok';
}

/**
 * `xchg(&head, 0)`, then walk the chain resetting each link (at most 32 elements, like the renderer); an address that
 * is not one of the process's structs ends the walk and is reported in hex.
 */
function* userTake(k: Kernel, struct: number): KGen<string> {
  yield STEP;
  const head = k.mem.read64(struct + RWP);
  if (head === undefined || !k.mem.write64(struct + RWP, 0)) k.kill();
  const symbols = symbolTable(k);
  const names: string[] = [];
  let cur = head;
  while (cur !== 0 && names.length < 32) {
    const name = symbols.addrName(BigInt(cur));
    names.push(name ?? `0x${cur.toString(16)}`);
    if (name === undefined) break; // the walk follows only the process's structs (EXECUTION-MODEL.md)
    yield STEP;
    const next = k.mem.read64(cur + RWP);
    if (next === undefined || !k.mem.write64(cur + RWP, 0)) k.kill();
    cur = next;
  }
  return `[${names.join(',')}]`;
}
