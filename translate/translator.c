/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The per-block translation loop shared by every frontend: marks each guest
 * instruction with insn_start, calls the frontend's hook for it, and stops
 * at a branch, at the instruction limit, or before leaving the first page
 * (so that a block's instructions are on one guest page, which keeps
 * invalidation per page simple; a frontend that looks further ahead lists
 * the other pages it read in IRBlock.xpage).
 */
#include <string.h>
#include "translator.h"
#include "util/log.h"

#define GUEST_PAGE 4096u

uint32_t translator_ldl(DisasBase *db, uint64_t pc)
{
    uint32_t v;
    (void)db;
    memcpy(&v, guest_code_ptr(pc), 4);
    return v;
}

void translator_loop(const TranslatorOps *ops, DisasBase *db, CPUCommon *env,
                     uint64_t pc, unsigned max_insns)
{
    IRBlock *b = db->b;
    uint64_t page = pc & ~(uint64_t)(GUEST_PAGE - 1);

    db->env = env;
    db->pc_first = pc;
    db->pc_next = pc;
    db->num_insns = 0;
    db->max_insns = max_insns ? max_insns : 1;
    db->is_jmp = DISAS_NEXT;
    b->pc_start = pc;

    for (;;) {
        uint64_t at = db->pc_next;
        /* The frontend reads 4 bytes; variable-length ISAs check further. */
        if (!guest_code_fetchable(at, 4)) {
            if (db->num_insns == 0) {
                ir_insn_start(b, at);
                db->num_insns++;
                ops->fetch_fault(db);
            } else {
                db->is_jmp = DISAS_TOO_MANY;
            }
            break;
        }
        if (ops->before_insn)
            ops->before_insn(db, at);
        ir_insn_start(b, at);
        db->num_insns++;
        ops->translate_insn(db);
        if (db->is_jmp != DISAS_NEXT)
            break;
        if (db->num_insns >= db->max_insns ||
            (db->pc_next & ~(uint64_t)(GUEST_PAGE - 1)) != page) {
            db->is_jmp = DISAS_TOO_MANY;
            break;
        }
    }
    ops->tb_stop(db);
    b->ninsns = db->num_insns;
}
