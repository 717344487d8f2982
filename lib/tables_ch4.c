/* tables_ch4.c — Tables 4.3–4.23 and C1: målgrupper and samlemålgrupper. */
#include "codes.h"
#include "reduce.h"
#include "table.h"
#include "protect.h"
#include "crosstab.h"
#include "tables_common.h"

#include <stdlib.h>
#include <string.h>


/* ---- row sets ---- */

/* 4.3, 4.10, 4.11: Annen before Ingen. */
static const int8_t mg_rows_cls[] = {HJTJ_MG_DEMENS,
                                     HJTJ_MG_BEVEGELSE_0_66,
                                     HJTJ_MG_BEVEGELSE_67,
                                     HJTJ_MG_UTVIKLINGSHEMNING,
                                     HJTJ_MG_PSYKISKE_LIDELSER,
                                     HJTJ_MG_RUSPROBLEMER,
                                     HJTJ_MG_ANNEN,
                                     HJTJ_MG_INGEN};
static const xrows mg_rows = XROWS(HJTJ_FIELD_MALGRUPPE, mg_rows_cls, NULL, NULL, NULL);

/* 4.4, 4.5, 4.12–4.15: the six main målgrupper and Annen (Ingen never). */
static const xrows mg_pair_items = {HJTJ_FIELD_MALGRUPPE, mg_rows_cls, 7, NULL, NULL, NULL};

/* 4.8 and 4.9 print their own size labels. */
static const char *const storrelse_4_8[] = {
    "ASSS-kommuner", "Over 20 000 innbyggere", "10 000 - 20 000 innbyggere",
    "5 000 - 10 000 innbyggere", "Færre enn 5 000 innbyggere"};

/* ---- column sets ---- */

/* N, then counts and shares of one, two, three or more målgrupper. */
static const char *const antall_codes[] = {
    "totalt_antall_virksomheter", "antall_en_malgruppe", "antall_to_malgrupper",
    "antall_tre_eller_flere_malgrupper", "andel_en_malgruppe", "andel_to_malgrupper",
    "andel_tre_eller_flere_malgrupper"};

/* N, then the share of each samlemålgruppe. */
static const xcol samle_cols[] = {
    {"totalt_antall_virksomheter", XC_N, 0},
    {"andel_utviklingshemning_mv", XC_SHARE, HJTJ_SAMLE_UTVIKLINGSHEMNING},
    {"andel_eldre_og_eller_demens", XC_SHARE, HJTJ_SAMLE_ELDRE_DEMENS},
    {"andel_psykisk_og_eller_rus", XC_SHARE, HJTJ_SAMLE_PSYKISK_RUS},
    {"andel_bevegelseshemning", XC_SHARE, HJTJ_SAMLE_BEVEGELSESHEMNING},
    {"andel_utenfor_samlemalgruppene", XC_SHARE, HJTJ_SAMLE_UTENFOR}};

#define NSAMLE_COLS (sizeof samle_cols / sizeof samle_cols[0])

/* A table of the rows of `rows` over base's population, with the value
 * columns `cols` (the first renamed to n_code) by the classes of cols_field. */
static inline hjtj_status table_of(hjtj_table *t, const hjtj_register *reg, xdecl base,
                                   int rows_field, const xrows *rows, const char *stub,
                                   const char *const total[2], int cols_field, const xcol *cols,
                                   size_t ncols, const char *n_code)
{
    const xlayout L = {stub, rows, 0, 0, total[0], total[1], cols, ncols, 0, n_code};
    return xt_decl_table(t, reg, xd_dims(base, rows_field, cols_field), &L);
}

static const char *const totalt[2] = {"Totalt", "Total"};

/* Columns by number of målgrupper. */
static inline hjtj_status antall_table(hjtj_table *t, const hjtj_register *reg, xdecl base,
                                       int rows_field, const xrows *rows, const char *stub,
                                       const char *const total[2], const char *n_code)
{
    xcol cols[7];
    return table_of(t, reg, base, rows_field, rows, stub, total, HJTJ_FIELD_ANTALL_MALGRUPPER,
                    cols, hjtj__xcols_split(cols, antall_codes, 3), n_code);
}

/* Rows by målgruppe (multiple response), columns by number of målgrupper. */
static inline hjtj_status antall_by_mg(hjtj_table *t, const hjtj_register *reg, xdecl base,
                                       const char *n_code)
{
    return antall_table(t, reg, base, HJTJ_FIELD_MALGRUPPE, &mg_rows, "malgruppe", totalt,
                        n_code);
}

/* Rows by size class (own labels), columns by samlemålgruppe. */
static inline hjtj_status samle_by_size(hjtj_table *t, const hjtj_register *reg, xdecl base,
                                        const char *const *labels, const char *n_code)
{
    const xrows rows = {hjtj__xr_storrelse.field, hjtj__xr_storrelse.cls, hjtj__xr_storrelse.n, labels, NULL, NULL};
    return table_of(t, reg, base, HJTJ_FIELD_KOMMUNESTORRELSE, &rows, "kommunestorrelse",
                    hjtj__hele_landet, HJTJ_FIELD_SAMLEMALGRUPPE, samle_cols, NSAMLE_COLS, n_code);
}

/* A distribution over the samlemålgrupper (a declaration, tables_common.h). */
static inline hjtj_status samle_distribution(hjtj_table *t, const hjtj_register *reg, xdecl d,
                                             const char *n_code, const char *share_code)
{
    const xcol cols[] = {{n_code, XC_N, 0}, {share_code, XC_SHARE_N, 0}};
    const xlayout L = {"samlemalgruppe", &hjtj__xr_samle, 0, 0, "Totalt", NULL, XCOLS(cols), 0};
    return xt_decl_table(t, reg, d, &L);
}

/* ---- 4.3–4.6 ---- */

/* The populations of the tables below, as declarations (tables_common.h). */
#define BASE_POP xd_of(-1, -1)
#define BASE_PURE_BOLIG XD_PURE_BOLIG(-1, -1)
#define BASE_PURE_AMB XD_PURE_AMB(-1, -1)

BUILD_AS(4_3, antall_by_mg, BASE_POP, "virksomheter_totalt")
/* The pairs of målgrupper over a population (rows: each record's set). */
static inline hjtj_status mg_pairs(hjtj_table *t, const hjtj_register *reg, xdecl base, int share)
{
    const xdecl d = xd_dims(base, HJTJ_FIELD_MALGRUPPE, -1);
    return hjtj__xt_pairs_decl(t, reg, &d, ~0u, &mg_pair_items, share);
}

BUILD_AS(4_4, mg_pairs, BASE_POP, 0)
BUILD_AS(4_5, mg_pairs, BASE_POP, 1)
BUILD_AS(4_6, samle_distribution, xd_of(HJTJ_FIELD_SAMLEMALGRUPPE, -1), "antall_virksomheter",
         "andel_av_alle")

/* ---- 4.7 and C1: the combinations of målgrupper ---- */

typedef struct combo {
    uint8_t mg;
    int8_t samle;
    int64_t n;
} combo;

/* Number of målgrupper as C1 prints it: the marks, with Ingen as 7. */
static int c1_antall(uint8_t mg)
{
    return (mg & BIT(HJTJ_MG_INGEN)) ? 7 : hjtj__popcount32(mg);
}

/* C1's order: samlemålgruppe; count descending; number of målgrupper
 * ascending; the marks in column order, a mark before a blank. */
static int combo_cmp(const void *pa, const void *pb)
{
    const combo *a = pa, *b = pb;
    int i;
    if (a->samle != b->samle)
        return a->samle < b->samle ? -1 : 1;
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    if (c1_antall(a->mg) != c1_antall(b->mg))
        return c1_antall(a->mg) < c1_antall(b->mg) ? -1 : 1;
    for (i = 0; i < HJTJ_NMALGRUPPER; i++)
        if ((a->mg ^ b->mg) & BIT(i))
            return (a->mg & BIT(i)) ? -1 : 1;
    return 0;
}

/* The combinations present in the population, in C1's order. */
static hjtj_status combos(const hjtj_register *reg, combo out[256], size_t *nout)
{
    /* the declaration's keys hold each record's målgruppe set and samlemålgruppe */
    const xdecl d = xd_of(HJTJ_FIELD_MALGRUPPE, HJTJ_FIELD_SAMLEMALGRUPPE);
    rstore own;
    const rstore *s;
    int64_t n[256];
    int8_t samle[256];
    size_t i, k = 0;
    hjtj_status st = hjtj__decl_keys(reg, &d, &own, &s);
    if (st != HJTJ_OK)
        return st;
    memset(n, 0, sizeof n);
    memset(samle, 0, sizeof samle);
    for (i = 0; i < s->n; i++) {
        uint32_t mg = s->key[i * RED_NFN] & 0xffu;
        n[mg] += (int64_t)s->w[i];
        samle[mg] = (int8_t)(s->key[i * RED_NFN + 1] - 1);
    }
    hjtj__rstore_free(&own);
    for (i = 0; i < 256; i++)
        if (n[i] > 0) {
            out[k].mg = (uint8_t)i;
            out[k].samle = samle[i];
            out[k].n = n[i];
            k++;
        }
    qsort(out, k, sizeof *out, combo_cmp);
    *nout = k;
    return HJTJ_OK;
}

static const char *const mark_codes[HJTJ_NMALGRUPPER] = {
    "demens", "bevegelseshemning_0_66", "bevegelseshemning_67pluss", "utviklingshemning_mv",
    "psykiske_lidelser", "rusproblemer", "ingen_malgruppe", "annen_malgruppe"};

/* The eight mark columns from column j0 on. */
static void mark_cols(hjtj_table *t, size_t j0)
{
    int m;
    for (m = 0; m < HJTJ_NMALGRUPPER; m++)
        hjtj__tb_col(t, j0 + (size_t)m, mark_codes[m], hjtj_label(HJTJ_FIELD_MALGRUPPE, m, HJTJ_LANG_NB),
               hjtj_label(HJTJ_FIELD_MALGRUPPE, m, HJTJ_LANG_EN));
}

static void mark_cells(hjtj_table *t, size_t row, size_t j0, uint8_t mg)
{
    int m;
    for (m = 0; m < HJTJ_NMALGRUPPER; m++)
        if (mg & BIT(m))
            hjtj__tb_text(t, row, j0 + (size_t)m, "x");
}

/* The målgruppe codes (sep "+") or labels (sep "; ") of a set. */
static void mg_join(char *out, size_t cap, uint8_t mg, const char *sep, int labels)
{
    size_t len = 0;
    int m;
    out[0] = '\0';
    for (m = 0; m < HJTJ_NMALGRUPPER; m++)
        if (mg & BIT(m)) {
            const char *s = labels ? hjtj_label(HJTJ_FIELD_MALGRUPPE, m, HJTJ_LANG_NB)
                                   : hjtj_code(HJTJ_FIELD_MALGRUPPE, m);
            int w = snprintf(out + len, cap - len, "%s%s", len ? sep : "", s);
            if (w < 0 || (size_t)w >= cap - len)
                break;
            len += (size_t)w;
        }
}

hjtj_status hjtj__build_4_7(hjtj_table *t, const hjtj_register *reg)
{
    combo c[256];
    size_t n, i, shown = 0;
    hjtj_status st = combos(reg, c, &n);
    if (st != HJTJ_OK)
        return st;
    hjtj__tb_begin(t, 12, 1);
    hjtj__tb_col(t, 0, "kombinasjon", "Kombinasjon", "Combination");
    hjtj__tb_col(t, 1, "antall_enheter", "Antall enheter", "Enterprises");
    mark_cols(t, 2);
    hjtj__tb_col(t, 10, "malgrupper", "Målgrupper", "Target groups");
    hjtj__tb_col(t, 11, "antall_avkryssede_malgrupper", "Antall avkryssede målgrupper",
           "Number of target groups ticked");
    t->n = 0;
    for (i = 0; i < n; i++) {
        char code[16], label[16], list[512];
        size_t row;
        if (c[i].samle != HJTJ_SAMLE_UTENFOR)
            continue;
        t->n += c[i].n;
        if (shown == 10)
            continue;
        shown++;
        snprintf(code, sizeof code, "k%zu", shown);
        snprintf(label, sizeof label, "K%zu", shown);
        row = hjtj__tb_row(t, code, label, label);
        hjtj__tb_count(t, row, 1, c[i].n);
        mark_cells(t, row, 2, c[i].mg);
        mg_join(list, sizeof list, c[i].mg, "; ", 1);
        hjtj__tb_text(t, row, 10, list);
        hjtj__tb_count(t, row, 11, hjtj__popcount32(c[i].mg));
    }
    hjtj__grid_from_column(t, 1, HJTJ__P_NONE); /* N: the whole Utenfor block */
    return HJTJ_OK;
}

hjtj_status hjtj__build_C1(hjtj_table *t, const hjtj_register *reg)
{
    combo c[256];
    size_t n, i;
    hjtj_status st = combos(reg, c, &n);
    if (st != HJTJ_OK)
        return st;
    hjtj__tb_begin(t, 11, 1);
    hjtj__tb_col(t, 0, "samlemalgruppe", "Samlemålgruppe", "Target-group cluster");
    mark_cols(t, 1);
    hjtj__tb_col(t, 9, "antall_malgrupper", "Antall målgrupper", "Number of target groups");
    hjtj__tb_col(t, 10, "virksomheter", "Virksomheter", "Enterprises");
    t->n = 0;
    for (i = 0; i < n; i++) {
        char code[160];
        size_t row, len;
        snprintf(code, sizeof code, "%s:", hjtj_code(HJTJ_FIELD_SAMLEMALGRUPPE, c[i].samle));
        len = strlen(code);
        mg_join(code + len, sizeof code - len, c[i].mg, "+", 0);
        row = hjtj__tb_row(t, code, hjtj_label(HJTJ_FIELD_SAMLEMALGRUPPE, c[i].samle, HJTJ_LANG_NB),
                     hjtj_label(HJTJ_FIELD_SAMLEMALGRUPPE, c[i].samle, HJTJ_LANG_EN));
        mark_cells(t, row, 1, c[i].mg);
        hjtj__tb_count(t, row, 9, c1_antall(c[i].mg));
        hjtj__tb_count(t, row, 10, c[i].n);
        t->n += c[i].n;
    }
    hjtj__grid_from_column(t, 10, HJTJ__P_NONE);
    return HJTJ_OK;
}

/* ---- 4.8–4.23 ---- */

hjtj_status hjtj__build_4_8(hjtj_table *t, const hjtj_register *reg)
{
    const xrows rows = {hjtj__xr_storrelse.field, hjtj__xr_storrelse.cls, hjtj__xr_storrelse.n, storrelse_4_8,
                        NULL, NULL};
    return antall_table(t, reg, BASE_POP, HJTJ_FIELD_KOMMUNESTORRELSE, &rows, "kommunestorrelse",
                        hjtj__hele_landet, "totalt_antall_virksomheter");
}

BUILD_AS(4_9, samle_by_size, BASE_POP, storrelse_4_8, "totalt_antall_virksomheter")
BUILD_AS(4_10, antall_by_mg, BASE_PURE_BOLIG, "totalt_antall_virksomheter")
BUILD_AS(4_11, antall_by_mg, BASE_PURE_AMB, "totalt_antall_virksomheter")
BUILD_AS(4_12, mg_pairs, BASE_PURE_BOLIG, 0)
BUILD_AS(4_13, mg_pairs, BASE_PURE_BOLIG, 1)
BUILD_AS(4_14, mg_pairs, BASE_PURE_AMB, 0)
BUILD_AS(4_15, mg_pairs, BASE_PURE_AMB, 1)
BUILD_AS(4_16, samle_distribution, XD_PURE_BOLIG(HJTJ_FIELD_SAMLEMALGRUPPE, -1), "antall",
         "andel")
BUILD_AS(4_17, samle_distribution, XD_PURE_AMB(HJTJ_FIELD_SAMLEMALGRUPPE, -1), "antall", "andel")

hjtj_status hjtj__build_4_18(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_KAT_KUN_AMB_HELSE, HJTJ_KAT_KUN_AMB_PRAKTISK,
                                 HJTJ_KAT_KUN_AMB_BEGGE};
    static const char *const nb[] = {"Kun amb hjtj - helsetjenester",
                                     "Kun amb hjtj - praktisk bistand",
                                     "Kun amb hjtj - både helsetjenester og praktisk bistand"};
    static const xrows rows = XROWS(HJTJ_FIELD_KATEGORI, cls, nb, NULL, NULL);
    return table_of(t, reg, BASE_PURE_AMB, HJTJ_FIELD_KATEGORI, &rows, "virksomhetskategori",
                    totalt, HJTJ_FIELD_SAMLEMALGRUPPE, samle_cols, NSAMLE_COLS,
                    "totalt_antall_virksomheter");
}

BUILD_AS(4_19, samle_by_size, BASE_PURE_BOLIG, NULL, "totalt_antall_virksomheter")
BUILD_AS(4_20, samle_by_size, BASE_PURE_AMB, NULL, "totalt")

/* 4.21/4.22: the share of each målgruppe, each under its own label
 * (KNOWN_ISSUES A4). */
static inline hjtj_status mg_by_size(hjtj_table *t, const hjtj_register *reg, xdecl base)
{
    static const xcol cols[] = {{"totalt_antall_virksomheter", XC_N, 0},
                                {"andel_demens", XC_SHARE, HJTJ_MG_DEMENS},
                                {"andel_bevegelseshemning_0_66", XC_SHARE, HJTJ_MG_BEVEGELSE_0_66},
                                {"andel_bevegelseshemning_67pluss", XC_SHARE, HJTJ_MG_BEVEGELSE_67},
                                {"andel_utviklingshemning_mv", XC_SHARE, HJTJ_MG_UTVIKLINGSHEMNING},
                                {"andel_psykiske_lidelser", XC_SHARE, HJTJ_MG_PSYKISKE_LIDELSER},
                                {"andel_rusproblemer", XC_SHARE, HJTJ_MG_RUSPROBLEMER},
                                {"andel_ingen_malgruppe", XC_SHARE, HJTJ_MG_INGEN},
                                {"andel_annen_malgruppe", XC_SHARE, HJTJ_MG_ANNEN}};
    return table_of(t, reg, base, HJTJ_FIELD_KOMMUNESTORRELSE, &hjtj__xr_storrelse, "kommunestorrelse",
                    hjtj__hele_landet, HJTJ_FIELD_MALGRUPPE, XCOLS(cols), cols[0].code);
}

BUILD_AS(4_21, mg_by_size, BASE_PURE_BOLIG)
BUILD_AS(4_22, mg_by_size, BASE_PURE_AMB)

/* 4.23: pure enterprises by HT composition (0–8), then combined (9) and
 * administration (10). */
enum { ROW_4_23_KOMBINERT = 9, ROW_4_23_ADM = 10 };

hjtj_status hjtj__build_4_23(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_HT_KUN_BOLIGBASE,
                                 HJTJ_HT_KUN_AMB_HELSE,
                                 HJTJ_HT_KUN_AMB_PRAKTISK,
                                 HJTJ_HT_KUN_AMB_BEGGE,
                                 HJTJ_HT_KUN_BPA,
                                 HJTJ_HT_KUN_ANNEN_HJEMMETJENESTE,
                                 HJTJ_HT_TO_TYPER,
                                 HJTJ_HT_TRE_ELLER_FLERE,
                                 ROW_4_23_KOMBINERT,
                                 HJTJ_HT_ENETILTAK,
                                 ROW_4_23_ADM};
    static const char *const nb[] = {"Kun boligbase",
                                     "Kun amb hjtj - helsetjenester",
                                     "Kun amb hjtj - praktisk bistand",
                                     "Kun amb hjtj - både helsetjenester og praktisk bistand",
                                     "Brukerstyrt personlig assistanse",
                                     "Kun annen hjemmetjeneste",
                                     "To virksomhetstyper innen hjemmetjenesten",
                                     "Tre eller flere virksomhetstyper innen hjemmetjenesten",
                                     "Hjemmetjeneste kombinert med annen tjenestetype",
                                     "Enetiltak",
                                     "Administrasjon med videre"};
    static const char *const en[] = {"Housing base only",
                                     "Ambulatory only - health services",
                                     "Ambulatory only - practical assistance",
                                     "Ambulatory only - both",
                                     "User-directed personal assistance",
                                     "Other home service only",
                                     "Two home-service types",
                                     "Three or more home-service types",
                                     "Home services combined with another service type",
                                     "Single-user arrangement",
                                     "Administration etc."};
    static const char *const code[] = {"kun-boligbase", "kun-amb-helse", "kun-amb-praktisk",
                                       "kun-amb-begge", "kun-bpa", "kun-annen-hjemmetjeneste",
                                       "to-typer", "tre-eller-flere", "kombinert-annen",
                                       "enetiltak", "administrasjon"};
    static const xrows rows = XROWS(-1, cls, nb, en, code);
    const xlayout L = {"virksomhetskategori", &rows, 0, BIT(HJTJ_HT_KUN_ANNEN_HJEMMETJENESTE),
                       "Totalt", NULL, XCOLS(samle_cols), 0};
    /* the pure enterprises by HT composition, then the others by main type */
    const xdecl rene = XD_HOVED(HJTJ_HOVED_RENE_BRUKERRETTEDE, HJTJ_FIELD_HT_SAMMENSETNING,
                                HJTJ_FIELD_SAMLEMALGRUPPE);
    const xdecl andre = xd_where(xd_of(HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE, HJTJ_FIELD_SAMLEMALGRUPPE),
                                 HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE,
                                 BIT(HJTJ_HOVED_KOMBINERT_ANNEN) | BIT(HJTJ_HOVED_ADMINISTRASJON));
    xtab x, y;
    int k;
    hjtj_status st = hjtj__xt_count_decl(&x, reg, &rene);
    if (st == HJTJ_OK)
        st = hjtj__xt_count_decl(&y, reg, &andre);
    if (st != HJTJ_OK)
        return st;
    xt_move_row(&y, HJTJ_HOVED_KOMBINERT_ANNEN, ROW_4_23_KOMBINERT);
    xt_move_row(&y, HJTJ_HOVED_ADMINISTRASJON, ROW_4_23_ADM);
    for (k = ROW_4_23_KOMBINERT; k <= ROW_4_23_ADM; k++) {
        x.n[k] = y.n[k];
        memcpy(x.c[k], y.c[k], sizeof x.c[k]);
    }
    x.n[XT_TOTAL] += y.n[XT_TOTAL];
    for (k = 0; k < XT_MAXCOL; k++)
        x.c[XT_TOTAL][k] += y.c[XT_TOTAL][k];
    hjtj__xt_emit(t, &x, &L);
    return HJTJ_OK;
}
