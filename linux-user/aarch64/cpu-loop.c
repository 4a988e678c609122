/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The aarch64 side of Linux user mode: what the generic loader and start-up
 * need to know about the guest (target_info, CPU models and their hwcaps,
 * a fresh CPU state) and the CPU loop.
 *
 * a64_cpu_loop() runs cpu_exec() and acts on the exception it returns: an
 * SVC is a system call (number in x8, arguments in x0-x5, result in x0),
 * the rest become the signals Linux would send (SIGILL ILL_ILLOPC for an
 * undefined instruction, SIGTRAP TRAP_BRKPT for BRK, SIGSEGV SEGV_MAPERR or
 * SEGV_ACCERR for a data abort or a fetch from a bad page, SIGBUS BUS_ADRALN
 * for an alignment fault, SIGILL ILL_ILLOPN for a failed pointer
 * authentication (FEAT_FPAC) and ILL_ILLOPC for a Branch Target exception),
 * each with the address the kernel reports; then pending signals are
 * delivered.  A new process gets fresh random PAC keys, all enabled, as
 * Linux gives at exec; target_prctl() serves the PR_PAC_* options.  A system call interrupted by a signal
 * (-EINTR) is run again after the handler when the kernel would restart it
 * (SA_RESTART), by backing the pc up to the SVC with x0 as it was.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "linux-user/safe-syscall.h"
#include "linux-user/user.h"
#include "translate/aarch64/cpu.h"
#include "translate/aarch64/pauth.h"
#include "util/log.h"

#define EM_AARCH64_NUM 183

/* Guest si_code values (generic Linux; signal numbers below 32 are the
 * host's). */
#define G_ILL_ILLOPC  1
#define G_ILL_ILLOPN  2
#define G_TRAP_BRKPT  1
#define G_SEGV_MAPERR 1
#define G_SEGV_ACCERR 2
#define G_BUS_ADRALN  1

/* sizeof(rt_sigframe) + the frame record + alignment slack, as the kernel
 * computes signal_minsigstksz for a CPU without SVE or SME. */
#define A64_MINSIGSTKSZ (4688 + 16 + 16)

const TargetInfo target_info = {
    .name = "aarch64",
    .guest_arch = &a64_guest_arch,
    .elf_machine = EM_AARCH64_NUM,
    /* Linux uses 2/3 of the address space (0xaaaaaaaa0000 with 48-bit VAs);
     * the host's 47 bits hold guise itself up there, so static-pie and other
     * ET_DYN programs go where Linux puts them with 39-bit VAs. */
    .dyn_base = 0x5500000000ull,
    .platform = "aarch64",
    .default_cpu = "max",
    .minsigstksz = A64_MINSIGSTKSZ,
    .cpu_loop = a64_cpu_loop,
};

bool target_cpu_model_ok(const char *model)
{
    return a64_model_find(model) != NULL;
}

void target_cpu_list(void)
{
    printf("Available CPU models for -cpu:\n");
    for (const Arm64Model *m = a64_models; m->name; m++)
        printf("  %s\n", m->name);
    printf("Properties of max: pauth=on|off (pointer authentication), "
           "pauth-impdef=on|off (on: guise's fast PAC hash, the default; off: QARMA5)\n");
}

void target_hwcaps(const char *model, guest_ulong *hwcap, guest_ulong *hwcap2)
{
    const Arm64Model *m = a64_model_find(model);
    BUG_ON(!m);
    *hwcap = a64_hwcap(m);
    *hwcap2 = a64_hwcap2(m);
}

void *target_cpu_new(const char *model, guest_addr entry, guest_addr sp)
{
    CPUArm64State *env = aligned_alloc(16, (sizeof(*env) + 15) & ~(size_t)15);

    BUG_ON(!env);
    memset(env, 0, sizeof(*env));
    env->model = a64_model_find(model);
    BUG_ON(!env->model);
    env->common.pc = entry;
    env->x[31] = sp;
    env->excl_addr = (uint64_t)-1;
    if (A64_HAS(env, A64_FEAT_PACA) || A64_HAS(env, A64_FEAT_PACG)) {
        a64_pauth_reset_keys(env, (1u << A64_NKEYS) - 1);
        env->pac_enabled = A64_PAC_ADDR_KEYS;
    }
    return env;
}

/* ---- prctl: PR_PAC_* (Linux's ptrauth_prctl_reset_keys and
 * ptrauth_{set,get}_enabled_keys; errors as there) ---- */

#define G_PR_PAC_RESET_KEYS       54
#define G_PR_PAC_SET_ENABLED_KEYS 60
#define G_PR_PAC_GET_ENABLED_KEYS 61
#define G_PAC_ALL_KEYS ((1u << A64_NKEYS) - 1)

guest_long target_prctl(void *cpu_env, int option, const guest_ulong *a)
{
    CPUArm64State *env = cpu_env;
    bool addr = A64_HAS(env, A64_FEAT_PACA), gen = A64_HAS(env, A64_FEAT_PACG);

    switch (option) {
    case G_PR_PAC_RESET_KEYS:
        if ((!addr && !gen) || a[2] || a[3] || a[4] || (a[1] & ~(guest_ulong)G_PAC_ALL_KEYS))
            return -EINVAL;
        if (((a[1] & A64_PAC_ADDR_KEYS) && !addr) || ((a[1] & (1u << A64_KEY_GA)) && !gen))
            return -EINVAL;
        a64_pauth_reset_keys(env, a[1] ? (unsigned)a[1] :
                             (addr ? A64_PAC_ADDR_KEYS : 0) | (gen ? 1u << A64_KEY_GA : 0));
        return 0;
    case G_PR_PAC_SET_ENABLED_KEYS:
        if (!addr || a[3] || a[4] || (a[1] & ~(guest_ulong)A64_PAC_ADDR_KEYS) || (a[2] & ~a[1]))
            return -EINVAL;
        env->pac_enabled = (env->pac_enabled & ~(uint32_t)a[1]) | (uint32_t)a[2];
        return 0;
    case G_PR_PAC_GET_ENABLED_KEYS:
        if (!addr || a[1] || a[2] || a[3] || a[4])
            return -EINVAL;
        return env->pac_enabled;
    }
    return -EINVAL;
}

/* ---- the loop ---- */

/* System calls Linux never restarts after a handler, SA_RESTART or not
 * (signal(7)): asm-generic numbers. */
static bool a64_never_restarted(int nr)
{
    static const uint16_t nrs[] = {
        4,   /* io_getevents */     22,  /* epoll_pwait */      72,  /* pselect6 */
        73,  /* ppoll */            101, /* nanosleep */        115, /* clock_nanosleep */
        133, /* rt_sigsuspend */    137, /* rt_sigtimedwait */  188, /* msgrcv */
        189, /* msgsnd */           192, /* semtimedop */       193, /* semop */
        292, /* io_pgetevents */    441, /* epoll_pwait2 */
    };
    for (size_t i = 0; i < sizeof(nrs) / sizeof(nrs[0]); i++)
        if (nrs[i] == nr)
            return true;
    return false;
}

static void a64_syscall(CPUArm64State *env)
{
    int nr = (int)env->x[8];
    guest_long r = do_syscall(env, nr, env->x[0], env->x[1], env->x[2], env->x[3],
                              env->x[4], env->x[5]);

    if (r == SYSCALL_NO_RESULT)
        return;
    if (r == SYSCALL_RESTART_ALWAYS) {
        env->common.pc -= 4;
        return;
    }
    if (r == -EINTR && !a64_never_restarted(nr) && signal_restart_syscall(env)) {
        env->common.pc -= 4;          /* back to the SVC; x0 still holds its argument */
        return;
    }
    env->x[0] = (uint64_t)r;
}

/* SEGV_MAPERR for an unmapped address, SEGV_ACCERR for a protection fault. */
static int segv_code(guest_addr addr)
{
    return (page_get_flags(addr) & PAGE_VALID) ? G_SEGV_ACCERR : G_SEGV_MAPERR;
}

static void a64_fault(CPUArm64State *env, guest_addr addr)
{
    queue_guest_signal(env, SIGSEGV, segv_code(addr), addr);
}

/* PC alignment faults report the pc, data alignment faults the address. */
static void a64_align(CPUArm64State *env)
{
    guest_addr pc = env->common.pc;
    queue_guest_signal(env, SIGBUS, G_BUS_ADRALN, (pc & 3) ? pc : env->common.fault_addr);
}

void a64_cpu_loop(void *cpu_env)
{
    CPUArm64State *env = cpu_env;

    process_pending_signals(env);      /* binds this thread's signal state */
    for (;;) {
        int excp = cpu_exec(&env->common);
        guest_addr pc = env->common.pc;

        switch (excp) {
        case EXCP_INTERRUPT:   break;
        case EXCP_SYSCALL:     a64_syscall(env); break;
        case EXCP_UDEF:        queue_guest_signal(env, SIGILL, G_ILL_ILLOPC, pc); break;
        case EXCP_BKPT:        queue_guest_signal(env, SIGTRAP, G_TRAP_BRKPT, pc); break;
        case EXCP_FAULT_READ:
        case EXCP_FAULT_WRITE: a64_fault(env, env->common.fault_addr); break;
        case EXCP_FAULT_FETCH: a64_fault(env, pc); break;
        case EXCP_ALIGN:       a64_align(env); break;
        case EXCP_A64_FPAC:    queue_guest_signal(env, SIGILL, G_ILL_ILLOPN, pc); break;
        case EXCP_A64_BTI:     queue_guest_signal(env, SIGILL, G_ILL_ILLOPC, pc); break;
        default:
            bug_at(__FILE__, __LINE__, "cpu_exec returned unknown exception %d", excp);
        }
        process_pending_signals(env);
    }
}
