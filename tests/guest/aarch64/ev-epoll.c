/* epoll on pipes: arm64's struct epoll_event is 16 bytes with the data
 * at offset 8 (x86-64 packs it into 12), so the 64-bit data word and the
 * events of several ready descriptors must come back intact. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    int ep = epoll_create1(EPOLL_CLOEXEC), p[3][2];
    struct epoll_event ev, out[8];
    sigset_t mask;

    printf("epoll_create1: %d\n", ep >= 0);
    for (int i = 0; i < 3; i++) {
        pipe(p[i]);
        memset(&ev, 0, sizeof(ev));
        ev.events = EPOLLIN;
        ev.data.u64 = 0x1122334455667700ull + (uint64_t)i;
        printf("ctl add %d: %d\n", i, epoll_ctl(ep, EPOLL_CTL_ADD, p[i][0], &ev));
    }
    printf("nothing ready: %d\n", epoll_wait(ep, out, 8, 0));
    write(p[0][1], "a", 1);
    write(p[2][1], "c", 1);
    memset(out, 0xee, sizeof(out));
    int n = epoll_wait(ep, out, 8, 1000);
    printf("ready: %d\n", n);
    uint64_t seen = 0;
    for (int i = 0; i < n; i++) {
        printf("  events 0x%x data %s\n", out[i].events,
               out[i].data.u64 == 0x1122334455667700ull ? "#0" :
               out[i].data.u64 == 0x1122334455667702ull ? "#2" : "bad");
        seen |= out[i].data.u64;
    }
    printf("both seen: %d\n", seen == 0x1122334455667702ull);
    /* modify: #0 to EPOLLOUT on the read end never fires; then delete #2 */
    ev.events = EPOLLIN | EPOLLET;
    ev.data.u64 = 0xfedcba9876543210ull;
    printf("ctl mod: %d\n", epoll_ctl(ep, EPOLL_CTL_MOD, p[0][0], &ev));
    printf("ctl del: %d\n", epoll_ctl(ep, EPOLL_CTL_DEL, p[2][0], NULL));
    sigemptyset(&mask);
    n = epoll_pwait(ep, out, 8, 100, &mask);
    printf("pwait: %d, data %s\n", n, n == 1 && out[0].data.u64 == 0xfedcba9876543210ull ? "ok" : "bad");
    /* maxevents 1 returns one of two ready descriptors */
    write(p[1][1], "b", 1);
    write(p[0][1], "a", 1);
    printf("maxevents 1: %d\n", epoll_wait(ep, out, 1, 100));
    printf("bad maxevents: %d\n", epoll_wait(ep, out, 0, 0));
    printf("ctl on a bad fd: %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, 1000, &ev));
    /* a timeout */
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    read(p[0][0], out, 8), read(p[1][0], out, 8);
    ev.events = EPOLLIN;
    epoll_ctl(ep, EPOLL_CTL_MOD, p[0][0], &ev);
    epoll_ctl(ep, EPOLL_CTL_DEL, p[1][0], NULL);
    n = epoll_wait(ep, out, 8, 50);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("timeout: %d, waited %d\n", n,
           (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 >= 45);
    return 0;
}
