import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { defaultEngine } from '../../src/generate/engine.js';
import { litmusCorpus } from '../../src/litmus/corpus.js';
import { observationLine, renderLitmusHistogram } from '../../src/litmus/render.js';
import { runLitmusTest } from '../../src/litmus/run.js';
import { parseLitmus } from '../../src/trace/litmus.js';
import { engineTarget } from '../generate/fixtures/engineTarget.js';
import { toyEngine } from '../generate/fixtures/toyEngine.js';

const TWO_WAKERS = `# version: 1
# name: toy-two-wakers
# profile: pz-v2
# tasks: s0, s1, s2
prologue:
  s0: store s0.state = RUNNING
  s0: store s0.server_tid = tid(s0)
  s0: ctl REGISTER
  s1: store s1.state = RUNNING
  s1: store s1.server_tid = tid(s1)
  s1: ctl REGISTER
  s2: store s2.state = RUNNING
  s2: store s2.server_tid = tid(s2)
  s2: ctl REGISTER
  s0: store s0.state = RUNNABLE|COND_WAIT
  s0: wait
  s1: store s1.next_tid = tid(s0)
  s1: store s1.state = RUNNABLE|COND_WAIT
  s2: store s2.next_tid = tid(s0)
  s2: store s2.state = RUNNABLE|COND_WAIT
thread s1:
  wait
thread s2:
  wait
exists: s1=EAGAIN
`;
const twoWakers = parseLitmus(TWO_WAKERS, 'toy-two-wakers.litmus');
const toy = { engine: toyEngine };

describe('runLitmusTest (toy engine)', () => {
  test('tabulates every run against the allowed outcomes', async () => {
    const h = await runLitmusTest(engineTarget(toyEngine, { random: true }), twoWakers, 200, 1, toy);
    expect(h.rows.map((r) => r.allowed)).toEqual([true, true]);
    expect(h.rows.every((r) => r.count > 0)).toBe(true);
    expect(h.rows.reduce((n, r) => n + r.count, 0)).toBe(200);
    expect(h.verdict).toBe('ok');
    expect(h.positive + h.negative).toBe(200);
    expect(h.specCondition).toBe(true);
    expect(observationLine(h)).toMatch(/^Observation toy-two-wakers Sometimes \d+ \d+$/);
  });

  test('run seeds are derived from the run seed by a hash: nearby --seed values share no run', async () => {
    const seen = (seed: number) => {
      const seeds: number[] = [];
      const t = engineTarget(toyEngine, { random: true });
      const runLitmus = t.runLitmus.bind(t);
      t.runLitmus = (p, o) => {
        seeds.push(o.seed);
        return runLitmus(p, o);
      };
      return runLitmusTest(t, twoWakers, 50, seed, toy).then(() => seeds);
    };
    const [a, b] = await Promise.all([seen(5), seen(6)]);
    expect(new Set(a).size).toBe(50);
    expect(a.filter((x) => b.includes(x))).toEqual([]);
    expect(await seen(5)).toEqual(a);
  });

  test('an allowed outcome the target never shows is a coverage gap, not a failure', async () => {
    const h = await runLitmusTest(engineTarget(toyEngine), twoWakers, 20, 1, toy);
    expect(h.rows.filter((r) => r.count === 0)).toHaveLength(1);
    expect(h.verdict).toBe('ok');
    const text = renderLitmusHistogram(h);
    expect(text).toContain('(allowed, never seen)');
    expect(text).toMatch(/^Ok$/m);
    expect(text).toMatch(/Observation toy-two-wakers (Never 0 20|Always 20 0)/);
  });

  test('a forbidden outcome is counted, marked and fails the test', async () => {
    const broken = engineTarget(toyEngine, { random: true });
    const runLitmus = broken.runLitmus.bind(broken);
    let call = 0;
    broken.runLitmus = async (p, o) => {
      const r = await runLitmus(p, o);
      const corrupt = call++ % 4 === 0;
      const results = {
        ...r.observation.results,
        s1: { call: 'umcg_wait', ret: 'EAGAIN' },
        s2: { call: 'umcg_wait', ret: 'EAGAIN' },
      };
      return corrupt ? { ...r, observation: { ...r.observation, results } } : r;
    };
    const h = await runLitmusTest(broken, twoWakers, 40, 0, toy);
    const bad = h.rows.filter((r) => !r.allowed);
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.reduce((n, r) => n + r.count, 0)).toBe(10);
    expect(h.verdict).toBe('fail');
    const text = renderLitmusHistogram(h);
    expect(text).toContain('FORBIDDEN');
    expect(text).toMatch(/^No \(a forbidden outcome was observed\)$/m);
    expect(text).toMatch(/^Hash=[0-9a-f]{12}$/m);
  });

  test.prop([fc.integer(), fc.integer({ min: 0, max: 30 })], { numRuns: 30 })(
    'counts add up to the completed runs and a conforming target shows only allowed outcomes',
    async (seed, runs) => {
      const h = await runLitmusTest(engineTarget(toyEngine, { random: true }), twoWakers, runs, seed, toy);
      expect(h.rows.reduce((n, r) => n + r.count, 0)).toBe(runs);
      expect(h.statuses.completed).toBe(runs);
      expect(h.rows.filter((r) => !r.allowed)).toEqual([]);
    },
  );
});

describe('litmus corpus (real spec)', () => {
  const corpus = litmusCorpus();

  test('covers the races W1-W7 and those discussed on the list', () => {
    const names = corpus.map((t) => t.header.name);
    for (const w of ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'seed-stealing-race'])
      expect(names.some((n) => n.startsWith(w))).toBe(true);
  });

  test.each(corpus.map((t) => [t.header.name, t] as const))(
    '%s: explores completely and its condition holds in the spec',
    async (_n, t) => {
      const h = await runLitmusTest(engineTarget(defaultEngine(), { random: true }), t, 0, 0);
      expect(h.explored.complete).toBe(true);
      expect(h.rows.length).toBeGreaterThan(0);
      expect(h.specCondition).toBe(true);
    },
  );

  test.each(corpus.map((t) => [t.header.name, t] as const))(
    '%s: action-level interleavings of the spec are allowed',
    async (_n, t) => {
      const h = await runLitmusTest(
        engineTarget(defaultEngine(), { random: true, profile: t.header.profile }),
        t,
        30,
        7,
      );
      expect(h.rows.filter((r) => !r.allowed && r.count > 0)).toEqual([]);
      expect(h.statuses.completed).toBe(30);
    },
  );
});
