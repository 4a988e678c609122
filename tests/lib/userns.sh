# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# userns_full CMD...: runs CMD as root of new user, mount and PID
# namespaces with uids and gids 0-65535 mapped (package scripts chown to
# system users; setuid tests switch to another uid).  Real root writes the
# id maps itself; anyone else needs `unshare --map-auto` (uidmap and
# /etc/subuid).  Returns CMD's status, or non-zero when no such namespace
# can be made.  Wants $TMP, a private scratch folder.

userns_full() {
    if [ "$(id -u)" = 0 ]; then
        local fifo=$TMP/userns-go p me status
        mkfifo "$fifo" || return 1
        unshare --user --mount --pid --fork --kill-child \
            sh -c 'read x < "$0"; exec "$@"' "$fifo" "$@" &
        p=$!
        me=$(readlink /proc/self/ns/user)
        while [ "$(readlink "/proc/$p/ns/user")" = "$me" ] && kill -0 "$p" 2> /dev/null; do
            sleep 0.05
        done
        if echo "0 0 65536" > "/proc/$p/uid_map" && echo "0 0 65536" > "/proc/$p/gid_map"; then
            echo go > "$fifo"
        else
            kill "$p" 2> /dev/null
        fi
        wait "$p"
        status=$?
        rm -f "$fifo"
        return $status
    fi
    unshare --map-auto --map-root-user --mount --pid --fork "$@"
}
