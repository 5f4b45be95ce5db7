/**
 * `pnpm bench:kernel`: in the guest, a server -> worker -> server round trip
 * through sys_umcg_wait() against a futex ping-pong between two threads;
 * prints both figures and their ratio (UMCG / futex) for free placement and
 * for both threads pinned to one CPU.
 *
 * Options: --iterations N (default 20000).
 */
import { buildKernel } from '../src/artifacts.js';
import { runBenchInGuest } from '../src/guest.js';

// `--help` prints this and exits before anything is downloaded, built or booted.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`usage: pnpm bench:kernel [--iterations 20000]
  In a QEMU guest: a server -> worker -> server round trip through sys_umcg_wait() against a futex ping-pong,
  free and pinned to one CPU. Builds the reference kernel first when it is not built (long).`);
  process.exit(0);
}

const i = process.argv.indexOf('--iterations');
const iterations = i > 0 ? Number(process.argv[i + 1]) : 20000;
const kernel = buildKernel();
const { boot, figures } = await runBenchInGuest({ kernel: kernel.bzImage, iterations });
console.log(
  `kernel ${kernel.release} (inputs ${kernel.inputHash}), QEMU TCG -smp 2, debug config (lockdep on)`,
);
for (const f of figures) {
  console.log(
    `${f.mode.padEnd(9)} iterations=${f.iterations}  umcg round trip ${(f.umcgRoundTripNs / 1000).toFixed(1)} us  futex round trip ${(f.futexRoundTripNs / 1000).toFixed(1)} us  ratio umcg/futex = ${f.ratio.toFixed(2)}`,
  );
}
if (boot.verdict !== 'ok' || figures.length !== 2) {
  console.error(`bench run failed: verdict ${boot.verdict}\n${boot.serial1 ?? ''}`);
  process.exit(1);
}
