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
 * "max" also implements FEAT_PAuth (with PAuth2, FPAC, FPACCombine) and
 * FEAT_BTI; its properties (QEMU's syntax, "-cpu max,pauth-impdef=off")
 * choose the PAC algorithm: pauth-impdef=on (the default: guise's cheap
 * hash, so distribution binaries signing every return run fast) or off
 * (QARMA5, the architected cipher), and pauth=off drops PAuth altogether.
 *
 * Entry points (cpu.h): a64_models (NULL-terminated: -cpu help walks it),
 * a64_model_find, a64_hwcap, a64_hwcap2.
 */
#include <stdio.h>
#include <string.h>
#include "cpu.h"

#define F(x) (1ull << A64_FEAT_##x)

/* Features the frontend implements today.  Widen this as decoders land
 * (what is not in yet must not be advertised). */
#define A64_IMPLEMENTED \
    (F(FP) | F(ASIMD) | F(CPUID) | F(CRC32) | F(ATOMICS) | F(LRCPC) | \
     F(ILRCPC) | F(USCAT) | F(DCPOP) | F(DCPODP) | F(FLAGM) | F(FLAGM2) | \
     F(DIT) | F(SB) | F(SSBS) | F(JSCVT) | F(FRINT) | \
     F(AES) | F(PMULL) | F(SHA1) | F(SHA2) | F(SHA512) | F(SHA3) | \
     F(SM3) | F(SM4) | F(ASIMDDP) | F(ASIMDRDM) | F(I8MM) | F(FCMA) | \
     F(BF16) | F(FPHP) | F(ASIMDHP) | F(ASIMDFHM) | \
     F(PACA) | F(PACG) | F(PAUTH_IMPDEF) | F(BTI))

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
    { "cortex-a57", 0x411fd070, A64_ARMV8_0_CRYPTO & A64_IMPLEMENTED },  /* r1p0 */
    { "cortex-a72", 0x410fd083, A64_ARMV8_0_CRYPTO & A64_IMPLEMENTED },  /* r0p3 */
    { "neoverse-n1", 0x414fd0c1, A64_NEOVERSE_N1 & A64_IMPLEMENTED },    /* r4p1 */
    { NULL, 0, 0 },
};

static const Arm64Model *a64_model_by_name(const char *name, size_t len)
{
    for (const Arm64Model *m = a64_models; m->name; m++)
        if (strlen(m->name) == len && !strncmp(m->name, name, len))
            return m;
    return NULL;
}

/* -cpu properties: name=on|off sets or clears the feature bits set, and
 * sets the bits of on (when on) or off (when off); only for models with
 * PACA (QEMU has them on max alone). */
static const struct A64CpuProp {
    const char *name;
    uint64_t clear_off, set_on, set_off;
} a64_cpu_props[] = {
    { "pauth", F(PACA) | F(PACG) | F(PAUTH_IMPDEF) | F(PAUTH_QARMA5), 0, 0 },
    { "pauth-impdef", F(PAUTH_IMPDEF) | F(PAUTH_QARMA5), F(PAUTH_IMPDEF), F(PAUTH_QARMA5) },
};

static bool a64_prop_apply(Arm64Model *m, const char *p, size_t len)
{
    const char *eq = memchr(p, '=', len);
    size_t nlen = eq ? (size_t)(eq - p) : len;
    const char *v = eq ? eq + 1 : "on";
    size_t vlen = eq ? len - nlen - 1 : 2;
    bool on;

    if (vlen == 2 && !strncmp(v, "on", 2))
        on = true;
    else if (vlen == 3 && !strncmp(v, "off", 3))
        on = false;
    else
        return false;
    for (size_t i = 0; i < sizeof(a64_cpu_props) / sizeof(a64_cpu_props[0]); i++) {
        const struct A64CpuProp *pr = &a64_cpu_props[i];
        if (strlen(pr->name) != nlen || strncmp(pr->name, p, nlen))
            continue;
        if (!(m->features & F(PACA)) && (on || strcmp(pr->name, "pauth")))
            return false;       /* pauth=off stays allowed: it changes nothing */
        if (on)
            m->features |= pr->set_on;
        else
            m->features = (m->features & ~pr->clear_off) | pr->set_off;
        return true;
    }
    return false;
}

const Arm64Model *a64_model_find(const char *spec)
{
    static Arm64Model custom;      /* one -cpu per process */
    const char *comma = strchr(spec, ',');
    const Arm64Model *base = a64_model_by_name(spec, comma ? (size_t)(comma - spec) : strlen(spec));

    if (!base || !comma)
        return base;
    custom = *base;
    for (const char *p = comma + 1; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (!a64_prop_apply(&custom, p, len)) {
            fprintf(stderr, "guise-aarch64: -cpu %s: bad property '%.*s' (%s takes "
                    "pauth=on|off, pauth-impdef=on|off)\n", spec, (int)len, p, base->name);
            return NULL;
        }
        p += len + (end != NULL);
    }
    return &custom;
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
