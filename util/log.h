/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Logging (-d categories, -D file) and the internal-bug reporters.
 * Guest-triggered problems are logged once under LOG_UNIMP/LOG_GUEST_ERROR
 * and never abort; BUG_ON() is for guise's own invariants only.
 */
#ifndef GUISE_LOG_H
#define GUISE_LOG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum {
    LOG_IN_ASM      = 1 << 0,
    LOG_OP          = 1 << 1,
    LOG_OP_OPT      = 1 << 2,
    LOG_OUT_ASM     = 1 << 3,
    LOG_EXEC        = 1 << 4,
    LOG_CPU         = 1 << 5,
    LOG_UNIMP       = 1 << 6,
    LOG_GUEST_ERROR = 1 << 7,
    LOG_STRACE      = 1 << 8,
    LOG_PAGE        = 1 << 9,
    LOG_INT         = 1 << 10,  /* full system: exceptions taken, ERET */
    LOG_MMU         = 1 << 11,  /* full system: faulting walks, TLBI */
    LOG_TCACHE      = 1 << 12,  /* user mode: the persistent translation cache */
};

extern unsigned log_mask;
extern FILE *log_file;          /* stderr unless -D */

static inline bool log_enabled(unsigned mask) { return (log_mask & mask) != 0; }

/* Parse "in_asm,op,..." (or "help"); false with a message on a bad name. */
bool log_parse_mask(const char *spec, unsigned *mask);
void log_print_help(FILE *f);
/* Open the -D file, truncated or (append) added to; false (message
 * printed) on failure. */
bool log_set_file(const char *path, bool append);

void log_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Log under mask only the first time this key (e.g. an encoding) is seen. */
void log_once(unsigned mask, uint64_t key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Internal bug: prints file:line, the message and the current guest pc, then aborts. */
void bug_at(const char *file, int line, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 3, 4)));
#define BUG_ON(cond) \
    do { if (__builtin_expect(!!(cond), 0)) bug_at(__FILE__, __LINE__, "%s", #cond); } while (0)
#define unreachable() bug_at(__FILE__, __LINE__, "unreachable")

/* Guest pc shown in bug reports (set by the dispatcher). */
extern __thread uint64_t log_current_pc;

#endif
