/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -d logging categories, the -D log file, log-once bookkeeping and the
 * internal-bug reporter.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "log.h"

unsigned log_mask;
FILE *log_file;
__thread uint64_t log_current_pc;

static const struct { const char *name; unsigned mask; const char *help; } log_names[] = {
    { "in_asm",       LOG_IN_ASM,      "show guest code of each block translated" },
    { "op",           LOG_OP,          "show the IR of each block" },
    { "op_opt",       LOG_OP_OPT,      "show the IR after optimisation" },
    { "out_asm",      LOG_OUT_ASM,     "show the host code generated" },
    { "exec",         LOG_EXEC,        "show each block executed" },
    { "cpu",          LOG_CPU,         "show the CPU state before each block" },
    { "unimp",        LOG_UNIMP,       "report unimplemented instructions and syscalls" },
    { "guest_errors", LOG_GUEST_ERROR, "report invalid guest actions" },
    { "strace",       LOG_STRACE,      "trace system calls (same as -strace)" },
    { "page",         LOG_PAGE,        "show guest memory mappings" },
    { "int",          LOG_INT,         "show interrupts and exceptions taken (full system)" },
    { "mmu",          LOG_MMU,         "show page table walks and MMU faults (full system)" },
    { "tcache",       LOG_TCACHE,      "report the persistent translation cache's use (user mode, -tc)" },
};

bool log_parse_mask(const char *spec, unsigned *mask)
{
    char *copy = strdup(spec), *save = NULL;
    unsigned m = 0;
    bool ok = true;

    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        size_t i;
        for (i = 0; i < sizeof(log_names) / sizeof(log_names[0]); i++)
            if (!strcmp(tok, log_names[i].name))
                break;
        if (i == sizeof(log_names) / sizeof(log_names[0])) {
            fprintf(stderr, "guise: unknown -d category '%s' (try -d help)\n", tok);
            ok = false;
            break;
        }
        m |= log_names[i].mask;
    }
    free(copy);
    if (ok)
        *mask = m;
    return ok;
}

void log_print_help(FILE *f)
{
    fprintf(f, "Log categories for -d (comma-separated):\n");
    for (size_t i = 0; i < sizeof(log_names) / sizeof(log_names[0]); i++)
        fprintf(f, "  %-13s %s\n", log_names[i].name, log_names[i].help);
}

bool log_set_file(const char *path, bool append)
{
    FILE *f = fopen(path, append ? "a" : "w");
    if (!f) {
        fprintf(stderr, "guise: cannot open log file '%s': %m\n", path);
        return false;
    }
    setvbuf(f, NULL, _IOLBF, 0);
    log_file = f;
    return true;
}

void log_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(log_file ? log_file : stderr, fmt, ap);
    va_end(ap);
}

/* Keys already reported by log_once: a small open-addressed set. */
#define ONCE_SLOTS 4096
static uint64_t once_keys[ONCE_SLOTS];
static pthread_mutex_t once_lock = PTHREAD_MUTEX_INITIALIZER;

static bool once_insert(uint64_t key)
{
    uint64_t k = key + 1;   /* 0 marks an empty slot */
    bool fresh = false;
    pthread_mutex_lock(&once_lock);
    for (unsigned i = 0, h = (unsigned)(k * 0x9e3779b97f4a7c15ull >> 52); i < ONCE_SLOTS; i++) {
        uint64_t *slot = &once_keys[(h + i) % ONCE_SLOTS];
        if (*slot == k)
            break;
        if (*slot == 0) {
            *slot = k;
            fresh = true;
            break;
        }
    }
    pthread_mutex_unlock(&once_lock);
    return fresh;
}

void log_once(unsigned mask, uint64_t key, const char *fmt, ...)
{
    va_list ap;
    if (!log_enabled(mask) || !once_insert(key))
        return;
    va_start(ap, fmt);
    vfprintf(log_file ? log_file : stderr, fmt, ap);
    va_end(ap);
}

void bug_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fflush(log_file);
    fprintf(stderr, "guise: internal error at %s:%d (guest pc 0x%llx): ", file, line,
            (unsigned long long)log_current_pc);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nguise: this is a bug in guise; please report it with the command line.\n");
    abort();
}
