/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FEAT_DotProd (SDOT, UDOT: vector and by element, 64- and 128-bit) and
 * FEAT_RDM (SQRDMLAH, SQRDMLSH: vector, scalar, by element, H and S) through
 * arm_neon.h, on pseudo-random inputs mixed with the saturating edge values
 * (INT_MIN, INT_MAX, -1, 0).  Each line is a hash of the results over the
 * inputs and the FPSR.QC seen; the .expect comes from qemu-aarch64.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t rs = 0x0123456789abcdefull;

static uint64_t rnd(void)
{
    rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17;
    return rs;
}

/* Random lanes, one in four replaced by an edge value of its size. */
static uint64_t edgy(unsigned esize)
{
    static const uint64_t edge16[4] = { 0x8000, 0x7fff, 0xffff, 0 };
    static const uint64_t edge32[4] = { 0x80000000, 0x7fffffff, 0xffffffff, 0 };
    uint64_t v = rnd();
    for (unsigned i = 0; i < 64; i += esize)
        if ((rnd() & 3) == 0) {
            uint64_t e = esize == 16 ? edge16[rnd() & 3] : edge32[rnd() & 3];
            v = (v & ~(((1ull << esize) - 1) << i)) | e << i;
        }
    return v;
}

static uint8x16_t rv(unsigned esize)
{
    return vreinterpretq_u8_u64(vcombine_u64(vcreate_u64(edgy(esize)), vcreate_u64(edgy(esize))));
}

static uint64_t h;
static unsigned qc;

static void set_fpsr(uint64_t v) { __asm__ volatile("msr fpsr, %0" : : "r"(v)); }
static uint64_t get_fpsr(void) { uint64_t v; __asm__ volatile("mrs %0, fpsr" : "=r"(v)); return v; }

static void mix(uint8x16_t v)
{
    uint64x2_t w = vreinterpretq_u64_u8(v);
    h = (h ^ vgetq_lane_u64(w, 0)) * 0x100000001b3ull;
    h = (h ^ vgetq_lane_u64(w, 1)) * 0x100000001b3ull;
    qc += (get_fpsr() >> 27) & 1;
    set_fpsr(0);
}

#define RUN(name, es, expr) do { \
        h = 0xcbf29ce484222325ull; qc = 0; rs = 0x0123456789abcdefull; \
        set_fpsr(0); \
        for (int i = 0; i < 200; i++) { \
            uint8x16_t a = rv(es), b = rv(es), c = rv(es); \
            mix(expr); \
        } \
        printf("%-18s %016llx qc=%u\n", name, (unsigned long long)h, qc); \
    } while (0)

#define S8(v) vreinterpretq_s8_u8(v)
#define S16(v) vreinterpretq_s16_u8(v)
#define S32(v) vreinterpretq_s32_u8(v)
#define U32(v) vreinterpretq_u32_u8(v)
#define D(v) vget_low_u8(v)
#define B16(v) vreinterpretq_u8_s16(v)
#define B32(v) vreinterpretq_u8_s32(v)
#define BU32(v) vreinterpretq_u8_u32(v)
#define W64(v) vcombine_u8(v, vdup_n_u8(0))

int main(void)
{
    RUN("sdot 4s", 32, B32(vdotq_s32(S32(a), S8(b), S8(c))));
    RUN("sdot 2s", 32, W64(vreinterpret_u8_s32(vdot_s32(vget_low_s32(S32(a)), vget_low_s8(S8(b)), vget_low_s8(S8(c))))));
    RUN("udot 4s", 32, BU32(vdotq_u32(U32(a), b, c)));
    RUN("udot 2s", 32, W64(vreinterpret_u8_u32(vdot_u32(vget_low_u32(U32(a)), D(b), D(c)))));
    RUN("sdot 4s[3]", 32, B32(vdotq_laneq_s32(S32(a), S8(b), S8(c), 3)));
    RUN("udot 4s[1]", 32, BU32(vdotq_laneq_u32(U32(a), b, c, 1)));
    RUN("udot 2s[1]", 32, W64(vreinterpret_u8_u32(vdot_lane_u32(vget_low_u32(U32(a)), D(b), D(c), 1))));
    RUN("sqrdmlah 8h", 16, B16(vqrdmlahq_s16(S16(a), S16(b), S16(c))));
    RUN("sqrdmlah 4s", 32, B32(vqrdmlahq_s32(S32(a), S32(b), S32(c))));
    RUN("sqrdmlsh 8h", 16, B16(vqrdmlshq_s16(S16(a), S16(b), S16(c))));
    RUN("sqrdmlsh 4s", 32, B32(vqrdmlshq_s32(S32(a), S32(b), S32(c))));
    RUN("sqrdmlah 4h", 16, W64(vreinterpret_u8_s16(vqrdmlah_s16(vget_low_s16(S16(a)), vget_low_s16(S16(b)), vget_low_s16(S16(c))))));
    RUN("sqrdmlah 8h[7]", 16, B16(vqrdmlahq_laneq_s16(S16(a), S16(b), S16(c), 7)));
    RUN("sqrdmlsh 4s[2]", 32, B32(vqrdmlshq_laneq_s32(S32(a), S32(b), S32(c), 2)));
    RUN("sqrdmlah h", 16, B16(vdupq_n_s16(vqrdmlahh_s16(vgetq_lane_s16(S16(a), 0), vgetq_lane_s16(S16(b), 0), vgetq_lane_s16(S16(c), 0)))));
    RUN("sqrdmlsh s", 32, B32(vdupq_n_s32(vqrdmlshs_s32(vgetq_lane_s32(S32(a), 1), vgetq_lane_s32(S32(b), 1), vgetq_lane_s32(S32(c), 1)))));
    RUN("sqrdmlah s[3]", 32, B32(vdupq_n_s32(vqrdmlahs_laneq_s32(vgetq_lane_s32(S32(a), 2), vgetq_lane_s32(S32(b), 0), S32(c), 3))));
    RUN("sqrdmlsh h[5]", 16, B16(vdupq_n_s16(vqrdmlshh_laneq_s16(vgetq_lane_s16(S16(a), 3), vgetq_lane_s16(S16(b), 4), S16(c), 5))));
    return 0;
}
