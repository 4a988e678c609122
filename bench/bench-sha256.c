/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Benchmark kernel, crypto: SHA-256 over a 64 KiB buffer, again and again,
 * with the CPU's SHA-256 instructions -- the SHA extensions natively
 * (SHA256RNDS2/MSG1/MSG2, when the host has them; plain C otherwise), the
 * Armv8 crypto extension (SHA256H/H2/SU0/SU1) in the aarch64 build -- so it
 * measures how guise runs guest hash instructions.  Checks the FIPS 180-4
 * examples ("abc" and the two-block message) against both the instruction
 * path and a plain C one first; argv[1] scales the work; prints a checksum
 * that must match between native and emulated runs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#elif defined(__aarch64__)
#include <arm_neon.h>
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

/* The reference: FIPS 180-4 section 6.2.2 as written. */
static void blocks_plain(uint32_t st[8], const uint8_t *p, size_t n)
{
    for (; n; n--, p += 64) {
        uint32_t w[64], v[8];
        for (int i = 0; i < 16; i++)
            w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
                   (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
        for (int i = 16; i < 64; i++) {
            uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        memcpy(v, st, sizeof(v));
        for (int i = 0; i < 64; i++) {
            uint32_t t1 = v[7] + (ror(v[4], 6) ^ ror(v[4], 11) ^ ror(v[4], 25)) +
                          ((v[4] & v[5]) ^ (~v[4] & v[6])) + K[i] + w[i];
            uint32_t t2 = (ror(v[0], 2) ^ ror(v[0], 13) ^ ror(v[0], 22)) +
                          ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
            memmove(v + 1, v, 7 * sizeof(v[0]));
            v[4] += t1;
            v[0] = t1 + t2;
        }
        for (int i = 0; i < 8; i++)
            st[i] += v[i];
    }
}

#if defined(__x86_64__)
/* The SHA extensions keep the state as ABEF and CDGH; the message words
 * are byte-swapped into lanes, four rounds per pair of RNDS2. */
__attribute__((target("sha,ssse3,sse4.1")))
static void blocks_insn(uint32_t st[8], const uint8_t *p, size_t n)
{
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bll, 0x0405060700010203ll);
    __m128i dcba = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)st), 0xb1);
    __m128i hgfe = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(st + 4)), 0x1b);
    __m128i abef = _mm_alignr_epi8(dcba, hgfe, 8);
    __m128i cdgh = _mm_blend_epi16(hgfe, dcba, 0xf0);

    for (; n; n--, p += 64) {
        __m128i save0 = abef, save1 = cdgh, w[4];
        for (int i = 0; i < 4; i++)
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
        for (int r = 0; r < 16; r++) {
            __m128i *m = &w[r & 3];
            if (r >= 4) {
                __m128i prev = w[(r + 3) & 3], prev2 = w[(r + 2) & 3];
                *m = _mm_add_epi32(_mm_sha256msg1_epu32(*m, w[(r + 1) & 3]),
                                   _mm_alignr_epi8(prev, prev2, 4));
                *m = _mm_sha256msg2_epu32(*m, prev);
            }
            __m128i wk = _mm_add_epi32(*m, _mm_loadu_si128((const __m128i *)(K + 4 * r)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0e));
        }
        abef = _mm_add_epi32(abef, save0);
        cdgh = _mm_add_epi32(cdgh, save1);
    }
    __m128i feba = _mm_shuffle_epi32(abef, 0x1b);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xb1);
    _mm_storeu_si128((__m128i *)st, _mm_blend_epi16(feba, dchg, 0xf0));
    _mm_storeu_si128((__m128i *)(st + 4), _mm_alignr_epi8(dchg, feba, 8));
}

static int have_insn(void)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1");
}
#elif defined(__aarch64__)
static void blocks_insn(uint32_t st[8], const uint8_t *p, size_t n)
{
    uint32x4_t abcd = vld1q_u32(st), efgh = vld1q_u32(st + 4);

    for (; n; n--, p += 64) {
        uint32x4_t save0 = abcd, save1 = efgh, w[4];
        for (int i = 0; i < 4; i++)
            w[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p + 16 * i)));
        for (int r = 0; r < 16; r++) {
            if (r >= 4)
                w[r & 3] = vsha256su1q_u32(vsha256su0q_u32(w[r & 3], w[(r + 1) & 3]),
                                           w[(r + 2) & 3], w[(r + 3) & 3]);
            uint32x4_t wk = vaddq_u32(w[r & 3], vld1q_u32(K + 4 * r)), old = abcd;
            abcd = vsha256hq_u32(abcd, efgh, wk);
            efgh = vsha256h2q_u32(efgh, old, wk);
        }
        abcd = vaddq_u32(abcd, save0);
        efgh = vaddq_u32(efgh, save1);
    }
    vst1q_u32(st, abcd);
    vst1q_u32(st + 4, efgh);
}

static int have_insn(void)
{
    return 1;
}
#else
#error "bench-sha256 is built for x86-64 or aarch64"
#endif

/* SHA-256 of len bytes (the padding in a local tail buffer). */
static void sha256(void (*blocks)(uint32_t *, const uint8_t *, size_t),
                   const uint8_t *msg, size_t len, uint32_t st[8])
{
    static const uint32_t iv[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    uint8_t tail[128] = { 0 };
    size_t full = len / 64, rest = len % 64, tlen = rest < 56 ? 64 : 128;

    memcpy(st, iv, sizeof(iv));
    blocks(st, msg, full);
    memcpy(tail, msg + 64 * full, rest);
    tail[rest] = 0x80;
    for (int i = 0; i < 8; i++)
        tail[tlen - 1 - i] = (uint8_t)((uint64_t)len * 8 >> (8 * i));
    blocks(st, tail, tlen / 64);
}

static int check(void (*blocks)(uint32_t *, const uint8_t *, size_t))
{
    static const char *msg[2] = {
        "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq" };
    static const uint32_t want[2][8] = {
        { 0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223, 0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad },
        { 0x248d6a61, 0xd20638b8, 0xe5c02693, 0x0c3e6039, 0xa33ce459, 0x64ff2167, 0xf6ecedd4, 0x19db06c1 },
    };
    uint32_t st[8];

    for (int i = 0; i < 2; i++) {
        sha256(blocks, (const uint8_t *)msg[i], strlen(msg[i]), st);
        if (memcmp(st, want[i], sizeof(st)))
            return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    static uint8_t buf[65536];
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    long rounds = (long)(2000 * scale);
    void (*blocks)(uint32_t *, const uint8_t *, size_t) = have_insn() ? blocks_insn : blocks_plain;
    uint32_t st[8] = { 0 };

    if (!check(blocks_plain) || !check(blocks)) {
        printf("sha256: FIPS 180-4 example check failed\n");
        return 1;
    }
    for (size_t i = 0; i < sizeof(buf); i++)
        buf[i] = (uint8_t)(i * 13);
    /* Each digest goes into the next message, so no pass can be skipped. */
    for (long r = 0; r < rounds; r++) {
        sha256(blocks, buf, sizeof(buf), st);
        memcpy(buf + (r % 2048) * 32, st, sizeof(st));
    }
    printf("sha256: %ld x 64 KiB, digest %08x%08x%08x%08x%08x%08x%08x%08x\n", rounds,
           st[0], st[1], st[2], st[3], st[4], st[5], st[6], st[7]);
    return 0;
}
