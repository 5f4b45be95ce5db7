/**
 * The built-in profiles. The reference is PeterZ RFC v2 (facts §1.3); the others are declared as differences.
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
 * next_tid, we'll wake server_tid" — also in `umcg_wait` (DESIGN.md). The code itself only falls back on
 * block/preemption (facts App. C): that reading is the separate profile `pz-proto-code`.
 */
export const PZ_PROTO = declare(
  'pz-proto',
  'PeterZ prototype (2021-11-26), as the seed e-mail describes it',
  ['[PZ-proto]', '[PZ-seed]', '[O-1128]'],
  PZ_V2,
  {
    syscalls: [{ ctl: 450, wait: 451, kick: undefined }, 'facts §1.1: no kick before RFC v1'],
    waitOrder: ['enqueue-first', 'facts §1.2 table, App. C: enqueue self, then wake next'],
    waitErrorRevert: ['keep', 'facts §1.2: the error of a failed next wake is returned after enqueueing'],
    nextFailFallback: ['always', '[PZ-seed]: "if we fail to wake next_tid we wake server_tid"'],
    nextTidWriteback: ['none', 'facts §6.2'],
    nextOnBlock: [true, 'facts §1.2 table, §6.3: wake next, else the server'],
    nextOnPreempt: [true, 'App. C: on preemption the prototype wakes next_tid and falls back to the server'],
    tidMask: [false, 'UMCG_TID_MASK appears in v2 [PZ-tidrun]'],
    waitEntryState: ['running', 'App. C: the prototype does RUNNING→RUNNABLE itself'],
    condWait: [false, 'facts §1.2: COND_WAIT introduced in v1'],
    waitWithoutNext: ['esrch', 'facts §1.3 point 2'],
    workerTimeout: ['plain', 'facts §1.2: allowed, semantics unclear'],
    unregister: ['null-self', 'facts §1.2, App. C'],
    exceptionsHooked: [false, 'facts §1.2: exceptions hooked only from v2'],
    blockFromRunnable: [false, 'no COND_WAIT window exists; RUNNING→BLOCKED only'],
  },
);

/** The prototype as its code reads (facts App. C): `umcg_wait` returns the error, no fallback there. */
export const PZ_PROTO_CODE = declare(
  'pz-proto-code',
  'PeterZ prototype (2021-11-26), as its posted code reads',
  ['[PZ-proto]', '[O-1128]'],
  PZ_PROTO,
  { nextFailFallback: ['implicit', 'App. C: the fallback lives only in the block/preemption helper'] },
);

/** RFC v1, 2021-12-14 (text of [O-RFCv2] 3/5). */
export const PZ_V1 = declare('pz-v1', 'PeterZ RFC v1 (2021-12-14)', ['[PZ-v1]', '[O-RFCv2]'], PZ_V2, {
  waitOrder: ['enqueue-first', 'facts §1.2 table'],
  waitErrorRevert: [
    'server-only',
    'App. C, App. D: v1 reverts a server caller to RUNNING ("servers need the error at once"), not a worker',
  ],
  nextTidWriteback: ['clear', 'facts §6.2'],
  nextOnBlock: [true, 'facts §1.2 table, §6.3: block wakes next_tid if set, else the server'],
  tidMask: [false, 'App. C: v1 has no UMCG_TID_MASK'],
  pinNext: [true, 'App. C: next is pinned too'],
  unregister: ['null-self', 'facts §1.2'],
  exceptionsHooked: [false, 'facts §4.10'],
  unpinnedSleepKills: [true, 'App. C: v1 WARNs and kills an unpinned sleeping worker'],
  blockFromRunnable: [false, 'App. C: RUNNABLE→BLOCKED first appears in v2'],
  unregisterLeaksPin: [false, 'no RUNNING→NONE step that can fail in v1 unregister'],
});

/** RFC v2 with the follow-up diffs of 2022-01-21…27 ([gatieme]@5f0b9c5). */
export const PZ_V2_FOLLOWUPS = declare(
  'pz-v2-followups',
  'RFC v2 plus the follow-ups: UMCG_WAIT_ENQUEUE, worker timeouts, signal-context exclusion',
  ['[PZ-enqueue]', '[PZ-0121b]', '[PZ-sig3]', '[gatieme]'],
  PZ_V2,
  {
    workerTimeout: ['requeue', 'facts §2.7 [PZ-enqueue]'],
    enqueueFlag: [true, 'facts §6.4 [PZ-enqueue]'],
    signals: ['exclude', 'facts §4.13 [PZ-sig3]'],
    kick: ['wake-then-ipi', 'facts §2.6 [gatieme]@40c515fd'],
    kickOrder: ['flags-first', 'facts §2.6 [gatieme]@40c515fd'],
    pinWritesZero: [true, 'facts §2.9 [Hildenbrand], [gatieme]@40c515fd'],
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
    unregisterLeaksPin: [false, 'facts §6.17: a reference kernel must not leave stale pins (WARN)'],
    erangeLosesMarker: [false, 'facts §6.26: treated as a bug'],
    workerCheck: [
      'flag',
      'App. C: the marker-based checks are bugs; packages/kernel keeps a permanent flag (D2)',
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
