/**
 * What block detection and preemption wake: the server (RFC v2), or `next_tid` first where the profile says so
 * (block: prototype and RFC v1, `hook.block.next`; preemption: prototype only, `hook.resume.preempt-next`),
 * falling back to the server when that fails if the profile says so (SPEC.md#param.nextFailFallback, SPEC.md#param.nextOnBlock, SPEC.md#param.nextOnPreempt, [PZ-seed]).
 * @module
 */

import { lookupUmcg } from './lookup.js';
import { access } from './memory.js';
import { atomic, local, type Routine } from './thread.js';
import type { KResult } from './update-state.js';
import { wakeServer, wakeTask } from './update-state.js';

/** The implicit event: block detection (R2) or preemption (R9). */
export type ImplicitEvent = 'block' | 'preempt';

/** Wakes whoever must learn about an implicit event of worker `me`; EFAULT means the task gets killed. */
export function* wakeForImplicit(me: number, event: ImplicitEvent): Routine<0 | 'EFAULT'> {
  const p = yield* local(undefined, (s) => s.world.params);
  if (!(event === 'block' ? p.nextOnBlock : p.nextOnPreempt)) return yield* wakeServer(me);
  const r = yield* wakeNext(
    me,
    p.tidMask,
    event === 'block' ? 'hook.block.next' : 'hook.resume.preempt-next',
  );
  if (r === 'none') return yield* wakeServer(me);
  if (r === 0 || r === 'EFAULT') return r;
  if (p.nextFailFallback === 'never') return 0;
  yield* local('wait.next.fallback-server', () => undefined);
  return yield* wakeServer(me);
}

function* wakeNext(
  me: number,
  masked: boolean,
  rule: 'hook.block.next' | 'hook.resume.preempt-next',
): Routine<'none' | KResult | 'ESRCH'> {
  const target: 'fault' | 'none' | 'ESRCH' | readonly [number, number] = yield* atomic(rule, (s) => {
    const m = access(s, s.k[me]!.umcg);
    if (!m) return 'fault' as const;
    if (m.next_tid === 0) return 'none' as const;
    const j = lookupUmcg(s, masked ? m.next_tid & 0x3fffffff : m.next_tid);
    return j < 0 ? ('ESRCH' as const) : ([j, s.k[j]!.umcg] as readonly [number, number]);
  });
  if (target === 'fault') return 'EFAULT';
  if (target === 'none' || target === 'ESRCH') return target;
  const r = yield* wakeTask(target[0], target[1]);
  if (r !== 0) return r;
  // The write-back of the profile applies to every use of next_tid (SPEC.md#parameters: RFC v1 clears it).
  const ok = yield* atomic(undefined, (s) => {
    const p = s.world.params;
    if (p.nextTidWriteback === 'none') return true;
    const m = access(s, s.k[me]!.umcg);
    if (!m) return false;
    s.fired.add('wait.next.writeback');
    if (p.nextTidWriteback === 'clear') m.next_tid = 0;
    if (p.nextTidWriteback === 'tid-running') m.next_tid = (m.next_tid | 0x80000000) >>> 0;
    return true;
  });
  return ok ? 0 : 'EFAULT';
}
