/**
 * The features (capabilities) a generated trace requires, derived from its actions, so targets that lack them
 * report SKIP instead of failing.
 * @internal
 * @module
 */
import type { Action, Value } from '@umcg/spec';
import { UMCG_WAIT_ENQUEUE } from '@umcg/spec';
import type { Feature } from '../../trace/types.js';
import type { Role } from './context.js';

const garbageIn = (vs: readonly Value[]): boolean => vs.some((v) => v.kind === 'garbage');

function featuresOf(a: Action, role: Role | undefined): Feature[] {
  switch (a.op) {
    case 'signal':
      return ['signals'];
    case 'fault':
      return a.blocking ? ['faults', 'blocking-faults'] : ['faults'];
    case 'unmap':
      return ['unmap'];
    case 'exit':
      return ['exit'];
    case 'kick':
      return garbageIn([a.tid]) ? ['kick', 'garbage-tid'] : ['kick'];
    case 'expire':
      return ['timeouts'];
    case 'wait': {
      const out: Feature[] = [];
      if (a.timeout !== 'none') out.push(role === 'worker' ? 'worker-timeouts' : 'timeouts');
      if ((a.flags & UMCG_WAIT_ENQUEUE) !== 0) out.push('wait-enqueue');
      return out;
    }
    case 'store':
      return garbageIn([a.value]) ? ['garbage-tid'] : [];
    case 'cas':
      return garbageIn([a.value, a.expect]) ? ['garbage-tid'] : [];
    default:
      return [];
  }
}

/**
 * The sorted features required by `actions`; `killed` adds `kill`. `stepRoles[i]`, when given, is the role of
 * action i's task at that step (a task may change roles across re-registrations); otherwise `roles` holds.
 */
export function requiredFeatures(
  actions: readonly Action[],
  roles: Readonly<Record<string, Role>>,
  killed: boolean,
  stepRoles?: readonly Role[],
): Feature[] {
  const set = new Set<Feature>();
  actions.forEach((a, i) => {
    for (const f of featuresOf(a, stepRoles?.[i] ?? roles[a.task])) set.add(f);
  });
  if (killed) set.add('kill');
  return [...set].sort();
}
