import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KernelNotBuiltError, kernelArtifacts } from '../src/artifacts.js';
import { QEMU } from '../src/boot/qemu.js';
import { runSelftestsInGuest } from '../src/guest.js';
import { SELFTESTS } from '../src/selftests.js';

/** Why the guest test cannot run here (undefined when it can), with the fix. */
function missing(): string | undefined {
  if (spawnSync(QEMU, ['--version']).status !== 0) {
    return `${QEMU} not found; fix: apt-get install -y --no-install-recommends qemu-system-x86 busybox-static cpio`;
  }
  try {
    kernelArtifacts();
  } catch (e) {
    if (e instanceof KernelNotBuiltError) return e.message;
    throw e;
  }
  return undefined;
}

const reason = missing();
if (reason && !process.env.CI) {
  console.warn(`\n*** SKIPPING the UMCG guest test: ${reason} ***\n`);
}

describe('reference kernel in a QEMU guest', () => {
  it.skipIf(reason !== undefined && !process.env.CI)(
    'passes every selftest with a clean console',
    async () => {
      if (reason) throw new Error(`guest test cannot run (CI is set): ${reason}`);
      const res = await runSelftestsInGuest({ stressSeconds: 10 });
      const diag = `verdict ${res.verdict}\n${res.findings.map((f) => `${f.kind}: ${f.text}`).join('\n')}\n${res.serial1 ?? ''}`;
      expect(res.findings, diag).toEqual([]);
      expect(res.timedOut, diag).toBe(false);
      expect(res.tap?.plan, diag).toBe(SELFTESTS.length);
      expect(
        res.tap?.top.every((t) => t.ok),
        diag,
      ).toBe(true);
      expect(res.tap?.counts.fail, diag).toBe(0);
      expect(res.tap?.counts.pass, diag).toBeGreaterThan(80);
      expect(res.verdict, diag).toBe('ok');
    },
    600_000,
  );
});
