/* cube.c — a table as a cube for the publication formats (cube.h). */
#include "text.h"
#include "buf.h"
#include "table.h"
#include "cube.h"

#include <stdlib.h>
#include <string.h>

const char *hjtj__word(const char *key, hjtj_lang lang)
{
    static const struct {
        const char *key, *nb, *en;
    } words[] = {
        {"table", "Tabell", "Table"},
        {"metric", "statistikkvariabel", "contents"},
        {"source", "Statistisk sentralbyrå", "Statistics Norway"},
        {"population", "Populasjon", "Population"},
        {"note", "Merknad", "Note"},
        {"sourcelabel", "Kilde", "Source"},
        {"subject", "Helse og omsorg: hjemmetjenester", "Health and care: home-care services"},
        {"sym.", "Tall kan ikke forekomme eller beregnes (andel av tom base)",
         "Category not applicable or share of an empty base"},
        {"sym:", "Vises ikke av konfidensialitetshensyn", "Suppressed for confidentiality"},
        {"sym-", "Null (tomt i rapporten)", "Zero (printed empty in the report)"},
        {"symbols", "Symboler", "Symbols"},
        {"row", "Rad", "Row"},
        {"col", "Kolonne", "Column"},
    };
    size_t i;
    for (i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i].key, key) == 0)
            return lang == HJTJ_LANG_EN ? words[i].en : words[i].nb;
    return key;
}

static int is_mark(const char *s)
{
    return s != NULL && (strcmp(s, "x") == 0 || strcmp(s, "X") == 0);
}

int hjtj__col_is_text(const hjtj_table *t, size_t col)
{
    size_t i, ntext = 0;
    if (col < hjtj_table_stub_count(t))
        return 1;
    for (i = 0; i < hjtj_table_rows(t); i++) {
        hjtj_cell_kind k = hjtj_table_cell_kind(t, i, col);
        if (k == HJTJ_CELL_TEXT) {
            if (strcmp(hjtj_table_cell_text(t, i, col), ":") == 0)
                return 0; /* a suppressed value */
            ntext++;
        } else if (k != HJTJ_CELL_EMPTY) {
            return 0;
        }
    }
    return ntext > 0;
}

int hjtj__is_pair_table(const hjtj_table *t)
{
    size_t i;
    const char *a = hjtj_table_col_code(t, 0), *b = hjtj_table_col_code(t, 1);
    if (hjtj_table_stub_count(t) != 2 || hjtj_table_cols(t) != 3 || a == NULL || b == NULL ||
        strcmp(a, "row_label") != 0 || strcmp(b, "col_label") != 0)
        return 0;
    for (i = 0; i < hjtj_table_rows(t); i++) {
        const char *code = hjtj_table_row_code(t, i);
        if (code == NULL || strchr(code, ':') == NULL)
            return 0;
    }
    return hjtj_table_rows(t) > 0;
}

char hjtj__cell_symbol(const hjtj_table *t, size_t row, size_t col)
{
    if (hjtj_table_cell_suppressed(t, row, col) != HJTJ_SUPPRESSED_NONE)
        return ':'; /* small-count protection (hjtj_protect(3)) */
    switch (hjtj_table_cell_kind(t, row, col)) {
    case HJTJ_CELL_COUNT:
    case HJTJ_CELL_SUM:
    case HJTJ_CELL_MEDIAN:
        return 0;
    case HJTJ_CELL_SHARE:
        return hjtj_table_cell_den(t, row, col) > 0 ? 0 : '.';
    case HJTJ_CELL_TEXT:
        return strcmp(hjtj_table_cell_text(t, row, col), ":") == 0 ? ':' : '.';
    default: /* printed empty: a zero where the report leaves zeros empty,
                else a value that cannot be computed (a median of nothing) */
        return hjtj_table_col_decimals(t, col) == 0 ? '-' : '.';
    }
}

static void dim_free(cube_dim *d)
{
    size_t i;
    for (i = 0; i < d->n; i++) {
        if (d->codes)
            free(d->codes[i]);
        if (d->labels)
            free(d->labels[i]);
    }
    free(d->codes);
    free(d->labels);
    memset(d, 0, sizeof *d);
}

static hjtj_status dim_alloc(cube_dim *d, size_t n)
{
    d->n = 0;
    d->codes = calloc(n ? n : 1, sizeof *d->codes);
    d->labels = calloc(n ? n : 1, sizeof *d->labels);
    return d->codes && d->labels ? HJTJ_OK : HJTJ_ERR_NOMEM;
}

/* Append a category; its code made unique within the dimension. */
static hjtj_status dim_add(cube_dim *d, const char *code, const char *label)
{
    char tmp[64];
    size_t i;
    if (code == NULL || code[0] == '\0') {
        snprintf(tmp, sizeof tmp, "r%zu", d->n + 1);
        code = tmp;
    }
    for (i = 0; i < d->n; i++)
        if (strcmp(d->codes[i], code) == 0)
            break;
    if (i < d->n) {
        buf b;
        hjtj__buf_init(&b);
        hjtj__buf_printf(&b, "%s-%zu", code, d->n + 1);
        if (b.failed)
            return HJTJ_ERR_NOMEM;
        d->codes[d->n] = b.data;
    } else {
        d->codes[d->n] = hjtj__str_dup(code);
    }
    d->labels[d->n] = hjtj__str_dup(label && label[0] ? label : d->codes[d->n]);
    if (d->codes[d->n] == NULL || d->labels[d->n] == NULL) {
        d->n++;
        return HJTJ_ERR_NOMEM;
    }
    d->n++;
    return HJTJ_OK;
}

/* A row's label with the descriptor columns folded in: «K1: Demens; ...». */
static char *row_label(const hjtj_table *t, size_t i, hjtj_lang lang)
{
    const char *base = hjtj_table_row_label(t, i, lang);
    size_t j, nmarks = 0;
    buf b;
    hjtj__buf_init(&b);
    hjtj__buf_puts(&b, base && base[0] ? base : "");
    for (j = hjtj_table_stub_count(t); j < hjtj_table_cols(t); j++)
        if (hjtj__col_is_text(t, j) && is_mark(hjtj_table_cell_text(t, i, j)))
            hjtj__buf_puts(&b, nmarks++ ? "; " : ": "), hjtj__buf_puts(&b, hjtj_table_col_label(t, j, lang));
    if (nmarks == 0)
        for (j = hjtj_table_stub_count(t); j < hjtj_table_cols(t); j++) {
            const char *s = hjtj_table_cell_text(t, i, j);
            if (hjtj__col_is_text(t, j) && s && s[0])
                hjtj__buf_puts(&b, nmarks++ ? "; " : ": "), hjtj__buf_puts(&b, s);
        }
    if (b.failed) {
        hjtj__buf_free(&b);
        return NULL;
    }
    if (b.data == NULL)
        return hjtj__str_dup("");
    return b.data;
}

static hjtj_status build_rows(cube *c)
{
    const hjtj_table *t = c->t;
    size_t i, n = hjtj_table_rows(t);
    cube_dim *d = &c->dims[0];
    c->ndims = 1;
    d->id = hjtj_table_col_code(t, 0);
    d->label = hjtj_table_col_label(t, 0, c->lang);
    if (dim_alloc(d, n) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        char *label = row_label(t, i, c->lang);
        hjtj_status rc = label ? dim_add(d, hjtj_table_row_code(t, i), label) : HJTJ_ERR_NOMEM;
        free(label);
        if (rc != HJTJ_OK)
            return HJTJ_ERR_NOMEM;
    }
    return HJTJ_OK;
}

static size_t dim_find(const cube_dim *d, const char *code, size_t len)
{
    size_t i;
    for (i = 0; i < d->n; i++)
        if (strlen(d->codes[i]) == len && memcmp(d->codes[i], code, len) == 0)
            return i;
    return d->n;
}

/* A pair table (row code "b:a": row item a, column item b) as two dims. */
static hjtj_status build_pairs(cube *c)
{
    const hjtj_table *t = c->t;
    size_t i, n = hjtj_table_rows(t), d;
    c->ndims = 2;
    for (d = 0; d < 2; d++) {
        c->dims[d].id = hjtj_table_col_code(t, d);
        c->dims[d].label = hjtj_table_col_label(t, d, c->lang);
        if (dim_alloc(&c->dims[d], n) != HJTJ_OK)
            return HJTJ_ERR_NOMEM;
    }
    /* the items in order of appearance; a label from the diagonal row */
    for (i = 0; i < n; i++) {
        const char *code = hjtj_table_row_code(t, i), *colon = strchr(code, ':');
        const char *a = colon + 1, *b = code;
        size_t blen = (size_t)(colon - code);
        if (dim_find(&c->dims[0], a, strlen(a)) == c->dims[0].n &&
            dim_add(&c->dims[0], a, hjtj_table_row_label(t, i, c->lang)) != HJTJ_OK)
            return HJTJ_ERR_NOMEM;
        if (dim_find(&c->dims[1], b, blen) == c->dims[1].n) {
            char *bc = hjtj__str_ndup(b, blen);
            hjtj_status rc = bc ? dim_add(&c->dims[1], bc, bc) : HJTJ_ERR_NOMEM;
            free(bc);
            if (rc != HJTJ_OK)
                return HJTJ_ERR_NOMEM;
        }
    }
    for (i = 0; i < c->dims[1].n; i++) { /* column item labels */
        size_t k = dim_find(&c->dims[0], c->dims[1].codes[i], strlen(c->dims[1].codes[i]));
        const char *s = k < c->dims[0].n ? c->dims[0].labels[k] : NULL;
        if (s != NULL) {
            char *l = hjtj__str_dup(s);
            if (l == NULL)
                return HJTJ_ERR_NOMEM;
            free(c->dims[1].labels[i]);
            c->dims[1].labels[i] = l;
        }
    }
    c->row_of = calloc(c->dims[0].n * c->dims[1].n + 1, sizeof *c->row_of);
    if (c->row_of == NULL)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        const char *code = hjtj_table_row_code(t, i), *colon = strchr(code, ':');
        size_t ra = dim_find(&c->dims[0], colon + 1, strlen(colon + 1));
        size_t rb = dim_find(&c->dims[1], code, (size_t)(colon - code));
        c->row_of[ra * c->dims[1].n + rb] = i + 1;
    }
    return HJTJ_OK;
}

static hjtj_status build_metric(cube *c)
{
    const hjtj_table *t = c->t;
    size_t j, ncols = hjtj_table_cols(t), k = 0;
    c->metric.id = HJTJ_CUBE_METRIC;
    c->metric.label = hjtj__word("metric", c->lang);
    c->mcol = calloc(ncols + 1, sizeof *c->mcol);
    c->unit = calloc(ncols + 1, sizeof *c->unit);
    c->decimals = calloc(ncols + 1, sizeof *c->decimals);
    if (c->mcol == NULL || c->unit == NULL || c->decimals == NULL ||
        dim_alloc(&c->metric, ncols) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    for (j = hjtj_table_stub_count(t); j < ncols; j++) {
        if (hjtj__col_is_text(t, j))
            continue;
        if (dim_add(&c->metric, hjtj_table_col_code(t, j), hjtj_table_col_label(t, j, c->lang)) !=
            HJTJ_OK)
            return HJTJ_ERR_NOMEM;
        c->mcol[k] = j;
        c->unit[k] = hjtj_table_col_unit(t, j, c->lang);
        c->decimals[k] = hjtj_table_col_decimals(t, j);
        if (c->unit[k] == NULL)
            c->unit[k] = "";
        if (c->decimals[k] < 0)
            c->decimals[k] = 0;
        k++;
    }
    return HJTJ_OK;
}

hjtj_status hjtj__cube_init(cube *c, const hjtj_table *t, hjtj_lang lang)
{
    size_t i;
    memset(c, 0, sizeof *c);
    c->t = t;
    c->lang = lang;
    if ((hjtj__is_pair_table(t) ? build_pairs(c) : build_rows(c)) != HJTJ_OK ||
        build_metric(c) != HJTJ_OK) {
        hjtj__cube_free(c);
        return HJTJ_ERR_NOMEM;
    }
    c->nvalues = c->metric.n;
    for (i = 0; i < c->ndims; i++)
        c->nvalues *= c->dims[i].n;
    return HJTJ_OK;
}

void hjtj__cube_free(cube *c)
{
    dim_free(&c->dims[0]);
    dim_free(&c->dims[1]);
    dim_free(&c->metric);
    free(c->mcol);
    free(c->unit);
    free(c->decimals);
    free(c->row_of);
    memset(c, 0, sizeof *c);
}

cube_val hjtj__cube_value(const cube *c, size_t k)
{
    cube_val v = {NULL, '.'};
    size_t m = c->metric.n ? k % c->metric.n : 0, r = c->metric.n ? k / c->metric.n : 0;
    size_t col;
    if (k >= c->nvalues)
        return v;
    if (c->ndims == 2) {
        size_t row1 = c->row_of[r];
        if (row1 == 0)
            return v; /* the upper triangle: not applicable */
        r = row1 - 1;
    }
    col = c->mcol[m];
    v.symbol = hjtj__cell_symbol(c->t, r, col);
    if (v.symbol == 0)
        v.text = hjtj_table_cell_text(c->t, r, col);
    return v;
}

unsigned hjtj__cube_symbols(const cube *c)
{
    unsigned f = 0;
    size_t k;
    for (k = 0; k < c->nvalues; k++) {
        cube_val v = hjtj__cube_value(c, k);
        f |= v.symbol == '.' ? 1u : v.symbol == ':' ? 2u : v.symbol == '-' ? 4u : 0u;
    }
    return f;
}

void hjtj__full_title(buf *b, const hjtj_table *t, hjtj_lang lang)
{
    const char *title = hjtj_table_title(t, lang);
    if (!t->custom) /* a custom table's title is whole */
        hjtj__buf_printf(b, "%s %s. ", hjtj__word("table", lang), hjtj_table_id(t));
    hjtj__buf_puts(b, title ? title : "");
}

const char *hjtj__stub_text(const hjtj_table *t, size_t row, size_t col, hjtj_lang lang)
{
    const char *label = hjtj_table_row_label(t, row, lang), *printed;
    size_t i, n;
    if (hjtj_table_stub_count(t) == 1 && col == 0)
        return label ? label : "";
    if (hjtj__is_pair_table(t)) {
        const char *code = hjtj_table_row_code(t, row), *colon = strchr(code, ':');
        if (col == 0)
            return label;
        /* the column item: the label of its diagonal row "b:b" */
        n = (size_t)(colon - code);
        for (i = 0; i < hjtj_table_rows(t); i++) {
            const char *o = hjtj_table_row_code(t, i);
            if (strncmp(o, code, n) == 0 && o[n] == ':' && strlen(o + n + 1) == n &&
                strncmp(o + n + 1, code, n) == 0)
                return hjtj_table_row_label(t, i, lang);
        }
        return hjtj_table_cell_text(t, row, col);
    }
    printed = hjtj_table_cell_text(t, row, col);
    if (col == 1 && label != NULL) {
        const char *first = hjtj_table_cell_text(t, row, 0);
        n = strlen(first);
        if (n > 0 && strncmp(label, first, n) == 0 && label[n] == ' ')
            return label + n + 1;
    }
    return printed ? printed : "";
}
