/* crosstab.c — custom tables (SPEC §9): a declaration (population, filters,
 * a row and an optional column dimension, a measure) read through one key
 * function, reduced to its distinct keys with their record counts (the
 * same reduction a streaming register fills while it loads), then spread
 * over the classes and printed.  See hjtj_crosstab(3). */
#include "codes.h"
#include "error.h"
#include "text.h"
#include "buf.h"
#include "scheme.h"
#include "kommuner.h"
#include "record.h"
#include "sink.h"
#include "reduce.h"
#include "register.h"
#include "table.h"
#include "protect.h"
#include "crosstab.h"
#include "tables_common.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Dimensions                                                          */
/* ------------------------------------------------------------------ */

typedef struct dim_def {
    const char *name;
    int field;
    int kind;
    const char *nb, *en; /* the heading of its label column */
} dim_def;

static const dim_def dims[] = {
    {"hovedvirksomhetstype", HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE, XD_CLASS, "Hovedvirksomhetstype", "Main enterprise type"},
    {"ht_sammensetning", HJTJ_FIELD_HT_SAMMENSETNING, XD_CLASS, "Sammensetning av hjemmetjenestetyper", "Home-care type composition"},
    {"kategori", HJTJ_FIELD_KATEGORI, XD_CLASS, "Virksomhetskategori", "Enterprise category"},
    {"samlemalgruppe", HJTJ_FIELD_SAMLEMALGRUPPE, XD_CLASS, "Samlemålgruppe", "Target-group cluster"},
    {"antall_malgrupper", HJTJ_FIELD_ANTALL_MALGRUPPER, XD_CLASS, "Antall målgrupper", "Number of target groups"},
    {"kommunestorrelse", HJTJ_FIELD_KOMMUNESTORRELSE, XD_CLASS, "Kommunestørrelse", "Municipality size"},
    {"botilbud", HJTJ_FIELD_BOTILBUD, XD_CLASS, "Botilbud", "Housing provision"},
    {"storrelse", HJTJ_FIELD_STORRELSE, XD_CLASS, "Antall boenheter", "Number of housing units"},
    {"at_sammensetning", HJTJ_FIELD_AT_SAMMENSETNING, XD_CLASS, "Andre tjenestetyper", "Other service types"},
    {"adm_sammensetning", HJTJ_FIELD_ADM_SAMMENSETNING, XD_CLASS, "Administrasjonstyper", "Administration types"},
    {"personellutveksling", HJTJ_FIELD_PERSONELLUTVEKSLING, XD_CLASS, "Personellutveksling", "Personnel exchange"},
    {"eierskap", HJTJ_FIELD_EIERSKAP, XD_INPUT, "Eierskap", "Ownership"},
    {"status", HJTJ_FIELD_STATUS, XD_INPUT, "Status", "Status"},
    {"andre_kommuner", HJTJ_FIELD_ANDRE_KOMMUNER, XD_INPUT, "Tjenester til andre kommuner", "Serves other municipalities"},
    {"naeringskode", HJTJ_FIELD_NAERINGSKODE, XD_NK, "Næringskode (SN2007)", "Industry code (SN2007)"},
    {"virksomhetstype", HJTJ_FIELD_VIRKSOMHETSTYPE, XD_MULTI, "Virksomhetstype", "Enterprise type"},
    {"malgruppe", HJTJ_FIELD_MALGRUPPE, XD_MULTI, "Målgruppe", "Target group"},
    {"mottar_fra", HJTJ_FIELD_MOTTAR_FRA, XD_MULTI, "Mottar personell fra", "Receives personnel from"},
    {"leverer_til", HJTJ_FIELD_LEVERER_TIL, XD_MULTI, "Leverer personell til", "Provides personnel to"},
    {"kommune", HJTJ_FIELD_KOMMUNE, XD_KOMMUNE, "Kommune", "Municipality"},
    {"fylke", HJTJ_FIELD_FYLKE, XD_FYLKE, "Fylke", "County"},
    {"landet", HJTJ_FIELD_LANDET, XD_LANDET, "Landet", "Country"},
};
#define NDIMS (sizeof dims / sizeof dims[0])

HJTJ_API const char *hjtj_crosstab_dimension_name(size_t i)
{
    return i < NDIMS ? dims[i].name : NULL;
}

static const dim_def *dim_find(const char *name)
{
    size_t i;
    for (i = 0; name && i < NDIMS; i++)
        if (strcmp(dims[i].name, name) == 0)
            return &dims[i];
    return NULL;
}

/* "a, b, c" of the dimension names into b. */
static void list_dims(buf *b)
{
    size_t i;
    for (i = 0; i < NDIMS; i++)
        hjtj__buf_printf(b, "%s%s", i ? ", " : "", dims[i].name);
}

static inline uint32_t digits(const char *s, size_t n)
{
    uint32_t v = 0;
    size_t i;
    for (i = 0; i < n; i++)
        v = v * 10 + (uint32_t)(s[i] - '0');
    return v;
}

/* A record's value in a dimension: class + 1 (0 = none), or for a code set
 * its bit mask. */
static inline __attribute__((always_inline)) uint32_t xd_value(const xd_spec *d,
                                                                const hjtj_record *r)
{
    switch (d->kind) {
    case XD_CLASS:
        return (uint32_t)(rec_cls(r, (hjtj_field)d->field) + 1);
    case XD_INPUT:
        return d->field == HJTJ_FIELD_EIERSKAP ? r->eierskap + 1u
               : d->field == HJTJ_FIELD_STATUS ? r->status + 1u
                                               : r->andre_kommuner + 1u;
    case XD_NK: {
        const char *s = r->naeringskode;
        if (r->nk_standard != 0 || s == NULL || s[0] == '\0')
            return NK_UOPPGITT + 1;
        return digits(s, 2) * 1000 + digits(s + 3, 3) + 1;
    }
    case XD_MULTI:
        return d->field == HJTJ_FIELD_VIRKSOMHETSTYPE ? r->types
               : d->field == HJTJ_FIELD_MALGRUPPE     ? r->mg
               : d->field == HJTJ_FIELD_MOTTAR_FRA    ? r->mottar
                                                      : r->leverer;
    case XD_KOMMUNE:
        return digits(r->kommunenr, 4) + 1;
    case XD_FYLKE:
        return digits(r->kommunenr, 2) + 1;
    default:
        return 1;
    }
}

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
    list_dims(b);
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
    def = dim_find(name);
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
    const dim_def *def = arg;
    int32_t i, n = hjtj_field_size((hjtj_field)def->field);
    if (def->kind == XD_NK) {
        hjtj__buf_puts(b, "NN.NNN or uoppgitt");
        return;
    }
    if (def->kind == XD_KOMMUNE) {
        hjtj__buf_puts(b, "a 4-digit kommunenr");
        return;
    }
    if (def->kind == XD_FYLKE)
        hjtj__buf_puts(b, "2 digits: ");
    for (i = 0; i < n; i++)
        hjtj__buf_printf(b, "%s%s", i ? ", " : "", hjtj_code((hjtj_field)def->field, i));
}

static int all_digits(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* The value of one code of a dimension (multi: its bit), or 0 if bad. */
static uint32_t code_value(const dim_def *def, const char *s, size_t n)
{
    int32_t v;
    switch (def->kind) {
    case XD_NK:
        if (n == 8 && memcmp(s, "uoppgitt", 8) == 0)
            return NK_UOPPGITT + 1;
        if (n == 6 && s[2] == '.' && all_digits(s, 2) && all_digits(s + 3, 3))
            return digits(s, 2) * 1000 + digits(s + 3, 3) + 1;
        return 0;
    case XD_KOMMUNE:
        return n == 4 && all_digits(s, 4) ? digits(s, 4) + 1 : 0;
    case XD_FYLKE:
        return n == 2 && all_digits(s, 2) ? digits(s, 2) + 1 : 0;
    default:
        v = hjtj__code_parse_n((hjtj_field)def->field, s, n);
        if (v < 0)
            return 0;
        return def->kind == XD_MULTI ? BIT(v) : (uint32_t)v + 1;
    }
}

/* The values of a single-valued clause as bits, when they are all below 64. */
static void where_bits(xwhere *w)
{
    uint32_t j;
    w->bits = 0;
    if (w->d.kind == XD_MULTI)
        return;
    for (j = 0; j < w->n; j++) {
        if (w->v[j] >= 64) {
            w->bits = 0;
            return;
        }
        w->bits |= (uint64_t)1 << w->v[j];
    }
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
    def = dim_find(field);
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
        v = code_value(def, p, n);
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
    where_bits(&w);
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
    int rc;
    if (reg == NULL || ct == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&reg->err);
    rc = hjtj__red_add_decl(reg, &ct->d);
    if (rc == -2)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0,
                       "a custom table is added before the register's first load");
    if (rc != 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    return HJTJ_OK;
}

/* ------------------------------------------------------------------ */
/* Classes                                                             */
/* ------------------------------------------------------------------ */

typedef struct xclass {
    uint32_t value; /* as xd_value gives it (multi: the bit index) */
    const char *code, *nb, *en;
} xclass;

typedef struct xclasses {
    xclass *c;
    size_t n;
    int32_t *pos;   /* value -> position, -1 */
    size_t npos;
    char *text;     /* storage of generated codes and labels */
    int multi;
} xclasses;

static void classes_free(xclasses *x)
{
    free(x->c);
    free(x->pos);
    free(x->text);
    memset(x, 0, sizeof *x);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Municipality indices of the register's table in numeric order. */
static size_t *kommuner_sorted(const hjtj_kommuner *k)
{
    size_t *ix = malloc((k->n ? k->n : 1) * sizeof *ix), i, j = 0;
    uint32_t v;
    if (ix == NULL)
        return NULL;
    for (v = 0; v < 10000; v++) /* the index maps each number to its position */
        if (k->index && k->index[v] >= 0)
            ix[j++] = (size_t)k->index[v];
    for (i = j; i < k->n; i++) /* (cannot happen: every number is in the index) */
        ix[i] = i;
    return ix;
}

/* The classes of dimension d over the register (nk: the values present, sorted). */
static int classes_make(xclasses *x, const xd_spec *d, const hjtj_register *reg,
                        const uint32_t *nk, size_t nnk)
{
    size_t i, n = 0, maxv = 2, tcap = 0, tlen = 0;
    const hjtj_kommuner *km = &reg->kommuner;
    memset(x, 0, sizeof *x);
    switch (d->kind) {
    case XD_CLASS:
        n = d->field == HJTJ_FIELD_STORRELSE ? (size_t)reg->scheme.nbands
                                             : (size_t)hjtj_field_size((hjtj_field)d->field);
        maxv = n + 1;
        tcap = d->field == HJTJ_FIELD_STORRELSE ? n * 64 : 0;
        break;
    case XD_INPUT:
        n = (size_t)hjtj_field_size((hjtj_field)d->field);
        maxv = n + 1;
        break;
    case XD_MULTI:
        n = (size_t)hjtj_field_size((hjtj_field)d->field);
        maxv = 32;
        x->multi = 1;
        break;
    case XD_NK:
        n = nnk + 1;
        maxv = NK_UOPPGITT + 2;
        tcap = n * 8;
        break;
    case XD_KOMMUNE:
        n = km->n;
        maxv = 10001;
        break;
    case XD_FYLKE:
        n = 100; /* at most; counted below */
        maxv = 101;
        tcap = 100 * 16;
        break;
    default:
        n = 1;
        maxv = 2;
        break;
    }
    x->c = calloc(n ? n : 1, sizeof *x->c);
    x->pos = malloc(maxv * sizeof *x->pos);
    x->text = malloc(tcap ? tcap : 1);
    if (x->c == NULL || x->pos == NULL || x->text == NULL)
        return -1;
    x->npos = maxv;
    for (i = 0; i < maxv; i++)
        x->pos[i] = -1;
    x->n = 0;
#define ADD(val, code_, nb_, en_)                                                   \
    do {                                                                           \
        x->c[x->n].value = (val);                                                  \
        x->c[x->n].code = (code_);                                                 \
        x->c[x->n].nb = (nb_);                                                     \
        x->c[x->n].en = (en_);                                                     \
        x->pos[(val)] = (int32_t)x->n;                                             \
        x->n++;                                                                    \
    } while (0)
    switch (d->kind) {
    case XD_CLASS:
        if (d->field == HJTJ_FIELD_STORRELSE) {
            int dflt = hjtj__scheme_is_default_bands(&reg->scheme);
            for (i = 0; i < n; i++) {
                char *s = x->text + tlen;
                if (i + 1 < n)
                    snprintf(s, 64, "%lld-%lld", (long long)reg->scheme.bands[i],
                             (long long)reg->scheme.bands[i + 1] - 1);
                else
                    snprintf(s, 64, "%lld+", (long long)reg->scheme.bands[i]);
                tlen += 64;
                ADD((uint32_t)i + 1, s,
                    dflt ? hjtj_label(HJTJ_FIELD_STORRELSE, (int32_t)i, HJTJ_LANG_NB) : s,
                    dflt ? hjtj_label(HJTJ_FIELD_STORRELSE, (int32_t)i, HJTJ_LANG_EN) : s);
            }
            break;
        }
        /* fall through */
    case XD_INPUT:
        for (i = 0; i < n; i++)
            ADD((uint32_t)i + 1, hjtj_code((hjtj_field)d->field, (int32_t)i),
                hjtj_label((hjtj_field)d->field, (int32_t)i, HJTJ_LANG_NB),
                hjtj_label((hjtj_field)d->field, (int32_t)i, HJTJ_LANG_EN));
        break;
    case XD_MULTI:
        for (i = 0; i < n; i++)
            ADD((uint32_t)i, hjtj_code((hjtj_field)d->field, (int32_t)i),
                hjtj_label((hjtj_field)d->field, (int32_t)i, HJTJ_LANG_NB),
                hjtj_label((hjtj_field)d->field, (int32_t)i, HJTJ_LANG_EN));
        break;
    case XD_NK:
        for (i = 0; i < nnk; i++) {
            char *s = x->text + tlen;
            uint32_t v = nk[i] - 1;
            snprintf(s, 8, "%02u.%03u", (unsigned)(v / 1000) % 100u, (unsigned)(v % 1000));
            tlen += 8;
            ADD(nk[i], s, s, s);
        }
        ADD(NK_UOPPGITT + 1, "uoppgitt", "Uoppgitt", "Not stated");
        break;
    case XD_KOMMUNE: {
        size_t *ix = kommuner_sorted(km);
        if (ix == NULL)
            return -1;
        for (i = 0; i < km->n; i++) {
            const kommune *k = &km->k[ix[i]];
            ADD(digits(k->nr, 4) + 1, k->nr, k->navn, k->navn);
        }
        free(ix);
        break;
    }
    case XD_FYLKE: {
        /* the 2024 counties and every other prefix of the municipality
         * table, in numeric order; another prefix is labelled by its code */
        char seen[100];
        int32_t j, nf = hjtj_field_size(HJTJ_FIELD_FYLKE);
        memset(seen, 0, sizeof seen);
        for (j = 0; j < nf; j++)
            seen[digits(hjtj_code(HJTJ_FIELD_FYLKE, j), 2)] = 1;
        for (i = 0; i < km->n; i++)
            if (!seen[digits(km->k[i].nr, 2)])
                seen[digits(km->k[i].nr, 2)] = 2;
        for (i = 0; i < 100; i++) {
            char *s;
            if (!seen[i])
                continue;
            s = x->text + tlen;
            snprintf(s, 16, "%02u", (unsigned)i);
            tlen += 16;
            if (seen[i] == 1) {
                int32_t v = hjtj__code_parse_n(HJTJ_FIELD_FYLKE, s, 2);
                ADD((uint32_t)i + 1, hjtj_code(HJTJ_FIELD_FYLKE, v),
                    hjtj_label(HJTJ_FIELD_FYLKE, v, HJTJ_LANG_NB),
                    hjtj_label(HJTJ_FIELD_FYLKE, v, HJTJ_LANG_EN));
            } else {
                ADD((uint32_t)i + 1, s, s, s);
            }
        }
        break;
    }
    default:
        ADD(1, hjtj_code(HJTJ_FIELD_LANDET, 0), hjtj_label(HJTJ_FIELD_LANDET, 0, HJTJ_LANG_NB),
            hjtj_label(HJTJ_FIELD_LANDET, 0, HJTJ_LANG_EN));
        break;
    }
#undef ADD
    return 0;
}

/* ------------------------------------------------------------------ */
/* Counting                                                            */
/* ------------------------------------------------------------------ */

/* A cell's value and the values behind its median. */
typedef struct xmedv {
    size_t cell;
    int64_t v, w;
} xmedv;

typedef struct xresult {
    xclasses rows, cols;      /* cols.n == 0: no column dimension */
    size_t R, C;              /* grid (rows.n + 1) x (cols.n + 1); the last of each: totals */
    int64_t *cnt, *nval, *sum, *med2;
    uint8_t *hasmed;
    int scale_dec;            /* the variable's decimals */
} xresult;

static void result_free(xresult *x)
{
    classes_free(&x->rows);
    classes_free(&x->cols);
    free(x->cnt);
    free(x->nval);
    free(x->sum);
    free(x->med2);
    free(x->hasmed);
    memset(x, 0, sizeof *x);
}

static int cmp_medv(const void *a, const void *b)
{
    const xmedv *x = a, *y = b;
    if (x->cell != y->cell)
        return (x->cell > y->cell) - (x->cell < y->cell);
    return (x->v > y->v) - (x->v < y->v);
}

/* Positions of a key value in a class list (several for a code set):
 * into out, returns how many. */
static size_t positions(const xclasses *x, uint32_t v, size_t *out)
{
    size_t n = 0;
    if (x->multi) {
        while (v) {
            int b = __builtin_ctz(v);
            if ((size_t)b < x->npos && x->pos[b] >= 0)
                out[n++] = (size_t)x->pos[b];
            v &= v - 1;
        }
    } else if (v < x->npos && x->pos[v] >= 0) {
        out[n++] = (size_t)x->pos[v];
    }
    return n;
}

/* Keys gathered before they go to the store: a table has few distinct keys,
 * so most records cost one probe here instead of the store's general hash. */
#define DS_SLOTS 4096
#define DS_PROBES 8

typedef struct dslot {
    uint32_t k[RED_NFN];
    uint64_t w;
} dslot;

/* The distinct keys of the declaration over reg, with their counts: the
 * streaming register's reduction, or one made now from the kept records. */
hjtj_status hjtj__decl_keys(const hjtj_register *reg, const xdecl *d, rstore *own,
                            const rstore **out)
{
    dslot *slot;
    size_t i;
    int bad = 0;
    memset(own, 0, sizeof *own);
    if (!reg->keep) {
        *out = hjtj__red_decl_store(reg, d);
        return *out ? HJTJ_OK : HJTJ_ERR_STATE;
    }
    slot = calloc(DS_SLOTS, sizeof *slot);
    if (slot == NULL)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < reg->nrecords && !bad; i++) {
        const hjtj_record *r = reg_rec(reg, i);
        uint32_t k[RED_NFN];
        uint64_t h;
        unsigned j, p;
        if (!xkey(d, r, k))
            continue;
        h = ((uint64_t)k[0] * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)k[1] * 0xC2B2AE3D27D4EB4FULL) ^
            (((uint64_t)k[3] << 32 | k[2]) * 0x165667B19E3779F9ULL);
        j = (unsigned)(h >> 52) & (DS_SLOTS - 1);
        for (p = 0; p < DS_PROBES; p++, j = (j + 1) & (DS_SLOTS - 1)) {
            if (slot[j].w == 0)
                memcpy(slot[j].k, k, sizeof k);
            if (slot[j].k[0] == k[0] && slot[j].k[1] == k[1] && slot[j].k[2] == k[2] &&
                slot[j].k[3] == k[3]) {
                slot[j].w++;
                break;
            }
        }
        if (p == DS_PROBES && hjtj__rstore_add(own, k, 1) != 0)
            bad = 1;
    }
    for (i = 0; i < DS_SLOTS && !bad; i++)
        if (slot[i].w && hjtj__rstore_add(own, slot[i].k, slot[i].w) != 0)
            bad = 1;
    free(slot);
    if (bad) {
        hjtj__rstore_free(own);
        return HJTJ_ERR_NOMEM;
    }
    *out = own;
    return HJTJ_OK;
}

/* The næringskoder present among the keys (rows or cols), sorted. */
static int nk_present(const rstore *s, int word, uint32_t **out, size_t *n)
{
    uint8_t *seen = calloc(NK_UOPPGITT + 1, 1);
    size_t i, m = 0;
    uint32_t *v;
    if (seen == NULL)
        return -1;
    for (i = 0; i < s->n; i++) {
        uint32_t x = s->key[i * RED_NFN + (size_t)word] & 0x7fffffffu;
        if (x >= 1 && x <= NK_UOPPGITT && !seen[x]) {
            seen[x] = 1;
            m++;
        }
    }
    v = malloc((m ? m : 1) * sizeof *v);
    if (v == NULL) {
        free(seen);
        return -1;
    }
    for (i = 1, m = 0; i <= NK_UOPPGITT; i++)
        if (seen[i])
            v[m++] = (uint32_t)i;
    free(seen);
    qsort(v, m, sizeof *v, cmp_u32);
    *out = v;
    *n = m;
    return 0;
}

static int add_ovf(int64_t *acc, int64_t v, int64_t w)
{
    int64_t p;
    if (__builtin_mul_overflow(v, w, &p) || __builtin_add_overflow(*acc, p, acc))
        return -1;
    return 0;
}

/* Spread the keys over the grid. */
static hjtj_status result_fill(xresult *x, const xdecl *d, const rstore *s)
{
    size_t i, a, b, nmed = 0, capmed = 0;
    size_t G = x->R * x->C;
    xmedv *med = NULL;
    size_t rp[33], cp[33];
    int want_med = d->measure == HJTJ_MEASURE_MEDIAN;
    x->cnt = calloc(G, sizeof *x->cnt);
    x->nval = calloc(G, sizeof *x->nval);
    x->sum = calloc(G, sizeof *x->sum);
    x->med2 = calloc(G, sizeof *x->med2);
    x->hasmed = calloc(G, 1);
    if (!x->cnt || !x->nval || !x->sum || !x->med2 || !x->hasmed)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < s->n; i++) {
        const uint32_t *k = &s->key[i * RED_NFN];
        int64_t w = (int64_t)s->w[i];
        int has = (k[0] & 0x80000000u) != 0;
        int64_t v = (int64_t)((uint64_t)k[3] << 32 | k[2]);
        size_t nr = positions(&x->rows, k[0] & 0x7fffffffu, rp), nc;
        if (x->cols.n)
            nc = positions(&x->cols, k[1], cp);
        else
            nc = 0;
        if (nr == 0 || (x->cols.n && nc == 0))
            continue;
        rp[nr++] = x->R - 1; /* the totals count the record once */
        cp[nc++] = x->C - 1;
        for (a = 0; a < nr; a++)
            for (b = 0; b < nc; b++) {
                size_t c = rp[a] * x->C + cp[b];
                x->cnt[c] += w;
                if (!has)
                    continue;
                x->nval[c] += w;
                if (add_ovf(&x->sum[c], v, w) != 0) {
                    /* only a sum or a mean needs the sum */
                    if (d->measure == HJTJ_MEASURE_SUM || d->measure == HJTJ_MEASURE_GJENNOMSNITT) {
                        free(med);
                        return HJTJ_ERR_OVERFLOW;
                    }
                    x->sum[c] = 0;
                }
                if (want_med) {
                    if (nmed == capmed) {
                        size_t cap = capmed ? capmed * 2 : 256;
                        xmedv *m = realloc(med, cap * sizeof *m);
                        if (m == NULL) {
                            free(med);
                            return HJTJ_ERR_NOMEM;
                        }
                        med = m;
                        capmed = cap;
                    }
                    med[nmed].cell = c;
                    med[nmed].v = v;
                    med[nmed].w = w;
                    nmed++;
                }
            }
    }
    if (want_med && nmed) {
        /* each cell's values in order, then R's median of each run */
        wval *wv = malloc(nmed * sizeof *wv);
        size_t j;
        if (wv == NULL) {
            free(med);
            return HJTJ_ERR_NOMEM;
        }
        qsort(med, nmed, sizeof *med, cmp_medv);
        for (i = 0; i < nmed; i = j) {
            size_t m = 0;
            for (j = i; j < nmed && med[j].cell == med[i].cell; j++) {
                wv[m].v = med[j].v;
                wv[m].w = med[j].w;
                m++;
            }
            x->med2[med[i].cell] = hjtj__median2_weighted(wv, m);
            x->hasmed[med[i].cell] = 1;
        }
        free(wv);
    }
    free(med);
    return HJTJ_OK;
}

/* Run a declaration over a register into x. */

/* The register's municipality table, loading the bundled one if none was
 * set: HJTJ_OK, or the error in err (HJTJ_ERR_NOMEM when memory ran out,
 * else HJTJ_ERR_IO). */
static hjtj_status kommuner_for_tables(const hjtj_register *reg, hjtj_error *err)
{
    hjtj_status st = hjtj__register_ensure_kommuner((hjtj_register *)reg);
    if (st == HJTJ_OK || reg->kommuner.n > 0)
        return HJTJ_OK;
    return st == HJTJ_ERR_NOMEM ? hjtj__err_set(err, st, "", 0, 0, "out of memory")
                                : hjtj__err_set(err, HJTJ_ERR_IO, "", 0, 0, "no municipality table");
}

static hjtj_status xrun(xresult *x, const hjtj_register *reg, const xdecl *d, hjtj_error *err)
{
    rstore own;
    const rstore *s;
    uint32_t *nkr = NULL, *nkc = NULL;
    size_t nnkr = 0, nnkc = 0, i, j;
    hjtj_status st;
    memset(x, 0, sizeof *x);
    if (d->var == -3 || (d->var >= 0 && d->link == NULL))
        return hjtj__err_set(err, HJTJ_ERR_STATE, "", 0, 0,
                       "the measure's variable needs a link (hjtj_crosstab_set_link)");
    if (d->var >= 0 && (size_t)d->var >= d->link->nvars)
        return hjtj__err_set(err, HJTJ_ERR_STATE, "", 0, 0,
                       "the link no longer has the measure's variable");
    if ((st = kommuner_for_tables(reg, err)) != HJTJ_OK)
        return st;
    for (i = 0; i < d->nwhere; i++)
        if (d->where[i].d.kind == XD_KOMMUNE)
            for (j = 0; j < d->where[i].n; j++) {
                char nr[8];
                snprintf(nr, sizeof nr, "%04u", (unsigned)(d->where[i].v[j] - 1));
                if (hjtj__kommuner_find_n(&reg->kommuner, nr, 4) < 0)
                    return hjtj__err_set(err, HJTJ_ERR_NOT_FOUND, "", 0, 0,
                                   "kommune %s is not in the municipality table", nr);
            }
    st = hjtj__decl_keys(reg, d, &own, &s);
    if (st == HJTJ_ERR_STATE)
        return hjtj__err_set(err, st, "", 0, 0,
                       "a streaming register fills only the custom tables added to it before "
                       "its load (hjtj_register_add_crosstab)");
    if (st != HJTJ_OK)
        return hjtj__err_set(err, st, "", 0, 0, "out of memory");
    if ((d->rows.kind == XD_NK && nk_present(s, 0, &nkr, &nnkr) != 0) ||
        (d->cols.field >= 0 && d->cols.kind == XD_NK && nk_present(s, 1, &nkc, &nnkc) != 0) ||
        classes_make(&x->rows, &d->rows, reg, nkr, nnkr) != 0 ||
        (d->cols.field >= 0 && classes_make(&x->cols, &d->cols, reg, nkc, nnkc) != 0))
        st = HJTJ_ERR_NOMEM;
    free(nkr);
    free(nkc);
    if (st == HJTJ_OK) {
        x->R = x->rows.n + 1;
        x->C = x->cols.n + 1;
        x->scale_dec = d->var >= 0 ? d->link->decimals[d->var] : 0;
        st = result_fill(x, d, s);
    }
    hjtj__rstore_free(&own);
    if (st != HJTJ_OK) {
        result_free(x);
        return hjtj__err_set(err, st, "", 0, 0, "%s",
                       st == HJTJ_ERR_OVERFLOW ? "a sum does not fit in 64 bits"
                                               : "out of memory");
    }
    return HJTJ_OK;
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

static int64_t pow10i(int d)
{
    int64_t p = 1;
    while (d-- > 0)
        p *= 10;
    return p;
}

/* Cell (a, b) of the grid as the measure shows it. */
static void put_cell(hjtj_table *t, size_t i, size_t j, const xresult *x, const xdecl *d,
                     size_t a, size_t b)
{
    size_t c = a * x->C + b, T = (x->R - 1) * x->C + (x->C - 1);
    int64_t n = x->cnt[c], den, sc = pow10i(x->scale_dec);
    int linked = d->var >= 0;
    switch (d->measure) {
    case HJTJ_MEASURE_ANTALL:
        hjtj__tb_cell(t, i, j, HJTJ_CELL_COUNT, n, 1, n);
        return;
    case HJTJ_MEASURE_ANDEL_RAD:
        hjtj__tb_cell(t, i, j, HJTJ_CELL_SHARE, n, x->cnt[a * x->C + x->C - 1], n);
        return;
    case HJTJ_MEASURE_ANDEL_KOLONNE:
        hjtj__tb_cell(t, i, j, HJTJ_CELL_SHARE, n, x->cnt[(x->R - 1) * x->C + b], n);
        return;
    case HJTJ_MEASURE_ANDEL_TOTAL:
        hjtj__tb_cell(t, i, j, HJTJ_CELL_SHARE, n, x->cnt[T], n);
        return;
    case HJTJ_MEASURE_SUM:
        if (linked)
            hjtj__tb_cell(t, i, j, HJTJ_CELL_DECIMAL, x->sum[c], sc, n);
        else
            hjtj__tb_cell(t, i, j, HJTJ_CELL_SUM, x->sum[c], 1, n);
        return;
    case HJTJ_MEASURE_GJENNOMSNITT:
        if (x->nval[c] == 0 || __builtin_mul_overflow(x->nval[c], sc, &den))
            hjtj__tb_cell(t, i, j, HJTJ_CELL_EMPTY, 0, 0, n);
        else
            hjtj__tb_cell(t, i, j, HJTJ_CELL_MEAN, x->sum[c], den, n);
        return;
    default:
        if (!x->hasmed[c])
            hjtj__tb_cell(t, i, j, HJTJ_CELL_EMPTY, 0, 0, n);
        else if (linked)
            hjtj__tb_cell(t, i, j, HJTJ_CELL_MEAN, x->med2[c], 2 * sc, n);
        else
            hjtj__tb_cell(t, i, j, HJTJ_CELL_MEDIAN, x->med2[c], 1, n);
        return;
    }
}

static const dim_def *dim_of(const xd_spec *d)
{
    size_t i;
    for (i = 0; i < NDIMS; i++)
        if (dims[i].field == d->field)
            return &dims[i];
    return NULL;
}

static const char *dim_name(const xd_spec *d)
{
    const dim_def *dd = dim_of(d);
    return dd ? dd->name : "";
}

static const char *const pop_sentence[] = {
    "Active home-care enterprises (status aktiv, not outside home care)",
    "Records with status aktiv (outside home care included)",
    "Every loaded record, whatever its status"};

/* Title and population sentence, owned by the table. */
static void describe(hjtj_table *t, const xdecl *d, const char *varname)
{
    buf b;
    uint32_t i, j;
    const char *rn = dim_name(&d->rows), *cn = d->cols.field >= 0 ? dim_name(&d->cols) : NULL;
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
        hjtj__buf_printf(&b, "%s %s in {", i ? " and" : "; where", dim_name(&w->d));
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
        const dim_def *dd = dim_of(&d->rows);
        hjtj__tb_col(t, 0, dim_name(&d->rows), dd ? dd->nb : NULL, dd ? dd->en : NULL);
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
            put_cell(t, r, 1 + j, x, d, i, j);
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
    st = xrun(&x, reg, &ct->d, &err);
    if (st != HJTJ_OK) {
        hjtj__err_copy(&t->err, &err);
        return st;
    }
    emit(t, &x, &ct->d, ct->varname);
    result_free(&x);
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
/* A municipality's profile                                            */
/* ------------------------------------------------------------------ */

/* The three areas of a profile as filters of a declaration. */
static void profile_area(xdecl *d, int area, uint32_t knr, int storrelse)
{
    d->nwhere = 0;
    memset(d->where, 0, sizeof d->where);
    if (area == 0) {
        d->where[0].d.field = HJTJ_FIELD_KOMMUNE;
        d->where[0].d.kind = XD_KOMMUNE;
        d->where[0].v[0] = knr + 1;
        d->where[0].n = 1;
        d->nwhere = 1;
        where_bits(&d->where[0]);
    } else if (area == 1) {
        d->where[0].d.field = HJTJ_FIELD_KOMMUNESTORRELSE;
        d->where[0].d.kind = XD_CLASS;
        d->where[0].v[0] = (uint32_t)storrelse + 1;
        d->where[0].n = 1;
        d->nwhere = 1;
        where_bits(&d->where[0]);
    }
}

HJTJ_API hjtj_status hjtj_table_build_profile(hjtj_table *t, const hjtj_register *reg,
                                              const char *kommunenr)
{
    static const int fields[] = {HJTJ_FIELD_KATEGORI, HJTJ_FIELD_SAMLEMALGRUPPE,
                                 HJTJ_FIELD_EIERSKAP};
    static const char *const bstat[] = {"sum", "gjennomsnitt", "median"};
    static const int bmeasure[] = {HJTJ_MEASURE_SUM, HJTJ_MEASURE_GJENNOMSNITT,
                                   HJTJ_MEASURE_MEDIAN};
    xdecl d;
    xresult x[3];
    hjtj_error err;
    hjtj_status st = HJTJ_OK;
    int64_t ki;
    int storrelse, area;
    size_t f, i, r;
    char buf1[160], buf2[160];
    if (t == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__table_reset(t);
    if (reg == NULL || kommunenr == NULL)
        return hjtj__err_set(&t->err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no register or kommunenr");
    if (t->protect_k > 0) /* its blocks have no single grid (table_protect.c) */
        return hjtj__err_set(&t->err, HJTJ_ERR_INVALID_ARG, "", 0, 0,
                       "a municipality profile cannot be protected; build its distributions "
                       "as custom tables (--rows kategori --where kommune=%.8s --protect K)",
                       kommunenr);
    if (kommuner_for_tables(reg, &t->err) != HJTJ_OK)
        return t->err.status;
    ki = strlen(kommunenr) == 4 ? hjtj__kommuner_find_n(&reg->kommuner, kommunenr, 4) : -1;
    if (ki < 0)
        return hjtj__err_set(&t->err, HJTJ_ERR_NOT_FOUND, "", 0, 0,
                       "kommune '%.10s' is not in the municipality table", kommunenr);
    if (!reg->keep)
        return hjtj__err_set(&t->err, HJTJ_ERR_STATE, "", 0, 0,
                       "a profile needs a register that keeps its records");
    {
        const kommune *k = &reg->kommuner.k[ki];
        storrelse = hjtj__scheme_storrelse(&reg->scheme, k->nr, k->innbyggere);
    }
    hjtj__str_copy(t->id, sizeof t->id, "profil");
    snprintf(buf1, sizeof buf1, "Kommuneprofil: %s (%s)", reg->kommuner.k[ki].navn, kommunenr);
    snprintf(buf2, sizeof buf2, "Municipality profile: %s (%s)", reg->kommuner.k[ki].navn,
             kommunenr);
    t->title_nb = hjtj__tb_own(t, buf1);
    t->title_en = hjtj__tb_own(t, buf2);
    t->population = "Active home-care enterprises (status aktiv, not outside home care) of "
                    "the municipality, of its size class and of the whole country; "
                    "boenheter as counted in chapter 5 (the botilbud population).";
    hjtj__tb_begin(t, 8, 2);
    hjtj__tb_col(t, 0, "del", "Del", "Part");
    hjtj__tb_col(t, 1, "kode", "Kode", "Code");
    hjtj__tb_col(t, 2, "kommune", hjtj__tb_own(t, reg->kommuner.k[ki].navn),
           hjtj__tb_own(t, reg->kommuner.k[ki].navn));
    hjtj__tb_col(t, 3, "andel_kommune", "Andel (%)", "Share (%)");
    hjtj__tb_col(t, 4, "kommunestorrelse", hjtj_label(HJTJ_FIELD_KOMMUNESTORRELSE, storrelse, 0),
           hjtj_label(HJTJ_FIELD_KOMMUNESTORRELSE, storrelse, 1));
    hjtj__tb_col(t, 5, "andel_kommunestorrelse", "Andel (%)", "Share (%)");
    hjtj__tb_col(t, 6, "hele_landet", "Hele landet", "Norway");
    hjtj__tb_col(t, 7, "andel_hele_landet", "Andel (%)", "Share (%)");
    memset(&d, 0, sizeof d);
    d.cols.field = -1;
    d.cols.kind = XD_LANDET;
    d.var = -2;
    hjtj__err_clear(&err);
    for (f = 0; f < 3 + 1 && st == HJTJ_OK; f++) {
        size_t nrow;
        int nx = 0;
        d.rows.field = f < 3 ? fields[f] : HJTJ_FIELD_LANDET;
        d.rows.kind = f < 3 ? (fields[f] == HJTJ_FIELD_EIERSKAP ? XD_INPUT : XD_CLASS) : XD_LANDET;
        for (area = 0; area < 3 && st == HJTJ_OK; area++) {
            profile_area(&d, area, digits(kommunenr, 4), storrelse);
            d.measure = f < 3 ? HJTJ_MEASURE_ANTALL : HJTJ_MEASURE_MEDIAN;
            d.var = f < 3 ? -2 : -1;
            st = xrun(&x[area], reg, &d, &err);
            nx = area + 1;
        }
        if (st == HJTJ_OK && f < 3) {
            nrow = x[0].R;
            for (i = 0; i < nrow; i++) {
                int tot = i + 1 == nrow;
                const xclass *c = tot ? NULL : &x[0].rows.c[i];
                r = hjtj__tb_row(t, "", dim_name(&d.rows), NULL);
                hjtj__tb_text(t, r, 1, tot ? "totalt" : c->code);
                snprintf(buf1, sizeof buf1, "%s:%s", dim_name(&d.rows), tot ? "totalt" : c->code);
                free(t->rows[r].code);
                t->rows[r].code = hjtj__str_dup(buf1);
                if (t->rows[r].code == NULL)
                    t->nomem = 1;
                for (area = 0; area < 3; area++) {
                    int64_t n = x[area].cnt[i], tn = x[area].cnt[nrow - 1];
                    hjtj__tb_cell(t, r, 2 + 2 * (size_t)area, HJTJ_CELL_COUNT, n, 1, n);
                    hjtj__tb_cell(t, r, 3 + 2 * (size_t)area, HJTJ_CELL_SHARE, n, tn, n);
                }
            }
            if (f == 0)
                t->n = x[0].cnt[nrow - 1];
        } else if (st == HJTJ_OK) {
            for (i = 0; i < 3; i++) {
                r = hjtj__tb_row(t, "", "boenheter", NULL);
                hjtj__tb_text(t, r, 1, bstat[i]);
                snprintf(buf1, sizeof buf1, "boenheter:%s", bstat[i]);
                free(t->rows[r].code);
                t->rows[r].code = hjtj__str_dup(buf1);
                if (t->rows[r].code == NULL)
                    t->nomem = 1;
                d.measure = bmeasure[i];
                for (area = 0; area < 3; area++)
                    put_cell(t, r, 2 + 2 * (size_t)area, &x[area], &d, 1, 0);
            }
        }
        while (nx > 0)
            result_free(&x[--nx]);
    }
    if (st == HJTJ_OK && t->nomem)
        st = hjtj__err_set(&err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    if (st != HJTJ_OK) {
        hjtj__table_reset(t);
        hjtj__err_copy(&t->err, &err);
        return st;
    }
    return HJTJ_OK;
}

/* ------------------------------------------------------------------ */
/* The report's tables as declarations (tables_common.h)               */
/* ------------------------------------------------------------------ */

static int kind_of(int field)
{
    size_t i;
    for (i = 0; i < NDIMS; i++)
        if (dims[i].field == field)
            return dims[i].kind;
    return XD_LANDET;
}

void hjtj__xdecl_init(xdecl *d, int rows_field, int cols_field)
{
    memset(d, 0, sizeof *d);
    d->rows.field = rows_field;
    d->rows.kind = kind_of(rows_field);
    d->cols.field = cols_field;
    d->cols.kind = cols_field < 0 ? XD_LANDET : kind_of(cols_field);
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
    w->d.kind = kind_of(field);
    if (w->d.kind == XD_MULTI) {
        w->v[0] = classes;
        w->n = 1;
        return;
    }
    for (m = classes; m; m &= m - 1)
        w->v[w->n++] = (uint32_t)__builtin_ctz(m) + 1;
    where_bits(w);
}

hjtj_status hjtj__xt_count_decl(xtab *x, const hjtj_register *reg, const xdecl *d)
{
    xresult r;
    hjtj_error err;
    hjtj_status st;
    size_t i, k;
    memset(x, 0, sizeof *x);
    st = xrun(&r, reg, d, &err);
    if (st != HJTJ_OK)
        return st;
    if (r.rows.n > XT_MAXCLS || r.cols.n > XT_MAXCOL) {
        result_free(&r);
        return HJTJ_ERR_LIMIT;
    }
    /* a closed list's classes are listed in code order: position = class */
    for (i = 0; i < r.R; i++) {
        size_t xi = i + 1 == r.R ? XT_TOTAL : i, c = i * r.C + r.C - 1;
        x->n[xi] = r.cnt[c];
        x->sum[xi] = r.sum[c];
        x->med2[xi] = r.hasmed[c] ? r.med2[c] : 0;
        for (k = 0; k + 1 < r.C; k++)
            x->c[xi][k] = r.cnt[i * r.C + k];
    }
    result_free(&r);
    return HJTJ_OK;
}

hjtj_status hjtj__xt_pairs_decl(hjtj_table *t, const hjtj_register *reg, const xdecl *d,
                                uint32_t premask, const xrows *items, int share)
{
    rstore own;
    const rstore *s;
    xpairs c;
    uint32_t mask = 0;
    size_t i, a;
    hjtj_status st = hjtj__decl_keys(reg, d, &own, &s);
    if (st != HJTJ_OK)
        return st;
    memset(&c, 0, sizeof c);
    for (a = 0; a < items->n; a++)
        mask |= BIT(items->cls[a]);
    for (i = 0; i < s->n; i++) {
        int64_t w = (int64_t)s->w[i];
        uint32_t set = s->key[i * RED_NFN] & 0x7fffffffu & premask, lo, rest;
        c.all += w;
        rest = set & (set - 1); /* without the lowest item */
        if (set == 0 || (set & ~mask) || (rest & (rest - 1)))
            continue; /* no item, another one, or more than two */
        lo = (uint32_t)xt_low_bit(set);
        c.cnt[rest ? (uint32_t)xt_low_bit(rest) : lo][lo] += w;
        c.pairs += w;
    }
    hjtj__rstore_free(&own);
    hjtj__xt_pairs_emit(t, &c, items, share);
    return HJTJ_OK;
}
