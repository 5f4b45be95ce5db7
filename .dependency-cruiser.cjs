/**
 * The layers of this repository, checked by `pnpm deps:check` (run by `pnpm lint`):
 *   spec  <-  conformance  <-  targets (packages/*)
 * spec imports nothing of ours; conformance imports spec; a target imports conformance and the spec's vocabulary
 * (`@umcg/spec/vocabulary`: ABI, model, profiles) only, never the spec's rules, kernel micro-steps or engine; and
 * no package reaches into another by relative path (only through its package name).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'spec-imports-nothing-of-ours',
      comment: 'spec is the bottom layer: it imports neither conformance nor any target.',
      severity: 'error',
      from: { path: '^spec/' },
      to: { path: '^(conformance|packages)/' },
    },
    {
      name: 'conformance-imports-no-target',
      comment:
        'conformance loads targets at run time by module name or path (adapters/registry.ts), never statically.',
      severity: 'error',
      from: { path: '^conformance/' },
      to: { path: '^packages/' },
    },
    {
      name: 'targets-import-only-the-spec-vocabulary',
      comment:
        "A target (and the simulator above all) imports the spec's vocabulary only: @umcg/spec/vocabulary, not @umcg/spec (rules, kernel micro-steps, engine).",
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^spec/', pathNot: '^spec/src/vocabulary[.]ts$' },
    },
    {
      name: 'no-relative-reach-into-another-package',
      comment:
        'Import another package by its name (its package.json exports), never by a relative path into its files.',
      severity: 'error',
      from: { path: '^(spec|conformance|packages/[^/]+)/' },
      to: { dependencyTypes: ['local'], pathNot: '^$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|build|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
