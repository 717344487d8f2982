/* write_html.h — the HTML page (write_html.c) as the writer's
 * HJTJ_FORMAT_HTML (writer.c). */
#ifndef HJTJ_WRITE_HTML_H
#define HJTJ_WRITE_HTML_H

#include "buf.h"

/* The whole page into b (initialised here; freed on failure). */
hjtj_status hjtj__html_render(const hjtj_html *page, buf *b);

#endif
