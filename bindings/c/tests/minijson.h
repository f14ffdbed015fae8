/*
 * minijson: a small JSON reader for the golden-case test (RFC 8259).
 *
 * Numbers are kept as their source text, never converted to double, so a
 * decimal is never rounded; every value also records its span in the
 * source, so a case's "input" can be passed on byte for byte.
 */
#ifndef MINIJSON_H
#define MINIJSON_H

#include <stddef.h>

typedef enum { MJ_NULL, MJ_BOOL, MJ_NUMBER, MJ_STRING, MJ_ARRAY, MJ_OBJECT } mj_type;

typedef struct mj_value {
    mj_type type;
    int boolean;              /* MJ_BOOL */
    char *text;               /* MJ_STRING: decoded UTF-8; MJ_NUMBER: source text */
    size_t text_len;          /* bytes in text (a string may hold NUL) */
    size_t count;             /* MJ_ARRAY / MJ_OBJECT: number of members */
    char **keys;              /* MJ_OBJECT: decoded keys (NUL-terminated) */
    struct mj_value *items;   /* MJ_ARRAY / MJ_OBJECT: the values */
    size_t start, end;        /* span of the value in the source: [start, end) */
} mj_value;

/* Parses `len` bytes of `src` as one JSON document into `*out`.
 * Returns 0 on success; on error returns -1 and writes a message to `err`
 * (of `err_size` bytes). On success, release `*out` with mj_free. */
int mj_parse(const char *src, size_t len, mj_value *out, char *err, size_t err_size);

/* Releases everything mj_parse allocated for `v` (not `v` itself). */
void mj_free(mj_value *v);

/* The member `key` of an object, or NULL (also when `v` is not an object). */
const mj_value *mj_get(const mj_value *v, const char *key);

/* Deep equality: same type; numbers by source text; strings byte for byte;
 * arrays element by element; objects by the same set of keys, in any order. */
int mj_equal(const mj_value *a, const mj_value *b);

/* A readable name of a value's type ("string", "object", ...). */
const char *mj_type_name(mj_type t);

#endif
