/**
 * Runs `pnpm conformance --target=native` inside a QEMU (TCG) guest booted on the reference kernel: the checkout is
 * shared read-only over 9p, Node and its shared libraries over a second 9p share, and the conformance CLI's output
 * comes back on ttyS1. Usage (from the repository root):
 *
 *   pnpm --filter @umcg/native run conformance:guest -- [conformance args, default: --corpus --profile ref-6.1]
 *
 * Environment: UMCG_KERNEL=<bzImage> (default: the cached reference kernel), UMCG_GUEST_MEM (MiB, default 2048),
 * UMCG_GUEST_TIMEOUT (s, default 1800), UMCG_GUEST_NODE_FLAGS (default `--single-threaded`). Node needs madvise():
 * a kernel of your own must have CONFIG_ADVISE_SYSCALLS.
 * Exits with the guest CLI's exit code (255 when the guest failed).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { bootGuest, buildInitramfs, kernelArtifacts } from '@umcg/kernel';
import { PACKAGE_DIR } from '../src/exec/paths.js';

const repo = resolve(PACKAGE_DIR, '../..');
const args = process.argv.slice(2).filter((a) => a !== '--');
const cliArgs = args.length > 0 ? args : ['--corpus', '--profile', 'ref-6.1'];

/** Copies the node binary and every shared library it needs (from ldd) into a fresh directory. */
function stageNode(): string {
  const dir = mkdtempSync(join(tmpdir(), 'umcg-node-'));
  copyFileSync(process.execPath, join(dir, 'node'));
  const ldd = spawnSync('ldd', [process.execPath], { encoding: 'utf8' });
  for (const m of ldd.stdout.matchAll(/(\/\S+\.so[.\d]*)/g)) copyFileSync(m[1]!, join(dir, basename(m[1]!)));
  spawnSync('chmod', ['-R', 'a+rx', dir]);
  return dir;
}

const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

/**
 * Node's flags in the guest (`UMCG_GUEST_NODE_FLAGS` replaces them). V8 compiles on background threads by default;
 * under multi-threaded TCG the code one vCPU writes is sometimes run stale by another (Node died in the guest with
 * SIGSEGV or SIGILL at a JIT address in 2 of ~10 CI runs), so V8 keeps its work on the main thread.
 */
const NODE_FLAGS = process.env.UMCG_GUEST_NODE_FLAGS ?? '--single-threaded';

async function main(): Promise<number> {
  const bzImage = process.env.UMCG_KERNEL || kernelArtifacts().bzImage;
  const nodeDir = stageNode();
  try {
    const init = [
      '/bin/busybox --install -s /bin',
      'mount -t proc proc /proc',
      'mount -t sysfs sys /sys',
      'mount -t devtmpfs dev /dev 2>/dev/null',
      'mkdir -p /repo /opt/node /lib64 /tmp',
      'mount -t tmpfs tmp /tmp',
      'mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 repo /repo || echo "9p mount of the checkout failed"',
      'mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 nodefs /opt/node || echo "9p mount of node failed"',
      'ln -s /opt/node/ld-linux-x86-64.so.2 /lib64/ld-linux-x86-64.so.2',
      'export LD_LIBRARY_PATH=/opt/node HOME=/tmp TMPDIR=/tmp PATH=/opt/node:/bin CI=',
      'echo UMCG-GUEST-READY',
      'stty -F /dev/ttyS1 raw -echo 2>/dev/null',
      // A writable view of the checkout: symlinks on tmpfs (the CLI writes .conformance/ under its cwd).
      'mkdir -p /work && cd /work',
      'for f in /repo/* /repo/.[!.]*; do case "$f" in */.conformance|*/.git) ;; *) ln -s "$f" . ;; esac; done',
      `cli() { /opt/node/node ${NODE_FLAGS} --import tsx /repo/conformance/src/cli/main.ts --target=native --reporter simple --out /tmp/runs ${cliArgs.map(quote).join(' ')} > /tmp/out.txt 2>&1; }`,
      'cli; rc=$?',
      // Node itself killed by a signal before the CLI printed its first line is not a conformance result: say so
      // with the kernel's account of the crash (faulting address, ip, object) and try once more.
      'if [ $rc -ge 128 ] && ! grep -q "^conformance: target" /tmp/out.txt; then',
      '  echo "conformance-in-guest: node died before the CLI started (exit $rc): $(head -c 200 /tmp/out.txt)"',
      '  dmesg | grep -iE "segfault|traps:|general protection|invalid opcode" | tail -5 | sed "s/^/conformance-in-guest: kernel: /"',
      '  echo "conformance-in-guest: running the CLI again (once)"',
      '  cli; rc=$?',
      'fi',
      // Not straight to the tty: the CLI's progress line misbehaves on a tty with 0 columns.
      'echo "conformance-in-guest: exit $rc, $(wc -c < /tmp/out.txt) bytes of output"',
      'cat /tmp/out.txt > /dev/ttyS1',
      'echo "UMCG-CONFORMANCE-EXIT $rc" > /dev/ttyS1',
      'sync',
      'poweroff -f',
      '',
    ].join('\n');
    const initramfs = buildInitramfs({ init });
    const t0 = Date.now();
    const boot = await bootGuest({
      kernel: bzImage,
      initramfs,
      tapFrom: 'ttyS1',
      memoryMb: Number(process.env.UMCG_GUEST_MEM ?? 2048),
      timeoutMs: Number(process.env.UMCG_GUEST_TIMEOUT ?? 1800) * 1000,
      extraQemuArgs: [
        '-virtfs',
        `local,path=${repo},mount_tag=repo,security_model=none,readonly=on,id=fs0`,
        '-virtfs',
        `local,path=${nodeDir},mount_tag=nodefs,security_model=none,readonly=on,id=fs1`,
      ],
      onLine: (l) => {
        if (/9p mount|Kernel panic|BUG|WARNING|conformance-in-guest|not found|No such/.test(l))
          process.stderr.write(`guest: ${l}\n`);
      },
    });
    const out = (boot.serial1 ?? '').replace(/\r/g, '');
    process.stdout.write(out.replace(/^UMCG-CONFORMANCE-EXIT.*$/m, ''));
    const m = /UMCG-CONFORMANCE-EXIT (\d+)/.exec(out);
    process.stderr.write(
      `conformance-in-guest: guest CLI exit ${m?.[1] ?? '(none)'}, ${((Date.now() - t0) / 1000).toFixed(1)} s (ready at ${boot.readyMs ?? '?'} ms)` +
        `${boot.findings.length ? `; console: ${boot.findings.map((f) => f.text).join(' | ')}` : ''}\n`,
    );
    if (m === null) {
      process.stderr.write(
        `the guest did not finish the run; console tail:\n${boot.console.split('\n').slice(-20).join('\n')}\n`,
      );
      return 255;
    }
    if (boot.findings.length > 0 && m[1] === '0') {
      // A WARN, BUG or lockdep report while the traces ran fails the run even if every observation was allowed.
      process.stderr.write(
        'conformance-in-guest: the kernel reported a problem on the console (above): failing\n',
      );
      return 1;
    }
    return Number(m[1]);
  } finally {
    rmSync(nodeDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
