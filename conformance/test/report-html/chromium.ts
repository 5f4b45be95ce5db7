/** Finding and running headless Chromium for report tests (Debian's `chromium` package). */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The install command printed when Chromium is missing. */
export const INSTALL = 'apt-get install -y --no-install-recommends chromium';

/** Path of the Chromium binary, if installed. */
export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && existsSync(p),
  );
}

/** Runs headless Chromium on `file` with extra arguments; resolves with stdout and stderr. */
export async function runChromium(
  bin: string,
  file: string,
  extra: string[],
): Promise<{ stdout: string; stderr: string }> {
  const profile = await mkdtemp(join(tmpdir(), 'umcg-chromium-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    ...extra,
    `file://${file}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: 60_000, maxBuffer: 32 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${bin} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}
