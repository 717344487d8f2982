/* tables_ch3.c — Tables 3.2–3.23: enterprise types and categories,
 * ownership, personnel exchange and municipality size. */
#include "tables_common.h"

#include <stdlib.h>

#define KAT(x) BIT(HJTJ_KAT_##x)

/* ---- filters ---- */

/* The population's records of one hovedvirksomhetstype. */
#define KEEP_HOVED(name, hoved)                                                 \
    static uint32_t name(const hjtj_record *r)                                 \
    {                                                                          \
        return r->population &&                                                \
               rec_cls(r, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE) == (hoved);         \
    }
KEEP_HOVED(keep_rene, HJTJ_HOVED_RENE_BRUKERRETTEDE)
KEEP_HOVED(keep_kombinert, HJTJ_HOVED_KOMBINERT_ANNEN)
KEEP_HOVED(keep_adm, HJTJ_HOVED_ADMINISTRASJON)

static uint32_t keep_not_enetiltak(const hjtj_record *r)
{
    return r->population && rec_cls(r, HJTJ_FIELD_KATEGORI) != HJTJ_KAT_ENETILTAK;
}

/* 3.11–3.16: municipal, not enetiltak. */
static uint32_t keep_komm(const hjtj_record *r)
{
    return keep_not_enetiltak(r) && r->eierskap == HJTJ_EIERSKAP_KOMMUNAL;
}

static uint32_t keep_komm_exchange(const hjtj_record *r)
{
    return keep_komm(r) && (r->mottar || r->leverer);
}

static uint32_t keep_komm_mottar(const hjtj_record *r)
{
    return keep_komm(r) && r->mottar;
}

static uint32_t keep_komm_leverer(const hjtj_record *r)
{
    return keep_komm(r) && r->leverer;
}

static uint32_t keep_privat(const hjtj_record *r)
{
    return keep_not_enetiltak(r) && r->eierskap == HJTJ_EIERSKAP_PRIVAT;
}

/* ---- dimensions ---- */

static FIELD_DIM(dim_hoved, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE)
static FIELD_DIM(dim_ht, HJTJ_FIELD_HT_SAMMENSETNING)
static FIELD_DIM(dim_at, HJTJ_FIELD_AT_SAMMENSETNING)
static FIELD_DIM(dim_adm, HJTJ_FIELD_ADM_SAMMENSETNING)
static FIELD_DIM(dim_pu, HJTJ_FIELD_PERSONELLUTVEKSLING)

/* 3.7: the HT composition with two and three or more merged, numbered as
 * the categories (the first seven values coincide). */
static uint32_t dim_ht_merged(const hjtj_record *r)
{
    int h = rec_cls(r, HJTJ_FIELD_HT_SAMMENSETNING);
    if (h == HJTJ_HT_TRE_ELLER_FLERE)
        h = HJTJ_HT_TO_TYPER;
    return h < 0 ? 0u : BIT(h);
}

/* 3.4: the home-service types of the record. */
static uint32_t dim_ht_types(const hjtj_record *r)
{
    return r->types & TYPES_HT;
}

/* Two-way splits: class 0 = yes, class 1 = no. */
static uint32_t yes_no(int yes)
{
    return yes ? 1u : 2u;
}

static uint32_t dim_has_admin(const hjtj_record *r)
{
    return yes_no(r->types & TYPES_ADM);
}

static uint32_t dim_exchange(const hjtj_record *r)
{
    return yes_no(r->mottar || r->leverer);
}

static uint32_t dim_andre_kommuner(const hjtj_record *r)
{
    return yes_no(r->andre_kommuner);
}

static uint32_t dim_eierskap(const hjtj_record *r)
{
    return BIT(r->eierskap);
}

static uint32_t dim_mottar(const hjtj_record *r)
{
    return r->mottar;
}

static uint32_t dim_leverer(const hjtj_record *r)
{
    return r->leverer;
}

/* ---- shared layouts ---- */

static const xcol antall_andel[] = {{"antall", XC_N, 0}, {"andel", XC_SHARE_N, 0}};

/* A distribution table: rows, "antall" and "andel" of the total. */
XT_INLINE hjtj_status distribution(hjtj_table *t, const hjtj_register *reg, const char *stub,
                                xdim keep, xdim dim, const xrows *rows, uint32_t optional)
{
    const xlayout L = {stub, rows, 0, optional, "Totalt", NULL, XCOLS(antall_andel), 0};
    return xt_table(t, reg, keep, dim, NULL, &L);
}

/* A category table over keep, with the values of cols by column class. */
XT_INLINE hjtj_status by_kategori(hjtj_table *t, const hjtj_register *reg, xdim keep, xdim cols,
                               const xcol *c, size_t nc, uint32_t optional, unsigned flags)
{
    const xlayout L = {"virksomhetskategori", &xr_kategori, KAT(ENETILTAK), optional, "Totalt",
                       NULL, c, nc, flags};
    return xt_table(t, reg, keep, dim_kategori, cols, &L);
}

/* A yes/no split (class 0 = yes) with its own labels. */
typedef struct yes_no_labels {
    const char *nb[2], *en[2], *code[2];
} yes_no_labels;

XT_INLINE hjtj_status yes_no_table(hjtj_table *t, const hjtj_register *reg, const char *stub,
                                xdim keep, xdim dim, const yes_no_labels *labels)
{
    static const int8_t cls[] = {0, 1};
    const xrows rows = {-1, cls, 2, labels->nb, labels->en, labels->code};
    return distribution(t, reg, stub, keep, dim, &rows, 0);
}

/* ---- 3.2–3.8: distributions ---- */

hjtj_status build_3_2(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_HOVED_RENE_BRUKERRETTEDE, HJTJ_HOVED_KOMBINERT_ANNEN,
                                 HJTJ_HOVED_ADMINISTRASJON};
    static const xrows rows = XROWS(HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE, cls, NULL, NULL, NULL);
    static const xcol cols[] = {{"antall", XC_N, 0}, {"andel_av_alle_i_drift", XC_SHARE_N, 0}};
    static const xlayout L = {"hovedvirksomhetstype", &rows, 0, 0, "Totalt", NULL, XCOLS(cols),
                              0};
    return xt_table(t, reg, keep_pop, dim_hoved, NULL, &L);
}

hjtj_status build_3_3(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_HT_KUN_BOLIGBASE,  HJTJ_HT_KUN_AMB_HELSE,
                                 HJTJ_HT_KUN_AMB_PRAKTISK, HJTJ_HT_KUN_AMB_BEGGE,
                                 HJTJ_HT_KUN_BPA,        HJTJ_HT_KUN_ANNEN_HJEMMETJENESTE,
                                 HJTJ_HT_ENETILTAK,      HJTJ_HT_TO_TYPER,
                                 HJTJ_HT_TRE_ELLER_FLERE};
    static const xrows rows = XROWS(HJTJ_FIELD_HT_SAMMENSETNING, cls, NULL, NULL, NULL);
    return distribution(t, reg, "virksomhetskategori", keep_rene, dim_ht, &rows,
                        BIT(HJTJ_HT_KUN_ANNEN_HJEMMETJENESTE));
}

hjtj_status build_3_4(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_TYPE_BOLIGBASE, HJTJ_TYPE_AMB_HELSE,
                                 HJTJ_TYPE_AMB_PRAKTISK, HJTJ_TYPE_BPA,
                                 HJTJ_TYPE_ANNEN_HJEMMETJENESTE, HJTJ_TYPE_ENETILTAK};
    static const char *const nb[] = {"Boligbase", "Amb. helsetjenester", "Amb. praktisk bistand",
                                     "BPA", "Annen hjemmetjeneste", "Enetiltak"};
    static const xrows items = XROWS(HJTJ_FIELD_VIRKSOMHETSTYPE, cls, nb, NULL, NULL);
    return xt_pairs(t, reg, keep_rene, dim_ht_types, &items, 0);
}

BUILD_AS(3_5, distribution, "virksomhetskategori", keep_pop, dim_kategori, &xr_kategori,
         KAT(KUN_ANNEN_HJEMMETJENESTE))

hjtj_status build_3_6(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_AT_KUN_BARNEBOLIG_AVLASTNING, HJTJ_AT_KUN_SYKEHJEM,
                                 HJTJ_AT_KUN_DAGAKTIVITET, HJTJ_AT_KUN_ANNEN_VIRKSOMHET,
                                 HJTJ_AT_TO_ELLER_FLERE};
    static const xrows rows = XROWS(HJTJ_FIELD_AT_SAMMENSETNING, cls, NULL, NULL, NULL);
    return distribution(t, reg, "virksomhetskategori", keep_kombinert, dim_at, &rows, 0);
}

hjtj_status build_3_7(hjtj_table *t, const hjtj_register *reg)
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
    return distribution(t, reg, "virksomhetskategori", keep_kombinert, dim_ht_merged, &rows, 0);
}

hjtj_status build_3_8(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_ADM_KUN_RESSURSENHET, HJTJ_ADM_KUN_ADMINISTRASJON,
                                 HJTJ_ADM_KUN_BESTILLERKONTOR, HJTJ_ADM_TO_ELLER_FLERE};
    static const xrows rows = XROWS(HJTJ_FIELD_ADM_SAMMENSETNING, cls, NULL, NULL, NULL);
    return distribution(t, reg, "virksomhetskategori", keep_adm, dim_adm, &rows, 0);
}

/* ---- 3.9, 3.10: categories split in two ---- */

hjtj_status build_3_9(hjtj_table *t, const hjtj_register *reg)
{
    static const char *const codes[] = {"antall_virksomheter", "antall_med_admin",
                                        "antall_uten_admin", "andel_med_admin",
                                        "andel_uten_admin"};
    xcol cols[5];
    return by_kategori(t, reg, keep_not_enetiltak, dim_has_admin, cols,
                       xcols_split(cols, codes, 2), KAT(KUN_ANNEN_HJEMMETJENESTE), 0);
}

hjtj_status build_3_10(hjtj_table *t, const hjtj_register *reg)
{
    static const char *const codes[] = {"antall", "antall_kommunale", "antall_private",
                                        "andel_kommunale", "andel_private"};
    xcol cols[5];
    const xlayout L = {"virksomhetskategori", &xr_kategori, 0, KAT(KUN_ANNEN_HJEMMETJENESTE),
                       "Totalt", NULL, cols, xcols_split(cols, codes, 2), 0};
    return xt_table(t, reg, keep_pop, dim_kategori, dim_eierskap, &L);
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

BUILD_AS(3_11, yes_no_table, "utveksling_av_personell", keep_komm, dim_exchange,
         &exchange_labels)

hjtj_status build_3_12(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {HJTJ_PU_MOTTAR_OG_LEVERER, HJTJ_PU_KUN_LEVERER,
                                 HJTJ_PU_KUN_MOTTAR};
    static const xrows rows = XROWS(HJTJ_FIELD_PERSONELLUTVEKSLING, cls, NULL, NULL, NULL);
    return distribution(t, reg, "personellbistand", keep_komm_exchange, dim_pu, &rows, 0);
}

/* 3.13: the count is of municipal non-enetiltak enterprises with exchange,
 * the share's base all enterprises of the category (KNOWN_ISSUES A5). */
hjtj_status build_3_13(hjtj_table *t, const hjtj_register *reg)
{
    static const xcol cols[] = {{"antall", XC_COUNT, 0}, {"andel", XC_SHARE, 0}};
    /* column class 0: the enterprises of 3.12 */
    hjtj_status st = by_kategori(t, reg, keep_pop, keep_komm_exchange, XCOLS(cols),
                                 KAT(KUN_ANNEN_HJEMMETJENESTE), 0);
    if (st == HJTJ_OK && t->nrows > 0) {
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
BUILD_AS(3_14, by_kategori, keep_komm_mottar, dim_mottar, XCOLS(mottar_cols), ~0u, XL_ZERO_EMPTY)
BUILD_AS(3_15, by_kategori, keep_komm_leverer, dim_leverer, XCOLS(leverer_cols), ~0u,
         XL_ZERO_EMPTY)

BUILD_AS(3_16, yes_no_table, "kommunalt_samarbeid", keep_komm, dim_andre_kommuner,
         &cooperation_labels)
BUILD_AS(3_17, yes_no_table, "salg_til_andre_kommuner_enn_lokaliseringskommunen", keep_privat,
         dim_andre_kommuner, &sales_labels)

/* ---- 3.18–3.23: municipality size ---- */

hjtj_status build_3_18(hjtj_table *t, const hjtj_register *reg)
{
    static const xcol cols[] = {
        {"kommuner", XC_COUNT, 0}, {"antall", XC_N, 0}, {"andel", XC_SHARE_N, 0}};
    static const xlayout L = {"kommunestorrelse", &xr_storrelse, 0, 0, "Totalt", NULL,
                              XCOLS(cols), 0};
    xtab x, k;
    int i;
    xt_count(&x, reg, keep_pop, dim_storrelse, NULL);
    xt_kommuner(&k, reg, NULL);
    for (i = 0; i <= XT_TOTAL; i++)
        x.c[i][0] = k.n[i];
    x.notcount = BIT(0); /* municipalities: public, not protected */
    xt_emit(t, &x, &L);
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

/* the keys of kommuner_with()'s view */
static uint32_t pop_kommunal(const hjtj_record *r)
{
    return r->population && r->eierskap == HJTJ_EIERSKAP_KOMMUNAL;
}

static uint32_t kommune_key(const hjtj_record *r)
{
    return r->kommune;
}

/* 3.19/3.20: the share of the municipalities of each size class with at
 * least one municipal enterprise of the population in class k of flags(). */
XT_INLINE hjtj_status kommuner_with(hjtj_table *t, const hjtj_register *reg, xdim flags,
                                 const xcol *cols, size_t ncols)
{
    const xlayout L = {"kommunestorrelse", &xr_storrelse, 0, 0, "Totalt", NULL, cols, ncols, 0,
                       "kommuner_totalt"};
    rview v = reg_view(reg, pop_kommunal, kommune_key, flags, NULL);
    uint8_t *has = calloc(reg->kommuner.n ? reg->kommuner.n : 1, 1);
    xtab x;
    size_t i;
    if (has == NULL)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < rv_n(&v); i++) {
        const hjtj_record *r = rv_rec(&v, i);
        if (r->population && r->eierskap == HJTJ_EIERSKAP_KOMMUNAL &&
            r->kommune < reg->kommuner.n)
            has[r->kommune] |= (uint8_t)flags(r);
    }
    xt_kommuner(&x, reg, has);
    free(has);
    xt_emit(t, &x, &L);
    return HJTJ_OK;
}

static uint32_t with_types(const hjtj_record *r)
{
    return r->types & (BIT(HJTJ_TYPE_BOLIGBASE) | BIT(HJTJ_TYPE_AMB_HELSE) |
                       BIT(HJTJ_TYPE_AMB_PRAKTISK));
}

static uint32_t with_pure(const hjtj_record *r)
{
    return dim_kategori(r) & (KAT(KUN_BOLIGBASE) | KAT(KUN_AMB_HELSE) | KAT(KUN_AMB_PRAKTISK) |
                              KAT(KUN_AMB_BEGGE));
}

hjtj_status build_3_19(hjtj_table *t, const hjtj_register *reg)
{
    static const xcol cols[] = {{"kommuner_totalt", XC_N, 0},
                                {"andel_boligbase", XC_SHARE, HJTJ_TYPE_BOLIGBASE},
                                {"andel_amb_helsetjenester", XC_SHARE, HJTJ_TYPE_AMB_HELSE},
                                {"andel_amb_praktisk_bistand", XC_SHARE, HJTJ_TYPE_AMB_PRAKTISK}};
    return kommuner_with(t, reg, with_types, XCOLS(cols));
}

/* The pure categories Kun boligbase and Kun ambulerende (3 kinds). */
BUILD_AS(3_20, kommuner_with, with_pure, kategori_shares, 5)

BUILD_AS(3_21, distribution, "kommunestorrelse", keep_pure_bolig, dim_storrelse, &xr_storrelse,
         0)
BUILD_AS(3_22, distribution, "kommunestorrelse", keep_pure_amb, dim_storrelse, &xr_storrelse, 0)

hjtj_status build_3_23(hjtj_table *t, const hjtj_register *reg)
{
    static const xlayout L = {"kommunestorrelse", &xr_storrelse, 0, 0, "Totalt", NULL,
                              XCOLS(kategori_shares), 0, NULL};
    return xt_table(t, reg, keep_pop, dim_storrelse, dim_kategori, &L);
}
