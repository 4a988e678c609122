/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The safe system call stub for x86-64 hosts (see safe-syscall.h): the
 * race between "is a guest signal pending?" and the start of a blocking
 * host call is closed by making the check and the syscall instruction one
 * address range that the host signal handler recognises.  A signal caught
 * at any pc in [safe_syscall_start, safe_syscall_end) has not reached the
 * kernel yet (or the kernel backed the pc up to restart the call):
 * safe_syscall_fixup() sends the thread to safe_syscall_eintr instead, so
 * the call returns -EINTR as if the signal had interrupted it.  After the
 * syscall instruction the pc is safe_syscall_end, outside the range: a
 * finished call keeps its result.
 *
 * Entry: safe_syscall_base(words, nr, a1..a6) with the System V argument
 * registers (words in rdi, nr in rsi, a1-a4 in rdx, rcx, r8, r9, a5 and
 * a6 on the stack); the kernel wants nr in rax and the arguments in rdi,
 * rsi, rdx, r10, r8, r9.  words[0] is the thread's pending set, words[1]
 * its blocked set (guest numbering, signal.c).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include "linux-user/safe-syscall.h"

long safe_syscall_base(const uint64_t *words, long nr, long a1, long a2, long a3, long a4,
                       long a5, long a6);
extern const char safe_syscall_start[], safe_syscall_end[], safe_syscall_eintr[];

__asm__(
    "    .text\n"
    "    .globl safe_syscall_base\n"
    "    .type safe_syscall_base, @function\n"
    "safe_syscall_base:\n"
    "    .cfi_startproc\n"
    "    push %rbx\n"
    "    .cfi_adjust_cfa_offset 8\n"
    "    .cfi_rel_offset %rbx, 0\n"
    "    mov %rdi, %rbx\n"            /* the signal words, kept across the call */
    "    mov %rsi, %rax\n"            /* nr */
    "    mov %rdx, %rdi\n"            /* a1 */
    "    mov %rcx, %rsi\n"            /* a2 */
    "    mov %r8, %rdx\n"             /* a3 */
    "    mov %r9, %r10\n"             /* a4 */
    "    mov 16(%rsp), %r8\n"         /* a5, above the saved rbx and the return address */
    "    mov 24(%rsp), %r9\n"         /* a6 */
    "    .globl safe_syscall_start\n"
    "safe_syscall_start:\n"
    "    mov 8(%rbx), %rcx\n"         /* blocked */
    "    not %rcx\n"
    "    and (%rbx), %rcx\n"          /* pending & ~blocked */
    "    jnz safe_syscall_eintr\n"
    "    syscall\n"
    "    .globl safe_syscall_end\n"
    "safe_syscall_end:\n"
    "    pop %rbx\n"
    "    .cfi_remember_state\n"
    "    .cfi_adjust_cfa_offset -8\n"
    "    .cfi_restore %rbx\n"
    "    ret\n"
    "    .cfi_restore_state\n"
    "    .globl safe_syscall_eintr\n"
    "safe_syscall_eintr:\n"
    "    mov $-4, %rax\n"             /* -EINTR */
    "    pop %rbx\n"
    "    .cfi_adjust_cfa_offset -8\n"
    "    .cfi_restore %rbx\n"
    "    ret\n"
    "    .cfi_endproc\n"
    "    .size safe_syscall_base, .-safe_syscall_base\n");

_Static_assert(EINTR == 4, "the stub returns -4");

long safe_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
    return safe_syscall_base(signal_pending_words(), nr, a1, a2, a3, a4, a5, a6);
}

void safe_syscall_fixup(ucontext_t *uc)
{
    uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];

    if (pc >= (uintptr_t)safe_syscall_start && pc < (uintptr_t)safe_syscall_end)
        uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)safe_syscall_eintr;
}
