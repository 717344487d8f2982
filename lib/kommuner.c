/* kommuner.c — the municipality table (SPEC §3). */
#include "buf.h"
#include "csv.h"
#include "error.h"
#include "input.h"
#include "kommuner.h"
#include "scheme.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_KOMMUNER_FILE "kommuner-2025.csv"

void hjtj__kommuner_clear(hjtj_kommuner *k)
{
    size_t i;
    for (i = k->npooled; i < k->n; i++)
        free(k->k[i].navn);
    free(k->names);
    free(k->k);
    free(k->index);
    k->k = NULL;
    k->index = NULL;
    k->names = NULL;
    k->n = k->cap = k->npooled = 0;
    k->loaded = 0;
    k->referansedato[0] = '\0';
}

hjtj_status hjtj__kommuner_copy(hjtj_kommuner *dst, const hjtj_kommuner *src)
{
    size_t i, len = 0;
    hjtj_kommuner tmp;
    char *p;
    memset(&tmp, 0, sizeof tmp);
    /* The arrays are copied as they are (the source is a valid table), the
     * names into one block: no re-validation, no index rebuilt and no
     * allocation per municipality, which every register made from a shared
     * table would pay. */
    for (i = 0; i < src->n; i++)
        len += strlen(src->k[i].navn) + 1;
    if (src->n > 0) {
        tmp.k = malloc(src->n * sizeof *tmp.k);
        tmp.names = malloc(len);
        if (tmp.k == NULL || tmp.names == NULL) {
            free(tmp.k);
            free(tmp.names);
            return HJTJ_ERR_NOMEM;
        }
        tmp.cap = tmp.n = tmp.npooled = src->n;
        for (i = 0, p = tmp.names; i < src->n; i++) {
            size_t n = strlen(src->k[i].navn) + 1;
            tmp.k[i] = src->k[i];
            tmp.k[i].navn = memcpy(p, src->k[i].navn, n);
            p += n;
        }
    }
    if (src->index != NULL) {
        tmp.index = malloc(10000 * sizeof *tmp.index);
        if (tmp.index == NULL) {
            hjtj__kommuner_clear(&tmp);
            return HJTJ_ERR_NOMEM;
        }
        memcpy(tmp.index, src->index, 10000 * sizeof *tmp.index);
    }
    memcpy(tmp.referansedato, src->referansedato, sizeof tmp.referansedato);
    tmp.loaded = src->loaded;
    hjtj__kommuner_clear(dst);
    dst->k = tmp.k;
    dst->index = tmp.index;
    dst->names = tmp.names;
    dst->n = tmp.n;
    dst->cap = tmp.cap;
    dst->npooled = tmp.npooled;
    dst->loaded = tmp.loaded;
    memcpy(dst->referansedato, tmp.referansedato, sizeof tmp.referansedato);
    return HJTJ_OK;
}

/* The number of a 4-digit kommunenr, or -1. */
static int kommune_key(const char *nr, size_t n)
{
    uint64_t v;
    return n == 4 && hjtj__parse_uint(nr, n, 9999, &v) == HJTJ_OK ? (int)v : -1;
}

int64_t hjtj__kommuner_find_n(const hjtj_kommuner *k, const char *nr, size_t n)
{
    int key = kommune_key(nr, n);
    if (key < 0 || k->index == NULL)
        return -1;
    return k->index[key];
}

/* A name is text for people and terminals, on one line: no NUL (it would
 * cut the name short) and no control character, tab, LF and CR included
 * (a stricter rule than hjtj__has_control's, which lets a record's text
 * fields hold them). */
static int one_line(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return 0;
    return 1;
}

/* The message of a municipality that cannot be added, at value v. */
static hjtj_status refuse(hjtj_error *err, const hjtj__kommune_at *at, enum kommune_value v,
                          hjtj_status st, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static hjtj_status refuse(hjtj_error *err, const hjtj__kommune_at *at, enum kommune_value v,
                          hjtj_status st, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return hjtj__err_set(err, st, at->file, at->line[v], at->col[v], "%s", msg);
}

/* The index of 10 000 entries, made on the first municipality. */
static hjtj_status make_index(hjtj_kommuner *k)
{
    int i;
    if (k->index != NULL)
        return HJTJ_OK;
    k->index = malloc(10000 * sizeof *k->index);
    if (k->index == NULL)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < 10000; i++)
        k->index[i] = -1;
    return HJTJ_OK;
}

/* Room for one more municipality. */
static hjtj_status reserve(hjtj_kommuner *k)
{
    return hjtj__grow(&k->k, &k->cap, k->n + 1, sizeof *k->k, 512);
}

hjtj_status hjtj__kommuner_add(hjtj_kommuner *k, const char *nr, size_t nrlen, const char *navn,
                               size_t navnlen, int64_t innbyggere, hjtj_error *err,
                               const hjtj__kommune_at *at)
{
    kommune *e;
    int key = kommune_key(nr, nrlen);
    if (key < 0)
        return refuse(err, at, KOMMUNE_NR, HJTJ_ERR_KOMMUNER, "kommunenr '%.*s' is not 4 digits",
                      (int)(nrlen > 40 ? 40 : nrlen), nr);
    if (innbyggere < 0)
        return refuse(err, at, KOMMUNE_INNBYGGERE, HJTJ_ERR_KOMMUNER,
                      "innbyggere of kommune %.4s is negative", nr);
    if (innbyggere > KOMMUNER_MAX_INNBYGGERE)
        return refuse(err, at, KOMMUNE_INNBYGGERE, HJTJ_ERR_KOMMUNER,
                      "innbyggere of kommune %.4s is larger than %lld", nr,
                      (long long)KOMMUNER_MAX_INNBYGGERE);
    if (!one_line(navn, navnlen))
        return refuse(err, at, KOMMUNE_NAVN, HJTJ_ERR_KOMMUNER,
                      "NUL byte or control character in the name of kommune %.4s", nr);
    if (make_index(k) != HJTJ_OK || reserve(k) != HJTJ_OK)
        return refuse(err, at, KOMMUNE_NR, HJTJ_ERR_NOMEM, "out of memory");
    if (k->index[key] >= 0)
        return refuse(err, at, KOMMUNE_NR, HJTJ_ERR_KOMMUNER, "kommunenr %.4s appears twice", nr);
    e = &k->k[k->n];
    memcpy(e->nr, nr, 4);
    e->nr[4] = '\0';
    e->innbyggere = innbyggere;
    e->navn = hjtj__str_ndup(navn, navnlen);
    if (e->navn == NULL)
        return refuse(err, at, KOMMUNE_NR, HJTJ_ERR_NOMEM, "out of memory");
    k->index[key] = (int32_t)k->n;
    k->n++;
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_kommuner_new(hjtj_kommuner **out)
{
    hjtj_kommuner *k;
    if (out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    k = calloc(1, sizeof *k);
    *out = k;
    return k ? HJTJ_OK : HJTJ_ERR_NOMEM;
}

HJTJ_API void hjtj_kommuner_free(hjtj_kommuner *kommuner)
{
    if (kommuner == NULL)
        return;
    hjtj__kommuner_clear(kommuner);
    free(kommuner);
}

HJTJ_API const hjtj_error *hjtj_kommuner_error(const hjtj_kommuner *kommuner)
{
    return kommuner ? &kommuner->err : NULL;
}

static int trim_eq(const csv_field *f, const char *name)
{
    const char *s = f->s;
    size_t n = f->n;
    hjtj__trim(&s, &n);
    return strlen(name) == n && memcmp(s, name, n) == 0;
}

/* A non-negative decimal integer, blanks around it allowed. */
static hjtj_status parse_count(const char *s, size_t n, int64_t *out)
{
    uint64_t v;
    hjtj_status st;
    hjtj__trim(&s, &n);
    st = hjtj__parse_uint(s, n, INT64_MAX, &v);
    *out = (int64_t)v;
    return st;
}

/* The columns of a municipality table, by name in its header. */
typedef struct kommune_cols {
    int nr, navn, inn;
} kommune_cols;

/* The header row (in r): each column at most once, kommunenr and
 * innbyggere needed. */
static hjtj_status read_columns(const csv_reader *r, uint64_t line, kommune_cols *c,
                                hjtj_error *err, const char *name)
{
    size_t i;
    c->nr = c->navn = c->inn = -1;
    for (i = 0; i < r->nfields; i++) {
        int *col = trim_eq(&r->fields[i], "kommunenr")    ? &c->nr
                   : trim_eq(&r->fields[i], "navn")       ? &c->navn
                   : trim_eq(&r->fields[i], "innbyggere") ? &c->inn
                                                          : NULL;
        if (col != NULL && *col >= 0) /* as in a register: no column twice */
            return hjtj__err_set(err, HJTJ_ERR_SCHEMA, name, r->fields[i].line, r->fields[i].col,
                                 "column %s appears twice in the municipality table",
                                 col == &c->nr ? "kommunenr" : col == &c->navn ? "navn"
                                                                               : "innbyggere");
        if (col != NULL)
            *col = (int)i;
    }
    if (c->nr < 0 || c->inn < 0)
        return hjtj__err_set(err, HJTJ_ERR_SCHEMA, name, line, 1,
                             "municipality table needs the columns kommunenr and innbyggere "
                             "(and navn)");
    return HJTJ_OK;
}

/* One row (in r) into tmp. */
static hjtj_status add_row(hjtj_kommuner *tmp, const csv_reader *r, const kommune_cols *c,
                           uint64_t line, hjtj_error *err, const char *name)
{
    static const csv_field none = {"", 0, 0, 0};
    const csv_field *f[3];
    hjtj__kommune_at at;
    int64_t inn;
    int i;
    if (r->nfields != 0 && r->nfields <= (size_t)c->nr)
        return hjtj__err_set(err, HJTJ_ERR_KOMMUNER, name, line, 1,
                             "row has %zu fields, expected at least %d", r->nfields, c->nr + 1);
    if ((size_t)c->inn >= r->nfields || (c->navn >= 0 && (size_t)c->navn >= r->nfields))
        return hjtj__err_set(err, HJTJ_ERR_KOMMUNER, name, line, 1, "row has too few fields");
    f[KOMMUNE_NR] = &r->fields[c->nr];
    f[KOMMUNE_NAVN] = c->navn >= 0 ? &r->fields[c->navn] : &none;
    f[KOMMUNE_INNBYGGERE] = &r->fields[c->inn];
    at.file = name;
    for (i = 0; i < 3; i++) {
        at.line[i] = f[i] == &none ? line : f[i]->line;
        at.col[i] = f[i]->col;
    }
    if (parse_count(f[KOMMUNE_INNBYGGERE]->s, f[KOMMUNE_INNBYGGERE]->n, &inn) == HJTJ_ERR_SYNTAX)
        return hjtj__err_set(err, HJTJ_ERR_KOMMUNER, name, at.line[KOMMUNE_INNBYGGERE],
                             at.col[KOMMUNE_INNBYGGERE],
                             "innbyggere '%.*s' is not a non-negative integer",
                             (int)(f[KOMMUNE_INNBYGGERE]->n > 40 ? 40 : f[KOMMUNE_INNBYGGERE]->n),
                             f[KOMMUNE_INNBYGGERE]->s);
    return hjtj__kommuner_add(tmp, f[KOMMUNE_NR]->s, f[KOMMUNE_NR]->n, f[KOMMUNE_NAVN]->s,
                              f[KOMMUNE_NAVN]->n, inn, err, &at);
}

/* The rows of a municipality table after its header. */
static hjtj_status read_rows(hjtj_kommuner *tmp, csv_reader *r, const kommune_cols *c,
                             hjtj_error *err, const char *name)
{
    uint64_t line = 0;
    hjtj_status st = HJTJ_OK;
    int rc;
    while (st == HJTJ_OK && (rc = hjtj__csv_next(r, &line)) == 1)
        st = add_row(tmp, r, c, line, err, name);
    return st != HJTJ_OK ? st : rc < 0 ? err->status : HJTJ_OK;
}

/* The text of a table: UTF-8, a BOM skipped. */
static hjtj_status table_text(const char **data, size_t *len, hjtj_error *err, const char *name)
{
    uint64_t eline, ecol;
    if (*len >= 3 && memcmp(*data, "\xEF\xBB\xBF", 3) == 0) {
        *data += 3;
        *len -= 3;
    }
    if (hjtj__utf8_check(*data, *len, &eline, &ecol) != 0)
        return hjtj__err_set(err, HJTJ_ERR_ENCODING, name, eline, ecol,
                             "invalid UTF-8 in the municipality table, which must be UTF-8 "
                             "(from Excel: save as \"CSV UTF-8\")");
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_kommuner_load_memory(hjtj_kommuner *kommuner, const char *data,
                                               size_t len, const char *name)
{
    csv_reader r;
    hjtj_kommuner tmp;
    kommune_cols c;
    uint64_t line = 0;
    hjtj_status st;
    int rc;

    if (kommuner == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (name == NULL)
        name = "<memory>";
    hjtj__err_clear(&kommuner->err);
    if (data == NULL)
        return hjtj__err_set(&kommuner->err, HJTJ_ERR_INVALID_ARG, name, 0, 0, "no data");
    if ((st = table_text(&data, &len, &kommuner->err, name)) != HJTJ_OK)
        return st;
    memset(&tmp, 0, sizeof tmp);
    hjtj__csv_init(&r, data, len, 0, &kommuner->err, name);
    rc = hjtj__csv_next(&r, &line);
    if (rc == 0)
        st = hjtj__err_set(&kommuner->err, HJTJ_ERR_EMPTY, name, 1, 1, "empty municipality table");
    else if (rc < 0)
        st = kommuner->err.status;
    else if ((st = read_columns(&r, line, &c, &kommuner->err, name)) == HJTJ_OK)
        st = read_rows(&tmp, &r, &c, &kommuner->err, name);
    hjtj__csv_free(&r);
    if (st != HJTJ_OK) {
        hjtj__kommuner_clear(&tmp);
        return st;
    }
    hjtj__kommuner_clear(kommuner);
    kommuner->index = tmp.index;
    kommuner->k = tmp.k;
    kommuner->n = tmp.n;
    kommuner->cap = tmp.cap;
    kommuner->loaded = 1;
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_kommuner_load_file(hjtj_kommuner *kommuner, const char *path)
{
    buf b;
    hjtj_status st;
    if (kommuner == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&kommuner->err);
    st = hjtj__read_all_file(&b, path, &kommuner->err);
    if (st != HJTJ_OK)
        return st;
    st = hjtj_kommuner_load_memory(kommuner, b.data, b.len, path);
    hjtj__buf_free(&b);
    return st;
}

HJTJ_API hjtj_status hjtj_kommuner_load_default(hjtj_kommuner *kommuner)
{
    char path[4096];
    if (kommuner == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&kommuner->err);
    if (hjtj__datadir_path(path, sizeof path, DEFAULT_KOMMUNER_FILE) != 0)
        return hjtj__err_set(&kommuner->err, HJTJ_ERR_IO, path, 0, 0,
                       "bundled municipality table not found at %s (set HJTJ_DATADIR)", path);
    return hjtj_kommuner_load_file(kommuner, path);
}

HJTJ_API size_t hjtj_kommuner_count(const hjtj_kommuner *kommuner)
{
    return kommuner ? kommuner->n : 0;
}

HJTJ_API const char *hjtj_kommuner_nr(const hjtj_kommuner *kommuner, size_t i)
{
    return kommuner && i < kommuner->n ? kommuner->k[i].nr : NULL;
}

HJTJ_API const char *hjtj_kommuner_navn(const hjtj_kommuner *kommuner, size_t i)
{
    return kommuner && i < kommuner->n ? kommuner->k[i].navn : NULL;
}

HJTJ_API int64_t hjtj_kommuner_innbyggere(const hjtj_kommuner *kommuner, size_t i)
{
    return kommuner && i < kommuner->n ? kommuner->k[i].innbyggere : -1;
}

HJTJ_API int64_t hjtj_kommuner_find(const hjtj_kommuner *kommuner, const char *kommunenr)
{
    if (kommuner == NULL || kommunenr == NULL)
        return -1;
    return hjtj__kommuner_find_n(kommuner, kommunenr, strlen(kommunenr));
}

HJTJ_API int32_t hjtj_kommuner_storrelse(const hjtj_kommuner *kommuner, size_t i,
                                         const hjtj_scheme *scheme)
{
    hjtj_scheme def;
    if (kommuner == NULL || i >= kommuner->n)
        return -1;
    if (scheme == NULL) {
        hjtj__scheme_init_default(&def);
        scheme = &def;
    }
    return hjtj__scheme_storrelse(scheme, kommuner->k[i].nr, kommuner->k[i].innbyggere);
}
