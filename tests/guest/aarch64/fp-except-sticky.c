/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp-except.c with FPSR.IXC set before every operation (fp-common.h's
 * FP_STICKY): the state in which guise computes S and D arithmetic on the
 * host FPU, with the Arm-specific cases (NaNs, denormals, tininess,
 * overflow, other rounding modes, FZ) left to the exact helpers.
 */
#define FP_STICKY 1
#include "fp-except.c"
