/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pointer authentication (FEAT_PAuth, PAuth2, FPAC, FPACCombine) and branch
 * target identification (FEAT_BTI) for the aarch64 frontend.
 *
 * What guise implements is what Linux gives EL0 on a CPU with these
 * features: TCR_EL1.TBI0 = 1 and TBID0 = 0, so user data and instruction
 * pointers alike keep their top byte and carry the PAC in bits 54:48
 * (48-bit VAs, bit 55 selects the half; in the upper half TBI1 = TBID1 =
 * 1, so there instruction PACs also take bits 63:56); SCTLR_EL1.EnIA/EnIB/
 * EnDA/EnDB per thread (PR_PAC_SET_ENABLED_KEYS); SCTLR_EL1.BT0 = 1
 * (PACIASP/PACIBSP are not landing pads for BTYPE 11).  With PAuth2 the
 * PAC is XORed into the
 * pointer, and with FPAC a failed authentication traps (SIGILL ILL_ILLOPN at
 * the instruction, as Linux's do_el0_fpac) instead of corrupting the pointer;
 * FPACCombine extends that to RETAA, BRAA, LDRAA and friends.
 *
 * ComputePAC is QARMA5 (a64_pac_qarma5, a C helper) or guise's cheap
 * IMPLEMENTATION DEFINED hash (a64_pac_impdef, emitted inline), chosen by
 * the model's A64_FEAT_PAUTH_QARMA5 / A64_FEAT_PAUTH_IMPDEF bit.
 *
 * BTI: a block whose first instruction lies on a guarded page checks
 * PSTATE.BTYPE (env->btype) against that instruction, and every block
 * clears it; indirect branches set it.  None of this is emitted until the
 * guest has a guarded page (guest_guarded_pages), so programs without BTI
 * pay nothing.
 */
#ifndef GUISE_A64_PAUTH_H
#define GUISE_A64_PAUTH_H

#include <stdbool.h>
#include <stdint.h>

/* Key indexes of env->pac_keys (bit i = Linux's PR_PAC_*KEY). */
enum { A64_KEY_IA, A64_KEY_IB, A64_KEY_DA, A64_KEY_DB, A64_KEY_GA, A64_NKEYS };
#define A64_PAC_ADDR_KEYS 0xfu   /* PR_PAC_APIAKEY | APIB | APDA | APDB */

/* ComputePAC(data, modifier, key0 = K<127:64>, key1 = K<63:0>) (qarma.c;
 * _ref is the step-by-step reference the fast version is tested against). */
uint64_t a64_pac_qarma5(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1);
uint64_t a64_pac_qarma5_ref(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1);
uint64_t a64_pac_impdef(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1);
#define A64_PAC_IMPDEF_MUL1 0x9e3779b97f4a7c15ull
#define A64_PAC_IMPDEF_MUL2 0xd6e8feb86659fd93ull
#define A64_PAC_IMPDEF_MUL3 0xbf58476d1ce4e5b9ull

/* The PAC field of a user pointer: bits 54:48. */
#define A64_PAC_LO 48
#define A64_PAC_BITS 7

/* BTYPE values set by indirect branches (Arm ARM D8.4 "BTI"). */
enum { A64_BTYPE_NONE, A64_BTYPE_JC, A64_BTYPE_C, A64_BTYPE_J };

/* Supplied by the OS layer (linux-user/mmap.c; stubs in tests): whether
 * the page holding addr is guarded (mapped with PROT_BTI), and whether any
 * page ever was (the OS layer flushes the code cache when this turns true,
 * since blocks made before carry no BTYPE bookkeeping). */
bool guest_page_guarded(uint64_t addr);
extern bool guest_guarded_pages;

/* Give the keys in the PR_PAC_*KEY mask keys fresh random values, as
 * Linux does at exec and on PR_PAC_RESET_KEYS (helper-pauth.c). */
struct CPUArm64State;
void a64_pauth_reset_keys(struct CPUArm64State *env, unsigned keys);
/* BTI's rules, for the translator (pauth.c) and for code that runs the
 * instructions (cold.c): is BTI at work for env's program; the BTYPE a BR
 * (link false) or BLR at pc through Xrn sets (Arm ARM C6.2 "BR", "BLR");
 * the BTYPEs (bit n = BTYPE n) insn accepts as the first instruction after
 * such a branch on a guarded page. */
bool a64_bti_on(const struct CPUArm64State *env);
unsigned a64_bti_branch_type(bool link, unsigned rn, uint64_t pc);
unsigned a64_bti_accepts(uint32_t insn);

#ifdef GUISE_A64_TRANSLATE_H
/* IR for the PAC operations, used by sys.c (hints), int.c (data-processing
 * forms), branch.c (RETAA, BRAA...) and ldst.c (LDRAA).  key is A64_KEY_*.
 * gen_pac_add returns AddPAC(ptr, mod), ptr itself if the key is disabled;
 * gen_pac_auth returns the authenticated pointer, or raises EXCP_A64_FPAC
 * at s->pc on failure; gen_pac_strip is XPAC; gen_pacga is PACGA's result. */
IRTemp gen_pac_add(DisasContext *s, IRTemp ptr, IRTemp mod, unsigned key);
IRTemp gen_pac_auth(DisasContext *s, IRTemp ptr, IRTemp mod, unsigned key);
IRTemp gen_pac_strip(DisasContext *s, IRTemp ptr, bool insn);
IRTemp gen_pacga(DisasContext *s, IRTemp x, IRTemp mod);

/* BTI: set BTYPE before an indirect branch (BR-like: rn decides J or JC;
 * BLR-like: C); and the landing-pad check a block's first instruction
 * (s->insn at s->pc) gets (translate.c). */
void gen_bti_branch(DisasContext *s, bool link, unsigned rn);
void gen_bti_entry(DisasContext *s);
#endif

#endif
