/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every crypto instruction on pseudo-random inputs: each prints a hash of
 * its results over 64 input triples, so a wrong lane, a wrong immediate or
 * a missing case shows as a changed line.  Also the forms where Vd is a
 * source too (Vd == Vn, Vd == Vm), written in inline assembly.  The
 * .expect comes from qemu-aarch64 -cpu max.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t rs = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
    rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17;
    return rs;
}

static uint8x16_t rv(void)
{
    return vreinterpretq_u8_u64(vcombine_u64(vcreate_u64(rnd()), vcreate_u64(rnd())));
}

static uint64_t h;

static void mix(uint8x16_t v)
{
    uint64x2_t w = vreinterpretq_u64_u8(v);
    h = (h ^ vgetq_lane_u64(w, 0)) * 0x100000001b3ull;
    h = (h ^ vgetq_lane_u64(w, 1)) * 0x100000001b3ull;
}

#define U32(v) vreinterpretq_u32_u8(v)
#define U64(v) vreinterpretq_u64_u8(v)
#define B32(v) vreinterpretq_u8_u32(v)
#define B64(v) vreinterpretq_u8_u64(v)

#define RUN(name, expr) do { \
        h = 0xcbf29ce484222325ull; rs = 0x9e3779b97f4a7c15ull; \
        for (int i = 0; i < 64; i++) { \
            uint8x16_t a = rv(), b = rv(), c = rv(); \
            mix(expr); \
        } \
        printf("%-10s %016llx\n", name, (unsigned long long)h); \
    } while (0)

/* "op Vd, Vn, Vm" with Vd also the first source, and Vd == Vn. */
#define ASM3(name, insn) do { \
        h = 0xcbf29ce484222325ull; rs = 0x9e3779b97f4a7c15ull; \
        for (int i = 0; i < 16; i++) { \
            uint8x16_t a = rv(), b = rv(); \
            __asm__(insn " %0, %0, %1" : "+w"(a) : "w"(b)); \
            mix(a); \
        } \
        printf("%-10s %016llx\n", name, (unsigned long long)h); \
    } while (0)

int main(void)
{
    RUN("aese", vaeseq_u8(a, b));
    RUN("aesd", vaesdq_u8(a, b));
    RUN("aesmc", vaesmcq_u8(a));
    RUN("aesimc", vaesimcq_u8(a));
    RUN("sha1c", B32(vsha1cq_u32(U32(a), vgetq_lane_u32(U32(b), 1), U32(c))));
    RUN("sha1p", B32(vsha1pq_u32(U32(a), vgetq_lane_u32(U32(b), 2), U32(c))));
    RUN("sha1m", B32(vsha1mq_u32(U32(a), vgetq_lane_u32(U32(b), 3), U32(c))));
    RUN("sha1h", B32(vdupq_n_u32(vsha1h_u32(vgetq_lane_u32(U32(a), 0)))));
    RUN("sha1su0", B32(vsha1su0q_u32(U32(a), U32(b), U32(c))));
    RUN("sha1su1", B32(vsha1su1q_u32(U32(a), U32(b))));
    RUN("sha256h", B32(vsha256hq_u32(U32(a), U32(b), U32(c))));
    RUN("sha256h2", B32(vsha256h2q_u32(U32(a), U32(b), U32(c))));
    RUN("sha256su0", B32(vsha256su0q_u32(U32(a), U32(b))));
    RUN("sha256su1", B32(vsha256su1q_u32(U32(a), U32(b), U32(c))));
    RUN("sha512h", B64(vsha512hq_u64(U64(a), U64(b), U64(c))));
    RUN("sha512h2", B64(vsha512h2q_u64(U64(a), U64(b), U64(c))));
    RUN("sha512su0", B64(vsha512su0q_u64(U64(a), U64(b))));
    RUN("sha512su1", B64(vsha512su1q_u64(U64(a), U64(b), U64(c))));
    RUN("eor3", veor3q_u8(a, b, c));
    RUN("bcax", vbcaxq_u8(a, b, c));
    RUN("rax1", B64(vrax1q_u64(U64(a), U64(b))));
    RUN("xar0", B64(vxarq_u64(U64(a), U64(b), 0)));
    RUN("xar1", B64(vxarq_u64(U64(a), U64(b), 1)));
    RUN("xar63", B64(vxarq_u64(U64(a), U64(b), 63)));
    RUN("sm3ss1", B32(vsm3ss1q_u32(U32(a), U32(b), U32(c))));
    RUN("sm3tt1a0", B32(vsm3tt1aq_u32(U32(a), U32(b), U32(c), 0)));
    RUN("sm3tt1a3", B32(vsm3tt1aq_u32(U32(a), U32(b), U32(c), 3)));
    RUN("sm3tt1b1", B32(vsm3tt1bq_u32(U32(a), U32(b), U32(c), 1)));
    RUN("sm3tt2a2", B32(vsm3tt2aq_u32(U32(a), U32(b), U32(c), 2)));
    RUN("sm3tt2b3", B32(vsm3tt2bq_u32(U32(a), U32(b), U32(c), 3)));
    RUN("sm3partw1", B32(vsm3partw1q_u32(U32(a), U32(b), U32(c))));
    RUN("sm3partw2", B32(vsm3partw2q_u32(U32(a), U32(b), U32(c))));
    RUN("sm4e", B32(vsm4eq_u32(U32(a), U32(b))));
    RUN("sm4ekey", B32(vsm4ekeyq_u32(U32(a), U32(b))));
    RUN("pmull", vreinterpretq_u8_p128(vmull_p64(vgetq_lane_u64(U64(a), 0),
                                                 vgetq_lane_u64(U64(b), 1))));
    RUN("pmull2", vreinterpretq_u8_p128(vmull_high_p64(vreinterpretq_p64_u8(a),
                                                      vreinterpretq_p64_u8(b))));
    ASM3("aese=", "aese %0.16b, %0.16b //");
    ASM3("sha1su0=", "sha1su0 %0.4s, %0.4s, %1.4s //");
    ASM3("sha256su1=", "sha256su1 %0.4s, %0.4s, %1.4s //");
    ASM3("sha512h=", "sha512h %q0, %q0, %1.2d //");
    ASM3("sha512su1=", "sha512su1 %0.2d, %0.2d, %1.2d //");
    ASM3("eor3=", "eor3 %0.16b, %0.16b, %1.16b, %0.16b //");
    ASM3("bcax=", "bcax %0.16b, %1.16b, %0.16b, %0.16b //");
    ASM3("xar=", "xar %0.2d, %0.2d, %1.2d, #17 //");
    ASM3("sm3tt2b=", "sm3tt2b %0.4s, %0.4s, %1.s[2] //");
    ASM3("sm4ekey=", "sm4ekey %0.4s, %0.4s, %1.4s //");
    return 0;
}
