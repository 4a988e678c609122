/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Branches: BL/BLR/RET and the link register (BLR X30), BR and RET via
 * other registers, B both ways, B.cond for every condition under every
 * NZCV value, CBZ/CBNZ (W forms ignoring bits 63:32, XZR), TBZ/TBNZ on
 * low and high bits, backward loops (chained blocks), branches to the
 * next instruction and long TBZ/B.cond displacements.
 * Self-checking: the first wrong register or flag exits with the number of
 * its check; on success prints "ok a64-branch-basic".
 */

/* LI loads a 64-bit constant with MOVZ/MOVK; CHK compares a register
 * with a constant, CHKF the NZCV flags with a 4-bit value (clobbering x16,
 * x17 and the flags); FAILNOW fails unconditionally. */
    .macro LI reg, val
    movz \reg, #((\val) & 0xffff)
    movk \reg, #(((\val) >> 16) & 0xffff), lsl #16
    movk \reg, #(((\val) >> 32) & 0xffff), lsl #32
    movk \reg, #(((\val) >> 48) & 0xffff), lsl #48
    .endm
    .set ncheck, 0
    .macro FAIL_IF_NE
    .set ncheck, ncheck + 1
    b.eq 1f
    mov x0, #ncheck
    b fail
1:
    .endm
    .macro FAILNOW
    .set ncheck, ncheck + 1
    mov x0, #ncheck
    b fail
    .endm
    .macro CHK reg, val
    LI x16, \val
    cmp \reg, x16
    FAIL_IF_NE
    .endm
    .macro CHKF nzcv
    mrs x17, nzcv
    LI x16, (\nzcv) << 28
    cmp x17, x16
    FAIL_IF_NE
    .endm
    .macro SETF nzcv
    LI x17, (\nzcv) << 28
    msr nzcv, x17
    .endm

    .text
    .globl _start
_start:
    /* BL and RET */
    mov x0, #0
    bl func77
ret1:
    adr x5, ret1
    cmp x30, x5
    FAIL_IF_NE
    CHK x0, 77
    /* BLR */
    mov x0, #0
    adr x6, func77
    blr x6
ret2:
    adr x5, ret2
    cmp x30, x5
    FAIL_IF_NE
    CHK x0, 77
    /* BLR X30: the target is read before the link is written */
    adr x30, func_lr
    blr x30
ret3:
    adr x5, ret3
    cmp x0, x5
    FAIL_IF_NE
    /* BR, RET with another register */
    adr x6, 1f
    br x6
    FAILNOW
1:
    adr x6, 1f
    ret x6
    FAILNOW
1:
    adr x6, func77
    mov x0, #0
    adr x30, 1f
    br x6
    FAILNOW
1:
    CHK x0, 77
    /* B forwards and backwards */
    b 2f
    FAILNOW
3:
    b 4f
2:
    b 3b
4:
    /* B.cond: every condition under every NZCV, one bit per condition */
    SETF 0
    mov x5, #0
    b.eq .Lt1
    mov x6, #0
    b .Lj1
.Lt1:
    mov x6, #1
.Lj1:
    orr x5, x6, x5, lsl #1
    b.ne .Lt2
    mov x6, #0
    b .Lj2
.Lt2:
    mov x6, #1
.Lj2:
    orr x5, x6, x5, lsl #1
    b.cs .Lt3
    mov x6, #0
    b .Lj3
.Lt3:
    mov x6, #1
.Lj3:
    orr x5, x6, x5, lsl #1
    b.cc .Lt4
    mov x6, #0
    b .Lj4
.Lt4:
    mov x6, #1
.Lj4:
    orr x5, x6, x5, lsl #1
    b.mi .Lt5
    mov x6, #0
    b .Lj5
.Lt5:
    mov x6, #1
.Lj5:
    orr x5, x6, x5, lsl #1
    b.pl .Lt6
    mov x6, #0
    b .Lj6
.Lt6:
    mov x6, #1
.Lj6:
    orr x5, x6, x5, lsl #1
    b.vs .Lt7
    mov x6, #0
    b .Lj7
.Lt7:
    mov x6, #1
.Lj7:
    orr x5, x6, x5, lsl #1
    b.vc .Lt8
    mov x6, #0
    b .Lj8
.Lt8:
    mov x6, #1
.Lj8:
    orr x5, x6, x5, lsl #1
    b.hi .Lt9
    mov x6, #0
    b .Lj9
.Lt9:
    mov x6, #1
.Lj9:
    orr x5, x6, x5, lsl #1
    b.ls .Lt10
    mov x6, #0
    b .Lj10
.Lt10:
    mov x6, #1
.Lj10:
    orr x5, x6, x5, lsl #1
    b.ge .Lt11
    mov x6, #0
    b .Lj11
.Lt11:
    mov x6, #1
.Lj11:
    orr x5, x6, x5, lsl #1
    b.lt .Lt12
    mov x6, #0
    b .Lj12
.Lt12:
    mov x6, #1
.Lj12:
    orr x5, x6, x5, lsl #1
    b.gt .Lt13
    mov x6, #0
    b .Lj13
.Lt13:
    mov x6, #1
.Lj13:
    orr x5, x6, x5, lsl #1
    b.le .Lt14
    mov x6, #0
    b .Lj14
.Lt14:
    mov x6, #1
.Lj14:
    orr x5, x6, x5, lsl #1
    b.al .Lt15
    mov x6, #0
    b .Lj15
.Lt15:
    mov x6, #1
.Lj15:
    orr x5, x6, x5, lsl #1
    b.nv .Lt16
    mov x6, #0
    b .Lj16
.Lt16:
    mov x6, #1
.Lj16:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x556b
    SETF 1
    mov x5, #0
    b.eq .Lt17
    mov x6, #0
    b .Lj17
.Lt17:
    mov x6, #1
.Lj17:
    orr x5, x6, x5, lsl #1
    b.ne .Lt18
    mov x6, #0
    b .Lj18
.Lt18:
    mov x6, #1
.Lj18:
    orr x5, x6, x5, lsl #1
    b.cs .Lt19
    mov x6, #0
    b .Lj19
.Lt19:
    mov x6, #1
.Lj19:
    orr x5, x6, x5, lsl #1
    b.cc .Lt20
    mov x6, #0
    b .Lj20
.Lt20:
    mov x6, #1
.Lj20:
    orr x5, x6, x5, lsl #1
    b.mi .Lt21
    mov x6, #0
    b .Lj21
.Lt21:
    mov x6, #1
.Lj21:
    orr x5, x6, x5, lsl #1
    b.pl .Lt22
    mov x6, #0
    b .Lj22
.Lt22:
    mov x6, #1
.Lj22:
    orr x5, x6, x5, lsl #1
    b.vs .Lt23
    mov x6, #0
    b .Lj23
.Lt23:
    mov x6, #1
.Lj23:
    orr x5, x6, x5, lsl #1
    b.vc .Lt24
    mov x6, #0
    b .Lj24
.Lt24:
    mov x6, #1
.Lj24:
    orr x5, x6, x5, lsl #1
    b.hi .Lt25
    mov x6, #0
    b .Lj25
.Lt25:
    mov x6, #1
.Lj25:
    orr x5, x6, x5, lsl #1
    b.ls .Lt26
    mov x6, #0
    b .Lj26
.Lt26:
    mov x6, #1
.Lj26:
    orr x5, x6, x5, lsl #1
    b.ge .Lt27
    mov x6, #0
    b .Lj27
.Lt27:
    mov x6, #1
.Lj27:
    orr x5, x6, x5, lsl #1
    b.lt .Lt28
    mov x6, #0
    b .Lj28
.Lt28:
    mov x6, #1
.Lj28:
    orr x5, x6, x5, lsl #1
    b.gt .Lt29
    mov x6, #0
    b .Lj29
.Lt29:
    mov x6, #1
.Lj29:
    orr x5, x6, x5, lsl #1
    b.le .Lt30
    mov x6, #0
    b .Lj30
.Lt30:
    mov x6, #1
.Lj30:
    orr x5, x6, x5, lsl #1
    b.al .Lt31
    mov x6, #0
    b .Lj31
.Lt31:
    mov x6, #1
.Lj31:
    orr x5, x6, x5, lsl #1
    b.nv .Lt32
    mov x6, #0
    b .Lj32
.Lt32:
    mov x6, #1
.Lj32:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x5657
    SETF 2
    mov x5, #0
    b.eq .Lt33
    mov x6, #0
    b .Lj33
.Lt33:
    mov x6, #1
.Lj33:
    orr x5, x6, x5, lsl #1
    b.ne .Lt34
    mov x6, #0
    b .Lj34
.Lt34:
    mov x6, #1
.Lj34:
    orr x5, x6, x5, lsl #1
    b.cs .Lt35
    mov x6, #0
    b .Lj35
.Lt35:
    mov x6, #1
.Lj35:
    orr x5, x6, x5, lsl #1
    b.cc .Lt36
    mov x6, #0
    b .Lj36
.Lt36:
    mov x6, #1
.Lj36:
    orr x5, x6, x5, lsl #1
    b.mi .Lt37
    mov x6, #0
    b .Lj37
.Lt37:
    mov x6, #1
.Lj37:
    orr x5, x6, x5, lsl #1
    b.pl .Lt38
    mov x6, #0
    b .Lj38
.Lt38:
    mov x6, #1
.Lj38:
    orr x5, x6, x5, lsl #1
    b.vs .Lt39
    mov x6, #0
    b .Lj39
.Lt39:
    mov x6, #1
.Lj39:
    orr x5, x6, x5, lsl #1
    b.vc .Lt40
    mov x6, #0
    b .Lj40
.Lt40:
    mov x6, #1
.Lj40:
    orr x5, x6, x5, lsl #1
    b.hi .Lt41
    mov x6, #0
    b .Lj41
.Lt41:
    mov x6, #1
.Lj41:
    orr x5, x6, x5, lsl #1
    b.ls .Lt42
    mov x6, #0
    b .Lj42
.Lt42:
    mov x6, #1
.Lj42:
    orr x5, x6, x5, lsl #1
    b.ge .Lt43
    mov x6, #0
    b .Lj43
.Lt43:
    mov x6, #1
.Lj43:
    orr x5, x6, x5, lsl #1
    b.lt .Lt44
    mov x6, #0
    b .Lj44
.Lt44:
    mov x6, #1
.Lj44:
    orr x5, x6, x5, lsl #1
    b.gt .Lt45
    mov x6, #0
    b .Lj45
.Lt45:
    mov x6, #1
.Lj45:
    orr x5, x6, x5, lsl #1
    b.le .Lt46
    mov x6, #0
    b .Lj46
.Lt46:
    mov x6, #1
.Lj46:
    orr x5, x6, x5, lsl #1
    b.al .Lt47
    mov x6, #0
    b .Lj47
.Lt47:
    mov x6, #1
.Lj47:
    orr x5, x6, x5, lsl #1
    b.nv .Lt48
    mov x6, #0
    b .Lj48
.Lt48:
    mov x6, #1
.Lj48:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x65ab
    SETF 3
    mov x5, #0
    b.eq .Lt49
    mov x6, #0
    b .Lj49
.Lt49:
    mov x6, #1
.Lj49:
    orr x5, x6, x5, lsl #1
    b.ne .Lt50
    mov x6, #0
    b .Lj50
.Lt50:
    mov x6, #1
.Lj50:
    orr x5, x6, x5, lsl #1
    b.cs .Lt51
    mov x6, #0
    b .Lj51
.Lt51:
    mov x6, #1
.Lj51:
    orr x5, x6, x5, lsl #1
    b.cc .Lt52
    mov x6, #0
    b .Lj52
.Lt52:
    mov x6, #1
.Lj52:
    orr x5, x6, x5, lsl #1
    b.mi .Lt53
    mov x6, #0
    b .Lj53
.Lt53:
    mov x6, #1
.Lj53:
    orr x5, x6, x5, lsl #1
    b.pl .Lt54
    mov x6, #0
    b .Lj54
.Lt54:
    mov x6, #1
.Lj54:
    orr x5, x6, x5, lsl #1
    b.vs .Lt55
    mov x6, #0
    b .Lj55
.Lt55:
    mov x6, #1
.Lj55:
    orr x5, x6, x5, lsl #1
    b.vc .Lt56
    mov x6, #0
    b .Lj56
.Lt56:
    mov x6, #1
.Lj56:
    orr x5, x6, x5, lsl #1
    b.hi .Lt57
    mov x6, #0
    b .Lj57
.Lt57:
    mov x6, #1
.Lj57:
    orr x5, x6, x5, lsl #1
    b.ls .Lt58
    mov x6, #0
    b .Lj58
.Lt58:
    mov x6, #1
.Lj58:
    orr x5, x6, x5, lsl #1
    b.ge .Lt59
    mov x6, #0
    b .Lj59
.Lt59:
    mov x6, #1
.Lj59:
    orr x5, x6, x5, lsl #1
    b.lt .Lt60
    mov x6, #0
    b .Lj60
.Lt60:
    mov x6, #1
.Lj60:
    orr x5, x6, x5, lsl #1
    b.gt .Lt61
    mov x6, #0
    b .Lj61
.Lt61:
    mov x6, #1
.Lj61:
    orr x5, x6, x5, lsl #1
    b.le .Lt62
    mov x6, #0
    b .Lj62
.Lt62:
    mov x6, #1
.Lj62:
    orr x5, x6, x5, lsl #1
    b.al .Lt63
    mov x6, #0
    b .Lj63
.Lt63:
    mov x6, #1
.Lj63:
    orr x5, x6, x5, lsl #1
    b.nv .Lt64
    mov x6, #0
    b .Lj64
.Lt64:
    mov x6, #1
.Lj64:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x6697
    SETF 4
    mov x5, #0
    b.eq .Lt65
    mov x6, #0
    b .Lj65
.Lt65:
    mov x6, #1
.Lj65:
    orr x5, x6, x5, lsl #1
    b.ne .Lt66
    mov x6, #0
    b .Lj66
.Lt66:
    mov x6, #1
.Lj66:
    orr x5, x6, x5, lsl #1
    b.cs .Lt67
    mov x6, #0
    b .Lj67
.Lt67:
    mov x6, #1
.Lj67:
    orr x5, x6, x5, lsl #1
    b.cc .Lt68
    mov x6, #0
    b .Lj68
.Lt68:
    mov x6, #1
.Lj68:
    orr x5, x6, x5, lsl #1
    b.mi .Lt69
    mov x6, #0
    b .Lj69
.Lt69:
    mov x6, #1
.Lj69:
    orr x5, x6, x5, lsl #1
    b.pl .Lt70
    mov x6, #0
    b .Lj70
.Lt70:
    mov x6, #1
.Lj70:
    orr x5, x6, x5, lsl #1
    b.vs .Lt71
    mov x6, #0
    b .Lj71
.Lt71:
    mov x6, #1
.Lj71:
    orr x5, x6, x5, lsl #1
    b.vc .Lt72
    mov x6, #0
    b .Lj72
.Lt72:
    mov x6, #1
.Lj72:
    orr x5, x6, x5, lsl #1
    b.hi .Lt73
    mov x6, #0
    b .Lj73
.Lt73:
    mov x6, #1
.Lj73:
    orr x5, x6, x5, lsl #1
    b.ls .Lt74
    mov x6, #0
    b .Lj74
.Lt74:
    mov x6, #1
.Lj74:
    orr x5, x6, x5, lsl #1
    b.ge .Lt75
    mov x6, #0
    b .Lj75
.Lt75:
    mov x6, #1
.Lj75:
    orr x5, x6, x5, lsl #1
    b.lt .Lt76
    mov x6, #0
    b .Lj76
.Lt76:
    mov x6, #1
.Lj76:
    orr x5, x6, x5, lsl #1
    b.gt .Lt77
    mov x6, #0
    b .Lj77
.Lt77:
    mov x6, #1
.Lj77:
    orr x5, x6, x5, lsl #1
    b.le .Lt78
    mov x6, #0
    b .Lj78
.Lt78:
    mov x6, #1
.Lj78:
    orr x5, x6, x5, lsl #1
    b.al .Lt79
    mov x6, #0
    b .Lj79
.Lt79:
    mov x6, #1
.Lj79:
    orr x5, x6, x5, lsl #1
    b.nv .Lt80
    mov x6, #0
    b .Lj80
.Lt80:
    mov x6, #1
.Lj80:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x9567
    SETF 5
    mov x5, #0
    b.eq .Lt81
    mov x6, #0
    b .Lj81
.Lt81:
    mov x6, #1
.Lj81:
    orr x5, x6, x5, lsl #1
    b.ne .Lt82
    mov x6, #0
    b .Lj82
.Lt82:
    mov x6, #1
.Lj82:
    orr x5, x6, x5, lsl #1
    b.cs .Lt83
    mov x6, #0
    b .Lj83
.Lt83:
    mov x6, #1
.Lj83:
    orr x5, x6, x5, lsl #1
    b.cc .Lt84
    mov x6, #0
    b .Lj84
.Lt84:
    mov x6, #1
.Lj84:
    orr x5, x6, x5, lsl #1
    b.mi .Lt85
    mov x6, #0
    b .Lj85
.Lt85:
    mov x6, #1
.Lj85:
    orr x5, x6, x5, lsl #1
    b.pl .Lt86
    mov x6, #0
    b .Lj86
.Lt86:
    mov x6, #1
.Lj86:
    orr x5, x6, x5, lsl #1
    b.vs .Lt87
    mov x6, #0
    b .Lj87
.Lt87:
    mov x6, #1
.Lj87:
    orr x5, x6, x5, lsl #1
    b.vc .Lt88
    mov x6, #0
    b .Lj88
.Lt88:
    mov x6, #1
.Lj88:
    orr x5, x6, x5, lsl #1
    b.hi .Lt89
    mov x6, #0
    b .Lj89
.Lt89:
    mov x6, #1
.Lj89:
    orr x5, x6, x5, lsl #1
    b.ls .Lt90
    mov x6, #0
    b .Lj90
.Lt90:
    mov x6, #1
.Lj90:
    orr x5, x6, x5, lsl #1
    b.ge .Lt91
    mov x6, #0
    b .Lj91
.Lt91:
    mov x6, #1
.Lj91:
    orr x5, x6, x5, lsl #1
    b.lt .Lt92
    mov x6, #0
    b .Lj92
.Lt92:
    mov x6, #1
.Lj92:
    orr x5, x6, x5, lsl #1
    b.gt .Lt93
    mov x6, #0
    b .Lj93
.Lt93:
    mov x6, #1
.Lj93:
    orr x5, x6, x5, lsl #1
    b.le .Lt94
    mov x6, #0
    b .Lj94
.Lt94:
    mov x6, #1
.Lj94:
    orr x5, x6, x5, lsl #1
    b.al .Lt95
    mov x6, #0
    b .Lj95
.Lt95:
    mov x6, #1
.Lj95:
    orr x5, x6, x5, lsl #1
    b.nv .Lt96
    mov x6, #0
    b .Lj96
.Lt96:
    mov x6, #1
.Lj96:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x9657
    SETF 6
    mov x5, #0
    b.eq .Lt97
    mov x6, #0
    b .Lj97
.Lt97:
    mov x6, #1
.Lj97:
    orr x5, x6, x5, lsl #1
    b.ne .Lt98
    mov x6, #0
    b .Lj98
.Lt98:
    mov x6, #1
.Lj98:
    orr x5, x6, x5, lsl #1
    b.cs .Lt99
    mov x6, #0
    b .Lj99
.Lt99:
    mov x6, #1
.Lj99:
    orr x5, x6, x5, lsl #1
    b.cc .Lt100
    mov x6, #0
    b .Lj100
.Lt100:
    mov x6, #1
.Lj100:
    orr x5, x6, x5, lsl #1
    b.mi .Lt101
    mov x6, #0
    b .Lj101
.Lt101:
    mov x6, #1
.Lj101:
    orr x5, x6, x5, lsl #1
    b.pl .Lt102
    mov x6, #0
    b .Lj102
.Lt102:
    mov x6, #1
.Lj102:
    orr x5, x6, x5, lsl #1
    b.vs .Lt103
    mov x6, #0
    b .Lj103
.Lt103:
    mov x6, #1
.Lj103:
    orr x5, x6, x5, lsl #1
    b.vc .Lt104
    mov x6, #0
    b .Lj104
.Lt104:
    mov x6, #1
.Lj104:
    orr x5, x6, x5, lsl #1
    b.hi .Lt105
    mov x6, #0
    b .Lj105
.Lt105:
    mov x6, #1
.Lj105:
    orr x5, x6, x5, lsl #1
    b.ls .Lt106
    mov x6, #0
    b .Lj106
.Lt106:
    mov x6, #1
.Lj106:
    orr x5, x6, x5, lsl #1
    b.ge .Lt107
    mov x6, #0
    b .Lj107
.Lt107:
    mov x6, #1
.Lj107:
    orr x5, x6, x5, lsl #1
    b.lt .Lt108
    mov x6, #0
    b .Lj108
.Lt108:
    mov x6, #1
.Lj108:
    orr x5, x6, x5, lsl #1
    b.gt .Lt109
    mov x6, #0
    b .Lj109
.Lt109:
    mov x6, #1
.Lj109:
    orr x5, x6, x5, lsl #1
    b.le .Lt110
    mov x6, #0
    b .Lj110
.Lt110:
    mov x6, #1
.Lj110:
    orr x5, x6, x5, lsl #1
    b.al .Lt111
    mov x6, #0
    b .Lj111
.Lt111:
    mov x6, #1
.Lj111:
    orr x5, x6, x5, lsl #1
    b.nv .Lt112
    mov x6, #0
    b .Lj112
.Lt112:
    mov x6, #1
.Lj112:
    orr x5, x6, x5, lsl #1
    CHK x5, 0xa567
    SETF 7
    mov x5, #0
    b.eq .Lt113
    mov x6, #0
    b .Lj113
.Lt113:
    mov x6, #1
.Lj113:
    orr x5, x6, x5, lsl #1
    b.ne .Lt114
    mov x6, #0
    b .Lj114
.Lt114:
    mov x6, #1
.Lj114:
    orr x5, x6, x5, lsl #1
    b.cs .Lt115
    mov x6, #0
    b .Lj115
.Lt115:
    mov x6, #1
.Lj115:
    orr x5, x6, x5, lsl #1
    b.cc .Lt116
    mov x6, #0
    b .Lj116
.Lt116:
    mov x6, #1
.Lj116:
    orr x5, x6, x5, lsl #1
    b.mi .Lt117
    mov x6, #0
    b .Lj117
.Lt117:
    mov x6, #1
.Lj117:
    orr x5, x6, x5, lsl #1
    b.pl .Lt118
    mov x6, #0
    b .Lj118
.Lt118:
    mov x6, #1
.Lj118:
    orr x5, x6, x5, lsl #1
    b.vs .Lt119
    mov x6, #0
    b .Lj119
.Lt119:
    mov x6, #1
.Lj119:
    orr x5, x6, x5, lsl #1
    b.vc .Lt120
    mov x6, #0
    b .Lj120
.Lt120:
    mov x6, #1
.Lj120:
    orr x5, x6, x5, lsl #1
    b.hi .Lt121
    mov x6, #0
    b .Lj121
.Lt121:
    mov x6, #1
.Lj121:
    orr x5, x6, x5, lsl #1
    b.ls .Lt122
    mov x6, #0
    b .Lj122
.Lt122:
    mov x6, #1
.Lj122:
    orr x5, x6, x5, lsl #1
    b.ge .Lt123
    mov x6, #0
    b .Lj123
.Lt123:
    mov x6, #1
.Lj123:
    orr x5, x6, x5, lsl #1
    b.lt .Lt124
    mov x6, #0
    b .Lj124
.Lt124:
    mov x6, #1
.Lj124:
    orr x5, x6, x5, lsl #1
    b.gt .Lt125
    mov x6, #0
    b .Lj125
.Lt125:
    mov x6, #1
.Lj125:
    orr x5, x6, x5, lsl #1
    b.le .Lt126
    mov x6, #0
    b .Lj126
.Lt126:
    mov x6, #1
.Lj126:
    orr x5, x6, x5, lsl #1
    b.al .Lt127
    mov x6, #0
    b .Lj127
.Lt127:
    mov x6, #1
.Lj127:
    orr x5, x6, x5, lsl #1
    b.nv .Lt128
    mov x6, #0
    b .Lj128
.Lt128:
    mov x6, #1
.Lj128:
    orr x5, x6, x5, lsl #1
    CHK x5, 0xa657
    SETF 8
    mov x5, #0
    b.eq .Lt129
    mov x6, #0
    b .Lj129
.Lt129:
    mov x6, #1
.Lj129:
    orr x5, x6, x5, lsl #1
    b.ne .Lt130
    mov x6, #0
    b .Lj130
.Lt130:
    mov x6, #1
.Lj130:
    orr x5, x6, x5, lsl #1
    b.cs .Lt131
    mov x6, #0
    b .Lj131
.Lt131:
    mov x6, #1
.Lj131:
    orr x5, x6, x5, lsl #1
    b.cc .Lt132
    mov x6, #0
    b .Lj132
.Lt132:
    mov x6, #1
.Lj132:
    orr x5, x6, x5, lsl #1
    b.mi .Lt133
    mov x6, #0
    b .Lj133
.Lt133:
    mov x6, #1
.Lj133:
    orr x5, x6, x5, lsl #1
    b.pl .Lt134
    mov x6, #0
    b .Lj134
.Lt134:
    mov x6, #1
.Lj134:
    orr x5, x6, x5, lsl #1
    b.vs .Lt135
    mov x6, #0
    b .Lj135
.Lt135:
    mov x6, #1
.Lj135:
    orr x5, x6, x5, lsl #1
    b.vc .Lt136
    mov x6, #0
    b .Lj136
.Lt136:
    mov x6, #1
.Lj136:
    orr x5, x6, x5, lsl #1
    b.hi .Lt137
    mov x6, #0
    b .Lj137
.Lt137:
    mov x6, #1
.Lj137:
    orr x5, x6, x5, lsl #1
    b.ls .Lt138
    mov x6, #0
    b .Lj138
.Lt138:
    mov x6, #1
.Lj138:
    orr x5, x6, x5, lsl #1
    b.ge .Lt139
    mov x6, #0
    b .Lj139
.Lt139:
    mov x6, #1
.Lj139:
    orr x5, x6, x5, lsl #1
    b.lt .Lt140
    mov x6, #0
    b .Lj140
.Lt140:
    mov x6, #1
.Lj140:
    orr x5, x6, x5, lsl #1
    b.gt .Lt141
    mov x6, #0
    b .Lj141
.Lt141:
    mov x6, #1
.Lj141:
    orr x5, x6, x5, lsl #1
    b.le .Lt142
    mov x6, #0
    b .Lj142
.Lt142:
    mov x6, #1
.Lj142:
    orr x5, x6, x5, lsl #1
    b.al .Lt143
    mov x6, #0
    b .Lj143
.Lt143:
    mov x6, #1
.Lj143:
    orr x5, x6, x5, lsl #1
    b.nv .Lt144
    mov x6, #0
    b .Lj144
.Lt144:
    mov x6, #1
.Lj144:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x5957
    SETF 9
    mov x5, #0
    b.eq .Lt145
    mov x6, #0
    b .Lj145
.Lt145:
    mov x6, #1
.Lj145:
    orr x5, x6, x5, lsl #1
    b.ne .Lt146
    mov x6, #0
    b .Lj146
.Lt146:
    mov x6, #1
.Lj146:
    orr x5, x6, x5, lsl #1
    b.cs .Lt147
    mov x6, #0
    b .Lj147
.Lt147:
    mov x6, #1
.Lj147:
    orr x5, x6, x5, lsl #1
    b.cc .Lt148
    mov x6, #0
    b .Lj148
.Lt148:
    mov x6, #1
.Lj148:
    orr x5, x6, x5, lsl #1
    b.mi .Lt149
    mov x6, #0
    b .Lj149
.Lt149:
    mov x6, #1
.Lj149:
    orr x5, x6, x5, lsl #1
    b.pl .Lt150
    mov x6, #0
    b .Lj150
.Lt150:
    mov x6, #1
.Lj150:
    orr x5, x6, x5, lsl #1
    b.vs .Lt151
    mov x6, #0
    b .Lj151
.Lt151:
    mov x6, #1
.Lj151:
    orr x5, x6, x5, lsl #1
    b.vc .Lt152
    mov x6, #0
    b .Lj152
.Lt152:
    mov x6, #1
.Lj152:
    orr x5, x6, x5, lsl #1
    b.hi .Lt153
    mov x6, #0
    b .Lj153
.Lt153:
    mov x6, #1
.Lj153:
    orr x5, x6, x5, lsl #1
    b.ls .Lt154
    mov x6, #0
    b .Lj154
.Lt154:
    mov x6, #1
.Lj154:
    orr x5, x6, x5, lsl #1
    b.ge .Lt155
    mov x6, #0
    b .Lj155
.Lt155:
    mov x6, #1
.Lj155:
    orr x5, x6, x5, lsl #1
    b.lt .Lt156
    mov x6, #0
    b .Lj156
.Lt156:
    mov x6, #1
.Lj156:
    orr x5, x6, x5, lsl #1
    b.gt .Lt157
    mov x6, #0
    b .Lj157
.Lt157:
    mov x6, #1
.Lj157:
    orr x5, x6, x5, lsl #1
    b.le .Lt158
    mov x6, #0
    b .Lj158
.Lt158:
    mov x6, #1
.Lj158:
    orr x5, x6, x5, lsl #1
    b.al .Lt159
    mov x6, #0
    b .Lj159
.Lt159:
    mov x6, #1
.Lj159:
    orr x5, x6, x5, lsl #1
    b.nv .Lt160
    mov x6, #0
    b .Lj160
.Lt160:
    mov x6, #1
.Lj160:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x5a6b
    SETF 10
    mov x5, #0
    b.eq .Lt161
    mov x6, #0
    b .Lj161
.Lt161:
    mov x6, #1
.Lj161:
    orr x5, x6, x5, lsl #1
    b.ne .Lt162
    mov x6, #0
    b .Lj162
.Lt162:
    mov x6, #1
.Lj162:
    orr x5, x6, x5, lsl #1
    b.cs .Lt163
    mov x6, #0
    b .Lj163
.Lt163:
    mov x6, #1
.Lj163:
    orr x5, x6, x5, lsl #1
    b.cc .Lt164
    mov x6, #0
    b .Lj164
.Lt164:
    mov x6, #1
.Lj164:
    orr x5, x6, x5, lsl #1
    b.mi .Lt165
    mov x6, #0
    b .Lj165
.Lt165:
    mov x6, #1
.Lj165:
    orr x5, x6, x5, lsl #1
    b.pl .Lt166
    mov x6, #0
    b .Lj166
.Lt166:
    mov x6, #1
.Lj166:
    orr x5, x6, x5, lsl #1
    b.vs .Lt167
    mov x6, #0
    b .Lj167
.Lt167:
    mov x6, #1
.Lj167:
    orr x5, x6, x5, lsl #1
    b.vc .Lt168
    mov x6, #0
    b .Lj168
.Lt168:
    mov x6, #1
.Lj168:
    orr x5, x6, x5, lsl #1
    b.hi .Lt169
    mov x6, #0
    b .Lj169
.Lt169:
    mov x6, #1
.Lj169:
    orr x5, x6, x5, lsl #1
    b.ls .Lt170
    mov x6, #0
    b .Lj170
.Lt170:
    mov x6, #1
.Lj170:
    orr x5, x6, x5, lsl #1
    b.ge .Lt171
    mov x6, #0
    b .Lj171
.Lt171:
    mov x6, #1
.Lj171:
    orr x5, x6, x5, lsl #1
    b.lt .Lt172
    mov x6, #0
    b .Lj172
.Lt172:
    mov x6, #1
.Lj172:
    orr x5, x6, x5, lsl #1
    b.gt .Lt173
    mov x6, #0
    b .Lj173
.Lt173:
    mov x6, #1
.Lj173:
    orr x5, x6, x5, lsl #1
    b.le .Lt174
    mov x6, #0
    b .Lj174
.Lt174:
    mov x6, #1
.Lj174:
    orr x5, x6, x5, lsl #1
    b.al .Lt175
    mov x6, #0
    b .Lj175
.Lt175:
    mov x6, #1
.Lj175:
    orr x5, x6, x5, lsl #1
    b.nv .Lt176
    mov x6, #0
    b .Lj176
.Lt176:
    mov x6, #1
.Lj176:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x6997
    SETF 11
    mov x5, #0
    b.eq .Lt177
    mov x6, #0
    b .Lj177
.Lt177:
    mov x6, #1
.Lj177:
    orr x5, x6, x5, lsl #1
    b.ne .Lt178
    mov x6, #0
    b .Lj178
.Lt178:
    mov x6, #1
.Lj178:
    orr x5, x6, x5, lsl #1
    b.cs .Lt179
    mov x6, #0
    b .Lj179
.Lt179:
    mov x6, #1
.Lj179:
    orr x5, x6, x5, lsl #1
    b.cc .Lt180
    mov x6, #0
    b .Lj180
.Lt180:
    mov x6, #1
.Lj180:
    orr x5, x6, x5, lsl #1
    b.mi .Lt181
    mov x6, #0
    b .Lj181
.Lt181:
    mov x6, #1
.Lj181:
    orr x5, x6, x5, lsl #1
    b.pl .Lt182
    mov x6, #0
    b .Lj182
.Lt182:
    mov x6, #1
.Lj182:
    orr x5, x6, x5, lsl #1
    b.vs .Lt183
    mov x6, #0
    b .Lj183
.Lt183:
    mov x6, #1
.Lj183:
    orr x5, x6, x5, lsl #1
    b.vc .Lt184
    mov x6, #0
    b .Lj184
.Lt184:
    mov x6, #1
.Lj184:
    orr x5, x6, x5, lsl #1
    b.hi .Lt185
    mov x6, #0
    b .Lj185
.Lt185:
    mov x6, #1
.Lj185:
    orr x5, x6, x5, lsl #1
    b.ls .Lt186
    mov x6, #0
    b .Lj186
.Lt186:
    mov x6, #1
.Lj186:
    orr x5, x6, x5, lsl #1
    b.ge .Lt187
    mov x6, #0
    b .Lj187
.Lt187:
    mov x6, #1
.Lj187:
    orr x5, x6, x5, lsl #1
    b.lt .Lt188
    mov x6, #0
    b .Lj188
.Lt188:
    mov x6, #1
.Lj188:
    orr x5, x6, x5, lsl #1
    b.gt .Lt189
    mov x6, #0
    b .Lj189
.Lt189:
    mov x6, #1
.Lj189:
    orr x5, x6, x5, lsl #1
    b.le .Lt190
    mov x6, #0
    b .Lj190
.Lt190:
    mov x6, #1
.Lj190:
    orr x5, x6, x5, lsl #1
    b.al .Lt191
    mov x6, #0
    b .Lj191
.Lt191:
    mov x6, #1
.Lj191:
    orr x5, x6, x5, lsl #1
    b.nv .Lt192
    mov x6, #0
    b .Lj192
.Lt192:
    mov x6, #1
.Lj192:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x6aab
    SETF 12
    mov x5, #0
    b.eq .Lt193
    mov x6, #0
    b .Lj193
.Lt193:
    mov x6, #1
.Lj193:
    orr x5, x6, x5, lsl #1
    b.ne .Lt194
    mov x6, #0
    b .Lj194
.Lt194:
    mov x6, #1
.Lj194:
    orr x5, x6, x5, lsl #1
    b.cs .Lt195
    mov x6, #0
    b .Lj195
.Lt195:
    mov x6, #1
.Lj195:
    orr x5, x6, x5, lsl #1
    b.cc .Lt196
    mov x6, #0
    b .Lj196
.Lt196:
    mov x6, #1
.Lj196:
    orr x5, x6, x5, lsl #1
    b.mi .Lt197
    mov x6, #0
    b .Lj197
.Lt197:
    mov x6, #1
.Lj197:
    orr x5, x6, x5, lsl #1
    b.pl .Lt198
    mov x6, #0
    b .Lj198
.Lt198:
    mov x6, #1
.Lj198:
    orr x5, x6, x5, lsl #1
    b.vs .Lt199
    mov x6, #0
    b .Lj199
.Lt199:
    mov x6, #1
.Lj199:
    orr x5, x6, x5, lsl #1
    b.vc .Lt200
    mov x6, #0
    b .Lj200
.Lt200:
    mov x6, #1
.Lj200:
    orr x5, x6, x5, lsl #1
    b.hi .Lt201
    mov x6, #0
    b .Lj201
.Lt201:
    mov x6, #1
.Lj201:
    orr x5, x6, x5, lsl #1
    b.ls .Lt202
    mov x6, #0
    b .Lj202
.Lt202:
    mov x6, #1
.Lj202:
    orr x5, x6, x5, lsl #1
    b.ge .Lt203
    mov x6, #0
    b .Lj203
.Lt203:
    mov x6, #1
.Lj203:
    orr x5, x6, x5, lsl #1
    b.lt .Lt204
    mov x6, #0
    b .Lj204
.Lt204:
    mov x6, #1
.Lj204:
    orr x5, x6, x5, lsl #1
    b.gt .Lt205
    mov x6, #0
    b .Lj205
.Lt205:
    mov x6, #1
.Lj205:
    orr x5, x6, x5, lsl #1
    b.le .Lt206
    mov x6, #0
    b .Lj206
.Lt206:
    mov x6, #1
.Lj206:
    orr x5, x6, x5, lsl #1
    b.al .Lt207
    mov x6, #0
    b .Lj207
.Lt207:
    mov x6, #1
.Lj207:
    orr x5, x6, x5, lsl #1
    b.nv .Lt208
    mov x6, #0
    b .Lj208
.Lt208:
    mov x6, #1
.Lj208:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x9957
    SETF 13
    mov x5, #0
    b.eq .Lt209
    mov x6, #0
    b .Lj209
.Lt209:
    mov x6, #1
.Lj209:
    orr x5, x6, x5, lsl #1
    b.ne .Lt210
    mov x6, #0
    b .Lj210
.Lt210:
    mov x6, #1
.Lj210:
    orr x5, x6, x5, lsl #1
    b.cs .Lt211
    mov x6, #0
    b .Lj211
.Lt211:
    mov x6, #1
.Lj211:
    orr x5, x6, x5, lsl #1
    b.cc .Lt212
    mov x6, #0
    b .Lj212
.Lt212:
    mov x6, #1
.Lj212:
    orr x5, x6, x5, lsl #1
    b.mi .Lt213
    mov x6, #0
    b .Lj213
.Lt213:
    mov x6, #1
.Lj213:
    orr x5, x6, x5, lsl #1
    b.pl .Lt214
    mov x6, #0
    b .Lj214
.Lt214:
    mov x6, #1
.Lj214:
    orr x5, x6, x5, lsl #1
    b.vs .Lt215
    mov x6, #0
    b .Lj215
.Lt215:
    mov x6, #1
.Lj215:
    orr x5, x6, x5, lsl #1
    b.vc .Lt216
    mov x6, #0
    b .Lj216
.Lt216:
    mov x6, #1
.Lj216:
    orr x5, x6, x5, lsl #1
    b.hi .Lt217
    mov x6, #0
    b .Lj217
.Lt217:
    mov x6, #1
.Lj217:
    orr x5, x6, x5, lsl #1
    b.ls .Lt218
    mov x6, #0
    b .Lj218
.Lt218:
    mov x6, #1
.Lj218:
    orr x5, x6, x5, lsl #1
    b.ge .Lt219
    mov x6, #0
    b .Lj219
.Lt219:
    mov x6, #1
.Lj219:
    orr x5, x6, x5, lsl #1
    b.lt .Lt220
    mov x6, #0
    b .Lj220
.Lt220:
    mov x6, #1
.Lj220:
    orr x5, x6, x5, lsl #1
    b.gt .Lt221
    mov x6, #0
    b .Lj221
.Lt221:
    mov x6, #1
.Lj221:
    orr x5, x6, x5, lsl #1
    b.le .Lt222
    mov x6, #0
    b .Lj222
.Lt222:
    mov x6, #1
.Lj222:
    orr x5, x6, x5, lsl #1
    b.al .Lt223
    mov x6, #0
    b .Lj223
.Lt223:
    mov x6, #1
.Lj223:
    orr x5, x6, x5, lsl #1
    b.nv .Lt224
    mov x6, #0
    b .Lj224
.Lt224:
    mov x6, #1
.Lj224:
    orr x5, x6, x5, lsl #1
    CHK x5, 0x9a67
    SETF 14
    mov x5, #0
    b.eq .Lt225
    mov x6, #0
    b .Lj225
.Lt225:
    mov x6, #1
.Lj225:
    orr x5, x6, x5, lsl #1
    b.ne .Lt226
    mov x6, #0
    b .Lj226
.Lt226:
    mov x6, #1
.Lj226:
    orr x5, x6, x5, lsl #1
    b.cs .Lt227
    mov x6, #0
    b .Lj227
.Lt227:
    mov x6, #1
.Lj227:
    orr x5, x6, x5, lsl #1
    b.cc .Lt228
    mov x6, #0
    b .Lj228
.Lt228:
    mov x6, #1
.Lj228:
    orr x5, x6, x5, lsl #1
    b.mi .Lt229
    mov x6, #0
    b .Lj229
.Lt229:
    mov x6, #1
.Lj229:
    orr x5, x6, x5, lsl #1
    b.pl .Lt230
    mov x6, #0
    b .Lj230
.Lt230:
    mov x6, #1
.Lj230:
    orr x5, x6, x5, lsl #1
    b.vs .Lt231
    mov x6, #0
    b .Lj231
.Lt231:
    mov x6, #1
.Lj231:
    orr x5, x6, x5, lsl #1
    b.vc .Lt232
    mov x6, #0
    b .Lj232
.Lt232:
    mov x6, #1
.Lj232:
    orr x5, x6, x5, lsl #1
    b.hi .Lt233
    mov x6, #0
    b .Lj233
.Lt233:
    mov x6, #1
.Lj233:
    orr x5, x6, x5, lsl #1
    b.ls .Lt234
    mov x6, #0
    b .Lj234
.Lt234:
    mov x6, #1
.Lj234:
    orr x5, x6, x5, lsl #1
    b.ge .Lt235
    mov x6, #0
    b .Lj235
.Lt235:
    mov x6, #1
.Lj235:
    orr x5, x6, x5, lsl #1
    b.lt .Lt236
    mov x6, #0
    b .Lj236
.Lt236:
    mov x6, #1
.Lj236:
    orr x5, x6, x5, lsl #1
    b.gt .Lt237
    mov x6, #0
    b .Lj237
.Lt237:
    mov x6, #1
.Lj237:
    orr x5, x6, x5, lsl #1
    b.le .Lt238
    mov x6, #0
    b .Lj238
.Lt238:
    mov x6, #1
.Lj238:
    orr x5, x6, x5, lsl #1
    b.al .Lt239
    mov x6, #0
    b .Lj239
.Lt239:
    mov x6, #1
.Lj239:
    orr x5, x6, x5, lsl #1
    b.nv .Lt240
    mov x6, #0
    b .Lj240
.Lt240:
    mov x6, #1
.Lj240:
    orr x5, x6, x5, lsl #1
    CHK x5, 0xa957
    SETF 15
    mov x5, #0
    b.eq .Lt241
    mov x6, #0
    b .Lj241
.Lt241:
    mov x6, #1
.Lj241:
    orr x5, x6, x5, lsl #1
    b.ne .Lt242
    mov x6, #0
    b .Lj242
.Lt242:
    mov x6, #1
.Lj242:
    orr x5, x6, x5, lsl #1
    b.cs .Lt243
    mov x6, #0
    b .Lj243
.Lt243:
    mov x6, #1
.Lj243:
    orr x5, x6, x5, lsl #1
    b.cc .Lt244
    mov x6, #0
    b .Lj244
.Lt244:
    mov x6, #1
.Lj244:
    orr x5, x6, x5, lsl #1
    b.mi .Lt245
    mov x6, #0
    b .Lj245
.Lt245:
    mov x6, #1
.Lj245:
    orr x5, x6, x5, lsl #1
    b.pl .Lt246
    mov x6, #0
    b .Lj246
.Lt246:
    mov x6, #1
.Lj246:
    orr x5, x6, x5, lsl #1
    b.vs .Lt247
    mov x6, #0
    b .Lj247
.Lt247:
    mov x6, #1
.Lj247:
    orr x5, x6, x5, lsl #1
    b.vc .Lt248
    mov x6, #0
    b .Lj248
.Lt248:
    mov x6, #1
.Lj248:
    orr x5, x6, x5, lsl #1
    b.hi .Lt249
    mov x6, #0
    b .Lj249
.Lt249:
    mov x6, #1
.Lj249:
    orr x5, x6, x5, lsl #1
    b.ls .Lt250
    mov x6, #0
    b .Lj250
.Lt250:
    mov x6, #1
.Lj250:
    orr x5, x6, x5, lsl #1
    b.ge .Lt251
    mov x6, #0
    b .Lj251
.Lt251:
    mov x6, #1
.Lj251:
    orr x5, x6, x5, lsl #1
    b.lt .Lt252
    mov x6, #0
    b .Lj252
.Lt252:
    mov x6, #1
.Lj252:
    orr x5, x6, x5, lsl #1
    b.gt .Lt253
    mov x6, #0
    b .Lj253
.Lt253:
    mov x6, #1
.Lj253:
    orr x5, x6, x5, lsl #1
    b.le .Lt254
    mov x6, #0
    b .Lj254
.Lt254:
    mov x6, #1
.Lj254:
    orr x5, x6, x5, lsl #1
    b.al .Lt255
    mov x6, #0
    b .Lj255
.Lt255:
    mov x6, #1
.Lj255:
    orr x5, x6, x5, lsl #1
    b.nv .Lt256
    mov x6, #0
    b .Lj256
.Lt256:
    mov x6, #1
.Lj256:
    orr x5, x6, x5, lsl #1
    CHK x5, 0xaa67
    /* CBZ/CBNZ: W forms ignore bits 63:32 */
    LI x1, 0x100000000
    cbz w1, 1f
    FAILNOW
1:
    cbnz x1, 1f
    FAILNOW
1:
    cbz x1, 2f
    b 1f
2:
    FAILNOW
1:
    cbnz w1, 2f
    b 1f
2:
    FAILNOW
1:
    cbz xzr, 1f
    FAILNOW
1:
    cbnz wzr, 2f
    b 1f
2:
    FAILNOW
1:
    /* TBZ/TBNZ on bits 0, 1, 31, 32, 33, 62, 63 */
    LI x1, 0x8000000180000001
    tbnz x1, #0, 1f
    FAILNOW
1:
    tbnz w1, #31, 1f
    FAILNOW
1:
    tbnz x1, #32, 1f
    FAILNOW
1:
    tbnz x1, #63, 1f
    FAILNOW
1:
    tbz x1, #1, 1f
    FAILNOW
1:
    tbz x1, #62, 1f
    FAILNOW
1:
    tbz x1, #33, 1f
    FAILNOW
1:
    tbz x1, #0, 2f
    b 1f
2:
    FAILNOW
1:
    tbnz x1, #62, 2f
    b 1f
2:
    FAILNOW
1:
    tbz w1, #31, 2f
    b 1f
2:
    FAILNOW
1:
    tbnz x1, #33, 2f
    b 1f
2:
    FAILNOW
1:
    tbz x1, #63, 2f
    b 1f
2:
    FAILNOW
1:
    /* loops: B.cond, CBNZ and TBZ backwards */
    mov x1, #10
    mov x2, #0
5:
    add x2, x2, x1
    subs x1, x1, #1
    b.ne 5b
    CHK x2, 55
    mov x1, #1000
    mov x2, #0
5:
    add x2, x2, #3
    sub x1, x1, #1
    cbnz x1, 5b
    CHK x2, 3000
    mov x1, #0
5:
    add x1, x1, #1
    tbz x1, #3, 5b
    CHK x1, 8
    /* branches to the next instruction (both exits to one place) */
    cmp x1, x1
    b.eq 1f
1:
    b.ne 1f
1:
    cbz x1, 1f
1:
    tbnz x1, #3, 1f
1:
    /* TBZ/TBNZ and B.cond over +-32 KiB (imm14 and imm19 sign bits) */
    tbz xzr, #5, far_tbz
    FAILNOW
far_back:
    mov x1, #0
    cmp x1, #0
    b.eq far_bcond
    FAILNOW
far_back2:
    b pass
func77:
    mov x0, #77
    ret
func_lr:
    mov x0, x30
    ret
    .space 32000
far_tbz:
    mov x7, #1
    tbnz x7, #0, far_back
    FAILNOW
    .space 300000
far_bcond:
    b.ne 1f
    b.eq far_back2
1:
    FAILNOW

pass:
    mov x0, #1
    adr x1, okmsg
    mov x2, #(okmsg_end - okmsg)
    mov x8, #64                 /* write */
    svc #0
    mov x0, #0
fail:
    mov x8, #93                 /* exit */
    svc #0

okmsg:
    .ascii "ok a64-branch-basic\n"
okmsg_end:
