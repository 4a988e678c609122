/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared by the fp-*.c guest tests: bit-pattern views of floats, FPCR and
 * FPSR access, and printing of results as "%a" plus the exact bits, with
 * the exception flags that fetestexcept() reports as letters
 * (I invalid, Z divide-by-zero, O overflow, U underflow, X inexact).
 * Operands live in volatile objects so the -O2 build cannot fold them, and
 * each operation is an opaque (noipa) function so that it cannot move
 * across the fetestexcept() that reads its flags.
 */
#ifndef FP_COMMON_H
#define FP_COMMON_H

#include <fenv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static inline uint32_t f2u(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static inline float u2f(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static inline uint64_t d2u(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static inline double u2d(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }

static inline uint64_t get_fpcr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpcr" : "=r"(v));
    return v;
}
static inline void set_fpcr(uint64_t v) { __asm__ volatile("msr fpcr, %0" : : "r"(v)); }
static inline uint64_t get_fpsr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return v;
}
static inline void set_fpsr(uint64_t v) { __asm__ volatile("msr fpsr, %0" : : "r"(v)); }

#define OP __attribute__((noipa, unused)) static
OP float add_f(float a, float b) { return a + b; }
OP float sub_f(float a, float b) { return a - b; }
OP float mul_f(float a, float b) { return a * b; }
OP float div_f(float a, float b) { return a / b; }
OP double add_d(double a, double b) { return a + b; }
OP double sub_d(double a, double b) { return a - b; }
OP double mul_d(double a, double b) { return a * b; }
OP double div_d(double a, double b) { return a / b; }

/* With FP_STICKY defined, every operation starts with FPSR.IXC already
 * set, as in FP code after its first inexact result (guise computes on
 * the host FPU only then, translate/x86_64/lower-fp.c); the flags printed
 * then always include X. */
#ifdef FP_STICKY
#define FPSR_START 0x10
#else
#define FPSR_START 0
#endif

#define FPCR_FZ  (1u << 24)
#define FPCR_DN  (1u << 25)
#define FPCR_AHP (1u << 26)

/* The flags raised since the last call, as letters; clears them. */
static inline const char *flags(void)
{
    static char s[8];
    int e = fetestexcept(FE_ALL_EXCEPT);
    char *p = s;

    if (e & FE_INVALID) *p++ = 'I';
    if (e & FE_DIVBYZERO) *p++ = 'Z';
    if (e & FE_OVERFLOW) *p++ = 'O';
    if (e & FE_UNDERFLOW) *p++ = 'U';
    if (e & FE_INEXACT) *p++ = 'X';
    if (p == s) *p++ = '-';
    *p = 0;
    feclearexcept(FE_ALL_EXCEPT);
    set_fpsr(FPSR_START);
    return s;
}

/* FPSR's cumulative bits as letters, IDC (D) included; clears them. */
static inline const char *fpsr_flags(void)
{
    static char s[8];
    uint64_t f = get_fpsr();
    char *p = s;

    if (f & 1) *p++ = 'I';
    if (f & 2) *p++ = 'Z';
    if (f & 4) *p++ = 'O';
    if (f & 8) *p++ = 'U';
    if (f & 16) *p++ = 'X';
    if (f & 128) *p++ = 'D';
    if (p == s) *p++ = '-';
    *p = 0;
    set_fpsr(FPSR_START);
    return s;
}

static inline void show_f(const char *what, float r)
{
    printf("%-24s %-16a %08x %s\n", what, (double)r, (unsigned)f2u(r), flags());
}

static inline void show_d(const char *what, double r)
{
    printf("%-24s %-24a %016llx %s\n", what, r, (unsigned long long)d2u(r), flags());
}

#endif
