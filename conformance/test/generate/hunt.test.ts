import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listFailures, replayStoredFailures, saveFailure } from '../../src/failures/store.js';
import { failureSignature } from '../../src/generate/checkRun.js';
import { huntTarget } from '../../src/generate/hunt.js';
import { parseTrace } from '../../src/trace/parse.js';
import { brokenTarget } from './fixtures/broken.js';
import { engineChecker } from './fixtures/checker.js';
import { engineTarget } from './fixtures/engineTarget.js';
import { toyEngine } from './fixtures/toyEngine.js';

const engine = toyEngine;
const check = engineChecker(engine);
const base = { check, engine, failuresDir: false as const };

describe('huntTarget (toy engine)', () => {
  test('a conforming target passes every generated trace', async () => {
    const report = await huntTarget(engineTarget(engine, { random: true }), { ...base, runs: 150, seed: 1 });
    expect(report.failure).toBeUndefined();
    expect(report.runs).toBe(150);
  });

  test('a broken target is caught and shrunk to a minimal trace with the same violated rules', async () => {
    const report = await huntTarget(brokenTarget(engine), { ...base, runs: 300, seed: 42 });
    const f = report.failure;
    expect(f).toBeDefined();
    if (f === undefined) return;
    expect(f.verdict.kind).toBe('fail');
    expect(failureSignature(f.verdict)).toBe(f.signature);
    expect(f.trace.steps.at(-1)?.action.op).toBe('wait');
    // Register a server (state, server_tid, ctl), COND_WAIT, wait: 5 steps is the minimum.
    expect(f.trace.steps.length).toBe(5);
    expect(f.trace.header.tasks.length).toBe(1);
    expect(f.trace.steps.length).toBeLessThan(f.originalSteps);
    expect(f.reproduced).toEqual({ failed: 3, runs: 3 });
    console.log(
      `minimal: ${f.trace.steps.length} steps (first failure ${f.originalSteps}, after fast-check ${f.fastCheckSteps})`,
    );
  });

  test('the same seed gives the same hunt: same failure, same minimal trace', async () => {
    const a = await huntTarget(brokenTarget(engine), { ...base, runs: 300, seed: 7 });
    const b = await huntTarget(brokenTarget(engine), { ...base, runs: 300, seed: 7 });
    expect(b.failure?.trace).toEqual(a.failure?.trace);
    expect(b.failure?.path).toBe(a.failure?.path);
    expect(b.runs).toBe(a.runs);
  });

  test('the seed and path replay exactly the minimal trace', async () => {
    const target = brokenTarget(engine);
    const first = await huntTarget(target, { ...base, runs: 300, seed: 42 });
    const f = first.failure!;
    const again = await huntTarget(target, { ...base, seed: f.seed, path: f.path });
    expect(again.failure?.trace.steps).toEqual(f.trace.steps);
    expect(again.failure?.trace.header.tasks).toEqual(f.trace.header.tasks);
    expect(again.failure?.signature).toBe(f.signature);
  });

  test('a saved failure is listed, replayed first on the next hunt, and still fails the same way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-failures-'));
    const target = brokenTarget(engine);
    const f = (await huntTarget(target, { ...base, runs: 300, seed: 42 })).failure!;
    const key = { target: target.info.name, profile: 'pz-v2', args: {} };
    const file = await saveFailure(dir, key, f.trace, 'found by the test');
    expect(await listFailures(dir, key)).toEqual([file]);
    expect(await listFailures(dir, { ...key, args: { mutant: 'x' } })).toEqual([]);
    expect((await readdir(dirname(file))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(parseTrace(await readFile(file, 'utf8'), file).steps).toEqual(
      f.trace.steps.map((s) => ({ ...s, line: expect.any(Number) })),
    );
    const [replay] = await replayStoredFailures(target, check, { dir, key });
    expect(failureSignature(replay!.verdict)).toBe(f.signature);
    const before = target.runs;
    const report = await huntTarget(target, { ...base, failuresDir: dir, runs: 1, seed: 3 });
    expect(report.stored.map((r) => r.verdict.kind)).toEqual(['fail']);
    expect(target.runs).toBeGreaterThan(before);
  });

  test('a confirmed failure is reported before any shrink run; the run budget bounds shrinking and says so', async () => {
    const target = brokenTarget(engine);
    const events: string[] = [];
    let runsAtFailure = -1;
    const report = await huntTarget(target, {
      ...base,
      runs: 300,
      seed: 42,
      shrinkBudget: { runs: 0, minimizeRuns: 3, parallel: 2 },
      onFailure: (f) => {
        runsAtFailure = target.runs;
        events.push(`found ${f.trace.steps.length}`);
      },
      onShrinkProgress: (p) => events.push(`${p.phase} ${p.runs}/${p.budget}`),
    });
    const f = report.failure!;
    expect(events[0]).toMatch(/^found \d+$/);
    expect(events.slice(1).every((e) => e.startsWith('minimize '))).toBe(true);
    expect(f.minimizeRuns).toBeLessThanOrEqual(3);
    expect(f.minimal).toBe(false);
    expect(report.shrinkRuns).toBe(0);
    // Confirmation re-run (1), shrinking (<= 3), reproduction (3): nothing else ran after the report.
    expect(target.runs - runsAtFailure).toBeLessThanOrEqual(3 + 3);
  });

  test('parallel minimization reaches a 1-minimal trace of the same size as sequential', async () => {
    const seq = await huntTarget(brokenTarget(engine), {
      ...base,
      runs: 300,
      seed: 42,
      shrinkBudget: { runs: 0 },
    });
    const par = await huntTarget(brokenTarget(engine), {
      ...base,
      runs: 300,
      seed: 42,
      shrinkBudget: { runs: 0, parallel: 4 },
    });
    expect(seq.failure?.minimal).toBe(true);
    expect(par.failure?.minimal).toBe(true);
    expect(par.failure?.trace.steps.length).toBe(seq.failure?.trace.steps.length);
    expect(par.failure?.signature).toBe(seq.failure?.signature);
  });

  test('a pipelined hunt (traces in flight while the next are generated) finds the same first failure', async () => {
    const seq = await huntTarget(brokenTarget(engine), {
      ...base,
      runs: 300,
      seed: 42,
      shrinkBudget: { runs: 0 },
      confirm: 0,
    });
    for (const pipeline of [1, 3]) {
      const target = brokenTarget(engine);
      let inFlight = 0;
      let most = 0;
      const slow = {
        ...target,
        async run(trace: Parameters<typeof target.run>[0], o: Parameters<typeof target.run>[1]) {
          most = Math.max(most, ++inFlight);
          await new Promise((r) => setTimeout(r, 1));
          const r = await target.run(trace, o);
          inFlight--;
          return r;
        },
      };
      const par = await huntTarget(slow, {
        ...base,
        runs: 300,
        seed: 42,
        shrinkBudget: { runs: 0 },
        confirm: 0,
        pipeline,
      });
      expect(par.failure?.originalSteps).toBe(seq.failure?.originalSteps);
      expect(par.failure?.path).toBe(seq.failure?.path);
      expect(par.failure?.trace).toEqual(seq.failure?.trace);
      expect(most).toBeGreaterThan(1);
    }
    const replay = await huntTarget(brokenTarget(engine), {
      ...base,
      seed: 42,
      path: seq.failure!.path,
      shrinkBudget: { runs: 0 },
    });
    expect(replay.failure?.originalSteps).toBe(seq.failure?.originalSteps);
  });

  test('the failure store is empty when the directory does not exist', async () => {
    expect(
      await listFailures(join(tmpdir(), 'does-not-exist-umcg'), { target: 't', profile: 'pz-v2', args: {} }),
    ).toEqual([]);
  });
});
