import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'shell-quote';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { replayCommand } from '../../src/report/failure.js';

let out = '';
let cwd = '';

beforeEach(async () => {
  out = '';
  cwd = process.cwd();
  process.chdir(await mkdtemp(join(tmpdir(), 'umcg-replay-')));
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  process.chdir(cwd);
});

/** The argv of a printed `pnpm conformance ...` line, as the shell splits it. */
function argvOf(line: string): string[] {
  const words = parse(line).map(String);
  expect(words.slice(0, 2)).toEqual(['pnpm', 'conformance']);
  return words.slice(2);
}

describe('the printed Replay: line', () => {
  it('repeats --target-args, so re-running a mutant failure fails again (it passed before the fix)', async () => {
    const code = await main([
      '--target=sim',
      '--target-args=mutant=cond-wait-not-cleared',
      '--runs=100',
      '--seed=1',
      '--out=runs',
    ]);
    expect(code).toBe(1);
    const line = /^ {2}Replay: (.*)$/m.exec(out)?.[1];
    expect(line).toBeDefined();
    expect(line).toContain('--target-args=mutant=cond-wait-not-cleared');
    out = '';
    expect(await main([...argvOf(line ?? ''), '--out=runs'])).toBe(1);
    expect(out).toMatch(/^FAIL +[0-9a-f]{12} +replay /m);
  });

  it('quotes a path the shell would split', () => {
    const line = replayCommand('sim', 'pz-v2', 'my failures/x.trace', {
      targetArgs: { mutant: 'm' },
      seed: 3,
    });
    expect(argvOf(line)).toEqual([
      '--target=sim',
      '--profile=pz-v2',
      '--target-args=mutant=m',
      '--seed=3',
      '--replay',
      'my failures/x.trace',
    ]);
  });
});
