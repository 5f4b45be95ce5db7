/**
 * Running a batch of traces: dealt into one shard per guest (`shard`), each shard streamed trace after trace to
 * its guest; a crash replaces the guest and the shard goes on with the next trace.
 * @module
 */

import type { Trace, TraceRun } from '@umcg/conformance';
import type { RawTiming } from '@umcg/native';
import { hangTimeout } from '../adapter.js';
import { replyToTraceRun, traceRequest } from '../internal/wire/codec.js';
import type { QemuSession } from '../session.js';
import { shard } from './shard.js';

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** Per-trace timeout, ms (default 10 s). */
  readonly timeoutMs?: number;
  /** Called as each trace finishes. */
  readonly onResult?: (index: number, run: TraceRun) => void;
}

/** Results and figures of a batch. */
export interface BatchResult {
  /** One run per trace, in input order. */
  readonly runs: TraceRun[];
  /** From the call to the first finished trace, ms (includes the boot when the pool was cold). */
  readonly firstResultMs: number;
  /** Whole batch, ms. */
  readonly totalMs: number;
  /** Per trace (input order): the executor's time breakdown, its `ms`, and the host's round trip, ms. */
  readonly timings: (
    | { readonly guest?: RawTiming; readonly execMs?: number; readonly hostMs: number }
    | undefined
  )[];
}

/** Runs `traces` on the session's guests (one shard per guest). */
export async function runBatch(
  session: QemuSession,
  traces: readonly Trace[],
  opts: BatchOptions = {},
): Promise<BatchResult> {
  const t0 = performance.now();
  let first = -1;
  const runs: TraceRun[] = new Array(traces.length);
  const timings: BatchResult['timings'] = new Array(traces.length);
  const limit = hangTimeout(opts.timeoutMs ?? 10_000);
  const indexed = traces.map((trace, index) => ({ trace, index }));
  session.pool.warm();
  await Promise.all(
    shard(indexed, session.pool.jobs).map(async (part) => {
      for (const { trace, index } of part) {
        const id = `b${index}`;
        let run: TraceRun;
        const sent = performance.now();
        try {
          const reply = await session.pool.request(traceRequest(id, trace), id, limit);
          const hostMs = performance.now() - sent;
          const raw = reply.kind === 'response' ? (reply.value as { timing?: RawTiming; ms?: number }) : {};
          timings[index] = {
            hostMs,
            ...(raw.timing === undefined ? {} : { guest: raw.timing }),
            ...(raw.ms === undefined ? {} : { execMs: raw.ms }),
          };
          run = replyToTraceRun(reply);
        } catch (e) {
          run = {
            observations: [],
            status: 'crashed',
            detail: `guest boot failed: ${(e as Error).message}`,
            culprit: 'infrastructure',
          };
        }
        if (first < 0) first = performance.now() - t0;
        runs[index] = run;
        opts.onResult?.(index, run);
      }
    }),
  );
  return {
    runs,
    firstResultMs: Math.round(first),
    totalMs: Math.round(performance.now() - t0),
    timings,
  };
}
