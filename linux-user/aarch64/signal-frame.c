/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The arm64 Linux signal frame: what signal.c's delivery writes on the guest
 * stack before running a handler, and what rt_sigreturn reads back.
 *
 * Layout (arch/arm64 uapi asm/sigcontext.h, asm/ucontext.h; kernel
 * arch/arm64/kernel/signal.c), from the new sp upwards:
 *   struct rt_sigframe { siginfo (128 bytes); ucontext }, where ucontext is
 *   uc_flags, uc_link, uc_stack (stack_t), uc_sigmask (8 bytes) padded to a
 *   128-byte sigset area, then the 16-aligned sigcontext: fault_address,
 *   regs[31], sp, pc, pstate, __reserved[4096] holding context records
 *   ({ magic, size } headers): an fpsimd_context (magic 0x46508001, 528
 *   bytes: fpsr, fpcr, 32 128-bit V registers) and a null terminator;
 *   above the frame, 16-aligned, a frame record { fp, lr } so a debugger
 *   can unwind through the handler.
 * The handler gets x0 = signal, x1 = &info and x2 = &uc (SA_SIGINFO),
 * x29 = the frame record, x30 = the return trampoline: sa_restorer with
 * SA_RESTORER, else a guise page holding "mov x8, #139; svc #0"
 * (rt_sigreturn), the job the vDSO's sigreturn does on Linux.
 *
 * Entry points (user.h): target_get_sp, target_setup_frame,
 * target_restore_frame.
 */
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include "linux-user/user.h"
#include "translate/aarch64/cpu.h"
#include "translate/aarch64/pauth.h"

typedef struct A64SigContext {
    uint64_t fault_address;
    uint64_t regs[31];
    uint64_t sp, pc, pstate;
    _Alignas(16) uint8_t reserved[4096];
} A64SigContext;

typedef struct A64UContext {
    uint64_t uc_flags;
    uint64_t uc_link;
    GuestStack uc_stack;
    uint64_t uc_sigmask;
    uint8_t sigset_pad[128 - sizeof(uint64_t)];   /* room for a 1024-bit sigset */
    _Alignas(16) A64SigContext uc_mcontext;
} A64UContext;

typedef struct A64RtSigframe {
    uint8_t info[GUEST_SIGINFO_SIZE];
    A64UContext uc;
} A64RtSigframe;

typedef struct A64CtxHead {
    uint32_t magic, size;
} A64CtxHead;

typedef struct A64FpsimdContext {
    A64CtxHead head;
    uint32_t fpsr, fpcr;
    uint64_t vregs[32][2];
} A64FpsimdContext;

#define G_SA_SIGINFO  0x00000004u
#define G_SA_RESTORER 0x04000000u
#define FPSIMD_MAGIC 0x46508001u
#define ESR_MAGIC    0x45535201u
#define ESR_SIZE     16u

_Static_assert(sizeof(GuestStack) == 24, "stack_t is 24 bytes");
_Static_assert(offsetof(A64RtSigframe, uc.uc_mcontext) == 304, "sigcontext at 304");
_Static_assert(offsetof(A64RtSigframe, uc.uc_mcontext.reserved) == 592, "__reserved at 592");
_Static_assert(sizeof(A64RtSigframe) == 4688, "rt_sigframe is 4688 bytes");
_Static_assert(sizeof(A64FpsimdContext) == 528, "fpsimd_context is 528 bytes");

/* PSTATE bits a frame may not set: mode (EL0t, AArch64 only) and DAIF. */
#define PSTATE_MODE_MASK 0x1full
#define PSTATE_DAIF_MASK 0x3c0ull

guest_addr target_get_sp(void *cpu_env)
{
    return ((CPUArm64State *)cpu_env)->x[31];
}

/* ---- the return trampoline ---- */

static guest_addr sigtramp;
static pthread_once_t sigtramp_once = PTHREAD_ONCE_INIT;

static void sigtramp_init(void)
{
    static const uint32_t code[] = {
        0xd2801168,   /* mov x8, #139 (rt_sigreturn) */
        0xd4000001,   /* svc #0 */
    };
    guest_long a = target_mmap(0, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (a < 0)
        return;
    memcpy(g2h((guest_addr)a), code, sizeof(code));
    target_mprotect((guest_addr)a, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC);
    mmap_set_name((guest_addr)a, GUEST_PAGE_SIZE, "[sigpage]");
    sigtramp = (guest_addr)a;
}

/* ---- building the frame ---- */

static void save_fpsimd(const CPUArm64State *env, uint8_t *reserved)
{
    A64FpsimdContext fp = {
        .head = { FPSIMD_MAGIC, sizeof(A64FpsimdContext) },
        .fpsr = env->fpsr,
        .fpcr = env->fpcr,
    };
    memcpy(fp.vregs, env->v, sizeof(fp.vregs));
    memcpy(reserved, &fp, sizeof(fp));
    /* The terminator record after it is already zero. */
}

/* fault_address: the faulting address for a memory fault, else 0. */
static uint64_t frame_fault_address(int sig, const uint8_t *info)
{
    int32_t code;
    uint64_t addr;

    memcpy(&code, info + 8, sizeof(code));
    if ((sig != SIGSEGV && sig != SIGBUS) || code <= 0)   /* not from a fault */
        return 0;
    memcpy(&addr, info + 16, sizeof(addr));
    return addr;
}

bool target_setup_frame(void *cpu_env, int sig, const GuestSigaction *ka,
                        const uint8_t info[GUEST_SIGINFO_SIZE], guest_addr sp,
                        const GuestStack *uc_stack, uint64_t blocked)
{
    CPUArm64State *env = cpu_env;
    static __thread A64RtSigframe f;   /* 4.6 KiB: kept off the host stack */
    guest_addr record = (sp - 16) & ~(guest_addr)15;
    guest_addr frame = record - sizeof(A64RtSigframe);
    uint64_t fp_lr[2] = { env->x[29], env->x[30] };
    guest_addr restorer = ka->restorer;

    if (!(ka->flags & G_SA_RESTORER)) {
        pthread_once(&sigtramp_once, sigtramp_init);
        restorer = sigtramp;
    }
    if (sp < sizeof(A64RtSigframe) + 32 || !restorer ||
        !guest_prepare_write(frame, record + 16 - frame))
        return false;

    memset(&f, 0, sizeof(f));
    if (ka->flags & G_SA_SIGINFO)
        memcpy(f.info, info, GUEST_SIGINFO_SIZE);
    f.uc.uc_stack = *uc_stack;
    f.uc.uc_stack.pad = 0;
    f.uc.uc_sigmask = blocked;
    f.uc.uc_mcontext.fault_address = frame_fault_address(sig, info);
    memcpy(f.uc.uc_mcontext.regs, env->x, sizeof(f.uc.uc_mcontext.regs));
    f.uc.uc_mcontext.sp = env->x[31];
    f.uc.uc_mcontext.pc = env->common.pc;
    f.uc.uc_mcontext.pstate = a64_get_nzcv(env) | (uint64_t)env->btype << A64_PSTATE_BTYPE_SHIFT;
    save_fpsimd(env, f.uc.uc_mcontext.reserved);
    memcpy(g2h(frame), &f, sizeof(f));
    memcpy(g2h(record), fp_lr, sizeof(fp_lr));

    env->x[0] = (uint64_t)sig;
    if (ka->flags & G_SA_SIGINFO) {
        env->x[1] = frame + offsetof(A64RtSigframe, info);
        env->x[2] = frame + offsetof(A64RtSigframe, uc);
    }
    env->x[29] = record;
    env->x[30] = restorer;
    env->x[31] = frame;
    env->common.pc = ka->handler;
    env->excl_addr = (uint64_t)-1;   /* an exception clears the exclusive monitor */
    /* As Linux's setup_return with BTI: the handler is entered as if by a
     * BLR, so on a guarded page it must start with a landing pad.  (Until
     * the guest has a guarded page BTYPE is not tracked, and stays 0.) */
    env->btype = A64_HAS(env, A64_FEAT_BTI) && guest_guarded_pages ? A64_BTYPE_C : 0;
    return true;
}

/* ---- rt_sigreturn ---- */

/* Walk the context records; false unless they are well formed and hold
 * exactly one fpsimd_context (whose position is returned). */
static bool parse_records(const uint8_t *reserved, const A64FpsimdContext **fpsimd)
{
    size_t off = 0;

    *fpsimd = NULL;
    for (;;) {
        A64CtxHead h;
        if (off + sizeof(h) > sizeof(((A64SigContext *)0)->reserved))
            return false;
        memcpy(&h, reserved + off, sizeof(h));
        if (h.magic == 0)
            return h.size == 0 && *fpsimd != NULL;
        if (h.size < sizeof(h) || (h.size & 15) ||
            h.size > sizeof(((A64SigContext *)0)->reserved) - off)
            return false;
        if (h.magic == FPSIMD_MAGIC) {
            if (*fpsimd || h.size != sizeof(A64FpsimdContext))
                return false;
            *fpsimd = (const A64FpsimdContext *)(reserved + off);
        } else if (h.magic != ESR_MAGIC || h.size != ESR_SIZE) {
            return false;       /* SVE, extra_context...: never generated here */
        }
        off += h.size;
    }
}

bool target_restore_frame(void *cpu_env, uint64_t *blocked, GuestStack *uc_stack)
{
    CPUArm64State *env = cpu_env;
    static __thread A64RtSigframe f;
    guest_addr frame = env->x[31];
    const A64SigContext *sc = &f.uc.uc_mcontext;
    const A64FpsimdContext *fpp;
    A64FpsimdContext fp;

    if ((frame & 15) || !guest_range_ok(frame, sizeof(f), PAGE_READ))
        return false;
    memcpy(&f, g2h(frame), sizeof(f));
    if ((sc->pstate & (PSTATE_MODE_MASK | PSTATE_DAIF_MASK)) ||
        !parse_records(sc->reserved, &fpp))
        return false;
    memcpy(&fp, fpp, sizeof(fp));

    memcpy(env->x, sc->regs, sizeof(sc->regs));
    env->x[31] = sc->sp;
    env->common.pc = sc->pc;
    a64_set_nzcv(env, (uint32_t)sc->pstate);
    env->btype = A64_HAS(env, A64_FEAT_BTI) && guest_guarded_pages ?
                 (uint32_t)(sc->pstate >> A64_PSTATE_BTYPE_SHIFT) & 3 : 0;
    env->fpsr = fp.fpsr;
    env->fpcr = fp.fpcr;
    memcpy(env->v, fp.vregs, sizeof(fp.vregs));
    env->excl_addr = (uint64_t)-1;
    *blocked = f.uc.uc_sigmask;
    *uc_stack = f.uc.uc_stack;
    return true;
}
