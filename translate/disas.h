/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Disassembly for the logs (-d in_asm, out_asm) with capstone, which guise
 * loads (dlopen) the first time a log asks for it instead of linking it:
 * its tables take ~80,000 relocations, paid by every start of every
 * program (a configure script starts thousands) for a log few runs write.
 * Without the library (a chroot has no host libraries; a static guise
 * loads it only if the host's glibc matches) the code is shown as words.
 */
#ifndef GUISE_DISAS_H
#define GUISE_DISAS_H

#include <stddef.h>
#include <stdint.h>

/* Log (log_printf) the size bytes of code at addr, one instruction per
 * line; arch and mode are capstone's cs_arch and cs_mode. */
void disas_log(int arch, int mode, const uint8_t *code, size_t size, uint64_t addr);
/* The same for x86-64 host code. */
void disas_log_host(const uint8_t *code, size_t size, uint64_t addr);

#endif
