/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PSCI 1.1 (ARM DEN 0022, as QEMU's virt reports it; none of 1.1's
 * optional additions) as the virt board's firmware answers it: the CPU
 * layer hands every HVC (or SMC) whose function ID is in the PSCI range to
 * psci_call() and writes the result to x0.  CPU_ON starts a powered-off
 * vCPU at the given entry with the context ID in x0; CPU_OFF and
 * CPU_SUSPEND tell the caller to power off or wait for an interrupt;
 * SYSTEM_OFF and SYSTEM_RESET become machine requests (runstate.h).
 *
 * Entry points: psci_is_call(), psci_call().
 */
#ifndef GUISE_HW_PSCI_H
#define GUISE_HW_PSCI_H

#include <stdbool.h>
#include <stdint.h>
#include "system/machine.h"

typedef enum PsciAction {
    PSCI_RETURN,                /* write *ret to x0 and continue */
    PSCI_HALT,                  /* x0 = *ret, then wait for an interrupt */
    PSCI_POWER_OFF,             /* the calling CPU is now off */
} PsciAction;

enum {
    PSCI_SUCCESS = 0, PSCI_NOT_SUPPORTED = -1, PSCI_INVALID_PARAMETERS = -2,
    PSCI_DENIED = -3, PSCI_ALREADY_ON = -4, PSCI_ON_PENDING = -5,
    PSCI_INTERNAL_FAILURE = -6, PSCI_NOT_PRESENT = -7, PSCI_DISABLED = -8,
    PSCI_INVALID_ADDRESS = -9,
};

/* Function ID (W0) in the PSCI ranges 0x84000000-1f and 0xc4000000-1f? */
bool psci_is_call(uint64_t fn);
/* Runs function x[0] with arguments x[1..3] for vCPU caller (big lock held). */
PsciAction psci_call(SysMachine *m, unsigned caller, const uint64_t x[4], int64_t *ret);

#endif
