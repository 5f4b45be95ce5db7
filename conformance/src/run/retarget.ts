/**
 * `--profile=P` for committed traces: a trace written for the reference profile is generic and runs under P,
 * unless it cites a rule that does not hold in P; a trace written for another profile is specific to it and is
 * skipped under P. Both skips carry the reason.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import { findRule, REFERENCE_PROFILE } from '@umcg/spec';
import type { TraceHeader } from '../trace/types.js';

/** The trace under profile `p` (or unchanged), or the reason it does not apply there. */
export function retarget<T extends { readonly header: TraceHeader }>(
  t: T,
  p: ProfileId | undefined,
): { item: T } | { skip: string } {
  const h = t.header;
  if (p === undefined || h.profile === p) return { item: t };
  if (h.profile !== REFERENCE_PROFILE) return { skip: `specific to profile ${h.profile} (running ${p})` };
  const foreign = h.rules.find((id) => {
    const r = findRule(id);
    return r !== undefined && r.profiles !== 'all' && !r.profiles.includes(p);
  });
  if (foreign !== undefined) return { skip: `cites ${foreign}, which does not hold in ${p}` };
  return { item: { ...t, header: { ...h, profile: p } } };
}
