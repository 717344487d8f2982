/* profile.c — a municipality's profile (SPEC §9): the distributions of
 * kategori, samlemålgruppe and eierskap, and the boenheter, of the
 * municipality beside its size class and the whole country.  Every block is
 * a declaration counted by the custom-table engine (measure.h).  Its only
 * function is public (hjtj_table_build_profile, hjtj.h), so it has no
 * header of its own. */
#include "codes.h"
#include "error.h"
#include "text.h"
#include "scheme.h"
#include "kommuner.h"
#include "register.h"
#include "table.h"
#include "crosstab.h"
#include "dimension.h"
#include "measure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAREAS 3 /* the municipality, its size class, the country */

/* The area of a profile as the filter of a declaration. */
static void profile_area(xdecl *d, int area, uint32_t knr, int storrelse)
{
    d->nwhere = 0;
    memset(d->where, 0, sizeof d->where);
    if (area == 0) {
        d->where[0].d.field = HJTJ_FIELD_KOMMUNE;
        d->where[0].d.kind = XD_KOMMUNE;
        d->where[0].v[0] = knr + 1;
        d->where[0].n = 1;
        d->nwhere = 1;
        hjtj__where_bits(&d->where[0]);
    } else if (area == 1) {
        d->where[0].d.field = HJTJ_FIELD_KOMMUNESTORRELSE;
        d->where[0].d.kind = XD_CLASS;
        d->where[0].v[0] = (uint32_t)storrelse + 1;
        d->where[0].n = 1;
        d->nwhere = 1;
        hjtj__where_bits(&d->where[0]);
    }
}

/* Can reg give kommunenr's profile into t?  Its position in the
 * municipality table into *ki; else the error, set on t. */
static hjtj_status profile_check(hjtj_table *t, const hjtj_register *reg, const char *kommunenr,
                                 int64_t *ki)
{
    if (reg == NULL || kommunenr == NULL)
        return hjtj__err_set(&t->err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no register or kommunenr");
    if (t->protect_k > 0) /* its blocks have no single grid (table_protect.c) */
        return hjtj__err_set(&t->err, HJTJ_ERR_INVALID_ARG, "", 0, 0,
                       "a municipality profile cannot be protected; build its distributions "
                       "as custom tables (--rows kategori --where kommune=%.8s --protect K)",
                       kommunenr);
    if (hjtj__kommuner_for_tables(reg, &t->err) != HJTJ_OK)
        return t->err.status;
    *ki = strlen(kommunenr) == 4 ? hjtj__kommuner_find_n(&reg->kommuner, kommunenr, 4) : -1;
    if (*ki < 0)
        return hjtj__err_set(&t->err, HJTJ_ERR_NOT_FOUND, "", 0, 0,
                       "kommune '%.10s' is not in the municipality table", kommunenr);
    if (!reg->keep)
        return hjtj__err_set(&t->err, HJTJ_ERR_STATE, "", 0, 0,
                       "a profile needs a register that keeps its records");
    return HJTJ_OK;
}

/* Title (kommunenr as asked), population and the columns: part, code, then count and share of
 * each area. */
static void profile_head(hjtj_table *t, const kommune *k, const char *kommunenr, int storrelse)
{
    char text[160];
    hjtj__str_copy(t->id, sizeof t->id, "profil");
    snprintf(text, sizeof text, "Kommuneprofil: %s (%s)", k->navn, kommunenr);
    t->title_nb = hjtj__tb_own(t, text);
    snprintf(text, sizeof text, "Municipality profile: %s (%s)", k->navn, kommunenr);
    t->title_en = hjtj__tb_own(t, text);
    t->population = "Active home-care enterprises (status aktiv, not outside home care) of "
                    "the municipality, of its size class and of the whole country; "
                    "boenheter as counted in chapter 5 (the botilbud population).";
    hjtj__tb_begin(t, 8, 2);
    hjtj__tb_col(t, 0, "del", "Del", "Part");
    hjtj__tb_col(t, 1, "kode", "Kode", "Code");
    hjtj__tb_col(t, 2, "kommune", hjtj__tb_own(t, k->navn), hjtj__tb_own(t, k->navn));
    hjtj__tb_col(t, 3, "andel_kommune", "Andel (%)", "Share (%)");
    hjtj__tb_col(t, 4, "kommunestorrelse", hjtj_label(HJTJ_FIELD_KOMMUNESTORRELSE, storrelse, 0),
           hjtj_label(HJTJ_FIELD_KOMMUNESTORRELSE, storrelse, 1));
    hjtj__tb_col(t, 5, "andel_kommunestorrelse", "Andel (%)", "Share (%)");
    hjtj__tb_col(t, 6, "hele_landet", "Hele landet", "Norway");
    hjtj__tb_col(t, 7, "andel_hele_landet", "Andel (%)", "Share (%)");
}

/* A row of part `part` with code `code` (its row code "part:code"). */
static size_t profile_row(hjtj_table *t, const char *part, const char *code)
{
    char text[160];
    size_t r = hjtj__tb_row(t, "", part, NULL);
    hjtj__tb_text(t, r, 1, code);
    snprintf(text, sizeof text, "%s:%s", part, code);
    free(t->rows[r].code);
    t->rows[r].code = hjtj__str_dup(text);
    if (t->rows[r].code == NULL)
        t->nomem = 1;
    return r;
}

/* The rows of a distribution: each class and the total, with count and
 * share in each area. */
static void profile_distribution(hjtj_table *t, const xresult x[NAREAS], const xdecl *d)
{
    size_t i, area, nrow = x[0].R;
    for (i = 0; i < nrow; i++) {
        int tot = i + 1 == nrow;
        size_t r = profile_row(t, hjtj__dim_name(&d->rows), tot ? "totalt" : x[0].rows.c[i].code);
        for (area = 0; area < NAREAS; area++) {
            int64_t n = x[area].cnt[i], tn = x[area].cnt[nrow - 1];
            hjtj__tb_cell(t, r, 2 + 2 * area, HJTJ_CELL_COUNT, n, 1, n);
            hjtj__tb_cell(t, r, 3 + 2 * area, HJTJ_CELL_SHARE, n, tn, n);
        }
    }
}

/* The rows of the boenheter: sum, mean and median in each area. */
static void profile_boenheter(hjtj_table *t, const xresult x[NAREAS], xdecl d)
{
    static const char *const stat[] = {"sum", "gjennomsnitt", "median"};
    static const int measure[] = {HJTJ_MEASURE_SUM, HJTJ_MEASURE_GJENNOMSNITT,
                                  HJTJ_MEASURE_MEDIAN};
    size_t i, area;
    for (i = 0; i < 3; i++) {
        size_t r = profile_row(t, "boenheter", stat[i]);
        d.measure = measure[i];
        for (area = 0; area < NAREAS; area++)
            hjtj__xcell(t, r, 2 + 2 * area, &x[area], &d, 1, 0);
    }
}

/* One part of the profile: its declaration counted in each area, then
 * printed (f < 3: the distribution of fields[f]; 3: the boenheter). */
static hjtj_status profile_part(hjtj_table *t, const hjtj_register *reg, size_t f, uint32_t knr,
                                int storrelse, hjtj_error *err)
{
    static const int fields[] = {HJTJ_FIELD_KATEGORI, HJTJ_FIELD_SAMLEMALGRUPPE,
                                 HJTJ_FIELD_EIERSKAP};
    xdecl d;
    xresult x[NAREAS];
    hjtj_status st = HJTJ_OK;
    int area, nx = 0;
    memset(&d, 0, sizeof d);
    d.cols.field = -1;
    d.cols.kind = XD_LANDET;
    d.rows.field = f < 3 ? fields[f] : HJTJ_FIELD_LANDET;
    d.rows.kind = f < 3 ? (fields[f] == HJTJ_FIELD_EIERSKAP ? XD_INPUT : XD_CLASS) : XD_LANDET;
    d.measure = f < 3 ? HJTJ_MEASURE_ANTALL : HJTJ_MEASURE_MEDIAN;
    d.var = f < 3 ? -2 : -1;
    for (area = 0; area < NAREAS && st == HJTJ_OK; area++) {
        profile_area(&d, area, knr, storrelse);
        st = hjtj__xrun(&x[area], reg, &d, err);
        nx = area + 1;
    }
    if (st == HJTJ_OK && f < 3) {
        profile_distribution(t, x, &d);
        if (f == 0)
            t->n = x[0].cnt[x[0].R - 1];
    } else if (st == HJTJ_OK) {
        profile_boenheter(t, x, d);
    }
    while (nx > 0)
        hjtj__xresult_free(&x[--nx]);
    return st;
}

HJTJ_API hjtj_status hjtj_table_build_profile(hjtj_table *t, const hjtj_register *reg,
                                              const char *kommunenr)
{
    hjtj_error err;
    hjtj_status st;
    int64_t ki = -1;
    int storrelse;
    size_t f;
    const kommune *k;
    if (t == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__table_reset(t);
    if ((st = profile_check(t, reg, kommunenr, &ki)) != HJTJ_OK)
        return st;
    k = &reg->kommuner.k[ki];
    storrelse = hjtj__scheme_storrelse(&reg->scheme, k->nr, k->innbyggere);
    profile_head(t, k, kommunenr, storrelse);
    hjtj__err_clear(&err);
    for (f = 0; f < 3 + 1 && st == HJTJ_OK; f++)
        st = profile_part(t, reg, f, dim_digits(kommunenr, 4), storrelse, &err);
    if (st == HJTJ_OK && t->nomem)
        st = hjtj__err_set(&err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    if (st != HJTJ_OK) {
        hjtj__table_reset(t);
        hjtj__err_copy(&t->err, &err);
        return st;
    }
    return HJTJ_OK;
}
