/**
 * Capability gating: a trace whose requirements a target does not offer is skipped with the reason, never failed.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import type { Capabilities } from '../adapters/contract.js';
import { FEATURES } from '../trace/features.js';
import type { Feature } from '../trace/types.js';

/** The reason a target cannot run something with these requirements under `profile`, or undefined if it can. */
export function skipReason(
  caps: Capabilities,
  requires: readonly Feature[],
  profile: ProfileId,
): string | undefined {
  if (!caps.profiles.includes(profile))
    return `target implements profile${caps.profiles.length === 1 ? '' : 's'} ${caps.profiles.join(', ')}, not ${profile}`;
  const missing = requires.filter((f) => !caps.features.has(f));
  if (missing.length === 0) return undefined;
  return `target lacks ${missing.map((f) => `'${f}' (${FEATURES[f]})`).join(', ')}`;
}
