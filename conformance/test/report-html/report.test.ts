import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultEngine, type SpecEngine } from '../../src/generate/engine.js';
import { type HuntFailure, huntTarget } from '../../src/generate/hunt.js';
import { renderHtmlReport } from '../../src/report/html/renderHtmlReport.js';
import { writeHtmlReport } from '../../src/report/html/write.js';
import { brokenTarget } from '../generate/fixtures/broken.js';
import { engineChecker } from '../generate/fixtures/checker.js';
import { chromiumPath, INSTALL, runChromium } from './chromium.js';

const engine: SpecEngine = defaultEngine();
let failure: HuntFailure;
let observations: Awaited<ReturnType<ReturnType<typeof brokenTarget>['run']>>['observations'];
let html: string;

beforeAll(async () => {
  const target = brokenTarget(engine);
  const report = await huntTarget(target, {
    check: engineChecker(engine),
    engine,
    failuresDir: false,
    runs: 400,
    seed: 42,
  });
  if (report.failure === undefined) throw new Error('the broken target was not caught');
  failure = report.failure;
  observations = (await target.run(failure.trace, { seed: 0 })).observations;
  html = renderHtmlReport({
    trace: failure.trace,
    verdict: failure.verdict,
    observations,
    target: 'broken-cond-wait (test double)',
    replayCommand: `pnpm conformance --target=sim --replay .conformance/failures/${failure.trace.header.name}.trace`,
    replay: { seed: failure.seed, path: failure.path },
    reproduced: failure.reproduced,
  });
}, 120_000);

describe('renderHtmlReport', () => {
  test('is self-contained: no external resources', () => {
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/<link /);
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  test('draws one lane per task in both diagrams and marks the divergence', () => {
    const lanes = html.match(/<g class="lane"/g) ?? [];
    expect(lanes.length).toBe(failure.trace.header.tasks.length * 2);
    expect(html).toContain('figure class="swimlane observed"');
    expect(html).toContain('figure class="swimlane expected"');
    expect(html).toContain('class="diverge"');
    expect(html).toContain('COND_WAIT');
  });

  test('shows the verdict, the rules with their statements and the replay command', () => {
    // steps are numbered from 1 everywhere, as in the trace text
    expect(html).toContain(`FAIL at step #${failure.verdict.failure.step + 1}`);
    expect(html).toContain(`Step #${failure.verdict.failure.step + 1}: expected vs observed`);
    expect(html).toContain(`<text x="60" y="16" class="step-no">#1 `);
    for (const id of failure.verdict.failure.rules) {
      expect(html).toContain(`<code>${id}</code>`);
      expect(html).toMatch(new RegExp(`<a href="spec/SPEC.md#${id.replace(/\./g, '\\.')}" title="[^"]+">`));
    }
    expect(html).toContain('<g class="cell differs"');
    expect(html).toContain('class="legend"');
    expect(html).toContain(
      '<button type="button" class="copy" data-copy="pnpm conformance --target=sim --replay',
    );
    expect(html).toContain('pnpm conformance --target=sim --replay');
    expect(html).toContain(`seed: ${failure.seed}`);
  });

  test("draws the trace's own annotations as marks, red where the annotation is what failed", () => {
    const k = failure.verdict.failure.step;
    const steps = failure.trace.steps.map((st, i) => (i === k ? { ...st, expect: ['s0 RUNNABLE'] } : st));
    const out = renderHtmlReport({
      trace: { ...failure.trace, steps },
      verdict: { ...failure.verdict, failure: { ...failure.verdict.failure, cause: 'expectation' } },
      observations,
    });
    expect(out).toContain(`<g class="annot failed" data-step="${k + 1}">`);
    expect(out).toContain('✎ s0 RUNNABLE');
  });

  test('escapes text', () => {
    const t = { ...failure.trace, header: { ...failure.trace.header, name: '<script>x</script>' } };
    const out = renderHtmlReport({ trace: t, verdict: failure.verdict, observations });
    expect(out).not.toContain('<script>x</script>');
  });
});

describe('the report in headless Chromium', () => {
  const bin = chromiumPath();
  if (bin === undefined) {
    if (process.env.CI) test('chromium is installed', () => expect.fail(`chromium is missing: ${INSTALL}`));
    else console.warn(`SKIP report-html browser tests: chromium is missing; install it with: ${INSTALL}`);
    test.skip('renders in headless Chromium (chromium missing)', () => {});
    return;
  }

  test('renders: the DOM holds the lanes and the inline script ran without error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-report-'));
    const file = await writeHtmlReport(join(dir, 'report.html'), {
      trace: failure.trace,
      verdict: failure.verdict,
      observations,
      target: 'broken-cond-wait (test double)',
    });
    expect(await readFile(file, 'utf8')).toContain('<svg');
    const { stdout } = await runChromium(bin, file, ['--dump-dom']);
    const lanes = failure.trace.header.tasks.length * 2;
    expect(stdout).toContain(`data-lanes="${lanes}"`);
    expect((stdout.match(/<g class="lane"/g) ?? []).length).toBe(lanes);
    const png = join(dir, 'report.png');
    await runChromium(bin, file, [`--screenshot=${png}`, '--window-size=1400,1000', '--hide-scrollbars']);
    expect((await stat(png)).size).toBeGreaterThan(10_000);
    if (process.env.UMCG_REPORT_PNG)
      await writeHtmlReport(process.env.UMCG_REPORT_PNG.replace(/\.png$/, '.html'), {
        trace: failure.trace,
        verdict: failure.verdict,
        observations,
      });
  }, 120_000);

  test('at 1400x1000 a long trace opens scrolled to the divergence: the differing cell is in view and highlighted', async () => {
    // A failure at step 25 of 25: without scrolling, its column is far right of (and below) the first screen.
    const pad = 20;
    const steps = [...Array(pad).fill(failure.trace.steps[0]), ...failure.trace.steps];
    const obs = [...Array(pad).fill(observations[0]), ...observations];
    const f = failure.verdict.failure;
    const dir = await mkdtemp(join(tmpdir(), 'umcg-report-'));
    const file = await writeHtmlReport(join(dir, 'long.html'), {
      trace: { ...failure.trace, steps },
      verdict: { ...failure.verdict, failure: { ...f, step: f.step + pad } },
      observations: obs,
      target: 'broken-cond-wait (test double)',
    });
    const { stdout } = await runChromium(bin, file, ['--dump-dom', '--window-size=1400,1000']);
    expect(stdout).toContain('data-diverge-highlighted="true"');
    expect(stdout).toContain('data-diverge-in-view="true"');
  }, 120_000);
});
