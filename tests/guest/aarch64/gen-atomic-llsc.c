/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The __atomic builtins with inline load/store exclusive loops (-mno-outline-atomics); the checks are in gen-atomic-body.h.
 */
#include "gen-atomic-body.h"
