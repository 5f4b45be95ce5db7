import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hangTimeout, probedFeatures, QEMU_FEATURES } from '../src/adapter.js';
import { chooseAccel, kvmDeviceUsable } from '../src/guest/accel.js';
import { bzImageRelease, bzImageVersion } from '../src/guest/bzImage.js';
import { initScript, READY_MARKER, VIRTIO_PORT_NAME } from '../src/guest/init.js';
import { parseQemuArgs } from '../src/session.js';

describe('parseQemuArgs', () => {
  it('maps target arguments to options', () => {
    expect(
      parseQemuArgs({
        jobs: '2',
        smp: '4',
        accel: 'tcg',
        channel: 'ttyS1',
        kernel: '/k',
        memory: '1024',
        'boot-timeout': '9000',
      }),
    ).toEqual({
      jobs: 2,
      smp: 4,
      accel: 'tcg',
      channel: 'ttyS1',
      kernel: '/k',
      memoryMb: 1024,
      bootTimeoutMs: 9000,
    });
    expect(parseQemuArgs({})).toEqual({});
    expect(parseQemuArgs({ ctl: '450', wait: '451', kick: '452' })).toEqual({
      syscalls: { ctl: 450, wait: 451, kick: 452 },
    });
    expect(() => parseQemuArgs({ ctl: '450' })).toThrow(/all three/);
  });

  it('rejects unknown keys and bad values', () => {
    expect(() => parseQemuArgs({ job: '2' })).toThrow(/unknown target argument 'job'/);
    expect(() => parseQemuArgs({ jobs: 'two' })).toThrow(/positive integer/);
    expect(() => parseQemuArgs({ accel: 'hvf' })).toThrow(/tcg, kvm or auto/);
    expect(() => parseQemuArgs({ channel: 'ttyS0' })).toThrow(/virtio or ttyS1/);
  });
});

describe('probedFeatures', () => {
  it('keeps the features the executor says it has', () => {
    expect([...probedFeatures({ id: 'probe', features: ['signals', 'kick', 'bogus'] })].sort()).toEqual([
      'kick',
      'signals',
    ]);
  });

  it('falls back to the full list for an executor that does not say', () => {
    expect([...probedFeatures({ id: 'probe' })]).toEqual([...QEMU_FEATURES]);
    expect([...probedFeatures(undefined)]).toEqual([...QEMU_FEATURES]);
  });
});

describe('hangTimeout', () => {
  it('leaves a margin under the per-trace timeout, at least 1 s', () => {
    expect(hangTimeout(10_000)).toBe(9_500);
    expect(hangTimeout(100)).toBe(1_000);
  });
});

describe('initScript', () => {
  it('looks the virtio port up by name and runs the executor on it', () => {
    const s = initScript('virtio');
    expect(s).toContain(`= ${VIRTIO_PORT_NAME} ]`);
    expect(s).toContain(`echo "${READY_MARKER} io=$dev"`);
    expect(s).toContain('/bin/umcg-exec --io $dev');
    expect(s.trimEnd().endsWith('poweroff -f')).toBe(true);
  });

  it('puts ttyS1 in raw mode', () => {
    expect(initScript('ttyS1')).toContain('stty -F $dev raw -echo');
  });
});

describe('bzImage header', () => {
  it('reads the version string of a synthetic bzImage', () => {
    const buf = Buffer.alloc(0x1000);
    buf.write('HdrS', 0x202, 'latin1');
    buf.writeUInt16LE(0x300, 0x20e); // string at 0x500
    buf.write('6.1.192-umcg (root@host) #1 SMP\0', 0x500, 'latin1');
    const f = join(mkdtempSync(join(tmpdir(), 'bz-')), 'bzImage');
    writeFileSync(f, buf);
    expect(bzImageVersion(f)).toBe('6.1.192-umcg (root@host) #1 SMP');
    expect(bzImageRelease(f)).toBe('6.1.192-umcg');
  });

  it('says undefined for a file that is not a bzImage', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'bz-')), 'x');
    writeFileSync(f, Buffer.alloc(0x300));
    expect(bzImageVersion(f)).toBeUndefined();
  });
});

describe('chooseAccel', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.UMCG_CACHE_DIR;
    process.env.UMCG_CACHE_DIR = mkdtempSync(join(tmpdir(), 'umcg-cache-'));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.UMCG_CACHE_DIR;
    else process.env.UMCG_CACHE_DIR = saved;
  });

  it('honours an explicit request without probing', async () => {
    const never = async (): Promise<boolean> => {
      throw new Error('probed');
    };
    expect((await chooseAccel('tcg', 'k', never)).accel).toBe('tcg');
    expect((await chooseAccel('kvm', 'k', never)).accel).toBe('kvm');
  });

  it('auto probes once per key and caches the answer', async () => {
    let probes = 0;
    const fails = async (): Promise<boolean> => {
      probes++;
      return false;
    };
    const a = await chooseAccel('auto', 'k1', fails);
    expect(a.accel).toBe('tcg');
    if (!kvmDeviceUsable()) {
      expect(probes).toBe(0);
      return;
    }
    expect(probes).toBe(1);
    const b = await chooseAccel('auto', 'k1', fails);
    expect(b).toEqual({ accel: 'tcg', why: 'KVM probe boot did not answer (cached); using TCG' });
    expect(probes).toBe(1);
    const cache = JSON.parse(
      readFileSync(join(process.env.UMCG_CACHE_DIR!, 'qemu', 'kvm-probe.json'), 'utf8'),
    ) as Record<string, boolean>;
    expect(Object.values(cache)).toEqual([false]);
    const works = await chooseAccel('auto', 'k2', async () => true);
    expect(works.accel).toBe('kvm');
  });
});
