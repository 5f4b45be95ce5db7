/**
 * The raw JSON response lines of PROTOCOL.md, as the executor sends them.
 * @module
 */

/** Raw words of one task's `struct umcg_task` (u32 words as numbers, u64 words as decimal strings). */
export interface RawWords {
  readonly state: number;
  readonly next_tid: number;
  readonly server_tid: number;
  readonly hole: number;
  readonly blocked_ts: string;
  readonly runnable_ts: string;
  readonly runnable_workers_ptr: string;
  readonly zero0: string;
  readonly zero1: string;
  readonly zero2: string;
}

/** One task in a raw step. */
export interface RawTask {
  /** `user`, `asleep:<call>`, `exited`. */
  readonly where: string;
  /** SIGUSR1 handler runs so far. */
  readonly signals: number;
  /** The words after the step. */
  readonly words: RawWords;
  /** The timestamps at the start of the step (absent from older executors: the previous step is used). */
  readonly base?: { readonly blocked_ts: string; readonly runnable_ts: string };
  /** Present when fewer handlers ran than signals were sent (and not lost): what /proc showed at quiescence. */
  readonly diag?: string;
}

/** One raw step observation. */
export interface RawStep {
  /** The process died (SIGKILL from the kernel, or SIGSEGV from a user access to an unmapped struct). */
  readonly killed: boolean;
  /** The signal that killed it. */
  readonly signal?: number;
  readonly tasks?: Readonly<Record<string, RawTask>>;
  /** Calls that returned during the step: `ret` is `0`, an errno name, `ok`/`fail`, or a list `[w1,w0]`. */
  readonly results?: Readonly<Record<string, { readonly call: string; readonly ret: string }>>;
}

/** A response line, parsed. */
export interface RawResponse {
  readonly id: string;
  readonly status: 'completed' | 'timeout' | 'crashed' | 'unsupported';
  readonly detail?: string;
  readonly tids?: Readonly<Record<string, number>>;
  readonly addrs?: Readonly<Record<string, string>>;
  readonly steps?: readonly RawStep[];
  /** Wall time of the run in the executor, ms. */
  readonly ms?: number;
  /** Where the run's time went in the executor's child (completed runs; PROTOCOL.md, "timing"). */
  readonly timing?: RawTiming;
}

/** The executor child's time breakdown of one run: durations in µs, counts of /proc samples. */
export interface RawTiming {
  /** The child from fork to its last line. */
  readonly child: number;
  /** Set-up: signal handler, prefaulting the executor's pages, task pages and threads. */
  readonly setup: number;
  /** Posting steps (expire waits excluded). */
  readonly exec: number;
  /** `expire` steps: sleeping until the deadline and the grace for a late timer. */
  readonly expire: number;
  /** Quiescence: reading /proc. */
  readonly sample: number;
  /** Quiescence: sleeping the sample period between samples. */
  readonly period: number;
  /** Quiescence: holding a stable state for the settle time after an `expire`. */
  readonly settle: number;
  /** Quiescence: the user-mode ping every task in `user` must echo. */
  readonly ping: number;
  /** Reading and writing the observations. */
  readonly observe: number;
  /** /proc samples taken. */
  readonly samples: number;
  /** Samples in which some task was not quiescent yet. */
  readonly unsettled: number;
  /** Task samples not quiescent because a signal sent to the task had not been handled yet. */
  readonly pendingSignal: number;
}

/** A `probe` answer. */
export interface RawProbe {
  readonly id: 'probe';
  readonly status: 'completed' | 'unsupported' | 'crashed';
  readonly detail: string;
  readonly release?: string;
  readonly machine?: string;
  readonly ctl?: number;
  readonly wait?: number;
  readonly kick?: number;
  readonly features?: readonly string[];
}

const STATUSES = new Set(['completed', 'timeout', 'crashed', 'unsupported']);

/** Parses one response line; throws with the line's start when it is not a response. */
export function parseResponseLine(line: string): RawResponse {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new Error(`executor: not a JSON response line: ${line.slice(0, 120)}`);
  }
  const r = v as Partial<RawResponse>;
  if (typeof r !== 'object' || r === null || typeof r.id !== 'string' || !STATUSES.has(String(r.status))) {
    throw new Error(`executor: malformed response: ${line.slice(0, 120)}`);
  }
  return r as RawResponse;
}
