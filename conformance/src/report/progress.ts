/**
 * A one-line progress indicator on stderr for long runs, only when stderr is a TTY.
 * @module
 */

/** A progress line: `tick(done, total, label)` rewrites it; `clear()` erases it. */
export interface Progress {
  tick(done: number, total: number, label: string): void;
  clear(): void;
}

/** Creates the progress line (a no-op when stderr is not a TTY or `enabled` is false). */
export function createProgress(enabled = true): Progress {
  const tty = enabled && process.stderr.isTTY === true;
  let last = 0;
  return {
    tick(done, total, label) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = process.stderr.columns || 80;
      process.stderr.write(`\r${`[${done}/${total}] ${label}`.slice(0, width - 1).padEnd(width - 1)}`);
    },
    clear() {
      if (tty) process.stderr.write(`\r${' '.repeat((process.stderr.columns || 80) - 1)}\r`);
    },
  };
}
