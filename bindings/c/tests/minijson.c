/* minijson: see minijson.h. */
#include "minijson.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MJ_MAX_DEPTH 256

typedef struct {
    const char *src;
    size_t len, pos;
    char *err;
    size_t err_size;
    int failed;
} parser;

static int fail(parser *p, const char *fmt, ...) {
    if (!p->failed) {
        va_list ap;
        char msg[200];
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        snprintf(p->err, p->err_size, "%s at byte %zu", msg, p->pos);
        p->failed = 1;
    }
    return -1;
}

static void skip_ws(parser *p) {
    while (p->pos < p->len) {
        char c = p->src[p->pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            p->pos++;
        else
            break;
    }
}

/* A growable byte buffer. */
typedef struct {
    char *data;
    size_t len, cap;
} buffer;

static int buf_put(buffer *b, const char *bytes, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 16;
        while (cap < b->len + n + 1) cap *= 2;
        char *data = realloc(b->data, cap);
        if (!data) return -1;
        b->data = data;
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

static int put_utf8(buffer *b, unsigned long cp) {
    char out[4];
    size_t n;
    if (cp < 0x80) {
        out[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return buf_put(b, out, n);
}

static int hex4(parser *p, unsigned long *cp) {
    unsigned long v = 0;
    if (p->pos + 4 > p->len) return fail(p, "truncated \\u escape");
    for (int i = 0; i < 4; i++) {
        char c = p->src[p->pos++];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned long)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned long)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned long)(c - 'A' + 10);
        else return fail(p, "bad \\u escape");
    }
    *cp = v;
    return 0;
}

/* Parses a string at p->pos (which is at the opening quote). */
static int parse_string(parser *p, char **text, size_t *text_len) {
    buffer b = {0};
    p->pos++; /* opening quote */
    if (buf_put(&b, "", 0) != 0) return fail(p, "out of memory");
    for (;;) {
        if (p->pos >= p->len) {
            free(b.data);
            return fail(p, "unterminated string");
        }
        unsigned char c = (unsigned char)p->src[p->pos];
        if (c == '"') {
            p->pos++;
            break;
        }
        if (c < 0x20) {
            free(b.data);
            return fail(p, "control character in string");
        }
        if (c != '\\') {
            size_t run = p->pos;
            while (run < p->len && p->src[run] != '"' && p->src[run] != '\\' &&
                   (unsigned char)p->src[run] >= 0x20)
                run++;
            if (buf_put(&b, p->src + p->pos, run - p->pos) != 0) {
                free(b.data);
                return fail(p, "out of memory");
            }
            p->pos = run;
            continue;
        }
        p->pos++; /* backslash */
        if (p->pos >= p->len) {
            free(b.data);
            return fail(p, "unterminated escape");
        }
        char e = p->src[p->pos++];
        const char *plain = NULL;
        switch (e) {
        case '"': plain = "\""; break;
        case '\\': plain = "\\"; break;
        case '/': plain = "/"; break;
        case 'b': plain = "\b"; break;
        case 'f': plain = "\f"; break;
        case 'n': plain = "\n"; break;
        case 'r': plain = "\r"; break;
        case 't': plain = "\t"; break;
        case 'u': {
            unsigned long cp, lo;
            if (hex4(p, &cp) != 0) {
                free(b.data);
                return -1;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF && p->pos + 6 <= p->len && p->src[p->pos] == '\\' &&
                p->src[p->pos + 1] == 'u') {
                size_t save = p->pos;
                p->pos += 2;
                if (hex4(p, &lo) != 0) {
                    free(b.data);
                    return -1;
                }
                if (lo >= 0xDC00 && lo <= 0xDFFF)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                else
                    p->pos = save; /* not a pair: the high half stands alone */
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD; /* lone surrogate */
            if (put_utf8(&b, cp) != 0) {
                free(b.data);
                return fail(p, "out of memory");
            }
            continue;
        }
        default:
            free(b.data);
            return fail(p, "bad escape \\%c", e);
        }
        if (buf_put(&b, plain, 1) != 0) {
            free(b.data);
            return fail(p, "out of memory");
        }
    }
    *text = b.data;
    *text_len = b.len;
    return 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int parse_number(parser *p, mj_value *v) {
    size_t s = p->pos;
    if (p->pos < p->len && p->src[p->pos] == '-') p->pos++;
    if (p->pos >= p->len || !is_digit(p->src[p->pos])) return fail(p, "bad number");
    if (p->src[p->pos] == '0')
        p->pos++;
    else
        while (p->pos < p->len && is_digit(p->src[p->pos])) p->pos++;
    if (p->pos < p->len && p->src[p->pos] == '.') {
        p->pos++;
        if (p->pos >= p->len || !is_digit(p->src[p->pos])) return fail(p, "bad fraction");
        while (p->pos < p->len && is_digit(p->src[p->pos])) p->pos++;
    }
    if (p->pos < p->len && (p->src[p->pos] == 'e' || p->src[p->pos] == 'E')) {
        p->pos++;
        if (p->pos < p->len && (p->src[p->pos] == '+' || p->src[p->pos] == '-')) p->pos++;
        if (p->pos >= p->len || !is_digit(p->src[p->pos])) return fail(p, "bad exponent");
        while (p->pos < p->len && is_digit(p->src[p->pos])) p->pos++;
    }
    v->type = MJ_NUMBER;
    v->text_len = p->pos - s;
    v->text = malloc(v->text_len + 1);
    if (!v->text) return fail(p, "out of memory");
    memcpy(v->text, p->src + s, v->text_len);
    v->text[v->text_len] = '\0';
    return 0;
}

static int literal(parser *p, const char *word) {
    size_t n = strlen(word);
    if (p->pos + n > p->len || memcmp(p->src + p->pos, word, n) != 0)
        return fail(p, "unexpected character");
    p->pos += n;
    return 0;
}

static int parse_value(parser *p, mj_value *v, int depth);

/* Appends a slot to an array or object; returns it, zeroed, or NULL. */
static mj_value *grow(mj_value *v, size_t *cap, int with_key) {
    if (v->count == *cap) {
        size_t n = *cap ? *cap * 2 : 4;
        mj_value *items = realloc(v->items, n * sizeof *items);
        if (!items) return NULL;
        v->items = items;
        if (with_key) {
            char **keys = realloc(v->keys, n * sizeof *keys);
            if (!keys) return NULL;
            v->keys = keys;
        }
        *cap = n;
    }
    mj_value *slot = &v->items[v->count];
    memset(slot, 0, sizeof *slot);
    if (with_key) v->keys[v->count] = NULL;
    v->count++;
    return slot;
}

static int parse_array(parser *p, mj_value *v, int depth) {
    size_t cap = 0;
    v->type = MJ_ARRAY;
    p->pos++; /* [ */
    skip_ws(p);
    if (p->pos < p->len && p->src[p->pos] == ']') {
        p->pos++;
        return 0;
    }
    for (;;) {
        mj_value *slot = grow(v, &cap, 0);
        if (!slot) return fail(p, "out of memory");
        if (parse_value(p, slot, depth + 1) != 0) return -1;
        skip_ws(p);
        if (p->pos >= p->len) return fail(p, "unterminated array");
        char c = p->src[p->pos++];
        if (c == ']') return 0;
        if (c != ',') return fail(p, "expected , or ]");
    }
}

static int parse_object(parser *p, mj_value *v, int depth) {
    size_t cap = 0;
    v->type = MJ_OBJECT;
    p->pos++; /* { */
    skip_ws(p);
    if (p->pos < p->len && p->src[p->pos] == '}') {
        p->pos++;
        return 0;
    }
    for (;;) {
        skip_ws(p);
        if (p->pos >= p->len || p->src[p->pos] != '"') return fail(p, "expected a key");
        mj_value *slot = grow(v, &cap, 1);
        if (!slot) return fail(p, "out of memory");
        size_t key_len;
        if (parse_string(p, &v->keys[v->count - 1], &key_len) != 0) return -1;
        skip_ws(p);
        if (p->pos >= p->len || p->src[p->pos] != ':') return fail(p, "expected :");
        p->pos++;
        if (parse_value(p, slot, depth + 1) != 0) return -1;
        skip_ws(p);
        if (p->pos >= p->len) return fail(p, "unterminated object");
        char c = p->src[p->pos++];
        if (c == '}') return 0;
        if (c != ',') return fail(p, "expected , or }");
    }
}

static int parse_value(parser *p, mj_value *v, int depth) {
    int rc;
    if (depth > MJ_MAX_DEPTH) return fail(p, "nested too deeply");
    skip_ws(p);
    if (p->pos >= p->len) return fail(p, "unexpected end of input");
    v->start = p->pos;
    switch (p->src[p->pos]) {
    case '{': rc = parse_object(p, v, depth); break;
    case '[': rc = parse_array(p, v, depth); break;
    case '"':
        v->type = MJ_STRING;
        rc = parse_string(p, &v->text, &v->text_len);
        break;
    case 't':
        v->type = MJ_BOOL;
        v->boolean = 1;
        rc = literal(p, "true");
        break;
    case 'f':
        v->type = MJ_BOOL;
        rc = literal(p, "false");
        break;
    case 'n':
        v->type = MJ_NULL;
        rc = literal(p, "null");
        break;
    default: rc = parse_number(p, v); break;
    }
    v->end = p->pos;
    return rc;
}

int mj_parse(const char *src, size_t len, mj_value *out, char *err, size_t err_size) {
    parser p = {src, len, 0, err, err_size, 0};
    memset(out, 0, sizeof *out);
    if (parse_value(&p, out, 0) != 0) {
        mj_free(out);
        return -1;
    }
    skip_ws(&p);
    if (p.pos != p.len) {
        fail(&p, "trailing characters");
        mj_free(out);
        return -1;
    }
    return 0;
}

void mj_free(mj_value *v) {
    if (!v) return;
    for (size_t i = 0; i < v->count; i++) {
        if (v->items) mj_free(&v->items[i]);
        if (v->keys) free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->text);
    memset(v, 0, sizeof *v);
}

const mj_value *mj_get(const mj_value *v, const char *key) {
    if (!v || v->type != MJ_OBJECT) return NULL;
    for (size_t i = 0; i < v->count; i++)
        if (v->keys[i] && strcmp(v->keys[i], key) == 0) return &v->items[i];
    return NULL;
}

int mj_equal(const mj_value *a, const mj_value *b) {
    if (a->type != b->type) return 0;
    switch (a->type) {
    case MJ_NULL: return 1;
    case MJ_BOOL: return a->boolean == b->boolean;
    case MJ_NUMBER:
    case MJ_STRING:
        return a->text_len == b->text_len && memcmp(a->text, b->text, a->text_len) == 0;
    case MJ_ARRAY:
        if (a->count != b->count) return 0;
        for (size_t i = 0; i < a->count; i++)
            if (!mj_equal(&a->items[i], &b->items[i])) return 0;
        return 1;
    case MJ_OBJECT:
        if (a->count != b->count) return 0;
        for (size_t i = 0; i < a->count; i++) {
            const mj_value *other = mj_get(b, a->keys[i]);
            if (!other || !mj_equal(&a->items[i], other)) return 0;
        }
        return 1;
    }
    return 0;
}

const char *mj_type_name(mj_type t) {
    switch (t) {
    case MJ_NULL: return "null";
    case MJ_BOOL: return "boolean";
    case MJ_NUMBER: return "number";
    case MJ_STRING: return "string";
    case MJ_ARRAY: return "array";
    case MJ_OBJECT: return "object";
    }
    return "?";
}
