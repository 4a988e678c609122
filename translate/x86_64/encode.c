/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86-64 instruction bytes (see encode.h for the conventions).  Every
 * instruction is built from one of two primitives: emit_rm() for the legacy
 * encodings (prefixes, REX, opcode, ModRM, SIB, displacement) and emit_vex()
 * for the BMI forms.  Opcodes carry their escape bytes and prefixes as
 * flags (OPC_*), so each instruction below is a line or two of table-like
 * data.  Reference: Intel SDM vol. 2, chapter 2 (instruction format) and
 * the opcode map in appendix A.
 */
#include <string.h>
#include "encode.h"
#include "util/log.h"

/* Opcode flags: escape bytes, mandatory prefixes, REX.W, and "this operand
 * is a byte register" (spl/bpl/sil/dil need a REX prefix to be named). */
#define OPC_0F      0x100
#define OPC_0F38    0x200
#define OPC_0F3A    0x400
#define OPC_66      0x800
#define OPC_F3      0x1000
#define OPC_F2      0x2000
#define OPC_W       0x4000
#define OPC_BYTE_R  0x8000
#define OPC_BYTE_RM 0x10000

#define W(w) ((w) ? OPC_W : 0)

void emit_u8(X64Emit *e, uint8_t v)
{
    if (e->pos < e->cap)
        e->buf[e->pos] = v;
    e->pos++;
}

void emit_u32(X64Emit *e, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        emit_u8(e, (uint8_t)(v >> (8 * i)));
}

void emit_u64(X64Emit *e, uint64_t v)
{
    emit_u32(e, (uint32_t)v);
    emit_u32(e, (uint32_t)(v >> 32));
}

static bool needs_byte_rex(int reg)
{
    return reg >= 4 && reg < 8;
}

/* Legacy prefixes, REX and the opcode bytes.  r, x, b are the registers
 * that land in ModRM.reg, SIB.index and ModRM.rm/SIB.base (or -1). */
static void emit_opc(X64Emit *e, unsigned opc, int r, int x, int b)
{
    unsigned rex = (opc & OPC_W) ? 8 : 0;

    if (opc & OPC_66)
        emit_u8(e, 0x66);
    if (opc & OPC_F3)
        emit_u8(e, 0xf3);
    if (opc & OPC_F2)
        emit_u8(e, 0xf2);
    if (r > 0)
        rex |= (r & 8) >> 1;
    if (x > 0)
        rex |= (x & 8) >> 2;
    if (b > 0)
        rex |= (b & 8) >> 3;
    if (rex || ((opc & OPC_BYTE_R) && needs_byte_rex(r)) ||
        ((opc & OPC_BYTE_RM) && needs_byte_rex(b)))
        emit_u8(e, (uint8_t)(0x40 | rex));
    if (opc & (OPC_0F | OPC_0F38 | OPC_0F3A))
        emit_u8(e, 0x0f);
    if (opc & OPC_0F38)
        emit_u8(e, 0x38);
    if (opc & OPC_0F3A)
        emit_u8(e, 0x3a);
    emit_u8(e, (uint8_t)opc);
}

/* ModRM with a register operand: opcode r, rm (r may be a /digit). */
static void emit_rr(X64Emit *e, unsigned opc, int r, int rm)
{
    emit_opc(e, opc, r, -1, rm);
    emit_u8(e, (uint8_t)(0xc0 | (r & 7) << 3 | (rm & 7)));
}

/* ModRM (+SIB, +disp) for a memory operand, after the opcode. */
static void emit_modrm_mem(X64Emit *e, int r, X64Mem m)
{
    /* mod 00 with base rbp/r13 means disp32 without base: use disp8 0. */
    int mod = (m.disp == 0 && (m.base & 7) != X64_RBP) ? 0
            : (m.disp == (int8_t)m.disp) ? 1 : 2;

    if (m.index < 0 && (m.base & 7) != X64_RSP) {
        emit_u8(e, (uint8_t)(mod << 6 | (r & 7) << 3 | (m.base & 7)));
    } else {
        /* A SIB byte: always for rsp/r12 bases; index 100 = none. */
        int idx = m.index < 0 ? X64_RSP : m.index;
        BUG_ON(m.index == X64_RSP);
        emit_u8(e, (uint8_t)(mod << 6 | (r & 7) << 3 | 4));
        emit_u8(e, (uint8_t)(m.shift << 6 | (idx & 7) << 3 | (m.base & 7)));
    }
    if (mod == 1)
        emit_u8(e, (uint8_t)m.disp);
    else if (mod == 2)
        emit_u32(e, (uint32_t)m.disp);
}

static void emit_rm(X64Emit *e, unsigned opc, int r, X64Mem m)
{
    emit_opc(e, opc, r, m.index, m.base);
    emit_modrm_mem(e, r, m);
}

/* Three-byte VEX (C4) with L = 0: map 2 = 0F38, 3 = 0F3A; pp 0 none,
 * 1 = 66, 2 = F3, 3 = F2; v is the extra source register (vvvv). */
static void emit_vex_rr(X64Emit *e, unsigned map, unsigned pp, bool w,
                        uint8_t opcode, int r, int v, int rm)
{
    emit_u8(e, 0xc4);
    emit_u8(e, (uint8_t)((~r & 8) << 4 | 0x40 | (~rm & 8) << 2 | map));
    emit_u8(e, (uint8_t)((w ? 0x80 : 0) | (~v & 15) << 3 | pp));
    emit_u8(e, opcode);
    emit_u8(e, (uint8_t)(0xc0 | (r & 7) << 3 | (rm & 7)));
}

void emit_nops(X64Emit *e, unsigned n)
{
    /* The recommended multi-byte nops (SDM vol. 2, NOP), up to 8 bytes. */
    static const uint8_t nops[8][8] = {
        { 0x90 },
        { 0x66, 0x90 },
        { 0x0f, 0x1f, 0x00 },
        { 0x0f, 0x1f, 0x40, 0x00 },
        { 0x0f, 0x1f, 0x44, 0x00, 0x00 },
        { 0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00 },
        { 0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00 },
        { 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
    };
    while (n > 0) {
        unsigned k = n > 8 ? 8 : n;
        for (unsigned i = 0; i < k; i++)
            emit_u8(e, nops[k - 1][i]);
        n -= k;
    }
}

/* ---- moves ---- */

void emit_mov_rr(X64Emit *e, bool w, int dst, int src)
{
    emit_rr(e, 0x89 | W(w), src, dst);
}

void emit_mov_ri(X64Emit *e, int dst, uint64_t imm)
{
    if (imm == (uint32_t)imm) {
        /* mov r32, imm32 zero-extends */
        emit_opc(e, 0xb8 + (dst & 7), -1, -1, dst);
        emit_u32(e, (uint32_t)imm);
    } else if (x64_fits_s32((int64_t)imm)) {
        emit_rr(e, 0xc7 | OPC_W, 0, dst);
        emit_u32(e, (uint32_t)imm);
    } else {
        emit_opc(e, (0xb8 + (dst & 7)) | OPC_W, -1, -1, dst);
        emit_u64(e, imm);
    }
}

static void note_reloc(X64Emit *e, size_t off, unsigned kind, uintptr_t target)
{
    X64Relocs *r = e->relocs;

    if (!r)
        return;
    if (r->n == X64_MAX_RELOCS) {
        r->overflow = true;
        return;
    }
    r->r[r->n++] = (X64Reloc){ .off = (uint32_t)off, .kind = kind, .target = target };
}

void emit_movabs(X64Emit *e, int dst, uint64_t imm)
{
    emit_opc(e, (0xb8 + (dst & 7)) | OPC_W, -1, -1, dst);
    emit_u64(e, imm);
}

void emit_mov_addr(X64Emit *e, int dst, uintptr_t addr)
{
    emit_opc(e, (0xb8 + (dst & 7)) | OPC_W, -1, -1, dst);
    note_reloc(e, e->pos, X64_RELOC_ABS64, addr);
    emit_u64(e, addr);
}

void emit_mov_tb_off(X64Emit *e, int dst, uintptr_t addr, uintptr_t base)
{
    emit_opc(e, 0xb8 + (dst & 7), -1, -1, dst);
    note_reloc(e, e->pos, X64_RELOC_TB_OFF32, addr);
    emit_u32(e, (uint32_t)(addr - base));
}

void emit_zero(X64Emit *e, int dst)
{
    emit_alu_rr(e, X64_XOR, false, dst, dst);
}

void emit_movzx_rr(X64Emit *e, unsigned size, int dst, int src)
{
    BUG_ON(size > 1);
    emit_rr(e, (size ? 0xb7 : 0xb6 | OPC_BYTE_RM) | OPC_0F, dst, src);
}

void emit_movsx_rr(X64Emit *e, unsigned size, bool w, int dst, int src)
{
    BUG_ON(size > 2);
    if (size == 2)
        emit_rr(e, 0x63 | W(w), dst, src);
    else
        emit_rr(e, (size ? 0xbf : 0xbe | OPC_BYTE_RM) | OPC_0F | W(w), dst, src);
}

void emit_lea(X64Emit *e, bool w, int dst, X64Mem m)
{
    emit_rm(e, 0x8d | W(w), dst, m);
}

/* ---- memory ---- */

void emit_load(X64Emit *e, unsigned size, bool sign, bool w, int dst, X64Mem m)
{
    switch (size) {
    case 0:
        emit_rm(e, (sign ? 0xbe : 0xb6) | OPC_0F | (sign ? W(w) : 0), dst, m);
        break;
    case 1:
        emit_rm(e, (sign ? 0xbf : 0xb7) | OPC_0F | (sign ? W(w) : 0), dst, m);
        break;
    case 2:
        emit_rm(e, (sign && w) ? 0x63 | OPC_W : 0x8b, dst, m);
        break;
    default:
        emit_rm(e, 0x8b | W(w), dst, m);
        break;
    }
}

void emit_store(X64Emit *e, unsigned size, int src, X64Mem m)
{
    static const unsigned opc[4] = {
        0x88 | OPC_BYTE_R, 0x89 | OPC_66, 0x89, 0x89 | OPC_W,
    };
    emit_rm(e, opc[size & 3], src, m);
}

void emit_store_imm(X64Emit *e, unsigned size, X64Mem m, int32_t imm)
{
    static const unsigned opc[4] = { 0xc6, 0xc7 | OPC_66, 0xc7, 0xc7 | OPC_W };
    emit_rm(e, opc[size & 3], 0, m);
    if (size == 0)
        emit_u8(e, (uint8_t)imm);
    else if (size == 1)
        emit_u8(e, (uint8_t)imm), emit_u8(e, (uint8_t)(imm >> 8));
    else
        emit_u32(e, (uint32_t)imm);
}

static const unsigned movbe_size[4] = { 0, OPC_66, 0, OPC_W };

void emit_movbe_load(X64Emit *e, unsigned size, int dst, X64Mem m)
{
    BUG_ON(size == 0 || size > 3);
    emit_rm(e, 0xf0 | OPC_0F38 | movbe_size[size], dst, m);
}

void emit_movbe_store(X64Emit *e, unsigned size, int src, X64Mem m)
{
    BUG_ON(size == 0 || size > 3);
    emit_rm(e, 0xf1 | OPC_0F38 | movbe_size[size], src, m);
}

/* ---- arithmetic ---- */

void emit_alu_rr(X64Emit *e, X64Alu op, bool w, int dst, int src)
{
    /* "op r/m, r": 01, 09, 11, ... */
    emit_rr(e, (unsigned)(op << 3 | 1) | W(w), src, dst);
}

void emit_alu_ri(X64Emit *e, X64Alu op, bool w, int dst, int32_t imm)
{
    if (imm == (int8_t)imm) {
        emit_rr(e, 0x83 | W(w), op, dst);
        emit_u8(e, (uint8_t)imm);
    } else {
        emit_rr(e, 0x81 | W(w), op, dst);
        emit_u32(e, (uint32_t)imm);
    }
}

void emit_alu_mi(X64Emit *e, X64Alu op, bool w, X64Mem m, int32_t imm)
{
    if (imm == (int8_t)imm) {
        emit_rm(e, 0x83 | W(w), op, m);
        emit_u8(e, (uint8_t)imm);
    } else {
        emit_rm(e, 0x81 | W(w), op, m);
        emit_u32(e, (uint32_t)imm);
    }
}

void emit_test_rr(X64Emit *e, bool w, int a, int b)
{
    emit_rr(e, 0x85 | W(w), b, a);
}

void emit_test_ri(X64Emit *e, bool w, int a, int32_t imm)
{
    emit_rr(e, 0xf7 | W(w), 0, a);
    emit_u32(e, (uint32_t)imm);
}

void emit_bt_ri(X64Emit *e, int a, unsigned bit)
{
    emit_rr(e, 0xba | OPC_0F | W(true), 4, a);
    emit_u8(e, (uint8_t)bit);
}

void emit_unary(X64Emit *e, X64Unary op, bool w, int reg)
{
    emit_rr(e, 0xf7 | W(w), op, reg);
}

void emit_imul_rr(X64Emit *e, bool w, int dst, int src)
{
    emit_rr(e, 0xaf | OPC_0F | W(w), dst, src);
}

void emit_imul_rri(X64Emit *e, bool w, int dst, int src, int32_t imm)
{
    if (imm == (int8_t)imm) {
        emit_rr(e, 0x6b | W(w), dst, src);
        emit_u8(e, (uint8_t)imm);
    } else {
        emit_rr(e, 0x69 | W(w), dst, src);
        emit_u32(e, (uint32_t)imm);
    }
}

void emit_cqo(X64Emit *e, bool w)
{
    emit_opc(e, 0x99 | W(w), -1, -1, -1);
}

void emit_shift_ri(X64Emit *e, X64Shift op, bool w, int dst, unsigned n)
{
    if (n == 1) {
        emit_rr(e, 0xd1 | W(w), op, dst);
    } else {
        emit_rr(e, 0xc1 | W(w), op, dst);
        emit_u8(e, (uint8_t)n);
    }
}

void emit_shift_cl(X64Emit *e, X64Shift op, bool w, int dst)
{
    emit_rr(e, 0xd3 | W(w), op, dst);
}

void emit_rol16_8(X64Emit *e, int reg)
{
    emit_rr(e, 0xc1 | OPC_66, X64_ROL, reg);
    emit_u8(e, 8);
}

void emit_bswap(X64Emit *e, bool w, int reg)
{
    emit_opc(e, (0xc8 + (reg & 7)) | OPC_0F | W(w), -1, -1, reg);
}

void emit_bitop(X64Emit *e, X64BitOp op, bool w, int dst, int src)
{
    static const unsigned opc[] = {
        [X64_BSF] = 0xbc | OPC_0F,
        [X64_BSR] = 0xbd | OPC_0F,
        [X64_TZCNT] = 0xbc | OPC_0F | OPC_F3,
        [X64_LZCNT] = 0xbd | OPC_0F | OPC_F3,
        [X64_POPCNT] = 0xb8 | OPC_0F | OPC_F3,
    };
    emit_rr(e, opc[op] | W(w), dst, src);
}

void emit_setcc(X64Emit *e, X64Cond cc, int reg)
{
    emit_rr(e, (0x90 + cc) | OPC_0F | OPC_BYTE_RM, 0, reg);
}

void emit_cmov(X64Emit *e, X64Cond cc, bool w, int dst, int src)
{
    emit_rr(e, (0x40 + cc) | OPC_0F | W(w), dst, src);
}

/* ---- BMI ---- */

void emit_shiftx(X64Emit *e, X64Shift op, bool w, int dst, int src, int count)
{
    /* VEX.LZ.{66 shlx, F3 sarx, F2 shrx}.0F38.W F7 /r, count in vvvv */
    unsigned pp = op == X64_SHL ? 1 : op == X64_SAR ? 2 : 3;
    BUG_ON(op != X64_SHL && op != X64_SHR && op != X64_SAR);
    emit_vex_rr(e, 2, pp, w, 0xf7, dst, count, src);
}

void emit_rorx(X64Emit *e, bool w, int dst, int src, unsigned n)
{
    /* VEX.LZ.F2.0F3A.W F0 /r ib */
    emit_vex_rr(e, 3, 3, w, 0xf0, dst, 0, src);
    emit_u8(e, (uint8_t)n);
}

void emit_andn(X64Emit *e, bool w, int dst, int a, int b)
{
    /* VEX.LZ.0F38.W F2 /r: dst = ~vvvv & r/m */
    emit_vex_rr(e, 2, 0, w, 0xf2, dst, a, b);
}

/* ---- atomics ---- */

void emit_atomic(X64Emit *e, X64Atomic op, unsigned size, int reg, X64Mem m)
{
    static const unsigned opc[3][2] = {
        [X64_CMPXCHG] = { 0xb0 | OPC_0F, 0xb1 | OPC_0F },
        [X64_XADD] = { 0xc0 | OPC_0F, 0xc1 | OPC_0F },
        [X64_XCHG] = { 0x86, 0x87 },
    };
    static const unsigned sz[4] = { OPC_BYTE_R, OPC_66, 0, OPC_W };

    if (op != X64_XCHG)
        emit_u8(e, 0xf0);
    emit_rm(e, opc[op][size != 0] | sz[size & 3], reg, m);
}

void emit_mfence(X64Emit *e)
{
    emit_u8(e, 0x0f);
    emit_u8(e, 0xae);
    emit_u8(e, 0xf0);
}

/* ---- stack and control flow ---- */

void emit_push(X64Emit *e, int reg)
{
    emit_opc(e, 0x50 + (reg & 7), -1, -1, reg);
}

void emit_pop(X64Emit *e, int reg)
{
    emit_opc(e, 0x58 + (reg & 7), -1, -1, reg);
}

void emit_ret(X64Emit *e)
{
    emit_u8(e, 0xc3);
}

/* rel32 from the end of an instruction of `len` bytes starting at pos. */
static int64_t rel_from(const X64Emit *e, size_t len, uintptr_t target)
{
    return (int64_t)(target - (e->rx + e->pos + len));
}

void emit_jmp_abs(X64Emit *e, uintptr_t target)
{
    int64_t rel = rel_from(e, 5, target);
    BUG_ON(!x64_fits_s32(rel));
    emit_u8(e, 0xe9);
    note_reloc(e, e->pos, X64_RELOC_REL32, target);
    emit_u32(e, (uint32_t)rel);
}

void emit_call_abs(X64Emit *e, uintptr_t target, int scratch)
{
    int64_t rel = rel_from(e, 5, target);
    if (x64_fits_s32(rel)) {
        emit_u8(e, 0xe8);
        note_reloc(e, e->pos, X64_RELOC_REL32, target);
        emit_u32(e, (uint32_t)rel);
    } else {
        emit_mov_addr(e, scratch, target);
        emit_rr(e, 0xff, 2, scratch);
    }
}

void emit_jmp_reg(X64Emit *e, int reg)
{
    emit_rr(e, 0xff, 4, reg);
}

size_t emit_jmp32(X64Emit *e)
{
    emit_u8(e, 0xe9);
    emit_u32(e, 0);
    return e->pos - 4;
}

size_t emit_call32(X64Emit *e)
{
    emit_u8(e, 0xe8);
    emit_u32(e, 0);
    return e->pos - 4;
}

size_t emit_jcc32(X64Emit *e, X64Cond cc)
{
    emit_u8(e, 0x0f);
    emit_u8(e, (uint8_t)(0x80 + cc));
    emit_u32(e, 0);
    return e->pos - 4;
}

size_t emit_jmp8(X64Emit *e)
{
    emit_u8(e, 0xeb);
    emit_u8(e, 0);
    return e->pos - 1;
}

size_t emit_jcc8(X64Emit *e, X64Cond cc)
{
    emit_u8(e, (uint8_t)(0x70 + cc));
    emit_u8(e, 0);
    return e->pos - 1;
}

void emit_patch32(X64Emit *e, size_t at, size_t target)
{
    int64_t rel = (int64_t)target - (int64_t)(at + 4);
    uint32_t v = (uint32_t)rel;
    if (at + 4 <= e->cap)
        memcpy(e->buf + at, &v, 4);
}

void emit_patch8(X64Emit *e, size_t at, size_t target)
{
    int64_t rel = (int64_t)target - (int64_t)(at + 1);
    BUG_ON(rel != (int8_t)rel);
    if (at < e->cap)
        e->buf[at] = (uint8_t)rel;
}

/* ---- SSE ---- */

#define P66(b) (OPC_66 | OPC_0F | (b))
#define P38(b) (OPC_66 | OPC_0F38 | (b))

static const unsigned sse_opc[X64_SSE_COUNT] = {
    [X64_PADDB] = P66(0xfc), [X64_PADDW] = P66(0xfd), [X64_PADDD] = P66(0xfe),
    [X64_PADDQ] = P66(0xd4), [X64_PSUBB] = P66(0xf8), [X64_PSUBW] = P66(0xf9),
    [X64_PSUBD] = P66(0xfa), [X64_PSUBQ] = P66(0xfb),
    [X64_PMULLW] = P66(0xd5), [X64_PMULLD] = P38(0x40),
    [X64_PAND] = P66(0xdb), [X64_POR] = P66(0xeb), [X64_PXOR] = P66(0xef),
    [X64_PANDN] = P66(0xdf),
    [X64_PCMPEQB] = P66(0x74), [X64_PCMPEQW] = P66(0x75), [X64_PCMPEQD] = P66(0x76),
    [X64_PCMPEQQ] = P38(0x29),
    [X64_PCMPGTB] = P66(0x64), [X64_PCMPGTW] = P66(0x65), [X64_PCMPGTD] = P66(0x66),
    [X64_PCMPGTQ] = P38(0x37),
    [X64_PMINSB] = P38(0x38), [X64_PMINSW] = P66(0xea), [X64_PMINSD] = P38(0x39),
    [X64_PMINUB] = P66(0xda), [X64_PMINUW] = P38(0x3a), [X64_PMINUD] = P38(0x3b),
    [X64_PMAXSB] = P38(0x3c), [X64_PMAXSW] = P66(0xee), [X64_PMAXSD] = P38(0x3d),
    [X64_PMAXUB] = P66(0xde), [X64_PMAXUW] = P38(0x3e), [X64_PMAXUD] = P38(0x3f),
    [X64_PADDSB] = P66(0xec), [X64_PADDSW] = P66(0xed), [X64_PADDUSB] = P66(0xdc),
    [X64_PADDUSW] = P66(0xdd), [X64_PSUBSB] = P66(0xe8), [X64_PSUBSW] = P66(0xe9),
    [X64_PSUBUSB] = P66(0xd8), [X64_PSUBUSW] = P66(0xd9),
    [X64_PAVGB] = P66(0xe0), [X64_PAVGW] = P66(0xe3),
    [X64_PUNPCKLBW] = P66(0x60), [X64_PUNPCKLWD] = P66(0x61), [X64_PUNPCKLDQ] = P66(0x62),
    [X64_PUNPCKLQDQ] = P66(0x6c), [X64_PUNPCKHBW] = P66(0x68), [X64_PUNPCKHWD] = P66(0x69),
    [X64_PUNPCKHDQ] = P66(0x6a), [X64_PUNPCKHQDQ] = P66(0x6d),
    [X64_PSHUFB] = P38(0x00), [X64_PABSB] = P38(0x1c), [X64_PABSW] = P38(0x1d),
    [X64_PABSD] = P38(0x1e),
    [X64_PMOVSXBW] = P38(0x20), [X64_PMOVSXWD] = P38(0x23), [X64_PMOVSXDQ] = P38(0x25),
    [X64_PMOVZXBW] = P38(0x30), [X64_PMOVZXWD] = P38(0x33), [X64_PMOVZXDQ] = P38(0x35),
    [X64_ADDPS] = OPC_0F | 0x58, [X64_ADDPD] = P66(0x58),
    [X64_SUBPS] = OPC_0F | 0x5c, [X64_SUBPD] = P66(0x5c),
    [X64_MULPS] = OPC_0F | 0x59, [X64_MULPD] = P66(0x59),
    [X64_DIVPS] = OPC_0F | 0x5e, [X64_DIVPD] = P66(0x5e),
    [X64_SQRTPS] = OPC_0F | 0x51, [X64_SQRTPD] = P66(0x51),
    [X64_UCOMISS] = OPC_0F | 0x2e, [X64_UCOMISD] = P66(0x2e),
    [X64_PACKUSWB] = P66(0x67), [X64_PACKUSDW] = P38(0x2b),
    [X64_MOVQ_XX] = OPC_F3 | OPC_0F | 0x7e,
    [X64_MOVDQA_XX] = P66(0x6f),
};

/* Opcode (71, 72, 73) and /digit of each immediate shift. */
static const uint8_t sse_shift[X64_SSE_SHIFT_COUNT][2] = {
    [X64_PSRLW] = { 0x71, 2 }, [X64_PSRLD] = { 0x72, 2 }, [X64_PSRLQ] = { 0x73, 2 },
    [X64_PSRAW] = { 0x71, 4 }, [X64_PSRAD] = { 0x72, 4 },
    [X64_PSLLW] = { 0x71, 6 }, [X64_PSLLD] = { 0x72, 6 }, [X64_PSLLQ] = { 0x73, 6 },
    [X64_PSRLDQ] = { 0x73, 3 }, [X64_PSLLDQ] = { 0x73, 7 },
};

void emit_sse_rr(X64Emit *e, X64SseOp op, int dst, int src)
{
    BUG_ON(op >= X64_SSE_COUNT);
    emit_rr(e, sse_opc[op], dst, src);
}

/* "op x, [m]": m must be 16-byte aligned (the legacy SSE encoding). */
void emit_sse_rm(X64Emit *e, X64SseOp op, int x, X64Mem m)
{
    BUG_ON(op >= X64_SSE_COUNT);
    emit_rm(e, sse_opc[op], x, m);
}

/* ldmxcsr [m] (load = true) or stmxcsr [m]: 0F AE /2, /3. */
void emit_mxcsr(X64Emit *e, bool load, X64Mem m)
{
    emit_rm(e, OPC_0F | 0xae, load ? 2 : 3, m);
}

void emit_sse_shift(X64Emit *e, X64SseShift op, int reg, unsigned imm)
{
    BUG_ON(op >= X64_SSE_SHIFT_COUNT);
    emit_rr(e, P66(sse_shift[op][0]), sse_shift[op][1], reg);
    emit_u8(e, (uint8_t)imm);
}

void emit_sse_load(X64Emit *e, unsigned size, int x, X64Mem m)
{
    BUG_ON(size < 2 || size > 4);
    emit_rm(e, size == 4 ? OPC_F3 | OPC_0F | 0x6f : size == 3 ? OPC_F3 | OPC_0F | 0x7e
                                                              : P66(0x6e), x, m);
}

void emit_sse_store(X64Emit *e, unsigned size, int x, X64Mem m)
{
    BUG_ON(size < 2 || size > 4);
    emit_rm(e, size == 4 ? OPC_F3 | OPC_0F | 0x7f : size == 3 ? P66(0xd6) : P66(0x7e), x, m);
}

void emit_movq_xr(X64Emit *e, int x, int r)
{
    emit_rr(e, P66(0x6e) | OPC_W, x, r);
}

void emit_movd_xr(X64Emit *e, int x, int r)
{
    emit_rr(e, P66(0x6e), x, r);
}

/* cvttsd2si / cvttss2si r, x (w: 64-bit r): toward zero, the "integer
 * indefinite" 1 << (31 or 63) when out of range or NaN. */
void emit_cvtt2si(X64Emit *e, bool dbl, bool w, int r, int x)
{
    emit_rr(e, (dbl ? OPC_F2 : OPC_F3) | OPC_0F | 0x2c | W(w), r, x);
}

/* cvtsi2sd / cvtsi2ss x, r (64-bit r): rounded per MXCSR. */
void emit_cvtsi2f(X64Emit *e, bool dbl, int x, int r)
{
    emit_rr(e, (dbl ? OPC_F2 : OPC_F3) | OPC_0F | 0x2a | OPC_W, x, r);
}

void emit_movq_rx(X64Emit *e, int r, int x)
{
    emit_rr(e, P66(0x7e) | OPC_W, x, r);
}

void emit_pinsr(X64Emit *e, unsigned size, int x, int r, unsigned idx)
{
    static const unsigned opc[4] = {
        OPC_66 | OPC_0F3A | 0x20, P66(0xc4), OPC_66 | OPC_0F3A | 0x22,
        OPC_66 | OPC_0F3A | 0x22 | OPC_W,
    };
    BUG_ON(size > 3);
    emit_rr(e, opc[size], x, r);
    emit_u8(e, (uint8_t)idx);
}

void emit_pextr(X64Emit *e, unsigned size, int r, int x, unsigned idx)
{
    BUG_ON(size > 3);
    if (idx == 0 && size >= 2) {   /* movd/movq: one uop where pextr takes two */
        emit_rr(e, P66(0x7e) | W(size == 3), x, r);
        return;
    }
    emit_rr(e, (OPC_66 | OPC_0F3A | (0x14 + (size > 2 ? 2 : size))) | W(size == 3), x, r);
    emit_u8(e, (uint8_t)idx);
}

void emit_pshufd(X64Emit *e, int dst, int src, unsigned imm)
{
    emit_rr(e, P66(0x70), dst, src);
    emit_u8(e, (uint8_t)imm);
}

void emit_pshufw(X64Emit *e, bool hi, int dst, int src, unsigned imm)
{
    emit_rr(e, (hi ? OPC_F3 : OPC_F2) | OPC_0F | 0x70, dst, src);
    emit_u8(e, (uint8_t)imm);
}

void emit_palignr(X64Emit *e, int dst, int src, unsigned imm)
{
    emit_rr(e, OPC_66 | OPC_0F3A | 0x0f, dst, src);
    emit_u8(e, (uint8_t)imm);
}

void emit_shufps(X64Emit *e, int dst, int src, unsigned imm)
{
    emit_rr(e, OPC_0F | 0xc6, dst, src);
    emit_u8(e, (uint8_t)imm);
}

void emit_pmovmskb(X64Emit *e, int r, int x)
{
    emit_rr(e, P66(0xd7), r, x);
}

void emit_fma231(X64Emit *e, bool dbl, bool neg, int dst, int a, int b)
{
    /* VEX.128.66.0F38.W0/W1 B8 (vfmadd231) / BC (vfnmadd231) */
    emit_vex_rr(e, 2, 1, dbl, neg ? 0xbc : 0xb8, dst, a, b);
}

/* "op r, r/m" with a memory source: add/cmp/... r, [m]. */
void emit_alu_rm(X64Emit *e, X64Alu op, bool w, int dst, X64Mem m)
{
    emit_rm(e, (unsigned)(op << 3 | 3) | W(w), dst, m);
}

/* ---- AES-NI, SHA-NI, PCLMULQDQ, horizontal adds, signed packs ---- */

static const unsigned sse2_opc[X64_SSE2_COUNT] = {
    [X64_AESENC] = P38(0xdc), [X64_AESENCLAST] = P38(0xdd),
    [X64_AESDEC] = P38(0xde), [X64_AESDECLAST] = P38(0xdf), [X64_AESIMC] = P38(0xdb),
    /* the SHA extensions have no 66 prefix */
    [X64_SHA256RNDS2] = OPC_0F38 | 0xcb, [X64_SHA256MSG1] = OPC_0F38 | 0xcc,
    [X64_SHA256MSG2] = OPC_0F38 | 0xcd,
    [X64_PHADDW] = P38(0x01), [X64_PHADDD] = P38(0x02),
    [X64_PACKSSWB] = P66(0x63), [X64_PACKSSDW] = P66(0x6b),
};

void emit_sse2_rr(X64Emit *e, X64SseOp2 op, int dst, int src)
{
    BUG_ON(op >= X64_SSE2_COUNT);
    emit_rr(e, sse2_opc[op], dst, src);
}

void emit_pclmulqdq(X64Emit *e, int dst, int src, unsigned imm)
{
    emit_rr(e, OPC_66 | OPC_0F3A | 0x44, dst, src);
    emit_u8(e, (uint8_t)imm);
}

/* test [m], imm32 (32 bits, or 64 with the immediate sign-extended). */
void emit_test_mi(X64Emit *e, bool w, X64Mem m, int32_t imm)
{
    emit_rm(e, 0xf7 | W(w), 0, m);
    emit_u32(e, (uint32_t)imm);
}
