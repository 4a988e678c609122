/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A small JSON reader for QMP: parses one value (object, array, string,
 * number, true/false/null) into a tree, and an incremental splitter that
 * finds where each top-level value ends in a byte stream.  Strings are
 * decoded (\uXXXX to UTF-8).  Replies are written with printf-style
 * helpers, so there is no writer tree.
 *
 * Entry points: json_parse(), json_free(), json_get(), json_split(),
 * json_quote().
 */
#ifndef GUISE_SYSTEM_JSON_H
#define GUISE_SYSTEM_JSON_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY,
               JSON_OBJECT } JsonType;

typedef struct JsonValue {
    JsonType type;
    bool b;
    double num;
    char *str;                  /* JSON_STRING */
    size_t n;                   /* members (object) or items (array) */
    char **keys;                /* object keys */
    struct JsonValue **items;   /* array items / object values */
} JsonValue;

/* The value in text[0..len) (trailing blanks allowed); NULL if malformed. */
JsonValue *json_parse(const char *text, size_t len);
void json_free(JsonValue *v);
/* Object member by key, NULL if absent or v is no object. */
JsonValue *json_get(const JsonValue *v, const char *key);

/*
 * Scans buf[0..len) for the end of the first complete top-level value
 * (outside strings, braces and brackets balanced).  Returns its length
 * (leading blanks included), 0 if incomplete, -1 if a stray '}' / ']' makes
 * the stream unparseable.
 */
long json_split(const char *buf, size_t len);

/* s as a JSON string literal (quotes included) in out; returns out. */
char *json_quote(const char *s, char *out, size_t outlen);

#endif
