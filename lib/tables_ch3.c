/* tables_ch3.c — Tables 3.2–3.23: enterprise types and categories,
 * ownership, personnel exchange and municipality size. */
#include "codes.h"
#include "reduce.h"
#include "table.h"
#include "protect.h"
#include "crosstab.h"
#include "tables_common.h"

#include <stdlib.h>

#define KAT(x) BIT(HJTJ_KAT_##x)

/* ---- the populations, as declarations (tables_common.h) ---- */

#define KAT_ALL (BIT(HJTJ_KAT_ADMINISTRASJON + 1) - 1u)
/* the population of eierskap e, enetiltak excluded */
static inline xdecl base_eier(int e, int rows, int cols)
{
    return xd_where(xd_where(xd_of(rows, cols), HJTJ_FIELD_EIERSKAP, BIT(e)), HJTJ_FIELD_KATEGORI,
                    KAT_ALL & ~KAT(ENETILTAK));
}
#define BASE_KOMM(rows, cols) base_eier(HJTJ_EIERSKAP_KOMMUNAL, (rows), (cols))

/* ---- shared layouts ---- */

static const xcol antall_andel[] = {{"antall", XC_N, 0}, {"andel", XC_SHARE_N, 0}};

/* A distribution table: rows, "antall" and "andel" of the total. */
static inline hjtj_status distribution(hjtj_table *t, const hjtj_register *reg,
                                       const char *stub, xdecl d, const xrows *rows,
                                       uint32_t optional)
{
    const xlayout L = {stub, rows, 0, optional, "Totalt", NULL, XCOLS(antall_andel), 0};
    return xt_decl_table(t, reg, d, &L);
}

/* A category table (rows kategori), with the values of the column classes. */
static inline hjtj_status by_kategori(hjtj_table *t, const hjtj_register *reg, xdecl d,
                                      const xcol *c, size_t nc, uint32_t optional,
                                      unsigned flags)
{
    const xlayout L = {"virksomhetskategori", &hjtj__xr_kategori, KAT(ENETILTAK), optional, "Totalt",
                       NULL, c, nc, flags};
    return xt_decl_table(t, reg, d, &L);
}

/* The labels of a yes/no split. */
typedef struct yes_no_labels {
    const char *nb[2], *en[2], *code[2];
} yes_no_labels;

/* A yes/no split of the 0/1 field andre_kommuner (1 = yes, printed first). */
static inline hjtj_status yes_no_d(hjtj_table *t, const hjtj_register *reg, const char *stub,
                                   xdecl d, const yes_no_labels *labels)
{
    static const int8_t cls[] = {1, 0};
    const xrows rows = {-1, cls, 2, labels->nb, labels->en, labels->code};
    return distribution(t, reg, stub, d, &rows, 0);
}

/* ---- 3.2–3.8: distributions ---- */

hjtj_status hjtj__build_3_2(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_HOVED_RENE_BRUKERRETTEDE, HJTJ_HOVED_KOMBINERT_ANNEN,
                                 HJTJ_HOVED_ADMINISTRASJON};
    static const xrows rows = XROWS(HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE, cls, NULL, NULL, NULL);
    static const xcol cols[] = {{"antall", XC_N, 0}, {"andel_av_alle_i_drift", XC_SHARE_N, 0}};
    static const xlayout L = {"hovedvirksomhetstype", &rows, 0, 0, "Totalt", NULL, XCOLS(cols),
                              0};
    return xt_decl_table(t, reg, xd_of(HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE, -1), &L);
}

hjtj_status hjtj__build_3_3(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_HT_KUN_BOLIGBASE,  HJTJ_HT_KUN_AMB_HELSE,
                                 HJTJ_HT_KUN_AMB_PRAKTISK, HJTJ_HT_KUN_AMB_BEGGE,
                                 HJTJ_HT_KUN_BPA,        HJTJ_HT_KUN_ANNEN_HJEMMETJENESTE,
                                 HJTJ_HT_ENETILTAK,      HJTJ_HT_TO_TYPER,
                                 HJTJ_HT_TRE_ELLER_FLERE};
    static const xrows rows = XROWS(HJTJ_FIELD_HT_SAMMENSETNING, cls, NULL, NULL, NULL);
    return distribution(t, reg, "virksomhetskategori",
                        XD_HOVED(HJTJ_HOVED_RENE_BRUKERRETTEDE, HJTJ_FIELD_HT_SAMMENSETNING, -1),
                          &rows, BIT(HJTJ_HT_KUN_ANNEN_HJEMMETJENESTE));
}

hjtj_status hjtj__build_3_4(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_TYPE_BOLIGBASE, HJTJ_TYPE_AMB_HELSE,
                                 HJTJ_TYPE_AMB_PRAKTISK, HJTJ_TYPE_BPA,
                                 HJTJ_TYPE_ANNEN_HJEMMETJENESTE, HJTJ_TYPE_ENETILTAK};
    static const char *const nb[] = {"Boligbase", "Amb. helsetjenester", "Amb. praktisk bistand",
                                     "BPA", "Annen hjemmetjeneste", "Enetiltak"};
    static const xrows items = XROWS(HJTJ_FIELD_VIRKSOMHETSTYPE, cls, nb, NULL, NULL);
    const xdecl d =
        XD_HOVED(HJTJ_HOVED_RENE_BRUKERRETTEDE, HJTJ_FIELD_VIRKSOMHETSTYPE, -1);
    return hjtj__xt_pairs_decl(t, reg, &d, TYPES_HT, &items, 0);
}

BUILD_AS(3_5, distribution, "virksomhetskategori", xd_of(HJTJ_FIELD_KATEGORI, -1),
         &hjtj__xr_kategori, KAT(KUN_ANNEN_HJEMMETJENESTE))

hjtj_status hjtj__build_3_6(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_AT_KUN_BARNEBOLIG_AVLASTNING, HJTJ_AT_KUN_SYKEHJEM,
                                 HJTJ_AT_KUN_DAGAKTIVITET, HJTJ_AT_KUN_ANNEN_VIRKSOMHET,
                                 HJTJ_AT_TO_ELLER_FLERE};
    static const xrows rows = XROWS(HJTJ_FIELD_AT_SAMMENSETNING, cls, NULL, NULL, NULL);
    return distribution(t, reg, "virksomhetskategori",
                        XD_HOVED(HJTJ_HOVED_KOMBINERT_ANNEN, HJTJ_FIELD_AT_SAMMENSETNING, -1),
                          &rows, 0);
}

hjtj_status hjtj__build_3_7(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_KAT_KUN_BOLIGBASE, HJTJ_KAT_KUN_AMB_HELSE,
                                 HJTJ_KAT_KUN_AMB_PRAKTISK, HJTJ_KAT_KUN_AMB_BEGGE,
                                 HJTJ_KAT_KUN_BPA, HJTJ_KAT_KUN_ANNEN_HJEMMETJENESTE,
                                 HJTJ_KAT_TO_ELLER_FLERE_HT};
    static const char *const nb[] = {
        "Annen tjenestetype + Kun boligbase",
        "Annen tjenestetype + Kun ambulerende virksomhet - helsetjenester",
        "Annen tjenestetype + Kun ambulerende virksomhet - praktisk bistand",
        /* clang-format off */
        "Annen tjenestetype + Kun ambulerende virksomhet - både helsetjenester og praktisk bistand",
        /* clang-format on */
        "Annen tjenestetype + Brukerstyrt personlig assistanse",
        "Annen tjenestetype + Kun annen hjemmetjeneste",
        "Annen tjenestetype + To eller flere virksomhetstyper i hjemmetjenesten"};
    static const char *const en[] = {
        "Other service type + housing base only",
        "Other service type + ambulatory only - health services",
        "Other service type + ambulatory only - practical assistance",
        "Other service type + ambulatory only - both",
        "Other service type + user-directed personal assistance",
        "Other service type + other home service only",
        "Other service type + two or more home-service types"};
    static const xrows rows = XROWS(HJTJ_FIELD_KATEGORI, cls, nb, en, NULL);
    static const xlayout L = {"virksomhetskategori", &rows, 0, 0, "Totalt", NULL,
                              XCOLS(antall_andel), 0};
    const xdecl d = XD_HOVED(HJTJ_HOVED_KOMBINERT_ANNEN, HJTJ_FIELD_HT_SAMMENSETNING, -1);
    xtab x;
    hjtj_status st = hjtj__xt_count_decl(&x, reg, &d);
    if (st != HJTJ_OK)
        return st;
    /* the HT composition with two and three or more merged, numbered as the
     * categories (the first seven values coincide) */
    xt_move_row(&x, HJTJ_HT_TRE_ELLER_FLERE, HJTJ_HT_TO_TYPER);
    hjtj__xt_emit(t, &x, &L);
    return HJTJ_OK;
}

hjtj_status hjtj__build_3_8(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_ADM_KUN_RESSURSENHET, HJTJ_ADM_KUN_ADMINISTRASJON,
                                 HJTJ_ADM_KUN_BESTILLERKONTOR, HJTJ_ADM_TO_ELLER_FLERE};
    static const xrows rows = XROWS(HJTJ_FIELD_ADM_SAMMENSETNING, cls, NULL, NULL, NULL);
    return distribution(t, reg, "virksomhetskategori",
                        XD_HOVED(HJTJ_HOVED_ADMINISTRASJON, HJTJ_FIELD_ADM_SAMMENSETNING, -1),
                          &rows, 0);
}

/* ---- 3.9, 3.10: categories split in two ---- */

hjtj_status hjtj__build_3_9(hjtj_table *t, const hjtj_register *reg)
{
    static const char *const codes[] = {"antall_virksomheter", "antall_med_admin",
                                        "antall_uten_admin", "andel_med_admin",
                                        "andel_uten_admin"};
    xcol cols[5];
    const xlayout L = {"virksomhetskategori", &hjtj__xr_kategori, KAT(ENETILTAK),
                       KAT(KUN_ANNEN_HJEMMETJENESTE), "Totalt", NULL, cols,
                       hjtj__xcols_split(cols, codes, 2), 0};
    /* the keys hold each record's type set: «med admin.» = an ADM type */
    const xdecl d = xd_where(xd_of(HJTJ_FIELD_KATEGORI, HJTJ_FIELD_VIRKSOMHETSTYPE),
                             HJTJ_FIELD_KATEGORI, KAT_ALL & ~KAT(ENETILTAK));
    rstore own;
    const rstore *s;
    xtab x;
    size_t i;
    hjtj_status st = hjtj__decl_keys(reg, &d, &own, &s);
    if (st != HJTJ_OK)
        return st;
    memset(&x, 0, sizeof x);
    for (i = 0; i < s->n; i++) {
        const uint32_t *k = &s->key[i * RED_NFN];
        hjtj__xt_addw(&x, BIT((k[0] & 0x7fffffffu) - 1), k[1] & TYPES_ADM ? 1u : 2u, 0,
                (int64_t)s->w[i]);
    }
    hjtj__rstore_free(&own);
    hjtj__xt_emit(t, &x, &L);
    return HJTJ_OK;
}

hjtj_status hjtj__build_3_10(hjtj_table *t, const hjtj_register *reg)
{
    static const char *const codes[] = {"antall", "antall_kommunale", "antall_private",
                                        "andel_kommunale", "andel_private"};
    xcol cols[5];
    const xlayout L = {"virksomhetskategori", &hjtj__xr_kategori, 0, KAT(KUN_ANNEN_HJEMMETJENESTE),
                       "Totalt", NULL, cols, hjtj__xcols_split(cols, codes, 2), 0};
    return xt_decl_table(t, reg, xd_of(HJTJ_FIELD_KATEGORI, HJTJ_FIELD_EIERSKAP), &L);
}

/* ---- 3.11–3.17: personnel exchange and cooperation ---- */

static const yes_no_labels exchange_labels = {
    {"Med utveksling av personell", "Uten utveksling av personell"},
    {"With exchange of personnel", "Without exchange of personnel"},
    {"med-utveksling", "uten-utveksling"}};
static const yes_no_labels cooperation_labels = {
    {"Har kommunalt samarbeid", "Har ikke kommunalt samarbeid"},
    {"Cooperates with other municipalities", "Does not cooperate with other municipalities"},
    {"har-samarbeid", "har-ikke-samarbeid"}};
static const yes_no_labels sales_labels = {
    {"Med", "Uten"},
    {"Sells to other municipalities", "Does not sell to other municipalities"},
    {"med", "uten"}};

hjtj_status hjtj__build_3_11(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {0, 1};
    const xrows rows = {-1, cls, 2, exchange_labels.nb, exchange_labels.en,
                        exchange_labels.code};
    const xlayout L = {"utveksling_av_personell", &rows, 0, 0, "Totalt", NULL,
                       XCOLS(antall_andel), 0};
    const xdecl d = BASE_KOMM(HJTJ_FIELD_PERSONELLUTVEKSLING, -1);
    xtab x;
    hjtj_status st = hjtj__xt_count_decl(&x, reg, &d);
    if (st != HJTJ_OK)
        return st;
    /* with exchange: receives and/or provides (classes 0-2), row 0; without: row 1 */
    xt_move_row(&x, HJTJ_PU_KUN_LEVERER, HJTJ_PU_MOTTAR_OG_LEVERER);
    xt_move_row(&x, HJTJ_PU_KUN_MOTTAR, HJTJ_PU_MOTTAR_OG_LEVERER);
    xt_move_row(&x, HJTJ_PU_INGEN, 1);
    hjtj__xt_emit(t, &x, &L);
    return HJTJ_OK;
}

hjtj_status hjtj__build_3_12(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_PU_MOTTAR_OG_LEVERER, HJTJ_PU_KUN_LEVERER,
                                 HJTJ_PU_KUN_MOTTAR};
    static const xrows rows = XROWS(HJTJ_FIELD_PERSONELLUTVEKSLING, cls, NULL, NULL, NULL);
    return distribution(t, reg, "personellbistand",
                          xd_where(BASE_KOMM(HJTJ_FIELD_PERSONELLUTVEKSLING, -1),
                                   HJTJ_FIELD_PERSONELLUTVEKSLING,
                                   BIT(HJTJ_PU_MOTTAR_OG_LEVERER) | BIT(HJTJ_PU_KUN_LEVERER) |
                                       BIT(HJTJ_PU_KUN_MOTTAR)),
                          &rows, 0);
}

/* 3.13: the count is of municipal non-enetiltak enterprises with exchange,
 * the share's base all enterprises of the category (KNOWN_ISSUES A5). */
hjtj_status hjtj__build_3_13(hjtj_table *t, const hjtj_register *reg)
{
    static const xcol cols[] = {{"antall", XC_COUNT, 0}, {"andel", XC_SHARE, 0}};
    static const xlayout L = {"virksomhetskategori", &hjtj__xr_kategori, KAT(ENETILTAK),
                              KAT(KUN_ANNEN_HJEMMETJENESTE), "Totalt", NULL, XCOLS(cols), 0};
    /* the rows: every enterprise of the category; column 0: those of 3.12 */
    const xdecl all = xd_of(HJTJ_FIELD_KATEGORI, -1);
    const xdecl ex = xd_where(BASE_KOMM(HJTJ_FIELD_KATEGORI, -1), HJTJ_FIELD_PERSONELLUTVEKSLING,
                              BIT(HJTJ_PU_MOTTAR_OG_LEVERER) | BIT(HJTJ_PU_KUN_LEVERER) |
                                  BIT(HJTJ_PU_KUN_MOTTAR));
    xtab x, y;
    int i;
    hjtj_status st = hjtj__xt_count_decl(&x, reg, &all);
    if (st == HJTJ_OK)
        st = hjtj__xt_count_decl(&y, reg, &ex);
    if (st != HJTJ_OK)
        return st;
    for (i = 0; i <= XT_TOTAL; i++)
        x.c[i][0] = y.n[i];
    hjtj__xt_emit(t, &x, &L);
    if (t->nrows > 0) {
        t->n = hjtj_table_cell_int(t, t->nrows - 1, 1);
        hjtj__grid_n(t, HJTJ__P_NONE, 1); /* N: the total row's count (grid column 1) */
    }
    return st;
}

static const xcol mottar_cols[] = {{"totalt", XC_N, 0},   {"sykehjem", XC_COUNT, 0},
                                   {"boligbase", XC_COUNT, 1}, {"amb_hjtj", XC_COUNT, 2},
                                   {"annen", XC_COUNT, 3}};
static const xcol leverer_cols[] = {{"totalt", XC_N, 0},
                                    {"sykehjem", XC_COUNT, 0},
                                    {"dagsenter", XC_COUNT, 1},
                                    {"barnebolig_avlastningsbolig", XC_COUNT, 2},
                                    {"annen", XC_COUNT, 3}};

/* 3.14/3.15: zero cells empty, categories without enterprises left out. */
BUILD_AS(3_14, by_kategori,
         xd_where(BASE_KOMM(HJTJ_FIELD_KATEGORI, HJTJ_FIELD_MOTTAR_FRA), HJTJ_FIELD_MOTTAR_FRA,
                  0xfu),
         XCOLS(mottar_cols), ~0u, XL_ZERO_EMPTY)
BUILD_AS(3_15, by_kategori,
         xd_where(BASE_KOMM(HJTJ_FIELD_KATEGORI, HJTJ_FIELD_LEVERER_TIL), HJTJ_FIELD_LEVERER_TIL,
                  0xfu),
         XCOLS(leverer_cols), ~0u, XL_ZERO_EMPTY)

BUILD_AS(3_16, yes_no_d, "kommunalt_samarbeid", BASE_KOMM(HJTJ_FIELD_ANDRE_KOMMUNER, -1),
         &cooperation_labels)
BUILD_AS(3_17, yes_no_d, "salg_til_andre_kommuner_enn_lokaliseringskommunen",
         base_eier(HJTJ_EIERSKAP_PRIVAT, HJTJ_FIELD_ANDRE_KOMMUNER, -1), &sales_labels)

/* ---- 3.18–3.23: municipality size ---- */

hjtj_status hjtj__build_3_18(hjtj_table *t, const hjtj_register *reg)
{
    static const xcol cols[] = {
        {"kommuner", XC_COUNT, 0}, {"antall", XC_N, 0}, {"andel", XC_SHARE_N, 0}};
    static const xlayout L = {"kommunestorrelse", &hjtj__xr_storrelse, 0, 0, "Totalt", NULL,
                              XCOLS(cols), 0};
    xtab x, k;
    int i;
    const xdecl d = xd_of(HJTJ_FIELD_KOMMUNESTORRELSE, -1);
    hjtj_status st = hjtj__xt_count_decl(&x, reg, &d);
    if (st != HJTJ_OK)
        return st;
    hjtj__xt_kommuner(&k, reg, NULL);
    for (i = 0; i <= XT_TOTAL; i++)
        x.c[i][0] = k.n[i];
    x.notcount = BIT(0); /* municipalities: public, not protected */
    hjtj__xt_emit(t, &x, &L);
    return HJTJ_OK;
}

/* 3.20 and 3.23: shares of the categories. */
static const xcol kategori_shares[] = {
    {"totalt", XC_N, 0},
    {"andel_kun_boligbase", XC_SHARE, HJTJ_KAT_KUN_BOLIGBASE},
    {"andel_kun_amb_helsetjenester", XC_SHARE, HJTJ_KAT_KUN_AMB_HELSE},
    {"andel_kun_amb_praktisk_bistand", XC_SHARE, HJTJ_KAT_KUN_AMB_PRAKTISK},
    {"andel_kun_amb_helsetjenester_og_praktisk_bistand", XC_SHARE, HJTJ_KAT_KUN_AMB_BEGGE},
    {"andel_kun_bpa", XC_SHARE, HJTJ_KAT_KUN_BPA},
    {"andel_kun_annen_hjemmetjeneste", XC_SHARE_OPT, HJTJ_KAT_KUN_ANNEN_HJEMMETJENESTE},
    {"andel_enetiltak", XC_SHARE, HJTJ_KAT_ENETILTAK},
    {"andel_kun_hjtj_2pluss_virksomhetstyper", XC_SHARE, HJTJ_KAT_TO_ELLER_FLERE_HT},
    {"andel_hjemmetjeneste_kombinert_med_annen_tjenestetype", XC_SHARE,
     HJTJ_KAT_KOMBINERT_ANNEN},
    {"andel_administrasjon_og_service_mv", XC_SHARE, HJTJ_KAT_ADMINISTRASJON}};

/* 3.19/3.20: the share of the municipalities of each size class with at
 * least one municipal enterprise of the population in class k: the
 * declarations dk[k] (by kommune) for k in 0..n-1, or with n = 1 one
 * declaration by kommune and by class (its column value). */
static hjtj_status kommuner_with(hjtj_table *t, const hjtj_register *reg, const xdecl *dk,
                                 int n, const xcol *cols, size_t ncols)
{
    const xlayout L = {"kommunestorrelse", &hjtj__xr_storrelse, 0, 0, "Totalt", NULL, cols, ncols, 0,
                       "kommuner_totalt"};
    uint8_t *has = calloc(hjtj__reg_kommuner(reg)->n ? hjtj__reg_kommuner(reg)->n : 1, 1);
    rstore own;
    const rstore *s;
    xtab x;
    size_t i;
    int k;
    hjtj_status st = HJTJ_OK;
    if (has == NULL)
        return HJTJ_ERR_NOMEM;
    for (k = 0; k < n && st == HJTJ_OK; k++) {
        st = hjtj__decl_keys(reg, &dk[k], &own, &s);
        for (i = 0; st == HJTJ_OK && i < s->n; i++) {
            uint32_t nr = (s->key[i * RED_NFN] & 0x7fffffffu) - 1;
            int32_t ki = nr < 10000 && hjtj__reg_kommuner(reg)->index ? hjtj__reg_kommuner(reg)->index[nr] : -1;
            /* one declaration per class k, or one by kommune and the class */
            if (ki >= 0)
                has[ki] |= (uint8_t)(n > 1 ? BIT(k) : BIT(s->key[i * RED_NFN + 1] - 1));
        }
        if (st == HJTJ_OK)
            hjtj__rstore_free(&own);
    }
    if (st != HJTJ_OK) {
        free(has);
        return st;
    }
    hjtj__xt_kommuner(&x, reg, has);
    free(has);
    hjtj__xt_emit(t, &x, &L);
    return HJTJ_OK;
}

/* The municipal enterprises whose field has class c, by kommune. */
static xdecl komm_with(int field, int c)
{
    return xd_where(xd_where(xd_of(HJTJ_FIELD_KOMMUNE, -1), HJTJ_FIELD_EIERSKAP,
                             BIT(HJTJ_EIERSKAP_KOMMUNAL)),
                    field, BIT(c));
}

hjtj_status hjtj__build_3_19(hjtj_table *t, const hjtj_register *reg)
{
    static const xcol cols[] = {{"kommuner_totalt", XC_N, 0},
                                {"andel_boligbase", XC_SHARE, HJTJ_TYPE_BOLIGBASE},
                                {"andel_amb_helsetjenester", XC_SHARE, HJTJ_TYPE_AMB_HELSE},
                                {"andel_amb_praktisk_bistand", XC_SHARE, HJTJ_TYPE_AMB_PRAKTISK}};
    xdecl d[3];
    int k;
    for (k = 0; k < 3; k++) /* boligbase, amb-helse, amb-praktisk: the types 0-2 */
        d[k] = komm_with(HJTJ_FIELD_VIRKSOMHETSTYPE, k);
    return kommuner_with(t, reg, d, 3, XCOLS(cols));
}

/* The pure categories Kun boligbase and Kun ambulerende (3 kinds). */
hjtj_status hjtj__build_3_20(hjtj_table *t, const hjtj_register *reg)
{
    /* Kun boligbase and the three Kun ambulerende (0-3), by kommune and kategori */
    const xdecl d = xd_where(xd_where(xd_of(HJTJ_FIELD_KOMMUNE, HJTJ_FIELD_KATEGORI),
                                      HJTJ_FIELD_EIERSKAP, BIT(HJTJ_EIERSKAP_KOMMUNAL)),
                             HJTJ_FIELD_KATEGORI,
                             KAT(KUN_BOLIGBASE) | KAT(KUN_AMB_HELSE) | KAT(KUN_AMB_PRAKTISK) |
                                 KAT(KUN_AMB_BEGGE));
    return kommuner_with(t, reg, &d, 1, kategori_shares, 5);
}

BUILD_AS(3_21, distribution, "kommunestorrelse",
         XD_PURE_BOLIG(HJTJ_FIELD_KOMMUNESTORRELSE, -1), &hjtj__xr_storrelse, 0)
BUILD_AS(3_22, distribution, "kommunestorrelse", XD_PURE_AMB(HJTJ_FIELD_KOMMUNESTORRELSE, -1),
         &hjtj__xr_storrelse, 0)

hjtj_status hjtj__build_3_23(hjtj_table *t, const hjtj_register *reg)
{
    static const xlayout L = {"kommunestorrelse", &hjtj__xr_storrelse, 0, 0, "Totalt", NULL,
                              XCOLS(kategori_shares), 0, NULL};
    return xt_decl_table(t, reg, xd_of(HJTJ_FIELD_KOMMUNESTORRELSE, HJTJ_FIELD_KATEGORI), &L);
}
