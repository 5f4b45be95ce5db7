/**
 * Request lines of PROTOCOL.md: a trace or a litmus program compiled to `trace`/`litmus`, `step`/`pro`/`thr` and
 * `end` lines. Values stay symbolic (`tid:w0:0`, `addr:w1`, `garbage`); the executor owns tids and addresses.
 * @module
 */
import type { Action, LitmusProgram, TaskDecl, Value } from '@umcg/spec/vocabulary';
import type { TaskSkew } from './skew.js';

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

/** `num:<hex>` (two's complement for negatives), `tid:<task>:<hex bits>`, `addr:<task>`, `garbage`. */
export function encodeValue(v: Value): string {
  switch (v.kind) {
    case 'num': {
      const n = BigInt.asUintN(64, BigInt(Math.trunc(v.value)));
      return `num:${n.toString(16)}`;
    }
    case 'tid':
      return `tid:${v.task}:${(v.bits >>> 0).toString(16)}`;
    case 'addr':
      return `addr:${v.task}`;
    case 'garbage':
      return 'garbage';
  }
}

/** `<op> <task> [key=value ...]` for one action. */
export function encodeAction(a: Action): string {
  const head = `${a.op} ${a.task}`;
  switch (a.op) {
    case 'store':
      return `${head} target=${a.target} field=${a.field} value=${encodeValue(a.value)}`;
    case 'cas':
      return `${head} target=${a.target} field=${a.field} expect=${encodeValue(a.expect)} value=${encodeValue(a.value)}`;
    case 'take':
      return `${head} target=${a.target}`;
    case 'ctl': {
      const self = a.self.kind === 'of' ? `of:${a.self.task}` : a.self.kind;
      return `${head} flags=${hex(a.flags)} self=${self} clock=${a.clock}`;
    }
    case 'wait':
      return `${head} flags=${hex(a.flags)} timeout=${a.timeout}`;
    case 'kick':
      return `${head} flags=${hex(a.flags)} tid=${encodeValue(a.tid)}`;
    case 'syscall':
    case 'fault':
      return `${head} blocking=${a.blocking ? 1 : 0}`;
    default:
      return head;
  }
}

/** `<n> <name>[:shmem] ...` of a header line. */
export function encodeTasks(tasks: readonly TaskDecl[]): string {
  return `${tasks.length} ${tasks.map((t) => (t.memory === 'shmem' ? `${t.name}:shmem` : t.name)).join(' ')}`;
}

/** Ids travel as one token: anything but letters, digits and `._:-` becomes `_`. */
export function encodeId(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9._:-]/g, '_');
  return clean === '' ? '_' : clean;
}

/** The request lines of a trace: `trace <id> ...`, one `step` line per action, `end`. */
export function encodeTrace(id: string, tasks: readonly TaskDecl[], actions: readonly Action[]): string[] {
  return [
    `trace ${encodeId(id)} ${encodeTasks(tasks)}`,
    ...actions.map((a) => `step ${encodeAction(a)}`),
    'end',
  ];
}

/**
 * The request lines of a litmus program: `litmus <id> ...`, `pro` prologue steps, `thr <task> <op> ...`, optional
 * `skew <task> delay=<spins> cpu=<n|-1>` lines (klitmus-style start offsets and placement), `end`.
 */
export function encodeLitmus(
  id: string,
  program: LitmusProgram,
  skew: Readonly<Record<string, TaskSkew>> = {},
): string[] {
  const lines = [
    `litmus ${encodeId(id)} ${encodeTasks(program.tasks)}`,
    ...program.prologue.map((a) => `pro ${encodeAction(a)}`),
  ];
  for (const [task, actions] of Object.entries(program.threads)) {
    for (const a of actions) {
      const [op, , ...rest] = encodeAction(a).split(' ');
      lines.push([`thr ${task} ${op}`, ...rest].join(' '));
    }
  }
  for (const [task, k] of Object.entries(skew)) lines.push(`skew ${task} delay=${k.delay} cpu=${k.cpu}`);
  lines.push('end');
  return lines;
}

/** The `config` line (syscall numbers and the per-step quiescence timeout). */
export function encodeConfig(c: {
  readonly ctl: number;
  readonly wait: number;
  readonly kick: number;
  readonly timeoutMs: number;
}): string {
  return `config ctl=${c.ctl} wait=${c.wait} kick=${c.kick} timeout_ms=${Math.max(1, Math.round(c.timeoutMs))}`;
}
