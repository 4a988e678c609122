/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Guest memory accesses of full-system mode and the IR (ir.h's
 * IRSoftmmu, installed by softmmu_ir_init): loads and stores stay ld/st
 * ops marked IR_MO_MMU, which the x86 backend turns into an inline TLB
 * probe (softtlb.h) with softmmu_ir_ld/st below as the out-of-line slow
 * path, and the interpreter into calls of the same two.  Atomics become
 * calls of the helpers below at IR build time: they run as host atomics
 * on RAM, and as a plain read-modify-write on MMIO or across pages.  A
 * helper that raises a guest fault finds the faulting instruction from
 * the return address it is given (generated code) or the interpreter's
 * current pc.
 *
 * The helpers take desc = the access's memop (IR_MO_* with the MMU index
 * from IR_MO_IDX_SHIFT), plus IR_MO_W64 for a 64-bit value register;
 * loads return the value as the IR op defines it (zero-extended, or
 * sign-extended to the register width with IR_MO_SIGN).
 */
#include "ir.h"
#include "softmmu.h"

static unsigned desc_size(uint64_t desc)
{
    return 1u << (desc & IR_MO_SIZE);
}

static uint64_t swap(uint64_t v, uint64_t desc)
{
    switch (desc & IR_MO_SIZE) {
    case IR_MO_16: return __builtin_bswap16((uint16_t)v);
    case IR_MO_32: return __builtin_bswap32((uint32_t)v);
    case IR_MO_64: return __builtin_bswap64(v);
    default: return v;
    }
}

/* A loaded (or old) value as the IR op defines it. */
static uint64_t loaded(uint64_t v, uint64_t desc)
{
    unsigned bits = 8 * desc_size(desc);

    if (desc & IR_MO_BE)
        v = swap(v, desc);
    if ((desc & IR_MO_SIGN) && bits < 64) {
        v = (uint64_t)((int64_t)(v << (64 - bits)) >> (64 - bits));
        if (!(desc & IR_MO_W64))
            v = (uint32_t)v;
    }
    return v;
}

/* The return address of the helper's caller, inside its guest
 * instruction's code (a call may be the last thing that code does). */
#define RETADDR ((uintptr_t)__builtin_return_address(0) - 1)

static void check_align(CPUCommon *env, uint64_t addr, uint64_t desc, bool write, uintptr_t ra)
{
    if ((addr & (desc_size(desc) - 1)) && softmmu_arch->misaligned)
        softmmu_arch->misaligned(env, addr, write, ra);
}

static uint64_t softmmu_ir_ld(uint64_t envp, uint64_t addr, uint64_t desc, uint64_t ra)
{
    CPUCommon *env = (CPUCommon *)(uintptr_t)envp;
    check_align(env, addr, desc, false, ra);
    return loaded(softmmu_ld(env, addr, desc_size(desc), (unsigned)(desc >> IR_MO_IDX_SHIFT), ra),
                  desc);
}

static uint64_t softmmu_ir_st(uint64_t envp, uint64_t addr, uint64_t val, uint64_t desc,
                              uint64_t ra)
{
    CPUCommon *env = (CPUCommon *)(uintptr_t)envp;
    check_align(env, addr, desc, true, ra);
    if (desc & IR_MO_BE)
        val = swap(val, desc);
    softmmu_st(env, addr, val, desc_size(desc), (unsigned)(desc >> IR_MO_IDX_SHIFT), ra);
    return 0;
}

/* op 0 cmpxchg (a = expected, b = new), 1 xchg (a = new), 2 fetch_add. */
static uint64_t rmw(CPUCommon *env, uint64_t addr, uint64_t a, uint64_t b, uint64_t desc,
                    int op, uintptr_t ra)
{
    unsigned size = desc_size(desc), idx = (unsigned)(desc >> IR_MO_IDX_SHIFT);
    uint64_t mask = size == 8 ? ~0ull : (1ull << (8 * size)) - 1, old;
    void *p;

    if (desc & IR_MO_BE) {
        a = op == 2 ? a : swap(a, desc);
        b = swap(b, desc);
    }
    a &= mask;
    b &= mask;
    p = softmmu_rmw_ptr(env, addr, size, idx, ra);
    if (!p) {
        old = softmmu_ld(env, addr, size, idx, ra);
        uint64_t nv = op == 0 ? (old == a ? b : old) : op == 1 ? a : old + a;
        if (op != 0 || old == a)
            softmmu_st(env, addr, nv, size, idx, ra);
        return loaded(old, desc);
    }
#define RMW(T) do { \
        T *q = p, e = (T)a; \
        if (op == 0) { __atomic_compare_exchange_n(q, &e, (T)b, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); old = e; } \
        else if (op == 1) old = __atomic_exchange_n(q, (T)a, __ATOMIC_SEQ_CST); \
        else old = __atomic_fetch_add(q, (T)a, __ATOMIC_SEQ_CST); \
    } while (0)
    switch (size) {
    case 1: RMW(uint8_t); break;
    case 2: RMW(uint16_t); break;
    case 4: RMW(uint32_t); break;
    default: RMW(uint64_t); break;
    }
#undef RMW
    return loaded(old, desc);
}

static uint64_t helper_softmmu_cmpxchg(uint64_t envp, uint64_t addr, uint64_t expect,
                                       uint64_t newv, uint64_t desc)
{
    return rmw((CPUCommon *)(uintptr_t)envp, addr, expect, newv, desc, 0, RETADDR);
}

static uint64_t helper_softmmu_xchg(uint64_t envp, uint64_t addr, uint64_t newv, uint64_t desc)
{
    return rmw((CPUCommon *)(uintptr_t)envp, addr, newv, 0, desc, 1, RETADDR);
}

static uint64_t helper_softmmu_fetch_add(uint64_t envp, uint64_t addr, uint64_t v, uint64_t desc)
{
    return rmw((CPUCommon *)(uintptr_t)envp, addr, v, 0, desc, 2, RETADDR);
}

/* They read the guest registers (a fault needs them in the CPU state) but
 * write none: a fault leaves through the dispatcher. */
static IRHelper helper_desc_softmmu_cmpxchg = { (void *)helper_softmmu_cmpxchg,
                                                "softmmu_cmpxchg", 5, IR_HELPER_READ_GLOBALS, 0 };
static IRHelper helper_desc_softmmu_xchg = { (void *)helper_softmmu_xchg, "softmmu_xchg", 4,
                                             IR_HELPER_READ_GLOBALS, 0 };
static IRHelper helper_desc_softmmu_fetch_add = { (void *)helper_softmmu_fetch_add,
                                                  "softmmu_fetch_add", 4, IR_HELPER_READ_GLOBALS, 0 };

static void softmmu_ir_access(IRBlock *b, IROpcode op, IRType t, IRTemp d, IRTemp addr,
                              IRTemp v1, IRTemp v2, unsigned mo)
{
    uint64_t desc = ir_mo_mmu(b, mo) | (t == IR_I64 ? IR_MO_W64 : 0);
    IRTemp dt = ir_const(b, IR_I64, desc);
    IRTemp r = d;

    /* Helpers return 64-bit values; a 32-bit destination takes the low
     * half (the helper already made it what the op defines). */
    if (d != IR_NONE && t != IR_I64)
        r = ir_new_temp(b, IR_I64);
    switch (op) {
    case IR_OP_cmpxchg:
        ir_call(b, &helper_desc_softmmu_cmpxchg, r, IR_ENV, addr, v1, v2, dt);
        break;
    case IR_OP_xchg:
        ir_call(b, &helper_desc_softmmu_xchg, r, IR_ENV, addr, v1, dt, IR_NONE);
        break;
    default:
        ir_call(b, &helper_desc_softmmu_fetch_add, r, IR_ENV, addr, v1, dt, IR_NONE);
        break;
    }
    if (r != d)
        ir_trunc(b, d, r);
}

static IRSoftmmu softmmu_ir = {
    .access = softmmu_ir_access,
    .ld = softmmu_ir_ld,
    .st = softmmu_ir_st,
};

void softmmu_ir_init(int32_t tlb_off, unsigned page_bits, unsigned tlb_bits)
{
    softmmu_ir.tlb_off = tlb_off;
    softmmu_ir.page_bits = page_bits;
    softmmu_ir.tlb_bits = tlb_bits;
    ir_softmmu = &softmmu_ir;
}
