/**
 * The pure-TypeScript fallback: spawns the executor binary, writes the request lines to its stdin and collects
 * its stdout.
 * @module
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { HOST_EXECUTOR, STATIC_EXECUTOR } from './paths.js';
import type { Executor } from './types.js';

/** The executor binary to use: `$UMCG_EXEC`, else the host build, else the static build; undefined if none. */
export function findBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.UMCG_EXEC;
  if (explicit !== undefined && explicit !== '') return existsSync(explicit) ? explicit : undefined;
  return [HOST_EXECUTOR, STATIC_EXECUTOR].find((p) => existsSync(p));
}

/** Runs `requestLines` through the binary at `path`; rejects when it cannot start or exits abnormally. */
export function runBinary(path: string, requestLines: string, timeoutMs = 600_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${path}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new Error(
            `${path} exited with ${signal ?? code}: ${Buffer.concat(err).toString('utf8').slice(0, 500)}`,
          ),
        );
    });
    child.stdin.on('error', () => {});
    child.stdin.end(requestLines.endsWith('\n') ? requestLines : `${requestLines}\n`);
  });
}

/** An executor over the binary at `path`. */
export function binaryExecutor(path: string): Executor {
  return { kind: 'binary', path, runLines: (lines) => runBinary(path, lines) };
}
