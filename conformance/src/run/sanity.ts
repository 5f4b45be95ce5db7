/**
 * The sanity traces: the few corpus traces every adapter must pass before its other results are trusted (only
 * registration, the server loop, a block and plain errors; no signals, faults, timeouts or kills). Run them with
 * `pnpm conformance --target=<t> --sanity`, or from an adapter's own tests with `sanityCheck(adapter)`.
 * @module
 */
import { join } from 'node:path';
import type { ProfileId } from '@umcg/spec';
import { REFERENCE_PROFILE } from '@umcg/spec';
import type { Adapter } from '../adapters/contract.js';
import { checkTrace } from '../check/checkTrace.js';
import { loadTrace } from '../trace/load.js';
import { runTrace } from './runTrace.js';
import type { TraceResult } from './types.js';

/** Names of the sanity traces in `conformance/corpus/`. */
export const SANITY_TRACES: readonly string[] = [
  'register-server',
  'register-worker',
  'register-errors-in-order',
  'wait-einval',
  'syscall-no-block',
  'server-loop-yield',
  'block-unblock',
  'unregister-worker-wakes-server',
];

/** Runs the sanity traces on an adapter (no failure database) and returns one result per trace. */
export async function sanityCheck(
  adapter: Adapter,
  corpusDir: string,
  profile: ProfileId = REFERENCE_PROFILE,
): Promise<TraceResult[]> {
  const target = await adapter.open({ profile, timeoutMs: 10_000, seed: 1, args: {} });
  try {
    const out: TraceResult[] = [];
    for (const name of SANITY_TRACES) {
      const file = join(corpusDir, `${name}.trace`);
      const loaded = await loadTrace(file);
      const trace = { ...loaded, header: { ...loaded.header, profile } };
      out.push(
        await runTrace(
          trace,
          {
            target,
            targetName: adapter.name,
            check: checkTrace,
            seed: 1,
            timeoutMs: 10_000,
            failuresDir: undefined,
          },
          { origin: 'corpus', file },
        ),
      );
    }
    return out;
  } finally {
    await target.close();
  }
}
