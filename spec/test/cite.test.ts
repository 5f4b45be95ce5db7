import { afterEach, describe, expect, it, vi } from 'vitest';
import { citedSources, citeRule, LKML_WIDTH } from '../src/cite/snippet.js';
import { specVersion } from '../src/cite/version.js';
import { citeCommand } from '../src/cli/cite.js';
import { allRules, findRule } from '../src/rules/catalogue.js';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(console, 'log').mockImplementation((s) => void out.push(String(s)));
  vi.spyOn(console, 'error').mockImplementation((s) => void err.push(String(s)));
  return { out, err };
};

afterEach(() => vi.restoreAllMocks());

describe('pnpm spec cite', () => {
  it('lkml: wraps at 72 columns (only a bare URL may be longer), names the sources with links', () => {
    for (const r of allRules()) {
      const text = citeRule(r, 'lkml');
      for (const line of text.split('\n'))
        if (line.length > LKML_WIDTH) expect(line.trim(), r.id).toMatch(/^(Rule: )?\S+$/);
      expect(text, r.id).toContain(r.id);
      expect(text).toContain(`UMCG spec ${specVersion()}`);
    }
    const text = citeRule(findRule('wait.next.not-runnable')!, 'lkml');
    expect(text).toContain('[PZ-v2] 5/5 umcg_wake_next()');
    expect(text).toContain('https://lore.kernel.org/r/20220120160822.914418096@infradead.org');
    expect(text).toContain('spec/SPEC.md#wait.next.not-runnable');
  });

  it('markdown and text carry the statement, the profiles and a permalink', () => {
    const r = findRule('wait.next.not-runnable')!;
    const md = citeRule(r, 'markdown');
    expect(md).toContain(r.statement);
    expect(md).toContain('Holds in: all profiles');
    expect(md).toContain('[[PZ-v2] 5/5 umcg_wake_next()](https://lore.kernel.org/r/');
    expect(citeRule(r, 'text')).toContain('Sources:');
  });

  it('links every source of every rule', () => {
    for (const r of allRules())
      for (const s of citedSources(r)) expect(s.link, `${r.id}: ${s.ref}`).toMatch(/^https:/);
  });

  it('exits 255 with a did-you-mean on an unknown id', () => {
    const { err } = capture();
    expect(citeCommand(['wait.next.not-runable', '--format', 'lkml'])).toBe(255);
    expect(err.join('\n')).toContain('Did you mean: wait.next.not-runnable');
  });

  it('exits 255 on a bad format or a missing id; --help exits 0', () => {
    const { out } = capture();
    expect(citeCommand(['wait.next.not-runnable', '--format=html'])).toBe(255);
    expect(citeCommand([])).toBe(255);
    expect(citeCommand(['--help'])).toBe(0);
    expect(out.join('\n')).toContain('usage: pnpm spec cite');
    expect(citeCommand(['wait.next.not-runnable', '--format', 'text'])).toBe(0);
  });
});
