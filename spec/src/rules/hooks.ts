/** Rules of the hooks ([PZ-v2] 5/5 the UMCG hooks, R1-R6, R9-R12, [PZ-v2] 5/5 exit/fork/exec handling, [PZ-v2] 5/5 the SIGKILL (force_sig) paths). */
import type { RuleSpec } from './rule.js';

const ALL = 'all' as const;

/** Hook, sleep, signal and task-lifetime rules. */
export const HOOK_RULES = {
  'hook.enter.pin': {
    group: 'hook.enter',
    title: "R1: a worker's syscall entry pins self and server",
    statement:
      "At every syscall entry except `umcg_wait`/`umcg_ctl` (and, from RFC v2, at user-mode exceptions), a worker re-sets its worker marker and pins its own and its server's pages. Nothing is written.",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 the UMCG hooks', '[PZ-pf]'],
  },
  'hook.enter.kill': {
    group: 'hook.enter',
    title: 'A failed pin at syscall entry kills',
    statement:
      'If that pin fails (bad or non-anonymous self, `server_tid` not a registered task of the process, stale pin) the process is killed with SIGKILL.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 the SIGKILL (force_sig) paths'],
  },
  'hook.block.running': {
    group: 'hook.block',
    title: 'R2a: a pinned worker that sleeps becomes BLOCKED',
    statement:
      'When a worker with its marker set is about to sleep while pinned, the kernel CASes it RUNNING→BLOCKED (clearing PREEMPT and COND_WAIT, writing `blocked_ts`), wakes its server (R16: a RUNNING server is left alone) and unpins. The worker is not put on any list; only the first sleep of a syscall does this (R2, R10).',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_wq_worker_sleeping()'],
  },
  'hook.block.runnable': {
    group: 'hook.block',
    title: 'R2b: blocking in the COND_WAIT window',
    statement:
      'If the worker was not RUNNING, RFC v2 tries RUNNABLE→BLOCKED, which covers a worker that stored RUNNABLE|COND_WAIT and then blocked (a page fault, a syscall) before `umcg_wait`; it comes back RUNNING later and its wait returns EAGAIN (SPEC.md#hook.block.runnable). RFC v1 kills instead.',
    profiles: ['pz-v2', 'pz-v2-followups', 'ref-6.1'],
    sources: ['[PZ-v2] 5/5 umcg_wq_worker_sleeping()', '[O-RFCv2] 3/5 umcg_wq_worker_sleeping()'],
  },
  'hook.block.next': {
    group: 'hook.block',
    title: 'Prototype and RFC v1: block detection wakes next_tid',
    statement:
      'Before RFC v2, block detection wakes `next_tid` if it is set, else the server; RFC v2 only wakes the server ("next_tid must never be used for implicit blocks"). Preemption is a separate point: see `hook.resume.preempt-next`.',
    profiles: ['pz-proto', 'pz-proto-code', 'pz-v1'],
    sources: ['[PZ-proto]', '[PZ-v1]', '[PZ-0119a]'],
  },
  'hook.block.wake-server': {
    group: 'hook.block',
    title: 'Block detection wakes the server',
    statement:
      'After the worker is BLOCKED its server is woken if it is RUNNABLE (waiting), then the pins are released.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_wq_worker_sleeping()'],
  },
  'hook.block.kill': {
    group: 'hook.block',
    title: 'Block detection that cannot proceed kills',
    statement:
      'If the worker is neither RUNNING nor RUNNABLE, or a fault occurs (page faults are disabled in that hook), or waking the server faults, the process is killed.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 the SIGKILL (force_sig) paths'],
  },
  'hook.block.unpinned': {
    group: 'hook.block',
    title: 'R4: an unpinned sleep is not reported',
    statement:
      'A worker that sleeps without being pinned (after R2 already fired in this syscall, or with its marker cleared) is ignored by block detection.',
    profiles: ['pz-v2', 'pz-v2-followups', 'ref-6.1', 'pz-proto', 'pz-proto-code'],
    sources: ['[PZ-v2] 5/5 umcg_wq_worker_sleeping()', '[PZ-pf]'],
  },
  'hook.block.unpinned-kill': {
    group: 'hook.block',
    title: 'RFC v1: an unpinned sleeping worker is killed',
    statement:
      "RFC v1's pre-schedule hook WARNs and kills a worker that sleeps while not pinned (a page fault, which v1 does not route through the entry hook).",
    profiles: ['pz-v1'],
    sources: ['[O-RFCv2] 3/5 umcg_wq_worker_sleeping()', '[PZ-pf]'],
  },
  'hook.exit.no-block': {
    group: 'hook.exit',
    title: 'R3: a syscall that did not block just unpins',
    statement:
      'At syscall or exception exit a worker that is still pinned (it did not block) unpins; nothing else happens.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_sys_exit()'],
  },
  'hook.exit.unblock': {
    group: 'hook.exit',
    title: 'R5: a worker that blocked is enqueued and waits to be run',
    statement:
      "At exit of a syscall in which it blocked, a worker pins, CASes BLOCKED→RUNNABLE (writing `runnable_ts`), pushes itself onto its server's runnable list, wakes the server, unpins and sleeps until RUNNING (R6). The syscall's result reaches user space only after that.",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_sys_exit()'],
  },
  'hook.exit.unblock-kill': {
    group: 'hook.exit',
    title: 'A failing unblock kills',
    statement:
      'A failed pin, a failed BLOCKED→RUNNABLE CAS, a fault while enqueueing, or a wait that ends with anything but RUNNING or a signal kills the process.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 the SIGKILL (force_sig) paths'],
  },
  'hook.resume.pass': {
    group: 'hook.resume',
    title: 'R12: RUNNING and RUNNABLE|COND_WAIT return to user',
    statement:
      'At every return to user space a registered task whose `state & (UMCG_TASK_MASK|UMCG_TF_MASK)` is exactly RUNNING, or exactly RUNNABLE|COND_WAIT (it promised to call `umcg_wait`), returns to user space. RUNNING with an unknown TF bit waits, but the wait is satisfied at once.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_notify_resume()'],
  },
  'hook.resume.preempt': {
    group: 'hook.resume',
    title: 'R9: PREEMPT on a RUNNING task: enqueue and wait',
    statement:
      "A RUNNING|PREEMPT task pins, CASes RUNNING→RUNNABLE (clearing PREEMPT, writing `runnable_ts`), pushes itself onto its server's list, wakes the server, unpins and waits until RUNNING. `next_tid` is not consulted in RFC v1 and v2; only the prototype wakes it first (`hook.resume.preempt-next`). (A server preempting itself pushes itself onto its own list.)",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_notify_resume()', '[O-RFCv2] 3/5 umcg_notify_resume()', '[PZ-0114]'],
  },
  'hook.resume.preempt-next': {
    group: 'hook.resume',
    title: 'Prototype: preemption wakes next_tid',
    statement:
      "In the prototype, a preempted worker wakes `next_tid` if it is set (falling back to its server when that wake fails, `wait.next.fallback-server`), else its server. RFC v1's preemption path wakes the server only and leaves `next_tid` untouched (its code asks in a comment whether preemption should consume `next_tid` and leans towards no), as RFC v2 does.",
    profiles: ['pz-proto', 'pz-proto-code'],
    sources: ['[PZ-proto]', '[O-RFCv2] 3/5 umcg_notify_resume()'],
  },
  'hook.resume.wait': {
    group: 'hook.resume',
    title: 'Otherwise the task waits until RUNNING',
    statement:
      'Any other state (e.g. RUNNABLE without COND_WAIT) makes the task wait until RUNNING (R6) before returning to user space; a signal ends this wait early so the handler can run, and the hook runs again on the next return to user.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 umcg_notify_resume()'],
  },
  'hook.resume.kill': {
    group: 'hook.resume',
    title: 'The return-to-user hook kills on bad states and faults',
    statement:
      'The hook kills the process when reading `state` faults, when PREEMPT is set on a task that is not RUNNING (R11), when the PREEMPT path cannot pin or enqueue, or when the wait ends with an error (state neither RUNNABLE nor RUNNING, e.g. BLOCKED or NONE written by user space).',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 the SIGKILL (force_sig) paths'],
  },
  'sleep.loop': {
    group: 'sleep',
    title: 'R6: the wait re-reads the state after every wakeup',
    statement:
      'Waiting for RUNNING is a loop: mark the task interruptible, read its own state, sleep while RUNNABLE; spurious wakeups (a kick, a wake of a RUNNING task) just loop. Only RUNNING, a signal, the timeout or a bad state end it.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() sleep'],
  },
  'sleep.running': {
    group: 'sleep',
    title: 'The wait ends when the state is RUNNING',
    statement: "The wait ends successfully when the task's own state value reads RUNNING.",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() sleep'],
  },
  'sleep.signal': {
    group: 'sleep',
    title: 'A pending signal ends the wait with EINTR',
    statement:
      'A pending signal ends the wait with EINTR (which `umcg_wait` turns into 0 and the hooks into a later retry).',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() sleep'],
  },
  'sleep.timeout': {
    group: 'sleep',
    title: 'An expired timer ends the wait with ETIMEDOUT',
    statement:
      'With a timeout, the wait ends with ETIMEDOUT as soon as the sleep returns because the timer fired, without re-reading the state (W6).',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() timeout'],
  },
  'sleep.expire-none': {
    group: 'sleep',
    title: 'An expiry with no timed wait pending changes nothing',
    statement:
      'An `expire` event for a task with no timed wait pending (it started none, or the wait already ended: woken, expired, or a timeout in the past) is a no-op: the timer fired or was cancelled when the wait ended, and nothing observable changes.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() timeout'],
  },
  'sleep.bad-state': {
    group: 'sleep',
    title: 'A state neither RUNNING nor RUNNABLE ends the wait with EINVAL',
    statement: 'If the state reads anything other than RUNNING or RUNNABLE, the wait ends with EINVAL.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() sleep'],
  },
  'sleep.fault': {
    group: 'sleep',
    title: 'An unreadable state ends the wait with EFAULT',
    statement:
      'The state is read with page faults disabled; on a fault the page is pinned once and the read retried; a second fault ends the wait with EFAULT.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() sleep'],
  },
  'signal.handler': {
    group: 'signal',
    title: 'Signal handlers run after the hook, then rt_sigreturn',
    statement:
      'A pending signal is delivered after the return-to-user hook has run: its handler runs in user mode (even while the task is RUNNABLE), then returns through `rt_sigreturn`, an ordinary syscall for the worker hooks, and the hook runs again on that return.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 the UMCG hooks'],
  },
  'signal.handler-interrupt': {
    group: 'signal',
    title: 'An interrupt in a handler runs the hook with the signal blocked',
    statement:
      'A handler is user code, so an interrupt may land in it, at its very entry (the handler has not run yet) or later; its return to user mode runs the return-to-user hook, which for a task that is not RUNNING waits (or preempts, or kills) as anywhere else. The handler\'s own signal stays blocked until `rt_sigreturn`, so a second signal does not end that wait: the handler is suspended until the task is made RUNNING (PeterZ: such a handler would wait "ad infinitum"). The follow-ups\' unmanaged signal context has no such wait.',
    profiles: ['pz-proto', 'pz-proto-code', 'pz-v1', 'pz-v2', 'ref-6.1'],
    sources: ['[PZ-sig2]'],
  },
  'signal.context-excluded': {
    group: 'signal',
    title: 'Follow-ups: signal context is unmanaged time',
    statement:
      'In the follow-ups the signal handler runs outside UMCG: the worker hooks are off until the handler returns, UMCG calls from it return EOPNOTSUPP, and the interrupted wait resumes afterwards with its saved timeout.',
    profiles: ['pz-v2-followups'],
    sources: ['[PZ-sig3]', '[gatieme]@5f0b9c5'],
  },
  'signal.syscall-eintr': {
    group: 'signal',
    title: 'A signal interrupts an ordinary blocking syscall',
    statement:
      'A signal wakes a task asleep in an interruptible ordinary syscall, which returns EINTR (no SA_RESTART); a worker then goes through R5 if it had blocked.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 the UMCG hooks'],
  },
  'task.exit': {
    group: 'task',
    title: 'A worker that exits without unregistering notifies nobody',
    statement:
      'When a thread exits without unregistering nothing is written to user memory and its server is not woken (the exit cleanup is dead code in v1/v2); it can no longer be found by tid. Accepted as user space breaking the contract.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 exit/fork/exec handling', '[O-review]'],
  },
} as const satisfies Record<string, RuleSpec>;
