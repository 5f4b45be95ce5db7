/**
 * Reading traces and litmus tests from files by extension: `.trace` (text), `.json` (JSON form), `.litmus`.
 * @module
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { traceFromJson } from './json.js';
import { parseLitmus } from './litmus.js';
import { parseTrace } from './parse.js';
import type { LitmusTest, Trace } from './types.js';

/** Parses a trace from text according to the file's extension (`.json`: JSON form, else text form). */
export function parseTraceFile(text: string, file: string): Trace {
  return file.endsWith('.json') ? traceFromJson(text, file) : parseTrace(text, file);
}

/** Reads and parses a trace file. */
export async function loadTrace(file: string): Promise<Trace> {
  return parseTraceFile(await readFile(file, 'utf8'), file);
}

/** Reads and parses a litmus file. */
export async function loadLitmus(file: string): Promise<LitmusTest> {
  return parseLitmus(await readFile(file, 'utf8'), file);
}

/** The files of `dir` with one of the extensions, sorted by name (not recursive). */
export async function listFiles(dir: string, extensions: readonly string[]): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => extensions.some((e) => n.endsWith(e)))
    .sort()
    .map((n) => join(dir, n));
}
