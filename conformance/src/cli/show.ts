/**
 * `pnpm conformance show <file> [--target X]`: runs one trace and prints, for every step, the step line and the
 * transition log of what the target observed (and the allowed alternatives' count on the spec), the review view
 * of a trace.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import type { Adapter } from '../adapters/contract.js';
import { transitionLog } from '../check/diff.js';
import { specEngine } from '../check/engine.js';
import { traceHash } from '../trace/hash.js';
import { loadTrace } from '../trace/load.js';
import { printStep } from '../trace/print.js';

/** The per-step transition view of `file` on `adapter`. */
export async function showTrace(file: string, adapter: Adapter, profile?: ProfileId): Promise<string> {
  const loaded = await loadTrace(file);
  const trace =
    profile === undefined || profile === loaded.header.profile
      ? loaded
      : { ...loaded, header: { ...loaded.header, profile } };
  const target = await adapter.open({ profile: trace.header.profile, timeoutMs: 10_000, seed: 0, args: {} });
  try {
    const run = await target.run(trace, { seed: 0 });
    const engine = specEngine();
    let prev = engine.observe(
      engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks }),
    );
    const out = [
      `# ${trace.header.name} ${traceHash(trace)} on ${target.info.name} (${trace.header.profile})`,
    ];
    run.observations.forEach((obs, i) => {
      const step = trace.steps[i];
      if (step === undefined) return;
      out.push(printStep(step));
      for (const l of transitionLog(prev, obs)) out.push(`    ${l}`);
      prev = obs;
    });
    if (run.status !== 'completed') out.push(`run ${run.status}: ${run.detail ?? ''}`);
    return out.join('\n');
  } finally {
    await target.close();
  }
}
