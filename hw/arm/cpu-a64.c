/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The tcg accelerator of the aarch64 virt board: each vCPU is an
 * A64SysCpu (translate/aarch64/cpu-system.h) run by the translator's
 * dispatcher on its own thread, wired to the board: RAM and MMIO through
 * the address space, the GIC's IRQ/FIQ outputs as its interrupt lines and
 * its system-register CPU interface (GICv3), the generic timers as PPIs 30
 * and 27 driven by a virtual-clock timer, PSCI through the board's
 * firmware, TLB maintenance broadcast to the other vCPUs, and the code
 * pages of RAM (a write to one invalidates its translated blocks).
 *
 * vcpu_run runs without the big lock; every hook into device state takes
 * it.  A kick (stop request, interrupt) sets the CPU's exit_request, which
 * the dispatcher sees at the next block.
 *
 * Also here: the OS-layer hooks of translate/exec.h for this program
 * (code fetch through the current vCPU's MMU, code-page watching).
 */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include "hw/arm/psci.h"
#include "hw/arm/virt.h"
#include "system/accel.h"
#include "system/mainloop.h"
#include "system/memory.h"
#include "system/timer.h"
#include "translate/aarch64/cpu-system.h"
#include "translate/aarch64/pauth.h"
#include "translate/translator.h"
#include "util/log.h"

typedef struct A64Vcpu {
    A64SysCpu cpu;                     /* first: the CPUCommon is at offset 0 */
    SysVcpu *vcpu;
    SysMachine *m;
    Gic *gic;
    SysIrq lines[2];                   /* inputs from the GIC: IRQ, FIQ */
    volatile int irq, fiq;
    /* TLBI ...IS from other vCPUs, done before this one's next block:
     * the pages (or everything), under flush_lock; flush_pending says
     * there are some. */
    pthread_mutex_t flush_lock;
    uint64_t flush_va[16];
    unsigned nflush_va;
    bool flush_everything;
    int flush_pending;
    int in_guest;                      /* inside cpu_exec (see tlb_flush) */
    bool power_off, halt;              /* set by PSCI for the loop */
    SysTimer timer;
} A64Vcpu;

static SysMachine *machine;
static uint8_t *code_pages;            /* one byte per RAM page: holds translated code */
static uint64_t ram_pages;
static __thread A64Vcpu *this_vcpu;

static A64Vcpu *vc_of(SysVcpu *v) { return v->accel_state; }

/* ---- memory ---- */

static void *ram_ptr(void *opaque, uint64_t pa_page)
{
    (void)opaque;
    return sys_as_ram_ptr(&machine->as, pa_page, 4096);
}

/* A translation table descriptor: an aligned word of RAM, or NULL. */
static uint64_t *ram_word(uint64_t pa)
{
    return (pa & 7) ? NULL : sys_as_ram_ptr(&machine->as, pa, 8);
}

static bool rd64(void *opaque, uint64_t pa, uint64_t *v)
{
    uint64_t *p = ram_word(pa);
    (void)opaque;
    if (!p)
        return false;
    *v = __atomic_load_n(p, __ATOMIC_ACQUIRE);
    return true;
}

static bool cas64(void *opaque, uint64_t pa, uint64_t old, uint64_t v)
{
    uint64_t *p = ram_word(pa);
    (void)opaque;
    return p && __atomic_compare_exchange_n(p, &old, v, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

static bool io_read(void *opaque, uint64_t pa, unsigned size, uint64_t *val)
{
    A64Vcpu *vc = opaque;
    sys_lock();
    SysMemResult r = sys_as_read(&machine->as, pa, size, val, SYS_ATTRS_CPU(vc->vcpu->index));
    sys_unlock();
    return r == SYS_MEM_OK;
}

static bool io_write(void *opaque, uint64_t pa, unsigned size, uint64_t val)
{
    A64Vcpu *vc = opaque;
    sys_lock();
    SysMemResult r = sys_as_write(&machine->as, pa, size, val, SYS_ATTRS_CPU(vc->vcpu->index));
    sys_unlock();
    return r == SYS_MEM_OK;
}

/* The RAM page index of pa, or -1. */
static int64_t ram_page(uint64_t pa)
{
    uint64_t p = (pa - VIRT_MEM) >> 12;
    return pa >= VIRT_MEM && p < ram_pages ? (int64_t)p : -1;
}

static bool code_page(void *opaque, uint64_t pa_page)
{
    int64_t p = ram_page(pa_page);
    (void)opaque;
    return p >= 0 && __atomic_load_n(&code_pages[p], __ATOMIC_ACQUIRE);
}

static void set_notdirty_all(uint64_t pa_page, bool on)
{
    for (unsigned i = 0; i < machine->smp; i++) {
        A64Vcpu *vc = vc_of(&machine->vcpus[i]);
        if (vc)
            softtlb_set_notdirty(&vc->cpu.tlb, pa_page, on);
    }
}

static void code_written(void *opaque, uint64_t pa_page)
{
    int64_t p = ram_page(pa_page);
    (void)opaque;
    if (p >= 0)
        __atomic_store_n(&code_pages[p], 0, __ATOMIC_RELEASE);
    tb_invalidate_range(pa_page, pa_page + 4096);
    set_notdirty_all(pa_page, false);
}

/* ---- translate/exec.h's OS-layer hooks for this program ---- */

const void *guest_code_ptr(uint64_t addr)
{
    uint64_t pa;

    return this_vcpu ? a64_sys_code_ptr(&this_vcpu->cpu, addr, &pa) : NULL;
}

bool guest_code_fetchable(uint64_t addr, size_t len)
{
    (void)len;                         /* blocks never cross a page */
    return guest_code_ptr(addr) != NULL;
}

bool guest_code_writable(uint64_t addr)
{
    (void)addr;
    return true;                       /* RAM; and nzcv-live is user mode's */
}

void guest_code_page_watch(uint64_t pa)
{
    int64_t p = ram_page(pa);

    if (p < 0 || __atomic_exchange_n(&code_pages[p], 1, __ATOMIC_ACQ_REL))
        return;
    set_notdirty_all(pa & ~4095ull, true);
}

/* translate/aarch64/pauth.h: BTI guarded pages are user mode's; the
 * system view has no BTI (cpu-system.c fill_ids: ID_AA64PFR1.BT 0). */
bool guest_guarded_pages;

bool guest_page_guarded(uint64_t addr)
{
    (void)addr;
    return false;
}

/* ---- interrupts, timers, TLB maintenance, PSCI ---- */

static void line_in(void *opaque, int n, int level)
{
    A64Vcpu *vc = opaque;

    if (n == 0)
        vc->irq = level;
    else
        vc->fiq = level;
    if (level) {
        vc->cpu.env.common.exit_request = 1;
        sys_vcpu_wake(vc->vcpu);
    }
}

static uint64_t pending(void *opaque)
{
    A64Vcpu *vc = opaque;
    return (vc->irq ? (1u << 7) : 0) | (vc->fiq ? (1u << 6) : 0);
}

static uint64_t counter(void *opaque)
{
    (void)opaque;
    return (uint64_t)sys_clock_ns(SYS_CLOCK_VIRTUAL);   /* CNTFRQ is 1 GHz */
}

/* The timers' lines and the next expiry (big lock held). */
static void timer_update(A64Vcpu *vc)
{
    unsigned i = vc->vcpu->index;
    bool line[2];
    /* Lines and deadline from one reading of the count: with two, a
     * compare value passed in between left the line low and no deadline
     * set, and the guest waited forever (about one boot in a hundred). */
    uint64_t next = a64_timer_state(&vc->cpu.sys, line);

    sys_irq_set(gic_ppi(vc->gic, i, 30), line[0]);
    sys_irq_set(gic_ppi(vc->gic, i, 27), line[1]);
    if (next == UINT64_MAX)
        sys_timer_del(&vc->timer);
    else
        sys_timer_mod(&vc->timer, (int64_t)(next > INT64_MAX ? INT64_MAX : next));
}

static void timer_fire(void *opaque)
{
    timer_update(opaque);
}

static void timer_changed(void *opaque)
{
    sys_lock();
    timer_update(opaque);
    sys_unlock();
    sys_main_loop_notify();
}

static bool gic_sysreg(void *opaque, uint32_t key, bool write, uint64_t *val)
{
    A64Vcpu *vc = opaque;
    bool ok;

    if (vc->gic->version != 3)
        return false;
    sys_lock();
    ok = gicv3_sysreg_access(vc->gic, vc->vcpu->index, key, write, val);
    sys_unlock();
    return ok;
}

/* Performs the broadcast flushes other vCPUs asked of vc, if any. */
static void drain_flushes(A64Vcpu *vc)
{
    uint64_t va[16];
    unsigned n;
    bool all;

    if (!__atomic_exchange_n(&vc->flush_pending, 0, __ATOMIC_SEQ_CST))
        return;
    pthread_mutex_lock(&vc->flush_lock);
    all = vc->flush_everything;
    n = vc->nflush_va;
    memcpy(va, vc->flush_va, n * sizeof(va[0]));
    vc->flush_everything = false;
    vc->nflush_va = 0;
    pthread_mutex_unlock(&vc->flush_lock);
    if (all) {
        softtlb_flush_all(&vc->cpu.tlb);
        return;
    }
    for (unsigned i = 0; i < n; i++)
        softtlb_flush_page(&vc->cpu.tlb, va[i], ~0u);
}

/* Asks o to flush everything (all) or the page of va. */
static void request_flush(A64Vcpu *o, bool all, uint64_t va)
{
    pthread_mutex_lock(&o->flush_lock);
    if (all || o->nflush_va == sizeof(o->flush_va) / sizeof(o->flush_va[0]))
        o->flush_everything = true;
    else
        o->flush_va[o->nflush_va++] = va;
    pthread_mutex_unlock(&o->flush_lock);
    __atomic_store_n(&o->flush_pending, 1, __ATOMIC_SEQ_CST);
    __atomic_store_n(&o->cpu.env.common.exit_request, 1, __ATOMIC_RELEASE);
}

static void tlb_flush(void *opaque, A64TlbFlush kind, uint64_t va)
{
    A64Vcpu *vc = opaque;
    bool all = kind == A64_TLB_FLUSH_ALL || kind == A64_TLB_FLUSH_ALL_IS;

    if (all)
        softtlb_flush_all(&vc->cpu.tlb);
    else
        softtlb_flush_page(&vc->cpu.tlb, va, ~0u);
    if (kind != A64_TLB_FLUSH_ALL_IS && kind != A64_TLB_FLUSH_VA_IS)
        return;
    /* The others flush the same before their next block... */
    for (unsigned i = 0; i < machine->smp; i++) {
        A64Vcpu *o = vc_of(&machine->vcpus[i]);
        if (o && o != vc)
            request_flush(o, all, va);
    }
    /* ...and the broadcast completes (as the DSB after it expects) once
     * each has flushed or is outside guest code: a vCPU entering
     * cpu_exec sets in_guest before it looks at flush_pending (both
     * sequentially consistent), so it either sees the request or is
     * waited for.  Two vCPUs broadcasting at once serve each other's
     * request while they wait. */
    for (unsigned i = 0; i < machine->smp; i++) {
        A64Vcpu *o = vc_of(&machine->vcpus[i]);
        while (o && o != vc && __atomic_load_n(&o->flush_pending, __ATOMIC_SEQ_CST) &&
               __atomic_load_n(&o->in_guest, __ATOMIC_SEQ_CST)) {
            drain_flushes(vc);
            sched_yield();
        }
    }
}

static bool psci(void *opaque, uint64_t x[4])
{
    A64Vcpu *vc = opaque;
    int64_t ret;
    PsciAction act;

    if (!psci_is_call(x[0]))
        return false;
    sys_lock();
    act = psci_call(machine, vc->vcpu->index, x, &ret);
    sys_unlock();
    x[0] = (uint64_t)ret;
    if (act == PSCI_POWER_OFF)
        vc->power_off = true;
    else if (act == PSCI_HALT)
        vc->halt = true;
    return true;
}

/* ---- the accelerator ---- */

static int tcg_init(SysMachine *m)
{
    machine = m;
    ram_pages = m->ram_size >> 12;
    code_pages = calloc(ram_pages ? ram_pages : 1, 1);
    if (!code_pages)
        return -ENOMEM;
    a64_guest_arch.tb_id = a64_sys_tb_id;
    a64_guest_arch.tb_flags = a64_sys_tb_flags;
    exec_init(&a64_guest_arch);
    a64_sys_arch_init();
    softmmu_arch = &a64_softmmu;
    /* env is the first member of A64SysCpu. */
    softmmu_ir_init((int32_t)offsetof(A64SysCpu, tlb), A64_SYS_PAGE_BITS, A64_SYS_TLB_BITS);
    return 0;
}

static int vcpu_init(SysVcpu *v)
{
    A64Vcpu *vc = aligned_alloc(64, (sizeof(A64Vcpu) + 63) & ~(size_t)63);
    VirtBoard *b = machine->board;
    const Arm64Model *model = a64_model_find(machine->cpu_type);

    if (!vc || !model)
        return -1;
    memset(vc, 0, sizeof(*vc));
    if (!a64_sys_init(&vc->cpu, model))
        return -1;
    pthread_mutex_init(&vc->flush_lock, NULL);
    vc->vcpu = v;
    vc->m = machine;
    vc->gic = &b->gic;
    sys_irq_init_array(vc->lines, 2, line_in, vc);
    vc->gic->cpu[v->index].irq_out = &vc->lines[0];
    vc->gic->cpu[v->index].fiq_out = &vc->lines[1];
    sys_timer_init(&vc->timer, SYS_CLOCK_VIRTUAL, timer_fire, vc);
    vc->cpu.sys.hooks = (A64SysHooks){
        .opaque = vc, .counter = counter, .tlb_flush = tlb_flush, .timer_changed = timer_changed,
        .gic_sysreg = gic_sysreg, .pending = pending, .read64 = rd64, .cas64 = cas64,
        .ram_ptr = ram_ptr, .code_page = code_page, .code_written = code_written,
        .io_read = io_read, .io_write = io_write, .psci = psci,
    };
    vc->cpu.sys.mpidr = 1ull << 31 | v->mp_affinity;
    if (vc->gic->version == 3)
        vc->cpu.sys.id[4][0] |= 1u << 24;           /* ID_AA64PFR0.GIC: sysreg interface */
    v->accel_state = vc;
    this_vcpu = vc;
    exec_cpu_init(&vc->cpu.env.common);
    a64_sys_reset(&vc->cpu, v->start_pc, v->start_x0);
    return 0;
}

static void vcpu_reset(SysVcpu *v)
{
    A64Vcpu *vc = vc_of(v);

    if (!vc)
        return;
    a64_sys_reset(&vc->cpu, v->start_pc, v->start_x0);
    vc->power_off = vc->halt = false;
}

static SysVcpuExit vcpu_run(SysVcpu *v)
{
    A64Vcpu *vc = vc_of(v);
    A64SysCpu *c = &vc->cpu;

    this_vcpu = vc;
    for (;;) {
        __atomic_store_n(&vc->in_guest, 1, __ATOMIC_SEQ_CST);
        drain_flushes(vc);
        a64_sys_check_irq(c);
        int excp = cpu_exec(&c->env.common);
        __atomic_store_n(&vc->in_guest, 0, __ATOMIC_SEQ_CST);
        A64SysNext next = a64_sys_handle_exit(c, excp);
        if (vc->power_off) {
            vc->power_off = false;
            return SYS_VCPU_EXIT_OFF;
        }
        if (vc->halt) {
            vc->halt = false;
            return SYS_VCPU_EXIT_HALT;
        }
        if (next == A64_SYS_HALT)
            return SYS_VCPU_EXIT_HALT;
        if (next == A64_SYS_STOP)
            return SYS_VCPU_EXIT_KICKED;
    }
}

static void vcpu_kick(SysVcpu *v)
{
    A64Vcpu *vc = vc_of(v);
    if (vc)
        vc->cpu.env.common.exit_request = 1;
}

static void vcpu_destroy(SysVcpu *v)
{
    A64Vcpu *vc = vc_of(v);

    if (!vc)
        return;
    sys_timer_del(&vc->timer);
    exec_cpu_exit(&vc->cpu.env.common);
    v->accel_state = NULL;
}

static const SysAccelOps tcg_ops = {
    .name = "tcg", .init = tcg_init, .vcpu_init = vcpu_init, .vcpu_reset = vcpu_reset,
    .vcpu_run = vcpu_run, .vcpu_kick = vcpu_kick, .vcpu_destroy = vcpu_destroy,
};

__attribute__((constructor)) static void tcg_register(void)
{
    sys_accel_register(&tcg_ops);
}
