/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * System V IPC and POSIX message queues: message queues with types and
 * IPC_STAT, semaphores (SETVAL/GETVAL, SETALL/GETALL, semop, a timed-out
 * semtimedop, IPC_STAT with its times), shared memory attached twice and
 * across fork (the data shared, shm_nattch, the /SYSV line in
 * /proc/self/maps, shmdt), a blocking msgrcv interrupted by a signal, and
 * POSIX queues (priorities, mq_getattr, a timed-out receive, mq_notify by
 * signal, mq_unlink).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

struct msg {
    long type;
    char text[32];
};

static void on_alarm(int s) { (void)s; }

static void test_msg(void)
{
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    struct msg m;
    struct msqid_ds ds;

    printf("msgget ok: %s\n", q >= 0 ? "yes" : "no");
    for (long t = 1; t <= 3; t++) {
        m.type = t;
        snprintf(m.text, sizeof(m.text), "message %ld", t);
        show("msgsnd", msgsnd(q, &m, strlen(m.text) + 1, 0));
    }
    show("msgctl IPC_STAT", msgctl(q, IPC_STAT, &ds));
    printf("  qnum %lu, mode %o\n", (unsigned long)ds.msg_qnum, ds.msg_perm.mode & 0777);
    show("msgrcv type 2", msgrcv(q, &m, sizeof(m.text), 2, 0));
    printf("  got type %ld \"%s\"\n", m.type, m.text);
    show("msgrcv any", msgrcv(q, &m, sizeof(m.text), 0, 0));
    printf("  got type %ld \"%s\"\n", m.type, m.text);
    show("msgrcv type 9, IPC_NOWAIT", msgrcv(q, &m, sizeof(m.text), 9, IPC_NOWAIT));
    /* A blocking receive interrupted by a signal (no SA_RESTART). */
    struct sigaction sa = { .sa_handler = on_alarm };
    sigaction(SIGALRM, &sa, NULL);
    alarm(1);
    show("msgrcv blocking, interrupted", msgrcv(q, &m, sizeof(m.text), 9, 0));
    show("msgctl IPC_RMID", msgctl(q, IPC_RMID, NULL));
    show("msgsnd to a removed queue", msgsnd(q, &m, 1, 0));
}

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

static void test_sem(void)
{
    int s = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    unsigned short vals[2] = { 5, 7 }, got[2] = { 0, 0 };
    struct sembuf op[2] = { { 0, -2, 0 }, { 1, 3, 0 } };
    struct semid_ds ds;
    struct timespec ts = { 0, 50 * 1000 * 1000 };

    printf("semget ok: %s\n", s >= 0 ? "yes" : "no");
    show("semctl SETALL", semctl(s, 0, SETALL, (union semun){ .array = vals }));
    show("semop", semop(s, op, 2));
    show("semctl GETALL", semctl(s, 0, GETALL, (union semun){ .array = got }));
    printf("  values %u %u\n", got[0], got[1]);
    show("semctl SETVAL 1 = 1", semctl(s, 1, SETVAL, (union semun){ .val = 1 }));
    show("semctl GETVAL 1", semctl(s, 1, GETVAL));
    show("semctl IPC_STAT", semctl(s, 0, IPC_STAT, (union semun){ .buf = &ds }));
    printf("  nsems %lu, otime set %s, mode %o\n", (unsigned long)ds.sem_nsems,
           ds.sem_otime > 0 ? "yes" : "no", ds.sem_perm.mode & 0777);
    struct sembuf wait_op = { 1, -5, 0 };
    show("semtimedop that cannot succeed", semtimedop(s, &wait_op, 1, &ts));
    show("semctl IPC_RMID", semctl(s, 0, IPC_RMID));
}

static int maps_has_sysv(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    int n = 0;

    while (f && fgets(line, sizeof(line), f))
        n += strstr(line, "/SYSV") != NULL;
    if (f)
        fclose(f);
    return n;
}

static void test_shm(void)
{
    int id = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0600);
    struct shmid_ds ds;

    printf("shmget ok: %s\n", id >= 0 ? "yes" : "no");
    char *a = shmat(id, NULL, 0), *b = shmat(id, NULL, SHM_RDONLY);
    printf("shmat twice: %s, different addresses %s\n",
           a != (void *)-1 && b != (void *)-1 ? "yes" : "no", a != b ? "yes" : "no");
    strcpy(a + 9000, "shared");
    printf("second mapping reads \"%s\"\n", b + 9000);
    show("shmctl IPC_STAT", shmctl(id, IPC_STAT, &ds));
    printf("  segsz %lu, nattch %lu\n", (unsigned long)ds.shm_segsz, (unsigned long)ds.shm_nattch);
    printf("/SYSV lines in maps: %d\n", maps_has_sysv());
    pid_t p = fork();
    if (p == 0) {
        strcpy(a, "from the child");
        _exit(0);
    }
    waitpid(p, NULL, 0);
    printf("after fork the parent reads \"%s\"\n", a);
    show("shmdt", shmdt(a));
    show("shmdt", shmdt(b));
    show("shmdt again", shmdt(b));
    printf("/SYSV lines in maps: %d\n", maps_has_sysv());
    show("shmctl IPC_RMID", shmctl(id, IPC_RMID, NULL));
}

static volatile sig_atomic_t notified;
static void on_usr1(int s) { (void)s; notified = 1; }

static void test_mq(void)
{
    char name[64], buf[64];
    struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 64 }, got;
    unsigned prio;

    snprintf(name, sizeof(name), "/guise-test-%d", (int)getpid());
    mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    printf("mq_open ok: %s\n", q != (mqd_t)-1 ? "yes" : "no");
    show("mq_send prio 1", mq_send(q, "low", 4, 1));
    show("mq_send prio 5", mq_send(q, "high", 5, 5));
    show("mq_getattr", mq_getattr(q, &got));
    printf("  maxmsg %ld, msgsize %ld, curmsgs %ld\n", got.mq_maxmsg, got.mq_msgsize, got.mq_curmsgs);
    show("mq_receive", mq_receive(q, buf, sizeof(buf), &prio));
    printf("  \"%s\" prio %u\n", buf, prio);
    show("mq_receive", mq_receive(q, buf, sizeof(buf), &prio));
    printf("  \"%s\" prio %u\n", buf, prio);
    struct timespec past;
    clock_gettime(CLOCK_REALTIME, &past);
    show("mq_timedreceive on an empty queue", mq_timedreceive(q, buf, sizeof(buf), &prio, &past));
    signal(SIGUSR1, on_usr1);
    struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
    show("mq_notify SIGUSR1", mq_notify(q, &ev));
    show("mq_send", mq_send(q, "ping", 5, 0));
    for (int i = 0; i < 100 && !notified; i++)
        usleep(10000);
    printf("notified: %s\n", notified ? "yes" : "no");
    show("mq_open O_EXCL of an existing queue", mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr));
    mq_close(q);
    show("mq_unlink", mq_unlink(name));
    show("mq_unlink again", mq_unlink(name));
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_msg();
    test_sem();
    test_shm();
    test_mq();
    return 0;
}
