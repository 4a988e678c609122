# SPDX-License-Identifier: GPL-2.0-or-later
# Generates a64-ldst-simd.S:  python3 a64-ldst-simd.py > a64-ldst-simd.S
# A model of the Arm ARM pseudocode of LD1-4/ST1-4 (multiple and single
# structures) and LD1R-LD4R computes the expected register and memory
# contents; the generated test was checked under qemu-aarch64.
SRC = bytes((k + 1) & 0xff for k in range(256))
ARR = {'8b': (0, 0), '16b': (1, 0), '4h': (0, 1), '8h': (1, 1), '2s': (0, 2), '4s': (1, 2), '1d': (0, 3), '2d': (1, 3)}
out = []
def emit(s): out.append(s)
def q2(b):  # 16 bytes -> (lo, hi)
    return int.from_bytes(b[0:8], 'little'), int.from_bytes(b[8:16], 'little')
def chkq(r, val):
    lo, hi = q2(val)
    emit(f"    CHKQ q{r}, 0x{lo:016x}, 0x{hi:016x}")

def fill(r):
    emit(f"    ldr q{r}, garbage")

def reglist(t, n, arr):
    return "{" + ", ".join(f"v{(t + i) % 32}.{arr}" for i in range(n)) + "}"

def lanelist(t, n, sz):
    return "{" + ", ".join(f"v{(t + i) % 32}.{'bhsd'[sz]}" for i in range(n)) + "}"

mode_i = 0
def addr_mode(off, nbytes):
    """Set x2 = src/dst + off; return (operand suffix, expected x2 delta)."""
    global mode_i
    m = mode_i % 3
    mode_i += 1
    if m == 0:
        return "", 0
    if m == 1:
        return f", #{nbytes}", nbytes
    delta = [-5, 7, 100, -64][mode_i % 4]
    emit(f"    mov x3, #{delta}")
    return ", x3", delta

def check_base(base, off, delta):
    emit(f"    add x4, {base}, #{off}")
    if delta >= 0:
        emit(f"    add x4, x4, #{delta}")
    else:
        emit(f"    sub x4, x4, #{-delta}")
    emit("    CHKR x2, x4")

def zero_dst():
    for i in range(0, 128, 16):
        emit(f"    stp xzr, xzr, [x9, #{i}]")

def load_regs_plain(t, n, off):
    """v(t..t+n-1) = 16-byte chunks of SRC at off (via ldr q, already tested)."""
    emit(f"    add x5, x1, #{off}")
    regs = {}
    for i in range(n):
        r = (t + i) % 32
        emit(f"    ldr q{r}, [x5, #{16 * i}]")
        regs[r] = bytearray(SRC[off + 16 * i: off + 16 * i + 16])
    return regs

def check_dst(mem, length):
    for i in range(0, length, 8):
        v = int.from_bytes(mem[i:i + 8], 'little')
        emit(f"    ldr x15, [x9, #{i}]")
        emit(f"    CHK x15, 0x{v:016x}")

# --- multiple structures ---
def ldst_multiple(op, n_selem, rpt, arr, t, off, load):
    Q, size = ARR[arr]
    esize = 1 << size
    regbytes = 16 if Q else 8
    nregs = rpt * n_selem
    total = nregs * regbytes
    emit(f"    /* {op} {nregs}x{arr} t={t} off={off} */")
    if load:
        regs = {}
        for i in range(nregs):
            r = (t + i) % 32
            fill(r)
            regs[r] = bytearray(16)
        emit(f"    add x2, x1, #{off}")
        suffix, delta = addr_mode(off, total)
        emit(f"    {op} {reglist(t, nregs, arr)}, [x2]{suffix}")
        offs = 0
        for rr in range(rpt):
            for e in range(regbytes // esize):
                for s in range(n_selem):
                    r = (t + rr + s) % 32
                    regs[r][e * esize:(e + 1) * esize] = SRC[off + offs: off + offs + esize]
                    offs += esize
        if delta or suffix:
            check_base("x1", off, delta)
        for i in range(nregs):
            r = (t + i) % 32
            chkq(r, regs[r])
    else:
        regs = load_regs_plain(t, nregs, 64 + off)
        zero_dst()
        mem = bytearray(128)
        emit(f"    add x2, x9, #{off}")
        suffix, delta = addr_mode(off, total)
        emit(f"    {op} {reglist(t, nregs, arr)}, [x2]{suffix}")
        offs = off
        for rr in range(rpt):
            for e in range(regbytes // esize):
                for s in range(n_selem):
                    r = (t + rr + s) % 32
                    mem[offs:offs + esize] = regs[r][e * esize:(e + 1) * esize]
                    offs += esize
        if delta or suffix:
            check_base("x9", off, delta)
        check_dst(mem, min(128, (off + total + 15) // 8 * 8))

idx = 0
for load in (True, False):
    for arr in ARR:
        for n in range(1, 5):
            t = [0, 5, 30, 17, 31, 12, 29, 3][idx % 8]
            off = (idx * 3) % 16
            ldst_multiple(("ld1" if load else "st1"), 1, n, arr, t, off, load)
            idx += 1
    for arr in ARR:
        if arr == '1d':
            continue
        for n in (2, 3, 4):
            t = [0, 6, 30, 31, 20, 9, 1][idx % 7]
            off = (idx * 5) % 16
            ldst_multiple((f"ld{n}" if load else f"st{n}"), n, 1, arr, t, off, load)
            idx += 1

# --- single structure ---
def ldst_single(n, size, index, t, off, load):
    esize = 1 << size
    emit(f"    /* {'ld' if load else 'st'}{n} lane size {size} [{index}] t={t} off={off} */")
    regs = load_regs_plain(t, n, 96)
    if load:
        emit(f"    add x2, x1, #{off}")
        suffix, delta = addr_mode(off, n * esize)
        emit(f"    ld{n} {lanelist(t, n, size)}[{index}], [x2]{suffix}")
        for s in range(n):
            r = (t + s) % 32
            regs[r][index * esize:(index + 1) * esize] = SRC[off + s * esize: off + (s + 1) * esize]
        if delta or suffix:
            check_base("x1", off, delta)
        for s in range(n):
            r = (t + s) % 32
            chkq(r, regs[r])
    else:
        zero_dst()
        mem = bytearray(128)
        emit(f"    add x2, x9, #{off}")
        suffix, delta = addr_mode(off, n * esize)
        emit(f"    st{n} {lanelist(t, n, size)}[{index}], [x2]{suffix}")
        for s in range(n):
            r = (t + s) % 32
            mem[off + s * esize: off + (s + 1) * esize] = regs[r][index * esize:(index + 1) * esize]
        if delta or suffix:
            check_base("x9", off, delta)
        check_dst(mem, 48)

for load in (True, False):
    for n in range(1, 5):
        for size in range(4):
            lanes = 16 >> size
            for index in sorted({lanes - 1, lanes // 2 - 1 if lanes > 1 else 0, 0}):
                t = [0, 7, 30, 31, 14][idx % 5]
                off = (idx * 7) % 16
                ldst_single(n, size, index, t, off, load)
                idx += 1

# --- replicate ---
def ldnr(n, arr, t, off):
    Q, size = ARR[arr]
    esize = 1 << size
    emit(f"    /* ld{n}r {arr} t={t} off={off} */")
    regs = {}
    for s in range(n):
        fill((t + s) % 32)
    emit(f"    add x2, x1, #{off}")
    suffix, delta = addr_mode(off, n * esize)
    emit(f"    ld{n}r {reglist(t, n, arr)}, [x2]{suffix}")
    for s in range(n):
        r = (t + s) % 32
        el = SRC[off + s * esize: off + (s + 1) * esize]
        v = bytearray(16)
        for e in range((16 if Q else 8) // esize):
            v[e * esize:(e + 1) * esize] = el
        regs[r] = v
    if delta or suffix:
        check_base("x1", off, delta)
    for s in range(n):
        chkq((t + s) % 32, regs[(t + s) % 32])

for n in range(1, 5):
    for arr in ARR:
        t = [0, 3, 30, 31, 22][idx % 5]
        off = (idx * 3) % 16
        ldnr(n, arr, t, off)
        idx += 1

HEAD = r"""/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD structure loads and stores: LD1/ST1 of 1-4 registers and
 * LD2-4/ST2-4 in every arrangement (8B 16B 4H 8H 2S 4S 1D 2D), LD1-4/ST1-4
 * of single lanes of each size (first, middle and last index), and LD1R-
 * LD4R; with no offset, post-index by the immediate and by a register
 * (negative too), misaligned bases and register lists wrapping past V31.
 * D-form loads must clear the upper half; lane loads keep the other lanes.
 * Generated by a64-ldst-simd.py (a model of the Arm ARM pseudocode); the values
 * were checked under qemu-aarch64.  Self-checking: the first wrong value
 * exits with the check's number (modulo 256).
 */
    .set ncheck, 0
    .macro CHK reg, val
    .set ncheck, ncheck + 1
    ldr x16, =\val
    cmp \reg, x16
    b.eq 1f
    mov x0, #(ncheck & 255)
    b fail
1:
    .endm
    .macro CHKR reg, reg2
    .set ncheck, ncheck + 1
    cmp \reg, \reg2
    b.eq 1f
    mov x0, #(ncheck & 255)
    b fail
1:
    .endm
    /* the 128 bits of Qn through memory */
    .macro CHKQ q, lo, hi
    str \q, [x28]
    ldr x15, [x28]
    CHK x15, \lo
    ldr x15, [x28, #8]
    CHK x15, \hi
    .endm

    .text
    .globl _start
_start:
    adr x1, src
    adr x9, dst
    adr x28, scratch
"""

TAIL = r"""
    mov x0, #1
    adr x1, msg
    mov x2, #msg_end - msg
    mov x8, #64
    svc #0
    mov x0, #0
    mov x8, #93
    svc #0
fail:
    mov x8, #93
    svc #0
    .ltorg
    .balign 16
garbage:
    .quad 0xdeadbeefdeadbeef, 0xcafebabecafebabe
msg:
    .ascii "ok a64-ldst-simd\n"
msg_end:

    .data
    .balign 64
src:
    .irp k, 0, 16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240
    .byte \k+1, \k+2, \k+3, \k+4, \k+5, \k+6, \k+7, \k+8, \k+9, \k+10, \k+11, \k+12, \k+13, \k+14, \k+15, (\k+16) & 255
    .endr
    .balign 64
dst:
    .space 128
scratch:
    .space 16
"""

print(HEAD + "\n".join(out) + "\n" + TAIL, end="")
