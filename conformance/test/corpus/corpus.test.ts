import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRule } from '@umcg/spec';
import { describe, expect, it } from 'vitest';
import { openSpecTarget } from '../../src/adapters/spec.js';
import { createChecker } from '../../src/check/checkTrace.js';
import { specEngine } from '../../src/check/engine.js';
import { judgeAnnotations } from '../../src/check/paths.js';
import { loadExpectations } from '../../src/run/expectations.js';
import { traceHash } from '../../src/trace/hash.js';
import { conditionHolds } from '../../src/trace/litmus.js';
import { listFiles, loadLitmus, loadTrace } from '../../src/trace/load.js';

const DIR = fileURLToPath(new URL('../../corpus', import.meta.url));
const traces = await Promise.all(
  (await listFiles(DIR, ['.trace', '.json'])).map(async (f) => ({ f, t: await loadTrace(f) })),
);
/** Traces the spec target is expected to fail (disputed points between the sources and the spec). */
const disputed = new Set(Object.keys(await loadExpectations(join(DIR, '../expectations/spec.json'))));
const litmus = await Promise.all(
  (await listFiles(DIR, ['.litmus'])).map(async (f) => ({ f, t: await loadLitmus(f) })),
);

describe('the committed corpus', () => {
  it('has at least 30 traces with unique names and hashes', () => {
    expect(traces.length).toBeGreaterThanOrEqual(30);
    expect(new Set(traces.map((x) => x.t.header.name)).size).toBe(traces.length);
    expect(new Set(traces.map((x) => traceHash(x.t))).size).toBe(traces.length);
  });

  it('cites only rule ids that exist in the spec catalogue, and always some rules, sources and a description', () => {
    for (const { f, t } of [...traces, ...litmus]) {
      const missing = t.header.rules.filter((r) => findRule(r) === undefined);
      expect(missing, `${f} cites unknown rules`).toEqual([]);
      expect(t.header.rules.length, f).toBeGreaterThan(0);
      expect(t.header.sources.length, f).toBeGreaterThan(0);
      expect(t.header.description.length, f).toBeGreaterThan(20);
    }
  });

  it('passes on the spec target, every expected outcome included (except the disputed ones, which fail)', async () => {
    const check = createChecker(specEngine());
    for (const { f, t } of traces) {
      if (disputed.has(t.header.name)) {
        const target = openSpecTarget({ profile: t.header.profile, timeoutMs: 10_000, seed: 1, args: {} });
        expect(
          check(t, (await target.run(t, { seed: 1 })).observations).kind,
          `${f} is listed as disputed`,
        ).toBe('fail');
        continue;
      }
      const target = openSpecTarget({ profile: t.header.profile, timeoutMs: 10_000, seed: 1, args: {} });
      const v = check(t, (await target.run(t, { seed: 1 })).observations);
      expect(v.kind === 'fail' ? v.failure.explanation : v.kind, f).toBe('pass');
    }
  });

  it('passes on the spec target when the spec picks among all allowed outcomes at random (expectations never pin one of several)', async () => {
    const check = createChecker(specEngine());
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      for (const { f, t } of traces.filter((x) => !disputed.has(x.t.header.name))) {
        const target = openSpecTarget({
          profile: t.header.profile,
          timeoutMs: 10_000,
          seed,
          args: { pick: 'random' },
        });
        const v = check(t, (await target.run(t, { seed })).observations);
        expect(v.kind === 'fail' ? v.failure.explanation : v.kind, `${f} (seed ${seed})`).toBe('pass');
      }
    }
  });

  it('check-trace: every annotation is required by the spec on every allowed path (none forbidden, none merely allowed)', () => {
    const engine = specEngine();
    for (const { f, t } of traces.filter((x) => !disputed.has(x.t.header.name))) {
      const v = judgeAnnotations(engine, t, { file: f });
      expect(`${v.kind}: ${v.reason}`, f).toMatch(/^required: /);
    }
  });

  it('litmus conditions hold over the spec’s allowed final outcomes', () => {
    const engine = specEngine();
    for (const { f, t } of litmus) {
      const r = engine.explore({ profile: t.header.profile, tasks: t.program.tasks }, t.program);
      expect(r.complete, f).toBe(true);
      if (t.condition)
        expect(
          conditionHolds(
            t.condition,
            [...r.outcomes.values()].map((o) => o.observation),
          ),
          f,
        ).toBe(true);
    }
  });
});

describe('corpus requirements', () => {
  it('every trace declares the features its steps need (so targets skip rather than fail)', async () => {
    const { inferredFeatures } = await import('../../src/trace/requires.js');
    for (const { f, t } of traces) {
      const missing = inferredFeatures(t).filter((x) => !t.header.requires.includes(x));
      expect(missing, f).toEqual([]);
    }
  });
});
