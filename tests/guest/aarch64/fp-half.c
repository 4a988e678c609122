/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FEAT_FP16 and FEAT_FHM against the reference: every half precision
 * operation (scalar, and vector forms with all lanes equal) over pairs of
 * edge values (zeros, infinities, quiet and signalling NaNs, denormals,
 * the smallest normal, the largest finite, values that round and
 * overflow) in each rounding mode, with FZ16, with DN, and with FZ alone
 * (which must not touch half precision).  Each result and the FPSR bits
 * it raised are folded into one checksum per operation and configuration,
 * so that a difference points at the operation; the .expect file comes
 * from qemu-aarch64.
 */
#include "fp-common.h"

#define FPCR_FZ16 (1u << 19)

static const uint16_t hv[] = {
    0x0000, 0x8000, 0x3c00, 0xbc00, 0x7c00, 0xfc00, 0x7e00, 0x7d01, 0xfe55, 0xfc01,
    0x0001, 0x83ff, 0x0400, 0x8400, 0x7bff, 0xfbff, 0x3555, 0x4248, 0x5640, 0x1400,
    0x2e66, 0xc500, 0x3bff, 0x3c01, 0x0200, 0x7800, 0x0401, 0x4000,
};
#define NV (sizeof(hv) / sizeof(hv[0]))
static const uint32_t sv[] = {
    0x00000000, 0x80000000, 0x3f800000, 0x7f800000, 0x7fc00000, 0x7fa00001, 0x00000001,
    0x00800000, 0x33800000, 0xc7000000, 0x7f7fffff, 0x38800000,
};
#define NS (sizeof(sv) / sizeof(sv[0]))

static uint32_t sum;

static void fold(uint64_t r)
{
    uint64_t f = get_fpsr();
    set_fpsr(0);
    sum = sum * 0x9e3779b1u + (uint32_t)r + (uint32_t)(r >> 32) * 7 + (uint32_t)f * 0x10001u;
}

#define H_IN "fmov h1, %w1\n\tfmov h2, %w2\n\tfmov h3, %w3\n\t"
#define V_IN "dup v1.8h, %w1\n\tdup v2.8h, %w2\n\tdup v3.8h, %w3\n\t"
#define CLOB "v0", "v1", "v2", "v3", "cc"
/* op(a, b, c) -> bits: scalar result in h0/s0/w/x, or lane 5 of v0. */
#define OPH(name, insn) \
    OP uint64_t name(uint32_t a, uint32_t b, uint32_t c) \
    { \
        uint64_t r; \
        __asm__ volatile(H_IN insn "\n\tfmov %w0, h0" \
                         : "=r"(r) : "r"(a), "r"(b), "r"(c) : CLOB); \
        return r; \
    }
#define OPV(name, insn) \
    OP uint64_t name(uint32_t a, uint32_t b, uint32_t c) \
    { \
        uint64_t r; \
        __asm__ volatile(V_IN "mov v0.16b, v3.16b\n\t" insn "\n\tumov %w0, v0.h[5]" \
                         : "=r"(r) : "r"(a), "r"(b), "r"(c) : CLOB); \
        return r; \
    }
#define OPR(name, insn) \
    OP uint64_t name(uint32_t a, uint32_t b, uint32_t c) \
    { \
        uint64_t r; \
        __asm__ volatile(H_IN insn : "=r"(r) : "r"(a), "r"(b), "r"(c) : CLOB); \
        return r; \
    }

OPH(fadd_h, "fadd h0, h1, h2")
OPH(fsub_h, "fsub h0, h1, h2")
OPH(fmul_h, "fmul h0, h1, h2")
OPH(fdiv_h, "fdiv h0, h1, h2")
OPH(fnmul_h, "fnmul h0, h1, h2")
OPH(fmax_h, "fmax h0, h1, h2")
OPH(fmin_h, "fmin h0, h1, h2")
OPH(fmaxnm_h, "fmaxnm h0, h1, h2")
OPH(fminnm_h, "fminnm h0, h1, h2")
OPH(fabd_h, "fabd h0, h1, h2")
OPH(fmulx_h, "fmulx h0, h1, h2")
OPH(frecps_h, "frecps h0, h1, h2")
OPH(frsqrts_h, "frsqrts h0, h1, h2")
OPH(fcmeq_h, "fcmeq h0, h1, h2")
OPH(fcmge_h, "fcmge h0, h1, h2")
OPH(fcmgt_h, "fcmgt h0, h1, h2")
OPH(facge_h, "facge h0, h1, h2")
OPH(facgt_h, "facgt h0, h1, h2")
OPH(fmulx_e, "fmulx h0, h1, v2.h[3]")
OPH(fcsel_h, "cmp %w1, %w2\n\tfcsel h0, h1, h2, lt")
OPR(fcmp_h, "fcmp h1, h2\n\tmrs %0, nzcv")
OPR(fcmpe_h, "fcmpe h1, h2\n\tmrs %0, nzcv")
OPR(fccmpe_h, "cmp %w1, %w2\n\tfccmpe h1, h2, #5, ge\n\tmrs %0, nzcv")
OPV(vfadd, "fadd v0.8h, v1.8h, v2.8h")
OPV(vfsub, "fsub v0.4h, v1.4h, v2.4h")
OPV(vfmul, "fmul v0.8h, v1.8h, v2.8h")
OPV(vfdiv, "fdiv v0.8h, v1.8h, v2.8h")
OPV(vfaddp, "faddp v0.8h, v1.8h, v2.8h")
OPV(vfmaxp, "fmaxp v0.8h, v1.8h, v2.8h")
OPV(vfminnmp, "fminnmp v0.8h, v1.8h, v2.8h")
OPV(vfmla, "fmla v0.8h, v1.8h, v2.8h")
OPV(vfmls, "fmls v0.8h, v1.8h, v2.8h")
OPV(vfmla_e, "fmla v0.8h, v1.8h, v2.h[7]")
OPV(vfmul_e, "fmul v0.8h, v1.8h, v2.h[1]")
OPV(vfcmgt, "fcmgt v0.8h, v1.8h, v2.8h")
OPV(vfacgt, "facgt v0.8h, v1.8h, v2.8h")
OPV(vfrsqrts, "frsqrts v0.8h, v1.8h, v2.8h")
OPV(vfabd, "fabd v0.8h, v1.8h, v2.8h")
OPV(vfmaxnm, "fmaxnm v0.8h, v1.8h, v2.8h")
OPV(vfmin, "fmin v0.8h, v1.8h, v2.8h")
OPH(fmaxnmv, "ins v1.h[6], v2.h[0]\n\tfmaxnmv h0, v1.8h")
OPH(fminv, "ins v1.h[1], v2.h[0]\n\tfminv h0, v1.4h")
OPH(faddp_s, "ins v1.h[1], v2.h[0]\n\tfaddp h0, v1.2h")
OPH(fminnmp_s, "ins v1.h[1], v2.h[0]\n\tfminnmp h0, v1.2h")
static uint64_t (*const bin[])(uint32_t, uint32_t, uint32_t) = {
    fadd_h, fsub_h, fmul_h, fdiv_h, fnmul_h, fmax_h, fmin_h, fmaxnm_h, fminnm_h, fabd_h,
    fmulx_h, frecps_h, frsqrts_h, fcmeq_h, fcmge_h, fcmgt_h, facge_h, facgt_h, fmulx_e,
    fcsel_h, fcmp_h, fcmpe_h, fccmpe_h, vfadd, vfsub, vfmul, vfdiv, vfaddp, vfmaxp, vfminnmp,
    vfmla, vfmls, vfmla_e, vfmul_e, vfcmgt, vfacgt, vfrsqrts, vfabd, vfmaxnm, vfmin,
    fmaxnmv, fminv, faddp_s, fminnmp_s,
};
static const char *const bin_name[] = {
    "fadd", "fsub", "fmul", "fdiv", "fnmul", "fmax", "fmin", "fmaxnm", "fminnm", "fabd",
    "fmulx", "frecps", "frsqrts", "fcmeq", "fcmge", "fcmgt", "facge", "facgt", "fmulx.e",
    "fcsel", "fcmp", "fcmpe", "fccmpe", "v.fadd", "v.fsub", "v.fmul", "v.fdiv", "v.faddp",
    "v.fmaxp", "v.fminnmp", "v.fmla", "v.fmls", "v.fmla.e", "v.fmul.e", "v.fcmgt",
    "v.facgt", "v.frsqrts", "v.fabd", "v.fmaxnm", "v.fmin", "fmaxnmv", "fminv", "faddp.s",
    "fminnmp.s",
};

OPH(fsqrt_h, "fsqrt h0, h1")
OPH(fabs_h, "fabs h0, h1")
OPH(fneg_h, "fneg h0, h1")
OPH(frintn_h, "frintn h0, h1")
OPH(frintp_h, "frintp h0, h1")
OPH(frintm_h, "frintm h0, h1")
OPH(frintz_h, "frintz h0, h1")
OPH(frinta_h, "frinta h0, h1")
OPH(frintx_h, "frintx h0, h1")
OPH(frinti_h, "frinti h0, h1")
OPH(frecpe_h, "frecpe h0, h1")
OPH(frsqrte_h, "frsqrte h0, h1")
OPH(frecpx_h, "frecpx h0, h1")
OPH(fcmlt0_h, "fcmlt h0, h1, #0.0")
OPH(fcmge0_h, "fcmge h0, h1, #0.0")
OPH(fcvtzs_s, "fcvtzs h0, h1")
OPH(fcvtnu_s, "fcvtnu h0, h1")
OPH(fcvtzs_fix, "fcvtzs h0, h1, #3")
OPH(scvtf_hs, "scvtf h0, h1")
OPH(ucvtf_fix, "ucvtf h0, h1, #14")
OPR(fcvtzs_w, "fcvtzs %w0, h1")
OPR(fcvtau_w, "fcvtau %w0, h1")
OPR(fcvtms_x, "fcvtms %0, h1")
OPR(fcvtps_x, "fcvtps %0, h1")
OPR(fcvtzu_xfix, "fcvtzu %0, h1, #20")
OPH(scvtf_w, "scvtf h0, %w1")
OPH(ucvtf_x, "lsl x9, %1, #7\n\tucvtf h0, x9")
OPH(scvtf_wfix, "scvtf h0, %w1, #24")
OPR(fcvt_sh, "fcvt s0, h1\n\tfmov %w0, s0")
OPR(fcvt_dh, "fcvt d0, h1\n\tfmov %0, d0")
OPV(vfrintx, "frintx v0.8h, v1.8h")
OPV(vfsqrt, "fsqrt v0.8h, v1.8h")
OPV(vfcvtas, "fcvtas v0.8h, v1.8h")
OPV(vfcvtzu_fix, "fcvtzu v0.8h, v1.8h, #2")
OPV(vucvtf, "ucvtf v0.8h, v1.8h")
OPV(vscvtf_fix, "scvtf v0.4h, v1.4h, #5")
OPV(vfrecpe, "frecpe v0.8h, v1.8h")
OPV(vfrsqrte, "frsqrte v0.4h, v1.4h")
OPV(vfcmle0, "fcmle v0.8h, v1.8h, #0.0")
OPV(vfneg, "fneg v0.8h, v1.8h")
static uint64_t (*const un[])(uint32_t, uint32_t, uint32_t) = {
    fsqrt_h, fabs_h, fneg_h, frintn_h, frintp_h, frintm_h, frintz_h, frinta_h, frintx_h,
    frinti_h, frecpe_h, frsqrte_h, frecpx_h, fcmlt0_h, fcmge0_h, fcvtzs_s, fcvtnu_s,
    fcvtzs_fix, scvtf_hs, ucvtf_fix, fcvtzs_w, fcvtau_w, fcvtms_x, fcvtps_x, fcvtzu_xfix,
    scvtf_w, ucvtf_x, scvtf_wfix, fcvt_sh, fcvt_dh, vfrintx, vfsqrt, vfcvtas, vfcvtzu_fix,
    vucvtf, vscvtf_fix, vfrecpe, vfrsqrte, vfcmle0, vfneg,
};
static const char *const un_name[] = {
    "fsqrt", "fabs", "fneg", "frintn", "frintp", "frintm", "frintz", "frinta", "frintx",
    "frinti", "frecpe", "frsqrte", "frecpx", "fcmlt0", "fcmge0", "fcvtzs.h", "fcvtnu.h",
    "fcvtzs.hfix", "scvtf.h", "ucvtf.hfix", "fcvtzs.w", "fcvtau.w", "fcvtms.x", "fcvtps.x",
    "fcvtzu.xfix", "scvtf.w", "ucvtf.x", "scvtf.wfix", "fcvt.sh", "fcvt.dh", "v.frintx",
    "v.fsqrt", "v.fcvtas", "v.fcvtzu.fix", "v.ucvtf", "v.scvtf.fix", "v.frecpe",
    "v.frsqrte", "v.fcmle0", "v.fneg",
};

OPH(fmadd_h, "fmadd h0, h1, h2, h3")
OPH(fmsub_h, "fmsub h0, h1, h2, h3")
OPH(fnmadd_h, "fnmadd h0, h1, h2, h3")
OPH(fnmsub_h, "fnmsub h0, h1, h2, h3")
OPH(fmls_e, "mov v0.16b, v3.16b\n\tfmls h0, h1, v2.h[4]")
static uint64_t (*const tri[])(uint32_t, uint32_t, uint32_t) = {
    fmadd_h, fmsub_h, fnmadd_h, fnmsub_h, fmls_e,
};
static const char *const tri_name[] = { "fmadd", "fmsub", "fnmadd", "fnmsub", "fmls.e" };

/* FEAT_FHM: a single accumulator (s3 lanes), half operands. */
#define OPL(name, insn) \
    OP uint64_t name(uint32_t a, uint32_t b, uint32_t c) \
    { \
        uint64_t r; \
        __asm__ volatile("dup v1.8h, %w1\n\tdup v2.8h, %w2\n\tdup v0.4s, %w3\n\t" insn \
                         "\n\tmov %w0, v0.s[1]" : "=r"(r) : "r"(a), "r"(b), "r"(c) : CLOB); \
        return r; \
    }
OPL(fmlal, "fmlal v0.2s, v1.2h, v2.2h")
OPL(fmlsl, "fmlsl v0.4s, v1.4h, v2.4h")
OPL(fmlal2, "fmlal2 v0.4s, v1.4h, v2.4h")
OPL(fmlsl2, "fmlsl2 v0.2s, v1.2h, v2.2h")
OPL(fmlal_e, "fmlal v0.4s, v1.4h, v2.h[6]")
OPL(fmlsl2_e, "fmlsl2 v0.4s, v1.4h, v2.h[2]")
static uint64_t (*const fhm[])(uint32_t, uint32_t, uint32_t) = {
    fmlal, fmlsl, fmlal2, fmlsl2, fmlal_e, fmlsl2_e,
};
static const char *const fhm_name[] = {
    "fmlal", "fmlsl", "fmlal2", "fmlsl2", "fmlal.e", "fmlsl2.e",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

int main(void)
{
    static const uint32_t cfg[] = {
        0, 1u << 22, 2u << 22, 3u << 22, FPCR_FZ16, FPCR_FZ16 | 3u << 22, FPCR_DN,
        FPCR_DN | FPCR_FZ16 | 1u << 22, FPCR_FZ, FPCR_FZ | 2u << 22,
    };
    for (unsigned k = 0; k < N(cfg); k++) {
        printf("fpcr %08x\n", (unsigned)cfg[k]);
        set_fpcr(cfg[k]);
        set_fpsr(0);
        for (unsigned o = 0; o < N(bin); o++) {
            sum = 0;
            for (unsigned i = 0; i < NV; i++)
                for (unsigned j = 0; j < NV; j++)
                    fold(bin[o](hv[i], hv[j], hv[(i + j) % NV]));
            printf("  %-10s %08x\n", bin_name[o], (unsigned)sum);
        }
        for (unsigned o = 0; o < N(un); o++) {
            sum = 0;
            for (unsigned i = 0; i < NV; i++)
                for (unsigned j = 0; j < 3; j++)
                    fold(un[o](hv[i] ^ (j == 1 ? 0x0155 : 0) ^ (j == 2 ? 0x8000 : 0), 0, 0));
            printf("  %-10s %08x\n", un_name[o], (unsigned)sum);
        }
        for (unsigned o = 0; o < N(tri); o++) {
            sum = 0;
            for (unsigned i = 0; i < NV; i += 2)
                for (unsigned j = 0; j < NV; j += 1)
                    for (unsigned l = 0; l < NV; l += 3)
                        fold(tri[o](hv[i], hv[j], hv[l]));
            printf("  %-10s %08x\n", tri_name[o], (unsigned)sum);
        }
        for (unsigned o = 0; o < N(fhm); o++) {
            sum = 0;
            for (unsigned i = 0; i < NV; i += 2)
                for (unsigned j = 0; j < NV; j++)
                    for (unsigned l = 0; l < NS; l++)
                        fold(fhm[o](hv[i], hv[j], sv[l]));
            printf("  %-10s %08x\n", fhm_name[o], (unsigned)sum);
        }
    }
    set_fpcr(0);
    return 0;
}
