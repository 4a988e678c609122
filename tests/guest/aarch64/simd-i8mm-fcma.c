/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FEAT_I8MM (SMMLA, UMMLA, USMMLA, USDOT vector and by element, SUDOT by
 * element) and FEAT_FCMA (FCADD #90/#270, FCMLA #0/#90/#180/#270, vector and
 * by element, single and double precision) through arm_neon.h.  The integer
 * forms hash pseudo-random inputs; the complex forms run on values that
 * include zeros, infinities, NaNs and denormals, and print each result
 * with the FPSR flags it raised, then repeat with FPCR.DN and FZ set.
 * The .expect comes from qemu-aarch64.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t rs = 0x0fedcba987654321ull;

static uint64_t rnd(void)
{
    rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17;
    return rs;
}

static uint8x16_t rv(void)
{
    return vreinterpretq_u8_u64(vcombine_u64(vcreate_u64(rnd()), vcreate_u64(rnd())));
}

static uint64_t h;

static void mix(uint8x16_t v)
{
    uint64x2_t w = vreinterpretq_u64_u8(v);
    h = (h ^ vgetq_lane_u64(w, 0)) * 0x100000001b3ull;
    h = (h ^ vgetq_lane_u64(w, 1)) * 0x100000001b3ull;
}

#define RUN(name, expr) do { \
        h = 0xcbf29ce484222325ull; rs = 0x0fedcba987654321ull; \
        for (int i = 0; i < 200; i++) { \
            uint8x16_t a = rv(), b = rv(), c = rv(); \
            mix(expr); \
        } \
        printf("%-16s %016llx\n", name, (unsigned long long)h); \
    } while (0)

#define S8(v) vreinterpretq_s8_u8(v)
#define S32(v) vreinterpretq_s32_u8(v)
#define U32(v) vreinterpretq_u32_u8(v)
#define B32(v) vreinterpretq_u8_s32(v)
#define BU32(v) vreinterpretq_u8_u32(v)
#define W64(v) vcombine_u8(v, vdup_n_u8(0))

static void set_fpsr(uint64_t v) { __asm__ volatile("msr fpsr, %0" : : "r"(v)); }
static uint64_t get_fpsr(void) { uint64_t v; __asm__ volatile("mrs %0, fpsr" : "=r"(v)); return v; }
static void set_fpcr(uint64_t v) { __asm__ volatile("msr fpcr, %0" : : "r"(v)); }

static void pq(const char *name, uint8x16_t v)
{
    uint64x2_t w = vreinterpretq_u64_u8(v);
    printf("%-22s %016llx %016llx fpsr=%02x\n", name,
           (unsigned long long)vgetq_lane_u64(w, 1), (unsigned long long)vgetq_lane_u64(w, 0),
           (unsigned)(get_fpsr() & 0x9f));
    set_fpsr(0);
}

static const uint32_t fvals[] = {
    0x3f800000, 0xc0000000, 0x00000000, 0x80000000, 0x7f800000, 0xff800000,
    0x7fc00001, 0x7f800002, 0x00000001, 0x807fffff, 0x7f7fffff, 0x3eaaaaab,
};
static const uint64_t dvals[] = {
    0x3ff0000000000000, 0xc000000000000000, 0, 0x8000000000000000,
    0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000001, 0x7ff0000000000002,
    1, 0x800fffffffffffff, 0x7fefffffffffffff, 0x3fd5555555555555,
};
#define NF (sizeof(fvals) / sizeof(fvals[0]))

static float32x4_t fv(unsigned i)
{
    uint32x4_t v = { fvals[i % NF], fvals[(i * 5 + 1) % NF], fvals[(i * 7 + 2) % NF],
                     fvals[(i * 11 + 3) % NF] };
    return vreinterpretq_f32_u32(v);
}

static float64x2_t dv(unsigned i)
{
    uint64x2_t v = { dvals[i % NF], dvals[(i * 5 + 1) % NF] };
    return vreinterpretq_f64_u64(v);
}

#define QF(name, e) pq(name, vreinterpretq_u8_f32(e))
#define QD(name, e) pq(name, vreinterpretq_u8_f64(e))

static void complex_pass(void)
{
    char name[32];
    for (unsigned i = 0; i < NF; i += 2) {
        float32x4_t a = fv(i), b = fv(i + 1), c = fv(i + 5);
        float64x2_t x = dv(i), y = dv(i + 3), z = dv(i + 7);
        sprintf(name, "fcadd90 4s %u", i);   QF(name, vcaddq_rot90_f32(a, b));
        sprintf(name, "fcadd270 4s %u", i);  QF(name, vcaddq_rot270_f32(a, b));
        sprintf(name, "fcadd90 2s %u", i);
        QF(name, vcombine_f32(vcadd_rot90_f32(vget_low_f32(a), vget_low_f32(b)), vdup_n_f32(0)));
        sprintf(name, "fcadd270 2d %u", i);  QD(name, vcaddq_rot270_f64(x, y));
        sprintf(name, "fcmla0 4s %u", i);    QF(name, vcmlaq_f32(c, a, b));
        sprintf(name, "fcmla90 4s %u", i);   QF(name, vcmlaq_rot90_f32(c, a, b));
        sprintf(name, "fcmla180 4s %u", i);  QF(name, vcmlaq_rot180_f32(c, a, b));
        sprintf(name, "fcmla270 4s %u", i);  QF(name, vcmlaq_rot270_f32(c, a, b));
        sprintf(name, "fcmla90 2s %u", i);
        QF(name, vcombine_f32(vcmla_rot90_f32(vget_low_f32(c), vget_low_f32(a), vget_low_f32(b)),
                              vdup_n_f32(0)));
        sprintf(name, "fcmla0 2d %u", i);    QD(name, vcmlaq_f64(z, x, y));
        sprintf(name, "fcmla270 2d %u", i);  QD(name, vcmlaq_rot270_f64(z, x, y));
        sprintf(name, "fcmla0 4s[1] %u", i); QF(name, vcmlaq_laneq_f32(c, a, b, 1));
        sprintf(name, "fcmla180 4s[0] %u", i); QF(name, vcmlaq_rot180_laneq_f32(c, a, b, 0));
        sprintf(name, "fcmla90 4s[1] %u", i); QF(name, vcmlaq_rot90_laneq_f32(c, a, b, 1));
    }
}

int main(void)
{
    RUN("smmla", B32(vmmlaq_s32(S32(a), S8(b), S8(c))));
    RUN("ummla", BU32(vmmlaq_u32(U32(a), b, c)));
    RUN("usmmla", B32(vusmmlaq_s32(S32(a), b, S8(c))));
    RUN("usdot 4s", B32(vusdotq_s32(S32(a), b, S8(c))));
    RUN("usdot 2s", W64(vreinterpret_u8_s32(vusdot_s32(vget_low_s32(S32(a)), vget_low_u8(b),
                                                       vget_low_s8(S8(c))))));
    RUN("usdot 4s[3]", B32(vusdotq_laneq_s32(S32(a), b, S8(c), 3)));
    RUN("usdot 2s[1]", W64(vreinterpret_u8_s32(vusdot_lane_s32(vget_low_s32(S32(a)), vget_low_u8(b),
                                                              vget_low_s8(S8(c)), 1))));
    RUN("sudot 4s[2]", B32(vsudotq_laneq_s32(S32(a), S8(b), c, 2)));
    RUN("sudot 2s[0]", W64(vreinterpret_u8_s32(vsudot_lane_s32(vget_low_s32(S32(a)), vget_low_s8(S8(b)),
                                                              vget_low_u8(c), 0))));
    set_fpsr(0);
    complex_pass();
    set_fpcr(3u << 24);         /* DN, FZ */
    complex_pass();
    set_fpcr(0);
    return 0;
}
