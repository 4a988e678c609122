/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cold-code interpreter (cold.c), shared by its encoding groups
 * (cold-int.c, cold-ldst.c): the context a handler works in and the
 * register, flag and guest-memory accessors.
 *
 * A handler is a decode row's function (decode.h) given a ColdCtx in place
 * of the translator's DisasContext; it returns false for "not mine", which
 * leaves the instruction to the translator (so an encoding the interpreter
 * does not know, or a reserved one, behaves exactly as translated code
 * does).  It changes guest state only once nothing can fault any more:
 * loads complete before a register is written, so a fault (a host signal
 * that leaves through cpu_exec) finds the state as before the instruction.
 */
#ifndef GUISE_A64_COLD_H
#define GUISE_A64_COLD_H

#include <stdbool.h>
#include <stdint.h>
#include "translate/backend.h"
#include "translate/decode.h"
#include "cpu.h"
#include "fields.h"

typedef struct ColdCtx {
    CPUArm64State *env;
    uint64_t pc;        /* of the instruction */
    uint64_t next;      /* where execution goes on (pc + 4 unless a branch) */
    bool ends;          /* the instruction ends a block (branch, ISB) */
    bool stop;          /* ... and the interpreter must return after it */
    int excp;           /* nonzero: raise this exception (env->pc is set) */
} ColdCtx;

/* Handlers take the decoder's context type; it is a ColdCtx. */
#define COLD_CTX(s_) ((ColdCtx *)(void *)(s_))

/* Decode tables (cold-int.c, cold-ldst.c, cold.c), each ending with NULL. */
extern const DecodePattern a64_cold_int_patterns[];
extern const DecodePattern a64_cold_ldst_patterns[];

/* ---- registers: 31 is XZR, or SP where the encoding says so ---- */

static inline uint64_t cold_x(const ColdCtx *s, unsigned r)
{
    return r == 31 ? 0 : s->env->x[r];
}

static inline uint64_t cold_xsp(const ColdCtx *s, unsigned r)
{
    return s->env->x[r];
}

/* Write Xd (or Wd, zero-extended, when !sf); XZR discards. */
static inline void cold_set_x(ColdCtx *s, unsigned r, uint64_t v, bool sf)
{
    if (r != 31)
        s->env->x[r] = sf ? v : (uint32_t)v;
}

static inline void cold_set_xsp(ColdCtx *s, unsigned r, uint64_t v, bool sf)
{
    s->env->x[r] = sf ? v : (uint32_t)v;
}

/* Rd as SP (sp) or XZR: the forms that set flags write XZR. */
static inline void cold_set_d(ColdCtx *s, unsigned r, uint64_t v, bool sf, bool sp)
{
    if (sp)
        cold_set_xsp(s, r, v, sf);
    else
        cold_set_x(s, r, v, sf);
}

/* ---- NZCV in the four words of cpu.h ---- */

/* N and Z from a result, C and V given (0 or 1). */
static inline void cold_set_flags(ColdCtx *s, uint64_t r, bool sf, unsigned c, unsigned v)
{
    CPUArm64State *env = s->env;

    env->nf = sf ? r : (uint64_t)(int64_t)(int32_t)r;
    env->zf = sf ? r : (uint32_t)r;
    env->cf = c;
    env->vf = v ? ~0ull : 0;
}

/* a + b + carry with flags (AddWithCarry, Arm ARM J1.1.3). */
static inline uint64_t cold_adc(ColdCtx *s, uint64_t a, uint64_t b, unsigned carry, bool sf,
                                bool flags)
{
    uint64_t r;
    unsigned c, v;

    if (sf) {
        unsigned __int128 sum = (unsigned __int128)a + b + carry;
        r = (uint64_t)sum;
        c = (unsigned)(sum >> 64);
        v = (unsigned)((((a ^ r) & (b ^ r)) >> 63) & 1);
    } else {
        uint64_t sum = (uint64_t)(uint32_t)a + (uint32_t)b + carry;
        r = (uint32_t)sum;
        c = (unsigned)(sum >> 32);
        v = (unsigned)((((a ^ r) & (b ^ r)) >> 31) & 1);
    }
    if (flags)
        cold_set_flags(s, r, sf, c, v);
    return r;
}

/* ConditionHolds (Arm ARM J1.1.3) on the current flags. */
bool cold_cond(const CPUArm64State *env, unsigned cond);

/* ---- guest memory (user mode: host address = guest_base + address) ---- */

typedef uint16_t __attribute__((aligned(1), may_alias)) ColdU16;
typedef uint32_t __attribute__((aligned(1), may_alias)) ColdU32;
typedef uint64_t __attribute__((aligned(1), may_alias)) ColdU64;

static inline void *cold_host(uint64_t addr)
{
    return (void *)(guest_base + (uintptr_t)addr);
}

/* One access of 1 << size bytes (size 0..3), zero-extended. */
static inline uint64_t cold_load(uint64_t addr, unsigned size)
{
    void *p = cold_host(addr);

    switch (size) {
    case 0: return *(volatile uint8_t *)p;
    case 1: return *(volatile ColdU16 *)p;
    case 2: return *(volatile ColdU32 *)p;
    default: return *(volatile ColdU64 *)p;
    }
}

static inline void cold_store(uint64_t addr, unsigned size, uint64_t v)
{
    void *p = cold_host(addr);

    switch (size) {
    case 0: *(volatile uint8_t *)p = (uint8_t)v; break;
    case 1: *(volatile ColdU16 *)p = (uint16_t)v; break;
    case 2: *(volatile ColdU32 *)p = (uint32_t)v; break;
    default: *(volatile ColdU64 *)p = v; break;
    }
}

/* 16 bytes in one SSE access, as translated code makes them (ldst.c's
 * pairs and Q registers). */
void cold_load16(uint64_t addr, uint64_t out[2]);
void cold_store16(uint64_t addr, uint64_t lo, uint64_t hi);

#endif
