/**
 * The guest's coverage counters on the console. A guest booted with {@link COVERAGE_CMDLINE} prints, after its
 * executor exits, one line per `.gcda` file of debugfs (`UMCG-GCDA <path> <base64 length> <base64>`) and then
 * {@link GCDA_END_MARKER}; the host decodes them from the console it collected.
 * @module
 */

/** Kernel command-line word that makes `/init` print the counters when the executor exits. */
export const COVERAGE_CMDLINE = 'umcg.coverage=1';
/** Console line prefix of one counters file. */
export const GCDA_MARKER = 'UMCG-GCDA';
/** Console line printed after the last counters file. */
export const GCDA_END_MARKER = 'UMCG-GCDA-END';
/** Where the kernel shows its counters (`CONFIG_GCOV_KERNEL`): `<this>/<object tree path>/<dir>/<file>.gcda`. */
export const DEBUGFS_GCOV = '/sys/kernel/debug/gcov';

/** The `/init` lines that print the counters when the command line asks for it. */
export const DUMP_SCRIPT = `if grep -q '${COVERAGE_CMDLINE}' /proc/cmdline; then
  mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
  for f in $(find ${DEBUGFS_GCOV} -name '*.gcda' 2>/dev/null); do
    d=$(base64 -w 0 "$f")
    echo "${GCDA_MARKER} $f \${#d} $d"
  done
  echo "${GCDA_END_MARKER}"
fi`;

/** The counters one guest printed. */
export interface GcdaDump {
  /** Counters by debugfs path. */
  readonly files: ReadonlyMap<string, Buffer>;
  /** The end marker was seen (the guest printed all its files). */
  readonly complete: boolean;
  /** Lines that started like a counters line but did not decode (length mismatch: a line cut by kernel output). */
  readonly damaged: readonly string[];
}

/** Decodes the counters from a guest's console lines. */
export function parseGcdaDump(lines: readonly string[]): GcdaDump {
  const files = new Map<string, Buffer>();
  const damaged: string[] = [];
  let complete = false;
  for (const line of lines) {
    if (line.trim() === GCDA_END_MARKER) {
      complete = true;
      continue;
    }
    if (!line.startsWith(`${GCDA_MARKER} `)) continue;
    const [, path, len, data] = line.trim().split(' ');
    if (path === undefined || len === undefined || data === undefined || data.length !== Number(len)) {
      damaged.push(path ?? line.slice(0, 80));
      continue;
    }
    files.set(path, Buffer.from(data, 'base64'));
  }
  return { files, complete, damaged };
}
