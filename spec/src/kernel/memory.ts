/**
 * User-memory access as the kernel does it: by address, faulting when the page is unmapped.
 * @module
 */
import type { SpecState, UserStruct } from './state.js';

/** Index of the task whose struct lives at `addr`, or -1 (an address that is no struct start). */
export function structAt(s: SpecState, addr: number): number {
  return s.world.addrs.indexOf(addr);
}

/** The struct at `addr` if it is a mapped struct start; undefined means the access faults. */
export function access(s: SpecState, addr: number): UserStruct | undefined {
  const i = structAt(s, addr);
  if (i < 0 || !s.mapped[i]) return undefined;
  return s.mem[i];
}

/** Whether the page of the struct at `addr` may be pinned (mapped and anonymous). */
export function pinnable(s: SpecState, addr: number): boolean {
  const i = structAt(s, addr);
  return i >= 0 && s.mapped[i]! && s.world.memory[i] === 'anon';
}

/** Marks the process killed by the kernel (SIGKILL to the whole thread group, [PZ-v2] 5/5 the SIGKILL (force_sig) paths). */
export function kill(s: SpecState): void {
  s.killed = true;
}
