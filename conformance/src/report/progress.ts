/**
 * Progress of a long run on stderr, drawn by `cli-progress`: on a terminal a live bar (stage, traces done, rate,
 * failures so far, ETA); when stderr is not a terminal (CI logs) the same line every few seconds.
 * @module
 */
import { clearLine, cursorTo } from 'node:readline';
import { SingleBar } from 'cli-progress';

/** The progress display. */
export interface Progress {
  /** `done` of `total` items of stage `label`, with `failures` so far in the session. */
  tick(done: number, total: number, label: string, failures?: number): void;
  /** Erases the bar line so a result line can be printed (the bar is redrawn at the next tick). */
  clear(): void;
  /** Stops the display for good (no timer left behind). */
  stop(): void;
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** The stream (default stderr). */
  readonly stream?: NodeJS.WriteStream;
  /** Whether to draw at all (default true). */
  readonly enabled?: boolean;
  /** Interval of the plain lines when the stream is not a terminal (default 5000 ms). */
  readonly lineEveryMs?: number;
}

const FORMAT = '{stage} [{bar}] {value}/{total} | {rate}/s | failures {failures} | ETA {eta_formatted}';

/** Creates the progress display (a no-op when `enabled` is false). */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.enabled === false) return { tick() {}, clear() {}, stop() {} };
  const tty = stream.isTTY === true;
  const bar = new SingleBar({
    stream,
    format: FORMAT,
    barsize: 24,
    hideCursor: false,
    clearOnComplete: true,
    stopOnComplete: false,
    gracefulExit: false,
    forceRedraw: true,
    noTTYOutput: true,
    notTTYSchedule: options.lineEveryMs ?? 5000,
    etaBuffer: 50,
    fps: 5,
  });
  let stage: string | undefined;
  let started = 0;
  let running = false;
  return {
    tick(done, total, label, failures = 0) {
      if (total <= 0) return;
      const rate = (): string => {
        const s = (Date.now() - started) / 1000;
        return s > 0 ? (done / s).toFixed(1) : '0.0';
      };
      if (label !== stage || !running) {
        if (running) bar.stop();
        stage = label;
        started = Date.now();
        bar.start(total, done, { stage: label, rate: '0.0', failures });
        running = true;
        return;
      }
      bar.setTotal(total);
      bar.update(done, { stage: label, rate: rate(), failures });
    },
    clear() {
      if (running && tty) {
        clearLine(stream, 0);
        cursorTo(stream, 0);
      }
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
