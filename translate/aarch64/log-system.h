/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The -d int and -d mmu logs of full-system aarch64 (util/log.h's LOG_INT
 * and LOG_MMU): each exception taken and each exception return, each
 * stage-1 walk the software TLB makes (its faults with the descriptor the
 * walk stopped at) and each TLB maintenance instruction.  The callers
 * test log_enabled() first, so a category that is off costs one branch;
 * these functions only format and print.  Lines follow QEMU's -d int
 * wording where it has one ("Taking exception 2 [SVC] on CPU 0"), so
 * habits and scripts carry over.
 */
#ifndef GUISE_A64_LOG_SYSTEM_H
#define GUISE_A64_LOG_SYSTEM_H

#include <stdbool.h>
#include <stdint.h>
#include "exception.h"
#include "mmu.h"

struct A64SysCpu;
struct A64SysRegs;

/* After an exception of kind k was taken to EL1 (ESR/FAR as given to
 * a64_take_exception; old_pstate and pstate the whole PSTATE before and
 * after, as a64_sys_pstate gives it): the lines "Taking exception N
 * [name] on CPU k", from/to EL, ESR, FAR, ELR, SPSR, the new SP, PC and
 * PSTATE. */
void a64_log_exception(const struct A64SysCpu *c, A64ExcKind k, uint64_t esr, bool has_far,
                       uint64_t far, uint64_t old_pstate, uint64_t pstate);

/* After an ERET from old_pstate to pstate (legal: a64_exception_return's
 * result). */
void a64_log_eret(const struct A64SysCpu *c, uint64_t old_pstate, uint64_t pstate, bool legal);

/* A walk for an access (what: "read", "write", "fetch", "AT S1E1R"...) to
 * va at EL el: faulted with *f, or (f NULL) gave *t. */
void a64_log_walk(const struct A64SysRegs *s, const char *what, uint64_t va, unsigned el,
                  const A64Translation *t, const A64MmuFault *f);

/* A TLBI instruction (SYS key as A64_SYSREG builds it, Xt = v). */
void a64_log_tlbi(const struct A64SysRegs *s, uint32_t key, uint64_t v);

/* The name of exception class ec ("SVC", "Data abort (same EL)"...),
 * "?" for one guise never raises. */
const char *a64_ec_name(unsigned ec);

#endif
