/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of vfpop on the x86-64 backend (translate/x86_64/lower-vfp.c):
 * which results the host's SSE keeps and which go to the helper, and that
 * nothing is lost on the way there and back.  The helper here is a model
 * (host C arithmetic, lane by lane) that counts its calls, reads its
 * operands from env and writes the result and the sticky bit there, as
 * ir_vfpop's contract says; the result must always be the model's, and
 * the helper must run exactly when
 *   - the control word asks for something else than round to nearest,
 *     or the sticky bit (Inexact) is clear;
 *   - a lane of the 8 or 16 result bytes is a NaN, an infinity, a
 *     subnormal, the smallest normal, or a zero that is not exact (a zero
 *     sum or difference is; a product, quotient or fused product is when
 *     an operand the op names is zero);
 *   - the host lacks FMA3 (fused kinds) or SSE4.2 (doubles).
 * Values live across a call -- cached v128 temps, general registers,
 * globals -- must come back unchanged.  Prints "N passed, N failed".
 */
#include <fenv.h>
#include <math.h>
#include "test-x64.h"
#include "xorshift.h"

static uint64_t rng = 0x5eed5eed5eedull;
static uint64_t rnd(void) { return xorshift64(&rng); }
static unsigned rndn(unsigned n) { return (unsigned)(rnd() % n); }

#define FPCR_RMODE (3u << 22)
#define FPSR_IXC   (1u << 4)

static const IRFpFast test_fast = {
    .ctl_off = ENV_OFF(fpcr), .ctl_mask = FPCR_RMODE | 1u << 24,
    .sticky_off = ENV_OFF(fpsr), .sticky_bit = FPSR_IXC,
};

/* ---- the model helper: desc = kind | esize << 8 | oprsz << 12 |
 * regs n, m, a (2 bits each) << 20, 22, 24 | d << 26 ---- */

static unsigned calls;

/* One lane of kind on values of type T (fused: FMA, FMS). */
#define LANE_FN(T, FMA)                                         \
    static T lane_##T(unsigned kind, T x, T y, T z)             \
    {                                                           \
        switch (kind) {                                         \
        case IR_VEC_FADD: return x + y;                         \
        case IR_VEC_FSUB: return x - y;                         \
        case IR_VEC_FMUL: return x * y;                         \
        case IR_VEC_FDIV: return x / y;                         \
        case IR_VEC_FMA:  return FMA(x, y, z);                  \
        default:          return FMA(-x, y, z);                 \
        }                                                       \
    }
LANE_FN(float, fmaf)
LANE_FN(double, fma)

static void lane_op(unsigned kind, unsigned esize, uint8_t *r, const uint8_t *a,
                    const uint8_t *n, const uint8_t *m)
{
    if (esize == 2) {
        float x, y, z, v;
        memcpy(&x, n, 4), memcpy(&y, m, 4), memcpy(&z, a, 4);
        v = lane_float(kind, x, y, z);
        memcpy(r, &v, 4);
    } else {
        double x, y, z, v;
        memcpy(&x, n, 8), memcpy(&y, m, 8), memcpy(&z, a, 8);
        v = lane_double(kind, x, y, z);
        memcpy(r, &v, 8);
    }
}

/* The result; whether any lane was inexact. */
static bool model(uint32_t desc, uint8_t out[16], const uint8_t *a, const uint8_t *n,
                  const uint8_t *m)
{
    unsigned kind = desc & 0xff, esize = (desc >> 8) & 3, oprsz = (desc >> 12) & 31;

    memset(out, 0, 16);
    feclearexcept(FE_ALL_EXCEPT);
    for (unsigned i = 0; i < oprsz; i += 1u << esize)
        lane_op(kind, esize, out + i, a + i, n + i, m + i);
    return fetestexcept(FE_INEXACT);
}

static uint64_t h_model(uint64_t envp, uint64_t desc)
{
    TestEnv *e = (TestEnv *)envp;
    uint8_t out[16];

    calls++;
    if (model((uint32_t)desc, out, e->v[(desc >> 24) & 3], e->v[(desc >> 20) & 3],
              e->v[(desc >> 22) & 3]))
        e->fpsr |= FPSR_IXC;
    memcpy(e->v[(desc >> 26) & 3], out, 16);
    return 0;
}

static IRHelper helper_model = { (void *)h_model, "vfp_model", 2, 0, 0 };

/* ---- one block ---- */

typedef struct Case {
    unsigned kind, esize, oprsz;
    unsigned n, m, a, d;      /* env vector registers */
    uint32_t fpcr, fpsr;
    bool live;                /* keep values live across the op */
} Case;

static bool fused(unsigned kind)
{
    return kind == IR_VEC_FMA || kind == IR_VEC_FMS;
}

/* Runs c on the registers' current contents; the helper's call count. */
static unsigned run_case(const Case *c, const char *what)
{
    uint32_t desc = c->kind | c->esize << 8 | c->oprsz << 12 | c->n << 20 | c->m << 22 |
                    c->a << 24 | c->d << 26;
    unsigned z1 = IR_VFP_NOZ, z2 = IR_VFP_NOZ;
    uint8_t want[16], in_v[4][16];
    IRBlock *b = begin();
    IRTemp n = L(IR_V128), m = L(IR_V128), a = IR_NONE, d = L(IR_V128), keep[12];
    IRTemp gl = L(IR_I64);
    unsigned nkeep = c->live ? 12 : 0;
    bool inexact;

    if (c->kind != IR_VEC_FADD && c->kind != IR_VEC_FSUB)
        z1 = (unsigned)ENV_OFF(v[c->n]);
    if (c->kind == IR_VEC_FMUL || fused(c->kind))
        z2 = (unsigned)ENV_OFF(v[c->m]);
    memcpy(in_v, env.v, sizeof(in_v));
    inexact = model(desc, want, env.v[c->a], env.v[c->n], env.v[c->m]);
    env.fpcr = c->fpcr;
    env.fpsr = c->fpsr;

    /* values that live across the op: v128 temps filling the cache,
     * a local and a global in general registers */
    for (unsigned i = 0; i < nkeep; i++) {
        keep[i] = L(IR_V128);
        ir_vdup(b, 3, keep[i], K(IR_I64, 0x1111111111111111ull * (i + 1)));
    }
    ir_movi(b, IR_I64, gl, 0x123456789abcdefull);
    ir_add(b, IR_I64, R[3], R[3], K(IR_I64, 5));
    ir_vldenv(b, n, ENV_OFF(v[c->n]));
    ir_vldenv(b, m, ENV_OFF(v[c->m]));
    if (fused(c->kind)) {
        a = L(IR_V128);
        ir_vldenv(b, a, ENV_OFF(v[c->a]));
        ir_vfpop(b, c->kind, c->esize, c->oprsz, &helper_model, desc, d, a, n, m,
                 ENV_OFF(v[c->d]), z1, z2);
    } else {
        ir_vfpop(b, c->kind, c->esize, c->oprsz, &helper_model, desc, d, n, m, IR_NONE,
                 ENV_OFF(v[c->d]), z1, z2);
    }
    ir_vstenv(b, d, ENV_OFF(v[c->d]));
    ir_vget(b, 3, R[0], d, 0);
    ir_vget(b, 3, R[1], d, 1);
    for (unsigned i = 0; i < nkeep; i++) {
        IRTemp x = L(IR_I64);
        ir_vget(b, 3, x, keep[i], i & 1);
        ir_xor(b, IR_I64, R[2], R[2], x);
    }
    ir_add(b, IR_I64, R[4], gl, R[3]);
    if (!finish())
        return ~0u;
    env.r[2] = 0;
    env.r[3] = 100;
    calls = 0;
    run(&cur_tb);
    uint64_t lo, hi, x = 0;
    memcpy(&lo, want, 8);
    memcpy(&hi, want + 8, 8);
    for (unsigned i = 0; i < nkeep; i++)
        x ^= 0x1111111111111111ull * (i + 1);
    check(env.r[0] == lo && env.r[1] == hi && !memcmp(env.v[c->d], want, 16),
          "%s: %s.%u/%u result %016llx%016llx, want %016llx%016llx", what,
          ir_vec_name(c->kind), c->esize, c->oprsz, (unsigned long long)env.r[1],
          (unsigned long long)env.r[0], (unsigned long long)hi, (unsigned long long)lo);
    check(env.r[2] == x && env.r[3] == 105 && env.r[4] == 0x123456789abcdefull + 105,
          "%s: values live across the op lost (%llx %llu %llx)", what,
          (unsigned long long)env.r[2], (unsigned long long)env.r[3],
          (unsigned long long)env.r[4]);
    for (unsigned i = 0; i < 4; i++)
        check(i == c->d || !memcmp(env.v[i], in_v[i], 16), "%s: v%u changed", what, i);
    check(env.fpsr == (c->fpsr | (inexact ? FPSR_IXC : 0)),
          "%s: %s.%u/%u FPSR %#x from %#x, inexact %d", what, ir_vec_name(c->kind), c->esize,
          c->oprsz, env.fpsr, c->fpsr, inexact);
    return calls;
}

/* ---- lane values ---- */

static void set_f(unsigned reg, unsigned lane, float f)
{
    memcpy(env.v[reg] + 4 * lane, &f, 4);
}

static void set_d(unsigned reg, unsigned lane, double f)
{
    memcpy(env.v[reg] + 8 * lane, &f, 8);
}

/* v0, v1, v2 = plain normal numbers in every lane. */
static void plain(void)
{
    for (unsigned i = 0; i < 4; i++) {
        set_f(0, i, 1.5f + (float)i);
        set_f(1, i, -3.25f * (float)(i + 1));
        set_f(2, i, 0.375f);
    }
    memset(env.v[3], 0xee, 16);
}

static void plain_d(void)
{
    for (unsigned i = 0; i < 2; i++) {
        set_d(0, i, 1.5 + i);
        set_d(1, i, -3.25 * (i + 1));
        set_d(2, i, 0.375);
    }
    memset(env.v[3], 0xee, 16);
}

static void expect(const Case *c, unsigned want_calls, const char *what)
{
    unsigned got = run_case(c, what);
    check(got == want_calls, "%s: %s.%u/%u called the helper %u times, want %u", what,
          ir_vec_name(c->kind), c->esize, c->oprsz, got, want_calls);
}

static void test_conditions(void)
{
    static const unsigned kinds[] = {
        IR_VEC_FADD, IR_VEC_FSUB, IR_VEC_FMUL, IR_VEC_FDIV, IR_VEC_FMA, IR_VEC_FMS,
    };

    for (unsigned k = 0; k < 6; k++) {
        for (unsigned es = 2; es <= 3; es++) {
            for (unsigned sz = 8; sz <= 16; sz += 8) {
                Case c = { kinds[k], es, sz, 0, 1, 2, 3, 0, FPSR_IXC, false };
                unsigned host = !(fused(c.kind) && !x64_features.fma) &&
                                !(es == 3 && !x64_features.sse42);
                if (es == 3 && sz == 8)
                    continue;
                (es == 2 ? plain : plain_d)();
                expect(&c, !host, "normal lanes");
                /* Inexact clear: the host's result still, IXC raised
                 * only if this one was inexact (lanes 0 exact, 1 not) */
                c.fpsr = 0;
                expect(&c, !host, "Inexact clear");
                if (es == 2) {
                    set_f(0, 1, 1.0f / 3.0f);
                    set_f(1, 1, 0x1p-20f + 1.0f);
                } else {
                    set_d(0, 1, 1.0 / 3.0);
                    set_d(1, 1, 0x1p-50 + 1.0);
                }
                expect(&c, !host, "Inexact clear, an inexact lane");
                if (es == 2 && sz == 8) {
                    plain();
                    set_f(0, 2, 1.0f / 3.0f);
                    set_f(1, 2, 0x1p-20f + 1.0f);
                    set_f(2, 3, 0x1p-20f + 1.0f);
                    expect(&c, !host, "Inexact clear, inexact beyond the 8 bytes");
                }
                (es == 2 ? plain : plain_d)();
                c.fpsr = FPSR_IXC;
                c.fpcr = 1u << 22;
                expect(&c, 1, "round towards plus infinity");
                c.fpcr = 1u << 24;
                expect(&c, 1, "flush to zero");
                c.fpcr = 0;
                c.live = true;
                expect(&c, !host, "normal lanes, values live");
                /* a special operand in the last lane of the result */
                if (es == 2)
                    set_f(0, sz / 4 - 1, NAN);
                else
                    set_d(0, 1, NAN);
                expect(&c, 1, "a NaN lane, values live");
                c.live = false;
                /* out of the 8 bytes, the same lane does not count */
                if (es == 2 && sz == 8) {
                    plain();
                    set_f(0, 3, NAN);
                    set_f(1, 2, INFINITY);
                    expect(&c, !host, "specials beyond the 8 bytes");
                }
                /* the same register as two operands, and as the result */
                (es == 2 ? plain : plain_d)();
                c.m = 0;
                c.d = 0;
                expect(&c, !host, "one register three times");
            }
        }
    }
}

/* Zeros: exact (a - a, 0 * x, 0 / x, a + 0 * x) stay on the host; an
 * underflow to zero, a denormal, the smallest normal, an overflow go to
 * the helper. */
static void test_results(void)
{
    Case c = { IR_VEC_FSUB, 2, 16, 0, 0, 2, 3, 0, FPSR_IXC, false };
    bool fma = x64_features.fma;

    plain();
    expect(&c, 0, "a - a");
    c.kind = IR_VEC_FADD;
    c.m = 1;
    set_f(1, 2, -(1.5f + 2));
    expect(&c, 0, "a + -a");
    plain();
    c.kind = IR_VEC_FMUL;
    set_f(1, 1, 0.0f);
    set_f(0, 3, -0.0f);
    expect(&c, 0, "0 * x and x * -0");
    set_f(0, 0, 1e-30f);
    set_f(1, 0, 1e-30f);
    expect(&c, 1, "an underflow to zero");
    plain();
    set_f(0, 2, 1e-20f);
    set_f(1, 2, 1e-20f);
    expect(&c, 1, "a subnormal product");
    plain();
    set_f(0, 1, 0x1p-126f);
    set_f(1, 1, 1.0f);
    expect(&c, 1, "the smallest normal");
    plain();
    set_f(0, 1, 0x1p100f);
    set_f(1, 1, 0x1p100f);
    expect(&c, 1, "an overflow");
    plain();
    c.kind = IR_VEC_FDIV;
    set_f(0, 0, 0.0f);
    expect(&c, 0, "0 / x");
    set_f(1, 1, 0.0f);
    expect(&c, 1, "x / 0");
    plain();
    set_f(1, 1, INFINITY);
    expect(&c, 1, "x / inf (exact, but not a zero dividend)");
    plain();
    c.kind = IR_VEC_FMA;
    c.a = 2;
    set_f(1, 0, 0.0f);
    set_f(2, 0, 0.0f);
    expect(&c, !fma, "0 + 0 * x");
    plain_d();
    c.esize = 3;
    c.kind = IR_VEC_FMUL;
    set_d(0, 1, 1e-300);
    set_d(1, 1, 1e-300);
    expect(&c, 1, "a double underflow");
    plain_d();
    set_d(0, 0, 0.0);
    expect(&c, !x64_features.sse42, "a double 0 * x");
}

/* Random operands of every kind, many of them edge values; the result
 * must be the model's whichever way it went. */
static void test_random(void)
{
    static const float fv[] = {
        0.0f, -0.0f, 1.0f, -2.5f, 0x1p-126f, 0x1.8p-126f, 0x1p-149f, 0x1p127f, 3e38f,
        INFINITY, -INFINITY, NAN, 1e-20f, 7.0f, 1e20f,
    };
    static const double dv[] = {
        0.0, -0.0, 1.0, -2.5, 0x1p-1022, 0x1.8p-1022, 0x1p-1074, 0x1p1023, 1.7e308,
        INFINITY, -INFINITY, NAN, 1e-200, 7.0, 1e200,
    };

    for (unsigned t = 0; t < 400; t++) {
        Case c = { IR_VEC_FADD + rndn(4), 2 + rndn(2), 16, rndn(4), rndn(4), rndn(4),
                   rndn(4), 0, rndn(2) ? FPSR_IXC : 0, rndn(2) };
        if (rndn(3) == 0)
            c.kind = rndn(2) ? IR_VEC_FMA : IR_VEC_FMS;
        if (c.esize == 2 && rndn(2))
            c.oprsz = 8;
        for (unsigned r = 0; r < 4; r++)
            for (unsigned i = 0; i < 4; i++) {
                if (c.esize == 2)
                    set_f(r, i, rndn(2) ? fv[rndn(15)] : (float)(rnd() % 2001) / 7.0f - 100);
                else if (i < 2)
                    set_d(r, i, rndn(2) ? dv[rndn(15)] : (double)(rnd() % 2001) / 7.0 - 100);
            }
        run_case(&c, "random");
    }
}

int main(void)
{
    X64Features saved;

    if (!setup())
        return 77;
    ir_fp_fast = &test_fast;
    test_conditions();
    test_results();
    test_random();
    /* the same on a host without FMA3 and SSE4.2: the helper for those */
    saved = x64_features;
    x64_features.fma = false;
    x64_features.sse42 = false;
    test_conditions();
    test_random();
    x64_features = saved;
    return finish_tests();
}
