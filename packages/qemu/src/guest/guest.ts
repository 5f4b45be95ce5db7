/**
 * One running guest: QEMU booted through `@umcg/kernel`'s `bootGuest` with an extra chardev for the protocol
 * channel, the executor answering request lines with JSON lines. The guest runs many traces; it is dead after a
 * kernel panic (QEMU exits: `-no-reboot`), a hang (no answer in time: we kill QEMU) or the executor exiting, and
 * tainted after a WARN, BUG or lockdep report (it keeps running but the pool replaces it).
 * @module
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineSplitter, parseResponseLine } from '../channel/lineSplitter.js';
import { connectUnixSocket } from '../channel/unixSocket.js';
import { type BootResult, bootGuest, type ConsoleFinding, classifyLine } from '../internal/kernel.js';
import { crashDetail, findingsHeadline } from './crashReport.js';
import { type ChannelKind, EXIT_MARKER, READY_MARKER, UNAME_MARKER, VIRTIO_PORT_NAME } from './init.js';

/** How to boot a guest. */
export interface GuestConfig {
  /** bzImage. */
  readonly kernel: string;
  /** initramfs built by `buildGuestImage` for the same `channel`. */
  readonly initramfs: string;
  /** Protocol channel. */
  readonly channel: ChannelKind;
  /** vCPUs. */
  readonly smp: number;
  /** Guest RAM, MiB. */
  readonly memoryMb: number;
  /** `tcg` or `kvm`. */
  readonly accel: string;
  /** Boot to first protocol answer, ms. */
  readonly bootTimeoutMs: number;
  /** Extra kernel command line. */
  readonly append?: string;
  /** Called with each console line. */
  readonly onConsoleLine?: (line: string) => void;
  /** Request lines sent before the first `probe` (e.g. a `config` line with other syscall numbers). */
  readonly preamble?: readonly string[];
}

/** What a request gave. */
export type GuestReply =
  /** An answer; `findings` are console findings (WARN, BUG, lockdep, ...) seen while it ran: the guest is tainted. */
  | {
      readonly kind: 'response';
      readonly value: { id: string } & Record<string, unknown>;
      readonly findings: readonly ConsoleFinding[];
      readonly detail?: string;
      /** The kernel's `umcg:` console lines printed while the request ran (why it killed a process). */
      readonly kernelLog?: readonly string[];
    }
  /** The guest died or hung; `detail` carries the console. */
  | { readonly kind: 'crashed'; readonly cause: string; readonly detail: string };

type Answer = { id: string } & Record<string, unknown>;
/** The one request in flight: settled by its answer, the guest's death, or its timer. */
type Waiter = { id: string; settle: (v: Answer | 'dead' | 'hang') => void };

/** The UMCG lines of the kernel among console `lines`, without the printk timestamp. */
export function umcgLines(lines: readonly string[]): string[] {
  return lines.map((l) => l.replace(/^\[\s*\d+\.\d+\]\s*/, '')).filter((l) => l.startsWith('umcg: '));
}

/** A booted guest with an open protocol channel. */
export class Guest {
  /** Wall time from QEMU start to the first protocol answer (`probe`), ms. */
  bootMs = 0;
  /** The executor's `probe` answer. */
  probe: { id: string } & Record<string, unknown> = { id: 'probe' };
  /** `uname -r` of the guest, as `/init` printed it. */
  release = '';
  /** Console lines so far. */
  readonly consoleLines: string[] = [];
  /** Console findings printed while the guest booted (before the executor's first answer). */
  bootFindings: ConsoleFinding[] = [];
  /** Findings not yet attributed to a request. */
  private pendingFindings: ConsoleFinding[] = [];
  private socket: Socket | undefined;
  private readonly splitter = new LineSplitter();
  private waiter: Waiter | undefined;
  private exited = false;
  private result: Promise<BootResult> | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'umcg-qemu-'));
  private tainted = false;

  private readonly config: GuestConfig;

  private constructor(config: GuestConfig) {
    this.config = config;
  }

  /** Boots a guest and waits for the executor's first answer. */
  static async boot(config: GuestConfig): Promise<Guest> {
    const g = new Guest(config);
    await g.start();
    return g;
  }

  /** Whether the guest can take another request (alive and not tainted by a console finding). */
  get usable(): boolean {
    return !this.exited && !this.tainted && this.socket !== undefined && !this.socket.destroyed;
  }

  private async start(): Promise<void> {
    const sock = join(this.dir, 'umcg.sock');
    const pidfile = join(this.dir, 'qemu.pid');
    const chardev = `socket,id=umcg0,path=${sock},server=on,wait=on`;
    const channelArgs =
      this.config.channel === 'virtio'
        ? [
            '-device',
            'virtio-serial-pci',
            '-chardev',
            chardev,
            '-device',
            `virtserialport,chardev=umcg0,name=${VIRTIO_PORT_NAME}`,
          ]
        : ['-chardev', chardev, '-serial', 'chardev:umcg0'];
    const t0 = Date.now();
    this.result = bootGuest({
      kernel: this.config.kernel,
      initramfs: this.config.initramfs,
      smp: this.config.smp,
      memoryMb: this.config.memoryMb,
      accel: this.config.accel,
      timeoutMs: 24 * 3600_000, // we kill it ourselves on a hang
      tapFrom: 'none',
      readyMarker: READY_MARKER,
      extraQemuArgs: [...channelArgs, '-pidfile', pidfile],
      ...(this.config.append === undefined ? {} : { append: this.config.append }),
      onLine: (line) => this.onConsole(line),
    });
    this.result.then(
      () => this.onExit(),
      () => this.onExit(),
    );
    const bootDeadline = t0 + this.config.bootTimeoutMs;
    try {
      this.socket = await connectUnixSocket(
        sock,
        Math.min(10_000, this.config.bootTimeoutMs),
        () => !this.exited,
      );
    } catch (e) {
      const r = await this.kill();
      throw new Error(
        `${(e as Error).message}\n${r ? crashDetail(`QEMU: ${r.argv.join(' ')}`, r.console.split('\n')) : ''}`,
      );
    }
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('close', () => this.onExit());
    this.socket.on('error', () => this.onExit());
    // The executor may open its device after our first bytes arrive (a UART drops them): ask until it answers.
    let probe: Answer | undefined;
    if (this.config.preamble !== undefined && this.config.preamble.length > 0)
      this.write(this.config.preamble);
    while (probe === undefined && !this.exited && Date.now() < bootDeadline) {
      const got = await this.exchange(
        ['probe'],
        'probe',
        Math.min(500, Math.max(1, bootDeadline - Date.now())),
      );
      if (got !== 'dead' && got !== 'hang') probe = got;
    }
    this.waiter = undefined;
    if (probe === undefined) {
      const why = this.exited
        ? 'the guest exited before the executor answered'
        : `no answer from the executor within ${this.config.bootTimeoutMs} ms`;
      const r = await this.kill();
      throw new Error(
        crashDetail(`guest boot failed: ${why}`, r ? r.console.split('\n') : this.consoleLines),
      );
    }
    this.probe = probe;
    // Trouble printed while booting belongs to the kernel's boot, not to the first trace.
    this.bootFindings = this.pendingFindings.splice(0);
    this.bootMs = Date.now() - t0;
  }

  private onConsole(line: string): void {
    this.consoleLines.push(line);
    if (line.startsWith(`${UNAME_MARKER} `)) this.release = line.slice(UNAME_MARKER.length + 1).trim();
    const kind = classifyLine(line);
    if (kind !== undefined) this.pendingFindings.push({ kind, line: this.consoleLines.length, text: line });
    this.config.onConsoleLine?.(line);
  }

  private onData(chunk: Buffer): void {
    for (const line of this.splitter.push(chunk)) {
      const r = parseResponseLine(line);
      if (r !== undefined && this.waiter !== undefined && r.id === this.waiter.id) this.waiter.settle(r);
    }
  }

  private onExit(): void {
    if (this.exited) return;
    this.exited = true;
    this.waiter?.settle('dead');
  }

  private write(lines: readonly string[]): void {
    this.socket?.write(`${lines.join('\n')}\n`);
  }

  /** Writes `lines` and waits for the answer `id`, the guest's death or `timeoutMs`, whichever comes first. */
  private exchange(
    lines: readonly string[],
    id: string,
    timeoutMs: number,
  ): Promise<Answer | 'dead' | 'hang'> {
    if (this.exited) return Promise.resolve('dead');
    return new Promise((resolve) => {
      const timer = setTimeout(() => w.settle('hang'), timeoutMs);
      const w: Waiter = {
        id,
        settle: (v) => {
          clearTimeout(timer);
          if (this.waiter === w) this.waiter = undefined;
          resolve(v);
        },
      };
      this.waiter = w;
      this.write(lines);
    });
  }

  /**
   * Sends the request `lines` and waits for the answer whose `id` is `id`, at most `timeoutMs`. A guest that dies
   * or does not answer gives `crashed` (and is dead afterwards).
   */
  async request(lines: readonly string[], id: string, timeoutMs: number): Promise<GuestReply> {
    if (!this.usable) return { kind: 'crashed', cause: 'dead', detail: 'the guest is not running' };
    const before = this.consoleLines.length;
    const got = await this.exchange(lines, id, timeoutMs);
    if (got === 'hang') {
      const r = await this.kill();
      const log = r ? r.console.split('\n') : this.consoleLines;
      return {
        kind: 'crashed',
        cause: 'hang',
        detail: crashDetail(
          `hang: no answer from the guest within ${timeoutMs} ms (QEMU killed)`,
          log.slice(Math.max(0, before - 5)),
        ),
      };
    }
    if (got === 'dead') {
      const r = await this.result?.catch(() => undefined);
      const log = r ? r.console.split('\n') : this.consoleLines;
      const findings = r?.findings ?? this.pendingFindings;
      const exit = log.find((l) => l.startsWith(EXIT_MARKER));
      const headline =
        findings.length > 0
          ? findingsHeadline(findings)
          : exit !== undefined
            ? `the executor exited (${exit})`
            : 'the guest exited';
      return {
        kind: 'crashed',
        cause: findings.length > 0 ? (r?.verdict ?? 'panic') : 'exit',
        detail: crashDetail(headline, log.slice(Math.max(0, before - 5))),
      };
    }
    // Give printk a moment: a WARN printed by the kernel path that finished the request arrives with or just after it.
    await sleep(5);
    const findings = this.pendingFindings.splice(0);
    const umcg = umcgLines(this.consoleLines.slice(before));
    const kernelLog = umcg.length > 0 ? { kernelLog: umcg } : {};
    if (findings.length === 0) return { kind: 'response', value: got, findings, ...kernelLog };
    this.tainted = true;
    // Printed before this request was sent: the previous trace's kernel paths are the likelier cause.
    const earlier = findings.every((f) => f.line <= before)
      ? 'before this trace started (after the previous one): '
      : '';
    const from = Math.max(0, Math.min(before, ...findings.map((f) => f.line - 1)) - 5);
    return {
      kind: 'response',
      value: got,
      findings,
      detail: crashDetail(`${earlier}${findingsHeadline(findings)}`, this.consoleLines.slice(from)),
      ...kernelLog,
    };
  }

  /** Closes the channel (the executor exits, `/init` powers off) and waits for QEMU; kills it after `graceMs`. */
  async shutdown(graceMs = 5_000): Promise<BootResult | undefined> {
    if (!this.exited) {
      this.socket?.end();
      const done = await Promise.race([this.result?.then(() => true), sleep(graceMs).then(() => false)]);
      if (!done) return this.kill();
    }
    return this.finish();
  }

  /** Kills QEMU at once and returns what `bootGuest` collected. */
  async kill(): Promise<BootResult | undefined> {
    if (!this.exited) {
      try {
        const pid = Number(readFileSync(join(this.dir, 'qemu.pid'), 'utf8').trim());
        if (pid > 0) process.kill(pid, 'SIGKILL');
      } catch {
        // no pid file yet: QEMU never got as far as creating it, or is already gone
      }
    }
    return this.finish();
  }

  private async finish(): Promise<BootResult | undefined> {
    this.socket?.destroy();
    const r = await Promise.race([this.result?.catch(() => undefined), sleep(15_000)]);
    rmSync(this.dir, { recursive: true, force: true });
    return r;
  }
}

const sleep = (ms: number): Promise<undefined> => new Promise((r) => setTimeout(() => r(undefined), ms));
