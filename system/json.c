/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The JSON reader of QMP (see json.h): a recursive-descent parser with a
 * depth limit (a client cannot exhaust the stack), the stream splitter and
 * string quoting for replies.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "system/json.h"

#define JSON_MAX_DEPTH 64

typedef struct {
    const char *p, *end;
    int depth;
} Parser;

static void skip_ws(Parser *ps)
{
    while (ps->p < ps->end && isspace((unsigned char)*ps->p))
        ps->p++;
}

static JsonValue *new_value(JsonType t)
{
    JsonValue *v = calloc(1, sizeof(*v));
    if (v)
        v->type = t;
    return v;
}

static void put_utf8(char **o, unsigned cp)
{
    char *q = *o;
    if (cp < 0x80) {
        *q++ = (char)cp;
    } else if (cp < 0x800) {
        *q++ = (char)(0xc0 | cp >> 6);
        *q++ = (char)(0x80 | (cp & 0x3f));
    } else {
        *q++ = (char)(0xe0 | cp >> 12);
        *q++ = (char)(0x80 | ((cp >> 6) & 0x3f));
        *q++ = (char)(0x80 | (cp & 0x3f));
    }
    *o = q;
}

/* A string starting at the opening quote; malloc'd, NULL if malformed. */
static char *parse_string(Parser *ps)
{
    char *out = malloc((size_t)(ps->end - ps->p) + 1), *o = out;

    ps->p++;
    while (ps->p < ps->end && *ps->p != '"') {
        char c = *ps->p++;
        if (c != '\\') {
            *o++ = c;
            continue;
        }
        if (ps->p >= ps->end)
            break;
        c = *ps->p++;
        switch (c) {
        case 'n': *o++ = '\n'; break;
        case 't': *o++ = '\t'; break;
        case 'r': *o++ = '\r'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'u': {
            unsigned cp;
            if (ps->end - ps->p < 4 || sscanf(ps->p, "%4x", &cp) != 1)
                goto bad;
            ps->p += 4;
            put_utf8(&o, cp);
            break;
        }
        default: *o++ = c; break;   /* \" \\ \/ */
        }
    }
    if (ps->p >= ps->end)
        goto bad;
    ps->p++;
    *o = 0;
    return out;
bad:
    free(out);
    return NULL;
}

static JsonValue *parse_value(Parser *ps);

/* Object or array after its opening bracket. */
static JsonValue *parse_container(Parser *ps, bool object)
{
    JsonValue *v = new_value(object ? JSON_OBJECT : JSON_ARRAY);
    char close = object ? '}' : ']';

    ps->p++;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == close) {
        ps->p++;
        return v;
    }
    for (;;) {
        char *key = NULL;
        skip_ws(ps);
        if (object) {
            if (ps->p >= ps->end || *ps->p != '"' || !(key = parse_string(ps)))
                goto bad;
            skip_ws(ps);
            if (ps->p >= ps->end || *ps->p++ != ':') {
                free(key);
                goto bad;
            }
        }
        JsonValue *item = parse_value(ps);
        if (!item) {
            free(key);
            goto bad;
        }
        v->items = realloc(v->items, sizeof(*v->items) * (v->n + 1));
        v->keys = object ? realloc(v->keys, sizeof(*v->keys) * (v->n + 1)) : NULL;
        if (object)
            v->keys[v->n] = key;
        v->items[v->n++] = item;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            return v;
        }
        goto bad;
    }
bad:
    json_free(v);
    return NULL;
}

static JsonValue *parse_value(Parser *ps)
{
    static const struct { const char *word; JsonType t; bool b; } words[] = {
        { "true", JSON_BOOL, true }, { "false", JSON_BOOL, false },
        { "null", JSON_NULL, false },
    };
    JsonValue *v = NULL;

    skip_ws(ps);
    if (ps->p >= ps->end || ps->depth > JSON_MAX_DEPTH)
        return NULL;
    if (*ps->p == '{' || *ps->p == '[') {
        ps->depth++;
        v = parse_container(ps, *ps->p == '{');
        ps->depth--;
        return v;
    }
    if (*ps->p == '"') {
        char *s = parse_string(ps);
        if (!s)
            return NULL;
        v = new_value(JSON_STRING);
        v->str = s;
        return v;
    }
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t l = strlen(words[i].word);
        if ((size_t)(ps->end - ps->p) >= l && !memcmp(ps->p, words[i].word, l)) {
            ps->p += l;
            v = new_value(words[i].t);
            v->b = words[i].b;
            return v;
        }
    }
    if (*ps->p == '-' || isdigit((unsigned char)*ps->p)) {
        char tmp[64];
        size_t l = 0;
        while (ps->p + l < ps->end && l < sizeof(tmp) - 1 && strchr("+-.eE0123456789", ps->p[l]))
            l++;
        memcpy(tmp, ps->p, l);
        tmp[l] = 0;
        ps->p += l;
        v = new_value(JSON_NUMBER);
        v->num = strtod(tmp, NULL);
        return v;
    }
    return NULL;
}

JsonValue *json_parse(const char *text, size_t len)
{
    Parser ps = { text, text + len, 0 };
    JsonValue *v = parse_value(&ps);

    skip_ws(&ps);
    if (v && ps.p != ps.end) {
        json_free(v);
        return NULL;
    }
    return v;
}

void json_free(JsonValue *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->n; i++) {
        if (v->keys)
            free(v->keys[i]);
        json_free(v->items[i]);
    }
    free(v->keys);
    free(v->items);
    free(v->str);
    free(v);
}

JsonValue *json_get(const JsonValue *v, const char *key)
{
    if (!v || v->type != JSON_OBJECT)
        return NULL;
    for (size_t i = 0; i < v->n; i++)
        if (!strcmp(v->keys[i], key))
            return v->items[i];
    return NULL;
}

long json_split(const char *buf, size_t len)
{
    int depth = 0;
    bool in_str = false, esc = false, started = false;

    for (size_t i = 0; i < len; i++) {
        char c = buf[i];
        if (in_str) {
            if (esc)
                esc = false;
            else if (c == '\\')
                esc = true;
            else if (c == '"')
                in_str = false;
            continue;
        }
        if (c == '"') {
            in_str = true;
            started = true;
        } else if (c == '{' || c == '[') {
            depth++;
            started = true;
        } else if (c == '}' || c == ']') {
            if (--depth < 0)
                return -1;
            if (depth == 0)
                return (long)i + 1;
        } else if (!isspace((unsigned char)c)) {
            started = true;
        }
        if (started && depth == 0 && !in_str && isspace((unsigned char)c))
            return (long)i + 1;  /* a bare scalar ended */
    }
    return 0;
}

char *json_quote(const char *s, char *out, size_t outlen)
{
    size_t o = 0;

    if (outlen < 3) {
        if (outlen)
            out[0] = 0;
        return out;
    }
    out[o++] = '"';
    for (; *s && o + 8 < outlen; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char)c;
        } else if (c < 0x20) {
            o += (size_t)snprintf(out + o, outlen - o, "\\u%04x", c);
        } else {
            out[o++] = (char)c;
        }
    }
    out[o++] = '"';
    out[o] = 0;
    return out;
}
