import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportTable } from '../../src/cli/table.js';
import { writeRunDir } from '../../src/run/output.js';
import type { RunReport, TraceResult } from '../../src/run/types.js';

const res = (name: string, hash: string, status: TraceResult['status']): TraceResult => ({
  origin: 'corpus',
  name,
  hash,
  profile: 'pz-v2',
  status,
  verdict: { kind: 'skip', reason: '' },
  rules: [],
  durationMs: 1,
});
const report = (target: string, results: TraceResult[]): RunReport => ({
  provenance: {
    specVersion: '0',
    conformanceVersion: '0',
    profile: 'pz-v2',
    target: { name: target, version: '0', build: {} },
    seed: 1,
    command: '',
    startedAt: '',
    host: {},
  },
  results,
  stale: [],
  coverage: { exercised: [], unreached: [] },
  exitCode: 0,
  durationMs: 1,
});

describe('report table', () => {
  it('joins the latest run of each target by hash, one column per target', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-table-'));
    await writeRunDir(
      join(dir, '2026-01-01T00-00-00-000Z-sim'),
      report('sim', [res('a', 'aaaaaaaaaaaa', 'FAIL')]),
    );
    await writeRunDir(
      join(dir, '2026-01-02T00-00-00-000Z-sim'),
      report('sim', [res('a', 'aaaaaaaaaaaa', 'PASS'), res('b', 'bbbbbbbbbbbb', 'XFAIL')]),
    );
    await writeRunDir(
      join(dir, '2026-01-01T00-00-00-000Z-spec'),
      report('spec', [res('a', 'aaaaaaaaaaaa', 'PASS')]),
    );
    const t = await reportTable(dir);
    expect(t).toContain('| trace | hash | sim | spec |');
    expect(t).toContain('| a | aaaaaaaaaaaa | PASS | PASS |');
    expect(t).toContain('| b | bbbbbbbbbbbb | XFAIL | - |');
    expect(t).toContain('| **total** | | 2/2 ok | 1/1 ok |');
  });
});
