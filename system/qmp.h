/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QMP, the machine's JSON control protocol, as QEMU speaks it: the greeting
 * {"QMP": {"version": ..., "capabilities": ["oob"]}}, capabilities
 * negotiation, then commands {"execute": NAME, "arguments": {...}, "id": X}
 * answered {"return": ...} or {"error": {"class", "desc"}} with the id
 * echoed, and events {"timestamp": ..., "event": NAME[, "data"]} sent to
 * every negotiated client.
 *
 * Commands: qmp_capabilities, query-status, query-cpus-fast, query-block,
 * stop, cont, system_reset, system_powerdown, quit (plus query-version and
 * query-commands).  The server is a frontend of a character backend (the
 * -qmp socket).
 *
 * Entry points: sys_qmp_init(), sys_qmp_input() (a test feeds bytes and
 * gets the replies through the backend).
 */
#ifndef GUISE_SYSTEM_QMP_H
#define GUISE_SYSTEM_QMP_H

#include <stddef.h>
#include "system/chardev.h"
#include "system/machine.h"

/* Serves QMP on chr for machine m; 0 or -errno. */
int sys_qmp_init(SysChardev *chr, SysMachine *m);

#endif
