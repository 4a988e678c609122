/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Are the guest flags dead where a block goes next?  A block that ends in
 * a direct jump (B, B.cond, CBZ, TBZ, the fall-through) looks at the
 * instructions there: when on every path one that sets all of N, Z, C and
 * V (ADDS, SUBS, ANDS, BICS and their CMP/CMN/TST aliases, FCMP, FCMPE,
 * MSR NZCV) comes before anything that reads them, the jump's path
 * discards the flags (ir-ops.def), and opt_dce drops the flag
 * computations no path reads: the CMP before a B.cond then costs the
 * branch alone.  The paths follow B and BL (into the callee) and both
 * ways of CBZ, CBNZ, TBZ and TBNZ, within a budget of instructions.
 *
 * Only instructions known to leave NZCV alone are passed over: integer
 * data processing without S, loads and stores of the common classes,
 * Advanced SIMD and FP other than FCSEL/FCCMP, hints (NOP, BTI, the PAC
 * hints), barriers, cache maintenance, MRS and MSR of other registers.
 * Anything else (a branch, SVC, CFINV, SVE, an unknown encoding) counts
 * as a reader.
 *
 * The code looked at is what the block depends on.  On the block's own
 * page, writing it invalidates the block with the code it looked at;
 * IRBlock.code_start and code_end tell the translation cache what it
 * read.  A path may go on to up to IRBlock.xpages_max other executable
 * pages (a callee, the next page): each is watched for writes before it
 * is read, as the block's own page is (exec.c), and listed in
 * IRBlock.xpage for the block to be invalidated with it (cache.c).
 * The persistent translation cache keys a block by one code range, so
 * with it (xpages_max 0) the paths stay on the page.
 *
 * A signal or fault taken between the jump and the instruction that sets
 * the flags sees the older flags in its context; the interrupted code,
 * which sets them before reading, does not care.  Not in full-system
 * mode, where an interrupt there would save them in SPSR for the guest
 * kernel to look at.
 */
#include "translate.h"
#include "translate/exec.h"

typedef enum { NZCV_NONE, NZCV_KILL, NZCV_READ } NzcvUse;

/* Add/sub with S set, or logical with opc 11 (ANDS, BICS): all four set. */
static NzcvUse sets_flags(bool set)
{
    return set ? NZCV_KILL : NZCV_NONE;
}

static NzcvUse data_imm(uint32_t insn)
{
    switch (bits(insn, 23, 3)) {
    case 2:                                      /* add/sub (immediate) */
        return sets_flags(bits(insn, 29, 1));
    case 4:                                      /* logical (immediate) */
        return sets_flags(opc2(insn) == 3);
    default:                    /* ADR/ADRP, tags, move wide, bitfield, extract */
        return NZCV_NONE;
    }
}

static NzcvUse data_reg(uint32_t insn)
{
    if (!bits(insn, 28, 1)) {
        if (!bits(insn, 24, 1))                  /* logical (shifted register) */
            return sets_flags(opc2(insn) == 3);
        return sets_flags(bits(insn, 29, 1));    /* add/sub (shifted, extended) */
    }
    if (bits(insn, 24, 1))                       /* 3 source */
        return NZCV_NONE;
    /* ADC/SBC, RMIF/SETF, CCMP/CCMN, CSEL...: read; 1 and 2 source: none */
    return bits(insn, 21, 3) == 6 ? NZCV_NONE : NZCV_READ;
}

static NzcvUse ldst(uint32_t insn)
{
    if ((insn & 0x3a000000) == 0x38000000 ||   /* single register, atomics */
        (insn & 0x3a000000) == 0x28000000 ||   /* pairs */
        (insn & 0x3b000000) == 0x18000000 ||   /* literal */
        (insn & 0x3f000000) == 0x08000000)     /* exclusive, acquire/release */
        return NZCV_NONE;
    return NZCV_READ;                          /* MOPS set NZCV, the rest: unsure */
}

static NzcvUse simd_fp(uint32_t insn)
{
    if ((insn & 0xff20fc07) == 0x1e202000)     /* FCMP, FCMPE */
        return NZCV_KILL;
    if ((insn & 0xff200400) == 0x1e200400)     /* FCCMP(E), FCSEL */
        return NZCV_READ;
    return NZCV_NONE;
}

/* Hints, barriers, system instructions and register moves.  MSR
 * (immediate) with op1 0 and op2 0-2 is CFINV, XAFLAG or AXFLAG. */
static NzcvUse sys_insn(uint32_t insn)
{
    if ((insn & 0xfffff01f) == 0xd503201f ||   /* hints */
        (insn & 0xfffff01f) == 0xd503301f ||   /* CLREX, DSB, DMB, ISB, SB */
        (insn & 0xffd80000) == 0xd5080000)     /* SYS, SYSL: DC, IC, AT, TLBI */
        return NZCV_NONE;
    if ((insn & 0xffffffe0) == 0xd51b4200)     /* MSR NZCV, Xt */
        return NZCV_KILL;
    if ((insn & 0xffffffe0) == 0xd53b4200)     /* MRS Xt, NZCV */
        return NZCV_READ;
    if ((insn & 0xffd00000) == 0xd5100000)     /* MSR, MRS (register) */
        return NZCV_NONE;
    if ((insn & 0xfff8f01f) == 0xd500401f)     /* MSR (immediate) */
        return bits(insn, 16, 3) == 0 && bits(insn, 5, 3) <= 2 ? NZCV_READ : NZCV_NONE;
    return NZCV_READ;
}

static NzcvUse nzcv_use(uint32_t insn)
{
    if ((insn & 0xffc00000) == 0xd5000000)
        return sys_insn(insn);
    if ((insn & 0x1c000000) == 0x10000000)
        return data_imm(insn);
    if ((insn & 0x0e000000) == 0x0a000000)
        return data_reg(insn);
    if ((insn & 0x0a000000) == 0x08000000)
        return ldst(insn);
    if ((insn & 0x0e000000) == 0x0e000000)
        return simd_fp(insn);
    return NZCV_READ;
}

/* May the look-ahead read the code at pc?  Yes on the block's own page
 * and on pages already listed; another executable page is watched and
 * listed while there is room, unless the program may write it (a JIT's
 * code beside its data would take a write fault and an invalidation for
 * a page the look-ahead only peeked at). */
static bool readable(IRBlock *b, uint64_t pc, uint64_t page)
{
    uint64_t p = pc >> 12;

    if (p == page)
        return true;
    for (unsigned i = 0; i < b->nxpages; i++)
        if (b->xpage[i] == p)
            return true;
    if (b->nxpages >= b->xpages_max || !guest_code_fetchable(pc, 4) ||
        guest_code_writable(pc))
        return false;
    guest_code_page_watch(p << 12);   /* before its code is read */
    b->xpage[b->nxpages++] = p;
    return true;
}

/* Is NZCV set before it is read on every path from pc?  Branches that do
 * not read the flags are followed (B and BL to their target, CBZ, CBNZ,
 * TBZ and TBNZ both ways) while the code is readable(); *budget bounds
 * the instructions looked at (loops included). */
static bool dead_from(DisasContext *s, uint64_t pc, uint64_t page, unsigned *budget)
{
    IRBlock *b = IRB(s);

    for (; *budget && readable(b, pc, page); pc += 4) {
        uint32_t insn = translator_ldl(&s->base, pc);
        int64_t off;

        --*budget;
        if ((pc >> 12) == page) {
            if (pc + 4 > b->code_end)
                b->code_end = pc + 4;
            if (!b->code_start || pc < b->code_start)
                b->code_start = pc;
        }
        switch (nzcv_use(insn)) {
        case NZCV_KILL:
            return true;
        case NZCV_NONE:
            continue;
        case NZCV_READ:
            break;
        }
        switch (a64_direct_branch(insn, &off)) {
        case A64_BR_B: case A64_BR_BL:
            pc += (uint64_t)off - 4;
            continue;
        case A64_BR_CB:
            return dead_from(s, pc + (uint64_t)off, page, budget) &&
                   dead_from(s, pc + 4, page, budget);
        default:    /* B.cond reads them */
            return false;
        }
    }
    return false;
}

bool a64_nzcv_dead_at(DisasContext *s, uint64_t pc)
{
    unsigned budget = 32;

    if (a64_system_mode || (pc & 3))
        return false;
    return dead_from(s, pc, IRB(s)->pc_start >> 12, &budget);
}
