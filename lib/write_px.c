/* write_px.c — a table as a PC-Axis (PX) file, as statbank files are
 * (SPEC §10): the cube's row dimension(s) in the STUB, the metric
 * `statistikkvariabel` (CONTVARIABLE) in the HEADING, every text keyword in
 * the chosen language and again as [xx] in the other (LANGUAGES), DATA one
 * line per stub combination.
 *
 * Strings: a PX value cannot contain a quotation mark, so `"` becomes `'`;
 * control characters become spaces; a long text is split over several
 * quoted lines after a space (readers join the pieces).  Lists are broken
 * after a comma.  Data symbols: "." (DATASYMBOL1: not applicable / share of
 * an empty base), ".." (DATASYMBOL2 ":": suppressed), "-" (DATASYMBOLNIL:
 * a zero the table prints empty). */
#include "buf.h"
#include "cube.h"
#include "writers.h"

#include <string.h>

#define PX_WRAP 200 /* bytes of text per line (PX lines stay well under 256) */

void hjtj__px_matrix(const char *id, char *out, size_t cap)
{
    size_t k = 0;
    const char *p;
    int n = snprintf(out, cap, "tabell_");
    if (n < 0 || (size_t)n >= cap)
        return;
    k = (size_t)n;
    for (p = id ? id : ""; *p && k + 1 < cap; p++) {
        char ch = *p;
        int ok = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        out[k++] = ok ? ch : '_';
    }
    out[k] = '\0';
}

/* A PX string: "...", with `"` as `'`, controls as spaces, split after a
 * space every PX_WRAP bytes. */
static void px_string(buf *b, const char *s)
{
    size_t run = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    hjtj__buf_putc(b, '"');
    for (; *p; p++) {
        char ch = (char)*p;
        if (*p < 0x20 || *p == 0x7f)
            ch = ' ';
        else if (ch == '"')
            ch = '\'';
        hjtj__buf_putc(b, ch);
        run++;
        if (ch == ' ' && run >= PX_WRAP && p[1] != '\0') {
            hjtj__buf_puts(b, "\"\r\n\"");
            run = 0;
        }
    }
    hjtj__buf_putc(b, '"');
}

/* KEYWORD[lang](subkeys)= : lang NULL for the main language. */
static void px_key(buf *b, const char *kw, const char *lang, const char *sub1, const char *sub2)
{
    hjtj__buf_puts(b, kw);
    if (lang)
        hjtj__buf_printf(b, "[%s]", lang);
    if (sub1) {
        hjtj__buf_putc(b, '(');
        px_string(b, sub1);
        if (sub2) {
            hjtj__buf_putc(b, ',');
            px_string(b, sub2);
        }
        hjtj__buf_putc(b, ')');
    }
    hjtj__buf_putc(b, '=');
}

static void px_kv(buf *b, const char *kw, const char *lang, const char *value)
{
    px_key(b, kw, lang, NULL, NULL);
    px_string(b, value);
    hjtj__buf_puts(b, ";\r\n");
}

/* A list of strings, a new line after a comma when the line grows long. */
static void px_list(buf *b, char *const *items, size_t n)
{
    size_t i, line = 0;
    for (i = 0; i < n; i++) {
        if (i) {
            hjtj__buf_putc(b, ',');
            if (line > PX_WRAP) {
                hjtj__buf_puts(b, "\r\n");
                line = 0;
            }
        }
        px_string(b, items[i]);
        line += strlen(items[i]) + 3;
    }
    hjtj__buf_puts(b, ";\r\n");
}

static const char *lang_code(hjtj_lang lang)
{
    return lang == HJTJ_LANG_EN ? "en" : "no";
}

static void title_of(buf *b, const hjtj_table *t, hjtj_lang lang)
{
    hjtj__full_title(b, t, lang);
}

/* The keywords that carry text, for one language of the cube c. */
static void px_texts(buf *b, const cube *c, const char *lang)
{
    const hjtj_table *t = c->t;
    buf s;
    size_t i;
    const char *note = hjtj_table_note(t, c->lang), *pop = hjtj_table_population_label(t, c->lang);
    char *names[3];
    px_kv(b, "SUBJECT-AREA", lang, hjtj__word("subject", c->lang));
    hjtj__buf_init(&s);
    title_of(&s, t, c->lang);
    px_kv(b, "CONTENTS", lang, s.data ? s.data : "");
    px_kv(b, "TITLE", lang, s.data ? s.data : "");
    hjtj__buf_free(&s);
    px_kv(b, "UNITS", lang, c->metric.n ? c->unit[0] : "");
    for (i = 0; i < c->ndims; i++)
        names[i] = (char *)c->dims[i].label;
    px_key(b, "STUB", lang, NULL, NULL);
    px_list(b, names, c->ndims);
    px_kv(b, "HEADING", lang, c->metric.label);
    px_kv(b, "CONTVARIABLE", lang, c->metric.label);
    for (i = 0; i < c->ndims; i++) {
        px_key(b, "VALUES", lang, c->dims[i].label, NULL);
        px_list(b, c->dims[i].labels, c->dims[i].n);
    }
    px_key(b, "VALUES", lang, c->metric.label, NULL);
    px_list(b, c->metric.labels, c->metric.n);
    for (i = 0; i < c->ndims; i++) {
        px_key(b, "CODES", lang, c->dims[i].label, NULL);
        px_list(b, c->dims[i].codes, c->dims[i].n);
    }
    px_key(b, "CODES", lang, c->metric.label, NULL);
    px_list(b, c->metric.codes, c->metric.n);
    for (i = 0; i < c->metric.n; i++) {
        px_key(b, "UNITS", lang, c->metric.labels[i], NULL);
        px_string(b, c->unit[i]);
        hjtj__buf_puts(b, ";\r\n");
    }
    for (i = 0; i < c->metric.n; i++)
        if (c->decimals[i] > 0) {
            px_key(b, "PRECISION", lang, c->metric.label, c->metric.labels[i]);
            hjtj__buf_printf(b, "%d;\r\n", (int)c->decimals[i]);
        }
    hjtj__buf_init(&s);
    hjtj__source(&s, c->lang);
    px_kv(b, "SOURCE", lang, s.data ? s.data : "");
    hjtj__buf_free(&s);
    hjtj__buf_init(&s);
    hjtj__buf_puts(&s, pop ? pop : "");
    if (note && note[0]) {
        hjtj__buf_putc(&s, ' ');
        hjtj__buf_puts(&s, note);
    }
    if (s.data && s.data[0])
        px_kv(b, "NOTE", lang, s.data);
    if (s.failed)
        b->failed = 1;
    hjtj__buf_free(&s);
}

hjtj_status hjtj__write_px(const hjtj_table *t, hjtj_lang lang, const char *updated, buf *b)
{
    cube main, other;
    hjtj_lang olang = lang == HJTJ_LANG_EN ? HJTJ_LANG_NB : HJTJ_LANG_EN;
    char matrix[40], created[16];
    size_t k;
    int32_t maxdec = 0;
    if (hjtj__cube_init(&main, t, lang) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    if (hjtj__cube_init(&other, t, olang) != HJTJ_OK) {
        hjtj__cube_free(&main);
        return HJTJ_ERR_NOMEM;
    }
    for (k = 0; k < main.metric.n; k++)
        if (main.decimals[k] > maxdec)
            maxdec = main.decimals[k];
    hjtj__px_matrix(hjtj_table_id(t), matrix, sizeof matrix);
    /* CREATION-DATE is CCYYMMDD hh:mm */
    snprintf(created, sizeof created, "%.4s%.2s%.2s %.2s:%.2s", updated, updated + 5,
             updated + 8, updated + 11, updated + 14);
    hjtj__buf_puts(b, "CHARSET=\"ANSI\";\r\nAXIS-VERSION=\"2013\";\r\nCODEPAGE=\"utf-8\";\r\n");
    hjtj__buf_printf(b, "LANGUAGE=\"%s\";\r\nLANGUAGES=\"%s\",\"%s\";\r\n", lang_code(lang),
               lang_code(lang), lang_code(olang));
    hjtj__buf_printf(b, "CREATION-DATE=\"%s\";\r\nDECIMALS=%d;\r\nSHOWDECIMALS=%d;\r\n", created,
               (int)maxdec, (int)maxdec);
    hjtj__buf_printf(b, "MATRIX=\"%s\";\r\nSUBJECT-CODE=\"hjtj\";\r\n", matrix);
    px_texts(b, &main, NULL);
    px_texts(b, &other, lang_code(olang));
    hjtj__buf_printf(b, "LAST-UPDATED=\"%s\";\r\n", created);
    hjtj__buf_puts(b, "DATASYMBOL1=\".\";\r\nDATASYMBOL2=\":\";\r\nDATASYMBOLNIL=\"-\";\r\n");
    hjtj__buf_puts(b, "DATA=\r\n");
    for (k = 0; k < main.nvalues; k++) {
        cube_val v = hjtj__cube_value(&main, k);
        if (v.symbol == 0)
            hjtj__buf_puts(b, v.text);
        else
            hjtj__buf_puts(b, v.symbol == ':' ? "\"..\"" : v.symbol == '-' ? "\"-\"" : "\".\"");
        if (k + 1 == main.nvalues)
            hjtj__buf_puts(b, ";\r\n");
        else if ((k + 1) % (main.metric.n ? main.metric.n : 1) == 0)
            hjtj__buf_puts(b, " \r\n"); /* a line per stub combination, a space at its end */
        else
            hjtj__buf_putc(b, ' ');
    }
    if (main.nvalues == 0)
        hjtj__buf_puts(b, ";\r\n");
    hjtj__cube_free(&main);
    hjtj__cube_free(&other);
    return b->failed ? HJTJ_ERR_NOMEM : HJTJ_OK;
}
