/**
 * The features a trace needs, inferred from its steps, so a target is never asked for something it lacks even
 * when a header forgets a `# requires:` entry (the runner gates on the union of both).
 * @module
 */
import type { Action, ProfileId, Value } from '@umcg/spec';
import { getProfile } from '@umcg/spec';
import type { Feature, LitmusTest, Trace } from './types.js';

const usesGarbage = (v: Value): boolean => v.kind === 'garbage';

/** Features one action needs under `profile` (`UMCG_WAIT_ENQUEUE` only means something where the profile has it). */
export function actionFeatures(a: Action, profile?: ProfileId): Feature[] {
  switch (a.op) {
    case 'signal':
      return ['signals'];
    case 'unmap':
      return ['unmap'];
    case 'expire':
      return ['timeouts'];
    case 'exit':
      return ['exit'];
    case 'fault':
      return a.blocking ? ['faults', 'blocking-faults'] : ['faults'];
    case 'kick':
      return usesGarbage(a.tid) ? ['kick', 'garbage-tid'] : ['kick'];
    case 'wait':
      return [
        ...(a.timeout === 'none' ? [] : (['timeouts'] as const)),
        ...((a.flags & 1) !== 0 && profile !== undefined && getProfile(profile).params.enqueueFlag
          ? (['wait-enqueue'] as const)
          : []),
      ];
    case 'store':
      return usesGarbage(a.value) ? ['garbage-tid'] : [];
    case 'cas':
      return usesGarbage(a.value) || usesGarbage(a.expect) ? ['garbage-tid'] : [];
    default:
      return [];
  }
}

/** Features a trace needs: its steps, shmem tasks, and `killed` expectations. */
export function inferredFeatures(trace: Trace): Feature[] {
  const out = new Set<Feature>();
  for (const s of trace.steps) {
    for (const f of actionFeatures(s.action, trace.header.profile)) out.add(f);
    if (s.expect?.includes('killed')) out.add('kill');
  }
  if (trace.header.tasks.some((t) => t.memory === 'shmem')) out.add('shmem');
  return [...out].sort();
}

/** Features a litmus test needs (its prologue and threads, plus controlled interleaving). */
export function inferredLitmusFeatures(test: LitmusTest): Feature[] {
  const out = new Set<Feature>(['controlled-interleaving']);
  for (const a of [...test.program.prologue, ...Object.values(test.program.threads).flat()])
    for (const f of actionFeatures(a, test.header.profile)) out.add(f);
  return [...out].sort();
}

/** The union of declared and inferred requirements. */
export function requirementsOf(trace: Trace): Feature[] {
  return [...new Set([...trace.header.requires, ...inferredFeatures(trace)])].sort();
}
