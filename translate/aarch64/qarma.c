/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The two PAC algorithms of FEAT_PAuth as plain C functions of
 * (data, modifier, key0 = Key<127:64>, key1 = Key<63:0>), the arguments of
 * the Arm ARM's ComputePAC():
 *
 *  - a64_pac_qarma5: the architected algorithm, QARMA-64 with the sigma2
 *    S-box and 5 rounds each way (Arm ARM J1 "ComputePAC", shared/functions/
 *    crypto; Avanzi, "The QARMA Block Cipher Family", ToSC 2017(1)).  The
 *    cells are the 16 nibbles of the 64-bit value, cell 0 = bits 3:0.
 *    a64_pac_qarma5_ref follows the pseudocode step by step (one nibble at
 *    a time); a64_pac_qarma5, which helper-pauth.c calls from generated
 *    code under "-cpu max,pauth-impdef=off", computes the same with byte
 *    tables made from those steps at first use: the cell shuffles, the
 *    tweak schedule and MixColumns are linear over GF(2), so each is the
 *    XOR of 8 table entries (one per input byte), and the S-box layer takes
 *    a 256-entry table per byte.
 *  - a64_pac_impdef: the IMPLEMENTATION DEFINED algorithm guise advertises
 *    by default (ID_AA64ISAR1_EL1.API/GPI): three multiply-xorshift rounds,
 *    key- and modifier-dependent in every output bit, with two of them after
 *    the modifier goes in: with one, a change of the modifier moved every
 *    key's PAC the same way (the PACs of two keys agreed for modifiers 1, 2
 *    and 3 in 0.2% of pointers, not 1 in 2^21), so a signed pointer told how
 *    to sign it for another modifier.  pauth.c emits the same
 *    steps inline as IR, so this C copy is the reference the unit test
 *    (tests/unit/test-pauth.c) compares with.
 *
 * Nothing here reads the CPU state.
 */
#include <pthread.h>
#include "pauth.h"

/* QARMA round constants c0..c4 and alpha (digits of pi). */
static const uint64_t qarma_rc[5] = {
    0x0000000000000000ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull,
    0x082EFA98EC4E6C89ull, 0x452821E638D01377ull,
};
#define QARMA_ALPHA 0xC0AC29B7C97C50DDull

/* sigma2 (the S-box of Arm's PACSub) and its inverse. */
static const uint8_t qarma_sbox[16] = {
    0xb, 0x6, 0x8, 0xf, 0xc, 0x0, 0x9, 0xe, 0x3, 0x7, 0x4, 0x5, 0xd, 0x2, 0x1, 0xa,
};
static const uint8_t qarma_sbox_inv[16] = {
    0x5, 0xe, 0xd, 0x8, 0xa, 0xb, 0x1, 0x9, 0x2, 0x6, 0xf, 0x0, 0x4, 0xc, 0x7, 0x3,
};

/* PACCellShuffle: output cell i is input cell cell_shuffle[i]. */
static const uint8_t cell_shuffle[16] = { 13, 6, 11, 0, 7, 12, 1, 10, 8, 3, 14, 5, 2, 9, 4, 15 };
/* TweakShuffle: output cell i is input cell tweak_shuffle[i], passed
 * through the LFSR (TweakCellRot) when bit i of tweak_rot is set. */
static const uint8_t tweak_shuffle[16] = { 4, 5, 6, 7, 11, 2, 3, 8, 12, 13, 14, 15, 0, 1, 10, 9 };
#define TWEAK_ROT 0xd894u   /* cells 2, 4, 7, 11, 12, 14, 15 */

static inline unsigned cell(uint64_t x, unsigned i)
{
    return (unsigned)(x >> (4 * i)) & 0xf;
}

static uint64_t sub_cells(uint64_t x, const uint8_t *box)
{
    uint64_t r = 0;

    for (unsigned i = 0; i < 16; i++)
        r |= (uint64_t)box[cell(x, i)] << (4 * i);
    return r;
}

static uint64_t cell_shuf(uint64_t x)
{
    uint64_t r = 0;

    for (unsigned i = 0; i < 16; i++)
        r |= (uint64_t)cell(x, cell_shuffle[i]) << (4 * i);
    return r;
}

static uint64_t cell_inv_shuf(uint64_t x)
{
    uint64_t r = 0;

    for (unsigned i = 0; i < 16; i++)
        r |= (uint64_t)cell(x, i) << (4 * cell_shuffle[i]);
    return r;
}

/* RotCell: rotate a 4-bit cell left by n. */
static inline unsigned rot_cell(unsigned c, unsigned n)
{
    return ((c << n) | (c >> (4 - n))) & 0xf;
}

/* PACMult: the involutory MixColumns of QARMA-64, matrix circ(0, rho,
 * rho^2, rho) on each column (cells i, i+4, i+8, i+12). */
static uint64_t mix_columns(uint64_t x)
{
    uint64_t r = 0;

    for (unsigned i = 0; i < 4; i++) {
        unsigned a = cell(x, i), b = cell(x, i + 4), c = cell(x, i + 8), d = cell(x, i + 12);
        unsigned t0 = rot_cell(c, 1) ^ rot_cell(b, 2) ^ rot_cell(a, 1);
        unsigned t1 = rot_cell(d, 1) ^ rot_cell(b, 1) ^ rot_cell(a, 2);
        unsigned t2 = rot_cell(d, 2) ^ rot_cell(c, 1) ^ rot_cell(a, 1);
        unsigned t3 = rot_cell(d, 1) ^ rot_cell(c, 2) ^ rot_cell(b, 1);
        r |= (uint64_t)t3 << (4 * i) | (uint64_t)t2 << (4 * (i + 4)) |
             (uint64_t)t1 << (4 * (i + 8)) | (uint64_t)t0 << (4 * (i + 12));
    }
    return r;
}

/* TweakCellRot (the tweak LFSR omega) and its inverse. */
static inline unsigned tweak_rot(unsigned c)
{
    return (c >> 1) | (((c ^ (c >> 1)) & 1) << 3);
}

static inline unsigned tweak_inv_rot(unsigned c)
{
    return ((c << 1) & 0xf) | ((c ^ (c >> 3)) & 1);
}

static uint64_t tweak_shuf(uint64_t x)
{
    uint64_t r = 0;

    for (unsigned i = 0; i < 16; i++) {
        unsigned c = cell(x, tweak_shuffle[i]);
        r |= (uint64_t)((TWEAK_ROT >> i) & 1 ? tweak_rot(c) : c) << (4 * i);
    }
    return r;
}

static uint64_t tweak_inv_shuf(uint64_t x)
{
    uint64_t r = 0;

    for (unsigned i = 0; i < 16; i++) {
        unsigned c = cell(x, i);
        r |= (uint64_t)((TWEAK_ROT >> i) & 1 ? tweak_inv_rot(c) : c) << (4 * tweak_shuffle[i]);
    }
    return r;
}

uint64_t a64_pac_qarma5_ref(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1)
{
    /* QARMA's w1 = o(w0), as the Arm ARM writes it:
     * modk0 = key0<0>:key0<63:2>:(key0<63> EOR key0<1>). */
    uint64_t modk0 = (key0 << 63) | ((key0 >> 2) << 1) | (((key0 >> 63) ^ (key0 >> 1)) & 1);
    uint64_t run = modifier, w = data ^ key0;

    for (unsigned i = 0; i < 5; i++) {          /* forward rounds */
        w ^= key1 ^ run ^ qarma_rc[i];
        if (i > 0)
            w = mix_columns(cell_shuf(w));
        w = sub_cells(w, qarma_sbox);
        run = tweak_shuf(run);
    }
    w ^= modk0 ^ run;                            /* central rounds */
    w = mix_columns(cell_shuf(w));
    w = sub_cells(w, qarma_sbox);
    w = mix_columns(cell_shuf(w));
    w ^= key1;
    w = cell_inv_shuf(w);
    w = sub_cells(w, qarma_sbox_inv);
    w = cell_inv_shuf(mix_columns(w));
    w ^= key0 ^ run;
    for (unsigned i = 0; i < 5; i++) {          /* backward rounds */
        w = sub_cells(w, qarma_sbox_inv);
        if (i < 4)
            w = cell_inv_shuf(mix_columns(w));
        run = tweak_inv_shuf(run);
        w ^= key1 ^ run ^ qarma_rc[4 - i] ^ QARMA_ALPHA;
    }
    return w ^ modk0;
}

/* ---- the table-driven QARMA5 ---- */

enum { T_SHUF_MIX, T_INV_SHUF, T_MIX_INV_SHUF, T_TWEAK, T_TWEAK_INV, T_COUNT };
static uint64_t lin_tab[T_COUNT][8][256];
static uint8_t sub_tab[2][256];          /* S-box, inverse S-box, per byte */
static pthread_once_t tab_once = PTHREAD_ONCE_INIT;

static uint64_t lin_ref(unsigned t, uint64_t x)
{
    switch (t) {
    case T_SHUF_MIX:     return mix_columns(cell_shuf(x));
    case T_INV_SHUF:     return cell_inv_shuf(x);
    case T_MIX_INV_SHUF: return cell_inv_shuf(mix_columns(x));
    case T_TWEAK:        return tweak_shuf(x);
    default:             return tweak_inv_shuf(x);
    }
}

static void tab_init(void)
{
    for (unsigned v = 0; v < 256; v++) {
        sub_tab[0][v] = (uint8_t)(qarma_sbox[v & 15] | qarma_sbox[v >> 4] << 4);
        sub_tab[1][v] = (uint8_t)(qarma_sbox_inv[v & 15] | qarma_sbox_inv[v >> 4] << 4);
        for (unsigned t = 0; t < T_COUNT; t++)
            for (unsigned b = 0; b < 8; b++)
                lin_tab[t][b][v] = lin_ref(t, (uint64_t)v << (8 * b));
    }
}

static inline uint64_t lin(unsigned t, uint64_t x)
{
    uint64_t r = 0;

    for (unsigned b = 0; b < 8; b++)
        r ^= lin_tab[t][b][(x >> (8 * b)) & 0xff];
    return r;
}

static inline uint64_t sub(unsigned inv, uint64_t x)
{
    uint64_t r = 0;

    for (unsigned b = 0; b < 8; b++)
        r |= (uint64_t)sub_tab[inv][(x >> (8 * b)) & 0xff] << (8 * b);
    return r;
}

/* The steps of a64_pac_qarma5_ref, with the tables. */
uint64_t a64_pac_qarma5(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1)
{
    uint64_t modk0 = (key0 << 63) | ((key0 >> 2) << 1) | (((key0 >> 63) ^ (key0 >> 1)) & 1);
    uint64_t run = modifier, w = data ^ key0;

    pthread_once(&tab_once, tab_init);
    for (unsigned i = 0; i < 5; i++) {
        w ^= key1 ^ run ^ qarma_rc[i];
        if (i > 0)
            w = lin(T_SHUF_MIX, w);
        w = sub(0, w);
        run = lin(T_TWEAK, run);
    }
    w ^= modk0 ^ run;
    w = sub(0, lin(T_SHUF_MIX, w));
    w = lin(T_SHUF_MIX, w) ^ key1;
    w = sub(1, lin(T_INV_SHUF, w));
    w = lin(T_MIX_INV_SHUF, w) ^ key0 ^ run;
    for (unsigned i = 0; i < 5; i++) {
        w = sub(1, w);
        if (i < 4)
            w = lin(T_MIX_INV_SHUF, w);
        run = lin(T_TWEAK_INV, run);
        w ^= key1 ^ run ^ qarma_rc[4 - i] ^ QARMA_ALPHA;
    }
    return w ^ modk0;
}

uint64_t a64_pac_impdef(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1)
{
    uint64_t t = (data ^ key1) * A64_PAC_IMPDEF_MUL1;

    t ^= modifier;
    t = (t ^ (t >> 32)) * A64_PAC_IMPDEF_MUL2;
    t ^= key0;
    t = (t ^ (t >> 29)) * A64_PAC_IMPDEF_MUL3;
    return t ^ (t >> 32);
}
