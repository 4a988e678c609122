/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Run state of the machine and the requests that change it: start/stop
 * (the vCPUs and the virtual clock), system reset, power-down (the ACPI-like
 * button: the board presses its power key) and shutdown (power-off or
 * quit).  Requests may come from any thread (a vCPU running PSCI
 * SYSTEM_OFF, a device, QMP); the main loop acts on them in
 * sys_runstate_handle_requests().
 *
 * Reset handlers (devices, the board's boot loader) are called in
 * registration order on every system reset; power-down notifiers when the
 * power button is pressed.  Events (STOP, RESUME, RESET, POWERDOWN,
 * SHUTDOWN) go to one listener, QMP, with QEMU's names and reasons.
 *
 * Entry points: sys_runstate(), sys_runstate_name(), sys_vm_start(),
 * sys_vm_stop(), sys_request_reset(), sys_request_shutdown(),
 * sys_request_powerdown(), sys_reset_register(), sys_powerdown_register(),
 * sys_system_reset().
 */
#ifndef GUISE_SYSTEM_RUNSTATE_H
#define GUISE_SYSTEM_RUNSTATE_H

#include <stdbool.h>

typedef enum SysRunState {
    SYS_RUN_PRELAUNCH,          /* created, not started yet (-S) */
    SYS_RUN_RUNNING,
    SYS_RUN_PAUSED,             /* stopped by the user (QMP stop) */
    SYS_RUN_SHUTDOWN,
} SysRunState;

/* Why a reset or shutdown was requested; QEMU's ShutdownCause names. */
typedef enum SysShutdownCause {
    SYS_CAUSE_NONE,
    SYS_CAUSE_HOST_ERROR,
    SYS_CAUSE_HOST_QMP_QUIT,
    SYS_CAUSE_HOST_QMP_SYSTEM_RESET,
    SYS_CAUSE_HOST_SIGNAL,
    SYS_CAUSE_HOST_UI,
    SYS_CAUSE_GUEST_SHUTDOWN,
    SYS_CAUSE_GUEST_RESET,
    SYS_CAUSE_GUEST_PANIC,
} SysShutdownCause;

typedef void (*SysResetFn)(void *opaque);
/* An event: name and the JSON text of its "data" member (NULL: none). */
typedef void (*SysEventFn)(const char *name, const char *data_json);

SysRunState sys_runstate(void);
/* QMP's status names: "prelaunch", "running", "paused", "shutdown". */
const char *sys_runstate_name(SysRunState s);
const char *sys_shutdown_cause_name(SysShutdownCause c);

/* Start or resume the vCPUs and the virtual clock; emits RESUME.
 * Returns 0 or the accelerator's -errno (state unchanged). */
int sys_vm_start(void);
/* Stop them (to state, PAUSED or SHUTDOWN); emits STOP when running. */
void sys_vm_stop(SysRunState state);

void sys_request_reset(SysShutdownCause cause);
void sys_request_shutdown(SysShutdownCause cause);
void sys_request_powerdown(void);
/* With -no-reboot a guest reset request becomes a shutdown. */
void sys_set_no_reboot(bool on);

/* Called by the main loop: true if a shutdown is due (exit status in *st). */
bool sys_runstate_handle_requests(int *exit_status);

void sys_reset_register(SysResetFn fn, void *opaque);
void sys_powerdown_register(SysResetFn fn, void *opaque);
/* Runs every reset handler now (machine creation and reset requests). */
void sys_system_reset(void);

void sys_event_set_listener(SysEventFn fn);
void sys_event_emit(const char *name, const char *data_json);

#endif
