/* fork, vfork, wait4/waitid statuses, posix_spawn, getrusage of children,
 * prlimit and personality: the process calls of syscall/process.c. */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void show(const char *what, int st)
{
    if (WIFEXITED(st))
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: killed by signal %d\n", what, WTERMSIG(st));
    else
        printf("%s: status 0x%x\n", what, st);
}

int main(void)
{
    int st, shared = 1;
    pid_t pid;
    siginfo_t si;
    struct rusage ru;
    struct rlimit rl;

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        shared = 2;    /* the parent's copy must not change */
        _exit(3);
    }
    printf("fork: %s\n", pid > 0 ? "ok" : "failed");
    printf("wait4 pid matches: %d\n", wait4(pid, &st, 0, &ru) == pid);
    show("child", st);
    printf("parent memory unchanged: %d\n", shared == 1);

    pid = fork();
    if (pid == 0) {
        kill(getpid(), SIGTERM);
        _exit(0);
    }
    waitpid(pid, &st, 0);
    show("child", st);

    pid = fork();
    if (pid == 0)
        _exit(7);
    memset(&si, 0, sizeof(si));
    printf("waitid: %d\n", waitid(P_PID, (id_t)pid, &si, WEXITED));
    printf("waitid: pid matches %d, code CLD_EXITED %d, status %d\n",
           si.si_pid == pid, si.si_code == CLD_EXITED, si.si_status);

    pid = vfork();
    if (pid == 0)
        _exit(9);
    waitpid(pid, &st, 0);
    show("vfork child", st);

    /* posix_spawn of a missing program: the child exits 127 */
    char *argv[] = { "missing", NULL };
    if (posix_spawn(&pid, "/nonexistent/program", NULL, NULL, argv, environ) == 0) {
        waitpid(pid, &st, 0);
        show("spawn of a missing program", st);
    } else {
        printf("spawn of a missing program: exited 127\n");
    }

    /* pidfd: open, signal, poll for the exit */
    pid = fork();
    if (pid == 0) {
        pause();
        _exit(0);
    }
    int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
    printf("pidfd_open: %d\n", pfd >= 0);
    printf("pidfd_send_signal: %ld\n", syscall(SYS_pidfd_send_signal, pfd, SIGKILL, NULL, 0));
    if (pfd < 0)
        kill(pid, SIGKILL);     /* never leave the child behind */
    struct pollfd pf = { .fd = pfd, .events = POLLIN };
    printf("poll: %d revents POLLIN %d\n", poll(&pf, 1, 5000), (pf.revents & POLLIN) != 0);
    waitpid(pid, &st, 0);
    show("pidfd child", st);
    close(pfd);

    printf("no more children: %d\n", wait(&st) == -1);
    printf("getrusage children: %d\n", getrusage(RUSAGE_CHILDREN, &ru));
    printf("prlimit NOFILE: %d\n", prlimit(0, RLIMIT_NOFILE, NULL, &rl) == 0 && rl.rlim_cur > 0);
    printf("personality: 0x%x\n", personality(0xffffffff) & 0xff);
    return 0;
}
