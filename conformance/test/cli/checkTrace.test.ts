import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const REGISTER = 's0: store s0.server_tid = tid(s0)\ns0: store s0.state = RUNNING\n';
const SWITCH = `# tasks: s0, w0
${REGISTER}s0: ctl REGISTER clock=MONOTONIC
w0: store w0.server_tid = tid(s0)
w0: store w0.state = BLOCKED
w0: ctl REGISTER|WORKER clock=MONOTONIC
s0: store s0.state = RUNNABLE|COND_WAIT
s0: take s0
s0: store s0.next_tid = tid(w0)
s0: wait timeout=future
env: expire s0
`;

async function file(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'umcg-ct-'));
  const f = join(dir, name);
  await writeFile(f, text);
  return f;
}

describe('pnpm conformance check-trace', () => {
  it('says REQUIRED when every allowed path satisfies the annotations (exit 0)', async () => {
    const f = await file(
      'req.trace',
      `# tasks: s0\n${REGISTER}s0: ctl REGISTER clock=MONOTONIC  # 0, s0.state=RUNNING\n`,
    );
    expect(await main(['check-trace', f])).toBe(0);
    expect(out).toMatch(/^REQUIRED +req /m);
  });

  it('says ALLOWED when only some paths do (a PREEMPT CAS may or may not be hit by a tick)', async () => {
    const f = await file(
      'allowed.trace',
      `${SWITCH}s0: cas w0.state RUNNING -> RUNNING|PREEMPT  # ok, w0 user\n`,
    );
    expect(await main(['check-trace', f])).toBe(0);
    expect(out).toMatch(/^ALLOWED +allowed .*step 12 \(line 13\)/m);
  });

  it('says FORBIDDEN with the first step and the closest allowed outcome (exit 1)', async () => {
    const f = await file(
      'forbidden.trace',
      `# tasks: s0\n${REGISTER}s0: ctl REGISTER clock=MONOTONIC  # EINVAL\n`,
    );
    expect(await main(['check-trace', f])).toBe(1);
    expect(out).toMatch(
      /^FORBIDDEN forbidden .*forbidden\.trace:4: .*closest: expected s0 result EINVAL, observed 0/m,
    );
  });

  it('accepts one of several alternatives, timestamps and unchanged words', async () => {
    const f = await file(
      'alts.trace',
      `${SWITCH}s0: cas w0.state RUNNING -> RUNNING|PREEMPT  # one of: ok, w0 user | ok, w0 asleep:interrupt, w0.runnable_ts=moved, s0.next_tid=unchanged\n`,
    );
    expect(await main(['check-trace', f])).toBe(0);
    expect(out).toMatch(/^REQUIRED +alts /m);
  });

  it('says ILL-FORMED for a trace without steps or with a step no path can take, on every target alike', async () => {
    const empty = await file('empty.trace', '# tasks: s0\n');
    const ill = await file('ill.trace', '# tasks: s0\nenv: complete s0\n');
    expect(await main(['check-trace', empty, ill])).toBe(1);
    expect(out).toContain('ILL-FORMED empty');
    expect(out).toMatch(/ill\.trace:2: step 1 \(line 2\) `env: complete s0` cannot be taken/);
    for (const target of ['sim', 'spec']) {
      out = '';
      const dir = await mkdtemp(join(tmpdir(), 'umcg-ct-out-'));
      expect(await main([`--target=${target}`, '--replay', empty, '--out', dir])).toBe(1);
      expect(out).toMatch(/ERROR .*ill-formed trace: .*empty\.trace: the trace has no steps/);
      out = '';
      expect(await main([`--target=${target}`, '--replay', ill, '--out', dir])).toBe(1);
      expect(out).toMatch(/ERROR .*ill-formed trace: .*ill\.trace:2: /);
    }
  });

  it('sleep.expire-none: an expiry with no timed wait pending is a no-op the spec accepts (REQUIRED)', async () => {
    const f = await file(
      'expire-none.trace',
      `# tasks: s0\n${REGISTER}s0: ctl REGISTER clock=MONOTONIC\nenv: expire s0  # s0 user, s0.state=unchanged, s0.runnable_ts=same\n`,
    );
    expect(await main(['check-trace', f])).toBe(0);
    expect(out).toMatch(/^REQUIRED +expire-none /m);
  });

  it('is a usage error without files or for a missing one', async () => {
    expect(await main(['check-trace'])).toBe(255);
    expect(await main(['check-trace', '/nonexistent/x.trace'])).toBe(255);
  });
});
