/* link.c — linked variables: numeric columns of another register joined to
 * the records by orgnr (SPEC §9, hjtj_link(3)). */
#include "error.h"
#include "text.h"
#include "buf.h"
#include "input.h"
#include "csv.h"
#include "record.h"
#include "register.h"
#include "crosstab.h"

#include <stdlib.h>
#include <string.h>

static void link_clear(hjtj_link *l)
{
    size_t i;
    for (i = 0; i < l->nvars; i++)
        free(l->vars[i]);
    free(l->vars);
    free(l->decimals);
    free(l->org);
    free(l->line);
    free(l->val);
    free(l->has);
    free(l->slot);
    hjtj__diags_free(l->probs, l->nprobs);
    free(l->probs);
    free(l->file);
    memset(l, 0, offsetof(hjtj_link, err));
}

HJTJ_API hjtj_status hjtj_link_new(hjtj_link **out)
{
    if (out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    *out = calloc(1, sizeof **out);
    return *out ? HJTJ_OK : HJTJ_ERR_NOMEM;
}

HJTJ_API void hjtj_link_free(hjtj_link *l)
{
    if (l == NULL)
        return;
    link_clear(l);
    free(l);
}

HJTJ_API const hjtj_error *hjtj_link_error(const hjtj_link *l)
{
    return l ? &l->err : NULL;
}

/* Add a problem row: HJTJ_OK or HJTJ_ERR_NOMEM. */
static hjtj_status link_problem(hjtj_link *l, hjtj_reason reason, uint64_t line, uint64_t col,
                                const char *orgnr, size_t orglen, const char *msg)
{
    hjtj_diag *d;
    if (hjtj__grow(&l->probs, &l->capprobs, l->nprobs + 1, sizeof *l->probs, 16) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    d = &l->probs[l->nprobs];
    d->reason = reason;
    d->line = line;
    d->column = col;
    d->file = l->file;
    d->orgnr = hjtj__str_ndup(orgnr, orglen > 40 ? 40 : orglen);
    d->message = hjtj__str_dup(msg);
    if (d->orgnr == NULL || d->message == NULL) {
        free(d->orgnr);
        free(d->message);
        return HJTJ_ERR_NOMEM;
    }
    l->nprobs++;
    return HJTJ_OK;
}

static int64_t slot_find(const hjtj_link *l, uint32_t k)
{
    size_t j;
    if (l->nslot == 0)
        return -1;
    for (j = hjtj__hash_u64(k) & (l->nslot - 1); l->slot[j]; j = (j + 1) & (l->nslot - 1))
        if (l->org[l->slot[j] - 1] == k)
            return (int64_t)l->slot[j] - 1;
    return -1;
}

static hjtj_status slot_grow(hjtj_link *l)
{
    size_t n = l->nslot ? l->nslot * 2 : 1024, i, j;
    uint32_t *s = calloc(n, sizeof *s);
    if (s == NULL)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < l->nrows; i++) {
        for (j = hjtj__hash_u64(l->org[i]) & (n - 1); s[j]; j = (j + 1) & (n - 1))
            ;
        s[j] = (uint32_t)(i + 1);
    }
    free(l->slot);
    l->slot = s;
    l->nslot = n;
    return HJTJ_OK;
}

/* Append a used row: HJTJ_OK or HJTJ_ERR_NOMEM. */
static hjtj_status link_row(hjtj_link *l, uint32_t org, uint64_t line, const int64_t *val,
                            const uint8_t *has)
{
    size_t j;
    if (l->nrows == l->caprows) {
        /* the four arrays of a row grow alike; one that grew before another
         * failed is only larger than caprows says */
        size_t c[4] = {l->caprows, l->caprows, l->caprows, l->caprows};
        if (hjtj__grow(&l->org, &c[0], l->nrows + 1, sizeof *l->org, 256) != HJTJ_OK ||
            hjtj__grow(&l->line, &c[1], l->nrows + 1, sizeof *l->line, 256) != HJTJ_OK ||
            hjtj__grow(&l->val, &c[2], l->nrows + 1, l->nvars * sizeof *l->val, 256) != HJTJ_OK ||
            hjtj__grow(&l->has, &c[3], l->nrows + 1, l->nvars, 256) != HJTJ_OK)
            return HJTJ_ERR_NOMEM;
        l->caprows = c[0];
    }
    if ((l->nrows + 1) * 2 > l->nslot && slot_grow(l) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    l->org[l->nrows] = org;
    l->line[l->nrows] = line;
    memcpy(&l->val[l->nrows * l->nvars], val, l->nvars * sizeof *val);
    memcpy(&l->has[l->nrows * l->nvars], has, l->nvars);
    for (j = hjtj__hash_u64(org) & (l->nslot - 1); l->slot[j]; j = (j + 1) & (l->nslot - 1))
        ;
    l->slot[j] = (uint32_t)(l->nrows + 1);
    l->nrows++;
    return HJTJ_OK;
}

/* Is the header field f, blanks around it aside, name?  (hjtj__trim also
 * drops CR and LF: a quoted "orgnr" with a line break at an edge is orgnr.) */
static int field_is(const csv_field *f, const char *name)
{
    const char *s = f->s;
    size_t n = f->n;
    hjtj__trim(&s, &n);
    return n == strlen(name) && memcmp(s, name, n) == 0;
}

/* Read the header: the orgnr column and the variables. */
static hjtj_status link_header(hjtj_link *l, const csv_reader *r, uint64_t line, size_t *corg)
{
    size_t i, j, nv = 0;
    *corg = (size_t)-1;
    for (i = 0; i < r->nfields; i++)
        if (field_is(&r->fields[i], "orgnr")) {
            if (*corg != (size_t)-1)
                return hjtj__err_set(&l->err, HJTJ_ERR_SCHEMA, l->file, line, r->fields[i].col,
                               "column orgnr appears twice");
            *corg = i;
        }
    if (*corg == (size_t)-1)
        return hjtj__err_set(&l->err, HJTJ_ERR_SCHEMA, l->file, line, 1,
                       "a link file needs a column orgnr");
    if (r->nfields < 2)
        return hjtj__err_set(&l->err, HJTJ_ERR_SCHEMA, l->file, line, 1,
                       "a link file needs a numeric column beside orgnr");
    l->vars = calloc(r->nfields, sizeof *l->vars);
    l->decimals = calloc(r->nfields, sizeof *l->decimals);
    if (l->vars == NULL || l->decimals == NULL)
        return hjtj__err_set(&l->err, HJTJ_ERR_NOMEM, l->file, line, 0, "out of memory");
    for (i = 0; i < r->nfields; i++) {
        const csv_field *f = &r->fields[i];
        if (i == *corg)
            continue;
        if (f->n == 0)
            return hjtj__err_set(&l->err, HJTJ_ERR_SCHEMA, l->file, line, f->col,
                           "column %zu has no name", i + 1);
        for (j = 0; j < nv; j++)
            if (field_is(f, l->vars[j]))
                return hjtj__err_set(&l->err, HJTJ_ERR_SCHEMA, l->file, line, f->col,
                               "column %s appears twice", l->vars[j]);
        l->vars[nv] = hjtj__str_ndup(f->s, f->n);
        if (l->vars[nv] == NULL)
            return hjtj__err_set(&l->err, HJTJ_ERR_NOMEM, l->file, line, 0, "out of memory");
        l->nvars = ++nv;
    }
    return HJTJ_OK;
}

/* One data row: used, or listed as a problem.  HJTJ_OK or HJTJ_ERR_NOMEM. */
static hjtj_status link_data_row(hjtj_link *l, const csv_reader *r, uint64_t line, size_t corg,
                                 int64_t *val, uint8_t *has)
{
    const csv_field *fo;
    size_t i, v = 0;
    char msg[256];
    uint64_t org = 0;
    if (r->nfields != l->nvars + 1) {
        snprintf(msg, sizeof msg, "row has %zu fields, the header %zu", r->nfields,
                 l->nvars + 1);
        fo = corg < r->nfields ? &r->fields[corg] : NULL;
        return link_problem(l, HJTJ_REASON_RAGGED_ROW, line, 1, fo ? fo->s : "", fo ? fo->n : 0,
                            msg);
    }
    fo = &r->fields[corg];
    if (fo->n != 9 || hjtj__parse_uint(fo->s, 9, 999999999u, &org) != HJTJ_OK) {
        snprintf(msg, sizeof msg, "orgnr '%.*s' is not 9 digits", (int)(fo->n > 40 ? 40 : fo->n),
                 fo->s);
        return link_problem(l, HJTJ_REASON_ORGNR, line, fo->col, fo->s, fo->n, msg);
    }
    if (slot_find(l, (uint32_t)org) >= 0) {
        snprintf(msg, sizeof msg, "orgnr %.9s appears on an earlier row", fo->s);
        return link_problem(l, HJTJ_REASON_DUPLICATE_ORGNR, line, fo->col, fo->s, 9, msg);
    }
    for (i = 0; i < r->nfields; i++) {
        const csv_field *f = &r->fields[i];
        int dec = 0;
        hjtj_status rc;
        if (i == corg)
            continue;
        has[v] = 0;
        val[v] = 0;
        if (f->n > 0) {
            rc = hjtj__dec_parse(f->s, f->n, r->delim == ';', &val[v], &dec);
            if (rc != HJTJ_OK) {
                snprintf(msg, sizeof msg, "%s '%.*s' %s", l->vars[v],
                         (int)(f->n > 40 ? 40 : f->n), f->s,
                         rc == HJTJ_ERR_SYNTAX ? "is not a number"
                                  : "has more than 6 decimals or 12 integer digits");
                return link_problem(l, rc == HJTJ_ERR_SYNTAX ? HJTJ_REASON_NOT_A_NUMBER
                                                : HJTJ_REASON_NUMBER_RANGE,
                                    line, f->col, fo->s, 9, msg);
            }
            has[v] = 1;
        }
        v++;
    }
    /* the decimals of a column: the most any of its used values has */
    for (i = 0, v = 0; i < r->nfields; i++) {
        const csv_field *f = &r->fields[i];
        int dec = 0;
        int64_t m;
        if (i == corg)
            continue;
        if (has[v] && hjtj__dec_parse(f->s, f->n, r->delim == ';', &m, &dec) == HJTJ_OK &&
            dec > l->decimals[v])
            l->decimals[v] = dec;
        v++;
    }
    return link_row(l, (uint32_t)org, line, val, has);
}

/* Bring each column's values from 10^-6 units to its own decimals. */
static void link_rescale(hjtj_link *l)
{
    size_t i, v;
    for (v = 0; v < l->nvars; v++) {
        int64_t p = 1;
        int k;
        for (k = l->decimals[v]; k < DEC_MAX_DECIMALS; k++)
            p *= 10;
        for (i = 0; i < l->nrows; i++)
            l->val[i * l->nvars + v] /= p;
    }
}

static hjtj_status link_parse(hjtj_link *l, const char *data, size_t len);

HJTJ_API hjtj_status hjtj_link_set_encoding(hjtj_link *l, hjtj_encoding encoding)
{
    if (l == NULL || hjtj_encoding_name(encoding) == NULL)
        return HJTJ_ERR_INVALID_ARG;
    l->encoding = encoding;
    return HJTJ_OK;
}

HJTJ_API hjtj_encoding hjtj_link_encoding(const hjtj_link *l)
{
    return l ? l->encoding : HJTJ_ENCODING_UTF8;
}

HJTJ_API hjtj_status hjtj_link_load_memory(hjtj_link *l, const char *data, size_t len,
                                           const char *name)
{
    uint64_t eline, ecol;
    input u;
    hjtj_status st;
    if (l == NULL)
        return HJTJ_ERR_INVALID_ARG;
    link_clear(l);
    hjtj__err_clear(&l->err);
    l->file = hjtj__str_dup(name ? name : "<memory>");
    if (l->file == NULL)
        return hjtj__err_set(&l->err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    if (data == NULL)
        return hjtj__err_set(&l->err, HJTJ_ERR_INVALID_ARG, l->file, 0, 0, "no data");
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) { /* a UTF-8 BOM wins */
        data += 3;
        len -= 3;
    } else if (l->encoding != HJTJ_ENCODING_UTF8) {
        /* a single-byte file: read its UTF-8 form; positions stay the file's
         * (one character a byte) */
        st = hjtj__to_utf8(&u, l->encoding, NULL, data, len, l->file, &l->err);
        if (st != HJTJ_OK) {
            hjtj_error keep = l->err;
            link_clear(l);
            l->err = keep;
            return st;
        }
        st = link_parse(l, u.data, u.len);
        hjtj__input_close(&u);
        return st;
    }
    if (hjtj__utf8_check(data, len, &eline, &ecol) != 0)
        return hjtj__err_set(&l->err, HJTJ_ERR_ENCODING, l->file, eline, ecol,
                       "invalid UTF-8 in link file; if it was saved by Excel it is probably "
                       "Windows-1252: use --encoding windows-1252");
    return link_parse(l, data, len);
}

/* Parse a link file's UTF-8 text (l->file set, l cleared). */
static hjtj_status link_parse(hjtj_link *l, const char *data, size_t len)
{
    csv_reader r;
    uint64_t line = 0;
    size_t corg = 0;
    int rc;
    int64_t *val = NULL;
    uint8_t *has = NULL;
    hjtj_status st = HJTJ_OK;
    hjtj__csv_init(&r, data, len, 0, &l->err, l->file);
    rc = hjtj__csv_next(&r, &line);
    if (rc == 0)
        st = hjtj__err_set(&l->err, HJTJ_ERR_EMPTY, l->file, 1, 1, "empty link file");
    else if (rc < 0)
        st = l->err.status;
    else
        st = link_header(l, &r, line, &corg);
    if (st == HJTJ_OK) {
        val = calloc(l->nvars, sizeof *val);
        has = calloc(l->nvars, 1);
        if (val == NULL || has == NULL)
            st = hjtj__err_set(&l->err, HJTJ_ERR_NOMEM, l->file, 0, 0, "out of memory");
    }
    while (st == HJTJ_OK && (rc = hjtj__csv_next(&r, &line)) == 1) {
        l->nread++;
        if (link_data_row(l, &r, line, corg, val, has) != HJTJ_OK)
            st = hjtj__err_set(&l->err, HJTJ_ERR_NOMEM, l->file, line, 0, "out of memory");
    }
    if (st == HJTJ_OK && rc < 0)
        st = l->err.status;
    hjtj__csv_free(&r);
    free(val);
    free(has);
    if (st != HJTJ_OK) {
        hjtj_error keep = l->err;
        link_clear(l);
        l->err = keep;
        return st;
    }
    link_rescale(l);
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_link_load_file(hjtj_link *l, const char *path)
{
    buf b;
    hjtj_status st;
    if (l == NULL || path == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&l->err);
    st = hjtj__read_all_file(&b, path, &l->err);
    if (st != HJTJ_OK) {
        link_clear(l);
        return st;
    }
    st = hjtj_link_load_memory(l, b.data, b.len, path);
    hjtj__buf_free(&b);
    return st;
}

HJTJ_API size_t hjtj_link_var_count(const hjtj_link *l)
{
    return l ? l->nvars : 0;
}

HJTJ_API const char *hjtj_link_var_name(const hjtj_link *l, size_t i)
{
    return l && i < l->nvars ? l->vars[i] : NULL;
}

HJTJ_API size_t hjtj_link_read_count(const hjtj_link *l)
{
    return l ? l->nread : 0;
}

HJTJ_API size_t hjtj_link_problem_count(const hjtj_link *l)
{
    return l ? l->nprobs : 0;
}

HJTJ_API size_t hjtj_link_used_count(const hjtj_link *l)
{
    return l ? l->nrows - l->nmatch_bad : 0;
}

HJTJ_API const hjtj_diag *hjtj_link_problem(const hjtj_link *l, size_t i)
{
    return l && i < l->nprobs ? &l->probs[i] : NULL;
}

static int diag_line_cmp(const void *a, const void *b)
{
    uint64_t x = ((const hjtj_diag *)a)->line, y = ((const hjtj_diag *)b)->line;
    return (x > y) - (x < y);
}

HJTJ_API hjtj_status hjtj_link_match(hjtj_link *l, const hjtj_register *reg)
{
    size_t i, k = 0;
    if (l == NULL || reg == NULL)
        return HJTJ_ERR_INVALID_ARG;
    /* drop the previous match's problems */
    for (i = 0; i < l->nprobs; i++) {
        if (l->probs[i].reason == HJTJ_REASON_NOT_IN_REGISTER)
            hjtj__diags_free(&l->probs[i], 1);
        else
            l->probs[k++] = l->probs[i];
    }
    l->nprobs = k;
    l->nmatch_bad = 0;
    for (i = 0; i < l->nrows; i++) {
        char org[10], msg[64];
        if (hjtj__register_has_orgnr(reg, l->org[i]))
            continue;
        hjtj__orgnr_format(org, l->org[i]);
        snprintf(msg, sizeof msg, "orgnr %s is not in the register", org);
        if (link_problem(l, HJTJ_REASON_NOT_IN_REGISTER, l->line[i], 1, org, 9, msg) != HJTJ_OK)
            return hjtj__err_set(&l->err, HJTJ_ERR_NOMEM, l->file, 0, 0, "out of memory");
        l->nmatch_bad++;
    }
    if (l->nprobs > 1)
        qsort(l->probs, l->nprobs, sizeof *l->probs, diag_line_cmp);
    return HJTJ_OK;
}

int64_t hjtj__link_find(const hjtj_link *l, const char *orgnr)
{
    uint64_t k;
    if (hjtj__parse_uint(orgnr, 9, 999999999u, &k) != HJTJ_OK)
        return -1;
    return slot_find(l, (uint32_t)k);
}
