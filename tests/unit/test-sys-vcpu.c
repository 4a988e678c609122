/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the accelerator interface and the vCPU threads (accel.h,
 * cpus.c, runstate.c) with a fake accelerator whose vcpu_run spins until
 * kicked: vCPUs start stopped (secondaries powered off), sys_vm_start()
 * runs them and starts the virtual clock, sys_vm_stop() parks every
 * thread before it returns, WFI-like halts sleep until sys_vcpu_wake(),
 * PSCI-like CPU_ON resets and starts a CPU, and the thread ids are real.
 * Then the board's PSCI firmware (hw/arm/psci.c) on those vCPUs: version,
 * features, CPU_ON with entry and context, AFFINITY_INFO, CPU_OFF,
 * SYSTEM_OFF and SYSTEM_RESET as machine requests.
 */
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include "hw/arm/psci.h"
#include "system/accel.h"
#include "system/machine.h"
#include "system/mainloop.h"
#include "system/runstate.h"
#include "system/timer.h"
#include "test-sys.h"

extern SysMachine *sys_current_machine;

typedef struct {
    _Atomic int kicked;
    _Atomic long runs;
    _Atomic int halt_next;
    int resets;
    bool inited;
} Fake;

static Fake fake[2];
static _Atomic int in_run;

static int fake_init_vcpu(SysVcpu *cpu)
{
    cpu->accel_state = &fake[cpu->index];
    fake[cpu->index].inited = true;
    return 0;
}

static void fake_reset(SysVcpu *cpu) { fake[cpu->index].resets++; }

static SysVcpuExit fake_run(SysVcpu *cpu)
{
    Fake *f = cpu->accel_state;
    struct timespec us = { 0, 100000 };
    in_run++;
    f->runs++;
    if (atomic_exchange(&f->halt_next, 0)) {
        in_run--;
        return SYS_VCPU_EXIT_HALT;
    }
    while (!atomic_exchange(&f->kicked, 0))
        nanosleep(&us, NULL);       /* "guest code" */
    in_run--;
    return SYS_VCPU_EXIT_KICKED;
}

static void fake_kick(SysVcpu *cpu) { fake[cpu->index].kicked = 1; }

static const SysAccelOps fake_ops = {
    .name = "fake", .vcpu_init = fake_init_vcpu, .vcpu_reset = fake_reset,
    .vcpu_run = fake_run, .vcpu_kick = fake_kick,
};

static void wait_ms(int ms)
{
    struct timespec t = { 0, ms * 1000000L };
    sys_unlock();
    nanosleep(&t, NULL);
    sys_lock();
}

static bool wait_for(_Atomic long *v, long above)
{
    for (int i = 0; i < 400 && *v <= above; i++)
        wait_ms(5);
    return *v > above;
}

static int64_t psci(SysMachine *m, unsigned caller, uint64_t fn, uint64_t a,
                    uint64_t b, uint64_t c, PsciAction *act)
{
    uint64_t x[4] = { fn, a, b, c };
    int64_t ret = 12345;
    *act = psci_call(m, caller, x, &ret);
    return ret;
}

static void test_psci(SysMachine *m)
{
    PsciAction act;
    int st;

    CHECK(psci_is_call(0x84000000) && psci_is_call(0xc4000003));
    CHECK(psci_is_call(0xffffffff84000002ull));     /* W0 only */
    CHECK(!psci_is_call(0x86000000) && !psci_is_call(0x84000020));
    CHECK_EQ(psci(m, 0, 0x84000000, 0, 0, 0, &act), 0x10001);
    CHECK_EQ(act, PSCI_RETURN);
    CHECK_EQ(psci(m, 0, 0x8400000a, 0xc4000003, 0, 0, &act), 0);
    CHECK_EQ(psci(m, 0, 0x8400000a, 0x8400001f, 0, 0, &act), (uint64_t)PSCI_NOT_SUPPORTED);
    CHECK_EQ(psci(m, 0, 0x8400001f, 0, 0, 0, &act), (uint64_t)PSCI_NOT_SUPPORTED);
    CHECK_EQ(psci(m, 0, 0x84000006, 0, 0, 0, &act), 2);

    /* CPU 1 off, then on at an entry with a context ID. */
    m->vcpus[1].powered_off = true;
    CHECK_EQ(psci(m, 0, 0xc4000004, 1, 0, 0, &act), 1);             /* OFF */
    int resets = fake[1].resets;
    CHECK_EQ(psci(m, 0, 0xc4000003, 1, 0x40080000, 0xc0ffee, &act), 0);
    CHECK_EQ(m->vcpus[1].start_pc, 0x40080000);
    CHECK_EQ(m->vcpus[1].start_x0, 0xc0ffee);
    CHECK_EQ(fake[1].resets, resets + 1);
    CHECK(!m->vcpus[1].powered_off);
    CHECK_EQ(psci(m, 0, 0xc4000004, 1, 0, 0, &act), 0);             /* ON */
    CHECK_EQ(psci(m, 0, 0xc4000003, 1, 0, 0, &act), (uint64_t)PSCI_ALREADY_ON);
    CHECK_EQ(psci(m, 0, 0xc4000003, 0x77, 0, 0, &act), (uint64_t)PSCI_INVALID_PARAMETERS);
    CHECK_EQ(psci(m, 1, 0x84000002, 0, 0, 0, &act), 0);
    CHECK_EQ(act, PSCI_POWER_OFF);
    CHECK_EQ(psci(m, 0, 0xc4000001, 0, 0, 0, &act), 0);
    CHECK_EQ(act, PSCI_HALT);

    /* SYSTEM_RESET and SYSTEM_OFF are requests the main loop acts on. */
    psci(m, 0, 0x84000009, 0, 0, 0, &act);
    CHECK_EQ(act, PSCI_POWER_OFF);
    CHECK(!sys_runstate_handle_requests(&st));
    psci(m, 0, 0x84000008, 0, 0, 0, &act);
    CHECK(sys_runstate_handle_requests(&st));
    CHECK_EQ(st, 0);
    CHECK_EQ(sys_runstate(), SYS_RUN_SHUTDOWN);
}

int main(void)
{
    static SysMachine m;

    CHECK(sys_accel_find(NULL) == NULL);        /* none built in yet */
    sys_accel_register(&fake_ops);
    CHECK(sys_accel_find("fake") == &fake_ops);
    CHECK(sys_accel_find(NULL) == &fake_ops);
    CHECK(sys_accel_find("kvm") == NULL);

    CHECK_EQ(sys_main_loop_init(), 0);
    sys_lock();
    m.smp = 2;
    sys_current_machine = &m;
    /* Without vCPUs, starting fails and changes nothing. */
    CHECK(sys_vm_start() < 0);
    CHECK_EQ(sys_runstate(), SYS_RUN_PRELAUNCH);

    CHECK_EQ(sys_vcpus_create(&m, &fake_ops, 1u << 1), 0);  /* CPU 1 off */
    wait_ms(20);
    CHECK(fake[0].inited && fake[1].inited);
    CHECK(m.vcpus[0].tid > 0 && m.vcpus[1].tid > 0 && m.vcpus[0].tid != m.vcpus[1].tid);
    CHECK_EQ(fake[0].runs, 0);                  /* created stopped */

    CHECK_EQ(sys_vm_start(), 0);
    CHECK_EQ(sys_runstate(), SYS_RUN_RUNNING);
    CHECK(sys_clock_virtual_running());
    CHECK(wait_for(&fake[0].runs, 0));
    CHECK_EQ(fake[1].runs, 0);                  /* powered off */

    /* Stop: every thread parked when sys_vm_stop returns. */
    sys_vm_stop(SYS_RUN_PAUSED);
    CHECK_EQ(in_run, 0);
    CHECK(m.vcpus[0].stopped);
    CHECK(!sys_clock_virtual_running());
    CHECK_EQ(sys_runstate(), SYS_RUN_PAUSED);
    long r0 = fake[0].runs;
    wait_ms(20);
    CHECK_EQ(fake[0].runs, r0);

    /* CPU_ON: reset and run CPU 1. */
    sys_vcpu_power_on(&m.vcpus[1]);
    CHECK_EQ(fake[1].resets, 1);
    CHECK_EQ(sys_vm_start(), 0);
    CHECK(wait_for(&fake[1].runs, 0));

    /* A halt sleeps until woken. */
    fake[0].halt_next = 1;
    fake_kick(&m.vcpus[0]);
    for (int i = 0; i < 200 && !m.vcpus[0].halted; i++)
        wait_ms(5);
    CHECK(m.vcpus[0].halted);
    r0 = fake[0].runs;
    wait_ms(20);
    CHECK_EQ(fake[0].runs, r0);
    sys_vcpu_wake(&m.vcpus[0]);
    CHECK(wait_for(&fake[0].runs, r0));

    sys_vm_stop(SYS_RUN_PAUSED);
    CHECK_EQ(in_run, 0);
    test_psci(&m);
    sys_vcpus_destroy(&m);
    CHECK(m.vcpus == NULL);
    sys_unlock();
    return unit_summary();
}
