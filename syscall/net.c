/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sockets: socket, socketpair, bind, listen, accept/accept4, connect,
 * getsockname/getpeername, sendto/recvfrom, sendmsg/recvmsg,
 * sendmmsg/recvmmsg, shutdown, setsockopt/getsockopt.
 *
 * What crosses as is, checked against the guest memory map and used in
 * place: socket addresses (every family's struct sockaddr_* is the same
 * on arm64 and x86-64, sa_family a native u16), SOCK_NONBLOCK/SOCK_CLOEXEC
 * (O_NONBLOCK/O_CLOEXEC, equal on both), socket option values (SOL_SOCKET
 * and SO_* use the asm-generic numbers on both; struct timeval, linger and
 * ucred are the same on 64-bit ABIs).
 *
 * What is converted through layout descriptions: struct msghdr and
 * struct mmsghdr, whose guest pointers become host pointers, the iovecs
 * (SL_IOVEC), and the control messages: each struct cmsghdr header is
 * converted and its payload copied (SCM_RIGHTS fds and SCM_CREDENTIALS
 * struct ucred have the same payload layout on both ABIs), with the
 * CMSG_ALIGN of each side, and MSG_CTRUNC when the guest's buffer is short.
 *
 * Also here: sys_iovec_read and sys_layout_conv, used by event.c too.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "syscall.h"
#include "linux-user/safe-syscall.h"
#include "util/log.h"

#define IOV_MAX_G 1024          /* UIO_MAXIOV */
#define MMSG_MAX_G 1024         /* UIO_MAXIOV caps vlen as well */
#define CONTROL_MAX_G 65536     /* more than any sysctl_optmem_max default */
#define SOCKADDR_MAX_G 4096

/* ---- layouts ---- */

#define FIELD(gt, gm, ht, hm) \
    { offsetof(gt, gm), sizeof(((gt *)0)->gm), offsetof(ht, hm), sizeof(((ht *)0)->hm), \
      SF_NUM, 0, 0 }

struct g64_msghdr {
    uint64_t name;
    uint32_t namelen, pad1;
    uint64_t iov, iovlen, control, controllen;
    int32_t flags, pad2;
};

struct g64_mmsghdr {
    struct g64_msghdr hdr;
    uint32_t len, pad;
};

struct g64_cmsghdr {
    uint64_t len;
    int32_t level, type;
};
#define G_CMSG_ALIGN(n) (((n) + 7) & ~(size_t)7)

/* Host struct msghdr fields, with guest addresses still in the pointers
 * (fixed up by msg_get). */
static const StructField msghdr_fields[] = {
    FIELD(struct g64_msghdr, name, struct msghdr, msg_name),
    FIELD(struct g64_msghdr, namelen, struct msghdr, msg_namelen),
    FIELD(struct g64_msghdr, iov, struct msghdr, msg_iov),
    FIELD(struct g64_msghdr, iovlen, struct msghdr, msg_iovlen),
    FIELD(struct g64_msghdr, control, struct msghdr, msg_control),
    FIELD(struct g64_msghdr, controllen, struct msghdr, msg_controllen),
    FIELD(struct g64_msghdr, flags, struct msghdr, msg_flags),
};
static const StructLayout msghdr_layout = {
    "struct msghdr", sizeof(struct g64_msghdr), sizeof(struct msghdr), msghdr_fields,
    sizeof(msghdr_fields) / sizeof(msghdr_fields[0]),
};

static const StructField cmsghdr_fields[] = {
    FIELD(struct g64_cmsghdr, len, struct cmsghdr, cmsg_len),
    FIELD(struct g64_cmsghdr, level, struct cmsghdr, cmsg_level),
    FIELD(struct g64_cmsghdr, type, struct cmsghdr, cmsg_type),
};
static const StructLayout cmsghdr_layout = {
    "struct cmsghdr", sizeof(struct g64_cmsghdr), sizeof(struct cmsghdr), cmsghdr_fields,
    sizeof(cmsghdr_fields) / sizeof(cmsghdr_fields[0]),
};

void sys_layout_conv(const StructLayout *l, void *dst, const void *src, bool to_guest)
{
    memset(dst, 0, to_guest ? l->gsize : l->hsize);
    for (size_t i = 0; i < l->n; i++) {
        const StructField *f = &l->f[i];
        size_t doff = to_guest ? f->goff : f->hoff, dsize = to_guest ? f->gsize : f->hsize;
        size_t soff = to_guest ? f->hoff : f->goff, ssize = to_guest ? f->hsize : f->gsize;
        bool sgn = to_guest ? f->hsigned : f->gsigned;
        uint64_t v = 0;

        if (f->kind == SF_BYTES) {
            memcpy((uint8_t *)dst + doff, (const uint8_t *)src + soff,
                   ssize < dsize ? ssize : dsize);
            continue;
        }
        BUG_ON(ssize > 8 || dsize > 8);
        memcpy(&v, (const uint8_t *)src + soff, ssize);   /* little-endian */
        if (sgn && ssize < 8 && (v >> (ssize * 8 - 1)) & 1)
            v |= ~0ull << (ssize * 8);
        memcpy((uint8_t *)dst + doff, &v, dsize);
    }
}

/* ---- iovecs ---- */

guest_long sys_iovec_read(struct iovec *iov, guest_addr g, guest_ulong cnt, bool to_guest)
{
    size_t gsize = sys_guest_size(SL_IOVEC);

    if (cnt > IOV_MAX_G)
        return sys_err(EINVAL);
    for (guest_ulong i = 0; i < cnt; i++) {
        SysIovec v;
        guest_long r = sys_get(SL_IOVEC, &v, g + i * gsize);
        void *p;

        if (r < 0)
            return r;
        if (v.len > SSIZE_MAX)
            return sys_err(EINVAL);
        p = to_guest ? sys_write_ptr(v.base, v.len) : (void *)sys_read_ptr(v.base, v.len);
        if (!p)
            return sys_err(EFAULT);
        iov[i].iov_base = p;
        iov[i].iov_len = v.len;
    }
    return 0;
}

/* ---- control messages ---- */

/* Guest control messages (glen bytes at g) into host buf (cap bytes):
 * the host length or -errno. */
static long cmsg_to_host(guest_addr g, size_t glen, uint8_t *buf, size_t cap)
{
    size_t goff = 0, hoff = 0;
    const size_t ghdr = sizeof(struct g64_cmsghdr), hhdr = CMSG_ALIGN(sizeof(struct cmsghdr));

    while (goff + ghdr <= glen) {
        struct g64_cmsghdr gh;
        struct cmsghdr hh;
        size_t payload;

        if (sys_copy_from(&gh, g + goff, ghdr) < 0)
            return sys_err(EFAULT);
        if (gh.len < ghdr || gh.len > glen - goff)
            return sys_err(EINVAL);
        payload = gh.len - ghdr;
        if (hoff + CMSG_SPACE(payload) > cap)
            return sys_err(ENOBUFS);
        sys_layout_conv(&cmsghdr_layout, &hh, &gh, false);
        hh.cmsg_len = CMSG_LEN(payload);
        memcpy(buf + hoff, &hh, sizeof(hh));
        if (sys_copy_from(buf + hoff + hhdr, g + goff + ghdr, payload) < 0)
            return sys_err(EFAULT);
        hoff += CMSG_SPACE(payload);
        goff += G_CMSG_ALIGN(gh.len);
    }
    return (long)hoff;
}

/* Host control messages (hlen bytes) out to the guest buffer at g (cap
 * bytes): the guest length; *trunc set when something did not fit (as the
 * kernel, SCM_RIGHTS fds that do not fit are closed). */
static size_t cmsg_to_guest(guest_addr g, size_t cap, const uint8_t *buf, size_t hlen,
                            bool *trunc)
{
    size_t goff = 0, hoff = 0;
    const size_t ghdr = sizeof(struct g64_cmsghdr), hhdr = CMSG_ALIGN(sizeof(struct cmsghdr));

    while (hoff + sizeof(struct cmsghdr) <= hlen) {
        struct cmsghdr hh;
        struct g64_cmsghdr gh;
        size_t payload, fit;

        memcpy(&hh, buf + hoff, sizeof(hh));
        if (hh.cmsg_len < sizeof(hh) || hh.cmsg_len > hlen - hoff)
            break;
        payload = hh.cmsg_len - hhdr;
        fit = goff + ghdr <= cap ? cap - goff - ghdr : 0;
        if (fit < payload) {
            *trunc = true;
            if (hh.cmsg_level == SOL_SOCKET && hh.cmsg_type == SCM_RIGHTS)
                for (size_t i = fit / sizeof(int); i < payload / sizeof(int); i++)
                    close(((const int *)(buf + hoff + hhdr))[i]);
        }
        if (goff + ghdr > cap)
            break;
        if (payload > fit)
            payload = fit - fit % (hh.cmsg_type == SCM_RIGHTS ? sizeof(int) : 1);
        sys_layout_conv(&cmsghdr_layout, &gh, &hh, true);
        gh.len = ghdr + payload;
        if (sys_copy_to(g + goff, &gh, ghdr) < 0 ||
            sys_copy_to(g + goff + ghdr, buf + hoff + hhdr, payload) < 0)
            break;
        goff += G_CMSG_ALIGN(gh.len);
        hoff += CMSG_ALIGN(hh.cmsg_len);
    }
    return goff < cap ? goff : cap;
}

/* ---- msghdr ---- */

/* A guest msghdr made host-ready; free with msg_free. */
typedef struct HostMsg {
    struct msghdr h;
    guest_addr gcontrol;
    size_t gcontrollen;
    struct iovec *iov;
    uint8_t *ctl;
} HostMsg;

static void msg_free(HostMsg *m)
{
    free(m->iov);
    free(m->ctl);
    m->iov = NULL;
    m->ctl = NULL;
}

/* Read the guest msghdr at g for a receive (recv) or a send. */
static guest_long msg_get(HostMsg *m, guest_addr g, bool recv)
{
    struct g64_msghdr gm;
    guest_long r;

    memset(m, 0, sizeof(*m));
    if (sys_copy_from(&gm, g, sizeof(gm)) < 0)
        return sys_err(EFAULT);
    sys_layout_conv(&msghdr_layout, &m->h, &gm, false);
    if (gm.iovlen > IOV_MAX_G || gm.namelen > SOCKADDR_MAX_G)
        return sys_err(gm.iovlen > IOV_MAX_G ? EMSGSIZE : EINVAL);
    if (gm.name) {
        m->h.msg_name = recv ? sys_write_ptr(gm.name, gm.namelen)
                             : (void *)sys_read_ptr(gm.name, gm.namelen);
        if (!m->h.msg_name)
            return sys_err(EFAULT);
    }
    m->iov = calloc(gm.iovlen + 1, sizeof(*m->iov));
    if (!m->iov)
        return sys_err(ENOMEM);
    if ((r = sys_iovec_read(m->iov, gm.iov, gm.iovlen, recv)) < 0)
        return r;
    m->h.msg_iov = m->iov;
    m->gcontrol = gm.control;
    m->gcontrollen = gm.controllen > CONTROL_MAX_G ? CONTROL_MAX_G : gm.controllen;
    m->h.msg_control = NULL;
    m->h.msg_controllen = 0;
    if (!gm.control || !gm.controllen)
        return 0;
    /* A 64-bit guest's control messages never grow on the host; 2x is
     * room for an ABI with smaller headers. */
    m->ctl = calloc(1, 2 * m->gcontrollen + 64);
    if (!m->ctl)
        return sys_err(ENOMEM);
    m->h.msg_control = m->ctl;
    if (recv) {
        m->h.msg_controllen = m->gcontrollen;
        return 0;
    }
    long n = cmsg_to_host(gm.control, m->gcontrollen, m->ctl, 2 * m->gcontrollen + 64);
    if (n < 0)
        return n;
    m->h.msg_controllen = (size_t)n;
    if (!n)
        m->h.msg_control = NULL;
    return 0;
}

/* After a receive: namelen, controllen and flags back to the guest. */
static guest_long msg_put_recv(HostMsg *m, guest_addr g)
{
    struct g64_msghdr gm;
    bool trunc = false;

    if (sys_copy_from(&gm, g, sizeof(gm)) < 0)
        return sys_err(EFAULT);
    gm.namelen = m->h.msg_namelen;
    gm.controllen = m->ctl ? cmsg_to_guest(m->gcontrol, m->gcontrollen, m->ctl,
                                           m->h.msg_controllen, &trunc) : 0;
    gm.flags = m->h.msg_flags | (trunc ? MSG_CTRUNC : 0);
    return sys_copy_to(g, &gm, sizeof(gm));
}

guest_long sys_sendmsg(void *env, const guest_ulong *a)
{
    HostMsg m;
    guest_long r = msg_get(&m, a[1], false);

    (void)env;
    if (r == 0)
        r = sys_raw_ret(safe_syscall(SYS_sendmsg, (int)a[0], (long)&m.h, (int)a[2], 0, 0, 0));
    msg_free(&m);
    return r;
}

guest_long sys_recvmsg(void *env, const guest_ulong *a)
{
    HostMsg m;
    guest_long r = msg_get(&m, a[1], true);

    (void)env;
    if (r == 0) {
        r = sys_raw_ret(safe_syscall(SYS_recvmsg, (int)a[0], (long)&m.h, (int)a[2], 0, 0, 0));
        if (r >= 0 && msg_put_recv(&m, a[1]) < 0)
            r = sys_err(EFAULT);
    }
    msg_free(&m);
    return r;
}

/* sendmmsg/recvmmsg: the host call on an array of converted headers; each
 * message's length goes back into its struct mmsghdr. */
static guest_long do_mmsg(const guest_ulong *a, bool recv)
{
    size_t vlen = a[2] > MMSG_MAX_G ? MMSG_MAX_G : (size_t)a[2];
    guest_addr g = a[1];
    struct mmsghdr *hv = calloc(vlen + 1, sizeof(*hv));
    HostMsg *mv = calloc(vlen + 1, sizeof(*mv));
    struct timespec ts;
    guest_long r = 0;
    long n;

    if (!hv || !mv) {
        r = sys_err(ENOMEM);
        goto out;
    }
    for (size_t i = 0; i < vlen && r == 0; i++) {
        r = msg_get(&mv[i], g + i * sizeof(struct g64_mmsghdr), recv);
        hv[i].msg_hdr = mv[i].h;
    }
    if (r < 0)
        goto out;
    if (recv && a[4] && sys_get(SL_TIMESPEC, &ts, a[4]) < 0) {
        r = sys_err(EFAULT);
        goto out;
    }
    if (recv)
        n = safe_syscall(SYS_recvmmsg, (int)a[0], (long)hv, (long)(unsigned)vlen,
                         (unsigned)a[3], a[4] ? (long)&ts : 0, 0);
    else
        n = safe_syscall(SYS_sendmmsg, (int)a[0], (long)hv, (long)(unsigned)vlen,
                         (unsigned)a[3], 0, 0);
    r = n < 0 ? sys_raw_ret(n) : n;
    for (long i = 0; i < n; i++) {
        guest_addr gi = g + (guest_addr)i * sizeof(struct g64_mmsghdr);
        uint32_t len = hv[i].msg_len;
        mv[i].h = hv[i].msg_hdr;
        if ((recv && msg_put_recv(&mv[i], gi) < 0) ||
            sys_copy_to(gi + offsetof(struct g64_mmsghdr, len), &len, sizeof(len)) < 0)
            r = sys_err(EFAULT);
    }
    if (n >= 0 && recv && a[4])
        sys_put(SL_TIMESPEC, a[4], &ts);
out:
    for (size_t i = 0; mv && i < vlen; i++)
        msg_free(&mv[i]);
    free(mv);
    free(hv);
    return r;
}

guest_long sys_sendmmsg(void *env, const guest_ulong *a)
{
    (void)env;
    return do_mmsg(a, false);
}

guest_long sys_recvmmsg(void *env, const guest_ulong *a)
{
    (void)env;
    return do_mmsg(a, true);
}

/* ---- addresses and options in place ---- */

/* A socket address of len bytes to read (0: none). */
static guest_long addr_in(guest_addr g, guest_ulong len, const void **p)
{
    *p = NULL;
    if (!g)
        return 0;
    if (len > SOCKADDR_MAX_G)
        return sys_err(EINVAL);
    *p = sys_read_ptr(g, len);
    return *p ? 0 : sys_err(EFAULT);
}

/* An address buffer with a socklen_t *lenp in/out (both 0: none). */
static guest_long addr_out(guest_addr g, guest_addr lenp, void **p, socklen_t **plen)
{
    uint32_t len;

    *p = NULL;
    *plen = NULL;
    if (!g || !lenp)
        return 0;
    if (sys_copy_from(&len, lenp, sizeof(len)) < 0)
        return sys_err(EFAULT);
    if ((int32_t)len < 0)
        return sys_err(EINVAL);
    *plen = sys_write_ptr(lenp, sizeof(len));
    *p = sys_write_ptr(g, len);
    return *p && *plen ? 0 : sys_err(EFAULT);
}

guest_long sys_socket(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(socket((int)a[0], (int)a[1], (int)a[2]));
}

guest_long sys_socketpair(void *env, const guest_ulong *a)
{
    int sv[2];

    (void)env;
    if (!sys_write_ptr(a[3], sizeof(sv)))
        return sys_err(EFAULT);
    if (socketpair((int)a[0], (int)a[1], (int)a[2], sv) != 0)
        return sys_err(errno);
    return sys_copy_to(a[3], sv, sizeof(sv));
}

guest_long sys_bind(void *env, const guest_ulong *a)
{
    const void *sa;
    guest_long r = addr_in(a[1], a[2], &sa);

    (void)env;
    return r < 0 ? r : sys_ret(bind((int)a[0], sa, (socklen_t)a[2]));
}

guest_long sys_connect(void *env, const guest_ulong *a)
{
    const void *sa;
    guest_long r = addr_in(a[1], a[2], &sa);

    (void)env;
    return r < 0 ? r : sys_raw_ret(safe_syscall(SYS_connect, (int)a[0], (long)(uintptr_t)sa,
                                                    (socklen_t)a[2], 0, 0, 0));
}

guest_long sys_listen(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(listen((int)a[0], (int)a[1]));
}

guest_long sys_accept4(void *env, const guest_ulong *a)
{
    void *sa;
    socklen_t *len;
    guest_long r = addr_out(a[1], a[2], &sa, &len);

    (void)env;
    return r < 0 ? r : sys_raw_ret(safe_syscall(SYS_accept4, (int)a[0], (long)sa, (long)len,
                                                    (int)a[3], 0, 0));
}

guest_long sys_accept(void *env, const guest_ulong *a)
{
    const guest_ulong b[6] = { a[0], a[1], a[2], 0, 0, 0 };

    return sys_accept4(env, b);
}

guest_long sys_getsockname(void *env, const guest_ulong *a)
{
    void *sa;
    socklen_t *len;
    guest_long r = addr_out(a[1], a[2], &sa, &len);

    (void)env;
    if (r == 0 && !sa)
        return sys_err(EFAULT);
    return r < 0 ? r : sys_ret(getsockname((int)a[0], sa, len));
}

guest_long sys_getpeername(void *env, const guest_ulong *a)
{
    void *sa;
    socklen_t *len;
    guest_long r = addr_out(a[1], a[2], &sa, &len);

    (void)env;
    if (r == 0 && !sa)
        return sys_err(EFAULT);
    return r < 0 ? r : sys_ret(getpeername((int)a[0], sa, len));
}

guest_long sys_sendto(void *env, const guest_ulong *a)
{
    const void *buf = sys_read_ptr(a[1], a[2]), *sa;
    guest_long r = addr_in(a[4], a[5], &sa);

    (void)env;
    if (r < 0)
        return r;
    if (a[2] && !buf)
        return sys_err(EFAULT);
    return sys_raw_ret(safe_syscall(SYS_sendto, (int)a[0], (long)(uintptr_t)buf, (long)a[2],
                                    (int)a[3], (long)(uintptr_t)sa, (socklen_t)a[5]));
}

guest_long sys_recvfrom(void *env, const guest_ulong *a)
{
    void *buf = sys_write_ptr(a[1], a[2]), *sa;
    socklen_t *len;
    guest_long r = addr_out(a[4], a[5], &sa, &len);

    (void)env;
    if (r < 0)
        return r;
    if (a[2] && !buf)
        return sys_err(EFAULT);
    return sys_raw_ret(safe_syscall(SYS_recvfrom, (int)a[0], (long)buf, (long)a[2], (int)a[3],
                                    (long)sa, (long)len));
}

guest_long sys_shutdown(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(shutdown((int)a[0], (int)a[1]));
}

guest_long sys_setsockopt(void *env, const guest_ulong *a)
{
    const void *val = NULL;

    (void)env;
    if (a[4] > CONTROL_MAX_G)
        return sys_err(EINVAL);
    if (a[3] && !(val = sys_read_ptr(a[3], a[4])))
        return sys_err(EFAULT);
    return sys_ret(setsockopt((int)a[0], (int)a[1], (int)a[2], val, (socklen_t)a[4]));
}

guest_long sys_getsockopt(void *env, const guest_ulong *a)
{
    void *val;
    socklen_t *len;
    guest_long r = addr_out(a[3], a[4], &val, &len);

    (void)env;
    if (r < 0)
        return r;
    if (!len)
        return sys_err(EFAULT);
    return sys_ret(getsockopt((int)a[0], (int)a[1], (int)a[2], val, len));
}
