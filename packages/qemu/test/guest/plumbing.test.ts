/**
 * The guest plumbing under a real boot of the reference kernel, with a stand-in executor (test/fixtures/fake-exec.c)
 * that can answer, print a WARNING, hang or die on request: framing over virtio-serial and ttyS1, many requests per
 * boot, and the crash, hang and taint verdicts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Guest, type GuestConfig } from '../../src/guest/guest.js';
import { buildGuestImage } from '../../src/guest/image.js';
import { chooseKernel } from '../../src/guest/kernelChoice.js';
import { replyToTraceRun } from '../../src/internal/wire/codec.js';
import { GuestPool } from '../../src/runner/pool.js';
import { guestUnavailable, skipNotice, TEST_KERNEL } from '../helpers/prereqs.js';

const reason = await guestUnavailable();
const skip = skipNotice('guest/plumbing.test.ts', reason);
const here = dirname(fileURLToPath(import.meta.url));

describe.skipIf(skip)('guest plumbing (reference kernel, stand-in executor)', () => {
  let base: Omit<GuestConfig, 'initramfs' | 'channel'>;
  const images: Partial<Record<'virtio' | 'ttyS1', string>> = {};

  beforeAll(() => {
    if (reason !== undefined) throw new Error(`guest tests cannot run: ${reason}`);
    const exe = join(mkdtempSync(join(tmpdir(), 'fake-exec-')), 'umcg-exec');
    const cc = spawnSync('gcc', ['-static', '-O2', '-o', exe, join(here, '../fixtures/fake-exec.c')], {
      encoding: 'utf8',
    });
    if (cc.status !== 0) throw new Error(`gcc -static fake-exec.c failed: ${cc.stderr}`);
    images.virtio = buildGuestImage({ executor: exe, channel: 'virtio' });
    images.ttyS1 = buildGuestImage({ executor: exe, channel: 'ttyS1' });
    base = {
      kernel: chooseKernel(TEST_KERNEL).bzImage,
      smp: 2,
      memoryMb: 512,
      accel: 'tcg',
      bootTimeoutMs: 120_000,
    };
  });

  const boot = (channel: 'virtio' | 'ttyS1'): Promise<Guest> =>
    Guest.boot({ ...base, channel, initramfs: images[channel]! });

  it('streams many requests per boot over virtio-serial, then a WARN taints the guest', async () => {
    const g = await boot('virtio');
    try {
      expect(g.probe).toMatchObject({ id: 'probe', status: 'completed', detail: 'fake' });
      expect(g.release).toMatch(/^6\.1\./);
      for (let i = 0; i < 50; i++) {
        const r = await g.request([`trace t${i} 1 w0`, 'step exit w0', 'end'], `t${i}`, 10_000);
        expect(r).toMatchObject({
          kind: 'response',
          value: { id: `t${i}`, detail: '1 steps' },
          findings: [],
        });
      }
      const warned = await g.request(['warn x1'], 'x1', 10_000);
      expect(warned.kind).toBe('response');
      if (warned.kind !== 'response') return;
      expect(warned.findings.map((f) => f.kind)).toContain('warn');
      expect(warned.detail).toMatch(/^kernel warn: .*WARNING: CPU: 0 PID: 1 at kernel\/sched\/umcg\.c:1/);
      expect(warned.detail).toContain('--- guest console');
      expect(g.usable).toBe(false);
    } finally {
      await g.shutdown();
    }
  }, 180_000);

  it('reports a hang (and kills QEMU) and an executor death as crashes, over ttyS1 too', async () => {
    const [hung, dies] = await Promise.all([boot('ttyS1'), boot('virtio')]);
    try {
      expect((await hung.request(['trace a 1 w0', 'end'], 'a', 10_000)).kind).toBe('response');
      const h = await hung.request(['hang h1'], 'h1', 1_500);
      expect(h).toMatchObject({ kind: 'crashed', cause: 'hang' });
      if (h.kind === 'crashed')
        expect(h.detail).toMatch(/^hang: no answer from the guest within 1500 ms \(QEMU killed\)/);
      expect(hung.usable).toBe(false);
      const d = await dies.request(['die d1'], 'd1', 10_000);
      expect(d).toMatchObject({ kind: 'crashed', cause: 'exit' });
      if (d.kind === 'crashed') expect(d.detail).toMatch(/^the executor exited \(UMCG-EXEC-EXIT rc=3\)/);
    } finally {
      await Promise.all([hung.kill(), dies.kill()]);
    }
  }, 240_000);

  it('a pool boots a new guest after a crash and goes on; a panic line makes the trace crashed', async () => {
    const pool = new GuestPool({ ...base, channel: 'virtio', initramfs: images.virtio! }, 1);
    try {
      pool.warm();
      const ok = replyToTraceRun(await pool.request(['trace a 1 w0', 'end'], 'a', 10_000));
      expect(ok.status).toBe('completed');
      const died = replyToTraceRun(await pool.request(['die b'], 'b', 10_000));
      expect(died.status).toBe('crashed');
      const panicked = replyToTraceRun(await pool.request(['panic c'], 'c', 10_000));
      expect(panicked.status).toBe('crashed');
      expect(panicked.detail).toMatch(/^kernel panic: .*Kernel panic - not syncing: fake panic line/);
      const after = replyToTraceRun(await pool.request(['trace d 1 w0', 'end'], 'd', 10_000));
      expect(after.status).toBe('completed');
      expect(pool.stats).toMatchObject({ boots: 3, discarded: 2 });
    } finally {
      await pool.close();
    }
  }, 300_000);

  afterAll(() => {
    // images live in temporary directories; nothing else to clean
  });
});
