/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * New processes and new programs: fork and vfork (clone without CLONE_VM,
 * or with CLONE_VFORK), execve and execveat, and the pidfd calls.
 *
 * fork: a guise process is one host process, so a guest fork is a host
 * fork; the child gets a private copy of the translated code memory
 * (codebuf_after_fork) and carries on with the same CPU state, 0 in its
 * result register.  The code memory is a shared memfd until the child has
 * copied it, so the parent waits for that (a "copied" pipe): a block it
 * translated or a chain it patched meanwhile would land in the child's
 * code too, unknown to the child's block cache.  CLONE_VFORK without
 * CLONE_VM is run as a fork whose parent waits, as the kernel's vfork
 * parent does, until the child execs or exits: the child holds the write
 * end of a close-on-exec pipe and the parent reads it to end of file.
 * With CLONE_VM (glibc's vfork and posix_spawn) the child shares our
 * memory and is linux-user/thread.c's (thread_create_vm_process).
 *
 * execve: the file is looked up through -L and classified as the kernel
 * would: an ELF for the guest machine starts guise again on it with the
 * options in effect (user_opts.guise_argv) and the guest's argv[0] (-0);
 * a "#!" script has its interpreter resolved through -L and classified in
 * turn (one level, as binfmt_script); anything else (a host program) is
 * the host's execve.  Entry points: sys_clone_process (called by
 * thread.c's clone for flags without CLONE_VM), the
 * handlers below.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <elf.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "syscall.h"
#include "linux-user/thread.h"
#include "translate/aarch64/cpu.h"
#include "translate/codebuf.h"
#include "translate/tcache.h"

/* Guest argv/envp beyond this many words: E2BIG, as the kernel's limit. */
#define EXEC_MAX_WORDS 65536
/* Longest "#!" line the kernel reads (BINPRM_BUF_SIZE). */
#define SHEBANG_MAX 256

/* ---- fork and vfork ---- */

/* The child side of a fork-like clone: its own code memory, then the
 * clone's child-side effects.  A code memory it cannot copy leaves it
 * sharing the parent's, which would corrupt both: die as the kernel does
 * when it cannot finish a fork (the parent sees the child killed). */
static void fork_child(void *env, guest_ulong flags, guest_addr newsp, guest_addr tls,
                       guest_addr ctid)
{
    CPUArm64State *cpu = env;
    uint32_t tid = (uint32_t)syscall(SYS_gettid);

    if (code_buf.rw && !codebuf_after_fork())    /* none under -jit off */
        _exit(128 + SIGKILL);
    exec_after_fork();
    if (newsp)
        cpu->x[31] = newsp;
    if (flags & CLONE_SETTLS)
        cpu->tpidr_el0 = tls;
    if ((flags & CLONE_CHILD_SETTID) && ctid)
        sys_copy_to(ctid, &tid, sizeof(tid));
    if (flags & CLONE_CHILD_CLEARTID)
        thread_set_clear_tid(ctid);
}

guest_long sys_clone_process(void *env, guest_ulong flags, guest_addr newsp, guest_addr ptid,
                             guest_addr tls, guest_addr ctid)
{
    static const guest_ulong refused = CLONE_THREAD | CLONE_SIGHAND | CLONE_PARENT |
        CLONE_NEWNS | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC |
        CLONE_NEWUTS | CLONE_NEWCGROUP | CLONE_PIDFD;
    int exit_sig = (int)(flags & 0xff), vfork_pipe[2] = { -1, -1 }, copied[2];
    bool vfork = flags & CLONE_VFORK;
    long pid;
    char c;

    if (flags & refused) {
        sys_unimp(env, 0x434c000000000000ull | (flags & refused),
                  "clone flags 0x%llx without CLONE_VM not supported: returning EINVAL",
                  (unsigned long long)flags);
        return sys_err(EINVAL);
    }
    if (pipe2(copied, O_CLOEXEC) != 0)
        return sys_err(errno);
    if (vfork && pipe2(vfork_pipe, O_CLOEXEC) != 0) {
        int err = errno;
        close(copied[0]), close(copied[1]);
        return sys_err(err);
    }
    /* fork(), not the raw call: the thread layer's fork handlers must run
     * (they hold the emulator's locks across the fork).  So the child's
     * exit signal is SIGCHLD whatever the guest asked for. */
    if (exit_sig != SIGCHLD)
        sys_unimp(env, 0x434c000000000000ull | 0x100000000ull | (unsigned)exit_sig,
                  "clone exit signal %d: the child will send SIGCHLD", exit_sig);
    fflush(NULL);
    exec_fork_hold();
    pid = fork();
    if (pid == 0) {
        if (vfork)
            close(vfork_pipe[0]);
        close(copied[0]);
        fork_child(env, flags, newsp, tls, ctid);
        close(copied[1]);
        return 0;
    }
    close(copied[1]);
    if (pid < 0) {
        int err = errno;
        exec_fork_release();
        close(copied[0]);
        if (vfork)
            close(vfork_pipe[0]), close(vfork_pipe[1]);
        return sys_err(err);
    }
    while (read(copied[0], &c, 1) < 0 && errno == EINTR)
        ;
    exec_fork_release();
    close(copied[0]);
    if ((flags & CLONE_PARENT_SETTID) && ptid) {
        uint32_t t = (uint32_t)pid;
        sys_copy_to(ptid, &t, sizeof(t));
    }
    if (vfork) {
        close(vfork_pipe[1]);
        while (read(vfork_pipe[0], &c, 1) < 0 && errno == EINTR)
            ;
        close(vfork_pipe[0]);
    }
    return pid;
}

/* ---- execve ---- */

/* A NULL-terminated guest array of strings, copied; NULL on failure with
 * *err set (-EFAULT, -E2BIG, -ENOMEM). */
static char **get_string_array(guest_addr g, guest_long *err)
{
    size_t n = 0, cap = 16;
    char **v = calloc(cap, sizeof(*v));

    *err = sys_err(ENOMEM);
    if (!v)
        return NULL;
    for (; g; n++) {
        guest_addr p;
        char buf[PATH_MAX * 32];
        if (sys_copy_from(&p, g + n * sizeof(p), sizeof(p)) < 0) {
            *err = sys_err(EFAULT);
            goto fail;
        }
        if (!p)
            break;
        if (n + 2 > cap) {
            char **nv;
            if (cap >= EXEC_MAX_WORDS) {
                *err = sys_err(E2BIG);
                goto fail;
            }
            nv = realloc(v, (cap *= 2) * sizeof(*v));
            if (!nv)
                goto fail;
            v = nv;
        }
        if ((*err = sys_get_string(buf, sizeof(buf), p)) < 0) {
            if (*err == sys_err(ENAMETOOLONG))
                *err = sys_err(E2BIG);
            goto fail;
        }
        if (!(v[n] = strdup(buf))) {
            *err = sys_err(ENOMEM);
            goto fail;
        }
    }
    v[n] = NULL;
    return v;
fail:
    for (size_t i = 0; i < n && v[i]; i++)
        free(v[i]);
    free(v);
    return NULL;
}

static void free_string_array(char **v)
{
    if (!v)
        return;
    for (size_t i = 0; v[i]; i++)
        free(v[i]);
    free(v);
}

static size_t count_words(char *const *v)
{
    size_t n = 0;

    while (v && v[n])
        n++;
    return n;
}

enum { EXE_HOST, EXE_GUEST, EXE_SCRIPT };

/* What the kernel would make of the file at host path: EXE_* or -errno
 * (guest numbering).  For a script, fills interp and its optional arg. */
static guest_long classify(const char *host, char interp[SHEBANG_MAX], char arg[SHEBANG_MAX])
{
    unsigned char head[SHEBANG_MAX];
    struct stat st;
    int fd;
    ssize_t n;

    if (access(host, X_OK) != 0)
        return sys_err(errno);
    fd = open(host, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return sys_err(errno);
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {   /* as the kernel: EACCES */
        close(fd);
        return sys_err(EACCES);
    }
    n = read(fd, head, sizeof(head) - 1);
    close(fd);
    if (n < 0)
        return sys_err(errno);
    head[n] = 0;
    if (n >= 20 && !memcmp(head, ELFMAG, SELFMAG)) {
        uint16_t machine;
        memcpy(&machine, head + 18, sizeof(machine));     /* e_machine */
        return machine == target_info.elf_machine ? EXE_GUEST : EXE_HOST;
    }
    if (n >= 2 && head[0] == '#' && head[1] == '!') {
        char *line = (char *)head + 2, *end = strchr(line, '\n'), *name, *rest;
        if (!end)
            return sys_err(ENOEXEC);
        *end = 0;
        name = line + strspn(line, " \t");
        rest = name + strcspn(name, " \t");
        if (*rest)
            *rest++ = 0;
        rest += strspn(rest, " \t");
        for (char *e = rest + strlen(rest); e > rest && (e[-1] == ' ' || e[-1] == '\t'); )
            *--e = 0;
        if (!*name)
            return sys_err(ENOEXEC);
        snprintf(interp, SHEBANG_MAX, "%s", name);
        snprintf(arg, SHEBANG_MAX, "%s", rest);
        return EXE_SCRIPT;
    }
    return EXE_HOST;
}

/* The host execve ends this process image: end a started -strace line
 * (a failed exec resumes it with the error, as strace shows), keep the
 * translated code (tcache.h) and flush stdio. */
static void before_exec(void)
{
    if (sys_strace_on())
        sys_strace_break();
    tcache_save();
    fflush(NULL);
}

/* Start guise again on the guest program at host path: our own binary,
 * the carried options, -0 argv0, the program, the guest's arguments. */
static guest_long exec_guise(const char *host, char *const *argv, char *const *envp)
{
    size_t nargs = count_words(argv), nopts = (size_t)user_opts.guise_argc_opts, k = 0;
    char **v = calloc(nopts + nargs + 6, sizeof(*v));

    if (!v)
        return sys_err(ENOMEM);
    v[k++] = user_opts.guise_argv[0];
    for (size_t i = 0; i < nopts; i++)
        v[k++] = user_opts.guise_argv[i + 1];
    if (nargs) {
        v[k++] = "-0";
        v[k++] = argv[0];
    }
    v[k++] = "--";
    v[k++] = (char *)host;
    for (size_t i = 1; i < nargs; i++)
        v[k++] = argv[i];
    v[k] = NULL;
    before_exec();
    execve("/proc/self/exe", v, envp);
    free(v);
    return sys_err(errno);
}

/* Run the program at guest path gpath (host path host) as the kernel
 * would, following one "#!" level.  Returns only on failure. */
static guest_long do_exec(const char *gpath, const char *host, char **argv, char **envp)
{
    char interp[SHEBANG_MAX], iarg[SHEBANG_MAX], ibuf[PATH_MAX];
    guest_long kind;
    const char *ihost;
    char **v;
    size_t n, k = 0;

    if (user_opts.binfmt) {
        /* Started by binfmt_misc: let the kernel hand foreign programs back
         * to guise the same way (a chroot may have no /proc/self/exe). */
        before_exec();
        execve(host, argv, envp);
        return sys_err(errno);
    }
    kind = classify(host, interp, iarg);
    if (kind == EXE_GUEST)
        return exec_guise(host, argv, envp);
    if (kind == EXE_HOST) {
        before_exec();
        execve(host, argv, envp);
        return sys_err(errno);
    }
    if (kind < 0)
        return kind;
    /* A script: interp [iarg] gpath argv[1..] */
    ihost = path_for_guest(interp, ibuf, sizeof(ibuf));
    n = count_words(argv);
    v = calloc(n + 4, sizeof(*v));
    if (!v)
        return sys_err(ENOMEM);
    v[k++] = interp;
    if (iarg[0])
        v[k++] = iarg;
    v[k++] = (char *)gpath;
    for (size_t i = 1; i < n; i++)
        v[k++] = argv[i];
    v[k] = NULL;
    kind = classify(ihost, interp, iarg);
    if (kind == EXE_GUEST)
        kind = exec_guise(ihost, v, envp);
    else if (kind == EXE_HOST) {
        before_exec();
        execve(ihost, v, envp);
        kind = sys_err(errno);
    } else if (kind == EXE_SCRIPT)
        kind = sys_err(ENOEXEC);   /* the kernel allows more, rare */
    free(v);
    return kind;
}

/* execve/execveat once the path is known: gpath for the guest, host for us. */
static guest_long exec_common(const char *gpath, const char *host, guest_addr gargv,
                              guest_addr genvp)
{
    guest_long r;
    char **argv = get_string_array(gargv, &r), **envp;

    if (!argv)
        return r;
    envp = get_string_array(genvp, &r);
    if (!envp) {
        free_string_array(argv);
        return r;
    }
    r = do_exec(gpath, host, argv, envp);
    free_string_array(argv);
    free_string_array(envp);
    return r;
}

guest_long sys_execve(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = sys_get_path(&p, a[0]);

    (void)env;
    if (r < 0)
        return r;
    return exec_common(p.guest, p.host, a[1], a[2]);
}

guest_long sys_execveat(void *env, const guest_ulong *a)
{
    int dirfd = (int)a[0], flags = (int)a[4];
    char host[PATH_MAX + 64];
    SysPath p;
    guest_long r = sys_get_path(&p, a[1]);

    (void)env;
    if (r < 0)
        return r;
    if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
        return sys_err(EINVAL);
    if (p.guest[0] == 0) {
        if (!(flags & AT_EMPTY_PATH))
            return sys_err(ENOENT);
        snprintf(host, sizeof(host), "/proc/self/fd/%d", dirfd);
    } else if (p.guest[0] == '/' || dirfd == AT_FDCWD) {
        snprintf(host, sizeof(host), "%s", p.host);
    } else {
        snprintf(host, sizeof(host), "/proc/self/fd/%d/%s", dirfd, p.guest);
    }
    /* A /proc/self/fd path dies with a close-on-exec fd before guise
     * starts again (fexecve): use the file's own path while it has one. */
    if (!strncmp(host, "/proc/self/fd/", 14)) {
        char *real = realpath(host, NULL);
        if (real && access(real, F_OK) == 0 && strlen(real) < sizeof(host))
            snprintf(host, sizeof(host), "%s", real);
        free(real);
    }
    return exec_common(p.guest[0] ? p.guest : host, host, a[2], a[3]);
}

/* ---- pidfd ---- */

guest_long sys_pidfd_open(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_pidfd_open, (pid_t)a[0], (unsigned)a[1]));
}

/* The 128-byte siginfo has one layout on arm64 and x86-64 (signals.c). */
guest_long sys_pidfd_send_signal(void *env, const guest_ulong *a)
{
    siginfo_t info;

    (void)env;
    if (a[2] && sys_copy_from(&info, a[2], sizeof(info)) < 0)
        return sys_err(EFAULT);
    return sys_ret(syscall(SYS_pidfd_send_signal, (int)a[0], (int)a[1],
                           a[2] ? &info : NULL, (unsigned)a[3]));
}

guest_long sys_pidfd_getfd(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_pidfd_getfd, (int)a[0], (int)a[1], (unsigned)a[2]));
}
