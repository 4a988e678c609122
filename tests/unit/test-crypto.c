/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the crypto helper (translate/aarch64/helper-crypto.c): the
 * host paths (AES-NI for AESE/AESD/AESMC/AESIMC, SHA-NI for SHA256H/H2/SU0/SU1,
 * PCLMULQDQ for PMULL 1Q) and the plain C paths must give the same bits on
 * random inputs, and the
 * C path must give the FIPS-197 appendix B first-round values.  The guest
 * tests (tests/guest/aarch64/crypto-*.c) check the whole hashes and
 * ciphers on the path the host selects; this one covers the other path.
 * Prints "N passed, N failed, N skipped" (skipped: the host lacks AES-NI
 * or SHA-NI, so there is nothing to compare with).
 */
#include <stdio.h>
#include <string.h>
#include "translate/aarch64/crypto.h"
#include "xorshift.h"

static unsigned pass, fail, skip;

static uint64_t rs = 0x2545f4914f6cdd1dull;

static uint64_t rnd(void) { return xorshift64(&rs); }

static void result(const char *name, bool ok)
{
    if (ok) {
        pass++;
    } else {
        fail++;
        printf("FAIL %s\n", name);
    }
}

/* Run op on 1000 random inputs with the host path and with the C path. */
static void compare(const char *name, unsigned op, bool host_ok)
{
    bool same = true;

    if (!host_ok) {
        skip++;
        printf("SKIP %s: the host lacks the instructions\n", name);
        return;
    }
    for (unsigned i = 0; i < 1000; i++) {
        CryptoVec d, n, m, a, d2;
        for (unsigned k = 0; k < 2; k++) {
            d.u64[k] = rnd(); n.u64[k] = rnd(); m.u64[k] = rnd(); a.u64[k] = rnd();
        }
        d2 = d;
        a64_crypto_host = true;
        a64_crypto_op(op, &d, &n, &m, &a, 0);
        a64_crypto_host = false;
        a64_crypto_op(op, &d2, &n, &m, &a, 0);
        same &= !memcmp(&d, &d2, 16);
    }
    result(name, same);
}

/* FIPS-197 appendix B, round 1: start of round (after the initial
 * AddRoundKey) 193de3bea0f4e22b9ac68d2ae9f84808, after SubBytes and
 * ShiftRows d4bf5d30e0b452aeb84111f11e2798e5, after MixColumns
 * 046681e5e0cb199a48f8d37a2806264c. */
static void fips197_round(void)
{
    static const uint8_t start[16] = {
        0x19, 0x3d, 0xe3, 0xbe, 0xa0, 0xf4, 0xe2, 0x2b,
        0x9a, 0xc6, 0x8d, 0x2a, 0xe9, 0xf8, 0x48, 0x08,
    };
    static const uint8_t shifted[16] = {
        0xd4, 0xbf, 0x5d, 0x30, 0xe0, 0xb4, 0x52, 0xae,
        0xb8, 0x41, 0x11, 0xf1, 0x1e, 0x27, 0x98, 0xe5,
    };
    static const uint8_t mixed[16] = {
        0x04, 0x66, 0x81, 0xe5, 0xe0, 0xcb, 0x19, 0x9a,
        0x48, 0xf8, 0xd3, 0x7a, 0x28, 0x06, 0x26, 0x4c,
    };
    CryptoVec d = { 0 }, n, z = { 0 };

    a64_crypto_host = false;
    memcpy(n.u8, start, 16);
    a64_crypto_op(CRYPTO_OP_AESE, &d, &n, &z, &z, 0);
    result("AESE (C) FIPS-197 B round 1", !memcmp(d.u8, shifted, 16));
    n = d;
    a64_crypto_op(CRYPTO_OP_AESMC, &d, &n, &z, &z, 0);
    result("AESMC (C) FIPS-197 B round 1", !memcmp(d.u8, mixed, 16));
    n = d;
    a64_crypto_op(CRYPTO_OP_AESIMC, &d, &n, &z, &z, 0);
    result("AESIMC (C) inverts AESMC", !memcmp(d.u8, shifted, 16));
    n = d;
    d = z;
    a64_crypto_op(CRYPTO_OP_AESD, &d, &n, &z, &z, 0);
    result("AESD (C) inverts AESE", !memcmp(d.u8, start, 16));
}

static void compare_clmul(bool host_ok)
{
    bool same = true;

    if (!host_ok) {
        skip++;
        printf("SKIP PMULL 1Q host == C: the host lacks PCLMULQDQ\n");
        return;
    }
    for (unsigned i = 0; i < 1000; i++) {
        uint64_t x = rnd(), y = rnd(), r1[2], r2[2];
        a64_crypto_host = true;
        a64_clmul64(x, y, r1);
        a64_crypto_host = false;
        a64_clmul64(x, y, r2);
        same &= r1[0] == r2[0] && r1[1] == r2[1];
    }
    result("PMULL 1Q host == C", same);
}

int main(void)
{
    a64_crypto_init();
    bool aes = __builtin_cpu_supports("aes") && __builtin_cpu_supports("sse4.1");
    bool sha = aes && __builtin_cpu_supports("sha");

    fips197_round();
    compare("AESE host == C", CRYPTO_OP_AESE, aes);
    compare("AESD host == C", CRYPTO_OP_AESD, aes);
    compare("AESMC host == C", CRYPTO_OP_AESMC, aes);
    compare("AESIMC host == C", CRYPTO_OP_AESIMC, aes);
    compare("SHA256H host == C", CRYPTO_OP_SHA256H, sha);
    compare("SHA256H2 host == C", CRYPTO_OP_SHA256H2, sha);
    compare("SHA256SU0 host == C", CRYPTO_OP_SHA256SU0, sha);
    compare("SHA256SU1 host == C", CRYPTO_OP_SHA256SU1, sha);
    compare_clmul(__builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1"));
    printf("%u passed, %u failed, %u skipped\n", pass, fail, skip);
    return fail != 0;
}
