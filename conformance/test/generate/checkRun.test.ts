import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check/checkTrace.js';
import { checkRun } from '../../src/generate/checkRun.js';
import { parseTrace } from '../../src/trace/parse.js';
import { fakeEngine, fakeObs } from '../check/fakeEngine.js';

const check = createChecker(fakeEngine);
const T = parseTrace('# tasks: s0, w0\ns0: store s0.state = RUNNING\ns0: wait\nw0: wait\n', 't.trace');
const good = [
  fakeObs({ s0: 'RUNNING', w0: 'NONE' }),
  fakeObs({ s0: 'RUNNING', w0: 'NONE' }, { s0: '0' }),
  fakeObs({ s0: 'RUNNING', w0: 'RUNNING' }, { w0: '0' }),
];

describe('checkRun', () => {
  it('passes a completed run whose observations are allowed', () => {
    expect(checkRun(check, T, { observations: good, status: 'completed' }).kind).toBe('pass');
  });

  it('turns a crash after allowed observations (a kernel WARN during the last step) into an error', () => {
    const v = checkRun(check, T, { observations: good, status: 'crashed', detail: 'WARNING: at umcg.c:42' });
    expect(v).toEqual({ kind: 'error', reason: 'target crashed after 3 of 3 steps: WARNING: at umcg.c:42' });
  });

  it("tells a crash of the implementation (its own verdict) from one of the infrastructure by the target's evidence", () => {
    const warn = { observations: good, status: 'crashed', detail: 'WARNING: at umcg.c:42' } as const;
    expect(checkRun(check, T, { ...warn, culprit: 'implementation' })).toEqual({
      kind: 'crash',
      reason: 'the implementation under test crashed after 3 of 3 steps: WARNING: at umcg.c:42',
    });
    const hang = {
      observations: [good[0]!],
      status: 'timeout',
      detail: 'no answer',
      culprit: 'implementation',
    } as const;
    expect(checkRun(check, T, hang).kind).toBe('crash');
    const qemu = {
      observations: [],
      status: 'crashed',
      detail: 'QEMU exited',
      culprit: 'infrastructure',
    } as const;
    expect(checkRun(check, T, qemu)).toEqual({
      kind: 'error',
      reason: 'infrastructure: the target crashed after 0 of 3 steps: QEMU exited',
    });
  });

  it('reports a divergence even when the run then timed out, with what the target said', () => {
    const bad = [good[0]!, fakeObs({ s0: 'BLOCKED', w0: 'NONE' }, { s0: '0' })];
    const v = checkRun(check, T, {
      observations: bad,
      status: 'timeout',
      detail: 'kernel: umcg: killing 55',
    });
    expect(v.kind).toBe('fail');
    if (v.kind === 'fail')
      expect(v.failure.explanation).toMatch(/The target reported: kernel: umcg: killing 55$/);
  });

  it('compares what was observed before an unsupported step: a divergence there fails, else skip', () => {
    const bad = [good[0]!, fakeObs({ s0: 'BLOCKED', w0: 'NONE' }, { s0: '0' })];
    const hidden = checkRun(check, T, {
      observations: bad,
      status: 'unsupported',
      detail: 'step 3: w0 asleep',
    });
    expect(hidden.kind).toBe('fail');
    const v = checkRun(check, T, { observations: good.slice(0, 2), status: 'unsupported', detail: 'step 3' });
    expect(v).toEqual({ kind: 'skip', reason: 'step 3 (the 2 step(s) observed before it conform)' });
  });

  it('makes an unfinished run that did not diverge unknown, and an unsupported one a skip', () => {
    expect(checkRun(check, T, { observations: [good[0]!], status: 'timeout' }).kind).toBe('unknown');
    expect(checkRun(check, T, { observations: [], status: 'unsupported', detail: 'no signals' })).toEqual({
      kind: 'skip',
      reason: 'no signals',
    });
  });
});
