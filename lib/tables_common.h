/* tables_common.h — helpers shared by the table definitions (tables_*.c).
 *
 * Almost every table of the report is one cross-tabulation: the records of a
 * population, counted by a row class and, optionally, by column classes,
 * then printed as counts, shares of the row, shares of the total, sums or
 * medians of boenheter.  A table reads the records only through a
 * declaration of the custom-table engine (crosstab.h; SPEC §9): population,
 * filters, row and column dimensions.  The counts go into an xtab, and a
 * layout prints it with the table's own rows, labels and columns:
 *
 *   const xlayout L = {...};
 *   return xt_decl_table(t, reg, XD_PURE_BOLIG(HJTJ_FIELD_KOMMUNESTORRELSE,
 *                                              HJTJ_FIELD_SAMLEMALGRUPPE), &L);
 *
 * Tables of another shape (pairs, combinations, municipalities with ...)
 * read the declaration's distinct keys (hjtj__decl_keys).  The machinery,
 * the shared row sets and the catalogue are in catalog.c.
 */
#ifndef HJTJ_TABLES_COMMON_H
#define HJTJ_TABLES_COMMON_H

#include "catalog.h"
#include "table.h"
#include "crosstab.h"
#include "codes.h"

#include <string.h>

/* Streaming safety by construction: a table definition sees the register
 * only as an opaque handle (catalog.h: scheme, municipalities, count), so
 * it cannot reach a record except through a declaration.  The register's
 * internals and the record accessor are refused at compile time. */
#ifdef HJTJ_REGISTER_H
#error "table definitions read records only through declarations: do not include register.h"
#endif
#pragma GCC poison hjtj_register_record reg_rec

/* The index of the lowest bit set of m (m != 0). */
static inline int xt_low_bit(uint32_t m)
{
#if defined(__GNUC__)
    return __builtin_ctz(m);
#else
    int i = 0;
    while (!(m & 1u)) {
        m >>= 1;
        i++;
    }
    return i;
#endif
}

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
    /* for small-count protection (SPEC §11): */
    int units_kommuner;                  /* n counts municipalities (hjtj__xt_kommuner) */
    uint32_t notcount;                   /* column classes that are not counts of
                                            enterprises (3.18's municipalities) */
    int64_t med2[XT_MAXCLS + 1];         /* twice the median value (a median measure) */
} xtab;

/* Add one unit in the row classes `rows` and column classes `cols`, with a
 * value for the sums.  The total counts the unit once whatever its rows. */
void hjtj__xt_add(xtab *x, uint32_t rows, uint32_t cols, int64_t value);
/* The same for w units at once. */
void hjtj__xt_addw(xtab *x, uint32_t rows, uint32_t cols, int64_t value, int64_t w);
/* w units in rows and cols whose values add up to sum. */
void hjtj__xt_add_units(xtab *x, uint32_t rows, uint32_t cols, int64_t sum, int64_t w);

/* Clear x and count the register's municipalities by size class, summing
 * their inhabitants; cols (NULL = none) gives municipality i's column
 * classes. */
void hjtj__xt_kommuner(xtab *x, const hjtj_register *reg, const uint8_t *cols);
/* The size class of municipality i of the register's table. */
int hjtj__kommune_storrelse(const hjtj_register *reg, size_t i);

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
size_t hjtj__xcols_split(xcol *out, const char *const *codes, int n);

/* Print x as the layout says; t->n = x->n[XT_TOTAL]. */
void hjtj__xt_emit(hjtj_table *t, const xtab *x, const xlayout *L);
/* ---- tables as declarations (crosstab.c, catalog.c) ---------------
 * A report table may be a declaration of the custom-table engine (SPEC §9:
 * population, filters, rows, columns) with a layout: it is then counted by
 * the same reduction as a custom table, and a streaming register fills it
 * because building the catalogue on the empty register (streaming.c)
 * registers every declaration a table makes. */

/* (hjtj__xdecl_init and hjtj__xdecl_where make them: crosstab.h) */
/* Clear x and count the declaration into it: n, c, sum (boenheter of the
 * botilbud population) and, for a median measure, med2. */
hjtj_status hjtj__xt_count_decl(xtab *x, const hjtj_register *reg, const xdecl *d);

static inline xdecl xd_of(int rows_field, int cols_field)
{
    xdecl d;
    hjtj__xdecl_init(&d, rows_field, cols_field);
    return d;
}
static inline xdecl xd_where(xdecl d, int field, uint32_t classes)
{
    hjtj__xdecl_where(&d, field, classes);
    return d;
}
/* base with its rows and columns set to these fields (cols -1: none). */
static inline xdecl xd_dims(xdecl base, int rows_field, int cols_field)
{
    xdecl d = xd_of(rows_field, cols_field);
    d.nwhere = base.nwhere;
    memcpy(d.where, base.where, sizeof d.where);
    d.population = base.population;
    return d;
}
/* The populations of the pure boligbaser, the pure ambulatory enterprises,
 * the botilbud population, and of a main type. */
#define XD_PURE_BOLIG(rows, cols)                                               \
    xd_where(xd_of((rows), (cols)), HJTJ_FIELD_KATEGORI, BIT(HJTJ_KAT_KUN_BOLIGBASE))
#define XD_PURE_AMB(rows, cols)                                                 \
    xd_where(xd_of((rows), (cols)), HJTJ_FIELD_KATEGORI,                         \
             BIT(HJTJ_KAT_KUN_AMB_HELSE) | BIT(HJTJ_KAT_KUN_AMB_PRAKTISK) |       \
                 BIT(HJTJ_KAT_KUN_AMB_BEGGE))
#define XD_BOTILBUD(rows, cols) xd_where(xd_of((rows), (cols)), HJTJ_FIELD_BOTILBUD, BIT(1))
#define XD_HOVED(h, rows, cols)                                                 \
    xd_where(xd_of((rows), (cols)), HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE, BIT(h))

/* Add row `from` of x to row `to` and clear it (a layout merging classes). */
static inline void xt_move_row(xtab *x, int from, int to)
{
    int k;
    x->n[to] += x->n[from];
    x->sum[to] += x->sum[from];
    for (k = 0; k < XT_MAXCOL; k++)
        x->c[to][k] += x->c[from][k];
    x->n[from] = x->sum[from] = 0;
    memset(x->c[from], 0, sizeof x->c[from]);
}

/* Count the declaration (with the boenheter and medians the layout shows),
 * then print. */
static inline hjtj_status xt_decl_table(hjtj_table *t, const hjtj_register *reg, xdecl d,
                                        const xlayout *L)
{
    xtab x;
    size_t j;
    hjtj_status st;
    for (j = 0; j < L->ncols; j++) {
        if (L->cols[j].kind == XC_SUM || L->cols[j].kind == XC_SUM_SHARE ||
            L->cols[j].kind == XC_MEDIAN)
            d.var = -1;
        if (L->cols[j].kind == XC_MEDIAN)
            d.measure = HJTJ_MEASURE_MEDIAN;
    }
    st = hjtj__xt_count_decl(&x, reg, &d);
    if (st != HJTJ_OK)
        return st;
    hjtj__xt_emit(t, &x, L);
    return HJTJ_OK;
}

/* The long-format cross tables (3.4, 4.4, 4.5, 4.12–4.15): the records of
 * a declaration whose rows are a code set (its keys hold each record's set),
 * whose set (masked with premask) holds one or two of the items and nothing
 * else, counted by pair, lower triangle in item order; with share, as a
 * share of all the declaration's records. */
hjtj_status hjtj__xt_pairs_decl(hjtj_table *t, const hjtj_register *reg, const xdecl *d,
                                uint32_t premask, const xrows *items, int share);
typedef struct xpairs {
    int64_t cnt[XT_MAXCOL][XT_MAXCOL]; /* [higher item class][lower] */
    int64_t all, pairs;                /* records; of them with one or two items */
} xpairs;
/* Print the counted pairs. */
void hjtj__xt_pairs_emit(hjtj_table *t, const xpairs *c, const xrows *items, int share);
/* The code, Norwegian and English label of row r of R. */
void hjtj__xrows_label(const xrows *R, size_t r, const char **code, const char **nb,
                 const char **en);

/* Shared row sets and labels. */
extern const xrows hjtj__xr_kategori;      /* the 10 categories, Kun annen after BPA */
extern const xrows hjtj__xr_storrelse;     /* «Flere enn 20 000 innbyggere» variant */
extern const xrows hjtj__xr_samle;         /* chapter 4 labels */
extern const char *const hjtj__hele_landet[2]; /* {"Hele landet", "Norway"} */

/* ------------------------------------------------------------------ */
/* The tables                                                          */
/* ------------------------------------------------------------------ */

#define BUILD(id) hjtj_status hjtj__build_##id(hjtj_table *t, const hjtj_register *reg)
/* Define a table whose build function is one call: hjtj__build_ID(t, reg) returns
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
