/* table_meta.c — what the publication formats say about a table besides its
 * cells: the unit and decimals of each value column, the population
 * sentence in a language, and the note on a deviation from the print. */
#include "table.h"
#include "labels.h"

#include <string.h>

/* The kind that decides a column's unit: a share anywhere makes it a share
 * column, else a median, else a sum, else a count; EMPTY when the column
 * has no value at all (text only, or empty). */
static hjtj_cell_kind col_kind(const hjtj_table *t, size_t col)
{
    size_t i;
    int seen[6] = {0};
    for (i = 0; i < hjtj_table_rows(t); i++) {
        hjtj_cell_kind k = hjtj_table_cell_kind(t, i, col);
        if ((int)k >= 0 && (int)k < 6)
            seen[k] = 1;
    }
    if (seen[HJTJ_CELL_SHARE])
        return HJTJ_CELL_SHARE;
    if (seen[HJTJ_CELL_MEDIAN])
        return HJTJ_CELL_MEDIAN;
    if (seen[HJTJ_CELL_SUM])
        return HJTJ_CELL_SUM;
    if (seen[HJTJ_CELL_COUNT])
        return HJTJ_CELL_COUNT;
    return HJTJ_CELL_EMPTY;
}

static int is_share_code(const char *code)
{
    return code != NULL && strncmp(code, "andel", 5) == 0 && (code[5] == '_' || !code[5]);
}

HJTJ_API const char *hjtj_table_col_unit(const hjtj_table *t, size_t col, hjtj_lang lang)
{
    hjtj_cell_kind k;
    if (t == NULL || col >= t->ncols || col < t->nstub)
        return NULL;
    k = col_kind(t, col);
    if (k == HJTJ_CELL_SHARE || (k == HJTJ_CELL_EMPTY && is_share_code(t->cols[col].code)))
        return lang == HJTJ_LANG_EN ? "per cent" : "prosent";
    if (t->cols[col].unit_nb != NULL)
        return lang == HJTJ_LANG_EN ? t->cols[col].unit_en : t->cols[col].unit_nb;
    if (k == HJTJ_CELL_COUNT || k == HJTJ_CELL_EMPTY) {
        size_t i;
        for (i = 0; i < t->nrows; i++) /* a text-only column has no unit */
            if (hjtj_table_cell_kind(t, i, col) == HJTJ_CELL_TEXT)
                return NULL;
        return lang == HJTJ_LANG_EN ? "enterprises" : "virksomheter";
    }
    return ""; /* a sum or median of a variable the library has no unit for */
}

HJTJ_API int32_t hjtj_table_col_decimals(const hjtj_table *t, size_t col)
{
    hjtj_cell_kind k;
    if (t == NULL || col >= t->ncols || col < t->nstub)
        return -1;
    k = col_kind(t, col);
    if (k == HJTJ_CELL_SHARE || k == HJTJ_CELL_MEDIAN ||
        (k == HJTJ_CELL_EMPTY && is_share_code(t->cols[col].code)))
        return 1;
    if (k == HJTJ_CELL_EMPTY) {
        size_t i;
        for (i = 0; i < t->nrows; i++)
            if (hjtj_table_cell_kind(t, i, col) == HJTJ_CELL_TEXT)
                return -1;
    }
    return 0;
}

HJTJ_API const char *hjtj_table_population_label(const hjtj_table *t, hjtj_lang lang)
{
    const char *nb;
    if (t == NULL)
        return NULL;
    nb = lang == HJTJ_LANG_NB ? hjtj__table_population_nb(t->id) : NULL;
    return nb ? nb : t->population ? t->population : "";
}

HJTJ_API const char *hjtj_table_note(const hjtj_table *t, hjtj_lang lang)
{
    const char *s;
    if (t == NULL)
        return NULL;
    if (t->protect_k > 0 && (lang == HJTJ_LANG_NB || lang == HJTJ_LANG_EN) && t->note[lang][0])
        return t->note[lang]; /* with the count of suppressed cells */
    s = hjtj__table_deviation(t->id, lang);
    return s ? s : "";
}
