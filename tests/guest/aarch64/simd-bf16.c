/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FEAT_BF16 through arm_neon.h: BFCVT and BFCVTN/BFCVTN2 (rounding in each
 * FPCR mode, FZ, DN, NaNs, overflow, denormals, with the FPSR flags), BFDOT
 * (vector, by element), BFMMLA and BFMLALB/T (vector, by element) on values
 * that include zeros, infinities, NaNs, denormals and large magnitudes.
 * Each result prints as hex with the FPSR flags it raised; the .expect
 * comes from qemu-aarch64.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

static void set_fpsr(uint64_t v) { __asm__ volatile("msr fpsr, %0" : : "r"(v)); }
static uint64_t get_fpsr(void) { uint64_t v; __asm__ volatile("mrs %0, fpsr" : "=r"(v)); return v; }
static void set_fpcr(uint64_t v) { __asm__ volatile("msr fpcr, %0" : : "r"(v)); }

static void pq(const char *name, unsigned i, uint8x16_t v)
{
    uint64x2_t w = vreinterpretq_u64_u8(v);
    printf("%-14s %2u %016llx %016llx fpsr=%02x\n", name, i,
           (unsigned long long)vgetq_lane_u64(w, 1), (unsigned long long)vgetq_lane_u64(w, 0),
           (unsigned)(get_fpsr() & 0x9f));
    set_fpsr(0);
}

static const uint32_t vals[] = {
    0x3f800000, 0xc0000000, 0x00000000, 0x80000000, 0x7f800000, 0xff800000,
    0x7fc00001, 0x7f800002, 0x00000001, 0x807fffff, 0x7f7fffff, 0x3eaaaaab,
    0x3f808000, 0x3f818000, 0x3f80c000, 0xbf817fff, 0x7f7f8000, 0x00408000,
    0x42f60000, 0xc1200000, 0x3e4ccccd, 0x5f000000, 0x1f000000, 0x00800000,
};
#define NV (sizeof(vals) / sizeof(vals[0]))

static float32x4_t fv(unsigned i)
{
    uint32x4_t v = { vals[i % NV], vals[(i * 5 + 1) % NV], vals[(i * 7 + 2) % NV],
                     vals[(i * 11 + 3) % NV] };
    return vreinterpretq_f32_u32(v);
}

static bfloat16x8_t bv(unsigned i)
{
    return vreinterpretq_bf16_f32(fv(i));
}

#define QF(name, i, e) pq(name, i, vreinterpretq_u8_f32(e))
#define QB(name, i, e) pq(name, i, vreinterpretq_u8_bf16(e))

static void pass(void)
{
    for (unsigned i = 0; i < NV; i++) {
        bfloat16_t h = vcvth_bf16_f32(vgetq_lane_f32(fv(i), 0));
        uint16_t hb;
        __builtin_memcpy(&hb, &h, 2);
        printf("%-14s %2u %04x fpsr=%02x\n", "bfcvt", i, hb, (unsigned)(get_fpsr() & 0x9f));
        set_fpsr(0);
    }
    for (unsigned i = 0; i < NV; i += 3) {
        QB("bfcvtn", i, vcombine_bf16(vcvt_bf16_f32(fv(i)), vcreate_bf16(0)));
        QB("bfcvtn2", i, vcvtq_high_bf16_f32(bv(i + 1), fv(i)));
        QF("bfdot 4s", i, vbfdotq_f32(fv(i + 2), bv(i), bv(i + 1)));
        QF("bfdot 2s", i, vcombine_f32(vbfdot_f32(vget_low_f32(fv(i + 2)), vget_low_bf16(bv(i)),
                                                  vget_low_bf16(bv(i + 5))), vdup_n_f32(0)));
        QF("bfdot 4s[3]", i, vbfdotq_laneq_f32(fv(i + 2), bv(i), bv(i + 1), 3));
        QF("bfmmla", i, vbfmmlaq_f32(fv(i + 2), bv(i), bv(i + 1)));
        QF("bfmlalb", i, vbfmlalbq_f32(fv(i + 2), bv(i), bv(i + 1)));
        QF("bfmlalt", i, vbfmlaltq_f32(fv(i + 2), bv(i), bv(i + 1)));
        QF("bfmlalb[5]", i, vbfmlalbq_laneq_f32(fv(i + 2), bv(i), bv(i + 1), 5));
        QF("bfmlalt[2]", i, vbfmlaltq_laneq_f32(fv(i + 2), bv(i), bv(i + 1), 2));
    }
}

int main(void)
{
    static const struct { const char *name; uint64_t fpcr; } modes[] = {
        { "RN", 0 }, { "RP", 1u << 22 }, { "RM", 2u << 22 }, { "RZ", 3u << 22 },
        { "FZ DN", 3u << 24 },
    };
    for (unsigned m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
        printf("-- %s\n", modes[m].name);
        set_fpcr(modes[m].fpcr);
        set_fpsr(0);
        pass();
    }
    set_fpcr(0);
    return 0;
}
