/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The intermediate representation.  A block is a straight-line array of ops
 * (see ir-ops.def) over typed temporaries, with local labels.  Temporaries are
 * of four kinds:
 *   IR_TEMP_ENV     temp 0, the pointer to the guest CPU state;
 *   IR_TEMP_GLOBAL  a guest register: a named slot of the CPU state at a
 *                   fixed offset; every block has the same globals at the same
 *                   temp numbers (1 .. nglobals);
 *   IR_TEMP_LOCAL   a value private to the block;
 *   IR_TEMP_CONST   an immutable constant (interned: one temp per value/type).
 *
 * Width: an op of type IR_I32 reads the low 32 bits of its inputs and
 * produces a zero-extended result; an IR_I64 op reads all 64 bits.  So a
 * 32-bit guest operation may take 64-bit temps as inputs directly.
 * IR_V128 temps are 16-byte vectors, always locals (never constants or
 * globals); only the vector ops (IR_F_VEC, see ir-ops.def) read or write
 * them, and their lane semantics are defined once, in C, by ir_vec_eval().
 *
 * Frontends build blocks with the ir_* builders below; the optimiser
 * (opt.h) rewrites them in place; a backend consumes them.  Nothing here knows
 * about a guest ISA.
 */
#ifndef GUISE_IR_H
#define GUISE_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum IRType { IR_I32, IR_I64, IR_V128 } IRType;

typedef enum IRTempKind {
    IR_TEMP_ENV,
    IR_TEMP_GLOBAL,
    IR_TEMP_LOCAL,
    IR_TEMP_CONST,
} IRTempKind;

typedef uint32_t IRTemp;
#define IR_NONE   UINT32_MAX        /* "no temp" in an optional slot */
#define IR_ENV    ((IRTemp)0)       /* the CPU state pointer */

/* Op flags (ir-ops.def). */
enum {
    IR_F_SIDE     = 1 << 0,  /* never removed by dead-code elimination */
    IR_F_SYNC     = 1 << 1,  /* may fault: globals must be in env before it */
    IR_F_BB_END   = 1 << 2,  /* ends a basic block (label, branch) */
    IR_F_EXIT     = 1 << 3,  /* leaves the block: globals written back */
    IR_F_CALL     = 1 << 4,  /* helper call, see IRHelper flags */
    IR_F_READ_ENV = 1 << 5,  /* reads CPU state not covered by globals */
    IR_F_VEC      = 1 << 6,  /* a vector op (v128 operands; opaque to folding) */
};

typedef enum IROpcode {
#define DEF(name, nout, nin, nconst, flags) IR_OP_##name,
#include "ir-ops.def"
#undef DEF
    IR_OP_COUNT
} IROpcode;

typedef struct IROpDef {
    const char *name;
    uint8_t nout, nin, nconst;
    uint8_t flags;
} IROpDef;

extern const IROpDef ir_op_defs[IR_OP_COUNT];

/* Comparison conditions (setcond, movcond, brcond). */
typedef enum IRCond {
    IR_COND_EQ, IR_COND_NE,
    IR_COND_LT, IR_COND_GE, IR_COND_LE, IR_COND_GT,      /* signed */
    IR_COND_LTU, IR_COND_GEU, IR_COND_LEU, IR_COND_GTU,  /* unsigned */
    IR_COND_TSTEQ, IR_COND_TSTNE,                        /* (a & b) == 0, != 0 */
    IR_COND_ALWAYS, IR_COND_NEVER,
} IRCond;

/* Guest memory operation: size, sign extension, byte order. */
enum {
    IR_MO_8 = 0, IR_MO_16 = 1, IR_MO_32 = 2, IR_MO_64 = 3,
    IR_MO_SIZE = 3,
    IR_MO_SIGN = 1 << 2,   /* loads: sign-extend to the op width */
    IR_MO_BE   = 1 << 3,   /* big-endian guest access */
    /* ld/st of full-system mode: through the software MMU (softtlb.h),
     * in the MMU index held from bit IR_MO_IDX_SHIFT up. */
    IR_MO_MMU  = 1 << 4,
};
#define IR_MO_IDX_SHIFT 8
/* The desc argument of the software-MMU helpers (IRSoftmmu): the memop,
 * plus this bit when the value register is 64 bits wide. */
#define IR_MO_W64 (1u << 7)

/* Barriers (mb). x86-64 is TSO: only IR_MB_SC needs an instruction. */
enum { IR_MB_LD = 1, IR_MB_ST = 2, IR_MB_ALL = 3, IR_MB_SC = 4 };

/* exit_tb constant for an exit that asks for no chaining. */
#define IR_EXIT_NOCHAIN 2

/* What a goto_ptr is to the guest: a jump, a return (the target is most
 * likely the address after the latest call not yet returned from), or a
 * call (with its return address).  goto_tb has a call's return address
 * too.  Backends may predict returns from this, never change what runs. */
enum { IR_PTR_JUMP, IR_PTR_RET, IR_PTR_CALL };

/* Helper functions called from generated code. */
enum {
    IR_HELPER_NO_GLOBALS   = 1 << 0, /* neither reads nor writes globals */
    IR_HELPER_READ_GLOBALS = 1 << 1, /* reads globals, writes none */
    IR_HELPER_PURE         = 1 << 2, /* no side effect: removable if unused */
};

typedef struct IRHelper {
    void *fn;          /* uint64_t fn(uint64_t...), at most 5 arguments */
    const char *name;
    uint8_t nargs;
    uint8_t flags;     /* IR_HELPER_* */
    uint32_t id;       /* set by ir_helper_id(); 0 = not yet registered */
} IRHelper;

/* Lane operations of the vec1/vec2 ops (constant kind); esize is log2 of
 * the element size in bytes (0..3), imm an extra constant.  Vectors are
 * little-endian arrays of lanes; results are whole 16-byte vectors. */
typedef enum IRVecKind {
    /* vec2: d = a op b, lane by lane */
    IR_VEC_ADD, IR_VEC_SUB, IR_VEC_MUL,
    IR_VEC_AND, IR_VEC_OR, IR_VEC_XOR, IR_VEC_ANDC,   /* andc: a & ~b */
    IR_VEC_CMEQ, IR_VEC_CMGT, IR_VEC_CMGTU,           /* all ones / zero */
    IR_VEC_MINS, IR_VEC_MINU, IR_VEC_MAXS, IR_VEC_MAXU,
    IR_VEC_SQADD, IR_VEC_UQADD, IR_VEC_SQSUB, IR_VEC_UQSUB,   /* saturating */
    IR_VEC_URHADD,                                    /* (a + b + 1) >> 1 */
    IR_VEC_ZIPLO, IR_VEC_ZIPHI,        /* interleave the low / high halves */
    IR_VEC_UZP1, IR_VEC_UZP2,          /* even / odd lanes of b:a */
    IR_VEC_EXT,        /* bytes imm..imm+15 of the concatenation b:a */
    IR_VEC_TBL,        /* d[i] = a[b[i]] for b[i] < 16, else 0 (bytes) */
    IR_VEC_FADD, IR_VEC_FSUB, IR_VEC_FMUL, IR_VEC_FDIV,   /* esize 2, 3 */
    IR_VEC_BIN_COUNT,
    /* vec1: d = op a */
    IR_VEC_NOT = IR_VEC_BIN_COUNT, IR_VEC_ABS, IR_VEC_NEG,
    IR_VEC_MOV,                  /* a copy */
    IR_VEC_SHLI, IR_VEC_SHRI, IR_VEC_SARI,   /* by imm, 0 <= imm <= lane bits */
    IR_VEC_SXTL, IR_VEC_UXTL,    /* widen the lanes of the low half (imm 0) or
                                  * the high half (imm 1) to 2 << esize bytes */
    IR_VEC_ZEXT64,               /* clear the high 64 bits */
    IR_VEC_FSQRT,
    IR_VEC_FSPECIAL,   /* all ones where the FP lane (esize 2, 3) is not a
                        * normal number above the smallest normal: zero,
                        * subnormal, +-min normal, infinity or NaN */
    IR_VEC_REV,        /* the lanes reversed within each container of
                        * 1 << imm bytes (imm > esize, imm <= 3) */
    /* vec3: d = a +- b * c, fused (one rounding); esize 2, 3 */
    IR_VEC_FMA, IR_VEC_FMS,
    /* From here on the kinds of ir-vec-ext.h (IR_VEC_EXT_FIRST on): the
     * saturating narrowings and the cryptographic steps. */
    /* vec2: the lanes of a (esize 1..3, the wide size) then those of b,
     * each narrowed to half its width with saturation, as one vector
     * (d's lower half from a, upper half from b) */
    IR_VEC_SQXTN,                  /* signed to signed */
    IR_VEC_UQXTN,                  /* unsigned to unsigned */
    IR_VEC_SQXTUN,                 /* signed to unsigned */
    /* vec2 */
    IR_VEC_AESE,                  /* SubBytes(ShiftRows(a ^ b)) */
    IR_VEC_AESD,                  /* InvSubBytes(InvShiftRows(a ^ b)) */
    IR_VEC_CLMUL,      /* 128-bit carry-less product of a.u64[imm & 1]
                        * and b.u64[(imm >> 4) & 1] (the PCLMULQDQ imm) */
    IR_VEC_SHA256SU0,  /* Arm SHA256SU0: a = Vd (w0..w3), b = Vn (w4..w7) */
    /* vec1 */
    IR_VEC_AESMC,      /* MixColumns(a) */
    IR_VEC_AESIMC,     /* InvMixColumns(a) */
    /* vec3 */
    IR_VEC_SHA256H,    /* Arm SHA256H: four rounds, a = abcd, b = efgh,
                        * c = w + k; the new abcd */
    IR_VEC_SHA256H2,   /* Arm SHA256H2: a = efgh, b = abcd, c = w + k;
                        * the new efgh */
    IR_VEC_SHA256SU1,  /* Arm SHA256SU1: a = Vd, b = Vn, c = Vm */
    /* vec2, made by opt-vec.c from AESE + AESMC and AESD + AESIMC */
    IR_VEC_AESEMC,     /* MixColumns(SubBytes(ShiftRows(a ^ b))) */
    IR_VEC_AESDIMC,    /* InvMixColumns(InvSubBytes(InvShiftRows(a ^ b))) */
    IR_VEC_COUNT
} IRVecKind;

/* A vector value as the C semantics see it. */
typedef union IRVec {
    uint8_t u8[16];
    uint16_t u16[8];
    uint32_t u32[4];
    uint64_t u64[2];
    float f32[4];
    double f64[2];
} IRVec;

/* The semantics of vec1/vec2/vec3 (b unused for vec1, c only for vec3):
 * the interpreter and the x86-64 backend's fallback call it.  d may alias
 * the inputs. */
void ir_vec_eval(unsigned kind, unsigned esize, unsigned imm, IRVec *d,
                 const IRVec *a, const IRVec *b, const IRVec *c);
/* kind | esize << 8 | imm << 16 in one word, for generated calls. */
void ir_vec_eval_packed(IRVec *d, const IRVec *a, const IRVec *b, uint64_t k,
                        const IRVec *c);
const char *ir_vec_name(unsigned kind);

/* IR_VEC_REV's byte permutation: byte i of the result is byte
 * i ^ ir_vec_rev_flip(esize, imm) of the source (the lane bits of the
 * byte index within the container flipped, the bits within a lane kept). */
static inline unsigned ir_vec_rev_flip(unsigned esize, unsigned imm)
{
    return ((1u << imm) - 1) & ~((1u << esize) - 1);
}

/* Register a helper on first use and return its id (for op call). */
uint32_t ir_helper_id(IRHelper *h);
const IRHelper *ir_helper_get(uint32_t id);

#define IR_MAX_ARGS 8

typedef struct IROp {
    uint16_t opc;      /* IROpcode */
    uint8_t type;      /* IRType of the operation */
    uint8_t life;      /* backend scratch: bit i set = arg i dies here */
    uint32_t args[IR_MAX_ARGS];
} IROp;

typedef struct IRTempInfo {
    uint8_t type;      /* IRType */
    uint8_t kind;      /* IRTempKind */
    uint16_t flags;    /* IR_GLOBAL_* */
    int32_t env_offset;  /* IR_TEMP_GLOBAL: offset in the CPU state */
    uint64_t value;      /* IR_TEMP_CONST */
    const char *name;    /* IR_TEMP_GLOBAL */
} IRTempInfo;

/* The set of globals a frontend declares once at start-up. */
#define IR_MAX_GLOBALS 64
typedef struct IRGlobals {
    uint32_t count;
    IRTempInfo temps[IR_MAX_GLOBALS];
} IRGlobals;

/* Declare a global (before any block is built); returns its temp number. */
IRTemp ir_global_declare(IRGlobals *g, IRType type, int32_t env_offset,
                         const char *name);

/* IRTempInfo.flags of a global.  IR_GLOBAL_STALE_AT_FAULT: in user mode, a
 * fault (a SIGSEGV the guest handles) may see an older value of it where
 * every path from the faulting op writes it again before reading it: the
 * guest's condition flags, which a fault handler's interrupted code sets
 * before it reads them (opt_dce; nzcv-live.c makes the same choice at a
 * block's end).  Not in full-system mode, where an exception saves them
 * for the guest kernel to look at. */
#define IR_GLOBAL_STALE_AT_FAULT 1u

/* Add IR_GLOBAL_* flags to global t (before any block is built). */
void ir_global_flag(IRGlobals *g, IRTemp t, unsigned flags);

#define IR_XPAGES_MAX 4

typedef struct IRBlock {
    IROp *ops;
    uint32_t nops, ops_cap;
    IRTempInfo *temps;
    uint32_t ntemps, temps_cap;
    uint32_t nglobals;       /* temps 1..nglobals are the globals */
    uint32_t nlabels;
    uint64_t pc_start;       /* guest pc of the first instruction */
    uint32_t ninsns;
    /* The guest code the translation depends on when a frontend read
     * outside the block's instructions (nzcv-live.c's look ahead), else 0:
     * what a cached translation must find unchanged (tcache.c). */
    uint64_t code_start, code_end;
    /* Other guest pages (numbers, addr >> 12) whose code the translation
     * read, at most xpages_max (which the caller sets after
     * ir_block_init; 0: only the block's own page may be read).  The
     * block is invalidated with any of them (cache_add_page). */
    uint64_t xpage[IR_XPAGES_MAX];
    uint8_t nxpages, xpages_max;
    /* Full-system mode: the MMU index of the block's guest accesses,
     * which the builders below put in each ld/st's memop (IR_MO_MMU) or
     * pass to the atomics' helper calls (softmmu-ir.c); -1 in user mode
     * (host loads and stores). */
    int softmmu_idx;
    bool env_ops;            /* has ldenv/stenv/vldenv/vstenv (opt_vec's work) */
    /* ir_const's interning: temps by a hash of type and value (checked
     * on use; 0 = none). */
    uint32_t const_seen[128];
} IRBlock;

/* Does op name t among its outputs (out) or its inputs (!out)?  Not an
 * optimiser's removed op (opt.h's IR_OP_NOP, past IR_OP_COUNT). */
static inline bool ir_op_mentions(const IROp *op, IRTemp t, bool out)
{
    if (op->opc >= IR_OP_COUNT)
        return false;
    const IROpDef *d = &ir_op_defs[op->opc];
    unsigned from = out ? 0 : d->nout, to = out ? d->nout : d->nout + d->nin;

    for (unsigned k = from; k < to; k++)
        if (op->args[k] == t)
            return true;
    return false;
}

/* The first op from i on that is not a discard. */
static inline uint32_t ir_past_discards(const IRBlock *b, uint32_t i)
{
    while (i < b->nops && b->ops[i].opc == IR_OP_discard)
        i++;
    return i;
}

/* Start an empty block with the given globals (reuses b's storage). */
void ir_block_init(IRBlock *b, const IRGlobals *g);
void ir_block_free(IRBlock *b);
/* Deep copy (the interpreter keeps a block's optimised IR). */
IRBlock *ir_block_clone(const IRBlock *b);

IRTemp ir_new_temp(IRBlock *b, IRType type);
IRTemp ir_const(IRBlock *b, IRType type, uint64_t value);
uint32_t ir_new_label(IRBlock *b);

static inline bool ir_is_const(const IRBlock *b, IRTemp t)
{
    return t != IR_NONE && b->temps[t].kind == IR_TEMP_CONST;
}
static inline bool ir_is_global(const IRBlock *b, IRTemp t)
{
    return t != IR_NONE && b->temps[t].kind == IR_TEMP_GLOBAL;
}

/* Append an op; args are outputs, inputs, constants in ir-ops.def order. */
IROp *ir_emit(IRBlock *b, IROpcode opc, IRType type, const uint32_t *args);

/* Print the block (-d op / op_opt). */
void ir_dump(FILE *f, const IRBlock *b);
const char *ir_cond_name(IRCond c);
/* Evaluate a condition on two values of the given width. */
bool ir_cond_eval(IRCond c, IRType t, uint64_t a, uint64_t b);
/* Swap the operands of a condition: cond(a,b) == swap(cond)(b,a). */
IRCond ir_cond_swap(IRCond c);
IRCond ir_cond_invert(IRCond c);
/* Truncate a value to the width of t (i32 values are zero-extended). */
static inline uint64_t ir_trunc_to(IRType t, uint64_t v)
{
    return t == IR_I32 ? (uint32_t)v : v;
}

/* ---- Builders.  Each appends one op; names follow ir-ops.def. ---- */
#define IR_BIN(name) \
    static inline void ir_##name(IRBlock *b, IRType t, IRTemp d, IRTemp x, IRTemp y) \
    { uint32_t a[3] = { d, x, y }; ir_emit(b, IR_OP_##name, t, a); }
#define IR_UN(name) \
    static inline void ir_##name(IRBlock *b, IRType t, IRTemp d, IRTemp x) \
    { uint32_t a[2] = { d, x }; ir_emit(b, IR_OP_##name, t, a); }
IR_BIN(add) IR_BIN(sub) IR_BIN(mul) IR_BIN(mulsh) IR_BIN(muluh)
IR_BIN(divs) IR_BIN(divu) IR_BIN(rems) IR_BIN(remu)
IR_BIN(and) IR_BIN(or) IR_BIN(xor) IR_BIN(andc) IR_BIN(orc) IR_BIN(eqv)
IR_BIN(shl) IR_BIN(shr) IR_BIN(sar) IR_BIN(rotr) IR_BIN(rotl)
IR_UN(mov) IR_UN(neg) IR_UN(not) IR_UN(clz) IR_UN(ctz) IR_UN(ctpop) IR_UN(bswap)
IR_UN(ext8s) IR_UN(ext8u) IR_UN(ext16s) IR_UN(ext16u)
#undef IR_BIN
#undef IR_UN

static inline void ir_ext32s(IRBlock *b, IRTemp d, IRTemp x)
{ uint32_t a[2] = { d, x }; ir_emit(b, IR_OP_ext32s, IR_I64, a); }
static inline void ir_ext32u(IRBlock *b, IRTemp d, IRTemp x)
{ uint32_t a[2] = { d, x }; ir_emit(b, IR_OP_ext32u, IR_I64, a); }
static inline void ir_trunc(IRBlock *b, IRTemp d, IRTemp x)
{ uint32_t a[2] = { d, x }; ir_emit(b, IR_OP_trunc, IR_I32, a); }
static inline void ir_movi(IRBlock *b, IRType t, IRTemp d, uint64_t v)
{ ir_mov(b, t, d, ir_const(b, t, v)); }

static inline void ir_extract(IRBlock *b, IRType t, IRTemp d, IRTemp x,
                              unsigned pos, unsigned len)
{ uint32_t a[4] = { d, x, pos, len }; ir_emit(b, IR_OP_extract, t, a); }
static inline void ir_sextract(IRBlock *b, IRType t, IRTemp d, IRTemp x,
                               unsigned pos, unsigned len)
{ uint32_t a[4] = { d, x, pos, len }; ir_emit(b, IR_OP_sextract, t, a); }
static inline void ir_deposit(IRBlock *b, IRType t, IRTemp d, IRTemp x,
                              IRTemp y, unsigned pos, unsigned len)
{ uint32_t a[5] = { d, x, y, pos, len }; ir_emit(b, IR_OP_deposit, t, a); }

static inline void ir_setcond(IRBlock *b, IRType t, IRCond c, IRTemp d,
                              IRTemp x, IRTemp y)
{ uint32_t a[4] = { d, x, y, c }; ir_emit(b, IR_OP_setcond, t, a); }
static inline void ir_movcond(IRBlock *b, IRType t, IRCond c, IRTemp d,
                              IRTemp c1, IRTemp c2, IRTemp v1, IRTemp v2)
{ uint32_t a[6] = { d, c1, c2, v1, v2, c }; ir_emit(b, IR_OP_movcond, t, a); }

static inline void ir_label(IRBlock *b, uint32_t l)
{ uint32_t a[1] = { l }; ir_emit(b, IR_OP_label, IR_I64, a); }
static inline void ir_br(IRBlock *b, uint32_t l)
{ uint32_t a[1] = { l }; ir_emit(b, IR_OP_br, IR_I64, a); }
static inline void ir_brcond(IRBlock *b, IRType t, IRCond c, IRTemp x,
                             IRTemp y, uint32_t l)
{ uint32_t a[4] = { x, y, c, l }; ir_emit(b, IR_OP_brcond, t, a); }

/* Guest memory.  t is the width of the value register.  In full-system
 * mode (b->softmmu_idx >= 0) loads and stores carry IR_MO_MMU and the
 * MMU index, and each backend reaches memory through the software MMU:
 * an inline TLB probe with IRSoftmmu's helpers as its slow path (x86),
 * or the helpers alone (the interpreter).  Atomics there become helper
 * calls, emitted by IRSoftmmu.access.  The system layer installs
 * ir_softmmu (softmmu-ir.c) before translating; it is NULL in user mode,
 * so programs without a software MMU do not link one. */
typedef struct IRSoftmmu {
    void (*access)(IRBlock *b, IROpcode op, IRType t, IRTemp d, IRTemp addr,
                   IRTemp v1, IRTemp v2, unsigned mo);
    /* desc = memop | IR_MO_W64; retaddr inside the access's host code
     * (EXEC_HOST_PC_INTERP from the interpreter).  ld returns the value as the op defines
     * it (extended per memop and width). */
    uint64_t (*ld)(uint64_t env, uint64_t addr, uint64_t desc, uint64_t retaddr);
    uint64_t (*st)(uint64_t env, uint64_t addr, uint64_t val, uint64_t desc,
                   uint64_t retaddr);
    /* The TLB's place and shape, for inline probes: env + tlb_off is the
     * CPU's SoftTlb (the same for every vCPU). */
    int32_t tlb_off;
    unsigned page_bits, tlb_bits;
} IRSoftmmu;
extern const IRSoftmmu *ir_softmmu;

static inline unsigned ir_mo_mmu(const IRBlock *b, unsigned mo)
{
    return mo | IR_MO_MMU | (unsigned)b->softmmu_idx << IR_MO_IDX_SHIFT;
}
static inline void ir_ld(IRBlock *b, IRType t, IRTemp d, IRTemp addr, unsigned mo)
{
    uint32_t a[3] = { d, addr, b->softmmu_idx >= 0 ? ir_mo_mmu(b, mo) : mo };
    ir_emit(b, IR_OP_ld, t, a);
}
static inline void ir_st(IRBlock *b, IRType t, IRTemp val, IRTemp addr, unsigned mo)
{
    uint32_t a[3] = { val, addr, b->softmmu_idx >= 0 ? ir_mo_mmu(b, mo) : mo };
    ir_emit(b, IR_OP_st, t, a);
}
static inline void ir_cmpxchg(IRBlock *b, IRType t, IRTemp d, IRTemp addr,
                              IRTemp expect, IRTemp newv, unsigned mo)
{
    uint32_t a[5] = { d, addr, expect, newv, mo };
    if (b->softmmu_idx >= 0)
        ir_softmmu->access(b, IR_OP_cmpxchg, t, d, addr, expect, newv, mo);
    else
        ir_emit(b, IR_OP_cmpxchg, t, a);
}
static inline void ir_xchg(IRBlock *b, IRType t, IRTemp d, IRTemp addr,
                           IRTemp newv, unsigned mo)
{
    uint32_t a[4] = { d, addr, newv, mo };
    if (b->softmmu_idx >= 0)
        ir_softmmu->access(b, IR_OP_xchg, t, d, addr, newv, IR_NONE, mo);
    else
        ir_emit(b, IR_OP_xchg, t, a);
}
static inline void ir_fetch_add(IRBlock *b, IRType t, IRTemp d, IRTemp addr,
                                IRTemp v, unsigned mo)
{
    uint32_t a[4] = { d, addr, v, mo };
    if (b->softmmu_idx >= 0)
        ir_softmmu->access(b, IR_OP_fetch_add, t, d, addr, v, IR_NONE, mo);
    else
        ir_emit(b, IR_OP_fetch_add, t, a);
}
static inline void ir_mb(IRBlock *b, unsigned kind)
{ uint32_t a[1] = { kind }; ir_emit(b, IR_OP_mb, IR_I64, a); }

/* CPU state by offset (for state that is not a global). */
static inline void ir_ldenv(IRBlock *b, IRType t, IRTemp d, int32_t off, unsigned mo)
{ uint32_t a[3] = { d, (uint32_t)off, mo }; ir_emit(b, IR_OP_ldenv, t, a); }
static inline void ir_stenv(IRBlock *b, IRType t, IRTemp v, int32_t off, unsigned mo)
{ uint32_t a[3] = { v, (uint32_t)off, mo }; ir_emit(b, IR_OP_stenv, t, a); }

/* Helper call; unused inputs are IR_NONE, d is IR_NONE for void helpers.
 * All values are passed and returned as 64-bit integers. */
void ir_call(IRBlock *b, IRHelper *h, IRTemp d, IRTemp a0, IRTemp a1,
             IRTemp a2, IRTemp a3, IRTemp a4);

/* fpop: what the exact helper computes, for S (IR_FP_64 clear) or D
 * values; FMA is x + y * z with one rounding.  CMP compares x with y: 1000,
 * 0110 or 0010 (less, equal, greater; NZCV) in bits 31:28 for ordered
 * operands, which raise nothing (z is the helper's own argument).
 * CVTZS: x to a signed integer toward zero, 64 bits or (IR_FP_I32) 32
 * (the low half of the result), CVTZU the same unsigned; SCVTF: the
 * signed 64-bit integer x to S or D, UCVTF the same unsigned (y, z: the
 * helper's own arguments). */
typedef enum IRFpKind {
    IR_FP_ADD, IR_FP_SUB, IR_FP_MUL, IR_FP_DIV, IR_FP_SQRT, IR_FP_FMA, IR_FP_CMP,
    IR_FP_CVTZS, IR_FP_SCVTF, IR_FP_CVTZU, IR_FP_UCVTF,
    IR_FP_64 = 0x10, IR_FP_I32 = 0x20,
} IRFpKind;

/* When a backend may compute an fpop on the host FPU (IEEE 754 with
 * round-to-nearest, no flush-to-zero) instead of calling its helper: the
 * 32-bit word at env + ctl_off has no bit of ctl_mask set (the guest asks
 * for round-to-nearest, no flushing), the word at env + sticky_off has
 * sticky_bit set (Inexact is already raised, so an inexact result has
 * nothing left to report), and the result is a finite normal number (no
 * NaN to choose, nothing to flush, no other exception possible); for
 * IR_FP_CMP, the control word as above and both operands ordered.  The
 * frontend installs it; NULL: always call. */
typedef struct IRFpFast {
    int32_t ctl_off, sticky_off;
    uint32_t ctl_mask, sticky_bit;
} IRFpFast;
extern const IRFpFast *ir_fp_fast;

static inline void ir_fpop(IRBlock *b, unsigned kind, IRHelper *h, IRTemp d, IRTemp x,
                           IRTemp y, IRTemp z)
{
    uint32_t a[6] = { d, x, y, z, kind, ir_helper_id(h) };
    ir_emit(b, IR_OP_fpop, IR_I64, a);
}

/* vfpop: d = a op b (kind IR_VEC_FADD, FSUB, FMUL, FDIV) or a +- b * c
 * (IR_VEC_FMA, FMS) on esize 2 or 3 lanes of an 8- or 16-byte vector
 * (the upper 8 bytes of an 8-byte result are zero), with the Arm result
 * and flags that helper h(env, desc) computes.  The frontend guarantees
 * that env holds the operands at the op (it loaded a, b, c from env and
 * stored nothing over them since) and that h reads them there, and
 * writes the result to the 16 bytes at env + off_d and the cumulative
 * flags to ir_fp_fast's sticky word.  A backend may instead compute on
 * the host under ir_fp_fast's conditions when every result lane is a
 * normal number above the smallest normal, or an exact zero: a zero sum
 * or difference, or a product (fused: its product part) or quotient
 * whose lane of the operands at env + zoff1 or zoff2 is a zero
 * (IR_VFP_NOZ: none; a zero from anything else underflowed). */
#define IR_VFP_NOZ 0xffffu
#define IR_VFP_KIND(p)  ((p) & 0xff)
#define IR_VFP_ESIZE(p) (((p) >> 8) & 3)
#define IR_VFP_OPRSZ(p) (((p) >> 10) & 31)
#define IR_VFP_OFFD(p)  ((p) >> 16)
static inline void ir_vfpop(IRBlock *b, IRVecKind kind, unsigned esize, unsigned oprsz,
                            IRHelper *h, uint32_t desc, IRTemp d, IRTemp x, IRTemp y,
                            IRTemp z, int32_t off_d, unsigned zoff1, unsigned zoff2)
{
    uint32_t a[8] = { d, x, y, z,
                      (uint32_t)kind | esize << 8 | oprsz << 10 | (uint32_t)off_d << 16,
                      ir_helper_id(h), desc, zoff1 | zoff2 << 16 };
    ir_emit(b, IR_OP_vfpop, IR_V128, a);
}

/* Vectors (see ir-ops.def). */
static inline void ir_vldenv(IRBlock *b, IRTemp d, int32_t off)
{ uint32_t a[2] = { d, (uint32_t)off }; ir_emit(b, IR_OP_vldenv, IR_V128, a); }
static inline void ir_vstenv(IRBlock *b, IRTemp v, int32_t off)
{ uint32_t a[2] = { v, (uint32_t)off }; ir_emit(b, IR_OP_vstenv, IR_V128, a); }
static inline void ir_vld(IRBlock *b, IRTemp d, IRTemp addr, unsigned lg)
{ uint32_t a[3] = { d, addr, lg }; ir_emit(b, IR_OP_vld, IR_V128, a); }
static inline void ir_vst(IRBlock *b, IRTemp v, IRTemp addr, unsigned lg)
{ uint32_t a[3] = { v, addr, lg }; ir_emit(b, IR_OP_vst, IR_V128, a); }
static inline void ir_vec2(IRBlock *b, IRVecKind k, unsigned esize, IRTemp d,
                           IRTemp x, IRTemp y, unsigned imm)
{ uint32_t a[6] = { d, x, y, k, esize, imm }; ir_emit(b, IR_OP_vec2, IR_V128, a); }
static inline void ir_vec1(IRBlock *b, IRVecKind k, unsigned esize, IRTemp d,
                           IRTemp x, unsigned imm)
{ uint32_t a[5] = { d, x, k, esize, imm }; ir_emit(b, IR_OP_vec1, IR_V128, a); }
static inline void ir_vec3(IRBlock *b, IRVecKind k, unsigned esize, IRTemp d,
                           IRTemp x, IRTemp y, IRTemp z)
{ uint32_t a[7] = { d, x, y, z, k, esize, 0 }; ir_emit(b, IR_OP_vec3, IR_V128, a); }
static inline void ir_vdup(IRBlock *b, unsigned esize, IRTemp d, IRTemp x)
{ uint32_t a[3] = { d, x, esize }; ir_emit(b, IR_OP_vdup, IR_V128, a); }
static inline void ir_vget(IRBlock *b, unsigned esize, IRTemp d, IRTemp v, unsigned idx)
{ uint32_t a[4] = { d, v, esize, idx }; ir_emit(b, IR_OP_vget, IR_I64, a); }
static inline void ir_vset(IRBlock *b, unsigned esize, IRTemp d, IRTemp v,
                           IRTemp x, unsigned idx)
{ uint32_t a[5] = { d, v, x, esize, idx }; ir_emit(b, IR_OP_vset, IR_V128, a); }

static inline void ir_discard(IRBlock *b, IRType type, IRTemp g)
{ uint32_t a[1] = { g }; ir_emit(b, IR_OP_discard, type, a); }
static inline void ir_insn_start(IRBlock *b, uint64_t pc)
{ uint32_t a[2] = { (uint32_t)pc, (uint32_t)(pc >> 32) }; ir_emit(b, IR_OP_insn_start, IR_I64, a); }
static inline void ir_goto_tb(IRBlock *b, unsigned slot)
{ uint32_t a[3] = { slot, 0, 0 }; ir_emit(b, IR_OP_goto_tb, IR_I64, a); }
/* goto_tb of a call whose return address is ret (nonzero). */
static inline void ir_call_tb(IRBlock *b, unsigned slot, uint64_t ret)
{ uint32_t a[3] = { slot, (uint32_t)ret, (uint32_t)(ret >> 32) }; ir_emit(b, IR_OP_goto_tb, IR_I64, a); }
static inline void ir_exit_tb(IRBlock *b, unsigned slot)
{ uint32_t a[1] = { slot }; ir_emit(b, IR_OP_exit_tb, IR_I64, a); }
static inline void ir_exit_excp(IRBlock *b, unsigned code)
{ uint32_t a[1] = { code }; ir_emit(b, IR_OP_exit_excp, IR_I64, a); }
static inline void ir_goto_ptr(IRBlock *b)
{ uint32_t a[3] = { IR_PTR_JUMP, 0, 0 }; ir_emit(b, IR_OP_goto_ptr, IR_I64, a); }
static inline void ir_goto_ret(IRBlock *b)
{ uint32_t a[3] = { IR_PTR_RET, 0, 0 }; ir_emit(b, IR_OP_goto_ptr, IR_I64, a); }
static inline void ir_call_ptr(IRBlock *b, uint64_t ret)
{ uint32_t a[3] = { IR_PTR_CALL, (uint32_t)ret, (uint32_t)(ret >> 32) }; ir_emit(b, IR_OP_goto_ptr, IR_I64, a); }
/* The return address of a goto_tb or goto_ptr call (0: not a call). */
static inline uint64_t ir_call_ret(const IROp *op)
{ return (uint64_t)op->args[2] << 32 | op->args[1]; }

#endif
