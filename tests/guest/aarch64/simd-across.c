/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Across-lanes reductions ADDV, SMAXV, SMINV, UMAXV, UMINV on every
 * arrangement (8B, 16B, 4H, 8H, 4S), and the signed pairwise SMAXP and
 * SMINP (8B to 4S), over vectors of pseudo-random and edge lanes (0, -1,
 * the signed minimum and maximum, placed in every position): one checksum
 * line per instruction and arrangement.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t seed = 0x2545f4914f6cdd1dull;

static uint8_t rnd8(void)
{
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (uint8_t)(seed >> 56);
}

int main(void)
{
    static const uint8_t edge[] = { 0x00, 0xff, 0x80, 0x7f, 0x01 };
    uint64_t sum[5][5] = { { 0 } }, psum[2][6] = { { 0 } };
    uint8_t prev[16] = { 0 };
    uint8_t b[16];

    for (int k = 0; k < 400; k++) {
        for (int i = 0; i < 16; i++)
            b[i] = k % 3 ? rnd8() : edge[(i + k) % 5];
        if (k % 7 == 0)
            b[k % 16] = 0x80;
        uint8x16_t v = vld1q_u8(b);
        uint8x8_t h = vget_low_u8(v);
        uint64_t r[5][5] = {
            { vaddv_u8(h), vaddvq_u8(v), vaddv_u16(vreinterpret_u16_u8(h)),
              vaddvq_u16(vreinterpretq_u16_u8(v)), vaddvq_u32(vreinterpretq_u32_u8(v)) },
            { (uint8_t)vmaxv_s8(vreinterpret_s8_u8(h)), (uint8_t)vmaxvq_s8(vreinterpretq_s8_u8(v)),
              (uint16_t)vmaxv_s16(vreinterpret_s16_u8(h)),
              (uint16_t)vmaxvq_s16(vreinterpretq_s16_u8(v)),
              (uint32_t)vmaxvq_s32(vreinterpretq_s32_u8(v)) },
            { (uint8_t)vminv_s8(vreinterpret_s8_u8(h)), (uint8_t)vminvq_s8(vreinterpretq_s8_u8(v)),
              (uint16_t)vminv_s16(vreinterpret_s16_u8(h)),
              (uint16_t)vminvq_s16(vreinterpretq_s16_u8(v)),
              (uint32_t)vminvq_s32(vreinterpretq_s32_u8(v)) },
            { vmaxv_u8(h), vmaxvq_u8(v), vmaxv_u16(vreinterpret_u16_u8(h)),
              vmaxvq_u16(vreinterpretq_u16_u8(v)), vmaxvq_u32(vreinterpretq_u32_u8(v)) },
            { vminv_u8(h), vminvq_u8(v), vminv_u16(vreinterpret_u16_u8(h)),
              vminvq_u16(vreinterpretq_u16_u8(v)), vminvq_u32(vreinterpretq_u32_u8(v)) },
        };
        for (int o = 0; o < 5; o++)
            for (int a = 0; a < 5; a++)
                sum[o][a] = sum[o][a] * 31 + r[o][a];

        int8x16_t x = vreinterpretq_s8_u8(v), y = vreinterpretq_s8_u8(vld1q_u8(prev));
        int8x16_t p[2][6] = {
            { vcombine_s8(vpmax_s8(vget_low_s8(x), vget_low_s8(y)), vdup_n_s8(0)),
              vpmaxq_s8(x, y),
              vreinterpretq_s8_s16(vcombine_s16(vpmax_s16(vreinterpret_s16_s8(vget_low_s8(x)),
                                                           vreinterpret_s16_s8(vget_high_s8(y))),
                                                 vdup_n_s16(0))),
              vreinterpretq_s8_s16(vpmaxq_s16(vreinterpretq_s16_s8(x), vreinterpretq_s16_s8(y))),
              vreinterpretq_s8_s32(vcombine_s32(vpmax_s32(vreinterpret_s32_s8(vget_high_s8(x)),
                                                           vreinterpret_s32_s8(vget_low_s8(y))),
                                                 vdup_n_s32(0))),
              vreinterpretq_s8_s32(vpmaxq_s32(vreinterpretq_s32_s8(x), vreinterpretq_s32_s8(y))) },
            { vcombine_s8(vpmin_s8(vget_low_s8(x), vget_low_s8(y)), vdup_n_s8(0)),
              vpminq_s8(x, y),
              vreinterpretq_s8_s16(vcombine_s16(vpmin_s16(vreinterpret_s16_s8(vget_low_s8(x)),
                                                           vreinterpret_s16_s8(vget_high_s8(y))),
                                                 vdup_n_s16(0))),
              vreinterpretq_s8_s16(vpminq_s16(vreinterpretq_s16_s8(x), vreinterpretq_s16_s8(y))),
              vreinterpretq_s8_s32(vcombine_s32(vpmin_s32(vreinterpret_s32_s8(vget_high_s8(x)),
                                                           vreinterpret_s32_s8(vget_low_s8(y))),
                                                 vdup_n_s32(0))),
              vreinterpretq_s8_s32(vpminq_s32(vreinterpretq_s32_s8(x), vreinterpretq_s32_s8(y))) },
        };
        for (int o = 0; o < 2; o++)
            for (int a = 0; a < 6; a++) {
                uint64_t q[2];
                vst1q_s8((int8_t *)q, p[o][a]);
                psum[o][a] = psum[o][a] * 31 + (q[0] ^ (q[1] * 7));
            }
        for (int i = 0; i < 16; i++)
            prev[i] = b[i];
    }
    static const char *const ops[5] = { "addv", "smaxv", "sminv", "umaxv", "uminv" };
    static const char *const arr[5] = { "8b", "16b", "4h", "8h", "4s" };
    for (int o = 0; o < 5; o++)
        for (int a = 0; a < 5; a++)
            printf("%s.%s %016llx\n", ops[o], arr[a], (unsigned long long)sum[o][a]);
    static const char *const parr[6] = { "8b", "16b", "4h", "8h", "2s", "4s" };
    for (int o = 0; o < 2; o++)
        for (int a = 0; a < 6; a++)
            printf("%s.%s %016llx\n", o ? "sminp" : "smaxp", parr[a],
                   (unsigned long long)psum[o][a]);
    return 0;
}
