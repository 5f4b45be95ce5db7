/**
 * Finding a task by tid: a live thread of the same process that is a registered UMCG task ([PZ-v2] 5/5 sys_umcg_ctl(), [PZ-v2] 5/5 sys_umcg_wait()).
 * @module
 */
import type { SpecState } from './state.js';

/** Index of the live, registered task with tid `tid`, or -1. */
export function lookupUmcg(s: SpecState, tid: number): number {
  const i = s.world.tids.indexOf(tid >>> 0);
  if (i < 0) return -1;
  const k = s.k[i]!;
  return k.mode !== 'exited' && k.umcg !== 0 ? i : -1;
}

/** Index of the live thread with tid `tid` (registered or not), or -1. */
export function lookupThread(s: SpecState, tid: number): number {
  const i = s.world.tids.indexOf(tid >>> 0);
  return i >= 0 && s.k[i]!.mode !== 'exited' ? i : -1;
}
