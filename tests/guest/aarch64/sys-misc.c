/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Process, time and system calls whose values depend on the host, checked
 * by properties rather than printed: uname (machine is aarch64), clocks
 * (monotonic, resolution, sleeps that last), gettimeofday, getrandom,
 * sysconf values, resource limits (get, set, prlimit), getrusage, times,
 * sysinfo, ids, prctl names, personality, affinity, getcpu, wait on no
 * children (ECHILD), kill with signal 0, a terminal ioctl on a pipe, and
 * bad guest pointers, which must give EFAULT (never crash the emulator).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long r)
{
    if (r < 0)
        printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else
        printf("%s = %ld\n", what, r);
}

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "yes" : "no");
}

static long long ns(const struct timespec *t)
{
    return t->tv_sec * 1000000000ll + t->tv_nsec;
}

static void test_uname(void)
{
    struct utsname u;

    show("uname", uname(&u));
    printf("  sysname %s machine %s\n", u.sysname, u.machine);
    check("  release set", u.release[0] != 0);
}

static void test_clocks(void)
{
    struct timespec a, b, res, req = { 0, 10 * 1000 * 1000 };
    struct timeval tv;

    show("clock_gettime MONOTONIC", clock_gettime(CLOCK_MONOTONIC, &a));
    show("nanosleep 10ms", nanosleep(&req, NULL));
    clock_gettime(CLOCK_MONOTONIC, &b);
    check("  slept at least 10ms", ns(&b) - ns(&a) >= 10 * 1000 * 1000);
    clock_gettime(CLOCK_MONOTONIC, &a);
    a.tv_nsec += 5 * 1000 * 1000;
    if (a.tv_nsec >= 1000000000)
        a.tv_sec++, a.tv_nsec -= 1000000000;
    show("clock_nanosleep TIMER_ABSTIME +5ms", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &a, NULL));
    clock_gettime(CLOCK_MONOTONIC, &b);
    check("  woke after the deadline", ns(&b) >= ns(&a));
    show("clock_getres MONOTONIC", clock_getres(CLOCK_MONOTONIC, &res));
    check("  resolution <= 1ms", res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000);
    clock_gettime(CLOCK_REALTIME, &a);
    check("REALTIME after 2020", a.tv_sec > 1577836800);
    show("gettimeofday", gettimeofday(&tv, NULL));
    check("  within 2s of REALTIME", tv.tv_sec - a.tv_sec < 2 && a.tv_sec - tv.tv_sec < 2);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    check("process CPU time > 0", ns(&a) > 0);
    show("clock_gettime bad clock", clock_gettime((clockid_t)1000, &a) ? -1 : 0);
}

static void test_random(void)
{
    unsigned char x[64], y[64];

    show("getrandom 64", getrandom(x, sizeof(x), 0));
    show("getrandom 64 GRND_NONBLOCK", getrandom(y, sizeof(y), GRND_NONBLOCK));
    check("  two draws differ", memcmp(x, y, sizeof(x)) != 0);
    show("getrandom 0", getrandom(x, 0, 0));
}

static void test_sysconf(void)
{
    printf("_SC_PAGESIZE %ld\n", sysconf(_SC_PAGESIZE));
    printf("_SC_CLK_TCK %ld\n", sysconf(_SC_CLK_TCK));
    check("_SC_NPROCESSORS_ONLN >= 1", sysconf(_SC_NPROCESSORS_ONLN) >= 1);
    check("_SC_OPEN_MAX > 0", sysconf(_SC_OPEN_MAX) > 0);
    check("_SC_PHYS_PAGES > 0", sysconf(_SC_PHYS_PAGES) > 0);
}

static void test_limits(void)
{
    struct rlimit r, old;
    struct rusage ru;
    struct tms t;
    struct sysinfo si;

    show("getrlimit STACK", getrlimit(RLIMIT_STACK, &r));
    check("  cur > 0 and cur <= max", r.rlim_cur > 0 && r.rlim_cur <= r.rlim_max);
    show("getrlimit NOFILE", getrlimit(RLIMIT_NOFILE, &old));
    r = old;
    r.rlim_cur = 256;
    show("setrlimit NOFILE 256", setrlimit(RLIMIT_NOFILE, &r));
    getrlimit(RLIMIT_NOFILE, &r);
    printf("  NOFILE cur now %lu, max unchanged %s\n", (unsigned long)r.rlim_cur,
           r.rlim_max == old.rlim_max ? "yes" : "no");
    show("prlimit NOFILE restore", prlimit(0, RLIMIT_NOFILE, &old, &r));
    printf("  old cur %lu\n", (unsigned long)r.rlim_cur);
    r.rlim_cur = 2, r.rlim_max = 1;
    show("setrlimit cur > max", setrlimit(RLIMIT_NOFILE, &r));
    show("getrusage SELF", getrusage(RUSAGE_SELF, &ru));
    check("  maxrss > 0", ru.ru_maxrss > 0);
    check("times > 0", times(&t) > 0);
    show("sysinfo", sysinfo(&si));
    check("  totalram > 0, mem_unit >= 1, uptime > 0",
          si.totalram > 0 && si.mem_unit >= 1 && si.uptime > 0);
}

static void test_ids(void)
{
    uid_t r, e, s;
    gid_t gr, ge, gs;
    cpu_set_t set;
    char name[32];

    check("getpid == gettid", getpid() == gettid());
    check("getppid > 0", getppid() > 0);
    getresuid(&r, &e, &s);
    check("getresuid matches getuid/geteuid", r == getuid() && e == geteuid());
    getresgid(&gr, &ge, &gs);
    check("getresgid matches getgid/getegid", gr == getgid() && ge == getegid());
    check("getgroups(0) >= 0", getgroups(0, NULL) >= 0);
    /* The session and group may be 0 when the runner's session leader lives
       outside our PID namespace, so only check consistency here and the real
       values in a child that makes its own session. */
    check("getpgid(0) == getpgid(getpid()) >= 0",
          getpgid(0) >= 0 && getpgid(0) == getpgid(getpid()));
    check("getsid(0) == getsid(getpid()) >= 0",
          getsid(0) >= 0 && getsid(0) == getsid(getpid()));
    pid_t child = fork();
    if (child == 0) {
        pid_t me = getpid();
        _exit(setsid() == me && getsid(0) == me && getpgid(0) == me ? 0 : 1);
    }
    int status = -1;
    waitpid(child, &status, 0);
    check("setsid in a child: sid == pgid == pid",
          WIFEXITED(status) && WEXITSTATUS(status) == 0);
    show("prctl PR_SET_NAME", prctl(PR_SET_NAME, "guise-test-long-name"));
    memset(name, 0, sizeof(name));
    show("prctl PR_GET_NAME", prctl(PR_GET_NAME, name));
    printf("  name \"%s\"\n", name);
    show("prctl unknown option", prctl(9999, 0, 0, 0, 0));
    printf("personality PER_LINUX: %s\n", (personality(0xffffffff) & 0xff) == 0 ? "yes" : "no");
    show("sched_getaffinity", sched_getaffinity(0, sizeof(set), &set));
    check("  at least one CPU", CPU_COUNT(&set) >= 1);
    check("sched_getcpu >= 0", sched_getcpu() >= 0);
    show("sched_yield", sched_yield());
    show("kill self 0", kill(getpid(), 0));
}

static void test_wait(void)
{
    int status, p[2];
    siginfo_t info;
    struct winsize ws;

    show("waitpid no children", waitpid(-1, &status, WNOHANG));
    show("waitid no children", waitid(P_ALL, 0, &info, WEXITED | WNOHANG));
    if (pipe(p) == 0) {
        show("TIOCGWINSZ on a pipe", ioctl(p[0], TIOCGWINSZ, &ws));
        close(p[0]);
        close(p[1]);
    }
}

/* Raw calls with an unmapped address (the first page is never mapped). */
static void test_bad_pointers(void)
{
    const long bad = 8;
    int p[2];

    if (pipe(p) != 0)
        return;
    show("read into bad buffer", syscall(SYS_read, p[0], bad, 10));
    show("write from bad buffer", syscall(SYS_write, p[1], bad, 10));
    show("openat bad path", syscall(SYS_openat, AT_FDCWD, bad, 0, 0));
    show("newfstatat bad stat buffer", syscall(SYS_newfstatat, AT_FDCWD, "/", bad, 0));
    show("fstat bad stat buffer", syscall(SYS_fstat, p[0], bad));
    show("readv bad iovec", syscall(SYS_readv, p[0], bad, 1));
    show("pipe2 bad array", syscall(SYS_pipe2, bad, 0));
    show("clock_gettime bad timespec", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, bad));
    show("uname bad buffer", syscall(SYS_uname, bad));
    show("getcwd bad buffer", syscall(SYS_getcwd, bad, 100));
    show("getrandom bad buffer", syscall(SYS_getrandom, bad, 16, 0));
    show("ioctl FIONREAD bad int", syscall(SYS_ioctl, p[0], FIONREAD, bad));
    show("getrlimit bad buffer", syscall(SYS_getrlimit, RLIMIT_NOFILE, bad));
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    test_uname();
    test_clocks();
    test_random();
    test_sysconf();
    test_limits();
    test_ids();
    test_wait();
    test_bad_pointers();
    return 0;
}
