/**
 * The spec's version and public address, both read from `spec/package.json`: `version` (bumped by changesets) and
 * `repository.url` (the one setting that turns SPEC.md references into absolute permalinks; empty = none).
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');

interface SpecPackage {
  readonly version: string;
  readonly repository?: string | { readonly url?: string };
}

const pkg = (): SpecPackage => JSON.parse(readFileSync(pkgFile, 'utf8')) as SpecPackage;

/** The spec's version (`spec/package.json`). */
export function specVersion(): string {
  return pkg().version;
}

/** The public repository URL (`https://...`, without `.git` or `git+`), or undefined when none is configured. */
export function repositoryUrl(): string | undefined {
  const r = pkg().repository;
  const url = (typeof r === 'string' ? r : r?.url)?.trim();
  if (!url) return undefined;
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/**
 * A permalink to a rule in SPEC.md at the current version: `<repo>/blob/<tag>/spec/SPEC.md#<id>` where the tag is the
 * one changesets creates (`@umcg/spec@<version>`); the relative `spec/SPEC.md#<id>` when no URL is configured.
 */
export function rulePermalink(id: string): { readonly url: string; readonly absolute: boolean } {
  const base = repositoryUrl();
  if (!base) return { url: `spec/SPEC.md#${id}`, absolute: false };
  const tag = encodeURIComponent(`@umcg/spec@${specVersion()}`);
  return { url: `${base}/blob/${tag}/spec/SPEC.md#${id}`, absolute: true };
}
