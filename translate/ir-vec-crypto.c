/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The C definition of the IR's cryptographic vector kinds (ir-vec-ext.h):
 * AES round steps after FIPS-197 (SubBytes, ShiftRows, MixColumns and
 * their inverses), the 64x64 -> 128-bit carry-less multiply, and the Arm
 * SHA-256 steps after the Arm ARM's shared pseudocode (SHA256hash,
 * SHAchoose, SHAmajority, SHAhashSIGMA0/1, C7.2 SHA256H, SHA256H2,
 * SHA256SU0, SHA256SU1).  ir_vec_eval() calls ir_vec_eval_crypto() for
 * these kinds, so the interpreter and the x86-64 backend's C fallback run
 * this code; lower-vec.c maps the kinds to AES-NI, PCLMULQDQ and SHA-NI
 * where the host has them, and tests/unit/test-vec-crypto.c compares the
 * two on random inputs.
 *
 * The AES S-boxes are computed once at start-up from their definition:
 * the multiplicative inverse in GF(2^8) followed by the affine map of
 * FIPS-197 5.1.1.  ir_vec_ext_name() names all of ir-vec-ext.h's kinds
 * for the -d op dumps.
 */
#include <string.h>
#include "ir-vec-ext.h"
#include "util/log.h"

static uint8_t sbox[256], isbox[256];

/* Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
static uint8_t gmul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;

    for (; b; b >>= 1) {
        if (b & 1)
            p ^= a;
        a = (uint8_t)((a << 1) ^ (a & 0x80 ? 0x1b : 0));
    }
    return p;
}

static uint8_t rotl8(uint8_t x, unsigned n)
{
    return (uint8_t)(x << n | x >> (8 - n));
}

/* Inverses through logarithms to the generator 3: x^-1 = 3^(255 - log x). */
__attribute__((constructor)) static void sbox_init(void)
{
    uint8_t pow3[255], log3[256] = { 0 }, p = 1;

    for (unsigned i = 0; i < 255; i++) {
        pow3[i] = p;
        log3[p] = (uint8_t)i;
        p = gmul(p, 3);
    }
    for (unsigned x = 0; x < 256; x++) {
        uint8_t inv = x ? pow3[(255 - log3[x]) % 255] : 0;
        uint8_t s = inv ^ rotl8(inv, 1) ^ rotl8(inv, 2) ^ rotl8(inv, 3) ^ rotl8(inv, 4) ^ 0x63;
        sbox[x] = s;
        isbox[s] = (uint8_t)x;
    }
}

/* Row r of the state moves left by r columns (ShiftRows) or right
 * (InvShiftRows); every byte then goes through the (inverse) S-box. */
static void aes_sub_shift(IRVec *d, const IRVec *v, bool inv)
{
    IRVec t;

    for (unsigned col = 0; col < 4; col++)
        for (unsigned r = 0; r < 4; r++) {
            if (inv)
                t.u8[r + 4 * ((col + r) & 3)] = isbox[v->u8[r + 4 * col]];
            else
                t.u8[r + 4 * col] = sbox[v->u8[r + 4 * ((col + r) & 3)]];
        }
    *d = t;
}

/* Each column times the circulant {02,03,01,01}, or {0e,0b,0d,09}. */
static void aes_mix(IRVec *d, const IRVec *v, bool inv)
{
    static const uint8_t fwd[4] = { 2, 3, 1, 1 }, bwd[4] = { 14, 11, 13, 9 };
    const uint8_t *k = inv ? bwd : fwd;
    IRVec t;

    for (unsigned col = 0; col < 4; col++) {
        const uint8_t *c = &v->u8[4 * col];
        for (unsigned r = 0; r < 4; r++)
            t.u8[4 * col + r] = gmul(c[r], k[0]) ^ gmul(c[(r + 1) & 3], k[1]) ^
                                gmul(c[(r + 2) & 3], k[2]) ^ gmul(c[(r + 3) & 3], k[3]);
    }
    *d = t;
}

static void clmul(IRVec *d, uint64_t x, uint64_t y)
{
    uint64_t lo = 0, hi = 0;

    for (unsigned i = 0; i < 64; i++)
        if ((y >> i) & 1) {
            lo ^= x << i;
            hi ^= i ? x >> (64 - i) : 0;
        }
    d->u64[0] = lo;
    d->u64[1] = hi;
}

/* ---- SHA-256 ---- */

static uint32_t ror(uint32_t x, unsigned n)
{
    return x >> n | x << (32 - n);
}

static uint32_t sigma0(uint32_t x) { return ror(x, 7) ^ ror(x, 18) ^ (x >> 3); }
static uint32_t sigma1(uint32_t x) { return ror(x, 17) ^ ror(x, 19) ^ (x >> 10); }

/* SHA256hash(X, Y, W, part1): four rounds on abcd = X, efgh = Y. */
static void sha256_hash(IRVec *d, const IRVec *x0, const IRVec *y0, const IRVec *w, bool part1)
{
    uint32_t x[4], y[4];

    memcpy(x, x0->u32, 16);
    memcpy(y, y0->u32, 16);
    for (unsigned e = 0; e < 4; e++) {
        uint32_t chs = ((y[1] ^ y[2]) & y[0]) ^ y[2];
        uint32_t maj = (x[0] & x[1]) | ((x[0] | x[1]) & x[2]);
        uint32_t t = y[3] + (ror(y[0], 6) ^ ror(y[0], 11) ^ ror(y[0], 25)) + chs + w->u32[e];
        uint32_t xd = t + x[3];
        uint32_t yh = t + (ror(x[0], 2) ^ ror(x[0], 13) ^ ror(x[0], 22)) + maj;
        /* <Y, X> = ROL(Y:X, 32) */
        y[3] = y[2]; y[2] = y[1]; y[1] = y[0]; y[0] = xd;
        x[3] = x[2]; x[2] = x[1]; x[1] = x[0]; x[0] = yh;
    }
    memcpy(d->u32, part1 ? x : y, 16);
}

static void sha256su0(IRVec *d, const IRVec *a, const IRVec *b)
{
    uint32_t t[4] = { a->u32[1], a->u32[2], a->u32[3], b->u32[0] };

    for (unsigned e = 0; e < 4; e++)
        d->u32[e] = sigma0(t[e]) + a->u32[e];
}

static void sha256su1(IRVec *d, const IRVec *a, const IRVec *b, const IRVec *c)
{
    uint32_t t0[4] = { b->u32[1], b->u32[2], b->u32[3], c->u32[0] };
    uint32_t r[4];

    r[0] = sigma1(c->u32[2]) + a->u32[0] + t0[0];
    r[1] = sigma1(c->u32[3]) + a->u32[1] + t0[1];
    r[2] = sigma1(r[0]) + a->u32[2] + t0[2];
    r[3] = sigma1(r[1]) + a->u32[3] + t0[3];
    memcpy(d->u32, r, 16);
}

void ir_vec_eval_crypto(unsigned kind, unsigned imm, IRVec *d, const IRVec *a,
                        const IRVec *b, const IRVec *c)
{
    IRVec t;

    switch (kind) {
    case IR_VEC_AESE: case IR_VEC_AESD: case IR_VEC_AESEMC: case IR_VEC_AESDIMC: {
        bool inv = kind == IR_VEC_AESD || kind == IR_VEC_AESDIMC;
        t.u64[0] = a->u64[0] ^ b->u64[0];
        t.u64[1] = a->u64[1] ^ b->u64[1];
        aes_sub_shift(d, &t, inv);
        if (kind == IR_VEC_AESEMC || kind == IR_VEC_AESDIMC)
            aes_mix(d, d, inv);     /* the fused round's MixColumns step */
        break;
    }
    case IR_VEC_AESMC: case IR_VEC_AESIMC:
        aes_mix(d, a, kind == IR_VEC_AESIMC);
        break;
    case IR_VEC_CLMUL:
        clmul(d, a->u64[imm & 1], b->u64[(imm >> 4) & 1]);
        break;
    case IR_VEC_SHA256H: case IR_VEC_SHA256H2:
        /* H: X = abcd (a), Y = efgh (b); H2: X = abcd (b), Y = efgh (a) */
        if (kind == IR_VEC_SHA256H)
            sha256_hash(d, a, b, c, true);
        else
            sha256_hash(d, b, a, c, false);
        break;
    case IR_VEC_SHA256SU0:
        sha256su0(d, a, b);
        break;
    case IR_VEC_SHA256SU1:
        sha256su1(d, a, b, c);
        break;
    default:
        unreachable();
    }
}

const char *ir_vec_ext_name(unsigned kind)
{
    static const char *const names[IR_VEC_COUNT - IR_VEC_EXT_FIRST] = {
        [IR_VEC_SQXTN - IR_VEC_EXT_FIRST] = "sqxtn", [IR_VEC_UQXTN - IR_VEC_EXT_FIRST] = "uqxtn",
        [IR_VEC_SQXTUN - IR_VEC_EXT_FIRST] = "sqxtun",
        [IR_VEC_AESE - IR_VEC_EXT_FIRST] = "aese", [IR_VEC_AESD - IR_VEC_EXT_FIRST] = "aesd",
        [IR_VEC_CLMUL - IR_VEC_EXT_FIRST] = "clmul",
        [IR_VEC_SHA256SU0 - IR_VEC_EXT_FIRST] = "sha256su0",
        [IR_VEC_AESMC - IR_VEC_EXT_FIRST] = "aesmc", [IR_VEC_AESIMC - IR_VEC_EXT_FIRST] = "aesimc",
        [IR_VEC_SHA256H - IR_VEC_EXT_FIRST] = "sha256h",
        [IR_VEC_SHA256H2 - IR_VEC_EXT_FIRST] = "sha256h2",
        [IR_VEC_SHA256SU1 - IR_VEC_EXT_FIRST] = "sha256su1",
        [IR_VEC_AESEMC - IR_VEC_EXT_FIRST] = "aesemc",
        [IR_VEC_AESDIMC - IR_VEC_EXT_FIRST] = "aesdimc",
    };

    return kind >= IR_VEC_EXT_FIRST && kind < IR_VEC_COUNT ? names[kind - IR_VEC_EXT_FIRST] : "?";
}
