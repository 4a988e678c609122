/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Lowering of the value-computing IR ops to x86-64: moves, arithmetic,
 * logic, shifts, bit counts, extensions, bit fields and comparisons (split
 * from lower.c, which handles block structure, memory and calls).
 *
 * Most x86 instructions are two-address (dst op= src), so an op d = x OP y
 * is emitted into a register prepared by prep_dst(): x's own register when
 * d == x, x's register when x dies here, else a new register loaded with
 * x.  Constants become imm32 operands where the instruction takes one.
 * An IR_I32 op uses the 32-bit instruction forms, which read the low 32
 * bits of their sources and zero-extend the result, exactly the IR's rule;
 * the few sequences that could leave the upper half untouched zero-extend
 * explicitly.  Corner cases follow ir-ops.def: counts modulo the width,
 * division by zero and MIN / -1 checked before idiv, clz/ctz(0) = width.
 * Optional instructions (BMI1/BMI2, LZCNT, POPCNT) each have a plain path
 * beside them, chosen by x64_features.
 */
#include "x64-internal.h"
#include "util/log.h"

static bool op_w(const IROp *op)
{
    return op->type == IR_I64;
}

static uint64_t cval(const X64Ctx *c, IRTemp t)
{
    return c->b->temps[t].value;
}

X64Opnd x64_operand(X64Ctx *c, IRTemp t, bool w)
{
    X64Opnd o = { 0 };

    if (ir_is_const(c->b, t)) {
        uint64_t v = cval(c, t);
        if (!w || x64_fits_s32((int64_t)v)) {
            o.imm = true;
            o.val = (int32_t)(uint32_t)v;
            return o;
        }
    }
    o.reg = ra_use(c, t);
    return o;
}

X64Opnd x64_cmp_operand(X64Ctx *c, IRCond cond, IRTemp y, bool w)
{
    if (w && (cond == IR_COND_TSTEQ || cond == IR_COND_TSTNE) && ir_is_const(c->b, y)) {
        uint64_t v = cval(c, y);
        if (v >= 1ull << 31 && !(v & (v - 1)))
            return (X64Opnd){ .bit = (int8_t)(__builtin_ctzll(v) + 1) };
    }
    return x64_operand(c, y, w);
}

int x64_out3(X64Ctx *c, const IROp *op)
{
    const IROpDef *def = &ir_op_defs[op->opc];
    IRTemp d = op->args[0];

    for (unsigned k = def->nout; k < def->nout + def->nin; k++) {
        if (op->args[k] == d && c->ts[d].reg >= 0)
            return c->ts[d].reg;
    }
    for (unsigned k = def->nout; k < def->nout + def->nin; k++)
        if (ra_can_take(c, op, k))
            return ra_take(c, op, k);
    return ra_out(c, op, d);
}

/* See the file comment; the y operand must be locked before this. */
static int prep_dst(X64Ctx *c, const IROp *op, unsigned xarg, bool w)
{
    IRTemp d = op->args[0], x = op->args[xarg];
    int rd;

    if (d == x)
        return ra_use(c, x);
    if (ra_can_take(c, op, xarg))
        return ra_take(c, op, xarg);
    rd = ra_out(c, op, d);
    ra_load_into(c, x, rd, w);
    return rd;
}

/* rd op= v for a 64-bit value v that may not fit an immediate. */
static void alu_imm(X64Ctx *c, X64Alu alu, bool w, int rd, uint64_t v)
{
    if (!w || x64_fits_s32((int64_t)v)) {
        emit_alu_ri(&c->e, alu, w, rd, (int32_t)(uint32_t)v);
    } else {
        int t = ra_alloc(c, 0xffff);
        emit_mov_ri(&c->e, t, v);
        emit_alu_rr(&c->e, alu, w, rd, t);
    }
}

/* d = args[xarg] at the op width. */
static void move_arg(X64Ctx *c, const IROp *op, unsigned xarg, bool w)
{
    IRTemp d = op->args[0], x = op->args[xarg];
    const IRTempInfo *di = &c->b->temps[d];
    int rd;

    if (ir_is_const(c->b, x) && di->kind == IR_TEMP_GLOBAL) {
        /* A constant into a global: store it, no register needed. */
        uint64_t v = w ? cval(c, x) : (uint32_t)cval(c, x);
        if (di->type == IR_I32 || x64_fits_s32((int64_t)v)) {
            ra_drop(c, d);
            emit_store_imm(&c->e, di->type == IR_I64 ? 3 : 2, ra_home(c, d), (int32_t)v);
            c->ts[d].mem_ok = true;
            return;
        }
    }
    if (d == x) {
        if (!w) {
            rd = ra_use(c, d);
            emit_mov_rr(&c->e, false, rd, rd);
            ra_def(c, d, rd);
        }
        return;
    }
    if (ra_can_take(c, op, xarg)) {
        rd = ra_take(c, op, xarg);
        if (!w)
            emit_mov_rr(&c->e, false, rd, rd);
    } else {
        rd = ra_out(c, op, d);
        ra_load_into(c, x, rd, w);
    }
    ra_def(c, d, rd);
}

void x64_lower_mov(X64Ctx *c, const IROp *op)
{
    move_arg(c, op, 1, op_w(op));
}

/* d = k, a constant known at translation time. */
static void set_const(X64Ctx *c, const IROp *op, uint64_t k)
{
    int rd = ra_out(c, op, op->args[0]);
    emit_mov_ri(&c->e, rd, k);
    ra_def(c, op->args[0], rd);
}

/* For a commutative d = x op y: is y the better first operand? */
static bool swap_commutative(X64Ctx *c, const IROp *op)
{
    IRTemp d = op->args[0], x = op->args[1], y = op->args[2];

    if (d == x)
        return false;
    if (ir_is_const(c->b, x) && !ir_is_const(c->b, y))
        return true;
    if (d == y)
        return true;
    return !ra_can_take(c, op, 1) && ra_can_take(c, op, 2);
}

void x64_lower_alu(X64Ctx *c, const IROp *op)
{
    static const X64Alu alu_of[IR_OP_COUNT] = {
        [IR_OP_add] = X64_ADD, [IR_OP_sub] = X64_SUB, [IR_OP_and] = X64_AND,
        [IR_OP_or] = X64_OR, [IR_OP_xor] = X64_XOR,
    };
    X64Alu alu = alu_of[op->opc];
    bool w = op_w(op);
    unsigned xa = 1;
    IRTemp d = op->args[0], x;
    X64Opnd y;
    int rd;

    if (c->ts[d].folded)
        return;   /* computed by the memory op that uses it */
    if (alu != X64_SUB && swap_commutative(c, op))
        xa = 2;
    x = op->args[xa];
    y = x64_operand(c, op->args[3 - xa], w);
    if (d != x && !ir_is_const(c->b, x) && !ra_can_take(c, op, xa) &&
        (alu == X64_ADD || (alu == X64_SUB && y.imm && y.val != INT32_MIN))) {
        /* Three-address add: lea d, [x + y]. */
        int rx = ra_use(c, x);
        X64Mem m = y.imm ? x64_mem(rx, alu == X64_SUB ? -y.val : y.val)
                         : x64_mem_idx(rx, y.reg, 0);
        rd = ra_out(c, op, d);
        emit_lea(&c->e, w, rd, m);
        ra_def(c, d, rd);
        return;
    }
    rd = prep_dst(c, op, xa, w);
    if (y.imm)
        emit_alu_ri(&c->e, alu, w, rd, y.val);
    else
        emit_alu_rr(&c->e, alu, w, rd, y.reg);
    ra_def(c, d, rd);
}

void x64_lower_mul(X64Ctx *c, const IROp *op)
{
    bool w = op_w(op);
    unsigned xa = swap_commutative(c, op) ? 2 : 1;
    IRTemp x = op->args[xa];
    X64Opnd y = x64_operand(c, op->args[3 - xa], w);
    int rd;

    if (y.imm && !ir_is_const(c->b, x)) {
        int rx = ra_use(c, x);
        rd = x64_out3(c, op);
        emit_imul_rri(&c->e, w, rd, rx, y.val);
    } else {
        if (y.imm)
            y.reg = ra_use(c, op->args[3 - xa]);
        rd = prep_dst(c, op, xa, w);
        emit_imul_rr(&c->e, w, rd, y.reg);
    }
    ra_def(c, op->args[0], rd);
}

/* High half of the double-width product. */
void x64_lower_mulh(X64Ctx *c, const IROp *op)
{
    bool sign = op->opc == IR_OP_mulsh;
    int rd;

    if (op_w(op)) {
        int ry;
        ra_reserve(c, X64_RAX);
        ra_reserve(c, X64_RDX);
        ry = ra_use(c, op->args[2]);
        ra_load_into(c, op->args[1], X64_RAX, true);
        emit_unary(&c->e, sign ? X64_IMUL1 : X64_MUL, true, ry);
        ra_def(c, op->args[0], X64_RDX);
        return;
    }
    /* 32 x 32: extend both to 64 bits, multiply, take bits 63..32. */
    ra_load_into(c, op->args[2], X64_SCRATCH, false);
    rd = prep_dst(c, op, 1, false);
    if (sign) {
        emit_movsx_rr(&c->e, 2, true, X64_SCRATCH, X64_SCRATCH);
        emit_movsx_rr(&c->e, 2, true, rd, rd);
    } else {
        emit_mov_rr(&c->e, false, rd, rd);
    }
    emit_imul_rr(&c->e, true, rd, X64_SCRATCH);
    emit_shift_ri(&c->e, X64_SHR, true, rd, 32);
    ra_def(c, op->args[0], rd);
}

/* A constant divisor of 0 or -1 (signed): the result is known or -x
 * (ir-ops.def); true if the op was lowered here. */
static bool div_special_const(X64Ctx *c, const IROp *op, bool sign, bool rem)
{
    bool w = op_w(op);
    uint64_t ones = w ? ~0ull : 0xffffffffull, v = cval(c, op->args[2]) & ones;

    if (v == 0 && rem) {
        move_arg(c, op, 1, w);
    } else if (v == 0 || (sign && v == ones && rem)) {
        set_const(c, op, 0);
    } else if (sign && v == ones) {
        int rd = prep_dst(c, op, 1, w);
        emit_unary(&c->e, X64_NEG, w, rd);
        ra_def(c, op->args[0], rd);
    } else {
        return false;
    }
    return true;
}

/* rdx:rax / ry, x in rax: quotient in rax, remainder in rdx. */
static void emit_div(X64Ctx *c, bool w, bool sign, int ry)
{
    if (sign)
        emit_cqo(&c->e, w);
    else
        emit_zero(&c->e, X64_RDX);
    emit_unary(&c->e, sign ? X64_IDIV : X64_DIV, w, ry);
}

/* emit_div for a divisor known only at run time: 0 gives 0 (x for a
 * remainder) and, signed, -1 gives -x (0), where div/idiv would trap. */
static void emit_div_checked(X64Ctx *c, bool w, bool sign, bool rem, int ry)
{
    size_t jzero, jneg1 = 0, jdone, jdone2;

    emit_test_rr(&c->e, w, ry, ry);
    jzero = emit_jcc8(&c->e, X64_CC_E);
    if (sign) {
        emit_alu_ri(&c->e, X64_CMP, w, ry, -1);
        jneg1 = emit_jcc8(&c->e, X64_CC_E);
    }
    emit_div(c, w, sign, ry);
    jdone = emit_jmp8(&c->e);
    emit_patch8(&c->e, jzero, c->e.pos);
    if (rem)
        emit_mov_rr(&c->e, w, X64_RDX, X64_RAX);
    else
        emit_zero(&c->e, X64_RAX);
    if (sign) {
        jdone2 = emit_jmp8(&c->e);
        emit_patch8(&c->e, jneg1, c->e.pos);
        if (rem)
            emit_zero(&c->e, X64_RDX);
        else
            emit_unary(&c->e, X64_NEG, w, X64_RAX);
        emit_patch8(&c->e, jdone2, c->e.pos);
    }
    emit_patch8(&c->e, jdone, c->e.pos);
}

/* divs/divu/rems/remu: x / 0 = 0, x % 0 = x, MIN / -1 = MIN, MIN % -1 = 0. */
void x64_lower_div(X64Ctx *c, const IROp *op)
{
    bool sign = op->opc == IR_OP_divs || op->opc == IR_OP_rems;
    bool rem = op->opc == IR_OP_rems || op->opc == IR_OP_remu;
    bool w = op_w(op), known = ir_is_const(c->b, op->args[2]);
    int ry;

    if (known && div_special_const(c, op, sign, rem))
        return;
    ra_reserve(c, X64_RAX);
    ra_reserve(c, X64_RDX);
    ry = ra_use(c, op->args[2]);
    ra_load_into(c, op->args[1], X64_RAX, w);
    if (known)
        emit_div(c, w, sign, ry);
    else
        emit_div_checked(c, w, sign, rem, ry);
    ra_def(c, op->args[0], rem ? X64_RDX : X64_RAX);
}

/* andc = x & ~y, orc = x | ~y. */
void x64_lower_andc(X64Ctx *c, const IROp *op)
{
    X64Alu alu = op->opc == IR_OP_andc ? X64_AND : X64_OR;
    bool w = op_w(op);
    IRTemp y = op->args[2];
    int rd;

    if (ir_is_const(c->b, y)) {
        rd = prep_dst(c, op, 1, w);
        alu_imm(c, alu, w, rd, ~cval(c, y));
    } else if (alu == X64_AND && x64_features.bmi1) {
        int rx = ra_use(c, op->args[1]), ry = ra_use(c, y);
        rd = x64_out3(c, op);
        emit_andn(&c->e, w, rd, ry, rx);
    } else {
        ra_load_into(c, y, X64_SCRATCH, w);
        emit_unary(&c->e, X64_NOT, w, X64_SCRATCH);
        rd = prep_dst(c, op, 1, w);
        emit_alu_rr(&c->e, alu, w, rd, X64_SCRATCH);
    }
    ra_def(c, op->args[0], rd);
}

/* eqv = x ^ ~y = ~(x ^ y). */
void x64_lower_eqv(X64Ctx *c, const IROp *op)
{
    bool w = op_w(op);
    X64Opnd y = x64_operand(c, op->args[2], w);
    int rd = prep_dst(c, op, 1, w);

    if (y.imm)
        emit_alu_ri(&c->e, X64_XOR, w, rd, y.val);
    else
        emit_alu_rr(&c->e, X64_XOR, w, rd, y.reg);
    emit_unary(&c->e, X64_NOT, w, rd);
    ra_def(c, op->args[0], rd);
}

/* "shl t, x, n; add d, y, t" (either order) with n <= 3 and t read there
 * alone, the IR of ADD Xd, Xn, Xm, LSL #n (or an extended register):
 * lea d, [y + x << n] for both, the add skipped. */
static bool fuse_shl_add(X64Ctx *c, const IROp *op, unsigned n)
{
    const IRBlock *b = c->b;
    IRTemp t = op->args[0], x = op->args[1], y, d;
    const IROp *next;
    unsigned k;
    int rx, ry, rd;
    X64Mem m;

    if (n > 3 || op->opc != IR_OP_shl || c->op_index + 1 >= b->nops || ir_is_const(b, x))
        return false;
    next = &b->ops[c->op_index + 1];
    if (next->opc != IR_OP_add || next->type != op->type || c->ts[next->args[0]].folded)
        return false;
    k = next->args[1] == t ? 1 : next->args[2] == t ? 2 : 0;
    if (!k || next->args[3 - k] == t || !x64_dies(next, k) || !x64_is_local(c, t) ||
        c->ts[t].nuses != 1)
        return false;
    y = next->args[3 - k];
    d = next->args[0];
    rx = ra_use(c, x);
    ry = ra_use(c, y);
    rd = ra_out(c, next, d);
    m = x64_mem_idx(ry, rx, 0);
    m.shift = (uint8_t)n;
    emit_lea(&c->e, op_w(op), rd, m);
    ra_def(c, d, rd);
    c->skip_op = c->op_index + 1;
    return true;
}

/* Shifts and rotates; x86 masks counts to the width as the IR requires. */
void x64_lower_shift(X64Ctx *c, const IROp *op)
{
    static const X64Shift kind_of[IR_OP_COUNT] = {
        [IR_OP_shl] = X64_SHL, [IR_OP_shr] = X64_SHR, [IR_OP_sar] = X64_SAR,
        [IR_OP_rotl] = X64_ROL, [IR_OP_rotr] = X64_ROR,
    };
    X64Shift kind = kind_of[op->opc];
    bool w = op_w(op), rot = kind == X64_ROL || kind == X64_ROR;
    unsigned width = w ? 64 : 32;
    IRTemp x = op->args[1], y = op->args[2];
    int rd;

    if (c->ts[op->args[0]].folded)
        return;   /* an address's scaled index: the memory op does it */
    if (ir_is_const(c->b, y)) {
        unsigned n = cval(c, y) & (width - 1);
        if (n == 0) {
            move_arg(c, op, 1, w);
            return;
        }
        if (fuse_shl_add(c, op, n))
            return;
        if (rot && x64_features.bmi2) {
            int rx = ra_use(c, x);
            rd = x64_out3(c, op);
            emit_rorx(&c->e, w, rd, rx, kind == X64_ROL ? width - n : n);
        } else {
            rd = prep_dst(c, op, 1, w);
            emit_shift_ri(&c->e, kind, w, rd, n);
        }
    } else if (!rot && x64_features.bmi2) {
        int rx = ra_use(c, x), ry = ra_use(c, y);
        rd = x64_out3(c, op);
        emit_shiftx(&c->e, kind, w, rd, rx, ry);
    } else {
        ra_reserve(c, X64_RCX);
        ra_load_into(c, y, X64_RCX, false);
        rd = prep_dst(c, op, 1, w);
        emit_shift_cl(&c->e, kind, w, rd);
    }
    ra_def(c, op->args[0], rd);
}

/* neg, not, bswap: d = op(x) in place. */
void x64_lower_unary(X64Ctx *c, const IROp *op)
{
    bool w = op_w(op);
    int rd = prep_dst(c, op, 1, w);

    if (op->opc == IR_OP_bswap)
        emit_bswap(&c->e, w, rd);
    else
        emit_unary(&c->e, op->opc == IR_OP_neg ? X64_NEG : X64_NOT, w, rd);
    ra_def(c, op->args[0], rd);
}

void x64_lower_clz_ctz(X64Ctx *c, const IROp *op)
{
    bool w = op_w(op), clz = op->opc == IR_OP_clz;
    unsigned width = w ? 64 : 32;
    int rx = ra_use(c, op->args[1]), rd;

    if (clz ? x64_features.lzcnt : x64_features.bmi1) {
        rd = x64_out3(c, op);
        emit_bitop(&c->e, clz ? X64_LZCNT : X64_TZCNT, w, rd, rx);
    } else {
        /* bsr/bsf set ZF for a zero source and leave rd undefined; then
         * the cmov supplies width (for clz, 2 * width - 1 ^ (width - 1)). */
        emit_mov_ri(&c->e, X64_SCRATCH, clz ? 2 * width - 1 : width);
        rd = x64_out3(c, op);
        emit_bitop(&c->e, clz ? X64_BSR : X64_BSF, w, rd, rx);
        emit_cmov(&c->e, X64_CC_E, w, rd, X64_SCRATCH);
        if (clz)
            emit_alu_ri(&c->e, X64_XOR, w, rd, (int32_t)width - 1);
    }
    ra_def(c, op->args[0], rd);
}

void x64_lower_ctpop(X64Ctx *c, const IROp *op)
{
    static const uint64_t m1 = 0x5555555555555555ull, m2 = 0x3333333333333333ull;
    static const uint64_t m4 = 0x0f0f0f0f0f0f0f0full, h01 = 0x0101010101010101ull;
    bool w = op_w(op);
    int rd, t;

    if (x64_features.popcnt) {
        int rx = ra_use(c, op->args[1]);
        rd = x64_out3(c, op);
        emit_bitop(&c->e, X64_POPCNT, w, rd, rx);
        ra_def(c, op->args[0], rd);
        return;
    }
    /* The classic SWAR count on the (zero-extended) 64-bit value. */
    rd = prep_dst(c, op, 1, w);
    if (!w)
        emit_mov_rr(&c->e, false, rd, rd);
    t = ra_alloc(c, 0xffff);
    emit_mov_rr(&c->e, true, X64_SCRATCH, rd);
    emit_shift_ri(&c->e, X64_SHR, true, X64_SCRATCH, 1);
    emit_mov_ri(&c->e, t, m1);
    emit_alu_rr(&c->e, X64_AND, true, X64_SCRATCH, t);
    emit_alu_rr(&c->e, X64_SUB, true, rd, X64_SCRATCH);
    emit_mov_ri(&c->e, t, m2);
    emit_mov_rr(&c->e, true, X64_SCRATCH, rd);
    emit_shift_ri(&c->e, X64_SHR, true, X64_SCRATCH, 2);
    emit_alu_rr(&c->e, X64_AND, true, X64_SCRATCH, t);
    emit_alu_rr(&c->e, X64_AND, true, rd, t);
    emit_alu_rr(&c->e, X64_ADD, true, rd, X64_SCRATCH);
    emit_mov_rr(&c->e, true, X64_SCRATCH, rd);
    emit_shift_ri(&c->e, X64_SHR, true, X64_SCRATCH, 4);
    emit_alu_rr(&c->e, X64_ADD, true, rd, X64_SCRATCH);
    emit_mov_ri(&c->e, t, m4);
    emit_alu_rr(&c->e, X64_AND, true, rd, t);
    emit_mov_ri(&c->e, t, h01);
    emit_imul_rr(&c->e, true, rd, t);
    emit_shift_ri(&c->e, X64_SHR, true, rd, 56);
    ra_def(c, op->args[0], rd);
}

/* rd = the low 8/16/32 bits (size 0/1/2) of rx, sign- or zero-extended. */
static void emit_ext(X64Ctx *c, unsigned size, bool sign, bool w, int rd, int rx)
{
    if (size == 2 && !(sign && w))
        emit_mov_rr(&c->e, false, rd, rx);
    else if (sign)
        emit_movsx_rr(&c->e, size, w, rd, rx);
    else
        emit_movzx_rr(&c->e, size, rd, rx);
}

void x64_lower_ext(X64Ctx *c, const IROp *op)
{
    static const struct { uint8_t size; bool sign; } ext_of[IR_OP_COUNT] = {
        [IR_OP_ext8s] = { 0, true }, [IR_OP_ext8u] = { 0, false },
        [IR_OP_ext16s] = { 1, true }, [IR_OP_ext16u] = { 1, false },
        [IR_OP_ext32s] = { 2, true }, [IR_OP_ext32u] = { 2, false },
        [IR_OP_trunc] = { 2, false },
    };
    int rx = ra_use(c, op->args[1]);
    int rd = x64_out3(c, op);

    emit_ext(c, ext_of[op->opc].size, ext_of[op->opc].sign, op_w(op), rd, rx);
    ra_def(c, op->args[0], rd);
}

/* extract / sextract: d = bits [pos, pos + len) of x, zero/sign-extended. */
void x64_lower_extract(X64Ctx *c, const IROp *op)
{
    bool w = op_w(op), sign = op->opc == IR_OP_sextract;
    unsigned width = w ? 64 : 32, pos = op->args[2], len = op->args[3];
    X64Shift down = sign ? X64_SAR : X64_SHR;
    int rd;

    BUG_ON(len == 0 || pos + len > width);
    if (pos == 0 && len == width) {
        move_arg(c, op, 1, w);
        return;
    }
    if (pos == 0 && (len == 8 || len == 16 || len == 32)) {
        int rx = ra_use(c, op->args[1]);
        rd = x64_out3(c, op);
        emit_ext(c, len / 16, sign, w, rd, rx);
    } else {
        rd = prep_dst(c, op, 1, w);
        if (pos + len == width) {
            emit_shift_ri(&c->e, down, w, rd, pos);
        } else if (!sign && len < 32) {
            if (pos)
                emit_shift_ri(&c->e, X64_SHR, w, rd, pos);
            emit_alu_ri(&c->e, X64_AND, false, rd, (int32_t)((1u << len) - 1));
        } else {
            emit_shift_ri(&c->e, X64_SHL, w, rd, width - pos - len);
            emit_shift_ri(&c->e, down, w, rd, width - len);
        }
    }
    ra_def(c, op->args[0], rd);
}

/* deposit: d = x with bits [pos, pos + len) replaced by the low bits of y. */
void x64_lower_deposit(X64Ctx *c, const IROp *op)
{
    bool w = op_w(op);
    unsigned width = w ? 64 : 32, pos = op->args[3], len = op->args[4];
    uint64_t ones = w ? ~0ull : 0xffffffffull;
    uint64_t field, keep;
    IRTemp y = op->args[2];
    int rd, ry;

    BUG_ON(len == 0 || pos + len > width);
    if (len == width) {
        move_arg(c, op, 2, w);
        return;
    }
    field = ((1ull << len) - 1) << pos;
    keep = ~field & ones;
    if (ir_is_const(c->b, y)) {
        uint64_t bits = (cval(c, y) << pos) & field;
        rd = prep_dst(c, op, 1, w);
        alu_imm(c, X64_AND, w, rd, keep);
        if (bits)
            alu_imm(c, X64_OR, w, rd, bits);
        ra_def(c, op->args[0], rd);
        return;
    }
    ry = ra_use(c, y);
    if (ir_is_const(c->b, op->args[1])) {
        /* A constant base (a zero one: LSL, UBFIZ): y's field computed in
         * the destination, the base's other bits ORed in. */
        uint64_t rest = cval(c, op->args[1]) & keep;
        rd = ra_can_take(c, op, 2) ? ra_take(c, op, 2) : ra_out(c, op, op->args[0]);
        if (pos == 0 && len <= 32) {
            emit_mov_rr(&c->e, false, rd, ry);
            if (len < 32)
                emit_alu_ri(&c->e, X64_AND, false, rd, (int32_t)field);
        } else {
            if (rd != ry)
                emit_mov_rr(&c->e, w, rd, ry);
            emit_shift_ri(&c->e, X64_SHL, w, rd, width - len);
            if (width - len - pos)
                emit_shift_ri(&c->e, X64_SHR, w, rd, width - len - pos);
        }
        if (rest)
            alu_imm(c, X64_OR, w, rd, rest);
        ra_def(c, op->args[0], rd);
        return;
    }
    /* scratch = y's low len bits moved to pos, zero elsewhere. */
    if (pos == 0 && len < 32) {
        emit_mov_rr(&c->e, false, X64_SCRATCH, ry);
        emit_alu_ri(&c->e, X64_AND, false, X64_SCRATCH, (int32_t)field);
    } else if (pos == 0 && len == 32) {
        emit_mov_rr(&c->e, false, X64_SCRATCH, ry);
    } else {
        emit_mov_rr(&c->e, w, X64_SCRATCH, ry);
        emit_shift_ri(&c->e, X64_SHL, w, X64_SCRATCH, width - len);
        if (width - len - pos)
            emit_shift_ri(&c->e, X64_SHR, w, X64_SCRATCH, width - len - pos);
    }
    rd = prep_dst(c, op, 1, w);
    alu_imm(c, X64_AND, w, rd, keep);
    emit_alu_rr(&c->e, X64_OR, w, rd, X64_SCRATCH);
    ra_def(c, op->args[0], rd);
}

/* ---- comparisons ---- */

static const X64Cond cond_cc[] = {
    [IR_COND_EQ] = X64_CC_E,   [IR_COND_NE] = X64_CC_NE,
    [IR_COND_LT] = X64_CC_L,   [IR_COND_GE] = X64_CC_GE,
    [IR_COND_LE] = X64_CC_LE,  [IR_COND_GT] = X64_CC_G,
    [IR_COND_LTU] = X64_CC_B,  [IR_COND_GEU] = X64_CC_AE,
    [IR_COND_LEU] = X64_CC_BE, [IR_COND_GTU] = X64_CC_A,
    [IR_COND_TSTEQ] = X64_CC_E, [IR_COND_TSTNE] = X64_CC_NE,
};

bool x64_cond_prepare(X64Ctx *c, IRCond *cond, IRTemp *x, IRTemp *y, bool w,
                      bool *known)
{
    bool cx = ir_is_const(c->b, *x), cy = ir_is_const(c->b, *y);

    if (*cond == IR_COND_ALWAYS || *cond == IR_COND_NEVER) {
        *known = *cond == IR_COND_ALWAYS;
        return false;
    }
    if (cx && cy) {
        *known = ir_cond_eval(*cond, w ? IR_I64 : IR_I32, cval(c, *x), cval(c, *y));
        return false;
    }
    if (cx) {
        IRTemp t = *x;
        *x = *y;
        *y = t;
        *cond = ir_cond_swap(*cond);
    }
    return true;
}

X64Cond x64_emit_cmp(X64Ctx *c, IRCond cond, bool w, int rx, X64Opnd y)
{
    bool test = cond == IR_COND_TSTEQ || cond == IR_COND_TSTNE;

    BUG_ON(cond >= IR_COND_ALWAYS);
    if (y.bit) {
        /* one high bit: bit 31 by a 32-bit test, 63 by the sign, else bt */
        BUG_ON(!test);
        if (y.bit - 1 == 31) {
            emit_test_ri(&c->e, false, rx, INT32_MIN);
        } else if (y.bit - 1 == 63) {
            emit_test_rr(&c->e, true, rx, rx);
            return cond == IR_COND_TSTNE ? X64_CC_S : X64_CC_NS;
        } else {
            emit_bt_ri(&c->e, rx, (unsigned)(y.bit - 1));
            return cond == IR_COND_TSTNE ? X64_CC_B : X64_CC_AE;
        }
    } else if (test && y.imm)
        /* A non-negative mask needs no REX.W: its upper half is zero. */
        emit_test_ri(&c->e, w && y.val < 0, rx, y.val);
    else if (test)
        emit_test_rr(&c->e, w, rx, y.reg);
    else if (y.imm && y.val == 0)
        emit_test_rr(&c->e, w, rx, rx);   /* same flags as cmp x, 0 */
    else if (y.imm)
        emit_alu_ri(&c->e, X64_CMP, w, rx, y.val);
    else
        emit_alu_rr(&c->e, X64_CMP, w, rx, y.reg);
    return cond_cc[cond];
}

void x64_lower_setcond(X64Ctx *c, const IROp *op)
{
    IRCond cond = op->args[3];
    IRTemp x = op->args[1], y = op->args[2];
    bool w = op_w(op), known;
    X64Opnd o;
    int rx, rd;

    if (!x64_cond_prepare(c, &cond, &x, &y, w, &known)) {
        set_const(c, op, known);
        return;
    }
    rx = ra_use(c, x);
    o = x64_cmp_operand(c, cond, y, w);
    rd = ra_out(c, op, op->args[0]);   /* never an input's register */
    emit_zero(&c->e, rd);
    emit_setcc(&c->e, x64_emit_cmp(c, cond, w, rx, o), rd);
    ra_def(c, op->args[0], rd);
}

/* movcond: d = cond(c1, c2) ? v1 : v2, as d = v2; cmp; cmov d, v1. */
void x64_lower_movcond(X64Ctx *c, const IROp *op)
{
    IRCond cond = op->args[5];
    IRTemp c1 = op->args[1], c2 = op->args[2], d = op->args[0];
    unsigned a1 = 3, a2 = 4;
    bool w = op_w(op), known;
    X64Opnd o;
    int r1, rv1, rd;

    if (!x64_cond_prepare(c, &cond, &c1, &c2, w, &known)) {
        move_arg(c, op, known ? 3 : 4, w);
        return;
    }
    if (op->args[3] == op->args[4]) {
        move_arg(c, op, 3, w);
        return;
    }
    if (ir_is_const(c->b, op->args[3]) && !ir_is_const(c->b, op->args[4])) {
        a1 = 4;
        a2 = 3;
        cond = ir_cond_invert(cond);
    }
    r1 = ra_use(c, c1);
    o = x64_cmp_operand(c, cond, c2, w);
    rv1 = ir_is_const(c->b, op->args[a1]) ? X64_SCRATCH : ra_use(c, op->args[a1]);
    if (d == op->args[a2]) {
        rd = ra_use(c, d);
    } else if (ra_can_take(c, op, a2)) {
        rd = ra_take(c, op, a2);
    } else {
        rd = ra_out(c, op, d);
        ra_load_into(c, op->args[a2], rd, w);
    }
    if (rv1 == X64_SCRATCH)
        emit_mov_ri(&c->e, X64_SCRATCH, w ? cval(c, op->args[a1]) : (uint32_t)cval(c, op->args[a1]));
    emit_cmov(&c->e, x64_emit_cmp(c, cond, w, r1, o), w, rd, rv1);
    ra_def(c, d, rd);
}
