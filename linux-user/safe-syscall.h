/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Blocking host system calls that a guest signal can interrupt
 * (safe-syscall.c).  A guest signal caught by guise's host handler is only
 * queued; the guest sees it when the CPU loop next delivers signals.  A
 * system call that blocks must therefore not start once such a signal is
 * queued, or it would sleep until something else woke it.  safe_syscall()
 * checks for a queued, unblocked guest signal and makes the host call in
 * one small assembly stub; the host signal handler calls
 * safe_syscall_fixup(), which moves a thread caught between the check and
 * the syscall instruction to the stub's -EINTR exit.  A signal arriving
 * during the call interrupts it as usual (guise's handlers have no
 * SA_RESTART), so either way the call returns -EINTR and the CPU loop
 * restarts it after the guest's handler when SA_RESTART asks for that.
 */
#ifndef GUISE_SAFE_SYSCALL_H
#define GUISE_SAFE_SYSCALL_H

#include <stdbool.h>
#include <stdint.h>
#include <ucontext.h>

/* The host system call nr with six arguments (unused ones 0): the result
 * or -errno as the raw kernel returns it (errno is left alone); -EINTR at
 * once when an unblocked guest signal is pending on this thread. */
long safe_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* A handler's result for a call the kernel restarts after any signal
 * handler, SA_RESTART or not (ERESTARTNOINTR, e.g. FUTEX_LOCK_PI): the
 * CPU loop runs the system call again once signals are delivered. */
#define SYSCALL_RESTART_ALWAYS (-513L)

/* From a host signal handler: if the interrupted context is inside the
 * stub before its syscall instruction, make it return -EINTR. */
void safe_syscall_fixup(ucontext_t *uc);

/* This thread's guest signal words, pending then blocked (signal.c);
 * the stub tests pending & ~blocked. */
const uint64_t *signal_pending_words(void);

#endif
