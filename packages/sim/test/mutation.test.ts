import { describe, expect, it } from 'vitest';
import { openSim } from '../src/adapter.js';
import { MUTANTS, type Mutant } from '../src/mutants/catalogue.js';
import { conformanceEngine as engine } from '../src/mutants/engine.js';
import { mutationTest, witnessTrace } from '../src/mutants/mutation.js';

const open = (m: Mutant, mutant: boolean) =>
  openSim({ profile: m.profile, timeoutMs: 10_000, seed: 1, args: mutant ? { mutant: m.name } : {} });

/** Runs a mutant's witness on the (mutated or original) simulator and checks it against the spec. */
async function witnessVerdict(m: Mutant, mutant: boolean): Promise<string | undefined> {
  const target = await open(m, mutant);
  if (m.witness.kind === 'litmus') {
    const test = {
      header: { name: `witness-${m.name}`, profile: m.profile, tasks: m.witness.program.tasks },
      program: m.witness.program,
    };
    return (await engine.litmusFails(target, test, 300, 1)) ? 'forbidden outcome seen' : undefined;
  }
  const trace = witnessTrace(m);
  const run = await target.run(trace, { seed: 1 });
  return engine.check(trace, run.observations);
}

describe('mutants against the spec (conformance engine)', () => {
  it.each(MUTANTS.map((m) => [m.name, m] as const))(
    '%s: the original simulator conforms on the witness, the mutant does not',
    async (_n, m) => {
      expect(await witnessVerdict(m, false)).toBeUndefined();
      expect(await witnessVerdict(m, true)).toBeDefined();
    },
  );
});

// The full hunt takes minutes: it runs in CI (CI set) and on request (SIM_MUTATION=1); the witness test above
// runs everywhere.
const fullHunt = process.env.SIM_MUTATION !== undefined || process.env.CI !== undefined;
describe.skipIf(!fullHunt)('full mutation test (runs in CI or with SIM_MUTATION=1)', () => {
  it('kills every mutant within the budget', { timeout: 3_600_000 }, async () => {
    const alive: string[] = [];
    for (const m of MUTANTS) {
      const r = await mutationTest(engine, m, {
        runs: 300,
        timeLimitMs: 60_000,
        litmusRuns: 200,
        seed: 1,
        args: {},
      });
      if (r.killedBy === undefined) alive.push(m.name);
    }
    expect(alive).toEqual([]);
  });
});
