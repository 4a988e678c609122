/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SYS instructions at EL1 in full-system mode (see sysregs.h): TLB
 * maintenance, address translation (AT) into PAR_EL1, and the cache
 * maintenance instructions, which need nothing from an emulator whose
 * caches are coherent (data and instruction accesses see the same memory;
 * code modification is caught by the write protection of translated
 * pages).
 *
 * TLBI operands carry VA[55:12] in bits 43:0 and the ASID in 63:48; the
 * software TLB is not ASID-tagged, so a by-ASID flush flushes everything
 * and a by-VA one that page for all ASIDs.  The Inner Shareable forms
 * (and the Outer Shareable ones of FEAT_TLBIOS) reach every vCPU.
 */
#include <stddef.h>
#include "log-system.h"
#include "sysregs.h"
#include "util/log.h"

#define S(op1, crn, crm, op2) A64_SYSREG(1, op1, crn, crm, op2)

typedef enum Kind { K_CACHE, K_TLBI_ALL, K_TLBI_VA, K_AT } Kind;

static const struct SysInsn {
    uint32_t key;
    uint8_t kind, broadcast;
    uint8_t at_el, at_write, at_pan;
} insns[] = {
    /* TLBI ...E1: Inner Shareable (CRm 3), Outer Shareable (1), local (7). */
    { S(0, 8, 3, 0), K_TLBI_ALL, 1, 0, 0, 0 }, { S(0, 8, 3, 2), K_TLBI_ALL, 1, 0, 0, 0 },
    { S(0, 8, 3, 1), K_TLBI_VA, 1, 0, 0, 0 },  { S(0, 8, 3, 3), K_TLBI_VA, 1, 0, 0, 0 },
    { S(0, 8, 3, 5), K_TLBI_VA, 1, 0, 0, 0 },  { S(0, 8, 3, 7), K_TLBI_VA, 1, 0, 0, 0 },
    { S(0, 8, 1, 0), K_TLBI_ALL, 1, 0, 0, 0 }, { S(0, 8, 1, 2), K_TLBI_ALL, 1, 0, 0, 0 },
    { S(0, 8, 1, 1), K_TLBI_VA, 1, 0, 0, 0 },  { S(0, 8, 1, 3), K_TLBI_VA, 1, 0, 0, 0 },
    { S(0, 8, 1, 5), K_TLBI_VA, 1, 0, 0, 0 },  { S(0, 8, 1, 7), K_TLBI_VA, 1, 0, 0, 0 },
    { S(0, 8, 7, 0), K_TLBI_ALL, 0, 0, 0, 0 }, { S(0, 8, 7, 2), K_TLBI_ALL, 0, 0, 0, 0 },
    { S(0, 8, 7, 1), K_TLBI_VA, 0, 0, 0, 0 },  { S(0, 8, 7, 3), K_TLBI_VA, 0, 0, 0, 0 },
    { S(0, 8, 7, 5), K_TLBI_VA, 0, 0, 0, 0 },  { S(0, 8, 7, 7), K_TLBI_VA, 0, 0, 0, 0 },
    /* AT S1E1R/W, S1E0R/W, S1E1RP/WP. */
    { S(0, 7, 8, 0), K_AT, 0, 1, 0, 0 }, { S(0, 7, 8, 1), K_AT, 0, 1, 1, 0 },
    { S(0, 7, 8, 2), K_AT, 0, 0, 0, 0 }, { S(0, 7, 8, 3), K_AT, 0, 0, 1, 0 },
    { S(0, 7, 9, 0), K_AT, 0, 1, 0, 1 }, { S(0, 7, 9, 1), K_AT, 0, 1, 1, 1 },
    /* IC IALLUIS, IALLU, IVAU; DC IVAC, ISW, CSW, CISW, CVAC, CVAU,
     * CIVAC, CVAP, CVADP. */
    { S(0, 7, 1, 0), K_CACHE, 0, 0, 0, 0 }, { S(0, 7, 5, 0), K_CACHE, 0, 0, 0, 0 },
    { S(3, 7, 5, 1), K_CACHE, 0, 0, 0, 0 }, { S(0, 7, 6, 1), K_CACHE, 0, 0, 0, 0 },
    { S(0, 7, 6, 2), K_CACHE, 0, 0, 0, 0 }, { S(0, 7, 10, 2), K_CACHE, 0, 0, 0, 0 },
    { S(0, 7, 14, 2), K_CACHE, 0, 0, 0, 0 }, { S(3, 7, 10, 1), K_CACHE, 0, 0, 0, 0 },
    { S(3, 7, 11, 1), K_CACHE, 0, 0, 0, 0 }, { S(3, 7, 14, 1), K_CACHE, 0, 0, 0, 0 },
    { S(3, 7, 12, 1), K_CACHE, 0, 0, 0, 0 }, { S(3, 7, 13, 1), K_CACHE, 0, 0, 0, 0 },
};

static const struct SysInsn *find(uint32_t key)
{
    for (size_t i = 0; i < sizeof(insns) / sizeof(insns[0]); i++)
        if (insns[i].key == key)
            return &insns[i];
    return NULL;
}

bool a64_sys_insn_known(uint32_t key)
{
    return find(key) != NULL;
}

/* VA[55:12] from bits 43:0, sign-extended from bit 55. */
static uint64_t tlbi_va(uint64_t v)
{
    return (uint64_t)((int64_t)((v & 0xfffffffffffull) << 20) >> 8);
}

/* AT: PAR_EL1 holds the physical address and attributes, or the fault. */
static void at(A64SysRegs *s, const struct SysInsn *d, uint64_t va, bool pan)
{
    A64MmuRegs r;
    A64Translation t;
    A64MmuFault f;

    a64_sysregs_mmu(s, d->at_pan && pan, &r);
    if (a64_mmu_translate(&r, va, d->at_write ? A64_ACCESS_WRITE : A64_ACCESS_READ, d->at_el,
                          false, &t, &f)) {
        /* Normal memory is reported Inner Shareable (SH 11), Device
         * memory (attribute 0000xxxx) Outer Shareable (10). */
        uint64_t sh = (t.attr & 0xf0) ? 3 : 2;
        s->par = (t.pa & 0x0000fffffffff000ull) | (uint64_t)t.attr << 56 | sh << 7 | 1u << 11;
    } else {
        s->par = 1 | (uint64_t)f.fsc << 1 | 1u << 11;
        if (log_enabled(LOG_MMU))
            a64_log_walk(s, "AT", va, d->at_el, NULL, &f);
    }
}

void a64_sys_insn(A64SysRegs *s, uint32_t key, uint64_t v, bool pan)
{
    const struct SysInsn *d = find(key);
    void (*flush)(void *, A64TlbFlush, uint64_t) = s->hooks.tlb_flush;

    if (!d)
        return;
    if (log_enabled(LOG_MMU) && (d->kind == K_TLBI_ALL || d->kind == K_TLBI_VA))
        a64_log_tlbi(s, key, v);
    switch ((Kind)d->kind) {
    case K_CACHE:
        break;
    case K_TLBI_ALL:
        if (flush)
            flush(s->hooks.opaque, d->broadcast ? A64_TLB_FLUSH_ALL_IS : A64_TLB_FLUSH_ALL, 0);
        break;
    case K_TLBI_VA:
        if (flush)
            flush(s->hooks.opaque, d->broadcast ? A64_TLB_FLUSH_VA_IS : A64_TLB_FLUSH_VA,
                  tlbi_va(v));
        break;
    case K_AT:
        at(s, d, v, pan);
        break;
    }
}
