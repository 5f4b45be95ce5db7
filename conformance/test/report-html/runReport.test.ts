import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createChecker } from '../../src/check/checkTrace.js';
import { defaultEngine } from '../../src/generate/engine.js';
import { renderHtmlReport } from '../../src/report/html/renderHtmlReport.js';
import type { RunReport } from '../../src/run/types.js';
import { parseTrace } from '../../src/trace/parse.js';
import { keepCondWait } from '../generate/fixtures/broken.js';
import { engineTarget } from '../generate/fixtures/engineTarget.js';

const TRACE = `# version: 1
# name: server-cond-wait
# profile: pz-v2
# tasks: s0
s0: store s0.state = RUNNING
s0: store s0.server_tid = tid(s0)
s0: ctl REGISTER clock=MONOTONIC
s0: store s0.state = RUNNABLE|COND_WAIT
s0: wait
`;

describe('renderHtmlReport of a run report', () => {
  test('lists every result and draws swimlanes for a failure whose trace file exists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-run-'));
    const file = join(dir, 'server-cond-wait.trace');
    await writeFile(file, TRACE);
    const trace = parseTrace(TRACE, file);
    const engine = defaultEngine();
    const run = await engineTarget(engine, { corrupt: keepCondWait }).run(trace, { seed: 0 });
    const verdict = createChecker(engine as never)(trace, run.observations);
    expect(verdict.kind).toBe('fail');
    const base = { profile: 'pz-v2' as const, rules: [], durationMs: 3 };
    const report: RunReport = {
      provenance: {
        specVersion: '0.1.0',
        conformanceVersion: '0.1.0',
        profile: 'pz-v2',
        target: { name: 'sim', version: '0.1.0', build: {} },
        seed: 1,
        command: 'pnpm conformance --target=sim',
        startedAt: '2026-11-25T22:00:00Z',
        host: {},
      },
      results: [
        {
          ...base,
          origin: 'corpus',
          name: 'ok-trace',
          hash: 'aaaaaaaaaaaa',
          status: 'PASS',
          verdict: { kind: 'pass', steps: 3, rules: [] },
        },
        {
          ...base,
          origin: 'replay',
          name: 'server-cond-wait',
          hash: 'bbbbbbbbbbbb',
          file,
          status: 'FAIL',
          verdict,
          replay: `pnpm conformance --replay ${file}`,
        },
      ],
      stale: [],
      coverage: { exercised: [], unreached: [] },
      exitCode: 1,
      durationMs: 10,
    };
    const html = renderHtmlReport(report);
    expect(html).toContain('ok-trace');
    expect(html).toContain('PASS 1 · FAIL 1');
    expect((html.match(/<g class="lane"/g) ?? []).length).toBe(2);
    expect(html).toContain('RUNNABLE+CW');
    expect(html).toContain(`--replay ${file}`);
    // the run page: a copy button, status filters, per-stage timings, rule coverage with linked ids
    expect(html).toContain(`<button type="button" class="copy" data-copy="`);
    expect(html).toContain('<input type="checkbox" class="filter" value="PASS" checked>');
    expect(html).toMatch(/<tr class="result" data-status="PASS">/);
    expect(html).toContain('<h2>Stages</h2>');
    expect(html).toContain('<h2>Rule coverage</h2>');
    expect(html).toContain('whole run');
  });
});
