/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * System V IPC (message queues, semaphores, shared memory) and POSIX
 * message queues for Linux guests, on the host's.
 *
 * The structures the calls exchange are the asm-generic 64-bit ones on
 * arm64 and the same bytes on x86-64 (ipc64_perm, msqid64_ds, shmid64_ds,
 * msgbuf, sembuf, mq_attr, seminfo, shminfo64...), so they pass through,
 * with one exception: x86-64's semid64_ds has a padding word after each
 * of sem_otime and sem_ctime, so IPC_STAT/IPC_SET/SEM_STAT convert it.
 * Calls that may block (msgsnd, msgrcv, semop, semtimedop, mq_timedsend,
 * mq_timedreceive) go through safe_syscall, so a guest signal interrupts
 * them as it would natively.  shmat and shmdt change the guest's address
 * space and are linux-user/mmap.c's.  The open flags of mq_open
 * (O_RDONLY/WRONLY/RDWR, O_CREAT, O_EXCL, O_NONBLOCK, O_CLOEXEC) have the
 * same values on both sides; mq_notify's signal number is mapped.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "syscall.h"
#include "linux-user/safe-syscall.h"
#include "linux-user/signal-map.h"
#include "linux-user/user.h"

/* The "64-bit structures" flag old ABIs or the cmd; 64-bit ones imply it. */
#ifndef IPC_64
#define IPC_64 0x0100
#endif

/* ---- message queues ---- */

guest_long sys_msgget(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_msgget, (key_t)a[0], (int)a[1]));
}

/* struct msgbuf: a long type, then the text. */
guest_long sys_msgsnd(void *env, const guest_ulong *a)
{
    const void *p = sys_read_ptr(a[1], sizeof(long) + a[2]);

    (void)env;
    if (!p)
        return sys_err(EFAULT);
    return sys_raw_ret(safe_syscall(SYS_msgsnd, (int)a[0], (long)p, (long)a[2], (long)a[3], 0, 0));
}

guest_long sys_msgrcv(void *env, const guest_ulong *a)
{
    void *p = sys_write_ptr(a[1], sizeof(long) + a[2]);

    (void)env;
    if (!p)
        return sys_err(EFAULT);
    return sys_raw_ret(safe_syscall(SYS_msgrcv, (int)a[0], (long)p, (long)a[2], (long)a[3],
                                    (long)a[4], 0));
}

/* msqid64_ds (120 bytes), msginfo (32): the same on both sides. */
guest_long sys_msgctl(void *env, const guest_ulong *a)
{
    int cmd = (int)a[1] & ~IPC_64;
    void *p = NULL;

    (void)env;
    if (cmd != IPC_RMID) {
        size_t len = cmd == IPC_INFO || cmd == MSG_INFO ? 32 : 120;
        p = cmd == IPC_SET ? (void *)sys_read_ptr(a[2], len) : sys_write_ptr(a[2], len);
        if (!p)
            return sys_err(EFAULT);
    }
    return sys_ret(syscall(SYS_msgctl, (int)a[0], cmd, p));
}

/* ---- semaphores ---- */

guest_long sys_semget(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_semget, (key_t)a[0], (int)a[1], (int)a[2]));
}

/* struct sembuf: 6 bytes each, the same on both sides; the timeout a
 * 64-bit timespec. */
guest_long sys_semtimedop(void *env, const guest_ulong *a)
{
    const void *ops = sys_read_ptr(a[1], a[2] * 6);
    const void *ts = NULL;

    (void)env;
    if (!ops && a[2])
        return sys_err(EFAULT);
    if (a[3] && !(ts = sys_read_ptr(a[3], 16)))
        return sys_err(EFAULT);
    return sys_raw_ret(safe_syscall(SYS_semtimedop, (int)a[0], (long)ops, (long)a[2], (long)ts,
                                    0, 0));
}

guest_long sys_semop(void *env, const guest_ulong *a)
{
    guest_ulong b[4] = { a[0], a[1], a[2], 0 };
    return sys_semtimedop(env, b);
}

/* The guest's semid64_ds (asm-generic): perm (48 bytes), sem_otime,
 * sem_ctime, sem_nsems, two unused words. */
typedef struct GuestSemid {
    uint8_t perm[48];
    int64_t otime, ctime;
    uint64_t nsems, unused[2];
} GuestSemid;

/* x86-64's: a padding word after each time. */
typedef struct HostSemid {
    uint8_t perm[48];
    int64_t otime;
    uint64_t pad1;
    int64_t ctime;
    uint64_t pad2, nsems, unused[2];
} HostSemid;

static guest_long semctl_stat(int id, int num, int cmd, guest_addr buf)
{
    HostSemid h = { 0 };
    GuestSemid g;
    long r;

    if (cmd == IPC_SET) {
        if (sys_copy_from(&g, buf, sizeof(g)))
            return sys_err(EFAULT);
        memcpy(h.perm, g.perm, sizeof(h.perm));
        h.otime = g.otime;
        h.ctime = g.ctime;
        h.nsems = g.nsems;
    }
    r = syscall(SYS_semctl, id, num, cmd, &h);
    if (r < 0)
        return sys_err(errno);
    if (cmd != IPC_SET) {
        memset(&g, 0, sizeof(g));
        memcpy(g.perm, h.perm, sizeof(g.perm));
        g.otime = h.otime;
        g.ctime = h.ctime;
        g.nsems = h.nsems;
        if (sys_copy_to(buf, &g, sizeof(g)))
            return sys_err(EFAULT);
    }
    return r;
}

/* The number of semaphores in set id (for GETALL/SETALL's array). */
static long sem_count(int id)
{
    HostSemid h;
    return syscall(SYS_semctl, id, 0, IPC_STAT, &h) < 0 ? -1 : (long)h.nsems;
}

guest_long sys_semctl(void *env, const guest_ulong *a)
{
    int id = (int)a[0], num = (int)a[1], cmd = (int)a[2] & ~IPC_64;
    void *p;
    long n;

    (void)env;
    switch (cmd) {
    case IPC_STAT: case IPC_SET: case SEM_STAT: case SEM_STAT_ANY:
        return semctl_stat(id, num, cmd, a[3]);
    case GETALL: case SETALL:
        if ((n = sem_count(id)) < 0)
            return sys_err(errno);
        p = cmd == SETALL ? (void *)sys_read_ptr(a[3], n * 2) : sys_write_ptr(a[3], n * 2);
        if (!p && n)
            return sys_err(EFAULT);
        return sys_ret(syscall(SYS_semctl, id, num, cmd, p));
    case IPC_INFO: case SEM_INFO:                  /* struct seminfo: 10 ints */
        if (!(p = sys_write_ptr(a[3], 40)))
            return sys_err(EFAULT);
        return sys_ret(syscall(SYS_semctl, id, num, cmd, p));
    case SETVAL:
        return sys_ret(syscall(SYS_semctl, id, num, cmd, (int)a[3]));
    default:                                       /* GETVAL, GETPID, GETNCNT, GETZCNT, IPC_RMID */
        return sys_ret(syscall(SYS_semctl, id, num, cmd, 0));
    }
}

/* ---- shared memory ---- */

guest_long sys_shmget(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_shmget, (key_t)a[0], (size_t)a[1], (int)a[2]));
}

/* shmid64_ds (112 bytes), shminfo64 (72), shm_info (48): the same. */
guest_long sys_shmctl(void *env, const guest_ulong *a)
{
    int cmd = (int)a[1] & ~IPC_64;
    void *p = NULL;

    (void)env;
    if (cmd != IPC_RMID && cmd != SHM_LOCK && cmd != SHM_UNLOCK) {
        size_t len = cmd == IPC_INFO ? 72 : cmd == SHM_INFO ? 48 : 112;
        p = cmd == IPC_SET ? (void *)sys_read_ptr(a[2], len) : sys_write_ptr(a[2], len);
        if (!p)
            return sys_err(EFAULT);
    }
    return sys_ret(syscall(SYS_shmctl, (int)a[0], cmd, p));
}

guest_long sys_shmat(void *env, const guest_ulong *a)
{
    guest_long r = target_shmat((int)a[0], a[1], (int)a[2]);
    (void)env;
    return r < 0 ? sys_err((int)-r) : r;
}

guest_long sys_shmdt(void *env, const guest_ulong *a)
{
    guest_long r = target_shmdt(a[0]);
    (void)env;
    return r < 0 ? sys_err((int)-r) : r;
}

/* ---- POSIX message queues ---- */

/* struct mq_attr: four longs and four reserved. */
#define MQ_ATTR_SIZE 64

guest_long sys_mq_open(void *env, const guest_ulong *a)
{
    char name[256];
    const void *attr = NULL;
    guest_long r = sys_get_string(name, sizeof(name), a[0]);

    (void)env;
    if (r)
        return r;
    if (a[3] && !(attr = sys_read_ptr(a[3], MQ_ATTR_SIZE)))
        return sys_err(EFAULT);
    return sys_ret(syscall(SYS_mq_open, name, (int)a[1], (mode_t)a[2], attr));
}

guest_long sys_mq_unlink(void *env, const guest_ulong *a)
{
    char name[256];
    guest_long r = sys_get_string(name, sizeof(name), a[0]);

    (void)env;
    if (r)
        return r;
    return sys_ret(syscall(SYS_mq_unlink, name));
}

guest_long sys_mq_timedsend(void *env, const guest_ulong *a)
{
    const void *msg = sys_read_ptr(a[1], a[2]), *ts = NULL;

    (void)env;
    if (!msg && a[2])
        return sys_err(EFAULT);
    if (a[4] && !(ts = sys_read_ptr(a[4], 16)))
        return sys_err(EFAULT);
    return sys_raw_ret(safe_syscall(SYS_mq_timedsend, (int)a[0], (long)msg, (long)a[2],
                                    (long)a[3], (long)ts, 0));
}

guest_long sys_mq_timedreceive(void *env, const guest_ulong *a)
{
    void *msg = sys_write_ptr(a[1], a[2]), *prio = NULL;
    const void *ts = NULL;

    (void)env;
    if (!msg && a[2])
        return sys_err(EFAULT);
    if (a[3] && !(prio = sys_write_ptr(a[3], 4)))
        return sys_err(EFAULT);
    if (a[4] && !(ts = sys_read_ptr(a[4], 16)))
        return sys_err(EFAULT);
    return sys_raw_ret(safe_syscall(SYS_mq_timedreceive, (int)a[0], (long)msg, (long)a[2],
                                    (long)prio, (long)ts, 0));
}

/* struct sigevent (64 bytes): value, signo, notify, then the thread id
 * or function; only the signal number needs mapping. */
guest_long sys_mq_notify(void *env, const guest_ulong *a)
{
    struct sigevent ev;

    (void)env;
    if (!a[1])
        return sys_ret(syscall(SYS_mq_notify, (int)a[0], NULL));
    if (sys_copy_from(&ev, a[1], sizeof(ev)))
        return sys_err(EFAULT);
    if (ev.sigev_notify == SIGEV_SIGNAL) {
        int g = ev.sigev_signo;
        uint64_t m = g >= 1 && g <= 64 ? signal_mask_to_host(1ull << (g - 1)) : 0;
        if (!m)
            return sys_err(EINVAL);
        ev.sigev_signo = __builtin_ctzll(m) + 1;
    }
    return sys_ret(syscall(SYS_mq_notify, (int)a[0], &ev));
}

guest_long sys_mq_getsetattr(void *env, const guest_ulong *a)
{
    const void *nattr = NULL;
    void *oattr = NULL;

    (void)env;
    if (a[1] && !(nattr = sys_read_ptr(a[1], MQ_ATTR_SIZE)))
        return sys_err(EFAULT);
    if (a[2] && !(oattr = sys_write_ptr(a[2], MQ_ATTR_SIZE)))
        return sys_err(EFAULT);
    return sys_ret(syscall(SYS_mq_getsetattr, (int)a[0], nattr, oattr));
}
