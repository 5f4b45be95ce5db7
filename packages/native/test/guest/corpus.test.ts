/**
 * The executor in a guest booted on the reference kernel: corpus traces (those whose requirements the native
 * target offers) and litmus programs, checked against the spec under the `ref-6.1` profile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { canonicalObservation, explore } from '@umcg/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawProbe } from '../../src/index.js';
import {
  encodeConfig,
  encodeLitmus,
  encodeTrace,
  NATIVE_FEATURES,
  parseResponseLine,
  toLitmusRun,
  toTraceRun,
} from '../../src/index.js';
import type { Trace } from '../../src/internal/contracts.js';
import { CORPUS, checkTrace, parseLitmus, parseTrace } from '../helpers.js';
import { type GuestBatch, guestUnavailable, runInGuest } from './harness.js';

const why = guestUnavailable();
if (why !== undefined) {
  if (process.env.CI) throw new Error(`guest tests cannot run: ${why}`);
  console.warn(`\n*** SKIPPING native guest tests: ${why} ***\n`);
}

const PROFILE = 'ref-6.1';
const offered = new Set<string>(NATIVE_FEATURES);
const traces: Trace[] = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.trace'))
  .sort()
  .map((f) => parseTrace(readFileSync(resolve(CORPUS, f), 'utf8'), f))
  .filter((t) => t.header.requires.every((r) => offered.has(r)))
  .map((t) => ({ ...t, header: { ...t.header, profile: PROFILE } }));
const litmus = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.litmus'))
  .sort()
  .map((f) => parseLitmus(readFileSync(resolve(CORPUS, f), 'utf8'), f))
  .filter((l) => l.header.requires.every((r) => r === 'controlled-interleaving' || offered.has(r)));

/** Traces that must conform on the reference kernel (the rest are reported, see the log). */
const MUST_PASS = [
  'register-server',
  'register-worker',
  'block-unblock',
  'register-errors-in-order',
  'wait-einval',
  'kick-errors',
  'syscall-no-block',
  'worker-to-worker-switch',
];

describe.skipIf(why !== undefined)('native executor in a guest on the reference kernel', () => {
  let batch: GuestBatch;
  const byId = new Map<string, ReturnType<typeof parseResponseLine>>();

  beforeAll(async () => {
    const req = [encodeConfig({ ctl: 451, wait: 452, kick: 453, timeoutMs: 3000 }), 'probe'];
    for (const t of traces)
      req.push(
        ...encodeTrace(
          t.header.name,
          t.header.tasks,
          t.steps.map((s) => s.action),
        ),
      );
    litmus.forEach((l, i) => {
      for (let k = 0; k < 3; k++) req.push(...encodeLitmus(`${l.header.name}.${k}`, l.program));
      void i;
    });
    const t0 = Date.now();
    batch = await runInGuest(req);
    for (const line of batch.lines) {
      const r = parseResponseLine(line);
      byId.set(r.id, r);
    }
    console.log(
      `guest: ${traces.length} traces + ${litmus.length * 3} litmus runs in ${Date.now() - t0} ms (boot to ready ${batch.boot.readyMs} ms, QEMU total ${batch.boot.durationMs} ms)`,
    );
  }, 300_000);

  afterAll(() => {
    if (batch?.boot.findings.length)
      console.log(batch.boot.findings.map((f) => `${f.kind}: ${f.text}`).join('\n'));
  });

  it('boots cleanly and the probe finds UMCG at 451-453', () => {
    expect(batch.boot.findings.filter((f) => f.kind !== 'warn')).toEqual([]);
    const probe = JSON.parse(batch.lines[0] ?? '{}') as RawProbe;
    expect(probe.status, probe.detail).toBe('completed');
    expect(probe.release).toMatch(/^6\.1\./);
  });

  it('runs every offered corpus trace; the core ones conform to ref-6.1', () => {
    const summary: string[] = [];
    const failed: string[] = [];
    for (const t of traces) {
      const r = byId.get(t.header.name);
      if (r === undefined) {
        failed.push(`${t.header.name}: no response`);
        continue;
      }
      const run = toTraceRun(r);
      const v = run.status === 'completed' ? checkTrace(t, run.observations) : undefined;
      const kind = v?.kind ?? run.status;
      summary.push(
        `${kind.padEnd(9)} ${String(r.ms ?? '?').padStart(5)} ms ${t.header.name}${v?.kind === 'fail' ? `: ${v.failure.explanation.split('\n').slice(0, 3).join(' | ')}` : run.detail ? `: ${run.detail}` : ''}`,
      );
      if (MUST_PASS.includes(t.header.name) && kind !== 'pass') failed.push(summary.at(-1)!);
    }
    console.log(summary.join('\n'));
    expect(failed).toEqual([]);
  });

  it('litmus outcomes are among those the spec allows', () => {
    const lines: string[] = [];
    for (const l of litmus) {
      const allowed = explore({ profile: PROFILE, tasks: l.program.tasks }, l.program);
      for (let k = 0; k < 3; k++) {
        const r = byId.get(`${l.header.name}.${k}`);
        expect(r, `${l.header.name}.${k}`).toBeDefined();
        const run = toLitmusRun(r!);
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
