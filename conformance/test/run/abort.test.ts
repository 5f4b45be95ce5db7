import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapters/contract.js';
import { openSpecTarget, specAdapter } from '../../src/adapters/spec.js';
import { checkTrace } from '../../src/check/checkTrace.js';
import { resultLine } from '../../src/report/line.js';
import { withTimeout } from '../../src/run/runTrace.js';
import { runSession } from '../../src/run/session.js';
import type { TraceRun } from '../../src/trace/types.js';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

describe('cancellation (RunOptions.signal)', () => {
  it('a timeout aborts the signal the adapter was given, so the abandoned run stops', async () => {
    let seen: AbortSignal | undefined;
    const never = (signal: AbortSignal): Promise<TraceRun> => {
      seen = signal;
      return new Promise(() => {});
    };
    const r = await withTimeout(never, 20);
    expect(r.status).toBe('timeout');
    expect(seen?.aborted).toBe(true);
  });

  it('an interrupt stops a session after the run in flight: what finished is kept, marked interrupted, exit 130', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umcg-abort-'));
    const ctl = new AbortController();
    let runs = 0;
    // Interrupts the session during its third trace (as Ctrl-C would).
    const adapter: Adapter = {
      ...specAdapter,
      async open(o) {
        const inner = openSpecTarget(o);
        return {
          ...inner,
          run: (t, opts) => {
            if (++runs === 3) ctl.abort();
            return inner.run(t, opts);
          },
        };
      },
    };
    const { report } = await runSession({
      targetName: 'spec',
      adapter,
      profile: undefined,
      seed: 1,
      replay: undefined,
      corpusDir: CORPUS,
      runs: 50,
      litmus: true,
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
      signal: ctl.signal,
    });
    expect(report.interrupted).toBe(true);
    expect(report.exitCode).toBe(130);
    expect(report.results.length).toBeGreaterThanOrEqual(2);
    expect(report.results.length).toBeLessThanOrEqual(3);
    expect(report.results.every((r) => r.origin === 'corpus')).toBe(true);
  });

  it('prints TIMEOUT and the hash apart', () => {
    const line = resultLine({
      origin: 'corpus',
      name: 'slow',
      hash: 'f73f54227d15',
      profile: 'pz-v2',
      status: 'TIMEOUT',
      verdict: { kind: 'unknown', reason: 'timed out' },
      rules: [],
      durationMs: 1,
    });
    expect(line).toMatch(/^TIMEOUT f73f54227d15 /);
  });
});
