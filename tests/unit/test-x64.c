/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the x86-64 backend (translate/x86_64/), part one: the
 * encoder (general-purpose and SSE/FMA forms) and the op semantics.
 * Each emit_ call is disassembled with
 * capstone and compared with the expected text.  Then blocks of one op,
 * with its operands as globals, dying locals, constants, in place and
 * with garbage in the upper half of i32 inputs, are generated with
 * x64_gen_tb, run on a fake CPU state (test-x64.h) and compared with a C
 * model of ir-ops.def: every value op in i32 and i64 over edge values,
 * every condition, memory ops of every size/sign/byte order, atomics and a
 * nonzero guest_base, once with the host's optional instructions and once
 * with the plain paths.  Whole blocks are tested by test-x64-block.c.
 * Prints "N passed, N failed"; exit status 0 on success.
 */
#include <capstone/capstone.h>
#include <inttypes.h>
#include "test-x64.h"

/* ---- part one: the encoder against capstone ---- */

static csh cs;
static uint8_t encbuf[256];

static void check_enc(const X64Emit *e, const char *expect, const char *what)
{
    cs_insn *insn;
    char text[512] = "";
    size_t n = cs_disasm(cs, e->buf, e->pos, e->rx, 0, &insn), len = 0;

    for (size_t i = 0; i < n; i++) {
        len += (size_t)snprintf(text + len, sizeof(text) - len, "%s%s%s%s", i ? "; " : "",
                                insn[i].mnemonic, insn[i].op_str[0] ? " " : "", insn[i].op_str);
        len = len < sizeof(text) ? len : sizeof(text) - 1;
    }
    if (n)
        cs_free(insn, n);
    check(!strcmp(text, expect), "%s: got \"%s\", want \"%s\"", what, text, expect);
}

#define ENC(expect, ...) do {                                           \
        X64Emit e_ = { encbuf, 0x10000, 0, sizeof(encbuf), NULL }, *e = &e_;  \
        __VA_ARGS__;                                                     \
        check_enc(e, expect, #__VA_ARGS__);                              \
    } while (0)

static void test_encoder(void)
{
    ENC("mov rax, rbx", emit_mov_rr(e, true, X64_RAX, X64_RBX));
    ENC("mov r8d, r15d", emit_mov_rr(e, false, X64_R8, X64_R15));
    ENC("mov eax, 0x12345678", emit_mov_ri(e, X64_RAX, 0x12345678));
    ENC("mov r9, -0x10", emit_mov_ri(e, X64_R9, ~0ull - 15));
    ENC("movabs r10, 0x123456789a", emit_mov_ri(e, X64_R10, 0x123456789aull));
    ENC("movabs rcx, 0x1000", emit_mov_addr(e, X64_RCX, 0x1000));
    ENC("xor r12d, r12d", emit_zero(e, X64_R12));
    ENC("movzx eax, sil", emit_movzx_rr(e, 0, X64_RAX, X64_RSI));
    ENC("movzx r11d, r13w", emit_movzx_rr(e, 1, X64_R11, X64_R13));
    ENC("movsx rax, dil", emit_movsx_rr(e, 0, true, X64_RAX, X64_RDI));
    ENC("movsx ecx, r8w", emit_movsx_rr(e, 1, false, X64_RCX, X64_R8));
    ENC("movsxd rdx, r9d", emit_movsx_rr(e, 2, true, X64_RDX, X64_R9));
    ENC("lea rax, [rbx + r12]", emit_lea(e, true, X64_RAX, x64_mem_idx(X64_RBX, X64_R12, 0)));
    ENC("lea r13d, [r13 - 8]", emit_lea(e, false, X64_R13, x64_mem(X64_R13, -8)));
    ENC("lea rcx, [rbp + rbp]", emit_lea(e, true, X64_RCX, x64_mem_idx(X64_RBP, X64_RBP, 0)));
    ENC("movzx eax, byte ptr [rsi]", emit_load(e, 0, false, true, X64_RAX, x64_mem(X64_RSI, 0)));
    ENC("movsx rax, word ptr [r12 + 0x10]", emit_load(e, 1, true, true, X64_RAX, x64_mem(X64_R12, 16)));
    ENC("movsx eax, byte ptr [r13]", emit_load(e, 0, true, false, X64_RAX, x64_mem(X64_R13, 0)));
    ENC("movsxd rcx, dword ptr [r13]", emit_load(e, 2, true, true, X64_RCX, x64_mem(X64_R13, 0)));
    ENC("mov ecx, dword ptr [rbp + 0x7f]", emit_load(e, 2, true, false, X64_RCX, x64_mem(X64_RBP, 127)));
    ENC("mov r8, qword ptr [rsp + 0x800]", emit_load(e, 3, false, true, X64_R8, x64_mem(X64_RSP, 0x800)));
    ENC("mov eax, dword ptr [r15 + rbx]", emit_load(e, 3, false, false, X64_RAX, x64_mem_idx(X64_R15, X64_RBX, 0)));
    ENC("mov rax, qword ptr [r15 + r12]", emit_load(e, 3, false, true, X64_RAX, x64_mem_idx(X64_R15, X64_R12, 0)));
    ENC("mov byte ptr [rdi], sil", emit_store(e, 0, X64_RSI, x64_mem(X64_RDI, 0)));
    ENC("mov word ptr [rax], r9w", emit_store(e, 1, X64_R9, x64_mem(X64_RAX, 0)));
    ENC("mov dword ptr [rbp + 8], ecx", emit_store(e, 2, X64_RCX, x64_mem(X64_RBP, 8)));
    ENC("mov qword ptr [rsp], rax", emit_store(e, 3, X64_RAX, x64_mem(X64_RSP, 0)));
    ENC("mov byte ptr [rax], 0x12", emit_store_imm(e, 0, x64_mem(X64_RAX, 0), 0x12));
    ENC("mov word ptr [r12], 0x1234", emit_store_imm(e, 1, x64_mem(X64_R12, 0), 0x1234));
    ENC("mov dword ptr [rbx + 4], 0x89abcdef", emit_store_imm(e, 2, x64_mem(X64_RBX, 4), (int32_t)0x89abcdef));
    ENC("mov qword ptr [rbp], -2", emit_store_imm(e, 3, x64_mem(X64_RBP, 0), -2));
    ENC("movbe eax, dword ptr [rsi]", emit_movbe_load(e, 2, X64_RAX, x64_mem(X64_RSI, 0)));
    ENC("movbe word ptr [rdi], r8w", emit_movbe_store(e, 1, X64_R8, x64_mem(X64_RDI, 0)));
    ENC("movbe rax, qword ptr [r12]", emit_movbe_load(e, 3, X64_RAX, x64_mem(X64_R12, 0)));
    ENC("add rax, rcx", emit_alu_rr(e, X64_ADD, true, X64_RAX, X64_RCX));
    ENC("sub r8d, r9d", emit_alu_rr(e, X64_SUB, false, X64_R8, X64_R9));
    ENC("and rax, 0x7f", emit_alu_ri(e, X64_AND, true, X64_RAX, 0x7f));
    ENC("xor r14d, 0x12345", emit_alu_ri(e, X64_XOR, false, X64_R14, 0x12345));
    ENC("cmp r11, -1", emit_alu_ri(e, X64_CMP, true, X64_R11, -1));
    ENC("cmp dword ptr [rbp + 8], 0", emit_alu_mi(e, X64_CMP, false, x64_mem(X64_RBP, 8), 0));
    ENC("test rax, rax", emit_test_rr(e, true, X64_RAX, X64_RAX));
    ENC("test ecx, 0x80", emit_test_ri(e, false, X64_RCX, 0x80));
    ENC("test r10, -0x100", emit_test_ri(e, true, X64_R10, -256));
    ENC("bt rcx, 0x28", emit_bt_ri(e, X64_RCX, 40));
    ENC("bt r13, 0x3e", emit_bt_ri(e, X64_R13, 62));
    ENC("neg rax", emit_unary(e, X64_NEG, true, X64_RAX));
    ENC("not r9d", emit_unary(e, X64_NOT, false, X64_R9));
    ENC("mul rcx", emit_unary(e, X64_MUL, true, X64_RCX));
    ENC("imul r10", emit_unary(e, X64_IMUL1, true, X64_R10));
    ENC("div r12d", emit_unary(e, X64_DIV, false, X64_R12));
    ENC("idiv rsi", emit_unary(e, X64_IDIV, true, X64_RSI));
    ENC("imul rax, rbx", emit_imul_rr(e, true, X64_RAX, X64_RBX));
    ENC("imul ecx, edx, 0x64", emit_imul_rri(e, false, X64_RCX, X64_RDX, 100));
    ENC("imul r8, r9, 0x12345", emit_imul_rri(e, true, X64_R8, X64_R9, 0x12345));
    ENC("cqo", emit_cqo(e, true));
    ENC("cdq", emit_cqo(e, false));
    ENC("shl rax, 3", emit_shift_ri(e, X64_SHL, true, X64_RAX, 3));
    ENC("shr ecx, 1", emit_shift_ri(e, X64_SHR, false, X64_RCX, 1));
    ENC("sar r9, cl", emit_shift_cl(e, X64_SAR, true, X64_R9));
    ENC("ror r10d, 0x1f", emit_shift_ri(e, X64_ROR, false, X64_R10, 31));
    ENC("rol ax, 8", emit_rol16_8(e, X64_RAX));
    ENC("rol r11w, 8", emit_rol16_8(e, X64_R11));
    ENC("bswap rax", emit_bswap(e, true, X64_RAX));
    ENC("bswap r12d", emit_bswap(e, false, X64_R12));
    ENC("bsf rax, rcx", emit_bitop(e, X64_BSF, true, X64_RAX, X64_RCX));
    ENC("bsr r8d, r9d", emit_bitop(e, X64_BSR, false, X64_R8, X64_R9));
    ENC("tzcnt rdx, r15", emit_bitop(e, X64_TZCNT, true, X64_RDX, X64_R15));
    ENC("lzcnt eax, ebx", emit_bitop(e, X64_LZCNT, false, X64_RAX, X64_RBX));
    ENC("popcnt r13, rsi", emit_bitop(e, X64_POPCNT, true, X64_R13, X64_RSI));
    ENC("sete al", emit_setcc(e, X64_CC_E, X64_RAX));
    ENC("setl sil", emit_setcc(e, X64_CC_L, X64_RSI));
    ENC("setb r9b", emit_setcc(e, X64_CC_B, X64_R9));
    ENC("cmove rax, r11", emit_cmov(e, X64_CC_E, true, X64_RAX, X64_R11));
    ENC("cmovg ecx, edx", emit_cmov(e, X64_CC_G, false, X64_RCX, X64_RDX));
    ENC("shlx rax, rcx, rdx", emit_shiftx(e, X64_SHL, true, X64_RAX, X64_RCX, X64_RDX));
    ENC("sarx r9d, r10d, r11d", emit_shiftx(e, X64_SAR, false, X64_R9, X64_R10, X64_R11));
    ENC("shrx r12, r13, r14", emit_shiftx(e, X64_SHR, true, X64_R12, X64_R13, X64_R14));
    ENC("rorx r8, r9, 0x3f", emit_rorx(e, true, X64_R8, X64_R9, 63));
    ENC("rorx eax, r15d, 5", emit_rorx(e, false, X64_RAX, X64_R15, 5));
    ENC("andn rax, rbx, rcx", emit_andn(e, true, X64_RAX, X64_RBX, X64_RCX));
    ENC("andn r10d, r11d, r12d", emit_andn(e, false, X64_R10, X64_R11, X64_R12));
    ENC("lock cmpxchg qword ptr [rsi], rdx", emit_atomic(e, X64_CMPXCHG, 3, X64_RDX, x64_mem(X64_RSI, 0)));
    ENC("lock cmpxchg byte ptr [rax], sil", emit_atomic(e, X64_CMPXCHG, 0, X64_RSI, x64_mem(X64_RAX, 0)));
    ENC("lock xadd word ptr [r15 + rax], r11w", emit_atomic(e, X64_XADD, 1, X64_R11, x64_mem_idx(X64_R15, X64_RAX, 0)));
    ENC("xchg dword ptr [rbx], r11d", emit_atomic(e, X64_XCHG, 2, X64_R11, x64_mem(X64_RBX, 0)));
    ENC("mfence", emit_mfence(e));
    ENC("push rbp; push r15; pop r12; ret",
        emit_push(e, X64_RBP); emit_push(e, X64_R15); emit_pop(e, X64_R12); emit_ret(e));
    ENC("jmp 0x20000", emit_jmp_abs(e, 0x20000));
    ENC("call 0x10100", emit_call_abs(e, 0x10100, X64_R11));
    ENC("movabs r11, 0x7fff00000000; call r11", emit_call_abs(e, 0x7fff00000000ull, X64_R11));
    ENC("jmp rax", emit_jmp_reg(e, X64_RAX));
    ENC("jne 0x10010", emit_patch32(e, emit_jcc32(e, X64_CC_NE), 0x10));
    ENC("jmp 0x10002; je 0x10000", size_t j = emit_jmp8(e);
        emit_patch8(e, j, 2); emit_patch8(e, emit_jcc8(e, X64_CC_E), 0));
    for (unsigned n = 1; n <= 20; n++) {
        X64Emit e = { encbuf, 0x10000, 0, sizeof(encbuf), NULL };
        cs_insn *insn;
        size_t k, bytes = 0;
        emit_nops(&e, n);
        k = cs_disasm(cs, encbuf, e.pos, 0, 0, &insn);
        for (size_t i = 0; i < k; i++) {
            bytes += insn[i].size;
            check(!strcmp(insn[i].mnemonic, "nop"), "nops(%u): %s", n, insn[i].mnemonic);
        }
        check(e.pos == n && bytes == n, "nops(%u) gives %zu bytes", n, bytes);
        if (k)
            cs_free(insn, k);
    }
    /* Writes past the capacity are dropped and reported. */
    X64Emit small = { encbuf, 0, 0, 3, NULL };
    emit_mov_ri(&small, X64_RAX, 1);
    check(x64_emit_overflowed(&small), "overflow not reported");
}

/* The SSE forms (lower-vec.c): every X64SseOp with low and high
 * registers both ways, the immediate shifts, moves and lane accesses. */
static const char *const sse_names[X64_SSE_COUNT] = {
    "paddb", "paddw", "paddd", "paddq", "psubb", "psubw", "psubd", "psubq",
    "pmullw", "pmulld", "pand", "por", "pxor", "pandn",
    "pcmpeqb", "pcmpeqw", "pcmpeqd", "pcmpeqq", "pcmpgtb", "pcmpgtw", "pcmpgtd", "pcmpgtq",
    "pminsb", "pminsw", "pminsd", "pminub", "pminuw", "pminud",
    "pmaxsb", "pmaxsw", "pmaxsd", "pmaxub", "pmaxuw", "pmaxud",
    "paddsb", "paddsw", "paddusb", "paddusw", "psubsb", "psubsw", "psubusb", "psubusw",
    "pavgb", "pavgw",
    "punpcklbw", "punpcklwd", "punpckldq", "punpcklqdq",
    "punpckhbw", "punpckhwd", "punpckhdq", "punpckhqdq",
    "pshufb", "pabsb", "pabsw", "pabsd",
    "pmovsxbw", "pmovsxwd", "pmovsxdq", "pmovzxbw", "pmovzxwd", "pmovzxdq",
    "addps", "addpd", "subps", "subpd", "mulps", "mulpd", "divps", "divpd",
    "sqrtps", "sqrtpd", "ucomiss", "ucomisd", "packuswb", "packusdw", "movq", "movdqa",
};

static const char *const shift_names[X64_SSE_SHIFT_COUNT] = {
    "psrlw", "psrld", "psrlq", "psraw", "psrad", "psllw", "pslld", "psllq", "psrldq", "pslldq",
};

static void test_sse_encoder(void)
{
    static const int regs[][2] = { { 3, 12 }, { 9, 0 }, { 15, 15 } };
    char want[64];

    for (unsigned op = 0; op < X64_SSE_COUNT; op++)
        for (unsigned r = 0; r < 3; r++) {
            snprintf(want, sizeof(want), "%s xmm%d, xmm%d", sse_names[op], regs[r][0], regs[r][1]);
            ENC(want, emit_sse_rr(e, (X64SseOp)op, regs[r][0], regs[r][1]));
        }
    for (unsigned op = 0; op < X64_SSE_SHIFT_COUNT; op++) {
        snprintf(want, sizeof(want), op + 1 > 9 ? "%s xmm%d, 0x%x" : "%s xmm%d, %u",
                 shift_names[op], op + 2, op + 1);
        ENC(want, emit_sse_shift(e, (X64SseShift)op, (int)op + 2, op + 1));
    }
    ENC("movdqu xmm0, xmmword ptr [rsp + 0x800]", emit_sse_load(e, 4, 0, x64_mem(X64_RSP, 0x800)));
    ENC("movdqu xmmword ptr [rbp + 0x40], xmm9", emit_sse_store(e, 4, 9, x64_mem(X64_RBP, 0x40)));
    ENC("movq xmm1, qword ptr [r15 + rbx + 8]", emit_sse_load(e, 3, 1, x64_mem_idx(X64_R15, X64_RBX, 8)));
    ENC("movq qword ptr [rax], xmm10", emit_sse_store(e, 3, 10, x64_mem(X64_RAX, 0)));
    ENC("movd xmm2, dword ptr [r12]", emit_sse_load(e, 2, 2, x64_mem(X64_R12, 0)));
    ENC("movd dword ptr [r13 + 4], xmm0", emit_sse_store(e, 2, 0, x64_mem(X64_R13, 4)));
    ENC("movq xmm0, rbx", emit_movq_xr(e, 0, X64_RBX));
    ENC("movq xmm11, r9", emit_movq_xr(e, 11, X64_R9));
    ENC("movq rax, xmm0", emit_movq_rx(e, X64_RAX, 0));
    ENC("movq r14, xmm12", emit_movq_rx(e, X64_R14, 12));
    ENC("pinsrb xmm0, esi, 0xf", emit_pinsr(e, 0, 0, X64_RSI, 15));
    ENC("pinsrw xmm1, r8d, 7", emit_pinsr(e, 1, 1, X64_R8, 7));
    ENC("pinsrd xmm9, eax, 3", emit_pinsr(e, 2, 9, X64_RAX, 3));
    ENC("pinsrq xmm0, r11, 1", emit_pinsr(e, 3, 0, X64_R11, 1));
    ENC("pextrb esi, xmm0, 0xf", emit_pextr(e, 0, X64_RSI, 0, 15));
    ENC("pextrw r8d, xmm1, 7", emit_pextr(e, 1, X64_R8, 1, 7));
    ENC("pextrd eax, xmm9, 3", emit_pextr(e, 2, X64_RAX, 9, 3));
    ENC("pextrq r11, xmm0, 1", emit_pextr(e, 3, X64_R11, 0, 1));
    ENC("movq r11, xmm0", emit_pextr(e, 3, X64_R11, 0, 0));
    ENC("movd r9d, xmm10", emit_pextr(e, 2, X64_R9, 10, 0));
    ENC("pshufd xmm2, xmm2, 0", emit_pshufd(e, 2, 2, 0));
    ENC("pshufd xmm1, xmm8, 0xee", emit_pshufd(e, 1, 8, 0xee));
    ENC("palignr xmm0, xmm1, 5", emit_palignr(e, 0, 1, 5));
    ENC("shufps xmm0, xmm1, 0x88", emit_shufps(e, 0, 1, 0x88));
    ENC("shufps xmm10, xmm3, 0xdd", emit_shufps(e, 10, 3, 0xdd));
    ENC("pmovmskb eax, xmm3", emit_pmovmskb(e, X64_RAX, 3));
    ENC("vfmadd231ps xmm0, xmm1, xmm2", emit_fma231(e, false, false, 0, 1, 2));
    ENC("vfnmadd231pd xmm8, xmm9, xmm15", emit_fma231(e, true, true, 8, 9, 15));
}

static const uint64_t vals[] = {
    0, 1, 2, 3, 5, 7, 31, 32, 33, 63, 64, 0x7f, 0x80, 0xff, 0x1234,
    0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull, 0x123456789abcdef0ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
    0xfffffffffffffffbull, 0xdeadbeefcafebabeull, 0xffffffff80000000ull,
};
#define NVALS (sizeof(vals) / sizeof(vals[0]))

/* ---- the C model of ir-ops.def ---- */

static uint64_t ref_bin(IROpcode opc, IRType t, uint64_t a, uint64_t b)
{
    bool w = t == IR_I64;
    unsigned width = w ? 64 : 32, n;
    uint64_t m = w ? ~0ull : 0xffffffffull, r = 0;
    int64_t sa, sb;

    a &= m;
    b &= m;
    sa = w ? (int64_t)a : (int32_t)a;
    sb = w ? (int64_t)b : (int32_t)b;
    n = b & (width - 1);
    switch (opc) {
    case IR_OP_add: r = a + b; break;
    case IR_OP_sub: r = a - b; break;
    case IR_OP_mul: r = a * b; break;
    case IR_OP_mulsh:
        r = w ? (uint64_t)(((__int128)sa * sb) >> 64) : (uint64_t)((sa * sb) >> 32);
        break;
    case IR_OP_muluh:
        r = w ? (uint64_t)(((unsigned __int128)a * b) >> 64) : (a * b) >> 32;
        break;
    case IR_OP_divs: r = b == 0 ? 0 : sb == -1 ? 0 - a : (uint64_t)(sa / sb); break;
    case IR_OP_divu: r = b == 0 ? 0 : a / b; break;
    case IR_OP_rems: r = b == 0 ? a : sb == -1 ? 0 : (uint64_t)(sa % sb); break;
    case IR_OP_remu: r = b == 0 ? a : a % b; break;
    case IR_OP_and: r = a & b; break;
    case IR_OP_or: r = a | b; break;
    case IR_OP_xor: r = a ^ b; break;
    case IR_OP_andc: r = a & ~b; break;
    case IR_OP_orc: r = a | ~b; break;
    case IR_OP_eqv: r = a ^ ~b; break;
    case IR_OP_shl: r = a << n; break;
    case IR_OP_shr: r = a >> n; break;
    case IR_OP_sar: r = (uint64_t)(sa >> n); break;
    case IR_OP_rotl: r = n ? a << n | a >> (width - n) : a; break;
    case IR_OP_rotr: r = n ? a >> n | a << (width - n) : a; break;
    default: break;
    }
    return r & m;
}

static uint64_t ref_un(IROpcode opc, IRType t, uint64_t a)
{
    bool w = t == IR_I64;
    uint64_t m = w ? ~0ull : 0xffffffffull, r = 0;

    a &= m;
    switch (opc) {
    case IR_OP_mov: r = a; break;
    case IR_OP_neg: r = 0 - a; break;
    case IR_OP_not: r = ~a; break;
    case IR_OP_clz: r = !a ? (w ? 64 : 32) : w ? __builtin_clzll(a) : __builtin_clz((uint32_t)a); break;
    case IR_OP_ctz: r = !a ? (w ? 64 : 32) : __builtin_ctzll(a); break;
    case IR_OP_ctpop: r = __builtin_popcountll(a); break;
    case IR_OP_bswap: r = w ? __builtin_bswap64(a) : __builtin_bswap32((uint32_t)a); break;
    case IR_OP_ext8s: r = (uint64_t)(int64_t)(int8_t)a; break;
    case IR_OP_ext8u: r = (uint8_t)a; break;
    case IR_OP_ext16s: r = (uint64_t)(int64_t)(int16_t)a; break;
    case IR_OP_ext16u: r = (uint16_t)a; break;
    case IR_OP_ext32s: r = (uint64_t)(int64_t)(int32_t)a; break;
    case IR_OP_ext32u: case IR_OP_trunc: r = (uint32_t)a; break;
    default: break;
    }
    return r & m;
}

/* ---- binary ops in every operand form ---- */

enum {
    F_GLOBALS, F_CONST_Y, F_CONST_X, F_INPLACE, F_DEST_Y, F_LOCALS, F_SAME,
    F_LOCAL_CONST, F_DIRTY, F_W32, F_NFORMS,
};
static const char *const form_names[] = {
    "globals", "const y", "const x", "in place", "d == y", "dying locals",
    "x op x", "local op const", "dirty globals", "i32 globals",
};

static void emit_bin(IROpcode opc, IRType t, IRTemp d, IRTemp x, IRTemp y)
{
    uint32_t a[3] = { d, x, y };
    ir_emit(&blk, opc, t, a);
}

/* Build "result = x op y" in the given form; returns where the result goes
 * (an index into env.r, or 100 + index into env.w). */
static int build_bin(IROpcode opc, IRType t, int form, uint64_t k)
{
    IRTemp d = L(t), t1, t2;

    switch (form) {
    case F_GLOBALS: emit_bin(opc, t, d, R[1], R[2]); break;
    case F_CONST_Y: emit_bin(opc, t, d, R[1], K(t, k)); break;
    case F_CONST_X: emit_bin(opc, t, d, K(t, k), R[2]); break;
    case F_INPLACE: emit_bin(opc, t, R[1], R[1], R[2]); return 1;
    case F_DEST_Y: emit_bin(opc, t, R[2], R[1], R[2]); return 2;
    case F_SAME: emit_bin(opc, t, d, R[1], R[1]); break;
    case F_W32: emit_bin(opc, t, W[0], W[1], W[2]); return 100;
    case F_LOCALS:
        t1 = L(IR_I64);
        t2 = L(IR_I64);
        ir_mov(&blk, IR_I64, t1, R[1]);
        ir_mov(&blk, IR_I64, t2, R[2]);
        emit_bin(opc, t, d, t1, t2);
        break;
    case F_LOCAL_CONST:
        t1 = L(IR_I64);
        ir_mov(&blk, IR_I64, t1, R[1]);
        emit_bin(opc, t, d, t1, K(t, k));
        break;
    case F_DIRTY:
        ir_mov(&blk, IR_I64, R[3], R[1]);
        ir_mov(&blk, IR_I64, R[4], R[2]);
        emit_bin(opc, t, R[0], R[3], R[4]);
        return 0;
    }
    ir_mov(&blk, IR_I64, R[0], d);
    return 0;
}

static uint64_t result_of(int where)
{
    return where >= 100 ? env.w[where - 100] : env.r[where];
}

static void test_binops(const char *mode)
{
    static const IROpcode ops[] = {
        IR_OP_add, IR_OP_sub, IR_OP_mul, IR_OP_mulsh, IR_OP_muluh, IR_OP_divs,
        IR_OP_divu, IR_OP_rems, IR_OP_remu, IR_OP_and, IR_OP_or, IR_OP_xor,
        IR_OP_andc, IR_OP_orc, IR_OP_eqv, IR_OP_shl, IR_OP_shr, IR_OP_sar,
        IR_OP_rotl, IR_OP_rotr,
    };
    for (size_t o = 0; o < sizeof(ops) / sizeof(ops[0]); o++)
    for (int ti = 0; ti < 2; ti++)
    for (int form = 0; form < F_NFORMS; form++) {
        IRType t = ti ? IR_I64 : IR_I32;
        bool konst = form == F_CONST_X || form == F_CONST_Y || form == F_LOCAL_CONST;
        if (form == F_W32 && t == IR_I64)
            continue;
        for (size_t ki = 0; ki < (konst ? NVALS : 1); ki++) {
            uint64_t k = ir_trunc_to(t, vals[ki]);
            int where;
            begin();
            where = build_bin(ops[o], t, form, k);
            if (!finish())
                return;
            for (size_t i = 0; i < NVALS; i++)
            for (size_t j = 0; j < NVALS; j++) {
                uint64_t a = vals[i], b = vals[j], want, got;
                if (form == F_CONST_X)
                    a = k;
                if (form == F_CONST_Y || form == F_LOCAL_CONST)
                    b = k;
                if (form == F_SAME)
                    b = a;
                env.r[1] = a;
                env.r[2] = b;
                env.r[0] = 0x5a5a5a5a5a5a5a5aull;
                env.w[1] = (uint32_t)a;
                env.w[2] = (uint32_t)b;
                env.r[9] = 0x9999;
                run(&cur_tb);
                want = ref_bin(ops[o], t, a, b);
                got = result_of(where);
                if (!check(got == want && env.r[9] == 0x9999,
                           "%s %s %s (%s): %#" PRIx64 ", %#" PRIx64 " = %#" PRIx64 ", want %#" PRIx64,
                           mode, ir_op_defs[ops[o]].name, t ? "i64" : "i32", form_names[form],
                           a, b, got, want))
                    break;
            }
        }
    }
}

static void test_unops(const char *mode)
{
    static const IROpcode ops[] = {
        IR_OP_mov, IR_OP_neg, IR_OP_not, IR_OP_clz, IR_OP_ctz, IR_OP_ctpop,
        IR_OP_bswap, IR_OP_ext8s, IR_OP_ext8u, IR_OP_ext16s, IR_OP_ext16u,
        IR_OP_ext32s, IR_OP_ext32u, IR_OP_trunc,
    };
    for (size_t o = 0; o < sizeof(ops) / sizeof(ops[0]); o++)
    for (int ti = 0; ti < 2; ti++)
    for (int form = 0; form < 4; form++) {
        IROpcode opc = ops[o];
        IRType t = ti ? IR_I64 : IR_I32;
        if ((opc == IR_OP_ext32s || opc == IR_OP_ext32u) && t == IR_I32)
            continue;
        if (opc == IR_OP_trunc && t == IR_I64)
            continue;
        begin();
        IRTemp d = L(t), x = L(IR_I64);
        uint32_t a[2] = { d, R[1] };
        int where = 0;
        if (form == 1) {                 /* dying local source */
            ir_mov(&blk, IR_I64, x, R[1]);
            a[1] = x;
        } else if (form == 2) {          /* in place on a global */
            a[0] = R[1];
            where = 1;
        } else if (form == 3) {          /* i32 globals */
            if (t == IR_I64)
                continue;
            a[0] = W[0];
            a[1] = W[1];
            where = 100;
        }
        ir_emit(&blk, opc, t, a);
        if (form < 2)
            ir_mov(&blk, IR_I64, R[0], d);
        if (!finish())
            return;
        for (size_t i = 0; i < NVALS; i++) {
            uint64_t v = vals[i] ^ (form == 3 ? 0 : 0), want, got;
            env.r[1] = v;
            env.w[1] = (uint32_t)v;
            run(&cur_tb);
            want = ref_un(opc, t, v);
            got = result_of(where);
            if (!check(got == want, "%s %s %s form %d: %#" PRIx64 " -> %#" PRIx64 ", want %#" PRIx64,
                       mode, ir_op_defs[opc].name, t ? "i64" : "i32", form, v, got, want))
                break;
        }
    }
}

static void test_bitfields(const char *mode)
{
    static const unsigned poss[] = { 0, 1, 7, 8, 15, 16, 24, 31, 32, 33, 48, 63 };
    static const unsigned lens[] = { 1, 2, 7, 8, 15, 16, 17, 31, 32, 33, 48, 63, 64 };

    for (int ti = 0; ti < 2; ti++)
    for (size_t pi = 0; pi < sizeof(poss) / sizeof(poss[0]); pi++)
    for (size_t li = 0; li < sizeof(lens) / sizeof(lens[0]); li++)
    for (int kind = 0; kind < 6; kind++) {
        IRType t = ti ? IR_I64 : IR_I32;
        unsigned width = ti ? 64 : 32, pos = poss[pi], len = lens[li];
        uint64_t m = ti ? ~0ull : 0xffffffffull, lmask = len == 64 ? ~0ull : (1ull << len) - 1;
        if (pos + len > width)
            continue;
        begin();
        IRTemp d = L(t);
        if (kind == 0)
            ir_extract(&blk, t, d, R[1], pos, len);
        else if (kind == 1)
            ir_sextract(&blk, t, d, R[1], pos, len);
        else if (kind == 2)
            ir_deposit(&blk, t, d, R[1], R[2], pos, len);
        else if (kind == 3)
            ir_deposit(&blk, t, d, R[1], K(t, 0x123456789abcdef5ull & m), pos, len);
        else    /* a constant base: zero (LSL, UBFIZ) or not */
            ir_deposit(&blk, t, d, K(t, kind == 4 ? 0 : 0xf0e1d2c3b4a59687ull & m), R[2], pos, len);
        ir_mov(&blk, IR_I64, R[0], d);
        if (!finish())
            return;
        for (size_t i = 0; i < NVALS; i += 2) {
            uint64_t a = vals[i], b = kind == 3 ? (0x123456789abcdef5ull & m) : vals[NVALS - 1 - i];
            if (kind >= 4)
                a = kind == 4 ? 0 : 0xf0e1d2c3b4a59687ull & m;
            uint64_t want, f = ((a & m) >> pos) & lmask;
            if (kind == 0)
                want = f;
            else if (kind == 1)
                want = (uint64_t)((int64_t)(f << (64 - len)) >> (64 - len)) & m;
            else
                want = ((a & ~(lmask << pos)) | ((b & lmask) << pos)) & m;
            env.r[1] = a;
            env.r[2] = b;
            run(&cur_tb);
            if (!check(env.r[0] == want, "%s %s i%u pos %u len %u: %#" PRIx64 ", %#" PRIx64
                       " = %#" PRIx64 ", want %#" PRIx64, mode,
                       kind == 0 ? "extract" : kind == 1 ? "sextract" : "deposit",
                       width, pos, len, a, b, env.r[0], want))
                break;
        }
    }
}

/* ---- comparisons ---- */

static void test_conds(const char *mode)
{
    static const uint64_t cvals[] = {
        0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
        0x8000000000000000ull, 0xffffffffffffffffull, 0x17fffffffull, 0xff,
    };
    const size_t nc = sizeof(cvals) / sizeof(cvals[0]);

    for (int cond = 0; cond <= IR_COND_NEVER; cond++)
    for (int ti = 0; ti < 2; ti++)
    for (int kind = 0; kind < 9; kind++)
    for (size_t ki = 0; ki < (kind >= 6 ? nc : 1); ki++) {
        IRType t = ti ? IR_I64 : IR_I32;
        uint64_t k = ir_trunc_to(t, cvals[ki]);
        uint32_t l1, l2;
        IRTemp x = R[1], y = kind == 7 ? K(t, 0) : R[2], d, s;
        begin();
        if (kind == 7) {
            y = K(t, k);
        } else if (kind == 8) {
            x = K(t, k);
        } else if (kind == 6) {
            x = L(IR_I64);
            ir_mov(&blk, IR_I64, x, R[1]);
            y = K(t, k);
        }
        switch (kind) {
        case 0: case 6: case 7: case 8:   /* setcond */
            d = L(t);
            ir_setcond(&blk, t, cond, d, x, y);
            ir_mov(&blk, IR_I64, R[0], d);
            break;
        case 1:                           /* movcond, registers */
            ir_movcond(&blk, t, cond, R[0], R[1], R[2], R[3], R[4]);
            break;
        case 2:                           /* movcond, constant values, d == c1 */
            ir_movcond(&blk, t, cond, R[1], R[1], R[2], K(t, 0x11), K(t, 0x22));
            ir_mov(&blk, IR_I64, R[0], R[1]);
            break;
        case 3:                           /* movcond in place, v1 const */
            ir_movcond(&blk, t, cond, R[4], R[1], R[2], K(t, 0x33), R[4]);
            ir_mov(&blk, IR_I64, R[0], R[4]);
            break;
        case 4:                           /* movcond with dying locals */
            d = L(t);
            s = L(IR_I64);
            ir_add(&blk, IR_I64, s, R[4], K(IR_I64, 0));
            ir_movcond(&blk, t, cond, d, R[1], R[2], R[3], s);
            ir_mov(&blk, IR_I64, R[0], d);
            break;
        case 5:                           /* brcond, a local live across */
            l1 = ir_new_label(&blk);
            l2 = ir_new_label(&blk);
            s = L(IR_I64);
            ir_add(&blk, IR_I64, s, R[3], K(IR_I64, 5));
            ir_brcond(&blk, t, cond, R[1], R[2], l1);
            ir_mov(&blk, IR_I64, R[0], R[4]);
            ir_br(&blk, l2);
            ir_label(&blk, l1);
            ir_mov(&blk, IR_I64, R[0], R[3]);
            ir_label(&blk, l2);
            ir_add(&blk, IR_I64, R[0], R[0], s);
            break;
        }
        if (!finish())
            return;
        for (size_t i = 0; i < nc; i++)
        for (size_t j = 0; j < nc; j++) {
            uint64_t a = cvals[i] ^ (ti ? 0 : 0xabcd000000000000ull), b = cvals[j], want;
            bool c;
            if (kind == 6 || kind == 7)
                b = k;
            if (kind == 8)
                a = k;
            c = ir_cond_eval(cond, t, a, b);
            env.r[1] = a;
            env.r[2] = b;
            env.r[3] = 0x3333;
            env.r[4] = 0xffffffff00004444ull;
            run(&cur_tb);
            switch (kind) {
            case 1: want = ir_trunc_to(t, c ? env.r[3] : env.r[4]); break;
            case 2: want = c ? 0x11 : 0x22; break;
            case 3: want = c ? 0x33 : ir_trunc_to(t, 0xffffffff00004444ull); break;
            case 4: want = ir_trunc_to(t, c ? 0x3333 : 0xffffffff00004444ull); break;
            case 5: want = (c ? 0x3333 : 0xffffffff00004444ull) + 0x3333 + 5; break;
            default: want = c; break;
            }
            if (!check(env.r[0] == want, "%s cond %s %s kind %d: %#" PRIx64 ", %#" PRIx64
                       " -> %#" PRIx64 ", want %#" PRIx64, mode, ir_cond_name(cond),
                       ti ? "i64" : "i32", kind, a, b, env.r[0], want))
                goto next;
        }
    next:;
    }
}

/* ---- memory ---- */

static uint8_t mem[64] __attribute__((aligned(16)));

static void fill_mem(void)
{
    for (unsigned i = 0; i < sizeof(mem); i++)
        mem[i] = (uint8_t)(0x81 + 0x37 * i);
}

/* The value of the memop access at p, extended per memop and type. */
static uint64_t ref_load(const uint8_t *p, unsigned mo, IRType t)
{
    unsigned n = 1u << (mo & IR_MO_SIZE);
    uint64_t v = 0;

    for (unsigned i = 0; i < n; i++)
        v |= (uint64_t)p[(mo & IR_MO_BE) ? n - 1 - i : i] << (8 * i);
    if ((mo & IR_MO_SIGN) && n < 8)
        v = (uint64_t)((int64_t)(v << (64 - 8 * n)) >> (64 - 8 * n));
    return ir_trunc_to(t, v);
}

static void ref_store(uint8_t *p, unsigned mo, uint64_t v)
{
    unsigned n = 1u << (mo & IR_MO_SIZE);
    for (unsigned i = 0; i < n; i++)
        p[(mo & IR_MO_BE) ? n - 1 - i : i] = (uint8_t)(v >> (8 * i));
}

static const char *mo_name(unsigned mo)
{
    static char s[32];
    snprintf(s, sizeof(s), "%u%s%s", 8u << (mo & 3), mo & IR_MO_SIGN ? "s" : "u",
             mo & IR_MO_BE ? "be" : "le");
    return s;
}

/* Guest addresses of mem: host pointers when guest_base is 0. */
static uint64_t gaddr(int64_t off)
{
    return (uint64_t)((intptr_t)mem + off - (intptr_t)guest_base);
}

static void test_memory(const char *mode)
{
    static const uint64_t svals[] = {
        0x0123456789abcdefull, 0xfedcba9876543210ull, 0x80, 0x7fff8000ull, 0xffffffffffffffffull,
    };
    for (unsigned mo = 0; mo < 16; mo++)
    for (int ti = 0; ti < 2; ti++)
    for (int kind = 0; kind < 8; kind++) {
        IRType t = ti ? IR_I64 : IR_I32;
        unsigned off = 8 + (mo & 3), n = 1u << (mo & 3);
        IRTemp a2;
        IRTemp d, a;
        begin();
        d = L(t);
        switch (kind) {
        case 0:   /* load, address in a global */
            ir_ld(&blk, t, d, R[2], mo);
            ir_mov(&blk, IR_I64, R[0], d);
            break;
        case 1:   /* load, constant address, into a global */
            ir_ld(&blk, t, R[0], K(IR_I64, gaddr(off)), mo);
            break;
        case 2:   /* store a global, address in a dying local */
            a = L(IR_I64);
            ir_add(&blk, IR_I64, a, R[2], K(IR_I64, 0));
            ir_st(&blk, t, R[1], a, mo);
            break;
        case 3:   /* store a constant */
            ir_st(&blk, t, K(t, ir_trunc_to(t, svals[mo % 5])), R[2], mo);
            break;
        case 4:   /* ldenv/stenv with the same memop */
            ir_ldenv(&blk, t, d, ENV_OFF(other), mo);
            ir_mov(&blk, IR_I64, R[0], d);
            ir_stenv(&blk, t, R[1], ENV_OFF(other) + 8 - (int32_t)n, mo);
            break;
        case 5:   /* load from global + offset (folded into the access) */
            a = L(IR_I64);
            ir_add(&blk, IR_I64, a, K(IR_I64, 40), R[5]);
            ir_xor(&blk, IR_I64, R[6], R[5], R[1]);
            ir_ld(&blk, t, d, a, mo);
            ir_mov(&blk, IR_I64, R[0], d);
            break;
        case 6:   /* store to global + offset, folded, then the base changes */
            a = L(IR_I64);
            ir_add(&blk, IR_I64, a, R[5], K(IR_I64, 40));
            ir_st(&blk, t, R[1], a, mo);
            ir_add(&blk, IR_I64, R[5], R[5], K(IR_I64, 1));
            break;
        case 7:   /* base changes before the use, and an offset used twice */
            a = L(IR_I64);
            a2 = L(IR_I64);
            ir_add(&blk, IR_I64, a, R[5], K(IR_I64, 40));
            ir_add(&blk, IR_I64, a2, R[5], K(IR_I64, 32));
            ir_sub(&blk, IR_I64, R[5], R[5], K(IR_I64, 1000));
            ir_ld(&blk, t, d, a, mo);
            ir_ld(&blk, t, R[7], a2, mo);
            ir_ld(&blk, t, R[8], a2, mo);
            ir_add(&blk, IR_I64, R[0], d, K(IR_I64, 0));
            break;
        }
        if (!finish())
            return;
        for (size_t i = 0; i < 5; i++) {
            uint8_t want[64];
            uint64_t v = svals[i], got, exp = 0;
            fill_mem();
            memcpy(want, mem, sizeof(mem));
            env.r[1] = v;
            env.r[2] = gaddr(off);
            env.other = 0x8899aabbccddeeffull ^ v;
            env.r[5] = gaddr((int64_t)off - 40);
            uint64_t other = env.other;
            if (kind == 0 || kind == 1 || kind == 5 || kind == 7)
                exp = ref_load(mem + off, mo, t);
            else if (kind == 6)
                ref_store(want + off, mo, ir_trunc_to(t, v));
            else if (kind == 2)
                ref_store(want + off, mo, ir_trunc_to(t, v));
            else if (kind == 3)
                ref_store(want + off, mo, ir_trunc_to(t, svals[mo % 5]));
            else
                exp = ref_load((uint8_t *)&other, mo, t);
            run(&cur_tb);
            got = env.r[0];
            if (kind != 2 && kind != 3 && kind != 6) {
                bool ok = got == exp;
                if (kind == 7)
                    ok = ok && env.r[7] == ref_load(mem + off - 8, mo, t) && env.r[8] == env.r[7];
                if (kind == 4) {
                    ref_store((uint8_t *)&other + 8 - n, mo, ir_trunc_to(t, v));
                    ok = ok && env.other == other;
                }
                if (!check(ok, "%s %s %s i%d kind %d: got %#" PRIx64 ", want %#" PRIx64,
                           mode, kind == 4 ? "ldenv" : "ld", mo_name(mo), ti ? 64 : 32,
                           kind, got, exp))
                    break;
            } else if (!check(!memcmp(mem, want, sizeof(mem)), "%s st %s i%d kind %d value %#" PRIx64,
                              mode, mo_name(mo), ti ? 64 : 32, kind, v)) {
                break;
            }
        }
    }
}

static void test_atomics(const char *mode)
{
    for (unsigned mo = 0; mo < 16; mo++)
    for (int ti = 0; ti < 2; ti++)
    for (int kind = 0; kind < 4; kind++) {
        IRType t = ti ? IR_I64 : IR_I32;
        unsigned n = 1u << (mo & 3);
        uint64_t m = n == 8 ? ~0ull : (1ull << (8 * n)) - 1;
        IRTemp d;
        begin();
        d = L(t);
        if (kind == 0)
            ir_cmpxchg(&blk, t, d, R[2], R[3], R[1], mo);
        else if (kind == 1)
            ir_cmpxchg(&blk, t, d, R[2], R[3], K(t, ir_trunc_to(t, 0x55aa55aa55aa55aaull)), mo);
        else if (kind == 2)
            ir_xchg(&blk, t, d, R[2], R[1], mo);
        else
            ir_fetch_add(&blk, t, d, R[2], R[1], mo);
        ir_mov(&blk, IR_I64, R[0], d);
        if (!finish())
            return;
        for (int pass = 0; pass < 4; pass++) {
            uint8_t want[64];
            uint64_t v = pass & 1 ? 0xfedcba9876543210ull : 0x0123456789abcd7full, old, exp;
            bool match;
            fill_mem();
            memcpy(want, mem, sizeof(mem));
            /* An i32 op reads its register inputs' low 32 bits. */
            old = ref_load(mem + 16, mo & ~IR_MO_SIGN, IR_I64);
            env.r[1] = v;
            env.r[2] = gaddr(16);
            env.r[3] = pass >= 2 ? old : old ^ 1;
            match = ir_trunc_to(t, env.r[3]) == old;
            exp = ref_load(mem + 16, mo, t);
            v = ir_trunc_to(t, kind == 1 ? 0x55aa55aa55aa55aaull : v);
            if (kind < 2 && match)
                ref_store(want + 16, mo, v);
            else if (kind == 2)
                ref_store(want + 16, mo, v);
            else if (kind == 3)
                ref_store(want + 16, mo, (old + v) & m);
            run(&cur_tb);
            if (!check(env.r[0] == exp && !memcmp(mem, want, sizeof(mem)),
                       "%s %s %s i%d pass %d: got %#" PRIx64 ", want %#" PRIx64 "%s", mode,
                       kind < 2 ? "cmpxchg" : kind == 2 ? "xchg" : "fetch_add", mo_name(mo),
                       ti ? 64 : 32, pass, env.r[0], exp,
                       memcmp(mem, want, sizeof(mem)) ? " (memory differs)" : ""))
                break;
        }
    }
    /* mb: only checks that the fence assembles and runs. */
    begin();
    ir_mb(&blk, IR_MB_ALL | IR_MB_SC);
    ir_mb(&blk, IR_MB_LD);
    ir_movi(&blk, IR_I64, R[0], 7);
    if (finish()) {
        run(&cur_tb);
        check(env.r[0] == 7, "mb");
    }
}

/* Non-zero guest_base: every access is [base + address]. */
static void test_guest_base(void)
{
    guest_base = (uintptr_t)mem - 0x10000;
    begin();
    IRTemp d = L(IR_I64), a = L(IR_I64);
    ir_add(&blk, IR_I64, a, R[2], K(IR_I64, 0x30 - 4));
    ir_st(&blk, IR_I64, R[2], a, IR_MO_8);
    ir_ld(&blk, IR_I64, d, R[2], IR_MO_32 | IR_MO_SIGN);
    ir_st(&blk, IR_I64, R[1], R[2], IR_MO_16 | IR_MO_BE);
    ir_fetch_add(&blk, IR_I64, R[3], K(IR_I64, 0x10020), R[1], IR_MO_64);
    ir_add(&blk, IR_I64, R[0], d, K(IR_I64, 0));
    if (finish()) {
        fill_mem();
        uint64_t want = ref_load(mem + 4, IR_MO_32 | IR_MO_SIGN, IR_I64);
        uint64_t old = ref_load(mem + 0x20, IR_MO_64, IR_I64);
        env.r[1] = 0x1122;
        env.r[2] = 0x10004;
        run(&cur_tb);
        check(env.r[0] == want && mem[4] == 0x11 && mem[5] == 0x22 && env.r[3] == old &&
              mem[0x30] == 0x04 &&
              ref_load(mem + 0x20, IR_MO_64, IR_I64) == old + 0x1122, "guest_base accesses");
    }
    guest_base = 0;
}

/* Address folding (a = base + k used as an address) must not see the
 * base change: by a helper, by stenv, or a use of a as a value. */
static uint64_t h_clobber_r5(uint64_t envp)
{
    ((TestEnv *)envp)->r[5] += 8;
    return 0;
}

static IRHelper helper_clobber = { (void *)h_clobber_r5, "clobber_r5", 1, 0, 0 };

static void test_fold(void)
{
    for (int kind = 0; kind < 3; kind++) {
        IRTemp a, d;
        begin();
        a = L(IR_I64);
        d = L(IR_I64);
        ir_add(&blk, IR_I64, a, R[5], K(IR_I64, 16));
        if (kind == 0)
            ir_call(&blk, &helper_clobber, IR_NONE, IR_ENV, IR_NONE, IR_NONE, IR_NONE, IR_NONE);
        else if (kind == 1)
            ir_stenv(&blk, IR_I64, K(IR_I64, gaddr(32)), ENV_OFF(r[5]), IR_MO_64);
        if (kind < 2) {
            ir_ld(&blk, IR_I64, d, a, IR_MO_64);
            ir_mov(&blk, IR_I64, R[0], d);
        } else {
            ir_st(&blk, IR_I64, a, a, IR_MO_64);
        }
        if (!finish())
            return;
        fill_mem();
        env.r[5] = gaddr(0);
        run(&cur_tb);
        if (kind < 2)
            check(env.r[0] == ref_load(mem + 16, IR_MO_64, IR_I64), "fold kind %d", kind);
        else
            check(ref_load(mem + 16, IR_MO_64, IR_I64) == gaddr(16), "fold: value is address");
    }
}

static void run_op_tests(const char *mode)
{
    test_binops(mode);
    test_unops(mode);
    test_bitfields(mode);
    test_conds(mode);
    test_memory(mode);
    test_atomics(mode);
}

int main(void)
{
    X64Features all;

    if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK) {
        printf("capstone unavailable\n");
        return 1;
    }
    test_encoder();
    test_sse_encoder();
    cs_close(&cs);
    if (!setup())
        return 1;
    all = x64_features;
    run_op_tests("host");
    memset(&x64_features, 0, sizeof(x64_features));
    run_op_tests("plain");
    x64_features = all;
    test_guest_base();
    test_fold();
    return finish_tests();
}
