/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Decoding of the A64 cryptographic extension (Arm ARM C4.1.95-C4.1.96,
 * "Cryptographic AES", "three-register SHA", "two-register SHA",
 * "three-register SHA512", "two-register SHA512", "four-register",
 * "XAR", "three-register, imm2"):
 *
 *   FEAT_AES     AESE, AESD, AESMC, AESIMC
 *   FEAT_SHA1    SHA1C, SHA1P, SHA1M, SHA1H, SHA1SU0, SHA1SU1
 *   FEAT_SHA256  SHA256H, SHA256H2, SHA256SU0, SHA256SU1
 *   FEAT_SHA512  SHA512H, SHA512H2, SHA512SU0, SHA512SU1
 *   FEAT_SHA3    EOR3, BCAX, RAX1, XAR (IR on the 64-bit halves)
 *   FEAT_SM3     SM3SS1, SM3TT1A/B, SM3TT2A/B, SM3PARTW1/2
 *   FEAT_SM4     SM4E, SM4EKEY
 *
 * The SHA3 operations are a few bitwise ops per half and are emitted as IR;
 * AES and SHA-256 are the IR's cryptographic vector kinds, which the x86-64
 * backend lowers to AES-NI and SHA-NI; the rest (and everything under
 * GUISE_SIMD_HELPERS) is one call of helper_crypto (helper-crypto.c).
 * PMULL (FEAT_PMULL) is in simd-int.c with the other "three different"
 * forms.  Each row is gated on
 * the -cpu model's feature; without it the encoding is UNDEF (SIGILL).
 */
#include "simd.h"
#include "crypto.h"
#include "translate/ir-vec-ext.h"

/* AES and SHA-256 as the IR's vector kinds (ir-vec-ext.h), which the
 * backend runs on AES-NI and SHA-NI: the kind and its operands, from
 * Vd (D), Vn (N) and Vm (M).  The other operations use the helper. */
enum { OPS_N = 1, OPS_DN, OPS_DNM };

static const struct {
    uint8_t kind, ops;
} crypto_vec[CRYPTO_OP_COUNT] = {
    [CRYPTO_OP_AESE] = { IR_VEC_AESE, OPS_DN },
    [CRYPTO_OP_AESD] = { IR_VEC_AESD, OPS_DN },
    [CRYPTO_OP_AESMC] = { IR_VEC_AESMC, OPS_N },
    [CRYPTO_OP_AESIMC] = { IR_VEC_AESIMC, OPS_N },
    [CRYPTO_OP_SHA256H] = { IR_VEC_SHA256H, OPS_DNM },
    [CRYPTO_OP_SHA256H2] = { IR_VEC_SHA256H2, OPS_DNM },
    [CRYPTO_OP_SHA256SU0] = { IR_VEC_SHA256SU0, OPS_DN },
    [CRYPTO_OP_SHA256SU1] = { IR_VEC_SHA256SU1, OPS_DNM },
};

static IRTemp gen_vreg_v(DisasContext *s, unsigned reg)
{
    IRTemp t = a64_tmp(s, IR_V128);
    ir_vldenv(IRB(s), t, vreg_off(reg, 0));
    return t;
}

static void gen_crypto_vec(DisasContext *s, uint32_t insn, unsigned op)
{
    unsigned kind = crypto_vec[op].kind;
    IRTemp r = a64_tmp(s, IR_V128), n = gen_vreg_v(s, rn(insn));

    switch (crypto_vec[op].ops) {
    case OPS_N:
        ir_vec1(IRB(s), kind, 0, r, n, 0);
        break;
    case OPS_DN:
        ir_vec2(IRB(s), kind, 0, r, gen_vreg_v(s, rd(insn)), n, 0);
        break;
    default:
        ir_vec3(IRB(s), kind, 0, r, gen_vreg_v(s, rd(insn)), n, gen_vreg_v(s, rm(insn)));
        break;
    }
    ir_vstenv(IRB(s), r, vreg_off(rd(insn), 0));
}

/* Vd := op(Vd, Vn, Vm, Va) through the helper, when the model has feat. */
static bool gen_crypto(DisasContext *s, uint32_t insn, unsigned feat,
                       unsigned op, unsigned imm)
{
    if (!A64_HAS(s, feat))
        return false;
    if (a64_vec_ir && crypto_vec[op].ops) {
        gen_crypto_vec(s, insn, op);
        return true;
    }
    a64_crypto_init();
    IRTemp desc = a64_const(s, IR_I64, crypto_desc(op, rd(insn), rn(insn), rm(insn),
                                                   ra(insn), imm));
    ir_call(IRB(s), &helper_desc_crypto, IR_NONE, IR_ENV, desc, IR_NONE, IR_NONE, IR_NONE);
    return true;
}

/* The SHA3 bitwise operations on each 64-bit half. */
enum { SHA3_EOR3, SHA3_BCAX, SHA3_RAX1, SHA3_XAR };

static IRTemp gen_sha3_half(DisasContext *s, uint32_t insn, unsigned kind, unsigned h)
{
    IRBlock *B = IRB(s);
    IRTemp n = gen_vreg_ld(s, rn(insn), h), m = gen_vreg_ld(s, rm(insn), h);
    IRTemp r = a64_tmp(s, IR_I64);

    switch (kind) {
    case SHA3_EOR3:
        ir_xor(B, IR_I64, r, n, m);
        ir_xor(B, IR_I64, r, r, gen_vreg_ld(s, ra(insn), h));
        break;
    case SHA3_BCAX:
        ir_andc(B, IR_I64, r, m, gen_vreg_ld(s, ra(insn), h));
        ir_xor(B, IR_I64, r, n, r);
        break;
    case SHA3_RAX1:
        ir_rotl(B, IR_I64, r, m, a64_const(s, IR_I64, 1));
        ir_xor(B, IR_I64, r, n, r);
        break;
    default:
        ir_xor(B, IR_I64, r, n, m);
        ir_rotr(B, IR_I64, r, r, a64_const(s, IR_I64, imm6(insn)));
        break;
    }
    return r;
}

static bool gen_sha3(DisasContext *s, uint32_t insn, unsigned kind)
{
    if (!A64_HAS(s, A64_FEAT_SHA3))
        return false;
    /* Both halves are computed before Vd is written: Vd may be a source. */
    IRTemp lo = gen_sha3_half(s, insn, kind, 0);
    IRTemp hi = gen_sha3_half(s, insn, kind, 1);
    gen_vreg_st2(s, rd(insn), lo, hi, true);
    return true;
}

#define CRYPTO(name, feat) \
    TRANS(name, gen_crypto, A64_FEAT_##feat, CRYPTO_OP_##name, 0)

CRYPTO(AESE, AES)
CRYPTO(AESD, AES)
CRYPTO(AESMC, AES)
CRYPTO(AESIMC, AES)
CRYPTO(SHA1C, SHA1)
CRYPTO(SHA1P, SHA1)
CRYPTO(SHA1M, SHA1)
CRYPTO(SHA1H, SHA1)
CRYPTO(SHA1SU0, SHA1)
CRYPTO(SHA1SU1, SHA1)
CRYPTO(SHA256H, SHA2)
CRYPTO(SHA256H2, SHA2)
CRYPTO(SHA256SU0, SHA2)
CRYPTO(SHA256SU1, SHA2)
CRYPTO(SHA512H, SHA512)
CRYPTO(SHA512H2, SHA512)
CRYPTO(SHA512SU0, SHA512)
CRYPTO(SHA512SU1, SHA512)
CRYPTO(SM3SS1, SM3)
CRYPTO(SM3PARTW1, SM3)
CRYPTO(SM3PARTW2, SM3)
CRYPTO(SM4E, SM4)
CRYPTO(SM4EKEY, SM4)
/* SM3TT*: imm2 (bits 13:12) selects the element of Vm. */
TRANS(SM3TT1A, gen_crypto, A64_FEAT_SM3, CRYPTO_OP_SM3TT1A, bits(insn, 12, 2))
TRANS(SM3TT1B, gen_crypto, A64_FEAT_SM3, CRYPTO_OP_SM3TT1B, bits(insn, 12, 2))
TRANS(SM3TT2A, gen_crypto, A64_FEAT_SM3, CRYPTO_OP_SM3TT2A, bits(insn, 12, 2))
TRANS(SM3TT2B, gen_crypto, A64_FEAT_SM3, CRYPTO_OP_SM3TT2B, bits(insn, 12, 2))
TRANS(EOR3, gen_sha3, SHA3_EOR3)
TRANS(BCAX, gen_sha3, SHA3_BCAX)
TRANS(RAX1, gen_sha3, SHA3_RAX1)
TRANS(XAR, gen_sha3, SHA3_XAR)

const DecodePattern a64_crypto_patterns[] = {
    /* Cryptographic AES */
    { "01001110 00 10100 00100 10 nnnnn ddddd", trans_AESE, "AESE" },
    { "01001110 00 10100 00101 10 nnnnn ddddd", trans_AESD, "AESD" },
    { "01001110 00 10100 00110 10 nnnnn ddddd", trans_AESMC, "AESMC" },
    { "01001110 00 10100 00111 10 nnnnn ddddd", trans_AESIMC, "AESIMC" },
    /* Cryptographic three-register SHA */
    { "01011110 00 0 mmmmm 0 000 00 nnnnn ddddd", trans_SHA1C, "SHA1C" },
    { "01011110 00 0 mmmmm 0 001 00 nnnnn ddddd", trans_SHA1P, "SHA1P" },
    { "01011110 00 0 mmmmm 0 010 00 nnnnn ddddd", trans_SHA1M, "SHA1M" },
    { "01011110 00 0 mmmmm 0 011 00 nnnnn ddddd", trans_SHA1SU0, "SHA1SU0" },
    { "01011110 00 0 mmmmm 0 100 00 nnnnn ddddd", trans_SHA256H, "SHA256H" },
    { "01011110 00 0 mmmmm 0 101 00 nnnnn ddddd", trans_SHA256H2, "SHA256H2" },
    { "01011110 00 0 mmmmm 0 110 00 nnnnn ddddd", trans_SHA256SU1, "SHA256SU1" },
    /* Cryptographic two-register SHA */
    { "01011110 00 10100 00000 10 nnnnn ddddd", trans_SHA1H, "SHA1H" },
    { "01011110 00 10100 00001 10 nnnnn ddddd", trans_SHA1SU1, "SHA1SU1" },
    { "01011110 00 10100 00010 10 nnnnn ddddd", trans_SHA256SU0, "SHA256SU0" },
    /* Cryptographic three-register SHA512 */
    { "11001110 011 mmmmm 1 0 00 00 nnnnn ddddd", trans_SHA512H, "SHA512H" },
    { "11001110 011 mmmmm 1 0 00 01 nnnnn ddddd", trans_SHA512H2, "SHA512H2" },
    { "11001110 011 mmmmm 1 0 00 10 nnnnn ddddd", trans_SHA512SU1, "SHA512SU1" },
    { "11001110 011 mmmmm 1 0 00 11 nnnnn ddddd", trans_RAX1, "RAX1" },
    { "11001110 011 mmmmm 1 1 00 00 nnnnn ddddd", trans_SM3PARTW1, "SM3PARTW1" },
    { "11001110 011 mmmmm 1 1 00 01 nnnnn ddddd", trans_SM3PARTW2, "SM3PARTW2" },
    { "11001110 011 mmmmm 1 1 00 10 nnnnn ddddd", trans_SM4EKEY, "SM4EKEY" },
    /* Cryptographic two-register SHA512 */
    { "11001110 110 00000 1000 00 nnnnn ddddd", trans_SHA512SU0, "SHA512SU0" },
    { "11001110 110 00000 1000 01 nnnnn ddddd", trans_SM4E, "SM4E" },
    /* Cryptographic four-register */
    { "110011100 00 mmmmm 0 aaaaa nnnnn ddddd", trans_EOR3, "EOR3" },
    { "110011100 01 mmmmm 0 aaaaa nnnnn ddddd", trans_BCAX, "BCAX" },
    { "110011100 10 mmmmm 0 aaaaa nnnnn ddddd", trans_SM3SS1, "SM3SS1" },
    /* XAR */
    { "11001110100 mmmmm iiiiii nnnnn ddddd", trans_XAR, "XAR" },
    /* Cryptographic three-register, imm2 */
    { "11001110010 mmmmm 10 ii 00 nnnnn ddddd", trans_SM3TT1A, "SM3TT1A" },
    { "11001110010 mmmmm 10 ii 01 nnnnn ddddd", trans_SM3TT1B, "SM3TT1B" },
    { "11001110010 mmmmm 10 ii 10 nnnnn ddddd", trans_SM3TT2A, "SM3TT2A" },
    { "11001110010 mmmmm 10 ii 11 nnnnn ddddd", trans_SM3TT2B, "SM3TT2B" },
    { NULL },
};
