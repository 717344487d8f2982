/* catalog.c — the list of tables the library builds, and the machinery the
 * table definitions share (declared in tables_common.h). */
#include "codes.h"
#include "table.h"
#include "catalog.h"
#include "protect.h"
#include "reduce.h"
#include "crosstab.h"
#include "measure.h"
#include "tables_common.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Counting                                                            */
/* ------------------------------------------------------------------ */

/* w units whose values add up to sum */
static void add_one(xtab *x, int i, uint32_t cols, int64_t sum, int64_t w)
{
    x->n[i] += w;
    x->sum[i] += sum;
    for (; cols; cols &= cols - 1) {
        int k = xt_low_bit(cols);
        if (k < XT_MAXCOL)
            x->c[i][k] += w;
    }
}

void hjtj__xt_add_units(xtab *x, uint32_t rows, uint32_t cols, int64_t sum, int64_t w)
{
    for (; rows; rows &= rows - 1)
        add_one(x, xt_low_bit(rows), cols, sum, w);
    add_one(x, XT_TOTAL, cols, sum, w);
}

void hjtj__xt_addw(xtab *x, uint32_t rows, uint32_t cols, int64_t value, int64_t w)
{
    hjtj__xt_add_units(x, rows, cols, value * w, w);
}

void hjtj__xt_add(xtab *x, uint32_t rows, uint32_t cols, int64_t value)
{
    hjtj__xt_addw(x, rows, cols, value, 1);
}

int hjtj__kommune_storrelse(const hjtj_register *reg, size_t i)
{
    return hjtj__reg_kommuner(reg)->k[i].storrelse;
}

void hjtj__xt_kommuner(xtab *x, const hjtj_register *reg, const uint8_t *cols)
{
    size_t i;
    memset(x, 0, sizeof *x);
    for (i = 0; i < hjtj__reg_kommuner(reg)->n; i++)
        hjtj__xt_add(x, BIT(hjtj__kommune_storrelse(reg, i)), cols ? cols[i] : 0u,
               hjtj__reg_kommuner(reg)->k[i].innbyggere);
    x->units_kommuner = 1;
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

void hjtj__xrows_label(const xrows *R, size_t r, const char **code, const char **nb, const char **en)
{
    int c = R->cls[r];
    hjtj_field f = (hjtj_field)R->field;
    *code = R->code ? R->code[r] : hjtj_code(f, c);
    *nb = R->nb ? R->nb[r] : hjtj_label(f, c, HJTJ_LANG_NB);
    *en = R->en ? R->en[r] : R->field >= 0 ? hjtj_label(f, c, HJTJ_LANG_EN) : *nb;
}

size_t hjtj__xcols_split(xcol *out, const char *const *codes, int n)
{
    int k;
    out[0].code = codes[0];
    out[0].kind = XC_N;
    out[0].k = 0;
    for (k = 0; k < n; k++) {
        out[1 + k].code = codes[1 + k];
        out[1 + k].kind = XC_COUNT;
        out[1 + k].k = k;
        out[1 + n + k].code = codes[1 + n + k];
        out[1 + n + k].kind = XC_SHARE;
        out[1 + n + k].k = k;
    }
    return 1 + 2 * (size_t)n;
}

static int64_t count_value(const xtab *x, int i, const xcol *c)
{
    return c->kind == XC_COUNT ? x->c[i][c->k] : x->n[i];
}

/* The grid column of column class k: 0 is n, then the classes shown. */
typedef struct xgrid {
    int8_t col[XT_MAXCOL]; /* grid column of class k, or -1 */
    size_t ncols;
    size_t total;          /* the grid row of the total */
} xgrid;

/* Which counts a value column shows or is computed from (SPEC §11): grid
 * column *a of the row's own grid row (-1: none), and grid column *b
 * (-1: none) of the row's own row, or of the total row when *b_total. */
static void xcol_deps(const xgrid *g, const xcol *c, int *a, int *b, int *b_total)
{
    *a = 0; /* n: the row's records */
    *b = -1;
    *b_total = 0;
    switch (c->kind) {
    case XC_COUNT: /* -1 for a class that counts no enterprises */
        *a = g->col[c->k];
        break;
    case XC_SHARE:
    case XC_SHARE_OPT: /* c[i][k] / n[i] */
        *a = g->col[c->k];
        *b = 0;
        break;
    case XC_SHARE_N:
    case XC_SUM_SHARE: /* of the total */
        *b = 0;
        *b_total = 1;
        break;
    default: /* XC_N, XC_SUM, XC_MEDIAN: the row's records */
        break;
    }
}

static void emit_cells(hjtj_table *t, size_t row, const xtab *x, int i,
                       const xcol *const *cols, size_t ncols, unsigned flags,
                       const xgrid *g, size_t grow)
{
    size_t j;
    for (j = 0; j < ncols; j++) {
        const xcol *c = cols[j];
        size_t col = j + 1;
        int a, b, b_total;
        switch (c->kind) {
        case XC_N:
        case XC_COUNT:
            if (count_value(x, i, c) == 0 && (flags & XL_ZERO_EMPTY))
                hjtj__tb_empty(t, row, col);
            else
                hjtj__tb_count(t, row, col, count_value(x, i, c));
            break;
        case XC_SHARE:
        case XC_SHARE_OPT:
            hjtj__tb_share(t, row, col, x->c[i][c->k], x->n[i]);
            break;
        case XC_SHARE_N:
            hjtj__tb_share(t, row, col, x->n[i], x->n[XT_TOTAL]);
            break;
        case XC_SUM:
            hjtj__tb_sum(t, row, col, x->sum[i]);
            break;
        case XC_SUM_SHARE:
            hjtj__tb_share(t, row, col, x->sum[i], x->sum[XT_TOTAL]);
            break;
        case XC_MEDIAN:
            if (x->n[i] > 0)
                hjtj__tb_median2(t, row, col, x->med2[i]);
            break;
        }
        xcol_deps(g, c, &a, &b, &b_total);
        if (a < 0)
            continue;
        if (b < 0)
            hjtj__grid_dep(t, row, col, grow, (size_t)a, HJTJ__P_NONE, 0);
        else
            hjtj__grid_dep(t, row, col, grow, (size_t)a, b_total ? g->total : grow, (size_t)b);
    }
}

/* Declare the counts of the printed rows (classes cls[0..n), then the
 * total) as the table's grid: column 0 the units of the row, then one
 * column per class the value columns count.  Every equation is asked for;
 * the rows and columns that add up give them (protect.h), so the grid of a
 * multiple-response dimension has none along it. */
static void xt_grid(hjtj_table *t, const xtab *x, const int *cls, size_t n,
                    const xcol *const *cols, size_t ncols, xgrid *g)
{
    size_t j, r;
    memset(g->col, -1, sizeof g->col);
    g->ncols = 1;
    g->total = n;
    for (j = 0; j < ncols; j++) {
        int k = cols[j]->k;
        xkind kd = cols[j]->kind;
        if ((kd == XC_COUNT || kd == XC_SHARE || kd == XC_SHARE_OPT) && k >= 0 &&
            k < XT_MAXCOL && g->col[k] < 0 && !(x->notcount & BIT(k)))
            g->col[k] = (int8_t)g->ncols++;
    }
    if (x->units_kommuner)
        return; /* no counts of enterprises: nothing to protect */
    hjtj__grid_begin(t, n + 1, g->ncols, n, 0, 1, 1);
    for (r = 0; r <= n; r++) {
        int i = r < n ? cls[r] : XT_TOTAL;
        int k;
        hjtj__grid_count(t, r, 0, x->n[i]);
        for (k = 0; k < XT_MAXCOL; k++)
            if (g->col[k] >= 0)
                hjtj__grid_count(t, r, (size_t)g->col[k], x->c[i][k]);
    }
    hjtj__grid_n(t, n, 0);
}

void hjtj__xt_emit(hjtj_table *t, const xtab *x, const xlayout *L)
{
    const xcol *cols[2 * XT_MAXCOL + 8];
    int shown[XT_MAXCLS];
    size_t ncols = 0, nshown = 0, j, r;
    xgrid g;
    for (j = 0; j < L->ncols && ncols < sizeof cols / sizeof cols[0]; j++)
        if (L->cols[j].kind != XC_SHARE_OPT || x->c[XT_TOTAL][L->cols[j].k] > 0)
            cols[ncols++] = &L->cols[j];
    for (r = 0; r < L->rows->n && nshown < XT_MAXCLS; r++) {
        int i = L->rows->cls[r];
        if (L->skip & BIT(i))
            continue;
        if ((L->optional & BIT(i)) && ncols > 0 && count_value(x, i, cols[0]) == 0)
            continue;
        shown[nshown++] = (int)r;
    }
    hjtj__tb_begin(t, ncols + 1, 1);
    hjtj__tb_col(t, 0, L->stub, NULL, NULL);
    for (j = 0; j < ncols; j++)
        hjtj__tb_col(t, j + 1, j == 0 && L->col0 ? L->col0 : cols[j]->code, NULL, NULL);
    {
        int cls[XT_MAXCLS];
        for (r = 0; r < nshown; r++)
            cls[r] = L->rows->cls[shown[r]];
        xt_grid(t, x, cls, nshown, cols, ncols, &g);
    }
    for (r = 0; r < nshown; r++) {
        const char *code, *nb, *en;
        hjtj__xrows_label(L->rows, (size_t)shown[r], &code, &nb, &en);
        emit_cells(t, hjtj__tb_row(t, code, nb, en), x, L->rows->cls[shown[r]], cols, ncols, L->flags,
                   &g, r);
    }
    if (L->total_nb != NULL)
        emit_cells(t, hjtj__tb_row(t, "totalt", L->total_nb, L->total_en ? L->total_en : "Total"), x,
                   XT_TOTAL, cols, ncols, L->flags, &g, nshown);
    t->n = x->n[XT_TOTAL];
}

void hjtj__xt_pairs_emit(hjtj_table *t, const xpairs *c, const xrows *items, int share)
{
    size_t a, b;
    hjtj__tb_begin(t, 3, 2);
    hjtj__tb_col(t, 0, "row_label", NULL, NULL);
    hjtj__tb_col(t, 1, "col_label", NULL, NULL);
    hjtj__tb_col(t, 2, "value", NULL, NULL);
    for (a = 0; a < items->n; a++)
        for (b = 0; b <= a; b++) {
            const char *acode, *anb, *aen, *bcode, *bnb, *ben;
            char code[96];
            int hi = items->cls[a], lo = items->cls[b];
            size_t row;
            int64_t v;
            if (hi < lo) {
                int tmp = hi;
                hi = lo;
                lo = tmp;
            }
            v = c->cnt[hi][lo];
            hjtj__xrows_label(items, a, &acode, &anb, &aen);
            hjtj__xrows_label(items, b, &bcode, &bnb, &ben);
            snprintf(code, sizeof code, "%s:%s", bcode, acode);
            row = hjtj__tb_row(t, code, anb, aen);
            hjtj__tb_text(t, row, 1, bnb);
            if (share)
                hjtj__tb_share(t, row, 2, v, c->all);
            else
                hjtj__tb_count(t, row, 2, v);
        }
    t->n = share ? c->all : c->pairs;
    hjtj__grid_from_column(t, 2, HJTJ__P_NONE);
}

/* ------------------------------------------------------------------ */
/* Shared row sets                                                     */
/* ------------------------------------------------------------------ */

static const int8_t kategori_order[] = {
    HJTJ_KAT_KUN_BOLIGBASE, HJTJ_KAT_KUN_AMB_HELSE,    HJTJ_KAT_KUN_AMB_PRAKTISK,
    HJTJ_KAT_KUN_AMB_BEGGE, HJTJ_KAT_KUN_BPA,          HJTJ_KAT_KUN_ANNEN_HJEMMETJENESTE,
    HJTJ_KAT_ENETILTAK,     HJTJ_KAT_TO_ELLER_FLERE_HT, HJTJ_KAT_KOMBINERT_ANNEN,
    HJTJ_KAT_ADMINISTRASJON};
const xrows hjtj__xr_kategori = XROWS(HJTJ_FIELD_KATEGORI, kategori_order, NULL, NULL, NULL);

static const int8_t storrelse_order[] = {HJTJ_KSTR_ASSS, HJTJ_KSTR_20000_PLUSS,
                                         HJTJ_KSTR_10000_19999, HJTJ_KSTR_5000_9999,
                                         HJTJ_KSTR_UNDER_5000};
const xrows hjtj__xr_storrelse = XROWS(HJTJ_FIELD_KOMMUNESTORRELSE, storrelse_order, NULL, NULL, NULL);

static const int8_t samle_order[] = {HJTJ_SAMLE_UTVIKLINGSHEMNING, HJTJ_SAMLE_ELDRE_DEMENS,
                                     HJTJ_SAMLE_PSYKISK_RUS, HJTJ_SAMLE_BEVEGELSESHEMNING,
                                     HJTJ_SAMLE_UTENFOR};
const xrows hjtj__xr_samle = XROWS(HJTJ_FIELD_SAMLEMALGRUPPE, samle_order, NULL, NULL, NULL);

const char *const hjtj__hele_landet[2] = {"Hele landet", "Norway"};

/* ------------------------------------------------------------------ */
/* The catalogue                                                       */
/* ------------------------------------------------------------------ */

#define POP_ALL "All active home-care enterprises (status aktiv, not outside home care)."
#define POP_PURE_BOLIG                                                          \
    "Active home-care enterprises in the category Kun boligbase (housing base only)."
#define POP_PURE_AMB                                                            \
    "Active home-care enterprises in the three ambulatory-only categories."
#define POP_KOMM                                                                \
    "Municipal active home-care enterprises, single-user arrangements (enetiltak) excluded."
#define POP_BOTILBUD                                                            \
    "Active home-care enterprises with boligbase and at least two housing units (boenheter)."

const table_def hjtj__table_defs[] = {
    {"1.9", "Kommuneinndeling etter innbyggertall per 1.1.2025",
     "Municipalities by number of inhabitants per 1 January 2025",
     "All municipalities of the municipality table, by size class.", hjtj__build_1_9},
    {"1.10", "Kommunene i ASSS-samarbeidet, fordelt etter innbyggertall per 1.1.2025",
     "The municipalities of the ASSS network, by number of inhabitants per 1 January 2025",
     "The ASSS municipalities present in the municipality table.", hjtj__build_1_10},
    {"2.2", "Utgangspopulasjonen av virksomheter, fordelt etter næringskode (SN2007)",
     "The initial population of enterprises, by industry code (SN2007)",
     "Every loaded record, whatever its status.", hjtj__build_2_2},
    {"2.3", "Endelig populasjon for hjemmetjenestekartleggingen",
     "Final population of the home-care survey",
     "Every loaded record, whatever its status.", hjtj__build_2_3},
    {"3.2", "Hjemmetjenestevirksomheter, fordelt etter hovedvirksomhetstype",
     "Home-care enterprises, by main enterprise type", POP_ALL, hjtj__build_3_2},
    {"3.3", "Rene brukerrettede hjemmetjenestevirksomheter, fordelt etter type virksomhet",
     "Pure user-directed home-care enterprises, by type of enterprise",
     "Active enterprises whose main type is pure user-directed home services.", hjtj__build_3_3},
    {"3.4",
     "Rene brukerrettede hjemmetjenestevirksomheter med inntil to virksomhetstyper, fordelt etter "
     "virksomhetstyper. Diagonal nedover fra venstre til høyre gir antall virksomheter med kun én "
     "virksomhetstype",
     "Pure user-directed home-care enterprises with at most two enterprise types, by enterprise "
     "types (the diagonal: enterprises with one type only)",
     "Pure user-directed enterprises with one or two home-service types.", hjtj__build_3_4},
    {"3.5", "Hjemmetjenestevirksomheter, fordelt etter type virksomhet",
     "Home-care enterprises, by type of enterprise", POP_ALL, hjtj__build_3_5},
    {"3.6",
     "Hjemmetjenestevirksomheter kombinert med annen tjenestetype, fordelt etter "
     "virksomhetskategori",
     "Home-care enterprises combined with another service type, by enterprise category",
     "Active enterprises combining home services with another service type.", hjtj__build_3_6},
    {"3.7",
     "Hjemmetjenestevirksomheter med annen tjenestetype, fordelt etter hvilke virksomhetstyper i "
     "hjemmetjenesten de er kombinert med",
     "Home-care enterprises with another service type, by the home-service types they combine",
     "Active enterprises combining home services with another service type.", hjtj__build_3_7},
    {"3.8", "Administrasjon med videre, fordelt etter virksomhetstype",
     "Administration etc., by enterprise type",
     "Active enterprises whose main type is administration etc.", hjtj__build_3_8},
    {"3.9",
     "Hjemmetjenestevirksomheter i kombinasjon med virksomhetstyper innen administrasjon mv., "
     "fordelt etter virksomhetskategori",
     "Home-care enterprises in combination with administration types, by enterprise category",
     "All active home-care enterprises except single-user arrangements (enetiltak).", hjtj__build_3_9},
    {"3.10", "Hjemmetjenestevirksomheter, fordelt etter eierskap",
     "Home-care enterprises, by ownership", POP_ALL, hjtj__build_3_10},
    {"3.11",
     "Kommunale hjemmetjenestevirksomheter ekskludert enetiltak, med og uten utveksling av "
     "personell mellom virksomheter",
     "Municipal home-care enterprises excluding enetiltak, with and without exchange of personnel",
     POP_KOMM, hjtj__build_3_11},
    {"3.12",
     "Hjemmetjenestevirksomheter med utveksling av personell, fordelt etter om virksomheten "
     "leverer eller mottar personellbistand",
     "Home-care enterprises with exchange of personnel, by whether they provide or receive",
     "Municipal enterprises (enetiltak excluded) that exchange personnel.", hjtj__build_3_12},
    {"3.13",
     "Hjemmetjenestevirksomheter med utveksling av personell, fordelt etter virksomhetstype",
     "Home-care enterprises with exchange of personnel, by enterprise type",
     "Municipal enterprises (enetiltak excluded) that exchange personnel; shares of all active "
     "enterprises of each category.",
     hjtj__build_3_13},
    {"3.14",
     "Hjemmetjenestevirksomheter som mottar bistand fra andre virksomheter, fordelt etter deres "
     "virksomhetskategori og hvilken virksomhetstype de mottok tjenester fra",
     "Home-care enterprises receiving assistance from other enterprises, by category and by the "
     "type they received from",
     "Municipal enterprises (enetiltak excluded) that receive personnel.", hjtj__build_3_14},
    {"3.15",
     "Hjemmetjenestevirksomheter som gir bistand til virksomheter i andre tjenestetyper, fordelt "
     "etter deres virksomhetskategori og hvilken virksomhetstype de leverte tjenester til",
     "Home-care enterprises providing assistance to other service types, by category and by the "
     "type they provided to",
     "Municipal enterprises (enetiltak excluded) that provide personnel.", hjtj__build_3_15},
    {"3.16",
     "Kommunale hjemmetjenestevirksomheter ekskludert enetiltak, fordelt etter samarbeid med "
     "andre kommuner",
     "Municipal home-care enterprises excluding enetiltak, by cooperation with other "
     "municipalities",
     POP_KOMM, hjtj__build_3_16},
    {"3.17",
     "Private hjemmetjenestevirksomheter ekskludert enetiltak, fordelt etter salg av tjenester "
     "til andre enn lokaliseringskommunen",
     "Private home-care enterprises excluding enetiltak, by sales to municipalities other than "
     "their own",
     "Private active home-care enterprises, single-user arrangements (enetiltak) excluded.",
     hjtj__build_3_17},
    {"3.18", "Hjemmetjenestevirksomheter, fordelt etter kommunestørrelse",
     "Home-care enterprises, by municipality size", POP_ALL, hjtj__build_3_18},
    {"3.19",
     "Antall kommuner med kommunale virksomheter innen hjemmetjenestens virksomhetstyper, "
     "fordelt etter kommunestørrelse",
     "Municipalities with municipal enterprises of the home-service types, by municipality size",
     "All municipalities of the municipality table.", hjtj__build_3_19},
    {"3.20",
     "Antall kommuner med kommunale virksomheter innen virksomhetskategoriene, fordelt etter "
     "kommunestørrelse",
     "Municipalities with municipal enterprises in the pure categories, by municipality size",
     "All municipalities of the municipality table.", hjtj__build_3_20},
    {"3.21", "Rene boligbasevirksomheter, fordelt etter kommunestørrelse",
     "Pure housing-base enterprises, by municipality size", POP_PURE_BOLIG, hjtj__build_3_21},
    {"3.22", "Rene ambulerende virksomheter, fordelt etter kommunestørrelse",
     "Pure ambulatory enterprises, by municipality size", POP_PURE_AMB, hjtj__build_3_22},
    {"3.23",
     "Hjemmetjenestevirksomhetstyper, fordelt etter virksomhetskategorier og kommunestørrelse",
     "Home-care enterprises, by enterprise category and municipality size", POP_ALL, hjtj__build_3_23},
    {"4.3",
     "Hjemmetjenestevirksomheter og antall målgrupper per virksomhet, fordelt etter målgruppe",
     "Home-care enterprises and number of target groups per enterprise, by target group", POP_ALL,
     hjtj__build_4_3},
    {"4.4",
     "Hjemmetjenestevirksomheter med inntil to målgrupper, fordelt etter målgrupper. Diagonal "
     "nedover fra venstre til høyre angir antall virksomheter med kun én målgruppe",
     "Home-care enterprises with at most two target groups, by target groups (the diagonal: one "
     "target group only)",
     "Active home-care enterprises with one or two target groups.", hjtj__build_4_4},
    {"4.5",
     "Andel hjemmetjenestevirksomheter med inntil to målgrupper av alle "
     "hjemmetjenestevirksomheter, fordelt etter målgrupper. Diagonal nedover fra venstre til "
     "høyre angir andel virksomheter med kun én målgruppe",
     "Share of home-care enterprises with at most two target groups among all, by target groups",
     POP_ALL, hjtj__build_4_5},
    {"4.6", "Hjemmetjenestevirksomheter, fordelt etter samlemålgruppene",
     "Home-care enterprises, by target-group cluster", POP_ALL, hjtj__build_4_6},
    {"4.7",
     "Hjemmetjenestevirksomheter som ikke inngår i samlemålgruppene, fordelt etter de hyppigste "
     "kombinasjonene av målgrupper",
     "Home-care enterprises outside the target-group clusters, by the most frequent combinations "
     "of target groups",
     "Active home-care enterprises outside the target-group clusters.", hjtj__build_4_7},
    {"4.8",
     "Hjemmetjenestevirksomheter og antall målgrupper per virksomhet, fordelt etter "
     "kommunestørrelser",
     "Home-care enterprises and number of target groups per enterprise, by municipality size",
     POP_ALL, hjtj__build_4_8},
    {"4.9", "Hjemmetjenestevirksomheter i samlemålgruppene, fordelt etter kommunestørrelser",
     "Home-care enterprises in the target-group clusters, by municipality size", POP_ALL,
     hjtj__build_4_9},
    {"4.10",
     "Rene boligbasevirksomheter og antall målgrupper per virksomhet, fordelt etter målgrupper",
     "Pure housing-base enterprises and number of target groups per enterprise, by target group",
     POP_PURE_BOLIG, hjtj__build_4_10},
    {"4.11",
     "Rene ambulerende hjemmetjenestevirksomheter og antall målgrupper per virksomhet, fordelt "
     "etter målgrupper",
     "Pure ambulatory enterprises and number of target groups per enterprise, by target group",
     POP_PURE_AMB, hjtj__build_4_11},
    {"4.12",
     "Rene boligbasevirksomheter med inntil to målgrupper, fordelt etter målgrupper. Diagonal "
     "nedover fra venstre til høyre gir antall virksomheter med kun én målgruppe",
     "Pure housing-base enterprises with at most two target groups, by target groups",
     "Pure housing-base enterprises with one or two target groups.", hjtj__build_4_12},
    {"4.13",
     "Andel rene boligbaseenheter med inntil to målgrupper av alle rene boligbasevirksomheter, "
     "fordelt etter målgrupper. Diagonal nedover fra venstre til høyre gir andelen virksomheter "
     "med kun én målgruppe",
     "Share of pure housing-base enterprises with at most two target groups, by target groups",
     POP_PURE_BOLIG, hjtj__build_4_13},
    {"4.14",
     "Rene ambulerende hjemmetjenestevirksomheter med inntil to målgrupper, fordelt etter "
     "målgrupper. Diagonal nedover fra venstre til høyre gir antall virksomheter med kun én "
     "målgruppe",
     "Pure ambulatory enterprises with at most two target groups, by target groups",
     "Pure ambulatory enterprises with one or two target groups.", hjtj__build_4_14},
    {"4.15",
     "Andel rene ambulerende virksomheter med inntil to målgrupper av alle rene ambulerende "
     "virksomheter, fordelt etter målgrupper. Diagonal nedover fra venstre til høyre gir andelen "
     "virksomheter med kun én målgruppe",
     "Share of pure ambulatory enterprises with at most two target groups, by target groups",
     POP_PURE_AMB, hjtj__build_4_15},
    {"4.16", "Rene boligbasevirksomheter, fordelt etter samlemålgruppene",
     "Pure housing-base enterprises, by target-group cluster", POP_PURE_BOLIG, hjtj__build_4_16},
    {"4.17", "Rene ambulerende hjemmetjenestevirksomheter, fordelt etter samlemålgruppene",
     "Pure ambulatory enterprises, by target-group cluster", POP_PURE_AMB, hjtj__build_4_17},
    {"4.18",
     "Rene ambulerende hjemmetjenestevirksomheter, fordelt etter virksomhetstype og "
     "samlemålgruppene",
     "Pure ambulatory enterprises, by enterprise type and target-group cluster", POP_PURE_AMB,
     hjtj__build_4_18},
    {"4.19",
     "Rene boligbasevirksomheter i samlemålgruppene, fordelt etter kommunestørrelser",
     "Pure housing-base enterprises in the target-group clusters, by municipality size",
     POP_PURE_BOLIG, hjtj__build_4_19},
    {"4.20",
     "Rene ambulerende hjemmetjenestevirksomheter i samlemålgruppene, fordelt etter "
     "kommunestørrelse",
     "Pure ambulatory enterprises in the target-group clusters, by municipality size",
     POP_PURE_AMB, hjtj__build_4_20},
    {"4.21", "Rene boligbaseenheter, fordelt etter målgruppe og kommunestørrelse",
     "Pure housing-base enterprises, by target group and municipality size", POP_PURE_BOLIG,
     hjtj__build_4_21},
    {"4.22",
     "Rene ambulerende hjemmetjenesteenheter, fordelt etter målgruppe og kommunestørrelse",
     "Pure ambulatory enterprises, by target group and municipality size", POP_PURE_AMB,
     hjtj__build_4_22},
    {"4.23", "Hjemmetjenestevirksomheter, fordelt etter virksomhetstype og samlemålgruppe",
     "Home-care enterprises, by enterprise type and target-group cluster", POP_ALL, hjtj__build_4_23},
    {"5.1",
     "Hjemmetjenestevirksomheter med og uten botilbud, fordelt etter virksomhetskategori",
     "Home-care enterprises with and without housing, by enterprise category",
     "Active enterprises in the categories Kun boligbase, two or more home-service types, and "
     "combined with another service type.",
     hjtj__build_5_1},
    {"5.2", "Boenheter i hjemmetjenesten, fordelt etter virksomhetskategori",
     "Housing units in home care, by enterprise category", POP_BOTILBUD, hjtj__build_5_2},
    {"5.3", "Hjemmetjenestevirksomheter med botilbud, fordelt etter virksomhetens størrelse",
     "Home-care enterprises with housing, by size of the enterprise", POP_BOTILBUD, hjtj__build_5_3},
    {"5.4", "Boenheter i hjemmetjenesten, fordelt etter samlemålgruppe",
     "Housing units in home care, by target-group cluster", POP_BOTILBUD, hjtj__build_5_4},
    {"5.5",
     "Hjemmetjenestevirksomheter med boenheter, fordelt etter samlemålgruppe og virksomhetens "
     "størrelse",
     "Home-care enterprises with housing units, by target-group cluster and size of the "
     "enterprise",
     POP_BOTILBUD, hjtj__build_5_5},
    {"5.6", "Boenheter i hjemmetjenesten, fordelt etter kommunestørrelse",
     "Housing units in home care, by municipality size", POP_BOTILBUD, hjtj__build_5_6},
    {"C1", "Antall virksomheter i alle kombinasjoner av målgrupper i samlemålgruppene",
     "Number of enterprises in every combination of target groups, by target-group cluster",
     POP_ALL, hjtj__build_C1},
};

const size_t hjtj__table_ndefs = sizeof hjtj__table_defs / sizeof hjtj__table_defs[0];

/* ------------------------------------------------------------------ */
/* Tables as declarations                                              */
/* ------------------------------------------------------------------ */

hjtj_status hjtj__xt_count_decl(xtab *x, const hjtj_register *reg, const xdecl *d)
{
    xresult r;
    hjtj_error err;
    hjtj_status st;
    size_t i, k;
    memset(x, 0, sizeof *x);
    st = hjtj__xrun(&r, reg, d, &err);
    if (st != HJTJ_OK)
        return st;
    if (r.rows.n > XT_MAXCLS || r.cols.n > XT_MAXCOL) {
        hjtj__xresult_free(&r);
        return HJTJ_ERR_LIMIT;
    }
    /* a closed list's classes are listed in code order: position = class */
    for (i = 0; i < r.R; i++) {
        size_t xi = i + 1 == r.R ? XT_TOTAL : i, c = i * r.C + r.C - 1;
        x->n[xi] = r.cnt[c];
        x->sum[xi] = r.sum[c];
        x->med2[xi] = r.hasmed[c] ? r.med2[c] : 0;
        for (k = 0; k + 1 < r.C; k++)
            x->c[xi][k] = r.cnt[i * r.C + k];
    }
    hjtj__xresult_free(&r);
    return HJTJ_OK;
}

hjtj_status hjtj__xt_pairs_decl(hjtj_table *t, const hjtj_register *reg, const xdecl *d,
                                uint32_t premask, const xrows *items, int share)
{
    rstore own;
    const rstore *s;
    xpairs c;
    uint32_t mask = 0;
    size_t i, a;
    hjtj_status st = hjtj__decl_keys(reg, d, &own, &s);
    if (st != HJTJ_OK)
        return st;
    memset(&c, 0, sizeof c);
    for (a = 0; a < items->n; a++)
        mask |= BIT(items->cls[a]);
    for (i = 0; i < s->n; i++) {
        int64_t w = (int64_t)s->w[i];
        uint32_t set = s->key[i * RED_NFN] & 0x7fffffffu & premask, lo, rest;
        c.all += w;
        rest = set & (set - 1); /* without the lowest item */
        if (set == 0 || (set & ~mask) || (rest & (rest - 1)))
            continue; /* no item, another one, or more than two */
        lo = (uint32_t)xt_low_bit(set);
        c.cnt[rest ? (uint32_t)xt_low_bit(rest) : lo][lo] += w;
        c.pairs += w;
    }
    hjtj__rstore_free(&own);
    hjtj__xt_pairs_emit(t, &c, items, share);
    return HJTJ_OK;
}
