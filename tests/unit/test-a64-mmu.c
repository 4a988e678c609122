/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the aarch64 stage-1 walk (translate/aarch64/mmu.c): page
 * tables are built in a small fake physical memory for each granule and VA
 * size, then translations and faults are checked against what the Arm ARM
 * says the walk gives: output addresses and mapping sizes of pages and
 * blocks at each level, the fault status codes with their levels,
 * permissions (AP, UXN/PXN, APTable with and without HPD, WXN, PAN,
 * unprivileged accesses), the hardware access flag and dirty state, TTBR1,
 * top-byte ignore, EPD, the output address size and ASIDs.
 */
#include <stdio.h>
#include <string.h>
#include "translate/aarch64/mmu.h"
#include "unit.h"


/* 4 MiB of fake RAM at physical 0x40000000; tables come from its top. */
#define RAM_BASE 0x40000000ull
#define RAM_SIZE (4u << 20)
static uint64_t ram[RAM_SIZE / 8];
static uint64_t next_table;

static bool rd(void *opaque, uint64_t pa, uint64_t *v)
{
    (void)opaque;
    if (pa < RAM_BASE || pa - RAM_BASE >= RAM_SIZE || (pa & 7))
        return false;
    *v = ram[(pa - RAM_BASE) / 8];
    return true;
}

static bool cas(void *opaque, uint64_t pa, uint64_t old, uint64_t val)
{
    (void)opaque;
    uint64_t *p = &ram[(pa - RAM_BASE) / 8];
    if (*p != old)
        return false;
    *p = val;
    return true;
}

static uint64_t *slot(uint64_t pa)
{
    return &ram[(pa - RAM_BASE) / 8];
}

/* A zeroed table of one granule (64 KiB at most) from the top of RAM. */
static uint64_t new_table(unsigned granule)
{
    next_table -= 1ull << granule;
    memset(slot(next_table), 0, 1ull << granule);
    return next_table;
}

typedef struct Geo {
    unsigned granule, va_bits;
} Geo;

static unsigned start_level(Geo g)
{
    unsigned stride = g.granule - 3;
    return 4 - (g.va_bits - g.granule + stride - 1) / stride;
}

/* Map va with a leaf descriptor at level (page at 3, block above):
 * desc holds the attribute bits, the output address is pa.  Tables
 * descriptors get tattr (APTable/XNTable bits) at the first level. */
static void map(Geo g, uint64_t root, uint64_t va, uint64_t pa, unsigned level,
                uint64_t desc, uint64_t tattr)
{
    unsigned stride = g.granule - 3, start = start_level(g);
    uint64_t table = root;

    for (unsigned l = start;; l++) {
        unsigned shift = g.granule + stride * (3 - l);
        unsigned bits = l == start ? g.va_bits - shift : stride;
        uint64_t *e = slot(table + ((va >> shift) & ((1ull << bits) - 1)) * 8);
        if (l == level) {
            *e = pa | desc | (l == 3 ? 3 : 1);
            return;
        }
        if (!(*e & 1))
            *e = new_table(g.granule) | 3 | (l == start ? tattr : 0);
        table = *e & 0x0000ffffffffffffull & ~((1ull << g.granule) - 1);
    }
}

#define AF (1ull << 10)
#define NG (1ull << 11)
#define AP_EL0 (1ull << 6)
#define AP_RO (1ull << 7)
#define DBM (1ull << 51)
#define PXN (1ull << 53)
#define UXN (1ull << 54)
#define APTABLE0 (1ull << 61)
#define APTABLE1 (1ull << 62)

/* TCR for the lower half with granule g (and IPS 48 bits). */
static uint64_t tcr0(Geo g)
{
    uint64_t tg = g.granule == 16 ? 1 : g.granule == 14 ? 2 : 0;
    return (64 - g.va_bits) | tg << 14 | 5ull << 32 | 1ull << 23;   /* EPD1 */
}

static A64MmuRegs regs;

static void reset(uint64_t tcr, uint64_t ttbr0)
{
    memset(ram, 0, sizeof(ram));
    next_table = RAM_BASE + RAM_SIZE;
    regs = (A64MmuRegs){ .sctlr = 1, .tcr = tcr, .ttbr0 = ttbr0, .mair = 0x44ff04,
                         .read64 = rd, .cas64 = cas };
}

static bool xlate(uint64_t va, A64Access acc, unsigned el, A64Translation *t, A64MmuFault *f)
{
    return a64_mmu_translate(&regs, va, acc, el, false, t, f);
}

/* Translation succeeds with this PA and size. */
static void want_pa(const char *name, uint64_t va, A64Access acc, unsigned el,
                    uint64_t pa, unsigned size)
{
    A64Translation t;
    A64MmuFault f;
    bool ok = xlate(va, acc, el, &t, &f);
    if (!ok || t.pa != pa || t.size_log2 != size)
        printf("  %s: ok %d pa %#llx size %u (fsc %#x)\n", name, ok,
               (unsigned long long)(ok ? t.pa : 0), ok ? t.size_log2 : 0, ok ? 0 : f.fsc);
    result(name, ok && t.pa == pa && t.size_log2 == size);
}

static void want_fault(const char *name, uint64_t va, A64Access acc, unsigned el, unsigned fsc)
{
    A64Translation t;
    A64MmuFault f;
    bool ok = xlate(va, acc, el, &t, &f);
    if (ok || f.fsc != fsc)
        printf("  %s: ok %d fsc %#x, want fault %#x\n", name, ok, ok ? 0 : f.fsc, fsc);
    result(name, !ok && f.fsc == fsc && f.level == (fsc & 3));
}

static void test_granules(void)
{
    static const Geo geos[] = { { 12, 48 }, { 12, 39 }, { 14, 47 }, { 14, 36 },
                                { 16, 42 }, { 16, 48 } };
    char name[96];

    for (size_t i = 0; i < sizeof(geos) / sizeof(geos[0]); i++) {
        Geo g = geos[i];
        uint64_t root;
        reset(tcr0(g), 0);
        root = new_table(g.granule);
        regs.ttbr0 = root;
        uint64_t va = (1ull << (g.va_bits - 1)) | 0x5ull << g.granule | 0x123;
        map(g, root, va, RAM_BASE + 0x10000, 3, AF | AP_EL0, 0);
        snprintf(name, sizeof(name), "granule %u va %u: page", 1u << g.granule, g.va_bits);
        want_pa(name, va, A64_ACCESS_READ, 0, RAM_BASE + 0x10000 + 0x123, g.granule);
        /* The next page is not mapped: translation fault at level 3. */
        snprintf(name, sizeof(name), "granule %u va %u: hole", 1u << g.granule, g.va_bits);
        want_fault(name, va + (1ull << g.granule), A64_ACCESS_READ, 0, A64_FSC_TRANSLATION | 3);
        /* A level-2 block (a 16K/64K granule allows blocks only there). */
        unsigned bsize = g.granule + 2 * (g.granule - 3) - (g.granule - 3);
        uint64_t bva = 3ull << bsize, bpa = 0x80000000ull + (1ull << bsize) * 4;
        if (start_level(g) <= 2) {
            map(g, root, bva, bpa, 2, AF, 0);
            snprintf(name, sizeof(name), "granule %u va %u: level 2 block", 1u << g.granule, g.va_bits);
            want_pa(name, bva + 0x1234, A64_ACCESS_READ, 1, bpa + 0x1234, bsize);
        }
        /* Beyond the VA size in the lower half: level 0 fault. */
        snprintf(name, sizeof(name), "granule %u va %u: out of range", 1u << g.granule, g.va_bits);
        want_fault(name, 1ull << g.va_bits, A64_ACCESS_READ, 0, A64_FSC_TRANSLATION | 0);
    }
}

static void test_4k_details(void)
{
    Geo g = { 12, 48 };
    uint64_t root, va = 0x0000123456789000ull;
    A64Translation t;
    A64MmuFault f;

    reset(tcr0(g), 0);
    root = new_table(12);
    regs.ttbr0 = root | 0x1234ull << 48;
    map(g, root, 0x40000000, 0xc0000000, 1, AF, 0);
    want_pa("4K level 1 block (1 GiB)", 0x40000000 + 0x2345678, A64_ACCESS_READ, 1,
            0xc2345678, 30);
    /* Blocks are not allowed at level 0 with 4K (no 52-bit). */
    uint64_t *l0 = slot(root);
    l0[5] = 0x8000000000ull | AF | 1;
    want_fault("4K level 0 block", 5ull << 39, A64_ACCESS_READ, 1, A64_FSC_TRANSLATION | 0);
    /* A reserved 01 descriptor at level 3. */
    map(g, root, va, 0x41000000, 3, AF, 0);
    map(g, root, va + 0x1000, 0x41001000, 3, AF, 0);
    map(g, root, va + 0x2000, 0x41002000, 3, AF | AP_RO | AP_EL0, 0);
    map(g, root, va + 0x3000, 0x41003000, 3, AP_EL0, 0);
    map(g, root, va + 0x4000, 0x41004000, 3, AF | AP_EL0 | AP_RO | DBM, 0);
    map(g, root, va + 0x5000, 0x41005000, 3, AF | AP_EL0 | UXN, 0);
    map(g, root, va + 0x6000, 0x41006000, 3, AF | AP_EL0 | AP_RO | NG, 0);
    map(g, root, va + 0x7000, 0x41007000, 3, AF | PXN | (2 << 2), 0);
    map(g, root, va + 0x8000, 0x41008000, 3, AF | AP_EL0, 0);
    /* Find the level-3 entry of va + 0x1000 and make it 01 (reserved). */
    uint64_t l3 = next_table;   /* the last table made is va's level 3 table */
    uint64_t *e1 = slot(l3 + (((va + 0x1000) >> 12) & 511) * 8);
    *e1 &= ~2ull;
    want_fault("level 3 descriptor 01 is reserved", va + 0x1000, A64_ACCESS_READ, 1,
               A64_FSC_TRANSLATION | 3);

    /* AP[2:1] = 00: EL1 read/write, nothing at EL0; EL1 may execute. */
    want_pa("AP 00 EL1 write", va + 8, A64_ACCESS_WRITE, 1, 0x41000008, 12);
    want_fault("AP 00 EL0 read", va, A64_ACCESS_READ, 0, A64_FSC_PERMISSION | 3);
    want_pa("AP 00 EL1 exec", va, A64_ACCESS_EXEC, 1, 0x41000000, 12);
    /* AP 11: read-only at both. */
    want_pa("AP 11 EL0 read", va + 0x2000, A64_ACCESS_READ, 0, 0x41002000, 12);
    want_fault("AP 11 EL1 write", va + 0x2000, A64_ACCESS_WRITE, 1, A64_FSC_PERMISSION | 3);
    want_fault("AP 11 EL0 write", va + 0x2000, A64_ACCESS_WRITE, 0, A64_FSC_PERMISSION | 3);
    /* AF clear without TCR.HA: access flag fault. */
    want_fault("AF clear", va + 0x3000, A64_ACCESS_READ, 0, A64_FSC_ACCESS_FLAG | 3);
    /* AP 01: read/write at both; EL0-writable implies privileged
     * execute-never. */
    want_pa("AP 01 EL0 write", va + 0x8010, A64_ACCESS_WRITE, 0, 0x41008010, 12);
    want_pa("AP 01 EL0 exec", va + 0x8000, A64_ACCESS_EXEC, 0, 0x41008000, 12);
    want_fault("AP 01 EL1 exec", va + 0x8000, A64_ACCESS_EXEC, 1, A64_FSC_PERMISSION | 3);
    /* UXN page: EL0 exec refused; EL1 exec refused too (EL0 writable). */
    want_fault("UXN EL0 exec", va + 0x5000, A64_ACCESS_EXEC, 0, A64_FSC_PERMISSION | 3);
    want_fault("EL0-writable EL1 exec", va + 0x5000, A64_ACCESS_EXEC, 1, A64_FSC_PERMISSION | 3);
    /* PXN, attribute index 2 of MAIR 0x44ff04. */
    want_fault("PXN EL1 exec", va + 0x7000, A64_ACCESS_EXEC, 1, A64_FSC_PERMISSION | 3);
    result("attr index 2", xlate(va + 0x7000, A64_ACCESS_READ, 1, &t, &f) && t.attr == 0x44);
    /* nG and the 16-bit ASID from TTBR0 (TCR.AS), 8 bits without it. */
    regs.tcr |= 1ull << 36;
    result("nG, 16-bit ASID", xlate(va + 0x6000, A64_ACCESS_READ, 0, &t, &f) &&
                              !t.global && t.asid == 0x1234);
    regs.tcr &= ~(1ull << 36);
    result("global, 8-bit ASID", xlate(va + 0x2000, A64_ACCESS_READ, 0, &t, &f) &&
                                 t.global && t.asid == 0x34);

    /* Hardware access flag: the walk sets AF in memory. */
    regs.tcr |= 1ull << 39;
    uint64_t *e3 = slot(l3 + (((va + 0x3000) >> 12) & 511) * 8);
    want_pa("HA sets AF: translation", va + 0x3000, A64_ACCESS_READ, 0, 0x41003000, 12);
    result("HA sets AF: descriptor", *e3 & AF);
    /* Dirty state: a read of a writable-clean page is read-only, a write
     * clears AP[2]; without HD the page stays read-only. */
    uint64_t *e4 = slot(l3 + (((va + 0x4000) >> 12) & 511) * 8);
    want_fault("DBM without HD: write", va + 0x4000, A64_ACCESS_WRITE, 0, A64_FSC_PERMISSION | 3);
    regs.tcr |= 1ull << 40;
    result("DBM clean: read gives no write permission",
           xlate(va + 0x4000, A64_ACCESS_READ, 0, &t, &f) && !(t.prot & A64_PROT_W0) &&
           (*e4 & AP_RO));
    want_pa("DBM clean: write", va + 0x4000, A64_ACCESS_WRITE, 0, 0x41004000, 12);
    result("DBM: write made the page dirty (AP[2] clear)", !(*e4 & AP_RO));
    regs.tcr &= ~(3ull << 39);

    /* PAN: EL1 data access to an EL0 page refused, exec unaffected;
     * unprivileged (LDTR) accesses use the EL0 permissions. */
    regs.pan = true;
    want_fault("PAN EL1 read of EL0 page", va + 0x2000, A64_ACCESS_READ, 1, A64_FSC_PERMISSION | 3);
    want_pa("PAN EL1 read of EL1 page", va, A64_ACCESS_READ, 1, 0x41000000, 12);
    result("PAN: unprivileged read allowed",
           a64_mmu_translate(&regs, va + 0x2000, A64_ACCESS_READ, 1, true, &t, &f));
    regs.pan = false;
    result("unprivileged read of an EL1-only page refused",
           !a64_mmu_translate(&regs, va, A64_ACCESS_READ, 1, true, &t, &f) &&
           f.fsc == (A64_FSC_PERMISSION | 3));

    /* WXN: writable means not executable. */
    regs.sctlr |= 1u << 19;
    want_fault("WXN EL1 exec of writable page", va, A64_ACCESS_EXEC, 1, A64_FSC_PERMISSION | 3);
    regs.sctlr &= ~(1ull << 19);

    /* Top byte ignore and EPD0. */
    want_fault("tagged address without TBI", va | 0x5aull << 56, A64_ACCESS_READ, 1,
               A64_FSC_TRANSLATION | 0);
    regs.tcr |= 1ull << 37;
    want_pa("tagged address with TBI0", va | 0x5aull << 56, A64_ACCESS_READ, 1, 0x41000000, 12);
    regs.tcr |= 1ull << 51;
    want_fault("TBID0: instruction fetch not tag-ignored", va | 0x5aull << 56, A64_ACCESS_EXEC, 1,
               A64_FSC_TRANSLATION | 0);
    regs.tcr |= 1ull << 7;
    want_fault("EPD0", va, A64_ACCESS_READ, 1, A64_FSC_TRANSLATION | 0);
    regs.tcr &= ~(1ull << 7 | 1ull << 37 | 1ull << 51);

    /* Output address size: IPS 32 bits and a block at 3 GiB + 1 GiB. */
    map(g, root, 0x80000000ull, 0x100000000ull, 1, AF, 0);
    regs.tcr = (regs.tcr & ~(7ull << 32));
    want_fault("IPS 32: output beyond 4 GiB", 0x80000000ull, A64_ACCESS_READ, 1,
               A64_FSC_ADDR_SIZE | 1);
    regs.tcr |= 5ull << 32;
    /* A table pointer outside memory: external abort on the walk. */
    l0[7] = 0x7f000000ull | 3;
    want_fault("walk abort at level 1", 7ull << 39, A64_ACCESS_READ, 1, A64_FSC_WALK_ABORT | 1);
}

static void test_tables_and_ttbr1(void)
{
    Geo g = { 12, 48 };
    uint64_t root, root1, va = 0x1000;

    reset(tcr0(g), 0);
    regs.ttbr0 = root = new_table(12);
    map(g, root, va, 0x42000000, 3, AF | AP_EL0, APTABLE0);
    want_fault("APTable[0]: no EL0 access below", va, A64_ACCESS_READ, 0, A64_FSC_PERMISSION | 3);
    want_pa("APTable[0]: EL1 still writes", va, A64_ACCESS_WRITE, 1, 0x42000000, 12);
    regs.tcr |= 1ull << 41;                        /* HPD0 */
    want_pa("HPD0 ignores APTable", va, A64_ACCESS_READ, 0, 0x42000000, 12);
    regs.tcr &= ~(1ull << 41);
    slot(root)[0] |= APTABLE1;
    want_fault("APTable[1]: read-only below", va, A64_ACCESS_WRITE, 1, A64_FSC_PERMISSION | 3);
    slot(root)[0] |= 1ull << 60;                   /* UXNTable */
    want_fault("UXNTable", va, A64_ACCESS_EXEC, 0, A64_FSC_PERMISSION | 3);

    /* The upper half: TTBR1, TG1 = 4K (10), T1SZ 16, EPD1 off. */
    regs.tcr = (regs.tcr & ~(1ull << 23)) | 16ull << 16 | 2ull << 30;
    regs.ttbr1 = root1 = new_table(12);
    map(g, root1, 0xffff000000201000ull, 0x43000000, 3, AF, 0);
    want_pa("TTBR1 page", 0xffff000000201008ull, A64_ACCESS_READ, 1, 0x43000008, 12);
    want_fault("upper half, bits not all ones", 0xfffe000000201000ull, A64_ACCESS_READ, 1,
               A64_FSC_TRANSLATION | 0);
    regs.tcr |= 1ull << 23;
    want_fault("EPD1", 0xffff000000201000ull, A64_ACCESS_READ, 1, A64_FSC_TRANSLATION | 0);
}

static void test_mmu_off(void)
{
    A64Translation t;
    A64MmuFault f;

    reset(0, 0);
    regs.sctlr = 0;
    result("MMU off: identity, Device data",
           xlate(0x09000000, A64_ACCESS_WRITE, 1, &t, &f) && t.pa == 0x09000000 && t.attr == 0);
    result("MMU off: Normal instruction fetch",
           xlate(0x40080000, A64_ACCESS_EXEC, 1, &t, &f) && t.pa == 0x40080000 && t.attr == 0xff);
    want_fault("MMU off: beyond the PA size", 1ull << 50, A64_ACCESS_READ, 1, A64_FSC_ADDR_SIZE | 0);
}

int main(void)
{
    test_mmu_off();
    test_granules();
    test_4k_details();
    test_tables_and_ttbr1();
    return unit_summary();
}
