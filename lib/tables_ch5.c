/* tables_ch5.c — Tables 5.1–5.6: botilbud and boenheter. */
#include "codes.h"
#include "scheme.h"
#include "table.h"
#include "tables_common.h"

#include <stdio.h>

#define KAT(x) BIT(HJTJ_KAT_##x)
/* The three categories of chapter 5. */
#define CH5_KAT (KAT(KUN_BOLIGBASE) | KAT(TO_ELLER_FLERE_HT) | KAT(KOMBINERT_ANNEN))


/* ---- size bands, labelled from the scheme ---- */

typedef struct band_rows {
    char nb[HJTJ_MAX_BANDS][48], en[HJTJ_MAX_BANDS][48], code[HJTJ_MAX_BANDS][24];
    const char *nbp[HJTJ_MAX_BANDS], *enp[HJTJ_MAX_BANDS], *codep[HJTJ_MAX_BANDS];
    int8_t cls[HJTJ_MAX_BANDS];
    xrows rows;
} band_rows;

/* Band i covers [b_i, b_{i+1} - 1], the last «N eller flere boenheter».  With
 * hyphen_quirk and the report's bands, the first two and the tenth band get a
 * hyphen instead of an en dash, as Table 5.3 prints them. */
static void band_rows_init(band_rows *b, const hjtj_scheme *s, int hyphen_quirk)
{
    int i, n = s->nbands < HJTJ_MAX_BANDS ? s->nbands : HJTJ_MAX_BANDS;
    int quirk = hyphen_quirk && hjtj__scheme_is_default_bands(s);
    for (i = 0; i < n; i++) {
        long long lo = (long long)s->bands[i];
        if (i + 1 < n) {
            long long hi = (long long)s->bands[i + 1] - 1;
            const char *dash = quirk && (i <= 1 || i == 9) ? "-" : "–";
            snprintf(b->nb[i], sizeof b->nb[i], "%lld%s%lld boenheter", lo, dash, hi);
            snprintf(b->en[i], sizeof b->en[i], "%lld–%lld housing units", lo, hi);
            snprintf(b->code[i], sizeof b->code[i], "%lld-%lld", lo, hi);
        } else {
            snprintf(b->nb[i], sizeof b->nb[i], "%lld eller flere boenheter", lo);
            snprintf(b->en[i], sizeof b->en[i], "%lld or more housing units", lo);
            snprintf(b->code[i], sizeof b->code[i], "%lld+", lo);
        }
        b->nbp[i] = b->nb[i];
        b->enp[i] = b->en[i];
        b->codep[i] = b->code[i];
        b->cls[i] = (int8_t)i;
    }
    b->rows.field = -1;
    b->rows.cls = b->cls;
    b->rows.n = (size_t)n;
    b->rows.nb = b->nbp;
    b->rows.en = b->enp;
    b->rows.code = b->codep;
}

/* ---- the tables ---- */

/* 5.1: «uten» is the rest of the category (KNOWN_ISSUES A2). */
hjtj_status hjtj__build_5_1(hjtj_table *t, const hjtj_register *reg)
{
    static const char *const codes[] = {"virksomheter_totalt", "antall_med_boenheter",
                                        "antall_uten_boenheter", "andel_med_boenheter",
                                        "andel_uten_boenheter"};
    xcol cols[5];
    const xlayout L = {"virksomhetskategori", &hjtj__xr_kategori, ~CH5_KAT, 0, "Totalt", NULL,
                       cols, hjtj__xcols_split(cols, codes, 2), 0};
    /* «med» first: the botilbud class 1, «uten» class 0 */
    cols[1].k = cols[3].k = 1;
    cols[2].k = cols[4].k = 0;
    return xt_decl_table(t, reg,
                         xd_where(xd_of(HJTJ_FIELD_KATEGORI, HJTJ_FIELD_BOTILBUD),
                                  HJTJ_FIELD_KATEGORI, CH5_KAT),
                         &L);
}

/* Boenheter, enterprises and the median, by rows. */
static const xcol sum_cols[] = {{"boenheter", XC_SUM, 0},
                                {"virksomheter", XC_N, 0},
                                {"boenheter_per_virksomhet_median", XC_MEDIAN, 0}};

hjtj_status hjtj__build_5_2(hjtj_table *t, const hjtj_register *reg)
{
    static const xlayout L = {"virksomhetskategori", &hjtj__xr_kategori, ~CH5_KAT, 0, "Totalt", NULL,
                              XCOLS(sum_cols), 0};
    return xt_decl_table(t, reg, XD_BOTILBUD(HJTJ_FIELD_KATEGORI, -1), &L);
}

hjtj_status hjtj__build_5_3(hjtj_table *t, const hjtj_register *reg)
{
    static const xcol cols[] = {{"antall_virksomheter", XC_N, 0},
                                {"andel_virksomheter", XC_SHARE_N, 0},
                                {"antall_boenheter", XC_SUM, 0},
                                {"andel_boenheter", XC_SUM_SHARE, 0}};
    band_rows b;
    xlayout L = {"virksomhetens_storrelse", NULL, 0, 0, "Totalt", NULL, XCOLS(cols), 0};
    band_rows_init(&b, hjtj__reg_scheme(reg), 1);
    L.rows = &b.rows;
    return xt_decl_table(t, reg, XD_BOTILBUD(HJTJ_FIELD_STORRELSE, -1), &L);
}

hjtj_status hjtj__build_5_4(hjtj_table *t, const hjtj_register *reg)
{
    static const char *const nb[] = {"Utviklingshemning", "Eldre og demens", "Psykisk og rus",
                                     "Bevegelseshemning", "Utenfor samlemålgruppene"};
    static const xcol cols[] = {{"antall_boenheter", XC_SUM, 0},
                                {"antall_virksomheter", XC_N, 0},
                                {"andel_boenheter", XC_SUM_SHARE, 0},
                                {"andel_virksomheter", XC_SHARE_N, 0},
                                {"boenheter_per_virksomhet_median", XC_MEDIAN, 0}};
    const xrows rows = {hjtj__xr_samle.field, hjtj__xr_samle.cls, hjtj__xr_samle.n, nb, NULL, NULL};
    const xlayout L = {"samlemalgruppe", &rows, 0, 0, "Totalt", NULL, XCOLS(cols), 0};
    return xt_decl_table(t, reg, XD_BOTILBUD(HJTJ_FIELD_SAMLEMALGRUPPE, -1), &L);
}

hjtj_status hjtj__build_5_5(hjtj_table *t, const hjtj_register *reg)
{
    static const xcol cols[] = {{"utviklingshemning", XC_COUNT, HJTJ_SAMLE_UTVIKLINGSHEMNING},
                                {"eldre_og_demens", XC_COUNT, HJTJ_SAMLE_ELDRE_DEMENS},
                                {"psykisk_og_rus", XC_COUNT, HJTJ_SAMLE_PSYKISK_RUS},
                                {"bevegelseshemning", XC_COUNT, HJTJ_SAMLE_BEVEGELSESHEMNING},
                                {"utenfor_samlemalgruppene", XC_COUNT, HJTJ_SAMLE_UTENFOR}};
    band_rows b;
    xlayout L = {"virksomhetens_storrelse", NULL, 0, 0, "Totalt", NULL, XCOLS(cols),
                 XL_ZERO_EMPTY};
    band_rows_init(&b, hjtj__reg_scheme(reg), 0);
    L.rows = &b.rows;
    return xt_decl_table(t, reg, XD_BOTILBUD(HJTJ_FIELD_STORRELSE, HJTJ_FIELD_SAMLEMALGRUPPE), &L);
}

hjtj_status hjtj__build_5_6(hjtj_table *t, const hjtj_register *reg)
{
    static const xlayout L = {"kommunestorrelse", &hjtj__xr_storrelse, 0, 0, "Totalt", NULL,
                              XCOLS(sum_cols), 0};
    return xt_decl_table(t, reg, XD_BOTILBUD(HJTJ_FIELD_KOMMUNESTORRELSE, -1), &L);
}
