/**
 * The error every parser of this package throws on bad input: it names `file:line:col` and what was expected.
 * @module
 */

/** Longest quoted token an error message repeats in full. */
const MAX_QUOTED = 200;

/**
 * `detail` with every quoted token ('...') longer than ~200 characters cut, saying how long it was: a 1 MB line
 * must not print megabytes.
 */
export function clipQuoted(detail: string): string {
  return detail.replace(/'([^']*)'/g, (all, token: string) =>
    token.length <= MAX_QUOTED ? all : `'${token.slice(0, MAX_QUOTED)}…' (${token.length} characters)`,
  );
}

/** A syntax or validation error at a position of an input file. */
export class TraceSyntaxError extends Error {
  /** File name as given to the parser (`<input>` when parsing a string). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly col: number;
  /** The message without the position prefix. */
  readonly detail: string;

  constructor(file: string, line: number, col: number, detail: string) {
    detail = clipQuoted(detail);
    super(`${file}:${line}:${col}: ${detail}`);
    this.name = 'TraceSyntaxError';
    this.file = file;
    this.line = line;
    this.col = col;
    this.detail = detail;
  }
}
