/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internal to the cryptographic extension: the decoder (crypto.c) and its
 * C helper (helper-crypto.c).  Every crypto instruction but the SHA3
 * bitwise ones and (unless GUISE_SIMD_HELPERS is set) AES and SHA-256,
 * which are IR in crypto.c, becomes one call of helper_crypto(env,
 * desc), where desc packs the operation (CRYPTO_OP_*), the register numbers
 * and an immediate.  The helper reads Vd, Vn, Vm and Va whole, runs the
 * operation and writes the whole of Vd.
 *
 * AES, SHA-256 and the 64-bit carry-less multiply (PMULL 1Q, decoded in
 * simd-int.c) run on the host's AES-NI, SHA-NI and PCLMULQDQ when cpuid
 * reports them (a64_crypto_host), with a plain C path beside each; the unit test
 * tests/unit/test-crypto.c checks that both paths agree.
 */
#ifndef GUISE_A64_CRYPTO_H
#define GUISE_A64_CRYPTO_H

#include <stdbool.h>
#include <stdint.h>

enum {
    CRYPTO_OP_AESE, CRYPTO_OP_AESD, CRYPTO_OP_AESMC, CRYPTO_OP_AESIMC,
    CRYPTO_OP_SHA1C, CRYPTO_OP_SHA1P, CRYPTO_OP_SHA1M, CRYPTO_OP_SHA1H,
    CRYPTO_OP_SHA1SU0, CRYPTO_OP_SHA1SU1,
    CRYPTO_OP_SHA256H, CRYPTO_OP_SHA256H2, CRYPTO_OP_SHA256SU0, CRYPTO_OP_SHA256SU1,
    CRYPTO_OP_SHA512H, CRYPTO_OP_SHA512H2, CRYPTO_OP_SHA512SU0, CRYPTO_OP_SHA512SU1,
    CRYPTO_OP_SM3SS1, CRYPTO_OP_SM3TT1A, CRYPTO_OP_SM3TT1B,
    CRYPTO_OP_SM3TT2A, CRYPTO_OP_SM3TT2B, CRYPTO_OP_SM3PARTW1, CRYPTO_OP_SM3PARTW2,
    CRYPTO_OP_SM4E, CRYPTO_OP_SM4EKEY,
    CRYPTO_OP_COUNT
};

/* desc: rd | rn << 5 | rm << 10 | ra << 15 | imm << 20 | op << 26. */
static inline uint64_t crypto_desc(unsigned op, unsigned rd, unsigned rn,
                                   unsigned rm, unsigned ra, unsigned imm)
{
    return (uint64_t)rd | (uint64_t)rn << 5 | (uint64_t)rm << 10 |
           (uint64_t)ra << 15 | (uint64_t)(imm & 63) << 20 | (uint64_t)op << 26;
}

/* A vector register's 16 bytes as the crypto operations see them. */
typedef union CryptoVec {
    uint8_t u8[16];
    uint32_t u32[4];
    uint64_t u64[2];
} CryptoVec;

/* d := op(d, n, m, a, imm), the whole of Vd (d holds old Vd on entry). */
void a64_crypto_op(unsigned op, CryptoVec *d, const CryptoVec *n,
                   const CryptoVec *m, const CryptoVec *a, unsigned imm);

/* The 128-bit carry-less product of x and y (PMULL 1Q): r[0] low half.
 * PCLMULQDQ when a64_crypto_host, else plain C. */
void a64_clmul64(uint64_t x, uint64_t y, uint64_t r[2]);

/* Use the host's AES-NI / SHA-NI / PCLMULQDQ when true (set from cpuid on first use;
 * tests clear it to run the C paths). */
extern bool a64_crypto_host;
void a64_crypto_init(void);

uint64_t helper_crypto(uint64_t env, uint64_t desc);
extern struct IRHelper helper_desc_crypto;

#endif
