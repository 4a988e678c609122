/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * File descriptor system calls, in a fresh temporary directory: open flags
 * (O_CREAT|O_EXCL, O_DIRECTORY, O_NOFOLLOW, O_APPEND, whose arm64 values
 * differ from x86-64's), read/write, pread/pwrite, lseek, readv/writev,
 * preadv/pwritev, fcntl (F_GETFL values as arm64 numbers, F_SETFL,
 * F_GETFD/F_SETFD, F_DUPFD, OFD locks through struct flock), pipes,
 * FIONREAD, isatty, dup2/dup3, sendfile, copy_file_range, ftruncate, and
 * error numbers (EEXIST, ENOENT, ENOTDIR, ELOOP, EBADF, ESPIPE, EINVAL).
 * Paths are printed relative to the temporary directory only.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

/* Print a call's result: the value, or -1 and the errno name. */
static void show(const char *what, long r)
{
    if (r < 0)
        printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else
        printf("%s = %ld\n", what, r);
}

static void show_buf(const char *what, const char *buf, long n)
{
    printf("%s: %ld \"%.*s\"\n", what, n, n > 0 ? (int)n : 0, buf);
}

static void test_open_flags(void)
{
    int fd;

    fd = open("a.txt", O_CREAT | O_EXCL | O_WRONLY, 0644);
    show("open a.txt O_CREAT|O_EXCL", fd >= 0 ? 0 : -1);
    show("write", write(fd, "hello world\n", 12));
    close(fd);
    show("open a.txt O_CREAT|O_EXCL again", open("a.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    show("open missing", open("missing", O_RDONLY));
    show("open a.txt/x", open("a.txt/x", O_RDONLY));
    show("open a.txt O_DIRECTORY", open("a.txt", O_RDONLY | O_DIRECTORY));
    fd = open(".", O_RDONLY | O_DIRECTORY);
    show("open . O_DIRECTORY", fd >= 0 ? 0 : -1);
    /* In arm64 numbers O_DIRECTORY is 040000.  A 64-bit kernel adds
     * O_LARGEFILE (0400000 on arm64), which qemu-user drops: masked. */
    printf("F_GETFL of . = 0%o\n", fcntl(fd, F_GETFL) & ~0400000);
    close(fd);
    show("symlink", symlink("a.txt", "link"));
    show("open link O_NOFOLLOW", open("link", O_RDONLY | O_NOFOLLOW));
    fd = open("link", O_RDONLY);
    show("open link", fd >= 0 ? 0 : -1);
    close(fd);
    fd = open("a.txt", O_RDWR | O_APPEND);
    printf("F_GETFL of O_RDWR|O_APPEND = 0%o\n", fcntl(fd, F_GETFL) & ~0400000);
    show("F_SETFL O_NONBLOCK", fcntl(fd, F_SETFL, O_NONBLOCK | O_APPEND));
    printf("F_GETFL now has O_NONBLOCK: %s\n", fcntl(fd, F_GETFL) & O_NONBLOCK ? "yes" : "no");
    close(fd);
}

static void test_rw(void)
{
    char buf[64];
    int fd = open("a.txt", O_RDWR);
    long n;

    n = read(fd, buf, sizeof(buf));
    show_buf("read", buf, n);
    show("read at EOF", read(fd, buf, sizeof(buf)));
    show("lseek SEEK_SET 6", lseek(fd, 6, SEEK_SET));
    n = read(fd, buf, 5);
    show_buf("read 5", buf, n);
    show("lseek SEEK_CUR 0", lseek(fd, 0, SEEK_CUR));
    show("lseek SEEK_END -3", lseek(fd, -3, SEEK_END));
    show("lseek SEEK_SET -1", lseek(fd, -1, SEEK_SET));
    show("pwrite HELLO at 0", pwrite(fd, "HELLO", 5, 0));
    n = pread(fd, buf, sizeof(buf), 0);
    show_buf("pread at 0", buf, n);
    show("offset unchanged", lseek(fd, 0, SEEK_CUR));
    show("ftruncate 5", ftruncate(fd, 5));
    n = pread(fd, buf, sizeof(buf), 0);
    show_buf("pread after ftruncate", buf, n);
    close(fd);
    show("read closed fd", read(fd, buf, 1));
    show("write fd -1", write(-1, "x", 1));
}

/* Out of the compiler's sight, so that it does not warn. */
static volatile int bad_count = -1;

static void test_vectors(void)
{
    char a[4], b[16];
    struct iovec out[3] = {
        { "one ", 4 }, { "two ", 4 }, { "three", 5 },
    };
    struct iovec in[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
    int fd = open("v.txt", O_CREAT | O_RDWR | O_TRUNC, 0600);
    long n;

    show("writev", writev(fd, out, 3));
    show("lseek 0", lseek(fd, 0, SEEK_SET));
    n = readv(fd, in, 2);
    show("readv", n);
    printf("  iov0 \"%.4s\" iov1 \"%.*s\"\n", a, (int)(n - 4), b);
    show("pwritev at 4", pwritev(fd, out + 2, 1, 4));
    memset(b, 0, sizeof(b));
    in[1].iov_len = 5;
    n = preadv(fd, in, 2, 0);
    show("preadv at 0", n);
    printf("  iov0 \"%.4s\" iov1 \"%.5s\"\n", a, b);
    show("readv iovcnt -1", readv(fd, in, bad_count));
    close(fd);
}

static void test_fcntl(void)
{
    int fd = open("a.txt", O_RDWR), fd2 = open("a.txt", O_RDWR), d;
    struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 1, .l_len = 3 };

    show("F_GETFD", fcntl(fd, F_GETFD));
    show("F_SETFD FD_CLOEXEC", fcntl(fd, F_SETFD, FD_CLOEXEC));
    show("F_GETFD", fcntl(fd, F_GETFD));
    d = fcntl(fd, F_DUPFD, 30);
    show("F_DUPFD 30 gives >= 30", d >= 30 ? 1 : 0);
    show("F_GETFD of the dup", fcntl(d, F_GETFD));
    close(d);
    d = fcntl(fd, F_DUPFD_CLOEXEC, 30);
    show("F_DUPFD_CLOEXEC then F_GETFD", fcntl(d, F_GETFD));
    close(d);
    show("F_OFD_SETLK write 1+3", fcntl(fd, F_OFD_SETLK, &fl));
    memset(&fl, 0, sizeof(fl));
    fl.l_type = F_RDLCK;
    fl.l_len = 10;
    show("F_OFD_GETLK other fd", fcntl(fd2, F_OFD_GETLK, &fl));
    printf("  l_type %s l_whence %d l_start %ld l_len %ld l_pid %d\n",
           fl.l_type == F_WRLCK ? "F_WRLCK" : fl.l_type == F_UNLCK ? "F_UNLCK" : "?",
           fl.l_whence, (long)fl.l_start, (long)fl.l_len, fl.l_pid);
    fl.l_type = F_WRLCK;
    fl.l_start = 2;
    fl.l_len = 1;
    fl.l_pid = 0;
    show("F_OFD_SETLK conflicting", fcntl(fd2, F_OFD_SETLK, &fl));
    fl.l_type = F_UNLCK;
    fl.l_start = 0;
    fl.l_len = 0;
    show("F_OFD_SETLK unlock", fcntl(fd, F_OFD_SETLK, &fl));
    fl.l_type = F_WRLCK;
    show("F_SETLK (process lock)", fcntl(fd, F_SETLK, &fl));
    show("F_GETLK sees own lock as free", fcntl(fd, F_GETLK, &fl));
    printf("  l_type %s\n", fl.l_type == F_UNLCK ? "F_UNLCK" : "?");
    show("fcntl bad command", fcntl(fd, 12345));
    close(fd2);
    close(fd);
}

static void test_pipe_dup(void)
{
    int p[2], n = -1;
    char buf[16];
    long r;

    show("pipe2 O_CLOEXEC", pipe2(p, O_CLOEXEC));
    show("F_GETFD of pipe", fcntl(p[0], F_GETFD));
    show("write ping", write(p[1], "ping!", 5));
    show("FIONREAD", ioctl(p[0], FIONREAD, &n));
    printf("  bytes ready %d\n", n);
    r = read(p[0], buf, sizeof(buf));
    show_buf("read pipe", buf, r);
    errno = 0;
    printf("isatty(pipe) = %d %s\n", isatty(p[0]), strerrorname_np(errno));
    show("lseek pipe", lseek(p[0], 0, SEEK_SET));
    show("dup2 to 20", dup2(p[1], 20));
    show("write via 20", write(20, "pong", 4));
    r = read(p[0], buf, sizeof(buf));
    show_buf("read pipe", buf, r);
    show("dup3 same fd", dup3(20, 20, 0));
    show("dup3 O_CLOEXEC", dup3(p[1], 21, O_CLOEXEC));
    show("F_GETFD of 21", fcntl(21, F_GETFD));
    show("close 20", close(20));
    show("close 20 again", close(20));
    close(21);
    close(p[0]);
    close(p[1]);
}

static void test_copies(void)
{
    int in = open("v.txt", O_RDONLY), out = open("s.txt", O_CREAT | O_RDWR | O_TRUNC, 0600);
    off_t off = 4;
    loff_t off_in = 0;
    char buf[32];
    long n;

    show("sendfile from 4", sendfile(out, in, &off, 100));
    printf("  offset now %ld\n", (long)off);
    n = pread(out, buf, sizeof(buf), 0);
    show_buf("  copy", buf, n);
    show("copy_file_range 4 bytes", copy_file_range(in, &off_in, out, NULL, 4, 0));
    printf("  in offset now %ld\n", (long)off_in);
    n = pread(out, buf, sizeof(buf), 0);
    show_buf("  copy", buf, n);
    close(in);
    close(out);
}

int main(void)
{
    char dir[] = "/tmp/guise-sys-file-XXXXXX";

    if (!mkdtemp(dir) || chdir(dir) != 0) {
        perror("temporary directory");
        return 1;
    }
    umask(022);
    test_open_flags();
    test_rw();
    test_vectors();
    test_fcntl();
    test_pipe_dup();
    test_copies();
    unlink("a.txt");
    unlink("v.txt");
    unlink("s.txt");
    unlink("link");
    show("chdir /", chdir("/"));
    show("rmdir temp", rmdir(dir));
    return 0;
}
