#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The persistent translation cache (-tc, translate/tcache.h) against what
# can go wrong with a file of host code kept between runs.  Guest programs
# built here with the cross compiler: a static one and a dynamically
# linked one (the loader and libc from the cross toolchain's root, -L),
# each run without the cache for the expected output, then:
#   - cold and warm runs give that output, and the warm run takes its
#     blocks from the cache (-d tcache: "N used", almost nothing
#     translated again: the libraries land at the same addresses), with
#     every block translated (-warm 0, as in the tests below) and with the
#     cold-code interpreter's default;
#   - a cache file with bytes flipped, truncated at several places,
#     replaced by garbage, or grown by a torn append: the output is still
#     right, the damage is refused (rejected records or a fresh file),
#     no crash;
#   - a program rebuilt at the same path: the old one's blocks are not
#     taken for it; code a program writes itself (a JIT's) is not kept;
#   - a cache folder or file others may write, or a symlink: one warning
#     line, the program runs without the cache;
#   - a folder past 1 GiB loses its least lately used files;
#   - -tc off and the interpreter (-jit off) leave no file.
#
# Usage: tests/tcache/run.sh PATH-TO-guise-aarch64
# Prints PASS/FAIL/SKIP lines, then "N passed, N failed, N skipped".

set -u
export LC_ALL=C
REPORT_PREFIX=tcache/
. "$(dirname "$0")/../lib/report.sh"

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 PATH-TO-guise-aarch64" >&2
    exit 1
fi
GUISE=$(realpath "$1")
CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
SYSROOT=/usr/aarch64-linux-gnu
TMP=$(mktemp -d) || exit 1
trap 'chmod -R u+w "$TMP" 2> /dev/null; rm -rf "$TMP"' EXIT
ulimit -c 0

if ! command -v "$CC" > /dev/null; then
    skip all "no $CC (Debian package gcc-aarch64-linux-gnu)"
    summary
fi

cat > "$TMP/prog.c" << 'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

int main(int argc, char **argv)
{
    int v[512];
    unsigned h = 2166136261u;
    char buf[64];

    for (int i = 0; i < 512; i++)
        v[i] = (i * 7919) % 1009;
    qsort(v, 512, sizeof(int), cmp);
    for (int i = 0; i < 512; i++)
        h = (h ^ (unsigned)v[i]) * 16777619u;
    snprintf(buf, sizeof(buf), "%s %d", argc > 1 ? argv[1] : "none", v[511]);
    printf("%08x %s %zu\n", h, buf, strlen(buf));
    return 0;
}
EOF
if ! "$CC" -O2 -static -o "$TMP/static" "$TMP/prog.c" 2> "$TMP/cc.log"; then
    fail build "$(head -n 5 "$TMP/cc.log")"
    summary
fi
have_dynamic=0
if [ -e "$SYSROOT/lib/ld-linux-aarch64.so.1" ] && "$CC" -O2 -o "$TMP/dynamic" "$TMP/prog.c" 2> /dev/null; then
    have_dynamic=1
fi

# run NAME PROG [GUISE OPTIONS...]: output in $TMP/NAME.out/.err/.status.
# Every block is translated (-warm 0: the cache keeps translations, and
# the counts below are of blocks), unless WARM says otherwise.
WARM=(-warm 0)
run() {
    local name=$1 prog=$2
    shift 2
    local -a extra=("${WARM[@]}")
    [ "$prog" = dynamic ] && extra+=(-L "$SYSROOT")
    timeout -k 5 60 "$GUISE" "${extra[@]}" "$@" "$TMP/$prog" arg > "$TMP/$name.out" 2> "$TMP/$name.err"
    echo $? > "$TMP/$name.status"
}

# ok NAME PROG: run NAME gave the program's right output and status 0.
ok() {
    [ "$(cat "$TMP/$1.status")" = 0 ] && cmp -s "$TMP/$1.out" "$TMP/$2.want"
}

# The numbers of the last -d tcache report in LOG: records used translated rejected.
report() {
    tail -n 1 "$1" | sed -n 's/.*: \([0-9]*\) records, \([0-9]*\) used, \([0-9]*\) translated, \([0-9]*\) rejected.*/\1 \2 \3 \4/p'
}

# cold_warm PROG NAME DIR MIN DIV: a run with an empty cache in DIR, then
# one that must take more than MIN blocks from it, translate at most
# 1/DIV of that again and reject none, both with the right output.
cold_warm() {
    local p=$1 name=$2 dir=$3 min=$4 div=$5 records used translated rejected
    run "$p.$name.1" "$p" -tc "$dir" -d tcache -D "$TMP/$p.$name.1.log"
    run "$p.$name.2" "$p" -tc "$dir" -d tcache -D "$TMP/$p.$name.2.log"
    read -r records used translated rejected <<< "$(report "$TMP/$p.$name.2.log")"
    if ok "$p.$name.1" "$p" && ok "$p.$name.2" "$p" && [ "${used:-0}" -gt "$min" ] &&
       [ "${translated:-1}" -le $((used / div)) ] && [ "${rejected:-1}" = 0 ]; then
        pass "$p/$name"
    else
        fail "$p/$name" "second run: $(tail -n 1 "$TMP/$p.$name.2.log" 2> /dev/null)" \
            "$(cat "$TMP/$p.$name.2.err" "$TMP/$p.$name.1.err" | head -n 4)"
    fi
}

progs=(static)
[ $have_dynamic = 1 ] && progs+=(dynamic) || skip dynamic "no $SYSROOT/lib/ld-linux-aarch64.so.1"
for p in "${progs[@]}"; do
    run "$p.want" "$p"
    cp "$TMP/$p.want.out" "$TMP/$p.want"
    if [ "$(cat "$TMP/$p.want.status")" != 0 ] || [ ! -s "$TMP/$p.want" ]; then
        fail "$p/control" "status $(cat "$TMP/$p.want.status")" "$(head -n 3 "$TMP/$p.want.err")"
        continue
    fi
    cold_warm "$p" cold-warm "$TMP/tc-$p" 100 50
    # With the cold-code interpreter as by default: what got translated
    # (blocks run 8 times) comes from the cache the second time.
    WARM=()
    cold_warm "$p" cold-warm-interpreted "$TMP/tc-$p-i" 10 10
    WARM=(-warm 0)
done

# ---- code a program writes (a JIT) is not kept ----
cat > "$TMP/jit.c" << 'EOF2'
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
    unsigned *p = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int sum = 0;

    if (p == MAP_FAILED)
        return 1;
    for (int k = 0; k < 50; k++) {
        p[0] = 0x52800000u | (unsigned)k << 5;   /* mov w0, #k */
        p[1] = 0xd65f03c0u;                      /* ret */
        __builtin___clear_cache((char *)p, (char *)(p + 2));
        sum += ((int (*)(void))p)();
    }
    printf("%d\n", sum);
    return 0;
}
EOF2
if "$CC" -O2 -static -o "$TMP/jit" "$TMP/jit.c" 2> "$TMP/cc.log"; then
    echo 1225 > "$TMP/jit.want"
    run jit1 jit -tc "$TMP/tc-jit" -d tcache -D "$TMP/jit1.log"
    run jit2 jit -tc "$TMP/tc-jit" -d tcache -D "$TMP/jit2.log"
    notkept=$(tail -n 1 "$TMP/jit2.log" | sed -n 's/.* \([0-9]*\) not kept.*/\1/p')
    read -r records used translated rejected <<< "$(report "$TMP/jit2.log")"
    if ok jit1 jit && ok jit2 jit && [ "${notkept:-0}" -ge 1 ] && [ "${used:-0}" -gt 100 ]; then
        pass jit-code-not-kept
    else
        fail jit-code-not-kept "$(tail -n 1 "$TMP/jit2.log")" "$(cat "$TMP/jit2.out")"
    fi
else
    fail jit-code-not-kept "build: $(head -n 3 "$TMP/cc.log")"
fi

# ---- damaged files ----
file=$(find "$TMP/tc-static" -name '*.tc' 2> /dev/null | head -n 1)
if [ -z "$file" ]; then
    fail damage "no cache file was written"
    summary
fi
cp "$file" "$TMP/good.tc"
size=$(stat -c %s "$TMP/good.tc")

# damaged NAME: the static program runs right from the damaged cache
# file (dated an hour back, as one an earlier crash left), twice: the
# first run refuses what is damaged (or starts the file afresh), the
# second takes blocks from the cache again.
damaged() {
    local name=$1 k
    touch -d '1 hour ago' "$file"
    for k in 1 2; do
        run "d$k" static -tc "$TMP/tc-static" -d tcache -D "$TMP/d$k.log"
        if ! ok "d$k" static; then
            fail "damage/$name" "run $k: status $(cat "$TMP/d$k.status")" "$(head -n 3 "$TMP/d$k.err")"
            return
        fi
    done
    read -r records used translated rejected <<< "$(report "$TMP/d2.log")"
    if [ "${used:-0}" -gt 100 ]; then
        pass "damage/$name"
    else
        fail "damage/$name" "the second run took nothing from the cache: $(tail -n 1 "$TMP/d2.log")"
    fi
}

for seed in 1 2 3 4 5 6; do
    cp "$TMP/good.tc" "$file"
    # Flip 64 bytes past the 32-byte file header.
    python3 - "$file" "$seed" << 'EOF'
import random, sys
path, seed = sys.argv[1], int(sys.argv[2])
data = bytearray(open(path, 'rb').read())
rnd = random.Random(seed)
for _ in range(64):
    i = rnd.randrange(32, len(data))
    data[i] ^= 1 << rnd.randrange(8)
open(path, 'wb').write(data)
EOF
    damaged "flipped-$seed"
done
# One flipped byte in the middle of the records must be refused.
cp "$TMP/good.tc" "$file"
touch -d '1 hour ago' "$file"
printf '\xa5' | dd of="$file" bs=1 seek=$((size * 3 / 4)) conv=notrunc 2> /dev/null
run d1 static -tc "$TMP/tc-static" -d tcache -D "$TMP/d1.log"
read -r records used translated rejected <<< "$(report "$TMP/d1.log")"
if ok d1 static && { [ "${rejected:-0}" -gt 0 ] || [ "${records:-1}" = 0 ]; }; then
    pass damage/one-byte-refused
else
    fail damage/one-byte-refused "$(tail -n 1 "$TMP/d1.log")"
fi
for cut in 17 32 40 $((size / 2)) $((size - 3)); do
    cp "$TMP/good.tc" "$file"
    truncate -s "$cut" "$file"
    damaged "truncated-$cut"
done
head -c "$size" /dev/urandom > "$file"
damaged garbage
cp "$TMP/good.tc" "$file"
printf 'BTCH\x01\x00\x00\x00\xff\xff\x00\x00' >> "$file"
damaged torn-append
: > "$file"
damaged empty

# ---- the program rebuilt at the same path ----
cp "$TMP/good.tc" "$file"
sed 's/%08x %s %zu/%08x [%s] %zu/' "$TMP/prog.c" > "$TMP/prog2.c"
mv "$TMP/static" "$TMP/static.orig"
if "$CC" -O2 -static -o "$TMP/static" "$TMP/prog2.c" 2> /dev/null; then
    run changed.want static
    cp "$TMP/changed.want.out" "$TMP/changed.want"
    run changed static -tc "$TMP/tc-static"
    run changed2 static -tc "$TMP/tc-static"
    if ok changed changed && ok changed2 changed && grep -q '\[arg' "$TMP/changed.out"; then
        pass rebuilt-program
    else
        fail rebuilt-program "$(cat "$TMP/changed.out")"
    fi
fi
mv -f "$TMP/static.orig" "$TMP/static"     # the same file again: the same cache

# ---- trust ----
# untrusted NAME DIR: one warning line naming the cache, the right output.
untrusted() {
    run u static -tc "$2"
    if ok u static && [ "$(wc -l < "$TMP/u.err")" = 1 ] &&
       grep -q '^guise: translation cache off: ' "$TMP/u.err"; then
        pass "trust/$1"
    else
        fail "trust/$1" "status $(cat "$TMP/u.status")" "$(head -n 3 "$TMP/u.err")"
    fi
}
mkdir -p "$TMP/open" && chmod 0777 "$TMP/open"
untrusted world-writable-dir "$TMP/open"
cp -a "$TMP/tc-static" "$TMP/tc-g" && chmod 0666 "$TMP/tc-g"/*.tc
untrusted group-writable-file "$TMP/tc-g"
mkdir -p "$TMP/tc-l" && chmod 0700 "$TMP/tc-l"
ln -s "$file" "$TMP/tc-l/$(basename "$file")"
untrusted symlinked-file "$TMP/tc-l"
touch "$TMP/notadir"
untrusted not-a-directory "$TMP/notadir"

# ---- the folder's size ----
# Two (sparse) files of 600 MiB, one used two days ago, one yesterday:
# a program's new file takes the folder past 1 GiB, the older one goes.
mkdir -p "$TMP/tc-big" && chmod 0700 "$TMP/tc-big"
truncate -s 600M "$TMP/tc-big/0000000000000001.tc" "$TMP/tc-big/0000000000000002.tc"
touch -d '2 days ago' "$TMP/tc-big/0000000000000001.tc"
touch -d '1 day ago' "$TMP/tc-big/0000000000000002.tc"
run big static -tc "$TMP/tc-big"
if ok big static && [ ! -e "$TMP/tc-big/0000000000000001.tc" ] &&
   [ -e "$TMP/tc-big/0000000000000002.tc" ]; then
    pass folder-size
else
    fail folder-size "$(ls -l "$TMP/tc-big")"
fi

# ---- no file when off ----
run off static -tc off
run interp static -jit off -tc "$TMP/tc-interp"
if ok off static && ok interp static && [ ! -e "$TMP/tc-interp" ]; then
    pass off-and-interp
else
    fail off-and-interp "$(ls "$TMP/tc-interp" 2>&1)"
fi

summary
