/** Kinds of kernel trouble the console classifier recognises, most severe first. */
export type ConsoleFindingKind = 'panic' | 'oops' | 'lockdep' | 'bug' | 'warn';

/** One console line that reports kernel trouble. */
export interface ConsoleFinding {
  kind: ConsoleFindingKind;
  /** 1-based line number in the console log. */
  line: number;
  text: string;
}

/** Patterns per kind; checked in this order, the first match wins for a line. */
export const CONSOLE_PATTERNS: ReadonlyArray<readonly [ConsoleFindingKind, RegExp]> = [
  ['panic', /Kernel panic - not syncing/],
  ['oops', /\bOops[:\s]|general protection fault|BUG: unable to handle|BUG: kernel NULL pointer dereference/],
  [
    'lockdep',
    /possible (circular|recursive) locking|inconsistent lock state|possible irq lock inversion|suspicious RCU usage|lock held when returning to user|bad unlock balance|held lock freed|DEBUG_LOCKS_WARN_ON|lockdep is turned off|INFO: possible .* dependency|circular locking dependency/,
  ],
  ['bug', /\bBUG:|kernel BUG at|scheduling while atomic|sleeping function called from invalid context/],
  ['warn', /WARNING: CPU: |------------\[ cut here \]------------|\bWARNING: at /],
];

/** Classify one line; `undefined` when it reports nothing wrong. */
export function classifyLine(text: string): ConsoleFindingKind | undefined {
  for (const [kind, re] of CONSOLE_PATTERNS) if (re.test(text)) return kind;
  return undefined;
}

/** Every line of a console log that reports a panic, oops, lockdep splat, BUG or WARN. */
export function classifyConsole(log: string): ConsoleFinding[] {
  const out: ConsoleFinding[] = [];
  log.split('\n').forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    const kind = classifyLine(text);
    if (kind) out.push({ kind, line: i + 1, text });
  });
  return out;
}
