/**
 * The bibliography: every citation key the repository uses, with author, date, subject and Message-ID (or
 * repository and commit). `SOURCES` is rendered into `spec/SOURCES.md`; `sourceLink` builds the public archive
 * link. Entries are written by us; no text of the postings is reproduced.
 * @module
 */
import type { SourceSpec } from './source.js';

const PZ = 'Peter Zijlstra';
const PO = 'Peter Oskolkov';
const V091 = 'Re: [PATCH v0.9.1 3/6] sched/umcg: implement UMCG syscalls';
const V1_33 = 'Re: [RFC][PATCH 3/3] sched: User Mode Concurency Groups';
const V2_55 = 'Re: [RFC][PATCH v2 5/5] sched: User Mode Concurency Groups';

/** Every source by key (the key is what appears between brackets, e.g. `[PZ-v2]`). */
export const SOURCES = {
  'O-v0.1': {
    kind: 'mail',
    author: PO,
    date: '2021-05-20',
    subject: '[RFC PATCH v0.1 0/9] UMCG early preview/RFC patchset',
    messageId: '20210520183614.1227046-1-posk@google.com',
    parts: [{ label: '9/9, the server/worker selftest', id: '20210520183614.1227046-10-posk@google.com' }],
    about:
      'The first Oskolkov posting (state kept in user TLS); its selftests show the intended server/worker use.',
  },
  'O-v0.2': {
    kind: 'mail',
    author: PO,
    date: '2021-07-08',
    subject: '[RFC PATCH 2/3 v0.2] sched/umcg: RFC: add userspace atomic helpers',
    messageId: '20210708194638.128950-1-posk@google.com',
    parts: [{ label: '3/3, sched/umcg: RFC: implement UMCG syscalls' }],
    about: 'Oskolkov v0.2 (the Message-ID is the first mail of the series): atomic helpers and the syscalls.',
  },
  'O-v0.3': {
    kind: 'mail',
    author: PO,
    date: '2021-07-16',
    subject: '[RFC PATCH 0/4 v0.3] sched/UMCG',
    messageId: '20210716184719.269033-1-posk@google.com',
    about: 'Oskolkov v0.3.',
  },
  'O-v0.4': {
    kind: 'mail',
    author: PO,
    date: '2021-08-01',
    subject: '[PATCH 0/4 v0.4] sched/umcg: RFC UMCG patchset',
    messageId: '20210801200617.623745-1-posk@google.com',
    about: 'Oskolkov v0.4.',
  },
  'O-v0.5': {
    kind: 'mail',
    author: PO,
    date: '2021-09-08',
    subject: '[PATCH 2/4 v0.5] sched/umcg: RFC: add userspace atomic helpers',
    messageId: '20210908184905.163787-1-posk@google.com',
    about: 'Oskolkov v0.5 (the Message-ID is the first mail of the series).',
  },
  'O-v0.6': {
    kind: 'mail',
    author: PO,
    date: '2021-09-17',
    subject: '[PATCH 5/5 v0.6] sched/umcg: add Documentation/userspace-api/umcg.txt',
    messageId: '20210917180323.278250-1-posk@google.com',
    about: 'Oskolkov v0.6 with its user documentation (the Message-ID is the first mail of the series).',
  },
  'O-v0.7': {
    kind: 'mail',
    author: PO,
    date: '2021-10-12',
    subject: '[PATCH v0.7 3/5] sched/umcg: implement UMCG syscalls',
    messageId: '20211012232522.714898-4-posk@google.com',
    about: 'Oskolkov v0.7 syscalls.',
  },
  'O-v0.8': {
    kind: 'mail',
    author: PO,
    date: '2021-11-04',
    subject: '[PATCH v0.8 0/6] sched,mm,x86/uaccess: implement User Managed Concurrency Groups',
    messageId: '20211104195804.83240-1-posk@google.com',
    parts: [{ label: '6/6, sched/umcg, lib/umcg: add tools/lib/umcg/libumcg.txt' }],
    about: 'Oskolkov v0.8, with the libumcg description.',
  },
  'O-v0.9.1': {
    kind: 'mail',
    author: PO,
    date: '2021-11-22',
    subject: '[PATCH v0.9.1 0/6] sched,mm,x86/uaccess: implement User Managed Concurrency Groups',
    messageId: '20211122211327.5931-1-posk@google.com',
    parts: [
      { label: '5/6, Documentation/userspace-api/umcg.txt', id: '20211122211327.5931-6-posk@google.com' },
    ],
    about: 'The last Oskolkov series before the rewrite; the review thread on it led to the PeterZ versions.',
  },
  '0day': {
    kind: 'code',
    author: '0day-ci (kernel test robot)',
    date: '—',
    subject: 'Snapshot of an Oskolkov v0.7/v0.8-era UMCG tree',
    repository: '0day-ci/linux',
    commits: [{ sha: '0dcffc800cf354f683ff5c495baa0070dfb60afb', note: 'uapi header, umcg.c, libumcg.c' }],
    files: ['include/uapi/linux/umcg.h', 'kernel/sched/umcg.c', 'tools/lib/umcg/libumcg.c'],
    about: 'Readable code of the Oskolkov design, for comparison only.',
  },
  'PZ-groan': {
    kind: 'mail',
    author: PZ,
    date: '2021-11-24',
    subject: 'Re: [PATCH v0.9.1 0/6] sched,mm,x86/uaccess: implement User Managed Concurrency Groups',
    messageId: 'YZ5G7gO5Gc1zu/Cm@hirez.programming.kicks-ass.net',
    about: 'General review of v0.9.1 that starts the redesign.',
  },
  'PZ-realtime': {
    kind: 'mail',
    author: PZ,
    date: '2021-11-24',
    subject: V091,
    messageId: '20211124215834.GI721624@worktop.programming.kicks-ass.net',
    about: 'Review of the v0.9.1 syscalls.',
  },
  'PZ-raw': {
    kind: 'mail',
    author: PZ,
    date: '2021-11-24',
    subject: V091,
    messageId: '20211124211927.GG721624@worktop.programming.kicks-ass.net',
    parts: [
      { label: 'Thomas Gleixner, 2021-11-26', id: '877dcuhbbe.ffs@tglx' },
      { label: 'Zijlstra, 2021-11-26', id: 'YaFXDYm7s7A6HDTG@hirez.programming.kicks-ass.net' },
      { label: 'Thomas Gleixner', id: '87r1ayd3as.ffs@tglx' },
    ],
    about: 'Which clock the timestamps and timeouts use (ktime, CLOCK_MONOTONIC_RAW).',
  },
  'PZ-proto': {
    kind: 'mail',
    author: PZ,
    date: '2021-11-26',
    subject: V091,
    messageId: 'YaEUts3RbOLyvAjl@hirez.programming.kicks-ass.net',
    about:
      'The first rewrite, posted inline as a patch titled "sched: User Mode Concurency Groups": the `pz-proto` profiles.',
  },
  'O-1128': {
    kind: 'mail',
    author: PO,
    date: '2021-11-28',
    subject: V091,
    messageId: 'CAFTs51XnN+N74i1XHvRUAUWd04-Fs9uV6ouXo=CQSQs8MaEM5A@mail.gmail.com',
    about: "Oskolkov's answer to the prototype, quoting it whole; names the five hook points.",
  },
  'PZ-1129a': {
    kind: 'mail',
    author: PZ,
    date: '2021-11-29',
    subject: V091,
    messageId: 'YaUCoe07Wl9Stlch@hirez.programming.kicks-ass.net',
    about: 'Follow-up on the prototype.',
  },
  'PZ-seed': {
    kind: 'mail',
    author: PZ,
    date: '2021-11-29',
    subject: V091,
    messageId: '20211129210841.GO721624@worktop.programming.kicks-ass.net',
    about:
      'The "seed" e-mail: the runnable-list stealing race, TF_LOCKED, and waking the server when next_tid cannot be woken.',
  },
  'PZ-timeo': {
    kind: 'mail',
    author: PZ,
    date: '2021-12-06',
    subject: V091,
    messageId: 'Ya34S2JCQg+81h4t@hirez.programming.kicks-ass.net',
    about: 'What a timeout of a worker should mean.',
  },
  'PZ-v1': {
    kind: 'mail',
    author: PZ,
    date: '2021-12-14',
    subject: '[RFC][PATCH 0/3] sched: User Managed Concurrency Groups',
    messageId: '20211214204445.665580974@infradead.org',
    parts: [
      { label: '3/3, the main patch', id: '20211214205358.701701555@infradead.org' },
      {
        label: 'the test program, as a reply',
        id: '20211214210016.GD16608@worktop.programming.kicks-ass.net',
      },
    ],
    about:
      'RFC v1 of the reimplementation: the `pz-v1` profile. Its main patch is also carried unchanged as [O-RFCv2] 3/5.',
  },
  'PZ-lazy': {
    kind: 'mail',
    author: PZ,
    date: '2021-12-15',
    subject: 'Re: [RFC][PATCH 0/3] sched: User Managed Concurrency Groups',
    messageId: 'Ybm+HJzkO/0BB4Va@hirez.programming.kicks-ass.net',
    parts: [
      {
        label: "Oskolkov's answer",
        id: 'CAFTs51Xb6m=htpWsVk577n-h_pRCpqRcBg6-OhBav8OadikHkw@mail.gmail.com',
      },
    ],
    about: 'Lazy/cooperative server wake-ups.',
  },
  'O-review': {
    kind: 'mail',
    author: PO,
    date: '2021-12-21',
    subject: V1_33,
    messageId: '20211221171900.GA580323@dev-hv',
    about: "Oskolkov's review of RFC v1 (worker unregister, worker exit), quoted in [PZ-0114].",
  },
  'PZ-0114': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-14',
    subject: V1_33,
    messageId: 'YeGEM7TP3tekBVEh@hirez.programming.kicks-ass.net',
    about: "Answers to Oskolkov's review of RFC v1.",
  },
  'PZ-pf': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-14',
    subject: V1_33,
    messageId: 'YeGvovSckivQnKX8@hirez.programming.kicks-ass.net',
    hostCompleted: true,
    about: 'Routing user-mode page faults through the UMCG hooks.',
  },
  'PZ-tidrun': {
    kind: 'mail',
    author: PZ,
    date: '~2022-01-18',
    subject: V1_33,
    messageId: 'YeaRx9oDp08ABvyU@hirez.programming.kicks-ass.net',
    hostCompleted: true,
    about: 'Introduces UMCG_TID_RUNNING in next_tid.',
  },
  'O-0118': {
    kind: 'mail',
    author: PO,
    date: '2022-01-18',
    subject: V1_33,
    messageId: 'CAPNVh5cdGiDqut90kUo-HXyya6Nbz_CjuUObYXfprgDhQHnUmg@mail.gmail.com',
    parts: [
      {
        label: 'Oskolkov, 2022-01-19',
        id: 'CAPNVh5eBJB+QDr+gH4DvK1raho0tQx=w_LUFm5Gq7TVijoKrBg@mail.gmail.com',
      },
      {
        label: 'Oskolkov, 2022-01-19',
        id: 'CAPNVh5dccb59Dj5Aeo3AybS+EiHix+-U7wgm8AakPqL3zdTQtQ@mail.gmail.com',
      },
    ],
    about: 'Worker timeouts, worker-to-worker switches and signals, as Oskolkov needed them.',
  },
  'PZ-0119a': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-19',
    subject: V1_33,
    messageId: 'YefQJXn3x3JJtB1d@hirez.programming.kicks-ass.net',
    hostCompleted: true,
    about: 'Answer to [O-0118]: block detection wakes the server, not next_tid.',
  },
  'PZ-0119b': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-19',
    subject: V1_33,
    messageId: 'YefRLYwKy0AeHyhz@hirez.programming.kicks-ass.net',
    hostCompleted: true,
    about: 'Second answer to [O-0118].',
  },
  'O-RFCv2': {
    kind: 'mail',
    author: PO,
    date: '2022-01-13',
    subject: '[RFC PATCH v2 0/5] User Managed Concurrency Groups',
    messageId: '20220113233940.3608440-1-posk@google.com',
    parts: [
      { label: '3/5, RFC v1 by Peter Zijlstra, re-posted', id: '20220113233940.3608440-4-posk@google.com' },
      { label: '4/5, a blocked worker list', id: '20220113233940.3608440-5-posk@google.com' },
      { label: '5/5, sys_umcg_kick on servers', id: '20220113233940.3608440-6-posk@google.com' },
      {
        label: 'Zijlstra on 4/5, 2022-01-17',
        id: 'YeU0nr6DfBCaH6UF@hirez.programming.kicks-ass.net',
        hostCompleted: true,
      },
    ],
    about:
      "Oskolkov's series on top of RFC v1; its 3/5 is the RFC v1 code the `pz-v1` profile was checked against.",
  },
  'PZ-v2': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-20',
    subject: '[RFC][PATCH v2 0/5] sched: User Managed Concurrency Groups',
    messageId: '20220120155517.066795336@infradead.org',
    parts: [
      { label: '1/5, mm: Avoid unmapping pinned pages' },
      { label: '2/5, entry,x86: Create common IRQ operations for exceptions' },
      { label: '3/5, sched/umcg: add WF_CURRENT_CPU and externise ttwu' },
      { label: '4/5, x86/uaccess: Implement unsafe_try_cmpxchg_user()' },
      {
        label: '5/5, the main patch (uapi header, kernel/sched/umcg.c)',
        id: '20220120160822.914418096@infradead.org',
      },
    ],
    about:
      'RFC v2, the reference of this specification (`pz-v2`). The cover letter carries the "foo" test scheduler; 5/5 holds sys_umcg_ctl(), sys_umcg_wait(), sys_umcg_kick() and the hooks.',
  },
  'PZ-0121a': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-21',
    subject: V2_55,
    messageId: '20220121114758.GF20638@worktop.programming.kicks-ass.net',
    about: 'A signal during umcg_wait() loses the timeout.',
  },
  'PZ-0121b': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-21',
    subject: V2_55,
    messageId: '20220121151845.GB22849@worktop.programming.kicks-ass.net',
    hostCompleted: true,
    about: 'A patch that keeps the timeout in the task (umcg_timeout).',
  },
  'PZ-enqueue': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-24',
    subject: V2_55,
    messageId: 'Ye6w0qw1VpfLL0Ng@hirez.programming.kicks-ass.net',
    about: 'Follow-up patch: UMCG_WAIT_ENQUEUE and worker timeouts (`pz-v2-followups`).',
  },
  'PZ-sig1': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-24',
    subject: V2_55,
    messageId: 'Ye635PiRpv4rXVl0@hirez.programming.kicks-ass.net',
    hostCompleted: true,
    about: 'Signals and UMCG waits, first mail.',
  },
  'PZ-sig2': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-24',
    subject: V2_55,
    messageId: 'Ye7XU666240YyRBH@hirez.programming.kicks-ass.net',
    hostCompleted: true,
    about: 'Signals and UMCG waits: how a signal handler runs for a task in a UMCG wait.',
  },
  'PZ-sig3': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-25',
    subject: V2_55,
    messageId: 'YfAQU6q6jQ/D5AYl@hirez.programming.kicks-ass.net',
    hostCompleted: true,
    about: 'Follow-up patch: signal context excluded from UMCG management (`pz-v2-followups`).',
  },
  'O-0124': {
    kind: 'mail',
    author: PO,
    date: '2022-01-24',
    subject: V2_55,
    messageId: 'CAPNVh5ftS=3+ip0Di=tT4Os+602Dwc4s3bbeim91nFh5iF+Vdg@mail.gmail.com',
    about: 'Oskolkov on the v2 follow-ups.',
  },
  Rutland: {
    kind: 'mail',
    author: 'Mark Rutland',
    date: '2022-01-21',
    subject: V2_55,
    messageId: 'Yerl+ZrZ2qflIMyg@FVFF77S0Q05N',
    parts: [
      {
        label: 'Zijlstra, 2022-01-24',
        id: '20220124100306.GO20638@worktop.programming.kicks-ass.net',
        hostCompleted: true,
      },
    ],
    about: 'Review of the entry-code hooks.',
  },
  Hildenbrand: {
    kind: 'mail',
    author: 'David Hildenbrand',
    date: '~2022-01-21',
    subject: 'Re: [RFC][PATCH v2 1/5] mm: Avoid unmapping pinned pages',
    url: 'https://lore.kernel.org/all/?q=s%3A%22mm%3A+Avoid+unmapping+pinned+pages%22',
    about:
      'The GUP-fast race of page pinning; suggests making the pin a read-modify-write (the later zero store).',
  },
  'PZ-multi': {
    kind: 'mail',
    author: PZ,
    date: '2022-01-27',
    subject: 'Re: [RFC PATCH v2 4/5] sched: UMCG: add a blocked worker list',
    messageId: '20220127153749.GP20638@worktop.programming.kicks-ass.net',
    hostCompleted: true,
    parts: [
      {
        label: 'Oskolkov, 2022-01-27',
        id: 'CAPNVh5e8vBDnZwDa+2f9f0S76uU4hD8++roSyA3i7y=DP1gaOw@mail.gmail.com',
      },
    ],
    about: 'UMCG_CTL_MULTI; Oskolkov asks to revisit the design.',
  },
  'O-ep4': {
    kind: 'mail',
    author: PO,
    date: '2022-02-11',
    subject: '[PATCH] RFC: sched: UMCG: episode IV: A New Hope',
    messageId: '20220211191346.280415-1-posk@google.com',
    about: 'An API proposal with stubs only.',
  },
  'O-2023': {
    kind: 'mail',
    author: PO,
    date: '2023-03-28',
    subject: 'UMCG - how should we proceed? Should we?',
    messageId: '20230328210754.2745989-1-posk@google.com',
    parts: [{ label: 'Zijlstra, 2023-04-06', id: '20230406103841.GJ386572@hirez.programming.kicks-ass.net' }],
    about: 'The Google-internal design with the state in the kernel (against 5.15).',
  },
  gatieme: {
    kind: 'code',
    author: 'gatieme (GitHub)',
    date: '—',
    subject: 'Later snapshots of the RFC v2 code (provenance undocumented; not posted as such)',
    repository: 'gatieme/linux',
    commits: [
      {
        sha: '40c515fdce17d7c023c6783af1d414492f4dd985',
        note: 'v2 with the pin zero store and the fixed kick',
      },
      {
        sha: '5f0b9c5ec33b585f9be6c8001406a72f2a36dfa3',
        note: 'signal exclusion, UMCG_WAIT_ENQUEUE, worker timeouts',
      },
      {
        sha: '4911e4ca70668070efc8fa4244e7e7f0b2ae69fd',
        note: 'UMCG_CTL_MULTI, UMCG_CTL_COOP, blocked_workers_ptr',
      },
    ],
    files: ['kernel/sched/umcg.c', 'include/uapi/linux/umcg.h'],
    about: 'Where the follow-up patches were checked as whole files (`pz-v2-followups`).',
  },
  trueptolemy: {
    kind: 'code',
    author: 'trueptolemy (GitHub)',
    date: '—',
    subject: 'RFC v2 with debugging output (third party)',
    repository: 'trueptolemy/linux',
    commits: [
      { sha: '8641c957749b7a00ad4c7d8786cfe35e9ebbda2c', note: 'kernel/sched/umcg.c' },
      { sha: 'fbfbbb8a44917c301743314acfc731459c06e84f', note: 'include/uapi/linux/umcg.h' },
    ],
    files: ['kernel/sched/umcg.c', 'include/uapi/linux/umcg.h'],
    about: 'A second copy of the RFC v2 code.',
  },
  nanos: {
    kind: 'code',
    author: 'NanoVMs',
    date: '—',
    subject: 'User-space test of the 2023-style ABI in the Nanos unikernel',
    repository: 'nanovms/nanos',
    commits: [{ sha: '11ce06b3af50c315698fb75c4c3c15952669b2dc', note: 'test/runtime/umcg.c' }],
    files: ['test/runtime/umcg.c'],
    about: 'How a third implementation exercises the [O-2023] design.',
  },
  LWN: {
    kind: 'article',
    author: 'LWN.net',
    date: '—',
    subject: 'User-managed concurrency groups',
    url: 'https://lwn.net/Articles/879398/',
    about: 'An article on the reimplementation (date and author not verified by us).',
  },
} as const satisfies Record<string, SourceSpec>;

/** A citation key. */
export type SourceKey = keyof typeof SOURCES;

/** A source with its key. */
export interface Source extends SourceSpec {
  /** The key, without brackets. */
  readonly key: SourceKey;
}

/** Looks a key up (with or without brackets); undefined when unknown. */
export function findSource(key: string): Source | undefined {
  const k = key.replace(/^\[|\]$/g, '');
  const spec = (SOURCES as Record<string, SourceSpec | undefined>)[k];
  return spec ? { key: k as SourceKey, ...spec } : undefined;
}

/** Every source, in bibliography order. */
export function allSources(): Source[] {
  return (Object.keys(SOURCES) as SourceKey[]).map((key) => ({ key, ...SOURCES[key] }));
}

/** The public archive link of a Message-ID (lore.kernel.org resolves any list it carries). */
export function messageLink(messageId: string): string {
  return `https://lore.kernel.org/r/${encodeURIComponent(messageId).replace(/%40/g, '@')}`;
}

/** The main link of a source: its mail on lore, its repository at the first commit, or its URL. */
export function sourceLink(s: SourceSpec): string {
  if (s.messageId) return messageLink(s.messageId);
  if (s.repository && s.commits?.[0]) return `https://github.com/${s.repository}/tree/${s.commits[0].sha}`;
  return s.url ?? '';
}

/** Every `[KEY]` citation in a text whose key looks like a source key (upper-case or known), in order. */
export function citedKeys(text: string): string[] {
  return [...text.matchAll(/\[([A-Za-z0-9][A-Za-z0-9.-]*)\]/g)].map((m) => m[1]!);
}
