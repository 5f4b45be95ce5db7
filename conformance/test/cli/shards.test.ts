import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
let out = '';
let err = '';
let cwd = '';

beforeEach(async () => {
  out = '';
  err = '';
  cwd = process.cwd();
  process.chdir(await mkdtemp(join(tmpdir(), 'umcg-shards-')));
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.chdir(cwd);
});

const shard = async (i: number, n: number, seed = 5): Promise<string> => {
  const code = await main([
    '--target=spec',
    `--corpus=${CORPUS}`,
    `--seed=${seed}`,
    `--shard=${i}/${n}`,
    `--out=shard${i}-${seed}`,
  ]);
  expect(code).toBe(0);
  const [d] = await readdir(`shard${i}-${seed}`);
  return join(`shard${i}-${seed}`, d ?? '');
};

describe('shards, merge and report', () => {
  it('merge says which shard is missing, refuses mixed seeds, and joins a whole run that report calls whole', async () => {
    const a = await shard(1, 3);
    const b = await shard(2, 3);
    expect(await main(['merge', a, b, '--out=merged'])).toBe(255);
    expect(err).toContain('missing shard(s) 3/3: run them with --shard');
    const c6 = await shard(3, 3, 6);
    err = '';
    expect(await main(['merge', a, b, c6, '--out=merged'])).toBe(255);
    expect(err).toContain('seed 6, not 5');
    const c = await shard(3, 3);
    out = '';
    expect(await main(['report', 'shard1-5'])).toBe(0);
    expect(out).toContain('PARTIAL run (shard 1/3, no litmus)');
    out = '';
    expect(await main(['merge', a, b, c, '--out=merged'])).toBe(0);
    const [m] = await readdir('merged');
    const merged = JSON.parse(await readFile(join('merged', m ?? '', 'report.json'), 'utf8'));
    const corpus = (await readdir(CORPUS)).filter((f) => f.endsWith('.trace') || f.endsWith('.json'));
    expect(merged.results).toHaveLength(corpus.length);
    expect(merged.provenance.command).not.toContain('--shard');
    expect(merged.partial).toEqual(['no litmus']);
  });

  it('failures list|show|clear see the store by target, profile and target arguments', async () => {
    expect(
      await main([
        '--target=sim',
        // One profile: without --profile generation spreads over every profile and each share may find a failure.
        '--profile=pz-v2',
        '--target-args=mutant=cond-wait-not-cleared',
        '--profile=pz-v2',
        '--runs=100',
        '--seed=1',
        '--out=r',
      ]),
    ).toBe(1);
    out = '';
    expect(await main(['failures', 'list'])).toBe(0);
    expect(out).toMatch(/^target sim, profile pz-v2, --target-args mutant=cond-wait-not-cleared: 1 in /);
    const hash = /\/([0-9a-f]{12})\.trace$/m.exec(out)?.[1] ?? '';
    out = '';
    expect(await main(['failures', 'show', hash])).toBe(0);
    expect(out).toContain('# Failure saved');
    out = '';
    expect(await main(['failures', 'clear', '--target=spec'])).toBe(0);
    expect(out).toContain('removed 0 saved failure(s)');
    out = '';
    expect(await main(['failures', 'clear', '--target=sim'])).toBe(0);
    expect(out).toContain('removed 1 saved failure(s)');
  });
});
