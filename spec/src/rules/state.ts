/** Rules of the kernel's state-update primitive, wakes, the runnable list and page pinning ([PZ-v2] 5/5 umcg_update_state(), [PZ-v2] 5/5 umcg_enqueue_runnable(), [PZ-v2] 5/5 umcg_pin_pages()). */
import type { RuleSpec } from './rule.js';

/** State, list and pin rules. */
export const STATE_RULES = {
  'state.update.from-mismatch': {
    group: 'state',
    title: 'A kernel transition checks the state value only',
    statement:
      'Every kernel change of a task\'s `state` is a compare-and-swap loop that first compares `state & UMCG_TASK_MASK` with the expected "from" state; on mismatch it fails with EAGAIN and writes nothing. Flags and user bits are ignored by the comparison; a CAS that fails because another bit changed is retried on the fresh value.',
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_update_state()'],
  },
  'state.update.clears-flags': {
    group: 'state',
    title: 'A kernel transition clears PREEMPT and COND_WAIT',
    statement:
      'The new value is the old one with the state value, `UMCG_TF_PREEMPT` and `UMCG_TF_COND_WAIT` cleared and the target state OR-ed in; every other bit (unknown TF bits 0x0400-0x8000, user bits 16-31) is preserved. This includes RUNNABLE→RUNNABLE, which `umcg_wait` uses to consume COND_WAIT. The kernel never sets a TF bit.',
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_update_state()'],
  },
  'state.update.timestamp': {
    group: 'state',
    title: 'Transitions to RUNNABLE and BLOCKED are timestamped after the CAS',
    statement:
      "A transition to RUNNABLE stores the registration clock's current time into `runnable_ts`, one to BLOCKED into `blocked_ts`; the store is a separate write after the successful CAS, so an observer may see the new state before the new timestamp.",
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_update_state()'],
  },
  'state.update.timestamp-clock': {
    group: 'state',
    title: 'Timestamps are readings of the registration clock and never go backwards',
    statement:
      "The value a transition stores into `blocked_ts` or `runnable_ts` is a reading of the clock the task registered with (`which_clock` of `umcg_ctl`), taken during the transition: it lies between that clock's readings before and after the step, and it is not earlier than the previous timestamp the kernel stored in the same field. A target reports a kernel-written timestamp as moved only when it is such a reading; a value user code stored is reported as moved whenever it changed. Clock domain and order are compared, never exact values.",
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_update_state()'],
  },
  'state.update.fault': {
    group: 'state',
    title: 'A fault during a transition is EFAULT',
    statement:
      "If the task's `struct umcg_task` cannot be accessed, the transition fails with EFAULT and writes nothing.",
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_update_state()'],
  },
  'state.wake': {
    group: 'state',
    title: 'Waking a task: RUNNABLE→RUNNING, then a wakeup',
    statement:
      "To wake a task the kernel CASes it RUNNABLE→RUNNING and then wakes the thread (on the waker's CPU). If the task is not RUNNABLE the wake fails with EAGAIN and no thread wakeup is done.",
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_update_state()'],
  },
  'state.wake-server': {
    group: 'state',
    title: 'Waking the server swallows EAGAIN',
    statement:
      "Waking a worker's server is a wake whose EAGAIN is ignored (the server may have timed out or already be running): wakes of a RUNNING server are silently dropped. Only EFAULT propagates. The server-side protocol (RUNNABLE|COND_WAIT before draining the list) is what prevents lost wakeups.",
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_update_state()'],
  },
  'list.push': {
    group: 'list',
    title: "Enqueue: push onto the server's runnable list",
    statement:
      "The kernel pushes a worker onto the LIFO list headed by its server's `runnable_workers_ptr`: it stores the current head into the worker's own `runnable_workers_ptr`, then CASes the head from that value to the worker's struct address, retrying with the new head on failure. The worker is RUNNABLE before it is pushed. The list is never seen broken.",
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_enqueue_runnable()'],
  },
  'list.push-fault': {
    group: 'list',
    title: 'A fault while pushing is EFAULT',
    statement:
      "If the worker's or the server's struct cannot be accessed while pushing, the push fails with EFAULT.",
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 sys_umcg_wait() enqueue'],
  },
  'list.take': {
    group: 'list',
    title: 'User space takes a whole list with one exchange',
    statement:
      "User space consumes a server's runnable list by atomically exchanging the head with 0 and walking the detached chain through each element's `runnable_workers_ptr` (the test program resets each link to 0). A concurrent push lands either in the taken chain or in the new list, never lost. Whoever removed a worker from a list owns it; the kernel never dequeues.",
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_enqueue_runnable()', '[PZ-seed]'],
  },
  'pin.stale': {
    group: 'pin',
    title: 'A stale pin makes the next pin fail with EBUSY',
    statement:
      'Pinning refuses with EBUSY (and a kernel WARN) if a previous pin of the task was never released. In RFC v2 this happens after a failed unregister (see `ctl.unregister.not-running`), and in RFC v1 after a failed pin of `next`.',
    profiles: ['pz-v2', 'pz-v1', 'pz-proto', 'pz-proto-code', 'pz-v2-followups'],
    sources: ['[PZ-v2] 5/5 umcg_pin_pages()', '[O-RFCv2] 3/5 umcg_pin_pages()'],
  },
  'pin.self': {
    group: 'pin',
    title: 'Pinning self: anonymous page, then read server_tid',
    statement:
      "Pinning pins the page of the caller's struct, which must be an anonymous page (else EFAULT; an unmapped page is EFAULT too), then loads `server_tid` through the user mapping (fault: EFAULT).",
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_pin_pages()', '[PZ-v2] 5/5 struct umcg_task'],
  },
  'pin.server': {
    group: 'pin',
    title: 'Pinning the server',
    statement:
      'The server named by `server_tid` (unmasked) must be a registered UMCG task of the same process (else ESRCH); its struct page is pinned the same way (EFAULT). For a server the two are the same struct. `next` is not pinned in RFC v2.',
    profiles: 'all',
    sources: ['[PZ-v2] 5/5 umcg_pin_pages()'],
  },
  'pin.zero-store': {
    group: 'pin',
    title: 'Every pin stores 0 into __zero[0]',
    statement:
      "After David Hildenbrand's GUP-fast remark the pin became a write pin that stores 0 into `__zero[0]` of self and of the server.",
    profiles: ['pz-v2-followups'],
    sources: ['[Hildenbrand]', '[gatieme] umcg_pin_pages()'],
  },
  'pin.next': {
    group: 'pin',
    title: 'RFC v1 pins next too',
    statement:
      "In RFC v1 `umcg_wait` also pins the task named by `next_tid`: a garbage or non-UMCG `next_tid` fails with ESRCH (a struct that cannot be pinned with EFAULT) while pinning, before the caller's own CAS and before a worker caller is enqueued, and leaves stale pin state behind, so the caller's next pin fails with EBUSY.",
    profiles: ['pz-v1'],
    sources: ['[O-RFCv2] 3/5 umcg_pin_pages()'],
  },
} as const satisfies Record<string, RuleSpec>;
