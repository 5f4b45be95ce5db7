/**
 * The names of the simulator's mutants (deliberate, realistic kernel mistakes). The catalogue with descriptions is
 * `catalogue.ts`; each name is a switch at the exact place in the kernel code where the mistake would be made.
 * @module
 */

/** Every mutant name. */
export const MUTANT_NAMES = [
  'cond-wait-not-cleared',
  'preempt-not-cleared',
  'runnable-ts-not-written',
  'wake-any-state',
  'eagain-not-swallowed',
  'push-not-atomic',
  'push-before-runnable',
  'server-woken-before-enqueue',
  'tid-running-not-written',
  'tid-running-ignored',
  'next-woken-on-block',
  'seed-race-no-fallback',
  'enqueue-before-next-wake',
  'wait-no-revert',
  'erange-after-cas',
  'signal-eintr-returned',
  'past-timeout-ignored',
  'timedout-no-revert',
  'timeout-lost-after-signal',
  'block-from-runnable-kills',
  'block-no-server-wake',
  'preempt-no-server-wake',
  'sys-exit-keeps-pin',
  'resume-ignores-cond-wait',
  'preempt-non-running-not-killed',
  'register-checks-reordered',
  'reserved-unchecked',
  'server-register-any-tid',
  'worker-register-accepts-worker',
  'unregister-state-unchecked',
  'unregister-no-server-wake',
  'pin-leaked-on-failed-unregister',
  'kick-flags-first',
  'wake-before-running-cas',
  'kick-tid-unmasked',
  'unregister-keeps-worker-marker',
  'followups-kick-no-ipi',
  'timestamp-wrong-clock',
] as const;

/** A mutant name. */
export type MutantName = (typeof MUTANT_NAMES)[number];

/** Whether `s` names a mutant. */
export function isMutantName(s: string): s is MutantName {
  return (MUTANT_NAMES as readonly string[]).includes(s);
}
