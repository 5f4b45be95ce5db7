/**
 * The one place that knows the executor's wire format: requests for traces and litmus programs, and the decoding
 * of a guest reply into a `TraceRun` or `LitmusRun` (console findings turn a completed run into `crashed`).
 * @module
 */
import type { LitmusProgram, StepObservation } from '@umcg/spec';
import type { GuestReply } from '../../guest/guest.js';
import type { LitmusRun, Trace, TraceRun } from '../contracts.js';
import { decodeSteps, type RawResponse } from './decode.js';
import { encodeLitmusRequest, encodeTraceRequest } from './encode.js';

export { encodeLitmusRequest, encodeTraceRequest } from './encode.js';

/** The request lines of a trace. */
export function traceRequest(id: string, trace: Trace): string[] {
  return encodeTraceRequest(
    id,
    trace.header.tasks,
    trace.steps.map((s) => s.action),
  );
}

/** The request lines of a litmus program. */
export function litmusRequest(id: string, program: LitmusProgram): string[] {
  return encodeLitmusRequest(id, program);
}

function statusOf(r: RawResponse): TraceRun['status'] {
  return r.status === 'completed' ||
    r.status === 'timeout' ||
    r.status === 'crashed' ||
    r.status === 'unsupported'
    ? r.status
    : 'crashed';
}

/** A guest reply as a `TraceRun`. */
export function replyToTraceRun(reply: GuestReply): TraceRun {
  if (reply.kind === 'crashed') return { observations: [], status: 'crashed', detail: reply.detail };
  const raw = reply.value as unknown as RawResponse;
  let observations: StepObservation[];
  try {
    observations = decodeSteps(raw);
  } catch (e) {
    return {
      observations: [],
      status: 'crashed',
      detail: `undecodable executor response: ${(e as Error).message}`,
    };
  }
  if (reply.detail !== undefined) return { observations, status: 'crashed', detail: reply.detail };
  const status = statusOf(raw);
  return raw.detail === undefined || status === 'completed'
    ? { observations, status }
    : { observations, status, detail: raw.detail };
}

const EMPTY: StepObservation = { killed: false, tasks: {}, results: {} };

/** A guest reply as a `LitmusRun` (the single final observation). */
export function replyToLitmusRun(reply: GuestReply): LitmusRun {
  const run = replyToTraceRun(reply);
  const observation = run.observations[run.observations.length - 1] ?? EMPTY;
  return run.detail === undefined
    ? { observation, status: run.status }
    : { observation, status: run.status, detail: run.detail };
}
