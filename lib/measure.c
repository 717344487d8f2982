/* measure.c — a declaration counted over a register (SPEC §9): its distinct
 * keys spread over the grid of row and column classes (counts, records with
 * a value, sums, medians per cell, totals last), and a cell printed as the
 * measure shows it: a count, a share, a sum, a mean or a median. */
#include "buf.h"
#include "codes.h"
#include "error.h"
#include "text.h"
#include "kommuner.h"
#include "reduce.h"
#include "register.h"
#include "table.h"
#include "crosstab.h"
#include "dimension.h"
#include "measure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A cell's value and the values behind its median. */
typedef struct xmedv {
    size_t cell;
    int64_t v, w;
} xmedv;

void hjtj__xresult_free(xresult *x)
{
    hjtj__classes_free(&x->rows);
    hjtj__classes_free(&x->cols);
    free(x->cnt);
    free(x->nval);
    free(x->sum);
    free(x->med2);
    free(x->hasmed);
    memset(x, 0, sizeof *x);
}

static int cmp_medv(const void *a, const void *b)
{
    const xmedv *x = a, *y = b;
    if (x->cell != y->cell)
        return (x->cell > y->cell) - (x->cell < y->cell);
    return (x->v > y->v) - (x->v < y->v);
}

/* The næringskoder present among the keys (word 0: rows, 1: cols), in
 * ascending order. */
static hjtj_status nk_present(const rstore *s, int word, uint32_t **out, size_t *n)
{
    uint8_t *seen = calloc(NK_UOPPGITT + 1, 1);
    size_t i, m = 0;
    uint32_t *v;
    if (seen == NULL)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < s->n; i++) {
        uint32_t x = s->key[i * RED_NFN + (size_t)word] & 0x7fffffffu;
        if (x >= 1 && x <= NK_UOPPGITT && !seen[x]) {
            seen[x] = 1;
            m++;
        }
    }
    v = malloc((m ? m : 1) * sizeof *v);
    if (v == NULL) {
        free(seen);
        return HJTJ_ERR_NOMEM;
    }
    for (i = 1, m = 0; i <= NK_UOPPGITT; i++)
        if (seen[i])
            v[m++] = (uint32_t)i;
    free(seen);
    *out = v;
    *n = m;
    return HJTJ_OK;
}

/* acc += v * w; HJTJ_ERR_OVERFLOW when it does not fit. */
static hjtj_status add_ovf(int64_t *acc, int64_t v, int64_t w)
{
    int64_t p;
    if (__builtin_mul_overflow(v, w, &p) || __builtin_add_overflow(*acc, p, acc))
        return HJTJ_ERR_OVERFLOW;
    return HJTJ_OK;
}

/* The values behind the medians, gathered per cell as the keys are spread. */
typedef struct medlist {
    xmedv *v;
    size_t n, cap;
} medlist;

static hjtj_status med_push(medlist *m, size_t cell, int64_t v, int64_t w)
{
    if (hjtj__grow(&m->v, &m->cap, m->n + 1, sizeof *m->v, 256) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    m->v[m->n].cell = cell;
    m->v[m->n].v = v;
    m->v[m->n].w = w;
    m->n++;
    return HJTJ_OK;
}

/* Each cell's values in order, then R's median of each run (doubled). */
static hjtj_status med_finish(xresult *x, medlist *m)
{
    wval *wv;
    size_t i, j;
    if (m->n == 0)
        return HJTJ_OK;
    wv = malloc(m->n * sizeof *wv);
    if (wv == NULL)
        return HJTJ_ERR_NOMEM;
    qsort(m->v, m->n, sizeof *m->v, cmp_medv);
    for (i = 0; i < m->n; i = j) {
        size_t k = 0;
        for (j = i; j < m->n && m->v[j].cell == m->v[i].cell; j++) {
            wv[k].v = m->v[j].v;
            wv[k].w = m->v[j].w;
            k++;
        }
        x->med2[m->v[i].cell] = hjtj__median2_weighted(wv, k);
        x->hasmed[m->v[i].cell] = 1;
    }
    free(wv);
    return HJTJ_OK;
}

static hjtj_status result_alloc(xresult *x)
{
    size_t G = x->R * x->C;
    x->cnt = calloc(G, sizeof *x->cnt);
    x->nval = calloc(G, sizeof *x->nval);
    x->sum = calloc(G, sizeof *x->sum);
    x->med2 = calloc(G, sizeof *x->med2);
    x->hasmed = calloc(G, 1);
    if (!x->cnt || !x->nval || !x->sum || !x->med2 || !x->hasmed)
        return HJTJ_ERR_NOMEM;
    return HJTJ_OK;
}

/* Count w records of value v (has: the record has one) in cell c. */
static hjtj_status cell_add(xresult *x, const xdecl *d, medlist *med, size_t c, int has, int64_t v,
                            int64_t w)
{
    x->cnt[c] += w;
    if (!has)
        return HJTJ_OK;
    x->nval[c] += w;
    if (add_ovf(&x->sum[c], v, w) != HJTJ_OK) {
        /* only a sum or a mean needs the sum */
        if (d->measure == HJTJ_MEASURE_SUM || d->measure == HJTJ_MEASURE_GJENNOMSNITT)
            return HJTJ_ERR_OVERFLOW;
        x->sum[c] = 0;
    }
    if (d->measure == HJTJ_MEASURE_MEDIAN)
        return med_push(med, c, v, w);
    return HJTJ_OK;
}

/* Spread the keys over the grid: a key counts in each of its row and
 * column classes (several for a code set), and once in the totals. */
static hjtj_status result_fill(xresult *x, const xdecl *d, const rstore *s)
{
    size_t i, a, b;
    size_t rp[33], cp[33];
    medlist med = {NULL, 0, 0};
    hjtj_status st = result_alloc(x);
    for (i = 0; i < s->n && st == HJTJ_OK; i++) {
        const uint32_t *k = &s->key[i * RED_NFN];
        int64_t w = (int64_t)s->w[i];
        int has = (k[0] & 0x80000000u) != 0;
        int64_t v = (int64_t)((uint64_t)k[3] << 32 | k[2]);
        size_t nr = hjtj__classes_positions(&x->rows, k[0] & 0x7fffffffu, rp), nc;
        nc = x->cols.n ? hjtj__classes_positions(&x->cols, k[1], cp) : 0;
        if (nr == 0 || (x->cols.n && nc == 0))
            continue;
        rp[nr++] = x->R - 1; /* the totals count the record once */
        cp[nc++] = x->C - 1;
        for (a = 0; a < nr && st == HJTJ_OK; a++)
            for (b = 0; b < nc && st == HJTJ_OK; b++)
                st = cell_add(x, d, &med, rp[a] * x->C + cp[b], has, v, w);
    }
    if (st == HJTJ_OK)
        st = med_finish(x, &med);
    free(med.v);
    return st;
}

hjtj_status hjtj__kommuner_for_tables(const hjtj_register *reg, hjtj_error *err)
{
    hjtj_status st = hjtj__register_ensure_kommuner((hjtj_register *)reg);
    if (st == HJTJ_OK || reg->kommuner.n > 0)
        return HJTJ_OK;
    return st == HJTJ_ERR_NOMEM ? hjtj__err_set(err, st, "", 0, 0, "out of memory")
                                : hjtj__err_set(err, HJTJ_ERR_IO, "", 0, 0, "no municipality table");
}

/* Can d be counted over reg: its variable has its link, the municipalities
 * its filters name are in the register's table?  HJTJ_OK or the error. */
static hjtj_status xrun_check(const hjtj_register *reg, const xdecl *d, hjtj_error *err)
{
    size_t i, j;
    hjtj_status st;
    if (d->var == -3 || (d->var >= 0 && d->link == NULL))
        return hjtj__err_set(err, HJTJ_ERR_STATE, "", 0, 0,
                       "the measure's variable needs a link (hjtj_crosstab_set_link)");
    if (d->var >= 0 && (size_t)d->var >= d->link->nvars)
        return hjtj__err_set(err, HJTJ_ERR_STATE, "", 0, 0,
                       "the link no longer has the measure's variable");
    if ((st = hjtj__kommuner_for_tables(reg, err)) != HJTJ_OK)
        return st;
    for (i = 0; i < d->nwhere; i++)
        if (d->where[i].d.kind == XD_KOMMUNE)
            for (j = 0; j < d->where[i].n; j++) {
                char nr[8];
                snprintf(nr, sizeof nr, "%04u", (unsigned)(d->where[i].v[j] - 1));
                if (hjtj__kommuner_find_n(&reg->kommuner, nr, 4) < 0)
                    return hjtj__err_set(err, HJTJ_ERR_NOT_FOUND, "", 0, 0,
                                   "kommune %s is not in the municipality table", nr);
            }
    return HJTJ_OK;
}

/* The classes of the rows and columns of d (a næringskode dimension: the
 * codes present among the keys). */
static hjtj_status xrun_classes(xresult *x, const hjtj_register *reg, const xdecl *d,
                                const rstore *s)
{
    uint32_t *nkr = NULL, *nkc = NULL;
    size_t nnkr = 0, nnkc = 0;
    hjtj_status st = HJTJ_OK;
    if ((d->rows.kind == XD_NK && nk_present(s, 0, &nkr, &nnkr) != HJTJ_OK) ||
        (d->cols.field >= 0 && d->cols.kind == XD_NK && nk_present(s, 1, &nkc, &nnkc) != HJTJ_OK) ||
        hjtj__classes_make(&x->rows, &d->rows, reg, nkr, nnkr) != HJTJ_OK ||
        (d->cols.field >= 0 && hjtj__classes_make(&x->cols, &d->cols, reg, nkc, nnkc) != HJTJ_OK))
        st = HJTJ_ERR_NOMEM;
    free(nkr);
    free(nkc);
    return st;
}

hjtj_status hjtj__xrun(xresult *x, const hjtj_register *reg, const xdecl *d, hjtj_error *err)
{
    rstore own;
    const rstore *s;
    hjtj_status st;
    memset(x, 0, sizeof *x);
    if ((st = xrun_check(reg, d, err)) != HJTJ_OK)
        return st;
    st = hjtj__decl_keys(reg, d, &own, &s);
    if (st == HJTJ_ERR_STATE)
        return hjtj__err_set(err, st, "", 0, 0,
                       "a streaming register fills only the custom tables added to it before "
                       "its load (hjtj_register_add_crosstab)");
    if (st != HJTJ_OK)
        return hjtj__err_set(err, st, "", 0, 0, "out of memory");
    st = xrun_classes(x, reg, d, s);
    if (st == HJTJ_OK) {
        x->R = x->rows.n + 1;
        x->C = x->cols.n + 1;
        x->scale_dec = d->var >= 0 ? d->link->decimals[d->var] : 0;
        st = result_fill(x, d, s);
    }
    hjtj__rstore_free(&own);
    if (st != HJTJ_OK) {
        hjtj__xresult_free(x);
        return hjtj__err_set(err, st, "", 0, 0, "%s",
                       st == HJTJ_ERR_OVERFLOW ? "a sum does not fit in 64 bits"
                                               : "out of memory");
    }
    return HJTJ_OK;
}

static int64_t pow10i(int d)
{
    int64_t p = 1;
    while (d-- > 0)
        p *= 10;
    return p;
}

void hjtj__xcell(hjtj_table *t, size_t i, size_t j, const xresult *x, const xdecl *d, size_t a,
                 size_t b)
{
    size_t c = a * x->C + b, T = (x->R - 1) * x->C + (x->C - 1);
    int64_t n = x->cnt[c], den, sc = pow10i(x->scale_dec);
    int linked = d->var >= 0;
    switch (d->measure) {
    case HJTJ_MEASURE_ANTALL:
        hjtj__tb_cell(t, i, j, HJTJ_CELL_COUNT, n, 1, n);
        return;
    case HJTJ_MEASURE_ANDEL_RAD:
        hjtj__tb_cell(t, i, j, HJTJ_CELL_SHARE, n, x->cnt[a * x->C + x->C - 1], n);
        return;
    case HJTJ_MEASURE_ANDEL_KOLONNE:
        hjtj__tb_cell(t, i, j, HJTJ_CELL_SHARE, n, x->cnt[(x->R - 1) * x->C + b], n);
        return;
    case HJTJ_MEASURE_ANDEL_TOTAL:
        hjtj__tb_cell(t, i, j, HJTJ_CELL_SHARE, n, x->cnt[T], n);
        return;
    case HJTJ_MEASURE_SUM:
        if (linked)
            hjtj__tb_cell(t, i, j, HJTJ_CELL_DECIMAL, x->sum[c], sc, n);
        else
            hjtj__tb_cell(t, i, j, HJTJ_CELL_SUM, x->sum[c], 1, n);
        return;
    case HJTJ_MEASURE_GJENNOMSNITT:
        if (x->nval[c] == 0 || __builtin_mul_overflow(x->nval[c], sc, &den))
            hjtj__tb_cell(t, i, j, HJTJ_CELL_EMPTY, 0, 0, n);
        else
            hjtj__tb_cell(t, i, j, HJTJ_CELL_MEAN, x->sum[c], den, n);
        return;
    default:
        if (!x->hasmed[c])
            hjtj__tb_cell(t, i, j, HJTJ_CELL_EMPTY, 0, 0, n);
        else if (linked)
            hjtj__tb_cell(t, i, j, HJTJ_CELL_MEAN, x->med2[c], 2 * sc, n);
        else
            hjtj__tb_cell(t, i, j, HJTJ_CELL_MEDIAN, x->med2[c], 1, n);
        return;
    }
}
