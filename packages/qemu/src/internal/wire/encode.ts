/**
 * Request lines of packages/native/PROTOCOL.md for a trace or a litmus program. A stand-in until `@umcg/native`
 * exports its wire encoder (then this file goes and `codec.ts` imports that one).
 * @module
 */
import type { Action, LitmusProgram, TaskDecl, Value } from '@umcg/spec';

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

/** `num:<hex>`, `tid:<task>:<hex bits>`, `addr:<task>`, `garbage`. */
export function encodeValue(v: Value): string {
  switch (v.kind) {
    case 'num':
      return `num:${v.value < 0 ? `-${(-v.value).toString(16)}` : v.value.toString(16)}`;
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

const taskList = (tasks: readonly TaskDecl[]): string =>
  `${tasks.length} ${tasks.map((t) => (t.memory === 'shmem' ? `${t.name}:shmem` : t.name)).join(' ')}`;

/** The request of a trace: `trace <id> ...`, one `step` line per action, `end`. */
export function encodeTraceRequest(
  id: string,
  tasks: readonly TaskDecl[],
  actions: readonly Action[],
): string[] {
  return [`trace ${id} ${taskList(tasks)}`, ...actions.map((a) => `step ${encodeAction(a)}`), 'end'];
}

/** The request of a litmus program: `litmus <id> ...`, `pro` prologue steps, `thr <task> <op> ...` lines, `end`. */
export function encodeLitmusRequest(id: string, program: LitmusProgram): string[] {
  const lines = [
    `litmus ${id} ${taskList(program.tasks)}`,
    ...program.prologue.map((a) => `pro ${encodeAction(a)}`),
  ];
  for (const [task, actions] of Object.entries(program.threads)) {
    for (const a of actions)
      lines.push(`thr ${task} ${encodeAction(a).replace(/^(\S+) \S+/, '$1')}`.trimEnd());
  }
  lines.push('end');
  return lines;
}
