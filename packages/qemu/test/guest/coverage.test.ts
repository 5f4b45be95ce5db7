/**
 * `--coverage` on a real boot: the reference kernel's coverage flavour in two guests, a few corpus traces, and the
 * counters both guests print at power-off summed into line and branch coverage of kernel/sched/umcg.c and of the
 * hook sites.
 */
import { basename } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qemu } from '../../src/adapter.js';
import { chooseKernel } from '../../src/guest/kernelChoice.js';
import { corpusTraces } from '../helpers/conformance.js';
import { guestUnavailable, skipNotice } from '../helpers/prereqs.js';

const coverageKernel = (): string | undefined => {
  try {
    chooseKernel(undefined, undefined, 'coverage');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
};
const reason = (await guestUnavailable()) ?? coverageKernel();
const skip = skipNotice('guest/coverage.test.ts', reason);

describe.skipIf(skip)('kernel coverage (coverage flavour, QEMU, TCG)', () => {
  const closing: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of closing) await c();
  });

  it('sums the counters of every guest into line and branch coverage of umcg.c and the hook sites', async () => {
    if (reason !== undefined) throw new Error(`guest tests cannot run: ${reason}`);
    const target = await qemu.open({
      profile: 'ref-6.1',
      timeoutMs: 20_000,
      seed: 1,
      args: { jobs: '2' },
      coverage: true,
    });
    closing.push(() => target.close());
    expect(target.info.build.kernelFlavour).toBe('coverage');
    const picked = ['server-loop-yield.trace', 'block-unblock.trace', 'kick-errors.trace'];
    const traces = corpusTraces().flatMap((t) =>
      'item' in t && picked.includes(basename(t.file)) ? [t.item] : [],
    );
    expect(traces.length).toBe(picked.length);
    const runs = await Promise.all(traces.map((t) => target.run(t, { seed: 1 })));
    expect(runs.map((r) => r.status)).toEqual(picked.map(() => 'completed'));
    const c = await target.coverage?.();
    if (c === undefined) throw new Error('the qemu target opened with coverage has no coverage()');
    const [umcg, hooks] = c.parts;
    expect(umcg?.name).toBe('kernel/sched/umcg.c');
    expect(umcg?.lines.total).toBeGreaterThan(300);
    expect(umcg?.lines.covered).toBeGreaterThan(umcg!.lines.total / 4);
    expect(umcg?.lines.covered).toBeLessThan(umcg!.lines.total);
    expect(umcg?.branches.total).toBeGreaterThan(0);
    expect(umcg?.unreached.length).toBe(umcg!.lines.total - umcg!.lines.covered);
    expect(umcg?.unreached[0]).toMatch(/^kernel\/sched\/umcg\.c:\d+$/);
    expect(hooks?.lines.covered).toBeGreaterThan(0);
    expect(c.note).toMatch(/^counters of 2 guest\(s\) summed/);
    expect(c.files['kernel-coverage/index.html']).toContain('umcg.c');
    expect(c.files['kernel-coverage/unreached.txt']).toContain(umcg!.unreached[0]);
  }, 600_000);
});
