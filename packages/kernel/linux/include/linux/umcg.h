/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UMCG_H
#define _LINUX_UMCG_H

#include <linux/sched.h>

struct pt_regs;

#ifdef CONFIG_UMCG

void umcg_sys_enter(struct pt_regs *regs, long syscall);
void umcg_sys_exit(struct pt_regs *regs);
bool umcg_exception_enter(struct pt_regs *regs);
void umcg_exception_exit(struct pt_regs *regs);
void umcg_notify_resume(struct pt_regs *regs);
void umcg_wq_worker_sleeping(struct task_struct *tsk);
void umcg_wq_worker_running(struct task_struct *tsk);
void umcg_clear_child(struct task_struct *tsk);
void umcg_execve(struct task_struct *tsk);
void umcg_handle_exit(void);

#else /* !CONFIG_UMCG */

static inline void umcg_sys_enter(struct pt_regs *regs, long syscall) { }
static inline void umcg_sys_exit(struct pt_regs *regs) { }
static inline bool umcg_exception_enter(struct pt_regs *regs) { return false; }
static inline void umcg_exception_exit(struct pt_regs *regs) { }
static inline void umcg_notify_resume(struct pt_regs *regs) { }
static inline void umcg_wq_worker_sleeping(struct task_struct *tsk) { }
static inline void umcg_wq_worker_running(struct task_struct *tsk) { }
static inline void umcg_clear_child(struct task_struct *tsk) { }
static inline void umcg_execve(struct task_struct *tsk) { }
static inline void umcg_handle_exit(void) { }

#endif /* CONFIG_UMCG */

#endif /* _LINUX_UMCG_H */
