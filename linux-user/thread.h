/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Guest threads in Linux user mode (thread.c): one host thread per guest
 * thread, each with its own CPU state, created by clone(2) with CLONE_VM
 * and ended by exit(2).  The system call layer (syscall/thread.c) parses
 * clone, clone3, set_tid_address and the robust list calls and calls
 * these; the architecture supplies target_cpu_clone (linux-user/<arch>/).
 *
 * The per-thread records kept here are what the kernel keeps in its task:
 * the clear_child_tid address (zeroed and futex-woken at exit) and the
 * robust futex list (walked at exit, waking waiters of locks the thread
 * still held, like the kernel's exit_robust_list).
 */
#ifndef GUISE_THREAD_H
#define GUISE_THREAD_H

#include <stdbool.h>
#include "linux-user/user.h"

/* What clone asked for, in the kernel's terms (flags are CLONE_*). */
typedef struct ThreadCloneArgs {
    uint64_t flags;
    guest_addr stack;          /* new sp (0: the parent's) */
    guest_addr parent_tid;     /* CLONE_PARENT_SETTID */
    guest_addr child_tid;      /* CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID */
    guest_addr tls;            /* CLONE_SETTLS */
} ThreadCloneArgs;

/* Start a guest thread that continues from the parent's state (the pc
 * after the system call) with the clone's result 0, the new stack and TLS.
 * Returns the new thread's id or a -errno (guest numbering). */
guest_long thread_create(void *parent_env, const ThreadCloneArgs *ca);

/* clone with CLONE_VM but without CLONE_THREAD (posix_spawn, vfork, a
 * raw clone(CLONE_VM|SIGCHLD)): a new host process that shares guise's
 * memory and runs the child's CPU; with CLONE_VFORK the call returns when
 * the child has exec'd or exited (a signal that kills it in the middle of
 * a block included).  Returns the child's pid or a -errno. */
guest_long thread_create_vm_process(void *parent_env, const ThreadCloneArgs *ca);
/* signal.c: a memory-sharing child without CLONE_SIGHAND gets its own copy
 * of the guest's signal actions. */
void signal_vm_child_init(void);
/* signal.c: the calling thread's alternate signal stack, and replacing it.
 * A vfork child (CLONE_VM|CLONE_VFORK) starts with its parent's, as in
 * Linux (copy_process drops it for CLONE_VM without CLONE_VFORK). */
void signal_altstack_get(GuestStack *alt);
void signal_altstack_set(const GuestStack *alt);
/* The calling thread's table of signal actions, and adopting one: a new
 * thread uses its creator's (signal.c). */
void *signal_actions_current(void);
void signal_actions_adopt(void *table);

/* exit(2) of the calling guest thread: clear_child_tid, the robust list,
 * then the host thread ends.  The last thread to go ends the process with
 * the main thread's status (as the kernel reports the group leader's). */
void thread_exit(void *cpu_env, int status) __attribute__((noreturn));

/* The calling thread's records: set_tid_address and the robust list. */
void thread_set_clear_tid(guest_addr addr);
void thread_set_robust_list(guest_addr head, guest_ulong len);
void thread_get_robust_list(guest_addr *head, guest_ulong *len);

/* Number of live guest threads (membarrier, /proc). */
unsigned thread_count(void);

/* ---- per architecture (linux-user/<arch>/) ---- */
/* A new CPU state for a thread cloned from parent: a copy of its
 * registers with the system call's result 0, sp = stack when nonzero and
 * the thread pointer = tls when set_tls.  NULL if out of memory. */
void *target_cpu_clone(const void *parent, guest_addr stack, bool set_tls, guest_addr tls);
/* Free a state made by target_cpu_clone or target_cpu_new. */
void target_cpu_free(void *cpu_env);

#endif
