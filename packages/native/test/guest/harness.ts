/**
 * Boots the reference kernel in a QEMU (TCG) guest with the static executor and a batch of request lines in the
 * initramfs (built and booted by @umcg/kernel's `buildInitramfs`/`bootGuest`); the responses come back on ttyS1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type BootResult, bootGuest, buildInitramfs, kernelArtifacts } from '@umcg/kernel';
import { STATIC_EXECUTOR } from '../../src/index.js';

/** Why guest tests cannot run here (undefined when they can). `UMCG_KERNEL=<bzImage>` overrides the cached build. */
export function guestUnavailable(): string | undefined {
  if (spawnSync('qemu-system-x86_64', ['--version']).status !== 0)
    return 'qemu-system-x86_64 is missing (apt-get install -y --no-install-recommends qemu-system-x86 busybox-static cpio)';
  if (!existsSync('/bin/busybox'))
    return 'busybox-static is missing (apt-get install -y --no-install-recommends busybox-static)';
  if (!existsSync(STATIC_EXECUTOR))
    return `${STATIC_EXECUTOR} is not built (make -C packages/native/csrc static)`;
  const explicit = process.env.UMCG_KERNEL;
  if (explicit) return existsSync(explicit) ? undefined : `UMCG_KERNEL=${explicit}: no such file`;
  try {
    kernelArtifacts();
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

/** What a guest batch gave back. */
export interface GuestBatch {
  /** Response lines of the executor. */
  readonly lines: readonly string[];
  /** The boot result (console, findings, timings). */
  readonly boot: BootResult;
}

/** Runs `requests` (PROTOCOL.md lines) through `umcg-exec` in one guest boot. */
export async function runInGuest(requests: readonly string[], timeoutMs = 240_000): Promise<GuestBatch> {
  const kernel = process.env.UMCG_KERNEL ? { bzImage: process.env.UMCG_KERNEL } : kernelArtifacts();
  const init = [
    '/bin/busybox --install -s /bin',
    'mount -t proc proc /proc',
    'mount -t sysfs sys /sys',
    'mount -t devtmpfs dev /dev 2>/dev/null',
    'echo UMCG-GUEST-READY',
    'stty -F /dev/ttyS1 raw -echo 2>/dev/null',
    '/bin/umcg-exec < /requests.txt > /dev/ttyS1',
    'echo "UMCG-EXEC-DONE rc=$?"',
    'sync',
    'poweroff -f',
    '',
  ].join('\n');
  const initramfs = buildInitramfs({
    binaries: [STATIC_EXECUTOR],
    init,
    extraFiles: { '/requests.txt': `${requests.join('\n')}\n` },
  });
  const boot = await bootGuest({ kernel: kernel.bzImage, initramfs, tapFrom: 'ttyS1', timeoutMs });
  const lines = (boot.serial1 ?? '').split('\n').filter((l) => l.startsWith('{'));
  return { lines, boot };
}
