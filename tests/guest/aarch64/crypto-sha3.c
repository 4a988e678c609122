/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FEAT_SHA3 through the ACLE intrinsics: Keccak-f[1600] written with EOR3
 * (theta's column parities), RAX1 (theta's D), XAR (theta applied with
 * rho's rotation) and BCAX (chi), two states side by side in the lanes.
 * Checked against the FIPS 202 SHA3-256 digests of "" (lane 0) and "abc"
 * (lane 1), and SHAKE128("") (both lanes: another rate and domain byte).
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const uint64_t RC[24] = {
    0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000,
    0x000000000000808b, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008a, 0x0000000000000088, 0x0000000080008009, 0x000000008000000a,
    0x000000008000808b, 0x800000000000008b, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
};

/* B[pi(x, y)] = ROL(A[x, y] ^ D[x], r) as XAR's rotate right by 64 - r;
 * pi sends (x, y) to (y, 2x + 3y). */
#define RHOPI(x, y, r) \
    b[(y) + 5 * ((2 * (x) + 3 * (y)) % 5)] = vxarq_u64(a[(x) + 5 * (y)], d[x], (64 - (r)) % 64)

static void keccak(uint64x2_t a[25])
{
    for (int round = 0; round < 24; round++) {
        uint64x2_t c[5], d[5], b[25];
        for (int x = 0; x < 5; x++)
            c[x] = veor3q_u64(veor3q_u64(a[x], a[x + 5], a[x + 10]), a[x + 15], a[x + 20]);
        for (int x = 0; x < 5; x++)
            d[x] = vrax1q_u64(c[(x + 4) % 5], c[(x + 1) % 5]);
        RHOPI(0, 0, 0);  RHOPI(1, 0, 1);  RHOPI(2, 0, 62); RHOPI(3, 0, 28); RHOPI(4, 0, 27);
        RHOPI(0, 1, 36); RHOPI(1, 1, 44); RHOPI(2, 1, 6);  RHOPI(3, 1, 55); RHOPI(4, 1, 20);
        RHOPI(0, 2, 3);  RHOPI(1, 2, 10); RHOPI(2, 2, 43); RHOPI(3, 2, 25); RHOPI(4, 2, 39);
        RHOPI(0, 3, 41); RHOPI(1, 3, 45); RHOPI(2, 3, 15); RHOPI(3, 3, 21); RHOPI(4, 3, 8);
        RHOPI(0, 4, 18); RHOPI(1, 4, 2);  RHOPI(2, 4, 61); RHOPI(3, 4, 56); RHOPI(4, 4, 14);
        for (int y = 0; y < 25; y += 5)
            for (int x = 0; x < 5; x++)
                a[y + x] = vbcaxq_u64(b[y + x], b[y + (x + 2) % 5], b[y + (x + 1) % 5]);
        a[0] = veorq_u64(a[0], vdupq_n_u64(RC[round]));
    }
}

static int bad;

/* Absorb msg[lane] (one block of rate bytes, domain byte dom), permute,
 * print the first len bytes of each lane. */
static void sponge(const char *name, const char *msg[2], unsigned rate, uint8_t dom,
                   size_t len, const char *want[2])
{
    uint64x2_t a[25];
    uint8_t blk[2][200];

    for (int l = 0; l < 2; l++) {
        memset(blk[l], 0, sizeof(blk[l]));
        memcpy(blk[l], msg[l], strlen(msg[l]));
        blk[l][strlen(msg[l])] = dom;
        blk[l][rate - 1] |= 0x80;
    }
    for (int i = 0; i < 25; i++) {
        uint64_t w0, w1;
        memcpy(&w0, blk[0] + 8 * i, 8);
        memcpy(&w1, blk[1] + 8 * i, 8);
        a[i] = vcombine_u64(vcreate_u64(w0), vcreate_u64(w1));
    }
    keccak(a);
    for (int l = 0; l < 2; l++) {
        char s[129];
        for (size_t i = 0; i < len; i++) {
            uint64_t w = l ? vgetq_lane_u64(a[i / 8], 1) : vgetq_lane_u64(a[i / 8], 0);
            sprintf(s + 2 * i, "%02x", (unsigned)(uint8_t)(w >> (8 * (i % 8))));
        }
        int ok = !strcmp(s, want[l]);
        bad += !ok;
        printf("%-9s %s %s\n", name, s, ok ? "ok" : "BAD");
    }
}

int main(void)
{
    const char *m[2] = { "", "abc" };
    const char *w[2] = {
        "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a",
        "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
    };
    sponge("sha3-256", m, 136, 0x06, 32, w);
    const char *m2[2] = { "", "" };
    const char *w2[2] = {
        "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26",
        "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26",
    };
    sponge("shake128", m2, 168, 0x1f, 32, w2);
    printf("%s\n", bad ? "FAILED" : "all ok");
    return bad != 0;
}
