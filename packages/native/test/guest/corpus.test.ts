/**
 * The executor in a guest booted on the reference kernel: every corpus trace and litmus program that applies to
 * the `ref-6.1` profile (the conformance runner's `retarget`) and needs only features the native target offers,
 * checked against the spec. Real threads on TCG are timing-dependent, so traces that fail are re-run once in a
 * second boot; a trace must pass in one of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Trace } from '@umcg/conformance';
import { specEngine } from '@umcg/conformance';
import { canonicalObservation } from '@umcg/spec/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawProbe, RawResponse } from '../../src/index.js';
import {
  encodeConfig,
  encodeLitmus,
  encodeTrace,
  NATIVE_FEATURES,
  parseResponseLine,
  toLitmusRun,
  toTraceRun,
} from '../../src/index.js';
import { CORPUS, checkTrace, parseLitmus, parseTrace, retarget } from '../helpers.js';
import { type GuestBatch, guestUnavailable, runInGuest } from './harness.js';

const why = guestUnavailable();
if (why !== undefined) {
  if (process.env.CI) throw new Error(`guest tests cannot run: ${why}`);
  console.warn(`\n*** SKIPPING native guest tests: ${why} ***\n`);
}

const PROFILE = 'ref-6.1';
const LITMUS_RUNS = 3;
const offered = new Set<string>(NATIVE_FEATURES);
const applies = <T extends { readonly header: Trace['header'] }>(t: T): T | undefined => {
  const r = retarget(t, PROFILE);
  return 'item' in r && r.item.header.requires.every((f) => offered.has(f) || f === 'controlled-interleaving')
    ? r.item
    : undefined;
};
const files = readdirSync(CORPUS).sort();
/** Known failures of the native target (conformance/expectations/native.json), each with its reason. */
const known: Record<string, { reason: string }> = JSON.parse(
  readFileSync(resolve(CORPUS, '../expectations/native.json'), 'utf8'),
);
for (const [name, e] of Object.entries(known))
  console.warn(`known failure, not required to pass: ${name}: ${e.reason}`);
const traces: Trace[] = files
  .filter((f) => f.endsWith('.trace'))
  .map((f) => applies(parseTrace(readFileSync(resolve(CORPUS, f), 'utf8'), f)))
  .filter((t): t is Trace => t !== undefined && known[t.header.name] === undefined);
const litmus = files
  .filter((f) => f.endsWith('.litmus'))
  .map((f) => applies(parseLitmus(readFileSync(resolve(CORPUS, f), 'utf8'), f)))
  .filter((l) => l !== undefined);

const config = encodeConfig({ ctl: 451, wait: 452, kick: 453, timeoutMs: 3000 });
const traceLines = (ts: readonly Trace[]): string[] =>
  ts.flatMap((t) =>
    encodeTrace(
      t.header.name,
      t.header.tasks,
      t.steps.map((s) => s.action),
    ),
  );

function verdictOf(t: Trace, r: RawResponse | undefined): { kind: string; text: string } {
  if (r === undefined) return { kind: 'missing', text: `missing   ${t.header.name}: no response` };
  const run = toTraceRun(r);
  const v = run.status === 'completed' ? checkTrace(t, run.observations) : undefined;
  const kind = v?.kind ?? run.status;
  const why =
    v?.kind === 'fail'
      ? `: ${v.failure.explanation.split('\n').slice(0, 3).join(' | ')}`
      : run.detail
        ? `: ${run.detail}`
        : '';
  return { kind, text: `${kind.padEnd(9)} ${String(r.ms ?? '?').padStart(5)} ms ${t.header.name}${why}` };
}

describe.skipIf(why !== undefined)('native executor in a guest on the reference kernel', () => {
  let batch: GuestBatch;
  const byId = new Map<string, RawResponse>();

  beforeAll(async () => {
    const req = [config, 'probe', ...traceLines(traces)];
    for (const l of litmus)
      for (let k = 0; k < LITMUS_RUNS; k++) req.push(...encodeLitmus(`${l.header.name}.${k}`, l.program));
    const t0 = Date.now();
    batch = await runInGuest(req);
    for (const line of batch.lines) {
      const r = parseResponseLine(line);
      byId.set(r.id, r);
    }
    console.log(
      `guest: ${traces.length} traces + ${litmus.length * LITMUS_RUNS} litmus runs in ${Date.now() - t0} ms ` +
        `(boot to ready ${batch.boot.readyMs} ms, QEMU total ${batch.boot.durationMs} ms)`,
    );
  }, 400_000);

  afterAll(() => {
    if (batch?.boot.findings.length)
      console.log(batch.boot.findings.map((f) => `${f.kind}: ${f.text}`).join('\n'));
  });

  it('boots cleanly and the probe finds UMCG at 451-453', () => {
    expect(batch.boot.findings).toEqual([]);
    const probe = JSON.parse(batch.lines[0] ?? '{}') as RawProbe;
    expect(probe.status, probe.detail).toBe('completed');
    expect(probe.release).toMatch(/^6\.1\./);
  });

  it('every applicable corpus trace conforms to ref-6.1 (failures get one re-run in a second boot)', async () => {
    const first = traces.map((t) => ({ t, v: verdictOf(t, byId.get(t.header.name)) }));
    console.log(first.map((x) => x.v.text).join('\n'));
    const retry = first.filter((x) => x.v.kind !== 'pass').map((x) => x.t);
    if (retry.length === 0) return;
    const again = await runInGuest([config, ...traceLines(retry)]);
    const byId2 = new Map(again.lines.map((l) => parseResponseLine(l)).map((r) => [r.id, r] as const));
    const second = retry.map((t) => verdictOf(t, byId2.get(t.header.name)));
    console.log(`re-run:\n${second.map((v) => v.text).join('\n')}`);
    expect(second.filter((v) => v.kind !== 'pass').map((v) => v.text)).toEqual([]);
  }, 400_000);

  it('litmus outcomes are among those the spec allows', () => {
    const lines: string[] = [];
    for (const l of litmus) {
      const allowed = specEngine().explore({ profile: PROFILE, tasks: l.program.tasks }, l.program);
      for (let k = 0; k < LITMUS_RUNS; k++) {
        const r = byId.get(`${l.header.name}.${k}`);
        expect(r, `${l.header.name}.${k}`).toBeDefined();
        const run = toLitmusRun(r as RawResponse);
        const key = canonicalObservation(run.observation);
        lines.push(
          `${run.status} ${l.header.name}.${k}: ${allowed.outcomes.has(key) ? 'allowed' : 'NOT ALLOWED'} ${run.detail ?? ''}`,
        );
      }
    }
    console.log(lines.join('\n'));
    expect(lines.filter((l) => l.includes('NOT ALLOWED') || !l.startsWith('completed'))).toEqual([]);
  });
});
