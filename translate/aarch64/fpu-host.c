/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The aarch64 FP operations that round (fpu.h): FADD, FSUB, FMUL, FDIV,
 * FSQRT, FMULX, FABD, the fused multiply-add and the fused Newton-Raphson
 * steps FRECPS/FRSQRTS.  They run on the host FPU, which rounds exactly as
 * IEEE 754 asks; only the Arm-specific parts are done in C around it:
 * operand NaN selection and the default NaN, FZ flushing of inputs and
 * outputs, and tininess.  x86 detects underflow after rounding, Arm before
 * it; they only disagree when the host result is the smallest normal, so
 * that case is recomputed rounding towards zero, which stays below the
 * smallest normal exactly when the exact result does.
 *
 * Half precision computes in double (exactly, or rounding towards zero
 * with a sticky bit), then rounds once in C (host_arith16 says why that is
 * exact).
 *
 * Changing MXCSR costs more than the operation, so in round-to-nearest with
 * operands well inside the normal range a fast path computes in the host's
 * default environment and finds Inexact from the operation's exact error;
 * once FPSR.IXC is already set, a sticky fast path skips even that.
 */
#include <fenv.h>
#include <math.h>
#include <string.h>
#include "fpu-impl.h"

/* ---- the host FPU ---- */

/* Enter: set the host rounding mode and clear its flags; leave: restore
 * the host state and return the flags raised meanwhile as FPSR bits. */
#if defined(__x86_64__)
typedef uint32_t HostFpEnv;

static inline HostFpEnv host_fp_enter(FpuRounding rm)
{
    /* MXCSR.RC: 0 nearest, 1 down, 2 up, 3 zero; all exceptions masked,
     * no FTZ/DAZ (flushing is done in C, the Arm way). */
    static const uint8_t rc[4] = { 0, 2, 1, 3 };
    uint32_t old, m = 0x1f80u | (uint32_t)rc[rm & 3] << 13;

    __asm__ volatile("stmxcsr %0" : "=m"(old) : : "memory");
    __asm__ volatile("ldmxcsr %0" : : "m"(m) : "memory");
    return old;
}

static inline uint32_t host_fp_leave(HostFpEnv old)
{
    uint32_t m;

    __asm__ volatile("stmxcsr %0" : "=m"(m) : : "memory");
    __asm__ volatile("ldmxcsr %0" : : "m"(old) : "memory");
    /* IE -> IOC; ZE, OE, UE, PE (bits 2-5) -> DZC, OFC, UFC, IXC (1-4). */
    return (m & 1) | ((m >> 1) & 0x1e);
}
#else
typedef fenv_t HostFpEnv;

static inline HostFpEnv host_fp_enter(FpuRounding rm)
{
    static const int mode[4] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO };
    fenv_t old;

    feholdexcept(&old);
    fesetround(mode[rm & 3]);
    return old;
}

static inline uint32_t host_fp_leave(HostFpEnv old)
{
    int e = fetestexcept(FE_ALL_EXCEPT);

    fesetenv(&old);
    return ((e & FE_INVALID) ? FPU_FPSR_IOC : 0) | ((e & FE_DIVBYZERO) ? FPU_FPSR_DZC : 0) |
           ((e & FE_OVERFLOW) ? FPU_FPSR_OFC : 0) | ((e & FE_UNDERFLOW) ? FPU_FPSR_UFC : 0) |
           ((e & FE_INEXACT) ? FPU_FPSR_IXC : 0);
}
#endif

typedef enum FpuOp {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT,
    OP_FMA,      /* a * b + c */
    OP_RSQRTS,   /* (3 + a * b) / 2, a single rounding */
} FpuOp;

/* Can x be halved exactly?  (Not at the bottom exponent with an odd
 * significand.) */
static inline bool half_exact(const FpuFmt *f, uint64_t x)
{
    return f_exp(f, x) > 1 || !(x & 1);
}

/* The operation on host floats.  Values go through volatile objects so the
 * compiler can neither fold them nor move them out of the window where the
 * host rounding mode is set. */
static uint64_t host_op32(FpuOp op, uint32_t a, uint32_t b, uint32_t c)
{
    volatile float x, y, z, r;
    uint32_t out;

    memcpy((void *)&x, &a, 4);
    memcpy((void *)&y, &b, 4);
    memcpy((void *)&z, &c, 4);
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV: r = x / y; break;
#if defined(__x86_64__)
    case OP_SQRT: { float t = x; __asm__ volatile("sqrtss %1, %0" : "=x"(t) : "x"(t)); r = t; break; }
#else
    case OP_SQRT: r = sqrtf(x); break;
#endif
    case OP_FMA: r = fmaf(x, y, z); break;
    case OP_RSQRTS:
        /* 1.5 + (a/2) * b when halving is exact; otherwise both operands
         * are tiny, 3 + a*b is close to 3 and halving it is exact. */
        if (half_exact(&fmt32, a))
            r = fmaf(x * 0.5f, y, 1.5f);
        else if (half_exact(&fmt32, b))
            r = fmaf(x, y * 0.5f, 1.5f);
        else
            r = fmaf(x, y, 3.0f) * 0.5f;
        break;
    default: r = 0; break;
    }
    memcpy(&out, (const void *)&r, 4);
    return out;
}

static uint64_t host_op64(FpuOp op, uint64_t a, uint64_t b, uint64_t c)
{
    volatile double x, y, z, r;
    uint64_t out;

    memcpy((void *)&x, &a, 8);
    memcpy((void *)&y, &b, 8);
    memcpy((void *)&z, &c, 8);
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV: r = x / y; break;
#if defined(__x86_64__)
    case OP_SQRT: { double t = x; __asm__ volatile("sqrtsd %1, %0" : "=x"(t) : "x"(t)); r = t; break; }
#else
    case OP_SQRT: r = sqrt(x); break;
#endif
    case OP_FMA: r = fma(x, y, z); break;
    case OP_RSQRTS:
        if (half_exact(&fmt64, a))
            r = fma(x * 0.5, y, 1.5);
        else if (half_exact(&fmt64, b))
            r = fma(x, y * 0.5, 1.5);
        else
            r = fma(x, y, 3.0) * 0.5;
        break;
    default: r = 0; break;
    }
    memcpy(&out, (const void *)&r, 8);
    return out;
}

static uint64_t host_run(const FpuFmt *f, FpuOp op, uint64_t a, uint64_t b, uint64_t c,
                         FpuRounding rm, uint32_t *flags)
{
    HostFpEnv saved = host_fp_enter(rm);
    uint64_t r = f->n == 32 ? host_op32(op, (uint32_t)a, (uint32_t)b, (uint32_t)c)
                            : host_op64(op, a, b, c);
    *flags = host_fp_leave(saved);
    return r;
}

/* ---- the fast path ----
 * In round-to-nearest, with operands (and so results) well inside the
 * normal range, the host's default environment already gives the Arm
 * result, and Inexact is the only exception that can occur.  It is found
 * without touching MXCSR, from the exact error of the operation: TwoSum
 * for sums, an FMA residual for products, quotients and roots, and for a
 * fused multiply-add the comparison of a*b and r-c as exact double-word
 * values.  The window (2^-40..2^40 for single, 2^-250..2^250 for double)
 * keeps every error term a multiple of at least 2^-126 (2^-604), so they
 * are all exact, and results never overflow or get near the denormals.
 * (Were the compiler to contract a product and a sum into an FMA, it would
 * only compute the same exact error.)  Needs a host FMA; without one every
 * operation takes the general path through host_arith. */
#if defined(__x86_64__)
#include <sys/platform/x86.h>
#define FAST_TARGET __attribute__((target("fma")))
static bool host_has_fma;

__attribute__((constructor)) static void fpu_detect_host(void)
{
    host_has_fma = CPU_FEATURE_ACTIVE(FMA);
}
#else
#define FAST_TARGET
static const bool host_has_fma = false;
#endif

/* Zero, or an exponent within 2^-w .. 2^w. */
#define FAST_WINDOW(x, fbits, bias, w) \
    (((x) << 1) == 0 || (((x) >> (fbits)) & (2 * (bias) + 1)) - ((bias) - (w)) <= 2u * (w))

#define FPU_FAST(name, T, UT, fmaT, sqrtT, fbits, bias, w) \
FAST_TARGET static bool name(FpuOp op, UT ua, UT ub, UT uc, bool want_ixc, UT *res, \
                             bool *inexact) \
{ \
    T a, b, c, r, e, t; \
    memcpy(&a, &ua, sizeof(T)); \
    memcpy(&b, &ub, sizeof(T)); \
    memcpy(&c, &uc, sizeof(T)); \
    if (!FAST_WINDOW(ua, fbits, bias, w) || !FAST_WINDOW(ub, fbits, bias, w)) \
        return false; \
    switch (op) { \
    case OP_SUB: \
        b = -b; \
        /* fall through */ \
    case OP_ADD: \
        r = a + b; \
        t = r - a; \
        e = (a - (r - t)) + (b - t); \
        break; \
    case OP_MUL: r = a * b; e = fmaT(a, b, -r); break; \
    case OP_DIV: \
        if (b == 0) \
            return false; \
        r = a / b; \
        e = fmaT(-r, b, a); \
        break; \
    case OP_SQRT: \
        if (a < 0) \
            return false; \
        r = sqrtT(a); \
        e = fmaT(-r, r, a); \
        break; \
    case OP_FMA: { \
        T p = a * b, d; \
        if (!FAST_WINDOW(uc, fbits, bias, w)) \
            return false; \
        r = fmaT(a, b, c); \
        if (!want_ixc) { /* IXC already set: no need to know */ \
            e = 0; \
            break; \
        } \
        /* exact iff a*b == r - c: (p, pe) and (d, de) as exact pairs */ \
        d = r - c; \
        t = d - r; \
        e = (fmaT(a, b, -p) != (r - (d - t)) + (-c - t)) || p != d; \
        break; \
    } \
    default: \
        return false; \
    } \
    *inexact = e != 0; \
    memcpy(res, &r, sizeof(T)); \
    return true; \
}
FPU_FAST(fast32, float, uint32_t, __builtin_fmaf, __builtin_sqrtf, 23, 127, 40)
FPU_FAST(fast64, double, uint64_t, __builtin_fma, __builtin_sqrt, 52, 1023, 250)

/* Try the fast path: true with *res set (and IXC raised if inexact).  The
 * window excludes NaNs, infinities and denormals, so callers may try it
 * before any NaN processing or flushing. */
static inline bool fpu_fast(CPUArm64State *env, const FpuFmt *f, FpuOp op, uint64_t a,
                            uint64_t b, uint64_t c, uint64_t *res)
{
    uint32_t r32;
    bool inexact, ok, want_ixc = !(env->fpsr & FPU_FPSR_IXC);

    if (!host_has_fma || fpu_fpcr_rmode(env) != FPU_RN || f->n == 16)
        return false;
    if (f->n == 32) {
        ok = fast32(op, (uint32_t)a, (uint32_t)b, (uint32_t)c, want_ixc, &r32, &inexact);
        *res = r32;
    } else {
        ok = fast64(op, a, b, c, want_ixc, res, &inexact);
    }
    if (ok && inexact)
        fpu_raise(env, FPU_FPSR_IXC);
    return ok;
}

/* ---- the sticky fast path ----
 * FPSR.IXC is sticky: once set, only the guest clears it.  While it is set,
 * an operation in the window above can raise nothing the guest could still
 * observe (Inexact is the only exception possible there), so even the error
 * term is not needed and the host operation alone gives the Arm result.
 * This is the common case in FP loops: the first inexact result sets IXC
 * and it stays set.  It needs no FMA, so it is inlined into each operation
 * with op a constant; everything else falls back to the general path. */
#define FPU_STICKY(name, T, UT, sqrtT, fbits, bias, w) \
static inline bool name(FpuOp op, UT ua, UT ub, uint64_t *res) \
{ \
    T a, b, r; \
    if (!FAST_WINDOW(ua, fbits, bias, w) || !FAST_WINDOW(ub, fbits, bias, w)) \
        return false; \
    memcpy(&a, &ua, sizeof(T)); \
    memcpy(&b, &ub, sizeof(T)); \
    switch (op) { \
    case OP_ADD: r = a + b; break; \
    case OP_SUB: r = a - b; break; \
    case OP_MUL: r = a * b; break; \
    case OP_DIV: \
        if (b == 0) \
            return false; \
        r = a / b; \
        break; \
    case OP_SQRT: \
        if (a < 0) \
            return false; \
        r = sqrtT(a); \
        break; \
    default: \
        return false; \
    } \
    memcpy(&ua, &r, sizeof(T)); \
    *res = ua; \
    return true; \
}
FPU_STICKY(sticky32, float, uint32_t, __builtin_sqrtf, 23, 127, 40)
FPU_STICKY(sticky64, double, uint64_t, __builtin_sqrt, 52, 1023, 250)

static inline bool fpu_sticky(const CPUArm64State *env, const FpuFmt *f, FpuOp op, uint64_t a,
                              uint64_t b, uint64_t *res)
{
    if (fpu_fpcr_rmode(env) != FPU_RN || !(env->fpsr & FPU_FPSR_IXC) || f->n == 16)
        return false;
    return f->n == 32 ? sticky32(op, (uint32_t)a, (uint32_t)b, res) : sticky64(op, a, b, res);
}

/* ---- half precision ----
 * A half operand is exact in double, and so is the sum or product of two
 * (a sum needs at most 40 significant bits, 2^15 down to 2^-24, a product
 * 22): those are computed as they are and rounded once, by FPRound.
 * Quotients, roots and fused sums are not exact in double, and rounding a
 * double result to half again could round twice (2048 - 2^-48 rounding
 * down is 2047, but 2048 via double).  So they run in double rounding
 * towards zero: the truncated result keeps 53 significant bits and the
 * host's Inexact is a sticky bit for those lost, which is all FPRound
 * needs to round to 11 bits correctly in every mode.  Truncation never
 * leaves the exact result's binade, so tininess is still judged before
 * rounding, and no half operation can overflow or underflow in double
 * (nonzero results lie within 2^-48 .. 2^41), so the host raises only
 * IOC, DZC and IXC. */

/* A non-NaN half as a double (exact). */
static uint64_t half_to_double(uint64_t h)
{
    bool sign = f_sign(&fmt16, h);
    FpuReal v;

    if (f_is_inf(&fmt16, h))
        return f_inf(&fmt64, sign);
    if (f_is_zero(&fmt16, h))
        return f_zero(&fmt64, sign);
    v = fpu_real(&fmt16, h);
    return f_pow2(&fmt64, sign, v.exp) | ((v.mant << 1) >> (64 - 52));
}

static uint64_t host_arith16(CPUArm64State *env, FpuOp op, uint64_t a, uint64_t b, uint64_t c)
{
    FpuRounding rm = fpu_fpcr_rmode(env);
    uint64_t x = half_to_double(a), y = half_to_double(b), z = half_to_double(c), r;
    uint32_t flags;
    FpuReal v;

    if (op == OP_ADD || op == OP_SUB || op == OP_MUL) {
        /* Exact in double: any host rounding mode gives the same bits, so
         * MXCSR can stay as it is; the only exception is Invalid. */
        volatile double dx, dy, dr;
        memcpy((void *)&dx, &x, 8);
        memcpy((void *)&dy, &y, 8);
        dr = op == OP_ADD ? dx + dy : op == OP_SUB ? dx - dy : dx * dy;
        memcpy(&r, (const void *)&dr, 8);
        flags = f_is_nan(&fmt64, r) ? FPU_FPSR_IOC : 0;
    } else {
        r = host_run(&fmt64, op, x, y, z, FPU_RZ, &flags);
    }
    if (f_is_nan(&fmt64, r)) {
        fpu_raise(env, flags & FPU_FPSR_IOC);
        return f_dnan(&fmt16);
    }
    if (f_is_inf(&fmt64, r)) {           /* exact: an infinite operand, or x/0 */
        fpu_raise(env, flags & FPU_FPSR_DZC);
        return f_inf(&fmt16, f_sign(&fmt64, r));
    }
    if (f_is_zero(&fmt64, r)) {
        /* An exact zero, whose sign can depend on the rounding mode (x - x
         * is -0 only rounding down): the host knows the IEEE rule. */
        r = host_run(&fmt64, op, x, y, z, rm, &flags);
        return f_zero(&fmt16, f_sign(&fmt64, r));
    }
    v = fpu_real(&fmt64, r);
    v.sticky = (flags & FPU_FPSR_IXC) != 0;
    return fpu_round(env, &fmt16, v, rm, fpu_fz(env, &fmt16), false);
}

/* Run op on non-NaN operands (already flushed) under FPCR's rounding mode
 * and finish it as FPRound would: default NaN for an invalid operation,
 * underflow judged before rounding, FZ flushing of tiny results. */
static uint64_t host_arith(CPUArm64State *env, const FpuFmt *f, FpuOp op, uint64_t a,
                           uint64_t b, uint64_t c)
{
    FpuRounding rm = fpu_fpcr_rmode(env);
    uint64_t minnorm = 1ull << f->fbits, r, mag;
    uint32_t flags, rzflags;
    bool tiny = false;

    if (f->n == 16)
        return host_arith16(env, op, a, b, c);
    r = host_run(f, op, a, b, c, rm, &flags);
    if (f_is_nan(f, r)) {
        fpu_raise(env, flags);
        return f_dnan(f);
    }
    mag = f_mag(f, r);
    if (mag < minnorm)
        tiny = mag != 0 || (flags & FPU_FPSR_IXC);
    else if (mag == minnorm && (flags & FPU_FPSR_IXC))
        tiny = f_mag(f, host_run(f, op, a, b, c, FPU_RZ, &rzflags)) < minnorm;
    flags &= ~FPU_FPSR_UFC;
    if (tiny && (env->fpcr & FPU_FPCR_FZ)) {
        /* FPRound: flushed to zero of the exact result's sign; UFC only. */
        r &= f_signbit(f);
        flags = FPU_FPSR_UFC;
    } else if (tiny && (flags & FPU_FPSR_IXC)) {
        flags |= FPU_FPSR_UFC;
    }
    fpu_raise(env, flags);
    return r;
}

/* ---- two-operand arithmetic ---- */

static __attribute__((noinline)) uint64_t fpu_binop_full(CPUArm64State *env, const FpuFmt *f,
                                                         FpuOp op, uint64_t a, uint64_t b)
{
    uint64_t r;

    if (fpu_fast(env, f, op, a, b, 0, &r))
        return r;
    a = fpu_in(env, f, a);
    b = fpu_in(env, f, b);
    if (fpu_nans2(env, f, a, b, &r))
        return r;
    return host_arith(env, f, op, a, b, 0);
}

static inline uint64_t fpu_binop(CPUArm64State *env, const FpuFmt *f, FpuOp op, uint64_t a,
                                 uint64_t b)
{
    uint64_t r;

    if (fpu_sticky(env, f, op, a, b, &r))
        return r;
    return fpu_binop_full(env, f, op, a, b);
}

static uint64_t fpu_mulx(CPUArm64State *env, const FpuFmt *f, uint64_t a, uint64_t b)
{
    uint64_t r;

    if (fpu_sticky(env, f, OP_MUL, a, b, &r) || fpu_fast(env, f, OP_MUL, a, b, 0, &r))
        return r;
    a = fpu_in(env, f, a);
    b = fpu_in(env, f, b);
    if (fpu_nans2(env, f, a, b, &r))
        return r;
    if ((f_is_inf(f, a) && f_is_zero(f, b)) || (f_is_zero(f, a) && f_is_inf(f, b)))
        return f_pow2(f, f_sign(f, a) ^ f_sign(f, b), 1);
    return host_arith(env, f, OP_MUL, a, b, 0);
}

static uint64_t fpu_sqrt(CPUArm64State *env, const FpuFmt *f, uint64_t a)
{
    uint64_t r;

    if (fpu_sticky(env, f, OP_SQRT, a, 0, &r) || fpu_fast(env, f, OP_SQRT, a, 0, 0, &r))
        return r;
    a = fpu_in(env, f, a);
    if (f_is_nan(f, a))
        return fpu_nan(env, f, a);
    return host_arith(env, f, OP_SQRT, a, 0, 0);
}

/* FPMulAdd(addend, op1, op2). */
static uint64_t fpu_muladd(CPUArm64State *env, const FpuFmt *f, uint64_t addend, uint64_t op1,
                           uint64_t op2)
{
    uint64_t op[3], r;
    bool inf_zero;

    if (fpu_fast(env, f, OP_FMA, op1, op2, addend, &r))
        return r;
    op[0] = addend = fpu_in(env, f, addend);
    op[1] = op1 = fpu_in(env, f, op1);
    op[2] = op2 = fpu_in(env, f, op2);
    inf_zero = (f_is_inf(f, op1) && f_is_zero(f, op2)) ||
               (f_is_zero(f, op1) && f_is_inf(f, op2));
    if (f_is_qnan(f, addend) && inf_zero) {
        fpu_raise(env, FPU_FPSR_IOC);
        return f_dnan(f);
    }
    if (fpu_nans(env, f, op, 3, &r))
        return r;
    return host_arith(env, f, OP_FMA, op1, op2, addend);
}

/* FPRecipStepFused (2 - a*b) and FPRSqrtStepFused ((3 - a*b) / 2). */
static uint64_t fpu_step(CPUArm64State *env, const FpuFmt *f, uint64_t a, uint64_t b, bool rsqrt)
{
    uint64_t r;

    if (!rsqrt && fpu_fast(env, f, OP_FMA, a ^ f_signbit(f), b, f_pow2(f, 0, 1), &r))
        return r;
    a = fpu_in(env, f, a ^ f_signbit(f));
    b = fpu_in(env, f, b);
    if (fpu_nans2(env, f, a, b, &r))
        return r;
    if ((f_is_inf(f, a) && f_is_zero(f, b)) || (f_is_zero(f, a) && f_is_inf(f, b)))
        return rsqrt ? f_pow2(f, 0, 0) | 1ull << (f->fbits - 1) : f_pow2(f, 0, 1);
    if (f_is_inf(f, a) || f_is_inf(f, b))
        return f_inf(f, f_sign(f, a) ^ f_sign(f, b));
    if (rsqrt)
        return host_arith(env, f, OP_RSQRTS, a, b, 0);
    return host_arith(env, f, OP_FMA, a, b, f_pow2(f, 0, 1));
}

FPU_OP2(add, fpu_binop(env, f, OP_ADD, a, b))
FPU_OP2(sub, fpu_binop(env, f, OP_SUB, a, b))
FPU_OP2(mul, fpu_binop(env, f, OP_MUL, a, b))
FPU_OP2(div, fpu_binop(env, f, OP_DIV, a, b))
FPU_OP2(mulx, fpu_mulx(env, f, a, b))
FPU_OP2(abd, fpu_binop(env, f, OP_SUB, a, b) & ~f_signbit(f))
FPU_OP2(recps, fpu_step(env, f, a, b, false))
FPU_OP2(rsqrts, fpu_step(env, f, a, b, true))
FPU_OP1(sqrt, fpu_sqrt(env, f, a))

uint32_t fpu_muladd16(CPUArm64State *env, uint32_t addend, uint32_t op1, uint32_t op2)
{ return (uint32_t)fpu_muladd(env, &fmt16, addend & 0xffff, op1 & 0xffff, op2 & 0xffff); }
uint32_t fpu_muladd32(CPUArm64State *env, uint32_t addend, uint32_t op1, uint32_t op2)
{ return (uint32_t)fpu_muladd(env, &fmt32, addend, op1, op2); }
uint64_t fpu_muladd64(CPUArm64State *env, uint64_t addend, uint64_t op1, uint64_t op2)
{ return fpu_muladd(env, &fmt64, addend, op1, op2); }
