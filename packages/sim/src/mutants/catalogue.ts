/**
 * The mutant catalogue: realistic kernel mistakes, each a switch at the exact place in the simulator's kernel code
 * where it would be made. Each entry names the behaviour of the posted versions it breaks, the profile under which it is a
 * mistake (most are checked against the reference, a few only exist relative to another profile) and a witness.
 * @module
 */
import type { ProfileId } from '@umcg/spec/vocabulary';
import type { MutantName } from './names.js';
import { WITNESSES, type Witness } from './witnesses.js';

/** One mutant. */
export interface Mutant {
  /** Name used with `--mutant`. */
  readonly name: MutantName;
  /** What the mutated kernel does wrong. */
  readonly description: string;
  /** Where the broken behaviour is stated: source keys of spec/SOURCES.md, SPEC.md anchors, R/W labels. */
  readonly breaks: string;
  /** Where the broken behaviour is stated (source keys, SPEC.md anchors, R/W labels). */
  readonly facts: string;
  /** Profile to check it against. */
  readonly profile: ProfileId;
  /** Where the switch sits in the simulator. */
  readonly site: string;
  /** A short trace or litmus program that shows it. */
  readonly witness: Witness;
}

type Entry = Omit<Mutant, 'name' | 'witness' | 'profile'> & { readonly profile?: ProfileId };

const ENTRIES: Readonly<Record<MutantName, Entry>> = {
  'cond-wait-not-cleared': {
    description:
      'umcg_update_state forgets to clear UMCG_TF_COND_WAIT, so a server woken from its wait is RUNNING|COND_WAIT.',
    breaks: 'every kernel transition clears PREEMPT and COND_WAIT (state.update.clears-flags)',
    facts: '[PZ-v2] 5/5 umcg_update_state()',
    site: 'internal/umcg/state.ts umcgUpdateState',
  },
  'preempt-not-cleared': {
    description:
      'umcg_update_state forgets to clear UMCG_TF_PREEMPT: a preempted worker stays RUNNABLE|PREEMPT and is killed when next run.',
    breaks: 'every kernel transition clears PREEMPT (R9)',
    facts: '[PZ-v2] 5/5 umcg_update_state(), R9',
    site: 'internal/umcg/state.ts umcgUpdateState',
  },
  'runnable-ts-not-written': {
    description: 'The transition to RUNNABLE does not store runnable_ts.',
    breaks: 'transitions to RUNNABLE are timestamped (state.update.timestamp)',
    facts: '[PZ-v2] 5/5 umcg_update_state()',
    site: 'internal/umcg/state.ts umcgUpdateState',
  },
  'wake-any-state': {
    description:
      'umcg_wake_task CASes "whatever the state is" to RUNNING instead of requiring RUNNABLE: switching to a BLOCKED worker "succeeds".',
    breaks: 'wake = CAS RUNNABLE→RUNNING, EAGAIN otherwise (state.wake)',
    facts: '[PZ-v2] 5/5 umcg_update_state(), [PZ-v2] 5/5 umcg_wake_next()',
    site: 'internal/umcg/state.ts umcgWakeTask',
  },
  'eagain-not-swallowed': {
    description:
      'umcg_wake_server propagates EAGAIN from a server that is already RUNNING: a worker yield fails and is reverted.',
    breaks: 'waking the server swallows EAGAIN (R16)',
    facts: '[PZ-v2] 5/5 umcg_update_state(), R16',
    site: 'internal/umcg/state.ts umcgWakeServer',
  },
  'push-not-atomic': {
    description:
      'The runnable-list push stores the new head with a plain store instead of a CAS loop: concurrent pushes lose workers.',
    breaks: 'push is a CAS loop on the head, never loses an element (list.push, W7)',
    facts: '[PZ-v2] 5/5 umcg_enqueue_runnable(), W7',
    site: 'internal/umcg/list.ts umcgEnqueue',
  },
  'push-before-runnable': {
    description:
      'The unblock, registration and preemption paths push the worker before moving it to RUNNABLE: a server can take a worker that is still BLOCKED/RUNNING.',
    breaks: 'the kernel sets RUNNABLE before pushing (list.push ordering rule)',
    facts: '[PZ-v2] 5/5 umcg_enqueue_runnable(), R5, R9',
    site: 'internal/umcg/unblock.ts, internal/umcg/preempt.ts',
  },
  'server-woken-before-enqueue': {
    description:
      'The unblock/registration path wakes the server before pushing the worker: the woken server can find an empty list.',
    breaks: 'push, then wake the server (R5, R0b)',
    facts: 'R5, R0b',
    site: 'internal/umcg/unblock.ts umcgMakeRunnableAndEnqueue',
  },
  'tid-running-not-written': {
    description: 'After waking next_tid, sys_umcg_wait does not write next_tid|UMCG_TID_RUNNING back.',
    breaks: 'next_tid |= UMCG_TID_RUNNING after a successful switch (R7)',
    facts: '[PZ-v2] 5/5 umcg_wake_next(), SPEC.md#param.nextTidWriteback',
    site: 'internal/umcg/next.ts umcgWakeNextTid',
  },
  'tid-running-ignored': {
    description:
      'sys_umcg_wait masks next_tid before looking at UMCG_TID_RUNNING, so it tries to wake the running worker again (EAGAIN) instead of just checking it.',
    breaks: 'next_tid with TID_RUNNING only checks that the task is RUNNING (R8)',
    facts: '[PZ-v2] 5/5 umcg_wake_next(), R8',
    site: 'internal/umcg/next.ts umcgWakeNextTid',
  },
  'next-woken-on-block': {
    description: "Block detection wakes the worker's next_tid (RFC v1 behaviour) instead of the server.",
    breaks: 'v2 never consults next_tid on an implicit block (R2)',
    facts: 'SPEC.md#param.nextOnBlock, R2, [PZ-0119a]',
    site: 'internal/umcg/next.ts umcgWakeImplicit',
  },
  'seed-race-no-fallback': {
    description:
      "The prototype's block/preemption helper does not fall back to waking server_tid when waking next_tid fails: the seed e-mail's race leaves the server asleep.",
    breaks: '"if we fail to wake next_tid we wake server_tid" (R15 history)',
    facts: '[PZ-seed], SPEC.md#param.nextFailFallback, [PZ-proto]',
    profile: 'pz-proto',
    site: 'internal/umcg/next.ts umcgWakeImplicit',
  },
  'enqueue-before-next-wake': {
    description:
      "A worker's sys_umcg_wait enqueues itself before waking next_tid and, when that wake fails, reverts itself to RUNNING without dequeuing or waking the server: the worker is both RUNNING and on the list (the seed race without any fallback).",
    breaks: 'v2 wakes next first; a failed wake leaves the caller RUNNING and not enqueued (R15)',
    facts: '[PZ-v2] 5/5 umcg_wake_next() and enqueue, R15, [PZ-seed]',
    site: 'internal/umcg/wait.ts waitBody',
  },
  'wait-no-revert': {
    description:
      'sys_umcg_wait does not revert the caller to RUNNING after a failed wake of next_tid (RFC v1 behaviour): the task then blocks in the return-to-user hook.',
    breaks: 'on failure v2 reverts the caller RUNNABLE→RUNNING (R15)',
    facts: '[PZ-v2] 5/5 umcg_wake_next(), SPEC.md#param.nextFailFallback',
    site: 'internal/umcg/wait.ts waitBody',
  },
  'erange-after-cas': {
    description:
      'The worker-timeout check (ERANGE) is done after the RUNNABLE→RUNNABLE CAS, so COND_WAIT is consumed and the worker then blocks in notify_resume.',
    breaks: 'ERANGE leaves the state untouched ([PZ-v2] 5/5 sys_umcg_wait() worker-timeout check)',
    facts: '[PZ-v2] 5/5 sys_umcg_wait() worker-timeout check',
    site: 'internal/umcg/wait.ts waitBody',
  },
  'signal-eintr-returned': {
    description: 'sys_umcg_wait returns EINTR to user space instead of swallowing it.',
    breaks: 'v2 never returns EINTR from umcg_wait ([PZ-v2] 5/5 sys_umcg_wait() sleep)',
    facts: '[PZ-v2] 5/5 sys_umcg_wait() sleep, SPEC.md#param.signals',
    site: 'internal/umcg/wait.ts sleepPhase',
  },
  'past-timeout-ignored': {
    description:
      'An hrtimer armed with an absolute time already in the past is not fired: the wait sleeps forever.',
    breaks: 'a past timeout fails the wait at once with ETIMEDOUT ([PZ-v2] 5/5 sys_umcg_wait() timeout)',
    facts: '[PZ-v2] 5/5 sys_umcg_wait() timeout',
    site: 'internal/umcg/sleep.ts umcgWaitRunning',
  },
  'timedout-no-revert': {
    description:
      'A timed-out wait returns ETIMEDOUT without the RUNNABLE→RUNNING revert: the task then blocks in notify_resume.',
    breaks: 'ETIMEDOUT ends RUNNING ([PZ-v2] 5/5 sys_umcg_wait() sleep, W6)',
    facts: '[PZ-v2] 5/5 sys_umcg_wait() sleep, [PZ-v2] 5/5 sys_umcg_wait() timeout',
    site: 'internal/umcg/timeout.ts umcgTimedOut',
  },
  'timeout-lost-after-signal': {
    description:
      'With signal-context exclusion, the wait resumed after rt_sigreturn forgets the saved timeout (the v2 bug the follow-up fixed).',
    breaks: 'the follow-ups resume the wait with the saved timeout (SPEC.md#wait.signal)',
    facts: 'SPEC.md#wait.signal, SPEC.md#param.signals [PZ-0121a], [PZ-sig3]',
    profile: 'pz-v2-followups',
    site: 'internal/umcg/resume.ts resumeSavedWait',
  },
  'block-from-runnable-kills': {
    description:
      'Block detection only accepts RUNNING→BLOCKED (RFC v1): a worker blocking in the COND_WAIT window is killed.',
    breaks: 'R2 (b): RUNNABLE→BLOCKED fallback',
    facts: 'R2, [O-RFCv2] 3/5 umcg_wq_worker_sleeping()',
    site: 'internal/umcg/block.ts umcgPreSchedule',
  },
  'block-no-server-wake': {
    description: 'Block detection moves the worker to BLOCKED but does not wake its server.',
    breaks: 'R2: wake_server after the block',
    facts: 'R2',
    site: 'internal/umcg/block.ts umcgPreSchedule',
  },
  'preempt-no-server-wake': {
    description:
      "The preemption path makes the worker RUNNABLE and pushes it on its server's list but does not wake the server, which sleeps on in umcg_wait.",
    breaks: 'R9: a preempted worker wakes its server (state.wake-server)',
    facts: '§2.6, §5.1 R9',
    site: 'internal/umcg/preempt.ts umcgPreempt',
  },
  'sys-exit-keeps-pin': {
    description:
      'umcg_sys_exit does not unpin when the worker did not block: the next syscall entry finds a stale pin (EBUSY) and kills.',
    breaks: 'R3: unpin at syscall exit',
    facts: '[PZ-v2] 5/5 umcg_pin_pages(), [PZ-v2] 5/5 the UMCG hooks, R3',
    site: 'internal/umcg/entry-hooks.ts umcgSysExit',
  },
  'resume-ignores-cond-wait': {
    description:
      'notify_resume treats RUNNABLE|COND_WAIT like RUNNABLE and waits: an interrupt or signal in the COND_WAIT window blocks the task.',
    breaks: 'R12: exactly RUNNABLE|COND_WAIT returns to user',
    facts: 'R12, SPEC.md#hook.resume.pass',
    site: 'internal/umcg/resume.ts umcgNotifyResume',
  },
  'preempt-non-running-not-killed': {
    description:
      'notify_resume ignores PREEMPT on a task that is not RUNNING and just waits, instead of killing.',
    breaks: 'R11: PREEMPT on a non-RUNNING task is fatal',
    facts: 'R11, [PZ-v2] 5/5 the SIGKILL (force_sig) paths',
    site: 'internal/umcg/resume.ts umcgNotifyResume',
  },
  'register-checks-reordered': {
    description:
      'Registration checks the state before looking up server_tid: EINVAL instead of ESRCH when both are wrong.',
    breaks: 'register check order: server_tid (ESRCH) before state (EINVAL)',
    facts: '[PZ-v2] 5/5 sys_umcg_ctl() register, checks 5-6',
    site: 'internal/umcg/register.ts umcgRegister',
  },
  'reserved-unchecked': {
    description: 'Registration does not check that __hole and __zero are zero.',
    breaks: 'register step 4: reserved words must be 0 (EINVAL)',
    facts: '[PZ-v2] 5/5 sys_umcg_ctl() register, check 4',
    site: 'internal/umcg/register.ts umcgRegister',
  },
  'server-register-any-tid': {
    description: 'Server registration accepts any thread of the process as server_tid, not only the caller.',
    breaks: "register step 5: a server's server_tid is itself (ESRCH)",
    facts: '[PZ-v2] 5/5 sys_umcg_ctl() register, check 5',
    site: 'internal/umcg/register.ts serverOk',
  },
  'worker-register-accepts-worker': {
    description: 'Worker registration accepts a server_tid naming another (running) worker.',
    breaks: 'register step 5: the server must not be a worker (ESRCH)',
    facts: '[PZ-v2] 5/5 sys_umcg_ctl() register, check 5',
    site: 'internal/umcg/register.ts serverOk',
  },
  'unregister-state-unchecked': {
    description:
      'Unregister stores NONE whatever the state is, instead of CAS RUNNING→NONE (EAGAIN otherwise).',
    breaks: 'R17: unregister requires RUNNING',
    facts: '[PZ-v2] 5/5 sys_umcg_ctl() unregister, check 4, R17',
    site: 'internal/umcg/unregister.ts umcgUnregister',
  },
  'unregister-no-server-wake': {
    description: "A worker's unregister does not wake its server, which sleeps on.",
    breaks: 'R17: worker unregister wakes the server',
    facts: '[PZ-v2] 5/5 sys_umcg_ctl() unregister, check 5, [O-review]',
    site: 'internal/umcg/unregister.ts umcgUnregister',
  },
  'pin-leaked-on-failed-unregister': {
    description:
      "A failed unregister (state not RUNNING) returns without unpinning: the worker's next syscall entry hits the stale pin and the process is killed. This is the v2 bug; it is a mistake for the fixed reference kernel.",
    breaks: 'ref-6.1: unpin on every exit path of unregister (SPEC.md#param.unregisterLeaksPin)',
    facts: '[PZ-v2] 5/5 sys_umcg_ctl() unregister, check 4, SPEC.md#param.unregisterLeaksPin',
    profile: 'ref-6.1',
    site: 'internal/umcg/unregister.ts umcgUnregister',
  },
  'kick-flags-first': {
    description:
      'sys_umcg_kick checks flags before looking the task up: EINVAL instead of ESRCH for a bad tid with bad flags.',
    breaks: 'v2 kick: lookup (ESRCH) before flags (EINVAL)',
    facts: '[PZ-v2] 5/5 sys_umcg_kick(), SPEC.md#param.kick',
    site: 'internal/umcg/kick.ts sysUmcgKick',
  },
  'wake-before-running-cas': {
    description:
      'umcg_wake_task calls try_to_wake_up before its RUNNABLE→RUNNING CAS lands: a woken task that runs in that window re-reads RUNNABLE and sleeps again, and nothing wakes it once the CAS lands (a narrow interleaving).',
    breaks: 'wake = CAS RUNNABLE→RUNNING, then try_to_wake_up (state.wake)',
    facts: 'SPEC.md#state.wake',
    site: 'internal/umcg/state.ts umcgWakeTask',
  },
  'kick-tid-unmasked': {
    description:
      'sys_umcg_kick looks the tid up without UMCG_TID_MASK: a tid carrying UMCG_TID_RUNNING or bit 30 is ESRCH instead of the task (an odd value).',
    breaks: 'v2 kick: the tid is masked with UMCG_TID_MASK on lookup (kick.lookup)',
    facts: 'SPEC.md#kick.lookup',
    site: 'internal/umcg/kick.ts sysUmcgKick',
  },
  'unregister-keeps-worker-marker': {
    description:
      "umcg_clear_task forgets the worker markers: a worker that unregisters and registers again as a server is still hooked as a worker (its blocking syscall blocks it as a worker would). Only a registration's next life shows it.",
    breaks: 'unregister clears every piece of UMCG state (ctl.unregister.effects)',
    facts: 'SPEC.md#ctl.unregister.effects',
    site: 'internal/umcg/unregister.ts umcgClearTask',
  },
  'followups-kick-no-ipi': {
    description:
      'With the follow-ups, a kick whose wake-up finds the task not asleep returns without the IPI: a worker in user mode with PREEMPT set is never preempted (a mistake only in the follow-ups profile path).',
    breaks: 'follow-ups kick: wake if asleep, else IPI (kick.ipi)',
    facts: 'SPEC.md#kick.ipi',
    profile: 'pz-v2-followups',
    site: 'internal/umcg/kick.ts sysUmcgKick',
  },
  'timestamp-wrong-clock': {
    description:
      'umcg_update_state stamps blocked_ts/runnable_ts from CLOCK_MONOTONIC whatever clock the task registered with: a task registered on CLOCK_REALTIME gets timestamps of another clock domain.',
    breaks: 'timestamps are readings of the registration clock (state.update.timestamp-clock)',
    facts: 'SPEC.md#state.update.timestamp-clock',
    site: 'internal/umcg/state.ts umcgUpdateState',
  },
};

/** Every mutant, in catalogue order; the engine iterates this list. */
export const MUTANTS: readonly Mutant[] = (Object.keys(ENTRIES) as MutantName[]).map((name) => {
  const e = ENTRIES[name];
  return { ...e, name, profile: e.profile ?? 'pz-v2', witness: WITNESSES[name] };
});

/** Looks a mutant up by name. */
export function getMutant(name: MutantName): Mutant {
  return MUTANTS.find((m) => m.name === name)!;
}
