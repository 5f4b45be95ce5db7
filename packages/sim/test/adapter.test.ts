import type { OpenOptions, Trace } from '@umcg/conformance';
import { canonicalObservation, tidOf } from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import { simAdapter } from '../src/adapter.js';
import * as d from '../src/internal/dsl.js';
import { RUN } from './scenarios.js';

const opts = (args: Record<string, string> = {}, profile: OpenOptions['profile'] = 'pz-v2'): OpenOptions => ({
  profile,
  timeoutMs: 1000,
  seed: 7,
  args,
});

const trace: Trace = {
  header: {
    version: 1,
    name: 'run',
    profile: 'pz-v2',
    tasks: [{ name: 's0' }, { name: 'w0' }],
    requires: [],
    rules: [],
    sources: [],
    description: 'register and run a worker',
  },
  steps: RUN.map((action) => ({ action })),
};

describe('sim adapter', () => {
  it('opens a target that runs a trace with one observation per step', async () => {
    const t = await simAdapter.open(opts());
    const r = await t.run(trace, { seed: 3 });
    expect(r.status).toBe('completed');
    expect(r.observations).toHaveLength(RUN.length);
    expect(r.observations.at(-1)!.tasks.w0!.where).toBe('user');
    expect(t.info).toMatchObject({ name: 'sim', build: { profile: 'pz-v2' } });
    expect(t.capabilities.features.has('controlled-interleaving')).toBe(true);
    expect(t.capabilities.features.has('kick')).toBe(true);
    expect(t.capabilities.features.has('worker-timeouts')).toBe(true);
    await t.close();
  });

  it('records the mutant in the build info and rejects unknown mutants with the list', async () => {
    const t = await simAdapter.open(opts({ mutant: 'cond-wait-not-cleared' }));
    expect(t.info.build.mutant).toBe('cond-wait-not-cleared');
    await expect(simAdapter.open(opts({ mutant: 'nope' }))).rejects.toThrow(
      /unknown mutant 'nope'.*cond-wait-not-cleared/,
    );
  });

  it('a trace whose step names a task that is not in user mode stops as unsupported', async () => {
    const t = await simAdapter.open(opts());
    const bad: Trace = { ...trace, steps: [...trace.steps, { action: d.sys('s0') }] };
    const r = await t.run(bad, { seed: 1 });
    expect(r.status).toBe('unsupported');
    expect(r.observations).toHaveLength(RUN.length);
  });

  it('runs litmus programs deterministically per seed and explores several outcomes across seeds', async () => {
    const t = await simAdapter.open(opts());
    const program = {
      tasks: [{ name: 's0' }, { name: 'w0' }],
      prologue: RUN,
      threads: { w0: [d.condWait('w0'), d.next('w0', tidOf('s0')), d.wait('w0')], s0: [d.take('s0')] },
    };
    const a = await t.runLitmus(program, { seed: 11 });
    const b = await t.runLitmus(program, { seed: 11 });
    expect(canonicalObservation(a.observation)).toBe(canonicalObservation(b.observation));
    const outcomes = new Set<string>();
    for (let s = 1; s <= 60; s++)
      outcomes.add(canonicalObservation((await t.runLitmus(program, { seed: s })).observation));
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it('probe reports ok', async () => {
    expect((await simAdapter.probe()).ok).toBe(true);
  });
});
