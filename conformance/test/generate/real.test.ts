import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Target } from '../../src/adapters/contract.js';
import { openSpecTarget } from '../../src/adapters/spec.js';
import { checkTrace } from '../../src/check/checkTrace.js';
import { replayStoredFailures, saveFailure } from '../../src/failures/store.js';
import { failureSignature } from '../../src/generate/checkRun.js';
import { defaultEngine } from '../../src/generate/engine.js';
import { huntTarget } from '../../src/generate/hunt.js';
import { traceArbitrary } from '../../src/generate/traceArbitrary.js';
import { runGenerated } from '../../src/run/generated.js';
import { keepCondWait } from './fixtures/broken.js';
import { replayCanonical } from './fixtures/replay.js';

const open = (): Target => openSpecTarget({ profile: 'pz-v2', timeoutMs: 10_000, seed: 1, args: {} });

/** The spec target with one rule broken in what it reports: COND_WAIT left set after a wait. */
function brokenSpec(): Target {
  const t = open();
  return {
    ...t,
    async run(trace, o) {
      const r = await t.run(trace, o);
      return {
        ...r,
        observations: r.observations.map((obs, i) => keepCondWait(trace.steps[i]!.action, obs)),
      };
    },
  };
}

describe('generation and hunting on the real spec', () => {
  const engine = defaultEngine();
  const arb = engine ? traceArbitrary({ engine }) : fc.constant(undefined as never);

  test.prop([arb], { numRuns: 100 })(
    'every generated trace is valid under the spec and passes on the spec target',
    async (trace) => {
      expect(replayCanonical(engine, trace).invalid).toBeUndefined();
      const run = await open().run(trace, { seed: 0 });
      expect(checkTrace(trace, run.observations).kind).toBe('pass');
    },
  );

  test('generation is deterministic under a seed', () => {
    expect(fc.sample(arb, { seed: 9, numRuns: 20 })).toEqual(fc.sample(arb, { seed: 9, numRuns: 20 }));
  });

  test('a broken copy of the spec is caught, shrunk to 5 steps, and its saved trace replays to the same failure', async () => {
    const target = brokenSpec();
    const report = await huntTarget(target, {
      check: checkTrace,
      engine: engine,
      runs: 300,
      seed: 1,
      failuresDir: false,
    });
    const f = report.failure!;
    expect(f).toBeDefined();
    expect(f.trace.steps.map((s) => s.action.op)).toEqual(['store', 'store', 'ctl', 'store', 'wait']);
    expect(f.signature).toContain('state.update.clears-flags');
    expect(f.reproduced).toEqual({ failed: 3, runs: 3 });
    const dir = await mkdtemp(join(tmpdir(), 'umcg-real-failures-'));
    const key = { target: 'spec', profile: 'pz-v2', args: {} };
    await saveFailure(dir, key, f.trace, `broken-spec, seed ${f.seed} path ${f.path}`);
    const [replay] = await replayStoredFailures(target, checkTrace, { dir, key });
    expect(replay?.verdict.kind).toBe('fail');
    expect(failureSignature(replay!.verdict)).toBe(f.signature);
    const ok = await replayStoredFailures(open(), checkTrace, { dir, key });
    expect(ok[0]?.verdict.kind).toBe('pass');
  }, 60_000);

  test('--rules selection: only traces whose spec path fires a matching rule reach the target', async () => {
    const ran: string[][] = [];
    const checkRules = (trace: Parameters<typeof checkTrace>[0], r: Awaited<ReturnType<Target['run']>>) => {
      const v = checkTrace(trace, r.observations);
      return v.kind === 'pass' ? v.rules : [];
    };
    const t = open();
    const recording: Target = {
      ...t,
      async run(trace, o) {
        const r = await t.run(trace, o);
        ran.push([...new Set(r.observations.length > 0 ? checkRules(trace, r) : [])]);
        return r;
      },
    };
    const rep = await huntTarget(recording, {
      check: checkTrace,
      runs: 15,
      seed: 3,
      failuresDir: false,
      select: (rules) => rules.some((r) => r.startsWith('kick.')),
    });
    expect(rep.runs).toBe(15);
    expect(rep.discarded).toBeGreaterThan(0);
    expect(ran).toHaveLength(15);
    for (const rules of ran) expect(rules.some((r) => r.startsWith('kick.'))).toBe(true);
  }, 60_000);

  test('a failure that does not repeat is recorded as flaky, unshrunk, and generation goes on', async () => {
    const inner = brokenSpec();
    const clean = open();
    let failuresLeft = 1;
    // Broken on the first failing run only: a timing accident, as on a real kernel.
    const once: Target = {
      ...inner,
      async run(trace, o) {
        const bad = await inner.run(trace, o);
        const good = await clean.run(trace, o);
        const differs = JSON.stringify(bad.observations) !== JSON.stringify(good.observations);
        if (differs && failuresLeft > 0) {
          failuresLeft--;
          return bad;
        }
        return good;
      },
    };
    const rep = await huntTarget(once, { check: checkTrace, runs: 40, seed: 5, failuresDir: false });
    expect(rep.failure).toBeUndefined();
    expect(rep.flaky).toHaveLength(1);
    expect(rep.flaky[0]!.reruns).toBe(2);
    expect(rep.runs).toBe(40);
  }, 60_000);

  test('a failure that stops reproducing once shrunk is FLAKY and a fresh hunt runs the traces still owed', async () => {
    const inner = brokenSpec();
    const clean = open();
    let badRunsLeft = 2; // the first failing run and its immediate re-run, then never again
    const fading: Target = {
      ...inner,
      async run(trace, o) {
        const bad = await inner.run(trace, o);
        const good = await clean.run(trace, o);
        if (JSON.stringify(bad.observations) !== JSON.stringify(good.observations) && badRunsLeft > 0) {
          badRunsLeft--;
          return bad;
        }
        return good;
      },
    };
    const results = await runGenerated(fading, {
      targetName: 'fading',
      profile: 'pz-v2',
      runs: 60,
      seed: 5,
      check: checkTrace,
      failuresDir: undefined,
    });
    expect(results.map((r) => r.status)).toEqual(['FLAKY', 'PASS']);
    const traces = results.reduce((n, r) => n + (r.stats?.traces ?? 0), 0);
    expect(traces).toBe(60);
  }, 120_000);
});
