/** A small builder for spec scenarios in tests: named tasks, protocol helpers, the last observation. */
import {
  type Action,
  CLOCK_MONOTONIC,
  canonicalObservation,
  type Field,
  initialState,
  num,
  type Outcome,
  type ProfileId,
  type SpecState,
  type StepObservation,
  step,
  stepFirst,
  type TaskDecl,
  tidOf,
  UMCG_CTL_REGISTER,
  UMCG_CTL_UNREGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  type Value,
} from '../src/index.js';

/** A scenario: a spec state advanced by actions, asserting each outcome is unique unless told otherwise. */
export class Scenario {
  state: SpecState;
  obs: StepObservation | undefined;
  rules: string[] = [];

  constructor(profile: ProfileId, tasks: (string | TaskDecl)[]) {
    this.state = initialState({
      profile,
      tasks: tasks.map((t) => (typeof t === 'string' ? { name: t } : t)),
    });
  }

  /** Runs one action; throws if the spec allows several observations (use `all` then). */
  do(action: Action): StepObservation {
    const outs = step(this.state, action);
    const keys = new Set(outs.map((o) => canonicalObservation(o.observation)));
    if (keys.size !== 1) throw new Error(`${keys.size} allowed observations:\n${[...keys].join('\n')}`);
    return this.advance(stepFirst(this.state, action));
  }

  /** Goes on from outcome `o`. */
  private advance(o: Outcome<SpecState>): StepObservation {
    this.state = o.state;
    this.obs = o.observation;
    this.rules = [...o.rules];
    return o.observation;
  }

  /** Runs one action and goes on from the allowed outcome that `which` selects (the first one if several). */
  pick(action: Action, which: (o: StepObservation) => boolean): StepObservation {
    const o = step(this.state, action).find((x) => which(x.observation));
    if (!o) throw new Error('no allowed outcome matches');
    return this.advance(o);
  }

  /** Every allowed observation of an action (the state is not advanced). */
  all(action: Action): StepObservation[] {
    return step(this.state, action).map((o) => o.observation);
  }

  store(task: string, target: string, field: Field, value: Value | number): StepObservation {
    return this.do({
      op: 'store',
      task,
      target,
      field,
      value: typeof value === 'number' ? num(value) : value,
    });
  }

  ctl(task: string, flags: number, clock = CLOCK_MONOTONIC): StepObservation {
    return this.do({ op: 'ctl', task, flags, self: { kind: 'own' }, clock });
  }

  wait(task: string, timeout: 'none' | 'past' | 'future' = 'none', flags = 0): StepObservation {
    return this.do({ op: 'wait', task, flags, timeout });
  }

  /** Registers `name` as a server. */
  server(name: string): this {
    this.store(name, name, 'state', UMCG_TASK_RUNNING);
    this.store(name, name, 'server_tid', tidOf(name));
    this.ctl(name, UMCG_CTL_REGISTER);
    return this;
  }

  /** Registers `name` as a worker of `server` (it then sleeps in umcg_ctl until run). */
  worker(name: string, server: string): this {
    this.store(name, name, 'state', UMCG_TASK_BLOCKED);
    this.store(name, name, 'server_tid', tidOf(server));
    this.ctl(name, UMCG_CTL_REGISTER | UMCG_CTL_WORKER);
    return this;
  }

  /** The server loop's first half: RUNNABLE|COND_WAIT, then take the list. */
  drain(server: string): StepObservation {
    this.store(server, server, 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
    return this.do({ op: 'take', task: server, target: server });
  }

  /** The server switches to `worker` (drain, next_tid, wait). */
  switchTo(server: string, worker: string): StepObservation {
    this.drain(server);
    this.store(server, server, 'next_tid', tidOf(worker));
    return this.wait(server);
  }

  /** A task stores RUNNABLE|COND_WAIT and calls umcg_wait (a yield for a worker). */
  yieldNow(task: string, next: Value | number = 0): StepObservation {
    this.store(task, task, 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
    this.store(task, task, 'next_tid', next);
    return this.wait(task);
  }

  unregister(task: string, worker: boolean): StepObservation {
    return this.ctl(task, UMCG_CTL_UNREGISTER | (worker ? UMCG_CTL_WORKER : 0));
  }

  /** The observation of one task after the last step. */
  task(name: string) {
    const t = this.obs?.tasks[name];
    if (!t) throw new Error(`no observation of ${name}`);
    return t;
  }

  /** The result of `name`'s call in the last step, rendered, or undefined. */
  result(name: string): string | undefined {
    return this.obs?.results[name]?.ret;
  }
}
