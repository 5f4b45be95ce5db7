// Builds the N-API addon with the node-gyp that npm ships and the headers Node ships (no download):
// node-gyp rebuild --nodedir=<prefix of include/node>. Set UMCG_SKIP_ADDON=1 to skip; the adapter then falls back
// to the executor binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.env.UMCG_SKIP_ADDON === '1') {
  console.log('build-addon: skipped (UMCG_SKIP_ADDON=1)');
  process.exit(0);
}
const prefix = resolve(dirname(process.execPath), '..');
const nodedir = [prefix, '/usr', '/usr/local'].find((p) => existsSync(join(p, 'include/node/node_api.h')));
const npmDir = [
  join(prefix, 'lib/node_modules/npm'),
  '/usr/lib/node_modules/npm',
  '/usr/local/lib/node_modules/npm',
].find((p) => existsSync(join(p, 'node_modules/node-gyp/bin/node-gyp.js')));
if (nodedir === undefined || npmDir === undefined) {
  console.error(
    `build-addon: cannot build the addon: ${nodedir === undefined ? 'no include/node/node_api.h next to node' : 'no node-gyp in npm'}; ` +
      'the native adapter will use bin/umcg-exec instead (install node headers / npm to get the addon)',
  );
  process.exit(process.env.CI ? 1 : 0);
}
const gyp = join(npmDir, 'node_modules/node-gyp/bin/node-gyp.js');
const r = spawnSync(process.execPath, [gyp, 'rebuild', `--nodedir=${nodedir}`, '--loglevel=warn'], {
  cwd: pkg,
  stdio: 'inherit',
});
if (r.status !== 0) {
  console.error(`build-addon: node-gyp failed (exit ${r.status})`);
  process.exit(1);
}
console.log(`build-addon: ${join(pkg, 'build/Release/umcg_native.node')}`);
