/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Guest memory accesses of full-system mode that leave the inline TLB
 * path (softtlb.h): misses, MMIO, writes to pages holding translated code,
 * unaligned accesses crossing a page.  Called from generated code and the
 * IR interpreter with the return address of the call (or 0 from C), so a
 * guest exception raised here lands on the right guest instruction.
 *
 * The frontend supplies the translation (SoftmmuArch.fill: walk the guest
 * page tables for va and fill the TLB entry, or raise the guest's fault),
 * the machine the physical memory (SoftmmuArch.io_read/io_write for
 * what is not RAM, code_written for RAM pages that hold translated code).
 */
#ifndef GUISE_SOFTMMU_H
#define GUISE_SOFTMMU_H

#include <stdbool.h>
#include <stdint.h>
#include "exec.h"
#include "ir.h"
#include "softtlb.h"

typedef struct SoftmmuArch {
    /* Fill the entry of va for access acc in mmu_idx of env's TLB and
     * return true; when the guest may not access it, raise the guest
     * exception (softmmu_raise: does not return), or with probe just
     * return false.  size is the access size, for the fault syndrome. */
    bool (*fill)(CPUCommon *env, SoftTlb *tlb, uint64_t va, SoftTlbAccess acc,
                 unsigned mmu_idx, unsigned size, bool probe, uintptr_t retaddr);
    /* Device (or unassigned) physical memory: false is an external abort,
     * raised by the arch (does not return) or reported by returning. */
    bool (*io_read)(CPUCommon *env, uint64_t pa, unsigned size, uint64_t *val,
                    uintptr_t retaddr);
    bool (*io_write)(CPUCommon *env, uint64_t pa, unsigned size, uint64_t val,
                     uintptr_t retaddr);
    /* A write reached a RAM page that holds translated code: invalidate
     * its blocks (and let the page be written at full speed again). */
    void (*code_written)(CPUCommon *env, uint64_t pa_page);
    /* The MMU index of env's data accesses now (for helpers that are not
     * told one). */
    unsigned (*cur_mmu_idx)(CPUCommon *env);
    /* A misaligned access (va not a multiple of size): raise the guest's
     * alignment fault if its state asks for one (does not return then). */
    void (*misaligned)(CPUCommon *env, uint64_t va, bool write, uintptr_t retaddr);
} SoftmmuArch;

extern const SoftmmuArch *softmmu_arch;

/* The TLB of the CPU env belongs to (set up by the system layer). */
SoftTlb *softmmu_tlb(CPUCommon *env);

/* Little-endian loads and stores of 1, 2, 4 or 8 bytes (size in bytes);
 * loads return the value zero-extended. */
uint64_t softmmu_ld(CPUCommon *env, uint64_t va, unsigned size, unsigned mmu_idx,
                    uintptr_t retaddr);
void softmmu_st(CPUCommon *env, uint64_t va, uint64_t val, unsigned size, unsigned mmu_idx,
                uintptr_t retaddr);
/* The host address of size bytes at va for an atomic read-modify-write
 * (write permission checked, code on the page invalidated), or NULL when
 * they are not in one RAM page (MMIO, or crossing pages): the caller
 * then reads and writes them through softmmu_ld/st. */
void *softmmu_rmw_ptr(CPUCommon *env, uint64_t va, unsigned size, unsigned mmu_idx,
                      uintptr_t retaddr);

/* For frontend helpers that access guest memory themselves (DC ZVA,
 * 128-bit compare-and-swap): the host address of size bytes at guest
 * address va for reading and writing, through the TLB of this thread's
 * CPU in full-system mode (NULL: not one RAM page; use softmmu_ld/st),
 * guest_base + va in user mode. */
void *guest_rmw_ptr(uint64_t va, unsigned size, uintptr_t retaddr);
/* Their MMIO fallback: softmmu_ld/st for this thread's CPU at its
 * current MMU index. */
uint64_t guest_mmio_ld(uint64_t va, unsigned size, uintptr_t retaddr);
void guest_mmio_st(uint64_t va, uint64_t val, unsigned size, uintptr_t retaddr);

/* The host address of va for an instruction fetch of code in RAM, or NULL
 * when the fetch faults (nothing raised) or the code is not in RAM;
 * *pa gets the physical address. */
const void *softmmu_code_ptr(CPUCommon *env, uint64_t va, unsigned mmu_idx, uint64_t *pa);

/* Installs ir.h's ir_softmmu for full-system programs (softmmu-ir.c),
 * before translating: env + tlb_off is every vCPU's SoftTlb, of 2^tlb_bits
 * entries of 2^page_bits-byte pages per MMU index. */
void softmmu_ir_init(int32_t tlb_off, unsigned page_bits, unsigned tlb_bits);

/* Leave the guest code with env->pc at the instruction whose access is
 * at retaddr (0: env->pc is already right), returning excp from cpu_exec. */
void softmmu_raise(CPUCommon *env, uintptr_t retaddr, int excp) __attribute__((noreturn));

#endif
