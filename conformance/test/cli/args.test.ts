import { describe, expect, it } from 'vitest';
import { parseArgs, parseTimeout } from '../../src/cli/args.js';

describe('parseArgs', () => {
  it('accepts both --x=v and --x v forms and an optional corpus dir', () => {
    const a = parseArgs([
      '--target=spec',
      '--profile',
      'pz-v1',
      '--runs',
      '50',
      '--seed=3',
      '--corpus',
      '--litmus',
      '-j',
      '4',
      '--shard',
      '2/3',
      '--timeout',
      '5s',
      '--reporter=junit',
      '--rules',
      'wait.*',
    ]);
    expect(a).toMatchObject({
      command: 'run',
      target: 'spec',
      profile: 'pz-v1',
      runs: 50,
      seed: 3,
      corpus: true,
      litmus: true,
      jobs: 4,
      shard: { index: 2, count: 3 },
      timeoutMs: 5000,
      reporter: 'junit',
      rules: 'wait.*',
    });
    expect(parseArgs(['--corpus', 'my/dir']).corpus).toBe('my/dir');
    expect(parseArgs(['--corpus=my/dir', '--save']).save).toBe(true);
    expect(parseArgs(['--target-args', 'pick=random,mutant=x=y']).targetArgs).toEqual({
      pick: 'random',
      mutant: 'x=y',
    });
  });

  it('recognises subcommands', () => {
    expect(parseArgs(['explain', 'wait.sleep'])).toMatchObject({
      command: 'explain',
      positional: ['wait.sleep'],
    });
    expect(parseArgs(['doctor', '--target=sim'])).toMatchObject({ command: 'doctor', target: 'sim' });
    expect(parseArgs(['show', 'a.trace'])).toMatchObject({ command: 'show', positional: ['a.trace'] });
    expect(parseArgs(['--help']).command).toBe('help');
  });

  it('explains bad usage', () => {
    expect(() => parseArgs(['--profle=x'])).toThrow(/unknown option --profle; expected one of --target/);
    expect(() => parseArgs(['--profle=x'])).toThrow("Did you mean '--profile'?");
    expect(() => parseArgs(['--profile=pz-v9'])).toThrow(
      /--profile: unknown profile 'pz-v9'; expected one of pz-v2.*Did you mean 'pz-v1' or 'pz-v2'/,
    );
    expect(() => parseArgs(['--rules=wait.nxt.*'])).toThrow(
      /--rules: 'wait\.nxt\.\*' matches no rule id\. Did you mean 'wait\.next\./,
    );
    expect(() => parseArgs(['--rules=wait.*,kick.*'])).not.toThrow();
    expect(() => parseArgs([`--runs=${'9x'.repeat(500_000)}`])).toThrow(
      /found '(9x){100}… \(1000000 characters\)'$/,
    );
    expect(() => parseArgs(['--runs=ten'])).toThrow("--runs: expected an integer >= 0, found 'ten'");
    expect(() => parseArgs(['--shard=3/2'])).toThrow('--shard: expected i/n with 1 <= i <= n');
    expect(() => parseArgs(['--reporter=xml'])).toThrow(
      '--reporter: expected one of simple, json, junit, tap, html',
    );
    expect(() => parseArgs(['frobnicate'])).toThrow("unexpected argument 'frobnicate'");
    expect(() => parseArgs(['--replay'])).toThrow('--replay: expected a value');
  });

  it('parses durations', () => {
    expect(parseTimeout('250')).toBe(250);
    expect(parseTimeout('10s')).toBe(10_000);
    expect(parseTimeout('2m')).toBe(120_000);
    expect(() => parseTimeout('soon')).toThrow('--timeout: expected a duration');
  });
});
