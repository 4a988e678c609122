/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The system call dispatcher: syscall_init() picks the guest ABI and builds
 * a number -> row index over its table; do_syscall(), called by the CPU
 * loop for each guest system call, finds the row, traces the call under
 * -strace and runs the handler.  A number with no handler returns -ENOSYS
 * and is reported once under -d unimp.  Host errno values become guest ones
 * here (sys_err), the one place another guest ABI would remap them.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "syscall.h"
#include "translate/exec.h"
#include "util/log.h"

const GuestABI *sys_abi = &sys_abi_aarch64;

/* Rows by number: by_num[n] for 0 <= n < by_num_len (NULL: unknown). */
static const SyscallDef **by_num;
static size_t by_num_len;

/* sys_unimp keys carry a tag in bits 62:48 ("SY": syscall numbers). */
#define SYS_UNIMP_KEY 0x5359000000000000ull

void syscall_init(void)
{
    const GuestABI *abi = sys_abi;
    size_t max = 0;

    for (size_t i = 0; i < abi->table_len; i++) {
        BUG_ON(abi->table[i].num < 0);
        if ((size_t)abi->table[i].num > max)
            max = (size_t)abi->table[i].num;
    }
    by_num_len = max + 1;
    by_num = calloc(by_num_len, sizeof(*by_num));
    BUG_ON(!by_num);
    for (size_t i = 0; i < abi->table_len; i++) {
        const SyscallDef *d = &abi->table[i];
        BUG_ON(by_num[d->num] != NULL);      /* a number listed twice */
        by_num[d->num] = d;
    }
    sys_path_init(user_opts.sysroot);
}

const SyscallDef *sys_lookup(int num)
{
    if (num < 0 || (size_t)num >= by_num_len)
        return NULL;
    return by_num[num];
}

guest_long sys_err(int host_errno)
{
    const GuestABI *abi = sys_abi;

    if (abi->errno_to_guest && host_errno > 0 && (size_t)host_errno < abi->errno_count)
        return -(guest_long)abi->errno_to_guest[host_errno];
    return -(guest_long)host_errno;
}

/* Keys sys_unimp has reported (log_once's job, kept here so that a
 * started -strace line is only broken for a report that prints). */
#define UNIMP_SLOTS 1024
static uint64_t unimp_keys[UNIMP_SLOTS];
static pthread_mutex_t unimp_lock = PTHREAD_MUTEX_INITIALIZER;

static bool unimp_first_time(uint64_t key)
{
    uint64_t k = key | 1ull << 63;   /* never 0, the empty slot */
    bool fresh = false;

    pthread_mutex_lock(&unimp_lock);
    for (unsigned i = 0, h = (unsigned)(k * 0x9e3779b97f4a7c15ull >> 54); i < UNIMP_SLOTS; i++) {
        uint64_t *slot = &unimp_keys[(h + i) % UNIMP_SLOTS];
        if (*slot == k)
            break;
        if (*slot == 0) {
            *slot = k;
            fresh = true;
            break;
        }
    }
    pthread_mutex_unlock(&unimp_lock);
    return fresh;
}

void sys_unimp(void *env, uint64_t key, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    uint64_t pc = ((CPUCommon *)env)->pc - sys_abi->syscall_insn_len;

    if (!log_enabled(LOG_UNIMP) || !unimp_first_time(key))
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (sys_strace_on())
        sys_strace_break();
    log_printf("guise: pc 0x%llx: %s\n", (unsigned long long)pc, msg);
}

/* An unknown number, or a known call guise does not implement. */
static guest_long sys_nosys(void *env, int num, const SyscallDef *d)
{
    sys_unimp(env, SYS_UNIMP_KEY | (uint32_t)num,
              "syscall %d%s%s%s not implemented: returning ENOSYS", num,
              d ? " (" : "", d ? d->name : "", d ? ")" : "");
    return sys_err(ENOSYS);
}

guest_long do_syscall(void *cpu_env, int num, guest_ulong a1, guest_ulong a2,
                      guest_ulong a3, guest_ulong a4, guest_ulong a5, guest_ulong a6)
{
    const guest_ulong arg[6] = { a1, a2, a3, a4, a5, a6 };
    const SyscallDef *d = sys_lookup(num);
    bool trace = sys_strace_on();
    guest_long ret;

    if (trace)
        sys_strace_enter(d, num, arg);
    if (d && d->fn)
        ret = d->fn(cpu_env, arg);
    else
        ret = sys_nosys(cpu_env, num, d);
    if (trace)
        sys_strace_exit(d, ret);
    return ret;
}
