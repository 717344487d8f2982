/*
 * measure.h — A declaration counted over a register (measure.c): the grid
 * of its row and column classes with counts, sums and medians per cell, and
 * a cell as the declaration's measure shows it.  Custom tables
 * (crosstab.c), profiles (profile.c) and the report's tables (catalog.c)
 * all count through hjtj__xrun: one engine.
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_MEASURE_H
#define HJTJ_MEASURE_H

#include "hjtj.h"
#include "error.h"
#include "table.h"
#include "crosstab.h"
#include "dimension.h"

#include <stddef.h>
#include <stdint.h>

typedef struct xresult {
    xclasses rows, cols;      /* cols.n == 0: no column dimension */
    size_t R, C;              /* grid (rows.n + 1) x (cols.n + 1); the last of each: totals */
    int64_t *cnt, *nval, *sum, *med2;
    uint8_t *hasmed;
    int scale_dec;            /* the variable's decimals */
} xresult;

/* Count declaration d over reg into x: HJTJ_OK, or the error in err (the
 * variable without its link, a municipality not in the table, a streaming
 * register without the declaration, a sum over 64 bits, out of memory). */
hjtj_status hjtj__xrun(xresult *x, const hjtj_register *reg, const xdecl *d, hjtj_error *err);
void hjtj__xresult_free(xresult *x);
/* Cell (a, b) of the grid into cell (i, j) of t, as d's measure shows it. */
void hjtj__xcell(hjtj_table *t, size_t i, size_t j, const xresult *x, const xdecl *d, size_t a,
                 size_t b);
/* The register's municipality table, loading the bundled one if none was
 * set: HJTJ_OK, or the error in err (HJTJ_ERR_NOMEM when memory ran out,
 * else HJTJ_ERR_IO). */
hjtj_status hjtj__kommuner_for_tables(const hjtj_register *reg, hjtj_error *err);

#endif
