import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  type Action,
  allRules,
  enabledActions,
  INVARIANTS,
  initialState,
  onAtMostOneList,
  PROFILES,
  type ProfileId,
  type SpecState,
  step,
  tidOf,
} from '../src/index.js';
import { Scenario } from './scenario.js';

const TASKS = ['s0', 's1', 'w0', 'w1', 'w2'];

/** Two servers and three workers registered (w0, w2 on s0; w1 on s1), both servers running a worker. */
function setup(profile: ProfileId): SpecState {
  const sc = new Scenario(profile, TASKS).server('s0').server('s1');
  sc.worker('w0', 's0').worker('w1', 's1').worker('w2', 's0');
  if (profile !== 'pz-proto' && profile !== 'pz-proto-code') {
    sc.switchTo('s0', 'w0');
    sc.switchTo('s1', 'w1');
  }
  return sc.state;
}

const choices = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 });

/** Runs a random walk over enabled actions (picked by `pick`), checking `check` on every allowed outcome. */
function walk(
  s0: SpecState,
  seq: [number, number][],
  pick: (s: SpecState, n: number) => Action | undefined,
  check: (before: SpecState, a: Action, after: SpecState) => string | undefined,
): void {
  let s = s0;
  for (const [a, b] of seq) {
    const action = pick(s, a);
    if (!action) return;
    const outs = step(s, action);
    expect(outs.length).toBeGreaterThan(0);
    for (const o of outs) {
      const bad = check(s, action, o.state);
      if (bad) throw new Error(`${bad} after ${JSON.stringify(action)}`);
    }
    s = outs[b % outs.length]!.state;
  }
}

const anyEnabled = (s: SpecState, n: number): Action | undefined => {
  const all = enabledActions(s);
  return all.length ? all[n % all.length] : undefined;
};

describe('invariants over random action sequences (2 servers, 3 workers, up to 40 actions)', () => {
  const base = setup('pz-v2');
  test.prop([choices], { numRuns: 1000 })('pz-v2: every invariant holds in every allowed outcome', (seq) => {
    walk(base, seq, anyEnabled, (before, a, after) => {
      for (const inv of INVARIANTS) {
        const bad = inv.check(before, a, after);
        if (bad) return `${inv.name}: ${bad}`;
      }
      return undefined;
    });
  });

  for (const profile of ['pz-proto', 'pz-v1', 'pz-v2-followups', 'ref-6.1'] as ProfileId[]) {
    const start = setup(profile);
    test.prop([choices], { numRuns: 150 })(
      `${profile}: invariants hold and only the profile's rules fire`,
      (seq) => {
        walk(start, seq, anyEnabled, (before, a, after) => {
          for (const inv of INVARIANTS) {
            const bad = inv.check(before, a, after);
            if (bad) return `${inv.name}: ${bad}`;
          }
          for (const r of after.fired) {
            const rule = allRules().find((x) => x.id === r)!;
            if (rule.profiles !== 'all' && !rule.profiles.includes(profile))
              return `rule ${r} fired under ${profile}`;
          }
          return undefined;
        });
      },
    );
  }

  /** Protocol-following moves only: servers switch only to workers they took from their own list. */
  function protocolPick(owned: Map<string, Set<string>>) {
    return (s: SpecState, n: number): Action | undefined => {
      const ok = enabledActions(s).filter((a) => {
        if (a.op === 'unmap' || a.op === 'exit' || a.op === 'kick' || a.op === 'ctl') return false;
        if (a.op === 'take') return a.target === a.task;
        if (a.op === 'store') {
          if (a.target !== a.task) return false;
          if (a.field === 'next_tid') {
            if (a.value.kind === 'num') return a.value.value === 0;
            return (
              a.value.kind === 'tid' && a.value.bits === 0 && (owned.get(a.task)?.has(a.value.task) ?? false)
            );
          }
          return a.field === 'state';
        }
        return true;
      });
      const a = ok.length ? ok[n % ok.length] : undefined;
      if (a?.op === 'store' && a.field === 'next_tid' && a.value.kind === 'tid')
        owned.get(a.task)!.delete(a.value.task);
      return a;
    };
  }

  test.prop([choices], { numRuns: 300 })(
    'protocol-following: a worker is on at most one list, once',
    (seq) => {
      const owned = new Map(TASKS.map((t) => [t, new Set<string>()]));
      const pick = protocolPick(owned);
      let s = base;
      for (const [a, b] of seq) {
        const action = pick(s, a);
        if (!action) return;
        const outs = step(s, action);
        for (const o of outs) {
          const bad = onAtMostOneList(o.state);
          if (bad) throw new Error(`${bad} after ${JSON.stringify(action)}`);
        }
        s = outs[b % outs.length]!.state;
        const taken = s.k[s.world.names.indexOf(action.task)]!.result;
        if (action.op === 'take' && taken) {
          for (const w of taken.ret.slice(1, -1).split(',').filter(Boolean)) owned.get(action.task)!.add(w);
        }
      }
    },
  );
});

describe('the catalogue', () => {
  test('every rule cites a source and holds in at least one known profile', () => {
    for (const r of allRules()) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      if (r.profiles !== 'all') for (const p of r.profiles) expect(Object.keys(PROFILES)).toContain(p);
    }
  });

  test('initial states are quiescent and unregistered', () => {
    const s = initialState({ profile: 'pz-v2', tasks: [{ name: 'a' }] });
    expect(s.k[0]!.umcg).toBe(0);
    expect(enabledActions(s).length).toBeGreaterThan(0);
    expect(tidOf('a')).toEqual({ kind: 'tid', task: 'a', bits: 0 });
  });
});
