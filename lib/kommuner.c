/* kommuner.c — the municipality table (SPEC §3). */
#include "buf.h"
#include "csv.h"
#include "error.h"
#include "input.h"
#include "kommuner.h"
#include "scheme.h"
#include "text.h"

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

int hjtj__kommuner_copy(hjtj_kommuner *dst, const hjtj_kommuner *src)
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
            return -1;
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
            return -1;
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
    return 0;
}

/* The number of a 4-digit kommunenr, or -1. */
static int kommune_key(const char *nr, size_t n)
{
    int v = 0;
    size_t i;
    if (n != 4)
        return -1;
    for (i = 0; i < 4; i++) {
        if (nr[i] < '0' || nr[i] > '9')
            return -1;
        v = v * 10 + (nr[i] - '0');
    }
    return v;
}

int64_t hjtj__kommuner_find_n(const hjtj_kommuner *k, const char *nr, size_t n)
{
    int key = kommune_key(nr, n);
    if (key < 0 || k->index == NULL)
        return -1;
    return k->index[key];
}

int hjtj__kommuner_add(hjtj_kommuner *k, const char *nr, size_t nrlen, const char *navn,
                 size_t navnlen, int64_t innbyggere)
{
    kommune *e;
    int key = kommune_key(nr, nrlen), i;
    size_t j;
    if (key < 0 || innbyggere < 0)
        return -2;
    if (innbyggere > KOMMUNER_MAX_INNBYGGERE)
        return -4;
    /* a name is text for people and terminals: no NUL (it would cut the
     * name short) and no control character, as in a record's text fields */
    for (j = 0; j < navnlen; j++)
        if ((unsigned char)navn[j] < 0x20 || navn[j] == 0x7f)
            return -5;
    if (k->index == NULL) {
        k->index = malloc(10000 * sizeof *k->index);
        if (k->index == NULL)
            return -1;
        for (i = 0; i < 10000; i++)
            k->index[i] = -1;
    }
    if (k->index[key] >= 0)
        return -3;
    if (k->n == k->cap) {
        size_t cap = k->cap ? k->cap * 2 : 512;
        kommune *nk = realloc(k->k, cap * sizeof *nk);
        if (nk == NULL)
            return -1;
        k->k = nk;
        k->cap = cap;
    }
    e = &k->k[k->n];
    memcpy(e->nr, nr, 4);
    e->nr[4] = '\0';
    e->innbyggere = innbyggere;
    e->navn = hjtj__str_ndup(navn, navnlen);
    if (e->navn == NULL)
        return -1;
    k->index[key] = (int32_t)k->n;
    k->n++;
    return 0;
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
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return strlen(name) == n && memcmp(s, name, n) == 0;
}

/* Parse a non-negative decimal integer allowing surrounding blanks. */
static int parse_count(const char *s, size_t n, int64_t *out)
{
    int64_t v = 0;
    size_t i = 0, digits = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
        if (v > (INT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (digits == 0 || i != n)
        return -1;
    *out = v;
    return 0;
}

HJTJ_API hjtj_status hjtj_kommuner_load_memory(hjtj_kommuner *kommuner, const char *data,
                                               size_t len, const char *name)
{
    csv_reader r;
    hjtj_kommuner tmp;
    int c_nr = -1, c_navn = -1, c_inn = -1, rc;
    size_t i;
    uint64_t line = 0, eline, ecol;
    hjtj_status st = HJTJ_OK;

    if (kommuner == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (name == NULL)
        name = "<memory>";
    hjtj__err_clear(&kommuner->err);
    if (data == NULL)
        return hjtj__err_set(&kommuner->err, HJTJ_ERR_INVALID_ARG, name, 0, 0, "no data");
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    if (hjtj__utf8_check(data, len, &eline, &ecol) != 0)
        return hjtj__err_set(&kommuner->err, HJTJ_ERR_ENCODING, name, eline, ecol,
                       "invalid UTF-8 in the municipality table, which must be UTF-8 "
                       "(from Excel: save as \"CSV UTF-8\")");
    memset(&tmp, 0, sizeof tmp);
    hjtj__csv_init(&r, data, len, 0, &kommuner->err, name);
    rc = hjtj__csv_next(&r, &line);
    if (rc == 0) {
        hjtj__csv_free(&r);
        return hjtj__err_set(&kommuner->err, HJTJ_ERR_EMPTY, name, 1, 1, "empty municipality table");
    }
    if (rc < 0) {
        hjtj__csv_free(&r);
        return kommuner->err.status;
    }
    for (i = 0; i < r.nfields; i++) {
        int *c = trim_eq(&r.fields[i], "kommunenr")    ? &c_nr
                 : trim_eq(&r.fields[i], "navn")       ? &c_navn
                 : trim_eq(&r.fields[i], "innbyggere") ? &c_inn
                                                       : NULL;
        if (c != NULL && *c >= 0) { /* as in a register: no column twice */
            uint64_t l = r.fields[i].line, col = r.fields[i].col;
            hjtj__csv_free(&r);
            return hjtj__err_set(&kommuner->err, HJTJ_ERR_SCHEMA, name, l, col,
                           "column %s appears twice in the municipality table",
                           c == &c_nr ? "kommunenr" : c == &c_navn ? "navn" : "innbyggere");
        }
        if (c != NULL)
            *c = (int)i;
    }
    if (c_nr < 0 || c_inn < 0) {
        hjtj__csv_free(&r);
        return hjtj__err_set(&kommuner->err, HJTJ_ERR_SCHEMA, name, line, 1,
                       "municipality table needs the columns kommunenr and innbyggere "
                       "(and navn)");
    }
    while ((rc = hjtj__csv_next(&r, &line)) == 1) {
        int64_t inn;
        const csv_field *fnr, *fnavn, *finn;
        int a;
        if (r.nfields != 0 && r.nfields <= (size_t)c_nr) {
            st = hjtj__err_set(&kommuner->err, HJTJ_ERR_KOMMUNER, name, line, 1,
                         "row has %zu fields, expected at least %d", r.nfields, c_nr + 1);
            break;
        }
        if ((size_t)c_inn >= r.nfields || (c_navn >= 0 && (size_t)c_navn >= r.nfields)) {
            st = hjtj__err_set(&kommuner->err, HJTJ_ERR_KOMMUNER, name, line, 1,
                         "row has too few fields");
            break;
        }
        fnr = &r.fields[c_nr];
        finn = &r.fields[c_inn];
        fnavn = c_navn >= 0 ? &r.fields[c_navn] : NULL;
        if (parse_count(finn->s, finn->n, &inn) != 0) {
            st = hjtj__err_set(&kommuner->err, HJTJ_ERR_KOMMUNER, name, finn->line, finn->col,
                         "innbyggere '%.*s' is not a non-negative integer",
                         (int)(finn->n > 40 ? 40 : finn->n), finn->s);
            break;
        }
        a = hjtj__kommuner_add(&tmp, fnr->s, fnr->n, fnavn ? fnavn->s : "", fnavn ? fnavn->n : 0, inn);
        if (a == -1) {
            st = hjtj__err_set(&kommuner->err, HJTJ_ERR_NOMEM, name, line, 0, "out of memory");
            break;
        }
        if (a == -2) {
            st = hjtj__err_set(&kommuner->err, HJTJ_ERR_KOMMUNER, name, fnr->line, fnr->col,
                         "kommunenr '%.*s' is not 4 digits", (int)(fnr->n > 40 ? 40 : fnr->n),
                         fnr->s);
            break;
        }
        if (a == -3) {
            st = hjtj__err_set(&kommuner->err, HJTJ_ERR_KOMMUNER, name, fnr->line, fnr->col,
                         "kommunenr %.4s appears twice", fnr->s);
            break;
        }
        if (a == -4) {
            st = hjtj__err_set(&kommuner->err, HJTJ_ERR_KOMMUNER, name, finn->line, finn->col,
                         "innbyggere %.*s is larger than %lld", (int)(finn->n > 40 ? 40 : finn->n),
                         finn->s, (long long)KOMMUNER_MAX_INNBYGGERE);
            break;
        }
        if (a == -5) {
            st = hjtj__err_set(&kommuner->err, HJTJ_ERR_KOMMUNER, name, fnavn->line, fnavn->col,
                         "NUL byte or control character in the name of kommune %.4s", fnr->s);
            break;
        }
    }
    if (rc < 0)
        st = kommuner->err.status;
    hjtj__csv_free(&r);
    if (st != HJTJ_OK) {
        hjtj__kommuner_clear(&tmp);
        return st;
    }
    tmp.loaded = 1;
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
