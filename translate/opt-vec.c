/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * State in env that is not a global (opt.h's opt_vec): guest vector and
 * FP registers are not globals, so a frontend reads one with vldenv or
 * ldenv and writes it with vstenv or stenv at every instruction.  Within
 * a basic block this pass
 *   - forwards: a vldenv of 16 bytes whose value a vldenv or vstenv of the
 *     same offset already holds in a temp becomes "vec1 mov" of that temp
 *     (the backend keeps it in an xmm register); an ldenv (zero-extending,
 *     little-endian) of bytes a scalar ldenv or stenv at the same offset
 *     left in a temp becomes a mov or zero extension of that temp;
 *   - removes dead stores: a vstenv or stenv overwritten by a later one of
 *     the same bytes with nothing in between that could read them;
 *   - then fuses AESE with the AESMC of its result (AESD with AESIMC), the
 *     pair each AES round is written as, into one step (x86's AESENC and
 *     AESDEC are both, with a zero round key), when nothing else reads the
 *     intermediate value.
 * A scalar load that became a mov returns true: opt_copy then reads the
 * forwarded temp directly (an FP operation's inputs are then the temps
 * that earlier operations computed, not copies of them).
 * Anything that may look at env ends what is known: a helper call (it may
 * read or write any state: everything is forgotten), an access of
 * overlapping bytes of another size (the pending store stays), an op that
 * may fault (IR_F_SYNC: env must be exact there, so every pending store
 * stays), a basic block end or an exit.  fpop reads and writes only the
 * words ir_fp_fast names; vfpop also reads every pending store (its
 * helper takes its operands from env) and may write its result's bytes.
 * A temp written again invalidates what was known through it.  Bytes of
 * a global are never tracked: the global's temp, not env, holds its value
 * inside a block.
 */
#include <string.h>
#include "opt.h"

#define NKNOWN 32

typedef struct VecKnown {
    int32_t off;        /* env offset of the bytes */
    uint8_t size;       /* 16 (v128), or 1..8 (scalar) */
    uint8_t type;       /* IRType of t */
    IRTemp t;           /* a temp holding them (a scalar in its low bytes) */
    int64_t pending;    /* index of a vstenv/stenv not yet read, or -1 */
} VecKnown;

typedef struct VecState {
    VecKnown k[NKNOWN];
    unsigned n;
} VecState;

static VecKnown *find(VecState *s, int32_t off, unsigned size)
{
    for (unsigned i = 0; i < s->n; i++)
        if (s->k[i].off == off && s->k[i].size == size)
            return &s->k[i];
    return NULL;
}

static void drop(VecState *s, unsigned i)
{
    s->k[i] = s->k[--s->n];
}

static bool overlaps(const VecKnown *k, int32_t off, unsigned size)
{
    return off < k->off + k->size && k->off < off + (int32_t)size;
}

/* Bytes [off, off + size) of env are read (write = false) or written by
 * something other than a matching vldenv/vstenv. */
static void touch(VecState *s, int32_t off, unsigned size, bool write)
{
    for (unsigned i = 0; i < s->n;) {
        if (!overlaps(&s->k[i], off, size)) {
            i++;
        } else if (write) {
            drop(s, i);
        } else {
            s->k[i].pending = -1;
            i++;
        }
    }
}

static void keep_stores(VecState *s)
{
    for (unsigned i = 0; i < s->n; i++)
        s->k[i].pending = -1;
}

static void add(VecState *s, int32_t off, unsigned size, IRType type, IRTemp t,
                int64_t pending)
{
    VecKnown *k = find(s, off, size);

    if (!k) {
        if (s->n == NKNOWN)
            drop(s, 0);
        k = &s->k[s->n++];
    }
    *k = (VecKnown){ off, (uint8_t)size, (uint8_t)type, t, pending };
}

static void forward_load(VecState *s, IROp *op)
{
    IRTemp d = op->args[0];
    int32_t off = (int32_t)op->args[1];
    VecKnown *k = find(s, off, 16);

    if (k) {   /* no longer reads env: a pending store may still go */
        IRTemp t = k->t;
        memset(op->args, 0, sizeof(op->args));
        op->opc = IR_OP_vec1;
        op->args[0] = d;
        op->args[1] = t;
        op->args[2] = IR_VEC_MOV;
        return;
    }
    touch(s, off, 16, false);
    add(s, off, 16, IR_V128, d, -1);
}

/* A vstenv or stenv of size bytes at off from temp v. */
static void store(VecState *s, IRBlock *b, uint32_t i, int32_t off, unsigned size, IRType type,
                  IRTemp v)
{
    VecKnown *k = find(s, off, size);

    if (k && k->pending >= 0)
        opt_make_nop(&b->ops[k->pending]);
    /* other known values overlapping these bytes are stale */
    for (unsigned j = 0; j < s->n;) {
        if ((s->k[j].off != off || s->k[j].size != size) && overlaps(&s->k[j], off, size))
            drop(s, j);
        else
            j++;
    }
    add(s, off, size, type, v, (int64_t)i);
}

static bool in_global(const IRBlock *b, int32_t off, unsigned size)
{
    for (IRTemp g = 1; g <= b->nglobals; g++) {
        int32_t go = b->temps[g].env_offset;
        if (off < go + 8 && go < off + (int32_t)size)
            return true;
    }
    return false;
}

/* op becomes d = the low size bytes of k's temp, zero-extended to the op
 * width, if that is one IR op. */
static bool forward_scalar(IROp *op, const VecKnown *k, unsigned size)
{
    IRType t = (IRType)op->type;
    IRTemp d = op->args[0];
    int opc = -1;

    if (size == 8 || (size == 4 && t == IR_I32))
        opc = t == k->type ? IR_OP_mov : size == 4 ? IR_OP_trunc : -1;
    else if (size == 4)
        opc = IR_OP_ext32u;                 /* any input, i64 out */
    else if (t == k->type)
        opc = size == 2 ? IR_OP_ext16u : IR_OP_ext8u;
    if (opc < 0)
        return false;
    memset(op->args, 0, sizeof(op->args));
    op->opc = (uint16_t)opc;
    op->args[0] = d;
    op->args[1] = k->t;
    return true;
}

/* True if the load became a mov. */
static bool scalar_load(VecState *s, const IRBlock *b, IROp *op)
{
    int32_t off = (int32_t)op->args[1];
    unsigned mo = op->args[2], size = 1u << (mo & IR_MO_SIZE);
    bool plain = !(mo & (IR_MO_SIGN | IR_MO_BE)) && !in_global(b, off, size);

    if (plain) {
        for (unsigned i = 0; i < s->n; i++) {
            const VecKnown *k = &s->k[i];
            if (k->off == off && k->size <= 8 && k->size >= size && forward_scalar(op, k, size))
                return op->opc == IR_OP_mov;   /* no longer reads env: a pending store may still go */
        }
    }
    touch(s, off, size, false);
    if (plain)
        add(s, off, size, (IRType)op->type, op->args[0], -1);
    return false;
}

static void scalar_store(VecState *s, IRBlock *b, IROp *op, uint32_t i)
{
    int32_t off = (int32_t)op->args[1];
    unsigned mo = op->args[2], size = 1u << (mo & IR_MO_SIZE);

    if ((mo & IR_MO_BE) || in_global(b, off, size))
        touch(s, off, size, true);
    else
        store(s, b, i, off, size, (IRType)op->type, op->args[0]);
}

/* How many ops read t. */
static unsigned reads_of(const IRBlock *b, IRTemp t)
{
    unsigned n = 0;

    for (uint32_t i = 0; i < b->nops; i++)
        n += ir_op_mentions(&b->ops[i], t, false);
    return n;
}

/* ops[i] is vec2 AESE/AESD: if the next ops are (a vec1 mov of its
 * result and) the AESMC/AESIMC of it, the only reader of each, that op
 * becomes the fused vec2 of the same inputs and the others go. */
static void fuse_aes(IRBlock *b, uint32_t i)
{
    IROp *op = &b->ops[i], *mov = NULL;
    bool enc = op->args[3] == IR_VEC_AESE;
    IRTemp t = op->args[0];

    for (uint32_t j = i + 1; j < b->nops; j++) {
        IROp *n = &b->ops[j];
        if (n->opc == IR_OP_NOP || n->opc == IR_OP_insn_start)
            continue;
        if (n->opc != IR_OP_vec1 || n->args[1] != t || reads_of(b, t) != 1)
            return;
        if (n->args[2] == IR_VEC_MOV && !mov && n->args[0] != op->args[1] &&
            n->args[0] != op->args[2]) {
            mov = n;
            t = n->args[0];
            continue;
        }
        if (n->args[2] != (enc ? IR_VEC_AESMC : IR_VEC_AESIMC))
            return;
        IRTemp d = n->args[0];
        memset(n, 0, sizeof(*n));
        n->opc = IR_OP_vec2;
        n->type = IR_V128;
        n->args[0] = d;
        n->args[1] = op->args[1];
        n->args[2] = op->args[2];
        n->args[3] = enc ? IR_VEC_AESEMC : IR_VEC_AESDIMC;
        n->args[4] = op->args[4];
        opt_make_nop(op);
        if (mov)
            opt_make_nop(mov);
        return;
    }
}

bool opt_vec(IRBlock *b)
{
    VecState s = { .n = 0 };
    bool movs = false;

    for (uint32_t i = 0; i < b->nops; i++) {
        IROp *op = &b->ops[i];
        if (op->opc == IR_OP_NOP)
            continue;
        const IROpDef *def = &ir_op_defs[op->opc];

        /* a temp written here no longer holds what it held */
        for (unsigned o = 0; o < def->nout; o++)
            for (unsigned j = 0; j < s.n;)
                if (s.k[j].t == op->args[o])
                    drop(&s, j);
                else
                    j++;

        switch (op->opc) {
        case IR_OP_vldenv:
            forward_load(&s, op);
            continue;
        case IR_OP_vstenv:
            store(&s, b, i, (int32_t)op->args[1], 16, IR_V128, op->args[0]);
            continue;
        case IR_OP_ldenv:
            movs |= scalar_load(&s, b, op);
            continue;
        case IR_OP_stenv:
            scalar_store(&s, b, op, i);
            continue;
        case IR_OP_fpop:
            if (ir_fp_fast) {
                touch(&s, ir_fp_fast->ctl_off, 4, false);
                touch(&s, ir_fp_fast->sticky_off, 4, true);
                continue;
            }
            break;
        case IR_OP_vfpop:
            /* reads the operands in env (the stores stay), may write
             * the result there, and the flags */
            if (ir_fp_fast)
                touch(&s, ir_fp_fast->sticky_off, 4, true);
            touch(&s, (int32_t)IR_VFP_OFFD(op->args[4]), 16, true);
            keep_stores(&s);
            continue;
        case IR_OP_call: case IR_OP_goto_tb:
            s.n = 0;
            continue;
        default:
            break;
        }
        if (def->flags & (IR_F_BB_END | IR_F_EXIT | IR_F_CALL))
            s.n = 0;
        else if (def->flags & (IR_F_SYNC | IR_F_READ_ENV))
            keep_stores(&s);
    }
    for (uint32_t i = 0; i < b->nops; i++)
        if (b->ops[i].opc == IR_OP_vec2 &&
            (b->ops[i].args[3] == IR_VEC_AESE || b->ops[i].args[3] == IR_VEC_AESD))
            fuse_aes(b, i);
    return movs;
}
