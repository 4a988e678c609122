/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * capstone through dlopen (disas.h).  The library's major version is the
 * one of the headers guise was built with (CS_API_MAJOR), as its soname.
 */
#include <capstone/capstone.h>
#include <dlfcn.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "disas.h"
#include "util/log.h"

#define STR(x) #x
#define XSTR(x) STR(x)
#define CAPSTONE_SONAME "libcapstone.so." XSTR(CS_API_MAJOR)

static struct {
    cs_err (*open)(cs_arch arch, cs_mode mode, csh *handle);
    size_t (*disasm)(csh handle, const uint8_t *code, size_t size, uint64_t address,
                     size_t count, cs_insn **insn);
    void (*free)(cs_insn *insn, size_t count);
    cs_err (*close)(csh *handle);
    bool ok;
} cs;
static pthread_once_t cs_once = PTHREAD_ONCE_INIT;

static void cs_load(void)
{
    void *h = dlopen(CAPSTONE_SONAME, RTLD_NOW | RTLD_LOCAL);

    if (!h) {
        log_printf("(no disassembler: %s cannot be loaded; install the Debian package "
                   "libcapstone%d for -d in_asm and out_asm)\n", CAPSTONE_SONAME, CS_API_MAJOR);
        return;
    }
    cs.open = (cs_err (*)(cs_arch, cs_mode, csh *))dlsym(h, "cs_open");
    cs.disasm = (size_t (*)(csh, const uint8_t *, size_t, uint64_t, size_t, cs_insn **))
        dlsym(h, "cs_disasm");
    cs.free = (void (*)(cs_insn *, size_t))dlsym(h, "cs_free");
    cs.close = (cs_err (*)(csh *))dlsym(h, "cs_close");
    cs.ok = cs.open && cs.disasm && cs.free && cs.close;
}

/* The code as 32-bit words (aarch64) or bytes, when there is no capstone. */
static void log_words(int arch, const uint8_t *code, size_t size, uint64_t addr)
{
    size_t step = arch == CS_ARCH_ARM64 ? 4 : 16;

    for (size_t i = 0; i < size; i += step) {
        log_printf("0x%016" PRIx64 ":  ", addr + i);
        if (step == 4 && size - i >= 4) {
            uint32_t w;
            memcpy(&w, code + i, 4);
            log_printf(".word    0x%08" PRIx32 "\n", w);
            continue;
        }
        log_printf(".byte   ");
        for (size_t k = i; k < size && k < i + step; k++)
            log_printf(" 0x%02x", code[k]);
        log_printf("\n");
    }
}

void disas_log(int arch, int mode, const uint8_t *code, size_t size, uint64_t addr)
{
    cs_insn *insn;
    size_t n;
    csh h;

    pthread_once(&cs_once, cs_load);
    if (!cs.ok || cs.open((cs_arch)arch, (cs_mode)mode, &h) != CS_ERR_OK) {
        log_words(arch, code, size, addr);
        return;
    }
    n = cs.disasm(h, code, size, addr, 0, &insn);
    for (size_t i = 0; i < n; i++)
        log_printf("0x%016" PRIx64 ":  %-8s %s\n", insn[i].address, insn[i].mnemonic,
                   insn[i].op_str);
    if (n)
        cs.free(insn, n);
    cs.close(&h);
}

void disas_log_host(const uint8_t *code, size_t size, uint64_t addr)
{
    disas_log(CS_ARCH_X86, CS_MODE_64, code, size, addr);
}
