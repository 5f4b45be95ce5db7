import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** Where Debian's busybox-static installs the static busybox binary. */
export const DEFAULT_BUSYBOX = '/bin/busybox';

/** Inputs of {@link buildInitramfs}. */
export interface InitramfsOptions {
  /** Host paths of (static) executables, copied to `/bin/<basename>`. */
  binaries?: readonly string[];
  /** Text of `/init` (a busybox `sh` script unless it has another `#!`). */
  init: string;
  /** Extra files: guest path -> contents (string) or `{ from: hostPath }`; modes 0755 for `/bin/*`, else 0644. */
  extraFiles?: Readonly<Record<string, string | { from: string }>>;
  /** Static busybox to install as `/bin/busybox` (default {@link DEFAULT_BUSYBOX}). */
  busybox?: string;
  /** Output file (default: a new file in a temporary directory). */
  out?: string;
}

/**
 * Build a gzip-compressed newc cpio initramfs with busybox, the given binaries,
 * `/init` and extra files. Returns the path of the `.cpio.gz`.
 */
export function buildInitramfs(opts: InitramfsOptions): string {
  const busybox = opts.busybox ?? DEFAULT_BUSYBOX;
  if (!existsSync(busybox)) {
    throw new Error(
      `static busybox not found at ${busybox}; install it with: apt-get install -y --no-install-recommends busybox-static`,
    );
  }
  const root = mkdtempSync(join(tmpdir(), 'umcg-initramfs-'));
  try {
    for (const d of ['bin', 'dev', 'proc', 'sys', 'tmp', 'mnt'])
      mkdirSync(join(root, d), { recursive: true });
    copyFileSync(busybox, join(root, 'bin/busybox'));
    chmodSync(join(root, 'bin/busybox'), 0o755);
    for (const b of opts.binaries ?? []) {
      const dst = join(root, 'bin', basename(b));
      copyFileSync(b, dst);
      chmodSync(dst, 0o755);
    }
    const init = opts.init.startsWith('#!') ? opts.init : `#!/bin/busybox sh\n${opts.init}`;
    writeFileSync(join(root, 'init'), init, { mode: 0o755 });
    for (const [guestPath, content] of Object.entries(opts.extraFiles ?? {})) {
      const dst = join(root, guestPath.replace(/^\/+/, ''));
      mkdirSync(dirname(dst), { recursive: true });
      if (typeof content === 'string') writeFileSync(dst, content);
      else copyFileSync(content.from, dst);
      chmodSync(dst, guestPath.startsWith('/bin/') ? 0o755 : 0o644);
    }
    const out = opts.out ?? join(mkdtempSync(join(tmpdir(), 'umcg-ird-')), 'initramfs.cpio.gz');
    mkdirSync(dirname(out), { recursive: true });
    const r = spawnSync(
      'sh',
      [
        '-c',
        'find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc --quiet --owner=0:0 | gzip -1 > "$1"',
        'sh',
        out,
      ],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`cpio failed (is cpio installed?): ${r.stderr || r.error?.message}`);
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
