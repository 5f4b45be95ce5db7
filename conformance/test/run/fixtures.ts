/** Test targets: the spec target, and a "buggy" wrapper that corrupts observations (an unregister that fails). */
import type { Adapter, Capabilities, Target } from '../../src/adapters/contract.js';
import { openSpecTarget, specAdapter } from '../../src/adapters/spec.js';
import type { Feature } from '../../src/trace/types.js';

/** Wraps the spec target: every successful `umcg_ctl` UNREGISTER is reported as EAGAIN, state unchanged. */
export function buggyAdapter(features?: readonly Feature[]): Adapter {
  return {
    name: 'buggy',
    description: 'spec with a broken unregister',
    probe: specAdapter.probe,
    async open(options) {
      const inner = openSpecTarget(options);
      const caps: Capabilities =
        features === undefined ? inner.capabilities : { ...inner.capabilities, features: new Set(features) };
      const target: Target = {
        ...inner,
        info: { ...inner.info, name: 'buggy' },
        capabilities: caps,
        async run(trace, run) {
          const r = await inner.run(trace, run);
          let prev = r.observations[0];
          const observations = r.observations.map((o, i) => {
            const a = trace.steps[i]?.action;
            const bad =
              a?.op === 'ctl' &&
              (a.flags & 0xff) === 2 &&
              o.results[a.task]?.ret === '0' &&
              prev !== undefined;
            const out =
              bad && prev !== undefined
                ? {
                    ...o,
                    tasks: { ...o.tasks, [a.task]: prev.tasks[a.task]! },
                    results: { ...o.results, [a.task]: { call: 'umcg_ctl', ret: 'EAGAIN' } },
                  }
                : o;
            prev = o;
            return out;
          });
          return { ...r, observations };
        },
      };
      return target;
    },
  };
}
