/* Sockets: a socketpair passing a file descriptor (SCM_RIGHTS) and
 * credentials (SCM_CREDENTIALS), a loopback TCP server and client with
 * accept4/getsockname/getpeername, UDP sendto/recvfrom, sendmmsg/recvmmsg,
 * socket options and a truncated control buffer (MSG_CTRUNC). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void scm_rights(void)
{
    int sv[2], p[2], got = -1;
    char buf[16] = { 0 }, ctl[CMSG_SPACE(sizeof(int))];
    struct iovec iov = { "fd", 2 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
                        .msg_controllen = sizeof(ctl) };
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);

    socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
    pipe(p);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &p[1], sizeof(int));
    printf("sendmsg: %zd\n", sendmsg(sv[0], &m, 0));
    close(p[1]);

    memset(ctl, 0, sizeof(ctl));
    iov.iov_base = buf;
    iov.iov_len = sizeof(buf);
    m.msg_controllen = sizeof(ctl);
    printf("recvmsg: %zd '%s'\n", recvmsg(sv[1], &m, MSG_CMSG_CLOEXEC), buf);
    c = CMSG_FIRSTHDR(&m);
    printf("cmsg: level ok %d, type SCM_RIGHTS %d, len ok %d, flags %d\n",
           c && c->cmsg_level == SOL_SOCKET, c && c->cmsg_type == SCM_RIGHTS,
           c && c->cmsg_len == CMSG_LEN(sizeof(int)), m.msg_flags);
    if (c)
        memcpy(&got, CMSG_DATA(c), sizeof(int));
    printf("passed fd is close-on-exec: %d\n", (fcntl(got, F_GETFD) & FD_CLOEXEC) != 0);
    write(got, "through", 7);
    close(got);
    memset(buf, 0, sizeof(buf));
    printf("read back: %zd '%s'\n", read(p[0], buf, sizeof(buf)), buf);
    close(p[0]);

    /* a control buffer too small for the fd: MSG_CTRUNC */
    pipe(p);
    iov.iov_base = "x";
    iov.iov_len = 1;
    m.msg_control = ctl;
    m.msg_controllen = sizeof(ctl);
    c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &p[0], sizeof(int));
    sendmsg(sv[0], &m, 0);
    iov.iov_base = buf;
    iov.iov_len = sizeof(buf);
    m.msg_controllen = sizeof(struct cmsghdr) - 1;
    m.msg_flags = 0;
    printf("short control: %zd, MSG_CTRUNC %d\n", recvmsg(sv[1], &m, 0),
           (m.msg_flags & MSG_CTRUNC) != 0);
    close(p[0]);
    close(p[1]);
    close(sv[0]);
    close(sv[1]);
}

static void scm_credentials(void)
{
    int sv[2], on = 1;
    char buf[8], ctl[CMSG_SPACE(sizeof(struct ucred))];
    struct iovec iov = { "c", 1 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    struct ucred cr;
    struct cmsghdr *c;

    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    printf("SO_PASSCRED: %d\n", setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof(on)));
    sendmsg(sv[0], &m, 0);
    iov.iov_base = buf;
    iov.iov_len = sizeof(buf);
    m.msg_control = ctl;
    m.msg_controllen = sizeof(ctl);
    printf("recvmsg: %zd\n", recvmsg(sv[1], &m, 0));
    c = CMSG_FIRSTHDR(&m);
    if (c && c->cmsg_type == SCM_CREDENTIALS) {
        memcpy(&cr, CMSG_DATA(c), sizeof(cr));
        printf("credentials: pid %d uid %d gid %d\n", cr.pid == getpid(), cr.uid == getuid(),
               cr.gid == getgid());
    } else {
        printf("no credentials\n");
    }
    close(sv[0]);
    close(sv[1]);
}

static void tcp(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    struct sockaddr_in b, c;
    socklen_t len = sizeof(a);
    int s = socket(AF_INET, SOCK_STREAM, 0), cl, sv, one = 1, v = 0;
    char buf[32] = { 0 };

    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    printf("bind: %d\n", bind(s, (struct sockaddr *)&a, sizeof(a)));
    printf("listen: %d\n", listen(s, 4));
    getsockname(s, (struct sockaddr *)&a, &len);
    printf("getsockname: len %d, port set %d\n", (int)len, a.sin_port != 0);
    cl = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    printf("connect: %d\n", connect(cl, (struct sockaddr *)&a, sizeof(a)));
    len = sizeof(b);
    sv = accept4(s, (struct sockaddr *)&b, &len, SOCK_CLOEXEC);
    printf("accept4: %d, peer is loopback %d\n", sv >= 0, b.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    len = sizeof(c);
    getpeername(cl, (struct sockaddr *)&c, &len);
    printf("getpeername: same port %d\n", c.sin_port == a.sin_port);
    setsockopt(cl, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    len = sizeof(v);
    getsockopt(cl, IPPROTO_TCP, TCP_NODELAY, &v, &len);
    printf("TCP_NODELAY: %d len %d\n", v != 0, (int)len);
    len = sizeof(v);
    getsockopt(cl, SOL_SOCKET, SO_TYPE, &v, &len);
    printf("SO_TYPE stream: %d\n", v == SOCK_STREAM);
    printf("send: %zd\n", send(cl, "hello tcp", 9, 0));
    printf("recv: %zd '%s'\n", recv(sv, buf, sizeof(buf), MSG_WAITALL & 0), buf);
    printf("shutdown: %d\n", shutdown(cl, SHUT_WR));
    printf("recv after shutdown: %zd\n", recv(sv, buf, sizeof(buf), 0));
    close(cl);
    close(sv);
    close(s);
}

static void udp(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    struct sockaddr_in from;
    socklen_t len = sizeof(a);
    int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
    char bufs[3][8];
    struct iovec iov[3];
    struct mmsghdr mm[3];

    bind(r, (struct sockaddr *)&a, sizeof(a));
    getsockname(r, (struct sockaddr *)&a, &len);
    printf("sendto: %zd\n", sendto(s, "dgram", 5, 0, (struct sockaddr *)&a, sizeof(a)));
    memset(bufs, 0, sizeof(bufs));
    len = sizeof(from);
    printf("recvfrom: %zd '%s' from loopback %d\n",
           recvfrom(r, bufs[0], sizeof(bufs[0]), 0, (struct sockaddr *)&from, &len), bufs[0],
           from.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    connect(s, (struct sockaddr *)&a, sizeof(a));
    memset(mm, 0, sizeof(mm));
    for (int i = 0; i < 3; i++) {
        snprintf(bufs[i], sizeof(bufs[i]), "m%d", i);
        iov[i].iov_base = bufs[i];
        iov[i].iov_len = strlen(bufs[i]);
        mm[i].msg_hdr.msg_iov = &iov[i];
        mm[i].msg_hdr.msg_iovlen = 1;
    }
    printf("sendmmsg: %d\n", sendmmsg(s, mm, 3, 0));
    memset(bufs, 0, sizeof(bufs));
    for (int i = 0; i < 3; i++)
        iov[i].iov_len = sizeof(bufs[i]);
    printf("recvmmsg: %d\n", recvmmsg(r, mm, 3, MSG_DONTWAIT, NULL));
    for (int i = 0; i < 3; i++)
        printf("  %d: len %u '%s'\n", i, mm[i].msg_len, bufs[i]);
    close(r);
    close(s);
}

int main(void)
{
    scm_rights();
    scm_credentials();
    tcp();
    udp();
    return 0;
}
