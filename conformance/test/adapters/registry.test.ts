import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  adapterOf,
  BUILTIN_TARGETS,
  defaultTarget,
  loadAdapter,
  TargetUnavailable,
  UnknownTarget,
} from '../../src/adapters/registry.js';
import { specAdapter } from '../../src/adapters/spec.js';
import { main } from '../../src/cli/main.js';

const CONFORMANCE = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Writes a package outside the workspace whose adapter wraps the spec target under another name; its
 * `node_modules/@umcg/conformance` links to this package, as an install would.
 */
async function outsidePackage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'umcg-outside-'));
  await mkdir(join(dir, 'node_modules/@umcg'), { recursive: true });
  await symlink(CONFORMANCE, join(dir, 'node_modules/@umcg/conformance'), 'dir');
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'outside-adapter', type: 'module', exports: { '.': './adapter.mjs' } }),
  );
  await writeFile(
    join(dir, 'adapter.mjs'),
    [
      "import { specAdapter } from '@umcg/conformance';",
      'export const outsideAdapter = {',
      "  name: 'outside',",
      "  description: 'the spec, loaded from a directory outside the workspace',",
      '  probe: () => specAdapter.probe(),',
      '  open: (options) => specAdapter.open(options),',
      '};',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('the target registry', () => {
  let err = '';
  beforeEach(() => {
    err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err += String(s);
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('has spec among its built-in names, and every built-in names a dependency of the workspace root', async () => {
    expect(Object.keys(BUILTIN_TARGETS)).toContain('spec');
    const root = JSON.parse(await readFile(join(CONFORMANCE, '../package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const t of Object.values(BUILTIN_TARGETS))
      expect(Object.keys(root.dependencies)).toContain(t.module);
  });

  it('loads the in-package spec adapter by its built-in name', async () => {
    expect(await loadAdapter('spec')).toBe(specAdapter);
  });

  it('loads a package by name, as the built-in name does', async () => {
    expect((await loadAdapter('@umcg/sim')).name).toBe('sim');
    expect((await loadAdapter('sim')).name).toBe('sim');
  });

  it('rejects an unknown name as a usage error with a did-you-mean', async () => {
    await expect(loadAdapter('natvie')).rejects.toThrow(UnknownTarget);
    await expect(loadAdapter('natvie')).rejects.toThrow(/unknown target 'natvie'.*Did you mean 'native'\?/);
    await expect(loadAdapter('zzzzzz')).rejects.not.toThrow(/Did you mean/);
  });

  it('tells a module that exports no adapter, or several, from one that fails to load', async () => {
    expect(() => adapterOf({ x: 1 }, 'm')).toThrow(/m exports no adapter/);
    const other = { ...specAdapter, name: 'other' };
    expect(() => adapterOf({ a: specAdapter, b: other }, 'm')).toThrow(/several adapters \(a, b\)/);
    expect(adapterOf({ a: specAdapter, default: other }, 'm')).toBe(other);
    const dir = await mkdtemp(join(tmpdir(), 'umcg-broken-'));
    await writeFile(join(dir, 'broken.mjs'), "import 'no-such-package-anywhere';\n");
    await expect(loadAdapter(join(dir, 'broken.mjs'))).rejects.toThrow(TargetUnavailable);
  });

  it('loads an adapter from a directory outside the workspace, by absolute and by relative path', async () => {
    const dir = await outsidePackage();
    expect((await loadAdapter(dir)).name).toBe('outside');
    expect((await loadAdapter('./adapter.mjs', dir)).name).toBe('outside');
  });

  it('runs an adapter from outside the workspace with --target=<path>', async () => {
    const dir = await outsidePackage();
    const out = await mkdtemp(join(tmpdir(), 'umcg-outside-runs-'));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await main([`--target=${dir}`, '--sanity', '--out', out, '--seed=1', '--reporter=json']);
    expect(err).toContain('prove the wiring only');
    expect(err).not.toMatch(/error|unknown target/i);
    expect(code).toBe(0);
  });

  it('defaults to sim when the simulator provides its adapter, else to spec with a note', async () => {
    const d = await defaultTarget();
    expect(['sim', 'spec']).toContain(d.name);
    if (d.name === 'spec') expect(d.note).toMatch(/default target is spec/);
    else expect(d.adapter.name).toBe('sim');
  });
});
