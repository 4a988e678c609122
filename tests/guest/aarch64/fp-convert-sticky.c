/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp-convert.c with FPSR.IXC set before every conversion (fp-common.h's
 * FP_STICKY): the state in which guise converts S and D to and from
 * integers on the host (FCVTZS, FCVTZU, SCVTF, UCVTF: translate/x86_64/
 * lower-fp.c), with NaN, out-of-range values, FZ and other rounding
 * modes left to the exact helpers.
 */
#define FP_STICKY 1
#include "fp-convert.c"
