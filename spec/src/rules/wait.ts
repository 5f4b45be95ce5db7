/** Rules of `umcg_wait` ([PZ-v2] 5/5 sys_umcg_wait(), [PZ-v2] 5/5 sys_umcg_wait() timeout, R7, R8, R13-R15) and `umcg_kick` ([PZ-v2] 5/5 sys_umcg_kick()). */
import type { RuleSpec } from './rule.js';

const ALL = 'all' as const;
const V2ISH = ['pz-v2', 'pz-v2-followups', 'ref-6.1'] as const;

/** `umcg_wait` and `umcg_kick` rules. */
export const WAIT_RULES = {
  'wait.einval': {
    group: 'wait',
    title: 'Unregistered caller or unknown flags: EINVAL',
    statement:
      'An unregistered caller, or `flags` other than 0 (the follow-ups also accept `UMCG_WAIT_ENQUEUE`), fails with EINVAL; the state is untouched.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() flags check'],
  },
  'wait.enqueue-flag': {
    group: 'wait',
    title: 'Follow-ups: UMCG_WAIT_ENQUEUE is for workers only',
    statement:
      '`UMCG_WAIT_ENQUEUE` from a server fails with EINVAL. A worker is enqueued (and its server woken) only when it passes the flag.',
    profiles: ['pz-v2-followups'],
    sources: ['[PZ-enqueue] sys_umcg_wait()'],
  },
  'wait.worker-timeout': {
    group: 'wait',
    title: 'A worker may not time out (RFC v1/v2)',
    statement:
      'A worker caller with a non-zero timeout fails with ERANGE; the state is untouched. RFC v2 also forgets to restore the worker marker on this path, so a block of that worker goes unreported until its next syscall entry (`ref-6.1` fixes this). In the follow-ups timeouts are allowed but `UMCG_WAIT_ENQUEUE` with a timeout is EINVAL.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() worker-timeout check'],
  },
  'wait.worker-timeout.marker-lost': {
    group: 'wait',
    title: 'RFC v2 bug: ERANGE loses the worker marker',
    statement:
      "On the ERANGE path RFC v2 does not restore the worker marker: until the worker's next ordinary syscall re-sets it, its page faults are not reported as blocks and its next `umcg_wait` treats it as a server (timeouts accepted, no enqueue, no server wake), and unregister must then be called without `UMCG_CTL_WORKER`. The reference kernel (`ref-6.1`) restores the marker.",
    profiles: ['pz-v2', 'pz-v1'],
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() worker-timeout check'],
  },
  'wait.pin': {
    group: 'wait',
    title: 'A failed pin returns its error, caller RUNNING again',
    statement:
      'If pinning fails (EFAULT, ESRCH, EBUSY) the caller is CASed RUNNABLE→RUNNING (result ignored) and the error is returned.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() pin'],
  },
  'wait.self-not-runnable': {
    group: 'wait',
    title: 'A caller that is no longer RUNNABLE gets EAGAIN',
    statement:
      "The caller's own RUNNABLE→RUNNABLE CAS fails with EAGAIN when somebody already made it RUNNING (a concurrent wakeup: an enqueue or block woke the server between its RUNNABLE|COND_WAIT store and the syscall). Nothing else happens; the state stays as it is (W3, SPEC.md#wait.self-not-runnable). In the prototype the kernel does RUNNING→RUNNABLE here instead.",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() self CAS'],
  },
  'wait.self-requeue': {
    group: 'wait',
    title: "The caller's RUNNABLE→RUNNABLE consumes COND_WAIT",
    statement: 'The successful RUNNABLE→RUNNABLE CAS clears COND_WAIT and PREEMPT and writes `runnable_ts`.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() self CAS', '[PZ-v2] 5/5 umcg_update_state()'],
  },
  'wait.no-next': {
    group: 'wait',
    title: 'Prototype: next_tid 0 is ESRCH',
    statement: "The prototype's `umcg_wait` fails with ESRCH when `next_tid` is 0.",
    profiles: ['pz-proto', 'pz-proto-code'],
    sources: ['[PZ-proto]'],
  },
  'wait.next.lookup': {
    group: 'wait',
    title: 'next_tid must name a registered task: ESRCH',
    statement:
      '`next_tid & UMCG_TID_MASK` (unmasked before RFC v2) must be a thread of the same process that is a registered UMCG task, worker or server; otherwise ESRCH.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_wake_next()'],
  },
  'wait.next.tid-running': {
    group: 'wait',
    title: 'next_tid with UMCG_TID_RUNNING: check it still runs',
    statement:
      'If `next_tid` carries `UMCG_TID_RUNNING`, nothing is woken: the call goes on if the named task is RUNNING, else it fails with EAGAIN ("pick another") (R8).',
    profiles: V2ISH,
    sources: ['[PZ-v2] 5/5 umcg_wake_next()', '[PZ-tidrun]'],
  },
  'wait.next.not-runnable': {
    group: 'wait',
    title: 'A next_tid that is not RUNNABLE: EAGAIN',
    statement:
      'Waking `next_tid` CASes it RUNNABLE→RUNNING; if it is not RUNNABLE the call fails with EAGAIN.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_wake_next()'],
  },
  'wait.next.wake': {
    group: 'wait',
    title: 'Switch: next_tid becomes RUNNING and is woken',
    statement:
      "A RUNNABLE `next_tid` is made RUNNING and woken on the caller's CPU (R7, R14). Any UMCG task may be named, so this also wakes an idle server.",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_wake_next()'],
  },
  'wait.next.writeback': {
    group: 'wait',
    title: 'After the switch the kernel marks next_tid',
    statement:
      "After waking `next_tid` RFC v2 writes `next_tid | UMCG_TID_RUNNING` back into the caller's `next_tid` (a fault there is EFAULT, after the wake); RFC v1 clears it to 0; the prototype writes nothing. The kernel never clears it in v2.",
    profiles: ['pz-v2', 'pz-v2-followups', 'ref-6.1', 'pz-v1'],
    sources: ['[PZ-v2] 5/5 umcg_wake_next()'],
  },
  'wait.next.failure': {
    group: 'wait',
    title: 'A failed switch returns the error; RFC v2 does not enqueue',
    statement:
      'When waking `next_tid` fails (ESRCH, EAGAIN, EFAULT), RFC v2 returns the error with the caller reverted to RUNNING, not enqueued and the server not woken, because it wakes next before enqueueing (R15). RFC v1 and the prototype have already enqueued a worker caller, leave it enqueued and RUNNABLE and return the error.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_wake_next()', '[O-RFCv2] 3/5 sys_umcg_wait()', '[PZ-proto]'],
  },
  'wait.next.fallback-server': {
    group: 'wait',
    title: 'Seed e-mail: if next cannot be woken, wake the server',
    statement:
      'In the prototype, when block detection or preemption fails to wake `next_tid`, the server is woken instead; a profile with the seed e-mail\'s general reading ("if, for any reason we fail to wake next_tid, we\'ll wake server_tid") also applies it to `umcg_wait`. RFC v1 and v2 never fall back.',
    profiles: ['pz-proto', 'pz-proto-code'],
    sources: ['[PZ-seed]', '[PZ-0114]'],
  },
  'wait.error-revert': {
    group: 'wait',
    title: 'After an error the caller is reverted to RUNNING (v2: every caller, v1: a server)',
    statement:
      'After an error past the entry checks, RFC v2 CASes the caller RUNNABLE→RUNNING. RFC v1 does so for a server caller only (so that a server gets the error at once); a v1 worker caller keeps its state (typically RUNNABLE|COND_WAIT, still enqueued). The prototype leaves every caller as it is.',
    profiles: [...V2ISH, 'pz-v1'],
    sources: ['[PZ-v2] 5/5 sys_umcg_wait()', '[O-RFCv2] 3/5 sys_umcg_wait()'],
  },
  'wait.worker.enqueue': {
    group: 'wait',
    title: "A waiting worker is pushed onto its server's list, the server woken",
    statement:
      "A worker caller pushes itself onto its server's runnable list and wakes the server (R13, R14); a fault fails with EFAULT, caller reverted to RUNNING (in RFC v2 `next_tid` may then already run). RFC v1 wakes the server only when `next_tid` is 0.",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() enqueue'],
  },
  'wait.sleep': {
    group: 'wait',
    title: 'The caller sleeps until RUNNING and returns 0',
    statement:
      'The caller unpins and sleeps until its state becomes RUNNING (R6); then the call returns 0 and the task is RUNNING.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() sleep'],
  },
  'wait.signal': {
    group: 'wait',
    title: 'A signal ends the sleep with 0; the wait goes on at return to user',
    statement:
      'A signal ends the sleep with EINTR internally, but the call returns 0: the signal handler runs while the task is still RUNNABLE, and the return-to-user hook then continues the wait; any timeout is lost (acknowledged bug). The follow-ups keep the timeout and exclude signal context from UMCG.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() sleep', '[PZ-0121a]'],
  },
  'wait.timeout': {
    group: 'wait',
    title: 'ETIMEDOUT: caller RUNNING again, even if a wake also happened',
    statement:
      'When the absolute timeout on the registration clock passes, the call reverts the caller RUNNABLE→RUNNING (ignored if a waker already did) and returns ETIMEDOUT, without re-reading the state: ETIMEDOUT may be reported although a wake also succeeded (W6). A timeout already in the past returns 0 if the caller is already RUNNING, else ETIMEDOUT at once.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() sleep', '[PZ-v2] 5/5 sys_umcg_wait() timeout'],
  },
  'wait.worker-timeout.requeue': {
    group: 'wait',
    title: 'Follow-ups: a timed-out worker is requeued',
    statement:
      "In the follow-ups a worker whose timeout passes enqueues itself on its server's list, wakes the server, keeps waiting (without timeout) until it is made RUNNING, and then returns ETIMEDOUT.",
    profiles: ['pz-v2-followups'],
    sources: ['[PZ-enqueue] sys_umcg_wait() timeout', '[O-0118]'],
  },
  'wait.bad-state': {
    group: 'wait',
    title: 'A state neither RUNNABLE nor RUNNING ends the wait with an error',
    statement:
      'If user space wrote another state (BLOCKED, NONE) while the caller slept, the wait fails with EINVAL (EFAULT if the struct became unreadable); the return-to-user hook then kills the task.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() sleep', '[PZ-v2] 5/5 the SIGKILL (force_sig) paths'],
  },
  'kick.enosys': {
    group: 'kick',
    title: 'The prototype has no kick',
    statement: '`umcg_kick` appeared in RFC v1; before it the syscall does not exist and returns ENOSYS.',
    profiles: ['pz-proto', 'pz-proto-code'],
    sources: ['[PZ-proto]', '[PZ-v1]'],
  },
  'kick.lookup': {
    group: 'kick',
    title: 'Kick: the target must be a registered task (ESRCH first)',
    statement:
      '`tid & UMCG_TID_MASK` must name a registered UMCG task of the same process, else ESRCH. RFC v2 looks the task up before it checks the flags; [gatieme]@40c515fd checks the flags first.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_kick()'],
  },
  'kick.flags': {
    group: 'kick',
    title: 'Kick flags must be 0',
    statement: '`flags != 0` fails with EINVAL (after the lookup in RFC v2, before it in the follow-ups).',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_kick()'],
  },
  'kick.ipi': {
    group: 'kick',
    title: 'Kick interrupts a task executing user code',
    statement:
      "Kick sends a reschedule IPI to the target's CPU and returns 0: a target executing user code passes through the return-to-user hook, where a pending PREEMPT is acted on (R9). A sleeping target is not woken in RFC v2 (SPEC.md#kick.ipi).",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_kick()'],
  },
  'kick.wake': {
    group: 'kick',
    title: 'Follow-ups: kick first tries to wake the target',
    statement:
      'From [gatieme]@40c515fd on, kick first wakes a sleeping target; a task asleep in a UMCG wait re-reads its state, finds RUNNABLE and sleeps again, so the wake-up is absorbed.',
    profiles: ['pz-v2-followups'],
    sources: ['[gatieme] sys_umcg_kick()'],
  },
} as const satisfies Record<string, RuleSpec>;
