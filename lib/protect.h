/* protect.h — small-count protection of a grid of counts (SPEC §11).
 *
 * The core sees a table as a grid of non-negative counts: nr rows and nc
 * columns, totals included.  Row tr (if any) is the total row and column tc
 * (if any) the total column.  Two kinds of equations may hold:
 *
 *   column equations (col_eqs): for every column j, the cells of the other
 *       rows add up to cell (tr, j) — the row classes are a partition;
 *   row equations (row_eqs): for every row i, the cells of the other
 *       columns add up to cell (i, tc) — the column classes are a partition.
 *
 * A dimension with multiple response (an enterprise in several classes)
 * gives no equations along it: pass 0.  An equation asked for is used only
 * when it holds in the counts (a line that does not add up is no equation),
 * so a caller may ask for both and let the data decide.
 *
 * The method (documented in hjtj_protect(3)): primary suppression of every
 * count 1..k; secondary suppression by shortest paths in the graph whose
 * nodes are the equations and whose edges are the cells, until no
 * suppressed cell is a bridge of the graph of suppressed cells; then
 * redundant secondary cells are released, largest first.  See protect.c.
 */
#ifndef HJTJ_PROTECT_H
#define HJTJ_PROTECT_H

#include "hjtj.h"

#include <stddef.h>
#include <stdint.h>

#define HJTJ__P_NONE ((size_t)-1) /* no total row / column */

enum { HJTJ__P_PUBLISHED = 0, HJTJ__P_PRIMARY = 1, HJTJ__P_SECONDARY = 2 };

typedef struct hjtj__pgrid {
    size_t nr, nc;       /* rows and columns, totals included */
    const int64_t *v;    /* nr * nc counts >= 0, row-major */
    size_t tr, tc;       /* total row and column, or HJTJ__P_NONE */
    int col_eqs;         /* the rows add up to row tr (per column) */
    int row_eqs;         /* the columns add up to column tc (per row) */
} hjtj__pgrid;

/* Fill state[nr * nc] with HJTJ__P_* for protection at level k >= 1.
 * Errors: HJTJ_ERR_INVALID_ARG (k < 1, a negative count, bad indices),
 * HJTJ_ERR_NOMEM. */
hjtj_status hjtj__protect(const hjtj__pgrid *g, int64_t k, uint8_t *state);

/* Check a pattern against the guarantee by the cycle argument: every count
 * 1..k is suppressed, every suppressed count is >= 1, and no suppressed
 * cell is a bridge of the graph of suppressed cells (so each lies on a
 * cycle of suppressed cells along which ±1 keeps every equation and every
 * count >= 0: its value is not determined by what is published).
 * Returns 1 when it holds, 0 when not, -1 when out of memory. */
int hjtj__protect_check(const hjtj__pgrid *g, int64_t k, const uint8_t *state);

#endif
