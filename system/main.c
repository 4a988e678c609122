/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * guise-system-aarch64: QEMU's command line for a whole machine.  Parses
 * the options (table below), opens the character backends, builds the
 * board, serves QMP and runs the main loop.  There is no aarch64 system
 * CPU yet: unless -S (paused, QMP) or -machine dumpdtb=FILE, it says so in
 * one line and exits 1.  Usage errors: one line, exit 1.
 */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "block/block.h"
#include "hw/arm/virt.h"
#include "system/chardev.h"
#include "system/machine.h"
#include "system/mainloop.h"
#include "system/net.h"
#include "system/qmp.h"
#include "system/runstate.h"
#include "translate/exec.h"
#include "util/log.h"

#ifdef PACKAGE_VERSION
#define GUISE_VERSION PACKAGE_VERSION
#else
#define GUISE_VERSION "0"
#endif

#define PROG "guise-system-aarch64"

extern SysMachine *sys_current_machine;

/* The boards of this program, -M help's order. */
static const SysMachineClass *const machines[] = {
    &sys_virt_machine,
    NULL,
};

typedef struct Args {
    const char *machine, *cpu, *mem, *smp, *serial, *qmp, *d, *D;
    const char *kernel, *initrd, *append, *dtb, *display, *monitor, *accel, *jit;
    bool nographic, no_reboot, start_paused, help, version, nodefaults;
} Args;

enum { OPT_FLAG, OPT_STR, OPT_DRIVE, OPT_DEVICE, OPT_CHARDEV, OPT_NETDEV, OPT_NIC };

/* The command line: QEMU's names; "--name" works as "-name". */
static const struct {
    const char *name, *alias;
    int kind;
    size_t off;                 /* OPT_FLAG/OPT_STR: the Args field */
} options[] = {
    { "-M", "-machine", OPT_STR, offsetof(Args, machine) },
    { "-cpu", NULL, OPT_STR, offsetof(Args, cpu) },
    { "-m", NULL, OPT_STR, offsetof(Args, mem) },
    { "-smp", NULL, OPT_STR, offsetof(Args, smp) },
    { "-kernel", NULL, OPT_STR, offsetof(Args, kernel) },
    { "-initrd", NULL, OPT_STR, offsetof(Args, initrd) },
    { "-append", NULL, OPT_STR, offsetof(Args, append) },
    { "-dtb", NULL, OPT_STR, offsetof(Args, dtb) },
    { "-serial", NULL, OPT_STR, offsetof(Args, serial) },
    { "-qmp", NULL, OPT_STR, offsetof(Args, qmp) },
    { "-netdev", NULL, OPT_NETDEV, 0 },
    { "-nic", NULL, OPT_NIC, 0 },
    { "-display", NULL, OPT_STR, offsetof(Args, display) },
    { "-monitor", NULL, OPT_STR, offsetof(Args, monitor) },
    { "-accel", NULL, OPT_STR, offsetof(Args, accel) },
    { "-jit", NULL, OPT_STR, offsetof(Args, jit) },
    { "-d", NULL, OPT_STR, offsetof(Args, d) },
    { "-D", NULL, OPT_STR, offsetof(Args, D) },
    { "-drive", NULL, OPT_DRIVE, 0 },
    { "-device", NULL, OPT_DEVICE, 0 },
    { "-chardev", NULL, OPT_CHARDEV, 0 },
    { "-nographic", NULL, OPT_FLAG, offsetof(Args, nographic) },
    { "-no-reboot", NULL, OPT_FLAG, offsetof(Args, no_reboot) },
    { "-S", NULL, OPT_FLAG, offsetof(Args, start_paused) },
    { "-nodefaults", NULL, OPT_FLAG, offsetof(Args, nodefaults) },
    { "-version", NULL, OPT_FLAG, offsetof(Args, version) },
    { "-help", "-h", OPT_FLAG, offsetof(Args, help) },
};

static void usage(FILE *f)
{
    fprintf(f,
        "usage: " PROG " [options]\n"
        "  -M|-machine virt[,gic-version=2|3][,dumpdtb=FILE]   (-M help lists boards)\n"
        "  -cpu cortex-a53|cortex-a57|cortex-a72|neoverse-n1|max\n"
        "  -m SIZE[K|M|G]   -smp N   -kernel Image[.gz]|ELF   -initrd FILE   -append CMDLINE   -dtb FILE\n"
        "  -drive file=F,format=raw|qcow2,if=none,id=ID   -device virtio-blk-device,drive=ID\n"
        "  -device virtio-rng-device   -device virtio-serial-device -device virtconsole,chardev=ID\n"
        "  -chardev socket|stdio|file|null,id=ID,...\n"
        "  -netdev user,id=ID[,hostfwd=tcp:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT][,net=10.0.2.0/24]...\n"
        "  -device virtio-net-device,netdev=ID[,mac=52:54:00:12:34:56]   -nic user[,model=virtio-net-device][,...]\n"
        "  -serial stdio|mon:stdio|null|file:F|unix:P,server,nowait|tcp:H:P,server,nowait\n"
        "  -accel tcg[,one-insn-per-tb=on][,tb-size=MB][,split-wx=on]|help   -jit on|off (off: the IR interpreter)\n"
        "  -nographic  -no-reboot  -S  -qmp unix:PATH,server,nowait|tcp:HOST:PORT,server,nowait\n"
        "  -d items  -D logfile  -version  -help\n"
        "See guise-system(1).\n");
}

static int bad(const char *fmt, const char *a)
{
    fprintf(stderr, PROG ": ");
    fprintf(stderr, fmt, a);
    fputc('\n', stderr);
    return 1;
}

static bool add_opts(SysOpts *slot, int *n, int max, const char *arg, const char *implied,
                     const char *opt)
{
    char err[200];
    if (*n == max) {
        bad("too many %s options", opt);
        return false;
    }
    if (!sys_opts_parse(arg, implied, &slot[*n], err, sizeof(err))) {
        fprintf(stderr, PROG ": %s %s: %s\n", opt, arg, err);
        return false;
    }
    (*n)++;
    return true;
}

/* -nic TYPE,...: a -netdev and a -device in one (system/net.h). */
static bool add_nic(SysMachine *m, const char *v)
{
    SysOpts nd, dev;
    char err[200];

    if (m->nnetdevs == 8 || m->ndevices == 40)
        return !bad("too many %s options", "-nic");
    if (!sys_nic_split(v, m->nnetdevs, &nd, &dev, err, sizeof(err))) {
        fprintf(stderr, PROG ": -nic %s: %s\n", v, err);
        return false;
    }
    if (nd.n) {
        m->netdevs[m->nnetdevs++] = nd;
        m->devices[m->ndevices++] = dev;
    }
    return true;
}

/* -drive, -device, -chardev, -netdev, -nic: option lists the board reads. */
static bool add_list(SysMachine *m, int kind, const char *v)
{
    switch (kind) {
    case OPT_DRIVE: return add_opts(m->drives, &m->ndrives, 8, v, NULL, "-drive");
    case OPT_DEVICE: return add_opts(m->devices, &m->ndevices, 40, v, "driver", "-device");
    case OPT_NETDEV: return add_opts(m->netdevs, &m->nnetdevs, 8, v, "type", "-netdev");
    case OPT_NIC: return add_nic(m, v);
    default: return add_opts(m->chardevs, &m->nchardevs, 8, v, "backend", "-chardev");
    }
}

static int parse_args(int argc, char **argv, SysMachine *m, Args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i] + (argv[i][0] == '-' && argv[i][1] == '-');
        size_t k;
        for (k = 0; k < sizeof(options) / sizeof(options[0]); k++)
            if (!strcmp(o, options[k].name) || (options[k].alias && !strcmp(o, options[k].alias)))
                break;
        if (k == sizeof(options) / sizeof(options[0]))
            return bad("unknown option %s (see -help)", o);
        if (options[k].kind == OPT_FLAG) {
            *(bool *)((char *)a + options[k].off) = true;
            continue;
        }
        if (i + 1 >= argc)
            return bad("option %s needs an argument", o);
        const char *v = argv[++i];
        if (options[k].kind == OPT_STR)
            *(const char **)((char *)a + options[k].off) = v;
        else if (!add_list(m, options[k].kind, v))
            return 1;
    }
    return 0;
}

/* -accel tcg[,one-insn-per-tb=on|off][,tb-size=MB][,split-wx=on|off]: QEMU's tcg properties
 * that mean something here, into the translator's options. */
static int check_accel(const char *spec)
{
    char *copy = strdup(spec), *save = NULL, *tok;
    int r = 0;

    tok = copy ? strtok_r(copy, ",", &save) : NULL;
    if (!tok || strcmp(tok, "tcg")) {
        free(copy);
        return bad("-accel %s: only tcg is available on this machine", spec), -1;
    }
    while (r == 0 && (tok = strtok_r(NULL, ",", &save))) {
        char *end;
        if (!strcmp(tok, "one-insn-per-tb=on") || !strcmp(tok, "one-insn-per-tb=off")) {
            exec_opts.max_insns = !strcmp(tok, "one-insn-per-tb=on") ? 1 : 512;
        } else if (!strcmp(tok, "split-wx=on") || !strcmp(tok, "split-wx=off")) {
            exec_opts.split_wx = !strcmp(tok, "split-wx=on");
        } else if (!strcmp(tok, "thread=multi")) {
            /* what guise does: a host thread per vCPU */
        } else if (!strncmp(tok, "tb-size=", 8)) {
            unsigned long mb = strtoul(tok + 8, &end, 10);
            if (*end || mb < 1 || mb > 4096)
                r = -1, bad("-accel tcg,%s: the size is in MiB, 1 to 4096", tok);
            else
                exec_opts.code_size = (size_t)mb << 20;
        } else {
            r = -1, bad("-accel tcg: unsupported property '%s' (one-insn-per-tb, tb-size, "
                        "split-wx, thread=multi)", tok);
        }
    }
    free(copy);
    return r;
}

/* What parse_args only stored: checked and handed to the machine. */
static int check_args(SysMachine *m, Args *a)
{
    if (a->display && strcmp(a->display, "none"))
        return bad("-display %s: only -display none (there is no graphical display)", a->display);
    if (a->monitor && strcmp(a->monitor, "none"))
        return bad("-monitor %s: the human monitor is not supported (use -qmp)", a->monitor);
    if (a->accel && !strcmp(a->accel, "help")) {
        /* As QEMU: the accelerators this binary can run guest code on. */
        printf("Accelerators supported in guise binary:\n");
        for (int i = 0; sys_accel_nth(i); i++)
            printf("%s\n", sys_accel_nth(i)->name);
        exit(0);
    }
    if (a->accel && check_accel(a->accel) < 0)
        return 1;
    if (a->jit && strcmp(a->jit, "on") && strcmp(a->jit, "off"))
        return bad("-jit %s: on or off", a->jit);
    exec_opts.use_interp = a->jit && !strcmp(a->jit, "off");
    m->kernel = a->kernel;
    m->initrd = a->initrd;
    m->append = a->append;
    m->dtb = a->dtb;
    m->no_reboot = a->no_reboot;
    m->start_paused = a->start_paused;
    return 0;
}

/* -m, -smp, -cpu and -M checked against the board. */
static int check_machine(SysMachine *m, Args *a)
{
    char err[200];

    if (!sys_opts_parse(a->machine ? a->machine : "virt", "type", &m->props, err, sizeof(err)))
        return bad("-machine: %s", err);
    const char *type = sys_opts_get(&m->props, "type");
    if (type && !strcmp(type, "help")) {
        sys_machine_list(machines, stdout);
        exit(0);
    }
    if (!type || !(m->mc = sys_machine_find(machines, type)))
        return bad("unknown machine '%s' (-M help lists them)", type ? type : "");
    for (int i = 0; i < m->props.n; i++) {
        int k;
        if (!strcmp(m->props.key[i], "type"))
            continue;
        for (k = 0; m->mc->props[k] && strcmp(m->mc->props[k], m->props.key[i]); k++)
            ;
        if (!m->mc->props[k])
            return bad("-machine: property '%s' is not supported", m->props.key[i]);
    }
    m->cpu_type = a->cpu ? a->cpu : m->mc->default_cpu;
    if (!strcmp(m->cpu_type, "help")) {
        for (int k = 0; m->mc->cpus[k]; k++)
            printf("  %s\n", m->mc->cpus[k]);
        exit(0);
    }
    int k;
    for (k = 0; m->mc->cpus[k] && strcmp(m->mc->cpus[k], m->cpu_type); k++)
        ;
    if (!m->mc->cpus[k])
        return bad("unknown -cpu '%s' (-cpu help lists them)", m->cpu_type);
    m->ram_size = m->mc->default_ram;
    if (a->mem) {
        const char *s = a->mem;
        if (!strncmp(s, "size=", 5))
            s += 5;
        if (!sys_parse_size(s, true, &m->ram_size) || m->ram_size < (1u << 20))
            return bad("-m %s: expected a size such as 512M or 2G", a->mem);
    }
    m->smp = 1;
    if (a->smp) {
        SysOpts o;
        if (!sys_opts_parse(a->smp, "cpus", &o, err, sizeof(err)))
            return bad("-smp: %s", err);
        const char *c = sys_opts_get(&o, "cpus");
        char *end;
        long n = c ? strtol(c, &end, 10) : 0;
        bool junk = !c || *end;
        sys_opts_free(&o);
        if (junk || n < 1 || n > (long)m->mc->max_cpus)
            return bad("-smp %s: expected a CPU count from 1 to the board's maximum", a->smp);
        m->smp = (unsigned)n;
    }
    return 0;
}

static int open_backends(SysMachine *m, Args *a)
{
    char err[300];
    const char *serial = a->serial ? a->serial : (a->nographic ? "mon:stdio" : "null");

    for (int i = 0; i < m->nchardevs; i++) {
        if (!sys_chardev_open_opts(&m->chardevs[i], err, sizeof(err)))
            return bad("-chardev: %s", err);
    }
    for (int i = 0; i < m->nnetdevs; i++) {
        if (!sys_netdev_open_opts(&m->netdevs[i], err, sizeof(err)))
            return bad("%s", err);
    }
    if (!strncmp(serial, "chardev:", 8)) {
        if (!(m->serial = sys_chardev_find(serial + 8)))
            return bad("-serial %s: no such -chardev", serial);
    } else if (!(m->serial = sys_chardev_open(serial, err, sizeof(err)))) {
        return bad("-serial: %s", err);
    }
    if (a->qmp) {
        SysChardev *q = sys_chardev_open(a->qmp, err, sizeof(err));
        if (!q)
            return bad("-qmp: %s", err);
        sys_qmp_init(q, m);
    }
    return 0;
}

static void on_signal(int sig)
{
    (void)sig;
    sys_request_shutdown(SYS_CAUSE_HOST_SIGNAL);
}

/* -help, -version, -d help: print and exit 0; bad -d/-D: exit 1. */
static int info_options(Args *a)
{
    if (a->help) {
        usage(stdout);
        return 0;
    }
    if (a->version) {
        printf(PROG " version " GUISE_VERSION " (guise)\n");
        return 0;
    }
    if (a->d && !strcmp(a->d, "help")) {
        log_print_help(stdout);
        return 0;
    }
    if (a->d && !log_parse_mask(a->d, &log_mask))
        return 1;
    if (a->D && !log_set_file(a->D, false))
        return 1;
    return -1;
}

/*
 * The vCPUs on the accelerator, started unless -S.  Secondary CPUs wait
 * powered off for PSCI CPU_ON.  The accelerator is the first registered
 * (hw/arm/cpu-a64.c's tcg); a build without one can only run paused (-S).
 */
static int start_cpus(SysMachine *m)
{
    const SysAccelOps *accel = sys_accel_find(NULL);
    int r;

    if (!accel) {
        if (m->start_paused)
            return 0;
        fprintf(stderr, PROG ": cannot run the guest: this build has no accelerator "
                "(-S with -qmp and -machine dumpdtb=FILE work)\n");
        return 1;
    }
    if ((accel->init && (r = accel->init(m)) < 0) ||
        (r = sys_vcpus_create(m, accel, ~1ull)) < 0) {
        fprintf(stderr, PROG ": cannot start the %s accelerator: %s\n", accel->name, strerror(-r));
        return 1;
    }
    if (!m->start_paused && sys_vm_start() < 0)
        return 1;
    return 0;
}

int main(int argc, char **argv)
{
    static SysMachine machine;
    SysMachine *m = &machine;
    Args a = { 0 };
    int r;

    log_file = stderr;
    if (parse_args(argc, argv, m, &a) || check_args(m, &a))
        return 1;
    if ((r = info_options(&a)) >= 0)
        return r;
    if (check_machine(m, &a))
        return 1;
    if (sys_main_loop_init() < 0)
        return bad("cannot create the main loop's eventfd%s", "");
    sys_lock();
    sys_current_machine = m;
    sys_set_no_reboot(m->no_reboot);
    if (open_backends(m, &a)) {
        sys_chardev_close(m->serial);   /* the terminal back to cooked mode */
        return 1;
    }
    r = m->mc->init(m);
    if (r == 0) {
        sys_netdev_check_peers();
        sys_system_reset();
        signal(SIGTERM, on_signal);
        signal(SIGINT, on_signal);
        signal(SIGHUP, on_signal);
        signal(SIGPIPE, SIG_IGN);
        r = start_cpus(m);
        if (r == 0)
            r = sys_main_loop_run();
        /* Park the vCPUs, then close the disks: a qcow2 image's caches
         * are written back only then (a guest's last writes included).
         * The main loop returns with the big lock held. */
        if (m->vcpus)
            sys_vcpus_pause_all(m);
        for (int i = 0; i < m->nblocks; i++)
            if (m->blocks[i].bs) {
                blk_close(m->blocks[i].bs);
                m->blocks[i].bs = NULL;
            }
    } else {
        r = r < 0;          /* 1: finished (dumpdtb), exit 0 */
    }
    sys_chardev_close(m->serial);
    return r;
}
