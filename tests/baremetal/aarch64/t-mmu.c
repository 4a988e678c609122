/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stage-1 MMU at EL1: 4K pages, 39-bit VAs through TTBR0 and TTBR1,
 * 2 MiB blocks for the identity map of RAM and devices, 4K pages for an
 * alias; reads and writes through the alias, remapping it with TLBI, and
 * each fault with its ESR and FAR: translation (level 3), access flag,
 * permission (write to read-only, execute-never), plus AT into PAR_EL1.
 */
#include "lib.h"

#define BLOCK (1 << 0)
#define TABLE 3
#define PAGE 3
#define AF (1ull << 10)
#define SH_INNER (3ull << 8)
#define AP_RO (1ull << 7)
#define PXN (1ull << 53)
#define UXN (1ull << 54)
#define ATTR(n) ((uint64_t)(n) << 2)

static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l2_low[512] __attribute__((aligned(4096)));
static uint64_t l2_ram[512] __attribute__((aligned(4096)));
static uint64_t l2_alias[512] __attribute__((aligned(4096)));
static uint64_t l3_alias[512] __attribute__((aligned(4096)));
static uint64_t l1_high[512] __attribute__((aligned(4096)));
static uint64_t page_a[512] __attribute__((aligned(4096)));
static uint64_t page_b[512] __attribute__((aligned(4096)));
static uint32_t code_page[1024] __attribute__((aligned(4096)));

#define ALIAS 0x80000000ull          /* L1 entry 2 */
#define HIGH 0xffffff8000000000ull   /* TTBR1, 39-bit: the bottom of the upper half */

static volatile unsigned faults;
static volatile uint64_t skip_to;

void exception(struct frame *f, unsigned kind)
{
    uint64_t esr = read_sysreg(esr_el1), far = read_sysreg(far_el1);
    unsigned ec = esr >> 26;

    printf("  fault kind %u EC %x FSC %lx WnR %lu FAR %lx\n", kind, ec, esr & 0x3f,
           ec == 0x25 ? (esr >> 6) & 1 : 0, far);
    faults++;
    /* Data aborts skip the access; instruction aborts return to skip_to. */
    f->elr = ec == 0x21 ? skip_to : f->elr + 4;
}

static void tlbi_va(uint64_t va)
{
    dsb();
    __asm__ volatile("tlbi vae1, %0" :: "r"(va >> 12));
    dsb();
    isb();
}

static uint64_t at_s1e1r(uint64_t va)
{
    __asm__ volatile("at s1e1r, %0" :: "r"(va));
    isb();
    return read_sysreg(par_el1);
}

int main(void)
{
    /* Devices (UART, GIC) as Device-nGnRnE 2 MiB blocks, RAM as Normal. */
    for (uint64_t a = 0x08000000; a < 0x0a000000; a += 0x200000)
        l2_low[a >> 21] = a | BLOCK | AF | ATTR(0) | PXN | UXN;
    for (unsigned i = 0; i < 64; i++)
        l2_ram[i] = (0x40000000ull + ((uint64_t)i << 21)) | BLOCK | AF | SH_INNER | ATTR(1);
    l1[0] = (uint64_t)l2_low | TABLE;
    l1[1] = (uint64_t)l2_ram | TABLE;
    l1[2] = (uint64_t)l2_alias | TABLE;
    l2_alias[0] = (uint64_t)l3_alias | TABLE;
    l3_alias[0] = (uint64_t)page_a | PAGE | AF | SH_INNER | ATTR(1);
    l3_alias[2] = (uint64_t)page_b | PAGE | SH_INNER | ATTR(1);               /* AF clear */
    l3_alias[3] = (uint64_t)page_b | PAGE | AF | SH_INNER | ATTR(1) | AP_RO;
    l3_alias[4] = (uint64_t)code_page | PAGE | AF | SH_INNER | ATTR(1) | PXN;
    l1_high[0] = 0x40000000ull | BLOCK | AF | SH_INNER | ATTR(1);             /* 1 GiB */
    page_a[0] = 0xaaaa;
    page_b[0] = 0xbbbb;
    code_page[0] = 0xd65f03c0;                                                 /* ret */

    write_sysreg(mair_el1, 0xff00);
    /* T0SZ = T1SZ = 25, 4K granules both, inner/outer WBWA, inner
     * shareable, IPS 40 bits. */
    write_sysreg(tcr_el1, 25 | 1 << 8 | 1 << 10 | 3 << 12 | 25ull << 16 | 1ull << 24 |
                          1ull << 26 | 3ull << 28 | 2ull << 30 | 2ull << 32);
    write_sysreg(ttbr0_el1, (uint64_t)l1);
    write_sysreg(ttbr1_el1, (uint64_t)l1_high);
    dsb();
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | 1 | 1 << 2 | 1 << 12);
    isb();
    printf("MMU on: SCTLR.M %lu\n", read_sysreg(sctlr_el1) & 1);

    volatile uint64_t *alias = (volatile uint64_t *)ALIAS;
    printf("alias reads %lx\n", alias[0]);
    alias[1] = 0x5555;
    printf("physical page sees %lx\n", ((volatile uint64_t *)page_a)[1]);
    volatile uint64_t *high = (volatile uint64_t *)(HIGH + ((uint64_t)page_b - 0x40000000));
    printf("upper half reads %lx\n", high[0]);

    l3_alias[0] = (uint64_t)page_b | PAGE | AF | SH_INNER | ATTR(1);
    tlbi_va(ALIAS);
    printf("after remap and TLBI the alias reads %lx\n", alias[0]);

    printf("translation fault:\n");
    (void)*(volatile uint64_t *)(ALIAS + 0x1000);
    printf("access flag fault:\n");
    (void)*(volatile uint64_t *)(ALIAS + 0x2000);
    printf("permission fault (write to read-only):\n");
    *(volatile uint64_t *)(ALIAS + 0x3008) = 1;
    printf("read-only page still reads %lx\n", *(volatile uint64_t *)(ALIAS + 0x3000));
    printf("execute-never:\n");
    __asm__ volatile("adr %0, 1f" : "=r"(skip_to));
    __asm__ volatile("blr %0\n1:" :: "r"(ALIAS + 0x4000) : "x30", "memory");
    printf("faults %u\n", faults);

    uint64_t par = at_s1e1r(ALIAS + 0x10);
    printf("AT mapped: F %lu PA matches %d attr %lx\n", par & 1,
           (par & 0xfffffffff000ull) == (uint64_t)page_b, par >> 56);
    par = at_s1e1r(ALIAS + 0x1000);
    printf("AT unmapped: F %lu FST %lx\n", par & 1, (par >> 1) & 0x3f);

    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) & ~1ull);
    isb();
    printf("MMU off again, physical reads %lx\n", ((volatile uint64_t *)page_a)[1]);
    return 0;
}
