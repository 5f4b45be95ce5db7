/**
 * Kernel accesses to user memory (`get_user`, `put_user`, `unsafe_try_cmpxchg_user`). Each is one atomic access
 * and one preemption point; `undefined`/`false` means the access faulted.
 * @module
 */
import type { Kernel } from './kernel.js';
import { type KGen, STEP } from './yield.js';

/** `get_user` of a 32-bit word. */
export function* get32(k: Kernel, addr: number): KGen<number | undefined> {
  yield STEP;
  return k.mem.read32(addr);
}

/** `put_user` of a 32-bit word. */
export function* put32(k: Kernel, addr: number, v: number): KGen<boolean> {
  yield STEP;
  return k.mem.write32(addr, v);
}

/** `get_user` of a 64-bit word. */
export function* get64(k: Kernel, addr: number): KGen<number | undefined> {
  yield STEP;
  return k.mem.read64(addr);
}

/** `put_user` of a 64-bit word. */
export function* put64(k: Kernel, addr: number, v: number): KGen<boolean> {
  yield STEP;
  return k.mem.write64(addr, v);
}

/** Atomic compare-and-exchange of a 32-bit word: returns the old value (success iff it equals `expect`). */
export function* cmpxchg32(k: Kernel, addr: number, expect: number, v: number): KGen<number | undefined> {
  yield STEP;
  const old = k.mem.read32(addr);
  if (old === expect >>> 0) k.mem.write32(addr, v);
  return old;
}

/** Atomic compare-and-exchange of a 64-bit word. */
export function* cmpxchg64(k: Kernel, addr: number, expect: number, v: number): KGen<number | undefined> {
  yield STEP;
  const old = k.mem.read64(addr);
  if (old === expect) k.mem.write64(addr, v);
  return old;
}
