/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PSCI firmware calls of the virt board (see psci.h), one table row per
 * function (ARM DEN 0022D, 5.1 "Function prototypes"); SMC32 and SMC64
 * forms share a row.
 */
#include "hw/arm/psci.h"
#include "system/runstate.h"
#include "util/log.h"

#define PSCI_VERSION_1_1 0x00010001
#define FN_MASK 0xbfffffffull           /* SMC64 (bit 30) folded onto SMC32 */

typedef PsciAction (*PsciFn)(SysMachine *m, unsigned caller, const uint64_t x[4], int64_t *ret);

/* The vCPU whose MPIDR affinity is target, or NULL. */
static SysVcpu *find_cpu(SysMachine *m, uint64_t target)
{
    target &= 0xff00ffffffull;      /* Aff3 39:32, Aff2..Aff0 23:0 */
    for (unsigned i = 0; i < m->smp; i++)
        if (m->vcpus[i].mp_affinity == target)
            return &m->vcpus[i];
    return NULL;
}

static PsciAction do_version(SysMachine *m, unsigned c, const uint64_t x[4], int64_t *ret)
{
    (void)m; (void)c; (void)x;
    *ret = PSCI_VERSION_1_1;
    return PSCI_RETURN;
}

static PsciAction do_cpu_suspend(SysMachine *m, unsigned c, const uint64_t x[4], int64_t *ret)
{
    (void)m; (void)c; (void)x;
    /* Every power state is treated as standby: a WFI that returns success. */
    *ret = PSCI_SUCCESS;
    return PSCI_HALT;
}

static PsciAction do_cpu_off(SysMachine *m, unsigned c, const uint64_t x[4], int64_t *ret)
{
    (void)m; (void)c; (void)x;
    *ret = PSCI_SUCCESS;
    return PSCI_POWER_OFF;
}

static PsciAction do_cpu_on(SysMachine *m, unsigned c, const uint64_t x[4], int64_t *ret)
{
    SysVcpu *cpu = find_cpu(m, x[1]);
    (void)c;
    if (!cpu)
        *ret = PSCI_INVALID_PARAMETERS;
    else if (!cpu->powered_off)
        *ret = PSCI_ALREADY_ON;
    else {
        cpu->start_pc = x[2];
        cpu->start_x0 = x[3];
        sys_vcpu_power_on(cpu);
        *ret = PSCI_SUCCESS;
    }
    return PSCI_RETURN;
}

static PsciAction do_affinity_info(SysMachine *m, unsigned c, const uint64_t x[4], int64_t *ret)
{
    SysVcpu *cpu = find_cpu(m, x[1]);
    (void)c;
    /* Only level 0 (a single CPU) is meaningful here. */
    if (!cpu || x[2] != 0)
        *ret = PSCI_INVALID_PARAMETERS;
    else
        *ret = cpu->powered_off ? 1 : 0;    /* OFF : ON */
    return PSCI_RETURN;
}

static PsciAction do_migrate_info_type(SysMachine *m, unsigned c, const uint64_t x[4], int64_t *ret)
{
    (void)m; (void)c; (void)x;
    *ret = 2;                       /* no Trusted OS: migration not needed */
    return PSCI_RETURN;
}

static PsciAction do_system_off(SysMachine *m, unsigned c, const uint64_t x[4], int64_t *ret)
{
    (void)m; (void)c; (void)x;
    sys_request_shutdown(SYS_CAUSE_GUEST_SHUTDOWN);
    *ret = PSCI_SUCCESS;
    return PSCI_POWER_OFF;
}

static PsciAction do_system_reset(SysMachine *m, unsigned c, const uint64_t x[4], int64_t *ret)
{
    (void)m; (void)c; (void)x;
    sys_request_reset(SYS_CAUSE_GUEST_RESET);
    *ret = PSCI_SUCCESS;
    return PSCI_POWER_OFF;
}

static PsciAction do_features(SysMachine *m, unsigned c, const uint64_t x[4], int64_t *ret);

static const struct {
    uint32_t fn;
    PsciFn handler;
    const char *name;
} psci_table[] = {
    { 0x84000000, do_version, "PSCI_VERSION" },
    { 0x84000001, do_cpu_suspend, "CPU_SUSPEND" },
    { 0x84000002, do_cpu_off, "CPU_OFF" },
    { 0x84000003, do_cpu_on, "CPU_ON" },
    { 0x84000004, do_affinity_info, "AFFINITY_INFO" },
    { 0x84000006, do_migrate_info_type, "MIGRATE_INFO_TYPE" },
    { 0x84000008, do_system_off, "SYSTEM_OFF" },
    { 0x84000009, do_system_reset, "SYSTEM_RESET" },
    { 0x8400000a, do_features, "PSCI_FEATURES" },
};

static int find_fn(uint64_t fn)
{
    for (size_t i = 0; i < sizeof(psci_table) / sizeof(psci_table[0]); i++)
        if ((fn & FN_MASK) == psci_table[i].fn)
            return (int)i;
    return -1;
}

static PsciAction do_features(SysMachine *m, unsigned c, const uint64_t x[4], int64_t *ret)
{
    (void)m; (void)c;
    /* 0 for a function we have (no optional feature flags), else NOT_SUPPORTED. */
    *ret = find_fn((uint32_t)x[1]) >= 0 ? 0 : PSCI_NOT_SUPPORTED;
    return PSCI_RETURN;
}

/* SMCCC: the function ID is W0, the upper half of x0 is ignored. */
bool psci_is_call(uint64_t fn)
{
    return ((uint32_t)fn & ~0x1fu & FN_MASK) == 0x84000000;
}

PsciAction psci_call(SysMachine *m, unsigned caller, const uint64_t x[4], int64_t *ret)
{
    int i = find_fn((uint32_t)x[0]);

    if (i < 0) {
        log_once(LOG_UNIMP, 0x95c1000000ull ^ (uint32_t)x[0], "psci: function 0x%x not supported\n",
                 (uint32_t)x[0]);
        *ret = PSCI_NOT_SUPPORTED;
        return PSCI_RETURN;
    }
    return psci_table[i].handler(m, caller, x, ret);
}
