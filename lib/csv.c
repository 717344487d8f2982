/* csv.c — an RFC 4180 tokenizer over a memory buffer, with line/column
 * tracking, `,`/`;` detection and size limits. */
#include "buf.h"
#include "csv.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

void hjtj__csv_init(csv_reader *r, const char *data, size_t len, char delim, hjtj_error *err,
              const char *name)
{
    memset(r, 0, sizeof *r);
    r->p = data;
    r->end = data + len;
    r->delim = delim;
    r->line = 1;
    r->line_start = data;
    r->err = err;
    r->name = name;
    r->max_columns = 1024;
    r->max_field = 65536;
    r->max_row = 1048576;
    hjtj__buf_init(&r->scratch);
}

void hjtj__csv_free(csv_reader *r)
{
    free(r->fields);
    free(r->offs);
    r->fields = NULL;
    r->offs = NULL;
    hjtj__buf_free(&r->scratch);
}

/* Detect the delimiter from the first line: the more frequent of `,` and `;`
 * outside quotes (`,` on a tie). */
static char detect_delim(const char *p, const char *end)
{
    size_t commas = 0, semis = 0;
    int inq = 0;
    for (; p < end; p++) {
        if (*p == '"')
            inq = !inq;
        else if (!inq && (*p == '\n' || *p == '\r'))
            break;
        else if (!inq && *p == ',')
            commas++;
        else if (!inq && *p == ';')
            semis++;
    }
    return semis > commas ? ';' : ',';
}

/* Append a field; s == NULL means "in scratch at offset off". */
static int push_field(csv_reader *r, const char *s, size_t off, size_t n, uint64_t line,
                      uint64_t col)
{
    if (r->nfields >= r->max_columns) {
        hjtj__err_set(r->err, HJTJ_ERR_LIMIT, r->name, line, col,
                "more than %zu columns in a row", r->max_columns);
        return -1;
    }
    if (n > r->max_field) {
        hjtj__err_set(r->err, HJTJ_ERR_LIMIT, r->name, line, col,
                "field longer than %zu bytes", r->max_field);
        return -1;
    }
    if (r->nfields == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 32;
        csv_field *f = realloc(r->fields, cap * sizeof *f);
        size_t *o;
        if (f == NULL) {
            hjtj__err_set(r->err, HJTJ_ERR_NOMEM, r->name, line, col, "out of memory");
            return -1;
        }
        r->fields = f;
        o = realloc(r->offs, cap * sizeof *o);
        if (o == NULL) {
            hjtj__err_set(r->err, HJTJ_ERR_NOMEM, r->name, line, col, "out of memory");
            return -1;
        }
        r->offs = o;
        r->cap = cap;
    }
    r->fields[r->nfields].s = s;
    r->fields[r->nfields].n = n;
    r->fields[r->nfields].line = line;
    r->fields[r->nfields].col = col;
    r->offs[r->nfields] = s ? (size_t)-1 : off;
    r->nfields++;
    return 0;
}

/* Column (code points, 1-based) of p on the current line. */
static uint64_t col_of(csv_reader *r, const char *p)
{
    const char *q = r->line_start;
    uint64_t c = 1;
    if (r->col_ptr && r->col_ptr >= r->line_start && r->col_ptr <= p) {
        q = r->col_ptr;
        c = r->col_val;
    }
    for (; q < p; q++)
        if (((unsigned char)*q & 0xC0) != 0x80)
            c++;
    r->col_ptr = p;
    r->col_val = c;
    return c;
}

int hjtj__csv_next(csv_reader *r, uint64_t *row_line)
{
    const char *p = r->p, *end = r->end, *row_start;
    size_t k;
    int ret = 1;

    r->nfields = 0;
    r->scratch.len = 0;
    /* skip empty lines */
    while (p < end && (*p == '\n' || *p == '\r')) {
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
        p++;
        r->line++;
        r->line_start = p;
    }
    if (p >= end) {
        r->p = p;
        return 0;
    }
    if (r->delim == 0)
        r->delim = detect_delim(p, end);
    row_start = p;
    if (row_line)
        *row_line = r->line;

    for (;;) {
        uint64_t fline = r->line, fcol = col_of(r, p);
        if ((size_t)(p - row_start) > r->max_row) {
            hjtj__err_set(r->err, HJTJ_ERR_LIMIT, r->name, fline, fcol, "row longer than %zu bytes",
                    r->max_row);
            ret = -1;
            break;
        }
        if (p < end && *p == '"') {
            /* quoted field */
            size_t start = r->scratch.len;
            uint64_t qline = r->line, qcol = fcol;
            p++;
            for (;;) {
                if (p >= end) {
                    hjtj__err_set(r->err, HJTJ_ERR_SYNTAX, r->name, qline, qcol,
                            "unbalanced quote: the quoted field is never closed");
                    ret = -1;
                    goto out;
                }
                if (*p == '"') {
                    if (p + 1 < end && p[1] == '"') {
                        if (hjtj__buf_putc(&r->scratch, '"') != 0)
                            goto nomem;
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
                if (*p == '\n') {
                    r->line++;
                    r->line_start = p + 1;
                }
                if (hjtj__buf_putc(&r->scratch, *p) != 0)
                    goto nomem;
                p++;
                if (r->scratch.len - start > r->max_field) {
                    hjtj__err_set(r->err, HJTJ_ERR_LIMIT, r->name, qline, qcol,
                            "field longer than %zu bytes", r->max_field);
                    ret = -1;
                    goto out;
                }
            }
            if (p < end && *p != r->delim && *p != '\n' && *p != '\r') {
                hjtj__err_set(r->err, HJTJ_ERR_SYNTAX, r->name, r->line, col_of(r, p),
                        "unexpected character after a closing quote");
                ret = -1;
                goto out;
            }
            /* the pointer is fixed after the row: scratch may move */
            if (push_field(r, NULL, start, r->scratch.len - start, fline, fcol) != 0) {
                ret = -1;
                goto out;
            }
        } else {
            const char *s = p;
            while (p < end && *p != r->delim && *p != '\n' && *p != '\r') {
                if (*p == '"') {
                    hjtj__err_set(r->err, HJTJ_ERR_SYNTAX, r->name, r->line, col_of(r, p),
                            "quote inside an unquoted field");
                    ret = -1;
                    goto out;
                }
                p++;
            }
            if (push_field(r, s, 0, (size_t)(p - s), fline, fcol) != 0) {
                ret = -1;
                goto out;
            }
        }
        if (p < end && *p == r->delim) {
            p++;
            continue;
        }
        /* end of row */
        if (p < end && *p == '\r')
            p++;
        if (p < end && *p == '\n')
            p++;
        r->line++;
        r->line_start = p;
        break;
    }
    for (k = 0; k < r->nfields; k++)
        if (r->fields[k].s == NULL)
            r->fields[k].s = r->scratch.data ? r->scratch.data + r->offs[k] : "";
out:
    r->p = p;
    return ret;
nomem:
    r->p = p;
    hjtj__err_set(r->err, HJTJ_ERR_NOMEM, r->name, r->line, 0, "out of memory");
    return -1;
}
