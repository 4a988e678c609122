/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The scalar forms of the estimate and step instructions, which share
 * fpu.c with scalar FP (decoded with Advanced SIMD scalar): FRECPE and
 * FRSQRTE (the Arm ARM's 8-bit estimate tables, over a sweep of
 * significands and exponents, denormals and specials), FRECPS, FRSQRTS,
 * FRECPX, FMULX, FABD, and FCVTXN (round to odd).
 */
#include <math.h>
#include "fp-common.h"

#define ASM1(name, type, insn, c) \
    OP type name(type a) { type r; __asm__ volatile(insn : "=w"(r) : "w"(a)); return r; }
#define ASM2(name, type, insn) \
    OP type name(type a, type b) \
    { type r; __asm__ volatile(insn : "=w"(r) : "w"(a), "w"(b)); return r; }
ASM1(frecpe_s, float, "frecpe %s0, %s1", "w")
ASM1(frecpe_d, double, "frecpe %d0, %d1", "w")
ASM1(frsqrte_s, float, "frsqrte %s0, %s1", "w")
ASM1(frsqrte_d, double, "frsqrte %d0, %d1", "w")
ASM1(frecpx_s, float, "frecpx %s0, %s1", "w")
ASM1(frecpx_d, double, "frecpx %d0, %d1", "w")
ASM2(frecps_s, float, "frecps %s0, %s1, %s2")
ASM2(frsqrts_d, double, "frsqrts %d0, %d1, %d2")
ASM2(fmulx_s, float, "fmulx %s0, %s1, %s2")
ASM2(fabd_d, double, "fabd %d0, %d1, %d2")
OP float fcvtxn(double a) { float r; __asm__ volatile("fcvtxn %s0, %d1" : "=w"(r) : "w"(a)); return r; }

static volatile float fs[] = {
    0.0f, -0.0f, INFINITY, -INFINITY, NAN, 1.0f, -3.0f, 0x1p-127f, 0x1p-128f, 0x1.8p-129f,
    0x1p-149f, 0x1p127f, 0x1.fffffep127f, 0x1p126f,
};
static volatile double ds[] = {
    0.0, -0.0, INFINITY, NAN, 1.0, -3.0, 0x1p-1023, 0x1p-1024, 0x1.8p-1025, 0x1p-1074,
    0x1p1023, 0x1p1022, 1e-310,
};

int main(void)
{
    /* the tables: every 8-bit significand prefix, both exponent parities */
    for (unsigned m = 0; m < 256; m++) {
        float x = u2f(0x3f800000u | m << 15), y = u2f(0x40000000u | m << 15);
        printf("%02x recpe %08x %08x rsqrte %08x %08x\n", m, (unsigned)f2u(frecpe_s(x)),
               (unsigned)f2u(frecpe_s(y)), (unsigned)f2u(frsqrte_s(x)), (unsigned)f2u(frsqrte_s(y)));
    }
    flags();
    for (unsigned r = 0; r < 4; r++) {
        set_fpcr(r << 22);
        for (unsigned i = 0; i < sizeof(fs) / sizeof(fs[0]); i++) {
            float x = fs[i];
            printf("rm%u s %-14a recpe %08x %s", r, (double)x, (unsigned)f2u(frecpe_s(x)), fpsr_flags());
            printf(" rsqrte %08x %s", (unsigned)f2u(frsqrte_s(x)), fpsr_flags());
            printf(" recpx %08x %s", (unsigned)f2u(frecpx_s(x)), fpsr_flags());
            set_fpcr(r << 22 | FPCR_FZ);
            printf(" fz recpe %08x %s\n", (unsigned)f2u(frecpe_s(x)), fpsr_flags());
            set_fpcr(r << 22);
        }
        for (unsigned i = 0; i < sizeof(ds) / sizeof(ds[0]); i++) {
            double x = ds[i];
            printf("rm%u d %-14a recpe %016llx %s", r, x, (unsigned long long)d2u(frecpe_d(x)), fpsr_flags());
            printf(" rsqrte %016llx %s", (unsigned long long)d2u(frsqrte_d(x)), fpsr_flags());
            printf(" recpx %016llx %s\n", (unsigned long long)d2u(frecpx_d(x)), fpsr_flags());
        }
    }
    set_fpcr(0);
    for (unsigned i = 0; i < sizeof(fs) / sizeof(fs[0]); i++)
        for (unsigned j = 0; j < sizeof(fs) / sizeof(fs[0]); j += 3) {
            float a = fs[i], b = fs[j];
            printf("%a %a: recps %08x %s", (double)a, (double)b, (unsigned)f2u(frecps_s(a, b)), fpsr_flags());
            printf(" mulx %08x %s", (unsigned)f2u(fmulx_s(a, b)), fpsr_flags());
            printf(" rsqrts %016llx %s", (unsigned long long)d2u(frsqrts_d(a, b)), fpsr_flags());
            printf(" abd %016llx %s\n", (unsigned long long)d2u(fabd_d(a, -(double)b)), fpsr_flags());
        }
    for (unsigned i = 0; i < sizeof(ds) / sizeof(ds[0]); i++)
        printf("fcvtxn %a: %08x %s\n", ds[i] * 0x1.0000003p0, (unsigned)f2u(fcvtxn(ds[i] * 0x1.0000003p0)), fpsr_flags());
    /* Newton-Raphson as compilers use it: 1/3 and 1/sqrt(2) in a few steps */
    {
        float x = 3.0f, e = frecpe_s(x);
        for (int k = 0; k < 3; k++)
            e = e * frecps_s(x, e);
        printf("1/3 ~ %a\n", (double)e);
    }
    return 0;
}
