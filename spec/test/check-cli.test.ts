import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const main = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('pnpm spec check', () => {
  it('rejects bad options with exit 255 and the usage', () => {
    const r = run('check', '--depth', 'deep');
    expect(r.status).toBe(255);
    expect(r.stderr).toContain('--depth expects a number');
    expect(run('check', '--property', 'check.nope').status).toBe(255);
    expect(run('check', '--profile', 'pz-v9').stderr).toContain('unknown profile');
  });

  it('prints the figures and a verdict per property, exit 1 with a replayable counterexample on a violation', () => {
    const out = mkdtempSync(join(tmpdir(), 'cex-'));
    const r = run(
      'check',
      '--profile',
      'pz-v1',
      '--depth',
      '12',
      '--property',
      'check.no-deadlock',
      '--out',
      out,
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\d+ states \(\d+ transitions\), \d+ states\/s, depth reached \d+/);
    expect(r.stdout).toContain('check.no-deadlock');
    expect(r.stdout).toContain('VIOLATED');
    const doc = JSON.parse(readFileSync(join(out, 'check-pz-v1-no-deadlock.json'), 'utf8'));
    expect(doc.format).toBe('umcg-trace');
    expect(doc.header.profile).toBe('pz-v1');
  });

  it('keeps the SPEC.md freshness check under `render --check`', () => {
    expect(run('render', '--check').status).toBe(0);
  });
});
