/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The __atomic builtins with inline ARMv8.1 LSE atomics (-march=armv8.1-a); the checks are in gen-atomic-body.h.
 */
#include "gen-atomic-body.h"
