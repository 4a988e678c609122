/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * File system calls, in a fresh temporary directory: the stat family
 * (fstat, stat, lstat through newfstatat, fstatat with AT_SYMLINK_NOFOLLOW
 * and AT_EMPTY_PATH, statx) checked on the stable fields (size, mode,
 * nlink, type), directories (mkdir, getdents64 through readdir, sorted;
 * rmdir), names (rename, renameat2 RENAME_NOREPLACE, link, unlink,
 * symlink, readlink), access/faccessat, chmod/fchmod, utimensat, truncate,
 * getcwd, chdir/fchdir, statfs, umask, /proc/self/exe, and the errors
 * ENOENT, EEXIST, ENOTDIR, EISDIR, ENOTEMPTY, EINVAL.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

static void show(const char *what, long r)
{
    if (r < 0)
        printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else
        printf("%s = %ld\n", what, r);
}

static const char *type_of(mode_t m)
{
    return S_ISREG(m) ? "file" : S_ISDIR(m) ? "dir" : S_ISLNK(m) ? "symlink" :
           S_ISFIFO(m) ? "fifo" : "other";
}

static void show_stat(const char *what, int r, const struct stat *st)
{
    if (r != 0) {
        show(what, r);
        return;
    }
    printf("%s: %s size %lld mode 0%o nlink %lu blocks>=0 %s ino!=0 %s\n", what,
           type_of(st->st_mode), (long long)st->st_size, (unsigned)(st->st_mode & 07777),
           (unsigned long)st->st_nlink, st->st_blocks >= 0 ? "yes" : "no",
           st->st_ino ? "yes" : "no");
}

static void make_file(const char *name, const char *text)
{
    int fd = open(name, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (write(fd, text, strlen(text)) < 0)
        perror("write");
    close(fd);
}

static void test_stat(void)
{
    struct stat st, st2;
    struct statx stx;
    int fd;

    make_file("f", "0123456789");
    show_stat("stat f", stat("f", &st), &st);
    fd = open("f", O_RDONLY);
    show_stat("fstat f", fstat(fd, &st2), &st2);
    printf("same inode and device: %s\n",
           st.st_ino == st2.st_ino && st.st_dev == st2.st_dev ? "yes" : "no");
    show_stat("fstatat AT_EMPTY_PATH", fstatat(fd, "", &st2, AT_EMPTY_PATH), &st2);
    close(fd);
    show("symlink f -> sl", symlink("f", "sl"));
    show_stat("lstat sl", lstat("sl", &st), &st);
    show_stat("stat sl", stat("sl", &st), &st);
    show_stat("fstatat sl AT_SYMLINK_NOFOLLOW", fstatat(AT_FDCWD, "sl", &st, AT_SYMLINK_NOFOLLOW), &st);
    show("stat missing", stat("missing", &st));
    show("stat f/x", stat("f/x", &st));
    show("statx f", statx(AT_FDCWD, "f", 0, STATX_BASIC_STATS, &stx));
    printf("  statx: size %llu mode 0%o nlink %u mask has SIZE %s\n",
           (unsigned long long)stx.stx_size, stx.stx_mode & 07777, stx.stx_nlink,
           stx.stx_mask & STATX_SIZE ? "yes" : "no");
    show("link f f2", link("f", "f2"));
    show_stat("stat f after link", stat("f", &st), &st);
    show("link f f2 again", link("f", "f2"));
}

static void test_modes(void)
{
    struct stat st;
    struct timespec ts[2] = { { 1000000000, 5000 }, { 1234567890, 0 } };
    int fd;

    show("chmod f 0600", chmod("f", 0600));
    stat("f", &st);
    printf("  mode 0%o\n", st.st_mode & 07777);
    fd = open("f", O_RDONLY);
    show("fchmod f 0640", fchmod(fd, 0640));
    fstat(fd, &st);
    printf("  mode 0%o\n", st.st_mode & 07777);
    show("utimensat f", utimensat(AT_FDCWD, "f", ts, 0));
    stat("f", &st);
    printf("  atime %lld.%09ld mtime %lld.%09ld\n", (long long)st.st_atim.tv_sec,
           st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1].tv_sec = 42;
    show("futimens (NULL path)", futimens(fd, ts));
    fstat(fd, &st);
    printf("  atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec, (long long)st.st_mtim.tv_sec);
    close(fd);
    show("access f R_OK", access("f", R_OK));
    show("access f X_OK", access("f", X_OK));
    show("access missing F_OK", access("missing", F_OK));
    show("faccessat f W_OK AT_EACCESS", faccessat(AT_FDCWD, "f", W_OK, AT_EACCESS));
    show("truncate f 3", truncate("f", 3));
    stat("f", &st);
    printf("  size %lld\n", (long long)st.st_size);
    show("truncate missing", truncate("missing", 3));
    printf("umask(077) then umask = 0%o\n", (umask(077), umask(022)));
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char *names[64];
    int n = 0;

    if (!d) {
        show("opendir", -1);
        return;
    }
    while ((e = readdir(d)) && n < 64) {
        char buf[300];
        snprintf(buf, sizeof(buf), "%s%s", e->d_name,
                 e->d_type == DT_DIR ? "/" : e->d_type == DT_LNK ? "@" : "");
        names[n++] = strdup(buf);
    }
    closedir(d);
    qsort(names, n, sizeof(names[0]), cmp_names);
    printf("%s:", path);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void test_dirs(void)
{
    char name[16];
    int fd;

    show("mkdir d", mkdir("d", 0755));
    show("mkdir d again", mkdir("d", 0755));
    show("mkdir missing/d", mkdir("missing/d", 0755));
    for (int i = 0; i < 20; i++) {
        snprintf(name, sizeof(name), "d/n%02d", i);
        make_file(name, "x");
    }
    show("mkdir d/sub", mkdir("d/sub", 0700));
    show("symlink d/ln", symlink("n00", "d/ln"));
    list_dir("d");
    show("rmdir d (not empty)", rmdir("d"));
    show("unlink d (a dir)", unlink("d"));
    show("rmdir f (a file)", rmdir("f"));
    show("open d O_WRONLY", open("d", O_WRONLY));
    for (int i = 0; i < 20; i++) {
        snprintf(name, sizeof(name), "d/n%02d", i);
        unlink(name);
    }
    show("rename d/sub d/sub2", rename("d/sub", "d/sub2"));
    show("renameat2 f f2 RENAME_NOREPLACE", renameat2(AT_FDCWD, "f", AT_FDCWD, "f2", RENAME_NOREPLACE));
    show("rename f d/g", rename("f", "d/g"));
    show("stat f after rename", access("f", F_OK));
    show("readlink d/ln", readlink("d/ln", name, sizeof(name)));
    printf("  target \"%.3s\"\n", name);
    show("readlink d/g (not a link)", readlink("d/g", name, sizeof(name)));
    list_dir("d");
    fd = open("d", O_RDONLY | O_DIRECTORY);
    show("fchdir d", fchdir(fd));
    close(fd);
    list_dir(".");
    show("unlinkat sub2 AT_REMOVEDIR", unlinkat(AT_FDCWD, "sub2", AT_REMOVEDIR));
    show("unlinkat g", unlinkat(AT_FDCWD, "g", 0));
    show("unlinkat ln", unlinkat(AT_FDCWD, "ln", 0));
    show("chdir ..", chdir(".."));
    show("rmdir d", rmdir("d"));
    show("chdir missing", chdir("missing"));
    show("chdir f2 (a file)", chdir("f2"));
}

static void test_misc(void)
{
    char cwd[4096], exe[4096];
    struct statfs sf;
    long n;

    printf("getcwd is the temp dir: %s\n",
           getcwd(cwd, sizeof(cwd)) && strstr(cwd, "/guise-sys-fs-") ? "yes" : "no");
    show("getcwd small buffer", getcwd(cwd, 4) ? 0 : -1);
    show("statfs .", statfs(".", &sf));
    printf("  bsize>0 %s namelen>0 %s\n", sf.f_bsize > 0 ? "yes" : "no",
           sf.f_namelen > 0 ? "yes" : "no");
    n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    exe[n > 0 ? n : 0] = 0;
    printf("/proc/self/exe names this program: %s\n",
           strstr(exe, "sys-fs") ? "yes" : "no");
}

int main(void)
{
    char dir[] = "/tmp/guise-sys-fs-XXXXXX";

    if (!mkdtemp(dir) || chdir(dir) != 0) {
        perror("temporary directory");
        return 1;
    }
    umask(022);
    test_stat();
    test_modes();
    test_dirs();
    test_misc();
    unlink("f");
    unlink("f2");
    unlink("sl");
    show("chdir /", chdir("/"));
    show("rmdir temp", rmdir(dir));
    return 0;
}
