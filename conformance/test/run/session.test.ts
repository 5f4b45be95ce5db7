import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapters/contract.js';
import { specAdapter } from '../../src/adapters/spec.js';
import { checkTrace } from '../../src/check/checkTrace.js';
import { runDirName, writeRunDir } from '../../src/run/output.js';
import type { SessionConfig } from '../../src/run/session.js';
import { runSession } from '../../src/run/session.js';
import { buggyAdapter } from './fixtures.js';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

async function workdir(files: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'umcg-session-'));
  await mkdir(join(dir, 'corpus'));
  for (const f of files) await copyFile(join(CORPUS, `${f}.trace`), join(dir, 'corpus', `${f}.trace`));
  return dir;
}

function config(dir: string, adapter: Adapter, over: Partial<SessionConfig> = {}): SessionConfig {
  return {
    targetName: adapter.name,
    adapter,
    profile: undefined,
    seed: 7,
    replay: undefined,
    corpusDir: join(dir, 'corpus'),
    runs: 0,
    litmus: false,
    rules: undefined,
    jobs: 2,
    shard: undefined,
    timeoutMs: 10_000,
    targetArgs: {},
    expectationsFile: join(dir, 'expectations.json'),
    save: false,
    failuresDir: join(dir, 'failures'),
    command: 'test',
    check: checkTrace,
    ...over,
  };
}

const FILES = ['register-server', 'unregister-worker-wakes-server', 'unregister-errors', 'kick-errors'];

describe('runSession', () => {
  it('passes the corpus on the spec target with exit code 0 and reports rule coverage', async () => {
    const dir = await workdir(FILES);
    const { report } = await runSession(config(dir, specAdapter));
    expect(report.results.map((r) => r.status)).toEqual(['PASS', 'PASS', 'PASS', 'PASS']);
    expect(report.exitCode).toBe(0);
    expect(report.coverage.exercised).toContain('ctl.unregister.effects');
    expect(report.coverage.unreached.length).toBeGreaterThan(0);
    expect(report.results.every((r) => /^[0-9a-f]{12}$/.test(r.hash))).toBe(true);
  });

  it('spreads generated traces over every profile without --profile, and keeps --profile to one', async () => {
    const dir = await workdir([]);
    const spread = await runSession(config(dir, specAdapter, { corpusDir: undefined, runs: 12 }));
    const gen = spread.report.results.filter((r) => r.origin === 'generated');
    expect(gen.every((r) => r.status === 'PASS')).toBe(true);
    expect(new Set(gen.map((r) => r.profile)).size).toBeGreaterThanOrEqual(5);
    expect(gen[0]!.profile).toBe('pz-v2');
    expect(gen.reduce((n, r) => n + (r.stats?.traces ?? 0), 0)).toBe(12);
    const one = await runSession(
      config(dir, specAdapter, { corpusDir: undefined, runs: 12, profile: 'pz-v2-followups' }),
    );
    expect(one.report.results.map((r) => r.profile)).toEqual(['pz-v2-followups']);
  });

  it('reports a divergence with rules, transition log, minimal trace and replay command, and saves the trace', async () => {
    const dir = await workdir(FILES);
    const { report } = await runSession(config(dir, buggyAdapter()));
    const fail = report.results.find((r) => r.name === 'unregister-worker-wakes-server')!;
    expect(fail.status).toBe('FAIL');
    expect(report.exitCode).toBe(1);
    expect(fail.report).toContain('Rules: ');
    expect(fail.report).toContain('ctl.unregister.effects');
    expect(fail.report).toContain('Expected (closest of');
    expect(fail.report).toMatch(/w0 +RUNNING->NONE/);
    expect(fail.report).toContain('returns umcg_ctl=EAGAIN');
    expect(fail.replay).toMatch(
      /^pnpm conformance --target=buggy --profile=pz-v2 --seed=7 --replay .*failures\/buggy\/pz-v2\/default\/[0-9a-f]{12}\.trace$/,
    );
    // both failing traces minimize to the same few steps (register the server and the worker, run it, unregister)
    expect(fail.report).toContain('(Minimized from 13 steps.)');
    expect(fail.report).toContain('Reproduced 3/3 re-runs of the minimal trace');
    expect(fail.stats).toEqual({ reproduced: 3, reruns: 3 });
    const store = join(dir, 'failures', 'buggy', 'pz-v2', 'default');
    const saved = (await readdir(store)).filter((n) => n.endsWith('.trace'));
    expect(saved).toHaveLength(1);
    const minimal = await readFile(join(store, saved[0]!), 'utf8');
    expect(minimal.split('\n').filter((l) => /^(s0|w0|env):/.test(l)).length).toBeLessThan(13);
    expect(minimal).toMatch(/w0: ctl UNREGISTER\|WORKER\n$/);
    // the saved minimal trace is replayed first next time
    const again = await runSession(config(dir, buggyAdapter()));
    expect(again.report.results[0]).toMatchObject({ origin: 'replay', status: 'FAIL' });
    // ... but not on a run of another target, profile or target arguments
    for (const over of [
      { targetName: 'other' },
      { profile: 'pz-v1' as const },
      { targetArgs: { mutant: 'x' } },
    ]) {
      const other = await runSession(config(dir, buggyAdapter(), { ...over, corpusDir: undefined }));
      expect(other.report.results.filter((r) => r.origin === 'replay')).toEqual([]);
    }
  });

  it('turns known failures into XFAIL, flags unexpected passes and stale entries, and --save rewrites the file', async () => {
    const dir = await workdir(FILES);
    await writeFile(
      join(dir, 'expectations.json'),
      JSON.stringify({
        'unregister-worker-wakes-server': { status: 'fail', reason: 'broken unregister' },
        'register-server': { status: 'fail', reason: 'thought broken' },
        'no-such-trace': { status: 'fail', reason: 'gone' },
      }),
    );
    const full = { litmus: true };
    const { report } = await runSession(config(dir, buggyAdapter(), full));
    const by = Object.fromEntries(report.results.map((r) => [r.name, r.status]));
    expect(by['unregister-worker-wakes-server']).toBe('XFAIL');
    expect(by['register-server']).toBe('XPASS');
    expect(by['unregister-errors']).toBe('FAIL');
    expect(report.stale).toEqual(['no-such-trace']);
    expect(report.exitCode).toBe(1);
    const saved = await runSession(config(dir, buggyAdapter(), { ...full, save: true }));
    expect(saved.report.exitCode).toBe(0);
    const rewritten = JSON.parse(await readFile(join(dir, 'expectations.json'), 'utf8'));
    expect(Object.keys(rewritten)).toEqual(['unregister-errors', 'unregister-worker-wakes-server']);
    expect(rewritten['unregister-worker-wakes-server'].reason).toBe('broken unregister');
    const third = await runSession(config(dir, buggyAdapter(), full));
    expect(third.report.exitCode).toBe(0);
  }, 30_000);

  it('skips traces whose features the target lacks, with the reason, and exits 4 when nothing ran', async () => {
    const dir = await workdir(['kick-errors']);
    const { report } = await runSession(config(dir, buggyAdapter([])));
    expect(report.results[0]?.status).toBe('SKIP');
    expect(report.results[0]?.reason).toMatch(/^target lacks .*'kick' \(the `umcg_kick` syscall\)/);
    expect(report.exitCode).toBe(4);
  });

  it('turns a run that does not finish in time into TIMEOUT and exit code 124', async () => {
    const dir = await workdir(['register-server']);
    const hanging: Adapter = {
      ...specAdapter,
      name: 'hang',
      async open(o) {
        const t = await specAdapter.open(o);
        return { ...t, run: () => new Promise(() => {}) };
      },
    };
    const { report } = await runSession(config(dir, hanging, { timeoutMs: 50 }));
    expect(report.results[0]).toMatchObject({
      status: 'TIMEOUT',
      reason: 'timeout after 0 of 4 steps: timed out after 50 ms',
    });
    expect(report.exitCode).toBe(124);
  });

  it('runs the corpus under the only profile of a single-profile target, skipping what does not apply', async () => {
    const dir = await workdir(['register-server', 'unregister-not-running-leaks-pin']);
    const kernelLike: Adapter = {
      ...specAdapter,
      name: 'kernel',
      async open(o) {
        const t = await specAdapter.open(o);
        return { ...t, capabilities: { ...t.capabilities, profiles: ['ref-6.1'] } };
      },
    };
    const notes: string[] = [];
    const { report } = await runSession(config(dir, kernelLike, { onNote: (n) => notes.push(n) }));
    expect(notes).toEqual(['target kernel implements only ref-6.1: running under --profile=ref-6.1']);
    expect(report.provenance.profile).toBe('ref-6.1');
    const by = Object.fromEntries(report.results.map((r) => [r.name, r]));
    expect(by['register-server']).toMatchObject({ status: 'PASS', profile: 'ref-6.1' });
    expect(by['unregister-not-running-leaks-pin']).toMatchObject({
      status: 'SKIP',
      reason: 'cites pin.stale, which does not hold in ref-6.1',
    });
    expect(report.exitCode).toBe(0);
  });

  it('selects by --rules glob and by shard', async () => {
    const dir = await workdir(FILES);
    const byRule = await runSession(config(dir, specAdapter, { rules: 'kick.*' }));
    expect(byRule.report.results.map((r) => r.name)).toEqual(['kick-errors']);
    const s1 = await runSession(config(dir, specAdapter, { shard: { index: 1, count: 2 } }));
    const s2 = await runSession(config(dir, specAdapter, { shard: { index: 2, count: 2 } }));
    expect([...s1.report.results, ...s2.report.results].map((r) => r.name).sort()).toEqual([...FILES].sort());
  });

  it('reports a parse error in the corpus as an ERROR naming file:line:col', async () => {
    const dir = await workdir([]);
    await writeFile(join(dir, 'corpus', 'broken.trace'), '# tasks: s0\ns0: wiat\n');
    const { report } = await runSession(config(dir, specAdapter));
    expect(report.results[0]?.status).toBe('ERROR');
    expect(report.results[0]?.reason).toMatch(/broken\.trace:2:5: expected an operation/);
    expect(report.exitCode).toBe(1);
  });

  it('writes the run directory atomically with every report format and the provenance', async () => {
    const dir = await workdir(['register-server']);
    const { report } = await runSession(config(dir, specAdapter));
    const out = await writeRunDir(
      runDirName(join(dir, 'runs'), 'spec', new Date(report.provenance.startedAt)),
      report,
    );
    expect((await readdir(out)).sort()).toEqual([
      'coverage.json',
      'junit.xml',
      'provenance.json',
      'report.json',
      'report.tap',
      'results.jsonl',
    ]);
    expect(await readdir(join(dir, 'runs'))).toHaveLength(1);
    const prov = JSON.parse(await readFile(join(out, 'provenance.json'), 'utf8'));
    expect(prov).toMatchObject({ profile: 'pz-v2', seed: 7, command: 'test', target: { name: 'spec' } });
    expect(prov.specVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
