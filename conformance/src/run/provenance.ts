/**
 * Provenance of a run: spec and suite versions, profile, target name/version/build, seed, command line, host.
 * @module
 */
import { readFileSync } from 'node:fs';
import { hostname, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ProfileId } from '@umcg/spec';
import type { TargetInfo } from '../adapters/contract.js';
import type { Provenance } from './types.js';

function versionOf(rel: string): string {
  try {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Builds the provenance record. */
export function provenance(args: {
  profile: ProfileId;
  target: TargetInfo;
  seed: number;
  command: string;
  startedAt: Date;
  shard?: { index: number; count: number };
  runs?: number;
}): Provenance {
  return {
    specVersion: versionOf('../../../spec/package.json'),
    conformanceVersion: versionOf('../../package.json'),
    profile: args.profile,
    target: { name: args.target.name, version: args.target.version, build: args.target.build },
    seed: args.seed,
    command: args.command,
    startedAt: args.startedAt.toISOString(),
    host: { node: process.version, os: `${process.platform} ${release()}`, host: hostname() },
    ...(args.shard ? { shard: args.shard } : {}),
    ...(args.runs === undefined ? {} : { runs: args.runs }),
  };
}
