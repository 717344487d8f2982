/* write_html.c — one self-contained HTML page with tables and their figures:
 * inline CSS and SVG, no script, no font, image or style sheet from outside,
 * a table of contents, the population sentence and notes under each table,
 * accessible tables (<caption>, <th scope>) and a print style.
 *
 * A page renders each table as it is added, so one table object can be
 * rebuilt for the next table (hjtj-report --all does so). */
#include "error.h"
#include "buf.h"
#include "table.h"
#include "figure.h"
#include "markup.h"
#include "write_html.h"

#include <stdlib.h>
#include <string.h>

struct hjtj_html {
    hjtj_lang lang;
    buf toc, body;
    size_t nsect;
    hjtj_error err;
};

static const char css[] =
    ":root{color-scheme:light}\n"
    "body{font-family:'Liberation Sans',Arial,Helvetica,sans-serif;color:#1a1a1a;"
    "background:#fff;margin:0 auto;max-width:1500px;padding:1rem 1.5rem;line-height:1.4}\n"
    "h1{font-size:1.6rem;margin:.5rem 0}\n"
    "h2{font-size:1.15rem;margin:2.2rem 0 .4rem}\n"
    "a{color:#1f5c99}\n"
    "nav ol{columns:2 30rem;column-gap:2.5rem;font-size:.9rem;padding-left:0}\n"
    "nav li{margin-left:2.4rem;break-inside:avoid}\n"
    ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
    "white-space:nowrap}\n"
    ".pair{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}\n"
    ".table-wrap{overflow-x:auto;max-width:100%}\n"
    "table{border-collapse:collapse;font-size:.85rem}\n"
    "caption{text-align:left;padding:.2rem 0 .4rem;color:#333}\n"
    "th,td{border-bottom:1px solid #d0d0d0;padding:.2rem .5rem;vertical-align:top}\n"
    "thead th{border-bottom:2px solid #595959;text-align:right;vertical-align:bottom;"
    "font-weight:bold;max-width:11rem}\n"
    "thead th.stub,tbody th{text-align:left}\n"
    "tbody th{font-weight:normal;max-width:28rem}\n"
    "td{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "td.text{text-align:left;white-space:normal}\n"
    "tr.total th,tr.total td{font-weight:bold;border-top:2px solid #595959}\n"
    "figure{margin:0;flex:0 1 820px;min-width:min(600px,100%);max-width:820px}\n"
    "figure svg{width:100%;height:auto;display:block}\n"
    "p.pop,p.note,p.src{font-size:.85rem;max-width:62rem;margin:.4rem 0}\n"
    "p.note{border-left:4px solid #b04a00;padding-left:.6rem}\n"
    "p.src{color:#474747}\n"
    "@page{margin:14mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:9.5pt}nav{break-after:page}"
    "section{break-inside:avoid-page}figure{break-inside:avoid;max-width:17cm}"
    "a{color:inherit;text-decoration:none}.table-wrap{overflow:visible}"
    "h2{break-after:avoid}}\n";

static const char *word(hjtj_lang lang, const char *nb, const char *en)
{
    return lang == HJTJ_LANG_EN ? en : nb;
}

HJTJ_API hjtj_status hjtj_html_new(hjtj_html **out, hjtj_lang lang)
{
    if (out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    *out = NULL;
    if (lang != HJTJ_LANG_NB && lang != HJTJ_LANG_EN)
        return HJTJ_ERR_INVALID_ARG;
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return HJTJ_ERR_NOMEM;
    (*out)->lang = lang;
    hjtj__buf_init(&(*out)->toc);
    hjtj__buf_init(&(*out)->body);
    return HJTJ_OK;
}

HJTJ_API void hjtj_html_free(hjtj_html *page)
{
    if (page == NULL)
        return;
    hjtj__buf_free(&page->toc);
    hjtj__buf_free(&page->body);
    free(page);
}

HJTJ_API const hjtj_error *hjtj_html_error(const hjtj_html *page)
{
    return page ? &page->err : NULL;
}

HJTJ_API size_t hjtj_html_table_count(const hjtj_html *page)
{
    return page ? page->nsect : 0;
}

/* An id for the n-th section: "t3-4-10" for the third table, 4.10. */
static void section_id(char *out, size_t cap, size_t n, const char *table_id)
{
    size_t k;
    int len = snprintf(out, cap, "t%zu-", n);
    k = len > 0 ? (size_t)len : 0;
    for (; table_id && *table_id && k + 1 < cap; table_id++) {
        char c = *table_id;
        out[k++] = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                       ? c
                       : '-';
    }
    out[k] = '\0';
}

static int is_total(const char *code)
{
    return code != NULL && (strcmp(code, "totalt") == 0 || strcmp(code, "hele-landet") == 0);
}

static void put_table(buf *b, const hjtj_table *t, hjtj_lang lang)
{
    size_t i, j, nstub = hjtj_table_stub_count(t), ncols = hjtj_table_cols(t);
    char tmp[512];
    /* the heading above says the title; the caption repeats it for screen
     * readers and shows N */
    hjtj__buf_puts(b, "<div class=\"table-wrap\"><table>\n<caption><span class=\"vh\">");
    if (hjtj__in_catalog(hjtj_table_id(t))) {
        hjtj__put_escaped(b, word(lang, "Tabell ", "Table "));
        hjtj__put_escaped(b, hjtj_table_id(t));
        hjtj__buf_puts(b, " ");
    }
    hjtj__put_escaped(b, hjtj_table_title(t, lang));
    hjtj__buf_printf(b, ". </span>N=%s</caption>\n<thead><tr>", hjtj__n_shown(t, tmp, sizeof tmp));
    for (j = 0; j < ncols; j++) {
        hjtj__buf_puts(b, j < nstub ? "<th scope=\"col\" class=\"stub\">" : "<th scope=\"col\">");
        hjtj__put_escaped(b, hjtj__col_heading(t, j, lang, tmp, sizeof tmp));
        hjtj__buf_puts(b, "</th>");
    }
    hjtj__buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (i = 0; i < hjtj_table_rows(t); i++) {
        const char *code = hjtj_table_row_code(t, i);
        hjtj__buf_puts(b, is_total(code) ? "<tr class=\"total\">" : "<tr>");
        for (j = 0; j < ncols; j++) {
            if (j == 0) {
                hjtj__buf_puts(b, "<th scope=\"row\">");
                hjtj__put_escaped(b, hjtj_table_row_label(t, i, lang));
                hjtj__buf_puts(b, "</th>");
            } else if (j < nstub) {
                hjtj__buf_puts(b, "<th scope=\"row\">");
                hjtj__put_escaped(b, hjtj_table_cell_text(t, i, j));
                hjtj__buf_puts(b, "</th>");
            } else if (hjtj__cell_suppressed(t, i, j)) {
                hjtj__buf_printf(b, "<td><abbr title=\"%s\">:</abbr></td>",
                           word(lang, "prikket", "suppressed"));
            } else {
                int text = hjtj_table_cell_kind(t, i, j) == HJTJ_CELL_TEXT;
                hjtj__buf_puts(b, text ? "<td class=\"text\">" : "<td>");
                hjtj__put_escaped(b, hjtj__cell_shown(t, i, j, lang, tmp, sizeof tmp));
                hjtj__buf_puts(b, "</td>");
            }
        }
        hjtj__buf_puts(b, "</tr>\n");
    }
    hjtj__buf_puts(b, "</tbody>\n</table></div>\n");
}

/* A <figure> with the SVG of figure fig (-1: a bar chart of the table). */
static hjtj_status put_figure(buf *b, const hjtj_table *t, long fig, hjtj_lang lang,
                              const char *sid, int n, hjtj_error *err)
{
    char figid[128];
    buf svg;
    hjtj_status st;
    hjtj__buf_init(&svg);
    snprintf(figid, sizeof figid, "%s-f%d", sid, n);
    st = hjtj__svg_render(&svg, t, fig, lang, 1, figid, err);
    if (st != HJTJ_OK)
        return st;
    hjtj__buf_puts(b, "<figure>\n");
    hjtj__buf_put(b, svg.data, svg.len);
    hjtj__buf_puts(b, "</figure>\n");
    hjtj__buf_free(&svg);
    return HJTJ_OK;
}

static void put_para(buf *b, const char *cls, const char *lead, const char *text)
{
    hjtj__buf_printf(b, "<p class=\"%s\"><strong>", cls);
    hjtj__put_escaped(b, lead);
    hjtj__buf_puts(b, "</strong> ");
    hjtj__put_escaped(b, text);
    hjtj__buf_puts(b, "</p>\n");
}

HJTJ_API hjtj_status hjtj_html_add_table(hjtj_html *page, const hjtj_table *table,
                                         int32_t bar_chart)
{
    char sid[96], np[64], nbuf[32];
    const char *id, *note;
    hjtj_lang lang;
    long fig;
    int nfig = 0;
    buf sect;
    hjtj_status st = HJTJ_OK;
    if (page == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (table == NULL || hjtj_table_cols(table) == 0)
        return hjtj__err_set(&page->err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no table, or an empty one");
    lang = page->lang;
    id = hjtj_table_id(table);
    section_id(sid, sizeof sid, page->nsect + 1, id);
    hjtj__buf_init(&sect);
    hjtj__buf_printf(&sect, "<section id=\"%s\" aria-labelledby=\"%s-h\">\n<h2 id=\"%s-h\">", sid,
               sid, sid);
    if (hjtj__in_catalog(id)) {
        hjtj__put_escaped(&sect, word(lang, "Tabell ", "Table "));
        hjtj__put_escaped(&sect, id);
        hjtj__buf_puts(&sect, " ");
    }
    hjtj__put_escaped(&sect, hjtj_table_title(table, lang));
    hjtj__buf_puts(&sect, "</h2>\n<div class=\"pair\">\n");
    put_table(&sect, table, lang);
    /* the report's figures drawn from this table, else (if asked) a bar chart */
    fig = hjtj__figure_of_table(id, 0);
    if (fig < 0 && bar_chart) {
        st = put_figure(&sect, table, -1, lang, sid, 0, &page->err);
        if (st == HJTJ_ERR_INVALID_ARG)
            st = HJTJ_OK; /* nothing to chart: the table alone */
    }
    for (; fig >= 0 && st == HJTJ_OK; fig = hjtj__figure_of_table(id, (size_t)fig + 1))
        st = put_figure(&sect, table, fig, lang, sid, nfig++, &page->err);
    hjtj__buf_puts(&sect, "</div>\n");
    snprintf(np, sizeof np, " N=%s.", hjtj__n_shown(table, nbuf, sizeof nbuf));
    hjtj__buf_printf(&sect, "<p class=\"pop\"><strong>%s</strong> ",
               word(lang, "Populasjon:", "Population:"));
    hjtj__put_escaped(&sect, hjtj_table_population_label(table, lang));
    hjtj__buf_puts(&sect, np);
    hjtj__buf_puts(&sect, "</p>\n");
    note = hjtj_table_note(table, lang);
    if (note && note[0])
        put_para(&sect, "note", word(lang, "Merknad:", "Note:"), note);
    hjtj__buf_puts(&sect, "<p class=\"src\">");
    hjtj__put_escaped(&sect, hjtj__source_line(lang));
    hjtj__buf_puts(&sect, "</p>\n</section>\n");
    if (st == HJTJ_OK && sect.failed)
        st = HJTJ_ERR_NOMEM;
    if (st == HJTJ_OK) {
        hjtj__buf_printf(&page->toc, "<li><a href=\"#%s\">", sid);
        if (hjtj__in_catalog(id)) {
            hjtj__put_escaped(&page->toc, word(lang, "Tabell ", "Table "));
            hjtj__put_escaped(&page->toc, id);
            hjtj__buf_puts(&page->toc, " ");
        }
        hjtj__put_escaped(&page->toc, hjtj_table_title(table, lang));
        for (fig = hjtj__figure_of_table(id, 0); fig >= 0;
             fig = hjtj__figure_of_table(id, (size_t)fig + 1))
            hjtj__buf_printf(&page->toc, " (%s %s)", word(lang, "figur", "figure"),
                       hjtj_figure_id((size_t)fig));
        hjtj__buf_puts(&page->toc, "</a></li>\n");
        hjtj__buf_put(&page->body, sect.data, sect.len);
        if (page->toc.failed || page->body.failed)
            st = HJTJ_ERR_NOMEM;
        else
            page->nsect++;
    }
    hjtj__buf_free(&sect);
    if (st == HJTJ_ERR_NOMEM)
        hjtj__err_set(&page->err, st, "", 0, 0, "out of memory");
    return st;
}

hjtj_status hjtj__html_render(const hjtj_html *page, buf *b)
{
    hjtj_lang lang;
    hjtj__buf_init(b);
    if (page == NULL)
        return HJTJ_ERR_INVALID_ARG;
    lang = page->lang;
    hjtj__buf_printf(b,
               "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"generator\" content=\"libhjtj %s\">\n<title>%s</title>\n"
               "<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>%s</h1>\n<p>%s</p>\n"
               "</header>\n",
               lang == HJTJ_LANG_EN ? "en" : "nb", hjtj_version(),
               word(lang, "Hjemmetjenestens m\xC3\xA5lgrupper og organisering: tabeller",
                    "Target groups and organisation of home care: tables"),
               css,
               word(lang, "Hjemmetjenestens m\xC3\xA5lgrupper og organisering",
                    "Target groups and organisation of home care"),
               word(lang,
                    "Tabeller og figurer beregnet med libhjtj fra registeret som ble lest inn. "
                    "Tabell- og figurnumrene er rapportens (SSB Rapporter 2026/5).",
                    "Tables and figures computed with libhjtj from the register that was read. "
                    "Table and figure numbers are those of the report (Statistics Norway, "
                    "Rapporter 2026/5)."));
    hjtj__buf_printf(b, "<nav aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">%s</h2>\n<ol>\n",
               word(lang, "Innhold", "Contents"));
    if (page->toc.len)
        hjtj__buf_put(b, page->toc.data, page->toc.len);
    hjtj__buf_puts(b, "</ol>\n</nav>\n<main>\n");
    if (page->body.len)
        hjtj__buf_put(b, page->body.data, page->body.len);
    hjtj__buf_puts(b, "</main>\n</body>\n</html>\n");
    if (b->failed) {
        hjtj__buf_free(b);
        return HJTJ_ERR_NOMEM;
    }
    return HJTJ_OK;
}

/* Render the page into the sink. */
static hjtj_status page_out(const hjtj_html *page, hjtj__sink *sink)
{
    buf b;
    hjtj_status st = hjtj__sink_open(sink);
    if (st != HJTJ_OK)
        return st;
    sink->err = page ? (hjtj_error *)&page->err : NULL;
    st = hjtj__html_render(page, &b);
    return st == HJTJ_OK ? hjtj__sink_put(sink, &b) : st;
}

HJTJ_API hjtj_status hjtj_html_write(const hjtj_html *page, hjtj_write_fn fn, void *userdata)
{
    hjtj__sink sink = {fn, userdata, NULL, NULL, NULL, NULL};
    return page_out(page, &sink);
}

HJTJ_API hjtj_status hjtj_html_write_path(const hjtj_html *page, const char *path)
{
    hjtj__sink sink = {NULL, NULL, path, NULL, NULL, NULL};
    return page_out(page, &sink);
}

HJTJ_API hjtj_status hjtj_html_to_string(const hjtj_html *page, char **out, size_t *len)
{
    hjtj__sink sink = {NULL, NULL, NULL, out, len, NULL};
    return page_out(page, &sink);
}
