/**
 * The sanity traces: the few corpus traces every adapter must pass before its other results are trusted (only
 * registration, the server loop, a block and plain errors; no signals, faults, timeouts or kills). Their results
 * include the errnos EINVAL, ESRCH and EAGAIN, compared by name with the spec's ABI, so an adapter that maps an
 * errno wrongly (an EAGAIN reported as 0) fails here. Passing them proves the wiring only. Run them with
 * `pnpm conformance --target=<t> --sanity`, or from an adapter's own tests with `sanityCheck(adapter)`.
 * @module
 */
import { join } from 'node:path';
import type { ProfileId } from '@umcg/spec';
import { REFERENCE_PROFILE } from '@umcg/spec';
import type { Adapter } from '../adapters/contract.js';
import { checkTrace } from '../check/checkTrace.js';
import { loadTrace } from '../trace/load.js';
import { retarget } from './retarget.js';
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
  'unregister-not-running',
];

/** What a passing `--sanity` run proves, and what to run next on target `target`. */
export function sanityNext(target: string): string {
  return [
    'The sanity traces prove the wiring only: the adapter starts tasks, waits for quiescence, renders the',
    'struct words and reports results and errnos (EINVAL, ESRCH, EAGAIN) the way the checker reads them.',
    'They say nothing yet about signals, faults, timeouts, kills or races. Next:',
    `  pnpm conformance --target=${target} --corpus     every corpus trace your capabilities allow`,
    `  pnpm conformance --target=${target}              corpus, 1000 generated traces and litmus programs`,
  ].join('\n');
}

/**
 * Runs the sanity traces on an adapter (no failure database) and returns one result per trace that applies under
 * `profile` (a trace citing a rule that does not hold there is left out, as `--profile` does).
 */
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
      const retargeted = retarget(await loadTrace(file), profile);
      if (!('item' in retargeted)) continue;
      const trace = retargeted.item;
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
