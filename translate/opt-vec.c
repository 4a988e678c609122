/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Vector registers in env (opt.h's opt_vec): guest vector registers are
 * not globals, so a frontend reads each one with vldenv and writes it with
 * vstenv at every instruction.  Within a basic block this pass
 *   - forwards: a vldenv of 16 bytes whose value a vldenv or vstenv of the
 *     same offset already holds in a temp becomes "vec1 mov" of that temp
 *     (the backend keeps it in an xmm register);
 *   - removes dead stores: a vstenv overwritten by a later vstenv of the
 *     same 16 bytes with nothing in between that could read them.
 * Anything that may look at env ends what is known: a helper call (it may
 * read or write any state: everything is forgotten), a scalar ldenv of
 * overlapping bytes (the pending store stays), an op that may fault
 * (IR_F_SYNC: env must be exact there, so every pending store stays), a
 * basic block end or an exit.  A temp written again invalidates what was
 * known through it.
 */
#include <string.h>
#include "opt.h"

#define NKNOWN 32

typedef struct VecKnown {
    int32_t off;        /* env offset of the 16 bytes */
    IRTemp t;           /* a temp holding them */
    int64_t pending;    /* index of a vstenv not yet read, or -1 */
} VecKnown;

typedef struct VecState {
    VecKnown k[NKNOWN];
    unsigned n;
} VecState;

static VecKnown *find(VecState *s, int32_t off)
{
    for (unsigned i = 0; i < s->n; i++)
        if (s->k[i].off == off)
            return &s->k[i];
    return NULL;
}

static void drop(VecState *s, unsigned i)
{
    s->k[i] = s->k[--s->n];
}

static bool overlaps(const VecKnown *k, int32_t off, unsigned size)
{
    return off < k->off + 16 && k->off < off + (int32_t)size;
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

static void add(VecState *s, int32_t off, IRTemp t, int64_t pending)
{
    VecKnown *k = find(s, off);

    if (!k) {
        if (s->n == NKNOWN)
            drop(s, 0);
        k = &s->k[s->n++];
    }
    *k = (VecKnown){ off, t, pending };
}

static void forward_load(VecState *s, IROp *op)
{
    IRTemp d = op->args[0];
    int32_t off = (int32_t)op->args[1];
    VecKnown *k = find(s, off);

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
    add(s, off, d, -1);
}

static void store(VecState *s, IRBlock *b, IROp *op, uint32_t i)
{
    int32_t off = (int32_t)op->args[1];
    VecKnown *k = find(s, off);

    if (k && k->pending >= 0)
        opt_make_nop(&b->ops[k->pending]);
    /* other known values overlapping these bytes are stale */
    for (unsigned j = 0; j < s->n;) {
        if (s->k[j].off != off && overlaps(&s->k[j], off, 16))
            drop(s, j);
        else
            j++;
    }
    add(s, off, op->args[0], i);
}

void opt_vec(IRBlock *b)
{
    VecState s = { .n = 0 };

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
            store(&s, b, op, i);
            continue;
        case IR_OP_ldenv:
            touch(&s, (int32_t)op->args[1], 1u << (op->args[2] & IR_MO_SIZE), false);
            continue;
        case IR_OP_stenv:
            touch(&s, (int32_t)op->args[1], 1u << (op->args[2] & IR_MO_SIZE), true);
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
}
