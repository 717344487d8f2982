/* crosstab.c — custom tables (SPEC §9): a declaration (population, filters,
 * a row and an optional column dimension, a measure) read through one key
 * function, reduced to its distinct keys with their record counts (the
 * same reduction a streaming register fills while it loads), counted over
 * the classes (measure.c) and printed.  The dimensions are in dimension.c,
 * a municipality's profile in profile.c.  See hjtj_crosstab(3). */
#include "codes.h"
#include "error.h"
#include "text.h"
#include "buf.h"
#include "record.h"
#include "reduce.h"
#include "register.h"
#include "table.h"
#include "protect.h"
#include "crosstab.h"
#include "dimension.h"
#include "measure.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* The key of a record                                                 */
/* ------------------------------------------------------------------ */

static int in_population(int pop, const hjtj_record *r)
{
    return pop == HJTJ_POPULATION_ALLE     ? 1
           : pop == HJTJ_POPULATION_AKTIV ? r->status == HJTJ_STATUS_AKTIV
                                          : r->population;
}

static inline __attribute__((always_inline)) int xkey(const xdecl *d, const hjtj_record *r,
                                                     uint32_t k[RED_NFN])
{
    uint32_t i, j;
    int64_t v = 0;
    int has = 0;
    if (!in_population(d->population, r))
        return 0;
    for (i = 0; i < d->nwhere; i++) {
        const xwhere *w = &d->where[i];
        uint32_t x = xd_value(&w->d, r);
        if (w->d.kind == XD_MULTI) {
            if ((x & w->v[0]) == 0)
                return 0;
            continue;
        }
        if (w->bits) {
            if (x >= 64 || !(w->bits >> x & 1u))
                return 0;
            continue;
        }
        for (j = 0; j < w->n && w->v[j] != x; j++)
            ;
        if (j == w->n)
            return 0;
    }
    k[0] = xd_value(&d->rows, r);
    k[1] = d->cols.field < 0 ? 1u : xd_value(&d->cols, r);
    if (k[0] == 0 || k[1] == 0)
        return 0; /* no class in a dimension of the table */
    if (d->var == -1 && rec_cls(r, HJTJ_FIELD_BOTILBUD) == 1) {
        v = r->boenheter;
        has = 1;
    } else if (d->var >= 0 && d->link != NULL) {
        int64_t row = hjtj__link_find(d->link, r->orgnr);
        if (row >= 0 && d->link->has[(size_t)row * d->link->nvars + (size_t)d->var]) {
            v = d->link->val[(size_t)row * d->link->nvars + (size_t)d->var];
            has = 1;
        }
    }
    if (has)
        k[0] |= 0x80000000u;
    k[2] = (uint32_t)((uint64_t)v & 0xffffffffu);
    k[3] = (uint32_t)((uint64_t)v >> 32);
    return 1;
}

int hjtj__xdecl_key(const xdecl *d, const hjtj_record *r, uint32_t k[RED_NFN])
{
    return xkey(d, r, k);
}

/* Keys gathered before they go to the store: a table has few distinct keys,
 * so most records cost one probe here instead of the store's general hash. */
#define DS_SLOTS 4096
#define DS_PROBES 8

typedef struct dslot {
    uint32_t k[RED_NFN];
    uint64_t w;
} dslot;

/* The first slot of a key in the gatherer: three independent products, the
 * top bits.  Not red_key_hash (the store's, four dependent rounds): the
 * gatherer is probed for every record of every declaration a build reads,
 * and that hash made the table time of 10^6 kept records about 15 % longer
 * (libxtab-csv 0.025 -> 0.029 s); a slow key here only falls through to the
 * store. */
static inline unsigned gather_slot(const uint32_t *k)
{
    uint64_t h = ((uint64_t)k[0] * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)k[1] * 0xC2B2AE3D27D4EB4FULL) ^
                 (((uint64_t)k[3] << 32 | k[2]) * 0x165667B19E3779F9ULL);
    return (unsigned)(h >> 52) & (DS_SLOTS - 1);
}

/* One pass over records [from, to) of a declaration: most keys counted in
 * the gatherer's slots, the rest in own. */
typedef struct gather {
    const hjtj_register *reg;
    const xdecl *d;
    size_t from, to;
    dslot *slot;
    rstore own;
    int bad; /* out of memory */
} gather;

static void gather_range(gather *g)
{
    size_t i;
    for (i = g->from; i < g->to && !g->bad; i++) {
        const hjtj_record *r = reg_rec(g->reg, i);
        uint32_t k[RED_NFN];
        unsigned j, p;
        if (!xkey(g->d, r, k))
            continue;
        j = gather_slot(k);
        for (p = 0; p < DS_PROBES; p++, j = (j + 1) & (DS_SLOTS - 1)) {
            dslot *sl = &g->slot[j];
            if (sl->w == 0)
                memcpy(sl->k, k, sizeof k);
            if (sl->k[0] == k[0] && sl->k[1] == k[1] && sl->k[2] == k[2] && sl->k[3] == k[3]) {
                sl->w++;
                break;
            }
        }
        if (p == DS_PROBES && hjtj__rstore_add(&g->own, k, 1) != HJTJ_OK)
            g->bad = 1;
    }
}

static void *gather_thread(void *arg)
{
    gather_range(arg);
    return NULL;
}

/* Registers of this many kept records or more are gathered by two threads,
 * each over half of the records (a table of 10^6 records in about half the
 * time on two cores). */
#define GATHER_SPLIT ((size_t)1 << 17)

/* The distinct keys of the declaration over reg, with their counts: the
 * streaming register's reduction, or one made now from the kept records. */
hjtj_status hjtj__decl_keys(const hjtj_register *reg, const xdecl *d, rstore *own,
                            const rstore **out)
{
    gather g[2];
    pthread_t th;
    int two = 0, bad;
    size_t i, n = reg->nrecords, h;
    memset(own, 0, sizeof *own);
    if (!reg->keep) {
        *out = hjtj__red_decl_store(reg, d);
        return *out ? HJTJ_OK : HJTJ_ERR_STATE;
    }
    memset(g, 0, sizeof g);
    g[0].slot = calloc(DS_SLOTS, sizeof *g[0].slot);
    if (g[0].slot == NULL)
        return HJTJ_ERR_NOMEM;
    g[0].reg = g[1].reg = reg;
    g[0].d = g[1].d = d;
    g[0].to = n;
    if (n >= GATHER_SPLIT && (g[1].slot = calloc(DS_SLOTS, sizeof *g[1].slot)) != NULL) {
        g[0].to = g[1].from = n / 2;
        g[1].to = n;
        two = pthread_create(&th, NULL, gather_thread, &g[1]) == 0;
        if (!two)
            g[0].to = n; /* no second thread: one does it all */
    }
    gather_range(&g[0]);
    if (two)
        pthread_join(th, NULL);
    /* the keys of both into own (the store adds the counts of a key met
     * twice) */
    bad = g[0].bad || g[1].bad;
    *own = g[0].own;
    for (i = 0; i < g[1].own.n && !bad; i++)
        bad = hjtj__rstore_add(own, &g[1].own.key[i * RED_NFN], g[1].own.w[i]) != HJTJ_OK;
    for (h = 0; h < 2; h++)
        for (i = 0; g[h].slot != NULL && i < DS_SLOTS && !bad; i++)
            if (g[h].slot[i].w)
                bad = hjtj__rstore_add(own, g[h].slot[i].k, g[h].slot[i].w) != HJTJ_OK;
    hjtj__rstore_free(&g[1].own);
    free(g[0].slot);
    free(g[1].slot);
    if (bad) {
        hjtj__rstore_free(own);
        return HJTJ_ERR_NOMEM;
    }
    *out = own;
    return HJTJ_OK;
}

/* ------------------------------------------------------------------ */
/* The declaration                                                     */
/* ------------------------------------------------------------------ */

HJTJ_API hjtj_status hjtj_crosstab_new(hjtj_crosstab **out)
{
    hjtj_crosstab *ct;
    if (out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    *out = ct = calloc(1, sizeof *ct);
    if (ct == NULL)
        return HJTJ_ERR_NOMEM;
    ct->d.rows.field = HJTJ_FIELD_KATEGORI;
    ct->d.rows.kind = XD_CLASS;
    ct->d.cols.field = -1;
    ct->d.cols.kind = XD_LANDET;
    ct->d.var = -2;
    return HJTJ_OK;
}

HJTJ_API void hjtj_crosstab_free(hjtj_crosstab *ct)
{
    free(ct);
}

HJTJ_API const hjtj_error *hjtj_crosstab_error(const hjtj_crosstab *ct)
{
    return ct ? &ct->err : NULL;
}

/* An error with a list of the valid names appended by list(b). */
static hjtj_status ct_fail(hjtj_crosstab *ct, hjtj_status st, const char *what,
                           void (*list)(buf *, const void *), const void *arg)
{
    buf b;
    hjtj__buf_init(&b);
    hjtj__buf_puts(&b, what);
    if (list) {
        hjtj__buf_puts(&b, " (valid: ");
        list(&b, arg);
        hjtj__buf_puts(&b, ")");
    }
    hjtj__err_set(&ct->err, st, "", 0, 0, "%s", b.data ? b.data : what);
    hjtj__buf_free(&b);
    return st;
}

static void list_dims_cb(buf *b, const void *arg)
{
    (void)arg;
    hjtj__dim_list(b);
}

static hjtj_status set_dim(hjtj_crosstab *ct, xd_spec *d, const char *name, int optional)
{
    const dim_def *def;
    char msg[200];
    if (ct == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&ct->err);
    if (optional && (name == NULL || name[0] == '\0')) {
        d->field = -1;
        d->kind = XD_LANDET;
        return HJTJ_OK;
    }
    def = hjtj__dim_find(name);
    if (def == NULL) {
        snprintf(msg, sizeof msg, "unknown dimension '%.60s'", name ? name : "");
        return ct_fail(ct, HJTJ_ERR_NOT_FOUND, msg, list_dims_cb, NULL);
    }
    d->field = def->field;
    d->kind = def->kind;
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_crosstab_set_rows(hjtj_crosstab *ct, const char *field)
{
    return set_dim(ct, ct ? &ct->d.rows : NULL, field, 0);
}

HJTJ_API hjtj_status hjtj_crosstab_set_cols(hjtj_crosstab *ct, const char *field)
{
    return set_dim(ct, ct ? &ct->d.cols : NULL, field, 1);
}

/* The codes of a closed field, for messages. */
static void list_codes_cb(buf *b, const void *arg)
{
    hjtj__dim_list_codes(b, arg);
}


HJTJ_API hjtj_status hjtj_crosstab_add_where(hjtj_crosstab *ct, const char *field,
                                             const char *codes)
{
    const dim_def *def;
    xwhere w;
    const char *p;
    char msg[200];
    if (ct == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&ct->err);
    def = hjtj__dim_find(field);
    if (def == NULL) {
        snprintf(msg, sizeof msg, "unknown field '%.60s' in a filter", field ? field : "");
        return ct_fail(ct, HJTJ_ERR_NOT_FOUND, msg, list_dims_cb, NULL);
    }
    if (codes == NULL)
        return hjtj__err_set(&ct->err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no codes for %s", field);
    if (ct->d.nwhere == XW_MAX)
        return hjtj__err_set(&ct->err, HJTJ_ERR_LIMIT, "", 0, 0, "more than %d filters", XW_MAX);
    memset(&w, 0, sizeof w);
    w.d.field = def->field;
    w.d.kind = def->kind;
    for (p = codes;;) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        uint32_t v;
        while (n > 0 && *p == ' ')
            p++, n--;
        while (n > 0 && p[n - 1] == ' ')
            n--;
        v = hjtj__dim_code_value(def, p, n);
        if (v == 0) {
            snprintf(msg, sizeof msg, "unknown %s code '%.*s'", def->name, (int)(n > 40 ? 40 : n),
                     p);
            return ct_fail(ct, HJTJ_ERR_NOT_FOUND, msg, list_codes_cb, def);
        }
        if (def->kind == XD_MULTI) {
            w.v[0] |= v;
            w.n = 1;
        } else if (w.n == XW_MAXCODES) {
            return hjtj__err_set(&ct->err, HJTJ_ERR_LIMIT, "", 0, 0,
                           "more than %d codes in one filter", XW_MAXCODES);
        } else {
            w.v[w.n++] = v;
        }
        if (e == NULL)
            break;
        p = e + 1;
    }
    hjtj__where_bits(&w);
    ct->d.where[ct->d.nwhere++] = w;
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_crosstab_clear_where(hjtj_crosstab *ct)
{
    if (ct == NULL)
        return HJTJ_ERR_INVALID_ARG;
    memset(ct->d.where, 0, sizeof ct->d.where);
    ct->d.nwhere = 0;
    return HJTJ_OK;
}

static const char *const pop_names[] = {"populasjon", "aktiv", "alle"};
static const char *const measure_names[] = {"antall",       "andel-rad", "andel-kolonne",
                                            "andel-total",  "sum",       "gjennomsnitt",
                                            "median"};

static void list_names_cb(buf *b, const void *arg)
{
    const char *const *names = arg;
    size_t i;
    for (i = 0; names[i]; i++)
        hjtj__buf_printf(b, "%s%s", i ? ", " : "", names[i]);
}

HJTJ_API hjtj_status hjtj_crosstab_set_population(hjtj_crosstab *ct, const char *population)
{
    static const char *const list[] = {"populasjon", "aktiv", "alle", NULL};
    int i;
    char msg[120];
    if (ct == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&ct->err);
    for (i = 0; i < 3; i++)
        if (population && strcmp(population, pop_names[i]) == 0) {
            ct->d.population = i;
            return HJTJ_OK;
        }
    snprintf(msg, sizeof msg, "unknown population '%.40s'", population ? population : "");
    return ct_fail(ct, HJTJ_ERR_NOT_FOUND, msg, list_names_cb, list);
}

static void list_vars_cb(buf *b, const void *arg)
{
    const hjtj_link *l = arg;
    size_t i;
    hjtj__buf_puts(b, "boenheter");
    for (i = 0; l && i < l->nvars; i++)
        hjtj__buf_printf(b, ", %s", l->vars[i]);
}

/* Resolve the measure's variable name against the link; HJTJ_OK, or an
 * error naming the variable (the declaration is then unchanged). */
static hjtj_status resolve_var(hjtj_crosstab *ct, const char *name, const hjtj_link *link,
                               int *var)
{
    size_t i;
    char msg[200];
    if (strcmp(name, "boenheter") == 0) {
        *var = -1;
        return HJTJ_OK;
    }
    if (link == NULL) {
        *var = -3; /* resolved when a link is attached */
        return HJTJ_OK;
    }
    for (i = 0; i < link->nvars; i++)
        if (strcmp(link->vars[i], name) == 0) {
            *var = (int)i;
            return HJTJ_OK;
        }
    snprintf(msg, sizeof msg, "unknown variable '%.60s' (not boenheter nor a column of %.60s)",
             name, link->file ? link->file : "the link");
    return ct_fail(ct, HJTJ_ERR_NOT_FOUND, msg, list_vars_cb, link);
}

HJTJ_API hjtj_status hjtj_crosstab_set_measure(hjtj_crosstab *ct, const char *measure)
{
    static const char *const list[] = {"antall",           "andel-rad",          "andel-kolonne",
                                       "andel-total",      "sum:VAR",            "gjennomsnitt:VAR",
                                       "median:VAR",       NULL};
    const char *colon;
    size_t n, i;
    int var = -2;
    char msg[120];
    hjtj_status st;
    if (ct == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&ct->err);
    if (measure == NULL)
        measure = "";
    colon = strchr(measure, ':');
    n = colon ? (size_t)(colon - measure) : strlen(measure);
    for (i = 0; i < 7; i++)
        if (strlen(measure_names[i]) == n && memcmp(measure, measure_names[i], n) == 0)
            break;
    if (i == 7 || (i >= HJTJ_MEASURE_SUM) != (colon != NULL) ||
        (colon && (colon[1] == '\0' || strlen(colon + 1) >= sizeof ct->varname))) {
        snprintf(msg, sizeof msg, "unknown measure '%.60s'", measure);
        return ct_fail(ct, HJTJ_ERR_NOT_FOUND, msg, list_names_cb, list);
    }
    if (colon && (st = resolve_var(ct, colon + 1, ct->d.link, &var)) != HJTJ_OK)
        return st;
    ct->d.measure = (int)i;
    ct->d.var = var;
    hjtj__str_copy(ct->varname, sizeof ct->varname, colon ? colon + 1 : "");
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_crosstab_set_link(hjtj_crosstab *ct, const hjtj_link *link)
{
    int var = ct ? ct->d.var : -2;
    hjtj_status st;
    if (ct == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&ct->err);
    if (ct->varname[0] && strcmp(ct->varname, "boenheter") != 0) {
        if (link == NULL)
            var = -3;
        else if ((st = resolve_var(ct, ct->varname, link, &var)) != HJTJ_OK)
            return st;
    }
    ct->d.link = link;
    ct->d.var = var;
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_register_add_crosstab(hjtj_register *reg, const hjtj_crosstab *ct)
{
    hjtj_status st;
    if (reg == NULL || ct == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&reg->err);
    st = hjtj__red_add_decl(reg, &ct->d);
    if (st == HJTJ_ERR_STATE)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0,
                       "a custom table is added before the register's first load");
    if (st != HJTJ_OK)
        return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    return HJTJ_OK;
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */


static const char *const pop_sentence[] = {
    "Active home-care enterprises (status aktiv, not outside home care)",
    "Records with status aktiv (outside home care included)",
    "Every loaded record, whatever its status"};

/* Title and population sentence, owned by the table. */
static void describe(hjtj_table *t, const xdecl *d, const char *varname)
{
    buf b;
    uint32_t i, j;
    const char *rn = hjtj__dim_name(&d->rows), *cn = d->cols.field >= 0 ? hjtj__dim_name(&d->cols) : NULL;
    hjtj__buf_init(&b);
    hjtj__buf_printf(&b, "Egendefinert tabell: %s", rn);
    if (cn)
        hjtj__buf_printf(&b, " etter %s", cn);
    t->title_nb = hjtj__tb_own(t, b.data ? b.data : "");
    b.len = 0;
    hjtj__buf_printf(&b, "Custom table: %s", rn);
    if (cn)
        hjtj__buf_printf(&b, " by %s", cn);
    t->title_en = hjtj__tb_own(t, b.data ? b.data : "");
    b.len = 0;
    hjtj__buf_puts(&b, pop_sentence[d->population]);
    for (i = 0; i < d->nwhere; i++) {
        const xwhere *w = &d->where[i];
        hjtj__buf_printf(&b, "%s %s in {", i ? " and" : "; where", hjtj__dim_name(&w->d));
        if (w->d.kind == XD_MULTI) {
            int first = 1;
            for (j = 0; j < 32; j++)
                if (w->v[0] & BIT(j)) {
                    hjtj__buf_printf(&b, "%s%s", first ? "" : ", ",
                               hjtj_code((hjtj_field)w->d.field, (int32_t)j));
                    first = 0;
                }
        } else {
            for (j = 0; j < w->n; j++) {
                uint32_t v = w->v[j] - 1;
                hjtj__buf_puts(&b, j ? ", " : "");
                if (w->d.kind == XD_NK)
                    v == NK_UOPPGITT ? hjtj__buf_puts(&b, "uoppgitt")
                                     : hjtj__buf_printf(&b, "%02u.%03u", v / 1000, v % 1000);
                else if (w->d.kind == XD_KOMMUNE)
                    hjtj__buf_printf(&b, "%04u", v);
                else if (w->d.kind == XD_FYLKE)
                    hjtj__buf_printf(&b, "%02u", v);
                else if (w->d.field == HJTJ_FIELD_STORRELSE)
                    hjtj__buf_printf(&b, "band %u", v + 1);
                else
                    hjtj__buf_puts(&b, hjtj_code((hjtj_field)w->d.field, (int32_t)v));
            }
        }
        hjtj__buf_puts(&b, "}");
    }
    hjtj__buf_printf(&b, "; measure %s%s%s.", measure_names[d->measure], varname[0] ? ":" : "",
               varname);
    if (d->var == -1)
        hjtj__buf_puts(&b, " Boenheter as counted in chapter 5 (the botilbud population).");
    t->population = hjtj__tb_own(t, b.data ? b.data : "");
    hjtj__buf_free(&b);
}

/* The counts behind the cells, for small-count protection (SPEC §11,
 * table_protect.c): the grid of x->cnt with its total row and column; a
 * multiple-response dimension has no equations along it.  Each cell shows
 * or is computed from its count and, for a share, the count of its base. */
static void protect_grid(hjtj_table *t, const xresult *x, const xdecl *d)
{
    size_t i, j, R = x->R, C = x->C;
    hjtj__grid_begin(t, R, C, R - 1, C > 1 ? C - 1 : HJTJ__P_NONE, !x->rows.multi,
                     !x->cols.multi);
    for (i = 0; i < R; i++)
        for (j = 0; j < C; j++) {
            size_t bi = i, bj = j; /* the base of a share */
            hjtj__grid_count(t, i, j, x->cnt[i * C + j]);
            if (d->measure == HJTJ_MEASURE_ANDEL_RAD)
                bj = C - 1;
            else if (d->measure == HJTJ_MEASURE_ANDEL_KOLONNE)
                bi = R - 1;
            else if (d->measure == HJTJ_MEASURE_ANDEL_TOTAL)
                bi = R - 1, bj = C - 1;
            hjtj__grid_dep(t, i, 1 + j, i, j, bi, bj);
        }
    hjtj__grid_n(t, R - 1, C - 1);
}

static void emit(hjtj_table *t, const xresult *x, const xdecl *d, const char *varname)
{
    size_t i, j, ncols = 1 + x->cols.n + 1;
    hjtj__str_copy(t->id, sizeof t->id, "custom");
    describe(t, d, varname);
    hjtj__tb_begin(t, ncols, 1);
    {
        const dim_def *dd = hjtj__dim_of(&d->rows);
        hjtj__tb_col(t, 0, hjtj__dim_name(&d->rows), dd ? dd->nb : NULL, dd ? dd->en : NULL);
    }
    for (j = 0; j < x->cols.n; j++) {
        const char *code = hjtj__tb_own(t, x->cols.c[j].code);
        hjtj__tb_col(t, 1 + j, code, hjtj__tb_own(t, x->cols.c[j].nb),
               hjtj__tb_own(t, x->cols.c[j].en));
    }
    hjtj__tb_col(t, ncols - 1, "totalt", "Totalt", "Total");
    for (i = 0; i < x->R; i++) {
        int tot = i + 1 == x->R;
        const xclass *c = tot ? NULL : &x->rows.c[i];
        size_t r = hjtj__tb_row(t, tot ? "totalt" : c->code, tot ? "Totalt" : c->nb,
                          tot ? "Total" : c->en);
        hjtj__tb_text(t, r, 0, tot ? "totalt" : c->code);
        for (j = 0; j < x->C; j++)
            hjtj__xcell(t, r, 1 + j, x, d, i, j);
    }
    t->n = x->cnt[x->R * x->C - 1];
    t->custom = 1;
    t->rows_multi = x->rows.multi;
    t->cols_multi = x->cols.multi;
    protect_grid(t, x, d);
}

HJTJ_API hjtj_status hjtj_table_build_crosstab(hjtj_table *t, const hjtj_register *reg,
                                               const hjtj_crosstab *ct)
{
    xresult x;
    hjtj_status st;
    hjtj_error err;
    if (t == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__table_reset(t);
    if (reg == NULL || ct == NULL)
        return hjtj__err_set(&t->err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no register or declaration");
    hjtj__err_clear(&err);
    if (ct->d.var == -3)
        return hjtj__err_set(&t->err, HJTJ_ERR_STATE, "", 0, 0,
                       "variable '%.60s' needs a link (hjtj_crosstab_set_link, --link FILE); "
                       "valid without one: boenheter",
                       ct->varname);
    st = hjtj__xrun(&x, reg, &ct->d, &err);
    if (st != HJTJ_OK) {
        hjtj__err_copy(&t->err, &err);
        return st;
    }
    emit(t, &x, &ct->d, ct->varname);
    hjtj__xresult_free(&x);
    if (t->nomem) {
        hjtj__table_reset(t);
        return hjtj__err_set(&t->err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    }
    st = hjtj__table_protect(t); /* small-count protection, when set */
    if (st != HJTJ_OK) {
        hjtj__table_reset(t);
        return hjtj__err_set(&t->err, st, "", 0, 0, "cannot protect the table: %s", hjtj_strerror(st));
    }
    return HJTJ_OK;
}

/* ------------------------------------------------------------------ */
/* The report's tables as declarations (tables_common.h)               */
/* ------------------------------------------------------------------ */

void hjtj__xdecl_init(xdecl *d, int rows_field, int cols_field)
{
    memset(d, 0, sizeof *d);
    d->rows.field = rows_field;
    d->rows.kind = hjtj__dim_kind(rows_field);
    d->cols.field = cols_field;
    d->cols.kind = cols_field < 0 ? XD_LANDET : hjtj__dim_kind(cols_field);
    d->population = HJTJ_POPULATION_POPULASJON;
    d->measure = HJTJ_MEASURE_ANTALL;
    d->var = -2;
}

void hjtj__xdecl_where(xdecl *d, int field, uint32_t classes)
{
    xwhere *w;
    uint32_t m;
    if (d->nwhere == XW_MAX)
        return;
    w = &d->where[d->nwhere++];
    w->d.field = field;
    w->d.kind = hjtj__dim_kind(field);
    if (w->d.kind == XD_MULTI) {
        w->v[0] = classes;
        w->n = 1;
        return;
    }
    for (m = classes; m; m &= m - 1)
        w->v[w->n++] = (uint32_t)__builtin_ctz(m) + 1;
    hjtj__where_bits(w);
}

