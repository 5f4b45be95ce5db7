import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
let out = '';

beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

describe('sub-command help and exits', () => {
  it.each(['explain', 'doctor', 'show', 'report'])(
    '%s --help prints its own usage and runs nothing',
    async (c) => {
      expect(await main([c, '--help'])).toBe(0);
      expect(out).toMatch(new RegExp(`^usage: pnpm conformance ${c}`));
      out = '';
      expect(await main(['help', c])).toBe(0);
      expect(out).toMatch(new RegExp(`^usage: pnpm conformance ${c}`));
    },
  );

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
