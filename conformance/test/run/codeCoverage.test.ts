import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Adapter, CodeCoverage, Target } from '../../src/adapters/contract.js';
import { specAdapter } from '../../src/adapters/spec.js';
import { checkTrace } from '../../src/check/checkTrace.js';
import { renderSummary } from '../../src/report/simple.js';
import { writeRunDir } from '../../src/run/output.js';
import { runSession, type SessionConfig } from '../../src/run/session.js';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

const COUNTED: CodeCoverage = {
  parts: [
    {
      name: 'impl.c',
      lines: { covered: 3, total: 4 },
      branches: { covered: 1, total: 2 },
      unreached: ['impl.c:7'],
    },
  ],
  note: 'counters of 1 guest(s) summed',
  files: { 'kernel-coverage/index.html': '<p>impl.c</p>', 'kernel-coverage/unreached.txt': 'impl.c:7\n' },
  index: 'kernel-coverage/index.html',
};

/** The spec target, counting coverage when opened with it; records what it was opened with and called. */
function counting(calls: string[]): Adapter {
  return {
    ...specAdapter,
    name: 'counting',
    async open(o) {
      const t: Target = await specAdapter.open(o);
      calls.push(`open coverage=${o.coverage === true}`);
      return {
        ...t,
        coverage: async () => {
          calls.push('coverage');
          return COUNTED;
        },
        close: async () => {
          calls.push('close');
          await t.close();
        },
      };
    },
  };
}

function config(dir: string, adapter: Adapter, coverage: boolean): SessionConfig {
  return {
    targetName: adapter.name,
    adapter,
    profile: undefined,
    seed: 1,
    replay: join(CORPUS, 'register-server.trace'),
    corpusDir: undefined,
    runs: 0,
    litmus: false,
    rules: undefined,
    jobs: 1,
    shard: undefined,
    timeoutMs: 10_000,
    targetArgs: {},
    expectationsFile: join(dir, 'expectations.json'),
    save: false,
    failuresDir: join(dir, 'failures'),
    command: 'test',
    check: checkTrace,
    coverage,
  };
}

describe('--coverage', () => {
  it('opens the target counting, asks for the coverage before closing it, and writes the pages into the run dir', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-cov-'));
    const calls: string[] = [];
    const { report, files } = await runSession(config(dir, counting(calls), true));
    expect(calls).toEqual(['open coverage=true', 'coverage', 'close']);
    expect(report.codeCoverage?.parts[0]?.lines).toEqual({ covered: 3, total: 4 });
    const out = await writeRunDir(join(dir, 'run'), report, files);
    expect(await readFile(join(out, 'kernel-coverage/index.html'), 'utf8')).toBe('<p>impl.c</p>');
    expect(
      JSON.parse(await readFile(join(out, 'report.json'), 'utf8')).codeCoverage.parts[0].unreached,
    ).toEqual(['impl.c:7']);
    const summary = renderSummary(report, out);
    expect(summary).toContain(
      'Code coverage impl.c: lines 3/4 (75.0 %), branches 1/2 (50.0 %), 1 line(s) never reached',
    );
    expect(summary).toContain('never reached: impl.c:7');
    expect(summary).toContain(`annotated: ${out}/kernel-coverage/index.html`);
  });

  it('without --coverage nothing is counted or printed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-cov-'));
    const calls: string[] = [];
    const { report, files } = await runSession(config(dir, counting(calls), false));
    expect(calls).toEqual(['open coverage=false', 'close']);
    expect(report.codeCoverage).toBeUndefined();
    expect(files).toEqual({});
    expect(renderSummary(report, undefined)).not.toContain('Code coverage');
  });

  it('is a usage error on a target that cannot count', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-cov-'));
    await expect(runSession(config(dir, specAdapter, true))).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringContaining('--coverage: target spec cannot count coverage'),
    });
  });
});
