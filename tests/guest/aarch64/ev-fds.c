/* Descriptors that deliver events: eventfd (counter and semaphore mode),
 * timerfd (settime/gettime, expirations), signalfd (a blocked SIGUSR1
 * read as struct signalfd_siginfo), inotify (a file created in a watched
 * directory), and splice/tee/vmsplice between pipes; getxattr of a
 * missing attribute fails. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <unistd.h>

static void t_eventfd(void)
{
    int fd = eventfd(5, EFD_CLOEXEC | EFD_NONBLOCK);
    uint64_t v = 0;

    printf("eventfd: %d\n", fd >= 0);
    v = 7;
    write(fd, &v, 8);
    printf("read: %zd value %llu\n", read(fd, &v, 8), (unsigned long long)v);
    printf("empty read: %zd (EAGAIN %d)\n", read(fd, &v, 8), errno == EAGAIN);
    close(fd);
    fd = eventfd(2, EFD_SEMAPHORE);
    read(fd, &v, 8);
    printf("semaphore: %llu", (unsigned long long)v);
    read(fd, &v, 8);
    printf(" %llu\n", (unsigned long long)v);
    close(fd);
}

static void t_timerfd(void)
{
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    struct itimerspec its = { { 0, 10000000 }, { 0, 10000000 } }, cur, old;
    uint64_t n = 0;

    printf("timerfd: %d\n", fd >= 0);
    printf("settime: %d\n", timerfd_settime(fd, 0, &its, NULL));
    timerfd_gettime(fd, &cur);
    printf("gettime: interval %ld ns, armed %d\n", cur.it_interval.tv_nsec,
           cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 && cur.it_value.tv_nsec <= 10000000);
    printf("read: %zd, expirations >= 1: %d\n", read(fd, &n, 8), n >= 1);
    memset(&its, 0, sizeof(its));
    printf("disarm: %d, old interval %ld\n", timerfd_settime(fd, 0, &its, &old),
           old.it_interval.tv_nsec);
    close(fd);
}

static void t_signalfd(void)
{
    sigset_t m;
    struct signalfd_siginfo si;
    int fd;

    sigemptyset(&m);
    sigaddset(&m, SIGUSR1);
    sigprocmask(SIG_BLOCK, &m, NULL);
    fd = signalfd(-1, &m, SFD_CLOEXEC);
    printf("signalfd: %d\n", fd >= 0);
    kill(getpid(), SIGUSR1);
    memset(&si, 0, sizeof(si));
    printf("read: %zd, signo SIGUSR1 %d, pid ok %d, code SI_USER %d\n", read(fd, &si, sizeof(si)),
           si.ssi_signo == SIGUSR1, si.ssi_pid == (uint32_t)getpid(), si.ssi_code == SI_USER);
    close(fd);
    sigprocmask(SIG_UNBLOCK, &m, NULL);
}

static void t_inotify(void)
{
    char dir[64], path[96], buf[512] __attribute__((aligned(8)));
    int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK), wd;
    struct inotify_event *e = (struct inotify_event *)buf;

    snprintf(dir, sizeof(dir), "/tmp/guise-inotify-%d", (int)getpid());
    mkdir(dir, 0700);
    wd = inotify_add_watch(fd, dir, IN_CREATE | IN_DELETE);
    printf("inotify: %d, watch %d\n", fd >= 0, wd >= 0);
    snprintf(path, sizeof(path), "%s/newfile", dir);
    close(open(path, O_CREAT | O_WRONLY, 0600));
    ssize_t n = read(fd, buf, sizeof(buf));
    printf("event: %d, IN_CREATE %d, name %s\n", n > 0, n > 0 && (e->mask & IN_CREATE) != 0,
           n > 0 ? e->name : "-");
    unlink(path);
    printf("rm_watch: %d\n", inotify_rm_watch(fd, wd));
    rmdir(dir);
    close(fd);
}

static void t_splice(void)
{
    int a[2], b[2], c[2];
    char buf[32] = { 0 };
    struct iovec iov[2] = { { "vm", 2 }, { "splice", 6 } };

    pipe(a), pipe(b), pipe(c);
    printf("vmsplice: %zd\n", vmsplice(a[1], iov, 2, 0));
    printf("tee: %zd\n", tee(a[0], c[1], 8, 0));
    printf("splice: %zd\n", splice(a[0], NULL, b[1], NULL, 8, 0));
    printf("read: %zd '%s'\n", read(b[0], buf, sizeof(buf)), buf);
    memset(buf, 0, sizeof(buf));
    printf("tee copy: %zd '%s'\n", read(c[0], buf, sizeof(buf)), buf);

    /* splice from a file at an offset, which is updated */
    char name[64];
    loff_t off = 2;
    snprintf(name, sizeof(name), "/tmp/guise-splice-%d", (int)getpid());
    int f = open(name, O_CREAT | O_RDWR | O_TRUNC, 0600);
    write(f, "0123456789", 10);
    printf("splice from file: %zd, offset %lld\n", splice(f, &off, b[1], NULL, 5, 0), (long long)off);
    memset(buf, 0, sizeof(buf));
    read(b[0], buf, sizeof(buf));
    printf("got '%s'\n", buf);
    printf("getxattr missing fails: %d\n", fgetxattr(f, "user.guise-none", buf, sizeof(buf)) == -1);
    close(f);
    unlink(name);
}

int main(void)
{
    t_eventfd();
    t_timerfd();
    t_signalfd();
    t_inotify();
    t_splice();
    return 0;
}
