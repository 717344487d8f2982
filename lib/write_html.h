/* write_html.h — the HTML page writer (write_html.c) as the table writer's
 * HJTJ_FORMAT_HTML. */
#ifndef HJTJ_WRITE_HTML_H
#define HJTJ_WRITE_HTML_H

#include "internal.h"

/* A page (Norwegian) with the one table t and its figures, into b. */
hjtj_status hjtj__html_table_page(const hjtj_table *t, buf *b);

#endif
