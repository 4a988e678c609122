/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The generic vCPU layer: one host thread per vCPU driving the
 * accelerator's vcpu_run (see accel.h).  A thread runs guest code without
 * the big lock; around that it holds the lock and parks on its condition
 * variable while stopped, halted (WFI) or powered off.  Pausing the
 * machine sets every stop flag, kicks the accelerator and waits until each
 * thread has acknowledged, so device state is quiet when pause returns.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "system/accel.h"
#include "system/machine.h"
#include "system/mainloop.h"
#include "system/runstate.h"
#include "util/log.h"

static pthread_cond_t parked_cond = PTHREAD_COND_INITIALIZER;

static bool vcpu_can_run(const SysVcpu *cpu)
{
    return !cpu->stop && !cpu->halted && !cpu->powered_off && !cpu->exit_thread;
}

static void *vcpu_thread(void *arg)
{
    SysVcpu *cpu = arg;
    const SysAccelOps *ops = cpu->machine->accel;
    pthread_mutex_t *lock = sys_big_lock_mutex();

    sys_lock();
    cpu->tid = (pid_t)syscall(SYS_gettid);
    if (ops->vcpu_init && ops->vcpu_init(cpu) < 0) {
        sys_request_shutdown(SYS_CAUSE_HOST_ERROR);
        cpu->exit_thread = true;
    }
    while (!cpu->exit_thread) {
        if (!vcpu_can_run(cpu)) {
            if (cpu->stop && !cpu->stopped) {
                cpu->stopped = true;
                pthread_cond_broadcast(&parked_cond);
            }
            pthread_cond_wait(&cpu->cond, lock);
            continue;
        }
        cpu->stopped = false;
        cpu->woken = false;
        sys_unlock();
        SysVcpuExit why = ops->vcpu_run(cpu);
        sys_lock();
        if (why == SYS_VCPU_EXIT_HALT && !cpu->woken)
            cpu->halted = true;
        else if (why == SYS_VCPU_EXIT_OFF)
            cpu->powered_off = true;
        else if (why == SYS_VCPU_EXIT_ERROR) {
            sys_request_shutdown(SYS_CAUSE_HOST_ERROR);
            cpu->stop = true;
        }
    }
    if (ops->vcpu_destroy)
        ops->vcpu_destroy(cpu);
    cpu->stopped = true;
    pthread_cond_broadcast(&parked_cond);
    sys_unlock();
    return NULL;
}

int sys_vcpus_create(SysMachine *m, const SysAccelOps *ops, uint64_t start_off_mask)
{
    int err;

    m->accel = ops;
    m->vcpus = calloc(m->smp, sizeof(SysVcpu));
    if (!m->vcpus)
        return -ENOMEM;
    for (unsigned i = 0; i < m->smp; i++) {
        SysVcpu *cpu = &m->vcpus[i];
        cpu->index = i;
        /* Aff0 = index within a cluster of 16, Aff1 = cluster (QEMU's virt
         * with GICv3; GICv2 boards have at most 8 CPUs, so the same). */
        cpu->mp_affinity = (uint64_t)(i / 16) << 8 | (i % 16);
        cpu->machine = m;
        cpu->stop = true;
        cpu->powered_off = i < 64 && (start_off_mask >> i & 1);
        if (i == 0) {
            cpu->start_pc = m->boot_pc;
            cpu->start_x0 = m->boot_x0;
        }
        pthread_cond_init(&cpu->cond, NULL);
        err = pthread_create(&cpu->thread, NULL, vcpu_thread, cpu);
        if (err)
            return -err;
        cpu->thread_started = true;
    }
    return 0;
}

static void kick(SysVcpu *cpu)
{
    pthread_cond_signal(&cpu->cond);
    if (cpu->machine->accel->vcpu_kick)
        cpu->machine->accel->vcpu_kick(cpu);
}

void sys_vcpus_resume_all(SysMachine *m)
{
    for (unsigned i = 0; i < m->smp; i++) {
        m->vcpus[i].stop = false;
        kick(&m->vcpus[i]);
    }
}

void sys_vcpus_pause_all(SysMachine *m)
{
    pthread_mutex_t *lock = sys_big_lock_mutex();

    for (unsigned i = 0; i < m->smp; i++) {
        m->vcpus[i].stop = true;
        kick(&m->vcpus[i]);
    }
    for (unsigned i = 0; i < m->smp; i++) {
        SysVcpu *cpu = &m->vcpus[i];
        while (cpu->thread_started && !cpu->stopped) {
            pthread_cond_signal(&cpu->cond);
            pthread_cond_wait(&parked_cond, lock);
        }
    }
}

void sys_vcpus_destroy(SysMachine *m)
{
    if (!m->vcpus)
        return;
    for (unsigned i = 0; i < m->smp; i++) {
        m->vcpus[i].exit_thread = true;
        kick(&m->vcpus[i]);
    }
    sys_unlock();
    for (unsigned i = 0; i < m->smp; i++)
        if (m->vcpus[i].thread_started)
            pthread_join(m->vcpus[i].thread, NULL);
    sys_lock();
    for (unsigned i = 0; i < m->smp; i++)
        pthread_cond_destroy(&m->vcpus[i].cond);
    free(m->vcpus);
    m->vcpus = NULL;
}

void sys_vcpu_wake(SysVcpu *cpu)
{
    cpu->halted = false;
    cpu->woken = true;
    kick(cpu);
}

void sys_vcpu_power_on(SysVcpu *cpu)
{
    cpu->powered_off = false;
    cpu->halted = false;
    if (cpu->machine->accel->vcpu_reset)
        cpu->machine->accel->vcpu_reset(cpu);
    kick(cpu);
}
