/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SHA-1, SHA-256 and SHA-512 through the ACLE crypto intrinsics (SHA1C/P/M,
 * SHA1H, SHA1SU0/1, SHA256H/H2, SHA256SU0/1, SHA512H/H2, SHA512SU0/1),
 * checked against the FIPS 180-4 example digests of "abc" and of the
 * two-block 448-bit message.  Prints each digest and "ok" or "BAD".
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char *const msgs[2] = {
    "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
};

/* Pads msg into blocks of bs bytes (big-endian bit length in lenbytes). */
static size_t pad(const char *msg, uint8_t *buf, size_t bs, size_t lenbytes)
{
    size_t n = strlen(msg), total = (n + 1 + lenbytes + bs - 1) / bs * bs;
    memset(buf, 0, total);
    memcpy(buf, msg, n);
    buf[n] = 0x80;
    for (size_t i = 0; i < 8; i++)
        buf[total - 1 - i] = (uint8_t)((n * 8) >> (8 * i));
    return total / bs;
}

static int check(const char *name, const uint8_t *got, size_t len, const char *hex)
{
    char s[129];
    for (size_t i = 0; i < len; i++)
        sprintf(s + 2 * i, "%02x", got[i]);
    int ok = !strcmp(s, hex);
    printf("%-8s %s %s\n", name, s, ok ? "ok" : "BAD");
    return !ok;
}

/* ---- SHA-1 ---- */

static void sha1_block(uint32_t st[5], const uint8_t *p)
{
    static const uint32_t K[4] = { 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6 };
    uint32x4_t w[20];
    uint32x4_t abcd = vld1q_u32(st);
    uint32_t e = st[4];

    for (int i = 0; i < 4; i++)
        w[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p + 16 * i)));
    for (int i = 4; i < 20; i++)
        w[i] = vsha1su1q_u32(vsha1su0q_u32(w[i - 4], w[i - 3], w[i - 2]), w[i - 1]);
    for (int g = 0; g < 20; g++) {
        uint32x4_t wk = vaddq_u32(w[g], vdupq_n_u32(K[g / 5]));
        uint32_t e1 = vsha1h_u32(vgetq_lane_u32(abcd, 0));
        if (g < 5)
            abcd = vsha1cq_u32(abcd, e, wk);
        else if (g < 10 || g >= 15)
            abcd = vsha1pq_u32(abcd, e, wk);
        else
            abcd = vsha1mq_u32(abcd, e, wk);
        e = e1;
    }
    vst1q_u32(st, vaddq_u32(vld1q_u32(st), abcd));
    st[4] += e;
}

static int test_sha1(void)
{
    static const char *const want[2] = {
        "a9993e364706816aba3e25717850c26c9cd0d89d",
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
    };
    int bad = 0;
    for (int m = 0; m < 2; m++) {
        uint8_t buf[256], out[20];
        uint32_t st[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };
        size_t nb = pad(msgs[m], buf, 64, 8);
        for (size_t b = 0; b < nb; b++)
            sha1_block(st, buf + 64 * b);
        for (int i = 0; i < 20; i++)
            out[i] = (uint8_t)(st[i / 4] >> (24 - 8 * (i % 4)));
        bad += check("sha1", out, 20, want[m]);
    }
    return bad;
}

/* ---- SHA-256 ---- */

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_block(uint32_t st[8], const uint8_t *p)
{
    uint32x4_t w[16];
    uint32x4_t abcd = vld1q_u32(st), efgh = vld1q_u32(st + 4);

    for (int i = 0; i < 4; i++)
        w[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p + 16 * i)));
    for (int i = 4; i < 16; i++)
        w[i] = vsha256su1q_u32(vsha256su0q_u32(w[i - 4], w[i - 3]), w[i - 2], w[i - 1]);
    for (int g = 0; g < 16; g++) {
        uint32x4_t wk = vaddq_u32(w[g], vld1q_u32(K256 + 4 * g));
        uint32x4_t t = abcd;
        abcd = vsha256hq_u32(abcd, efgh, wk);
        efgh = vsha256h2q_u32(efgh, t, wk);
    }
    vst1q_u32(st, vaddq_u32(vld1q_u32(st), abcd));
    vst1q_u32(st + 4, vaddq_u32(vld1q_u32(st + 4), efgh));
}

static int test_sha256(void)
{
    static const char *const want[2] = {
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    };
    int bad = 0;
    for (int m = 0; m < 2; m++) {
        uint8_t buf[256], out[32];
        uint32_t st[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                           0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
        size_t nb = pad(msgs[m], buf, 64, 8);
        for (size_t b = 0; b < nb; b++)
            sha256_block(st, buf + 64 * b);
        for (int i = 0; i < 32; i++)
            out[i] = (uint8_t)(st[i / 4] >> (24 - 8 * (i % 4)));
        bad += check("sha256", out, 32, want[m]);
    }
    return bad;
}

/* ---- SHA-512 ---- */

static const uint64_t K512[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
    0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
    0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
    0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
};

/* Two rounds per SHA512H/SHA512H2 pair: SHA512H gives T1 of both rounds
 * from (f, g), (d, e) and W + K + h; SHA512H2 the new a of both. */
static void sha512_block(uint64_t st[8], const uint8_t *p)
{
    uint64x2_t w[40];
    uint64_t a = st[0], b = st[1], c = st[2], d = st[3];
    uint64_t e = st[4], f = st[5], g = st[6], h = st[7];

    for (int i = 0; i < 8; i++)
        w[i] = vreinterpretq_u64_u8(vrev64q_u8(vld1q_u8(p + 16 * i)));
    for (int i = 8; i < 40; i++)
        w[i] = vsha512su1q_u64(vsha512su0q_u64(w[i - 8], w[i - 7]), w[i - 1],
                               vextq_u64(w[i - 4], w[i - 3], 1));
    for (int t = 0; t < 80; t += 2) {
        uint64x2_t wk = vaddq_u64(w[t / 2], vld1q_u64(K512 + t));
        uint64x2_t hw = vcombine_u64(vcreate_u64(g + vgetq_lane_u64(wk, 1)),
                                     vcreate_u64(h + vgetq_lane_u64(wk, 0)));
        uint64x2_t t1 = vsha512hq_u64(hw, vcombine_u64(vcreate_u64(f), vcreate_u64(g)),
                                      vcombine_u64(vcreate_u64(d), vcreate_u64(e)));
        uint64x2_t na = vsha512h2q_u64(t1, vcombine_u64(vcreate_u64(c), vcreate_u64(0)),
                                       vcombine_u64(vcreate_u64(a), vcreate_u64(b)));
        uint64_t e1 = d + vgetq_lane_u64(t1, 1), e2 = c + vgetq_lane_u64(t1, 0);
        h = f; g = e; f = e1; e = e2;
        d = b; c = a; b = vgetq_lane_u64(na, 1); a = vgetq_lane_u64(na, 0);
    }
    st[0] += a; st[1] += b; st[2] += c; st[3] += d;
    st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}

static int test_sha512(void)
{
    static const char *const want[2] = {
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c335"
        "96fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445",
    };
    int bad = 0;
    for (int m = 0; m < 2; m++) {
        uint8_t buf[256], out[64];
        uint64_t st[8] = {
            0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
            0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
        };
        size_t nb = pad(msgs[m], buf, 128, 16);
        for (size_t b = 0; b < nb; b++)
            sha512_block(st, buf + 128 * b);
        for (int i = 0; i < 64; i++)
            out[i] = (uint8_t)(st[i / 8] >> (56 - 8 * (i % 8)));
        bad += check("sha512", out, 64, want[m]);
    }
    return bad;
}

int main(void)
{
    int bad = test_sha1() + test_sha256() + test_sha512();
    printf("%s\n", bad ? "FAILED" : "all ok");
    return bad != 0;
}
