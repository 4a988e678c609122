/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Guest and host signal numbers (signal.c), for the system calls that
 * hand a signal set to the host kernel or read signal numbers back from
 * it (signalfd, ppoll, pselect6, epoll_pwait).  Guest signals 1-31 are the
 * host's; guest real-time signals 32-62 are host SIGRTMIN.. (glibc keeps
 * the first host real-time signals), so a guest set is not a host set.
 */
#ifndef GUISE_SIGNAL_MAP_H
#define GUISE_SIGNAL_MAP_H

#include <stdbool.h>
#include <stdint.h>

/* A guest sigset word (bit n-1 = signal n) as the host kernel's; guest
 * signals with no host number are dropped. */
uint64_t signal_mask_to_host(uint64_t guest_mask);
/* The guest number of host signal h, 0 if it has none. */
int signal_to_guest(int h);

/* A call that takes a signal mask for its duration (ppoll, pselect6,
 * epoll_pwait): begin makes guest_mask the thread's guest mask, sets
 * *host_mask to what the host call is to apply itself, and returns the
 * old guest mask; right after the host call, end puts
 * it back, or, when the call was interrupted (-EINTR), leaves the call's
 * mask for the signal's handler to run under, its frame saving the old
 * one, as Linux does. */
uint64_t signal_syscall_mask_begin(uint64_t guest_mask, uint64_t *host_mask);
void signal_syscall_mask_end(uint64_t old, bool interrupted);

#endif
