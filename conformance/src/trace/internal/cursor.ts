/**
 * A scanner over one line of input that tracks the column and throws `TraceSyntaxError`s naming what was expected.
 * @module
 */
import { TraceSyntaxError } from '../errors.js';

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /0[xX][0-9a-fA-F]+|[0-9]+/y;

/** Cursor over `text` (line `line` of `file`); `base` is the 0-based column where `text` starts in the line. */
export class Cursor {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly base: number;
  pos = 0;

  constructor(file: string, line: number, text: string, base = 0) {
    this.file = file;
    this.line = line;
    this.text = text;
    this.base = base;
  }

  /** Skips spaces and tabs. */
  ws(): void {
    while (this.pos < this.text.length && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t'))
      this.pos++;
  }

  /** Skips whitespace and returns the position (the column to report for what comes next). */
  mark(): number {
    this.ws();
    return this.pos;
  }

  /** Whether only whitespace is left. */
  atEnd(): boolean {
    this.ws();
    return this.pos >= this.text.length;
  }

  /** The next non-blank character, without consuming it. */
  peek(): string {
    this.ws();
    return this.text[this.pos] ?? '';
  }

  /** What is at the cursor, for messages. */
  found(): string {
    this.ws();
    if (this.pos >= this.text.length) return 'end of line';
    const word = /\S+/y;
    word.lastIndex = this.pos;
    return `'${word.exec(this.text)?.[0] ?? this.text[this.pos]}'`;
  }

  /** An error at the cursor (or at `at`) saying what was expected. */
  fail(expected: string, at = this.pos): TraceSyntaxError {
    const save = this.pos;
    this.pos = at;
    const found = this.found();
    this.pos = save;
    return new TraceSyntaxError(
      this.file,
      this.line,
      this.base + at + 1,
      `expected ${expected}, found ${found}`,
    );
  }

  /** An error with a free message at `at`. */
  error(message: string, at = this.pos): TraceSyntaxError {
    return new TraceSyntaxError(this.file, this.line, this.base + at + 1, message);
  }

  /** Consumes `s` if it comes next. */
  eat(s: string): boolean {
    this.ws();
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  /** Consumes `s` or throws. */
  expect(s: string, what = `'${s}'`): void {
    if (!this.eat(s)) throw this.fail(what);
  }

  /** Consumes an identifier, or returns undefined. */
  ident(): string | undefined {
    this.ws();
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.text);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  /** Consumes a decimal or hex number, or returns undefined. */
  number(): bigint | undefined {
    this.ws();
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) return undefined;
    const next = this.text[this.pos + m[0].length];
    if (next !== undefined && /[A-Za-z0-9_]/.test(next)) return undefined;
    this.pos += m[0].length;
    return BigInt(m[0]);
  }

  /** Consumes everything left (trimmed). */
  rest(): string {
    const r = this.text.slice(this.pos).trim();
    this.pos = this.text.length;
    return r;
  }
}
