/*
 * golden.c: runs every golden case (every .json file of tests/cases) through the C
 * interface and matches the result with the case's expectation, following
 * the rules of tests/cases/README.md; then tests the interface itself (NULL
 * pointers, invalid UTF-8, render, version, free).
 *
 * Usage: golden CASES_DIR
 * Prints one line per test and closes with "N passed, M failed"; exits 1 on
 * any failure (and when CASES_DIR holds no case).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bontot.h"
#include "minijson.h"

static int passed, failed, skipped;

/* The text of the case file and of the assessment being matched, to quote
 * values from in a mismatch. */
static const char *case_text, *output_text;

/* The first successful assessment of a golden case, for the render tests. */
static char *sample_assessment;

static void report(int ok, const char *name, const char *why) {
    if (ok) {
        passed++;
        printf("ok   %s\n", name);
    } else {
        failed++;
        printf("FAIL %s: %s\n", name, why);
    }
}

/* ---- matching a case ---------------------------------------------------- */

typedef struct {
    char why[512];
} verdict;

static int mismatch(verdict *v, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->why, sizeof v->why, fmt, ap);
    va_end(ap);
    return 0;
}

static int is_string(const mj_value *v, const char *s) {
    return v && v->type == MJ_STRING && strlen(s) == v->text_len && memcmp(v->text, s, v->text_len) == 0;
}

static const char *str_or(const mj_value *v, const char *fallback) {
    return v && v->type == MJ_STRING ? v->text : fallback;
}

/* The element of array `arr` whose "id" is the string `id`. */
static const mj_value *find_by_id(const mj_value *arr, const char *id) {
    if (!arr || arr->type != MJ_ARRAY) return NULL;
    for (size_t i = 0; i < arr->count; i++)
        if (is_string(mj_get(&arr->items[i], "id"), id)) return &arr->items[i];
    return NULL;
}

/* Each key of `want` deep-equals the key of `got`; a key given as null must
 * be absent (or null) in `got`. Used by "checks" and "process". */
static int match_keys(verdict *v, const char *what, const char *id, const mj_value *want,
                      const mj_value *got) {
    if (want->type != MJ_OBJECT) return mismatch(v, "%s %s: expectation is not an object", what, id);
    for (size_t i = 0; i < want->count; i++) {
        const char *key = want->keys[i];
        const mj_value *w = &want->items[i];
        const mj_value *g = mj_get(got, key);
        if (w->type == MJ_NULL) {
            if (g && g->type != MJ_NULL) return mismatch(v, "%s %s: %s should be absent", what, id, key);
        } else if (!g) {
            return mismatch(v, "%s %s: %s is absent", what, id, key);
        } else if (!mj_equal(w, g)) {
            int glen = (int)(g->end - g->start), wlen = (int)(w->end - w->start);
            return mismatch(v, "%s %s: %s is %.*s, expected %.*s", what, id, key, glen > 150 ? 150 : glen,
                            output_text + g->start, wlen > 150 ? 150 : wlen, case_text + w->start);
        }
    }
    return 1;
}

/* The four contents a month votes on. */
static int is_content(const char *name) {
    static const char *const contents[] = {"political_task", "meeting_quality", "unity_discipline", "members"};
    for (size_t i = 0; i < sizeof contents / sizeof *contents; i++)
        if (strcmp(name, contents[i]) == 0) return 1;
    return 0;
}

/* The keys of `obj` are all in the NULL-terminated list `allowed`; else the
 * first one that is not. */
static const char *unknown_key(const mj_value *obj, const char *const *allowed) {
    for (size_t i = 0; obj && obj->type == MJ_OBJECT && i < obj->count; i++) {
        const char *const *a = allowed;
        while (*a && strcmp(*a, obj->keys[i]) != 0) a++;
        if (!*a) return obj->keys[i];
    }
    return NULL;
}

static int match_assessment(verdict *v, const mj_value *expect, const mj_value *a) {
    for (size_t k = 0; k < expect->count; k++) {
        const char *key = expect->keys[k];
        const mj_value *want = &expect->items[k];
        if (strcmp(key, "verdict") == 0) {
            const mj_value *got = mj_get(a, "verdict");
            if (!got || !mj_equal(want, got))
                return mismatch(v, "verdict is %s, expected %s", str_or(got, "?"), str_or(want, "?"));
        } else if (strcmp(key, "criteria") == 0) {
            const mj_value *criteria = mj_get(a, "criteria");
            for (size_t i = 0; want->type == MJ_OBJECT && i < want->count; i++) {
                const mj_value *status = mj_get(mj_get(criteria, want->keys[i]), "status");
                if (!status || !mj_equal(&want->items[i], status))
                    return mismatch(v, "criterion %s is %s, expected %s", want->keys[i],
                                    str_or(status, "absent"), str_or(&want->items[i], "?"));
            }
            if (want->type != MJ_OBJECT) return mismatch(v, "expect.criteria is not an object");
        } else if (strcmp(key, "checks") == 0 || strcmp(key, "process") == 0) {
            const char *what = strcmp(key, "checks") == 0 ? "check" : "finding";
            const mj_value *list = mj_get(a, key);
            if (want->type != MJ_OBJECT) return mismatch(v, "expect.%s is not an object", key);
            for (size_t i = 0; i < want->count; i++) {
                const mj_value *got = find_by_id(list, want->keys[i]);
                if (!got) return mismatch(v, "%s %s is absent", what, want->keys[i]);
                if (!match_keys(v, what, want->keys[i], &want->items[i], got)) return 0;
            }
        } else if (strcmp(key, "missing") == 0) {
            const mj_value *got = mj_get(a, "missing");
            if (want->type != MJ_ARRAY || !got || got->type != MJ_ARRAY)
                return mismatch(v, "missing is not an array");
            if (want->count != got->count)
                return mismatch(v, "missing has %zu paths, expected %zu", got->count, want->count);
            /* Same multiset: each expected path pairs with an unused one. */
            char *used = calloc(got->count + 1, 1);
            if (!used) return mismatch(v, "out of memory");
            for (size_t i = 0; i < want->count; i++) {
                size_t j = 0;
                while (j < got->count && (used[j] || !mj_equal(&want->items[i], &got->items[j]))) j++;
                if (j == got->count) {
                    free(used);
                    return mismatch(v, "missing lacks %s", str_or(&want->items[i], "?"));
                }
                used[j] = 1;
            }
            free(used);
        } else if (strcmp(key, "months") == 0) {
            const mj_value *months = mj_get(a, "months");
            if (want->type != MJ_OBJECT) return mismatch(v, "expect.months is not an object");
            for (size_t i = 0; i < want->count; i++) {
                const char *m = want->keys[i];
                char *end;
                long number = strtol(m, &end, 10);
                if (*m < '0' || *m > '9' || *end != '\0' || number < 1 || number > 12)
                    return mismatch(v, "case format: month key \"%s\" is not 1-12", m);
                const mj_value *month = NULL;
                for (size_t j = 0; months && months->type == MJ_ARRAY && j < months->count; j++) {
                    const mj_value *n = mj_get(&months->items[j], "month");
                    if (n && n->type == MJ_NUMBER && strtol(n->text, NULL, 10) == number && !strchr(n->text, '.'))
                        month = &months->items[j];
                }
                const mj_value *per = &want->items[i];
                /* null for a whole month: the month has no entry (it lies
                 * outside the assessed span). */
                if (per->type == MJ_NULL) {
                    if (month) return mismatch(v, "month %s has an entry, expected none", m);
                    continue;
                }
                if (per->type != MJ_OBJECT) return mismatch(v, "case format: expect.months.%s is not an object", m);
                if (!month) return mismatch(v, "month %s has no entry", m);
                const mj_value *contents = mj_get(month, "contents");
                for (size_t c = 0; c < per->count; c++) {
                    if (!is_content(per->keys[c]))
                        return mismatch(v, "case format: unknown content months.%s.%s", m, per->keys[c]);
                    const mj_value *decision = mj_get(mj_get(contents, per->keys[c]), "decision");
                    if (decision && decision->type == MJ_NULL) decision = NULL;
                    const mj_value *w = &per->items[c];
                    if (w->type == MJ_NULL) {
                        if (decision)
                            return mismatch(v, "month %s %s is %s, expected no decision", m, per->keys[c],
                                            str_or(decision, "?"));
                    } else if (!decision || !mj_equal(w, decision)) {
                        return mismatch(v, "month %s %s is %s, expected %s", m, per->keys[c],
                                        decision ? str_or(decision, "?") : "no decision", str_or(w, "?"));
                    }
                }
            }
        } else {
            return mismatch(v, "case format: unknown key expect.%s", key);
        }
    }
    return 1;
}

/* Runs one case file; returns 1 when it passes, 0 when it fails, -1 when it
 * is skipped; `v->why` says why. */
static int run_case(verdict *v, const char *text, size_t len) {
    mj_value doc, result;
    char err[256];
    int ok = 0;
    case_text = text;
    if (mj_parse(text, len, &doc, err, sizeof err) != 0) return mismatch(v, "case is not JSON: %s", err);
    static const char *const case_keys[] = {"rule", "clause", "input", "expect", "note", NULL};
    static const char *const error_keys[] = {"kind", "path", NULL};
    const mj_value *input = mj_get(&doc, "input");
    const mj_value *expect = mj_get(&doc, "expect");
    const mj_value *error = mj_get(expect, "error");
    const char *unknown = unknown_key(&doc, case_keys);
    if (!unknown && error) unknown = unknown_key(error, error_keys);
    const char *format = doc.type != MJ_OBJECT ? "the case is not an object"
                         : unknown ? "unknown key"
                         : !mj_get(&doc, "rule") || mj_get(&doc, "rule")->type != MJ_STRING ? "`rule` (a string) is required"
                         : !input || (input->type != MJ_OBJECT && input->type != MJ_STRING)
                             ? "`input` must be an object or a string"
                         : !expect || expect->type != MJ_OBJECT ? "`expect` (an object) is required"
                         : error && error->type != MJ_OBJECT ? "expect.error is not an object"
                         : error && !mj_get(error, "kind") ? "expect.error.kind is required"
                         : error && expect->count != 1 ? "a case with `error` has no other keys in `expect`"
                         : NULL;
    if (format) {
        mismatch(v, "case format: %s%s%s", format, unknown ? " " : "", unknown ? unknown : "");
        mj_free(&doc);
        return 0;
    }
    /* The record: the raw document if given as a string, else the source
     * text of the input object, byte for byte. */
    char *record;
    if (input->type == MJ_STRING) {
        if (strlen(input->text) != input->text_len) {
            mj_free(&doc);
            snprintf(v->why, sizeof v->why, "input holds a NUL byte, which a C string cannot carry");
            return -1;
        }
        record = strdup(input->text);
    } else {
        record = strndup(text + input->start, input->end - input->start);
    }
    if (!record) {
        mj_free(&doc);
        return mismatch(v, "out of memory");
    }

    char *out = NULL;
    BontotStatus status = bontot_assess(record, &out);
    output_text = out;
    if (!out) {
        mismatch(v, "status %d and no output", (int)status);
    } else if (mj_parse(out, strlen(out), &result, err, sizeof err) != 0) {
        mismatch(v, "output is not JSON: %s", err);
    } else {
        if (error) {
            const mj_value *want_kind = mj_get(error, "kind"), *want_path = mj_get(error, "path");
            const mj_value *kind = mj_get(&result, "kind"), *path = mj_get(&result, "path");
            if (status != BONTOT_ERR_INPUT)
                mismatch(v, "status %d, expected BONTOT_ERR_INPUT (%s at %s)", (int)status,
                         str_or(want_kind, "?"), str_or(want_path, "?"));
            else if (want_kind && !(kind && mj_equal(want_kind, kind)))
                mismatch(v, "error kind %s, expected %s", str_or(kind, "?"), str_or(want_kind, "?"));
            else if (want_path && !(path && mj_equal(want_path, path)))
                mismatch(v, "error path %s, expected %s", str_or(path, "?"), str_or(want_path, "?"));
            else
                ok = 1;
        } else if (status != BONTOT_OK) {
            mismatch(v, "rejected: %s at %s: %s", str_or(mj_get(&result, "kind"), "?"),
                     str_or(mj_get(&result, "path"), "?"), str_or(mj_get(&result, "message"), "?"));
        } else {
            ok = match_assessment(v, expect, &result);
            if (ok && !sample_assessment) sample_assessment = strdup(out);
        }
        mj_free(&result);
    }
    bontot_string_free(out);
    free(record);
    mj_free(&doc);
    return ok;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *data = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 > cap) {
            cap = cap ? cap * 2 : 8192;
            char *grown = realloc(data, cap);
            if (!grown) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = grown;
        }
        got = fread(data + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    fclose(f);
    data[n] = '\0';
    *len = n;
    return data;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t run_cases(const char *dir_path) {
    DIR *dir = opendir(dir_path);
    if (!dir) {
        report(0, dir_path, "cannot open the cases directory");
        return 0;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0) continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown) break;
            names = grown;
        }
        names[count++] = strdup(e->d_name);
    }
    closedir(dir);
    if (count) qsort(names, count, sizeof *names, by_name);
    for (size_t i = 0; i < count; i++) {
        char path[4096];
        size_t len;
        snprintf(path, sizeof path, "%s/%s", dir_path, names[i]);
        char *text = read_file(path, &len);
        verdict v = {{0}};
        if (!text) {
            report(0, names[i], "cannot read the file");
        } else {
            int r = run_case(&v, text, len);
            if (r < 0) {
                skipped++;
                printf("skip %s: %s\n", names[i], v.why);
            } else {
                report(r, names[i], v.why);
            }
        }
        free(text);
        free(names[i]);
    }
    free(names);
    return count;
}

/* ---- the interface itself ------------------------------------------------ */

/* `out` is an error object of kind `kind`; frees it. */
static int is_error(char *out, const char *kind) {
    mj_value v;
    char err[256];
    int ok = 0;
    if (out && mj_parse(out, strlen(out), &v, err, sizeof err) == 0) {
        ok = is_string(mj_get(&v, "kind"), kind) && mj_get(&v, "path") && mj_get(&v, "message");
        mj_free(&v);
    }
    bontot_string_free(out);
    return ok;
}

static void api_tests(void) {
    char *out;
    BontotStatus s;

    const char *version = bontot_version();
    report(version && version[0] >= '0' && version[0] <= '9' && strchr(version, '.'),
           "api: bontot_version is a version number", version ? version : "NULL");

    out = NULL;
    s = bontot_assess(NULL, &out);
    report(s == BONTOT_ERR_NULL && is_error(out, "null_pointer"), "api: assess(NULL) is BONTOT_ERR_NULL",
           "wrong status or error object");

    s = bontot_assess("{}", NULL);
    report(s == BONTOT_ERR_NULL, "api: assess with a NULL out is BONTOT_ERR_NULL", "wrong status");

    out = NULL;
    s = bontot_assess("{\"plan\": \"\xff\xfe\"}", &out);
    report(s == BONTOT_ERR_UTF8 && is_error(out, "invalid_utf8"), "api: invalid UTF-8 is BONTOT_ERR_UTF8",
           "wrong status or error object");

    out = NULL;
    s = bontot_assess("{\"plan\": ", &out);
    report(s == BONTOT_ERR_INPUT && is_error(out, "parse"), "api: truncated JSON is a parse error",
           "wrong status or error object");

    char *big = malloc(BONTOT_MAX_INPUT_BYTES + 2);
    if (big) {
        memset(big, ' ', BONTOT_MAX_INPUT_BYTES + 1);
        big[BONTOT_MAX_INPUT_BYTES + 1] = '\0';
        out = NULL;
        s = bontot_assess(big, &out);
        report(s == BONTOT_ERR_INPUT && is_error(out, "too_large"),
               "api: a document over BONTOT_MAX_INPUT_BYTES is too_large", "wrong status or error object");
        free(big);
    }

    if (!sample_assessment) {
        report(0, "api: render", "no golden case gave an assessment to render");
    } else {
        const char *langs[] = {"vi", "en"};
        for (int i = 0; i < 2; i++) {
            char name[64];
            out = NULL;
            s = bontot_render(sample_assessment, langs[i], &out);
            snprintf(name, sizeof name, "api: render in %s", langs[i]);
            report(s == BONTOT_OK && out && out[0] != '\0', name, out ? out : "no output");
            bontot_string_free(out);
        }
        out = NULL;
        s = bontot_render(sample_assessment, "fr", &out);
        report(s == BONTOT_ERR_LANG && is_error(out, "unknown_lang"), "api: render in fr is BONTOT_ERR_LANG",
               "wrong status or error object");
        out = NULL;
        s = bontot_render(sample_assessment, NULL, &out);
        report(s == BONTOT_ERR_NULL && is_error(out, "null_pointer"), "api: render with a NULL lang",
               "wrong status or error object");
        out = NULL;
        s = bontot_render(sample_assessment, "v\xe1", &out);
        report(s == BONTOT_ERR_UTF8 && is_error(out, "invalid_utf8"), "api: render with a non-UTF-8 lang",
               "wrong status or error object");
        s = bontot_render(sample_assessment, "en", NULL);
        report(s == BONTOT_ERR_NULL, "api: render with a NULL out", "wrong status");
    }
    out = NULL;
    s = bontot_render(NULL, "en", &out);
    report(s == BONTOT_ERR_NULL && is_error(out, "null_pointer"), "api: render(NULL)",
           "wrong status or error object");
    out = NULL;
    s = bontot_render("{\"verdict\": 1}", "en", &out);
    report(s == BONTOT_ERR_INPUT && is_error(out, "parse"), "api: render of a non-assessment is a parse error",
           "wrong status or error object");

    bontot_string_free(NULL);
    report(1, "api: bontot_string_free(NULL) does nothing", "");
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s CASES_DIR\n", argv[0]);
        return 2;
    }
    size_t cases = run_cases(argv[1]);
    if (cases == 0) report(0, "golden cases", "no *.json case found");
    api_tests();
    free(sample_assessment);
    if (skipped)
        printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    else
        printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
