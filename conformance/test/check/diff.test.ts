import { describe, expect, it } from 'vitest';
import { observationDiff, transitionLog } from '../../src/check/diff.js';
import { fakeObs } from './fakeEngine.js';

describe('transition logs', () => {
  it('prints one line per changed task with old->new and results', () => {
    const before = fakeObs({ s0: 'RUNNABLE|COND_WAIT', w0: 'RUNNING' });
    const after = fakeObs({ s0: 'RUNNING', w0: 'RUNNING' }, { s0: 'EAGAIN' });
    expect(transitionLog(before, after)).toEqual([
      's0   RUNNABLE|COND_WAIT->RUNNING, returns umcg_wait=EAGAIN',
    ]);
    expect(transitionLog(before, before)).toEqual(['(no change)']);
    expect(transitionLog(before, fakeObs({}, {}, true))).toEqual(['process killed (SIGKILL)']);
  });

  it('shows list pushes and takes', () => {
    const a = fakeObs({ s0: 'RUNNING' });
    const b = { ...a, tasks: { s0: { ...a.tasks.s0!, list: ['w1', 'w0'], rwp: 'w1' } } };
    const c = { ...a, tasks: { s0: { ...a.tasks.s0!, list: ['w0'], rwp: 'w0' } } };
    expect(transitionLog(c, b)).toEqual(['s0   push w1']);
    expect(transitionLog(b, a)).toEqual(['s0   take [w1,w0]']);
  });

  it('lists differing fields as expected | observed', () => {
    expect(observationDiff(fakeObs({ s0: 'RUNNING' }, { s0: '0' }), fakeObs({ s0: 'RUNNABLE' }))).toEqual([
      's0.state: RUNNING | RUNNABLE',
      's0 result: umcg_wait=0 | no result',
    ]);
  });
});

describe('explanations in sentences', async () => {
  const { sentence } = await import('../../src/check/explain.js');
  it('turns differences into sentences', () => {
    expect(sentence('process alive | killed')).toBe('the process should be alive but is killed');
    expect(sentence('s0.where: asleep:umcg_wait | user')).toBe(
      's0 should be asleep in umcg_wait but is executing user code',
    );
    expect(sentence('w0.state: NONE | RUNNING')).toBe('w0.state should be NONE but is RUNNING');
    expect(sentence('w0 result: umcg_ctl=0 | umcg_ctl=EAGAIN')).toBe(
      'umcg_ctl should return 0, but returned EAGAIN',
    );
    expect(sentence('s0 result: no result | umcg_wait=EAGAIN')).toBe(
      "s0's call should not have returned yet, but umcg_wait returned EAGAIN",
    );
    expect(sentence('s0.list: [w0] | []')).toBe("s0's runnable list should be [w0] but is []");
    expect(sentence('w0.runnable_ts_moved: true | false')).toBe(
      'w0.runnable_ts should have been written but was not',
    );
  });
});

describe('rule gists', async () => {
  const { ruleGist } = await import('../../src/check/explain.js');
  it('take the first sentence of a statement, not stopping at e.g.', () => {
    const gist = ruleGist('hook.resume.wait');
    expect(gist.length).toBeGreaterThan(20);
    expect(gist).not.toMatch(/\(e\.g\.$/);
    expect(gist.endsWith('.')).toBe(true);
  });
});
