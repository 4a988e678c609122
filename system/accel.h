/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The accelerator interface: what runs guest code for the machine.  An
 * accelerator (tcg: the translator with a software MMU; kvm later) fills a
 * SysAccelOps; the generic vCPU layer (cpus.c) owns one host thread per
 * vCPU and calls the ops from it:
 *
 *   init(machine)        once, before any vCPU exists (0 or -errno)
 *   vcpu_init(cpu)       on the vCPU's own thread, before its first run
 *   vcpu_reset(cpu)      architectural reset (system reset, PSCI CPU_ON)
 *   vcpu_run(cpu)        runs guest code without the big lock until it
 *                        must stop; returns a SysVcpuExit
 *   vcpu_kick(cpu)       from any thread: make vcpu_run return soon
 *                        (a stop request, an interrupt for the CPU)
 *   vcpu_destroy(cpu)    on the vCPU thread as it ends
 *
 * vcpu_run returns SYS_VCPU_EXIT_KICKED when kicked, SYS_VCPU_EXIT_HALT
 * when the guest waits for an interrupt (WFI: the thread sleeps until
 * sys_vcpu_wake(); a wake that raced with the halt is not lost, the WFI
 * just returns, which the architecture allows), SYS_VCPU_EXIT_OFF when the CPU powered itself off
 * (PSCI CPU_OFF) and SYS_VCPU_EXIT_ERROR on an internal failure (the
 * machine is shut down with cause host-error).
 *
 * No accelerator is built yet: sys_accel_find() knows only those registered
 * with sys_accel_register() (the unit tests register a fake one).
 */
#ifndef GUISE_SYSTEM_ACCEL_H
#define GUISE_SYSTEM_ACCEL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct SysMachine;

typedef enum SysVcpuExit {
    SYS_VCPU_EXIT_KICKED,
    SYS_VCPU_EXIT_HALT,
    SYS_VCPU_EXIT_OFF,
    SYS_VCPU_EXIT_ERROR,
} SysVcpuExit;

typedef struct SysVcpu {
    unsigned index;
    uint64_t mp_affinity;       /* MPIDR affinity fields of this CPU */
    struct SysMachine *machine;
    pthread_t thread;
    pid_t tid;                  /* host thread id (query-cpus-fast) */
    pthread_cond_t cond;        /* the thread waits here, big lock held */
    bool thread_started;
    bool stop;                  /* requested: park in the stopped state */
    bool stopped;               /* parked (acknowledged the stop) */
    bool halted;                /* waiting for an interrupt */
    bool woken;                 /* sys_vcpu_wake() during the current run */
    bool powered_off;           /* PSCI off: runs again only after CPU_ON */
    bool exit_thread;
    uint64_t start_pc, start_x0;    /* where vcpu_reset starts it (PSCI CPU_ON, boot) */
    void *accel_state;          /* the accelerator's per-vCPU state */
    void *arch_state;           /* the CPU layer's (registers, TLB) */
} SysVcpu;

typedef struct SysAccelOps {
    const char *name;
    int (*init)(struct SysMachine *m);
    int (*vcpu_init)(SysVcpu *cpu);
    void (*vcpu_reset)(SysVcpu *cpu);
    SysVcpuExit (*vcpu_run)(SysVcpu *cpu);
    void (*vcpu_kick)(SysVcpu *cpu);
    void (*vcpu_destroy)(SysVcpu *cpu);
} SysAccelOps;

/* Registers an accelerator (at most 8); the first is the default. */
void sys_accel_register(const SysAccelOps *ops);
/* By name, or the default for NULL; NULL if none. */
const SysAccelOps *sys_accel_find(const char *name);
/* The i-th registered one (-accel help), NULL past the last. */
const SysAccelOps *sys_accel_nth(int i);

/*
 * The vCPU layer (cpus.c), all called with the big lock held.
 * sys_vcpus_create() starts m->smp threads, every vCPU stopped; secondary
 * CPUs start powered off when start_off_mask has their bit (PSCI boot).
 */
int sys_vcpus_create(struct SysMachine *m, const SysAccelOps *ops,
                     uint64_t start_off_mask);
/* Release / park every vCPU; pause waits until all are parked. */
void sys_vcpus_resume_all(struct SysMachine *m);
void sys_vcpus_pause_all(struct SysMachine *m);
/* Ends the threads (machine teardown). */
void sys_vcpus_destroy(struct SysMachine *m);
/* A halted CPU has an interrupt, or a powered-off one was switched on. */
void sys_vcpu_wake(SysVcpu *cpu);
void sys_vcpu_power_on(SysVcpu *cpu);

#endif
