import { describe, expect, it } from 'vitest';
import { GCDA_END_MARKER, GCDA_MARKER, parseGcdaDump } from '../src/coverage/dump.js';
import { initScript } from '../src/guest/init.js';

const line = (path: string, data: Buffer): string => {
  const b = data.toString('base64');
  return `${GCDA_MARKER} ${path} ${b.length} ${b}`;
};

describe('coverage counters on the guest console', () => {
  it('decodes every counters file among kernel lines and sees the end marker', () => {
    const a = Buffer.from([0x67, 0x63, 0x64, 0x61, 0, 1, 2, 255]);
    const b = Buffer.alloc(3000, 7);
    const d = parseGcdaDump([
      '[    1.234] umcg: something',
      line('/sys/kernel/debug/gcov/o/kernel/sched/umcg.gcda', a),
      'UMCG-EXEC-EXIT rc=0',
      line('/sys/kernel/debug/gcov/o/kernel/sched/core.gcda', b),
      GCDA_END_MARKER,
    ]);
    expect(d.complete).toBe(true);
    expect(d.damaged).toEqual([]);
    expect(d.files.get('/sys/kernel/debug/gcov/o/kernel/sched/umcg.gcda')).toEqual(a);
    expect(d.files.get('/sys/kernel/debug/gcov/o/kernel/sched/core.gcda')).toEqual(b);
  });

  it('tells a line cut by kernel output and a dump that never ended', () => {
    const full = line('/x/umcg.gcda', Buffer.alloc(100, 1));
    const d = parseGcdaDump([full.slice(0, 60)]);
    expect(d.damaged).toEqual(['/x/umcg.gcda']);
    expect(d.files.size).toBe(0);
    expect(d.complete).toBe(false);
  });

  it('is printed by /init after the executor exits, only when the command line asks', () => {
    for (const ch of ['virtio', 'ttyS1'] as const) {
      const s = initScript(ch);
      const exit = s.indexOf('UMCG-EXEC-EXIT');
      const dump = s.indexOf("grep -q 'umcg.coverage=1' /proc/cmdline");
      expect(exit).toBeGreaterThan(0);
      expect(dump).toBeGreaterThan(exit);
      expect(s.indexOf('poweroff -f', dump)).toBeGreaterThan(dump);
      // The shell's own length of the base64 text: the host checks it to tell a line cut by kernel output.
      expect(s).toContain(['echo "UMCG-GCDA $f $', '{#d} $d"'].join(''));
    }
  });
});
