/* writers.h — the format writers behind hjtj_writer (writer.c). Each
 * renders one table read through the public accessors. */
#ifndef HJTJ_WRITERS_H
#define HJTJ_WRITERS_H

#include "error.h"
#include "table.h"
#include "buf.h"

/* table.c: CSV (codes as header, as the report's tables) and aligned text. */
void hjtj__write_csv(const hjtj_table *t, buf *b);
void hjtj__write_text(const hjtj_table *t, hjtj_lang lang, buf *b);
/* write_text.c: the body of a pair table's text as a matrix; the rule
 * under a text table's headings (dashes as wide as each column). */
void hjtj__write_text_matrix(const hjtj_table *t, hjtj_lang lang, buf *b);
void hjtj__text_rule(buf *b, const size_t *widths, size_t n);

/* write_jsonstat.c: one JSON-stat 2.0 dataset; several as a collection
 * whose link.item holds the datasets.  HJTJ_OK, or HJTJ_ERR_NOMEM. */
hjtj_status hjtj__write_jsonstat(const hjtj_table *t, hjtj_lang lang, const char *updated, buf *b);
void hjtj__jsonstat_collection(buf *b, hjtj_lang lang, const char *updated,
                               const buf *const *datasets, size_t n);
/* Append s as a JSON string (quotes included). */
void hjtj__json_string(buf *b, const char *s);

/* write_px.c: one PX file (bilingual: lang first, the other as [xx]);
 * HJTJ_OK, or HJTJ_ERR_NOMEM. */
hjtj_status hjtj__write_px(const hjtj_table *t, hjtj_lang lang, const char *updated, buf *b);
/* The MATRIX name of table id ("3.5" -> "tabell_3_5"), also the file name. */
void hjtj__px_matrix(const char *id, char *out, size_t cap);

/* write_xlsx.c: a workbook in a temporary file, one worksheet per table.
 * Without libxlsxwriter hjtj__xlsx_open fails with HJTJ_ERR_UNSUPPORTED. */
typedef struct hjtj__xlsx hjtj__xlsx;
hjtj_status hjtj__xlsx_open(hjtj__xlsx **out, hjtj_error *err);
hjtj_status hjtj__xlsx_add(hjtj__xlsx *x, const hjtj_table *t, hjtj_lang lang,
                           const char *updated, hjtj_error *err);
/* Close the workbook and read it into b (hjtj__buf_free it). */
hjtj_status hjtj__xlsx_finish(hjtj__xlsx *x, buf *b, hjtj_error *err);
/* Remove the temporary file and free; NULL is fine. */
void hjtj__xlsx_discard(hjtj__xlsx *x);

/* The source line of every format: "Statistisk sentralbyrå / libhjtj 0.1.0". */
void hjtj__source(buf *b, hjtj_lang lang);

#endif
