import { kernelArtifacts } from './artifacts.js';
import { buildInitramfs } from './boot/initramfs.js';
import { type BootResult, bootGuest } from './boot/qemu.js';
import { BENCH_PROGRAM, buildSelftests, SELFTESTS } from './selftests.js';

/** One program to run in the guest, reported as one top-level TAP result. */
export interface GuestProgram {
  /** Program name (basename in `/bin`). */
  name: string;
  /** Host path of the static executable. */
  path: string;
  /** Arguments. */
  args?: readonly string[];
  /** Per-program timeout inside the guest, seconds (default 120). */
  timeoutSec?: number;
}

/**
 * The guest `/init`: mount the pseudo file systems, print the ready marker on
 * the console, run each program with its output as kselftest-style nested TAP
 * on ttyS1 (one top-level `ok`/`not ok` per program, from its exit code),
 * then power off.
 */
export function guestInit(programs: readonly GuestProgram[]): string {
  const lines = [
    '#!/bin/busybox sh',
    '/bin/busybox --install -s /bin',
    'mount -t proc proc /proc',
    'mount -t sysfs sys /sys',
    'mount -t devtmpfs dev /dev 2>/dev/null',
    'echo UMCG-GUEST-READY',
    'stty -F /dev/ttyS1 raw -echo 2>/dev/null',
    'exec 3>/dev/ttyS1',
    'echo "TAP version 13" >&3',
    `echo "1..${programs.length}" >&3`,
  ];
  programs.forEach((p, i) => {
    const args = (p.args ?? []).map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    lines.push(
      `echo "# selftests: umcg: ${p.name}" >&3`,
      `echo "umcg-guest: running ${p.name}"`,
      `{ timeout -s KILL ${p.timeoutSec ?? 120} /bin/${p.name} ${args}; echo $? > /tmp/rc; } 2>&1 | sed 's/^/# /' >&3`,
      'rc=$(cat /tmp/rc)',
      `if [ "$rc" = 0 ]; then r="ok ${i + 1} selftests: umcg: ${p.name}"; else r="not ok ${i + 1} selftests: umcg: ${p.name} # exit=$rc"; fi`,
      'echo "$r" >&3',
      'echo "umcg-guest: $r"',
    );
  });
  lines.push('echo UMCG-GUEST-DONE', 'sync', 'poweroff -f', '');
  return lines.join('\n');
}

/** Options of {@link runInGuest}. */
export interface RunInGuestOptions {
  /** bzImage (default: the cached reference kernel, see kernelArtifacts()). */
  kernel?: string;
  smp?: number;
  memoryMb?: number;
  timeoutMs?: number;
  onLine?: (line: string) => void;
}

/** Boot the guest and run `programs` in it; TAP comes from ttyS1, the verdict also checks the console. */
export async function runInGuest(
  programs: readonly GuestProgram[],
  opts: RunInGuestOptions = {},
): Promise<BootResult> {
  const kernel = opts.kernel ?? kernelArtifacts().bzImage;
  const initramfs = buildInitramfs({ binaries: programs.map((p) => p.path), init: guestInit(programs) });
  return bootGuest({
    kernel,
    initramfs,
    smp: opts.smp ?? 2,
    memoryMb: opts.memoryMb ?? 512,
    timeoutMs: opts.timeoutMs ?? 300_000,
    tapFrom: 'ttyS1',
    ...(opts.onLine ? { onLine: opts.onLine } : {}),
  });
}

/** Options of {@link runSelftestsInGuest}. */
export interface SelftestOptions extends RunInGuestOptions {
  /** Duration of the stress test, seconds (default 12; at least 10 for acceptance). */
  stressSeconds?: number;
}

/** Build the selftests and run all of them in one guest boot. */
export async function runSelftestsInGuest(opts: SelftestOptions = {}): Promise<BootResult> {
  const bins = buildSelftests();
  const programs: GuestProgram[] = SELFTESTS.map((name) => ({
    name,
    path: bins[name] ?? '',
    ...(name === 'umcg_stress' ? { args: [String(opts.stressSeconds ?? 12)] } : {}),
  }));
  return runInGuest(programs, opts);
}

/** One benchmark figure set printed by `umcg_bench`. */
export interface BenchFigures {
  mode: string;
  iterations: number;
  umcgRoundTripNs: number;
  futexRoundTripNs: number;
  /** UMCG round trip / futex round trip. */
  ratio: number;
}

/** Parse the `BENCH key=value ...` lines of `umcg_bench`. */
export function parseBench(text: string): BenchFigures[] {
  const out: BenchFigures[] = [];
  for (const line of text.split('\n')) {
    const m = /BENCH (.*)$/.exec(line);
    if (!m?.[1]) continue;
    const kv = Object.fromEntries(
      m[1]
        .trim()
        .split(/\s+/)
        .map((p) => p.split('=') as [string, string]),
    );
    out.push({
      mode: kv.mode ?? '?',
      iterations: Number(kv.iterations),
      umcgRoundTripNs: Number(kv.umcg_rt_ns),
      futexRoundTripNs: Number(kv.futex_rt_ns),
      ratio: Number(kv.ratio),
    });
  }
  return out;
}

/** Run the round-trip benchmark in the guest (free placement, then both threads on one CPU). */
export async function runBenchInGuest(
  opts: RunInGuestOptions & { iterations?: number } = {},
): Promise<{ boot: BootResult; figures: BenchFigures[] }> {
  const bins = buildSelftests();
  const path = bins[BENCH_PROGRAM] ?? '';
  const n = String(opts.iterations ?? 20000);
  const boot = await runInGuest(
    [
      { name: BENCH_PROGRAM, path, args: [n, '0'] },
      { name: BENCH_PROGRAM, path, args: [n, '1'] },
    ],
    opts,
  );
  return { boot, figures: parseBench(boot.serial1 ?? '') };
}
