import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConsoleFinding, classifyConsole } from './console.js';
import { parseTap, type TapReport } from './tap.js';
import { decideVerdict, type Verdict } from './verdict.js';

/** The QEMU binary used by {@link bootGuest}. */
export const QEMU = 'qemu-system-x86_64';

/** Inputs of {@link bootGuest}. */
export interface BootOptions {
  /** bzImage to boot. */
  kernel: string;
  /** initramfs (`.cpio.gz`). */
  initramfs: string;
  /** vCPUs (default 2). */
  smp?: number;
  /** Guest RAM in MiB (default 512). */
  memoryMb?: number;
  /** Kill QEMU after this long and report `hang` (default 180 s). */
  timeoutMs?: number;
  /** Extra kernel command line, appended to the console defaults. */
  append?: string;
  /** Extra QEMU arguments. */
  extraQemuArgs?: readonly string[];
  /** Where TAP is read from: `console` (ttyS0, default) or `ttyS1` (a second UART written to a file). */
  tapFrom?: 'console' | 'ttyS1' | 'none';
  /** Console line marking "init is running" (for the boot time figure; default `UMCG-GUEST-READY`). */
  readyMarker?: string;
  /** Called with each console line as it arrives (e.g. to echo it). */
  onLine?: (line: string) => void;
  /** Accelerator (default `tcg`; KVM does not work on the project's CI machines). */
  accel?: string;
}

/** What {@link bootGuest} observed. */
export interface BootResult {
  verdict: Verdict;
  /** Console (ttyS0) text. */
  console: string;
  /** Text of the second UART when `tapFrom: 'ttyS1'`. */
  serial1?: string;
  /** Parsed TAP (absent with `tapFrom: 'none'`). */
  tap?: TapReport;
  findings: ConsoleFinding[];
  timedOut: boolean;
  /** QEMU's exit code (null if killed). */
  exitCode: number | null;
  /** Wall time from QEMU start to exit, ms. */
  durationMs: number;
  /** Wall time from QEMU start to the ready marker, ms (if seen). */
  readyMs?: number;
  /** The QEMU command line used. */
  argv: string[];
}

const ESC = String.fromCharCode(27);
const TERMINAL_CODES = new RegExp(`${ESC}\\[[0-9;?]*[a-zA-Z]|${ESC}c`, 'g');

/** Remove the terminal control sequences SeaBIOS prints. */
function stripTerminalCodes(s: string): string {
  return s.replace(TERMINAL_CODES, '');
}

/** Boot a kernel + initramfs under QEMU (TCG), collect the console, parse TAP, classify the console. */
export async function bootGuest(opts: BootOptions): Promise<BootResult> {
  for (const f of [opts.kernel, opts.initramfs])
    if (!existsSync(f)) throw new Error(`bootGuest: no such file: ${f}`);
  const tapFrom = opts.tapFrom ?? 'console';
  const dir = mkdtempSync(join(tmpdir(), 'umcg-boot-'));
  const serial1 = join(dir, 'ttyS1.txt');
  const append = ['console=ttyS0', 'panic=-1', 'oops=panic', 'loglevel=6', opts.append ?? '']
    .join(' ')
    .trim();
  const argv = [
    '-accel',
    opts.accel ?? 'tcg',
    '-m',
    String(opts.memoryMb ?? 512),
    '-smp',
    String(opts.smp ?? 2),
    '-kernel',
    opts.kernel,
    '-initrd',
    opts.initramfs,
    '-append',
    append,
    '-display',
    'none',
    '-nodefaults',
    '-no-reboot',
    '-monitor',
    'none',
    '-chardev',
    'stdio,id=con0,signal=off',
    '-serial',
    'chardev:con0',
    ...(tapFrom === 'ttyS1' ? ['-serial', `file:${serial1}`] : []),
    ...(opts.extraQemuArgs ?? []),
  ];
  const marker = opts.readyMarker ?? 'UMCG-GUEST-READY';
  const start = Date.now();
  let readyMs: number | undefined;
  let text = '';
  let pending = '';
  let timedOut = false;
  const child = spawn(QEMU, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const onData = (chunk: Buffer): void => {
    const s = chunk.toString('utf8');
    text += s;
    pending += s;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const raw of parts) {
      const line = raw.replace(/\r$/, '');
      if (readyMs === undefined && line.includes(marker)) readyMs = Date.now() - start;
      opts.onLine?.(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs ?? 180_000);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', (e) =>
      reject(
        new Error(
          `cannot run ${QEMU} (apt-get install -y --no-install-recommends qemu-system-x86): ${e.message}`,
        ),
      ),
    );
    child.on('close', (code) => resolve(code));
  }).finally(() => clearTimeout(timer));
  if (pending) opts.onLine?.(pending);
  const consoleText = stripTerminalCodes(text.replace(/\r/g, ''));
  const s1 =
    tapFrom === 'ttyS1' && existsSync(serial1) ? readFileSync(serial1, 'utf8').replace(/\r/g, '') : undefined;
  rmSync(dir, { recursive: true, force: true });
  const findings = classifyConsole(consoleText);
  const tapText = tapFrom === 'ttyS1' ? (s1 ?? '') : consoleText;
  const tap = tapFrom === 'none' ? undefined : parseTap(tapText);
  const verdict = decideVerdict({ findings, timedOut, ...(tap ? { tap } : {}) });
  return {
    verdict,
    console: consoleText,
    ...(s1 === undefined ? {} : { serial1: s1 }),
    ...(tap ? { tap } : {}),
    findings,
    timedOut,
    exitCode,
    durationMs: Date.now() - start,
    ...(readyMs === undefined ? {} : { readyMs }),
    argv: [QEMU, ...argv],
  };
}
