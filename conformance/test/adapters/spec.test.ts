import { describe, expect, it } from 'vitest';
import { openSpecTarget, specAdapter, templateAdapter } from '../../src/adapters/index.js';
import { checkTrace } from '../../src/check/checkTrace.js';
import { parseLitmus } from '../../src/trace/litmus.js';
import { parseTrace } from '../../src/trace/parse.js';

const opts = { profile: 'pz-v2' as const, timeoutMs: 1000, seed: 1, args: {} };
const T = parseTrace(
  '# tasks: s0\ns0: store s0.server_tid = tid(s0)\ns0: store s0.state = RUNNING\ns0: ctl REGISTER clock=MONOTONIC\ns0: exit\ns0: wait\n',
);

describe('the spec target', () => {
  it('probes ok and offers every profile and feature', async () => {
    expect((await specAdapter.probe()).ok).toBe(true);
    const t = await specAdapter.open(opts);
    expect(t.capabilities.profiles).toContain('pz-proto');
    expect(t.capabilities.features.has('controlled-interleaving')).toBe(true);
  });

  it('runs a trace step by step and its observations check', async () => {
    const t = openSpecTarget(opts);
    const run = await t.run(
      parseTrace(
        '# tasks: s0\ns0: store s0.server_tid = tid(s0)\ns0: store s0.state = RUNNING\ns0: ctl REGISTER clock=MONOTONIC\n',
      ),
      { seed: 1 },
    );
    expect(run.status).toBe('completed');
    expect(run.observations).toHaveLength(3);
    expect(run.observations[2]?.results.s0).toEqual({ call: 'umcg_ctl', ret: '0' });
  });

  it('stops a run at a step that cannot be taken, saying why', async () => {
    const t = openSpecTarget(opts);
    const run = await t.run(T, { seed: 1 });
    expect(run.status).toBe('crashed');
    expect(run.detail).toMatch(/^step 5 cannot be taken: s0 has exited/);
    expect(checkTrace(T, run.observations).kind).toBe('unknown');
  });

  it('picks litmus outcomes deterministically by seed among the explored ones', async () => {
    const test = parseLitmus(
      '# tasks: s0\nprologue:\n  s0: store s0.server_tid = tid(s0)\n  s0: store s0.state = RUNNING\n  s0: ctl REGISTER clock=MONOTONIC\nthread s0:\n  kick s0\n',
    );
    const t = openSpecTarget(opts);
    const a = await t.runLitmus(test.program, { seed: 5 });
    const b = await t.runLitmus(test.program, { seed: 5 });
    expect(a.status).toBe('completed');
    expect(a).toEqual(b);
  });

  it('the template compiles into an adapter that says it is not real', async () => {
    expect((await templateAdapter.probe()).ok).toBe(false);
    await expect(templateAdapter.open(opts)).rejects.toThrow(/not implemented/);
  });
});
