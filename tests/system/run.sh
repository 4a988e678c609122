#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Full-system suite for guise-system-aarch64 without guest code (the
# programs that run on its CPU are tests/baremetal's).
#   dtb:   -machine dumpdtb=FILE against qemu-system-aarch64's (package
#          qemu-system-arm), both decompiled by dtc (device-tree-compiler)
#          and normalised by dtnorm.py: same nodes, properties and values
#          for GICv2 and v3, -smp 2, -m 512M, -append, -initrd (with a tiny
#          fake arm64 Image, plain and gzipped), modulo phandle numbers,
#          random seeds and the nodes of devices guise lacks yet (SKIPS);
#   qmp:   a QMP conversation over a unix and a tcp socket (qmp-check.py);
#   usage: bad options and files (an ELF of another architecture among
#          them) give one line on stderr and exit 1.
# Missing qemu-system-aarch64, dtc or python3 turn their cases into SKIPs.
#
# Usage: tests/system/run.sh PATH-TO-guise-aarch64 (guise-system-aarch64
#        beside it), or GUISE_SYSTEM=path tests/system/run.sh
# Prints PASS/FAIL/SKIP lines, then "N passed, N failed, N skipped".

set -u
export LC_ALL=C

SYS=${GUISE_SYSTEM:-$(dirname "${1:-./x}")/guise-system-aarch64}
HERE=$(cd "$(dirname "$0")" && pwd)
REPORT_PREFIX=system/
. "$(dirname "$0")/../lib/report.sh"

if [ ! -x "$SYS" ]; then
    fail setup "no guise-system-aarch64 at $SYS"
    summary
fi
SYS=$(cd "$(dirname "$SYS")" && pwd)/$(basename "$SYS")
T=$(mktemp -d "${TMPDIR:-/tmp}/guise-system.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1

have() { command -v "$1" > /dev/null 2>&1; }
QEMU=${QEMU_SYSTEM_AARCH64:-qemu-system-aarch64}
PY=python3
have "$PY" || PY=

# A fake arm64 Image: header with text_offset 0, image_size 2 MiB, the
# "ARM\x64" magic at 56; enough to be placed, never run.
printf 'MZ\0\221\0\0\0\024\0\0\0\0\0\0\0\0\0\0\040\0\0\0\0\0\012\0\0\0\0\0\0\0' > Image
head -c 24 /dev/zero >> Image
printf 'ARMd\0\0\0\0' >> Image
head -c 4096 /dev/zero >> Image
gzip -9 -c Image > Image.gz
head -c 10000 /dev/zero | tr '\0' x > initrd

# Nodes QEMU adds for devices guise does not model yet.
SKIPS=(--skip /platform-bus@c000000   # dynamic sysbus devices
       --skip /pcie@10000000          # PCIe host bridge
       --skip /flash@0                # pflash (firmware)
       --skip /pmu                    # PMU interrupt (CPU layer)
       --skip /intc@8000000/v2m@8020000   # GICv2m MSI frame
       --skip /intc@8000000/its@8080000)  # GICv3 ITS

# dtb NAME KERNEL-ARGS...: compare dumpdtb outputs.
dtb_case() {
    local name=$1
    shift
    if ! have "$QEMU" || ! have dtc || [ -z "$PY" ]; then
        skip "dtb/$name" "needs qemu-system-aarch64 (qemu-system-arm), dtc (device-tree-compiler) and python3"
        return
    fi
    local mach=$1
    shift
    rm -f q.dtb g.dtb
    "$QEMU" -M "$mach,dumpdtb=q.dtb" -display none "$@" > q.err 2>&1
    if ! "$SYS" -M "$mach,dumpdtb=g.dtb" "$@" > g.err 2>&1; then
        fail "dtb/$name" "guise-system-aarch64 failed:" "$(head -3 g.err)"
        return
    fi
    if [ ! -s q.dtb ]; then
        skip "dtb/$name" "qemu-system-aarch64 made no dtb: $(head -1 q.err)"
        return
    fi
    dtc -q -I dtb -O dts q.dtb > q.dts 2>/dev/null
    dtc -q -I dtb -O dts g.dtb > g.dts 2>/dev/null
    "$PY" "$HERE/dtnorm.py" "${SKIPS[@]}" q.dts > q.n
    "$PY" "$HERE/dtnorm.py" "${SKIPS[@]}" g.dts > g.n
    if diff -u q.n g.n > d.out; then
        pass "dtb/$name"
    else
        fail "dtb/$name" "qemu (-) and guise (+) differ:" "$(head -20 d.out)"
    fi
}

dtb_case v2-default virt -cpu cortex-a53
dtb_case v3-default virt,gic-version=3 -cpu cortex-a53
dtb_case v2-smp2-m512 virt,gic-version=2 -cpu cortex-a72 -smp 2 -m 512M
dtb_case v3-smp2-m512 virt,gic-version=3 -cpu neoverse-n1 -smp 2 -m 512M
dtb_case v3-max-smp4 virt,gic-version=3 -cpu max -smp 4 -m 2G
dtb_case v2-kernel-append virt -cpu cortex-a53 -kernel Image -append "console=ttyAMA0 root=/dev/vda rw"
dtb_case v3-initrd virt,gic-version=3 -cpu cortex-a53 -smp 2 -m 512M -kernel Image \
    -initrd initrd -append "console=ttyAMA0"
dtb_case v2-initrd-small-ram virt -cpu cortex-a53 -m 64M -kernel Image -initrd initrd
dtb_case v3-gzip-kernel virt,gic-version=3 -cpu cortex-a72 -kernel Image.gz -initrd initrd

# dumpdtb itself: exit 0, QEMU's message, a valid DTB.
if "$SYS" -M virt,dumpdtb=x.dtb > out 2> err && grep -q "dtb dumped to x.dtb. Exiting." err &&
   [ "$(head -c 4 x.dtb | od -An -tx1 | tr -d ' ')" = d00dfeed ]; then
    pass dumpdtb
else
    fail dumpdtb "$(cat err)"
fi

# usage NAME ARGS...: exactly one line on stderr and exit status 1.
usage_case() {
    local name=$1 st lines
    shift
    timeout 10 "$SYS" "$@" > out 2> err < /dev/null
    st=$?
    lines=$(wc -l < err)
    if [ "$st" = 1 ] && [ "$lines" = 1 ] && grep -q '^guise' err; then
        pass "usage/$name"
    else
        fail "usage/$name" "exit $st, $lines lines on stderr (want 1, 1):" "$(head -3 err)"
    fi
}

echo "not a kernel" > junk
printf '\037\213\010\000garbage' > bad.gz
usage_case unknown-option -frobnicate
usage_case missing-argument -m
usage_case unknown-machine -M pc
usage_case bad-gic-version -M virt,gic-version=4
usage_case unknown-machine-prop -M virt,secure=on
usage_case unknown-cpu -cpu pentium
usage_case bad-memory -m lots
usage_case bad-smp -smp 0
usage_case gicv2-too-many-cpus -smp 9
usage_case missing-kernel -kernel "$T/nonexistent"
usage_case not-an-image -kernel junk
usage_case corrupt-gzip -kernel bad.gz
usage_case initrd-without-kernel -initrd initrd
usage_case missing-initrd -kernel Image -initrd "$T/nonexistent"
usage_case dtb-not-a-dtb -kernel Image -dtb junk
usage_case unknown-device -device e1000
usage_case net-device-without-netdev -device virtio-net-device
usage_case net-device-unknown-netdev -netdev user,id=n0 -device virtio-net-device,netdev=n1
usage_case net-device-bad-mac -netdev user,id=n0 -device virtio-net-device,netdev=n0,mac=01:02:03:04:05:06
usage_case netdev-unknown-type -netdev tap,id=n0
usage_case netdev-without-id -netdev user
usage_case netdev-unknown-option -netdev user,id=n0,frob=1
usage_case netdev-bad-hostfwd -netdev user,id=n0,hostfwd=tcp:2222-22
usage_case netdev-host-outside-net -netdev user,id=n0,net=10.0.2.0/24,host=10.0.3.2
usage_case netdev-twice -netdev user,id=n0 -device virtio-net-device,netdev=n0 -device virtio-net-device,netdev=n0
usage_case blk-without-drive -device virtio-blk-device
usage_case blk-unknown-drive -drive file=junk,format=raw,if=none,id=a -device virtio-blk-device,drive=b
usage_case blk-missing-file -drive file=$T/none.img,format=raw,if=none,id=a -device virtio-blk-device,drive=a
usage_case drive-if-ide -drive file=junk,format=raw,if=ide
usage_case drive-virtio-missing -drive file=$T/none.img,format=raw
usage_case bad-serial -serial bogus
usage_case bad-qmp -qmp tcp:nonsense
usage_case kernel-too-big-for-ram -m 1M -kernel Image
usage_case elf-not-aarch64 -M virt -kernel /bin/true -serial null
usage_case human-monitor -monitor stdio
usage_case accel-unknown -accel kvm
usage_case accel-unknown-property -accel tcg,thread=single
usage_case accel-bad-tb-size -accel tcg,tb-size=0
usage_case accel-bad-split-wx -accel tcg,split-wx=maybe
usage_case jit-bad-value -jit maybe
usage_case graphical-display -display gtk
usage_case kvm -accel kvm
usage_case bad-d-category -d nosuch
usage_case bad-chardev -chardev socket,id=c0,path=$T/c.sock
usage_case virtconsole-unknown-chardev -device virtconsole,chardev=nope

# -netdev user with hostfwd and a virtio-net, and the -nic shorthand, are
# accepted (port 0: the host picks a free one).
if "$SYS" -netdev user,id=n0 -M virt,dumpdtb=n.dtb 2>&1 | grep -q "without libslirp"; then
    skip netdev-user "guise-system-aarch64 was built without libslirp (--static)"
elif "$SYS" -netdev user,id=n0,hostfwd=tcp:127.0.0.1:0-:22,hostfwd=udp::0-:53 \
       -device virtio-net-device,netdev=n0,mac=52:54:00:ab:cd:ef -M virt,dumpdtb=n.dtb > out 2> err &&
   "$SYS" -nic user,model=virtio-net-device,hostfwd=tcp:127.0.0.1:0-:22 -M virt,dumpdtb=n.dtb > out 2> err; then
    pass netdev-user
else
    fail netdev-user "$(cat err)"
fi

# qmp NAME ADDRESS: a conversation, then quit ends guise with status 0.
qmp_case() {
    local name=$1 addr=$2 pid st
    if [ -z "$PY" ]; then
        skip "qmp/$name" "needs python3"
        return
    fi
    local img="$(dirname "$SYS")/guise-img"
    [ -x "$img" ] || img=qemu-img
    if ! have "$img"; then
        skip "qmp/$name" "needs guise-img or qemu-img to make a qcow2 disk"
        return
    fi
    rm -f disk.qcow2
    "$img" create -f qcow2 disk.qcow2 1M > /dev/null
    "$SYS" -M virt -S -smp 2 -nographic -serial null -qmp "$addr,server,nowait" \
        -drive file=disk.qcow2,format=qcow2,if=none,id=disk0 \
        -device virtio-blk-device,drive=disk0 -device virtio-rng-device > q.out 2> q.err &
    pid=$!
    timeout 20 "$PY" "$HERE/qmp-check.py" "$addr" > conv.out 2>&1
    st=$?
    for _ in $(seq 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
    if kill -0 $pid 2>/dev/null; then
        kill $pid
        fail "qmp/$name" "guise did not exit after quit" "$(grep -v '^ok' conv.out | head -5)"
        return
    fi
    wait $pid
    local gst=$?
    # A port another program holds: the caller tries another one.
    [ "$name" = tcp ] && [ $gst = 1 ] && grep -q "cannot listen" q.err && return 2
    if [ $st = 0 ] && [ $gst = 0 ]; then
        pass "qmp/$name"
    else
        fail "qmp/$name" "checker exit $st, guise exit $gst:" "$(grep -v '^ok' conv.out | head -8)" "$(head -3 q.err)"
    fi
}

qmp_case unix "unix:$T/qmp.sock"
for _ in 1 2 3 4 5; do
    qmp_case tcp "tcp:127.0.0.1:$((20000 + RANDOM % 20000))"
    [ $? = 2 ] || break
done

summary
