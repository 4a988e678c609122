#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# tests/world: real programs from Debian's arm64 archive under guise.
#
#   bash tests/world/run.sh ./guise-aarch64 [FILTER]
#
# Fetches a small set of Debian bookworm arm64 packages (libc6, coreutils,
# bash, dash, busybox, grep, sed, gawk, gzip, xz-utils, tar, findutils, perl-base,
# python3.11-minimal, gcc-12 with binutils and libc6-dev, sqlite3, fzf (a Go
# program), ripgrep and fd-find (Rust programs) and the libraries they need;
# about 62 MB) with apt-get download, through a private apt
# configuration (no dpkg --add-architecture), into a cache outside the
# clone: ${GUISE_WORLD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guise-world}.
# The packages are unpacked into CACHE/root (merged /usr, as Debian's
# installed systems are) and reused by later runs; delete the cache to
# fetch again.  Without apt or network every test is a SKIP.  The amd64
# builds of the programs the host lacks (NATIVE_PACKAGES: ripgrep, fd-find)
# are fetched the same way into CACHE/native, to compare with.
#
# Each test runs a command under `guise-aarch64 -L ROOT` and compares its
# output with the same command run natively by the host's (amd64) tools,
# or checks a round trip through a host tool (gzip, xz, tar, sha256sum).
# The last line is "N passed, N failed, N skipped"; exit 0 iff none failed.
# Environment: TEST_TIMEOUT (seconds per test, default 60), V=1.

set -u
GUISE=${1:?usage: run.sh path/to/guise-aarch64 [filter]}
FILTER=${2:-}
case $GUISE in /*) ;; *) GUISE=$(pwd)/$GUISE ;; esac
CACHE=${GUISE_WORLD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guise-world}
ROOT=$CACHE/root
TIMEOUT=${TEST_TIMEOUT:-60}
MIRROR=${GUISE_WORLD_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
PACKAGES="libc6 libgcc-s1 coreutils bash dash grep sed gawk gzip xz-utils tar findutils
  perl-base libacl1 libattr1 libselinux1 libpcre2-8-0 libgmp10 libmpfr6
  libsigsegv2 libreadline8 libtinfo6 liblzma5 libcrypt1 libbz2-1.0 zlib1g
  libzstd1 libmd0 busybox python3.11-minimal libpython3.11-minimal libexpat1 libssl3
  gcc-12 cpp-12 gcc-12-base libgcc-12-dev libcc1-0 libstdc++6 libisl23 libmpc3
  binutils binutils-aarch64-linux-gnu libbinutils libctf0 libctf-nobfd0 libjansson4
  libc6-dev libc-dev-bin linux-libc-dev libcrypt-dev sqlite3 libsqlite3-0 fzf ripgrep fd-find"
NATIVE=$CACHE/native
NATIVE_PACKAGES="ripgrep fd-find"

pass=0 fail=0 skip=0 failed=()
WORK=$(mktemp -d "${TMPDIR:-/tmp}/guise-world.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

say() { printf '%s\n' "$*"; }

# ---- the sysroot ----

# apt_opts [DIR ARCH]: options for a private apt in DIR (default
# CACHE/apt) for one architecture (default arm64).
apt_opts() {
    local a=${1:-$CACHE/apt} arch=${2:-arm64}
    printf '%s\n' -o "Dir::Etc=$a/etc" -o "Dir::Etc::sourcelist=$a/etc/sources.list" \
        -o "Dir::Etc::sourceparts=$a/etc/sources.list.d" \
        -o "Dir::Etc::preferencesparts=$a/etc/preferences.d" \
        -o "Dir::State=$a/state" -o "Dir::State::status=$a/state/status" \
        -o "Dir::Cache=$a/cache" -o "APT::Architecture=$arch" -o "APT::Architectures=$arch" \
        -o "APT::Sandbox::User=root" -o "Debug::NoLocking=1"
}

fetch_root() {
    local a=$CACHE/apt stamp=$CACHE/root.stamp want
    want=$(printf '%s %s %s' "$SUITE" "$MIRROR" "$PACKAGES" | tr -s ' \n' '  ' | sha256sum | cut -c1-16)
    if [ -x "$ROOT/usr/bin/bash" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || {
        say "no apt-get/dpkg-deb"; return 1; }
    mkdir -p "$a/etc/sources.list.d" "$a/etc/preferences.d" "$a/state/lists/partial" \
        "$a/cache/archives/partial" "$CACHE/debs" || return 1
    : > "$a/state/status"
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg opt="arch=arm64"
    [ -r "$keyring" ] && opt="$opt signed-by=$keyring"
    echo "deb [$opt] $MIRROR $SUITE main" > "$a/etc/sources.list"
    mapfile -t O < <(apt_opts)
    apt-get -q "${O[@]}" update > "$CACHE/apt.log" 2>&1 || { say "apt-get update failed"; return 1; }
    (cd "$CACHE/debs" && rm -f ./*.deb &&
        apt-get -q "${O[@]}" download $PACKAGES) >> "$CACHE/apt.log" 2>&1 || {
        say "apt-get download failed (see $CACHE/apt.log)"; return 1; }
    rm -rf "$ROOT.new"
    mkdir -p "$ROOT.new/usr/bin" "$ROOT.new/usr/sbin" "$ROOT.new/usr/lib" "$ROOT.new/tmp"
    for d in bin sbin lib; do ln -s "usr/$d" "$ROOT.new/$d"; done
    for deb in "$CACHE"/debs/*.deb; do
        dpkg-deb --fsys-tarfile "$deb" | tar -x --keep-directory-symlink -C "$ROOT.new" ||
            { say "cannot unpack $deb"; return 1; }
    done
    rm -rf "$ROOT" && mv "$ROOT.new" "$ROOT" && echo "$want" > "$stamp"
}

# The host's (amd64) builds of NATIVE_PACKAGES, unpacked into NATIVE; their
# libraries are the host's own.
fetch_native() {
    local a=$CACHE/apt-amd64 stamp=$CACHE/native.stamp want
    want=$(printf '%s %s %s' "$SUITE" "$MIRROR" "$NATIVE_PACKAGES" | sha256sum | cut -c1-16)
    [ -d "$NATIVE/usr/bin" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && return 0
    command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || return 1
    mkdir -p "$a/etc/sources.list.d" "$a/etc/preferences.d" "$a/state/lists/partial" \
        "$a/cache/archives/partial" "$CACHE/debs-amd64" || return 1
    : > "$a/state/status"
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg opt="arch=amd64"
    [ -r "$keyring" ] && opt="$opt signed-by=$keyring"
    echo "deb [$opt] $MIRROR $SUITE main" > "$a/etc/sources.list"
    mapfile -t O < <(apt_opts "$a" amd64)
    apt-get -q "${O[@]}" update > "$CACHE/apt-amd64.log" 2>&1 &&
        (cd "$CACHE/debs-amd64" && rm -f ./*.deb &&
            apt-get -q "${O[@]}" download $NATIVE_PACKAGES) >> "$CACHE/apt-amd64.log" 2>&1 || return 1
    rm -rf "$NATIVE.new" && mkdir -p "$NATIVE.new" || return 1
    for deb in "$CACHE"/debs-amd64/*.deb; do
        dpkg-deb -x "$deb" "$NATIVE.new" || return 1
    done
    rm -rf "$NATIVE" && mv "$NATIVE.new" "$NATIVE" && echo "$want" > "$stamp"
}

# ---- running ----

# g PROG ARGS...: a program of the guest root under guise.
g() {
    local p=$1; shift
    timeout -k 5 "$TIMEOUT" "$GUISE" -L "$ROOT" "$ROOT/usr/bin/$p" "$@"
}
export -f g
export GUISE ROOT TIMEOUT NATIVE

selected() { [ -z "$FILTER" ] || [[ $1 == *$FILTER* ]]; }

# same NAME 'guest command' 'host command': both through bash -c (the
# guest one with g available), outputs (never empty) and statuses compared.
same() {
    local name=$1 gcmd=$2 hcmd=$3
    selected "$name" || return 0
    (cd "$WORK" && bash -c "$gcmd") > "$WORK/$name.g" 2> "$WORK/$name.err"; local gs=$?
    (cd "$WORK" && bash -c "$hcmd") > "$WORK/$name.h" 2>/dev/null; local hs=$?
    if [ $gs = $hs ] && [ -s "$WORK/$name.h" ] && cmp -s "$WORK/$name.g" "$WORK/$name.h"; then
        say "PASS: world/$name"; pass=$((pass + 1))
    else
        say "FAIL: world/$name (status $gs, native $hs)"
        diff -u "$WORK/$name.h" "$WORK/$name.g" | head -${V:+200}${V:-12} | sed 's/^/    /'
        tail -5 "$WORK/$name.err" | sed 's/^/    stderr: /'
        fail=$((fail + 1)) failed+=("$name")
    fi
}

# check NAME 'command': passes when the command (guest parts through g)
# exits 0.
check() {
    local name=$1 cmd=$2
    selected "$name" || return 0
    if (cd "$WORK" && bash -c "set -o pipefail; $cmd") > "$WORK/$name.out" 2>&1; then
        say "PASS: world/$name"; pass=$((pass + 1))
    else
        say "FAIL: world/$name"; tail -${V:+200}${V:-8} "$WORK/$name.out" | sed 's/^/    /'
        fail=$((fail + 1)) failed+=("$name")
    fi
}

# ---- the tests ----

# One run at a time fetches (a parallel run waits, then reuses the root).
mkdir -p "$CACHE" 2>/dev/null
exec 9>>"$CACHE/lock" 2>/dev/null && command -v flock >/dev/null && flock 9
if ! fetch_root; then
    # Offline with a root made for an older package list: use it; the
    # tests whose programs it lacks are skipped (need below).
    if [ ! -x "$ROOT/usr/bin/bash" ]; then
        say "SKIP: world/* (no Debian arm64 packages: needs apt-get and the network once)"
        say "0 passed, 0 failed, 1 skipped"
        exit 0
    fi
fi
fetch_native || true   # without it, the Rust tests are skipped (rust, below)

# need PROG NAME...: true if the root has usr/bin/PROG, else the named
# tests are skipped.
need() {
    local p=$1; shift
    [ -x "$ROOT/usr/bin/$p" ] && return 0
    for n in "$@"; do
        selected "$n" && { say "SKIP: world/$n (no $p in $ROOT)"; skip=$((skip + 1)); }
    done
    return 1
}

# Data the tests share, made by the host.
seq 1 20000 | awk '{ printf "%08x line %d %s\n", ($1 * 2654435761) % 4294967296, $1, ($1 % 7 ? "odd" : "seven") }' \
    > "$WORK/data.txt"
head -c 1000000 /dev/urandom > "$WORK/random.bin"
mkdir -p "$WORK/tree/a/b" "$WORK/tree/c"
for f in tree/a/one tree/a/b/two tree/c/three tree/four.txt; do
    echo "$f" > "$WORK/$f"
done
touch -d '2020-01-02 03:04:05' "$WORK"/tree/a/one "$WORK"/tree/a/b/two "$WORK"/tree/c/three \
    "$WORK"/tree/four.txt "$WORK"/tree/a/b "$WORK"/tree/a "$WORK"/tree/c "$WORK"/tree

# coreutils
same coreutils-cat     'g cat data.txt' 'cat data.txt'
same coreutils-wc      'g wc data.txt' 'wc data.txt'
same coreutils-sort    'g sort data.txt | g head -50' 'LC_ALL=C sort data.txt | head -50'
same coreutils-sort-n  'g sort -t" " -k3,3 -k2,2nr data.txt | g tail -20' 'LC_ALL=C sort -t" " -k3,3 -k2,2nr data.txt | tail -20'
same coreutils-uniq    'g cut -d" " -f4 data.txt | g sort | g uniq -c' 'cut -d" " -f4 data.txt | LC_ALL=C sort | uniq -c'
same coreutils-sha256  'g sha256sum random.bin' 'sha256sum random.bin'
same coreutils-md5-b2  'g md5sum random.bin; g b2sum random.bin' 'md5sum random.bin; b2sum random.bin'
same coreutils-ls-l    'TZ=UTC g ls -lR --time-style=long-iso tree' 'TZ=UTC ls -lR --time-style=long-iso tree'
same coreutils-stat    'TZ=UTC g stat -c "%n %s %a %y" tree/a/one tree/four.txt' 'TZ=UTC stat -c "%n %s %a %y" tree/a/one tree/four.txt'
same coreutils-date    'g date -u -d @1234567890 "+%Y-%m-%d %H:%M:%S %A %j"' 'date -u -d @1234567890 "+%Y-%m-%d %H:%M:%S %A %j"'
same coreutils-factor  'g seq 1000000 1000020 | g factor' 'seq 1000000 1000020 | factor'
same coreutils-expr    'g expr 12345 \* 6789; g printf "%05.1f|%x|%s\n" 3.14159 255 ok' 'expr 12345 \* 6789; printf "%05.1f|%x|%s\n" 3.14159 255 ok'
same coreutils-tr-od   'g head -c 64 random.bin | g od -An -tx1 | g tr a-f A-F' 'head -c 64 random.bin | od -An -tx1 | tr a-f A-F'
same coreutils-split   'g split -l 3000 data.txt part. && g cat part.* | g cksum && g ls part.*' 'split -l 3000 data.txt part. && cat part.* | cksum && ls part.*'
# findutils
same find-xargs        'g find tree -type f | g sort | g xargs wc -c' 'find tree -type f | LC_ALL=C sort | xargs wc -c'
same find-exec         'g find tree -name "t*" -exec cat {} + | g sort' 'find tree -name "t*" -exec cat {} + | LC_ALL=C sort'
# grep, sed, awk
same grep-count        'g grep -c seven data.txt; g grep -E "^0+[0-9a-f]{2} " data.txt' 'grep -c seven data.txt; grep -E "^0+[0-9a-f]{2} " data.txt'
same grep-pcre         'g grep -P "line 1\d{3}(?= )" data.txt | g head' 'grep -P "line 1\d{3}(?= )" data.txt | head'
same sed-subst         'g sed -n "s/^\([0-9a-f]*\) line \([0-9]*7\) .*/\2:\1/p" data.txt | g tail -5' 'sed -n "s/^\([0-9a-f]*\) line \([0-9]*7\) .*/\2:\1/p" data.txt | tail -5'
same awk-sum           'g seq 1 100000 | g gawk "{ s += \$1; q += \$1 * \$1 } END { printf \"%.0f %.6e\n\", s, q }"' 'seq 1 100000 | awk "{ s += \$1; q += \$1 * \$1 } END { printf \"%.0f %.6e\n\", s, q }"'
same awk-assoc         'g gawk "{ n[\$4]++; l[\$4] = \$3 } END { for (k in n) print k, n[k], l[k] | \"sort\" }" data.txt' 'awk "{ n[\$4]++; l[\$4] = \$3 } END { for (k in n) print k, n[k], l[k] | \"sort\" }" data.txt'
# bash: functions, arrays, pipes, subshells, traps, fork+exec of guest programs
BASH_SCRIPT='
set -e
fib() { local n=$1; if (( n < 2 )); then echo $n; else echo $(( $(fib $((n-1))) + $(fib $((n-2))) )); fi; }
declare -a arr=(zeta alpha "mid dle" beta)
declare -A map=([one]=1 [two]=2 [three]=3)
echo "fib: $(fib 12)"
printf "%s\n" "${arr[@]}" | sort
for k in $(printf "%s\n" "${!map[@]}" | sort); do echo "$k=${map[$k]}"; done
total=0; while read -r n; do total=$((total + n)); done < <(seq 1 100); echo "total $total"
( cd tree && echo "sub: $(ls | wc -l)" ); echo "pwd kept: ${PWD##*/}"
trap "echo trapped EXIT" EXIT
out=$(bash -c "exit 3") || echo "child status $?"
echo "${arr[2]^^} ${#arr[@]} ${arr[*]:1:2}"
s="hello world"; echo "${s/world/guise} ${s:6} ${#s}"
{ echo a; echo b; } | while read x; do echo "got $x"; done
echo done
'
same bash-script       "g bash -c '$BASH_SCRIPT'" "bash -c '$BASH_SCRIPT'"
same bash-pipeline     "g bash -c 'seq 1 5000 | grep 7 | sed s/7/X/g | sort -r | tail -3; echo \${PIPESTATUS[@]}'" \
                       "bash -c 'seq 1 5000 | grep 7 | sed s/7/X/g | LC_ALL=C sort -r | tail -3; echo \${PIPESTATUS[@]}'"
same bash-jobs         "g bash -c 'sleep 0.1 & sleep 0.2 & wait; echo waited; kill -0 \$\$ && echo alive; (exit 7); echo \$?'" \
                       "bash -c 'sleep 0.1 & sleep 0.2 & wait; echo waited; kill -0 \$\$ && echo alive; (exit 7); echo \$?'"
# busybox applets (its sh forks and runs its own applets)
BB_SCRIPT='for i in 1 2 3; do echo $i; done | busybox tac; busybox sort -t" " -k2,2n data.txt | busybox head -3; busybox md5sum data.txt; busybox awk "{ n[\$4]++ } END { print n[\"seven\"], n[\"odd\"] }" data.txt; busybox wc -l data.txt; echo $((6 * 7)); busybox sed -n "5,7p" data.txt | busybox cut -c1-8; busybox printf "%x\n" 48879'
same busybox-applets   "g busybox sh -c '$BB_SCRIPT'" \
                       "bash -c 'busybox() { \"\$@\"; }; export -f busybox; ${BB_SCRIPT//busybox sort/LC_ALL=C sort}'"
# SIGPIPE: writers to a pipe whose reader has gone die of it (status 141)
same sigpipe           'g seq 1 1000000 | head -1; echo ${PIPESTATUS[@]}; g bash -c "yes | head -2; echo \${PIPESTATUS[@]}"; g bash -c "for i in \$(seq 5000); do echo \$i; done | head -1"; echo $?' \
                       'seq 1 1000000 | head -1; echo ${PIPESTATUS[@]}; bash -c "yes | head -2; echo \${PIPESTATUS[@]}"; bash -c "for i in \$(seq 5000); do echo \$i; done | head -1"; echo $?'
# compression and archives, round trips with the host tools
check gzip-roundtrip   'g gzip -9 -c random.bin > r.gz && gunzip -c r.gz | cmp - random.bin && gzip -c data.txt | g gzip -dc | cmp - data.txt && g bash -c "gunzip -c r.gz" | cmp - random.bin'
check xz-roundtrip     'g xz -6 -c data.txt > d.xz && xz -dc d.xz | cmp - data.txt && xz -c random.bin | g xz -dc | cmp - random.bin'
check tar-gzip         'g tar -czf t.tgz tree && mkdir y && tar -xzf t.tgz -C y && diff -r tree y/tree && tar -czf h.tgz tree && g tar -tvzf h.tgz > l1 && tar -tvzf h.tgz > l2 && cmp l1 l2'
check tar-xz-extract   'tar -cJf t.txz tree data.txt && mkdir x && g tar -xJf t.txz -C x && diff -r tree x/tree && cmp data.txt x/data.txt'
# perl
same perl-e            "g perl -e 'my %h; \$h{\$_ % 13}++ for 1..10000; print join(\",\", map { \"\$_=\$h{\$_}\" } sort { \$a <=> \$b } keys %h), \"\\n\"; printf \"%.10f\\n\", atan2(1,1)*4; print scalar(reverse \"guise\"), \"\\n\"'" \
                       "perl -e 'my %h; \$h{\$_ % 13}++ for 1..10000; print join(\",\", map { \"\$_=\$h{\$_}\" } sort { \$a <=> \$b } keys %h), \"\\n\"; printf \"%.10f\\n\", atan2(1,1)*4; print scalar(reverse \"guise\"), \"\\n\"'"
same perl-regex        "g perl -ne 'print \"\$2 \$1\\n\" if /^(\\w+) line (\\d+5) seven/' data.txt" \
                       "perl -ne 'print \"\$2 \$1\\n\" if /^(\\w+) line (\\d+5) seven/' data.txt"
same perl-fork         "g perl -e 'pipe(R, W); my \$p = fork; if (!\$p) { close R; print W \"from child \$\$\\n\" =~ s/\\d+/N/r; exit 4 } close W; print <R>; waitpid(\$p, 0); print \"status \", \$? >> 8, \"\\n\"'" \
                       "perl -e 'pipe(R, W); my \$p = fork; if (!\$p) { close R; print W \"from child \$\$\\n\" =~ s/\\d+/N/r; exit 4 } close W; print <R>; waitpid(\$p, 0); print \"status \", \$? >> 8, \"\\n\"'"
# /proc/self/exe after execve re-entered guise: the guest's path, not the
# sysroot's, and opening it gives the arm64 program (e_machine 0xb7)
check proc-self-exe    '[ "$(g bash -c "readlink /proc/self/exe")" = /usr/bin/readlink ] && [ "$(g bash -c "perl -e \"print readlink(q{/proc/self/exe}), q{ }; open F, q{<}, q{/proc/self/exe} or die; read F, \\\$b, 20; print unpack(q{H*}, substr(\\\$b, 18, 2))\"")" = "/usr/bin/perl b700" ]'
# python3 (the minimal package: no json or sqlite3); compared with the
# host's python3 when it has one
if command -v python3 >/dev/null; then
    cp "$(dirname "$0")/python-basics.py" "$WORK/"
    same python3-basics 'g python3.11 python-basics.py' 'python3 python-basics.py'
elif selected python3-basics; then
    say "SKIP: world/python3-basics (no host python3 to compare with)"; skip=$((skip + 1))
fi

# gcc-12 and binutils for arm64 inside the sysroot: the driver runs cc1,
# as and ld (each an execve that re-enters guise).  The assembly cc1 makes
# and objdump's disassembly are compared with the host's cross tools of
# the same versions (Debian 12's aarch64-linux-gnu-gcc-12 and binutils
# 2.40) when present; the linked program's output with the same program
# built and run natively.
cat > "$WORK/cprog.c" <<'EOF'
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    char *w[] = { "pear", "fig", "apple", "kiwi", "banana", "cherry" };
    unsigned long h = 5381;
    double s = 0;

    qsort(w, 6, sizeof(w[0]), cmp);
    for (int i = 0; i < 6; i++)
        printf("%s%c", w[i], i == 5 ? '\n' : ' ');
    for (int i = 1; i <= 1000; i++) {
        s += sqrt((double)i) / i;
        h = h * 33 + (unsigned)i;
    }
    printf("%.9f %lx\n", s, h);
    return 3;
}
EOF
if need gcc-12 gcc-compile-link-run gcc-asm binutils-as-objdump; then
    same gcc-compile-link-run 'g gcc-12 -O2 -o cprog cprog.c -lm && "$GUISE" -L "$ROOT" ./cprog' \
                              'gcc -O2 -o cprog-native cprog.c -lm && ./cprog-native'
    if command -v aarch64-linux-gnu-gcc-12 >/dev/null && command -v aarch64-linux-gnu-objdump >/dev/null; then
        same gcc-asm          'g gcc-12 -O2 -fno-ident -S -o - cprog.c' 'aarch64-linux-gnu-gcc-12 -O2 -fno-ident -S -o - cprog.c'
        # binutils alone: the host compiler's assembly through the guest's as and objdump
        aarch64-linux-gnu-gcc-12 -O2 -S -o "$WORK/cprog.s" "$WORK/cprog.c"
        same binutils-as-objdump 'g as -o cprog.o cprog.s && g objdump -d -r cprog.o | tail -n +3' \
                              'aarch64-linux-gnu-as -o cprog-x.o cprog.s && aarch64-linux-gnu-objdump -d -r cprog-x.o | tail -n +3'
    elif selected gcc-asm; then
        say "SKIP: world/gcc-asm, world/binutils-as-objdump (no host aarch64-linux-gnu-gcc-12)"; skip=$((skip + 2))
    fi
fi
# sqlite3: a database built by the guest (recursive CTE, index, a
# transaction), queried by it and by the host's sqlite3 (same version in
# Debian 12), and the host's database read by the guest.
SQL_MAKE='create table t(id integer primary key, k text, v real); with recursive c(i) as (select 1 union all select i + 1 from c where i < 30000) insert into t select i, printf("k%05d", i * 7919 % 30011), i * 0.25 from c; create index tk on t(k); begin; update t set v = v * 2 where id % 3 = 0; delete from t where id % 11 = 0; commit;'
SQL_ASK='select count(*), sum(v), min(k), max(k) from t; select substr(k, 1, 3) p, count(*), round(avg(v), 3) from t group by p order by p limit 5; select k from t where k between "k12000" and "k12010" order by k; pragma integrity_check;'
need sqlite3 sqlite3-db &&
if command -v sqlite3 >/dev/null; then
    same sqlite3-db    "g sqlite3 g.db '$SQL_MAKE' && g sqlite3 g.db '$SQL_ASK' && sqlite3 g.db '$SQL_ASK' && sqlite3 h.db '$SQL_MAKE' && g sqlite3 -readonly h.db '$SQL_ASK'" \
                       "sqlite3 n.db '$SQL_MAKE' && sqlite3 n.db '$SQL_ASK' && sqlite3 n.db '$SQL_ASK' && sqlite3 m.db '$SQL_MAKE' && sqlite3 -readonly m.db '$SQL_ASK'"
elif selected sqlite3-db; then
    say "SKIP: world/sqlite3-db (no host sqlite3 to compare with)"; skip=$((skip + 1))
fi

# A Go program (fzf): the Go runtime's threads, futexes, SIGURG preemption
# with SA_ONSTACK handlers and per-thread sigaltstacks; its filter mode
# matches in parallel goroutines.
need fzf go-fzf-filter &&
same go-fzf-filter     'g fzf --exact --no-sort --filter=seven < data.txt | g md5sum; g fzf -e --filter=1999 < data.txt | g sort' \
                       'grep seven data.txt | md5sum; grep 1999 data.txt | LC_ALL=C sort'

# Rust programs (ripgrep, fd-find): the Rust runtime's threads (rg -j2
# walks and searches in parallel, fd runs its -x commands from worker
# threads), memory-mapped files, the regex crate's SIMD literal search and
# Unicode classes, PCRE2, and process spawning (rg -z runs gzip, fd -x wc).
# Compared with the amd64 builds of the same packages (CACHE/native).
# rust NAME PROG 'COMMAND': COMMAND with each @@ the program, under guise
# for the guest and the amd64 build for the host.
rust() {
    local name=$1 p=$2 cmd=$3
    selected "$name" || return 0
    if [ ! -x "$ROOT/usr/bin/$p" ] || [ ! -x "$NATIVE/usr/bin/$p" ]; then
        say "SKIP: world/$name (no arm64 or amd64 $p in $CACHE)"; skip=$((skip + 1)); return 0
    fi
    same "$name" "${cmd//@@/g $p}" "${cmd//@@/\"\$NATIVE/usr/bin/$p\"}"
}
for i in $(seq 1 60); do
    d=$WORK/rgtree/d$((i % 5))/e$((i % 3)); mkdir -p "$d"
    seq "$i" 7 3000 | sed "s/\$/ word$i caf\\xc3\\xa9/" > "$d/f$i.txt"
done
echo 'd1/' > "$WORK/rgtree/.ignore"
echo "hidden seven" > "$WORK/rgtree/.hidden"
printf '%s\n' 'Καλημέρα κόσμε' 'ÉTÉ été Été' 'Straße STRASSE' 'Größe grösser' 'plain ascii line' \
    'ΑΒΓ abc' 'naïve café' '日本語 テキスト' > "$WORK/uni.txt"
rust rust-rg-parallel  rg '@@ -j2 -n "^2[0-9]7 " rgtree | LC_ALL=C sort; @@ -j2 -c word1 rgtree | LC_ALL=C sort'
rust rust-rg-j1-count  rg '@@ -j1 --sort path -c 99 rgtree; @@ -j1 -l -w "word[0-9]" rgtree | LC_ALL=C sort'
rust rust-rg-files     rg '@@ --files rgtree | LC_ALL=C sort; @@ --files --hidden --no-ignore rgtree | wc -l; @@ --hidden -g "!d2" -g "!*3.txt" -c seven rgtree | LC_ALL=C sort'
rust rust-rg-unicode   rg '@@ -n "\p{Greek}+" uni.txt; @@ -o -i "été|straße" uni.txt; @@ -c "^[\w ]+$" uni.txt; @@ -o "\b\w*ö\w*\b" uni.txt; @@ -o "\p{Han}+|\p{Katakana}+" uni.txt'
rust rust-rg-mmap      rg '@@ --mmap -n "ab[0-9a-f]{3}c" data.txt; @@ --no-mmap -c "seven$" data.txt; @@ -o "[0-9a-f]{4}ff" data.txt | md5sum; @@ -F -c -e 111 -e 222 data.txt; @@ -ci "LINE \d+9 SEVEN" data.txt'
rust rust-rg-pcre2     rg '@@ -P "(?<=line )1\d{3}(?= seven)" data.txt | head; cat data.txt | @@ -c -v odd; @@ -U -c "seven\n.*odd" data.txt; @@ -w -r "<\$1>" -m3 "word(\d+)" --sort path rgtree'
rust rust-rg-gzip      rg 'gzip -c data.txt > d.gz && @@ -z -c seven d.gz && @@ -z -n "line 77 " d.gz'
rust rust-fd-find      fdfind '@@ -e txt . rgtree | LC_ALL=C sort; @@ -t d . rgtree | LC_ALL=C sort; @@ -H -I "^\." rgtree'
rust rust-fd-exec      fdfind '@@ -j2 "f[0-9]*1\.txt" rgtree -x wc -l | LC_ALL=C sort; @@ -e txt . rgtree/d3 -X wc -c | tail -1'

# (the test runner shows a suite's last lines: the names come last)
[ "$fail" = 0 ] || say "failed: ${failed[*]}"
say "${pass} passed, ${fail} failed, ${skip} skipped"
[ "$fail" = 0 ]
