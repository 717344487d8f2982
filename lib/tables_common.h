/* tables_common.h — helpers shared by the table definitions (tables_*.c).
 *
 * Almost every table of the report is one cross-tabulation: the records of a
 * population (a filter), counted by a row class and, optionally, by one or
 * more column classes, then printed as counts, shares of the row, shares of
 * the total, sums or medians of boenheter.  The "xtab" machinery below does
 * that once:
 *
 *   xtab x;
 *   xt_count(&x, reg, keep_pure_bolig, dim_storrelse, dim_samle);
 *   xt_emit(t, &x, &layout);
 *
 * A dimension (xdim) maps a record to a bit mask of classes (bit i = class i;
 * several bits for multiple-response dimensions such as the målgrupper); a
 * filter is a dimension whose non-zero result means "in the population".
 * The layout names the rows (classes in printed order, with the table's own
 * labels), the columns (CSV code and what they show) and the total row.
 *
 * The machinery, the shared dimensions and the shared row sets are defined in
 * catalog.c together with the catalogue of tables.
 */
#ifndef HJTJ_TABLES_COMMON_H
#define HJTJ_TABLES_COMMON_H

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Dimensions and filters                                              */
/* ------------------------------------------------------------------ */

typedef uint32_t (*xdim)(const hjtj_record *r);

/* BIT(class of the record in field f), or 0 when the field does not apply. */
uint32_t cls_bit(const hjtj_record *r, hjtj_field f);
/* Define a dimension `name` giving the record's class in a classification
 * field (prefix with `static` for a local one). */
#define FIELD_DIM(name, field)                                                  \
    uint32_t name(const hjtj_record *r)                                        \
    {                                                                          \
        return cls_bit(r, (field));                                            \
    }

/* Filters.  All but keep_all are inside the population of chapters 3–5. */
uint32_t keep_all(const hjtj_record *r);        /* every loaded record */
uint32_t keep_pop(const hjtj_record *r);        /* aktiv, not utenfor */
uint32_t keep_pure_bolig(const hjtj_record *r); /* kategori Kun boligbase */
uint32_t keep_pure_amb(const hjtj_record *r);   /* the three Kun ambulerende */

/* Dimensions used by several chapters. */
uint32_t dim_kategori(const hjtj_record *r);
uint32_t dim_storrelse(const hjtj_record *r);  /* kommunestørrelse */
uint32_t dim_samle(const hjtj_record *r);      /* samlemålgruppe */
uint32_t dim_malgrupper(const hjtj_record *r); /* the edited målgruppe set */

/* ------------------------------------------------------------------ */
/* Counting                                                            */
/* ------------------------------------------------------------------ */

#define XT_MAXCLS 32          /* row classes (a uint32_t mask) */
#define XT_MAXCOL 16          /* column classes */
#define XT_TOTAL XT_MAXCLS    /* index of the total in the arrays below */

typedef struct xtab {
    int64_t n[XT_MAXCLS + 1];            /* units per row class; [XT_TOTAL]: all */
    int64_t c[XT_MAXCLS + 1][XT_MAXCOL]; /* units per (row, column) class */
    int64_t sum[XT_MAXCLS + 1];          /* summed values (boenheter, innbyggere) */
    int64_t med2[XT_MAXCLS + 1];         /* twice the median value (xt_medians) */
} xtab;

/* Add one unit in the row classes `rows` and column classes `cols`, with a
 * value for the sums.  The total counts the unit once whatever its rows. */
void xt_add(xtab *x, uint32_t rows, uint32_t cols, int64_t value);
/* The same for w units at once. */
void xt_addw(xtab *x, uint32_t rows, uint32_t cols, int64_t value, int64_t w);
/* Clear x and count the records r with keep(r) != 0 by rows(r) and cols(r)
 * (cols may be NULL).  The value summed is the record's boenheter as counted
 * in chapter 5 (0 outside the botilbud population). */
void xt_count(xtab *x, const hjtj_register *reg, xdim keep, xdim rows, xdim cols);
/* After xt_count with the same arguments: the median boenheter of each row
 * class and of the total (rows must give at most one class per record).
 * Errors: HJTJ_ERR_NOMEM. */
hjtj_status xt_medians(xtab *x, const hjtj_register *reg, xdim keep, xdim rows);
/* Clear x and count the register's municipalities by size class, summing
 * their inhabitants; cols (NULL = none) gives municipality i's column
 * classes. */
void xt_kommuner(xtab *x, const hjtj_register *reg, const uint8_t *cols);
/* The size class of municipality i of the register's table. */
int kommune_storrelse(const hjtj_register *reg, size_t i);

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

/* Rows (or the items of a pair table): classes in printed order.  Codes,
 * Norwegian and English labels come from the arrays when given (indexed like
 * cls), else from the field's code list (hjtj_code / hjtj_label). */
typedef struct xrows {
    int field;                 /* hjtj_field, or -1 (then all arrays are given) */
    const int8_t *cls;
    size_t n;
    const char *const *nb;
    const char *const *en;
    const char *const *code;
} xrows;

/* What a value column shows for row class i. */
typedef enum xkind {
    XC_N,         /* n[i] */
    XC_COUNT,     /* c[i][k] */
    XC_SHARE,     /* c[i][k] / n[i] */
    XC_SHARE_N,   /* n[i] / n[total] */
    XC_SUM,       /* sum[i] */
    XC_SUM_SHARE, /* sum[i] / sum[total] */
    XC_MEDIAN,    /* med2[i] / 2, empty when n[i] = 0 */
    XC_SHARE_OPT  /* XC_SHARE, and the column is left out when c[total][k] = 0 */
} xkind;

typedef struct xcol {
    const char *code; /* the CSV header */
    xkind kind;
    int k;            /* column class */
} xcol;

#define XL_ZERO_EMPTY 1u /* counts of 0 are printed empty */

typedef struct xlayout {
    const char *stub;     /* CSV code of the label column */
    const xrows *rows;
    uint32_t skip;        /* row classes left out */
    uint32_t optional;    /* row classes printed only when their first value is not 0 */
    const char *total_nb; /* label of the total row (code "totalt"); NULL: none */
    const char *total_en; /* NULL: "Total" */
    const xcol *cols;
    size_t ncols;
    unsigned flags;       /* XL_* */
    const char *col0;     /* CSV code of the first value column (NULL: cols[0].code) */
} xlayout;

/* Initializer helpers: an array of columns, and an xrows of a cls array. */
#define XCOLS(a) (a), (sizeof(a) / sizeof((a)[0]))
#define XROWS(field, cls, nb, en, code)                                         \
    {(field), (cls), sizeof(cls) / sizeof((cls)[0]), (nb), (en), (code)}

/* The columns "N, the count of each column class 0..n-1, the share of each"
 * (1 + 2n columns, named codes[0..2n]) into out; returns 1 + 2n. */
size_t xcols_split(xcol *out, const char *const *codes, int n);

/* Print x as the layout says; t->n = x->n[XT_TOTAL]. */
void xt_emit(hjtj_table *t, const xtab *x, const xlayout *L);
/* Count, then print: the usual table in one call. */
hjtj_status xt_table(hjtj_table *t, const hjtj_register *reg, xdim keep, xdim rows, xdim cols,
                     const xlayout *L);
/* The long-format cross tables (3.4, 4.4, 4.5, 4.12–4.15): the records of
 * keep whose set(r) holds one or two of the items (and nothing else),
 * counted by pair, lower triangle in item order; with share, as a share of
 * all records of keep. */
hjtj_status xt_pairs(hjtj_table *t, const hjtj_register *reg, xdim keep, xdim set,
                     const xrows *items, int share);
/* The code, Norwegian and English label of row r of R. */
void xrows_label(const xrows *R, size_t r, const char **code, const char **nb,
                 const char **en);

/* Shared row sets and labels. */
extern const xrows xr_kategori;      /* the 10 categories, Kun annen after BPA */
extern const xrows xr_storrelse;     /* «Flere enn 20 000 innbyggere» variant */
extern const xrows xr_samle;         /* chapter 4 labels */
extern const char *const hele_landet[2]; /* {"Hele landet", "Norway"} */

/* ------------------------------------------------------------------ */
/* The tables                                                          */
/* ------------------------------------------------------------------ */

#define BUILD(id) hjtj_status build_##id(hjtj_table *t, const hjtj_register *reg)
/* Define a table whose build function is one call: build_ID(t, reg) returns
 * fn(t, reg, the other arguments). */
#define BUILD_AS(id, fn, ...)                                                   \
    BUILD(id)                                                                  \
    {                                                                          \
        return fn(t, reg, __VA_ARGS__);                                        \
    }

/* One build function per table of the catalogue (catalog.c). */
BUILD(1_9); BUILD(1_10);
BUILD(2_2); BUILD(2_3);
BUILD(3_2); BUILD(3_3); BUILD(3_4); BUILD(3_5); BUILD(3_6); BUILD(3_7); BUILD(3_8); BUILD(3_9);
BUILD(3_10); BUILD(3_11); BUILD(3_12); BUILD(3_13); BUILD(3_14); BUILD(3_15); BUILD(3_16);
BUILD(3_17); BUILD(3_18); BUILD(3_19); BUILD(3_20); BUILD(3_21); BUILD(3_22); BUILD(3_23);
BUILD(4_3); BUILD(4_4); BUILD(4_5); BUILD(4_6); BUILD(4_7); BUILD(4_8); BUILD(4_9);
BUILD(4_10); BUILD(4_11); BUILD(4_12); BUILD(4_13); BUILD(4_14); BUILD(4_15); BUILD(4_16);
BUILD(4_17); BUILD(4_18); BUILD(4_19); BUILD(4_20); BUILD(4_21); BUILD(4_22); BUILD(4_23);
BUILD(5_1); BUILD(5_2); BUILD(5_3); BUILD(5_4); BUILD(5_5); BUILD(5_6);
BUILD(C1);

#endif
