/* write_jsonstat.c — a table as a JSON-stat 2.0 dataset (SPEC §10).
 *
 * The dataset's dimensions are the table's row dimension(s) and the metric
 * `statistikkvariabel` (role.metric) whose categories are the value columns
 * with their unit and decimals.  Values are the numbers exactly as the CSV
 * prints them (written from the printed text, never from a double); a cell
 * the CSV leaves empty is null with its symbol in `status`. */
#include "buf.h"
#include "table.h"
#include "cube.h"
#include "writers.h"

#include <string.h>

void hjtj__json_string(buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    hjtj__buf_putc(b, '"');
    for (; *p; p++) {
        switch (*p) {
        case '"':
            hjtj__buf_puts(b, "\\\"");
            break;
        case '\\':
            hjtj__buf_puts(b, "\\\\");
            break;
        case '\n':
            hjtj__buf_puts(b, "\\n");
            break;
        case '\r':
            hjtj__buf_puts(b, "\\r");
            break;
        case '\t':
            hjtj__buf_puts(b, "\\t");
            break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                hjtj__buf_printf(b, "\\u%04x", *p);
            else
                hjtj__buf_putc(b, (char)*p);
        }
    }
    hjtj__buf_putc(b, '"');
}

void hjtj__source(buf *b, hjtj_lang lang)
{
    hjtj__buf_printf(b, "%s / libhjtj %s", hjtj__word("source", lang), hjtj_version());
}

static void key(buf *b, const char *k)
{
    hjtj__json_string(b, k);
    hjtj__buf_putc(b, ':');
}

/* "category": {"index": {...}, "label": {...}[, "unit": {...}]} */
static void dimension(buf *b, const cube *c, const cube_dim *d, int metric)
{
    size_t i;
    key(b, d->id ? d->id : "rad");
    hjtj__buf_puts(b, "{");
    key(b, "label");
    hjtj__json_string(b, d->label);
    hjtj__buf_puts(b, ",");
    key(b, "category");
    hjtj__buf_puts(b, "{");
    key(b, "index");
    hjtj__buf_puts(b, "{");
    for (i = 0; i < d->n; i++) {
        if (i)
            hjtj__buf_putc(b, ',');
        key(b, d->codes[i]);
        hjtj__buf_printf(b, "%zu", i);
    }
    hjtj__buf_puts(b, "},");
    key(b, "label");
    hjtj__buf_puts(b, "{");
    for (i = 0; i < d->n; i++) {
        if (i)
            hjtj__buf_putc(b, ',');
        key(b, d->codes[i]);
        hjtj__json_string(b, d->labels[i]);
    }
    hjtj__buf_puts(b, "}");
    if (metric) {
        hjtj__buf_puts(b, ",");
        key(b, "unit");
        hjtj__buf_puts(b, "{");
        for (i = 0; i < d->n; i++) {
            if (i)
                hjtj__buf_putc(b, ',');
            key(b, d->codes[i]);
            hjtj__buf_puts(b, "{");
            key(b, "label");
            hjtj__json_string(b, c->unit[i]);
            hjtj__buf_printf(b, ",\"decimals\":%d}", (int)c->decimals[i]);
        }
        hjtj__buf_puts(b, "}");
    }
    hjtj__buf_puts(b, "}}");
}

static void notes(buf *b, const hjtj_table *t, hjtj_lang lang, unsigned symbols)
{
    const char *pop = hjtj_table_population_label(t, lang), *dev = hjtj_table_note(t, lang);
    int first = 1;
    static const char *const sym[] = {"sym.", "sym:", "sym-"};
    static const char marks[] = ".:-";
    size_t i;
    key(b, "note");
    hjtj__buf_putc(b, '[');
    if (pop && pop[0]) {
        hjtj__json_string(b, pop);
        first = 0;
    }
    if (dev && dev[0]) {
        if (!first)
            hjtj__buf_putc(b, ',');
        hjtj__json_string(b, dev);
        first = 0;
    }
    for (i = 0; i < 3; i++)
        if (symbols & (1u << i)) {
            char s[160];
            snprintf(s, sizeof s, "%c %s", marks[i], hjtj__word(sym[i], lang));
            if (!first)
                hjtj__buf_putc(b, ',');
            hjtj__json_string(b, s);
            first = 0;
        }
    hjtj__buf_putc(b, ']');
}

hjtj_status hjtj__write_jsonstat(const hjtj_table *t, hjtj_lang lang, const char *updated, buf *b)
{
    cube c;
    size_t i, k;
    int any_status = 0;
    if (hjtj__cube_init(&c, t, lang) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    hjtj__buf_puts(b, "{\"version\":\"2.0\",\"class\":\"dataset\",");
    key(b, "label");
    {
        buf bl;
        hjtj__buf_init(&bl);
        hjtj__full_title(&bl, t, lang);
        hjtj__json_string(b, bl.data ? bl.data : "");
        if (bl.failed)
            b->failed = 1;
        hjtj__buf_free(&bl);
    }
    hjtj__buf_puts(b, ",");
    key(b, "source");
    hjtj__buf_putc(b, '"');
    hjtj__source(b, lang); /* plain ASCII/UTF-8 words and a version: no escapes */
    hjtj__buf_puts(b, "\",");
    key(b, "updated");
    hjtj__json_string(b, updated);
    hjtj__buf_puts(b, ",");
    key(b, "id");
    hjtj__buf_putc(b, '[');
    for (i = 0; i < c.ndims; i++) {
        hjtj__json_string(b, c.dims[i].id ? c.dims[i].id : "rad");
        hjtj__buf_putc(b, ',');
    }
    hjtj__json_string(b, c.metric.id);
    hjtj__buf_puts(b, "],\"size\":[");
    for (i = 0; i < c.ndims; i++)
        hjtj__buf_printf(b, "%zu,", c.dims[i].n);
    hjtj__buf_printf(b, "%zu],", c.metric.n);
    key(b, "role");
    hjtj__buf_puts(b, "{\"metric\":[");
    hjtj__json_string(b, c.metric.id);
    hjtj__buf_puts(b, "]},");
    key(b, "dimension");
    hjtj__buf_putc(b, '{');
    for (i = 0; i < c.ndims; i++) {
        dimension(b, &c, &c.dims[i], 0);
        hjtj__buf_putc(b, ',');
    }
    dimension(b, &c, &c.metric, 1);
    hjtj__buf_puts(b, "},\"value\":[");
    for (k = 0; k < c.nvalues; k++) {
        cube_val v = hjtj__cube_value(&c, k);
        if (k)
            hjtj__buf_putc(b, ',');
        hjtj__buf_puts(b, v.symbol ? "null" : v.text);
        any_status |= v.symbol != 0;
    }
    hjtj__buf_puts(b, "]");
    if (any_status) {
        hjtj__buf_puts(b, ",\"status\":{");
        for (k = 0, i = 0; k < c.nvalues; k++) {
            cube_val v = hjtj__cube_value(&c, k);
            if (v.symbol)
                hjtj__buf_printf(b, "%s\"%zu\":\"%c\"", i++ ? "," : "", k, v.symbol);
        }
        hjtj__buf_puts(b, "}");
    }
    hjtj__buf_puts(b, ",");
    notes(b, t, lang, hjtj__cube_symbols(&c));
    hjtj__buf_puts(b, ",\"extension\":{");
    key(b, "table");
    hjtj__json_string(b, hjtj_table_id(t));
    hjtj__buf_printf(b, ",\"N\":%lld}}\n", (long long)hjtj_table_n(t));
    hjtj__cube_free(&c);
    return b->failed ? HJTJ_ERR_NOMEM : HJTJ_OK;
}

void hjtj__jsonstat_collection(buf *b, hjtj_lang lang, const char *updated,
                               const buf *const *datasets, size_t n)
{
    size_t i;
    hjtj__buf_puts(b, "{\"version\":\"2.0\",\"class\":\"collection\",");
    key(b, "label");
    hjtj__json_string(b, lang == HJTJ_LANG_EN
                             ? "Home-care services: target groups and organisation (SSB "
                               "Rapporter 2026/5)"
                             : "Hjemmetjenestens målgrupper og organisering (SSB Rapporter 2026/5)");
    hjtj__buf_puts(b, ",\"source\":\"");
    hjtj__source(b, lang);
    hjtj__buf_puts(b, "\",");
    key(b, "updated");
    hjtj__json_string(b, updated);
    hjtj__buf_puts(b, ",\"link\":{\"item\":[");
    for (i = 0; i < n; i++) {
        if (i)
            hjtj__buf_puts(b, ",\n");
        hjtj__buf_put(b, datasets[i]->data ? datasets[i]->data : "", datasets[i]->len);
    }
    hjtj__buf_puts(b, "]}}\n");
}
