/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The aarch64 side of guest threads (linux-user/thread.h): the CPU state
 * of a thread made by clone(2).  As arm64's copy_thread does, the child
 * gets the parent's registers (general, FP/SIMD, FPCR/FPSR, NZCV, pc
 * after the SVC) with x0 = 0, sp = the clone's stack when one is given
 * and TPIDR_EL0 = tls with CLONE_SETTLS.  The exclusive monitor is not
 * inherited: a store-exclusive in the child without its own
 * load-exclusive fails, as after any context switch.
 */
#include <stdlib.h>
#include <string.h>
#include "linux-user/thread.h"
#include "translate/aarch64/cpu.h"

#define A64_STATE_BYTES ((sizeof(CPUArm64State) + 15) & ~(size_t)15)

void *target_cpu_clone(const void *parent, guest_addr stack, bool set_tls, guest_addr tls)
{
    const CPUArm64State *p = parent;
    CPUArm64State *env = aligned_alloc(16, A64_STATE_BYTES);

    if (!env)
        return NULL;
    memcpy(env, p, sizeof(*env));
    /* Per-thread translator state is the new thread's to set up. */
    env->common.exit_request = 0;
    env->common.jmp_cache = NULL;
    env->common.fault_jmp = NULL;
    env->x[0] = 0;
    if (stack)
        env->x[31] = stack;
    if (set_tls)
        env->tpidr_el0 = tls;
    env->excl_addr = (uint64_t)-1;
    return env;
}

void target_cpu_free(void *cpu_env)
{
    free(cpu_env);
}
