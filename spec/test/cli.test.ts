import { spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const SPEC_MD = fileURLToPath(new URL('../SPEC.md', import.meta.url));
const spec = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' });

describe('pnpm spec', () => {
  it('--help exits 0 with the commands; each command has its own', () => {
    const r = spec('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('explain <rule-id>');
    const e = spec('explain', '--help');
    expect(e.status).toBe(0);
    expect(e.stdout).toMatch(/^usage: pnpm spec explain <rule-id>/);
  });

  it('render --help does not rewrite SPEC.md', () => {
    const before = statSync(SPEC_MD).mtimeMs;
    const r = spec('render', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: pnpm spec render/);
    expect(statSync(SPEC_MD).mtimeMs).toBe(before);
  });

  it('exits quietly when its reader closes the pipe (| head -1)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'explain', 'wait.next.not-runnable'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    // Closed before the program writes (it takes a moment to start): its first write meets EPIPE.
    child.stdout.destroy();
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(err).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
