/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Machine helpers and the option-string helpers of the system emulator:
 * QEMU-style "key=value" lists (sys_opts_parse), sizes with suffixes
 * (sys_parse_size), board look-up in a program's board list, and the
 * accelerator registry (accel.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "system/machine.h"

const SysMachineClass *sys_machine_find(const SysMachineClass *const *list,
                                        const char *name)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(list[i]->name, name))
            return list[i];
    return NULL;
}

void sys_machine_list(const SysMachineClass *const *list, FILE *f)
{
    fprintf(f, "Supported machines are:\n");
    for (int i = 0; list[i]; i++)
        fprintf(f, "%-20s %s\n", list[i]->name, list[i]->desc);
}

const char *sys_machine_prop(const SysMachine *m, const char *name)
{
    return sys_opts_get(&m->props, name);
}

static bool opts_add(SysOpts *o, const char *k, size_t klen, const char *v)
{
    if (o->n == SYS_OPTS_MAX)
        return false;
    o->key[o->n] = strndup(k, klen);
    o->val[o->n] = strdup(v);
    o->n++;
    return true;
}

/* Copies one comma-terminated value, ",," standing for ','; returns end. */
static const char *take_value(const char *s, char *out)
{
    while (*s) {
        if (*s == ',') {
            if (s[1] != ',')
                break;
            s++;
        }
        *out++ = *s++;
    }
    *out = 0;
    return s;
}

bool sys_opts_parse(const char *s, const char *implied_key, SysOpts *o,
                    char *err, size_t errlen)
{
    char *val = malloc(strlen(s) + 1);
    bool first = true;

    memset(o, 0, sizeof(*o));
    while (*s) {
        const char *eq = s, *k = s;
        while (*eq && *eq != '=' && *eq != ',')
            eq++;
        if (*eq != '=') {
            /* A bare word: the implied key's value, or key=on. */
            if (first && implied_key) {
                s = take_value(s, val);
                opts_add(o, implied_key, strlen(implied_key), val);
            } else {
                opts_add(o, k, (size_t)(eq - k), "on");
                s = eq;
            }
        } else {
            if (eq == k) {
                snprintf(err, errlen, "empty parameter name in '%s'", k);
                goto fail;
            }
            s = take_value(eq + 1, val);
            if (!opts_add(o, k, (size_t)(eq - k), val)) {
                snprintf(err, errlen, "too many parameters");
                goto fail;
            }
        }
        first = false;
        if (*s == ',')
            s++;
    }
    free(val);
    return true;
fail:
    free(val);
    sys_opts_free(o);
    return false;
}

const char *sys_opts_get(const SysOpts *o, const char *key)
{
    for (int i = o->n - 1; i >= 0; i--)   /* the last one wins */
        if (!strcmp(o->key[i], key))
            return o->val[i];
    return NULL;
}

void sys_opts_free(SysOpts *o)
{
    for (int i = 0; i < o->n; i++) {
        free(o->key[i]);
        free(o->val[i]);
    }
    o->n = 0;
}

bool sys_parse_size(const char *s, bool mib_default, uint64_t *out)
{
    static const char units[] = "BKMGTPE";
    char *end;
    double d;
    const char *u;

    if (!isdigit((unsigned char)*s))
        return false;
    d = strtod(s, &end);
    if (!*end) {
        *out = (uint64_t)(mib_default ? d * 1048576 : d);
        return mib_default || d == (double)(uint64_t)d;
    }
    u = strchr(units, toupper((unsigned char)*end));
    if (!u || end[1] || !*u)
        return false;
    for (long i = u - units; i > 0; i--)
        d *= 1024;
    if (d >= 18446744073709551616.0)
        return false;
    *out = (uint64_t)d;
    return true;
}

static const SysAccelOps *accels[8];
static int naccels;

void sys_accel_register(const SysAccelOps *ops)
{
    if (naccels < 8)
        accels[naccels++] = ops;
}

const SysAccelOps *sys_accel_nth(int i)
{
    return i >= 0 && i < naccels ? accels[i] : NULL;
}

const SysAccelOps *sys_accel_find(const char *name)
{
    for (int i = 0; i < naccels; i++)
        if (!name || !strcmp(accels[i]->name, name))
            return accels[i];
    return NULL;
}
