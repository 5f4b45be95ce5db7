/**
 * ADAPTERS.md, "Adding an adapter", followed literally: a fresh package outside the workspace, the template copied
 * into it, `requirements()` and `connect()` filled in (here with an executor that replays the spec's own canonical
 * observations, standing in for an implementation), then `--sanity` and `--corpus` through the real CLI.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TEMPLATE = join(ROOT, 'conformance/src/adapters/template.ts');

/** The filled-in parts: an implementation stand-in that reports what the spec target reports. */
const FILLED = `/** Whether your implementation can run here. */
function requirements(): { ok: boolean; reason: string; details: string[] } {
  return { ok: true, reason: 'the spec engine stands in for the implementation', details: [] };
}

/** Connects to the implementation: here, the spec target run once per trace. */
function connect(options: OpenOptions): Executor {
  const spec = openSpecTarget(options);
  let run: TraceRun | undefined;
  return {
    async start(trace) {
      run = await spec.run(trace, { seed: options.seed });
    },
    async step(index) {
      const o = run?.observations[index];
      if (o === undefined) throw new Error(\`step \${index + 1}: \${run?.detail ?? 'no observation'}\`);
      return ERRNO_BUG ? { ...o, results: Object.fromEntries(Object.entries(o.results).map(([t, r]) => [t, r.ret === 'EAGAIN' ? { ...r, ret: '0' } : r])) } : o;
    },
    async stop() {},
  };
}
`;

/**
 * `pnpm conformance <args>` (the root script: tsx on the CLI), run from `cwd` so that the failure database of a
 * deliberately broken adapter lands in the temp package, not in the checkout.
 */
function conformance(args: string[], cwd: string): { code: number; out: string } {
  return run(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'conformance/src/cli/main.ts'), ...args],
    cwd,
  );
}

function run(cmd: string, args: string[], cwd: string): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** Writes the package as ADAPTERS.md says, with the template filled in; `errnoBug` reports EAGAIN as 0. */
async function freshPackage(errnoBug: boolean): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'umcg-adapter-mine-'));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'umcg-adapter-mine',
        version: '0.0.0',
        private: true,
        type: 'module',
        exports: { '.': './src/index.ts' },
        dependencies: {
          '@umcg/conformance': `link:${join(ROOT, 'conformance')}`,
          '@umcg/spec': `link:${join(ROOT, 'spec')}`,
        },
      },
      null,
      2,
    ),
  );
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
      },
      include: ['src'],
    }),
  );
  await mkdir(join(dir, 'src'));
  await copyFile(TEMPLATE, join(dir, 'src/adapter.ts'));
  let src = await readFile(join(dir, 'src/adapter.ts'), 'utf8');
  // The guide's renames: templateAdapter → mineAdapter, and the target's name.
  src = src.replaceAll('templateAdapter', 'mineAdapter').replaceAll("name: 'template'", "name: 'mine'");
  // The guide's fill-ins: requirements() and connect().
  const from = src.indexOf('/** Whether your implementation can run here');
  const to = src.indexOf('/** Opens a target');
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  src = `${src.slice(0, from)}${FILLED}\n${src.slice(to)}`;
  src = src.replace(
    "import type { LitmusProgram, StepObservation } from '@umcg/spec/vocabulary';",
    `$&\nimport { openSpecTarget } from '@umcg/conformance';\nconst ERRNO_BUG = ${errnoBug};`,
  );
  await writeFile(join(dir, 'src/adapter.ts'), src);
  await writeFile(join(dir, 'src/index.ts'), "export { mineAdapter } from './adapter.js';\n");
  const install = run('pnpm', ['install', '--offline'], dir);
  expect(install.out).toContain('@umcg/conformance');
  expect(install.code).toBe(0);
  return dir;
}

describe('ADAPTERS.md followed literally: the template in a fresh package', () => {
  let pkg = '';
  beforeAll(async () => {
    pkg = await freshPackage(false);
  }, 120_000);

  it('typechecks: the template imports work once copied into a package', () => {
    // The package has no TypeScript of its own here (no network in tests): the checkout's compiler, its @types.
    const tsc = join(ROOT, 'node_modules/.bin/tsc');
    const r = run(tsc, ['-p', pkg, '--typeRoots', join(ROOT, 'node_modules/@types')], pkg);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  }, 240_000);

  it('passes --sanity, says it proves the wiring only and what to run next, then passes --corpus', () => {
    const out = join(pkg, 'runs');
    const sanity = conformance([`--target=${pkg}`, '--sanity', '--out', out], pkg);
    expect(sanity.out).toMatch(/9 PASS — target mine/);
    expect(sanity.out).toContain('prove the wiring only');
    expect(sanity.out).toContain(`pnpm conformance --target=${pkg} --corpus`);
    expect(sanity.code).toBe(0);
    const corpus = conformance([`--target=${pkg}`, '--corpus', '--profile=ref-6.1', '--out', out], pkg);
    expect(corpus.out).toMatch(/\d+ PASS/);
    expect(corpus.out).not.toMatch(/\bFAIL\b/);
    expect(corpus.code).toBe(0);
  }, 240_000);

  it('--sanity fails an adapter that reports EAGAIN as 0', async () => {
    const broken = await freshPackage(true);
    const r = conformance([`--target=${broken}`, '--sanity', '--out', join(broken, 'runs')], broken);
    expect(r.out).toMatch(/FAIL .*unregister-not-running/);
    expect(r.out).toContain('Fix the sanity failures first');
    expect(r.code).toBe(1);
  }, 240_000);
});
