/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A quarter of the 65,536 half precision inputs (every sign, exponent and
 * top eight fraction bits, the low two bits varying) through the one-operand
 * FEAT_FP16 operations whose tables and corner cases are easiest to get
 * wrong (FRECPE, FRSQRTE, FRECPX, FSQRT, rounding to integral, the
 * Newton-Raphson steps, conversions to and from integers and fixed
 * point, FMUL/FDIV/FMADD by a constant), in four FPCR settings (rounding
 * modes, FZ16, DN).  Result and FPSR bits fold into one checksum per
 * operation and setting; the .expect file comes from qemu-aarch64.
 */
#include "fp-common.h"
/* op(a): the result bits of one instruction on the half a (in h1). */
#define OPH(name, insn) \
    static uint64_t name(uint32_t a) \
    { \
        uint64_t r; \
        __asm__ volatile("fmov h1, %w1\n\t" insn "\n\tfmov %w0, h0" \
                         : "=r"(r) : "r"(a) : "v0", "v1", "v2"); \
        return r; \
    }
#define OPR(name, insn) \
    static uint64_t name(uint32_t a) \
    { \
        uint64_t r; \
        __asm__ volatile("fmov h1, %w1\n\t" insn : "=r"(r) : "r"(a) : "v0", "v1"); \
        return r; \
    }
OPH(frecpe, "frecpe h0, h1")
OPH(frsqrte, "frsqrte h0, h1")
OPH(frecpx, "frecpx h0, h1")
OPH(fsqrt, "fsqrt h0, h1")
OPH(frintx, "frintx h0, h1")
OPH(frinta, "frinta h0, h1")
OPH(fmul3, "fmov h2, #3.0\n\tfmul h0, h1, h2")
OPH(fdiv3, "fmov h2, #3.0\n\tfdiv h0, h1, h2")
OPH(frecps, "frecps h0, h1, h1")
OPH(frsqrts, "frsqrts h0, h1, h1")
OPR(fcvtzs, "fcvtzs %w0, h1, #7")
OPR(fcvtns, "fcvtns %0, h1")
OPR(cvts, "fcvt s0, h1\n\tfmov %w0, s0")
OPH(scvtf, "scvtf h0, %w1, #3")
OPH(fcvtzsh, "fcvtzs h0, h1")
OPH(fmadd, "fmov h2, #1.25\n\tfmadd h0, h1, h1, h2")
static uint64_t (*const ops[])(uint32_t) = {
    frecpe, frsqrte, frecpx, fsqrt, frintx, frinta, fmul3, fdiv3, frecps, frsqrts,
    fcvtzs, fcvtns, cvts, scvtf, fcvtzsh, fmadd,
};
static const char *const names[] = {
    "frecpe", "frsqrte", "frecpx", "fsqrt", "frintx", "frinta", "fmul3", "fdiv3", "frecps",
    "frsqrts", "fcvtzs.w7", "fcvtns.x", "fcvt.sh", "scvtf.w3", "fcvtzs.h", "fmadd",
};

int main(void)
{
    static const uint32_t cfg[] = {
        0, 1u << 22, 2u << 22 | 1u << 19, 3u << 22 | 1u << 19 | 1u << 25,
    };
    for (unsigned k = 0; k < 4; k++) {
        set_fpcr(cfg[k]);
        for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
            uint32_t s = 0;
            for (uint32_t i = 0; i < 16384; i++) {
                uint64_t r = ops[o](i << 2 | ((i * 0x9e37u) >> 7 & 3));
                uint64_t f = get_fpsr();
                set_fpsr(0);
                s = s * 0x9e3779b1u + (uint32_t)r + (uint32_t)(r >> 32) * 7 +
                    (uint32_t)f * 0x10001u;
            }
            printf("fpcr %08x %-9s %08x\n", (unsigned)cfg[k], names[o], (unsigned)s);
        }
    }
    set_fpcr(0);
    return 0;
}
