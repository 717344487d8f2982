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

#include <string.h>

/* ------------------------------------------------------------------ */
/* Dimensions and filters                                              */
/* ------------------------------------------------------------------ */

typedef uint32_t (*xdim)(const hjtj_record *r);

/* The scans (xt_count, xt_table, xt_pairs) and the helpers that pass
 * dimensions on to them are inlined into each table's build function,
 * where the dimensions are constants: the compiler then inlines the
 * dimensions too, instead of calling through a pointer two or three times
 * for every record (two thirds of the time of a scan).  The function
 * pointers still name the scan's reduction (reg_view). */
#if defined(__GNUC__)
#define XT_INLINE static inline __attribute__((always_inline))
#else
#define XT_INLINE static inline
#endif

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

/* BIT(class of the record in field f), or 0 when the field does not apply. */
static inline uint32_t cls_bit(const hjtj_record *r, hjtj_field f)
{
    int c = rec_cls(r, f);
    return c < 0 ? 0u : BIT(c);
}
/* Define a dimension `name` giving the record's class in a classification
 * field (prefix with `static` for a local one). */
#define FIELD_DIM(name, field)                                                  \
    uint32_t name(const hjtj_record *r)                                        \
    {                                                                          \
        return cls_bit(r, (field));                                            \
    }

/* Filters.  All but keep_all are inside the population of chapters 3–5. */
static inline uint32_t keep_all(const hjtj_record *r) /* every loaded record */
{
    (void)r;
    return 1;
}
static inline uint32_t keep_pop(const hjtj_record *r) /* aktiv, not utenfor */
{
    return r->population;
}
static inline uint32_t keep_pure_bolig(const hjtj_record *r) /* kategori Kun boligbase */
{
    return r->population && rec_cls(r, HJTJ_FIELD_KATEGORI) == HJTJ_KAT_KUN_BOLIGBASE;
}
static inline uint32_t keep_pure_amb(const hjtj_record *r) /* the three Kun ambulerende */
{
    int k = rec_cls(r, HJTJ_FIELD_KATEGORI);
    return r->population && k >= HJTJ_KAT_KUN_AMB_HELSE && k <= HJTJ_KAT_KUN_AMB_BEGGE;
}

/* Dimensions used by several chapters. */
static inline FIELD_DIM(dim_kategori, HJTJ_FIELD_KATEGORI)
static inline FIELD_DIM(dim_storrelse, HJTJ_FIELD_KOMMUNESTORRELSE) /* kommunestørrelse */
static inline FIELD_DIM(dim_samle, HJTJ_FIELD_SAMLEMALGRUPPE)       /* samlemålgruppe */
static inline uint32_t dim_malgrupper(const hjtj_record *r) /* the edited målgruppe set */
{
    return r->mg;
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
    int64_t med2[XT_MAXCLS + 1];         /* twice the median value (xt_medians) */
    /* for small-count protection (SPEC §11): */
    int units_kommuner;                  /* n counts municipalities (xt_kommuner) */
    uint32_t notcount;                   /* column classes that are not counts of
                                            enterprises (3.18's municipalities) */
} xtab;

/* Add one unit in the row classes `rows` and column classes `cols`, with a
 * value for the sums.  The total counts the unit once whatever its rows. */
void xt_add(xtab *x, uint32_t rows, uint32_t cols, int64_t value);
/* The same for w units at once. */
void xt_addw(xtab *x, uint32_t rows, uint32_t cols, int64_t value, int64_t w);
/* w units in rows and cols whose values add up to sum. */
void xt_add_units(xtab *x, uint32_t rows, uint32_t cols, int64_t sum, int64_t w);

/* Units gathered by their (rows, cols) pair before they are spread over the
 * classes: a table has few distinct pairs, so each record costs a probe
 * instead of a walk over its row and column bits.  Integer sums in another
 * order: the same counts. */
#define XT_PAIR_SLOTS 512
#define XT_PAIR_PROBES 8

/* Clear x and count the records r with keep(r) != 0 by rows(r) and cols(r)
 * (cols may be NULL).  The value summed is the record's boenheter as counted
 * in chapter 5 (0 outside the botilbud population). */
XT_INLINE void xt_count(xtab *x, const hjtj_register *reg, xdim keep, xdim rows, xdim cols)
{
    /* the sums come from rv_sum, so the values need not be in the key */
    rview v = reg_view(reg, keep, rows, cols, NULL);
    uint64_t key[XT_PAIR_SLOTS];
    /* two sets of sums, for even and odd records: a record adding to the
     * slot the previous one added to need not wait for that store */
    int64_t w[2][XT_PAIR_SLOTS], sum[2][XT_PAIR_SLOTS];
    unsigned char used[XT_PAIR_SLOTS];
    size_t i, n = rv_n(&v);
    memset(x, 0, sizeof *x);
    memset(used, 0, sizeof used);
    for (i = 0; i < n; i++) {
        const hjtj_record *r = rv_rec(&v, i);
        uint64_t k;
        unsigned h, p;
        if (!keep(r))
            continue;
        k = (uint64_t)rows(r) << 32 | (cols ? cols(r) : 0u);
        h = (unsigned)((k * 0x9E3779B97F4A7C15ull) >> 55); /* 9 bits: XT_PAIR_SLOTS */
        for (p = 0; p < XT_PAIR_PROBES; p++, h = (h + 1) & (XT_PAIR_SLOTS - 1)) {
            if (!used[h]) {
                used[h] = 1;
                key[h] = k;
                w[0][h] = sum[0][h] = w[1][h] = sum[1][h] = 0;
            }
            if (key[h] == k)
                break;
        }
        if (p == XT_PAIR_PROBES) { /* a crowded neighbourhood: spread it now */
            xt_add_units(x, (uint32_t)(k >> 32), (uint32_t)k, rv_sum(&v, i), rv_w(&v, i));
            continue;
        }
        w[i & 1][h] += rv_w(&v, i);
        sum[i & 1][h] += rv_sum(&v, i);
    }
    for (i = 0; i < XT_PAIR_SLOTS; i++)
        if (used[i])
            xt_add_units(x, (uint32_t)(key[i] >> 32), (uint32_t)key[i], sum[0][i] + sum[1][i],
                         w[0][i] + w[1][i]);
}
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
/* After xt_count: the medians if the layout has a median column, then print. */
hjtj_status xt_finish(hjtj_table *t, xtab *x, const hjtj_register *reg, xdim keep, xdim rows,
                      const xlayout *L);
/* Count, then print: the usual table in one call. */
XT_INLINE hjtj_status xt_table(hjtj_table *t, const hjtj_register *reg, xdim keep, xdim rows,
                               xdim cols, const xlayout *L)
{
    xtab x;
    xt_count(&x, reg, keep, rows, cols);
    return xt_finish(t, &x, reg, keep, rows, L);
}

/* The long-format cross tables (3.4, 4.4, 4.5, 4.12–4.15): the records of
 * keep whose set(r) holds one or two of the items (and nothing else),
 * counted by pair, lower triangle in item order; with share, as a share of
 * all records of keep. */
typedef struct xpairs {
    int64_t cnt[XT_MAXCOL][XT_MAXCOL]; /* [higher item class][lower] */
    int64_t all, pairs;                /* units of keep; of them with one or two items */
} xpairs;
/* Print the counts of xt_pairs. */
void xt_pairs_emit(hjtj_table *t, const xpairs *c, const xrows *items, int share);
XT_INLINE hjtj_status xt_pairs(hjtj_table *t, const hjtj_register *reg, xdim keep, xdim set,
                               const xrows *items, int share)
{
    rview rv = reg_view(reg, keep, set, NULL, NULL);
    xpairs c;
    uint32_t mask = 0;
    size_t i, a;
    memset(&c, 0, sizeof c);
    for (a = 0; a < items->n; a++)
        mask |= BIT(items->cls[a]);
    for (i = 0; i < rv_n(&rv); i++) {
        const hjtj_record *r = rv_rec(&rv, i);
        int64_t w = rv_w(&rv, i);
        uint32_t s, lo, rest;
        if (!keep(r))
            continue;
        c.all += w;
        s = set(r);
        rest = s & (s - 1); /* without the lowest item */
        if (s == 0 || (s & ~mask) || (rest & (rest - 1)))
            continue; /* no item, another one, or more than two */
        lo = (uint32_t)xt_low_bit(s);
        c.cnt[rest ? (uint32_t)xt_low_bit(rest) : lo][lo] += w;
        c.pairs += w;
    }
    xt_pairs_emit(t, &c, items, share);
    return HJTJ_OK;
}
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
