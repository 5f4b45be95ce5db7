import { describe, expect, it } from 'vitest';
import { check } from '../src/check/checker.js';
import { checkConfig } from '../src/check/config.js';
import { counterexample } from '../src/check/counterexample.js';
import { initialState, step, whyNotEnabled } from '../src/index.js';

describe('spec check (bounded model checking)', () => {
  it('every property holds for RFC v2 on a tiny bound, and the whole bounded graph is explored', () => {
    const r = check(checkConfig({ profile: 'pz-v2', workers: 1, depth: 10 }));
    expect(r.complete).toBe(true);
    expect(r.states).toBeGreaterThan(20);
    for (const v of r.verdicts)
      expect(`${v.property}: ${v.status} ${v.message ?? ''}`).toBe(`${v.property}: holds `);
  });

  it('finds the lost wakeup of a seeded bad variant: RFC v2 whose worker unregister never wakes the server', () => {
    // RFC v2 with the RFC v1 unregister (NULL self, no wake of the server, [PZ-v1] sys_umcg_ctl() unregister): a worker that finishes
    // while its server sleeps leaves the server asleep with a RUNNABLE worker in its queue.
    const c = checkConfig({ profile: 'pz-v2', variant: { unregister: 'null-self' }, depth: 14 });
    const r = check(c, ['check.no-lost-wakeup', 'check.no-deadlock']);
    expect(r.verdicts.map((v) => v.status)).toEqual(['violated', 'violated']);
    const plain = check(checkConfig({ profile: 'pz-v2', depth: 14 }), [
      'check.no-lost-wakeup',
      'check.no-deadlock',
    ]);
    expect(plain.verdicts.map((v) => v.status)).toEqual(['holds', 'holds']);
  });

  it('a counterexample is a trace of enabled steps (prologue included) whose header cites fired rules', () => {
    const r = check(checkConfig({ profile: 'pz-v1', depth: 12 }), ['check.no-deadlock']);
    const v = r.verdicts[0]!;
    expect(v.status).toBe('violated');
    const doc = counterexample(r, v, 'pnpm spec check --profile pz-v1 --depth 12');
    expect(doc.format).toBe('umcg-trace');
    expect(doc.header.rules.length).toBeGreaterThan(0);
    // Replays: every step is enabled in some allowed outcome of the steps before it.
    let states = [initialState({ profile: 'pz-v1', tasks: doc.header.tasks })];
    for (const { action } of doc.steps) {
      const ok = states.filter((s) => whyNotEnabled(s, action) === undefined);
      expect(ok.length, JSON.stringify(action)).toBeGreaterThan(0);
      states = ok.flatMap((s) => step(s, action).map((o) => o.state));
    }
  });

  it('symmetry reduction never changes a verdict and never adds states', () => {
    const sym = check(checkConfig({ profile: 'pz-v1', depth: 12, symmetry: true }));
    const raw = check(checkConfig({ profile: 'pz-v1', depth: 12, symmetry: false }));
    expect(sym.states).toBeLessThanOrEqual(raw.states);
    expect(sym.verdicts.map((v) => v.status)).toEqual(raw.verdicts.map((v) => v.status));
  });
});
