/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Register allocation for the x86-64 backend: a greedy, per-basic-block
 * allocator driven by lower.c one op at a time.
 *
 * Liveness.  ra_liveness() runs two passes over the block.  The forward
 * pass finds, for each local, the first op that mentions it, the last op
 * that reads it, and whether it is used in more than one basic block
 * ("multi": labels start and br/brcond end a basic block).  A multi local
 * whose range meets a loop (a backward branch) lives until past the
 * branch.  The backward pass then sets op->life: bit i means arg i is not
 * needed after the op (an input that dies, or an output nobody reads).  At
 * a basic block end op i, a multi local is live iff its last use is after
 * i; after an exit nothing is live.
 *
 * Address folding.  A local t = x + k, with x a global (or env) and k an
 * imm32, read only once, as the address of a memory op soon after in the
 * same basic block with x unchanged in between, is marked folded: its add
 * emits nothing and the memory op addresses [x + k] directly.  So is a
 * t = x + y with y a global or the once-read "shl y, g, s" (s <= 3) of a
 * global g (the shl emits nothing either): [x + g << s], the x86 form of
 * LDR Xt, [Xn, Xm, LSL #3]; not when guest_base takes the index.
 *
 * Values.  A global lives in env and is cached in a register from its
 * first use in a basic block; writes make it dirty, and dirty globals are
 * written back before anything that may fault or leave (ra_sync_globals),
 * before helper calls that read them, and at basic block ends.  A label
 * keeps the (clean) globals and constants that every forward jump to it
 * and the fall-through agree on; a label that a backward branch reaches
 * starts with empty registers; in a self-looping block, each forward way
 * into a label first moves the loop's globals, written back or not, to
 * their loop registers (ra_loop_join), so the label keeps them.  A local
 * lives in a register and goes to its spill slot only when evicted or when
 * it is live across a basic block end.  Multi locals keep one slot for the
 * whole block (every jump into a label finds them there); other locals
 * return their slot when they die.  Constants are loaded into registers on
 * demand and dropped freely.
 *
 * Eviction picks, among unlocked registers, the cheapest occupant to lose
 * (constant, then clean value, then dirty global, then dirty local), the
 * least recently used first.  Registers used by the current op are locked
 * until ra_end_op().
 */
#include <stdlib.h>
#include <string.h>
#include "translate/scratch.h"
#include "x64-internal.h"
#include "translate/backend.h"
#include "util/log.h"

/* Callee-saved registers first: their values survive helper calls.
 * rax, rdx and rcx last: division and shifts want them. */
static const int8_t alloc_order[] = {
    X64_RBX, X64_R12, X64_R13, X64_R14, X64_R15, X64_RSI, X64_RDI,
    X64_R8, X64_R9, X64_R10, X64_RCX, X64_RDX, X64_RAX,
};

/* ---- liveness ---- */

static bool is_local(const IRBlock *b, IRTemp t)
{
    return t != IR_NONE && b->temps[t].kind == IR_TEMP_LOCAL;
}

static bool is_branch(const IROp *op)
{
    return op->opc == IR_OP_br || op->opc == IR_OP_brcond;
}

static uint32_t branch_label(const IROp *op)
{
    return op->opc == IR_OP_br ? op->args[0] : op->args[3];
}

/* A multi local whose range meets the loop [start, end] (a backward branch
 * at end) must survive the branch: its last use becomes end + 1, which
 * reads "live after the branch" to the basic block end rule.  Repeated
 * until nothing changes (nested loops). */
static void extend_loops(X64Ctx *c, const uint32_t *loops, unsigned nloops)
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (unsigned l = 0; l < nloops; l++) {
            uint32_t start = loops[2 * l], end = loops[2 * l + 1];
            for (unsigned k = 0; k < c->nmulti; k++) {
                X64TempState *s = &c->ts[c->multi[k]];
                if (s->first <= end && s->last_use >= start && s->last_use <= end) {
                    s->last_use = end + 1;
                    changed = true;
                }
            }
        }
    }
}

/* Count op i's use of its locals; bb numbers the basic block it is in. */
static void note_temps(X64Ctx *c, const IROp *op, uint32_t i, uint32_t bb, uint32_t *first_bb)
{
    const IROpDef *def = &ir_op_defs[op->opc];

    for (unsigned k = 0; k < def->nout + def->nin; k++) {
        IRTemp t = op->args[k];
        X64TempState *s;
        if (!is_local(c->b, t))
            continue;
        s = &c->ts[t];
        if (k < def->nout) {
            s->ndefs += s->ndefs < UINT16_MAX;
        } else {
            s->nuses += s->nuses < UINT16_MAX;
            s->last_use = i;
        }
        if (s->first == UINT32_MAX) {
            s->first = i;
            first_bb[t] = bb;
        } else if (first_bb[t] != bb && !s->multi_bb) {
            s->multi_bb = true;
            c->multi[c->nmulti++] = t;
        }
    }
}

/* The first op after op i that leaves the block or ends a basic block
 * (b->nops if none). */
static uint32_t next_end(const IRBlock *b, uint32_t i)
{
    uint32_t j = i + 1;

    while (j < b->nops &&
           !(b->ops[j].opc < IR_OP_COUNT &&
             (ir_op_defs[b->ops[j].opc].flags & (IR_F_EXIT | IR_F_BB_END))))
        j++;
    return j;
}

/* Does the code after op i leave the block before any label or branch?
 * With any_exit, an exception exit or the block's end counts; without (a
 * label's code, ra_private), only an exit to other guest code (exit_tb,
 * goto_ptr): an exception path's branch guards a memory access, which
 * writes the globals back anyway, and the path is cold. */
static bool leaves_next(const IRBlock *b, uint32_t i, bool any_exit)
{
    uint32_t j = next_end(b, i);

    if (j == b->nops)
        return any_exit;
    return (ir_op_defs[b->ops[j].opc].flags & IR_F_EXIT) &&
           (any_exit || b->ops[j].opc != IR_OP_exit_excp);
}

/* Forward pass: first/last use, multi-block locals, backward branches. */
static void scan_forward(X64Ctx *c)
{
    IRBlock *b = c->b;
    ScratchMark mark = scratch_mark();
    uint32_t *first_bb = scratch_alloc(b->ntemps * sizeof(uint32_t));
    uint32_t *label_at = scratch_alloc((b->nlabels + 1) * sizeof(uint32_t));
    uint32_t *loops = NULL;
    unsigned nloops = 0, loops_cap = 0, bb = 0;

    bool ends = false;   /* the op before does not continue */

    for (uint32_t l = 0; l < b->nlabels; l++)
        label_at[l] = UINT32_MAX;
    for (uint32_t i = 0; i < b->nops; i++) {
        const IROp *op = &b->ops[i];

        if (op->opc == IR_OP_label) {
            bb++;
            label_at[op->args[0]] = i;
            c->labels[op->args[0]].at = i;
            c->labels[op->args[0]].fallthrough = !ends;
            c->labels[op->args[0]].exits = leaves_next(b, i, false);
        }
        if (op->opc < IR_OP_COUNT)
            ends = (ir_op_defs[op->opc].flags & IR_F_EXIT) || op->opc == IR_OP_br;
        note_temps(c, op, i, bb, first_bb);
        for (unsigned k = 0; op->opc < IR_OP_COUNT && k < ir_op_defs[op->opc].nout; k++)
            if (op->args[k] != IR_NONE && op->args[k] <= b->nglobals)
                c->glast_write[op->args[k]] = i + 1;
        if (is_branch(op)) {
            uint32_t at = label_at[branch_label(op)];
            X64Label *lab = &c->labels[branch_label(op)];
            if (op->opc == IR_OP_brcond && at == UINT32_MAX) {
                lab->nbrcond++;
                lab->way_on_exits = leaves_next(b, i, true);
            } else {
                lab->nbr++;
            }
            if (at != UINT32_MAX) {
                c->labels[branch_label(op)].backward = true;
                loops = scratch_room(loops, nloops, &loops_cap, 2 * sizeof(uint32_t));
                loops[2 * nloops] = at;
                loops[2 * nloops + 1] = i;
                nloops++;
            }
            bb++;
        }
    }
    if (nloops)
        extend_loops(c, loops, nloops);
    scratch_release(mark);
}

/* Does op write temp t (or might it change the global t behind our back)? */
static bool op_clobbers(const IROp *op, IRTemp t)
{
    const IROpDef *def = &ir_op_defs[op->opc];
    if (def->flags & (IR_F_BB_END | IR_F_EXIT | IR_F_CALL) || op->opc == IR_OP_stenv)
        return true;
    for (unsigned k = 0; k < def->nout; k++)
        if (op->args[k] == t)
            return true;
    return false;
}

static bool op_mentions(const IROp *op, IRTemp t)
{
    const IROpDef *def = &ir_op_defs[op->opc];
    for (unsigned k = 0; k < def->nout + def->nin; k++)
        if (op->args[k] == t)
            return true;
    return false;
}

/* Memory ops all take their guest address as args[1]. */
static bool is_guest_mem(const IROp *op)
{
    switch (op->opc) {
    case IR_OP_ld: case IR_OP_st: case IR_OP_cmpxchg: case IR_OP_xchg: case IR_OP_fetch_add:
    case IR_OP_vld: case IR_OP_vst:
        return true;
    default:
        return false;
    }
}

#define FOLD_WINDOW 8

/* Is t a global or env (a base or index that stays recoverable)? */
static bool is_global_or_env(const IRBlock *b, IRTemp t)
{
    return t == IR_ENV || (t != IR_NONE && b->temps[t].kind == IR_TEMP_GLOBAL);
}

/* For "add t, x, y" (i): an index for [base + index << shift] from y, a
 * global or the once-read "shl y, g, s" (s <= 3) of a global g just
 * before; *shl_op is that shl's index, or UINT32_MAX. */
static bool index_of(X64Ctx *c, uint32_t i, IRTemp y, IRTemp *index, unsigned *shift,
                     uint32_t *shl_op)
{
    IRBlock *b = c->b;

    *shl_op = UINT32_MAX;
    if (b->temps[y].kind == IR_TEMP_GLOBAL) {
        *index = y;
        *shift = 0;
        return true;
    }
    if (!is_local(b, y) || c->ts[y].nuses != 1 || c->ts[y].ndefs != 1)
        return false;
    for (uint32_t j = i; j-- > 0 && i - j <= FOLD_WINDOW;) {
        const IROp *d = &b->ops[j];
        if (!ir_op_mentions(d, y, true))
            continue;
        if (d->opc != IR_OP_shl || d->type != IR_I64 || !ir_is_const(b, d->args[2]) ||
            b->temps[d->args[2]].value > 3 || b->temps[d->args[1]].kind != IR_TEMP_GLOBAL)
            return false;
        for (uint32_t k = j + 1; k < i; k++)
            if (op_clobbers(&b->ops[k], d->args[1]))
                return false;
        *index = d->args[1];
        *shift = (unsigned)b->temps[d->args[2]].value;
        *shl_op = j;
        return true;
    }
    return false;
}

static void find_folds(X64Ctx *c)
{
    IRBlock *b = c->b;

    for (uint32_t i = 0; i < b->nops; i++) {
        const IROp *op = &b->ops[i];
        IRTemp t = op->args[0], x = op->args[1], k = op->args[2], index = IR_NONE;
        unsigned shift = 0;
        uint32_t shl_op = UINT32_MAX;
        int32_t disp = 0;

        if (op->opc != IR_OP_add || op->type != IR_I64 || !is_local(b, t) ||
            c->ts[t].nuses != 1 || c->ts[t].ndefs != 1)
            continue;
        if (b->temps[x].kind == IR_TEMP_CONST) {
            IRTemp s = x;
            x = k;
            k = s;
        }
        if (b->temps[k].kind == IR_TEMP_CONST) {
            /* [x + k] */
            if ((int64_t)b->temps[k].value != (int32_t)b->temps[k].value ||
                !is_global_or_env(b, x))
                continue;
            disp = (int32_t)b->temps[k].value;
        } else {
            /* [x + y << s] (not with guest_base: it takes the index) */
            if (guest_base)
                continue;
            if (is_global_or_env(b, x) && index_of(c, i, k, &index, &shift, &shl_op))
                ;
            else if (is_global_or_env(b, k) && index_of(c, i, x, &index, &shift, &shl_op))
                x = k;
            else
                continue;
        }
        for (uint32_t j = i + 1; j < b->nops && j <= i + FOLD_WINDOW; j++) {
            const IROp *use = &b->ops[j];
            /* t is read once and written once: here it is only the address. */
            if (is_guest_mem(use) && use->args[1] == t) {
                X64TempState *s = &c->ts[t];
                s->folded = true;
                s->fold_base = x;
                s->fold_disp = disp;
                s->fold_index = index;
                s->fold_shift = (uint8_t)shift;
                if (shl_op != UINT32_MAX)   /* computed by nobody */
                    c->ts[b->ops[shl_op].args[0]].folded = true;
                break;
            }
            if (op_mentions(use, t) || op_clobbers(use, x) ||
                (index != IR_NONE && op_clobbers(use, index)))
                break;
        }
    }
}

/* Backward pass: op->life. */
static void scan_backward(X64Ctx *c)
{
    IRBlock *b = c->b;
    ScratchMark mark = scratch_mark();
    uint8_t *live = scratch_zalloc(b->ntemps);
    for (uint32_t i = b->nops; i-- > 0;) {
        IROp *op = &b->ops[i];
        const IROpDef *def = &ir_op_defs[op->opc];
        uint8_t life = 0;

        if (def->flags & IR_F_EXIT) {
            for (unsigned k = 0; k < c->nmulti; k++)
                live[c->multi[k]] = 0;
        } else if (def->flags & IR_F_BB_END) {
            for (unsigned k = 0; k < c->nmulti; k++)
                live[c->multi[k]] = c->ts[c->multi[k]].last_use > i;
        }
        for (unsigned k = 0; k < def->nout; k++) {
            IRTemp t = op->args[k];
            if (!is_local(b, t))
                continue;
            if (!live[t])
                life |= (uint8_t)(1u << k);
            live[t] = 0;
        }
        for (unsigned k = def->nout; k < def->nout + def->nin; k++) {
            IRTemp t = op->args[k];
            if (!is_local(b, t))
                continue;
            if (!live[t])
                life |= (uint8_t)(1u << k);
            live[t] = 1;
        }
        op->life = life;
    }
    scratch_release(mark);
}

void ra_liveness(X64Ctx *c)
{
    IRBlock *b = c->b;

    c->multi = scratch_alloc(b->ntemps * sizeof(IRTemp));
    c->nmulti = 0;
    c->glast_write = scratch_zalloc((b->nglobals + 1) * sizeof(uint32_t));
    for (uint32_t t = 0; t < b->ntemps; t++) {
        uint8_t kind = b->temps[t].kind;
        c->ts[t] = (X64TempState){
            .reg = -1,
            .mem_ok = kind != IR_TEMP_LOCAL,
            .slot = -1,
            .vslot = -1,
            .first = UINT32_MAX,
        };
    }
    scan_forward(c);
    find_folds(c);
    scan_backward(c);
}

void ra_start(X64Ctx *c)
{
    for (int r = 0; r < 16; r++)
        c->reg_temp[r] = IR_NONE;
    c->alloc_mask = 0;
    for (size_t i = 0; i < sizeof(alloc_order); i++)
        c->alloc_mask |= X64_REG_BIT(alloc_order[i]);
    if (guest_base != 0)
        c->alloc_mask &= (uint16_t)~X64_REG_BIT(X64_GBASE);
    c->locked = 0;
    c->nslots = 0;
    c->nslot_free = 0;
}

/* ---- bindings and backing store ---- */

static void bind(X64Ctx *c, IRTemp t, int r)
{
    c->reg_temp[r] = t;
    c->ts[t].reg = (int8_t)r;
    c->reg_stamp[r] = c->op_index;
}

static void unbind(X64Ctx *c, int r)
{
    IRTemp t = c->reg_temp[r];
    if (t != IR_NONE)
        c->ts[t].reg = -1;
    c->reg_temp[r] = IR_NONE;
}

static uint16_t occupied(const X64Ctx *c)
{
    uint16_t m = 0;
    for (int r = 0; r < 16; r++)
        if (c->reg_temp[r] != IR_NONE)
            m |= X64_REG_BIT(r);
    return m;
}

static int first_in(uint16_t mask)
{
    for (size_t i = 0; i < sizeof(alloc_order); i++)
        if (mask & X64_REG_BIT(alloc_order[i]))
            return alloc_order[i];
    return -1;
}

static int16_t slot_get(X64Ctx *c, IRTemp t)
{
    X64TempState *s = &c->ts[t];

    if (s->slot >= 0)
        return s->slot;
    if (!s->multi_bb && c->nslot_free > 0) {
        s->slot = c->slot_free[--c->nslot_free];
    } else if (c->nslots < X64_NSLOTS) {
        s->slot = (int16_t)c->nslots++;
    } else {
        c->too_big = true;   /* the caller retranslates a smaller block */
        return 0;
    }
    return s->slot;
}

X64Mem ra_home(X64Ctx *c, IRTemp t)
{
    if (c->b->temps[t].kind == IR_TEMP_GLOBAL)
        return x64_mem(X64_ENV, c->b->temps[t].env_offset);
    BUG_ON(!x64_is_local(c, t));
    return x64_frame(8 * slot_get(c, t));
}

/* Size (log2 bytes) of a temp's backing store. */
static unsigned home_size(const X64Ctx *c, IRTemp t)
{
    return (x64_is_local(c, t) || c->b->temps[t].type == IR_I64) ? 3 : 2;
}

/* Make the backing store of reg r's occupant hold its value. */
static void flush_reg(X64Ctx *c, int r)
{
    IRTemp t = c->reg_temp[r];
    if (t == IR_NONE || c->ts[t].mem_ok)
        return;
    emit_store(&c->e, home_size(c, t), r, ra_home(c, t));
    c->ts[t].mem_ok = true;
}

void ra_flush_reg(X64Ctx *c, int r)
{
    flush_reg(c, r);
}

static int cost_class(const X64Ctx *c, IRTemp t)
{
    if (c->b->temps[t].kind == IR_TEMP_CONST)
        return 0;
    if (c->ts[t].mem_ok)
        return 1;
    return c->b->temps[t].kind == IR_TEMP_GLOBAL ? 2 : 3;
}

int ra_alloc(X64Ctx *c, uint16_t mask)
{
    uint16_t avail = mask & c->alloc_mask & (uint16_t)~c->locked;
    int r = first_in(avail & (uint16_t)~occupied(c));

    if (r < 0) {
        int best_class = 4;
        uint32_t best_stamp = UINT32_MAX;
        for (int i = 0; i < 16; i++) {
            if (!(avail & X64_REG_BIT(i)))
                continue;
            int k = cost_class(c, c->reg_temp[i]);
            if (k < best_class || (k == best_class && c->reg_stamp[i] < best_stamp)) {
                r = i;
                best_class = k;
                best_stamp = c->reg_stamp[i];
            }
        }
        BUG_ON(r < 0);
        flush_reg(c, r);
        unbind(c, r);
    }
    c->locked |= X64_REG_BIT(r);
    return r;
}

void ra_load_into(X64Ctx *c, IRTemp t, int reg, bool w)
{
    const IRTempInfo *ti = &c->b->temps[t];
    const X64TempState *s = &c->ts[t];

    if (t == IR_ENV) {
        emit_mov_rr(&c->e, w, reg, X64_ENV);
    } else if (s->reg >= 0) {
        BUG_ON(s->reg == reg);
        emit_mov_rr(&c->e, w, reg, s->reg);
    } else if (ti->kind == IR_TEMP_CONST) {
        emit_mov_ri(&c->e, reg, w ? ti->value : (uint32_t)ti->value);
    } else if (ti->kind == IR_TEMP_GLOBAL) {
        emit_load(&c->e, w ? home_size(c, t) : 2, false, w, reg,
                  x64_mem(X64_ENV, ti->env_offset));
    } else if (s->mem_ok && s->slot >= 0) {
        emit_load(&c->e, w ? 3 : 2, false, w, reg, x64_frame(8 * s->slot));
    }
    /* else: a local read before any write; its value is undefined. */
}

int ra_use(X64Ctx *c, IRTemp t)
{
    int r;

    if (t == IR_ENV)
        return X64_ENV;
    r = c->ts[t].reg;
    if (r < 0) {
        r = ra_alloc(c, 0xffff);
        ra_load_into(c, t, r, true);
        bind(c, t, r);
    }
    c->locked |= X64_REG_BIT(r);
    c->reg_stamp[r] = c->op_index;
    return r;
}

void ra_reserve(X64Ctx *c, int reg)
{
    IRTemp t = c->reg_temp[reg];

    BUG_ON(c->locked & X64_REG_BIT(reg));
    c->locked |= X64_REG_BIT(reg);
    if (t == IR_NONE)
        return;
    /* Keep the value in a free register if there is one, else store it. */
    int to = first_in(c->alloc_mask & (uint16_t)~c->locked & (uint16_t)~occupied(c));
    unbind(c, reg);
    if (to >= 0 && c->b->temps[t].kind != IR_TEMP_CONST) {
        emit_mov_rr(&c->e, true, to, reg);
        bind(c, t, to);
    } else if (!c->ts[t].mem_ok) {
        emit_store(&c->e, home_size(c, t), reg, ra_home(c, t));
        c->ts[t].mem_ok = true;
    }
}

/* Does input t die at op (whichever of its argument positions says so)? */
static bool input_dies(const IROp *op, IRTemp t)
{
    const IROpDef *def = &ir_op_defs[op->opc];
    for (unsigned k = def->nout; k < def->nout + def->nin; k++)
        if (op->args[k] == t && x64_dies(op, k))
            return true;
    return false;
}

int ra_out(X64Ctx *c, const IROp *op, IRTemp d)
{
    int r = c->ts[d].reg;
    if (r >= 0 && !ir_op_mentions(op, d, false) && !(c->locked & X64_REG_BIT(r))) {
        c->locked |= X64_REG_BIT(r);
        return r;
    }
    return ra_alloc(c, 0xffff);
}

void ra_drop(X64Ctx *c, IRTemp t)
{
    if (c->ts[t].reg >= 0)
        unbind(c, c->ts[t].reg);
}

void ra_def(X64Ctx *c, IRTemp d, int reg)
{
    BUG_ON(reg == X64_ENV || reg == X64_SCRATCH);
    if (c->ts[d].xshadow)
        x64_xshadow_drop(c, d);   /* a new value */
    if (c->reg_temp[reg] != d)
        unbind(c, reg);
    if (c->ts[d].reg >= 0 && c->ts[d].reg != reg)
        unbind(c, c->ts[d].reg);
    bind(c, d, reg);
    c->ts[d].mem_ok = false;
    c->locked |= X64_REG_BIT(reg);
}

bool ra_can_take(X64Ctx *c, const IROp *op, unsigned arg)
{
    IRTemp t = op->args[arg];
    return is_local(c->b, t) && c->ts[t].reg >= 0 && input_dies(op, t) &&
           !ir_op_mentions(op, t, true);
}

int ra_take(X64Ctx *c, const IROp *op, unsigned arg)
{
    IRTemp t = op->args[arg];
    int r = c->ts[t].reg;

    BUG_ON(!ra_can_take(c, op, arg));
    unbind(c, r);
    c->locked |= X64_REG_BIT(r);
    return r;
}

/* A local is gone: its register and (single-block) slot are free. */
static void kill_local(X64Ctx *c, IRTemp t)
{
    X64TempState *s = &c->ts[t];
    if (c->b->temps[t].type == IR_V128) {
        x64_vec_kill(c, t);
        return;
    }
    if (s->xshadow)
        x64_xshadow_drop(c, t);
    if (s->reg >= 0)
        unbind(c, s->reg);
    if (!s->multi_bb && s->slot >= 0) {
        c->slot_free[c->nslot_free++] = s->slot;
        s->slot = -1;
    }
    s->mem_ok = false;
}

void ra_end_op(X64Ctx *c, const IROp *op)
{
    const IROpDef *def = &ir_op_defs[op->opc];

    for (unsigned k = 0; k < def->nout + def->nin; k++) {
        IRTemp t = op->args[k];
        if (!x64_dies(op, k) || !is_local(c->b, t))
            continue;
        /* An input that is also an output lives on as the output. */
        if (k >= def->nout && ir_op_mentions(op, t, true))
            continue;
        kill_local(c, t);
    }
    c->locked = 0;
}

/* ---- synchronisation points ---- */

void ra_sync_globals(X64Ctx *c)
{
    for (int r = 0; r < 16; r++) {
        IRTemp t = c->reg_temp[r];
        if (t != IR_NONE && c->b->temps[t].kind == IR_TEMP_GLOBAL)
            flush_reg(c, r);
    }
}

uint16_t ra_dirty_globals(const X64Ctx *c, IRTemp temps[16])
{
    uint16_t mask = 0;

    for (int r = 0; r < 16; r++) {
        IRTemp t = c->reg_temp[r];
        if (t != IR_NONE && c->b->temps[t].kind == IR_TEMP_GLOBAL && !c->ts[t].mem_ok) {
            mask |= (uint16_t)X64_REG_BIT(r);
            temps[r] = t;
        }
    }
    return mask;
}

void ra_discard(X64Ctx *c, IRTemp g)
{
    int r = c->ts[g].reg;

    /* env's older value is as good (ir-ops.def); a loop global keeps its
     * register, which the back edge expects it in */
    if (r < 0 || ra_is_loop_global(c, g))
        return;
    unbind(c, r);
    c->ts[g].mem_ok = true;
}

void ra_store_global(X64Ctx *c, IRTemp t, int r)
{
    emit_store(&c->e, home_size(c, t), r, ra_home(c, t));
}

void ra_env_access(X64Ctx *c, int32_t off, unsigned size, bool write)
{
    for (IRTemp g = 1; g <= c->b->nglobals; g++) {
        const IRTempInfo *ti = &c->b->temps[g];
        int32_t gsize = ti->type == IR_I64 ? 8 : 4;
        int r = c->ts[g].reg;

        if (r < 0 || ti->env_offset >= off + (1 << size) || off >= ti->env_offset + gsize)
            continue;
        flush_reg(c, r);
        if (write)
            unbind(c, r);   /* a locked register keeps its value for this op */
    }
}

void ra_bb_end(X64Ctx *c, bool join)
{
    for (int r = 0; r < 16 && !c->unreachable; r++) {
        IRTemp t = c->reg_temp[r];
        if (t == IR_NONE)
            continue;
        if (join && ra_is_loop_global(c, t))
            continue;          /* ra_loop_join takes it to the label */
        if (c->b->temps[t].kind == IR_TEMP_GLOBAL ||
            (c->ts[t].multi_bb && c->ts[t].last_use > c->op_index))
            flush_reg(c, r);
    }
}

bool ra_private(const X64Ctx *c, uint32_t l)
{
    const X64Label *lab = &c->labels[l];
    return lab->nbrcond == 1 && lab->nbr == 0 && !lab->fallthrough && !lab->backward &&
           lab->exits && (!lab->way_on_exits || (c->loop_header && x64_is_self_goto(c, ir_past_discards(c->b, lab->at + 1))));
}

/* Does any op after the current one read t, but for those of private
 * label l's code (from the label to the exit that ends it)? */
static bool read_on_the_way_on(const X64Ctx *c, IRTemp t, uint32_t l)
{
    const IRBlock *b = c->b;
    uint32_t from = c->labels[l].at;

    for (uint32_t j = c->op_index + 1; j < b->nops; j++) {
        if (j == from)
            j = next_end(b, j);   /* the label's code, to its exit */
        else if (ir_op_mentions(&b->ops[j], t, false))
            return true;
    }
    return false;
}

void ra_jump_private(X64Ctx *c, uint32_t l)
{
    X64Label *lab = &c->labels[l];

    x64_vpin_jump(c, l);
    lab->jumped = true;
    lab->snap = true;
    lab->snap_dirty = 0;
    for (int r = 0; r < 16; r++) {
        IRTemp t = c->reg_temp[r];
        lab->snap_temp[r] = t;
        if (t != IR_NONE && !c->ts[t].mem_ok)
            lab->snap_dirty |= X64_REG_BIT(r);
    }
    /* The label's code finds these in the registers; the way on may reuse them. */
    for (int r = 0; r < 16; r++) {
        IRTemp t = c->reg_temp[r];
        if (t != IR_NONE && x64_is_local(c, t) && !(c->locked & X64_REG_BIT(r)) &&
            !read_on_the_way_on(c, t, l))
            unbind(c, r);
    }
}

void ra_label_private(X64Ctx *c, uint32_t l)
{
    const X64Label *lab = &c->labels[l];

    for (int r = 0; r < 16; r++)
        unbind(c, r);
    /* globals not in a register at the branch were in env; multi locals
     * not in one, in their slots */
    for (IRTemp g = 1; g <= c->b->nglobals; g++)
        c->ts[g].mem_ok = true;
    for (unsigned k = 0; k < c->nmulti; k++) {
        X64TempState *s = &c->ts[c->multi[k]];
        s->mem_ok = s->slot >= 0;
    }
    for (int r = 0; r < 16; r++) {
        IRTemp t = lab->snap_temp[r];
        if (t == IR_NONE)
            continue;
        bind(c, t, r);
        c->ts[t].mem_ok = !(lab->snap_dirty & X64_REG_BIT(r));
    }
}

/* A register whose value may be carried into a label: a constant, or a
 * global (clean after ra_bb_end). */
static IRTemp carried(const X64Ctx *c, int r)
{
    IRTemp t = c->reg_temp[r];
    if (t == IR_NONE || c->b->temps[t].kind == IR_TEMP_LOCAL)
        return IR_NONE;
    return t;
}

void ra_jump(X64Ctx *c, uint32_t l)
{
    X64Label *lab = &c->labels[l];

    if (lab->pos >= 0 || lab->backward)
        return;
    x64_vpin_jump(c, l);
    for (int r = 0; r < 16; r++) {
        if (!lab->jumped)
            lab->regs[r] = carried(c, r);
        else if (lab->regs[r] != carried(c, r))
            lab->regs[r] = IR_NONE;
    }
    lab->jumped = true;
}

/* The loop head's state of loop global k: newer than env if the block
 * writes it anywhere (a back edge brings it round without writing it back). */
static void loop_state(X64Ctx *c, unsigned k)
{
    c->ts[c->loop_g[k]].mem_ok = c->glast_write[c->loop_g[k]] == 0;
}

void ra_label(X64Ctx *c, uint32_t l)
{
    const X64Label *lab = &c->labels[l];
    bool dead = c->unreachable && !lab->jumped;
    IRTemp keep[16];

    for (int r = 0; r < 16; r++) {
        IRTemp t = carried(c, r);
        if (lab->backward)
            keep[r] = IR_NONE;        /* the backward jump expects nothing */
        else if (c->unreachable)
            keep[r] = lab->jumped ? lab->regs[r] : IR_NONE;
        else
            keep[r] = (!lab->jumped || lab->regs[r] == t) ? t : IR_NONE;
    }
    for (int r = 0; r < 16; r++) {
        IRTemp t = c->reg_temp[r];
        if (t != IR_NONE && c->b->temps[t].kind != IR_TEMP_LOCAL)
            c->ts[t].mem_ok = true;
        unbind(c, r);
    }
    /* Whatever path reaches the label left the multi locals in their slots. */
    for (unsigned k = 0; k < c->nmulti; k++) {
        X64TempState *s = &c->ts[c->multi[k]];
        s->mem_ok = s->slot >= 0;
    }
    for (int r = 0; r < 16; r++)
        if (keep[r] != IR_NONE)
            bind(c, keep[r], r);
    /* A loop global came in its loop register, dirty on some way in if
     * the block writes it anywhere (ra_loop_join); none comes to a label
     * nothing jumps to after an exit (dead code). */
    for (unsigned k = 0; k < c->nloop && !lab->backward && !dead; k++) {
        BUG_ON(c->ts[c->loop_g[k]].reg != c->loop_reg[k]);
        loop_state(c, k);
    }
}

/* ---- self-looping blocks ---- */

void ra_loop_entry(X64Ctx *c)
{
    IRBlock *b = c->b;
    bool seen[IR_MAX_GLOBALS + 1] = { false };
    uint16_t free = c->alloc_mask;

    /* The globals read before they are written, in order of first use. */
    for (uint32_t i = 0; i < b->nops && c->nloop < X64_LOOP_GLOBALS; i++) {
        const IROp *op = &b->ops[i];
        const IROpDef *def = &ir_op_defs[op->opc];
        for (unsigned k = def->nout; k < def->nout + def->nin; k++) {
            IRTemp t = op->args[k];
            if (t == IR_NONE || b->temps[t].kind != IR_TEMP_GLOBAL || seen[t] ||
                c->nloop == X64_LOOP_GLOBALS)
                continue;
            seen[t] = true;
            c->loop_g[c->nloop] = t;
            c->loop_reg[c->nloop] = (int8_t)first_in(free);
            free &= (uint16_t)~X64_REG_BIT(c->loop_reg[c->nloop]);
            c->nloop++;
        }
        for (unsigned k = 0; k < def->nout; k++)
            if (op->args[k] != IR_NONE && b->temps[op->args[k]].kind == IR_TEMP_GLOBAL)
                seen[op->args[k]] = true;
    }
    for (unsigned k = 0; k < c->nloop; k++) {
        ra_load_into(c, c->loop_g[k], c->loop_reg[k], true);
        bind(c, c->loop_g[k], c->loop_reg[k]);
        loop_state(c, k);
    }
}

void ra_loop_join(X64Ctx *c)
{
    if (!c->nloop || c->unreachable)
        return;
    ra_load_args(c, c->loop_g, c->nloop, c->loop_reg);
    for (unsigned k = 0; k < c->nloop; k++) {
        IRTemp t = c->loop_g[k];
        int r = c->loop_reg[k];
        if (c->reg_temp[r] == t)
            continue;
        if (c->ts[t].reg >= 0)
            unbind(c, c->ts[t].reg);   /* the copy it was moved from */
        unbind(c, r);                  /* overwritten (clean: ra_bb_end) */
        bind(c, t, r);
    }
}

bool ra_is_loop_global(const X64Ctx *c, IRTemp t)
{
    for (unsigned k = 0; k < c->nloop; k++)
        if (c->loop_g[k] == t)
            return true;
    return false;
}

void ra_loop_back(X64Ctx *c)
{
    /* the other dirty globals go back to env; the loop's stay in registers */
    for (int r = 0; r < 16; r++) {
        IRTemp t = c->reg_temp[r];
        if (t != IR_NONE && c->b->temps[t].kind == IR_TEMP_GLOBAL && !ra_is_loop_global(c, t))
            flush_reg(c, r);
    }
    ra_load_args(c, c->loop_g, c->nloop, c->loop_reg);
    for (int r = 0; r < 16; r++)
        unbind(c, r);
    for (unsigned k = 0; k < c->nloop; k++) {
        bind(c, c->loop_g[k], c->loop_reg[k]);
        loop_state(c, k);
    }
}

/* Move reg r's occupant to a free callee-saved register if there is one. */
static bool save_in_callee_saved(X64Ctx *c, int r)
{
    uint16_t free = c->alloc_mask & (uint16_t)~X64_CALLER_SAVED &
                    (uint16_t)~c->locked & (uint16_t)~occupied(c);
    int to = first_in(free);
    IRTemp t = c->reg_temp[r];

    if (to < 0)
        return false;
    emit_mov_rr(&c->e, true, to, r);
    unbind(c, r);
    bind(c, t, to);
    return true;
}

void ra_before_call(X64Ctx *c, const IROp *op, unsigned hflags)
{
    if (!(hflags & IR_HELPER_NO_GLOBALS))
        ra_sync_globals(c);
    for (int r = 0; r < 16; r++) {
        IRTemp t = c->reg_temp[r];
        uint8_t kind;

        if (t == IR_NONE || !(X64_CALLER_SAVED & X64_REG_BIT(r)))
            continue;
        kind = c->b->temps[t].kind;
        if (kind == IR_TEMP_CONST) {
            unbind(c, r);
        } else if (kind == IR_TEMP_LOCAL && input_dies(op, t)) {
            /* An argument that dies here: the argument moves read it. */
        } else if (kind == IR_TEMP_GLOBAL && !(hflags & (IR_HELPER_NO_GLOBALS |
                                                          IR_HELPER_READ_GLOBALS))) {
            unbind(c, r);   /* clean, and the callee may change it */
        } else if (!save_in_callee_saved(c, r)) {
            flush_reg(c, r);
            unbind(c, r);
        }
    }
}

void ra_after_call(X64Ctx *c, unsigned hflags)
{
    bool forget = !(hflags & (IR_HELPER_NO_GLOBALS | IR_HELPER_READ_GLOBALS));

    for (int r = 0; r < 16; r++) {
        IRTemp t = c->reg_temp[r];
        if (t == IR_NONE)
            continue;
        if ((X64_CALLER_SAVED & X64_REG_BIT(r)) ||
            (forget && c->b->temps[t].kind == IR_TEMP_GLOBAL))
            unbind(c, r);
    }
}

/* ---- helper arguments: a parallel move into fixed registers ---- */

void ra_load_args(X64Ctx *c, const IRTemp *args, unsigned n, const int8_t *regs)
{
    int src[16];
    unsigned pending = 0;   /* bit k: argument k still to move from a register */

    for (unsigned k = 0; k < n; k++) {
        IRTemp t = args[k];
        src[k] = t == IR_NONE ? -1 : t == IR_ENV ? X64_ENV : c->ts[t].reg;
        if (src[k] >= 0 && src[k] != regs[k])
            pending |= 1u << k;
    }
    while (pending) {
        bool progress = false;
        for (unsigned k = 0; k < n; k++) {
            bool blocked = false;
            if (!(pending & (1u << k)))
                continue;
            /* Writing regs[k] must not destroy a source still pending. */
            for (unsigned j = 0; j < n; j++)
                if ((pending & (1u << j)) && j != k && src[j] == regs[k])
                    blocked = true;
            if (blocked)
                continue;
            emit_mov_rr(&c->e, true, regs[k], src[k]);
            pending &= ~(1u << k);
            progress = true;
        }
        if (!progress) {
            /* A cycle: park one destination's current value in scratch. */
            unsigned k = (unsigned)__builtin_ctz(pending);
            emit_mov_rr(&c->e, true, X64_SCRATCH, regs[k]);
            for (unsigned j = 0; j < n; j++)
                if ((pending & (1u << j)) && src[j] == regs[k])
                    src[j] = X64_SCRATCH;
        }
    }
    /* Constants and values in memory do not depend on any register. */
    for (unsigned k = 0; k < n; k++)
        if (args[k] != IR_NONE && src[k] < 0)
            ra_load_into(c, args[k], regs[k], true);
}
