/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The QMP server (see qmp.h): per-connection input buffer split into JSON
 * values, a command table, replies and events in QEMU's shapes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include "block/block.h"
#include "system/json.h"
#include "system/qmp.h"
#include "system/runstate.h"

#ifdef PACKAGE_VERSION
#define PACKAGE_VERSION_STR PACKAGE_VERSION
#else
#define PACKAGE_VERSION_STR "0"
#endif

#define QMP_BUF_MAX (1 << 20)   /* a client sending more unparsed is cut off */

typedef struct Qmp {
    SysChardev *chr;
    SysMachine *m;
    bool negotiated;
    char *buf;
    size_t len;
} Qmp;

/* Replies are built in a growing string. */
typedef struct Str {
    char *s;
    size_t len, cap;
} Str;

static void str_printf(Str *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void str_printf(Str *b, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if (b->s && b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        b->cap = (b->cap + (size_t)n + 1) * 2;
        b->s = realloc(b->s, b->cap);
    }
}

static Qmp *the_qmp;

static void send_line(Qmp *q, const char *text)
{
    sys_chardev_write(q->chr, text, strlen(text));
    sys_chardev_write(q->chr, "\r\n", 2);
}

static void qmp_event(const char *name, const char *data)
{
    struct timeval tv;
    char line[512];

    if (!the_qmp || !the_qmp->negotiated)
        return;
    gettimeofday(&tv, NULL);
    snprintf(line, sizeof(line),
             "{\"timestamp\": {\"seconds\": %ld, \"microseconds\": %ld}, \"event\": \"%s\"%s%s}",
             (long)tv.tv_sec, (long)tv.tv_usec, name, data ? ", \"data\": " : "", data ? data : "");
    send_line(the_qmp, line);
}

/* A command writes its "return" value into r, or an error (class, desc). */
typedef struct Reply {
    Str ret;
    const char *err_class;
    char err_desc[256];
} Reply;

static void reply_error(Reply *r, const char *cls, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void reply_error(Reply *r, const char *cls, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    r->err_class = cls;
    vsnprintf(r->err_desc, sizeof(r->err_desc), fmt, ap);
    va_end(ap);
}

static void cmd_capabilities(Qmp *q, Reply *r)
{
    if (q->negotiated) {
        reply_error(r, "CommandNotFound", "Capabilities negotiation is already complete, command ignored");
        return;
    }
    q->negotiated = true;
    str_printf(&r->ret, "{}");
}

static void cmd_query_status(Qmp *q, Reply *r)
{
    SysRunState s = sys_runstate();
    (void)q;
    str_printf(&r->ret, "{\"status\": \"%s\", \"singlestep\": false, \"running\": %s}",
               sys_runstate_name(s), s == SYS_RUN_RUNNING ? "true" : "false");
}

static void cmd_query_cpus_fast(Qmp *q, Reply *r)
{
    SysMachine *m = q->m;
    str_printf(&r->ret, "[");
    for (unsigned i = 0; i < m->smp; i++) {
        long tid = m->vcpus ? (long)m->vcpus[i].tid : 0;
        str_printf(&r->ret,
                   "%s{\"thread-id\": %ld, \"props\": {\"core-id\": %u, \"thread-id\": 0, "
                   "\"socket-id\": 0, \"cluster-id\": 0}, \"qom-path\": \"/machine/unattached/device[%u]\", "
                   "\"cpu-index\": %u, \"target\": \"aarch64\"}",
                   i ? ", " : "", tid, i, i, i);
    }
    str_printf(&r->ret, "]");
}

static void cmd_query_block(Qmp *q, Reply *r)
{
    SysMachine *m = q->m;
    char id[80], file[1100], qdev[160];

    str_printf(&r->ret, "[");
    for (int i = 0; i < m->nblocks; i++) {
        SysBlockEntry *b = &m->blocks[i];
        json_quote(b->id, id, sizeof(id));
        json_quote(b->file, file, sizeof(file));
        json_quote(b->qdev, qdev, sizeof(qdev));
        str_printf(&r->ret,
                   "%s{\"io-status\": \"ok\", \"device\": %s, \"locked\": false, \"removable\": false, "
                   "\"inserted\": {\"iops_rd\": 0, \"detect_zeroes\": \"off\", \"image\": "
                   "{\"virtual-size\": %llu, \"filename\": %s, \"format\": \"%s\", \"dirty-flag\": false}, "
                   "\"iops_wr\": 0, \"ro\": %s, \"backing_file_depth\": %d, \"drv\": \"%s\", \"iops\": 0, "
                   "\"bps_wr\": 0, \"write_threshold\": 0, \"encrypted\": false, \"bps\": 0, \"bps_rd\": 0, "
                   "\"cache\": {\"no-flush\": false, \"direct\": false, \"writeback\": true}, \"file\": %s}, "
                   "\"qdev\": %s, \"type\": \"unknown\"}",
                   i ? ", " : "", id, (unsigned long long)(b->bs ? b->bs->size : 0), file,
                   b->format, b->bs && b->bs->read_only ? "true" : "false",
                   b->bs && b->bs->backing ? 1 : 0, b->format, file, qdev);
    }
    str_printf(&r->ret, "]");
}

static void cmd_stop(Qmp *q, Reply *r)
{
    (void)q;
    if (sys_runstate() == SYS_RUN_RUNNING)
        sys_vm_stop(SYS_RUN_PAUSED);
    str_printf(&r->ret, "{}");
}

static void cmd_cont(Qmp *q, Reply *r)
{
    (void)q;
    if (sys_runstate() == SYS_RUN_SHUTDOWN) {
        reply_error(r, "GenericError", "Resetting the Virtual Machine is required");
        return;
    }
    if (sys_vm_start() < 0) {
        reply_error(r, "GenericError",
                    "cannot run guest code: guise has no aarch64 system CPU yet");
        return;
    }
    str_printf(&r->ret, "{}");
}

static void cmd_system_reset(Qmp *q, Reply *r)
{
    (void)q;
    sys_request_reset(SYS_CAUSE_HOST_QMP_SYSTEM_RESET);
    str_printf(&r->ret, "{}");
}

static void cmd_system_powerdown(Qmp *q, Reply *r)
{
    (void)q;
    sys_request_powerdown();
    str_printf(&r->ret, "{}");
}

static void cmd_quit(Qmp *q, Reply *r)
{
    (void)q;
    sys_request_shutdown(SYS_CAUSE_HOST_QMP_QUIT);
    str_printf(&r->ret, "{}");
}

static void cmd_query_version(Qmp *q, Reply *r)
{
    (void)q;
    str_printf(&r->ret, "{\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\": \"guise " PACKAGE_VERSION_STR "\"}");
}

static void cmd_query_commands(Qmp *q, Reply *r);

static const struct {
    const char *name;
    void (*fn)(Qmp *q, Reply *r);
} commands[] = {
    { "qmp_capabilities", cmd_capabilities },
    { "query-status", cmd_query_status },
    { "query-cpus-fast", cmd_query_cpus_fast },
    { "query-block", cmd_query_block },
    { "stop", cmd_stop },
    { "cont", cmd_cont },
    { "system_reset", cmd_system_reset },
    { "system_powerdown", cmd_system_powerdown },
    { "quit", cmd_quit },
    { "query-version", cmd_query_version },
    { "query-commands", cmd_query_commands },
};

static void cmd_query_commands(Qmp *q, Reply *r)
{
    (void)q;
    str_printf(&r->ret, "[");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        str_printf(&r->ret, "%s{\"name\": \"%s\"}", i ? ", " : "", commands[i].name);
    str_printf(&r->ret, "]");
}

/* Serialises the id member back ("id" may be any JSON value). */
static void append_id(Str *out, const JsonValue *id)
{
    char tmp[300];
    if (!id)
        return;
    if (id->type == JSON_STRING)
        str_printf(out, ", \"id\": %s", json_quote(id->str, tmp, sizeof(tmp)));
    else if (id->type == JSON_NUMBER)
        str_printf(out, ", \"id\": %.17g", id->num);
    else if (id->type == JSON_BOOL)
        str_printf(out, ", \"id\": %s", id->b ? "true" : "false");
    else
        str_printf(out, ", \"id\": null");
}

static void handle_request(Qmp *q, const char *text, size_t len)
{
    JsonValue *req = json_parse(text, len), *exec, *id;
    Reply r = { 0 };
    Str out = { 0 };
    char desc[300];

    if (!req) {
        reply_error(&r, "GenericError", "JSON parse error, invalid JSON");
        id = NULL;
    } else {
        exec = json_get(req, "execute");
        id = json_get(req, "id");
        if (req->type != JSON_OBJECT) {
            reply_error(&r, "GenericError", "QMP input must be a JSON object");
        } else if (!exec || exec->type != JSON_STRING) {
            reply_error(&r, "GenericError", "QMP input lacks member 'execute'");
        } else if (!q->negotiated && strcmp(exec->str, "qmp_capabilities")) {
            reply_error(&r, "CommandNotFound",
                        "Expecting capabilities negotiation with 'qmp_capabilities'");
        } else {
            size_t i;
            for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
                if (!strcmp(commands[i].name, exec->str))
                    break;
            if (i < sizeof(commands) / sizeof(commands[0]))
                commands[i].fn(q, &r);
            else
                reply_error(&r, "CommandNotFound", "The command %.200s has not been found", exec->str);
        }
    }
    if (r.err_class)
        str_printf(&out, "{\"error\": {\"class\": \"%s\", \"desc\": %s}", r.err_class,
                   json_quote(r.err_desc, desc, sizeof(desc)));
    else
        str_printf(&out, "{\"return\": %s", r.ret.s ? r.ret.s : "{}");
    append_id(&out, id);
    str_printf(&out, "}");
    send_line(q, out.s);
    free(out.s);
    free(r.ret.s);
    json_free(req);
}

static int qmp_can_receive(void *opaque)
{
    (void)opaque;
    return 4096;
}

static void qmp_receive(void *opaque, const uint8_t *data, size_t n)
{
    Qmp *q = opaque;
    long used;

    if (q->len + n > QMP_BUF_MAX) {
        q->len = 0;             /* flood: drop it, answer once */
        send_line(q, "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, input too long\"}}");
        return;
    }
    q->buf = realloc(q->buf, q->len + n);
    memcpy(q->buf + q->len, data, n);
    q->len += n;
    while (q->len && (used = json_split(q->buf, q->len)) != 0) {
        if (used < 0) {
            send_line(q, "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}");
            q->len = 0;
            break;
        }
        handle_request(q, q->buf, (size_t)used);
        memmove(q->buf, q->buf + used, q->len - (size_t)used);
        q->len -= (size_t)used;
        /* Blank-only remainder: nothing to do. */
        size_t k = 0;
        while (k < q->len && strchr(" \t\r\n", q->buf[k]))
            k++;
        if (k == q->len)
            q->len = 0;
    }
}

static void qmp_connected(void *opaque, bool up)
{
    Qmp *q = opaque;

    q->negotiated = false;
    q->len = 0;
    if (up)
        send_line(q, "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, "
                     "\"package\": \"guise " PACKAGE_VERSION_STR "\"}, \"capabilities\": [\"oob\"]}}");
}

int sys_qmp_init(SysChardev *chr, SysMachine *m)
{
    Qmp *q = calloc(1, sizeof(*q));

    if (!q)
        return -ENOMEM;
    q->chr = chr;
    q->m = m;
    the_qmp = q;
    sys_event_set_listener(qmp_event);
    sys_chardev_set_frontend(chr, qmp_can_receive, qmp_receive, qmp_connected, q);
    return 0;
}
