/* markup.h — escaping text for XML and HTML, and the printed forms of cells
 * in figures and pages (figure.c, write_html.c). */
#ifndef HJTJ_MARKUP_H
#define HJTJ_MARKUP_H

#include "error.h"
#include "table.h"
#include "buf.h"

/* Append s to b as XML/HTML character data or attribute value: & < > " '
 * become references; control characters that XML 1.0 forbids are dropped. */
void hjtj__put_escaped(buf *b, const char *s);

/* A cell as shown in a figure or a page: the CSV text with a decimal comma
 * in Norwegian, "." for a share of an empty base and ":" for a suppressed
 * cell.  Writes into out (cap >= 64) and returns it. */
const char *hjtj__cell_shown(const hjtj_table *t, size_t row, size_t col, hjtj_lang lang,
                             char *out, size_t cap);

/* The table's N as shown: "3611", or ":" when the table hides it (a
 * protected table whose N is a small count: hjtj_table_n() < 0). */
const char *hjtj__n_shown(const hjtj_table *t, char *out, size_t cap);

/* 1 if the cell is suppressed for confidentiality (printed ":"). */
int hjtj__cell_suppressed(const hjtj_table *t, size_t row, size_t col);

/* A column heading: the column's label, or, while the label is only the CSV
 * code, the code made readable ("andel_virksomheter" -> "Andel virksomheter"). */
const char *hjtj__col_heading(const hjtj_table *t, size_t col, hjtj_lang lang, char *out,
                              size_t cap);

/* A row's label; for a table with several label columns, their texts joined
 * by " – " (3.4: "Boligbase – Amb. helsetjenester"). */
const char *hjtj__row_heading(const hjtj_table *t, size_t row, hjtj_lang lang, char *out,
                              size_t cap);

/* Write len bytes to the file at path (created or truncated); on failure
 * HJTJ_ERR_IO with the detail in err. */
hjtj_status hjtj__write_file(const char *path, const char *data, size_t len, hjtj_error *err);

/* Where a writer's output goes: the callback fn (with userdata), else the
 * file path, else a string handed to the caller in *out (length in *len
 * unless len is NULL). */
typedef struct hjtj__sink {
    hjtj_write_fn fn;
    void *userdata;
    const char *path;
    char **out;
    size_t *len;
    hjtj_error *err; /* the detail of a failed file */
} hjtj__sink;

/* HJTJ_ERR_INVALID_ARG when the sink has no destination; clears *out. */
hjtj_status hjtj__sink_open(const hjtj__sink *sink);
/* Deliver the rendered b (consumed: freed, or handed out as the string). */
hjtj_status hjtj__sink_put(const hjtj__sink *sink, buf *b);

/* The source line under every figure and table. */
const char *hjtj__source_line(hjtj_lang lang);

#endif
