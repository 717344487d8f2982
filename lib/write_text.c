/* write_text.c — a pair table (3.4, 4.4, 4.5, 4.12–4.15: row item × column
 * item, lower triangle) printed as the report prints it: a matrix with the
 * items down the side and across the top. */
#include "text.h"
#include "buf.h"
#include "table.h"
#include "cube.h"
#include "writers.h"

#include <stdlib.h>
#include <string.h>

static void spaces(buf *b, size_t n)
{
    while (n--)
        hjtj__buf_putc(b, ' ');
}

void hjtj__text_rule(buf *b, const size_t *widths, size_t n)
{
    size_t k, d;
    for (k = 0; k < n; k++) {
        if (k)
            hjtj__buf_puts(b, "  ");
        for (d = 0; d < widths[k]; d++)
            hjtj__buf_putc(b, '-');
    }
    hjtj__buf_putc(b, '\n');
}

/* A value with the language's decimal mark, or the symbol; "" above the
 * diagonal. */
static const char *matrix_cell(const cube *c, size_t k, hjtj_lang lang, char *tmp, size_t cap)
{
    cube_val v = hjtj__cube_value(c, k);
    size_t i;
    if (c->row_of[k] == 0)
        return "";
    if (v.symbol) {
        snprintf(tmp, cap, "%c", v.symbol == '-' ? ' ' : v.symbol);
        return tmp;
    }
    hjtj__str_copy(tmp, cap, v.text);
    if (lang == HJTJ_LANG_NB)
        for (i = 0; tmp[i]; i++)
            if (tmp[i] == '.')
                tmp[i] = ',';
    return tmp;
}

void hjtj__write_text_matrix(const hjtj_table *t, hjtj_lang lang, buf *b)
{
    cube c;
    size_t r, k, nr, nc, *w;
    char tmp[64];
    if (hjtj__cube_init(&c, t, lang) != HJTJ_OK || c.ndims != 2 || c.metric.n != 1) {
        if (c.t == t)
            hjtj__cube_free(&c);
        b->failed = 1;
        return;
    }
    nr = c.dims[0].n;
    nc = c.dims[1].n;
    w = calloc(nc + 1, sizeof *w);
    if (w == NULL) {
        hjtj__cube_free(&c);
        b->failed = 1;
        return;
    }
    /* column 0: the row items; then one column per column item */
    w[0] = hjtj__utf8_width(c.dims[0].label);
    for (r = 0; r < nr; r++)
        if (hjtj__utf8_width(c.dims[0].labels[r]) > w[0])
            w[0] = hjtj__utf8_width(c.dims[0].labels[r]);
    for (k = 0; k < nc; k++) {
        w[k + 1] = hjtj__utf8_width(c.dims[1].labels[k]);
        for (r = 0; r < nr; r++) {
            size_t cw = hjtj__utf8_width(matrix_cell(&c, r * nc + k, lang, tmp, sizeof tmp));
            if (cw > w[k + 1])
                w[k + 1] = cw;
        }
    }
    hjtj__buf_printf(b, "%s / %s\n\n", c.dims[0].label, c.dims[1].label);
    hjtj__buf_puts(b, c.dims[0].label);
    spaces(b, w[0] - hjtj__utf8_width(c.dims[0].label));
    for (k = 0; k < nc; k++) {
        hjtj__buf_puts(b, "  ");
        spaces(b, w[k + 1] - hjtj__utf8_width(c.dims[1].labels[k]));
        hjtj__buf_puts(b, c.dims[1].labels[k]);
    }
    hjtj__buf_putc(b, '\n');
    hjtj__text_rule(b, w, nc + 1);
    for (r = 0; r < nr; r++) {
        size_t len0 = b->len;
        hjtj__buf_puts(b, c.dims[0].labels[r]);
        spaces(b, w[0] - hjtj__utf8_width(c.dims[0].labels[r]));
        for (k = 0; k < nc; k++) {
            const char *s = matrix_cell(&c, r * nc + k, lang, tmp, sizeof tmp);
            hjtj__buf_puts(b, "  ");
            spaces(b, w[k + 1] - hjtj__utf8_width(s));
            hjtj__buf_puts(b, s);
        }
        while (b->len > len0 && b->data[b->len - 1] == ' ')
            b->len--;
        hjtj__buf_putc(b, '\n');
    }
    free(w);
    hjtj__cube_free(&c);
}
