/* table.c — the table object: builder, cell access, CSV and text writers. */
#include "buf.h"
#include "catalog.h"
#include "codes.h"
#include "error.h"
#include "register.h"
#include "table.h"
#include "text.h"
#include "cube.h"
#include "labels.h"
#include "writers.h"
#include "crosstab.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- builder ---- */

void hjtj__tb_begin(hjtj_table *t, size_t ncols, size_t nstub)
{
    t->ncols = ncols;
    t->nstub = nstub;
    t->cols = calloc(ncols ? ncols : 1, sizeof *t->cols);
    if (t->cols == NULL)
        t->nomem = 1;
}

void hjtj__tb_col(hjtj_table *t, size_t j, const char *code, const char *nb, const char *en)
{
    const char *lnb, *len, *unb, *uen;
    if (t->nomem || j >= t->ncols)
        return;
    hjtj__col_labels(t->id, code, &lnb, &len, &unb, &uen);
    t->cols[j].code = code;
    t->cols[j].label_nb = nb ? nb : lnb ? lnb : code;
    t->cols[j].label_en = en ? en : len ? len : t->cols[j].label_nb;
    t->cols[j].unit_nb = unb;
    t->cols[j].unit_en = uen;
}

static tcell *cell(hjtj_table *t, size_t i, size_t j)
{
    if (t->nomem || i >= t->nrows || j >= t->ncols)
        return NULL;
    return &t->cells[i * t->ncols + j];
}

size_t hjtj__tb_row(hjtj_table *t, const char *code, const char *nb, const char *en)
{
    trow *r;
    if (t->nomem)
        return 0;
    if (t->nrows == t->caprows) {
        size_t cap = t->caprows ? t->caprows * 2 : 16;
        trow *nr = realloc(t->rows, cap * sizeof *nr);
        tcell *nc;
        if (nr == NULL) {
            t->nomem = 1;
            return 0;
        }
        t->rows = nr;
        nc = realloc(t->cells, cap * (t->ncols ? t->ncols : 1) * sizeof *nc);
        if (nc == NULL) {
            t->nomem = 1;
            return 0;
        }
        t->cells = nc;
        t->caprows = cap;
    }
    r = &t->rows[t->nrows];
    r->code = hjtj__str_dup(code);
    r->label_nb = hjtj__str_dup(nb);
    r->label_en = hjtj__str_dup(en ? en : nb);
    memset(&t->cells[t->nrows * t->ncols], 0, t->ncols * sizeof(tcell));
    t->nrows++;
    if (r->code == NULL || r->label_nb == NULL || r->label_en == NULL) {
        t->nomem = 1;
        return t->nrows - 1;
    }
    if (t->nstub > 0)
        hjtj__tb_text(t, t->nrows - 1, 0, nb);
    return t->nrows - 1;
}

void hjtj__tb_text(hjtj_table *t, size_t i, size_t j, const char *s)
{
    tcell *c = cell(t, i, j);
    if (c == NULL)
        return;
    free(c->text);
    c->kind = HJTJ_CELL_TEXT;
    c->text = hjtj__str_dup(s);
    if (c->text == NULL)
        t->nomem = 1;
}

static void set_num(hjtj_table *t, size_t i, size_t j, uint8_t kind, int64_t a, int64_t b)
{
    tcell *c = cell(t, i, j);
    if (c == NULL)
        return;
    free(c->text);
    c->text = NULL;
    c->kind = kind;
    c->a = a;
    c->b = b;
}

void hjtj__tb_count(hjtj_table *t, size_t i, size_t j, int64_t v)
{
    set_num(t, i, j, HJTJ_CELL_COUNT, v, 1);
}

void hjtj__tb_sum(hjtj_table *t, size_t i, size_t j, int64_t v)
{
    set_num(t, i, j, HJTJ_CELL_SUM, v, 1);
}

void hjtj__tb_share(hjtj_table *t, size_t i, size_t j, int64_t num, int64_t den)
{
    set_num(t, i, j, HJTJ_CELL_SHARE, num, den);
}

void hjtj__tb_median2(hjtj_table *t, size_t i, size_t j, int64_t twice_median)
{
    set_num(t, i, j, HJTJ_CELL_MEDIAN, twice_median, 1);
}

void hjtj__tb_empty(hjtj_table *t, size_t i, size_t j)
{
    set_num(t, i, j, HJTJ_CELL_EMPTY, 0, 0);
}

const char *hjtj__tb_own(hjtj_table *t, const char *s)
{
    char *c;
    if (t->nomem)
        return NULL;
    if (hjtj__grow(&t->owned, &t->capowned, t->nowned + 1, sizeof *t->owned, 16) != HJTJ_OK) {
        t->nomem = 1;
        return NULL;
    }
    c = hjtj__str_dup(s);
    if (c == NULL) {
        t->nomem = 1;
        return NULL;
    }
    t->owned[t->nowned++] = c;
    return c;
}

void hjtj__tb_cell(hjtj_table *t, size_t i, size_t j, int kind, int64_t a, int64_t b,
                   int64_t n)
{
    tcell *c = cell(t, i, j);
    set_num(t, i, j, (uint8_t)kind, a, b);
    if (c != NULL)
        c->n = n;
}

static int cmp_wval(const void *a, const void *b)
{
    int64_t x = ((const wval *)a)->v, y = ((const wval *)b)->v;
    return (x > y) - (x < y);
}

int64_t hjtj__median2_weighted(wval *v, size_t n)
{
    int64_t total = 0, k1, k2, seen = 0, a = 0, b = 0;
    size_t i;
    int have_a = 0;
    for (i = 0; i < n; i++)
        total += v[i].w;
    if (total == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_wval);
    /* the middle positions (0-based) of the total values in order */
    k1 = (total - 1) / 2;
    k2 = total / 2;
    for (i = 0; i < n; i++) {
        seen += v[i].w;
        if (!have_a && seen > k1) {
            a = v[i].v;
            have_a = 1;
        }
        if (seen > k2) {
            b = v[i].v;
            break;
        }
    }
    return a + b;
}

/* ---- object ---- */

HJTJ_API size_t hjtj_catalog_count(void)
{
    return hjtj__table_ndefs;
}

HJTJ_API const char *hjtj_catalog_id(size_t i)
{
    return i < hjtj__table_ndefs ? hjtj__table_defs[i].id : NULL;
}

HJTJ_API const char *hjtj_catalog_title(size_t i, hjtj_lang lang)
{
    if (i >= hjtj__table_ndefs)
        return NULL;
    return lang == HJTJ_LANG_EN ? hjtj__table_defs[i].title_en : hjtj__table_defs[i].title_nb;
}

/* Release everything the table holds and make it empty again. */
void hjtj__table_reset(hjtj_table *t)
{
    size_t i;
    for (i = 0; i < t->nrows; i++) {
        free(t->rows[i].code);
        free(t->rows[i].label_nb);
        free(t->rows[i].label_en);
    }
    if (t->cells)
        for (i = 0; i < t->nrows * t->ncols; i++)
            free(t->cells[i].text);
    if (t->printed) {
        for (i = 0; i < t->nrows * t->ncols; i++)
            free(t->printed[i]);
        free(t->printed);
    }
    for (i = 0; i < t->nowned; i++)
        free(t->owned[i]);
    free(t->owned);
    free(t->rows);
    free(t->cells);
    free(t->cols);
    hjtj__grid_free(t);
    {
        int64_t k = t->protect_k; /* a setting, not content */
        memset(t, 0, sizeof *t);
        t->protect_k = k;
    }
}

HJTJ_API hjtj_status hjtj_table_new(hjtj_table **out)
{
    if (out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    *out = calloc(1, sizeof **out);
    return *out ? HJTJ_OK : HJTJ_ERR_NOMEM;
}

HJTJ_API void hjtj_table_free(hjtj_table *t)
{
    if (t == NULL)
        return;
    hjtj__table_reset(t);
    free(t);
}

/* The catalogue's titles name the reference date of the bundled table,
 * 1.1.2025, which follows data year 2024: for a register of another aargang
 * the title names 1 January of the year after it. */
static const char *title_for_year(char *out, size_t cap, const char *title, int32_t aargang)
{
    const char *p = title, *hit;
    size_t o = 0;
    if (title == NULL || aargang == 2024 || strstr(title, "2025") == NULL)
        return title;
    while ((hit = strstr(p, "2025")) != NULL && o < cap) {
        o += (size_t)snprintf(out + o, cap - o, "%.*s%d", (int)(hit - p), p, (int)aargang + 1);
        p = hit + 4;
    }
    if (o < cap)
        snprintf(out + o, cap - o, "%s", p);
    return out;
}

HJTJ_API hjtj_status hjtj_table_build(hjtj_table *t, const hjtj_register *reg, const char *id)
{
    size_t i;
    hjtj_status st;
    if (t == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__table_reset(t);
    if (reg == NULL || id == NULL)
        return hjtj__err_set(&t->err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no register or table id");
    for (i = 0; i < hjtj__table_ndefs; i++)
        if (strcmp(hjtj__table_defs[i].id, id) == 0)
            break;
    if (i == hjtj__table_ndefs) {
        const char *ids[128], *near;
        size_t k;
        for (k = 0; k < hjtj__table_ndefs && k < 128; k++)
            ids[k] = hjtj__table_defs[k].id;
        near = strlen(id) < 40 ? hjtj__nearest(ids, k, id, strlen(id)) : NULL;
        if (near != NULL)
            return hjtj__err_set(&t->err, HJTJ_ERR_NOT_FOUND, "", 0, 0,
                           "no table with id '%.40s'; did you mean '%s'?", id, near);
        return hjtj__err_set(&t->err, HJTJ_ERR_NOT_FOUND, "", 0, 0,
                       "no table with id '%.40s'; the ids are those of the report (1.9, 3.5, "
                       "C1, ...), listed by hjtj_catalog_id() and hjtj-report --list", id);
    }
    hjtj__str_copy(t->id, sizeof t->id, hjtj__table_defs[i].id);
    t->title_nb = title_for_year(t->title_year[0], sizeof t->title_year[0],
                                 hjtj__table_defs[i].title_nb, reg->aargang);
    t->title_en = title_for_year(t->title_year[1], sizeof t->title_year[1],
                                 hjtj__table_defs[i].title_en, reg->aargang);
    t->population = hjtj__table_defs[i].population;
    st = hjtj__table_defs[i].build(t, reg);
    if (st == HJTJ_OK && t->nomem)
        st = HJTJ_ERR_NOMEM;
    if (st == HJTJ_OK)
        st = hjtj__table_protect(t);
    if (st == HJTJ_OK && !reg->keep && reg->reds != NULL && reg->reds->failed &&
        !reg->reds->discovering)
        st = HJTJ_ERR_STATE; /* a reduction the streaming register did not keep */
    if (st != HJTJ_OK) {
        hjtj__table_reset(t);
        return hjtj__err_set(&t->err, st, "", 0, 0, "cannot build table %s: %s", id,
                       hjtj_strerror(st));
    }
    return HJTJ_OK;
}

HJTJ_API const hjtj_error *hjtj_table_error(const hjtj_table *t)
{
    return t ? &t->err : NULL;
}

HJTJ_API const char *hjtj_table_id(const hjtj_table *t)
{
    return t ? t->id : NULL;
}

HJTJ_API const char *hjtj_table_title(const hjtj_table *t, hjtj_lang lang)
{
    if (t == NULL)
        return NULL;
    return lang == HJTJ_LANG_EN ? t->title_en : t->title_nb;
}

HJTJ_API int64_t hjtj_table_n(const hjtj_table *t)
{
    if (t == NULL)
        return 0;
    return t->n_hidden ? -1 : t->n;
}

HJTJ_API const char *hjtj_table_population(const hjtj_table *t)
{
    return t ? t->population : NULL;
}

HJTJ_API size_t hjtj_table_rows(const hjtj_table *t)
{
    return t ? t->nrows : 0;
}

HJTJ_API size_t hjtj_table_cols(const hjtj_table *t)
{
    return t ? t->ncols : 0;
}

HJTJ_API size_t hjtj_table_stub_count(const hjtj_table *t)
{
    return t ? t->nstub : 0;
}

HJTJ_API const char *hjtj_table_row_code(const hjtj_table *t, size_t row)
{
    return t && row < t->nrows ? t->rows[row].code : NULL;
}

HJTJ_API const char *hjtj_table_row_label(const hjtj_table *t, size_t row, hjtj_lang lang)
{
    if (t == NULL || row >= t->nrows)
        return NULL;
    return lang == HJTJ_LANG_EN ? t->rows[row].label_en : t->rows[row].label_nb;
}

HJTJ_API const char *hjtj_table_col_code(const hjtj_table *t, size_t col)
{
    return t && col < t->ncols ? t->cols[col].code : NULL;
}

HJTJ_API const char *hjtj_table_col_label(const hjtj_table *t, size_t col, hjtj_lang lang)
{
    if (t == NULL || col >= t->ncols)
        return NULL;
    return lang == HJTJ_LANG_EN ? t->cols[col].label_en : t->cols[col].label_nb;
}

static const tcell *cget(const hjtj_table *t, size_t i, size_t j)
{
    if (t == NULL || i >= t->nrows || j >= t->ncols)
        return NULL;
    return &t->cells[i * t->ncols + j];
}

HJTJ_API hjtj_cell_kind hjtj_table_cell_kind(const hjtj_table *t, size_t row, size_t col)
{
    const tcell *c = cget(t, row, col);
    return c ? (hjtj_cell_kind)c->kind : HJTJ_CELL_EMPTY;
}

HJTJ_API int64_t hjtj_table_cell_int(const hjtj_table *t, size_t row, size_t col)
{
    const tcell *c = cget(t, row, col);
    if (c == NULL || c->kind == HJTJ_CELL_EMPTY || c->kind == HJTJ_CELL_TEXT || c->supp)
        return 0;
    return c->a;
}

HJTJ_API int64_t hjtj_table_cell_den(const hjtj_table *t, size_t row, size_t col)
{
    const tcell *c = cget(t, row, col);
    if (c == NULL || c->supp)
        return 0;
    return c->kind == HJTJ_CELL_SHARE || c->kind == HJTJ_CELL_MEAN ||
                   c->kind == HJTJ_CELL_DECIMAL
               ? c->b
               : 1;
}

HJTJ_API double hjtj_table_cell_value(const hjtj_table *t, size_t row, size_t col)
{
    const tcell *c = cget(t, row, col);
    if (c == NULL || c->supp)
        return NAN;
    switch (c->kind) {
    case HJTJ_CELL_COUNT:
    case HJTJ_CELL_SUM:
        return (double)c->a;
    case HJTJ_CELL_MEDIAN:
        return (double)c->a / 2.0;
    case HJTJ_CELL_SHARE:
        return c->b > 0 ? 100.0 * (double)c->a / (double)c->b : NAN;
    case HJTJ_CELL_MEAN:
    case HJTJ_CELL_DECIMAL:
        return c->b > 0 ? (double)c->a / (double)c->b : NAN;
    default:
        return NAN;
    }
}

/* Format a cell as in CSV into out (at least 32 bytes) unless it is TEXT. */
static const char *format_cell(const tcell *c, char *out, size_t cap, char decimal)
{
    int64_t q;
    if (c->supp)
        return ":"; /* suppressed for confidentiality (SPEC §10, §11) */
    switch (c->kind) {
    case HJTJ_CELL_TEXT:
        return c->text ? c->text : "";
    case HJTJ_CELL_COUNT:
    case HJTJ_CELL_SUM:
        snprintf(out, cap, "%lld", (long long)c->a);
        return out;
    case HJTJ_CELL_MEDIAN:
        if (c->a % 2 == 0)
            snprintf(out, cap, "%lld", (long long)(c->a / 2));
        else
            snprintf(out, cap, "%lld%c5", (long long)(c->a / 2), decimal);
        return out;
    case HJTJ_CELL_SHARE:
        if (c->b <= 0)
            return "";
        q = hjtj__share_tenths(c->a, c->b);
        snprintf(out, cap, "%lld%c%lld", (long long)(q / 10), decimal, (long long)(q % 10));
        return out;
    case HJTJ_CELL_MEAN:
        if (c->b <= 0 || hjtj__div_tenths(c->a, c->b, &q) != 0)
            return "";
        hjtj__fmt_tenths(out, cap, q, decimal);
        return out;
    case HJTJ_CELL_DECIMAL: {
        int d = 0;
        int64_t p;
        for (p = c->b; p > 1; p /= 10)
            d++;
        hjtj__fmt_decimal(out, cap, c->a, d, decimal);
        return out;
    }
    default:
        return "";
    }
}

HJTJ_API const char *hjtj_table_cell_text(const hjtj_table *t, size_t row, size_t col)
{
    const tcell *c = cget(t, row, col);
    hjtj_table *mt = (hjtj_table *)t;
    char tmp[64];
    const char *s;
    size_t k;
    if (c == NULL)
        return NULL;
    if (c->kind == HJTJ_CELL_TEXT)
        return c->text ? c->text : "";
    if (c->kind == HJTJ_CELL_EMPTY && !c->supp)
        return "";
    if (mt->printed == NULL) {
        mt->printed = calloc(t->nrows * t->ncols, sizeof *mt->printed);
        if (mt->printed == NULL)
            return NULL;
    }
    k = row * t->ncols + col;
    if (mt->printed[k] == NULL) {
        s = format_cell(c, tmp, sizeof tmp, '.');
        mt->printed[k] = hjtj__str_dup(s);
    }
    return mt->printed[k];
}

/* ---- writers ---- */

static int csv_quote_needed(const char *s)
{
    return strpbrk(s, ",\"\r\n") != NULL;
}

/* A text cell that a spreadsheet would take for a formula (=, +, -, @, or a
 * TAB or CR before one): municipality names come from the input.  Such a
 * cell is written quoted, with a ' before the text (the usual defence; a
 * spreadsheet shows the text, and the ' is plainly visible elsewhere).
 * Numbers are not text cells and are written as they are ("-1"). */
static int csv_formula_like(const char *s)
{
    return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
           s[0] == '\r';
}

static void csv_field_out(buf *b, const char *s, int text)
{
    int formula = text && csv_formula_like(s);
    if (!formula && !csv_quote_needed(s)) {
        hjtj__buf_puts(b, s);
        return;
    }
    hjtj__buf_putc(b, '"');
    if (formula)
        hjtj__buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '"')
            hjtj__buf_putc(b, '"');
        hjtj__buf_putc(b, *s);
    }
    hjtj__buf_putc(b, '"');
}

void hjtj__write_csv(const hjtj_table *t, buf *b)
{
    size_t i, j;
    char tmp[64];
    for (j = 0; j < t->ncols; j++) {
        if (j)
            hjtj__buf_putc(b, ',');
        csv_field_out(b, t->cols[j].code ? t->cols[j].code : "", 0);
    }
    hjtj__buf_putc(b, '\n');
    for (i = 0; i < t->nrows; i++) {
        for (j = 0; j < t->ncols; j++) {
            if (j)
                hjtj__buf_putc(b, ',');
            const tcell *c = &t->cells[i * t->ncols + j];
            csv_field_out(b, format_cell(c, tmp, sizeof tmp, '.'), c->kind == HJTJ_CELL_TEXT);
        }
        hjtj__buf_putc(b, '\n');
    }
}

/* A readable header for a column whose only label is its CSV code
 * ("andel_bevegelseshemning_0_66" -> "Andel bevegelseshemning 0–66 (%)"). */
static const char *col_header(const tcol *c, hjtj_lang lang, char *out, size_t cap)
{
    const char *code = c->code ? c->code : "";
    const char *label = lang == HJTJ_LANG_EN ? c->label_en : c->label_nb;
    size_t i, k = 0;
    int share = strncmp(code, "andel", 5) == 0 && (code[5] == '_' || code[5] == '\0');
    if (label && strcmp(label, code) != 0)
        return label;
    static const struct {
        const char *ascii, *nb;
    } words[] = {{"malgrupp", "m\xC3\xA5lgrupp"},         /* målgrupp */
                 {"storrelse", "st\xC3\xB8rrelse"},      /* størrelse */
                 {"naringskode", "n\xC3\xA6ringskode"}}; /* næringskode */
    for (i = 0; code[i] && k + 16 < cap; i++) {
        size_t w;
        for (w = 0; w < sizeof words / sizeof words[0]; w++)
            if (strncmp(code + i, words[w].ascii, strlen(words[w].ascii)) == 0)
                break;
        if (w < sizeof words / sizeof words[0]) {
            memcpy(out + k, words[w].nb, strlen(words[w].nb));
            k += strlen(words[w].nb);
            i += strlen(words[w].ascii) - 1;
        } else if (strncmp(code + i, "0_66", 4) == 0) {
            memcpy(out + k, "0\xE2\x80\x93" "66", 6); /* 0–66 */
            k += 6;
            i += 3;
        } else if (strncmp(code + i, "pluss", 5) == 0) {
            out[k++] = '+';
            i += 4;
        } else {
            out[k++] = code[i] == '_' ? ' ' : code[i];
        }
    }
    out[k] = '\0';
    if (k > 3 && strcmp(out + k - 3, " mv") == 0 && k + 1 < cap) {
        out[k++] = '.';
        out[k] = '\0';
    }
    if (share && k + 5 < cap) {
        memcpy(out + k, " (%)", 5);
        k += 4;
    }
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 'a' + 'A');
    return out;
}

/* Drop trailing blanks of the line just written. */
static void end_line(buf *b)
{
    while (b->len > 0 && b->data[b->len - 1] == ' ')
        b->len--;
    hjtj__buf_putc(b, '\n');
}

static void pad(buf *b, size_t n)
{
    while (n--)
        hjtj__buf_putc(b, ' ');
}

/* The text of cell (i, j) as the text format prints it: label columns in
 * the language, a share of an empty base and a suppressed value as their
 * symbols, numbers with a decimal comma (nb) or point (en). */
static const char *text_cell(const hjtj_table *t, size_t i, size_t j, hjtj_lang lang, char *tmp,
                             size_t cap)
{
    const tcell *c = &t->cells[i * t->ncols + j];
    char sym;
    if (j < t->nstub)
        return hjtj__stub_text(t, i, j, lang);
    if (c->kind == HJTJ_CELL_TEXT || c->kind == HJTJ_CELL_EMPTY)
        return format_cell(c, tmp, cap, ',');
    sym = hjtj__cell_symbol(t, i, j);
    if (sym == '.' || sym == ':') {
        tmp[0] = sym;
        tmp[1] = '\0';
        return tmp;
    }
    return format_cell(c, tmp, cap, lang == HJTJ_LANG_EN ? '.' : ',');
}

/* Under a protected table: the symbol and how many cells it hides. */
static void protect_note(const hjtj_table *t, hjtj_lang lang, buf *b)
{
    char s[320];
    hjtj__protect_sentence(t, lang, s, sizeof s);
    if (s[0])
        hjtj__buf_printf(b, "\n%s\n", s);
}

void hjtj__write_text(const hjtj_table *t, hjtj_lang lang, buf *b)
{
    size_t i, j, *w;
    char tmp[64], hdr[256];
    hjtj__full_title(b, t, lang);
    hjtj__buf_putc(b, '\n');
    if (t->n > 0 && !t->n_hidden)
        hjtj__buf_printf(b, "N = %lld\n", (long long)t->n);
    hjtj__buf_putc(b, '\n');
    if (hjtj__is_pair_table(t)) {
        hjtj__write_text_matrix(t, lang, b);
        protect_note(t, lang, b);
        return;
    }
    w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
    if (w == NULL) {
        b->failed = 1;
        return;
    }
    for (j = 0; j < t->ncols; j++)
        w[j] = hjtj__utf8_width(col_header(&t->cols[j], lang, hdr, sizeof hdr));
    for (i = 0; i < t->nrows; i++)
        for (j = 0; j < t->ncols; j++) {
            size_t cw = hjtj__utf8_width(text_cell(t, i, j, lang, tmp, sizeof tmp));
            if (cw > w[j])
                w[j] = cw;
        }
    for (j = 0; j < t->ncols; j++) {
        const char *h = col_header(&t->cols[j], lang, hdr, sizeof hdr);
        size_t hw = hjtj__utf8_width(h);
        if (j)
            hjtj__buf_puts(b, "  ");
        if (j < t->nstub) {
            hjtj__buf_puts(b, h);
            if (j + 1 < t->ncols)
                pad(b, w[j] - hw);
        } else {
            pad(b, w[j] - hw);
            hjtj__buf_puts(b, h);
        }
    }
    end_line(b);
    hjtj__text_rule(b, w, t->ncols);
    for (i = 0; i < t->nrows; i++) {
        for (j = 0; j < t->ncols; j++) {
            const tcell *c = &t->cells[i * t->ncols + j];
            const char *s = text_cell(t, i, j, lang, tmp, sizeof tmp);
            size_t cw = hjtj__utf8_width(s);
            if (j)
                hjtj__buf_puts(b, "  ");
            if (j < t->nstub || c->kind == HJTJ_CELL_TEXT) {
                hjtj__buf_puts(b, s);
                if (j + 1 < t->ncols)
                    pad(b, w[j] - cw);
            } else {
                pad(b, w[j] - cw);
                hjtj__buf_puts(b, s);
            }
        }
        end_line(b);
    }
    protect_note(t, lang, b);
    free(w);
}

HJTJ_API hjtj_status hjtj_table_write(const hjtj_table *t, hjtj_format format, hjtj_write_fn fn,
                                      void *userdata)
{
    return hjtj_table_write_lang(t, format, HJTJ_LANG_NB, fn, userdata);
}

HJTJ_API hjtj_status hjtj_table_write_path(const hjtj_table *t, hjtj_format format,
                                           const char *path)
{
    return hjtj_table_write_path_lang(t, format, HJTJ_LANG_NB, path);
}

HJTJ_API hjtj_status hjtj_table_to_string(const hjtj_table *t, hjtj_format format, char **out,
                                          size_t *len)
{
    return hjtj_table_to_string_lang(t, format, HJTJ_LANG_NB, out, len);
}
