/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Run state, reset/power-down/shutdown requests, reset handlers and the
 * event listener (see runstate.h).  Requests are flags set from any thread
 * and handled by the main loop under the big lock.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include "system/accel.h"
#include "system/machine.h"
#include "system/mainloop.h"
#include "system/runstate.h"
#include "system/timer.h"
#include "util/log.h"

/* The machine whose vCPUs start and stop; set by main. */
SysMachine *sys_current_machine;

static SysRunState state = SYS_RUN_PRELAUNCH;
static _Atomic int reset_req, shutdown_req, powerdown_req;
static bool no_reboot;
static SysEventFn listener;

typedef struct { SysResetFn fn; void *opaque; } Handler;
static Handler *resets, powerdowns[8];
static int nresets, npowerdowns;

static const char *const state_names[] = {
    [SYS_RUN_PRELAUNCH] = "prelaunch",
    [SYS_RUN_RUNNING] = "running",
    [SYS_RUN_PAUSED] = "paused",
    [SYS_RUN_SHUTDOWN] = "shutdown",
};

static const char *const cause_names[] = {
    [SYS_CAUSE_NONE] = "none",
    [SYS_CAUSE_HOST_ERROR] = "host-error",
    [SYS_CAUSE_HOST_QMP_QUIT] = "host-qmp-quit",
    [SYS_CAUSE_HOST_QMP_SYSTEM_RESET] = "host-qmp-system-reset",
    [SYS_CAUSE_HOST_SIGNAL] = "host-signal",
    [SYS_CAUSE_HOST_UI] = "host-ui",
    [SYS_CAUSE_GUEST_SHUTDOWN] = "guest-shutdown",
    [SYS_CAUSE_GUEST_RESET] = "guest-reset",
    [SYS_CAUSE_GUEST_PANIC] = "guest-panic",
};

SysRunState sys_runstate(void) { return state; }
const char *sys_runstate_name(SysRunState s) { return state_names[s]; }
const char *sys_shutdown_cause_name(SysShutdownCause c) { return cause_names[c]; }

void sys_event_set_listener(SysEventFn fn) { listener = fn; }

void sys_event_emit(const char *name, const char *data_json)
{
    if (listener)
        listener(name, data_json);
}

int sys_vm_start(void)
{
    SysMachine *m = sys_current_machine;

    if (state == SYS_RUN_RUNNING)
        return 0;
    if (!m || !m->accel || !m->vcpus)
        return -ENOSYS;
    sys_clock_virtual_start();
    sys_vcpus_resume_all(m);
    state = SYS_RUN_RUNNING;
    sys_event_emit("RESUME", NULL);
    return 0;
}

void sys_vm_stop(SysRunState to)
{
    SysMachine *m = sys_current_machine;
    bool was_running = state == SYS_RUN_RUNNING;

    if (m && m->vcpus)
        sys_vcpus_pause_all(m);
    sys_clock_virtual_stop();
    if (state != SYS_RUN_SHUTDOWN)
        state = to;
    if (was_running)
        sys_event_emit("STOP", NULL);
}

void sys_set_no_reboot(bool on) { no_reboot = on; }

void sys_request_reset(SysShutdownCause cause)
{
    if (no_reboot && cause == SYS_CAUSE_GUEST_RESET)
        shutdown_req = cause;
    else
        reset_req = cause;
    sys_main_loop_notify();
}

void sys_request_shutdown(SysShutdownCause cause)
{
    shutdown_req = cause;
    sys_main_loop_notify();
}

void sys_request_powerdown(void)
{
    powerdown_req = 1;
    sys_main_loop_notify();
}

void sys_reset_register(SysResetFn fn, void *opaque)
{
    Handler *v = realloc(resets, sizeof(*v) * (size_t)(nresets + 1));
    BUG_ON(!v);             /* a few dozen at machine creation */
    resets = v;
    resets[nresets++] = (Handler){ fn, opaque };
}

void sys_powerdown_register(SysResetFn fn, void *opaque)
{
    if (npowerdowns < (int)(sizeof(powerdowns) / sizeof(powerdowns[0])))
        powerdowns[npowerdowns++] = (Handler){ fn, opaque };
}

void sys_system_reset(void)
{
    for (int i = 0; i < nresets; i++)
        resets[i].fn(resets[i].opaque);
}

/* {"guest": bool, "reason": "..."} as QEMU's RESET and SHUTDOWN carry. */
static void emit_with_cause(const char *name, int cause)
{
    char data[96];
    bool guest = cause >= SYS_CAUSE_GUEST_SHUTDOWN;
    snprintf(data, sizeof(data), "{\"guest\": %s, \"reason\": \"%s\"}",
             guest ? "true" : "false", cause_names[cause]);
    sys_event_emit(name, data);
}

bool sys_runstate_handle_requests(int *exit_status)
{
    int c;

    if ((c = atomic_exchange(&shutdown_req, 0))) {
        emit_with_cause("SHUTDOWN", c);
        sys_vm_stop(SYS_RUN_SHUTDOWN);
        state = SYS_RUN_SHUTDOWN;
        *exit_status = c == SYS_CAUSE_HOST_ERROR ? 1 : 0;
        return true;
    }
    if ((c = atomic_exchange(&reset_req, 0))) {
        SysRunState before = state;
        if (before == SYS_RUN_RUNNING && sys_current_machine && sys_current_machine->vcpus)
            sys_vcpus_pause_all(sys_current_machine);
        sys_system_reset();
        emit_with_cause("RESET", c);
        if (before == SYS_RUN_RUNNING && sys_current_machine && sys_current_machine->vcpus)
            sys_vcpus_resume_all(sys_current_machine);
    }
    if (atomic_exchange(&powerdown_req, 0)) {
        sys_event_emit("POWERDOWN", NULL);
        for (int i = 0; i < npowerdowns; i++)
            powerdowns[i].fn(powerdowns[i].opaque);
    }
    return false;
}
