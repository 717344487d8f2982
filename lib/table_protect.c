/* table_protect.c — small-count protection of a built table (SPEC §11):
 * the grid of counts a table declares while it is built, the protection
 * applied to it (protect.c) and carried over to the printed cells, and the
 * public accessors. */
#include "buf.h"
#include "protect.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

typedef struct tdep {
    size_t row, col; /* the printed cell */
    size_t a, b;     /* flat grid indices; b = HJTJ__P_NONE: one count */
} tdep;

struct tgrid {
    hjtj__pgrid g;
    int64_t *v;
    tdep *deps;
    size_t ndeps, capdeps;
    size_t n_cell; /* the grid cell N is, or HJTJ__P_NONE */
};

void hjtj__grid_free(hjtj_table *t)
{
    if (t->grid == NULL)
        return;
    free(t->grid->v);
    free(t->grid->deps);
    free(t->grid);
    t->grid = NULL;
}

void hjtj__grid_begin(hjtj_table *t, size_t nr, size_t nc, size_t tr, size_t tc, int col_eqs,
                      int row_eqs)
{
    struct tgrid *G;
    hjtj__grid_free(t);
    if (t->nomem || nr == 0 || nc == 0)
        return;
    G = calloc(1, sizeof *G);
    if (G == NULL || (G->v = calloc(nr * nc, sizeof *G->v)) == NULL) {
        free(G);
        t->nomem = 1;
        return;
    }
    G->g.nr = nr;
    G->g.nc = nc;
    G->g.v = G->v;
    G->g.tr = tr;
    G->g.tc = tc;
    G->g.col_eqs = col_eqs;
    G->g.row_eqs = row_eqs;
    G->n_cell = HJTJ__P_NONE;
    t->grid = G;
}

static size_t flat(const struct tgrid *G, size_t i, size_t j)
{
    return i < G->g.nr && j < G->g.nc ? i * G->g.nc + j : HJTJ__P_NONE;
}

void hjtj__grid_count(hjtj_table *t, size_t gi, size_t gj, int64_t v)
{
    size_t k;
    if (t->grid == NULL || (k = flat(t->grid, gi, gj)) == HJTJ__P_NONE)
        return;
    t->grid->v[k] = v;
}

void hjtj__grid_n(hjtj_table *t, size_t gi, size_t gj)
{
    if (t->grid != NULL)
        t->grid->n_cell = flat(t->grid, gi == HJTJ__P_NONE ? t->grid->g.tr : gi, gj);
}

void hjtj__grid_dep(hjtj_table *t, size_t row, size_t col, size_t ai, size_t aj, size_t bi,
                    size_t bj)
{
    struct tgrid *G = t->grid;
    tdep *d;
    if (G == NULL || t->nomem)
        return;
    if (hjtj__grow(&G->deps, &G->capdeps, G->ndeps + 1, sizeof *G->deps, 64) != HJTJ_OK) {
        t->nomem = 1;
        return;
    }
    d = &G->deps[G->ndeps++];
    d->row = row;
    d->col = col;
    d->a = flat(G, ai, aj);
    d->b = bi == HJTJ__P_NONE ? HJTJ__P_NONE : flat(G, bi, bj);
}

void hjtj__grid_from_column(hjtj_table *t, size_t col, size_t total_row)
{
    size_t r, tr = total_row == HJTJ__P_NONE ? t->nrows : total_row;
    if (t->nomem || col >= t->ncols)
        return;
    hjtj__grid_begin(t, t->nrows + (total_row == HJTJ__P_NONE), 1, tr, HJTJ__P_NONE, 1, 0);
    if (total_row == HJTJ__P_NONE)
        hjtj__grid_count(t, tr, 0, t->n);
    for (r = 0; r < t->nrows; r++) {
        const tcell *c = &t->cells[r * t->ncols + col];
        if (c->kind == HJTJ_CELL_COUNT || c->kind == HJTJ_CELL_SHARE)
            hjtj__grid_count(t, r, 0, c->a);
        if (c->kind == HJTJ_CELL_SHARE)
            hjtj__grid_dep(t, r, col, r, 0, tr, 0);
        else
            hjtj__grid_dep(t, r, col, r, 0, HJTJ__P_NONE, 0);
    }
    hjtj__grid_n(t, tr, 0);
}

/* The stronger reason of two grid states: primary before secondary. */
static uint8_t stronger(uint8_t x, uint8_t y)
{
    if (x == HJTJ__P_PRIMARY || y == HJTJ__P_PRIMARY)
        return HJTJ_SUPPRESSED_PRIMARY;
    if (x == HJTJ__P_SECONDARY || y == HJTJ__P_SECONDARY)
        return HJTJ_SUPPRESSED_SECONDARY;
    return HJTJ_SUPPRESSED_NONE;
}

hjtj_status hjtj__table_protect(hjtj_table *t)
{
    struct tgrid *G = t->grid;
    uint8_t *st;
    size_t i, n;
    hjtj_status s;
    int ok;
    if (t->protect_k <= 0)
        return HJTJ_OK;
    if (G == NULL)
        return HJTJ_ERR_NO_COUNTS;
    n = G->g.nr * G->g.nc;
    st = malloc(n);
    if (st == NULL)
        return HJTJ_ERR_NOMEM;
    s = hjtj__protect(&G->g, t->protect_k, st);
    /* the library's own check of the guarantee; should it ever fail,
     * suppress every non-zero count, which always meets it */
    ok = s == HJTJ_OK ? hjtj__protect_check(&G->g, t->protect_k, st) : -1;
    if (ok == 0)
        for (i = 0; i < n; i++)
            if (st[i] == HJTJ__P_PUBLISHED && G->v[i] > 0)
                st[i] = HJTJ__P_SECONDARY;
    if (ok < 0) {
        free(st);
        return s == HJTJ_OK ? HJTJ_ERR_NOMEM : s;
    }
    for (i = 0; i < G->ndeps; i++) {
        const tdep *d = &G->deps[i];
        uint8_t sa = d->a == HJTJ__P_NONE ? 0 : st[d->a];
        uint8_t sb = d->b == HJTJ__P_NONE ? 0 : st[d->b];
        if (d->row < t->nrows && d->col < t->ncols)
            t->cells[d->row * t->ncols + d->col].supp = stronger(sa, sb);
    }
    t->nsupp[1] = t->nsupp[2] = 0;
    for (i = 0; i < t->nrows * t->ncols; i++)
        if (t->cells[i].supp)
            t->nsupp[t->cells[i].supp]++;
    t->n_hidden = G->n_cell != HJTJ__P_NONE && st[G->n_cell] != HJTJ__P_PUBLISHED;
    free(st);
    for (i = 0; i < 2; i++) { /* every format's note says what is hidden */
        char sentence[320];
        const char *dev = hjtj_table_note(t, (hjtj_lang)i);
        hjtj__protect_sentence(t, (hjtj_lang)i, sentence, sizeof sentence);
        snprintf(t->note[i], sizeof t->note[i], "%s%s%s", dev, dev[0] ? " " : "", sentence);
    }
    return HJTJ_OK;
}

void hjtj__protect_sentence(const hjtj_table *t, hjtj_lang lang, char *out, size_t cap)
{
    out[0] = '\0';
    if (t->protect_k <= 0)
        return;
    if (lang == HJTJ_LANG_EN)
        snprintf(out, cap,
                 ": = suppressed (small counts: 1\xE2\x80\x93%lld enterprises). "
                 "Primary: %zu cells, secondary: %zu cells.",
                 (long long)t->protect_k, t->nsupp[1], t->nsupp[2]);
    else
        snprintf(out, cap,
                 ": = skjermet (små tall: 1\xE2\x80\x93%lld virksomheter). "
                 "Primærskjermet: %zu celler, sekundærskjermet: %zu celler.",
                 (long long)t->protect_k, t->nsupp[1], t->nsupp[2]);
}

HJTJ_API hjtj_status hjtj_table_set_protect(hjtj_table *t, int64_t k)
{
    if (t == NULL || k < 0)
        return HJTJ_ERR_INVALID_ARG;
    t->protect_k = k;
    return HJTJ_OK;
}

HJTJ_API int64_t hjtj_table_protect(const hjtj_table *t)
{
    return t ? t->protect_k : 0;
}

HJTJ_API hjtj_suppression hjtj_table_cell_suppressed(const hjtj_table *t, size_t row, size_t col)
{
    if (t == NULL || row >= t->nrows || col >= t->ncols)
        return HJTJ_SUPPRESSED_NONE;
    return (hjtj_suppression)t->cells[row * t->ncols + col].supp;
}

HJTJ_API size_t hjtj_table_suppressed_count(const hjtj_table *t, hjtj_suppression kind)
{
    if (t == NULL || (kind != HJTJ_SUPPRESSED_PRIMARY && kind != HJTJ_SUPPRESSED_SECONDARY))
        return 0;
    return t->nsupp[kind];
}
