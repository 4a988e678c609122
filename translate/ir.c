/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IR blocks: temp and label allocation, constant interning, op emission,
 * the op table expanded from ir-ops.def, the helper registry, condition
 * utilities and the -d op printer.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "ir.h"
#include "util/log.h"

const IROpDef ir_op_defs[IR_OP_COUNT] = {
#define DEF(name, nout, nin, nconst, flags) { #name, nout, nin, nconst, flags },
#include "ir-ops.def"
#undef DEF
};

/* ---- helpers ---- */

#define IR_MAX_HELPERS 1024
static IRHelper *helpers[IR_MAX_HELPERS];
static uint32_t nhelpers = 1;   /* id 0 means "unregistered" */
static pthread_mutex_t helper_lock = PTHREAD_MUTEX_INITIALIZER;

uint32_t ir_helper_id(IRHelper *h)
{
    uint32_t id = __atomic_load_n(&h->id, __ATOMIC_ACQUIRE);
    if (id)
        return id;
    pthread_mutex_lock(&helper_lock);
    if (!h->id) {
        BUG_ON(nhelpers >= IR_MAX_HELPERS);
        helpers[nhelpers] = h;
        __atomic_store_n(&h->id, nhelpers++, __ATOMIC_RELEASE);
    }
    id = h->id;
    pthread_mutex_unlock(&helper_lock);
    return id;
}

const IRHelper *ir_helper_get(uint32_t id)
{
    BUG_ON(id == 0 || id >= nhelpers);
    return helpers[id];
}

/* ---- globals and blocks ---- */

IRTemp ir_global_declare(IRGlobals *g, IRType type, int32_t env_offset, const char *name)
{
    BUG_ON(g->count >= IR_MAX_GLOBALS);
    IRTempInfo *t = &g->temps[g->count++];
    t->type = type;
    t->kind = IR_TEMP_GLOBAL;
    t->env_offset = env_offset;
    t->name = name;
    return g->count;   /* temp 0 is env */
}

void ir_global_flag(IRGlobals *g, IRTemp t, unsigned flags)
{
    BUG_ON(t == 0 || t > g->count);
    g->temps[t - 1].flags |= (uint16_t)flags;
}

static void temps_reserve(IRBlock *b, uint32_t n)
{
    if (n <= b->temps_cap)
        return;
    uint32_t cap = b->temps_cap ? b->temps_cap : 256;
    while (cap < n)
        cap *= 2;
    b->temps = realloc(b->temps, cap * sizeof(*b->temps));
    BUG_ON(!b->temps);
    b->temps_cap = cap;
}

const IRSoftmmu *ir_softmmu;
const IRFpFast *ir_fp_fast;

void ir_block_init(IRBlock *b, const IRGlobals *g)
{
    temps_reserve(b, g->count + 1);
    memset(&b->temps[0], 0, sizeof(b->temps[0]));
    b->temps[0].type = IR_I64;
    b->temps[0].kind = IR_TEMP_ENV;
    b->temps[0].name = "env";
    memcpy(&b->temps[1], g->temps, g->count * sizeof(IRTempInfo));
    b->ntemps = g->count + 1;
    b->nglobals = g->count;
    b->nops = 0;
    b->nlabels = 0;
    b->pc_start = 0;
    b->ninsns = 0;
    b->code_start = b->code_end = 0;
    b->nxpages = b->xpages_max = 0;
    b->softmmu_idx = -1;
    b->env_ops = false;
    memset(b->const_seen, 0, sizeof(b->const_seen));
}

void ir_block_free(IRBlock *b)
{
    if (!b)
        return;
    free(b->ops);
    free(b->temps);
    memset(b, 0, sizeof(*b));
}

IRBlock *ir_block_clone(const IRBlock *b)
{
    IRBlock *c = malloc(sizeof(*c));
    BUG_ON(!c);
    *c = *b;
    c->ops_cap = b->nops ? b->nops : 1;
    c->temps_cap = b->ntemps;
    c->ops = malloc(c->ops_cap * sizeof(IROp));
    c->temps = malloc(c->temps_cap * sizeof(IRTempInfo));
    BUG_ON(!c->ops || !c->temps);
    memcpy(c->ops, b->ops, b->nops * sizeof(IROp));
    memcpy(c->temps, b->temps, b->ntemps * sizeof(IRTempInfo));
    return c;
}

IRTemp ir_new_temp(IRBlock *b, IRType type)
{
    temps_reserve(b, b->ntemps + 1);
    IRTempInfo *t = &b->temps[b->ntemps];
    memset(t, 0, sizeof(*t));
    t->type = type;
    t->kind = IR_TEMP_LOCAL;
    return b->ntemps++;
}

IRTemp ir_const(IRBlock *b, IRType type, uint64_t value)
{
    BUG_ON(type == IR_V128);   /* vectors are built with vdup */
    value = ir_trunc_to(type, value);
    /* Interning: the last constant of this hash if it is this one, else
     * one among the newest temps (a pass may have made one constant). */
    uint32_t *seen = &b->const_seen[((value + type) * 0x9e3779b97f4a7c15ull) >> 57];
    if (*seen > b->nglobals && *seen < b->ntemps) {
        const IRTempInfo *t = &b->temps[*seen];
        if (t->kind == IR_TEMP_CONST && t->type == type && t->value == value)
            return *seen;
    }
    for (uint32_t i = b->ntemps; i-- > b->nglobals + 1 && b->ntemps - i <= 16;) {
        const IRTempInfo *t = &b->temps[i];
        if (t->kind == IR_TEMP_CONST && t->type == type && t->value == value)
            return *seen = i;
    }
    IRTemp r = ir_new_temp(b, type);
    b->temps[r].kind = IR_TEMP_CONST;
    b->temps[r].value = value;
    *seen = r;
    return r;
}

uint32_t ir_new_label(IRBlock *b)
{
    return b->nlabels++;
}

IROp *ir_emit(IRBlock *b, IROpcode opc, IRType type, const uint32_t *args)
{
    const IROpDef *d = &ir_op_defs[opc];
    unsigned n = d->nout + d->nin + d->nconst;

    if (b->nops == b->ops_cap) {
        b->ops_cap = b->ops_cap ? b->ops_cap * 2 : 1024;
        b->ops = realloc(b->ops, b->ops_cap * sizeof(IROp));
        BUG_ON(!b->ops);
    }
    IROp *op = &b->ops[b->nops++];
    memset(op, 0, sizeof(*op));
    op->opc = opc;
    op->type = type;
    if (opc == IR_OP_ldenv || opc == IR_OP_stenv || opc == IR_OP_vldenv || opc == IR_OP_vstenv)
        b->env_ops = true;
    for (unsigned i = 0; i < n; i++)
        op->args[i] = args[i];
    return op;
}

void ir_call(IRBlock *b, IRHelper *h, IRTemp d, IRTemp a0, IRTemp a1,
             IRTemp a2, IRTemp a3, IRTemp a4)
{
    uint32_t a[7] = { d, a0, a1, a2, a3, a4, ir_helper_id(h) };
    ir_emit(b, IR_OP_call, IR_I64, a);
}

/* ---- conditions ---- */

bool ir_cond_eval(IRCond c, IRType t, uint64_t a, uint64_t b)
{
    int64_t sa, sb;
    a = ir_trunc_to(t, a);
    b = ir_trunc_to(t, b);
    sa = t == IR_I32 ? (int32_t)a : (int64_t)a;
    sb = t == IR_I32 ? (int32_t)b : (int64_t)b;
    switch (c) {
    case IR_COND_EQ: return a == b;
    case IR_COND_NE: return a != b;
    case IR_COND_LT: return sa < sb;
    case IR_COND_GE: return sa >= sb;
    case IR_COND_LE: return sa <= sb;
    case IR_COND_GT: return sa > sb;
    case IR_COND_LTU: return a < b;
    case IR_COND_GEU: return a >= b;
    case IR_COND_LEU: return a <= b;
    case IR_COND_GTU: return a > b;
    case IR_COND_TSTEQ: return (a & b) == 0;
    case IR_COND_TSTNE: return (a & b) != 0;
    case IR_COND_ALWAYS: return true;
    case IR_COND_NEVER: return false;
    }
    unreachable();
}

IRCond ir_cond_swap(IRCond c)
{
    switch (c) {
    case IR_COND_LT: return IR_COND_GT;
    case IR_COND_GE: return IR_COND_LE;
    case IR_COND_LE: return IR_COND_GE;
    case IR_COND_GT: return IR_COND_LT;
    case IR_COND_LTU: return IR_COND_GTU;
    case IR_COND_GEU: return IR_COND_LEU;
    case IR_COND_LEU: return IR_COND_GEU;
    case IR_COND_GTU: return IR_COND_LTU;
    default: return c;   /* symmetric */
    }
}

IRCond ir_cond_invert(IRCond c)
{
    static const IRCond inv[] = {
        [IR_COND_EQ] = IR_COND_NE, [IR_COND_NE] = IR_COND_EQ,
        [IR_COND_LT] = IR_COND_GE, [IR_COND_GE] = IR_COND_LT,
        [IR_COND_LE] = IR_COND_GT, [IR_COND_GT] = IR_COND_LE,
        [IR_COND_LTU] = IR_COND_GEU, [IR_COND_GEU] = IR_COND_LTU,
        [IR_COND_LEU] = IR_COND_GTU, [IR_COND_GTU] = IR_COND_LEU,
        [IR_COND_TSTEQ] = IR_COND_TSTNE, [IR_COND_TSTNE] = IR_COND_TSTEQ,
        [IR_COND_ALWAYS] = IR_COND_NEVER, [IR_COND_NEVER] = IR_COND_ALWAYS,
    };
    return inv[c];
}

const char *ir_cond_name(IRCond c)
{
    static const char *const names[] = {
        "eq", "ne", "lt", "ge", "le", "gt", "ltu", "geu", "leu", "gtu",
        "tsteq", "tstne", "always", "never",
    };
    return c <= IR_COND_NEVER ? names[c] : "?";
}

/* ---- printing ---- */

static void dump_temp(FILE *f, const IRBlock *b, IRTemp t)
{
    if (t == IR_NONE) {
        fputs("-", f);
        return;
    }
    const IRTempInfo *ti = &b->temps[t];
    switch (ti->kind) {
    case IR_TEMP_ENV:
        fputs("env", f);
        break;
    case IR_TEMP_GLOBAL:
        fputs(ti->name, f);
        break;
    case IR_TEMP_CONST:
        fprintf(f, "$0x%" PRIx64, ti->value);
        break;
    default:
        fprintf(f, "t%u", t);
        break;
    }
}

void ir_dump(FILE *f, const IRBlock *b)
{
    for (uint32_t i = 0; i < b->nops; i++) {
        const IROp *op = &b->ops[i];
        const IROpDef *d = &ir_op_defs[op->opc];
        unsigned k = 0;

        if (op->opc == IR_OP_insn_start) {
            fprintf(f, " ---- %016" PRIx64 "\n",
                    (uint64_t)op->args[0] | ((uint64_t)op->args[1] << 32));
            continue;
        }
        if (op->opc == IR_OP_label) {
            fprintf(f, " L%u:\n", op->args[0]);
            continue;
        }
        fprintf(f, "  %s%s ", d->name, op->type == IR_I32 ? "_i32" : "");
        if (op->opc == IR_OP_vec1 || op->opc == IR_OP_vec2 || op->opc == IR_OP_vec3)
            fprintf(f, "%s ", ir_vec_name(op->args[d->nout + d->nin]));
        for (unsigned j = 0; j < d->nout + d->nin; j++, k++) {
            if (k)
                fputs(", ", f);
            dump_temp(f, b, op->args[k]);
        }
        for (unsigned j = 0; j < d->nconst; j++, k++) {
            uint32_t c = op->args[k];
            fputs(k ? ", " : "", f);
            if ((op->opc == IR_OP_setcond || op->opc == IR_OP_movcond ||
                 op->opc == IR_OP_brcond) && j == 0)
                fputs(ir_cond_name((IRCond)c), f);
            else if (op->opc == IR_OP_call)
                fputs(ir_helper_get(c)->name, f);
            else if (op->opc == IR_OP_br || op->opc == IR_OP_brcond)
                fprintf(f, "L%u", c);
            else
                fprintf(f, "0x%x", c);
        }
        fputc('\n', f);
    }
}
