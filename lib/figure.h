/* figure.h — the report's figures and the SVG bar-chart writer (figure.c),
 * used by the HTML page (write_html.c). */
#ifndef HJTJ_FIGURE_H
#define HJTJ_FIGURE_H

#include "error.h"
#include "table.h"
#include "buf.h"

/* The i-th report figure whose data table has id table_id, or -1. */
long hjtj__figure_of_table(const char *table_id, size_t from);

/* Render figure number fig (an index into the figure list; -1 = a bar chart
 * of the table's numeric columns) as SVG into b.  `inline_html`: for a page
 * (no XML declaration, no namespace declarations); `idp` prefixes the ids
 * the SVG defines, so that several figures can share one page.  On failure
 * b is freed and the detail is in err. */
hjtj_status hjtj__svg_render(buf *b, const hjtj_table *t, long fig, hjtj_lang lang,
                             int inline_html, const char *idp, hjtj_error *err);

/* 1 if id is a table of the catalogue (a custom table is not). */
int hjtj__in_catalog(const char *id);

/* The figure's caption ("Figur 3.3 Virksomheter ..."), into out. */
const char *hjtj__figure_caption(long fig, const hjtj_table *t, hjtj_lang lang, char *out,
                                 size_t cap);

#endif
