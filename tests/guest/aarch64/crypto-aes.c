/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * AES and 64-bit PMULL through the ACLE crypto intrinsics: AES-128 of the
 * FIPS-197 appendix C.1 example (key expansion with AESE as SubWord,
 * encryption with AESE/AESMC, decryption with AESD/AESIMC), AES-256 of the
 * C.3 example, and PMULL/PMULL2 on 64-bit elements checked against a plain
 * C carry-less multiply and known products.  Prints "ok" or "BAD" per check.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int bad;

static void check(const char *name, const uint8_t *got, const char *hex)
{
    char s[33];
    for (int i = 0; i < 16; i++)
        sprintf(s + 2 * i, "%02x", got[i]);
    int ok = !strcmp(s, hex);
    bad += !ok;
    printf("%-12s %s %s\n", name, s, ok ? "ok" : "BAD");
}

/* SubWord(w): AESE with a zero key on four copies of w (ShiftRows then
 * moves nothing). */
static uint32_t sub_word(uint32_t w)
{
    uint8x16_t v = vaeseq_u8(vreinterpretq_u8_u32(vdupq_n_u32(w)), vdupq_n_u8(0));
    return vgetq_lane_u32(vreinterpretq_u32_u8(v), 0);
}

/* FIPS-197 5.2 with words read little-endian: RotWord is a rotate right. */
static int expand(const uint8_t *key, int nk, uint8x16_t *rk)
{
    uint32_t w[60];
    int nr = nk + 6;
    uint8_t rcon = 1;

    memcpy(w, key, 4 * nk);
    for (int i = nk; i < 4 * (nr + 1); i++) {
        uint32_t t = w[i - 1];
        if (i % nk == 0) {
            t = sub_word((t >> 8) | (t << 24)) ^ rcon;
            rcon = (uint8_t)((rcon << 1) ^ ((rcon & 0x80) ? 0x1b : 0));
        } else if (nk > 6 && i % nk == 4) {
            t = sub_word(t);
        }
        w[i] = w[i - nk] ^ t;
    }
    for (int r = 0; r <= nr; r++)
        rk[r] = vld1q_u8((const uint8_t *)(w + 4 * r));
    return nr;
}

static void test_aes(const char *name, const uint8_t *key, int nk, const char *ct)
{
    static const uint8_t pt[16] = {
        0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
        0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
    };
    uint8x16_t rk[15], s = vld1q_u8(pt);
    uint8_t out[16];
    int nr = expand(key, nk, rk);

    for (int r = 0; r < nr - 1; r++)
        s = vaesmcq_u8(vaeseq_u8(s, rk[r]));
    s = veorq_u8(vaeseq_u8(s, rk[nr - 1]), rk[nr]);
    vst1q_u8(out, s);
    check(name, out, ct);

    s = vaesdq_u8(s, rk[nr]);
    for (int r = nr - 1; r > 0; r--)
        s = vaesdq_u8(vaesimcq_u8(s), vaesimcq_u8(rk[r]));
    s = veorq_u8(s, rk[0]);
    vst1q_u8(out, s);
    check("decrypt", out, "00112233445566778899aabbccddeeff");
}

static void clmul(uint64_t x, uint64_t y, uint64_t *lo, uint64_t *hi)
{
    *lo = *hi = 0;
    for (int i = 0; i < 64; i++)
        if ((y >> i) & 1) {
            *lo ^= x << i;
            *hi ^= i ? x >> (64 - i) : 0;
        }
}

static void test_pmull(void)
{
    uint64_t x = 0x0123456789abcdefull, y = 0xfedcba9876543210ull;
    int fails = 0;

    for (int i = 0; i < 64; i++) {
        uint64_t lo, hi;
        poly128_t p = vmull_p64(x, y);
        uint64x2_t v = vreinterpretq_u64_p128(p);
        clmul(x, y, &lo, &hi);
        fails += vgetq_lane_u64(v, 0) != lo || vgetq_lane_u64(v, 1) != hi;
        poly64x2_t a = vreinterpretq_p64_u64(vcombine_u64(vcreate_u64(y), vcreate_u64(x)));
        poly64x2_t b = vreinterpretq_p64_u64(vcombine_u64(vcreate_u64(x), vcreate_u64(y)));
        v = vreinterpretq_u64_p128(vmull_high_p64(a, b));
        clmul(x, y, &lo, &hi);
        fails += vgetq_lane_u64(v, 0) != lo || vgetq_lane_u64(v, 1) != hi;
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        y ^= y << 13; y ^= y >> 7; y ^= y << 17;
    }
    printf("pmull random %s\n", fails ? "BAD" : "ok");
    bad += fails != 0;

    uint8_t out[16];
    vst1q_u8(out, vreinterpretq_u8_p128(vmull_p64(~0ull, ~0ull)));
    check("pmull ones", out, "55555555555555555555555555555555");
    vst1q_u8(out, vreinterpretq_u8_p128(vmull_p64(1ull << 63, 1ull << 63)));
    check("pmull top", out, "00000000000000000000000000000040");
}

int main(void)
{
    uint8_t key[32];
    for (int i = 0; i < 32; i++)
        key[i] = (uint8_t)i;
    test_aes("aes128", key, 4, "69c4e0d86a7b0430d8cdb78070b4c55a");
    test_aes("aes256", key, 8, "8ea2b7ca516745bfeafc49904b496089");
    test_pmull();
    printf("%s\n", bad ? "FAILED" : "all ok");
    return bad != 0;
}
