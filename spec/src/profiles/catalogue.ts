/**
 * The built-in profiles. The reference is PeterZ RFC v2 ([PZ-v2]); the others are declared as differences.
 * @module
 */
import { POSTED_SYSCALLS, REF_KERNEL_SYSCALLS } from '../abi/syscalls.js';
import type { ProfileParams } from './params.js';
import type { Profile, ProfileId } from './profile.js';

/** Parameters of the reference profile, PeterZ "[RFC][PATCH v2 5/5]" 2022-01-20 [PZ-v2]. */
export const PZ_V2_PARAMS: ProfileParams = {
  syscalls: POSTED_SYSCALLS,
  waitOrder: 'wake-next-first',
  waitErrorRevert: 'revert',
  nextFailFallback: 'never',
  nextTidWriteback: 'tid-running',
  nextOnBlock: false,
  nextOnPreempt: false,
  tidMask: true,
  pinNext: false,
  waitEntryState: 'runnable',
  condWait: true,
  waitWithoutNext: 'idle',
  workerTimeout: 'erange',
  enqueueFlag: false,
  unregister: 'v2',
  signals: 'resume',
  exceptionsHooked: true,
  unpinnedSleepKills: false,
  blockFromRunnable: true,
  kick: 'ipi',
  kickOrder: 'lookup-first',
  pinWritesZero: false,
  unregisterLeaksPin: true,
  erangeLosesMarker: true,
  workerCheck: 'marker',
  clockStoredEarly: true,
};

type Diff = { [K in keyof ProfileParams]?: readonly [ProfileParams[K], string] };

function declare(
  id: ProfileId,
  title: string,
  sources: string[],
  base: Profile | undefined,
  diff: Diff,
): Profile {
  const params = { ...(base?.params ?? PZ_V2_PARAMS) } as Record<string, unknown>;
  const differences: Record<string, string> = {};
  for (const [key, entry] of Object.entries(diff) as [string, readonly [unknown, string]][]) {
    params[key] = entry[0];
    differences[key] = entry[1];
  }
  return { id, title, sources, base: base?.id, differences, params: params as unknown as ProfileParams };
}

/** The reference profile. */
export const PZ_V2 = declare(
  'pz-v2',
  'PeterZ RFC v2 (2022-01-20): the reference',
  ['[PZ-v2]'],
  undefined,
  {},
);

/**
 * The 2021-11-26 in-thread prototype as the seed e-mail summarises it: "if, for any reason we fail to wake
 * next_tid, we'll wake server_tid" — also in `umcg_wait` ([PZ-seed]). The code itself only falls back on
 * block/preemption (its posted code): that reading is the separate profile `pz-proto-code`.
 */
export const PZ_PROTO = declare(
  'pz-proto',
  'PeterZ prototype (2021-11-26), as the seed e-mail describes it',
  ['[PZ-proto]', '[PZ-seed]', '[O-1128]'],
  PZ_V2,
  {
    syscalls: [{ ctl: 450, wait: 451, kick: undefined }, '[PZ-proto]: no kick before RFC v1'],
    waitOrder: ['enqueue-first', '[PZ-proto] code: enqueue self, then wake next'],
    waitErrorRevert: ['keep', '[PZ-proto]: the error of a failed next wake is returned after enqueueing'],
    nextFailFallback: ['always', '[PZ-seed]: "if we fail to wake next_tid we wake server_tid"'],
    nextTidWriteback: ['none', '[PZ-proto] code'],
    nextOnBlock: [true, '[PZ-proto] code: wake next, else the server'],
    nextOnPreempt: [
      true,
      '[PZ-proto] code: on preemption the prototype wakes next_tid and falls back to the server',
    ],
    tidMask: [false, 'UMCG_TID_MASK appears in v2 [PZ-tidrun]'],
    waitEntryState: ['running', '[PZ-proto] code: the prototype does RUNNING→RUNNABLE itself'],
    condWait: [false, '[PZ-v1]: COND_WAIT introduced in v1'],
    waitWithoutNext: ['esrch', '[PZ-proto] code'],
    workerTimeout: ['plain', '[PZ-proto]: allowed, semantics unclear'],
    unregister: ['null-self', '[PZ-proto] code'],
    exceptionsHooked: [false, '[PZ-v2] 2/5: exceptions hooked only from v2'],
    blockFromRunnable: [false, 'no COND_WAIT window exists; RUNNING→BLOCKED only'],
  },
);

/** The prototype as its code reads ([PZ-proto] code): `umcg_wait` returns the error, no fallback there. */
export const PZ_PROTO_CODE = declare(
  'pz-proto-code',
  'PeterZ prototype (2021-11-26), as its posted code reads',
  ['[PZ-proto]', '[O-1128]'],
  PZ_PROTO,
  {
    nextFailFallback: ['implicit', '[PZ-proto] code: the fallback lives only in the block/preemption helper'],
  },
);

/** RFC v1, 2021-12-14 (text of [O-RFCv2] 3/5). */
export const PZ_V1 = declare('pz-v1', 'PeterZ RFC v1 (2021-12-14)', ['[PZ-v1]', '[O-RFCv2]'], PZ_V2, {
  waitOrder: ['enqueue-first', '[O-RFCv2] 3/5 sys_umcg_wait()'],
  waitErrorRevert: [
    'server-only',
    '[O-RFCv2] 3/5 sys_umcg_wait(): v1 reverts a server caller to RUNNING ("servers need the error at once"), not a worker',
  ],
  nextTidWriteback: ['clear', '[O-RFCv2] 3/5 umcg_wake_next()'],
  nextOnBlock: [
    true,
    '[O-RFCv2] 3/5 umcg_wq_worker_sleeping(): block wakes next_tid if set, else the server',
  ],
  tidMask: [false, '[O-RFCv2] 3/5 code: v1 has no UMCG_TID_MASK'],
  pinNext: [true, '[O-RFCv2] 3/5 code: next is pinned too'],
  unregister: ['null-self', '[O-RFCv2] 3/5 sys_umcg_ctl()'],
  exceptionsHooked: [false, '[PZ-pf]'],
  unpinnedSleepKills: [true, '[O-RFCv2] 3/5 code: v1 WARNs and kills an unpinned sleeping worker'],
  blockFromRunnable: [false, '[O-RFCv2] 3/5 code: RUNNABLE→BLOCKED first appears in v2'],
  unregisterLeaksPin: [false, 'no RUNNING→NONE step that can fail in v1 unregister'],
});

/** RFC v2 with the follow-up diffs of 2022-01-21…27 ([gatieme]@5f0b9c5). */
export const PZ_V2_FOLLOWUPS = declare(
  'pz-v2-followups',
  'RFC v2 plus the follow-ups: UMCG_WAIT_ENQUEUE, worker timeouts, signal-context exclusion',
  ['[PZ-enqueue]', '[PZ-0121b]', '[PZ-sig3]', '[gatieme]'],
  PZ_V2,
  {
    workerTimeout: ['requeue', '[PZ-enqueue]'],
    enqueueFlag: [true, '[PZ-enqueue]'],
    signals: ['exclude', '[PZ-sig3]'],
    kick: ['wake-then-ipi', '[gatieme]@40c515fd sys_umcg_kick()'],
    kickOrder: ['flags-first', '[gatieme]@40c515fd sys_umcg_kick()'],
    pinWritesZero: [true, '[Hildenbrand], [gatieme]@40c515fd umcg_pin_pages()'],
  },
);

/** The project's reference kernel on Linux 6.1: RFC v2 with the pin leak and the lost worker marker fixed. */
export const REF_61 = declare(
  'ref-6.1',
  "The project's reference kernel (packages/kernel) on Linux 6.1",
  ['[PZ-v2]'],
  PZ_V2,
  {
    syscalls: [REF_KERNEL_SYSCALLS, 'next free numbers on Linux 6.1'],
    unregisterLeaksPin: [
      false,
      '[PZ-v2] 5/5 sys_umcg_ctl(): a reference kernel must not leave stale pins (WARN)',
    ],
    erangeLosesMarker: [false, '[PZ-v2] 5/5 sys_umcg_wait(): treated as a bug'],
    workerCheck: [
      'flag',
      '[PZ-v2] 5/5 code: the marker-based checks are bugs; packages/kernel keeps a permanent flag (D2)',
    ],
  },
);

/** Every built-in profile by id. */
export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  'pz-v2': PZ_V2,
  'pz-proto': PZ_PROTO,
  'pz-proto-code': PZ_PROTO_CODE,
  'pz-v1': PZ_V1,
  'pz-v2-followups': PZ_V2_FOLLOWUPS,
  'ref-6.1': REF_61,
};

/** The reference profile's id. */
export const REFERENCE_PROFILE: ProfileId = 'pz-v2';

/** Looks a profile up by id; throws an error listing the known ids otherwise. */
export function getProfile(id: string): Profile {
  const p = (PROFILES as Record<string, Profile | undefined>)[id];
  if (!p) throw new Error(`unknown profile '${id}'; expected one of: ${Object.keys(PROFILES).join(', ')}`);
  return p;
}
