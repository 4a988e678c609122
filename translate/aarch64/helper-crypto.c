/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * C helper of the cryptographic extension (FEAT_AES, FEAT_SHA1, FEAT_SHA256,
 * FEAT_SHA512, FEAT_SM3, FEAT_SM4; the FEAT_SHA3 bitwise operations are IR,
 * see crypto.c).  helper_crypto(env, desc) decodes the desc crypto.c packed
 * (crypto.h), loads the vector registers and runs the operation through
 * a64_crypto_op, whose functions follow the pseudocode of the Arm ARM (C7.2,
 * the instruction pages, and the shared functions AESSubBytes, SHA256hash,
 * SHAchoose/parity/majority, SM4Sbox...).
 *
 * AESE/AESD/AESMC/AESIMC use AES-NI, SHA256H/H2/SU0/SU1 SHA-NI and PMULL 1Q
 * (a64_clmul64, called from helper-simd.c) PCLMULQDQ when cpuid has them
 * (a64_crypto_host); beside each is a plain C path, used on other
 * hosts and checked against the host path by tests/unit/test-crypto.c.
 * The AES S-boxes are computed at a64_crypto_init from their definition
 * (multiplicative inverse in GF(2^8), then the affine map of FIPS-197 5.1.1);
 * the SM4 S-box is the table of GB/T 32907-2016.
 */
#include <pthread.h>
#include <string.h>
#include <immintrin.h>
#include <sys/platform/x86.h>
#include "util/log.h"
#include "translate.h"
#include "crypto.h"

A64_HELPER(crypto, 2, IR_HELPER_NO_GLOBALS);

bool a64_crypto_host;
static bool host_sha, host_clmul;
static uint8_t aes_sbox[256], aes_isbox[256];

static inline uint32_t rol32(uint32_t x, unsigned n) { return n ? (x << n) | (x >> (32 - n)) : x; }
static inline uint32_t ror32(uint32_t x, unsigned n) { return rol32(x, (32 - n) & 31); }
static inline uint64_t ror64(uint64_t x, unsigned n) { return n ? (x >> n) | (x << (64 - n)) : x; }

/* ---- AES (FIPS-197; Arm ARM AESE/AESD/AESMC/AESIMC) ---- */

/* Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
static uint8_t gf_mul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;

    while (b) {
        if (b & 1)
            p ^= a;
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return p;
}

static inline uint8_t rol8(uint8_t x, unsigned n) { return (uint8_t)((x << n) | (x >> (8 - n))); }

static void aes_sbox_init(void)
{
    for (unsigned x = 0; x < 256; x++) {
        /* x^254 is the inverse (0 for 0). */
        uint8_t inv = 1, base = (uint8_t)x;
        for (unsigned e = 254; e; e >>= 1, base = gf_mul(base, base))
            if (e & 1)
                inv = gf_mul(inv, base);
        if (!x)
            inv = 0;
        uint8_t s = inv ^ rol8(inv, 1) ^ rol8(inv, 2) ^ rol8(inv, 3) ^ rol8(inv, 4) ^ 0x63;
        aes_sbox[x] = s;
        aes_isbox[s] = (uint8_t)x;
    }
}

/* State byte i is row i % 4 of column i / 4; row r rotates left by r
 * columns (ShiftRows) or right (InvShiftRows), then each byte goes
 * through the S-box. */
static void aes_sub_shift(CryptoVec *v, bool inv)
{
    CryptoVec t;

    for (unsigned c = 0; c < 4; c++)
        for (unsigned r = 0; r < 4; r++) {
            if (inv)
                t.u8[r + 4 * ((c + r) & 3)] = aes_isbox[v->u8[r + 4 * c]];
            else
                t.u8[r + 4 * c] = aes_sbox[v->u8[r + 4 * ((c + r) & 3)]];
        }
    *v = t;
}

/* MixColumns multiplies each column by {02,03,01,01} (circulant), the
 * inverse by {0e,0b,0d,09}. */
static void aes_mix(CryptoVec *v, bool inv)
{
    static const uint8_t fwd[4] = { 2, 3, 1, 1 }, bwd[4] = { 14, 11, 13, 9 };
    const uint8_t *k = inv ? bwd : fwd;

    for (unsigned c = 0; c < 4; c++) {
        uint8_t col[4];
        memcpy(col, &v->u8[4 * c], 4);
        for (unsigned r = 0; r < 4; r++)
            v->u8[4 * c + r] = gf_mul(col[r], k[0]) ^ gf_mul(col[(r + 1) & 3], k[1]) ^
                               gf_mul(col[(r + 2) & 3], k[2]) ^ gf_mul(col[(r + 3) & 3], k[3]);
    }
}

/* With AES-NI: AESENCLAST with a zero key is ShiftRows+SubBytes, AESDECLAST
 * the inverse pair, AESIMC is InvMixColumns; MixColumns alone is AESENC
 * (ShiftRows, SubBytes, MixColumns) after AESDECLAST undid the first two. */
__attribute__((target("aes,sse2")))
static void aes_host(unsigned op, CryptoVec *d, const CryptoVec *n)
{
    __m128i x = _mm_loadu_si128((const __m128i *)n), z = _mm_setzero_si128();

    switch (op) {
    case CRYPTO_OP_AESE:
        x = _mm_aesenclast_si128(_mm_xor_si128(x, _mm_loadu_si128((const __m128i *)d)), z);
        break;
    case CRYPTO_OP_AESD:
        x = _mm_aesdeclast_si128(_mm_xor_si128(x, _mm_loadu_si128((const __m128i *)d)), z);
        break;
    case CRYPTO_OP_AESMC:
        x = _mm_aesenc_si128(_mm_aesdeclast_si128(x, z), z);
        break;
    default:
        x = _mm_aesimc_si128(x);
        break;
    }
    _mm_storeu_si128((__m128i *)d, x);
}

static void do_aes(unsigned op, CryptoVec *d, const CryptoVec *n)
{
    if (a64_crypto_host) {
        aes_host(op, d, n);
        return;
    }
    if (op == CRYPTO_OP_AESE || op == CRYPTO_OP_AESD) {
        d->u64[0] ^= n->u64[0];
        d->u64[1] ^= n->u64[1];
        aes_sub_shift(d, op == CRYPTO_OP_AESD);
    } else {
        *d = *n;
        aes_mix(d, op == CRYPTO_OP_AESIMC);
    }
}

/* ---- PMULL 1Q (FEAT_PMULL) ---- */

__attribute__((target("pclmul,sse4.1")))
static void clmul_host(uint64_t x, uint64_t y, uint64_t r[2])
{
    __m128i p = _mm_clmulepi64_si128(_mm_cvtsi64_si128((long long)x),
                                     _mm_cvtsi64_si128((long long)y), 0);
    r[0] = (uint64_t)_mm_cvtsi128_si64(p);
    r[1] = (uint64_t)_mm_extract_epi64(p, 1);
}

void a64_clmul64(uint64_t x, uint64_t y, uint64_t r[2])
{
    a64_crypto_init();     /* PMULL is decoded in simd-int.c, not crypto.c */
    if (a64_crypto_host && host_clmul) {
        clmul_host(x, y, r);
        return;
    }
    r[0] = r[1] = 0;
    for (unsigned i = 0; i < 64; i++) {
        if ((y >> i) & 1) {
            r[0] ^= x << i;
            r[1] ^= i ? x >> (64 - i) : 0;
        }
    }
}

/* ---- SHA-1 (FIPS 180-4 6.1; Arm ARM SHA1C/P/M, SHA1H, SHA1SU0/1) ---- */

static uint32_t sha_choose(uint32_t x, uint32_t y, uint32_t z) { return ((y ^ z) & x) ^ z; }
static uint32_t sha_parity(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }
static uint32_t sha_majority(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | ((x | y) & z); }

/* Four rounds: X = Vd (a, b, c, d), Y = Sn (e), W = Vm (W + K). */
static void sha1_rounds(CryptoVec *d, const CryptoVec *n, const CryptoVec *m,
                        uint32_t (*f)(uint32_t, uint32_t, uint32_t))
{
    uint32_t *x = d->u32, y = n->u32[0];

    for (unsigned e = 0; e < 4; e++) {
        y += rol32(x[0], 5) + f(x[1], x[2], x[3]) + m->u32[e];
        x[1] = rol32(x[1], 30);
        /* ROL(Y:X, 32) */
        uint32_t top = x[3];
        x[3] = x[2];
        x[2] = x[1];
        x[1] = x[0];
        x[0] = y;
        y = top;
    }
}

static void sha1su0(CryptoVec *d, const CryptoVec *n, const CryptoVec *m)
{
    CryptoVec r = { .u64 = { d->u64[1], n->u64[0] } };

    d->u64[0] ^= r.u64[0] ^ m->u64[0];
    d->u64[1] ^= r.u64[1] ^ m->u64[1];
}

static void sha1su1(CryptoVec *d, const CryptoVec *n)
{
    uint32_t t[4] = {
        d->u32[0] ^ n->u32[1], d->u32[1] ^ n->u32[2], d->u32[2] ^ n->u32[3], d->u32[3],
    };

    for (unsigned i = 0; i < 3; i++)
        d->u32[i] = rol32(t[i], 1);
    d->u32[3] = rol32(t[3], 1) ^ rol32(t[0], 2);
}

/* ---- SHA-256 (FIPS 180-4 6.2; Arm ARM SHA256hash) ---- */

/* Four rounds on X = a, b, c, d and Y = e, f, g, h with W + K in w. */
static void sha256_rounds_c(uint32_t x[4], uint32_t y[4], const uint32_t w[4])
{
    for (unsigned e = 0; e < 4; e++) {
        uint32_t ch = sha_choose(y[0], y[1], y[2]);
        uint32_t maj = sha_majority(x[0], x[1], x[2]);
        uint32_t s1 = ror32(y[0], 6) ^ ror32(y[0], 11) ^ ror32(y[0], 25);
        uint32_t s0 = ror32(x[0], 2) ^ ror32(x[0], 13) ^ ror32(x[0], 22);
        uint32_t t = y[3] + s1 + ch + w[e];
        uint32_t x3 = t + x[3], y3 = t + s0 + maj;
        /* ROL(Y:X, 32) */
        y[3] = y[2]; y[2] = y[1]; y[1] = y[0]; y[0] = x3;
        x[3] = x[2]; x[2] = x[1]; x[1] = x[0]; x[0] = y3;
    }
}

/* SHA-NI keeps the state as ABEF and CDGH (A in the top lane); each
 * SHA256RNDS2 does two rounds with the two low lanes of W + K.  X (a, b,
 * c, d in lanes 0-3) and Y (e, f, g, h) become ABEF and CDGH by two
 * unpacks and a lane swap, and back the same way: whole-vector moves only,
 * so no store-forwarding stall between the lanes and the vector. */
__attribute__((target("sha,sse4.1")))
static void sha256h_host(CryptoVec *d, const CryptoVec *n, const CryptoVec *m, bool part1)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(part1 ? d->u32 : n->u32));
    __m128i y = _mm_loadu_si128((const __m128i *)(part1 ? n->u32 : d->u32));
    __m128i wk = _mm_loadu_si128((const __m128i *)m->u32);
    __m128i abef = _mm_shuffle_epi32(_mm_unpacklo_epi64(y, x), 0xb1);
    __m128i cdgh = _mm_shuffle_epi32(_mm_unpackhi_epi64(y, x), 0xb1);

    cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
    abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0e));
    abef = _mm_shuffle_epi32(abef, 0xb1);       /* e f a b */
    cdgh = _mm_shuffle_epi32(cdgh, 0xb1);       /* g h c d */
    _mm_storeu_si128((__m128i *)d->u32, part1 ? _mm_unpackhi_epi64(abef, cdgh)
                                              : _mm_unpacklo_epi64(abef, cdgh));
}

/* SHA256H: d := X after four rounds of (X = d, Y = n); SHA256H2:
 * d := Y after four rounds of (X = n, Y = d). */
static void sha256h(CryptoVec *d, const CryptoVec *n, const CryptoVec *m, bool part1)
{
    uint32_t x[4], y[4];

    if (a64_crypto_host && host_sha) {
        sha256h_host(d, n, m, part1);
        return;
    }
    memcpy(x, part1 ? d->u32 : n->u32, 16);
    memcpy(y, part1 ? n->u32 : d->u32, 16);
    sha256_rounds_c(x, y, m->u32);
    memcpy(d->u32, part1 ? x : y, 16);
}

static uint32_t sha256_sig0(uint32_t x) { return ror32(x, 7) ^ ror32(x, 18) ^ (x >> 3); }
static uint32_t sha256_sig1(uint32_t x) { return ror32(x, 17) ^ ror32(x, 19) ^ (x >> 10); }

/* SHA256MSG1 is SHA256SU0 (d + sigma0 of d:n shifted by one word), and
 * SHA256MSG2 of (d + n:m shifted by one word, m) is SHA256SU1. */
__attribute__((target("sha,ssse3")))
static void sha256su_host(CryptoVec *d, const CryptoVec *n, const CryptoVec *m, bool su1)
{
    __m128i vd = _mm_loadu_si128((const __m128i *)d->u32);
    __m128i vn = _mm_loadu_si128((const __m128i *)n->u32);

    if (!su1) {
        vd = _mm_sha256msg1_epu32(vd, vn);
    } else {
        __m128i vm = _mm_loadu_si128((const __m128i *)m->u32);
        vd = _mm_sha256msg2_epu32(_mm_add_epi32(vd, _mm_alignr_epi8(vm, vn, 4)), vm);
    }
    _mm_storeu_si128((__m128i *)d->u32, vd);
}

static void sha256su0(CryptoVec *d, const CryptoVec *n)
{
    if (a64_crypto_host && host_sha) {
        sha256su_host(d, n, NULL, false);
        return;
    }
    uint32_t t[4] = { d->u32[1], d->u32[2], d->u32[3], n->u32[0] };

    for (unsigned e = 0; e < 4; e++)
        d->u32[e] += sha256_sig0(t[e]);
}

static void sha256su1(CryptoVec *d, const CryptoVec *n, const CryptoVec *m)
{
    if (a64_crypto_host && host_sha) {
        sha256su_host(d, n, m, true);
        return;
    }
    uint32_t t0[4] = { n->u32[1], n->u32[2], n->u32[3], m->u32[0] };
    uint32_t r[4];

    r[0] = sha256_sig1(m->u32[2]) + d->u32[0] + t0[0];
    r[1] = sha256_sig1(m->u32[3]) + d->u32[1] + t0[1];
    r[2] = sha256_sig1(r[0]) + d->u32[2] + t0[2];
    r[3] = sha256_sig1(r[1]) + d->u32[3] + t0[3];
    memcpy(d->u32, r, 16);
}

/* ---- SHA-512 (FIPS 180-4 6.4; Arm ARM SHA512H/H2/SU0/SU1) ---- */

static uint64_t sha512_sum0(uint64_t x) { return ror64(x, 28) ^ ror64(x, 34) ^ ror64(x, 39); }
static uint64_t sha512_sum1(uint64_t x) { return ror64(x, 14) ^ ror64(x, 18) ^ ror64(x, 41); }
static uint64_t sha512_sig0(uint64_t x) { return ror64(x, 1) ^ ror64(x, 8) ^ (x >> 7); }
static uint64_t sha512_sig1(uint64_t x) { return ror64(x, 19) ^ ror64(x, 61) ^ (x >> 6); }

/* SHA512H: the Sum1/Ch half of two rounds; X = n, Y = m, W = d. */
static void sha512h(CryptoVec *d, const CryptoVec *n, const CryptoVec *m)
{
    const uint64_t *x = n->u64, *y = m->u64;
    uint64_t hi = ((y[1] & x[0]) ^ (~y[1] & x[1])) + sha512_sum1(y[1]) + d->u64[1];
    uint64_t t = hi + y[0];
    uint64_t lo = ((t & y[1]) ^ (~t & x[0])) + sha512_sum1(t) + d->u64[0];

    d->u64[0] = lo;
    d->u64[1] = hi;
}

/* SHA512H2: the Sum0/Maj half; X = n, Y = m, W = d. */
static void sha512h2(CryptoVec *d, const CryptoVec *n, const CryptoVec *m)
{
    const uint64_t *x = n->u64, *y = m->u64;
    uint64_t hi = ((x[0] & y[1]) ^ (x[0] & y[0]) ^ (y[1] & y[0])) + sha512_sum0(y[0]) + d->u64[1];
    uint64_t lo = ((hi & y[0]) ^ (hi & y[1]) ^ (y[1] & y[0])) + sha512_sum0(hi) + d->u64[0];

    d->u64[0] = lo;
    d->u64[1] = hi;
}

static void sha512su0(CryptoVec *d, const CryptoVec *n)
{
    uint64_t lo = d->u64[0] + sha512_sig0(d->u64[1]);

    d->u64[1] += sha512_sig0(n->u64[0]);
    d->u64[0] = lo;
}

static void sha512su1(CryptoVec *d, const CryptoVec *n, const CryptoVec *m)
{
    d->u64[1] += sha512_sig1(n->u64[1]) + m->u64[1];
    d->u64[0] += sha512_sig1(n->u64[0]) + m->u64[0];
}

/* ---- SM3 (GB/T 32905-2016; Arm ARM SM3SS1, SM3TT1A/B, SM3TT2A/B,
 * SM3PARTW1/2) ---- */

static uint32_t sm3_p0(uint32_t x) { return x ^ rol32(x, 9) ^ rol32(x, 17); }
static uint32_t sm3_p1(uint32_t x) { return x ^ rol32(x, 15) ^ rol32(x, 23); }

static void sm3ss1(CryptoVec *d, const CryptoVec *n, const CryptoVec *m, const CryptoVec *a)
{
    uint32_t r = rol32(rol32(n->u32[3], 12) + m->u32[3] + a->u32[3], 7);

    d->u64[0] = 0;
    d->u32[2] = 0;
    d->u32[3] = r;
}

/* SM3TT1A/B: d = (D, C, B, A), n[3] = SS1, m[imm] = W'j. */
static void sm3tt1(CryptoVec *d, const CryptoVec *n, const CryptoVec *m, unsigned imm, bool b)
{
    uint32_t *v = d->u32;
    uint32_t ss2 = n->u32[3] ^ rol32(v[3], 12);
    uint32_t ff = b ? sha_majority(v[3], v[2], v[1]) : v[3] ^ v[2] ^ v[1];
    uint32_t tt1 = ff + v[0] + ss2 + m->u32[imm & 3];

    v[0] = v[1];
    v[1] = rol32(v[2], 9);
    v[2] = v[3];
    v[3] = tt1;
}

/* SM3TT2A/B: d = (H, G, F, E), n[3] = SS1, m[imm] = Wj. */
static void sm3tt2(CryptoVec *d, const CryptoVec *n, const CryptoVec *m, unsigned imm, bool b)
{
    uint32_t *v = d->u32;
    uint32_t gg = b ? sha_choose(v[3], v[2], v[1]) : v[3] ^ v[2] ^ v[1];
    uint32_t tt2 = gg + v[0] + n->u32[3] + m->u32[imm & 3];

    v[0] = v[1];
    v[1] = rol32(v[2], 19);
    v[2] = v[3];
    v[3] = sm3_p0(tt2);
}

static void sm3partw1(CryptoVec *d, const CryptoVec *n, const CryptoVec *m)
{
    uint32_t r[4];

    for (unsigned i = 0; i < 3; i++)
        r[i] = sm3_p1(d->u32[i] ^ n->u32[i] ^ rol32(m->u32[i + 1], 15));
    r[3] = sm3_p1(d->u32[3] ^ n->u32[3] ^ rol32(r[0], 15));
    memcpy(d->u32, r, 16);
}

static void sm3partw2(CryptoVec *d, const CryptoVec *n, const CryptoVec *m)
{
    uint32_t t[4];

    for (unsigned i = 0; i < 4; i++) {
        t[i] = n->u32[i] ^ rol32(m->u32[i], 7);
        d->u32[i] ^= t[i];
    }
    d->u32[3] ^= sm3_p1(rol32(t[0], 15));
}

/* ---- SM4 (GB/T 32907-2016; Arm ARM SM4E, SM4EKEY) ---- */

static const uint8_t sm4_sbox[256] = {
    0xd6, 0x90, 0xe9, 0xfe, 0xcc, 0xe1, 0x3d, 0xb7, 0x16, 0xb6, 0x14, 0xc2, 0x28, 0xfb, 0x2c, 0x05,
    0x2b, 0x67, 0x9a, 0x76, 0x2a, 0xbe, 0x04, 0xc3, 0xaa, 0x44, 0x13, 0x26, 0x49, 0x86, 0x06, 0x99,
    0x9c, 0x42, 0x50, 0xf4, 0x91, 0xef, 0x98, 0x7a, 0x33, 0x54, 0x0b, 0x43, 0xed, 0xcf, 0xac, 0x62,
    0xe4, 0xb3, 0x1c, 0xa9, 0xc9, 0x08, 0xe8, 0x95, 0x80, 0xdf, 0x94, 0xfa, 0x75, 0x8f, 0x3f, 0xa6,
    0x47, 0x07, 0xa7, 0xfc, 0xf3, 0x73, 0x17, 0xba, 0x83, 0x59, 0x3c, 0x19, 0xe6, 0x85, 0x4f, 0xa8,
    0x68, 0x6b, 0x81, 0xb2, 0x71, 0x64, 0xda, 0x8b, 0xf8, 0xeb, 0x0f, 0x4b, 0x70, 0x56, 0x9d, 0x35,
    0x1e, 0x24, 0x0e, 0x5e, 0x63, 0x58, 0xd1, 0xa2, 0x25, 0x22, 0x7c, 0x3b, 0x01, 0x21, 0x78, 0x87,
    0xd4, 0x00, 0x46, 0x57, 0x9f, 0xd3, 0x27, 0x52, 0x4c, 0x36, 0x02, 0xe7, 0xa0, 0xc4, 0xc8, 0x9e,
    0xea, 0xbf, 0x8a, 0xd2, 0x40, 0xc7, 0x38, 0xb5, 0xa3, 0xf7, 0xf2, 0xce, 0xf9, 0x61, 0x15, 0xa1,
    0xe0, 0xae, 0x5d, 0xa4, 0x9b, 0x34, 0x1a, 0x55, 0xad, 0x93, 0x32, 0x30, 0xf5, 0x8c, 0xb1, 0xe3,
    0x1d, 0xf6, 0xe2, 0x2e, 0x82, 0x66, 0xca, 0x60, 0xc0, 0x29, 0x23, 0xab, 0x0d, 0x53, 0x4e, 0x6f,
    0xd5, 0xdb, 0x37, 0x45, 0xde, 0xfd, 0x8e, 0x2f, 0x03, 0xff, 0x6a, 0x72, 0x6d, 0x6c, 0x5b, 0x51,
    0x8d, 0x1b, 0xaf, 0x92, 0xbb, 0xdd, 0xbc, 0x7f, 0x11, 0xd9, 0x5c, 0x41, 0x1f, 0x10, 0x5a, 0xd8,
    0x0a, 0xc1, 0x31, 0x88, 0xa5, 0xcd, 0x7b, 0xbd, 0x2d, 0x74, 0xd0, 0x12, 0xb8, 0xe5, 0xb4, 0xb0,
    0x89, 0x69, 0x97, 0x4a, 0x0c, 0x96, 0x77, 0x7e, 0x65, 0xb9, 0xf1, 0x09, 0xc5, 0x6e, 0xc6, 0x84,
    0x18, 0xf0, 0x7d, 0xec, 0x3a, 0xdc, 0x4d, 0x20, 0x79, 0xee, 0x5f, 0x3e, 0xd7, 0xcb, 0x39, 0x48,
};

static uint32_t sm4_tau(uint32_t x)
{
    return (uint32_t)sm4_sbox[x & 0xff] | (uint32_t)sm4_sbox[(x >> 8) & 0xff] << 8 |
           (uint32_t)sm4_sbox[(x >> 16) & 0xff] << 16 | (uint32_t)sm4_sbox[x >> 24] << 24;
}

/* Four rounds: d holds X(i)..X(i+3) (X(i) in lane 0), k the four round
 * keys (SM4E) or CK constants (SM4EKEY, whose linear map is L'). */
static void sm4_rounds(CryptoVec *d, const CryptoVec *k, bool key)
{
    uint32_t *v = d->u32;

    for (unsigned i = 0; i < 4; i++) {
        uint32_t t = sm4_tau(v[1] ^ v[2] ^ v[3] ^ k->u32[i]);
        t = key ? t ^ rol32(t, 13) ^ rol32(t, 23)
                : t ^ rol32(t, 2) ^ rol32(t, 10) ^ rol32(t, 18) ^ rol32(t, 24);
        t ^= v[0];
        v[0] = v[1];
        v[1] = v[2];
        v[2] = v[3];
        v[3] = t;
    }
}

/* ---- dispatch ---- */

void a64_crypto_op(unsigned op, CryptoVec *d, const CryptoVec *n,
                   const CryptoVec *m, const CryptoVec *a, unsigned imm)
{
    switch (op) {
    case CRYPTO_OP_AESE: case CRYPTO_OP_AESD:
    case CRYPTO_OP_AESMC: case CRYPTO_OP_AESIMC: do_aes(op, d, n); break;
    case CRYPTO_OP_SHA1C: sha1_rounds(d, n, m, sha_choose); break;
    case CRYPTO_OP_SHA1P: sha1_rounds(d, n, m, sha_parity); break;
    case CRYPTO_OP_SHA1M: sha1_rounds(d, n, m, sha_majority); break;
    case CRYPTO_OP_SHA1H: *d = (CryptoVec){ .u32 = { rol32(n->u32[0], 30) } }; break;
    case CRYPTO_OP_SHA1SU0: sha1su0(d, n, m); break;
    case CRYPTO_OP_SHA1SU1: sha1su1(d, n); break;
    case CRYPTO_OP_SHA256H: sha256h(d, n, m, true); break;
    case CRYPTO_OP_SHA256H2: sha256h(d, n, m, false); break;
    case CRYPTO_OP_SHA256SU0: sha256su0(d, n); break;
    case CRYPTO_OP_SHA256SU1: sha256su1(d, n, m); break;
    case CRYPTO_OP_SHA512H: sha512h(d, n, m); break;
    case CRYPTO_OP_SHA512H2: sha512h2(d, n, m); break;
    case CRYPTO_OP_SHA512SU0: sha512su0(d, n); break;
    case CRYPTO_OP_SHA512SU1: sha512su1(d, n, m); break;
    case CRYPTO_OP_SM3SS1: sm3ss1(d, n, m, a); break;
    case CRYPTO_OP_SM3TT1A: sm3tt1(d, n, m, imm, false); break;
    case CRYPTO_OP_SM3TT1B: sm3tt1(d, n, m, imm, true); break;
    case CRYPTO_OP_SM3TT2A: sm3tt2(d, n, m, imm, false); break;
    case CRYPTO_OP_SM3TT2B: sm3tt2(d, n, m, imm, true); break;
    case CRYPTO_OP_SM3PARTW1: sm3partw1(d, n, m); break;
    case CRYPTO_OP_SM3PARTW2: sm3partw2(d, n, m); break;
    case CRYPTO_OP_SM4E: sm4_rounds(d, n, false); break;
    case CRYPTO_OP_SM4EKEY: *d = *n; sm4_rounds(d, m, true); break;
    default: unreachable();
    }
}

static void crypto_init_once(void)
{
    aes_sbox_init();
    a64_crypto_host = CPU_FEATURE_ACTIVE(AES) && CPU_FEATURE_ACTIVE(SSE4_1);
    host_sha = CPU_FEATURE_ACTIVE(SHA);
    host_clmul = CPU_FEATURE_ACTIVE(PCLMULQDQ);
}

void a64_crypto_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, crypto_init_once);
}

uint64_t helper_crypto(uint64_t envp, uint64_t desc)
{
    CPUArm64State *env = (CPUArm64State *)(uintptr_t)envp;
    unsigned rd = desc & 31, rn = (desc >> 5) & 31, rm = (desc >> 10) & 31;
    unsigned ra = (desc >> 15) & 31, imm = (desc >> 20) & 63;
    CryptoVec d, n, m, a;

    memcpy(&d, env->v[rd], 16);
    memcpy(&n, env->v[rn], 16);
    memcpy(&m, env->v[rm], 16);
    memcpy(&a, env->v[ra], 16);
    a64_crypto_op((unsigned)(desc >> 26), &d, &n, &m, &a, imm);
    memcpy(env->v[rd], &d, 16);
    return 0;
}
