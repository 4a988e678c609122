/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cold-code interpreter's integer data processing (cold.h): the
 * immediate and register groups of Arm ARM C4.1.86 and C4.1.88 that int.c
 * translates, computed directly on the CPU state.  The forms int.c hands
 * to helpers or pauth.c (CRC32, PAC*, XPAC*, the FlagM rows) are not here:
 * their rows are absent, so the translator runs them.
 *
 * Entry point: a64_cold_int_patterns, the table at the end (the rows and
 * reserved-field checks are int.c's).
 */
#include "cold.h"

/* ---- operands ---- */

/* LSL, LSR, ASR, ROR by amount < the width (C6.2 "ShiftReg"). */
static uint64_t cold_shift(uint64_t v, unsigned type, unsigned amount, bool is64)
{
    unsigned w = is64 ? 64 : 32;
    uint64_t mask = is64 ? ~0ull : 0xffffffffull;

    v &= mask;
    if (amount == 0)
        return v;
    switch (type) {
    case 0: return (v << amount) & mask;
    case 1: return v >> amount;
    case 2: return is64 ? (uint64_t)((int64_t)v >> amount)
                        : (uint32_t)((int32_t)(uint32_t)v >> amount);
    default: return ((v >> amount) | (v << (w - amount))) & mask;
    }
}

/* C6.2 "ExtendReg": UXTB..SXTX of Rm, shifted left by imm3 (<= 4). */
static uint64_t cold_extend(const ColdCtx *s, uint32_t insn)
{
    uint64_t v = cold_x(s, rm(insn));

    switch (option3(insn)) {
    case 0: v = (uint8_t)v; break;
    case 1: v = (uint16_t)v; break;
    case 2: v = (uint32_t)v; break;
    case 4: v = (uint64_t)(int8_t)v; break;
    case 5: v = (uint64_t)(int16_t)v; break;
    case 6: v = (uint64_t)(int32_t)v; break;
    default: break;
    }
    return v << imm3(insn);
}

static uint64_t cold_addsub(ColdCtx *s, bool is64, bool sub, bool flags, uint64_t a, uint64_t b)
{
    return sub ? cold_adc(s, a, ~b, 1, is64, flags) : cold_adc(s, a, b, 0, is64, flags);
}

/* ---- immediate (C4.1.86) ---- */

static bool cold_adr(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    int64_t off = sbits(insn, 5, 19) * 4 | bits(insn, 29, 2);

    cold_set_x(s, rd(insn), s->pc + (uint64_t)off, true);
    return true;
}

static bool cold_adrp(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    int64_t off = sbits(insn, 5, 19) * 4 | bits(insn, 29, 2);

    cold_set_x(s, rd(insn), (s->pc & ~0xfffull) + ((uint64_t)off << 12), true);
    return true;
}

/* ADD/ADDS/SUB/SUBS (immediate): Rn is SP; Rd is SP unless flags are set. */
static bool cold_addsub_imm(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn), flags = bits(insn, 29, 1);
    uint64_t imm = (uint64_t)imm12(insn) << (bits(insn, 22, 1) ? 12 : 0);
    uint64_t r = cold_addsub(s, is64, bits(insn, 30, 1), flags, cold_xsp(s, rn(insn)), imm);

    cold_set_d(s, rd(insn), r, is64, !flags);
    return true;
}

/* AND, ORR, EOR, ANDS of a and b (b already inverted for BIC...). */
static uint64_t cold_logic(ColdCtx *s, unsigned opc, bool is64, uint64_t a, uint64_t b)
{
    uint64_t r = opc == 1 ? a | b : opc == 2 ? a ^ b : a & b;

    if (!is64)
        r = (uint32_t)r;
    if (opc == 3)
        cold_set_flags(s, r, is64, 0, 0);
    return r;
}

/* Logical (immediate): Rd is SP except for ANDS. */
static bool cold_logic_imm(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn);
    unsigned opc = opc2(insn);
    uint64_t imm, r;

    if (!a64_logic_imm(is64, N_(insn), immr(insn), imms(insn), &imm))
        return false;
    r = cold_logic(s, opc, is64, cold_x(s, rn(insn)), imm);
    cold_set_d(s, rd(insn), r, is64, opc != 3);
    return true;
}

/* MOVN, MOVZ, MOVK (opc 0, 2, 3). */
static bool cold_movw(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn);
    unsigned sh = hw(insn) * 16;
    uint64_t imm = (uint64_t)imm16(insn) << sh, r;

    if (!is64 && sh >= 32)
        return false;
    switch (opc2(insn)) {
    case 0: r = ~imm; break;
    case 2: r = imm; break;
    default: r = (cold_x(s, rd(insn)) & ~(0xffffull << sh)) | imm; break;
    }
    cold_set_x(s, rd(insn), r, is64);
    return true;
}

/* SBFM, BFM, UBFM (opc 0..2) by DecodeBitMasks(N, imms, immr, FALSE) and
 * the pseudocode's wmask/tmask merge (C6.2 "SBFM", "BFM", "UBFM"). */
static bool cold_bitfield(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn);
    unsigned w = is64 ? 64 : 32, R = immr(insn), S = imms(insn), d, opc = opc2(insn);
    uint64_t mask = is64 ? ~0ull : 0xffffffffull, src, rot, wmask, tmask, bot, top;

    if (N_(insn) != is64 || (!is64 && (R >= 32 || S >= 32)))
        return false;
    d = (S - R) & (w - 1);
    wmask = S + 1 == 64 ? ~0ull : (1ull << (S + 1)) - 1;
    if (R)
        wmask = ((wmask >> R) | (wmask << (w - R))) & mask;
    tmask = d + 1 == 64 ? ~0ull : (1ull << (d + 1)) - 1;
    src = cold_x(s, rn(insn)) & mask;
    rot = R ? ((src >> R) | (src << (w - R))) & mask : src;
    if (opc == 1) {
        uint64_t dst = cold_x(s, rd(insn)) & mask;
        bot = (dst & ~wmask) | (rot & wmask);
        top = dst;
    } else {
        bot = rot & wmask;
        top = opc == 0 && ((src >> S) & 1) ? mask : 0;
    }
    cold_set_x(s, rd(insn), ((top & ~tmask) | (bot & tmask)) & mask, is64);
    return true;
}

static bool cold_extr(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn);
    unsigned lsb = imms(insn);
    uint64_t n = cold_x(s, rn(insn)), m = cold_x(s, rm(insn)), r;

    if (N_(insn) != is64 || (!is64 && lsb >= 32))
        return false;
    if (!is64)
        r = (uint32_t)((((uint64_t)(uint32_t)n << 32) | (uint32_t)m) >> lsb);
    else
        r = lsb ? (m >> lsb) | (n << (64 - lsb)) : m;
    cold_set_x(s, rd(insn), r, is64);
    return true;
}

/* ---- register (C4.1.88) ---- */

/* AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS (shifted register). */
static bool cold_logic_shift(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn);
    uint64_t b;

    if (!is64 && imm6(insn) >= 32)
        return false;
    b = cold_shift(cold_x(s, rm(insn)), shift2(insn), imm6(insn), is64);
    if (bits(insn, 21, 1))
        b = ~b;
    cold_set_x(s, rd(insn), cold_logic(s, opc2(insn), is64, cold_x(s, rn(insn)), b), is64);
    return true;
}

/* ADD/ADDS/SUB/SUBS (shifted register): no SP, no ROR. */
static bool cold_addsub_shift(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn);
    uint64_t b;

    if (shift2(insn) == 3 || (!is64 && imm6(insn) >= 32))
        return false;
    b = cold_shift(cold_x(s, rm(insn)), shift2(insn), imm6(insn), is64);
    cold_set_x(s, rd(insn), cold_addsub(s, is64, bits(insn, 30, 1), bits(insn, 29, 1),
                                        cold_x(s, rn(insn)), b), is64);
    return true;
}

/* ADD/ADDS/SUB/SUBS (extended register): Rn is SP; Rd too without flags. */
static bool cold_addsub_ext(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn), flags = bits(insn, 29, 1);
    uint64_t r;

    if (imm3(insn) > 4)
        return false;
    r = cold_addsub(s, is64, bits(insn, 30, 1), flags, cold_xsp(s, rn(insn)), cold_extend(s, insn));
    cold_set_d(s, rd(insn), r, is64, !flags);
    return true;
}

/* ADC, ADCS, SBC, SBCS. */
static bool cold_adc_sbc(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn);
    uint64_t b = cold_x(s, rm(insn));

    if (bits(insn, 30, 1))
        b = ~b;
    cold_set_x(s, rd(insn), cold_adc(s, cold_x(s, rn(insn)), b, s->env->cf != 0, is64,
                                     bits(insn, 29, 1)), is64);
    return true;
}

/* CCMN/CCMP (register, immediate): the comparison's flags if the
 * condition holds, else the #nzcv immediate. */
static bool cold_ccmp(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn);
    uint64_t b = bits(insn, 11, 1) ? bits(insn, 16, 5) : cold_x(s, rm(insn));

    if (cold_cond(s->env, cond4(insn)))
        cold_addsub(s, is64, bits(insn, 30, 1), true, cold_x(s, rn(insn)), b);
    else
        a64_set_nzcv(s->env, bits(insn, 0, 4) << 28);
    return true;
}

/* CSEL, CSINC, CSINV, CSNEG. */
static bool cold_csel(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn), inc = bits(insn, 10, 1);
    uint64_t r;

    if (cold_cond(s->env, cond4(insn))) {
        r = cold_x(s, rn(insn));
    } else {
        r = cold_x(s, rm(insn));
        if (bits(insn, 30, 1))
            r = inc ? -r : ~r;
        else if (inc)
            r++;
    }
    cold_set_x(s, rd(insn), r, is64);
    return true;
}

/* UDIV, SDIV (opcode 2, 3): x / 0 = 0, INT_MIN / -1 = INT_MIN. */
static bool cold_div(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn), sign = bits(insn, 10, 1);
    uint64_t n = cold_x(s, rn(insn)), m = cold_x(s, rm(insn)), r;

    if (!is64) {
        n = sign ? (uint64_t)(int64_t)(int32_t)n : (uint32_t)n;
        m = sign ? (uint64_t)(int64_t)(int32_t)m : (uint32_t)m;
    }
    if (m == 0)
        r = 0;
    else if (!sign)
        r = n / m;
    else if ((int64_t)m == -1)
        r = -n;
    else
        r = (uint64_t)((int64_t)n / (int64_t)m);
    cold_set_x(s, rd(insn), r, is64);
    return true;
}

/* LSLV, LSRV, ASRV, RORV: the amount is Rm modulo the width. */
static bool cold_shiftv(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn);
    unsigned amount = (unsigned)cold_x(s, rm(insn)) & (is64 ? 63 : 31);

    cold_set_x(s, rd(insn), cold_shift(cold_x(s, rn(insn)), bits(insn, 10, 2), amount, is64), is64);
    return true;
}

static uint64_t cold_rbit64(uint64_t v)
{
    v = ((v >> 1) & 0x5555555555555555ull) | ((v & 0x5555555555555555ull) << 1);
    v = ((v >> 2) & 0x3333333333333333ull) | ((v & 0x3333333333333333ull) << 2);
    v = ((v >> 4) & 0x0f0f0f0f0f0f0f0full) | ((v & 0x0f0f0f0f0f0f0f0full) << 4);
    return __builtin_bswap64(v);
}

/* RBIT, REV16, REV (32), REV32, REV (64), CLZ, CLS by opcode. */
static bool cold_dp1(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn);
    uint64_t x = cold_x(s, rn(insn)), r, sx;

    if (!is64)
        x = (uint32_t)x;
    switch (bits(insn, 10, 6)) {
    case 0: r = is64 ? cold_rbit64(x) : cold_rbit64(x) >> 32; break;
    case 1: r = ((x & 0x00ff00ff00ff00ffull) << 8) | ((x >> 8) & 0x00ff00ff00ff00ffull); break;
    case 2: r = is64 ? __builtin_bswap64((x >> 32) | (x << 32)) : __builtin_bswap32((uint32_t)x); break;
    case 3: r = __builtin_bswap64(x); break;
    case 4: r = is64 ? (x ? (uint64_t)__builtin_clzll(x) : 64) : (x ? (uint64_t)__builtin_clz((uint32_t)x) : 32); break;
    default:
        sx = is64 ? x : (uint64_t)(int64_t)(int32_t)x;
        sx ^= (uint64_t)((int64_t)sx >> 63);
        r = (sx ? (uint64_t)__builtin_clzll(sx) : 64) - 1 - (is64 ? 0 : 32);
        break;
    }
    cold_set_x(s, rd(insn), r, is64);
    return true;
}

/* MADD, MSUB, SMADDL, SMSUBL, SMULH, UMADDL, UMSUBL, UMULH. */
static bool cold_dp3(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    bool is64 = sf(insn), sub = bits(insn, 15, 1);
    uint64_t n = cold_x(s, rn(insn)), m = cold_x(s, rm(insn)), a = cold_x(s, ra(insn)), p;

    switch (bits(insn, 21, 3)) {
    case 0: p = n * m; break;
    case 1: p = (uint64_t)((int64_t)(int32_t)n * (int32_t)m); break;
    case 5: p = (uint64_t)(uint32_t)n * (uint32_t)m; break;
    case 2:
        cold_set_x(s, rd(insn), (uint64_t)(((__int128)(int64_t)n * (int64_t)m) >> 64), true);
        return true;
    default:
        cold_set_x(s, rd(insn), (uint64_t)(((unsigned __int128)n * m) >> 64), true);
        return true;
    }
    cold_set_x(s, rd(insn), sub ? a - p : a + p, is64);
    return true;
}

/* int.c's rows, for the forms above. */
const DecodePattern a64_cold_int_patterns[] = {
    /* PC-rel. addressing */
    { "0 ll 10000 iiiiiiiiiiiiiiiiiii ddddd", cold_adr, "ADR" },
    { "1 ll 10000 iiiiiiiiiiiiiiiiiii ddddd", cold_adrp, "ADRP" },
    /* Add/subtract (immediate) */
    { "s o S 100010 h iiiiiiiiiiii nnnnn ddddd", cold_addsub_imm, "ADD/ADDS/SUB/SUBS (immediate)" },
    /* Logical (immediate), move wide, bitfield, extract */
    { "s oo 100100 N rrrrrr ssssss nnnnn ddddd", cold_logic_imm, "AND/ORR/EOR/ANDS (immediate)" },
    { "s 00 100101 hh iiiiiiiiiiiiiiii ddddd", cold_movw, "MOVN" },
    { "s 1o 100101 hh iiiiiiiiiiiiiiii ddddd", cold_movw, "MOVZ/MOVK" },
    { "s 0o 100110 N rrrrrr ssssss nnnnn ddddd", cold_bitfield, "SBFM/BFM" },
    { "s 10 100110 N rrrrrr ssssss nnnnn ddddd", cold_bitfield, "UBFM" },
    { "s 00 100111 N 0 mmmmm ssssss nnnnn ddddd", cold_extr, "EXTR" },
    /* Logical and add/subtract (shifted, extended register), with carry */
    { "s oo 01010 tt N mmmmm iiiiii nnnnn ddddd", cold_logic_shift, "AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS (shifted register)" },
    { "s o S 01011 tt 0 mmmmm iiiiii nnnnn ddddd", cold_addsub_shift, "ADD/ADDS/SUB/SUBS (shifted register)" },
    { "s o S 01011 00 1 mmmmm ooo iii nnnnn ddddd", cold_addsub_ext, "ADD/ADDS/SUB/SUBS (extended register)" },
    { "s o S 11010000 mmmmm 000000 nnnnn ddddd", cold_adc_sbc, "ADC/ADCS/SBC/SBCS" },
    /* Conditional compare, conditional select */
    { "s o 1 11010010 mmmmm cccc 0 0 nnnnn 0 ffff", cold_ccmp, "CCMN/CCMP (register)" },
    { "s o 1 11010010 iiiii cccc 1 0 nnnnn 0 ffff", cold_ccmp, "CCMN/CCMP (immediate)" },
    { "s o 0 11010100 mmmmm cccc 0 p nnnnn ddddd", cold_csel, "CSEL/CSINC/CSINV/CSNEG" },
    /* Data-processing (2 source, 1 source) */
    { "s 0 0 11010110 mmmmm 00001 u nnnnn ddddd", cold_div, "UDIV/SDIV" },
    { "s 0 0 11010110 mmmmm 0010 tt nnnnn ddddd", cold_shiftv, "LSLV/LSRV/ASRV/RORV" },
    { "s 1 0 11010110 00000 00000 o nnnnn ddddd", cold_dp1, "RBIT/REV16" },
    { "0 1 0 11010110 00000 000010 nnnnn ddddd", cold_dp1, "REV (32-bit)" },
    { "1 1 0 11010110 00000 00001 o nnnnn ddddd", cold_dp1, "REV32/REV (64-bit)" },
    { "s 1 0 11010110 00000 00010 o nnnnn ddddd", cold_dp1, "CLZ/CLS" },
    /* Data-processing (3 source) */
    { "s 00 11011 000 mmmmm o aaaaa nnnnn ddddd", cold_dp3, "MADD/MSUB" },
    { "1 00 11011 o01 mmmmm o aaaaa nnnnn ddddd", cold_dp3, "SMADDL/SMSUBL/UMADDL/UMSUBL" },
    { "1 00 11011 o10 mmmmm 0 11111 nnnnn ddddd", cold_dp3, "SMULH/UMULH" },
    { NULL },
};
