import { describe, expect, it } from 'vitest';
import { TraceSyntaxError } from '../../src/trace/errors.js';
import { parseTrace } from '../../src/trace/parse.js';

const HEADER = '# profile: pz-v2\n# tasks: s0, w0 memory=shmem, w1\n';

function err(text: string): TraceSyntaxError {
  try {
    parseTrace(text, 'bad.trace');
  } catch (e) {
    if (e instanceof TraceSyntaxError) return e;
    throw e;
  }
  throw new Error('expected a TraceSyntaxError');
}

describe('parseTrace', () => {
  it('range-checks clock= like every value (clockid_t is a C int)', () => {
    const e = err(`${HEADER}s0: ctl REGISTER clock=100000000000000000000000000\n`);
    expect(e.message).toMatch(/^bad\.trace:3:24: expected a clock .*0\.\.2147483647\), found '1000/);
    expect(err(`${HEADER}s0: ctl REGISTER clock=Infinity\n`).col).toBe(24);
    expect(parseTrace(`${HEADER}s0: ctl REGISTER clock=2147483647\n`).steps[0]?.action).toMatchObject({
      clock: 2147483647,
    });
  });

  it('points an empty header value at the column after the colon', () => {
    const e = err('# profile:\n# tasks: s0\ns0: wait\n');
    expect([e.line, e.col]).toEqual([1, 11]);
  });

  it('quotes at most ~200 characters of a bad token', () => {
    const e = err(`${HEADER}s0: wait timeout=${'a'.repeat(1_000_000)}\n`);
    expect(e.message.length).toBeLessThan(600);
    expect(e.message).toContain('(1000000 characters)');
  });

  it('parses the review syntax', () => {
    const t = parseTrace(
      `${HEADER}# rules: state.wake\n# description: a server loop\n\n` +
        's0: ctl REGISTER clock=MONOTONIC             # 0\n' +
        'w0: store w0.server_tid = tid(s0)\n' +
        'w0: store w0.state = BLOCKED\n' +
        'w0: ctl REGISTER|WORKER self=own clock=MONOTONIC  # pending, w0 asleep:umcg_ctl\n' +
        '# a free comment between steps\n' +
        's0: store s0.state = RUNNABLE|COND_WAIT\n' +
        's0: take s0                                  # [w0]\n' +
        's0: store s0.next_tid = tid(w0)\n' +
        's0: cas w0.state RUNNING -> RUNNING|PREEMPT # fail # a note\n' +
        's0: kick w0\n' +
        'w1: wait timeout=future\n' +
        'w0: syscall blocking\n' +
        'env: complete w0\nenv: signal w0\nenv: expire s0\nenv: unmap w1\n' +
        's0: store s0.next_tid = tid(w1)|TID_RUNNING\n' +
        's0: store s0.runnable_workers_ptr = addr(w1)\n' +
        's0: store s0.next_tid = garbage\n' +
        's0: store s0.hole = 0x10\n',
      'corpus/server-loop.trace',
    );
    expect(t.header.name).toBe('server-loop');
    expect(t.header.tasks).toEqual([{ name: 's0' }, { name: 'w0', memory: 'shmem' }, { name: 'w1' }]);
    expect(t.header.description).toBe('a server loop');
    expect(t.steps[0]).toEqual({
      action: { op: 'ctl', task: 's0', flags: 1, self: { kind: 'own' }, clock: 1 },
      expect: ['0'],
      line: 6,
    });
    expect(t.steps[3]?.expect).toEqual(['pending', 'w0 asleep:umcg_ctl']);
    expect(t.steps[4]?.action).toEqual({
      op: 'store',
      task: 's0',
      target: 's0',
      field: 'state',
      value: { kind: 'num', value: 0x202 },
    });
    expect(t.steps[7]?.action).toMatchObject({
      op: 'cas',
      expect: { kind: 'num', value: 1 },
      value: { kind: 'num', value: 0x101 },
    });
    expect(t.steps[7]?.expect).toEqual(['fail']);
    expect(t.steps[8]?.action).toEqual({
      op: 'kick',
      task: 's0',
      flags: 0,
      tid: { kind: 'tid', task: 'w0', bits: 0 },
    });
    expect(t.steps[15]?.action).toMatchObject({ value: { kind: 'tid', task: 'w1', bits: 0x80000000 } });
    expect(t.steps[16]?.action).toMatchObject({ value: { kind: 'addr', task: 'w1' } });
    expect(t.steps[17]?.action).toMatchObject({ value: { kind: 'garbage' } });
    expect(t.steps[18]?.action).toMatchObject({ field: 'hole', value: { kind: 'num', value: 16 } });
  });

  it('names file:line:col and what was expected', () => {
    expect(err(`${HEADER}s0: stor s0.state = 1\n`).message).toBe(
      "bad.trace:3:5: expected an operation (store, cas, take, ctl, wait, kick, syscall, fault, exit), found 'stor'",
    );
    expect(err(`${HEADER}s0: store s0.stat = 1\n`).message).toMatch(
      /^bad\.trace:3:14: expected a field \(state, /,
    );
    expect(err(`${HEADER}s0: store s0.state = RUNABLE\n`).message).toMatch(
      /^bad\.trace:3:22: expected a value \(number, constant/,
    );
    expect(err(`${HEADER}x9: wait\n`).message).toBe(
      "bad.trace:3:1: expected a declared task name or 'env', found 'x9:'",
    );
    expect(err(`${HEADER}s0: wait timeout=soon\n`).message).toBe(
      "bad.trace:3:18: expected none, past or future, found 'soon'",
    );
    expect(err(`${HEADER}s0: wait # EWHAT?\n`).message).toMatch(
      /^bad\.trace:3:12: expected an expected outcome/,
    );
    expect(err(`${HEADER}env: explode s0\n`).message).toMatch(/^bad\.trace:3:6: expected an event/);
    expect(err(`${HEADER}s0: cas s0.state RUNNING RUNNABLE\n`).message).toBe(
      "bad.trace:3:26: expected '->', found 'RUNNABLE'",
    );
    expect(err(`${HEADER}s0: take w9\n`).message).toBe(
      "bad.trace:3:10: expected a declared task name, found 'w9'",
    );
    expect(err(`${HEADER}s0: exit now\n`).message).toMatch(/^bad\.trace:3:10: expected end of step/);
  });

  it('rejects bad headers with their position', () => {
    expect(err('# profile: pz-v9\n# tasks: s0\n').message).toMatch(
      /^bad\.trace:1:12: expected a profile \(pz-v2, /,
    );
    expect(err('# tasks: s0\n# requires: telepathy\n').message).toMatch(
      /^bad\.trace:2:13: expected a feature \(signals, /,
    );
    expect(err('# tasks: s0\n# rule: x\n').message).toMatch(/^bad\.trace:2:3: expected a header key/);
    expect(err('# tasks: S0\n').message).toMatch(/^bad\.trace:1:10: expected a task name/);
    expect(err('s0: wait\n').message).toBe(
      "bad.trace:1:1: expected a '# tasks:' header line before the first step",
    );
    expect(err('# tasks: s0, env\n').message).toMatch(/not env\//);
  });

  it('accepts UMCG_ long names, decimal and hex, and a bare task name only in kick', () => {
    const t = parseTrace(
      `${HEADER}s0: store w0.state = UMCG_TASK_RUNNABLE|UMCG_TF_COND_WAIT|65536\ns0: kick tid(w0)|TID_RUNNING flags=1\n`,
    );
    expect(t.steps[0]?.action).toMatchObject({ value: { kind: 'num', value: 0x10202 } });
    expect(t.steps[1]?.action).toEqual({
      op: 'kick',
      task: 's0',
      flags: 1,
      tid: { kind: 'tid', task: 'w0', bits: 0x80000000 },
    });
    expect(err(`${HEADER}s0: store s0.next_tid = w0\n`).message).toMatch(
      /^bad\.trace:3:25: expected a value/,
    );
  });
});
