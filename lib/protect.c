/* protect.c — primary and secondary suppression of a grid of counts.
 *
 * The graph.  Every equation of the grid (a row or column that adds up to
 * its total, protect.h) is a node; all lines without an equation share one
 * extra node, the "ground".  Every cell is an edge between the node of its
 * row and the node of its column.  Multiplying the total row and the total
 * column by -1 turns every equation into "the cells of this line add up to
 * 0" (the sign trick of the hypercube method), so a cycle of cells in this
 * graph can be walked with +1 and -1 alternately: at every equation node
 * the cycle enters and leaves once, with opposite signs, and the ground has
 * no equation to keep.  Back in counts, each cell of the cycle moves by +1
 * or -1; when every cell of the cycle is >= 1 the moved table is another
 * non-negative integer table with the same published cells and the same
 * sums.  So a suppressed cell on a cycle of suppressed cells, all >= 1, can
 * be one more or one less than it is: its feasible interval holds at least
 * two integers — the guarantee of SPEC §11.  Conversely a suppressed cell
 * that is a bridge of the graph of suppressed cells is determined: the
 * equations on one side of the bridge add up to its value.
 *
 * The method, then: suppress every count 1..k (primary).  While some
 * suppressed cell e is a bridge, join its two ends by the cheapest path of
 * cells other than e, where a cell already suppressed costs 0 and a
 * published one costs its count; zeros are never used (a -1 on a zero
 * would leave the non-negative tables), and a path always exists (see the
 * argument in hjtj_protect(3)).  The path's published cells become
 * secondary.  Each path puts e and its own cells on a cycle and no cycle is
 * ever lost, so the loop ends.  Finally every secondary cell, the largest
 * first, is published again if the pattern stays free of bridges without
 * it.  The same bridge test is hjtj__protect_check(), the library's own
 * verification.
 *
 * The anchors: τ-Argus (its hypercube and network-flow secondary
 * suppression) and Statistics Norway's R package SSBtools /
 * GaussSuppression; this is neither, but meets the same guarantee on
 * tables of one or two dimensions with margins.
 */
#include "protect.h"

#include <stdlib.h>
#include <string.h>

typedef struct hentry { /* an entry of join()'s priority queue */
    int64_t d;
    size_t u;
} hentry;

typedef struct pgraph {
    const hjtj__pgrid *g;
    size_t nn, ne;       /* nodes (ground = 0), edges (= cells) */
    size_t *ea, *eb;     /* the two nodes of each cell */
    size_t *off, *adj;   /* candidate edges (count > 0) by node, CSR */
    /* work space */
    size_t *tin, *low, *st_node, *st_edge, *st_it, *prev;
    int64_t *dist;
    uint8_t *done;
    hentry *heap;        /* at most one entry per relaxation: 2 ne + 1 */
} pgraph;

static void pgraph_free(pgraph *G)
{
    free(G->ea);
    free(G->eb);
    free(G->off);
    free(G->adj);
    free(G->tin);
    free(G->low);
    free(G->st_node);
    free(G->st_edge);
    free(G->st_it);
    free(G->prev);
    free(G->dist);
    free(G->done);
    free(G->heap);
}

static int64_t cellv(const hjtj__pgrid *g, size_t i, size_t j)
{
    return g->v[i * g->nc + j];
}

/* Does line `at` (row `at` when by_row, else column `at`) add up to its
 * total (the cell in column tc, or in row tr)? */
static int line_holds(const hjtj__pgrid *g, int by_row, size_t at)
{
    size_t n = by_row ? g->nc : g->nr, tot = by_row ? g->tc : g->tr, k;
    int64_t s = 0;
    for (k = 0; k < n; k++)
        if (k != tot)
            s += by_row ? cellv(g, at, k) : cellv(g, k, at);
    return s == (by_row ? cellv(g, at, tot) : cellv(g, tot, at));
}

/* Build the graph: HJTJ_OK, HJTJ_ERR_NOMEM, or HJTJ_ERR_INVALID_ARG for a
 * bad grid. */
static hjtj_status pgraph_init(pgraph *G, const hjtj__pgrid *g)
{
    size_t i, j, n, e;
    memset(G, 0, sizeof *G);
    G->g = g;
    if (g->nr == 0 || g->nc == 0 || g->v == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if ((g->tr != HJTJ__P_NONE && g->tr >= g->nr) || (g->tc != HJTJ__P_NONE && g->tc >= g->nc))
        return HJTJ_ERR_INVALID_ARG;
    G->nn = 1 + g->nr + g->nc;
    G->ne = g->nr * g->nc;
    for (e = 0; e < G->ne; e++)
        if (g->v[e] < 0)
            return HJTJ_ERR_INVALID_ARG;
    n = G->nn;
    G->ea = malloc(G->ne * sizeof *G->ea);
    G->eb = malloc(G->ne * sizeof *G->eb);
    G->off = calloc(n + 1, sizeof *G->off);
    G->adj = malloc(2 * G->ne * sizeof *G->adj);
    G->tin = malloc(n * sizeof *G->tin);
    G->low = malloc(n * sizeof *G->low);
    G->st_node = malloc(n * sizeof *G->st_node);
    G->st_edge = malloc(n * sizeof *G->st_edge);
    G->st_it = malloc(n * sizeof *G->st_it);
    G->prev = malloc(n * sizeof *G->prev);
    G->dist = malloc(n * sizeof *G->dist);
    G->done = malloc(n);
    G->heap = malloc((2 * G->ne + 1) * sizeof *G->heap);
    if (!G->heap || !G->ea || !G->eb || !G->off || !G->adj || !G->tin || !G->low || !G->st_node ||
        !G->st_edge || !G->st_it || !G->prev || !G->dist || !G->done) {
        pgraph_free(G);
        return HJTJ_ERR_NOMEM;
    }
    for (i = 0; i < g->nr; i++) {
        size_t rn = g->row_eqs && g->tc != HJTJ__P_NONE && line_holds(g, 1, i) ? 1 + i : 0;
        for (j = 0; j < g->nc; j++) {
            e = i * g->nc + j;
            G->ea[e] = rn;
            G->eb[e] = 0;
        }
    }
    for (j = 0; j < g->nc; j++)
        if (g->col_eqs && g->tr != HJTJ__P_NONE && line_holds(g, 0, j))
            for (i = 0; i < g->nr; i++)
                G->eb[i * g->nc + j] = 1 + g->nr + j;
    /* candidate edges by node (a self-loop once) */
    for (e = 0; e < G->ne; e++)
        if (g->v[e] > 0) {
            G->off[G->ea[e] + 1]++;
            if (G->eb[e] != G->ea[e])
                G->off[G->eb[e] + 1]++;
        }
    for (i = 0; i < n; i++)
        G->off[i + 1] += G->off[i];
    memcpy(G->st_it, G->off, n * sizeof *G->st_it); /* fill positions */
    for (e = 0; e < G->ne; e++)
        if (g->v[e] > 0) {
            G->adj[G->st_it[G->ea[e]]++] = e;
            if (G->eb[e] != G->ea[e])
                G->adj[G->st_it[G->eb[e]]++] = e;
        }
    return HJTJ_OK;
}

static size_t other_end(const pgraph *G, size_t e, size_t u)
{
    return G->ea[e] == u ? G->eb[e] : G->ea[e];
}

/* Mark the bridges of the graph of active edges in is_bridge (if not NULL;
 * cleared first) and return how many there are (Tarjan's low-link, with
 * an explicit stack; parallel edges and self-loops are never bridges). */
static size_t find_bridges(pgraph *G, const uint8_t *active, uint8_t *is_bridge)
{
    size_t s, nb = 0, timer = 1;
    if (is_bridge)
        memset(is_bridge, 0, G->ne);
    memset(G->tin, 0, G->nn * sizeof *G->tin);
    for (s = 0; s < G->nn; s++) {
        size_t top = 0;
        if (G->tin[s])
            continue;
        G->tin[s] = G->low[s] = timer++;
        G->st_node[0] = s;
        G->st_edge[0] = (size_t)-1;
        G->st_it[0] = G->off[s];
        top = 1;
        while (top > 0) {
            size_t u = G->st_node[top - 1];
            if (G->st_it[top - 1] < G->off[u + 1]) {
                size_t e = G->adj[G->st_it[top - 1]++], w;
                if (!active[e] || e == G->st_edge[top - 1])
                    continue;
                w = other_end(G, e, u);
                if (G->tin[w]) {
                    if (G->tin[w] < G->low[u])
                        G->low[u] = G->tin[w];
                } else {
                    G->tin[w] = G->low[w] = timer++;
                    G->st_node[top] = w;
                    G->st_edge[top] = e;
                    G->st_it[top] = G->off[w];
                    top++;
                }
            } else {
                top--;
                if (top > 0) {
                    size_t p = G->st_node[top - 1];
                    if (G->low[u] < G->low[p])
                        G->low[p] = G->low[u];
                    if (G->low[u] > G->tin[p]) {
                        nb++;
                        if (is_bridge)
                            is_bridge[G->st_edge[top]] = 1;
                    }
                }
            }
        }
    }
    return nb;
}

/* A binary min-heap of (distance, node) in G->heap[0..*n). */
static void heap_push(hentry *h, size_t *n, int64_t d, size_t u)
{
    size_t i = (*n)++;
    while (i > 0 && h[(i - 1) / 2].d > d) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i].d = d;
    h[i].u = u;
}

static hentry heap_pop(hentry *h, size_t *n)
{
    hentry top = h[0], last = h[--*n];
    size_t i = 0, c;
    while ((c = 2 * i + 1) < *n) {
        if (c + 1 < *n && h[c + 1].d < h[c].d)
            c++;
        if (h[c].d >= last.d)
            break;
        h[i] = h[c];
        i = c;
    }
    h[i] = last;
    return top;
}

/* The cheapest path from a to b over candidate edges other than ban
 * (Dijkstra): an active edge costs 0, another its count.  Marks the path's
 * inactive edges active and secondary.  Returns 0 when there is no path. */
static int join(pgraph *G, size_t a, size_t b, size_t ban, uint8_t *active, uint8_t *state)
{
    size_t i, u, nh = 0;
    for (i = 0; i < G->nn; i++) {
        G->dist[i] = INT64_MAX;
        G->done[i] = 0;
        G->prev[i] = (size_t)-1;
    }
    G->dist[a] = 0;
    heap_push(G->heap, &nh, 0, a);
    while (nh > 0) {
        hentry top = heap_pop(G->heap, &nh);
        size_t p;
        u = top.u;
        if (G->done[u])
            continue;
        if (u == b)
            break;
        G->done[u] = 1;
        for (p = G->off[u]; p < G->off[u + 1]; p++) {
            size_t e = G->adj[p], w = other_end(G, e, u);
            int64_t c;
            if (e == ban || G->done[w])
                continue;
            c = G->dist[u] + (active[e] ? 0 : G->g->v[e]);
            if (c < G->dist[w]) {
                G->dist[w] = c;
                G->prev[w] = e;
                heap_push(G->heap, &nh, c, w);
            }
        }
    }
    if (G->dist[b] == INT64_MAX)
        return 0;
    for (u = b; u != a;) {
        size_t e = G->prev[u];
        if (!active[e]) {
            active[e] = 1;
            state[e] = HJTJ__P_SECONDARY;
        }
        u = other_end(G, e, u);
    }
    return 1;
}

/* Secondary cells, largest first (ties: later cell first). */
typedef struct secv {
    int64_t v;
    size_t e;
} secv;

static int cmp_secv(const void *x, const void *y)
{
    const secv *a = x, *b = y;
    if (a->v != b->v)
        return a->v < b->v ? 1 : -1;
    return (a->e < b->e) - (a->e > b->e);
}

/* Publish again every secondary cell the pattern does not need, the
 * largest first.  Each try is a bridge search over the whole graph, so on
 * very large tables only the largest cells are tried: at most
 * max(64, 2e7 / cells) of them (every one in a table of up to 4 472
 * cells, such as the 357 municipalities by 11 columns). */
static hjtj_status release(pgraph *G, uint8_t *active, uint8_t *state)
{
    size_t e, n = 0, i, most = 20000000 / (G->ne ? G->ne : 1);
    secv *s = malloc((G->ne ? G->ne : 1) * sizeof *s);
    if (s == NULL)
        return HJTJ_ERR_NOMEM;
    for (e = 0; e < G->ne; e++)
        if (state[e] == HJTJ__P_SECONDARY) {
            s[n].v = G->g->v[e];
            s[n++].e = e;
        }
    qsort(s, n, sizeof *s, cmp_secv);
    if (most < 64)
        most = 64;
    for (i = 0; i < n && i < most; i++) {
        e = s[i].e;
        active[e] = 0;
        if (find_bridges(G, active, NULL) > 0)
            active[e] = 1;
        else
            state[e] = HJTJ__P_PUBLISHED;
    }
    free(s);
    return HJTJ_OK;
}

hjtj_status hjtj__protect(const hjtj__pgrid *g, int64_t k, uint8_t *state)
{
    pgraph G;
    uint8_t *active, *br;
    size_t e;
    int stuck = 0;
    hjtj_status st;
    if (g == NULL || state == NULL || k < 1)
        return HJTJ_ERR_INVALID_ARG;
    st = pgraph_init(&G, g);
    if (st != HJTJ_OK)
        return st;
    active = calloc(G.ne, 1);
    br = malloc(G.ne);
    if (active == NULL || br == NULL) {
        free(active);
        free(br);
        pgraph_free(&G);
        return HJTJ_ERR_NOMEM;
    }
    for (e = 0; e < G.ne; e++) {
        active[e] = g->v[e] >= 1 && g->v[e] <= k;
        state[e] = active[e] ? HJTJ__P_PRIMARY : HJTJ__P_PUBLISHED;
    }
    /* The bridges in cell order.  A bridge that an earlier path of the
     * round has put on a cycle is joined by a path of suppressed cells
     * (cost 0) and adds nothing, so a round gives what recomputing the
     * bridges after every path would; joining never makes a bridge. */
    while (!stuck && find_bridges(&G, active, br) > 0)
        for (e = 0; e < G.ne; e++)
            if (br[e] && !join(&G, G.ea[e], G.eb[e], e, active, state)) {
                /* cannot happen when the equations hold (hjtj_protect(3));
                 * suppress every non-zero count, which is always safe */
                for (e = 0; e < G.ne; e++)
                    if (g->v[e] > 0 && !active[e]) {
                        active[e] = 1;
                        state[e] = HJTJ__P_SECONDARY;
                    }
                stuck = 1;
                break;
            }
    st = release(&G, active, state);
    free(active);
    free(br);
    pgraph_free(&G);
    return st;
}

int hjtj__protect_check(const hjtj__pgrid *g, int64_t k, const uint8_t *state)
{
    pgraph G;
    uint8_t *active;
    size_t e;
    int ok = 1;
    if (g == NULL || state == NULL)
        return 0;
    if (pgraph_init(&G, g) != HJTJ_OK)
        return -1;
    active = malloc(G.ne ? G.ne : 1);
    if (active == NULL) {
        pgraph_free(&G);
        return -1;
    }
    for (e = 0; e < G.ne; e++) {
        active[e] = state[e] != HJTJ__P_PUBLISHED;
        if (g->v[e] >= 1 && g->v[e] <= k && !active[e])
            ok = 0; /* a small count published */
        if (active[e] && g->v[e] < 1)
            ok = 0; /* a suppressed zero: a -1 step would leave the tables */
    }
    if (ok && find_bridges(&G, active, NULL) > 0)
        ok = 0;
    free(active);
    pgraph_free(&G);
    return ok;
}
