/**
 * One simulated process under one seed: executes steps to quiescence and reports observations
 * (EXECUTION-MODEL.md "Steps", "Observations").
 * @module
 */
import {
  type Action,
  type CallResult,
  isEnvEvent,
  type ProfileParams,
  type StepObservation,
  type TaskDecl,
} from '@umcg/spec/vocabulary';
import type { MutantName } from '../../mutants/names.js';
import { Kernel } from '../kernel.js';
import { Rng } from '../rng.js';
import type { Task } from '../task.js';
import { userAction } from '../user.js';
import { taskOf } from '../values.js';
import { applyEvent } from './events.js';
import { spontaneousInterrupts } from './interrupts.js';
import type { Knobs } from './knobs.js';
import { observe, stamps } from './observe.js';
import { runToQuiescence } from './scheduler.js';

/** How a machine is configured. */
export interface MachineConfig {
  /** Profile parameters. */
  readonly params: ProfileParams;
  /** Active mutant. */
  readonly mutant: MutantName | undefined;
  /** Knobs. */
  readonly knobs: Knobs;
}

/** Why a step could not be executed. */
export type StepProblem = 'ill-formed' | 'livelock';

/** A running simulation. */
export class Machine {
  /** The kernel. */
  readonly k: Kernel;
  /** Results of the calls that returned since the last reset. */
  results: Record<string, CallResult> = {};
  /** Litmus mode: start a task's next queued action when it returns to user mode. */
  litmus = false;

  /** Configuration. */
  readonly cfg: MachineConfig;

  /** Boots the process. */
  constructor(cfg: MachineConfig, tasks: readonly TaskDecl[], seed: number) {
    this.cfg = cfg;
    this.k = new Kernel(cfg.params, cfg.mutant, new Rng(seed), tasks, cfg.knobs.cpus);
  }

  /** Runs one step to quiescence and observes. */
  step(a: Action): StepObservation | StepProblem {
    const k = this.k;
    this.results = {};
    if (k.killed) return observe(k, stamps(k), {});
    const before = stamps(k);
    if (isEnvEvent(a)) applyEvent(k, a, this.cfg.knobs.queueSignals);
    else {
      const t = taskOf(k, a.task);
      if (t.mode !== 'user' || t.gen !== null) return 'ill-formed';
      this.start(t, a);
    }
    if (!this.settle()) return 'livelock';
    return observe(k, before, this.results);
  }

  /** Gives `t` its next user action. */
  start(t: Task, a: Parameters<typeof userAction>[2]): void {
    t.spontaneous = false;
    t.gen = userAction(this.k, t, a);
    this.k.enqueue(t);
  }

  /** Runs to quiescence, letting optional interrupts land; false on livelock. */
  settle(): boolean {
    const onDone = (t: Task, r: CallResult | undefined): void => {
      if (r !== undefined) this.results[t.name] = r;
      const next = this.litmus && t.mode === 'user' ? t.queue.shift() : undefined;
      if (next !== undefined) this.start(t, next);
    };
    for (;;) {
      if (!runToQuiescence(this.k, this.cfg.knobs, onDone)) return false;
      if (this.k.killed || !spontaneousInterrupts(this.k, this.cfg.knobs)) return true;
    }
  }
}
