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
    uint64_t line, col; /* where the field starts (col: code points, 1-based) */
} csv_field;

/* A reader over data[0, len).  The callers read fields/nfields (the row),
 * p (how far it has read: they fill the input up to a window ahead of it and
 * release it behind), end, line, and set the limits after hjtj__csv_init;
 * the rest is the tokenizer's. */
typedef struct csv_reader {
    const char *p, *end;
    char delim;           /* ',', ';' or '\t' (any byte but '"', CR, LF) */
    uint64_t line;        /* current line (1-based) */
    const char *line_start;
    csv_field *fields;
    size_t nfields, cap;
    buf scratch;          /* unescaped quoted fields */
    size_t *offs;         /* per quoted field: its offset in scratch */
    size_t max_columns, max_field, max_row;
    int row_no_control;   /* the row just read has no control character
                             (hjtj__is_control) in any field: 1 is sure, 0
                             means "not looked at" */
    hjtj_error *err;
    const char *name;
} csv_reader;

/* Start reading data (after a BOM).  delim 0 = detect from the first row:
 * the more frequent of ',' and ';' outside quotes on it (',' on a tie). */
void hjtj__csv_init(csv_reader *r, const char *data, size_t len, char delim, hjtj_error *err,
                    const char *name);
void hjtj__csv_free(csv_reader *r);
/* Read the next row into r->fields (valid until the next call).
 * Returns 1 for a row, 0 at end of input (and again after it), or -1 on a
 * file-level error (r->err is set, with the line and column: unbalanced
 * quote, a quote inside an unquoted field or a character after a closing
 * one, more than max_columns fields, a field over max_field bytes, a field
 * starting more than max_row bytes into its row, NOMEM); after -1 the
 * reader is not called again.  Completely empty lines are skipped; a line
 * ends with LF, CRLF or CR outside quotes (inside quotes only LF counts as a
 * new line).  *row_line receives the line the row starts on.  (Not an
 * hjtj_status: the three callers — load_csv.c, kommuner.c, link.c — test
 * for 1, 0 and < 0.) */
int hjtj__csv_next(csv_reader *r, uint64_t *row_line);

#endif
