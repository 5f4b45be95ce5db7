/**
 * The one atomic file writer of the package: write a temporary file in the same directory, then rename it over
 * the destination, so a reader never sees a half-written file (run directories, expectations, the failure
 * store, HTML reports).
 * @module
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** Writes `content` to `file` atomically, creating the directory; the temporary file is removed on error. */
export async function writeAtomic(file: string, content: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${counter++}.tmp`);
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
