import { readFileSync } from 'node:fs';
import { checkTrace, parseTrace } from '@umcg/conformance';
import { describe, expect, it } from 'vitest';
import { openSim } from '../src/adapter.js';

const corpus = (name: string) => {
  const file = new URL(`../../../conformance/corpus/${name}.trace`, import.meta.url);
  return parseTrace(readFileSync(file, 'utf8'), file.pathname);
};

async function verdict(name: string, mutant?: string) {
  const t = corpus(name);
  const target = await openSim({
    profile: t.header.profile,
    timeoutMs: 10_000,
    seed: 1,
    args: mutant === undefined ? {} : { mutant },
  });
  return checkTrace(t, (await target.run(t, { seed: 1 })).observations);
}

describe('a preemption must wake a sleeping server (mutant preempt-no-server-wake)', () => {
  it('both preemption traces pass on the unmutated simulator', async () => {
    expect((await verdict('preempt-running-worker')).kind).toBe('pass');
    expect((await verdict('preempt-wakes-sleeping-server')).kind).toBe('pass');
  });

  it('the preempting server is the woken one in preempt-running-worker: the mutant survives it', async () => {
    expect((await verdict('preempt-running-worker', 'preempt-no-server-wake')).kind).toBe('pass');
  });

  it('preempt-wakes-sleeping-server observes the server left asleep and fails on the rule of the wake', async () => {
    const v = await verdict('preempt-wakes-sleeping-server', 'preempt-no-server-wake');
    expect(v.kind).toBe('fail');
    if (v.kind !== 'fail') return;
    expect(v.failure.observed.tasks.s0?.where).toBe('asleep:umcg_wait');
    expect(v.failure.rules).toContain('state.wake-server');
  });
});
