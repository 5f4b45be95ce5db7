/**
 * Up to N guests shared by concurrent requests. Guests boot in the background (all N at `warm()`, and a
 * replacement as soon as one is thrown away), so a request rarely waits for a boot. A guest that crashed, hung or
 * was tainted by a console finding is thrown away after its request.
 * @module
 */
import { Guest, type GuestConfig, type GuestReply } from '../guest/guest.js';

/** Figures of a pool's life. */
export interface PoolStats {
  /** Guests booted. */
  boots: number;
  /** Boot-to-first-answer time of each boot, ms. */
  bootMs: number[];
  /** Guests discarded after a crash, hang or console finding. */
  discarded: number;
  /** `uname -r` reported by the last booted guest. */
  release: string;
  /** The executor's `probe` answer of the last booted guest. */
  probe: Record<string, unknown> | undefined;
  /** Console findings printed while guests booted (`kind: text`), e.g. a WARN in the kernel's init code. */
  bootFindings: string[];
}

/** How a guest left the pool: shut down (its `/init` ran to the end) or killed (crash, hang, console finding). */
export type GuestRetirement = 'shutdown' | 'killed';

/** Options of a pool beyond its guests' configuration. */
export interface PoolOptions {
  /** Called with every guest once it is gone, e.g. to read what it printed at power-off. */
  readonly onRetired?: (guest: Guest, how: GuestRetirement) => void;
  /** How long a guest may take to power off at `close()` before it is killed, ms (default 5 s). */
  readonly shutdownGraceMs?: number;
}

/** A pool of at most `jobs` guests booted from one configuration. */
export class GuestPool {
  /** Figures so far. */
  readonly stats: PoolStats = {
    boots: 0,
    bootMs: [],
    discarded: 0,
    release: '',
    probe: undefined,
    bootFindings: [],
  };
  private readonly idle: Guest[] = [];
  private readonly all = new Set<Guest>();
  private starting = 0;
  private readonly waiting: Array<() => void> = [];
  private bootError: Error | undefined;
  private closed = false;

  private readonly config: GuestConfig;
  /** Most guests at once. */
  readonly jobs: number;

  private readonly options: PoolOptions;

  constructor(config: GuestConfig, jobs: number, options: PoolOptions = {}) {
    this.config = config;
    this.jobs = Math.max(1, Math.floor(jobs));
    this.options = options;
  }

  /** Starts booting guests up to `jobs` (returns at once; `ready()` waits for the first). */
  warm(): void {
    while (!this.closed && this.all.size + this.starting < this.jobs) this.spawn();
  }

  /** Waits until one guest is up (or the boot failed: then rejects with the reason). */
  async ready(): Promise<void> {
    const g = await this.acquire();
    this.release(g);
  }

  private spawn(): void {
    this.starting++;
    Guest.boot(this.config).then(
      (g) => {
        this.starting--;
        if (this.closed) {
          void g.shutdown().then(() => this.options.onRetired?.(g, 'shutdown'));
          return;
        }
        this.bootError = undefined;
        this.all.add(g);
        this.stats.boots++;
        this.stats.bootMs.push(g.bootMs);
        this.stats.release = g.release;
        this.stats.probe = g.probe;
        for (const f of g.bootFindings) this.stats.bootFindings.push(`${f.kind}: ${f.text}`);
        this.release(g);
      },
      (e: Error) => {
        this.starting--;
        this.bootError = e;
        this.wake();
      },
    );
  }

  private wake(): void {
    for (const w of this.waiting.splice(0)) w();
  }

  private async acquire(): Promise<Guest> {
    for (;;) {
      if (this.closed) throw new Error('the guest pool is closed');
      const g = this.idle.pop();
      if (g !== undefined) {
        if (g.usable) return g;
        await this.discard(g);
        continue;
      }
      if (this.bootError !== undefined && this.all.size === 0 && this.starting === 0) {
        const e = this.bootError;
        this.bootError = undefined; // the next request tries again
        throw e;
      }
      this.warm();
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }

  private release(g: Guest): void {
    this.idle.push(g);
    this.wake();
  }

  private async discard(g: Guest): Promise<void> {
    this.all.delete(g);
    this.stats.discarded++;
    await g.kill();
    this.options.onRetired?.(g, 'killed');
    this.warm();
  }

  /** Runs `fn` on a guest of the pool; a guest left unusable is discarded (and a replacement starts booting). */
  async withGuest<T>(fn: (g: Guest) => Promise<T>): Promise<T> {
    const g = await this.acquire();
    try {
      return await fn(g);
    } finally {
      if (g.usable) this.release(g);
      else await this.discard(g);
    }
  }

  /** Sends one request on some guest. */
  request(lines: readonly string[], id: string, timeoutMs: number): Promise<GuestReply> {
    return this.withGuest((g) => g.request(lines, id, timeoutMs));
  }

  /** Shuts every guest down (closing the channel powers it off) and stops booting new ones. */
  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    const guests = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(
      guests.map(async (g) => {
        await g.shutdown(this.options.shutdownGraceMs);
        this.options.onRetired?.(g, 'shutdown');
      }),
    );
  }
}
