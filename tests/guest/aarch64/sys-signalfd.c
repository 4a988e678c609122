/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * signalfd reports the signals a process sends itself (raise, tgkill,
 * sigqueue with a value, rt_sigqueueinfo with a pointer value, kill) with
 * the guest's numbers (a real-time one included) and siginfo fields; and
 * /proc/self/exe and /proc/<own pid>/exe are symbolic links for lstat,
 * naming the program, while stat follows them to a regular file; a pipe
 * dup2'd over the signalfd's number is read as it is.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show(int fd, const char *what)
{
    struct signalfd_siginfo si;
    ssize_t n = read(fd, &si, sizeof(si));
    if (n != sizeof(si)) { printf("%s: read %zd\n", what, n); return; }
    printf("%s: signo %u code %d pid %s uid %s int %d ptr %llx\n", what, si.ssi_signo, si.ssi_code,
           si.ssi_pid == (unsigned)getpid() ? "self" : "other", si.ssi_uid == getuid() ? "self" : "other",
           si.ssi_int, (unsigned long long)si.ssi_ptr);
}

int main(int argc, char **argv)
{
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR1);
    sigaddset(&m, SIGRTMIN + 3);
    sigaddset(&m, SIGUSR2);
    sigprocmask(SIG_BLOCK, &m, NULL);
    int fd = signalfd(-1, &m, 0);
    raise(SIGUSR1);
    show(fd, "raise");
    syscall(SYS_tgkill, getpid(), gettid(), SIGUSR2);
    show(fd, "tgkill");
    union sigval v = { .sival_int = 1234 };
    sigqueue(getpid(), SIGRTMIN + 3, v);
    show(fd, "sigqueue");
    siginfo_t si;
    memset(&si, 0, sizeof(si));
    si.si_signo = SIGUSR1;
    si.si_code = SI_QUEUE;
    si.si_pid = getpid();
    si.si_uid = getuid();
    si.si_value.sival_ptr = (void *)0x1122334455667788ull;
    syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &si);
    show(fd, "rt_sigqueueinfo");
    kill(getpid(), SIGUSR2);
    show(fd, "kill");
    struct stat st;
    char buf[256];
    lstat("/proc/self/exe", &st);
    printf("lstat /proc/self/exe: %s\n", S_ISLNK(st.st_mode) ? "symlink" : "not a symlink");
    snprintf(buf, sizeof(buf), "/proc/%d/exe", getpid());
    lstat(buf, &st);
    printf("lstat /proc/<pid>/exe: %s\n", S_ISLNK(st.st_mode) ? "symlink" : "not a symlink");
    char l1[256] = "", l2[256] = "";
    readlink("/proc/self/exe", l1, sizeof(l1) - 1);
    readlink(buf, l2, sizeof(l2) - 1);
    const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    const char *lbase = strrchr(l1, '/') ? strrchr(l1, '/') + 1 : l1;
    (void)argc;
    printf("readlink: same for self and pid %d, names the program %d\n", strcmp(l1, l2) == 0,
           strcmp(base, lbase) == 0);
    stat("/proc/self/exe", &st);
    printf("stat /proc/self/exe: %s\n", S_ISREG(st.st_mode) ? "regular" : "other");

    /* A pipe dup2'd over the signalfd's number reads back unchanged. */
    int p[2];
    char data[256], back[256];
    pipe(p);
    memset(data, 'A', sizeof(data));
    data[0] = 40, data[1] = data[2] = data[3] = 0;      /* looks like a signal number */
    write(p[1], data, sizeof(data));
    dup2(p[0], fd);
    printf("pipe over the signalfd's number: %s\n",
           read(fd, back, sizeof(back)) == sizeof(back) && !memcmp(data, back, sizeof(data))
               ? "data intact" : "data CHANGED");
    return 0;
}
