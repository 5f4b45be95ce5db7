/**
 * `pnpm test:guest`: build the reference kernel (or take it from the cache),
 * boot it under QEMU/TCG with the selftests, print a human summary.
 * Exit 0 when every selftest passed and the console is clean, else 1.
 *
 * Options: --stress-seconds N, --smp N, --quiet (do not echo the console).
 */
import { buildKernel } from '../artifacts.js';
import { runSelftestsInGuest } from '../guest.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const quiet = process.argv.includes('--quiet');
const kernel = buildKernel();
console.log(`kernel: ${kernel.bzImage} (${kernel.release}, inputs ${kernel.inputHash})`);
const res = await runSelftestsInGuest({
  kernel: kernel.bzImage,
  stressSeconds: Number(arg('--stress-seconds') ?? 12),
  smp: Number(arg('--smp') ?? 2),
  ...(quiet ? {} : { onLine: (l: string) => console.log(`  | ${l}`) }),
});
console.log('\n--- TAP (ttyS1) ---');
console.log(res.serial1 ?? '(none)');
console.log('--- summary ---');
console.log(
  `boot to init: ${res.readyMs ?? '?'} ms, whole run: ${res.durationMs} ms, qemu exit ${res.exitCode}`,
);
if (res.tap) {
  const c = res.tap.counts;
  console.log(
    `selftest programs: ${res.tap.top.filter((t) => t.ok).length}/${res.tap.plan ?? '?'} passed; checks: ${c.pass} pass, ${c.fail} fail, ${c.skip} skip`,
  );
  for (const p of res.tap.problems) console.log(`  problem: ${p}`);
}
for (const f of res.findings) console.log(`  console ${f.kind} (line ${f.line}): ${f.text}`);
console.log(`verdict: ${res.verdict}`);
process.exit(res.verdict === 'ok' ? 0 : 1);
