/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stage-1 translation table walk of the EL1&0 regime (see mmu.h).
 *
 * The walk follows the Arm ARM's VMSAv8-64 chapter (D8): the half of the
 * address space is chosen by VA bit 55, its TCR_EL1 fields give the
 * granule, the VA size and so the starting level (one level per
 * granule-3 bits of VA above the page offset); each level indexes a table
 * of 8-byte descriptors; a table descriptor (bits 1:0 = 11 above level 3)
 * points at the next table and may restrict everything below it, a block
 * (01 above level 3, at the levels the granule allows) or page (11 at
 * level 3) descriptor ends the walk.  The output permissions combine
 * AP[2:1], the execute-never bits and the table restrictions as
 * AArch64.S1ApplyOutputPerms does, then SCTLR.WXN and PSTATE.PAN.
 *
 * Access flag and dirty state: with TCR.HA the walk sets AF itself, with
 * TCR.HD a write to a writable-clean page (DBM = 1, AP[2] = 1) clears
 * AP[2]; both by compare-and-swap on the descriptor, walking again if
 * another vCPU changed it meanwhile.  A read of a writable-clean page
 * returns a read-only translation, so the first write walks again and
 * marks the page dirty.
 */
#include "mmu.h"

#define BIT(d, n) (((d) >> (n)) & 1)
#define FIELD(d, pos, len) (((d) >> (pos)) & ((1ull << (len)) - 1))

/* Descriptor bits. */
enum {
    D_VALID = 0, D_TABLE = 1, D_ATTRINDX = 2, D_AP1 = 6, D_AP2 = 7, D_AF = 10,
    D_NG = 11, D_DBM = 51, D_PXN = 53, D_UXN = 54,
    D_PXNTABLE = 59, D_UXNTABLE = 60, D_APTABLE0 = 61, D_APTABLE1 = 62,
};

/* TCR_EL1 fields of one half of the address space. */
typedef struct Half {
    unsigned tsz, granule, pa_bits;
    bool epd, tbi, hpd;
    uint64_t ttbr;
} Half;

/* The output address size TCR.IPS selects, within the 48 bits we implement. */
static unsigned ips_bits(uint64_t tcr)
{
    static const uint8_t bits[8] = { 32, 36, 40, 42, 44, 48, 48, 48 };
    return bits[FIELD(tcr, 32, 3)];
}

static void get_half(const A64MmuRegs *r, bool hi, bool exec, Half *h)
{
    uint64_t tcr = r->tcr;
    unsigned tg;

    if (!hi) {
        tg = FIELD(tcr, 14, 2);                    /* 00 4K, 01 64K, 10 16K */
        h->granule = tg == 1 ? 16 : tg == 2 ? 14 : 12;
        h->tsz = FIELD(tcr, 0, 6);
        h->epd = BIT(tcr, 7);
        h->tbi = BIT(tcr, 37) && !(exec && BIT(tcr, 51));
        h->hpd = BIT(tcr, 41);
        h->ttbr = r->ttbr0;
    } else {
        tg = FIELD(tcr, 30, 2);                    /* 01 16K, 10 4K, 11 64K */
        h->granule = tg == 3 ? 16 : tg == 1 ? 14 : 12;
        h->tsz = FIELD(tcr, 16, 6);
        h->epd = BIT(tcr, 23);
        h->tbi = BIT(tcr, 38) && !(exec && BIT(tcr, 52));
        h->hpd = BIT(tcr, 42);
        h->ttbr = r->ttbr1;
    }
    /* Out-of-range sizes behave as the nearest supported one. */
    unsigned min = h->granule == 16 ? 12 : 16;
    if (h->tsz < min)
        h->tsz = min;
    if (h->tsz > 39)
        h->tsz = 39;
    h->pa_bits = ips_bits(tcr);
}

uint16_t a64_mmu_asid(const A64MmuRegs *r)
{
    uint64_t ttbr = BIT(r->tcr, 22) ? r->ttbr1 : r->ttbr0;

    return (uint16_t)(BIT(r->tcr, 36) ? ttbr >> 48 : (ttbr >> 48) & 0xff);
}

static bool fault(A64MmuFault *f, unsigned fsc, unsigned level)
{
    f->fsc = fsc | level;
    f->level = level;
    f->has_desc = false;
    f->desc = f->desc_pa = 0;
    return false;
}

/* A fault at the descriptor d read from dpa (kept for -d mmu only). */
static bool desc_fault(A64MmuFault *f, unsigned fsc, unsigned level, uint64_t dpa, uint64_t d)
{
    fault(f, fsc, level);
    f->has_desc = fsc != A64_FSC_WALK_ABORT;
    f->desc = d;
    f->desc_pa = dpa;
    return false;
}

/* May a block descriptor end the walk at this level of this granule? */
static bool block_allowed(unsigned granule, unsigned level)
{
    if (granule == 12)
        return level == 1 || level == 2;
    return level == 2;
}

/* The permissions of a leaf descriptor (see the file comment). */
static unsigned leaf_prot(const A64MmuRegs *r, uint64_t d, unsigned ap_table,
                          bool uxn_table, bool pxn_table, bool writable)
{
    bool el0 = BIT(d, D_AP1) && !(ap_table & 1);
    bool w1 = writable && !(ap_table & 2);
    bool w0 = el0 && w1;
    bool x0 = !BIT(d, D_UXN) && !uxn_table;
    bool x1 = !BIT(d, D_PXN) && !pxn_table && !w0;
    unsigned prot;

    if (BIT(r->sctlr, 19)) {                       /* WXN */
        x0 = x0 && !w0;
        x1 = x1 && !w1;
    }
    prot = (el0 ? A64_PROT_R0 : 0) | (w0 ? A64_PROT_W0 : 0) | (x0 ? A64_PROT_X0 : 0) |
           A64_PROT_R1 | (w1 ? A64_PROT_W1 : 0) | (x1 ? A64_PROT_X1 : 0);
    if (r->pan && el0)                             /* EL1 data access refused */
        prot &= ~(unsigned)(A64_PROT_R1 | A64_PROT_W1);
    return prot;
}

static bool allowed(unsigned prot, A64Access acc, unsigned el)
{
    static const unsigned need[3][2] = {
        [A64_ACCESS_READ] = { A64_PROT_R0, A64_PROT_R1 },
        [A64_ACCESS_WRITE] = { A64_PROT_W0, A64_PROT_W1 },
        [A64_ACCESS_EXEC] = { A64_PROT_X0, A64_PROT_X1 },
    };
    return prot & need[acc][el ? 1 : 0];
}

static bool mmu_off(uint64_t va, A64Access acc, A64Translation *t, A64MmuFault *f)
{
    if (va >> 48)
        return fault(f, A64_FSC_ADDR_SIZE, 0);
    t->pa = va;
    t->size_log2 = 12;
    t->prot = A64_PROT_R0 | A64_PROT_W0 | A64_PROT_X0 | A64_PROT_R1 | A64_PROT_W1 | A64_PROT_X1;
    /* Data is Device-nGnRnE, instruction fetches Normal cacheable. */
    t->attr = acc == A64_ACCESS_EXEC ? 0xff : 0x00;
    t->asid = 0;
    t->global = true;
    return true;
}

bool a64_mmu_translate(const A64MmuRegs *r, uint64_t va, A64Access acc, unsigned el,
                       bool unprivileged, A64Translation *t, A64MmuFault *f)
{
    unsigned check_el = unprivileged ? 0 : el;
    bool hi = BIT(va, 55);
    Half h;

    if (!BIT(r->sctlr, 0))
        return mmu_off(va, acc, t, f);
    get_half(r, hi, acc == A64_ACCESS_EXEC, &h);

    /* The bits above the VA size must all equal bit 55 (up to bit 55 only
     * when the top byte is ignored). */
    unsigned va_bits = 64 - h.tsz, top = h.tbi ? 56 : 64;
    uint64_t upper = FIELD(va, va_bits, top - va_bits);
    if (upper != (hi ? (1ull << (top - va_bits)) - 1 : 0) || h.epd)
        return fault(f, A64_FSC_TRANSLATION, 0);

    unsigned stride = h.granule - 3;
    unsigned levels = (va_bits - h.granule + stride - 1) / stride;
    unsigned start = 4 - levels;
    unsigned first_bits = va_bits - h.granule - stride * (levels - 1);
    uint64_t pa_mask = (1ull << h.pa_bits) - 1;
    /* The first table is 8 << first_bits bytes, aligned to its size (64
     * bytes at least). */
    unsigned align = first_bits + 3 < 6 ? 6 : first_bits + 3;
    uint64_t table0 = h.ttbr & 0x0000fffffffffffeull & ~((1ull << align) - 1);

    if (table0 & ~pa_mask)
        return fault(f, A64_FSC_ADDR_SIZE, start);

    for (int attempt = 0; attempt < 64; attempt++) {
        uint64_t table = table0, d = 0, dpa = 0;
        unsigned ap_table = 0, level = start;
        bool uxn_table = false, pxn_table = false;

        for (;; level++) {
            unsigned shift = h.granule + stride * (3 - level);
            unsigned bits = level == start ? first_bits : stride;
            dpa = table + ((va >> shift) & ((1ull << bits) - 1)) * 8;
            if (!r->read64(r->opaque, dpa, &d))
                return desc_fault(f, A64_FSC_WALK_ABORT, level, dpa, 0);
            if (!BIT(d, D_VALID))
                return desc_fault(f, A64_FSC_TRANSLATION, level, dpa, d);
            if (level == 3 || !BIT(d, D_TABLE))
                break;
            table = d & 0x0000ffffffffffffull & ~((1ull << h.granule) - 1);
            if (table & ~pa_mask)
                return desc_fault(f, A64_FSC_ADDR_SIZE, level, dpa, d);
            if (!h.hpd) {
                ap_table |= FIELD(d, D_APTABLE0, 2);
                uxn_table |= BIT(d, D_UXNTABLE);
                pxn_table |= BIT(d, D_PXNTABLE);
            }
        }
        /* A page at level 3 has bits 1:0 = 11; 01 there is reserved. */
        if (level == 3 ? !BIT(d, D_TABLE) : !block_allowed(h.granule, level))
            return desc_fault(f, A64_FSC_TRANSLATION, level, dpa, d);

        unsigned size = h.granule + stride * (3 - level);
        uint64_t oa = d & 0x0000ffffffffffffull & ~((1ull << size) - 1);
        if (oa & ~pa_mask)
            return desc_fault(f, A64_FSC_ADDR_SIZE, level, dpa, d);

        bool ha = BIT(r->tcr, 39), hd = ha && BIT(r->tcr, 40);
        if (!BIT(d, D_AF) && !ha)
            return desc_fault(f, A64_FSC_ACCESS_FLAG, level, dpa, d);

        /* Writable-clean (DBM with AP[2] set) counts as writable for the
         * permission check of a write, which then makes it dirty. */
        bool clean = hd && BIT(d, D_DBM) && BIT(d, D_AP2);
        bool writable = !BIT(d, D_AP2) || (clean && acc == A64_ACCESS_WRITE);
        unsigned prot = leaf_prot(r, d, ap_table, uxn_table, pxn_table, writable);
        if (!allowed(prot, acc, check_el))
            return desc_fault(f, A64_FSC_PERMISSION, level, dpa, d);

        uint64_t nd = d | (1ull << D_AF);
        if (clean && acc == A64_ACCESS_WRITE)
            nd &= ~(1ull << D_AP2);
        if (nd != d && !r->cas64(r->opaque, dpa, d, nd))
            continue;                              /* changed meanwhile: walk again */

        t->pa = oa | (va & ((1ull << size) - 1));
        t->size_log2 = size;
        t->prot = prot;
        t->attr = (uint8_t)(r->mair >> (8 * FIELD(d, D_ATTRINDX, 3)));
        t->asid = a64_mmu_asid(r);
        t->global = !BIT(d, D_NG);
        return true;
    }
    /* Another vCPU rewrote the descriptor 64 times in a row: report the
     * access as a walk abort rather than spin. */
    return fault(f, A64_FSC_WALK_ABORT, start);
}
