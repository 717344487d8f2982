/*
 * csv.h — The CSV tokenizer, RFC 4180 (csv.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_CSV_H
#define HJTJ_CSV_H

#include "hjtj.h"
#include "buf.h"

#include <stddef.h>
#include <stdint.h>

typedef struct csv_field {
    const char *s; /* points into the input, or into the row's scratch buffer */
    size_t n;
    uint64_t line, col; /* where the field starts */
} csv_field;

typedef struct csv_reader {
    const char *p, *end;
    char delim;
    uint64_t line;        /* current line (1-based) */
    const char *line_start;
    csv_field *fields;
    size_t nfields, cap;
    buf scratch;          /* unescaped quoted fields */
    size_t *offs;         /* per field: offset in scratch, or (size_t)-1 */
    size_t offcap;
    const char *col_ptr;  /* a position on the current line and its column, */
    uint64_t col_val;     /* so columns are counted incrementally */
    size_t max_columns, max_field, max_row;
    hjtj_error *err;
    const char *name;
} csv_reader;

/* Start reading data (after a BOM).  delim 0 = detect from the first row. */
void hjtj__csv_init(csv_reader *r, const char *data, size_t len, char delim, hjtj_error *err,
              const char *name);
void hjtj__csv_free(csv_reader *r);
/* Read the next row into r->fields.  Returns 1 for a row, 0 at end of input,
 * or -1 on a file-level error (r->err is set: unbalanced quote, limits,
 * NOMEM).  Completely empty lines are skipped.  *row_line receives the line
 * the row starts on. */
int hjtj__csv_next(csv_reader *r, uint64_t *row_line);

#endif
