import { describe, expect, it } from 'vitest';
import { retarget } from '../../src/run/retarget.js';
import { parseTrace } from '../../src/trace/parse.js';

const t = (profile: string, rules: string) =>
  parseTrace(`# profile: ${profile}\n# tasks: s0\n# rules: ${rules}\ns0: wait\n`);

describe('retarget (--profile on committed traces)', () => {
  it('runs generic reference traces under the requested profile', () => {
    const r = retarget(t('pz-v2', 'wait.einval'), 'ref-6.1');
    expect('item' in r && r.item.header.profile).toBe('ref-6.1');
  });

  it('skips a reference trace that cites a rule which does not hold in the requested profile', () => {
    expect(retarget(t('pz-v2', 'wait.einval, pin.stale'), 'ref-6.1')).toEqual({
      skip: 'cites pin.stale, which does not hold in ref-6.1',
    });
  });

  it('skips traces written for another profile, and leaves traces alone without --profile', () => {
    expect(retarget(t('pz-v1', 'wait.einval'), 'ref-6.1')).toEqual({
      skip: 'specific to profile pz-v1 (running ref-6.1)',
    });
    const same = t('pz-v1', 'wait.einval');
    expect(retarget(same, undefined)).toEqual({ item: same });
    expect(retarget(same, 'pz-v1')).toEqual({ item: same });
  });
});
