/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Clocks and timers of the system emulator (implemented in mainloop.c).
 *
 * SYS_CLOCK_VIRTUAL is the guest's time (QEMU_CLOCK_VIRTUAL): nanoseconds
 * that advance with the host's monotonic clock while the machine runs and
 * stand still while it is stopped (-S, QMP stop), so device timers and the
 * generic timer see no jump across a pause.  SYS_CLOCK_REALTIME is the
 * host's monotonic clock (always runs: UI and QMP time-outs);
 * SYS_CLOCK_HOST the host's wall clock (the RTC's epoch).
 *
 * A SysTimer calls cb(opaque) from the main loop once its clock reaches
 * the expiry.  Timers are changed and fired under the big lock; a vCPU
 * thread that arms one kicks the main loop (sys_main_loop_notify()) so the
 * poll time-out is recomputed.
 *
 * Entry points: sys_clock_ns(), sys_clock_virtual_stop/start(),
 * sys_timer_init(), sys_timer_mod(), sys_timer_del(), sys_timers_run(),
 * sys_timers_deadline_ns().
 */
#ifndef GUISE_SYSTEM_TIMER_H
#define GUISE_SYSTEM_TIMER_H

#include <stdbool.h>
#include <stdint.h>

typedef enum SysClockType {
    SYS_CLOCK_VIRTUAL,
    SYS_CLOCK_REALTIME,
    SYS_CLOCK_HOST,
    SYS_CLOCK_COUNT,
} SysClockType;

typedef void (*SysTimerCb)(void *opaque);

typedef struct SysTimer {
    SysClockType clock;
    int64_t expire;             /* ns on clock; valid while armed */
    bool armed;
    SysTimerCb cb;
    void *opaque;
    struct SysTimer *next;      /* armed list, sorted by expiry */
} SysTimer;

int64_t sys_clock_ns(SysClockType clock);
/* Freeze / resume the virtual clock (idempotent). */
void sys_clock_virtual_stop(void);
void sys_clock_virtual_start(void);
bool sys_clock_virtual_running(void);

void sys_timer_init(SysTimer *t, SysClockType clock, SysTimerCb cb, void *opaque);
/* (Re)arms t to fire when its clock reaches expire_ns. */
void sys_timer_mod(SysTimer *t, int64_t expire_ns);
void sys_timer_del(SysTimer *t);
static inline bool sys_timer_pending(const SysTimer *t) { return t->armed; }

/* Fires every expired timer; returns how many fired. */
int sys_timers_run(void);
/* ns until the next expiry over all clocks (virtual only while running);
 * -1 when nothing is armed. */
int64_t sys_timers_deadline_ns(void);

#endif
