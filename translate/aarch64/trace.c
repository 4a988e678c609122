/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Loop traces: a loop whose body is straight-line code with early exits,
 *
 *     head: ...; b.hs out; ...; cbz x2, out2; ...; b.ne head
 *
 * is translated as one block from head to the branch back, so that the
 * back end sees a self-looping block (x86_64/lower.c keeps its globals in
 * registers across iterations) instead of a cycle of small chained
 * blocks that each reload and store the guest registers.  The early exits
 * become side exits: the branch jumps to a label at the end of the block
 * whose code leaves the block.  The first takes goto_tb slot 1, which the
 * branch back does not need (a self-loop's back edge is not a chaining
 * slot; with chaining off no slot is chained); the others leave through
 * goto_ptr (a jump-cache probe).
 *
 * A forward branch that stays inside the loop is an inner branch: an
 * if without else (b.cond join; ...; join:) or with one (b.cond else;
 * ...; b join; else: ...; join:).  It jumps to a label placed before
 * its target's instruction, so the block is the loop's whole body, a
 * small CFG, and the back end keeps its globals in registers across it.
 *
 * a64_trace_scan decides before the block is translated, by looking at
 * the code from its start: the block is a trace when, on its page and
 * within A64_TRACE_SCAN_MAX (32) instructions (the scan costs every block
 * translated; 64 was no faster), a conditional or unconditional branch
 * back to the start comes before any other kind of control flow, every
 * conditional branch on the way either
 * leaves the range [start, that branch] or goes forward inside it, and
 * every unconditional one goes forward inside it (a branch backward
 * inside, an inner loop, would make the side exit the common path).
 * Hints (NOP ...) are passed over; any other branch, exception or system
 * instruction ends the scan.  User mode only: full-system blocks end at
 * page crossings and interrupts differently.
 */
#include "translate.h"

/* Note an inner branch's target (once per target). */
static void add_inner(DisasContext *s, uint64_t to)
{
    for (unsigned k = 0; k < s->ninner; k++)
        if (s->inner[k].pc == to)
            return;
    s->inner[s->ninner].pc = to;
    s->inner[s->ninner].label = ir_new_label(IRB(s));
    s->inner[s->ninner].placed = false;
    s->ninner++;
}

void a64_trace_scan(DisasContext *s, uint64_t start, unsigned max_insns)
{
    uint64_t at = start, to = 0, exits[A64_TRACE_SCAN_MAX], from[A64_TRACE_SCAN_MAX];
    bool uncond[A64_TRACE_SCAN_MAX];
    unsigned nexits = 0;
    int64_t off;

    s->trace_end = 0;
    s->ninner = 0;
    if (a64_system_mode || max_insns < 2)
        return;
    /* the page is all fetchable or not: the translator fetches start */
    if (!guest_code_fetchable(start, 4))
        return;
    for (unsigned n = 0; n < A64_TRACE_SCAN_MAX && n < max_insns; n++, at += 4) {
        if ((at ^ start) >> 12)
            return;
        uint32_t insn = translator_ldl(&s->base, at);
        A64DirectBranch kind = a64_direct_branch(insn, &off);
        if (kind != A64_BR_NONE && kind != A64_BR_BL) {
            to = at + (uint64_t)off;
            if (to == start)
                break;
            uncond[nexits] = kind == A64_BR_B || (kind == A64_BR_COND && bits(insn, 0, 4) >= 14);
            from[nexits] = at;
            exits[nexits++] = to;
            continue;
        }
        if ((insn & 0xfffff01f) == 0xd503201f)           /* HINT: NOP, YIELD, BTI... */
            continue;
        if ((insn & 0x1c000000) == 0x14000000)           /* branch, exception, system */
            return;
    }
    if (at == start || to != start)
        return;
    for (unsigned k = 0; k < nexits; k++) {
        bool inside = exits[k] >= start && exits[k] <= at;
        if (inside ? exits[k] <= from[k] : uncond[k])
            return;
    }
    for (unsigned k = 0; k < nexits; k++)
        if (exits[k] >= start && exits[k] <= at)
            add_inner(s, exits[k]);
    s->trace_end = at;
}

bool a64_trace_inner(DisasContext *s, uint64_t dest, uint32_t *label)
{
    if (s->pc >= s->trace_end)
        return false;
    for (unsigned k = 0; k < s->ninner; k++) {
        if (s->inner[k].pc == dest) {
            *label = s->inner[k].label;
            return true;
        }
    }
    return false;
}

void a64_trace_insn_start(DisasContext *s, uint64_t pc)
{
    for (unsigned k = 0; k < s->ninner; k++) {
        if (s->inner[k].pc == pc && !s->inner[k].placed) {
            /* a join: translate.c's cc_valid looks no further back */
            ir_label(IRB(s), s->inner[k].label);
            s->inner[k].placed = true;
            return;
        }
    }
}

static bool side_exit(DisasContext *s, uint64_t dest, uint32_t *label)
{
    if (s->pc >= s->trace_end || s->nside == A64_TRACE_SIDE_MAX)
        return false;
    *label = ir_new_label(IRB(s));
    s->side[s->nside].label = *label;
    s->side[s->nside].dest = dest;
    s->nside++;
    return true;
}

bool a64_trace_branch(DisasContext *s, uint64_t dest, uint32_t *label)
{
    return a64_trace_inner(s, dest, label) || side_exit(s, dest, label);
}

void a64_trace_finish(DisasContext *s)
{
    for (unsigned k = 0; k < s->nside; k++) {
        ir_label(IRB(s), s->side[k].label);
        if (k == 0) {
            gen_goto_pc(s, 1, s->side[k].dest);
            continue;
        }
        gen_discard_nzcv_if_dead(s, s->side[k].dest);
        ir_movi(IRB(s), IR_I64, cpu_pc, s->side[k].dest);
        ir_goto_ptr(IRB(s));
    }
    s->nside = 0;
    /* Targets the translation stopped short of (an instruction that ends
     * the block, the side exits all taken): jumps there leave the block. */
    for (unsigned k = 0; k < s->ninner; k++) {
        if (s->inner[k].placed)
            continue;
        ir_label(IRB(s), s->inner[k].label);
        s->inner[k].placed = true;
        ir_movi(IRB(s), IR_I64, cpu_pc, s->inner[k].pc);
        ir_goto_ptr(IRB(s));
    }
}
