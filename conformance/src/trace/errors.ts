/**
 * The error every parser of this package throws on bad input: it names `file:line:col` and what was expected.
 * @module
 */

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
    super(`${file}:${line}:${col}: ${detail}`);
    this.name = 'TraceSyntaxError';
    this.file = file;
    this.line = line;
    this.col = col;
    this.detail = detail;
  }
}
