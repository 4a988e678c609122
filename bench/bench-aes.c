/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Benchmark kernel, crypto: AES-128 in CTR mode over a 64 KiB buffer, with
 * the CPU's AES instructions -- AES-NI natively, the Armv8 crypto extension
 * (AESE/AESMC) in the aarch64 build -- so it measures how guise runs guest
 * crypto instructions.  The key schedule is plain C (the S-box is computed,
 * not tabled).  Checks FIPS-197 appendix C.1 first; argv[1] scales the
 * work; prints a checksum that must match between native and emulated runs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <wmmintrin.h>
#elif defined(__aarch64__)
#include <arm_neon.h>
#endif

static uint8_t sbox[256];

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

/* S(x) = affine(x^-1) over GF(2^8) mod x^8+x^4+x^3+x+1. */
static void make_sbox(void)
{
    for (int x = 0; x < 256; x++) {
        uint8_t inv = 0;
        for (int y = 1; y < 256 && x; y++)
            if (gf_mul((uint8_t)x, (uint8_t)y) == 1)
                inv = (uint8_t)y;
        uint8_t s = inv;
        for (int r = 1; r <= 4; r++)
            s ^= (uint8_t)((inv << r) | (inv >> (8 - r)));
        sbox[x] = s ^ 0x63;
    }
}

static void expand_key(const uint8_t key[16], uint8_t rk[11][16])
{
    uint8_t rcon = 1;
    memcpy(rk[0], key, 16);
    for (int i = 1; i < 11; i++) {
        uint8_t t[4] = { sbox[rk[i - 1][13]], sbox[rk[i - 1][14]], sbox[rk[i - 1][15]], sbox[rk[i - 1][12]] };
        t[0] ^= rcon;
        rcon = gf_mul(rcon, 2);
        for (int j = 0; j < 16; j++) {
            rk[i][j] = rk[i - 1][j] ^ t[j % 4];
            t[j % 4] = rk[i][j];
        }
    }
}

static void encrypt_block(uint8_t rk[11][16], const uint8_t in[16], uint8_t out[16])
{
#if defined(__x86_64__)
    __m128i s = _mm_xor_si128(_mm_loadu_si128((const __m128i *)in), _mm_loadu_si128((const __m128i *)rk[0]));
    for (int i = 1; i < 10; i++)
        s = _mm_aesenc_si128(s, _mm_loadu_si128((const __m128i *)rk[i]));
    s = _mm_aesenclast_si128(s, _mm_loadu_si128((const __m128i *)rk[10]));
    _mm_storeu_si128((__m128i *)out, s);
#elif defined(__aarch64__)
    uint8x16_t s = vld1q_u8(in);
    for (int i = 0; i < 9; i++)
        s = vaesmcq_u8(vaeseq_u8(s, vld1q_u8(rk[i])));
    s = veorq_u8(vaeseq_u8(s, vld1q_u8(rk[9])), vld1q_u8(rk[10]));
    vst1q_u8(out, s);
#else
#error "bench-aes needs x86-64 AES-NI or the Armv8 crypto extension"
#endif
}

/* CTR: out = in ^ E(nonce || counter), counter big-endian in the last 8 bytes. */
static void ctr_crypt(uint8_t rk[11][16], uint64_t ctr, uint8_t *buf, size_t len)
{
    uint8_t block[16] = { 0 }, ks[16];
    for (size_t off = 0; off < len; off += 16, ctr++) {
        for (int i = 0; i < 8; i++)
            block[15 - i] = (uint8_t)(ctr >> (8 * i));
        encrypt_block(rk, block, ks);
        for (int i = 0; i < 16; i++)
            buf[off + i] ^= ks[i];
    }
}

int main(int argc, char **argv)
{
    static const uint8_t fips_pt[16] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                         0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
    static const uint8_t fips_ct[16] = { 0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
                                         0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a };
    static uint8_t buf[65536];
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    long rounds = (long)(3000 * scale);
    uint8_t key[16], rk[11][16], out[16];
    uint64_t sum = 0;

    make_sbox();
    for (int i = 0; i < 16; i++)
        key[i] = (uint8_t)i;
    expand_key(key, rk);
    encrypt_block(rk, fips_pt, out);
    if (memcmp(out, fips_ct, 16)) {
        printf("aes: FIPS-197 C.1 check failed\n");
        return 1;
    }
    for (size_t i = 0; i < sizeof(buf); i++)
        buf[i] = (uint8_t)(i * 7);
    for (long r = 0; r < rounds; r++)
        ctr_crypt(rk, (uint64_t)r << 16, buf, sizeof(buf));
    for (size_t i = 0; i < sizeof(buf); i += 8) {
        uint64_t w;
        memcpy(&w, buf + i, 8);
        sum = sum * 31 + w;
    }
    printf("aes: %ld x 64 KiB CTR, checksum %016llx\n", rounds, (unsigned long long)sum);
    return 0;
}
