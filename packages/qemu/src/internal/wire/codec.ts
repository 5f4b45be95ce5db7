/**
 * The one place that knows the executor's wire format, through `@umcg/native`'s codec: requests for traces and
 * litmus programs, and a guest reply as a `TraceRun` or `LitmusRun` (console findings turn a completed run into
 * `crashed`, keeping its observations).
 * @module
 */

import type { LitmusRun, Trace, TraceRun } from '@umcg/conformance';
import type { LitmusProgram } from '@umcg/spec/vocabulary';
import type { GuestReply } from '../../guest/guest.js';
import {
  encodeLitmus,
  encodeTrace,
  litmusSkew,
  type RawResponse,
  toLitmusRun,
  toTraceRun,
} from '../native.js';

/** The request lines of a trace. */
export function traceRequest(id: string, trace: Trace): string[] {
  return encodeTrace(
    id,
    trace.header.tasks,
    trace.steps.map((s) => s.action),
  );
}

/** The request lines of a litmus program; `seed` and `cpus` draw its klitmus-style skew (`litmusSkew`). */
export function litmusRequest(
  id: string,
  program: LitmusProgram,
  skew?: { readonly seed: number; readonly cpus: number },
): string[] {
  return encodeLitmus(
    id,
    program,
    skew === undefined ? {} : litmusSkew(skew.seed, Object.keys(program.threads), skew.cpus),
  );
}

const STATUSES = new Set(['completed', 'timeout', 'crashed', 'unsupported']);

function decode<R>(
  reply: GuestReply,
  convert: (r: RawResponse) => R,
  empty: (detail: string) => R,
): R | { crashed: string } {
  if (reply.kind === 'crashed') return { crashed: reply.detail };
  const raw = reply.value as unknown as RawResponse;
  if (!STATUSES.has(String(raw.status)))
    return { crashed: `malformed executor response: ${JSON.stringify(reply.value).slice(0, 300)}` };
  try {
    return convert(raw);
  } catch (e) {
    return empty(`undecodable executor response: ${(e as Error).message}`);
  }
}

/**
 * What in a hung guest's console shows that the kernel under test is the culprit: a WARN, BUG, oops, panic, lockdep
 * report, soft lockup or hung-task report. The kernel's own `umcg: killing ...` lines are not: killing a process
 * that broke the protocol is what the spec asks of it.
 */
const KERNEL_EVIDENCE =
  /WARNING:|BUG:|Oops|Kernel panic|lockdep|possible recursive locking|soft lockup|blocked for more than/;

/**
 * Whose fault a crashed reply is, by evidence: console findings of the kernel (WARN, BUG, oops, panic, lockdep) or
 * a hang with such a report on the console are the implementation's; a guest that is gone or an executor answer
 * that does not decode is the infrastructure's; a plain hang or an executor exit without kernel evidence is unknown.
 */
export function culpritOf(reply: GuestReply): TraceRun['culprit'] {
  if (reply.kind === 'response') return reply.detail === undefined ? undefined : 'implementation';
  if (reply.cause === 'dead') return 'infrastructure';
  if (reply.cause === 'hang' || reply.cause === 'exit')
    return KERNEL_EVIDENCE.test(reply.detail) ? 'implementation' : undefined;
  return 'implementation';
}

function withCulprit<R extends TraceRun | LitmusRun>(run: R, c: TraceRun['culprit']): R {
  return c === undefined ? run : { ...run, culprit: c };
}

/** A guest reply as a `TraceRun`. */
export function replyToTraceRun(reply: GuestReply): TraceRun {
  const r = decode<TraceRun>(reply, toTraceRun, (detail) => ({
    observations: [],
    status: 'crashed',
    detail,
    culprit: 'infrastructure',
  }));
  if ('crashed' in r)
    return withCulprit<TraceRun>(
      { observations: [], status: 'crashed', detail: r.crashed },
      culpritOf(reply),
    );
  if (reply.kind === 'response' && reply.detail !== undefined)
    return {
      observations: r.observations,
      status: 'crashed',
      detail: reply.detail,
      culprit: 'implementation',
    };
  return withKernelLog(r, reply);
}

/** Adds the kernel's `umcg:` lines of a reply to the run's detail (they say why the kernel killed the process). */
function withKernelLog(run: TraceRun, reply: GuestReply): TraceRun {
  const log = reply.kind === 'response' ? reply.kernelLog : undefined;
  if (log === undefined || log.length === 0) return run;
  const kernel = `kernel: ${log.join('; ')}`;
  return { ...run, detail: run.detail === undefined ? kernel : `${run.detail}; ${kernel}` };
}

const EMPTY = { killed: false, tasks: {}, results: {} } as const;

/** A guest reply as a `LitmusRun` (the single final observation). */
export function replyToLitmusRun(reply: GuestReply): LitmusRun {
  const r = decode<LitmusRun>(reply, toLitmusRun, (detail) => ({
    observation: EMPTY,
    status: 'crashed',
    detail,
    culprit: 'infrastructure',
  }));
  if ('crashed' in r)
    return withCulprit<LitmusRun>(
      { observation: EMPTY, status: 'crashed', detail: r.crashed },
      culpritOf(reply),
    );
  return reply.kind === 'response' && reply.detail !== undefined
    ? { observation: r.observation, status: 'crashed', detail: reply.detail, culprit: 'implementation' }
    : r;
}
