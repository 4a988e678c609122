/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The aarch64 stage-1 translation of the EL1&0 regime (VMSAv8-64), for
 * full-system mode: a virtual address, the translation registers and an
 * access give either the physical address with its permissions and memory
 * attributes, or the fault the architecture reports (with the ESR fault
 * status code).  Pure: the translation tables are read, and the access
 * flag and dirty state updated, through callbacks on physical memory, so
 * the software TLB, the vCPU loop and the unit tests all use the same walk.
 *
 * Covered: 4K, 16K and 64K granules for both halves, VA sizes from T0SZ/
 * T1SZ (25 to 48 bits, and 52 with 64K pages), top-byte ignore (TBI/TBID),
 * table and block descriptors at every level the granule allows,
 * hierarchical permissions (APTable, UXN/PXNTable, HPD), AP/UXN/PXN,
 * SCTLR.WXN, PSTATE.PAN, the implicit PXN of EL0-writable pages, the
 * hardware access flag (TCR.HA) and dirty state (TCR.HD with DBM), 8- and
 * 16-bit ASIDs (TCR.A1, TCR.AS), the output address size (TCR.IPS), the
 * MMU off (SCTLR.M = 0).  Not covered yet: 52-bit output addresses
 * (FEAT_LPA/LPA2), stage 2, EL2/EL3 regimes, contiguous-hint TLB grouping.
 */
#ifndef GUISE_A64_MMU_H
#define GUISE_A64_MMU_H

#include <stdbool.h>
#include <stdint.h>

/* What the walk reads: the EL1&0 translation registers and PSTATE.PAN. */
typedef struct A64MmuRegs {
    uint64_t sctlr, tcr, ttbr0, ttbr1, mair;
    bool pan;
    /* Physical memory: read a descriptor; compare-and-swap one when the
     * hardware updates the access flag or dirty state.  false means an
     * external abort on the walk (no memory there). */
    bool (*read64)(void *opaque, uint64_t pa, uint64_t *val);
    bool (*cas64)(void *opaque, uint64_t pa, uint64_t old, uint64_t val);
    void *opaque;
} A64MmuRegs;

typedef enum A64Access {
    A64_ACCESS_READ, A64_ACCESS_WRITE, A64_ACCESS_EXEC,
} A64Access;

/* Permission bits of a translation, for EL0 and for EL1. */
enum {
    A64_PROT_R0 = 1, A64_PROT_W0 = 2, A64_PROT_X0 = 4,
    A64_PROT_R1 = 8, A64_PROT_W1 = 16, A64_PROT_X1 = 32,
};

typedef struct A64Translation {
    uint64_t pa;          /* the physical address of va */
    unsigned size_log2;   /* the size of the page or block mapping it */
    unsigned prot;        /* A64_PROT_*, after all permission rules */
    uint8_t attr;         /* the MAIR_EL1 attribute byte */
    uint16_t asid;
    bool global;          /* nG was 0: matches every ASID */
} A64Translation;

/* Fault status codes (ESR_ELx.DFSC/IFSC) without the level in bits 1:0. */
enum {
    A64_FSC_ADDR_SIZE = 0x00, A64_FSC_TRANSLATION = 0x04,
    A64_FSC_ACCESS_FLAG = 0x08, A64_FSC_PERMISSION = 0x0c,
    A64_FSC_WALK_ABORT = 0x14,
};

typedef struct A64MmuFault {
    unsigned fsc;         /* A64_FSC_* | level (0-3; -1 levels are not used) */
    unsigned level;
    /* For -d mmu: the descriptor the walk stopped at and its physical
     * address (has_desc false: the fault came before any was read; a walk
     * abort has desc_pa but no desc). */
    bool has_desc;
    uint64_t desc, desc_pa;
} A64MmuFault;

/* Translate va for an access at EL el (0 or 1); unprivileged is an
 * LDTR/STTR-style access at EL1 checked with EL0 permissions.  Returns
 * true with *t filled, or false with *f filled. */
bool a64_mmu_translate(const A64MmuRegs *r, uint64_t va, A64Access acc, unsigned el,
                       bool unprivileged, A64Translation *t, A64MmuFault *f);

/* The current ASID: from TTBR1 or TTBR0 as TCR.A1 says, 8 or 16 bits as TCR.AS says. */
uint16_t a64_mmu_asid(const A64MmuRegs *r);

#endif
