/*
 * table.h — The table object: cells, columns, rows; its builder and its protection grid (table.c, table_protect.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_TABLE_H
#define HJTJ_TABLE_H

#include "hjtj.h"
#include "error.h"
#include "protect.h"

#include <stddef.h>
#include <stdint.h>

#define HJTJ_ATTR_HIDDEN __attribute__((visibility("hidden")))

typedef struct tcell {
    uint8_t kind;   /* hjtj_cell_kind */
    uint8_t supp;   /* hjtj_suppression: suppressed for confidentiality (§11) */
    int64_t a, b;   /* value / numerator, denominator */
    int64_t n;      /* custom tables: the enterprises counted in the cell */
    char *text;     /* TEXT cells (owned) */
} tcell;

typedef struct tcol {
    const char *code;     /* CSV header name (static) */
    const char *label_nb; /* static */
    const char *label_en; /* static */
    const char *unit_nb;  /* static; NULL: from the cells (hjtj_table_col_unit) */
    const char *unit_en;
} tcol;

typedef struct trow {
    char *code;      /* owned */
    char *label_nb;  /* owned */
    char *label_en;  /* owned */
} trow;

struct hjtj_table {
    char id[16];
    const char *title_nb, *title_en, *population;
    char title_year[2][256]; /* titles naming another reference year */
    int64_t n;
    size_t nrows, ncols, nstub, caprows;
    tcol *cols;
    trow *rows;
    tcell *cells;    /* nrows * ncols, row-major */
    char **printed;  /* lazily formatted cell texts */
    char **owned;    /* strings the table owns (custom titles, column codes) */
    size_t nowned, capowned;
    /* Custom tables (crosstab.c): the structure small-count protection
     * needs.  Every cell's n is the count under it; the last row and the
     * last column are the totals; a multiple-response dimension's classes
     * may overlap (their counts do not add up to the total). */
    int custom;
    int rows_multi, cols_multi;
    int nomem;
    hjtj_error err;
    /* small-count protection (table_protect.c); protect_k survives a build */
    int64_t protect_k;            /* 0: off */
    struct tgrid *grid;           /* the counts behind the cells, or NULL */
    size_t nsupp[3];              /* cells suppressed, by hjtj_suppression */
    int n_hidden;                 /* N is a suppressed count */
    char note[2][640];            /* a protected table's hjtj_table_note, by hjtj_lang:
                                     the deviation and how many cells are hidden */
};

/* Builder used by the table definitions.  All functions tolerate a previous
 * allocation failure (t->nomem set) and do nothing then. */
void hjtj__tb_begin(hjtj_table *t, size_t ncols, size_t nstub);
void hjtj__tb_col(hjtj_table *t, size_t j, const char *code, const char *nb, const char *en);
/* Append a row; the first stub cell gets label_nb as TEXT.  en may be NULL
 * (then nb is used).  Returns the row index. */
size_t hjtj__tb_row(hjtj_table *t, const char *code, const char *nb, const char *en);
void hjtj__tb_text(hjtj_table *t, size_t i, size_t j, const char *s);
void hjtj__tb_count(hjtj_table *t, size_t i, size_t j, int64_t v);
void hjtj__tb_sum(hjtj_table *t, size_t i, size_t j, int64_t v);
void hjtj__tb_share(hjtj_table *t, size_t i, size_t j, int64_t num, int64_t den);
void hjtj__tb_median2(hjtj_table *t, size_t i, size_t j, int64_t twice_median);
void hjtj__tb_empty(hjtj_table *t, size_t i, size_t j);
/* Release everything the table holds and make it empty again. */
void hjtj__table_reset(hjtj_table *t);
/* A copy of s owned by the table (NULL on nomem, then t->nomem is set). */
const char *hjtj__tb_own(hjtj_table *t, const char *s);
/* Set a custom cell: kind, numerator, denominator and the count under it. */
void hjtj__tb_cell(hjtj_table *t, size_t i, size_t j, int kind, int64_t a, int64_t b,
                   int64_t n);

/* Small-count protection (table_protect.c, SPEC §11).  A table that holds
 * counts of enterprises declares them as a grid (lib/protect.h): rows and
 * columns of counts with their totals, filled as the table is built, and
 * for every printed cell the one or two counts it shows or is computed
 * from.  A table that declares no grid has no counts to protect. */
/* Declare the grid: nr x nc counts, total row tr and column tc
 * (HJTJ__P_NONE: none), which equations to use (protect.h). */
void hjtj__grid_begin(hjtj_table *t, size_t nr, size_t nc, size_t tr, size_t tc, int col_eqs,
                      int row_eqs);
void hjtj__grid_count(hjtj_table *t, size_t gi, size_t gj, int64_t v);
/* Printed cell (row, col) shows or is computed from grid cells (ai, aj)
 * and, unless bi is HJTJ__P_NONE, (bi, bj). */
void hjtj__grid_dep(hjtj_table *t, size_t row, size_t col, size_t ai, size_t aj, size_t bi,
                    size_t bj);
/* The table's N is grid cell (gi, gj); gi = HJTJ__P_NONE: the total row. */
void hjtj__grid_n(hjtj_table *t, size_t gi, size_t gj);
/* A one-column grid from the COUNT (or SHARE: its numerator) cells of
 * column col, one grid row per table row; the total is table row total_row
 * or, when that is HJTJ__P_NONE, the table's N as an extra grid row that is
 * not printed (a share then has N as its base).  N is the total. */
void hjtj__grid_from_column(hjtj_table *t, size_t col, size_t total_row);
/* After a build: apply t->protect_k (nothing when 0).  Errors:
 * HJTJ_ERR_NO_COUNTS (no grid), HJTJ_ERR_NOMEM. */
hjtj_status hjtj__table_protect(hjtj_table *t);
/* The sentence under a protected table: the symbol, K and how many cells
 * were suppressed of each kind ("" when not protected). */
void hjtj__protect_sentence(const hjtj_table *t, hjtj_lang lang, char *out, size_t cap);
/* Free the grid (table_reset). */
void hjtj__grid_free(hjtj_table *t);

/* Median (twice its value, exact, as R's median) of n values v[i] occurring
 * w[i] times each; reorders v; 0 if there are none. */
typedef struct wval {
    int64_t v, w;
} wval;
/* Twice the weighted median of v[0..n) (sorts v); 0 if the weights sum to 0. */
int64_t hjtj__median2_weighted(wval *v, size_t n);

#endif
