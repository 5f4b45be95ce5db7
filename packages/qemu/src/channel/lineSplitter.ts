/**
 * Framing of the host<->guest channel: the executor speaks one JSON object per line. Chunks arrive split anywhere
 * (a serial port delivers a few bytes at a time), possibly with `\r\n` line ends (a tty in cooked mode) and,
 * on a UART, stray bytes before the first complete line; this turns them back into whole lines.
 * @module
 */

/** Accumulates chunks and yields complete lines (without the line end). */
export class LineSplitter {
  private pending = '';
  private readonly decoder = new TextDecoder('utf-8');

  /** Feeds a chunk; returns the lines it completed, in order (empty lines dropped). */
  push(chunk: Uint8Array | string): string[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const parts = this.pending.split('\n');
    this.pending = parts.pop() ?? '';
    return parts.map((l) => l.replace(/\r+$/, '')).filter((l) => l.length > 0);
  }

  /** The incomplete tail (bytes after the last line end). */
  get rest(): string {
    return this.pending;
  }
}

/**
 * Parses a response line: the JSON object, or `undefined` for a line that is not one (noise on a serial line,
 * a partial line after a reset). The object must have a string `id`.
 */
export function parseResponseLine(line: string): ({ id: string } & Record<string, unknown>) | undefined {
  const start = line.indexOf('{');
  if (start < 0) return undefined;
  try {
    const v = JSON.parse(line.slice(start)) as unknown;
    if (typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string') {
      return v as { id: string } & Record<string, unknown>;
    }
  } catch {
    // not a response
  }
  return undefined;
}
