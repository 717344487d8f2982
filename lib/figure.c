/* figure.c — the report's figures (3.3, 3.4, 4.1, 4.2, 5.1) and a bar chart
 * of any table, written as SVG 1.1 by hand: horizontal bars, text as <text>,
 * every number also in data attributes (data-row, data-col, data-value: the
 * CSV text of the cell) so that a program can read the figure back.
 *
 * Colours (all on a white background, contrast ratios by WCAG 2.x):
 *   bars   #1f5c99 #b04a00 #2e7031 #a3214a #5e3aa8 #7a5a00 #00697a #595959 #8a3a8a
 *          #c0136e #4f6b00 #6b4226 (one per series, at most 12), each
 *          >= 4.5:1 (5.5 to 8.6) against white, so white labels inside them are as
 *          readable as the bars are visible;
 *   text   #1a1a1a (17:1), axis #595959 (7:1), grid lines #d0d0d0 (decoration).
 * A suppressed cell (":") is an empty dashed box with ':' in it, never a bar
 * of length 0; a share of an empty base is no bar and the label '.'. */
#include "error.h"
#include "text.h"
#include "buf.h"
#include "table.h"
#include "figure.h"
#include "markup.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum chart_kind { CH_BARS = 0, CH_STACKED = 1 } chart_kind;

/* A figure of the report: which table holds its data, which columns are its
 * series (CSV codes, space-separated) and how they are drawn. */
typedef struct fig_def {
    const char *id, *table;
    const char *title_nb, *title_en;
    chart_kind kind;
    int with_total;                  /* the table's total row is a bar too */
    const char *cols;                /* the series */
    const char *series_nb, *series_en; /* their legend labels, '|'-separated */
    const char *axis_nb, *axis_en;   /* the value axis */
} fig_def;

#define ANTALL_MG "antall_en_malgruppe antall_to_malgrupper antall_tre_eller_flere_malgrupper"
#define MG_NB "\xC3\x89n m\xC3\xA5lgruppe|To m\xC3\xA5lgrupper|Tre eller flere m\xC3\xA5lgrupper"
#define MG_EN "One target group|Two target groups|Three or more target groups"

static const fig_def figs[] = {
    {"3.3", "3.5", "Virksomheter i drift fordelt etter type virksomhet",
     "Enterprises in operation, by type of enterprise", CH_BARS, 0, "antall", NULL, NULL,
     "Antall virksomheter", "Number of enterprises"},
    {"3.4", "3.23", "Virksomhetstypene i hjemmetjenestene etter kommunest\xC3\xB8rrelse",
     "Enterprise types in home care, by municipality size", CH_STACKED, 1,
     "andel_kun_boligbase andel_kun_amb_helsetjenester andel_kun_amb_praktisk_bistand "
     "andel_kun_amb_helsetjenester_og_praktisk_bistand andel_kun_bpa andel_enetiltak "
     "andel_kun_hjtj_2pluss_virksomhetstyper "
     "andel_hjemmetjeneste_kombinert_med_annen_tjenestetype andel_administrasjon_og_service_mv",
     "Kun boligbase|Kun amb. helsetjenester|Kun amb. praktisk bistand|Kun amb. helse og "
     "praktisk bistand|BPA|Enetiltak|To eller flere typer i hjemmetjenesten|Kombinert med annen "
     "tjenestetype|Administrasjon mv.",
     "Housing base only|Ambulatory health only|Ambulatory practical only|Ambulatory health and "
     "practical|BPA|Single-user arrangement|Two or more home-service types|Combined with "
     "another service type|Administration etc.",
     "Prosent", "Per cent"},
    {"4.1", "4.10",
     "Rene boligbasevirksomheter, fordelt etter antall m\xC3\xA5lgrupper per virksomhet og "
     "virksomhetens m\xC3\xA5lgrupper",
     "Pure housing-base enterprises, by number of target groups per enterprise and target group",
     CH_STACKED, 0, ANTALL_MG, MG_NB, MG_EN, "Antall virksomheter", "Number of enterprises"},
    {"4.2", "4.11",
     "Rene ambulerende hjemmetjenestevirksomheter, fordelt etter antall m\xC3\xA5lgrupper per "
     "virksomhet og virksomhetens m\xC3\xA5lgrupper",
     "Pure ambulatory enterprises, by number of target groups per enterprise and target group",
     CH_STACKED, 0, ANTALL_MG, MG_NB, MG_EN, "Antall virksomheter", "Number of enterprises"},
    {"5.1", "5.3",
     "Hjemmetjenestevirksomheter med botilbud, fordelt etter andel virksomheter og boenheter i "
     "virksomhetsst\xC3\xB8rrelser",
     "Home-care enterprises with housing, by share of enterprises and of housing units in each "
     "size band",
     CH_BARS, 0, "andel_virksomheter andel_boenheter", "Virksomheter|Boenheter",
     "Enterprises|Housing units", "Prosent", "Per cent"},
};
#define NFIGS (sizeof figs / sizeof figs[0])

static const char *const palette[] = {"#1f5c99", "#b04a00", "#2e7031", "#a3214a",
                                      "#5e3aa8", "#7a5a00", "#00697a", "#595959",
                                      "#8a3a8a", "#c0136e", "#4f6b00", "#6b4226"};
#define NPAL (sizeof palette / sizeof palette[0])
#define C_TEXT "#1a1a1a"
#define C_AXIS "#595959"
#define C_GRID "#d0d0d0"

/* ---- the public list of figures ---- */

HJTJ_API size_t hjtj_figure_count(void)
{
    return NFIGS;
}

HJTJ_API const char *hjtj_figure_id(size_t i)
{
    return i < NFIGS ? figs[i].id : NULL;
}

HJTJ_API const char *hjtj_figure_title(size_t i, hjtj_lang lang)
{
    if (i >= NFIGS)
        return NULL;
    return lang == HJTJ_LANG_EN ? figs[i].title_en : figs[i].title_nb;
}

HJTJ_API const char *hjtj_figure_table(size_t i)
{
    return i < NFIGS ? figs[i].table : NULL;
}

long hjtj__figure_of_table(const char *table_id, size_t from)
{
    size_t i;
    for (i = from; table_id != NULL && i < NFIGS; i++)
        if (strcmp(figs[i].table, table_id) == 0)
            return (long)i;
    return -1;
}

int hjtj__in_catalog(const char *id)
{
    size_t i;
    for (i = 0; id != NULL && i < hjtj_catalog_count(); i++)
        if (strcmp(hjtj_catalog_id(i), id) == 0)
            return 1;
    return 0;
}

const char *hjtj__figure_caption(long fig, const hjtj_table *t, hjtj_lang lang, char *out,
                                 size_t cap)
{
    const char *id = hjtj_table_id(t), *title = hjtj_table_title(t, lang);
    int en = lang == HJTJ_LANG_EN;
    if (fig >= 0 && (size_t)fig < NFIGS)
        snprintf(out, cap, "%s %s %s", en ? "Figure" : "Figur", figs[fig].id,
                 en ? figs[fig].title_en : figs[fig].title_nb);
    else if (hjtj__in_catalog(id))
        snprintf(out, cap, "%s %s: %s", en ? "Chart of table" : "Diagram over tabell", id,
                 title ? title : "");
    else
        snprintf(out, cap, "%s", title ? title : "");
    return out;
}

/* ---- what a chart shows ---- */

#define CH_MAXSER 12
#define LBL_LINES 3
#define LBL_CAP 160

typedef struct chart {
    chart_kind kind;
    int percent;                    /* the values are shares (per cent) */
    size_t nser, ser[CH_MAXSER];    /* the series' columns */
    char sname[CH_MAXSER][LBL_CAP]; /* their legend labels */
    size_t nrows, *rows;            /* the table rows shown, in order */
    char axis[64];
} chart;

static int numeric_kind(hjtj_cell_kind k)
{
    return k >= HJTJ_CELL_COUNT && k <= HJTJ_CELL_MEDIAN;
}

static int is_total_row(const char *code)
{
    return code != NULL && (strcmp(code, "totalt") == 0 || strcmp(code, "hele-landet") == 0);
}

/* The column's kind: the kind of its first numeric cell (or EMPTY). */
static hjtj_cell_kind col_kind(const hjtj_table *t, size_t j)
{
    size_t i;
    for (i = 0; i < hjtj_table_rows(t); i++) {
        hjtj_cell_kind k = hjtj_table_cell_kind(t, i, j);
        if (numeric_kind(k))
            return k;
    }
    return HJTJ_CELL_EMPTY;
}

static long find_col(const hjtj_table *t, const char *code, size_t n)
{
    size_t j;
    for (j = 0; j < hjtj_table_cols(t); j++) {
        const char *c = hjtj_table_col_code(t, j);
        if (c != NULL && strlen(c) == n && strncmp(c, code, n) == 0)
            return (long)j;
    }
    return -1;
}

/* The n-th '|'-separated piece of list into out. */
static void list_item(const char *list, size_t n, char *out, size_t cap)
{
    const char *end;
    while (n-- > 0 && list != NULL) {
        list = strchr(list, '|');
        if (list != NULL)
            list++;
    }
    if (list == NULL) {
        out[0] = '\0';
        return;
    }
    end = strchr(list, '|');
    snprintf(out, cap, "%.*s", (int)(end ? (size_t)(end - list) : strlen(list)), list);
}

static hjtj_status chart_of_figure(chart *c, const hjtj_table *t, const fig_def *f,
                                   hjtj_lang lang, hjtj_error *err)
{
    const char *p = f->cols;
    int en = lang == HJTJ_LANG_EN;
    c->kind = f->kind;
    hjtj__str_copy(c->axis, sizeof c->axis, en ? f->axis_en : f->axis_nb);
    while (*p && c->nser < CH_MAXSER) {
        size_t n = strcspn(p, " ");
        long j = find_col(t, p, n);
        if (j < 0)
            return hjtj__err_set(err, HJTJ_ERR_INVALID_ARG, "", 0, 0,
                           "table %s has no column '%.*s' for figure %s", hjtj_table_id(t),
                           (int)n, p, f->id);
        c->ser[c->nser] = (size_t)j;
        list_item(en ? f->series_en : f->series_nb, c->nser, c->sname[c->nser], LBL_CAP);
        if (col_kind(t, (size_t)j) == HJTJ_CELL_SHARE)
            c->percent = 1;
        c->nser++;
        p += n;
        while (*p == ' ')
            p++;
    }
    return HJTJ_OK;
}

/* A bar chart of any table: the share columns if it has any, else its other
 * numeric columns; a leading "totalt" column is left out when others remain. */
static hjtj_status chart_of_table(chart *c, const hjtj_table *t, hjtj_lang lang,
                                  hjtj_error *err)
{
    size_t j, ncols = hjtj_table_cols(t), nstub = hjtj_table_stub_count(t);
    int have_share = 0, have_other = 0, all_counts = 1, pass;
    c->kind = CH_BARS;
    for (j = nstub; j < ncols; j++) {
        hjtj_cell_kind k = col_kind(t, j);
        const char *code = hjtj_table_col_code(t, j);
        int total = code != NULL && strncmp(code, "totalt", 6) == 0;
        if (k == HJTJ_CELL_SHARE)
            have_share = 1;
        else if (numeric_kind(k) && !total)
            have_other = 1;
    }
    for (pass = 0; pass < 2 && c->nser == 0; pass++)
        for (j = nstub; j < ncols && c->nser < CH_MAXSER; j++) {
            hjtj_cell_kind k = col_kind(t, j);
            const char *code = hjtj_table_col_code(t, j);
            int total = code != NULL && strncmp(code, "totalt", 6) == 0;
            if (!numeric_kind(k) || (have_share && k != HJTJ_CELL_SHARE))
                continue;
            if (pass == 0 && total && (have_share || have_other))
                continue;
            if (k != HJTJ_CELL_COUNT)
                all_counts = 0;
            c->ser[c->nser] = j;
            hjtj__col_heading(t, j, lang, c->sname[c->nser], LBL_CAP);
            c->nser++;
        }
    if (c->nser == 0)
        return hjtj__err_set(err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "table %s has no numeric column",
                       hjtj_table_id(t));
    c->percent = have_share;
    if (have_share)
        hjtj__str_copy(c->axis, sizeof c->axis, lang == HJTJ_LANG_EN ? "Per cent" : "Prosent");
    else if (all_counts)
        hjtj__str_copy(c->axis, sizeof c->axis, lang == HJTJ_LANG_EN ? "Number" : "Antall");
    else
        hjtj__str_copy(c->axis, sizeof c->axis, lang == HJTJ_LANG_EN ? "Value" : "Verdi");
    return HJTJ_OK;
}

static hjtj_status chart_rows(chart *c, const hjtj_table *t, int with_total)
{
    size_t i, n = hjtj_table_rows(t);
    c->rows = malloc((n ? n : 1) * sizeof *c->rows);
    if (c->rows == NULL)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < n; i++)
        if (with_total || n == 1 || !is_total_row(hjtj_table_row_code(t, i)))
            c->rows[c->nrows++] = i;
    return HJTJ_OK;
}

/* The cell's value for drawing; NAN when there is none (empty, a share of
 * an empty base, suppressed). */
static double cell_value(const hjtj_table *t, size_t i, size_t j)
{
    if (hjtj__cell_suppressed(t, i, j))
        return NAN;
    if (hjtj_table_cell_kind(t, i, j) == HJTJ_CELL_EMPTY)
        return NAN;
    return hjtj_table_cell_value(t, i, j);
}

/* 1 when the chart has several share series and every row's shares add up
 * to 100 (a distribution of the row, as andel-rad): drawn stacked. */
static int rows_are_wholes(const chart *c, const hjtj_table *t)
{
    size_t r, s;
    if (!c->percent || c->nser < 2 || c->nrows == 0)
        return 0;
    for (r = 0; r < c->nrows; r++) {
        double sum = 0;
        for (s = 0; s < c->nser; s++) {
            double v = cell_value(t, c->rows[r], c->ser[s]);
            if (v != v) /* NaN: suppressed, or an empty base */
                return 0;
            sum += v;
        }
        if (sum < 99.9 || sum > 100.1)
            return 0;
    }
    return 1;
}

/* ---- layout ---- */

#define W 820.0
#define PAD 16.0
#define FS 12.0
#define CW 6.6      /* the width of a character at 12 px, estimated */
#define CWT 8.2     /* at 15 px bold */
#define LBL_MAXW 36 /* characters per line of a row label */

typedef struct lines {
    size_t n;
    char s[LBL_LINES][LBL_CAP];
} lines;

/* Break s into at most `max` lines of at most maxw characters at spaces; the
 * last line ends with an ellipsis when s does not fit. */
static void wrap(const char *s, size_t maxw, size_t max, lines *out)
{
    out->n = 0;
    while (*s && out->n < max) {
        size_t take = 0, w = 0, lastsp = 0, i;
        char *dst = out->s[out->n];
        for (i = 0; s[i]; i++) {
            if (((unsigned char)s[i] & 0xC0) != 0x80) {
                if (w == maxw)
                    break;
                w++;
            }
            if (s[i] == ' ')
                lastsp = i;
        }
        take = i;
        if (s[i] != '\0' && lastsp > 0)
            take = lastsp;
        if (take >= LBL_CAP - 4)
            take = LBL_CAP - 4;
        while (take > 0 && ((unsigned char)s[take] & 0xC0) == 0x80)
            take--; /* never cut a character */
        memcpy(dst, s, take);
        dst[take] = '\0';
        s += take;
        while (*s == ' ')
            s++;
        out->n++;
        if (*s && out->n == max) {
            size_t k = strlen(dst);
            while (k > 0 && hjtj__utf8_width(dst) + 1 > maxw) {
                do
                    k--;
                while (k > 0 && ((unsigned char)dst[k] & 0xC0) == 0x80);
                dst[k] = '\0';
            }
            strcat(dst, "\xE2\x80\xA6"); /* … */
        }
    }
    if (out->n == 0) {
        out->s[0][0] = '\0';
        out->n = 1;
    }
}

static double nice_step(double range)
{
    double raw = range / 5.0, mag, f;
    if (!(raw > 0))
        return 1.0;
    mag = pow(10.0, floor(log10(raw)));
    f = raw / mag;
    if (f <= 1.0)
        return mag;
    if (f <= 2.0)
        return 2.0 * mag;
    if (f <= 2.5)
        return 2.5 * mag;
    if (f <= 5.0)
        return 5.0 * mag;
    return 10.0 * mag;
}

static void put_number(buf *b, double v, hjtj_lang lang)
{
    char tmp[64], *p;
    if (fabs(v - floor(v + 0.5)) < 1e-9)
        snprintf(tmp, sizeof tmp, "%.0f", v);
    else
        snprintf(tmp, sizeof tmp, "%.1f", v);
    if (lang == HJTJ_LANG_NB && (p = strchr(tmp, '.')) != NULL)
        *p = ',';
    hjtj__buf_puts(b, tmp);
}

static void text_el(buf *b, double x, double y, const char *anchor, const char *attrs,
                    const char *s)
{
    hjtj__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\"", x, y);
    if (anchor)
        hjtj__buf_printf(b, " text-anchor=\"%s\"", anchor);
    if (attrs)
        hjtj__buf_printf(b, " %s", attrs);
    hjtj__buf_puts(b, ">");
    hjtj__put_escaped(b, s);
    hjtj__buf_puts(b, "</text>\n");
}

/* A bar, stacked segment or suppressed box with its data attributes and a
 * tooltip. */
static void bar_el(buf *b, const hjtj_table *t, size_t i, size_t j, double x, double y,
                   double w, double h, const char *fill, const char *tip, const char *shown)
{
    const char *csv = hjtj_table_cell_text(t, i, j), *code = hjtj_table_col_code(t, j);
    int supp = hjtj__cell_suppressed(t, i, j);
    hjtj__buf_printf(b, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\"", x, y, w, h);
    if (supp)
        hjtj__buf_puts(b, " fill=\"#ffffff\" stroke=\"" C_AXIS "\" stroke-dasharray=\"3 2\"");
    else
        hjtj__buf_printf(b, " fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.5\"", fill);
    hjtj__buf_puts(b, " data-col=\"");
    hjtj__put_escaped(b, code ? code : "");
    hjtj__buf_puts(b, "\" data-value=\"");
    hjtj__put_escaped(b, csv ? csv : "");
    hjtj__buf_puts(b, supp ? "\" data-suppressed=\"1\"><title>" : "\"><title>");
    hjtj__put_escaped(b, tip);
    hjtj__buf_puts(b, ": ");
    hjtj__put_escaped(b, shown);
    hjtj__buf_puts(b, "</title></rect>\n");
}

typedef struct geom {
    double left, pw, top, axmax, step;
    int decimals;
} geom;

static double xpos(const geom *g, double v)
{
    if (!(v > 0))
        return 0;
    return v / g->axmax * g->pw;
}

/* 1 if a value label fits inside a segment w pixels wide. */
static int label_fits(const char *shown, double w)
{
    return (double)hjtj__utf8_width(shown) * 6.2 + 6.0 <= w;
}

/* The width of the labels a stacked row writes after its stack (those of
 * segments too narrow for them), with their gaps. */
#define OVER_W(s) ((double)hjtj__utf8_width(s) * 7.0 + 8.0)

/* How far past the plot's right edge the labels after the stacks reach, at
 * most (0 when none does). */
static double overflow_right(const chart *c, const hjtj_table *t, const geom *g, hjtj_lang lang)
{
    size_t r, s;
    double most = 0;
    char shown[64];
    for (r = 0; r < c->nrows; r++) {
        double x = 0, over = 0;
        for (s = 0; s < c->nser; s++) {
            size_t i = c->rows[r], j = c->ser[s];
            double v = cell_value(t, i, j), w = xpos(g, v);
            if (hjtj__cell_suppressed(t, i, j)) {
                x += 22.0;
                continue;
            }
            hjtj__cell_shown(t, i, j, lang, shown, sizeof shown);
            if (shown[0] && !(v == 0) && !label_fits(shown, w))
                over += OVER_W(shown);
            x += w;
        }
        if (over > 0 && x + 6.0 + over - g->pw > most)
            most = x + 6.0 + over - g->pw;
    }
    return most;
}

/* Draw one row's bars (grouped) or segments (stacked) from y; returns the
 * band height used. */
static double draw_row(buf *b, const chart *c, const hjtj_table *t, size_t r, const geom *g,
                       double y, hjtj_lang lang)
{
    size_t i = c->rows[r], s, over[CH_MAXSER], nover = 0;
    char label[512], shown[64];
    lines L;
    double bh = c->kind == CH_STACKED ? 22.0 : 15.0;
    double barsh = c->kind == CH_STACKED ? bh : bh * (double)c->nser;
    double band, ly, x = g->left;
    const char *code = hjtj_table_row_code(t, i);
    hjtj__row_heading(t, i, lang, label, sizeof label);
    wrap(label, LBL_MAXW, LBL_LINES, &L);
    band = (barsh > (double)L.n * 14.0 ? barsh : (double)L.n * 14.0) + 12.0;
    hjtj__buf_puts(b, "<g data-row=\"");
    hjtj__put_escaped(b, code ? code : "");
    hjtj__buf_printf(b, "\" data-i=\"%zu\">\n", i);
    /* the label, centred on the band */
    ly = y + band / 2.0 - ((double)L.n - 1.0) * 7.0 + 4.0;
    for (s = 0; s < L.n; s++)
        text_el(b, g->left - 8.0, ly + 14.0 * (double)s, "end", "font-size=\"12\"", L.s[s]);
    for (s = 0; s < c->nser; s++) {
        size_t j = c->ser[s];
        double v = cell_value(t, i, j), w = xpos(g, v), by;
        const char *fill = palette[s % NPAL];
        int supp = hjtj__cell_suppressed(t, i, j);
        char tip[sizeof label + LBL_CAP + 8];
        snprintf(tip, sizeof tip, "%s%s%s", label, c->nser > 1 ? " \xE2\x80\x93 " : "",
                 c->nser > 1 ? c->sname[s] : "");
        hjtj__cell_shown(t, i, j, lang, shown, sizeof shown);
        if (c->kind == CH_STACKED) {
            by = y + (band - bh) / 2.0;
            if (supp)
                w = 22.0;
            bar_el(b, t, i, j, x, by, w, bh, fill, tip, shown);
            if (supp || (shown[0] && label_fits(shown, w)))
                text_el(b, x + w / 2.0, by + bh / 2.0 + 4.0, "middle",
                        supp ? "font-size=\"11\" fill=\"" C_TEXT "\""
                             : "font-size=\"11\" fill=\"#ffffff\"",
                        shown);
            else if (shown[0] && !(v == 0))
                over[nover++] = s; /* too narrow: labelled after the stack */
            x += w;
        } else {
            by = y + (band - barsh) / 2.0 + bh * (double)s;
            if (supp)
                w = 22.0;
            bar_el(b, t, i, j, g->left, by + 1.0, w, bh - 2.0, fill, tip, shown);
            if (shown[0])
                text_el(b, g->left + w + (supp ? -w / 2.0 : 4.0), by + bh - 3.5,
                        supp ? "middle" : NULL, "font-size=\"11\" fill=\"" C_TEXT "\"", shown);
        }
    }
    /* the values of the segments too narrow for their label, after the
     * stack in the segments' colours (each >= 4.5:1 against white) */
    for (s = 0, x += 6.0; s < nover; s++) {
        char attrs[64];
        hjtj__cell_shown(t, i, c->ser[over[s]], lang, shown, sizeof shown);
        snprintf(attrs, sizeof attrs, "font-size=\"11\" font-weight=\"bold\" fill=\"%s\"",
                 palette[over[s] % NPAL]);
        text_el(b, x, y + band / 2.0 + 4.0, NULL, attrs, shown);
        x += OVER_W(shown);
    }
    hjtj__buf_puts(b, "</g>\n");
    return band;
}

/* Heights of the parts before drawing, so the SVG's size is known. */
static double row_band(const chart *c, const hjtj_table *t, size_t r, hjtj_lang lang)
{
    char label[512];
    lines L;
    double barsh = c->kind == CH_STACKED ? 22.0 : 15.0 * (double)c->nser;
    hjtj__row_heading(t, c->rows[r], lang, label, sizeof label);
    wrap(label, LBL_MAXW, LBL_LINES, &L);
    return (barsh > (double)L.n * 14.0 ? barsh : (double)L.n * 14.0) + 12.0;
}

static double max_label_width(const chart *c, const hjtj_table *t, hjtj_lang lang)
{
    size_t r, k;
    double m = 40.0;
    for (r = 0; r < c->nrows; r++) {
        char label[512];
        lines L;
        hjtj__row_heading(t, c->rows[r], lang, label, sizeof label);
        wrap(label, LBL_MAXW, LBL_LINES, &L);
        for (k = 0; k < L.n; k++)
            if ((double)hjtj__utf8_width(L.s[k]) * CW > m)
                m = (double)hjtj__utf8_width(L.s[k]) * CW;
    }
    return m;
}

static double data_max(const chart *c, const hjtj_table *t)
{
    size_t r, s;
    double m = 0;
    for (r = 0; r < c->nrows; r++) {
        double sum = 0;
        for (s = 0; s < c->nser; s++) {
            double v = cell_value(t, c->rows[r], c->ser[s]);
            if (!(v > 0))
                continue;
            if (c->kind == CH_STACKED)
                sum += v;
            else if (v > m)
                m = v;
        }
        if (sum > m)
            m = sum;
    }
    return m;
}

/* The legend's rows: items flow left to right and wrap. */
static size_t legend_rows(const chart *c, double width)
{
    size_t s, rows = 1;
    double x = 0;
    for (s = 0; s < c->nser; s++) {
        double w = 18.0 + (double)hjtj__utf8_width(c->sname[s]) * CW + 18.0;
        if (x > 0 && x + w > width) {
            rows++;
            x = 0;
        }
        x += w;
    }
    return rows;
}

static void draw_legend(buf *b, const chart *c, double x0, double y, double width)
{
    size_t s;
    double x = 0;
    hjtj__buf_puts(b, "<g class=\"legend\">\n");
    for (s = 0; s < c->nser; s++) {
        double w = 18.0 + (double)hjtj__utf8_width(c->sname[s]) * CW + 18.0;
        if (x > 0 && x + w > width) {
            y += 18.0;
            x = 0;
        }
        hjtj__buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
                   x0 + x, y - 10.0, palette[s % NPAL]);
        text_el(b, x0 + x + 17.0, y, NULL, "font-size=\"12\"", c->sname[s]);
        x += w;
    }
    hjtj__buf_puts(b, "</g>\n");
}

static int any_suppressed(const chart *c, const hjtj_table *t)
{
    size_t r, s;
    for (r = 0; r < c->nrows; r++)
        for (s = 0; s < c->nser; s++)
            if (hjtj__cell_suppressed(t, c->rows[r], c->ser[s]))
                return 1;
    return 0;
}

/* The picture's layout: caption lines, legend rows, the plot's geometry
 * and the height of the whole. */
typedef struct svg_layout {
    char caption[1024];
    lines T;
    geom g;
    size_t nleg;
    double plot_h, h;
    int supp;
} svg_layout;

static void svg_layout_of(svg_layout *L, const chart *c, const hjtj_table *t, long fig,
                          hjtj_lang lang)
{
    size_t k, r;
    double maxv = data_max(c, t), labw = max_label_width(c, t, lang);
    geom *g = &L->g;
    L->nleg = c->nser > 1 ? legend_rows(c, W - 2 * PAD) : 0;
    L->supp = any_suppressed(c, t);
    hjtj__figure_caption(fig, t, lang, L->caption, sizeof L->caption);
    wrap(L->caption, (size_t)((W - 2 * PAD) / CWT), 3, &L->T);
    L->plot_h = 0;
    for (r = 0; r < c->nrows; r++)
        L->plot_h += row_band(c, t, r, lang);
    g->left = PAD + labw + 10.0;
    if (c->kind == CH_STACKED && c->percent && maxv < 100.0 + 1e-9)
        maxv = 100.0;
    g->step = nice_step(maxv > 0 ? maxv : 1.0);
    g->axmax = g->step * ceil((maxv > 0 ? maxv : 1.0) / g->step - 1e-9);
    if (g->axmax <= 0)
        g->axmax = g->step;
    /* room at the right for the labels after a bar or a stack: a narrower
     * plot makes more segments too narrow for their label, so twice */
    g->pw = W - g->left - 64.0;
    if (c->kind == CH_STACKED)
        for (k = 0; k < 2; k++) {
            double need = overflow_right(c, t, g, lang);
            if (need > 0)
                g->pw = W - g->left - 24.0 - need;
        }
    g->top = 24.0 + 20.0 * (double)L->T.n + 18.0 + (L->nleg ? 18.0 * (double)L->nleg + 8.0 : 0.0);
    L->h = g->top + L->plot_h + 52.0 + (L->supp ? 18.0 : 0.0) + 22.0;
}

/* The <svg> element with its title and description, the white ground. */
static void svg_open(buf *b, const svg_layout *L, const hjtj_table *t, long fig, hjtj_lang lang,
                     int inline_html, const char *idp, const char *nline, const char *ntext)
{
    if (!inline_html)
        hjtj__buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    hjtj__buf_puts(b, "<svg");
    if (!inline_html)
        hjtj__buf_puts(b, " xmlns=\"http://www.w3.org/2000/svg\"");
    hjtj__buf_printf(b,
               " version=\"1.1\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\""
               " role=\"img\" aria-labelledby=\"%s-t %s-d\" font-family=\"'Liberation Sans',"
               " Arial, Helvetica, sans-serif\" fill=\"" C_TEXT "\"",
               W, L->h, W, L->h, idp, idp);
    hjtj__buf_puts(b, " data-table=\"");
    hjtj__put_escaped(b, hjtj_table_id(t));
    hjtj__buf_printf(b, "\" data-figure=\"%s\" data-n=\"%s\">\n", fig >= 0 ? figs[fig].id : "",
               ntext);
    hjtj__buf_printf(b, "<title id=\"%s-t\">", idp);
    hjtj__put_escaped(b, L->caption);
    hjtj__buf_printf(b, "</title>\n<desc id=\"%s-d\">", idp);
    hjtj__put_escaped(b, nline);
    hjtj__buf_puts(b, ". ");
    hjtj__put_escaped(b, hjtj__source_line(lang));
    hjtj__buf_puts(b, "</desc>\n");
    hjtj__buf_printf(b, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", W,
               L->h);
}

/* The vertical grid lines with their tick labels under the plot. */
static void svg_grid(buf *b, const svg_layout *L, hjtj_lang lang)
{
    const geom *g = &L->g;
    double v;
    for (v = 0; v <= g->axmax + g->step * 1e-6; v += g->step) {
        double x = g->left + xpos(g, v);
        hjtj__buf_printf(b,
                   "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" stroke=\"" C_GRID
                   "\" stroke-width=\"1\"/>\n",
                   x, g->top, x, g->top + L->plot_h);
        hjtj__buf_printf(b, "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\">", x,
                   g->top + L->plot_h + 16.0);
        put_number(b, v, lang);
        hjtj__buf_puts(b, "</text>\n");
    }
}

/* The two axes and the axis title, the note on suppressed cells, the
 * source, and the end of the picture. */
static void svg_close(buf *b, const svg_layout *L, const chart *c, hjtj_lang lang)
{
    const geom *g = &L->g;
    double y;
    hjtj__buf_printf(b,
               "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" C_AXIS
               "\" stroke-width=\"1\"/>\n",
               g->left, g->top, g->left, g->top + L->plot_h);
    hjtj__buf_printf(b,
               "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" C_AXIS
               "\" stroke-width=\"1\"/>\n",
               g->left, g->top + L->plot_h, g->left + g->pw, g->top + L->plot_h);
    text_el(b, g->left + g->pw / 2.0, g->top + L->plot_h + 34.0, "middle", "font-size=\"12\"",
            c->axis);
    y = g->top + L->plot_h + 56.0;
    if (L->supp) {
        text_el(b, PAD, y, NULL, "font-size=\"11\"",
                lang == HJTJ_LANG_EN
                    ? "\xC2\xAB:\xC2\xBB Suppressed for confidentiality (shown as an empty dashed "
                      "box, not as zero)."
                    : "\xC2\xAB:\xC2\xBB Prikket av hensyn til personvern (vist som en tom, "
                      "stiplet boks, ikke som null).");
        y += 18.0;
    }
    text_el(b, PAD, y, NULL, "font-size=\"11\"", hjtj__source_line(lang));
    hjtj__buf_puts(b, "</svg>\n");
}

static void draw_svg(buf *b, const chart *c, const hjtj_table *t, long fig, hjtj_lang lang,
                     int inline_html, const char *idp)
{
    svg_layout L;
    char nline[64], ntext[32];
    size_t k, r;
    double y;
    svg_layout_of(&L, c, t, fig, lang);
    hjtj__n_shown(t, ntext, sizeof ntext);
    snprintf(nline, sizeof nline, "N=%s", ntext);
    svg_open(b, &L, t, fig, lang, inline_html, idp, nline, ntext);
    y = 26.0;
    for (k = 0; k < L.T.n; k++, y += 20.0)
        text_el(b, PAD, y, NULL, "font-size=\"15\" font-weight=\"bold\"", L.T.s[k]);
    text_el(b, PAD, y, NULL, "font-size=\"12\"", nline);
    y += 18.0;
    if (L.nleg)
        draw_legend(b, c, PAD, y + 4.0, W - 2 * PAD);
    svg_grid(b, &L, lang);
    y = L.g.top;
    for (r = 0; r < c->nrows; r++)
        y += draw_row(b, c, t, r, &L.g, y, lang);
    svg_close(b, &L, c, lang);
}

hjtj_status hjtj__svg_render(buf *b, const hjtj_table *t, long fig, hjtj_lang lang,
                             int inline_html, const char *idp, hjtj_error *err)
{
    chart *c;
    hjtj_status st;
    if (t == NULL)
        return HJTJ_ERR_INVALID_ARG;
    c = calloc(1, sizeof *c);
    if (c == NULL)
        return HJTJ_ERR_NOMEM;
    if (fig >= 0 && (size_t)fig < NFIGS)
        st = chart_of_figure(c, t, &figs[fig], lang, err);
    else
        st = chart_of_table(c, t, lang, err);
    if (st == HJTJ_OK)
        st = chart_rows(c, t, fig >= 0 && figs[fig].with_total);
    if (st == HJTJ_OK && fig < 0 && rows_are_wholes(c, t))
        c->kind = CH_STACKED; /* each row's shares add up to 100: one stacked bar */
    if (st == HJTJ_OK) {
        draw_svg(b, c, t, fig, lang, inline_html, idp ? idp : "hjtj-fig");
        if (b->failed)
            st = HJTJ_ERR_NOMEM;
    }
    if (st != HJTJ_OK)
        hjtj__buf_free(b);
    free(c->rows);
    free(c);
    return st;
}

/* ---- the public writers ---- */

/* Which figure to draw: -1 for a bar chart of the table (figure_id NULL or
 * ""), else the report figure, which must be one of the table's. */
static hjtj_status pick(const hjtj_table *t, const char *figure_id, long *fig)
{
    size_t i;
    hjtj_error *err = (hjtj_error *)hjtj_table_error(t);
    *fig = -1;
    if (t == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (figure_id == NULL || figure_id[0] == '\0')
        return HJTJ_OK;
    for (i = 0; i < NFIGS; i++)
        if (strcmp(figs[i].id, figure_id) == 0)
            break;
    if (i == NFIGS)
        return hjtj__err_set(err, HJTJ_ERR_NOT_FOUND, "", 0, 0, "no figure with id '%.40s'",
                       figure_id);
    if (strcmp(figs[i].table, hjtj_table_id(t)) != 0)
        return hjtj__err_set(err, HJTJ_ERR_INVALID_ARG, "", 0, 0,
                       "figure %s is drawn from table %s, not from table %.40s", figs[i].id,
                       figs[i].table, hjtj_table_id(t));
    *fig = (long)i;
    return HJTJ_OK;
}

/* Render the figure into the sink. */
static hjtj_status figure_out(const hjtj_table *t, const char *figure_id, hjtj_lang lang,
                              hjtj__sink *sink)
{
    long fig;
    buf b;
    hjtj_status st = hjtj__sink_open(sink);
    if (st != HJTJ_OK)
        return st;
    if (lang != HJTJ_LANG_NB && lang != HJTJ_LANG_EN)
        return HJTJ_ERR_INVALID_ARG;
    st = pick(t, figure_id, &fig);
    if (st != HJTJ_OK)
        return st;
    hjtj__buf_init(&b);
    sink->err = (hjtj_error *)hjtj_table_error(t);
    st = hjtj__svg_render(&b, t, fig, lang, 0, "hjtj-fig", sink->err);
    return st == HJTJ_OK ? hjtj__sink_put(sink, &b) : st;
}

HJTJ_API hjtj_status hjtj_figure_write(const hjtj_table *table, const char *figure_id,
                                       hjtj_lang lang, hjtj_write_fn fn, void *userdata)
{
    hjtj__sink sink = {fn, userdata, NULL, NULL, NULL, NULL};
    return figure_out(table, figure_id, lang, &sink);
}

HJTJ_API hjtj_status hjtj_figure_write_path(const hjtj_table *table, const char *figure_id,
                                            hjtj_lang lang, const char *path)
{
    hjtj__sink sink = {NULL, NULL, path, NULL, NULL, NULL};
    return figure_out(table, figure_id, lang, &sink);
}

HJTJ_API hjtj_status hjtj_figure_to_string(const hjtj_table *table, const char *figure_id,
                                           hjtj_lang lang, char **out, size_t *len)
{
    hjtj__sink sink = {NULL, NULL, NULL, out, len, NULL};
    return figure_out(table, figure_id, lang, &sink);
}
