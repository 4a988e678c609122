/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The smallest machine test: output through the PL011, the PSCI version,
 * the CPU's EL and identity, power-off. */
#include "lib.h"

int main(void)
{
    uint64_t v = psci(PSCI_VERSION, 0, 0, 0);

    printf("hello from the virt machine\n");
    printf("PSCI %u.%u\n", (unsigned)(v >> 16), (unsigned)(v & 0xffff));
    printf("CurrentEL %lu\n", read_sysreg(CurrentEL) >> 2);
    printf("MPIDR Aff0 %lu\n", read_sysreg(mpidr_el1) & 0xff);
    printf("SCTLR.M %lu\n", read_sysreg(sctlr_el1) & 1);
    return 0;
}
