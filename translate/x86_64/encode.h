/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86-64 instruction encoder: the emit_ functions append the bytes of one
 * host instruction to an X64Emit buffer.  This layer knows the instruction
 * set only (REX/VEX prefixes, ModRM/SIB, displacements, immediates); it
 * knows nothing about the IR, registers in use or the code cache.  lower.c
 * and regalloc.c call it; tests/unit/test-x64.c checks it against capstone.
 *
 * Conventions: registers are numbered as in the manual (rax = 0 .. r15 =
 * 15).  `w` selects a 64-bit operation (REX.W); otherwise the 32-bit form
 * is used, which zero-extends its result into the full register.  Memory
 * sizes are given as log2 of the byte count (0 = byte .. 3 = quadword).
 * Writes past the buffer's capacity are dropped and counted, so the caller
 * checks x64_emit_overflowed() once after emitting instead of before every
 * byte.
 */
#ifndef GUISE_X64_ENCODE_H
#define GUISE_X64_ENCODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    X64_RAX, X64_RCX, X64_RDX, X64_RBX, X64_RSP, X64_RBP, X64_RSI, X64_RDI,
    X64_R8, X64_R9, X64_R10, X64_R11, X64_R12, X64_R13, X64_R14, X64_R15,
};

/* Host addresses written into code (emit_call_abs, emit_jmp_abs,
 * emit_mov_addr), recorded while X64Emit.relocs is set so that a copy of
 * the code can be placed elsewhere, in another run (the persistent
 * translation cache, translate/tcache.h): a rel32, an imm64 or an imm32
 * offset from cache_tb_base (emit_mov_tb_off) at byte off of the buffer,
 * holding target. */
enum { X64_RELOC_REL32, X64_RELOC_ABS64, X64_RELOC_TB_OFF32 };
#define X64_MAX_RELOCS 128
typedef struct X64Reloc {
    uint32_t off;
    uint32_t kind;
    uint64_t target;
} X64Reloc;
typedef struct X64Relocs {
    unsigned n;
    bool overflow;                 /* more than X64_MAX_RELOCS */
    X64Reloc r[X64_MAX_RELOCS];
} X64Relocs;

/* Output buffer: bytes go to buf (the writable view); rx is the address
 * at which buf[0] will execute, used for relative displacements. */
typedef struct X64Emit {
    uint8_t *buf;
    uintptr_t rx;
    size_t pos;     /* next byte; may run past cap (then nothing is stored) */
    size_t cap;
    X64Relocs *relocs;   /* NULL: addresses are not recorded */
} X64Emit;

static inline bool x64_emit_overflowed(const X64Emit *e)
{
    return e->pos > e->cap;
}

/* Memory operand [base + index << shift + disp]; index -1 = none.
 * base must be a register (no absolute or rip-relative forms). */
typedef struct X64Mem {
    int8_t base, index;
    uint8_t shift;
    int32_t disp;
} X64Mem;

static inline X64Mem x64_mem(int base, int32_t disp)
{
    return (X64Mem){ (int8_t)base, -1, 0, disp };
}
static inline X64Mem x64_mem_idx(int base, int index, int32_t disp)
{
    return (X64Mem){ (int8_t)base, (int8_t)index, 0, disp };
}

/* The /digit of the classic ALU group (opcodes 00-3F, 80-83). */
typedef enum X64Alu {
    X64_ADD, X64_OR, X64_ADC, X64_SBB, X64_AND, X64_SUB, X64_XOR, X64_CMP,
} X64Alu;

/* The /digit of the shift group (C1, D1, D3). */
typedef enum X64Shift {
    X64_ROL = 0, X64_ROR = 1, X64_SHL = 4, X64_SHR = 5, X64_SAR = 7,
} X64Shift;

/* The /digit of group 3 (F7). */
typedef enum X64Unary {
    X64_NOT = 2, X64_NEG = 3, X64_MUL = 4, X64_IMUL1 = 5, X64_DIV = 6, X64_IDIV = 7,
} X64Unary;

/* Condition codes (the low nibble of Jcc/SETcc/CMOVcc). */
typedef enum X64Cond {
    X64_CC_O, X64_CC_NO, X64_CC_B, X64_CC_AE, X64_CC_E, X64_CC_NE, X64_CC_BE, X64_CC_A,
    X64_CC_S, X64_CC_NS, X64_CC_P, X64_CC_NP, X64_CC_L, X64_CC_GE, X64_CC_LE, X64_CC_G,
} X64Cond;

/* Bit scans and counts: dst = op(src). */
typedef enum X64BitOp { X64_BSF, X64_BSR, X64_TZCNT, X64_LZCNT, X64_POPCNT } X64BitOp;

/* Locked read-modify-write forms; xchg with memory is implicitly locked. */
typedef enum X64Atomic { X64_CMPXCHG, X64_XADD, X64_XCHG } X64Atomic;

/* Raw bytes. */
void emit_u8(X64Emit *e, uint8_t v);
void emit_u32(X64Emit *e, uint32_t v);
void emit_u64(X64Emit *e, uint64_t v);
void emit_nops(X64Emit *e, unsigned n);     /* n bytes of multi-byte nops */

/* Moves.  emit_mov_ri picks the shortest form and never touches flags. */
void emit_mov_rr(X64Emit *e, bool w, int dst, int src);
void emit_mov_ri(X64Emit *e, int dst, uint64_t imm);
/* mov dst, imm64 of a host address, always the 10-byte form (recorded). */
void emit_mov_addr(X64Emit *e, int dst, uintptr_t addr);
/* mov dst32, addr - base: an address in the TB records' region by its
 * offset (recorded), 5 bytes for eax. */
void emit_mov_tb_off(X64Emit *e, int dst, uintptr_t addr, uintptr_t base);
/* mov dst, imm64 in its 10-byte form (the immediate at +2), whatever imm:
 * code that patches the immediate later. */
void emit_movabs(X64Emit *e, int dst, uint64_t imm);
void emit_zero(X64Emit *e, int dst);        /* xor r32, r32: clobbers flags */
void emit_movzx_rr(X64Emit *e, unsigned size, int dst, int src);        /* size 0/1 */
void emit_movsx_rr(X64Emit *e, unsigned size, bool w, int dst, int src); /* size 0/1/2 */
void emit_lea(X64Emit *e, bool w, int dst, X64Mem m);

/* Loads zero- or sign-extend to 32 bits (!w) or 64 bits (w). */
void emit_load(X64Emit *e, unsigned size, bool sign, bool w, int dst, X64Mem m);
void emit_store(X64Emit *e, unsigned size, int src, X64Mem m);
void emit_store_imm(X64Emit *e, unsigned size, X64Mem m, int32_t imm);
/* movbe, size 1..3: loads do not extend (16-bit leaves bits 16+ as they were). */
void emit_movbe_load(X64Emit *e, unsigned size, int dst, X64Mem m);
void emit_movbe_store(X64Emit *e, unsigned size, int src, X64Mem m);

/* Arithmetic. */
void emit_alu_rr(X64Emit *e, X64Alu op, bool w, int dst, int src);
void emit_alu_ri(X64Emit *e, X64Alu op, bool w, int dst, int32_t imm);
void emit_alu_mi(X64Emit *e, X64Alu op, bool w, X64Mem m, int32_t imm);
void emit_alu_rm(X64Emit *e, X64Alu op, bool w, int dst, X64Mem m);   /* dst op= [m] */
void emit_test_rr(X64Emit *e, bool w, int a, int b);
void emit_test_ri(X64Emit *e, bool w, int a, int32_t imm);
void emit_bt_ri(X64Emit *e, int a, unsigned bit);   /* bt a64, bit: CF = the bit */
void emit_test_mi(X64Emit *e, bool w, X64Mem m, int32_t imm);
void emit_unary(X64Emit *e, X64Unary op, bool w, int reg);
void emit_imul_rr(X64Emit *e, bool w, int dst, int src);
void emit_imul_rri(X64Emit *e, bool w, int dst, int src, int32_t imm);
void emit_cqo(X64Emit *e, bool w);          /* cqo (w) or cdq */
void emit_shift_ri(X64Emit *e, X64Shift op, bool w, int dst, unsigned n);
void emit_shift_cl(X64Emit *e, X64Shift op, bool w, int dst);
void emit_rol16_8(X64Emit *e, int reg);     /* swap the two low bytes */
void emit_bswap(X64Emit *e, bool w, int reg);
void emit_bitop(X64Emit *e, X64BitOp op, bool w, int dst, int src);
void emit_setcc(X64Emit *e, X64Cond cc, int reg);   /* low byte only */
void emit_cmov(X64Emit *e, X64Cond cc, bool w, int dst, int src);

/* BMI1/BMI2 (VEX): shlx/shrx/sarx dst = src op (count & mask); rorx by
 * an immediate; andn dst = ~a & b. */
void emit_shiftx(X64Emit *e, X64Shift op, bool w, int dst, int src, int count);
void emit_rorx(X64Emit *e, bool w, int dst, int src, unsigned n);
void emit_andn(X64Emit *e, bool w, int dst, int a, int b);

/* Atomics: lock cmpxchg [m], reg (compares with rax) / lock xadd / xchg. */
void emit_atomic(X64Emit *e, X64Atomic op, unsigned size, int reg, X64Mem m);
void emit_mfence(X64Emit *e);

/* Stack and control flow.  Targets given as rx addresses must be within
 * rel32 reach of the buffer except for emit_call_abs, which falls back to
 * an indirect call through `scratch`. */
void emit_push(X64Emit *e, int reg);
void emit_pop(X64Emit *e, int reg);
void emit_ret(X64Emit *e);
void emit_jmp_abs(X64Emit *e, uintptr_t target);
void emit_call_abs(X64Emit *e, uintptr_t target, int scratch);
void emit_jmp_reg(X64Emit *e, int reg);
/* Jumps to be patched: return the buffer offset of their displacement. */
size_t emit_jmp32(X64Emit *e);
size_t emit_call32(X64Emit *e);
size_t emit_jcc32(X64Emit *e, X64Cond cc);
size_t emit_jmp8(X64Emit *e);
size_t emit_jcc8(X64Emit *e, X64Cond cc);
/* Point the displacement at `at` to buffer offset `target`. */
void emit_patch32(X64Emit *e, size_t at, size_t target);
void emit_patch8(X64Emit *e, size_t at, size_t target);

/* SSE2..SSE4.1 (xmm registers 0..15, numbered like the GPRs): the
 * two-operand forms "op xdst, xsrc" (dst = dst op src).  The SSSE3/SSE4.1
 * ones are for callers that checked the host features (lower-vec.c). */
typedef enum X64SseOp {
    X64_PADDB, X64_PADDW, X64_PADDD, X64_PADDQ,
    X64_PSUBB, X64_PSUBW, X64_PSUBD, X64_PSUBQ,
    X64_PMULLW, X64_PMULLD,
    X64_PAND, X64_POR, X64_PXOR, X64_PANDN,
    X64_PCMPEQB, X64_PCMPEQW, X64_PCMPEQD, X64_PCMPEQQ,
    X64_PCMPGTB, X64_PCMPGTW, X64_PCMPGTD, X64_PCMPGTQ,
    X64_PMINSB, X64_PMINSW, X64_PMINSD, X64_PMINUB, X64_PMINUW, X64_PMINUD,
    X64_PMAXSB, X64_PMAXSW, X64_PMAXSD, X64_PMAXUB, X64_PMAXUW, X64_PMAXUD,
    X64_PADDSB, X64_PADDSW, X64_PADDUSB, X64_PADDUSW,
    X64_PSUBSB, X64_PSUBSW, X64_PSUBUSB, X64_PSUBUSW,
    X64_PAVGB, X64_PAVGW,
    X64_PUNPCKLBW, X64_PUNPCKLWD, X64_PUNPCKLDQ, X64_PUNPCKLQDQ,
    X64_PUNPCKHBW, X64_PUNPCKHWD, X64_PUNPCKHDQ, X64_PUNPCKHQDQ,
    X64_PSHUFB, X64_PABSB, X64_PABSW, X64_PABSD,
    X64_PMOVSXBW, X64_PMOVSXWD, X64_PMOVSXDQ, X64_PMOVZXBW, X64_PMOVZXWD, X64_PMOVZXDQ,
    X64_ADDPS, X64_ADDPD, X64_SUBPS, X64_SUBPD, X64_MULPS, X64_MULPD,
    X64_DIVPS, X64_DIVPD, X64_SQRTPS, X64_SQRTPD,
    X64_UCOMISS, X64_UCOMISD,   /* ZF, PF, CF as an unordered compare sets them */
    X64_PACKUSWB, X64_PACKUSDW,
    X64_MOVQ_XX,        /* movq x, x: the low 64 bits, the rest zeroed */
    X64_MOVDQA_XX,      /* movdqa x, x: a copy */
    X64_SSE_COUNT
} X64SseOp;

/* Shifts of a whole xmm register's lanes by an immediate. */
typedef enum X64SseShift {
    X64_PSRLW, X64_PSRLD, X64_PSRLQ, X64_PSRAW, X64_PSRAD,
    X64_PSLLW, X64_PSLLD, X64_PSLLQ, X64_PSRLDQ, X64_PSLLDQ,
    X64_SSE_SHIFT_COUNT
} X64SseShift;

void emit_sse_rr(X64Emit *e, X64SseOp op, int dst, int src);
void emit_sse_rm(X64Emit *e, X64SseOp op, int x, X64Mem m);
void emit_mxcsr(X64Emit *e, bool load, X64Mem m);
void emit_sse_shift(X64Emit *e, X64SseShift op, int reg, unsigned imm);
/* movdqu x, [m] / [m], x; movq and movd: 8 and 4 bytes (size 3 / 2), the
 * loads zero the rest of x. */
void emit_sse_load(X64Emit *e, unsigned size, int x, X64Mem m);
void emit_sse_store(X64Emit *e, unsigned size, int x, X64Mem m);
/* movq x, r64 (upper half zeroed) and movq r64, x. */
void emit_movq_xr(X64Emit *e, int x, int r);
void emit_movd_xr(X64Emit *e, int x, int r);
void emit_cvtt2si(X64Emit *e, bool dbl, bool w, int r, int x);
void emit_cvtsi2f(X64Emit *e, bool dbl, int x, int r);
void emit_movq_rx(X64Emit *e, int r, int x);
/* pinsrb/w/d/q x, r, idx and pextrb/w/d/q r, x, idx (size 0..3; the
 * extracts zero-extend into r). */
void emit_pinsr(X64Emit *e, unsigned size, int x, int r, unsigned idx);
void emit_pextr(X64Emit *e, unsigned size, int r, int x, unsigned idx);
void emit_pshufd(X64Emit *e, int dst, int src, unsigned imm);
/* pshufhw (hi) / pshuflw: the 16-bit lanes of one 64-bit half of src
 * shuffled by imm into dst, the other half copied. */
void emit_pshufw(X64Emit *e, bool hi, int dst, int src, unsigned imm);
void emit_palignr(X64Emit *e, int dst, int src, unsigned imm);
void emit_shufps(X64Emit *e, int dst, int src, unsigned imm);
void emit_pmovmskb(X64Emit *e, int r, int x);
/* FMA3: vfmadd231ps/pd dst, a, b (dst += a * b, one rounding), or with neg
 * vfnmadd231ps/pd (dst -= a * b). */
void emit_fma231(X64Emit *e, bool dbl, bool neg, int dst, int a, int b);

/* True if v fits a sign-extended 32-bit immediate. */
static inline bool x64_fits_s32(int64_t v)
{
    return v == (int32_t)v;
}

/* More two-operand SSE forms, "op xdst, xsrc": AES-NI, SHA-NI (sha256rnds2
 * reads xmm0 as its third operand), SSSE3 horizontal adds and the signed
 * packs.  For callers that checked the host features (lower-vec.c). */
typedef enum X64SseOp2 {
    X64_AESENC, X64_AESENCLAST, X64_AESDEC, X64_AESDECLAST, X64_AESIMC,
    X64_SHA256RNDS2, X64_SHA256MSG1, X64_SHA256MSG2,
    X64_PHADDW, X64_PHADDD, X64_PACKSSWB, X64_PACKSSDW,
    X64_SSE2_COUNT
} X64SseOp2;

void emit_sse2_rr(X64Emit *e, X64SseOp2 op, int dst, int src);
/* pclmulqdq dst, src, imm: imm bit 0 picks dst's quadword, bit 4 src's. */
void emit_pclmulqdq(X64Emit *e, int dst, int src, unsigned imm);

#endif
