/**
 * Transition labels: the short names (R0a-R18 for kernel transitions, W1-W7 for races) that comments, traces and
 * rule titles use for the steps of the reference protocol. Each label is defined here, in our words, by the rules
 * that make it precise; SPEC.md renders the table with one anchor per label.
 * @module
 */
import type { RuleId } from './catalogue.js';

/** One label: what it names and the rules that state it. */
export interface TransitionLabel {
  /** The label, e.g. `R15`. */
  readonly label: string;
  /** What it names. */
  readonly summary: string;
  /** The rules that state it. */
  readonly rules: readonly RuleId[];
}

/** Every label, in order. */
export const TRANSITION_LABELS: readonly TransitionLabel[] = [
  { label: 'R0a', summary: 'a server registers', rules: ['ctl.register.server'] },
  {
    label: 'R0b',
    summary: 'a worker registers: enqueued, server woken, waits to be run',
    rules: ['ctl.register.worker'],
  },
  {
    label: 'R1',
    summary: "a worker's syscall or exception entry pins self and server",
    rules: ['hook.enter.pin'],
  },
  {
    label: 'R2',
    summary:
      'block detection: a pinned worker about to sleep becomes BLOCKED (b: also from RUNNABLE|COND_WAIT)',
    rules: ['hook.block.running', 'hook.block.runnable', 'hook.block.wake-server'],
  },
  { label: 'R3', summary: 'a syscall that did not block just unpins at exit', rules: ['hook.exit.no-block'] },
  { label: 'R4', summary: 'an unpinned sleep is not reported', rules: ['hook.block.unpinned'] },
  {
    label: 'R5',
    summary: 'unblock: at exit a blocked worker is enqueued and waits to be run',
    rules: ['hook.exit.unblock'],
  },
  {
    label: 'R6',
    summary: 'waiting for RUNNING, re-reading the state after every wakeup',
    rules: ['sleep.loop', 'sleep.running'],
  },
  { label: 'R7', summary: 'a server switches to a worker through next_tid', rules: ['wait.next.wake'] },
  {
    label: 'R8',
    summary: 'a server idles while its worker runs (next_tid with TID_RUNNING)',
    rules: ['wait.next.tid-running'],
  },
  {
    label: 'R9',
    summary: 'preemption of a RUNNING worker at return to user',
    rules: ['hook.resume.preempt'],
  },
  { label: 'R10', summary: 'a preemption request loses against a block', rules: ['hook.block.running'] },
  { label: 'R11', summary: 'PREEMPT on a task that is not RUNNING is fatal', rules: ['hook.resume.kill'] },
  {
    label: 'R12',
    summary: 'the return-to-user hook lets RUNNING and RUNNABLE|COND_WAIT pass',
    rules: ['hook.resume.pass'],
  },
  { label: 'R13', summary: 'a worker yields: enqueued, server woken', rules: ['wait.worker.enqueue'] },
  {
    label: 'R14',
    summary: 'a worker switches to another worker',
    rules: ['wait.next.wake', 'wait.worker.enqueue'],
  },
  {
    label: 'R15',
    summary: 'a failed switch returns its error and does not enqueue (v2)',
    rules: ['wait.next.failure'],
  },
  { label: 'R16', summary: 'who makes a waiting server RUNNING', rules: ['state.wake-server'] },
  { label: 'R17', summary: 'a worker unregisters and wakes its server', rules: ['ctl.unregister.effects'] },
  { label: 'R18', summary: 'a server unregisters', rules: ['ctl.unregister.effects'] },
  {
    label: 'W1',
    summary: "only a task's own context moves it out of RUNNING",
    rules: ['state.update.from-mismatch'],
  },
  { label: 'W2', summary: "a task's own store races with a PREEMPT CAS", rules: ['hook.resume.preempt'] },
  {
    label: 'W3',
    summary: "a wake races with the waiter's own CAS at umcg_wait entry",
    rules: ['wait.self-not-runnable'],
  },
  { label: 'W4', summary: 'two wakers race on one RUNNABLE task', rules: ['wait.next.not-runnable'] },
  { label: 'W5', summary: 'a block races with a PREEMPT CAS', rules: ['hook.block.running'] },
  { label: 'W6', summary: 'a timer expiry races with a wake', rules: ['wait.timeout'] },
  { label: 'W7', summary: 'a push races with a list consumer', rules: ['list.push', 'list.take'] },
];
