/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The aarch64 CPU of full-system mode: the user-mode CPU state with the
 * EL1 system registers and a software TLB beside it, and what the vCPU
 * loop needs around cpu_exec: the block identity (exception level, PAN
 * and the physical pc), the TLB fill by page-table walk with the data and
 * instruction aborts it raises, MMIO and code-page writes, and turning the
 * dispatcher's exit codes into architectural exceptions taken to EL1,
 * interrupts included.
 *
 * PSTATE: NZCV lives in env's flag words, BTYPE in env->btype, everything
 * else (EL, SPSel, DAIF, PAN, UAO, DIT, SSBS, IL, SS) in env->pstate in
 * the SPSR layout; a64_sys_pstate() packs the whole.
 */
#ifndef GUISE_A64_CPU_SYSTEM_H
#define GUISE_A64_CPU_SYSTEM_H

#include "cpu.h"
#include "sysregs.h"
#include "translate/softmmu.h"

typedef struct A64SysCpu {
    CPUArm64State env;        /* first: a CPUCommon * is an A64SysCpu * */
    A64SysRegs sys;
    SoftTlb tlb;
} A64SysCpu;

/* The software TLB: 4 KiB pages (the smallest granule), 2^10 entries per
 * MMU index. */
#define A64_SYS_PAGE_BITS 12
#define A64_SYS_TLB_BITS 10

/* MMU indexes of the EL1&0 regime: EL0, EL1, EL1 with PSTATE.PAN set. */
enum { A64_MMU_EL0, A64_MMU_EL1, A64_MMU_EL1_PAN, A64_MMU_COUNT };

/* Exit codes of full-system mode beyond user mode's. */
enum {
    EXCP_A64_TAKEN = EXCP_ARCH_BASE + 0x40,   /* an exception was taken: go on */
    EXCP_A64_WFI,                             /* WFI at pc - 4: sleep unless pending */
    EXCP_A64_HVC,                             /* HVC #excp_arg, pc after it */
    EXCP_A64_SMC,
};

/* helper_msr_pstate's field for MSR DAIF, Xt (the others are op1:op2). */
#define A64_MSR_DAIF_REG 0x40

/* The decoder of full-system mode (sys-el1.c's table first, then user
 * mode's; a64_sys_decode in translate.h): build it, and switch the
 * frontend to it for good. */
void a64_sys_arch_init(void);

/* What the vCPU loop does after a64_sys_handle_exit. */
typedef enum A64SysNext { A64_SYS_RUN, A64_SYS_HALT, A64_SYS_STOP } A64SysNext;

static inline A64SysCpu *a64_syscpu(CPUCommon *env)
{
    return (A64SysCpu *)env;
}

/* Set up (TLB allocation; false when out of memory) and reset: EL1h with
 * DAIF masked, MMU off, pc and x0 as the boot protocol wants them. */
bool a64_sys_init(A64SysCpu *c, const Arm64Model *model);
void a64_sys_reset(A64SysCpu *c, uint64_t pc, uint64_t x0);
void a64_sys_destroy(A64SysCpu *c);

uint64_t a64_sys_pstate(const A64SysCpu *c);
void a64_sys_set_pstate(A64SysCpu *c, uint64_t v);
unsigned a64_sys_mmu_idx(const A64SysCpu *c);

/* Take an exception to EL1 with ELR = env pc (set it to the preferred
 * return address first). */
void a64_sys_exception(A64SysCpu *c, A64ExcKind kind, uint64_t esr, bool has_far, uint64_t far);
/* ERET. */
void a64_sys_eret(A64SysCpu *c);

/* After PSTATE changed (DAIF, ERET): leave the block loop if an
 * interrupt already pending is now unmasked (it raised no new edge). */
void a64_sys_recheck_irq(A64SysCpu *c);
/* Take a pending, unmasked IRQ or FIQ (hooks.pending); true if taken. */
bool a64_sys_check_irq(A64SysCpu *c);
/* After cpu_exec returned excp: take the exception it stands for. */
A64SysNext a64_sys_handle_exit(A64SysCpu *c, int excp);

/* The host address of the instruction at pc (RAM only) and its physical
 * address, through the TLB under the current EL; NULL if it cannot be
 * fetched (nothing raised). */
const void *a64_sys_code_ptr(A64SysCpu *c, uint64_t pc, uint64_t *phys);

/* GuestArch.tb_id and the SoftmmuArch of full-system aarch64. */
bool a64_sys_tb_id(CPUCommon *env, uint64_t pc, uint32_t *flags, uint64_t *phys);
uint32_t a64_sys_tb_flags(CPUCommon *env);
extern const SoftmmuArch a64_softmmu;

#endif
