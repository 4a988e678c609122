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
 * a64_trace_scan decides before the block is translated, by looking at
 * the code from its start: the block is a trace when, on its page and
 * within 32 instructions (the scan costs every block translated), a
 * conditional or unconditional branch
 * back to the start comes before any other kind of control flow, and
 * every conditional branch on the way leaves the range [start, that
 * branch] (a branch inside it, an if/else or an inner loop, would make
 * the side exit the common path).  Hints (NOP ...) are passed over; any
 * other branch, exception or system instruction ends the scan.  User mode
 * only: full-system blocks end at page crossings and interrupts differently.
 */
#include "translate.h"

#define TRACE_SCAN_MAX 32   /* instructions looked at for the branch back */

void a64_trace_scan(DisasContext *s, uint64_t start, unsigned max_insns)
{
    uint64_t at = start, to = 0, exits[TRACE_SCAN_MAX];
    unsigned nexits = 0;
    int64_t off;

    s->trace_end = 0;
    if (a64_system_mode || max_insns < 2)
        return;
    /* the page is all fetchable or not: the translator fetches start */
    if (!guest_code_fetchable(start, 4))
        return;
    for (unsigned n = 0; n < TRACE_SCAN_MAX && n < max_insns; n++, at += 4) {
        if ((at ^ start) >> 12)
            return;
        uint32_t insn = translator_ldl(&s->base, at);
        A64DirectBranch kind = a64_direct_branch(insn, &off);
        if (kind != A64_BR_NONE && kind != A64_BR_BL) {
            to = at + (uint64_t)off;
            if (to == start)
                break;
            if (kind == A64_BR_B || (kind == A64_BR_COND && bits(insn, 0, 4) >= 14))
                return;   /* an unconditional branch elsewhere */
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
    for (unsigned k = 0; k < nexits; k++)
        if (exits[k] >= start && exits[k] <= at)
            return;
    s->trace_end = at;
}

bool a64_trace_side_exit(DisasContext *s, uint64_t dest, uint32_t *label)
{
    if (s->pc >= s->trace_end || s->nside == A64_TRACE_SIDE_MAX)
        return false;
    *label = ir_new_label(IRB(s));
    s->side[s->nside].label = *label;
    s->side[s->nside].dest = dest;
    s->nside++;
    return true;
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
}
