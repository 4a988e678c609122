/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * /proc as the guest expects it.  Opening one of the files below for
 * reading gives a memfd filled with the guest's view instead of the
 * host's (which would describe guise):
 *
 *   /proc/self/maps      the guest memory map (mmap_write_proc_maps)
 *   /proc/self/auxv      the guest's auxiliary vector
 *   /proc/self/cmdline   the guest's argv, read from its stack
 *   /proc/self/stat      the host's line with the guest's comm and stack
 *   /proc/self/exe       opens the guest program itself
 *   /proc/cpuinfo        the guest CPU (GuestABI.cpuinfo)
 *
 * "/proc/PID/" with our own pid is the same as "/proc/self/".  readlink of
 * /proc/self/exe names the guest program (sys_procfs_link), and other
 * calls taking a path see the program for it (sys_procfs_exe_alias).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "syscall.h"
#include "translate/aarch64/cpu.h"

typedef bool ProcFill(int fd, void *env);

/* ---- matching ---- */

/* The part after "/proc/self/" or "/proc/<our pid>/", or NULL. */
static const char *self_entry(const char *path)
{
    char *end;
    long pid;

    if (strncmp(path, "/proc/", 6) != 0)
        return NULL;
    path += 6;
    if (!strncmp(path, "self/", 5))
        return path + 5;
    pid = strtol(path, &end, 10);
    if (end != path && *end == '/' && pid == getpid())
        return end + 1;
    return NULL;
}

static bool is_self_exe(const char *path)
{
    const char *e = self_entry(path);

    return e && !strcmp(e, "exe") && guest_image.exe_path;
}

const char *sys_procfs_link(const char *path)
{
    return is_self_exe(path) ? guest_image.exe_path : NULL;
}

const char *sys_procfs_exe_alias(const char *path)
{
    return is_self_exe(path) ? guest_image.exe_host_path : NULL;
}

/* ---- contents ---- */

/* Write len bytes, retrying short writes. */
static bool write_all(int fd, const void *p, size_t len)
{
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n <= 0)
            return false;
        p = (const char *)p + n;
        len -= (size_t)n;
    }
    return true;
}

static bool fill_maps(int fd, void *env)
{
    (void)env;
    mmap_write_proc_maps(fd);
    return true;
}

static bool fill_auxv(int fd, void *env)
{
    const void *p = sys_read_ptr(guest_image.auxv, guest_image.auxv_len);

    (void)env;
    return p && write_all(fd, p, guest_image.auxv_len);
}

/* argv as the kernel shows it: each string with its NUL, read from the
 * guest's initial stack (argc, then argv[]), where a guest that rewrites
 * its argv strings is seen doing so. */
static bool fill_cmdline(int fd, void *env)
{
    uint64_t argc, argp;
    char arg[PATH_MAX];

    (void)env;
    if (sys_copy_from(&argc, guest_image.sp, sizeof(argc)) < 0)
        return false;
    for (uint64_t i = 0; i < argc && i < 4096; i++) {
        if (sys_copy_from(&argp, guest_image.sp + 8 * (i + 1), sizeof(argp)) < 0)
            return false;
        if (sys_get_string(arg, sizeof(arg), argp) < 0)
            return false;
        if (!write_all(fd, arg, strlen(arg) + 1))
            return false;
    }
    return true;
}

/* The host's stat line with field 2 (comm) and field 28 (startstack) the
 * guest's (proc(5)). */
static bool fill_stat(int fd, void *env)
{
    char line[1024], out[1200], *rest, *tok, *save = NULL;
    const char *exe = guest_image.exe_path ? guest_image.exe_path : "guest";
    const char *base = strrchr(exe, '/') ? strrchr(exe, '/') + 1 : exe;
    int in = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
    ssize_t n;
    size_t len;
    int field = 3;

    (void)env;
    if (in < 0)
        return false;
    n = read(in, line, sizeof(line) - 1);
    close(in);
    if (n <= 0)
        return false;
    line[n] = 0;
    rest = strrchr(line, ')');
    if (!rest)
        return false;
    len = (size_t)snprintf(out, sizeof(out), "%d (%.15s)", getpid(), base);
    for (tok = strtok_r(rest + 1, " \n", &save); tok && len < sizeof(out);
         tok = strtok_r(NULL, " \n", &save), field++) {
        if (field == 28)
            len += (size_t)snprintf(out + len, sizeof(out) - len, " %llu",
                                    (unsigned long long)guest_image.sp);
        else
            len += (size_t)snprintf(out + len, sizeof(out) - len, " %s", tok);
    }
    if (len >= sizeof(out) - 1)
        return false;
    out[len++] = '\n';
    return write_all(fd, out, len);
}

static bool fill_cpuinfo(int fd, void *env)
{
    int copy = dup(fd);
    FILE *f = copy >= 0 ? fdopen(copy, "w") : NULL;

    if (!f) {
        if (copy >= 0)
            close(copy);
        return false;
    }
    sys_abi->cpuinfo(f, env);
    return fclose(f) == 0;
}

/* ---- the table ---- */

static const struct {
    const char *name;        /* under /proc/self/ or, with a '/', absolute */
    ProcFill *fill;
} proc_files[] = {
    { "maps", fill_maps },
    { "auxv", fill_auxv },
    { "cmdline", fill_cmdline },
    { "stat", fill_stat },
    { "/proc/cpuinfo", fill_cpuinfo },
};

static ProcFill *find_fill(const char *path)
{
    const char *e = self_entry(path);

    for (size_t i = 0; i < sizeof(proc_files) / sizeof(proc_files[0]); i++) {
        const char *name = proc_files[i].name;
        if (name[0] == '/' ? !strcmp(path, name) : e && !strcmp(e, name))
            return proc_files[i].fill;
    }
    return NULL;
}

guest_long sys_procfs_open(void *env, const char *path, int host_flags)
{
    ProcFill *fill;
    int fd;

    if (is_self_exe(path))
        return sys_ret(open(guest_image.exe_host_path, host_flags));
    fill = find_fill(path);
    if (!fill)
        return SYS_NOT_PROC;
    if ((host_flags & O_ACCMODE) != O_RDONLY)
        return sys_err(EACCES);
    fd = memfd_create("guise-proc", (host_flags & O_CLOEXEC) ? MFD_CLOEXEC : 0);
    if (fd < 0)
        return sys_err(errno);
    if (!fill(fd, env) || lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        return sys_err(EIO);
    }
    return fd;
}

/* ---- /proc/cpuinfo of an aarch64 guest ---- */

/* AT_HWCAP and AT_HWCAP2 bit names, in bit order, as Linux prints them
 * (arch/arm64/kernel/cpuinfo.c lists them in this order). */
static const char *const hwcap_names[] = {
    "fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32",
    "atomics", "fphp", "asimdhp", "cpuid", "asimdrdm", "jscvt", "fcma", "lrcpc",
    "dcpop", "sha3", "sm3", "sm4", "asimddp", "sha512", "sve", "asimdfhm",
    "dit", "uscat", "ilrcpc", "flagm", "ssbs", "sb", "paca", "pacg",
};
static const char *const hwcap2_names[] = {
    "dcpodp", "sve2", "sveaes", "svepmull", "svebitperm", "svesha3", "svesm4",
    "flagm2", "frint", "svei8mm", "svef32mm", "svef64mm", "svebf16", "i8mm",
    "bf16", "dgh", "rng", "bti", "mte", "ecv", "afp", "rpres", "mte3", "sme",
    "smei16i64", "smef64f64", "smei8i32", "smef16f32", "smeb16f32", "smef32f32",
    "smefa64", "wfxt", "ebf16", "sveebf16",
};

static void print_hwcaps(FILE *f, uint64_t caps, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (caps >> i & 1)
            fprintf(f, " %s", names[i]);
}

void sys_cpuinfo_aarch64(FILE *f, void *env)
{
    const Arm64Model *m = env ? ((CPUArm64State *)env)->model : NULL;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    uint64_t midr;

    if (!m)
        m = &a64_models[0];
    midr = m->midr;
    for (long cpu = 0; cpu < (ncpu > 0 ? ncpu : 1); cpu++) {
        fprintf(f, "processor\t: %ld\n", cpu);
        fprintf(f, "BogoMIPS\t: 50.00\n");
        fprintf(f, "Features\t:");
        print_hwcaps(f, a64_hwcap(m), hwcap_names, sizeof(hwcap_names) / sizeof(*hwcap_names));
        print_hwcaps(f, a64_hwcap2(m), hwcap2_names, sizeof(hwcap2_names) / sizeof(*hwcap2_names));
        fprintf(f, "\n");
        fprintf(f, "CPU implementer\t: 0x%02x\n", (unsigned)(midr >> 24 & 0xff));
        fprintf(f, "CPU architecture: 8\n");
        fprintf(f, "CPU variant\t: 0x%x\n", (unsigned)(midr >> 20 & 0xf));
        fprintf(f, "CPU part\t: 0x%03x\n", (unsigned)(midr >> 4 & 0xfff));
        fprintf(f, "CPU revision\t: %u\n\n", (unsigned)(midr & 0xf));
    }
}
