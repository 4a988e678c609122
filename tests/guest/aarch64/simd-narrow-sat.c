/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The saturating narrowings SQXTN, UQXTN, SQXTUN, their "2" forms and
 * the narrowing right shifts SQSHRN, UQSHRN, SQSHRUN (and XTN) from
 * halfwords and words, on edge values: each result and FPSR.QC (cleared
 * before each instruction) is printed.  Includes lanes whose truncation
 * equals the saturated value (0xffffffff -> 0xffff), which must still set
 * QC.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void clear_qc(void)
{
    __asm__ volatile("msr fpsr, xzr");
}

static unsigned qc(void)
{
    uint64_t f;
    __asm__ volatile("mrs %0, fpsr" : "=r"(f));
    return (unsigned)(f >> 27) & 1;
}

static void show(const char *name, uint8x16_t v, unsigned q)
{
    uint8_t b[16];

    vst1q_u8(b, v);
    printf("%-16s", name);
    for (int i = 15; i >= 0; i--)
        printf("%02x", b[i]);
    printf(" qc=%u\n", q);
}

/* The inputs and the result pass through empty asm statements, ordered
 * with the FPSR accesses, so the instruction runs between them. */
#define RUN(name, expr) do {                                            \
        clear_qc();                                                     \
        __asm__ volatile("" : "+w"(a), "+w"(b), "+w"(lo8), "+w"(lo16)); \
        __typeof__(expr) r_ = (expr);                                   \
        __asm__ volatile("" : "+w"(r_));                                \
        unsigned q_ = qc();                                             \
        uint8x16_t v_;                                                  \
        memcpy(&v_, &r_, 16);                                           \
        show(name, v_, q_);                                             \
    } while (0)

int main(void)
{
    static const int16_t h[4][8] = {
        { 0, 1, -1, 127, 128, -128, -129, 32767 },
        { -32768, 255, 256, 100, -100, 0x7f00, 0x00ff, -2 },
        { 1, 2, 3, 4, 5, 6, 7, 8 },
        { -1, -1, -1, -1, 0, 0, 0, 0 },
    };
    static const int32_t w[4][4] = {
        { 0, -1, 32767, 32768 },
        { -32768, -32769, 65535, 65536 },
        { 0x7fffffff, (int32_t)0x80000000, 12345, -12345 },
        { 1, 2, 3, 4 },
    };
    int8x8_t lo8 = vdup_n_s8(0x5a);
    int16x4_t lo16 = vdup_n_s16(0x1234);

    for (int k = 0; k < 4; k++) {
        int16x8_t a = vld1q_s16(h[k]);
        int32x4_t b = vld1q_s32(w[k]);
        printf("-- set %d\n", k);
        RUN("sqxtn.8b", vcombine_s8(vqmovn_s16(a), vdup_n_s8(0)));
        RUN("uqxtn.8b", vcombine_u8(vqmovn_u16(vreinterpretq_u16_s16(a)), vdup_n_u8(0)));
        RUN("sqxtun.8b", vcombine_u8(vqmovun_s16(a), vdup_n_u8(0)));
        RUN("sqxtn2.16b", vqmovn_high_s16(lo8, a));
        RUN("uqxtn2.16b", vqmovn_high_u16(vreinterpret_u8_s8(lo8), vreinterpretq_u16_s16(a)));
        RUN("sqxtun2.16b", vqmovun_high_s16(vreinterpret_u8_s8(lo8), a));
        RUN("xtn.8b", vcombine_s8(vmovn_s16(a), vdup_n_s8(0)));
        RUN("sqxtn.4h", vcombine_s16(vqmovn_s32(b), vdup_n_s16(0)));
        RUN("uqxtn.4h", vcombine_u16(vqmovn_u32(vreinterpretq_u32_s32(b)), vdup_n_u16(0)));
        RUN("sqxtun.4h", vcombine_u16(vqmovun_s32(b), vdup_n_u16(0)));
        RUN("sqxtn2.8h", vqmovn_high_s32(lo16, b));
        RUN("sqshrn.8b #3", vcombine_s8(vqshrn_n_s16(a, 3), vdup_n_s8(0)));
        RUN("uqshrn.8b #1", vcombine_u8(vqshrn_n_u16(vreinterpretq_u16_s16(a), 1),
                                        vdup_n_u8(0)));
        RUN("sqshrun.8b #2", vcombine_u8(vqshrun_n_s16(a, 2), vdup_n_u8(0)));
        RUN("sqshrn.4h #8", vcombine_s16(vqshrn_n_s32(b, 8), vdup_n_s16(0)));
        RUN("uqshrn2.8h #4", vqshrn_high_n_u32(vreinterpret_u16_s16(lo16),
                                               vreinterpretq_u32_s32(b), 4));
        RUN("sqshrun2.8h #1", vqshrun_high_n_s32(vreinterpret_u16_s16(lo16), b, 1));
    }
    return 0;
}
