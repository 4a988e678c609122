/* execve: of itself (a foreign binary: guise starts again with the same
 * options) with an argument, through a "#!" script, and of a host
 * program; /proc/self/exe names the same program after the exec. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void run(char *const argv[], const char *path)
{
    int st;
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        execve(path, argv, environ);
        printf("execve %s failed\n", path);
        _exit(99);
    }
    waitpid(pid, &st, 0);
    printf("child status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 1000 + WTERMSIG(st));
}

int main(int argc, char **argv)
{
    char exe[4096], script[64];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

    if (n < 0)
        return 1;
    exe[n] = 0;
    if (argc == 3 && !strcmp(argv[1], "child")) {
        printf("child: argv[0] %s, same exe %d\n", argv[0], !strcmp(argv[2], exe));
        return 5;
    }
    if (argc == 4 && !strcmp(argv[1], "script")) {
        printf("via script: argv[2] is the script %d, arg %s\n",
               !strncmp(argv[2], "/tmp/guise-exec-", 16), argv[3]);
        return 6;
    }
    /* Never recurse, whatever goes wrong above. */
    if (getenv("PROC_EXEC_PARENT"))
        return 77;
    setenv("PROC_EXEC_PARENT", "1", 1);
    /* itself, with an argument */
    run((char *const[]){ "self-copy", "child", exe, NULL }, "/proc/self/exe");
    run((char *const[]){ "self-copy", "child", exe, NULL }, exe);
    /* fexecve (execveat with AT_EMPTY_PATH) of a close-on-exec fd */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
        fexecve(fd, (char *const[]){ "via-fexecve", "child", exe, NULL }, environ);
        printf("fexecve failed\n");
        _exit(99);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("child status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 1000 + WTERMSIG(st));
    /* a host program */
    run((char *const[]){ "sh", "-c", "echo host shell; exit 4", NULL }, "/bin/sh");
    /* a script whose interpreter is this program */
    snprintf(script, sizeof(script), "/tmp/guise-exec-%d", (int)getpid());
    FILE *f = fopen(script, "w");
    fprintf(f, "#!%s script\n", exe);
    fclose(f);
    chmod(script, 0755);
    run((char *const[]){ script, "hello", NULL }, script);
    unlink(script);
    /* errors */
    printf("missing: %d\n", execve("/nonexistent", (char *const[]){ "x", NULL }, environ) == -1);
    printf("not executable: %d\n",
           execve("/dev/null", (char *const[]){ "x", NULL }, environ) == -1);
    return 0;
}
