import { describe, expect, it } from 'vitest';
import { classifyConsole, classifyLine } from '../src/boot/console.js';
import { parseTap } from '../src/boot/tap.js';
import { decideVerdict } from '../src/boot/verdict.js';

describe('console classifier', () => {
  it('ignores a clean boot, including the lockdep banner', () => {
    const log = [
      '[    0.096122] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar',
      '[    0.096761] ... MAX_LOCKDEP_SUBCLASSES:  8',
      '[    1.476277] Unstable clock detected, switching default tracing clock to "global"',
      '[    2.246015] hrtimer: interrupt took 19596570 ns',
      'umcg-guest: ok 1 selftests: umcg: umcg_errors',
      '[    4.593872] reboot: Power down',
    ].join('\n');
    expect(classifyConsole(log)).toEqual([]);
  });

  it.each([
    ['[ 1.0] Kernel panic - not syncing: Fatal exception', 'panic'],
    ['[ 1.0] Oops: 0000 [#1] PREEMPT SMP', 'oops'],
    ['[ 1.0] BUG: kernel NULL pointer dereference, address: 0000000000000000', 'oops'],
    ['[ 1.0] general protection fault, probably for non-canonical address', 'oops'],
    ['[ 1.0] WARNING: possible circular locking dependency detected', 'lockdep'],
    ['[ 1.0] WARNING: possible recursive locking detected', 'lockdep'],
    ['[ 1.0] WARNING: inconsistent lock state', 'lockdep'],
    ['[ 1.0] WARNING: suspicious RCU usage', 'lockdep'],
    ['[ 1.0] BUG: sleeping function called from invalid context at kernel/sched/umcg.c:300', 'bug'],
    ['[ 1.0] BUG: scheduling while atomic: foo/42/0x00000002', 'bug'],
    ['[ 1.0] kernel BUG at kernel/sched/core.c:1234!', 'bug'],
    ['[ 1.0] ------------[ cut here ]------------', 'warn'],
    ['[ 1.0] WARNING: CPU: 1 PID: 77 at kernel/sched/umcg.c:201 umcg_pin_pages+0x1/0x2', 'warn'],
  ])('classifies %s', (line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });

  it('numbers findings by line and the verdict takes the most severe', () => {
    const log =
      'boot\n[1] ------------[ cut here ]------------\n[2] WARNING: CPU: 0 PID: 1 at x\n[3] Kernel panic - not syncing: x\n';
    const f = classifyConsole(log);
    expect(f.map((x) => [x.kind, x.line])).toEqual([
      ['warn', 2],
      ['warn', 3],
      ['panic', 4],
    ]);
    expect(decideVerdict({ findings: f, timedOut: true })).toBe('panic');
  });

  it('verdict: hang, tap-failed, ok', () => {
    const good = parseTap('1..1\nok 1 a\n');
    const bad = parseTap('1..1\nnot ok 1 a\n');
    expect(decideVerdict({ findings: [], timedOut: true, tap: good })).toBe('hang');
    expect(decideVerdict({ findings: [], timedOut: false, tap: bad })).toBe('tap-failed');
    expect(decideVerdict({ findings: [], timedOut: false, tap: good })).toBe('ok');
    expect(decideVerdict({ findings: [], timedOut: false })).toBe('ok');
  });
});
