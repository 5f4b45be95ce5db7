import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
let out = '';
let err = '';

beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('the CLI', () => {
  it('--help tells a newcomer what to run and the exit codes', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(out).toContain('pnpm conformance --target=spec --corpus');
    expect(out).toContain('Exit codes: 0');
  });

  it('runs a corpus file on the spec target, printing hashes, and writes the run directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-cli-'));
    const code = await main([
      '--target=spec',
      '--replay',
      join(CORPUS, 'block-unblock.trace'),
      '--out',
      dir,
      '--seed=1',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/PASS +[0-9a-f]{12} +replay +block-unblock/);
    expect(out).toContain('Rule coverage:');
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('prints junit and tap documents with --reporter', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-cli-'));
    expect(
      await main([
        '--target=spec',
        '--replay',
        join(CORPUS, 'kick-errors.trace'),
        '--out',
        dir,
        '--reporter=junit',
      ]),
    ).toBe(0);
    expect(out).toContain('<testsuites name="umcg-conformance" tests="1" failures="0"');
    out = '';
    expect(
      await main([
        '--target=spec',
        '--replay',
        join(CORPUS, 'kick-errors.trace'),
        '--out',
        dir,
        '--reporter=tap',
      ]),
    ).toBe(0);
    expect(out).toMatch(/^TAP version 13\n1\.\.1\nok 1 [0-9a-f]{12} kick-errors\n$/);
  });

  it('explain prints a rule, and suggests close ids for an unknown one', async () => {
    expect(await main(['explain', 'wait.next.not-runnable'])).toBe(0);
    expect(out).toContain('wait.next.not-runnable  [wait]');
    expect(out).toContain('Anchor:   spec/SPEC.md#wait.next.not-runnable');
    expect(out).toContain('Corpus:   wait-next-not-runnable.trace');
    out = '';
    expect(await main(['explain', 'not-runnable'])).toBe(1);
    expect(out).toContain('Did you mean: ');
  });

  it('show prints a trace as a transition log, step by step', async () => {
    expect(await main(['show', join(CORPUS, 'block-unblock.trace')])).toBe(0);
    expect(out).toMatch(/^# block-unblock [0-9a-f]{12} on spec \(pz-v2\)\n/);
    expect(out).toMatch(
      /w0: syscall blocking +# pending, w0 asleep:syscall, w0.state=BLOCKED, s0=0, s0.state=RUNNING\n {4}s0 +asleep:umcg_wait->user, RUNNABLE->RUNNING, returns umcg_wait=0\n {4}w0 +user->asleep:syscall, RUNNING->BLOCKED, blocked_ts\n/,
    );
  });

  it('doctor reports the spec target usable with its features', async () => {
    expect(await main(['doctor', '--target=spec'])).toBe(0);
    expect(out).toContain('OK: the spec engine is available');
    expect(out).toContain('profiles: pz-v2');
  });

  it('exits 255 with a did-you-mean for an unknown target (a typo is not a skip) and for bad usage', async () => {
    expect(await main(['--target=natvie', '--corpus'])).toBe(255);
    expect(err).toContain("unknown target 'natvie'");
    expect(err).toContain("Did you mean 'native'?");
    expect(await main(['--target=./no/such/adapter', '--corpus'])).toBe(255);
    expect(err).toContain('no such file or directory');
    expect(await main(['--bogus'])).toBe(255);
    expect(err).toContain("Run 'pnpm conformance --help'");
  });

  it('--replay of a missing file or a directory is a usage error (255), naming the fix', async () => {
    expect(await main(['--target=spec', '--replay', join(CORPUS, 'nope.trace')])).toBe(255);
    expect(err).toContain("--replay: no such file '");
    err = '';
    expect(await main(['--target=spec', '--replay', CORPUS])).toBe(255);
    expect(err).toContain(`is a directory; --replay takes one trace file (use --corpus ${CORPUS}`);
  });

  it('--replay of a .litmus file runs it as a litmus program and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-cli-'));
    const code = await main([
      '--target=spec',
      '--replay',
      join(CORPUS, 'enqueue-vs-take.litmus'),
      '--out',
      dir,
    ]);
    expect(err).toContain('read as a litmus program (by its .litmus extension)');
    expect(out).toMatch(/PASS +[0-9a-f]{12} +litmus +enqueue-vs-take/);
    expect(code).toBe(0);
  });

  it('an unknown profile or a --rules glob matching no rule is a usage error with a suggestion', async () => {
    expect(await main(['--target=spec', '--profile=pz-2', '--corpus'])).toBe(255);
    expect(err).toContain("Did you mean 'pz-v2'");
    err = '';
    expect(await main(['--target=spec', '--rules=wait.nxt.*', '--corpus'])).toBe(255);
    expect(err).toContain("Did you mean 'wait.next.*'");
  });

  it('the default reporter prints the summary once and no report.html it did not write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-cli-'));
    expect(await main(['--target=spec', '--replay', join(CORPUS, 'kick-errors.trace'), '--out', dir])).toBe(
      0,
    );
    expect(out.match(/^Results: /gm)).toHaveLength(1);
    expect(out.match(/^Rule coverage: /gm)).toHaveLength(1);
    expect(out).not.toContain('report.html');
  });

  it('--reporter html prints the console summary too, then where the page is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-cli-'));
    const code = await main([
      '--target=spec',
      '--replay',
      join(CORPUS, 'kick-errors.trace'),
      '--out',
      dir,
      '--reporter=html',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('Rule coverage:');
    expect(out).toMatch(/1 PASS — target spec/);
    expect(out).toMatch(/Report: .*\/report\.html\n$/);
  });
});
