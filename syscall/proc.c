/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The process and its identity: exit, process and user ids, uname (the
 * guest's machine name, the host's release and node name), sysinfo,
 * getrandom, set_tid_address and the robust futex list (recorded for the
 * thread layer), resource limits and usage, CPU affinity, prctl (a table
 * of options), personality, process groups and sessions, priorities.
 *
 * Limits: setting RLIMIT_AS, RLIMIT_DATA or RLIMIT_STACK for ourselves is
 * accepted but not applied to the host, where it would constrain guise's
 * own memory (code buffer, reservations) rather than the guest's.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "syscall.h"

/* ---- exit ---- */

guest_long sys_exit_group(void *env, const guest_ulong *a)
{
    (void)env;
    user_exit((int)(a[0] & 0xff));
}

/* ---- ids ---- */

#define RAW0(name, nr) \
    guest_long sys_##name(void *env, const guest_ulong *a) \
    { (void)env, (void)a; return sys_ret(syscall(nr)); }
#define RAW1(name, nr) \
    guest_long sys_##name(void *env, const guest_ulong *a) \
    { (void)env; return sys_ret(syscall(nr, a[0])); }
#define RAW2(name, nr) \
    guest_long sys_##name(void *env, const guest_ulong *a) \
    { (void)env; return sys_ret(syscall(nr, a[0], a[1])); }
#define RAW3(name, nr) \
    guest_long sys_##name(void *env, const guest_ulong *a) \
    { (void)env; return sys_ret(syscall(nr, a[0], a[1], a[2])); }

/* Calls whose arguments and results are plain numbers on every ABI, made
 * raw so that set*id acts on the calling thread only, as the guest's libc
 * expects (it runs the call on each of its threads itself). */
RAW0(getpid, SYS_getpid)
RAW0(getppid, SYS_getppid)
RAW0(gettid, SYS_gettid)
RAW0(getuid, SYS_getuid)
RAW0(geteuid, SYS_geteuid)
RAW0(getgid, SYS_getgid)
RAW0(getegid, SYS_getegid)
RAW1(setuid, SYS_setuid)
RAW1(setgid, SYS_setgid)
RAW2(setreuid, SYS_setreuid)
RAW2(setregid, SYS_setregid)
RAW3(setresuid, SYS_setresuid)
RAW3(setresgid, SYS_setresgid)
RAW1(setfsuid, SYS_setfsuid)
RAW1(setfsgid, SYS_setfsgid)
RAW1(getpgid, SYS_getpgid)
RAW2(setpgid, SYS_setpgid)
RAW1(getsid, SYS_getsid)
RAW0(setsid, SYS_setsid)
RAW2(getpriority, SYS_getpriority)
RAW3(setpriority, SYS_setpriority)
RAW0(sched_yield, SYS_sched_yield)

/* getresuid/getresgid: three 32-bit ids out. */
static guest_long put_three_ids(const guest_ulong *a, const unsigned ids[3])
{
    for (int i = 0; i < 3; i++)
        if (sys_copy_to(a[i], &ids[i], sizeof(ids[i])) < 0)
            return sys_err(EFAULT);
    return 0;
}

guest_long sys_getresuid(void *env, const guest_ulong *a)
{
    uid_t r, e, s;

    (void)env;
    if (getresuid(&r, &e, &s) != 0)
        return sys_err(errno);
    return put_three_ids(a, (const unsigned[3]){ r, e, s });
}

guest_long sys_getresgid(void *env, const guest_ulong *a)
{
    gid_t r, e, s;

    (void)env;
    if (getresgid(&r, &e, &s) != 0)
        return sys_err(errno);
    return put_three_ids(a, (const unsigned[3]){ r, e, s });
}

#define GUEST_NGROUPS_MAX 65536

guest_long sys_getgroups(void *env, const guest_ulong *a)
{
    int size = (int)a[0];
    gid_t *list;
    long n;

    (void)env;
    if (size < 0 || size > GUEST_NGROUPS_MAX)
        return sys_err(EINVAL);
    list = calloc((size_t)size + 1, sizeof(gid_t));
    if (!list)
        return sys_err(ENOMEM);
    n = syscall(SYS_getgroups, size, list);
    if (n < 0)
        n = sys_err(errno);
    else if (size && sys_copy_to(a[1], list, (size_t)n * sizeof(gid_t)) < 0)
        n = sys_err(EFAULT);
    free(list);
    return n;
}

guest_long sys_setgroups(void *env, const guest_ulong *a)
{
    size_t size = a[0];
    gid_t *list;
    guest_long r;

    (void)env;
    if (size > GUEST_NGROUPS_MAX)
        return sys_err(EINVAL);
    list = calloc(size + 1, sizeof(gid_t));
    if (!list)
        return sys_err(ENOMEM);
    r = sys_copy_from(list, a[1], size * sizeof(gid_t));
    if (r == 0)
        r = sys_ret(syscall(SYS_setgroups, size, list));
    free(list);
    return r;
}

/* ---- the system ---- */

guest_long sys_uname(void *env, const guest_ulong *a)
{
    struct utsname u;

    (void)env;
    if (uname(&u) != 0)
        return sys_err(errno);
    snprintf(u.machine, sizeof(u.machine), "%s", sys_abi->uname_machine);
    return sys_put(SL_UTSNAME, a[0], &u);
}

guest_long sys_sysinfo(void *env, const guest_ulong *a)
{
    struct sysinfo si;

    (void)env;
    if (sysinfo(&si) != 0)
        return sys_err(errno);
    return sys_put(SL_SYSINFO, a[0], &si);
}

guest_long sys_getrandom(void *env, const guest_ulong *a)
{
    void *buf = sys_write_ptr(a[0], a[1]);

    (void)env;
    if (!buf)
        return sys_err(EFAULT);
    return sys_ret(syscall(SYS_getrandom, buf, (size_t)a[1], (unsigned)a[2]));
}

/* ---- limits and usage ---- */

/* Limits that would bind guise rather than the guest. */
static bool limit_kept_virtual(int resource)
{
    return resource == RLIMIT_AS || resource == RLIMIT_DATA || resource == RLIMIT_STACK;
}

/* prlimit for pid (0: ourselves) with guest new/old pointers (0: none). */
static guest_long do_prlimit(pid_t pid, int resource, guest_addr gnew, guest_addr gold)
{
    struct rlimit rnew, rold, *pnew = NULL;
    guest_long r;

    if (gnew) {
        r = sys_get(SL_RLIMIT, &rnew, gnew);
        if (r < 0)
            return r;
        if (rnew.rlim_cur > rnew.rlim_max)
            return sys_err(EINVAL);
        pnew = &rnew;
    }
    if (pnew && (pid == 0 || pid == getpid()) && limit_kept_virtual(resource))
        pnew = NULL;
    if (prlimit(pid, resource, pnew, &rold) != 0)
        return sys_err(errno);
    return gold ? sys_put(SL_RLIMIT, gold, &rold) : 0;
}

guest_long sys_prlimit64(void *env, const guest_ulong *a)
{
    (void)env;
    return do_prlimit((pid_t)a[0], (int)a[1], a[2], a[3]);
}

guest_long sys_getrlimit(void *env, const guest_ulong *a)
{
    (void)env;
    if (!a[1])
        return sys_err(EFAULT);
    return do_prlimit(0, (int)a[0], 0, a[1]);
}

guest_long sys_setrlimit(void *env, const guest_ulong *a)
{
    (void)env;
    if (!a[1])
        return sys_err(EFAULT);
    return do_prlimit(0, (int)a[0], a[1], 0);
}

guest_long sys_getrusage(void *env, const guest_ulong *a)
{
    struct rusage ru;

    (void)env;
    if (getrusage((int)a[0], &ru) != 0)
        return sys_err(errno);
    return sys_put(SL_RUSAGE, a[1], &ru);
}

guest_long sys_sched_getaffinity(void *env, const guest_ulong *a)
{
    void *mask = sys_write_ptr(a[2], a[1]);

    (void)env;
    if (!mask)
        return sys_err(EFAULT);
    /* The raw call returns the bytes written, as the guest expects. */
    return sys_ret(syscall(SYS_sched_getaffinity, (pid_t)a[0], (size_t)a[1], mask));
}

guest_long sys_getcpu(void *env, const guest_ulong *a)
{
    unsigned cpu, node;

    (void)env;
    if (syscall(SYS_getcpu, &cpu, &node, NULL) != 0)
        return sys_err(errno);
    if ((a[0] && sys_copy_to(a[0], &cpu, sizeof(cpu)) < 0) ||
        (a[1] && sys_copy_to(a[1], &node, sizeof(node)) < 0))
        return sys_err(EFAULT);
    return 0;
}

guest_long sys_personality(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(personality((unsigned long)(uint32_t)a[0]));
}

/* ---- prctl ---- */

enum {
    PK_PASS,       /* numbers only: the host call */
    PK_GET_INT,    /* arg2 is an int * the host fills */
    PK_SET_NAME,   /* arg2 is a 16-byte name in */
    PK_GET_NAME,   /* arg2 is a 16-byte buffer out */
    PK_REFUSE,     /* -EINVAL on purpose (arm64 features guise lacks...) */
    PK_ARCH,       /* the architecture's (target_prctl) */
};

static const struct { int option, kind; } prctl_options[] = {
    { PR_SET_PDEATHSIG, PK_PASS },        { PR_GET_PDEATHSIG, PK_GET_INT },
    { PR_GET_DUMPABLE, PK_PASS },         { PR_SET_DUMPABLE, PK_PASS },
    { PR_GET_KEEPCAPS, PK_PASS },         { PR_SET_KEEPCAPS, PK_PASS },
    { PR_SET_NAME, PK_SET_NAME },         { PR_GET_NAME, PK_GET_NAME },
    { PR_GET_SECCOMP, PK_PASS },          { PR_SET_SECCOMP, PK_REFUSE },
    { PR_CAPBSET_READ, PK_PASS },         { PR_GET_TIMERSLACK, PK_PASS },
    { PR_SET_TIMERSLACK, PK_PASS },       { PR_SET_CHILD_SUBREAPER, PK_PASS },
    { PR_GET_CHILD_SUBREAPER, PK_GET_INT }, { PR_SET_NO_NEW_PRIVS, PK_PASS },
    { PR_GET_NO_NEW_PRIVS, PK_PASS },     { PR_GET_THP_DISABLE, PK_PASS },
    { PR_SET_THP_DISABLE, PK_PASS },      { PR_SET_MM, PK_REFUSE },
    { 50, PK_REFUSE }, { 51, PK_REFUSE }, /* PR_SVE_SET_VL, PR_SVE_GET_VL */
    { 54, PK_ARCH },                      /* PR_PAC_RESET_KEYS */
    { 55, PK_REFUSE }, { 56, PK_REFUSE }, /* PR_{SET,GET}_TAGGED_ADDR_CTRL */
    { 60, PK_ARCH }, { 61, PK_ARCH },     /* PR_PAC_{SET,GET}_ENABLED_KEYS */
    { 63, PK_REFUSE }, { 64, PK_REFUSE }, /* PR_SME_SET_VL, PR_SME_GET_VL */
    { 0x53564d41, PK_REFUSE },            /* PR_SET_VMA: as without ANON_VMA_NAME */
};

static guest_long prctl_kind(int kind, int option, const guest_ulong *a)
{
    char name[16];
    int v;

    switch (kind) {
    case PK_PASS:
        return sys_ret(prctl(option, a[1], a[2], a[3], a[4]));
    case PK_GET_INT:
        if (prctl(option, &v, 0, 0, 0) != 0)
            return sys_err(errno);
        return sys_copy_to(a[1], &v, sizeof(v));
    case PK_SET_NAME:
        memset(name, 0, sizeof(name));
        if (sys_get_string(name, sizeof(name), a[1]) == sys_err(EFAULT))
            return sys_err(EFAULT);
        name[15] = 0;                    /* longer names are truncated */
        return sys_ret(prctl(PR_SET_NAME, name, 0, 0, 0));
    case PK_GET_NAME:
        if (prctl(PR_GET_NAME, name, 0, 0, 0) != 0)
            return sys_err(errno);
        return sys_copy_to(a[1], name, sizeof(name));
    }
    return sys_err(EINVAL);
}

guest_long sys_prctl(void *env, const guest_ulong *a)
{
    int option = (int)a[0];

    for (size_t i = 0; i < sizeof(prctl_options) / sizeof(prctl_options[0]); i++)
        if (prctl_options[i].option == option)
            return prctl_options[i].kind == PK_ARCH ? target_prctl(env, option, a) :
                   prctl_kind(prctl_options[i].kind, option, a);
    sys_unimp(env, 0x5052000000000000ull | (uint32_t)option,
              "prctl option %d not implemented: returning EINVAL", option);
    return sys_err(EINVAL);
}
