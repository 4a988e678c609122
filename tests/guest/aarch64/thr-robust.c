/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Robust futexes and thread exit: a thread that exits holding a robust
 * mutex (plain and priority-inheriting) leaves it to the next locker as
 * EOWNERDEAD, because the exit walks the thread's robust list as the
 * kernel does; the mutex is made consistent and works again.  Also
 * set_robust_list's size check and get_robust_list of the caller.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_mutex_t m;

static void *owner(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    return NULL;                     /* exits holding it */
}

static void check(const char *name, int protocol)
{
    pthread_mutexattr_t ma;
    pthread_t t;
    int r;

    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
    pthread_mutexattr_setprotocol(&ma, protocol);
    pthread_mutex_init(&m, &ma);
    pthread_create(&t, NULL, owner, NULL);
    pthread_join(t, NULL);
    r = pthread_mutex_lock(&m);
    printf("%s: lock after owner died: %s\n", name, r == EOWNERDEAD ? "EOWNERDEAD" : "other");
    if (r == EOWNERDEAD)
        pthread_mutex_consistent(&m);
    pthread_mutex_unlock(&m);
    printf("%s: relock %d\n", name, pthread_mutex_lock(&m));
    pthread_mutex_unlock(&m);
    pthread_mutex_destroy(&m);
}

int main(void)
{
    void *head = NULL;
    size_t len = 0;

    check("plain", PTHREAD_PRIO_NONE);
    check("pi", PTHREAD_PRIO_INHERIT);
    printf("bad size: %ld\n", syscall(SYS_set_robust_list, NULL, (size_t)7) == -1 ? (long)errno : 0L);
    syscall(SYS_get_robust_list, 0, &head, &len);
    printf("own list: %s, size %zu\n", head ? "set" : "none", len);
    printf("ok\n");
    return 0;
}
