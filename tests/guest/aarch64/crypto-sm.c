/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SM3 and SM4 through the ACLE intrinsics: the SM3 digests of "abc" and of
 * the 512-bit example of GB/T 32905-2016 (SM3SS1, SM3TT1A/B, SM3TT2A/B,
 * with the message expansion done by SM3PARTW1/2 and checked against plain
 * C), and the SM4 example of GB/T 32907-2016 (SM4EKEY, SM4E).
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int bad;

static int check(const char *name, const uint8_t *got, size_t len, const char *hex)
{
    char s[65];
    for (size_t i = 0; i < len; i++)
        sprintf(s + 2 * i, "%02x", got[i]);
    int ok = !strcmp(s, hex);
    printf("%-8s %s %s\n", name, s, ok ? "ok" : "BAD");
    bad += !ok;
    return ok;
}

static uint32_t rol(uint32_t x, unsigned n) { return n ? (x << n) | (x >> (32 - n)) : x; }
static uint32_t p1(uint32_t x) { return x ^ rol(x, 15) ^ rol(x, 23); }

/* One round j: SS1 from A, E and Tj <<< j; TT1 / TT2 with W'j / Wj
 * taken from lane j % 4 of the vectors at wv, wpv (imm2 must be constant). */
#define SM3_ROUND(K, TT1, TT2) do { \
        uint32x4_t ss1 = vsm3ss1q_u32(abcd, efgh, vdupq_n_u32(rol(t, j % 32))); \
        abcd = TT1(abcd, ss1, wp, K); \
        efgh = TT2(efgh, ss1, w4, K); \
        j++; \
    } while (0)

static int expand_fail;

static void sm3_block(uint32_t st[8], const uint8_t *p)
{
    uint32_t w[68], wv[68];
    uint32x4_t abcd = { st[3], st[2], st[1], st[0] };
    uint32x4_t efgh = { st[7], st[6], st[5], st[4] };

    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | p[4 * i + 1] << 16 | p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 68; i++)
        w[i] = p1(w[i - 16] ^ w[i - 9] ^ rol(w[i - 3], 15)) ^ rol(w[i - 13], 7) ^ w[i - 6];
    /* The same expansion by SM3PARTW1/2, four words at a time. */
    memcpy(wv, w, 64);
    for (int i = 16; i < 68; i += 4) {
        uint32x4_t t = vsm3partw1q_u32(vld1q_u32(wv + i - 16), vld1q_u32(wv + i - 9),
                                       vld1q_u32(wv + i - 4));
        vst1q_u32(wv + i, vsm3partw2q_u32(t, vld1q_u32(wv + i - 6), vld1q_u32(wv + i - 13)));
    }
    expand_fail += memcmp(w, wv, sizeof(w)) != 0;

    int j = 0;
    for (int g = 0; g < 16; g++) {
        uint32x4_t w4 = vld1q_u32(w + 4 * g), wp = veorq_u32(w4, vld1q_u32(w + 4 * g + 4));
        uint32_t t = g < 4 ? 0x79cc4519 : 0x7a879d8a;
        if (g < 4) {
            SM3_ROUND(0, vsm3tt1aq_u32, vsm3tt2aq_u32);
            SM3_ROUND(1, vsm3tt1aq_u32, vsm3tt2aq_u32);
            SM3_ROUND(2, vsm3tt1aq_u32, vsm3tt2aq_u32);
            SM3_ROUND(3, vsm3tt1aq_u32, vsm3tt2aq_u32);
        } else {
            SM3_ROUND(0, vsm3tt1bq_u32, vsm3tt2bq_u32);
            SM3_ROUND(1, vsm3tt1bq_u32, vsm3tt2bq_u32);
            SM3_ROUND(2, vsm3tt1bq_u32, vsm3tt2bq_u32);
            SM3_ROUND(3, vsm3tt1bq_u32, vsm3tt2bq_u32);
        }
    }
    for (int i = 0; i < 4; i++) {
        st[i] ^= abcd[3 - i];
        st[4 + i] ^= efgh[3 - i];
    }
}

static void test_sm3(const char *msg, const char *want)
{
    uint8_t buf[192], out[32];
    size_t n = strlen(msg), total = (n + 9 + 63) / 64 * 64;
    uint32_t st[8] = { 0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600,
                       0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e };

    memset(buf, 0, total);
    memcpy(buf, msg, n);
    buf[n] = 0x80;
    for (int i = 0; i < 8; i++)
        buf[total - 1 - i] = (uint8_t)((n * 8) >> (8 * i));
    for (size_t b = 0; b < total / 64; b++)
        sm3_block(st, buf + 64 * b);
    for (int i = 0; i < 32; i++)
        out[i] = (uint8_t)(st[i / 4] >> (24 - 8 * (i % 4)));
    check("sm3", out, 32, want);
}

/* SM4 works on big-endian words, the intrinsics on lanes: REV32 on the
 * way in and out, and the output words in reverse order (R transform). */
static void test_sm4(void)
{
    static const uint8_t kp[16] = {
        0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
        0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
    };
    static const uint32_t fk[4] = { 0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc };
    uint32x4_t rk[8], k = veorq_u32(vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(kp))),
                                    vld1q_u32(fk));
    uint8_t out[16];

    for (int i = 0; i < 8; i++) {
        uint32_t ck[4];
        for (int l = 0; l < 4; l++) {
            ck[l] = 0;
            for (int b = 0; b < 4; b++)
                ck[l] = ck[l] << 8 | (uint8_t)((4 * (4 * i + l) + b) * 7);
        }
        k = rk[i] = vsm4ekeyq_u32(k, vld1q_u32(ck));
    }
    uint32x4_t x = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(kp)));
    for (int i = 0; i < 8; i++)
        x = vsm4eq_u32(x, rk[i]);
    /* R: reverse the word order (lanes 3..0). */
    x = vrev64q_u32(vextq_u32(x, x, 2));
    vst1q_u8(out, vrev32q_u8(vreinterpretq_u8_u32(x)));
    check("sm4", out, 16, "681edf34d206965e86b3e94f536e4246");
}

int main(void)
{
    test_sm3("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    test_sm3("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd",
             "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    printf("sm3partw %s\n", expand_fail ? "BAD" : "ok");
    bad += expand_fail != 0;
    test_sm4();
    printf("%s\n", bad ? "FAILED" : "all ok");
    return bad != 0;
}
