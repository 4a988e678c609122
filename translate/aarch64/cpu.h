/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The aarch64 guest CPU state (EL0 view) and CPU models.
 *
 * NZCV is kept in four 64-bit words so that flag-setting instructions need
 * no packing and dead ones can be dropped by the optimiser:
 *   N = nf bit 63, Z = (zf == 0), C = cf (0 or 1), V = vf bit 63.
 * 32-bit operations sign-extend their result into nf/vf and zero-extend it
 * into zf.
 */
#ifndef GUISE_A64_CPU_H
#define GUISE_A64_CPU_H

#include <stdbool.h>
#include <stdint.h>
#include "translate/exec.h"

/* Features a model implements (bit numbers; A64_HAS tests one). */
enum {
    A64_FEAT_FP, A64_FEAT_ASIMD, A64_FEAT_AES, A64_FEAT_PMULL, A64_FEAT_SHA1,
    A64_FEAT_SHA2, A64_FEAT_CRC32, A64_FEAT_ATOMICS, A64_FEAT_FPHP,
    A64_FEAT_ASIMDHP, A64_FEAT_CPUID, A64_FEAT_ASIMDRDM, A64_FEAT_JSCVT,
    A64_FEAT_FCMA, A64_FEAT_LRCPC, A64_FEAT_DCPOP, A64_FEAT_SHA3, A64_FEAT_SM3,
    A64_FEAT_SM4, A64_FEAT_ASIMDDP, A64_FEAT_SHA512, A64_FEAT_SVE,
    A64_FEAT_ASIMDFHM, A64_FEAT_DIT, A64_FEAT_USCAT, A64_FEAT_ILRCPC,
    A64_FEAT_FLAGM, A64_FEAT_SSBS, A64_FEAT_SB, A64_FEAT_PACA, A64_FEAT_PACG,
    /* HWCAP2 */
    A64_FEAT_DCPODP, A64_FEAT_FLAGM2, A64_FEAT_FRINT, A64_FEAT_I8MM,
    A64_FEAT_BF16, A64_FEAT_RNG, A64_FEAT_BTI,
    /* Not HWCAPs: the PAC algorithm of PACA/PACG (ID_AA64ISAR1 APA/GPA for
     * QARMA5, API/GPI for the IMPLEMENTATION DEFINED one; pauth.h) */
    A64_FEAT_PAUTH_QARMA5, A64_FEAT_PAUTH_IMPDEF,
    A64_FEAT_COUNT
};

typedef struct Arm64Model {
    const char *name;
    uint64_t midr;
    uint64_t features;       /* 1 << A64_FEAT_*, as far as guise implements them */
} Arm64Model;

#define A64_HAS(env, f) (((env)->model->features >> (f)) & 1)

typedef struct CPUArm64State {
    CPUCommon common;        /* common.pc is the pc; must stay first */
    uint64_t x[32];          /* x0-x30; x[31] is SP (XZR is never stored) */
    uint64_t nf, zf, cf, vf; /* NZCV, see above */
    uint64_t tpidr_el0;
    uint64_t excl_addr;      /* exclusive monitor: address or -1 */
    uint64_t excl_val, excl_val2;
    uint32_t fpcr, fpsr;
    const Arm64Model *model;
    _Alignas(16) uint64_t v[32][2];   /* V0-V31: v[n][0] is bits 63:0 */
    uint64_t pstate;         /* EL0-writable PSTATE bits without a global:
                                DIT (bit 24), SSBS (bit 12), as in SPSR */
    /* FEAT_PAuth (pauth.h): the keys APIA, APIB, APDA, APDB, APGA (index =
     * log2 of Linux's PR_PAC_*KEY bit), [0] = KeyLo, [1] = KeyHi; and
     * SCTLR_EL1.EnIA/EnIB/EnDA/EnDB as a PR_PAC_*KEY mask. */
    uint64_t pac_keys[5][2];
    uint32_t pac_enabled;
    uint32_t btype;          /* PSTATE.BTYPE (FEAT_BTI), 0..3 */
    ExecJitFrame jit_frame;  /* the generated code's, last (exec.h) */
} CPUArm64State;

#define A64_PSTATE_DIT  (1u << 24)
#define A64_PSTATE_SSBS (1u << 12)
#define A64_PSTATE_BTYPE_SHIFT 10   /* BTYPE, bits 11:10 of SPSR (env->btype) */

/* Exception codes beyond the common ones (exec.h). */
enum {
    EXCP_A64_FIRST = EXCP_ARCH_BASE,
    EXCP_A64_FPAC = EXCP_A64_FIRST,   /* FEAT_FPAC authentication failure at pc */
    EXCP_A64_BTI,                     /* Branch Target exception at pc */
};

/* Models: "max" first, ending with a NULL name.  a64_model_find takes a
 * -cpu argument: a name, optionally followed by QEMU-style properties
 * ("max,pauth-impdef=off", "max,pauth=off"); NULL if the name or a property
 * is unknown. */
const Arm64Model *a64_model_find(const char *name);
extern const Arm64Model a64_models[];

/* AT_HWCAP / AT_HWCAP2 for a model. */
uint64_t a64_hwcap(const Arm64Model *m);
uint64_t a64_hwcap2(const Arm64Model *m);

/* The GuestArch of the aarch64 frontend. */
extern struct GuestArch a64_guest_arch;

/* NZCV as the architecture packs it (bits 31:28). */
uint32_t a64_get_nzcv(const CPUArm64State *env);
void a64_set_nzcv(CPUArm64State *env, uint32_t nzcv);

/* A 4-bit NZCV (bit 3 = N) in the four-word form: f = { nf, zf, cf, vf }. */
static inline void a64_nzcv_words(unsigned nzcv, uint64_t f[4])
{
    f[0] = (nzcv & 8) ? ~0ull : 0;
    f[1] = (nzcv & 4) ? 0 : 1;
    f[2] = (nzcv >> 1) & 1;
    f[3] = (nzcv & 1) ? ~0ull : 0;
}

/* ConditionHolds (Arm ARM J1.1.3) on flags in the four-word form. */
static inline bool a64_cond_holds(uint64_t nf, uint64_t zf, uint64_t cf, uint64_t vf,
                                  unsigned cond)
{
    bool r;

    switch (cond >> 1) {
    case 0: r = zf == 0; break;                                   /* EQ */
    case 1: r = cf != 0; break;                                   /* CS */
    case 2: r = (int64_t)nf < 0; break;                           /* MI */
    case 3: r = (int64_t)vf < 0; break;                           /* VS */
    case 4: r = cf != 0 && zf != 0; break;                        /* HI */
    case 5: r = (int64_t)(nf ^ vf) >= 0; break;                   /* GE */
    case 6: r = (int64_t)(nf ^ vf) >= 0 && zf != 0; break;        /* GT */
    default: return true;                                         /* AL, NV */
    }
    return (cond & 1) ? !r : r;
}

#endif
