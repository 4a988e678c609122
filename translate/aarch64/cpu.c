/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 CPU models (-cpu) and the AT_HWCAP/AT_HWCAP2 words they give.
 *
 * A model is a real core's MIDR and feature set, intersected with what
 * guise implements (A64_IMPLEMENTED below), so a program probing the
 * HWCAPs or the ID registers (sys.c derives those from the same feature
 * bits) never picks an instruction we would answer with SIGILL.  The
 * decoders gate optional instructions on the model with A64_HAS().
 *
 * Entry points (cpu.h): a64_models (NULL-terminated: -cpu help walks it),
 * a64_model_find, a64_hwcap, a64_hwcap2.
 */
#include <string.h>
#include "cpu.h"

#define F(x) (1ull << A64_FEAT_##x)

/* Features the frontend implements today.  Widen this as decoders land
 * (FP16, FHM, PAuth, BTI... are not in yet and must not
 * be advertised). */
#define A64_IMPLEMENTED \
    (F(FP) | F(ASIMD) | F(CPUID) | F(CRC32) | F(ATOMICS) | F(LRCPC) | \
     F(ILRCPC) | F(USCAT) | F(DCPOP) | F(DCPODP) | F(FLAGM) | F(FLAGM2) | \
     F(DIT) | F(SB) | F(SSBS) | F(JSCVT) | F(FRINT) | \
     F(AES) | F(PMULL) | F(SHA1) | F(SHA2) | F(SHA512) | F(SHA3) | \
     F(SM3) | F(SM4) | F(ASIMDDP) | F(ASIMDRDM) | F(I8MM) | F(FCMA) | \
     F(BF16))

/* The real cores' features (as their Linux /proc/cpuinfo shows them). */
#define A64_ARMV8_0_CRYPTO \
    (F(FP) | F(ASIMD) | F(AES) | F(PMULL) | F(SHA1) | F(SHA2) | F(CRC32) | F(CPUID))
#define A64_NEOVERSE_N1 \
    (A64_ARMV8_0_CRYPTO | F(ATOMICS) | F(FPHP) | F(ASIMDHP) | F(ASIMDRDM) | \
     F(LRCPC) | F(DCPOP) | F(ASIMDDP) | F(SSBS))

/* MIDR_EL1: implementer 0x41 (Arm), architecture 0xf, part number, and the
 * variant/revision of a common stepping. */
const Arm64Model a64_models[] = {
    { "max", 0x414fd0c1, A64_IMPLEMENTED },                          /* as Neoverse-N1 r4p1 */
    { "cortex-a53", 0x410fd034, A64_ARMV8_0_CRYPTO & A64_IMPLEMENTED },  /* r0p4 */
    { "cortex-a72", 0x410fd083, A64_ARMV8_0_CRYPTO & A64_IMPLEMENTED },  /* r0p3 */
    { "neoverse-n1", 0x414fd0c1, A64_NEOVERSE_N1 & A64_IMPLEMENTED },    /* r4p1 */
    { NULL, 0, 0 },
};

const Arm64Model *a64_model_find(const char *name)
{
    for (const Arm64Model *m = a64_models; m->name; m++)
        if (!strcmp(m->name, name))
            return m;
    return NULL;
}

/* Linux's HWCAP bit for each feature (arch/arm64/include/uapi/asm/hwcap.h):
 * word 1 is AT_HWCAP, word 2 AT_HWCAP2.  HWCAP_EVTSTRM (bit 2, the timer
 * event stream) is not a feature of ours and is never set. */
static const struct { uint8_t feat, word, bit; } a64_hwcap_bits[] = {
    { A64_FEAT_FP, 1, 0 },        { A64_FEAT_ASIMD, 1, 1 },
    { A64_FEAT_AES, 1, 3 },       { A64_FEAT_PMULL, 1, 4 },
    { A64_FEAT_SHA1, 1, 5 },      { A64_FEAT_SHA2, 1, 6 },
    { A64_FEAT_CRC32, 1, 7 },     { A64_FEAT_ATOMICS, 1, 8 },
    { A64_FEAT_FPHP, 1, 9 },      { A64_FEAT_ASIMDHP, 1, 10 },
    { A64_FEAT_CPUID, 1, 11 },    { A64_FEAT_ASIMDRDM, 1, 12 },
    { A64_FEAT_JSCVT, 1, 13 },    { A64_FEAT_FCMA, 1, 14 },
    { A64_FEAT_LRCPC, 1, 15 },    { A64_FEAT_DCPOP, 1, 16 },
    { A64_FEAT_SHA3, 1, 17 },     { A64_FEAT_SM3, 1, 18 },
    { A64_FEAT_SM4, 1, 19 },      { A64_FEAT_ASIMDDP, 1, 20 },
    { A64_FEAT_SHA512, 1, 21 },   { A64_FEAT_SVE, 1, 22 },
    { A64_FEAT_ASIMDFHM, 1, 23 }, { A64_FEAT_DIT, 1, 24 },
    { A64_FEAT_USCAT, 1, 25 },    { A64_FEAT_ILRCPC, 1, 26 },
    { A64_FEAT_FLAGM, 1, 27 },    { A64_FEAT_SSBS, 1, 28 },
    { A64_FEAT_SB, 1, 29 },       { A64_FEAT_PACA, 1, 30 },
    { A64_FEAT_PACG, 1, 31 },
    { A64_FEAT_DCPODP, 2, 0 },    { A64_FEAT_FLAGM2, 2, 7 },
    { A64_FEAT_FRINT, 2, 8 },     { A64_FEAT_I8MM, 2, 13 },
    { A64_FEAT_BF16, 2, 14 },     { A64_FEAT_RNG, 2, 16 },
    { A64_FEAT_BTI, 2, 17 },
};

static uint64_t a64_hwcap_word(const Arm64Model *m, unsigned word)
{
    uint64_t v = 0;

    for (size_t i = 0; i < sizeof(a64_hwcap_bits) / sizeof(a64_hwcap_bits[0]); i++)
        if (a64_hwcap_bits[i].word == word && ((m->features >> a64_hwcap_bits[i].feat) & 1))
            v |= 1ull << a64_hwcap_bits[i].bit;
    return v;
}

uint64_t a64_hwcap(const Arm64Model *m)
{
    return a64_hwcap_word(m, 1);
}

uint64_t a64_hwcap2(const Arm64Model *m)
{
    return a64_hwcap_word(m, 2);
}
