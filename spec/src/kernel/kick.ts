/**
 * `umcg_kick(flags, tid)` ([PZ-v2] 5/5 sys_umcg_kick(), SPEC.md#param.kick; rules `kick.*`).
 * @module
 */
import { UMCG_TID_MASK } from '../abi/constants.js';
import { lookupUmcg } from './lookup.js';
import { resumeAction } from './notify-resume.js';
import { atomic, fire, local, type Routine } from './thread.js';
import { ttwu } from './update-state.js';

/** The body of `umcg_kick`. */
export function* sysUmcgKick(me: number, flags: number, tid: number): Routine<string> {
  const p = yield* local(undefined, (s) => s.world.params);
  if (p.syscalls.kick === undefined) return yield* err('kick.enosys', 'ENOSYS');
  if (p.kickOrder === 'flags-first' && flags !== 0) return yield* err('kick.flags', 'EINVAL');
  const target = yield* atomic(undefined, (s) => lookupUmcg(s, p.tidMask ? tid & UMCG_TID_MASK : tid));
  if (target < 0) return yield* err('kick.lookup', 'ESRCH');
  if (flags !== 0) return yield* err('kick.flags', 'EINVAL');
  yield* atomic('kick.ipi', (s) => {
    const k = s.k[target]!;
    if (p.kick === 'wake-then-ipi' && k.kstate !== 0 && ttwu(s, target)) {
      s.fired.add('kick.wake');
      return;
    }
    // The IPI interrupts a target executing user code: it passes through the return-to-user hook.
    if (
      target !== me &&
      k.mode === 'user' &&
      s.threads[target]!.frame === undefined &&
      resumeAction(s, target) !== 'pass'
    ) {
      s.threads[target]!.frame = { name: 'interrupt', args: [] };
    }
  });
  return '0';
}

function* err(rule: Parameters<typeof fire>[0], e: string): Routine<string> {
  yield* fire(rule);
  return e;
}
