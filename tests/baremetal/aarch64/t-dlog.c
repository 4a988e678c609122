/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The exceptions -d int and -d mmu report (t-dlog.dlog lists the lines the
 * log must hold): an ERET to EL0 with the MMU off, an SVC from EL0 back to
 * EL1, then with the MMU on (4K granule, 39-bit VAs, 1 GiB identity
 * blocks) a load from an unmapped VA (translation fault at level 1, FAR
 * 0x80000010) and a TLBI VAE1IS with an ASID.  The labels el0_entry,
 * el0_svc_next, el1_again and dabt_insn give the log's PCs and ELRs.
 */
#include "lib.h"

#define BLOCK 1
#define AF (1ull << 10)
#define SH_INNER (3ull << 8)
#define ATTR(n) ((uint64_t)(n) << 2)
#define HOLE 0x80000010ull            /* L1 entry 2: invalid */

static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t el0_stack[256] __attribute__((aligned(16)));

/* EL0: x0 = 0x77, SVC #0x99; the handler never returns here. */
__asm__(".text\n"
        ".global el0_entry, el0_svc_next\n"
        "el0_entry:\n"
        "    mov x0, #0x77\n"
        "    svc #0x99\n"
        "el0_svc_next:\n"
        "    b .\n");
extern char el0_entry[];

void el1_again(void) __attribute__((noreturn, noinline));

void exception(struct frame *f, unsigned kind)
{
    uint64_t esr = read_sysreg(esr_el1);
    unsigned ec = esr >> 26;

    if (ec == 0x15) {
        printf("SVC kind %u imm %lx x0 %lx\n", kind, esr & 0xffff, f->x[0]);
        /* Return to EL1h (DAIF masked) in el1_again, on SP_EL1. */
        f->elr = (uint64_t)el1_again;
        f->spsr = 0x3c5;
    } else if (ec == 0x25) {
        printf("data abort kind %u FSC %lx FAR %lx\n", kind, esr & 0x3f, read_sysreg(far_el1));
        f->elr += 4;
    } else {
        printf("unexpected EC %x\n", ec);
        system_off();
    }
}

void el1_again(void)
{
    uint64_t v = 0;

    printf("back at EL%lu\n", (read_sysreg(currentel) >> 2) & 3);
    l1[0] = 0 | BLOCK | AF | ATTR(0);                              /* devices */
    l1[1] = 0x40000000ull | BLOCK | AF | SH_INNER | ATTR(1);      /* RAM */
    write_sysreg(mair_el1, 0xff00);
    /* T0SZ 25, 4K granule, WBWA inner shareable walks, TTBR1 walks off
     * (EPD1), IPS 40 bits. */
    write_sysreg(tcr_el1, 25 | 1 << 8 | 1 << 10 | 3 << 12 | 1ull << 23 | 2ull << 32);
    write_sysreg(ttbr0_el1, (uint64_t)l1);
    dsb();
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | 1 | 1 << 2 | 1 << 12);
    isb();
    printf("MMU on\n");
    __asm__ volatile(".global dabt_insn\n"
                     "dabt_insn: ldr %0, [%1]" : "+r"(v) : "r"(HOLE) : "memory");
    printf("after the abort v %lx\n", v);
    dsb();
    __asm__ volatile("tlbi vae1is, %0" :: "r"(5ull << 48 | (HOLE >> 12)));
    dsb();
    isb();
    printf("done\n");
    system_off();
}

int main(void)
{
    printf("to EL0\n");
    /* EL0t with DAIF masked, SP_EL0 at the top of its stack. */
    __asm__ volatile("msr sp_el0, %0\n"
                     "msr elr_el1, %1\n"
                     "msr spsr_el1, %2\n"
                     "eret" :: "r"(el0_stack + 256), "r"(el0_entry), "r"(0x3c0ull) : "memory");
    return 1;
}
