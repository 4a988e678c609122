/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Start-up and exception vectors of the bare-metal tests.  Every CPU
 * enters at _start (CPU 0 from -kernel, the others through PSCI CPU_ON
 * with their index in x0); each gets 64 KiB of stack by its MPIDR Aff0,
 * FP/SIMD enabled, VBAR_EL1 set; CPU 0 clears .bss and calls main(), the
 * others secondary_main(x0).  A return powers the machine off.
 *
 * Each vector saves x0-x30, SP_EL0's value of the interrupted context,
 * ELR and SPSR into a frame (struct frame in lib.h) and calls
 * exception(frame, kind); the handler may change the frame (skip an
 * instruction by adding 4 to elr) before it is restored by ERET.
 */
    .section .text.boot, "ax"
    .global _start
_start:
    mov     x19, x0
    mrs     x1, mpidr_el1
    and     x1, x1, #0xff
    adrp    x2, __stacks_end
    add     x2, x2, :lo12:__stacks_end
    lsl     x3, x1, #16
    sub     sp, x2, x3
    mov     x2, #(3 << 20)
    msr     cpacr_el1, x2
    adr     x2, vectors
    msr     vbar_el1, x2
    isb
    cbnz    x1, 2f
    adrp    x2, __bss_start
    add     x2, x2, :lo12:__bss_start
    adrp    x3, __bss_end
    add     x3, x3, :lo12:__bss_end
1:  cmp     x2, x3
    b.hs    3f
    str     xzr, [x2], #8
    b       1b
3:  bl      main
    b       4f
2:  mov     x0, x19
    bl      secondary_main
4:  bl      system_off
5:  wfi
    b       5b

    .macro  entry kind
    .balign 0x80
    sub     sp, sp, #(36 * 8)
    stp     x0, x1, [sp, #0]
    mov     x1, #\kind
    b       save_and_call
    .endm

    .balign 0x800
    .global vectors
vectors:
    entry 0     /* current EL, SP_EL0: sync, irq, fiq, serror */
    entry 1
    entry 2
    entry 3
    entry 4     /* current EL, SP_ELx */
    entry 5
    entry 6
    entry 7
    entry 8     /* lower EL, AArch64 */
    entry 9
    entry 10
    entry 11
    entry 12    /* lower EL, AArch32 */
    entry 13
    entry 14
    entry 15

save_and_call:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    mrs     x2, sp_el0
    stp     x30, x2, [sp, #240]
    mrs     x2, elr_el1
    mrs     x3, spsr_el1
    stp     x2, x3, [sp, #256]
    /* x0 of the interrupted code is saved; the handler gets frame, kind. */
    ldr     x0, [sp, #0]
    mov     x0, sp
    bl      exception
    ldp     x2, x3, [sp, #256]
    msr     elr_el1, x2
    msr     spsr_el1, x3
    ldp     x30, x2, [sp, #240]
    msr     sp_el0, x2
    ldp     x28, x29, [sp, #224]
    ldp     x26, x27, [sp, #208]
    ldp     x24, x25, [sp, #192]
    ldp     x22, x23, [sp, #176]
    ldp     x20, x21, [sp, #160]
    ldp     x18, x19, [sp, #144]
    ldp     x16, x17, [sp, #128]
    ldp     x14, x15, [sp, #112]
    ldp     x12, x13, [sp, #96]
    ldp     x10, x11, [sp, #80]
    ldp     x8, x9, [sp, #64]
    ldp     x6, x7, [sp, #48]
    ldp     x4, x5, [sp, #32]
    ldp     x2, x3, [sp, #16]
    ldp     x0, x1, [sp, #0]
    add     sp, sp, #(36 * 8)
    eret
