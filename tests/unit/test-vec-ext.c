/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the IR's extra vector kinds (translate/ir-vec-ext.h: the
 * saturating narrowings and the cryptographic kinds; IR_VEC_REV) and
 * their x86-64 lowering (lower-vec.c):
 *   - the new encodings (AES-NI, SHA-NI, PCLMULQDQ, PHADD, signed packs,
 *     PSHUFLW/PSHUFHW) against capstone;
 *   - the C definition against known answers: AES-128 encryption and
 *     decryption of FIPS-197 appendix C.1 written as a guest would (AESE,
 *     AESMC, AESD, AESIMC), SHA-256("abc") of FIPS 180-4 written with
 *     SHA256H/H2/SU0/SU1 as in the Arm ARM's example, and a carry-less
 *     product checked bit by bit;
 *   - the narrowings against a plain C model on edge lanes, REV against
 *     its byte permutations;
 *   - every kind as one JIT-compiled block (the SSE packs, AES-NI/SHA-NI/
 *     PCLMULQDQ on a host that has them, the C fallback otherwise)
 *     against the C definition on random and edge inputs.
 * Prints "N passed, N failed"; exit status 0 on success.
 */
#include <capstone/capstone.h>
#include "test-x64.h"
#include "translate/ir-vec-ext.h"
#include "xorshift.h"

/* ---- encodings ---- */

static csh cs;
static uint8_t encbuf[64];

static void check_enc(X64SseOp2 op, const char *name, int d, int s)
{
    X64Emit e = { encbuf, 0x10000, 0, sizeof(encbuf), NULL };
    char want[64], got[192] = "";
    cs_insn *insn;
    size_t n;

    emit_sse2_rr(&e, op, d, s);
    snprintf(want, sizeof(want), "%s xmm%d, xmm%d", name, d, s);
    n = cs_disasm(cs, e.buf, e.pos, e.rx, 0, &insn);
    if (n == 1)
        snprintf(got, sizeof(got), "%s %s", insn[0].mnemonic, insn[0].op_str);
    if (n)
        cs_free(insn, n);
    check(n == 1 && !strcmp(got, want), "encoding: got \"%s\", want \"%s\"", got, want);
}

static void test_encodings(void)
{
    static const char *const names[X64_SSE2_COUNT] = {
        "aesenc", "aesenclast", "aesdec", "aesdeclast", "aesimc",
        "sha256rnds2", "sha256msg1", "sha256msg2", "phaddw", "phaddd", "packsswb", "packssdw",
    };
    static const int regs[][2] = { { 0, 1 }, { 9, 3 }, { 2, 15 } };

    for (unsigned op = 0; op < X64_SSE2_COUNT; op++)
        for (unsigned r = 0; r < 3; r++)
            check_enc((X64SseOp2)op, names[op], regs[r][0], regs[r][1]);

    X64Emit e = { encbuf, 0x10000, 0, sizeof(encbuf), NULL };
    cs_insn *insn;
    emit_pclmulqdq(&e, 10, 2, 0x11);
    size_t n = cs_disasm(cs, e.buf, e.pos, e.rx, 0, &insn);
    check(n == 1 && !strcmp(insn[0].mnemonic, "pclmulqdq") &&
          !strcmp(insn[0].op_str, "xmm10, xmm2, 0x11"), "pclmulqdq encoding");
    if (n)
        cs_free(insn, n);

    for (int hi = 0; hi < 2; hi++) {
        X64Emit w = { encbuf, 0x10000, 0, sizeof(encbuf), NULL };
        emit_pshufw(&w, hi, 9, 3, 0xb1);
        emit_pshufw(&w, hi, 1, 12, 0x1b);
        n = cs_disasm(cs, w.buf, w.pos, w.rx, 0, &insn);
        const char *mn = hi ? "pshufhw" : "pshuflw";
        check(n == 2 && !strcmp(insn[0].mnemonic, mn) && !strcmp(insn[0].op_str, "xmm9, xmm3, 0xb1") &&
              !strcmp(insn[1].mnemonic, mn) && !strcmp(insn[1].op_str, "xmm1, xmm12, 0x1b"),
              "%s encoding", mn);
        if (n)
            cs_free(insn, n);
    }
}

/* ---- known answers through the C definition ---- */

static IRVec ev(unsigned kind, unsigned imm, const IRVec *a, const IRVec *b, const IRVec *c)
{
    IRVec d;
    ir_vec_eval(kind, 0, imm, &d, a, b, c);
    return d;
}

static IRVec ev3(unsigned kind, unsigned esize, const IRVec *a, const IRVec *b)
{
    IRVec d;
    ir_vec_eval(kind, esize, 0, &d, a, b, NULL);
    return d;
}

static IRVec vxor(IRVec a, IRVec b)
{
    a.u64[0] ^= b.u64[0];
    a.u64[1] ^= b.u64[1];
    return a;
}

static void bytes(IRVec *v, const char *hex)
{
    for (unsigned i = 0; i < 16; i++)
        sscanf(hex + 2 * i, "%2hhx", &v->u8[i]);
}

/* AES-128 key expansion (FIPS-197 5.2); SubWord through AESE of a state
 * whose four columns are the word (ShiftRows leaves it alone). */
static void aes_expand(const IRVec *key, IRVec rk[11])
{
    static const uint8_t rcon[10] = { 1, 2, 4, 8, 16, 32, 64, 128, 0x1b, 0x36 };
    IRVec zero = { .u64 = { 0, 0 } };

    rk[0] = *key;
    for (unsigned i = 1; i < 11; i++) {
        uint32_t w = rk[i - 1].u32[3];
        w = w >> 8 | w << 24;   /* RotWord on little-endian bytes */
        IRVec t = { .u32 = { w, w, w, w } };
        t = ev(IR_VEC_AESE, 0, &t, &zero, NULL);
        w = t.u32[0] ^ rcon[i - 1];
        for (unsigned j = 0; j < 4; j++)
            rk[i].u32[j] = w ^= rk[i - 1].u32[j];
    }
}

static void test_aes_kat(void)
{
    IRVec key, pt, ct, rk[11], s;

    bytes(&key, "000102030405060708090a0b0c0d0e0f");
    bytes(&pt, "00112233445566778899aabbccddeeff");
    bytes(&ct, "69c4e0d86a7b0430d8cdb78070b4c55a");
    aes_expand(&key, rk);
    s = pt;
    for (unsigned i = 0; i < 9; i++) {
        s = ev(IR_VEC_AESE, 0, &s, &rk[i], NULL);
        s = ev(IR_VEC_AESMC, 0, &s, NULL, NULL);
    }
    s = vxor(ev(IR_VEC_AESE, 0, &s, &rk[9], NULL), rk[10]);
    check(!memcmp(&s, &ct, 16), "AES-128 FIPS-197 C.1 encryption");

    /* the equivalent inverse cipher: InvMixColumns of the middle keys */
    s = ev(IR_VEC_AESD, 0, &ct, &rk[10], NULL);
    for (unsigned i = 9; i >= 1; i--) {
        IRVec k = ev(IR_VEC_AESIMC, 0, &rk[i], NULL, NULL);
        s = ev(IR_VEC_AESIMC, 0, &s, NULL, NULL);
        s = ev(IR_VEC_AESD, 0, &s, &k, NULL);
    }
    s = vxor(s, rk[0]);
    check(!memcmp(&s, &pt, 16), "AES-128 FIPS-197 C.1 decryption");

    /* the same with the fused round steps opt-vec.c makes */
    s = pt;
    for (unsigned i = 0; i < 9; i++)
        s = ev(IR_VEC_AESEMC, 0, &s, &rk[i], NULL);
    s = vxor(ev(IR_VEC_AESE, 0, &s, &rk[9], NULL), rk[10]);
    check(!memcmp(&s, &ct, 16), "AES-128 encryption, AESE + AESMC fused");
    s = ev(IR_VEC_AESDIMC, 0, &ct, &rk[10], NULL);
    for (unsigned i = 9; i >= 2; i--) {
        IRVec k = ev(IR_VEC_AESIMC, 0, &rk[i], NULL, NULL);
        s = ev(IR_VEC_AESDIMC, 0, &s, &k, NULL);
    }
    IRVec k1 = ev(IR_VEC_AESIMC, 0, &rk[1], NULL, NULL);
    s = vxor(ev(IR_VEC_AESD, 0, &s, &k1, NULL), rk[0]);
    check(!memcmp(&s, &pt, 16), "AES-128 decryption, AESD + AESIMC fused");
}

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* One SHA-256 block as the Arm ARM's SHA256H/H2/SU0/SU1 sequence. */
static void sha256_block(uint32_t h[8], const uint32_t w[16])
{
    IRVec abcd, efgh, msg[4];

    memcpy(abcd.u32, h, 16);
    memcpy(efgh.u32, h + 4, 16);
    for (unsigned i = 0; i < 4; i++)
        memcpy(msg[i].u32, w + 4 * i, 16);
    for (unsigned r = 0; r < 16; r++) {
        IRVec wk = msg[r & 3], old = abcd;
        for (unsigned j = 0; j < 4; j++)
            wk.u32[j] += sha_k[4 * r + j];
        abcd = ev(IR_VEC_SHA256H, 0, &abcd, &efgh, &wk);
        efgh = ev(IR_VEC_SHA256H2, 0, &efgh, &old, &wk);
        if (r < 12) {
            IRVec t = ev(IR_VEC_SHA256SU0, 0, &msg[r & 3], &msg[(r + 1) & 3], NULL);
            msg[r & 3] = ev(IR_VEC_SHA256SU1, 0, &t, &msg[(r + 2) & 3], &msg[(r + 3) & 3]);
        }
    }
    for (unsigned i = 0; i < 4; i++) {
        h[i] += abcd.u32[i];
        h[4 + i] += efgh.u32[i];
    }
}

static void test_sha256_kat(void)
{
    uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    static const uint32_t want[8] = { 0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223,
                                      0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad };
    uint32_t w[16] = { 0x61626380, [15] = 24 };

    sha256_block(h, w);
    check(!memcmp(h, want, sizeof(want)), "SHA-256(\"abc\") through SHA256H/H2/SU0/SU1");
}

static void test_clmul_kat(void)
{
    IRVec a = { .u64 = { 0x8000000000000001ull, 3 } }, b = { .u64 = { 7, 0x8000000000000000ull } };
    IRVec d = ev(IR_VEC_CLMUL, 0x00, &a, &b, NULL);
    /* (x^63 + 1)(x^2 + x + 1) */
    check(d.u64[0] == 0x8000000000000007ull && d.u64[1] == 3, "clmul lo*lo");
    d = ev(IR_VEC_CLMUL, 0x11, &a, &b, NULL);
    check(d.u64[0] == 0x8000000000000000ull && d.u64[1] == 1, "clmul hi*hi");
}

/* ---- the JIT against the C definition ---- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void) { return xorshift64(&rng); }

/* A v128 local from the two quadwords of v. */
static IRTemp vconst(IRBlock *b, const IRVec *v)
{
    IRTemp t = L(IR_V128), u = L(IR_V128);
    ir_vdup(b, 3, t, K(IR_I64, v->u64[0]));
    ir_vset(b, 3, u, t, K(IR_I64, v->u64[1]), 1);
    return u;
}

/* A random lane value, often an edge one (0, all ones, the signed
 * extremes and their neighbours, the narrow maxima). */
static uint64_t rnd_lanes(void)
{
    static const uint64_t edge[] = {
        0, ~0ull, 0x8000800080008000ull, 0x7fff7fff7fff7fffull, 0x00ff00ff00ff00ffull,
        0x0100010001000100ull, 0xff80ff80ff80ff80ull, 0x007f007f007f007full,
        0x8000000080000000ull, 0x7fffffff7fffffffull, 0x0000ffff0000ffffull,
        0x00010000ffff8000ull, 0xffff7fff80000000ull,
    };
    uint64_t r = rnd();
    return r % 3 ? rnd() : edge[(r >> 8) % (sizeof(edge) / sizeof(edge[0]))];
}

static void jit_one(unsigned kind, unsigned nin, unsigned esize, unsigned imm)
{
    IRVec in[3], want;
    IRBlock *b = begin();
    IRTemp t[3], d = L(IR_V128);

    for (unsigned i = 0; i < 3; i++) {
        in[i].u64[0] = rnd_lanes();
        in[i].u64[1] = rnd_lanes();
        t[i] = vconst(b, &in[i]);
    }
    if (nin == 1)
        ir_vec1(b, kind, esize, d, t[0], imm);
    else if (nin == 2)
        ir_vec2(b, kind, esize, d, t[0], t[1], imm);
    else
        ir_vec3(b, kind, esize, d, t[0], t[1], t[2]);
    ir_vget(b, 3, R[0], d, 0);
    ir_vget(b, 3, R[1], d, 1);
    if (!finish())
        return;
    run(&cur_tb);
    ir_vec_eval(kind, esize, imm, &want, &in[0], &in[1], &in[2]);
    check(env.r[0] == want.u64[0] && env.r[1] == want.u64[1],
          "jit %s.%u imm %#x: %016llx%016llx, want %016llx%016llx", ir_vec_name(kind), esize, imm,
          (unsigned long long)env.r[1], (unsigned long long)env.r[0],
          (unsigned long long)want.u64[1], (unsigned long long)want.u64[0]);
}

static void test_jit(void)
{
    static const struct { unsigned kind, nin; } kinds[] = {
        { IR_VEC_AESE, 2 }, { IR_VEC_AESD, 2 }, { IR_VEC_CLMUL, 2 }, { IR_VEC_SHA256SU0, 2 },
        { IR_VEC_AESMC, 1 }, { IR_VEC_AESIMC, 1 }, { IR_VEC_AESEMC, 2 }, { IR_VEC_AESDIMC, 2 },
        { IR_VEC_SHA256H, 3 }, { IR_VEC_SHA256H2, 3 }, { IR_VEC_SHA256SU1, 3 },
    };

    for (unsigned k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
        for (unsigned i = 0; i < 20; i++)
            jit_one(kinds[k].kind, kinds[k].nin, 0,
                    kinds[k].kind == IR_VEC_CLMUL ? (i & 1) | (i & 2) << 3 : 0);
    for (unsigned kind = IR_VEC_SQXTN; kind <= IR_VEC_SQXTUN; kind++)
        for (unsigned esize = 1; esize <= 3; esize++)
            for (unsigned i = 0; i < 40; i++)
                jit_one(kind, 2, esize, 0);
    /* REV16/REV32/REV64 of every lane size below the container */
    for (unsigned esize = 0; esize <= 2; esize++)
        for (unsigned imm = esize + 1; imm <= 3; imm++)
            for (unsigned i = 0; i < 10; i++)
                jit_one(IR_VEC_REV, 1, esize, imm);
}

/* IR_VEC_REV against a direct model: the bytes 0..15 reversed in their
 * containers, lanes kept whole. */
static void test_rev_model(void)
{
    static const uint8_t want[3][3][16] = {
        {   /* bytes in 16-, 32-, 64-bit containers */
            { 1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14 },
            { 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12 },
            { 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8 },
        }, {   /* halfwords in 32-, 64-bit containers */
            { 0 }, { 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13 },
            { 6, 7, 4, 5, 2, 3, 0, 1, 14, 15, 12, 13, 10, 11, 8, 9 },
        }, {   /* words in 64-bit containers */
            { 0 }, { 0 }, { 4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11 },
        },
    };
    IRVec a, d;

    for (unsigned i = 0; i < 16; i++)
        a.u8[i] = (uint8_t)i;
    for (unsigned esize = 0; esize <= 2; esize++)
        for (unsigned imm = esize + 1; imm <= 3; imm++) {
            ir_vec_eval(IR_VEC_REV, esize, imm, &d, &a, NULL, NULL);
            check(memcmp(d.u8, want[esize][imm - 1], 16) == 0, "rev.%u in 1 << %u bytes", esize, imm);
        }
}

/* The narrowings against a direct model: 16-bit lanes to 8 bits. */
static void test_narrow_model(void)
{
    static const int32_t in[8] = { 0, 1, -1, 127, 128, -129, 32767, -32768 };
    IRVec a, z = { .u64 = { 0, 0 } };

    for (unsigned i = 0; i < 8; i++)
        a.u16[i] = (uint16_t)in[i];
    IRVec s = ev3(IR_VEC_SQXTN, 1, &a, &z), u = ev3(IR_VEC_UQXTN, 1, &a, &z);
    IRVec su = ev3(IR_VEC_SQXTUN, 1, &a, &z);
    for (unsigned i = 0; i < 8; i++) {
        int32_t x = in[i];
        uint32_t ux = (uint16_t)x;
        check((int8_t)s.u8[i] == (x > 127 ? 127 : x < -128 ? -128 : x), "sqxtn lane %u", i);
        check(u.u8[i] == (ux > 255 ? 255 : ux), "uqxtn lane %u", i);
        check(su.u8[i] == (x > 255 ? 255 : x < 0 ? 0 : x), "sqxtun lane %u", i);
        check(s.u8[8 + i] == 0 && u.u8[8 + i] == 0 && su.u8[8 + i] == 0, "upper half %u", i);
    }
}

int main(void)
{
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK) {
        printf("capstone unavailable\n");
        return 1;
    }
    test_encodings();
    cs_close(&cs);
    test_aes_kat();
    test_sha256_kat();
    test_clmul_kat();
    test_narrow_model();
    test_rev_model();
    if (!setup())
        return 1;
    test_jit();
    return finish_tests();
}
