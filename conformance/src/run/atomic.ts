/**
 * Atomic file output: write to a temporary file in the same directory, then rename over the destination.
 * @module
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** Writes `content` to `file` atomically (creating the directory). */
export async function writeAtomic(file: string, content: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${counter++}.tmp`);
  await writeFile(tmp, content);
  await rename(tmp, file);
}
