/** Rules of `umcg_ctl` ([PZ-v2] 5/5 sys_umcg_ctl(), R0a, R0b, R17, R18). */
import type { RuleSpec } from './rule.js';

const ALL = 'all' as const;

/** `umcg_ctl` rules, in the order the kernel checks them. */
export const CTL_RULES = {
  'ctl.decode.misaligned': {
    group: 'ctl.register',
    title: 'A misaligned self is EINVAL',
    statement:
      'If `self` is not 64-byte aligned the call fails with EINVAL before anything else is looked at. NULL passes this check.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() decoding, check 1'],
  },
  'ctl.decode.flags': {
    group: 'ctl.register',
    title: 'Stray flag bits are EINVAL',
    statement:
      'The command is `flags & 0xff`; any remaining bit other than `UMCG_CTL_WORKER` fails with EINVAL.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() decoding, check 3', '[O-RFCv2] 3/5 sys_umcg_ctl()', '[PZ-proto]'],
  },
  'ctl.decode.cmd': {
    group: 'ctl.register',
    title: 'An unknown command is EINVAL',
    statement: 'A command other than `UMCG_CTL_REGISTER` (1) or `UMCG_CTL_UNREGISTER` (2) fails with EINVAL.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() decoding, check 4', '[O-RFCv2] 3/5 sys_umcg_ctl()', '[PZ-proto]'],
  },
  'ctl.register.clock': {
    group: 'ctl.register',
    title: 'The clock is checked first and stored before the other checks',
    statement:
      "Registration first requires `which_clock` to be CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME or CLOCK_TAI (else EINVAL, nothing stored). A valid clock is stored into the task before the remaining checks, so a registration that fails later, even a second REGISTER of an already registered task, still switches the clock of that task's timestamps and timeouts.",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() register, check 1'],
  },
  'ctl.register.already': {
    group: 'ctl.register',
    title: 'Registering twice or with a NULL self is EINVAL',
    statement: 'A task that is already registered, or a NULL `self`, fails with EINVAL.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() register, check 2'],
  },
  'ctl.register.fault': {
    group: 'ctl.register',
    title: 'An unreadable struct is EFAULT',
    statement: 'The whole 64-byte struct is copied from user memory; a fault gives EFAULT.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() register, check 3'],
  },
  'ctl.register.reserved': {
    group: 'ctl.register',
    title: 'next_tid and the reserved words must be zero',
    statement:
      'A non-zero `next_tid`, `__hole[0]` or `__zero[i]` fails with EINVAL. `blocked_ts`, `runnable_ts` and `runnable_workers_ptr` are not checked.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() register, check 4'],
  },
  'ctl.register.server-tid': {
    group: 'ctl.register',
    title: 'server_tid: a server names itself, a worker a registered non-worker',
    statement:
      "`server_tid` is looked up unmasked among the threads of the caller's process. A server must name itself; a worker must name a registered UMCG task that is not a worker (the check reads the worker marker, which the posted code clears while a worker sleeps inside a UMCG wait). Otherwise ESRCH.",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() register, check 5'],
  },
  'ctl.register.state': {
    group: 'ctl.register',
    title: 'A worker registers BLOCKED, a server RUNNING, no TF bit',
    statement:
      '`state & (UMCG_TASK_MASK | UMCG_TF_MASK)` must be exactly BLOCKED for a worker or RUNNING for a server, else EINVAL; user bits 16-31 are ignored.',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() register, check 6'],
  },
  'ctl.register.server': {
    group: 'ctl.register',
    title: 'Server registration writes nothing',
    statement:
      'A server registration remembers `self`, enables the return-to-user hook and returns 0; no user memory is written (R0a).',
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl()'],
  },
  'ctl.register.worker': {
    group: 'ctl.register',
    title: 'Worker registration enqueues and waits until RUNNING',
    statement:
      "A worker registration marks the task a worker, then runs the unblock sequence synchronously: BLOCKED→RUNNABLE (writing `runnable_ts`), push onto the server's runnable list, wake the server, then sleep until some task makes the worker RUNNING. Only then does `umcg_ctl` return 0 (R0b).",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl()'],
  },
  'ctl.register.worker-kill': {
    group: 'ctl.register',
    title: 'A failure while a worker registers kills it',
    statement:
      "Any failure in the worker's unblock sequence (pin, the BLOCKED→RUNNABLE CAS, the push, the server wake, a bad state while waiting) kills the process with SIGKILL.",
    profiles: ALL,
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl()', '[PZ-v2] 5/5 the SIGKILL (force_sig) paths'],
  },
  'ctl.unregister.self': {
    group: 'ctl.unregister',
    title: 'Unregister needs the registered self',
    statement:
      "A NULL `self`, or one that is not the caller's registered struct (also: the caller is not registered), fails with EINVAL.",
    profiles: ['pz-v2', 'pz-v2-followups', 'ref-6.1'],
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() unregister, check 1'],
  },
  'ctl.unregister.worker-flag': {
    group: 'ctl.unregister',
    title: 'UMCG_CTL_WORKER must match the kind of task',
    statement: 'Unregister must carry `UMCG_CTL_WORKER` if and only if the caller is a worker, else EINVAL.',
    profiles: ['pz-v2', 'pz-v2-followups', 'ref-6.1'],
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() unregister, check 2'],
  },
  'ctl.unregister.pin': {
    group: 'ctl.unregister',
    title: 'Unregister pins self and server',
    statement:
      "Unregister pins the caller's and its server's pages; a failure (EFAULT, ESRCH, EBUSY) is returned.",
    profiles: ['pz-v2', 'pz-v2-followups', 'ref-6.1'],
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() unregister, check 3'],
  },
  'ctl.unregister.not-running': {
    group: 'ctl.unregister',
    title: 'Unregister needs RUNNING; RFC v2 then leaks the pin',
    statement:
      "Unregister CASes the state RUNNING→NONE; if the task is not RUNNING it fails with EAGAIN (EFAULT on a fault). In RFC v2 the pages are not unpinned on this path, so the task's next pin fails with EBUSY (for a worker: SIGKILL at its next syscall); the reference kernel (`ref-6.1`) unpins.",
    profiles: ['pz-v2', 'pz-v2-followups', 'ref-6.1'],
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() unregister, check 4'],
  },
  'ctl.unregister.effects': {
    group: 'ctl.unregister',
    title: 'Unregister: NONE, the worker wakes its server, hooks off',
    statement:
      'After RUNNING→NONE a worker wakes its server (RUNNABLE→RUNNING, result ignored); then the pins are released and every UMCG hook of the task is turned off. Returns 0 (R17, R18). Workers that still name an unregistered server fail their next pin.',
    profiles: ['pz-v2', 'pz-v2-followups', 'ref-6.1'],
    sources: ['[PZ-v2] 5/5 sys_umcg_ctl() unregister, checks 5-6', '[O-review]'],
  },
  'ctl.unregister.null-self': {
    group: 'ctl.unregister',
    title: 'Prototype and RFC v1: unregister with a NULL self',
    statement:
      'Before RFC v2, unregister is exactly `UMCG_CTL_UNREGISTER` with a NULL `self` (anything else is EINVAL); it turns the hooks off without writing the state and without waking the server.',
    profiles: ['pz-proto', 'pz-proto-code', 'pz-v1'],
    sources: ['[PZ-proto]', '[PZ-v1]'],
  },
} as const satisfies Record<string, RuleSpec>;
