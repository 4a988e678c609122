/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The widening pairwise adds SADDLP, UADDLP, SADALP, UADALP and the
 * widening across-lanes sums SADDLV, UADDLV on every arrangement, over
 * pseudo-random vectors and ones full of 0xff and 0x80 lanes: a checksum
 * of all results.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t h;

/* Folds a whole vector into the checksum. */
#define H(x) do {                                               \
        uint64_t q_[2];                                         \
        vst1q_u8((uint8_t *)q_, vreinterpretq_u8_##x);          \
        h = h * 1000003 ^ q_[0] ^ (q_[1] * 31);                 \
    } while (0)

/* Folds a scalar. */
#define S(x) (h = h * 31 + (x))

int main(void)
{
    uint64_t seed = 88172645463325252ull;

    for (int k = 0; k < 2000; k++) {
        uint8_t b[16], c[16];
        for (int i = 0; i < 16; i++) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            b[i] = k % 5 == 0 ? (i & 1 ? 0x80 : 0xff) : (uint8_t)seed;
            c[i] = (uint8_t)(seed >> 8);
        }
        uint8x16_t v = vld1q_u8(b), w = vld1q_u8(c);
        int8x16_t sv = vreinterpretq_s8_u8(v);

        H(u16(vpaddlq_u8(v)));
        H(s16(vpaddlq_s8(sv)));
        H(u16(vcombine_u16(vpaddl_u8(vget_low_u8(v)), vdup_n_u16(0))));
        H(s32(vpaddlq_s16(vreinterpretq_s16_u8(v))));
        H(u32(vpaddlq_u16(vreinterpretq_u16_u8(v))));
        H(u64(vpaddlq_u32(vreinterpretq_u32_u8(v))));
        H(s64(vpaddlq_s32(vreinterpretq_s32_u8(v))));
        H(u16(vpadalq_u8(vreinterpretq_u16_u8(w), v)));
        H(s16(vpadalq_s8(vreinterpretq_s16_u8(w), sv)));
        H(s32(vcombine_s32(vpadal_s16(vreinterpret_s32_u8(vget_low_u8(w)),
                                      vreinterpret_s16_u8(vget_high_u8(v))),
                           vdup_n_s32(0))));
        S(vaddlvq_u8(v));
        S((uint16_t)vaddlvq_s8(sv));
        S(vaddlv_u8(vget_low_u8(v)));
        S((uint16_t)vaddlv_s8(vreinterpret_s8_u8(vget_high_u8(v))));
        S(vaddlvq_u16(vreinterpretq_u16_u8(v)));
        S((uint32_t)vaddlvq_s16(vreinterpretq_s16_u8(v)));
        S(vaddlv_u16(vreinterpret_u16_u8(vget_low_u8(v))));
        S((uint32_t)vaddlv_s16(vreinterpret_s16_u8(vget_low_u8(v))));
        S(vaddlvq_u32(vreinterpretq_u32_u8(v)));
        S((uint64_t)vaddlvq_s32(vreinterpretq_s32_u8(v)));
    }
    printf("%016llx\n", (unsigned long long)h);
    return 0;
}
