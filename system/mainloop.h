/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The one main loop of the system emulator: poll() over registered file
 * descriptors (character backends, QMP sockets), with the time-out set by
 * the next timer (timer.h), then the fd handlers, the expired timers and
 * the pending reset/power-off requests (runstate.h).
 *
 * The big lock (sys_lock()) serialises device state: the main loop holds
 * it except while it sleeps in poll(), and a vCPU thread takes it around
 * every MMIO access and interrupt delivery.  sys_main_loop_notify() wakes
 * the loop from any thread (an eventfd in the poll set).
 *
 * Users whose fd set changes on every iteration (libslirp's sockets)
 * register a poll hook instead of sys_fd_add() entries: sys_poll_hook_add().
 *
 * Entry points: sys_main_loop_init(), sys_fd_add(), sys_fd_del(),
 * sys_poll_hook_add(), sys_main_loop_wait(), sys_main_loop_run(),
 * sys_main_loop_notify(), sys_lock(), sys_unlock().
 */
#ifndef GUISE_SYSTEM_MAINLOOP_H
#define GUISE_SYSTEM_MAINLOOP_H

#include <stdbool.h>
#include <stdint.h>

/* Called with the poll revents of the fd, under the big lock. */
typedef void (*SysFdHandler)(void *opaque, int fd, short revents);

/* 0, or -errno when the wake-up eventfd cannot be made. */
int sys_main_loop_init(void);
/* Watch fd for events (POLLIN/POLLOUT); replaces an earlier entry for fd. */
int sys_fd_add(int fd, short events, SysFdHandler cb, void *opaque);
void sys_fd_del(int fd);

/*
 * A poll hook.  Before each poll, fill() adds its fds with sys_poll_add()
 * and may lower *timeout_ms (-1: no limit); after the poll, dispatch()
 * reads their revents with sys_poll_revents(), poll_failed when poll()
 * itself failed.  Both run on the main loop under the big lock; dispatch
 * runs after every poll, time-out included.
 */
typedef struct SysPollHook {
    void (*fill)(void *opaque, int *timeout_ms);
    void (*dispatch)(void *opaque, bool poll_failed);
    void *opaque;
} SysPollHook;

/* Registers hook (the pointer is kept); -ENOSPC when the table is full. */
int sys_poll_hook_add(const SysPollHook *hook);
/* From fill(): an index for sys_poll_revents(), or -1 when the set is full. */
int sys_poll_add(int fd, short events);
/* From dispatch(): the revents of index idx (0 for -1). */
short sys_poll_revents(int idx);

/*
 * One iteration: poll (at most timeout_ms, -1 = until the next timer or
 * event), dispatch, run timers, handle requests.  Returns false once a
 * shutdown was requested.
 */
bool sys_main_loop_wait(int timeout_ms);
/* Iterates until shutdown; returns the exit status the request asked for. */
int sys_main_loop_run(void);
void sys_main_loop_notify(void);

void sys_lock(void);
void sys_unlock(void);
/* The mutex behind sys_lock(), for condition waits (vCPU threads). */
#include <pthread.h>
pthread_mutex_t *sys_big_lock_mutex(void);

#endif
