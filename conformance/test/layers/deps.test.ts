/**
 * The layer check (`pnpm deps:check`, dependency-cruiser with the root `.dependency-cruiser.cjs`) fails on each
 * kind of back edge: run on a small tree laid out like this repository, written to a temp directory.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Writes `files` (path → source) under a fresh directory with the repo's tsconfig.base.json and the package links
 * pnpm makes (each package's own dependencies; the root's, which list every package).
 */
async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'umcg-layers-'));
  await copyFile(join(ROOT, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));
  const base: Record<string, string> = {
    'spec/package.json': JSON.stringify({
      name: '@umcg/spec',
      type: 'module',
      exports: { '.': './src/index.ts', './vocabulary': './src/vocabulary.ts' },
    }),
    'spec/src/index.ts': "export * from './vocabulary.js';\nexport const step = 1;\n",
    'spec/src/vocabulary.ts': 'export const EAGAIN = 11;\n',
    'conformance/package.json': JSON.stringify({
      name: '@umcg/conformance',
      type: 'module',
      exports: { '.': './src/index.ts' },
    }),
    'conformance/src/index.ts': "import { step } from '@umcg/spec';\nexport const check = step;\n",
    'packages/t/package.json': JSON.stringify({ name: '@umcg/t', type: 'module' }),
    'packages/t/src/index.ts':
      "import { check } from '@umcg/conformance';\nimport { EAGAIN } from '@umcg/spec/vocabulary';\nexport const t = check + EAGAIN;\n",
  };
  for (const [path, text] of Object.entries({ ...base, ...files })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  for (const [from, to] of [
    ['.', 'spec'],
    ['.', 'conformance'],
    ['conformance', 'spec'],
    ['packages/t', 'spec'],
    ['packages/t', 'conformance'],
  ] as const) {
    await mkdir(join(dir, from, 'node_modules/@umcg'), { recursive: true });
    await symlink(join(dir, to), join(dir, from, 'node_modules/@umcg', to), 'dir');
  }
  return dir;
}

function depcruise(cwd: string): { code: number; out: string } {
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/depcruise'),
    ['--config', join(ROOT, '.dependency-cruiser.cjs'), 'spec', 'conformance', 'packages'],
    { cwd, encoding: 'utf8' },
  );
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

describe('the layer check', () => {
  it('passes a tree that keeps the layers', async () => {
    const r = depcruise(await tree({}));
    expect(r.out).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  }, 60_000);

  it.each([
    [
      'spec importing conformance',
      'spec/src/back.ts',
      "import '@umcg/conformance';\n",
      'spec-imports-nothing-of-ours',
    ],
    [
      'conformance importing a target',
      'conformance/src/back.ts',
      "import '../../packages/t/src/index.js';\n",
      'conformance-imports-no-target',
    ],
    [
      "a target importing the spec's semantics",
      'packages/t/src/back.ts',
      "import { step } from '@umcg/spec';\nexport const s = step;\n",
      'targets-import-only-the-spec-vocabulary',
    ],
    [
      'a relative reach into another package',
      'packages/t/src/reach.ts',
      "import '../../../conformance/src/index.js';\n",
      'no-relative-reach-into-another-package',
    ],
  ])(
    'fails on %s',
    async (_what, file, source, rule) => {
      const r = depcruise(await tree({ [file]: source }));
      expect(r.out).toContain(rule);
      expect(r.out).toContain(file);
      expect(r.code).not.toBe(0);
    },
    60_000,
  );
});
