/* tables_ch1_2.c — Tables 1.9 and 1.10 (the municipality table) and 2.2 and
 * 2.3 (every loaded record, whatever its status). */
#include "codes.h"
#include "kommuner.h"
#include "reduce.h"
#include "table.h"
#include "crosstab.h"
#include "tables_common.h"

#include <stdlib.h>
#include <string.h>

/* ---- 1.9 ---- */

static const char *const storrelse_1_9[] = {
    "ASSS-kommuner", "20 000 eller flere innbyggere", "10 000 - 19 999 innbyggere",
    "5 000 - 9 999 innbyggere", "Færre enn 5 000 innbyggere"};

hjtj_status hjtj__build_1_9(hjtj_table *t, const hjtj_register *reg)
{
    static const xcol cols[] = {{"antall_kommuner", XC_N, 0},
                                {"innbyggere", XC_SUM, 0},
                                {"andel_kommuner", XC_SHARE_N, 0},
                                {"andel_innbyggere", XC_SUM_SHARE, 0}};
    const xrows rows = {hjtj__xr_storrelse.field, hjtj__xr_storrelse.cls, hjtj__xr_storrelse.n, storrelse_1_9,
                        NULL, NULL};
    const xlayout L = {"kommunestorrelse", &rows, 0, 0, hjtj__hele_landet[0], hjtj__hele_landet[1],
                       XCOLS(cols), 0};
    xtab x;
    hjtj__xt_kommuner(&x, reg, NULL);
    hjtj__xt_emit(t, &x, &L);
    return HJTJ_OK;
}

/* ---- 1.10: the ASSS municipalities by inhabitants, largest first ---- */

static int asss_before(const kommune *a, const kommune *b)
{
    if (a->innbyggere != b->innbyggere)
        return a->innbyggere > b->innbyggere;
    return strcmp(a->nr, b->nr) < 0;
}

hjtj_status hjtj__build_1_10(hjtj_table *t, const hjtj_register *reg)
{
    const kommune *list[HJTJ_MAX_ASSS];
    size_t n = 0, i, j, row;
    int64_t total = 0;
    for (i = 0; i < (size_t)hjtj__reg_scheme(reg)->nasss && i < HJTJ_MAX_ASSS; i++) {
        int64_t k = hjtj__kommuner_find_n(hjtj__reg_kommuner(reg), hjtj__reg_scheme(reg)->asss[i], 4);
        const kommune *m;
        if (k < 0)
            continue;
        m = &hjtj__reg_kommuner(reg)->k[k];
        /* insertion into the sorted list */
        for (j = n; j > 0 && asss_before(m, list[j - 1]); j--)
            list[j] = list[j - 1];
        list[j] = m;
        n++;
    }
    hjtj__tb_begin(t, 2, 1);
    hjtj__tb_col(t, 0, "kommune", "Kommune", "Municipality");
    hjtj__tb_col(t, 1, "innbyggere", "Innbyggere", "Inhabitants");
    for (i = 0; i < n; i++) {
        row = hjtj__tb_row(t, list[i]->nr, list[i]->navn, list[i]->navn);
        hjtj__tb_sum(t, row, 1, list[i]->innbyggere);
        total += list[i]->innbyggere;
    }
    row = hjtj__tb_row(t, "totalt", "Totalt ASSS", "Total ASSS");
    hjtj__tb_sum(t, row, 1, total);
    t->n = (int64_t)n;
    return HJTJ_OK;
}

/* ---- 2.2: by SN2007 næringskode ---- */

static const struct {
    int32_t code; /* NN.NNN as NNNNN */
    const char *label;
    const char *en;
} sn2007_labels[] = {
    {86901, "Hjemmesykepleie", "Home nursing"},
    {87202, "Omsorgsinstitusjoner for rusmiddelmisbrukere",
     "Residential care for substance abusers"},
    {87203, "Bofellesskap for psykisk utviklingshemmede",
     "Shared housing for persons with intellectual disabilities"},
    {87302,
     "Bofellesskap for eldre og funksjonshemmede med fast tilknyttet personell hele døgnet",
     "Shared housing for the elderly and disabled with permanent staff round the clock"},
    {87303,
     "Bofellesskap for eldre og funksjonshemmede med fast tilknyttet personell deler av døgnet",
     "Shared housing for the elderly and disabled with permanent staff part of the day"},
    {87304, "Avlastningsboliger/-institusjoner", "Respite homes and institutions"},
    {87305, "Barneboliger", "Children's homes"},
    {88101, "Hjemmehjelp", "Home help"},
};

/* The SN2007 label of a code in a language, NULL if the library has none. */
static const char *sn2007_label(int32_t code, hjtj_lang lang)
{
    size_t i;
    for (i = 0; i < sizeof sn2007_labels / sizeof sn2007_labels[0]; i++)
        if (sn2007_labels[i].code == code)
            return lang == HJTJ_LANG_EN ? sn2007_labels[i].en : sn2007_labels[i].label;
    return NULL;
}

/* Records per SN2007 code: a small open-addressing table keyed by code + 1
 * (0 = empty slot), grown as codes come; a register has few distinct codes. */
typedef struct code_n {
    int32_t key;
    int64_t n;
} code_n;

static int cmp_code_n(const void *a, const void *b)
{
    int32_t x = ((const code_n *)a)->key, y = ((const code_n *)b)->key;
    return (x > y) - (x < y);
}

static code_n *code_slot(code_n *h, size_t cap, int32_t key)
{
    size_t j = ((uint32_t)key * 2654435761u) & (cap - 1);
    while (h[j].key != 0 && h[j].key != key)
        j = (j + 1) & (cap - 1);
    return &h[j];
}

hjtj_status hjtj__build_2_2(hjtj_table *t, const hjtj_register *reg)
{
    /* every record by its SN2007 code (the key: NNNNN + 1, or uoppgitt) */
    xdecl d = xd_of(HJTJ_FIELD_NAERINGSKODE, -1);
    size_t cap = 64, used = 0, i, j, row;
    code_n *h, *e;
    int64_t coded = 0;
    rstore own;
    const rstore *s;
    hjtj_status st;
    d.population = HJTJ_POPULATION_ALLE;
    st = hjtj__decl_keys(reg, &d, &own, &s);
    if (st != HJTJ_OK)
        return st;
    h = calloc(cap, sizeof *h);
    if (h == NULL) {
        hjtj__rstore_free(&own);
        return HJTJ_ERR_NOMEM;
    }
    for (i = 0; i < s->n; i++) {
        int32_t c = (int32_t)(s->key[i * RED_NFN] & 0x7fffffffu) - 1;
        if (c < 0 || c >= (int32_t)NK_UOPPGITT)
            continue;
        e = code_slot(h, cap, c + 1);
        if (e->key == 0) {
            if (2 * (used + 1) > cap) { /* grow, then place again */
                code_n *g = calloc(2 * cap, sizeof *g);
                if (g == NULL) {
                    free(h);
                    hjtj__rstore_free(&own);
                    return HJTJ_ERR_NOMEM;
                }
                for (j = 0; j < cap; j++)
                    if (h[j].key != 0)
                        *code_slot(g, 2 * cap, h[j].key) = h[j];
                free(h);
                h = g;
                cap *= 2;
                e = code_slot(h, cap, c + 1);
            }
            e->key = c + 1;
            used++;
        }
        e->n += (int64_t)s->w[i];
    }
    hjtj__rstore_free(&own);
    for (i = j = 0; i < cap; i++) /* the codes in order */
        if (h[i].key != 0)
            h[j++] = h[i];
    qsort(h, used, sizeof *h, cmp_code_n);
    hjtj__tb_begin(t, 3, 2);
    hjtj__tb_col(t, 0, "naringskode", "Næringskode", "Industry code");
    hjtj__tb_col(t, 1, "betegnelse", "Betegnelse", "Description");
    hjtj__tb_col(t, 2, "antall_virksomheter", "Antall virksomheter", "Enterprises");
    for (i = 0; i < used; i++) {
        char code[24];
        int32_t c = h[i].key - 1;
        const char *label = sn2007_label(c, HJTJ_LANG_NB), *en = sn2007_label(c, HJTJ_LANG_EN);
        char nb_full[160], en_full[160];
        snprintf(code, sizeof code, "%02d.%03d", (int)(c / 1000), (int)(c % 1000));
        /* the row's labels say code and description; the printed cells
         * keep them in two columns */
        snprintf(nb_full, sizeof nb_full, "%s %s", code, label ? label : "");
        snprintf(en_full, sizeof en_full, "%s %s", code, en ? en : "");
        row = hjtj__tb_row(t, code, label ? nb_full : code, en ? en_full : code);
        hjtj__tb_text(t, row, 0, code);
        if (label != NULL)
            hjtj__tb_text(t, row, 1, label);
        hjtj__tb_count(t, row, 2, h[i].n);
        coded += h[i].n;
    }
    free(h);
    if (coded < (int64_t)hjtj__reg_count(reg)) {
        row = hjtj__tb_row(t, "uoppgitt", "Uoppgitt", "Not stated");
        hjtj__tb_count(t, row, 2, (int64_t)hjtj__reg_count(reg) - coded);
    }
    row = hjtj__tb_row(t, "totalt", "Totalt", "Total");
    hjtj__tb_count(t, row, 2, (int64_t)hjtj__reg_count(reg));
    t->n = (int64_t)hjtj__reg_count(reg);
    hjtj__grid_from_column(t, 2, row);
    return HJTJ_OK;
}

/* ---- 2.3: from the initial to the final population ---- */

hjtj_status hjtj__build_2_3(hjtj_table *t, const hjtj_register *reg)
{
    static const int8_t cls[] = {0, 1, 2};
    static const char *const nb[] = {"Utgangspopulasjon", "Innrapportert",
                                     "Endelig populasjon (aktive hjemmetjenestevirksomheter)"};
    static const char *const en[] = {"Initial population", "Reported",
                                     "Final population (active home-care enterprises)"};
    static const char *const code[] = {"utgangspopulasjon", "innrapportert",
                                       "endelig-populasjon"};
    static const xrows rows = XROWS(-1, cls, nb, en, code);
    static const xcol cols[] = {{"antall_virksomheter", XC_N, 0},
                                {"andel_av_utgangspopulasjon", XC_SHARE_N, 0}};
    static const xlayout L = {"populasjon", &rows, 0, 0, NULL, NULL, XCOLS(cols), 0};
    /* every record by status; the population of chapters 3–5 */
    xdecl all = xd_of(HJTJ_FIELD_STATUS, -1);
    const xdecl pop = xd_of(HJTJ_FIELD_LANDET, -1);
    xtab x, y;
    hjtj_status st;
    all.population = HJTJ_POPULATION_ALLE;
    st = hjtj__xt_count_decl(&x, reg, &all);
    if (st == HJTJ_OK)
        st = hjtj__xt_count_decl(&y, reg, &pop);
    if (st != HJTJ_OK)
        return st;
    x.n[0] = x.n[XT_TOTAL];
    x.n[1] = x.n[XT_TOTAL] - x.n[HJTJ_STATUS_IKKE_INNRAPPORTERT];
    x.n[2] = y.n[XT_TOTAL];
    hjtj__xt_emit(t, &x, &L);
    return HJTJ_OK;
}
