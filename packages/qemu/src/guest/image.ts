/**
 * The guest image: an initramfs (built by `@umcg/kernel`'s `buildInitramfs`) with busybox-static, the static
 * executor as `/bin/umcg-exec` and the `/init` of `init.ts`.
 * @module
 */
import { existsSync } from 'node:fs';
import { buildInitramfs } from '../internal/kernel.js';
import { type ChannelKind, initScript } from './init.js';

/** Inputs of {@link buildGuestImage}. */
export interface GuestImageOptions {
  /** Static executor binary (host path). */
  readonly executor: string;
  /** Protocol channel `/init` looks for. */
  readonly channel: ChannelKind;
  /** Output path (default: a new temporary file). */
  readonly out?: string;
}

/** Builds the initramfs; returns its path. */
export function buildGuestImage(opts: GuestImageOptions): string {
  if (!existsSync(opts.executor)) throw new Error(`executor not found: ${opts.executor}`);
  return buildInitramfs({
    init: initScript(opts.channel),
    extraFiles: { '/bin/umcg-exec': { from: opts.executor } },
    ...(opts.out === undefined ? {} : { out: opts.out }),
  });
}
