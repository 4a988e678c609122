/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The machine model.  A board is a SysMachineClass: a name (`-M virt`), the
 * -M properties it accepts (gic-version, dumpdtb), its defaults, and an
 * init function that builds devices into the machine's address space and
 * loads the kernel.  SysMachine is one instance with everything the
 * command line chose: RAM size, vCPUs, kernel, initrd, command line,
 * drives and devices (parsed here, consumed by the board), the serial
 * backend, the accelerator.
 *
 * Option strings use QEMU's key=value syntax (",," is a literal comma; a
 * leading word without '=' is the implied key): sys_opts_parse().
 *
 * Entry points: sys_machine_find(), sys_machine_list(), sys_machine_prop(),
 * sys_opts_parse(), sys_opts_get(), sys_parse_size().
 */
#ifndef GUISE_SYSTEM_MACHINE_H
#define GUISE_SYSTEM_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "system/accel.h"
#include "system/memory.h"

#define SYS_OPTS_MAX 24

/* A parsed "key=value,..." list (strings owned). */
typedef struct SysOpts {
    int n;
    char *key[SYS_OPTS_MAX];
    char *val[SYS_OPTS_MAX];
} SysOpts;

typedef struct SysMachine SysMachine;
struct SysChardev;
struct BlkDev;

/* An attached drive, as query-block shows it (filled by the board). */
typedef struct SysBlockEntry {
    char id[32];
    char qdev[64];
    char file[512];
    char format[16];
    struct BlkDev *bs;
} SysBlockEntry;

typedef struct SysMachineClass {
    const char *name;
    const char *desc;
    const char *const *props;   /* accepted -M properties, NULL-terminated */
    const char *default_cpu;
    uint64_t default_ram;
    unsigned max_cpus;
    const char *const *cpus;    /* accepted -cpu models, NULL-terminated */
    /* 0 built; 1 finished (e.g. dumpdtb: exit 0); -1 error (printed). */
    int (*init)(SysMachine *m);
} SysMachineClass;

struct SysMachine {
    const SysMachineClass *mc;
    SysOpts props;              /* -M properties (type removed) */
    SysAddressSpace as;
    uint64_t ram_size;
    unsigned smp;
    const char *cpu_type;
    const char *kernel, *initrd, *append, *dtb;
    SysOpts drives[8];          /* -drive */
    int ndrives;
    SysOpts devices[40];        /* -device */
    int ndevices;
    SysOpts chardevs[8];        /* -chardev */
    int nchardevs;
    SysOpts netdevs[8];         /* -netdev, and -nic's backends */
    int nnetdevs;
    SysBlockEntry blocks[8];    /* drives attached to devices */
    int nblocks;
    struct SysChardev *serial;  /* -serial / -nographic backend */
    bool nographic, no_reboot, start_paused;
    uint64_t boot_pc, boot_x0;  /* CPU 0's entry (kernel) and x0 (DTB) */
    const SysAccelOps *accel;
    SysVcpu *vcpus;             /* smp of them, once created */
    void *board;                /* the board's state */
};

/* A board of the NULL-terminated list (the program's boards) by name. */
const SysMachineClass *sys_machine_find(const SysMachineClass *const *list,
                                        const char *name);
/* -M help: one line per board. */
void sys_machine_list(const SysMachineClass *const *list, FILE *f);
/* Value of -M property name, or NULL when not given. */
const char *sys_machine_prop(const SysMachine *m, const char *name);

/*
 * Parses s into o.  implied_key names a leading bare word ("virt" in
 * "virt,gic-version=3" with implied key "type"); NULL refuses bare words.
 * false with a one-line reason in err on a syntax error.
 */
bool sys_opts_parse(const char *s, const char *implied_key, SysOpts *o,
                    char *err, size_t errlen);
const char *sys_opts_get(const SysOpts *o, const char *key);
void sys_opts_free(SysOpts *o);
/* "512M", "2G", "1024" (MiB when no suffix and mib_default), K/M/G/T. */
bool sys_parse_size(const char *s, bool mib_default, uint64_t *out);

#endif
