/* check_crosstab.c — custom tables (SPEC §9) against values counted here,
 * record by record, through the public record accessors: every dimension,
 * every measure, the populations, filters, multiple response, regions,
 * linked variables with problem rows, streaming == kept, the profile and
 * exact rounding. */
#include "testutil.h"

#include <stdarg.h>
#include <stdint.h>

/* ---- a random register ---- */

#define NREC 1500

static const char *const TYPES[] = {
    "boligbase", "amb-helse", "amb-praktisk", "bpa", "annen-hjemmetjeneste", "enetiltak",
    "barnebolig-avlastning", "sykehjem", "dagaktivitet", "annen-virksomhet", "ressursenhet",
    "bestillerkontor", "administrasjon"};
static const char *const MGS[] = {"demens", "bevegelse-0-66", "bevegelse-67",
                                  "utviklingshemning", "psykiske-lidelser", "rusproblemer",
                                  "ingen", "annen"};
static const char *const MOTTAR[] = {"sykehjem", "boligbase", "ambulerende", "annen"};
static const char *const LEVERER[] = {"sykehjem", "dagsenter", "barnebolig-avlastning", "annen"};
static const char *const STATUS[] = {"aktiv", "opphort", "midlertidig-opphort",
                                     "ikke-hjemmetjeneste", "ikke-innrapportert"};
static const char *const NK[] = {"87.203", "86.901", "88.101", "87.302", "87.304"};

static uint64_t rng;
static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng >> 33) % n);
}

typedef struct sbuf {
    char *s;
    size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_add(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    int k;
    if (b->cap - b->n < 512) {
        b->cap = b->cap * 2 + 4096;
        b->s = realloc(b->s, b->cap);
        ck_assert_ptr_nonnull(b->s);
    }
    va_start(ap, fmt);
    k = vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

static void add_set(sbuf *b, const char *const *codes, unsigned n, unsigned mask)
{
    unsigned i;
    int first = 1;
    for (i = 0; i < n; i++)
        if (mask & (1u << i)) {
            sb_add(b, "%s%s", first ? "" : " ", codes[i]);
            first = 0;
        }
}

static char orgnrs[NREC][10];

/* A CSV register of NREC random records (all valid) into b. */
static void make_register(sbuf *b, uint64_t seed)
{
    hjtj_kommuner *k = NULL;
    size_t nk, i;
    rng = seed;
    ck_assert_int_eq(hjtj_kommuner_new(&k), HJTJ_OK);
    ck_assert_int_eq(hjtj_kommuner_load_default(k), HJTJ_OK);
    nk = hjtj_kommuner_count(k);
    sb_add(b, "orgnr,kommunenr,eierskap,status,boenheter,naeringskode,naeringskode_standard,"
              "andre_kommuner,virksomhetstyper,malgrupper,mottar_fra,leverer_til\n");
    for (i = 0; i < NREC; i++) {
        unsigned types, mg, j;
        char *o = orgnrs[i];
        /* distinct: the index in the digits before the check digit */
        o[0] = (char)('8' + rnd(2));
        o[1] = (char)('0' + rnd(10));
        o[2] = (char)('0' + rnd(10));
        snprintf(o + 3, 6, "%05u", (unsigned)i);
        while (orgnr_complete(o) != 0)
            o[2] = (char)('0' + (o[2] - '0' + 1) % 10);
        /* the kommune: a few municipalities often, so cells are not all tiny */
        j = rnd(3) == 0 ? rnd(4) : rnd((unsigned)nk);
        sb_add(b, "%s,%s,%s,%s,", o, hjtj_kommuner_nr(k, j), rnd(4) ? "kommunal" : "privat",
               rnd(8) ? "aktiv" : STATUS[rnd(5)]);
        if (rnd(5))
            sb_add(b, "%u", rnd(3) ? rnd(12) : rnd(70));
        if (rnd(4))
            sb_add(b, ",%s,%s,", NK[rnd(5)], rnd(6) ? "SN2007" : "SN2025");
        else
            sb_add(b, ",,,");
        sb_add(b, "%u,", rnd(5) == 0);
        do
            types = rnd(3) ? (1u << rnd(13)) | (rnd(3) ? 0 : 1u << rnd(13)) : rnd(1u << 13);
        while (types == 0);
        add_set(b, TYPES, 13, types);
        sb_add(b, ",");
        mg = rnd(10) == 0 ? (1u << 6) : rnd(8) == 0 ? 0 : (rnd(1u << 8) & ~(1u << 6));
        add_set(b, MGS, 8, mg);
        sb_add(b, ",");
        add_set(b, MOTTAR, 4, rnd(2) ? rnd(16) : 0);
        sb_add(b, ",");
        add_set(b, LEVERER, 4, rnd(2) ? rnd(16) : 0);
        sb_add(b, "\n");
    }
    b->s[b->n] = '\0';
    hjtj_kommuner_free(k);
}

/* ---- the oracle: a record's codes in a dimension, from public accessors ---- */

typedef struct codes {
    const char *c[16];
    char own[16][16];
    int n;
} codes;

static int field_of(const char *name)
{
    int f;
    for (f = 0; f <= 22; f++)
        if (hjtj_field_name((hjtj_field)f) && strcmp(hjtj_field_name((hjtj_field)f), name) == 0)
            return f;
    ck_abort_msg("no field %s", name);
    return -1;
}

static void rec_codes(const hjtj_record *r, const char *dim, codes *out)
{
    int f = field_of(dim);
    uint32_t set = 0;
    int i;
    out->n = 0;
    switch (f) {
    case HJTJ_FIELD_EIERSKAP:
        out->c[out->n++] = hjtj_code((hjtj_field)f, hjtj_record_eierskap(r));
        return;
    case HJTJ_FIELD_STATUS:
        out->c[out->n++] = hjtj_code((hjtj_field)f, hjtj_record_status(r));
        return;
    case HJTJ_FIELD_ANDRE_KOMMUNER:
        out->c[out->n++] = hjtj_record_andre_kommuner(r) ? "1" : "0";
        return;
    case HJTJ_FIELD_NAERINGSKODE:
        out->c[out->n++] = hjtj_record_naeringskode(r)[0] &&
                                   strcmp(hjtj_record_naeringskode_standard(r), "SN2007") == 0
                               ? hjtj_record_naeringskode(r)
                               : "uoppgitt";
        return;
    case HJTJ_FIELD_KOMMUNE:
        out->c[out->n++] = hjtj_record_kommunenr(r);
        return;
    case HJTJ_FIELD_FYLKE:
        memcpy(out->own[0], hjtj_record_kommunenr(r), 2);
        out->own[0][2] = '\0';
        out->c[out->n++] = out->own[0];
        return;
    case HJTJ_FIELD_LANDET:
        out->c[out->n++] = "hele-landet";
        return;
    case HJTJ_FIELD_VIRKSOMHETSTYPE:
        set = hjtj_record_types(r);
        break;
    case HJTJ_FIELD_MALGRUPPE:
        set = hjtj_record_malgrupper(r);
        break;
    case HJTJ_FIELD_MOTTAR_FRA:
        set = hjtj_record_mottar_fra(r);
        break;
    case HJTJ_FIELD_LEVERER_TIL:
        set = hjtj_record_leverer_til(r);
        break;
    default: {
        int32_t c = hjtj_record_class(r, (hjtj_field)f);
        if (c >= 0)
            out->c[out->n++] = hjtj_code((hjtj_field)f, c);
        return;
    }
    }
    for (i = 0; i < 16; i++)
        if (set & (1u << i))
            out->c[out->n++] = hjtj_code((hjtj_field)f, i);
}

static int in_pop(const hjtj_record *r, const char *pop)
{
    if (strcmp(pop, "alle") == 0)
        return 1;
    if (strcmp(pop, "aktiv") == 0)
        return hjtj_record_status(r) == HJTJ_STATUS_AKTIV;
    return hjtj_record_in_population(r);
}

/* A filter "field=a,b": does the record have one of the codes? */
static int passes(const hjtj_record *r, const char *where)
{
    char field[64], list[256];
    const char *eq = strchr(where, '=');
    codes c;
    int i;
    memcpy(field, where, (size_t)(eq - where));
    field[eq - where] = '\0';
    snprintf(list, sizeof list, ",%s,", eq + 1);
    rec_codes(r, field, &c);
    for (i = 0; i < c.n; i++) {
        char pat[40];
        snprintf(pat, sizeof pat, ",%s,", c.c[i]);
        if (strstr(list, pat))
            return 1;
    }
    return 0;
}

/* Linked values of the test (hundredths), per record index; -1 = missing. */
static int64_t linked[NREC];

typedef struct cellacc {
    int64_t n, nval, sum;
    int64_t *vals;
    size_t nv, cap;
} cellacc;

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* tenths of num/den, halves away from zero — long division by hand */
static int64_t tenths_of(int64_t num, int64_t den)
{
    int64_t q, r, d, rr;
    if (num < 0)
        return -tenths_of(-num, den);
    q = num / den;
    r = num % den;
    d = (r * 10) / den;
    rr = (r * 10) % den;
    return q * 10 + d + (2 * rr >= den);
}

static void fmt_tenths(char *out, int64_t t)
{
    sprintf(out, "%s%lld.%lld", t < 0 ? "-" : "", llabs(t) / 10, llabs(t) % 10);
}

/* The expected text of a cell. var: 0 none, 1 boenheter, 2 linked (hundredths). */
static void expect_text(char *out, const char *measure, const cellacc *c, int64_t rowtot,
                        int64_t coltot, int64_t grand, int var)
{
    out[0] = '\0';
    if (strcmp(measure, "antall") == 0) {
        sprintf(out, "%lld", (long long)c->n);
    } else if (strncmp(measure, "andel-", 6) == 0) {
        int64_t den = strcmp(measure, "andel-rad") == 0       ? rowtot
                      : strcmp(measure, "andel-kolonne") == 0 ? coltot
                                                              : grand;
        if (den > 0)
            fmt_tenths(out, tenths_of(100 * c->n, den));
    } else if (strncmp(measure, "sum:", 4) == 0) {
        if (var == 1)
            sprintf(out, "%lld", (long long)c->sum);
        else
            sprintf(out, "%s%lld.%02lld", c->sum < 0 ? "-" : "", llabs(c->sum) / 100,
                    llabs(c->sum) % 100);
    } else if (strncmp(measure, "gjennomsnitt:", 13) == 0) {
        if (c->nval > 0) {
            /* mean in tenths: sum / nval (boenheter) or sum / (100 nval) */
            int64_t den = c->nval * (var == 2 ? 100 : 1);
            fmt_tenths(out, tenths_of(c->sum, den));
        }
    } else if (c->nv > 0) {
        int64_t *v = c->vals, twice;
        qsort(v, c->nv, sizeof *v, cmp_i64);
        twice = v[(c->nv - 1) / 2] + v[c->nv / 2];
        if (var == 1) {
            if (twice % 2 == 0)
                sprintf(out, "%lld", (long long)(twice / 2));
            else
                sprintf(out, "%lld.5", (long long)(twice / 2));
        } else {
            fmt_tenths(out, tenths_of(twice, 200));
        }
    }
}

static int find_row(const hjtj_table *t, const char *code)
{
    size_t i;
    for (i = 0; i < hjtj_table_rows(t); i++)
        if (strcmp(hjtj_table_row_code(t, i), code) == 0)
            return (int)i;
    return -1;
}

static int find_col(const hjtj_table *t, const char *code)
{
    size_t j;
    for (j = 1; j < hjtj_table_cols(t); j++)
        if (strcmp(hjtj_table_col_code(t, j), code) == 0)
            return (int)j;
    return -1;
}

/* Compare a built custom table with the oracle over the kept register. */
static void check_table(const hjtj_register *reg, const hjtj_table *t, const char *rows,
                        const char *cols, const char *const *where, size_t nwhere,
                        const char *pop, const char *measure)
{
    size_t R = hjtj_table_rows(t), C = hjtj_table_cols(t), i, j, w;
    int var = strchr(measure, ':') == NULL             ? 0
              : strstr(measure, ":boenheter") != NULL ? 1
                                                       : 2;
    cellacc *acc = calloc(R * C, sizeof *acc);
    ck_assert_ptr_nonnull(acc);
    ck_assert_str_eq(hjtj_table_col_code(t, 0), rows);
    ck_assert_str_eq(hjtj_table_col_code(t, C - 1), "totalt");
    ck_assert_str_eq(hjtj_table_row_code(t, R - 1), "totalt");
    if (cols == NULL)
        ck_assert_uint_eq(C, 2);
    for (i = 0; i < hjtj_register_count(reg); i++) {
        const hjtj_record *r = hjtj_register_record(reg, i);
        codes rc, cc;
        int rr[17], cix[17], nr = 0, nc = 0, a, b, has = 0;
        int64_t v = 0;
        if (!in_pop(r, pop))
            continue;
        for (w = 0; w < nwhere && passes(r, where[w]); w++)
            ;
        if (w < nwhere)
            continue;
        rec_codes(r, rows, &rc);
        if (cols)
            rec_codes(r, cols, &cc);
        else
            cc.n = 1;
        if (rc.n == 0 || cc.n == 0)
            continue;
        for (a = 0; a < rc.n; a++) {
            rr[nr] = find_row(t, rc.c[a]);
            ck_assert_msg(rr[nr] >= 0, "row %s missing in %s", rc.c[a], rows);
            nr++;
        }
        rr[nr++] = (int)R - 1;
        for (b = 0; cols && b < cc.n; b++) {
            cix[nc] = find_col(t, cc.c[b]);
            ck_assert_msg(cix[nc] >= 0, "column %s missing", cc.c[b]);
            nc++;
        }
        cix[nc++] = (int)C - 1;
        if (var == 1 && hjtj_record_class(r, HJTJ_FIELD_BOTILBUD) == 1) {
            has = 1;
            v = hjtj_record_boenheter_counted(r);
        } else if (var == 2) {
            size_t k;
            for (k = 0; k < NREC && strcmp(orgnrs[k], hjtj_record_orgnr(r)) != 0; k++)
                ;
            if (k < NREC && linked[k] != INT64_MIN) {
                has = 1;
                v = linked[k];
            }
        }
        for (a = 0; a < nr; a++)
            for (b = 0; b < nc; b++) {
                cellacc *c = &acc[(size_t)rr[a] * C + (size_t)cix[b]];
                c->n++;
                if (!has)
                    continue;
                c->nval++;
                c->sum += v;
                if (c->nv == c->cap) {
                    c->cap = c->cap * 2 + 8;
                    c->vals = realloc(c->vals, c->cap * sizeof *c->vals);
                }
                c->vals[c->nv++] = v;
            }
    }
    for (i = 0; i < R; i++)
        for (j = 1; j < C; j++) {
            char want[64];
            cellacc *c = &acc[i * C + j];
            expect_text(want, measure, c, acc[i * C + C - 1].n, acc[(R - 1) * C + j].n,
                        acc[R * C - 1].n, var);
            ck_assert_msg(strcmp(hjtj_table_cell_text(t, i, j), want) == 0,
                          "%s x %s %s %s: cell %s/%s is '%s', expected '%s'", rows,
                          cols ? cols : "-", pop, measure, hjtj_table_row_code(t, i),
                          hjtj_table_col_code(t, j), hjtj_table_cell_text(t, i, j), want);
        }
    ck_assert_int_eq(hjtj_table_n(t), acc[R * C - 1].n);
    for (i = 0; i < R * C; i++)
        free(acc[i].vals);
    free(acc);
}

static hjtj_crosstab *declare(const char *rows, const char *cols, const char *const *where,
                              size_t nwhere, const char *pop, const char *measure,
                              const hjtj_link *link)
{
    hjtj_crosstab *ct = NULL;
    size_t w;
    ck_assert_int_eq(hjtj_crosstab_new(&ct), HJTJ_OK);
    ck_assert_int_eq(hjtj_crosstab_set_rows(ct, rows), HJTJ_OK);
    ck_assert_int_eq(hjtj_crosstab_set_cols(ct, cols), HJTJ_OK);
    for (w = 0; w < nwhere; w++) {
        char field[64];
        const char *eq = strchr(where[w], '=');
        memcpy(field, where[w], (size_t)(eq - where[w]));
        field[eq - where[w]] = '\0';
        ck_assert_int_eq(hjtj_crosstab_add_where(ct, field, eq + 1), HJTJ_OK);
    }
    ck_assert_int_eq(hjtj_crosstab_set_population(ct, pop), HJTJ_OK);
    ck_assert_int_eq(hjtj_crosstab_set_link(ct, link), HJTJ_OK);
    ck_assert_msg(hjtj_crosstab_set_measure(ct, measure) == HJTJ_OK, "%s",
                  hjtj_error_message(hjtj_crosstab_error(ct)));
    return ct;
}

static void run_one(const hjtj_register *reg, const char *rows, const char *cols,
                    const char *const *where, size_t nwhere, const char *pop,
                    const char *measure, const hjtj_link *link)
{
    hjtj_crosstab *ct = declare(rows, cols, where, nwhere, pop, measure, link);
    hjtj_table *t = NULL;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ck_assert_msg(hjtj_table_build_crosstab(t, reg, ct) == HJTJ_OK, "%s x %s %s: %s", rows,
                  cols ? cols : "-", measure, hjtj_error_message(hjtj_table_error(t)));
    check_table(reg, t, rows, cols, where, nwhere, pop, measure);
    hjtj_table_free(t);
    hjtj_crosstab_free(ct);
}

static sbuf regcsv;
static hjtj_register *kept;

static void setup(void)
{
    if (kept != NULL)
        return;
    make_register(&regcsv, 20241);
    kept = load_string(regcsv.s, HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(kept), NREC);
}

/* A link CSV for the register: values in hundredths with 2 decimals, some
 * missing; then problem rows.  Fills linked[]. */
static void make_link(sbuf *b, char delim)
{
    size_t i;
    sb_add(b, "orgnr%cansatte%cbrukere\n", delim, delim);
    for (i = 0; i < NREC; i++) {
        int64_t v;
        if (i > 0 && rnd(7) == 0) { /* orgnrs[0] has a value: a test duplicates it */
            linked[i] = INT64_MIN;
            if (rnd(2))
                continue; /* no row at all */
            sb_add(b, "%s%c%c%u\n", orgnrs[i], delim, delim, rnd(100));
            continue;
        }
        v = (int64_t)rnd(40000) - 2000; /* -20.00 .. 379.99 */
        linked[i] = v;
        sb_add(b, "%s%c%s%lld%c%02lld%c%u\n", orgnrs[i], delim, v < 0 ? "-" : "",
               llabs(v) / 100, delim == ';' ? ',' : '.', llabs(v) % 100, delim, rnd(100));
    }
}

/* ---- tests ---- */

static const char *const DIMS[] = {
    "hovedvirksomhetstype", "ht_sammensetning",   "kategori",         "samlemalgruppe",
    "antall_malgrupper",    "kommunestorrelse",   "botilbud",         "storrelse",
    "at_sammensetning",     "adm_sammensetning",  "personellutveksling", "eierskap",
    "status",               "andre_kommuner",     "naeringskode",     "virksomhetstype",
    "malgruppe",            "mottar_fra",         "leverer_til",      "kommune",
    "fylke",                "landet"};
#define NDIM (sizeof DIMS / sizeof DIMS[0])

START_TEST(every_dimension_every_measure)
{
    static const char *const measures[] = {"antall",        "andel-rad",
                                           "andel-kolonne", "andel-total",
                                           "sum:boenheter", "gjennomsnitt:boenheter",
                                           "median:boenheter"};
    static const char *const colsv[] = {NULL, "eierskap", "malgruppe", "fylke", "naeringskode"};
    static const char *const pops[] = {"populasjon", "aktiv", "alle"};
    size_t d, m, c;
    setup();
    /* the dimension name list of the API is the one tested here */
    for (d = 0; d < NDIM; d++)
        ck_assert_str_eq(hjtj_crosstab_dimension_name(d), DIMS[d]);
    ck_assert_ptr_null(hjtj_crosstab_dimension_name(NDIM));
    for (d = 0; d < NDIM; d++)
        for (m = 0; m < 7; m++)
            for (c = 0; c < 5; c++)
                run_one(kept, DIMS[d], colsv[c], NULL, 0, pops[(d + m + c) % 3], measures[m],
                        NULL);
    /* every dimension as a column */
    for (d = 0; d < NDIM; d++)
        run_one(kept, "kategori", DIMS[d], NULL, 0, "alle", "andel-kolonne", NULL);
}
END_TEST

START_TEST(filters)
{
    static const char *const w1[] = {"eierskap=privat"};
    static const char *const w2[] = {"malgruppe=demens,annen", "fylke=03,46,50"};
    static const char *const w3[] = {"naeringskode=uoppgitt,87.203", "status=aktiv,opphort"};
    static const char *const w4[] = {"kommune=0301,4601", "virksomhetstype=boligbase"};
    static const char *const w5[] = {"kategori=kun-boligbase", "eierskap=privat"};
    setup();
    run_one(kept, "kategori", "fylke", w1, 1, "populasjon", "antall", NULL);
    run_one(kept, "samlemalgruppe", "eierskap", w2, 2, "aktiv", "andel-rad", NULL);
    run_one(kept, "hovedvirksomhetstype", NULL, w3, 2, "alle", "antall", NULL);
    run_one(kept, "malgruppe", "kommune", w4, 2, "populasjon", "median:boenheter", NULL);
    /* the README's question: private boligbaser per county, median boenheter */
    run_one(kept, "fylke", NULL, w5, 2, "populasjon", "median:boenheter", NULL);
    run_one(kept, "fylke", NULL, w5, 2, "populasjon", "antall", NULL);
}
END_TEST

START_TEST(listing_and_structure)
{
    hjtj_crosstab *ct;
    hjtj_table *t = NULL;
    hjtj_kommuner *k = NULL;
    size_t i, n;
    char prev[8] = "";
    setup();
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    /* botilbud lists 0 before 1; totalt last; CSV layout of SPEC §9 */
    ct = declare("botilbud", NULL, NULL, 0, "populasjon", "antall", NULL);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, kept, ct), HJTJ_OK);
    ck_assert_uint_eq(hjtj_table_rows(t), 3);
    ck_assert_str_eq(hjtj_table_row_code(t, 0), "0");
    ck_assert_str_eq(hjtj_table_row_code(t, 1), "1");
    {
        char *s = NULL;
        ck_assert_int_eq(hjtj_table_to_string(t, HJTJ_FORMAT_CSV, &s, NULL), HJTJ_OK);
        ck_assert(strncmp(s, "botilbud,totalt\n0,", 18) == 0);
        hjtj_free(s);
    }
    hjtj_crosstab_free(ct);
    /* kommune: every municipality of the table in numeric order, labelled by name */
    ct = declare("kommune", "landet", NULL, 0, "populasjon", "antall", NULL);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, kept, ct), HJTJ_OK);
    ck_assert_int_eq(hjtj_kommuner_new(&k), HJTJ_OK);
    ck_assert_int_eq(hjtj_kommuner_load_default(k), HJTJ_OK);
    n = hjtj_kommuner_count(k);
    ck_assert_uint_eq(hjtj_table_rows(t), n + 1);
    for (i = 0; i < n; i++) {
        const char *c = hjtj_table_row_code(t, i);
        int64_t ki = hjtj_kommuner_find(k, c);
        ck_assert_int_ge(ki, 0);
        ck_assert_str_eq(hjtj_table_row_label(t, i, HJTJ_LANG_NB),
                         hjtj_kommuner_navn(k, (size_t)ki));
        ck_assert_int_gt(strcmp(c, prev), 0);
        snprintf(prev, sizeof prev, "%s", c);
    }
    ck_assert_str_eq(hjtj_table_col_code(t, 1), "hele-landet");
    ck_assert_str_eq(hjtj_table_col_label(t, 1, HJTJ_LANG_NB), "Hele landet");
    hjtj_kommuner_free(k);
    hjtj_crosstab_free(ct);
    /* fylke: the 15 counties of 2024 in numeric order */
    ct = declare("fylke", NULL, NULL, 0, "populasjon", "antall", NULL);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, kept, ct), HJTJ_OK);
    ck_assert_uint_eq(hjtj_table_rows(t), 16);
    ck_assert_str_eq(hjtj_table_row_code(t, 0), "03");
    ck_assert_str_eq(hjtj_table_row_label(t, 0, HJTJ_LANG_NB), "Oslo");
    ck_assert_str_eq(hjtj_table_row_code(t, 14), "56");
    hjtj_crosstab_free(ct);
    /* naeringskode: codes present in order, then uoppgitt */
    ct = declare("naeringskode", NULL, NULL, 0, "alle", "antall", NULL);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, kept, ct), HJTJ_OK);
    ck_assert_uint_eq(hjtj_table_rows(t), 7);
    ck_assert_str_eq(hjtj_table_row_code(t, 0), "86.901");
    ck_assert_str_eq(hjtj_table_row_code(t, 4), "88.101");
    ck_assert_str_eq(hjtj_table_row_code(t, 5), "uoppgitt");
    ck_assert_int_eq(hjtj_table_n(t), NREC);
    hjtj_crosstab_free(ct);
    /* multiple response: classes add up to more than the total, which counts once */
    ct = declare("malgruppe", NULL, NULL, 0, "populasjon", "antall", NULL);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, kept, ct), HJTJ_OK);
    {
        int64_t s = 0;
        for (i = 0; i < 8; i++)
            s += hjtj_table_cell_int(t, i, 1);
        ck_assert_int_gt(s, hjtj_table_cell_int(t, 8, 1));
    }
    hjtj_crosstab_free(ct);
    hjtj_table_free(t);
}
END_TEST

START_TEST(new_fields_and_counties_file)
{
    char path[4096], line[256];
    const char *dir = getenv("HJTJ_DATADIR");
    FILE *f;
    int32_t i = 0;
    ck_assert_str_eq(hjtj_field_name(HJTJ_FIELD_ANDRE_KOMMUNER), "andre_kommuner");
    ck_assert_str_eq(hjtj_code(HJTJ_FIELD_ANDRE_KOMMUNER, 1), "1");
    ck_assert_str_eq(hjtj_field_name(HJTJ_FIELD_NAERINGSKODE), "naeringskode");
    ck_assert_int_eq(hjtj_field_size(HJTJ_FIELD_NAERINGSKODE), 0);
    ck_assert_ptr_null(hjtj_code(HJTJ_FIELD_KOMMUNE, 0));
    ck_assert_str_eq(hjtj_code(HJTJ_FIELD_LANDET, 0), "hele-landet");
    ck_assert_str_eq(hjtj_label(HJTJ_FIELD_LANDET, 0, HJTJ_LANG_NB), "Hele landet");
    ck_assert_int_eq(hjtj_field_size(HJTJ_FIELD_FYLKE), 15);
    ck_assert_ptr_nonnull(dir);
    snprintf(path, sizeof path, "%s/fylker-2024.csv", dir);
    f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(fgets(line, sizeof line, f)); /* header */
    while (fgets(line, sizeof line, f)) {
        char *semi = strchr(line, ';'), *semi2;
        ck_assert_ptr_nonnull(semi);
        *semi = '\0';
        semi2 = strchr(semi + 1, ';');
        *semi2 = '\0';
        ck_assert_str_eq(hjtj_code(HJTJ_FIELD_FYLKE, i), line);
        ck_assert_str_eq(hjtj_label(HJTJ_FIELD_FYLKE, i, HJTJ_LANG_NB), semi + 1);
        i++;
    }
    fclose(f);
    ck_assert_int_eq(i, 15);
}
END_TEST

START_TEST(linked_variables)
{
    static const char *const wl[] = {"eierskap=kommunal"};
    sbuf lb = {0};
    hjtj_link *link = NULL;
    size_t i, nprob;
    setup();
    rng = 77;
    make_link(&lb, ';');
    /* problem rows: not in the register, duplicate, not a number, ragged,
     * bad orgnr, too many decimals */
    sb_add(&lb, "999999999;1,5;2\n");
    sb_add(&lb, "%s;1,5;2\n", orgnrs[0]);
    sb_add(&lb, "%s;abc;2\n", "123456785");
    sb_add(&lb, "%s;1\n", "123456785");
    sb_add(&lb, "12345;1;2\n");
    sb_add(&lb, "%s;1,1234567;2\n", "123456785");
    lb.s[lb.n] = '\0';
    ck_assert_int_eq(hjtj_link_new(&link), HJTJ_OK);
    ck_assert_int_eq(hjtj_link_load_memory(link, lb.s, lb.n, "link.csv"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_link_var_count(link), 2);
    ck_assert_str_eq(hjtj_link_var_name(link, 0), "ansatte");
    ck_assert_int_eq(hjtj_link_match(link, kept), HJTJ_OK);
    nprob = hjtj_link_problem_count(link);
    ck_assert_uint_eq(nprob, 6);
    ck_assert_uint_eq(hjtj_link_read_count(link),
                      hjtj_link_used_count(link) + hjtj_link_problem_count(link));
    {
        static const hjtj_reason want[] = {HJTJ_REASON_NOT_IN_REGISTER,
                                           HJTJ_REASON_DUPLICATE_ORGNR,
                                           HJTJ_REASON_NOT_A_NUMBER,
                                           HJTJ_REASON_RAGGED_ROW,
                                           HJTJ_REASON_ORGNR,
                                           HJTJ_REASON_NUMBER_RANGE};
        uint64_t first = hjtj_diag_line(hjtj_link_problem(link, 0));
        for (i = 0; i < 6; i++) {
            const hjtj_diag *d = hjtj_link_problem(link, i);
            ck_assert_int_eq(hjtj_diag_reason(d), want[i]);
            ck_assert_str_eq(hjtj_diag_file(d), "link.csv");
            ck_assert_uint_eq(hjtj_diag_line(d), first + i);
        }
        ck_assert_str_eq(hjtj_diag_orgnr(hjtj_link_problem(link, 0)), "999999999");
    }
    /* "123456785" rows: not a number / ragged / range are rejected, so it
     * is not a used row: the second matching row would be a duplicate */
    run_one(kept, "kategori", NULL, NULL, 0, "populasjon", "sum:ansatte", link);
    run_one(kept, "fylke", "eierskap", NULL, 0, "alle", "gjennomsnitt:ansatte", link);
    run_one(kept, "samlemalgruppe", "malgruppe", wl, 1, "populasjon", "median:ansatte", link);
    run_one(kept, "kommunestorrelse", NULL, NULL, 0, "aktiv", "median:ansatte", link);
    /* an unknown variable names the valid ones */
    {
        hjtj_crosstab *ct = NULL;
        ck_assert_int_eq(hjtj_crosstab_new(&ct), HJTJ_OK);
        ck_assert_int_eq(hjtj_crosstab_set_link(ct, link), HJTJ_OK);
        ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "sum:lonn"), HJTJ_ERR_NOT_FOUND);
        ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_crosstab_error(ct)),
                                     "boenheter, ansatte, brukere"));
        hjtj_crosstab_free(ct);
    }
    hjtj_link_free(link);
    free(lb.s);
}
END_TEST

START_TEST(bad_declarations)
{
    hjtj_crosstab *ct = NULL;
    ck_assert_int_eq(hjtj_crosstab_new(&ct), HJTJ_OK);
    ck_assert_int_eq(hjtj_crosstab_set_rows(ct, "kategorix"), HJTJ_ERR_NOT_FOUND);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_crosstab_error(ct)), "kategorix"));
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_crosstab_error(ct)), "fylke"));
    ck_assert_int_eq(hjtj_crosstab_add_where(ct, "eierskap", "kommunal,x"), HJTJ_ERR_NOT_FOUND);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_crosstab_error(ct)), "privat"));
    ck_assert_int_eq(hjtj_crosstab_add_where(ct, "kommune", "301"), HJTJ_ERR_NOT_FOUND);
    ck_assert_int_eq(hjtj_crosstab_set_population(ct, "hele"), HJTJ_ERR_NOT_FOUND);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_crosstab_error(ct)), "aktiv"));
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "snitt"), HJTJ_ERR_NOT_FOUND);
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "antall:boenheter"), HJTJ_ERR_NOT_FOUND);
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "sum:"), HJTJ_ERR_NOT_FOUND);
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "median:boenheter"), HJTJ_OK);
    /* a linked variable without a link: the build says so */
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "sum:ansatte"), HJTJ_OK);
    setup();
    {
        hjtj_table *t = NULL;
        ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
        ck_assert_int_eq(hjtj_table_build_crosstab(t, kept, ct), HJTJ_ERR_STATE);
        ck_assert_int_eq(hjtj_crosstab_add_where(ct, "kommune", "9999"), HJTJ_OK);
        ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "antall"), HJTJ_OK);
        ck_assert_int_eq(hjtj_table_build_crosstab(t, kept, ct), HJTJ_ERR_NOT_FOUND);
        hjtj_table_free(t);
    }
    hjtj_crosstab_free(ct);
}
END_TEST

/* Build the CSV of a declaration on a register. */
static char *csv_of(const hjtj_register *reg, const hjtj_crosstab *ct)
{
    hjtj_table *t = NULL;
    char *s = NULL;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ck_assert_msg(hjtj_table_build_crosstab(t, reg, ct) == HJTJ_OK, "%s",
                  hjtj_error_message(hjtj_table_error(t)));
    ck_assert_int_eq(hjtj_table_to_string(t, HJTJ_FORMAT_CSV, &s, NULL), HJTJ_OK);
    hjtj_table_free(t);
    return s;
}

START_TEST(streaming_equals_kept)
{
    static const char *const w[] = {"eierskap=privat", "malgruppe=demens,rusproblemer"};
    sbuf lb = {0};
    hjtj_link *link = NULL;
    hjtj_register *st = NULL;
    hjtj_crosstab *cts[6];
    size_t i;
    setup();
    rng = 5;
    make_link(&lb, ',');
    lb.s[lb.n] = '\0';
    ck_assert_int_eq(hjtj_link_new(&link), HJTJ_OK);
    ck_assert_int_eq(hjtj_link_load_memory(link, lb.s, lb.n, "l.csv"), HJTJ_OK);
    cts[0] = declare("kategori", "fylke", NULL, 0, "populasjon", "antall", NULL);
    cts[1] = declare("malgruppe", "eierskap", w, 1, "aktiv", "andel-rad", NULL);
    cts[2] = declare("kommune", NULL, NULL, 0, "populasjon", "median:boenheter", NULL);
    cts[3] = declare("naeringskode", "status", NULL, 0, "alle", "andel-total", NULL);
    cts[4] = declare("samlemalgruppe", "virksomhetstype", w + 1, 1, "populasjon",
                     "median:ansatte", link);
    cts[5] = declare("storrelse", "kommunestorrelse", NULL, 0, "populasjon",
                     "gjennomsnitt:ansatte", link);
    ck_assert_int_eq(hjtj_register_new(&st), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_keep_records(st, 0), HJTJ_OK);
    for (i = 0; i < 6; i++)
        ck_assert_int_eq(hjtj_register_add_crosstab(st, cts[i]), HJTJ_OK);
    /* in two loads, to exercise the merge of a load's counts */
    {
        const char *mid = regcsv.s + regcsv.n / 2;
        size_t hdr = (size_t)(strchr(regcsv.s, '\n') + 1 - regcsv.s);
        char *second;
        mid = strchr(mid, '\n') + 1;
        ck_assert_int_eq(hjtj_register_load_memory(st, regcsv.s, (size_t)(mid - regcsv.s), "a"),
                         HJTJ_OK);
        second = malloc(hdr + strlen(mid) + 1);
        memcpy(second, regcsv.s, hdr);
        strcpy(second + hdr, mid);
        ck_assert_int_eq(hjtj_register_load_memory(st, second, strlen(second), "b"), HJTJ_OK);
        free(second);
    }
    ck_assert_uint_eq(hjtj_register_count(st), NREC);
    ck_assert_ptr_null(hjtj_register_record(st, 0));
    /* too late for a new declaration */
    ck_assert_int_eq(hjtj_register_add_crosstab(st, cts[0]), HJTJ_OK); /* already there */
    {
        hjtj_crosstab *late = declare("eierskap", NULL, NULL, 0, "alle", "antall", NULL);
        hjtj_table *t = NULL;
        ck_assert_int_eq(hjtj_register_add_crosstab(st, late), HJTJ_ERR_STATE);
        ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
        ck_assert_int_eq(hjtj_table_build_crosstab(t, st, late), HJTJ_ERR_STATE);
        hjtj_table_free(t);
        hjtj_crosstab_free(late);
    }
    for (i = 0; i < 6; i++) {
        char *a = csv_of(kept, cts[i]), *b = csv_of(st, cts[i]);
        ck_assert_str_eq(a, b);
        hjtj_free(a);
        hjtj_free(b);
    }
    /* the report's tables still build on the streaming register */
    {
        hjtj_table *t = NULL;
        ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
        ck_assert_int_eq(hjtj_table_build(t, st, "3.5"), HJTJ_OK);
        hjtj_table_free(t);
    }
    /* a link matched against a streaming register */
    ck_assert_int_eq(hjtj_link_match(link, st), HJTJ_OK);
    ck_assert_uint_eq(hjtj_link_problem_count(link), 0);
    for (i = 0; i < 6; i++)
        hjtj_crosstab_free(cts[i]);
    hjtj_register_free(st);
    hjtj_link_free(link);
    free(lb.s);
}
END_TEST

/* A register of n records: k of them private, all kun-boligbase in Oslo. */
static hjtj_register *ties_register(int n, int k)
{
    sbuf b = {0};
    hjtj_register *reg;
    int i;
    sb_add(&b, "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,boenheter\n");
    for (i = 0; i < n; i++) {
        char o[10];
        snprintf(o, sizeof o, "9%07d", (i * 7 + 3) % 10000000);
        if (orgnr_complete(o) != 0) {
            n++;
            continue;
        }
        sb_add(&b, "%s,0301,%s,boligbase,demens,%d\n", o, --k >= 0 ? "privat" : "kommunal",
               2 + i % 5);
    }
    b.s[b.n] = '\0';
    reg = load_string(b.s, HJTJ_OK);
    free(b.s);
    return reg;
}

START_TEST(rounding_ties)
{
    hjtj_register *reg = ties_register(80, 17);
    hjtj_crosstab *ct = declare("eierskap", NULL, NULL, 0, "populasjon", "andel-total", NULL);
    hjtj_table *t = NULL;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 1, 1), "21.3"); /* 17/80 = 21.25 */
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "78.8"); /* 63/80 = 78.75 */
    ck_assert_int_eq(hjtj_table_cell_int(t, 1, 1), 17);
    ck_assert_int_eq(hjtj_table_cell_den(t, 1, 1), 80);
    hjtj_register_free(reg);
    reg = ties_register(8, 1);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 1, 1), "12.5"); /* 1/8 */
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "87.5");
    ck_assert_str_eq(hjtj_table_cell_text(t, 2, 1), "100.0");
    hjtj_crosstab_free(ct);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(exact_decimals)
{
    /* sums and means of decimals that binary floating point gets wrong */
    hjtj_register *reg = ties_register(4, 0);
    hjtj_link *link = NULL;
    hjtj_crosstab *ct;
    hjtj_table *t = NULL;
    char data[512];
    const char *o[4];
    size_t i;
    for (i = 0; i < 4; i++)
        o[i] = hjtj_record_orgnr(hjtj_register_record(reg, i));
    /* x: 0.1, 0.2 -> sum 0.3; y: 1.15 twice and 1.15 -> mean 1.15 -> 1.2;
     * z: 2.25 and 2.35 -> median 2.3; w: -0.05 and 0.1 -> sum 0.05 */
    snprintf(data, sizeof data,
             "orgnr;x;y;z;w\n%s;0,1;1,15;2,25;-0,05\n%s;0,2;1,15;2,35;0,10\n%s;;1,15;;\n"
             "%s;;;;\n",
             o[0], o[1], o[2], o[3]);
    ck_assert_int_eq(hjtj_link_new(&link), HJTJ_OK);
    ck_assert_int_eq(hjtj_link_load_memory(link, data, strlen(data), "d.csv"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_link_used_count(link), 4);
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ct = declare("landet", NULL, NULL, 0, "populasjon", "sum:x", link);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "0.3");
    ck_assert_int_eq(hjtj_table_cell_kind(t, 0, 1), HJTJ_CELL_DECIMAL);
    ck_assert_int_eq(hjtj_table_cell_int(t, 0, 1), 3);
    ck_assert_int_eq(hjtj_table_cell_den(t, 0, 1), 10);
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "gjennomsnitt:y"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "1.2");
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "median:z"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "2.3");
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "sum:w"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "0.05");
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "gjennomsnitt:w"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "0.0"); /* 0.025 */
    /* no value: mean and median empty, sum 0 */
    ck_assert_int_eq(hjtj_crosstab_add_where(ct, "kommune", "4601"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "");
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "sum:x"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "0.0");
    hjtj_crosstab_free(ct);
    hjtj_table_free(t);
    hjtj_link_free(link);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(link_encoding)
{
    /* a link file saved by Norwegian Excel: Windows-1252, ';', decimal comma */
    hjtj_register *reg = ties_register(2, 0);
    hjtj_link *link = NULL;
    hjtj_crosstab *ct;
    hjtj_table *t = NULL;
    char data[256];
    const hjtj_error *e;
    snprintf(data, sizeof data, "orgnr;\xe5rsverk\n%s;1,5\n%s;2,25\n",
             hjtj_record_orgnr(hjtj_register_record(reg, 0)),
             hjtj_record_orgnr(hjtj_register_record(reg, 1)));
    ck_assert_int_eq(hjtj_link_new(&link), HJTJ_OK);
    ck_assert_int_eq(hjtj_link_encoding(link), HJTJ_ENCODING_UTF8);
    /* read as UTF-8 it is refused, with its position and the way out */
    ck_assert_int_eq(hjtj_link_load_memory(link, data, strlen(data), "w.csv"), HJTJ_ERR_ENCODING);
    e = hjtj_link_error(link);
    ck_assert_uint_eq(hjtj_error_line(e), 1);
    ck_assert_uint_eq(hjtj_error_column(e), 7);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(e), "--encoding windows-1252"));
    ck_assert_uint_eq(hjtj_link_var_count(link), 0);
    ck_assert_int_eq(hjtj_link_set_encoding(link, (hjtj_encoding)7), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_link_set_encoding(link, HJTJ_ENCODING_WINDOWS_1252), HJTJ_OK);
    ck_assert_int_eq(hjtj_link_load_memory(link, data, strlen(data), "w.csv"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_link_var_count(link), 1);
    ck_assert_str_eq(hjtj_link_var_name(link, 0), "\xc3\xa5rsverk"); /* årsverk in UTF-8 */
    ck_assert_uint_eq(hjtj_link_used_count(link), 2);
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ct = declare("landet", NULL, NULL, 0, "populasjon", "sum:\xc3\xa5rsverk", link);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "3.75");
    /* an undefined Windows-1252 byte: refused at its place */
    snprintf(data, sizeof data, "orgnr;x\n100000008;1\x81\n");
    ck_assert_int_eq(hjtj_link_load_memory(link, data, strlen(data), "w.csv"), HJTJ_ERR_ENCODING);
    ck_assert_uint_eq(hjtj_error_line(hjtj_link_error(link)), 2);
    ck_assert_uint_eq(hjtj_error_column(hjtj_link_error(link)), 12);
    hjtj_crosstab_free(ct);
    hjtj_table_free(t);
    hjtj_link_free(link);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(sum_overflow)
{
    /* 12 integer digits and 6 decimals: ten such values overflow 64 bits */
    hjtj_register *reg = ties_register(10, 0);
    hjtj_link *link = NULL;
    hjtj_crosstab *ct;
    hjtj_table *t = NULL;
    sbuf b = {0};
    size_t i;
    sb_add(&b, "orgnr,stor\n");
    for (i = 0; i < 10; i++)
        sb_add(&b, "%s,999999999999.000001\n", hjtj_record_orgnr(hjtj_register_record(reg, i)));
    ck_assert_int_eq(hjtj_link_new(&link), HJTJ_OK);
    ck_assert_int_eq(hjtj_link_load_memory(link, b.s, b.n, "big.csv"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_link_used_count(link), 10);
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ct = declare("landet", NULL, NULL, 0, "populasjon", "sum:stor", link);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_ERR_OVERFLOW);
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, "median:stor"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build_crosstab(t, reg, ct), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_cell_text(t, 0, 1), "999999999999.0");
    /* 13 integer digits is out of range: a problem row */
    ck_assert_int_eq(hjtj_link_load_memory(link, "orgnr,x\n100000008,1234567890123\n", 31, "r"),
                     HJTJ_OK);
    ck_assert_uint_eq(hjtj_link_problem_count(link), 1);
    ck_assert_int_eq(hjtj_diag_reason(hjtj_link_problem(link, 0)), HJTJ_REASON_NUMBER_RANGE);
    hjtj_crosstab_free(ct);
    hjtj_table_free(t);
    hjtj_link_free(link);
    hjtj_register_free(reg);
    free(b.s);
}
END_TEST

START_TEST(profile)
{
    hjtj_table *t = NULL;
    const char *knr = "0301";
    size_t i, r;
    int64_t cnt[3][10], tot[3], bsum[3], bn[3];
    int32_t kstr;
    setup();
    memset(cnt, 0, sizeof cnt);
    memset(tot, 0, sizeof tot);
    memset(bsum, 0, sizeof bsum);
    memset(bn, 0, sizeof bn);
    kstr = HJTJ_KSTR_ASSS;
    for (i = 0; i < hjtj_register_count(kept); i++) {
        const hjtj_record *rec = hjtj_register_record(kept, i);
        int in[3], a;
        if (!hjtj_record_in_population(rec))
            continue;
        in[0] = strcmp(hjtj_record_kommunenr(rec), knr) == 0;
        in[1] = hjtj_record_class(rec, HJTJ_FIELD_KOMMUNESTORRELSE) == kstr;
        in[2] = 1;
        for (a = 0; a < 3; a++)
            if (in[a]) {
                cnt[a][hjtj_record_class(rec, HJTJ_FIELD_KATEGORI)]++;
                tot[a]++;
                if (hjtj_record_class(rec, HJTJ_FIELD_BOTILBUD) == 1) {
                    bsum[a] += hjtj_record_boenheter_counted(rec);
                    bn[a]++;
                }
            }
    }
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build_profile(t, kept, "0000"), HJTJ_ERR_NOT_FOUND);
    ck_assert_int_eq(hjtj_table_build_profile(t, kept, knr), HJTJ_OK);
    ck_assert_str_eq(hjtj_table_col_code(t, 2), "kommune");
    ck_assert_str_eq(hjtj_table_col_label(t, 2, HJTJ_LANG_NB), "Oslo");
    ck_assert_str_eq(hjtj_table_col_label(t, 4, HJTJ_LANG_NB), "ASSS-kommuner");
    for (r = 0; r < 10; r++) {
        int a;
        ck_assert_str_eq(hjtj_table_row_code(t, r) + 9, hjtj_code(HJTJ_FIELD_KATEGORI, (int32_t)r));
        for (a = 0; a < 3; a++) {
            char want[32];
            ck_assert_int_eq(hjtj_table_cell_int(t, r, 2 + 2 * (size_t)a), cnt[a][r]);
            if (tot[a])
                fmt_tenths(want, tenths_of(100 * cnt[a][r], tot[a]));
            else
                want[0] = '\0';
            ck_assert_str_eq(hjtj_table_cell_text(t, r, 3 + 2 * (size_t)a), want);
        }
    }
    ck_assert_str_eq(hjtj_table_row_code(t, 10), "kategori:totalt");
    ck_assert_int_eq(hjtj_table_n(t), tot[0]);
    r = (size_t)find_row(t, "boenheter:sum");
    for (i = 0; i < 3; i++) {
        char want[32];
        ck_assert_int_eq(hjtj_table_cell_int(t, r, 2 + 2 * i), bsum[i]);
        if (bn[i])
            fmt_tenths(want, tenths_of(bsum[i], bn[i]));
        else
            want[0] = '\0';
        ck_assert_str_eq(hjtj_table_cell_text(t, r + 1, 2 + 2 * i), want);
    }
    ck_assert_int_ge(find_row(t, "samlemalgruppe:utenfor"), 0);
    ck_assert_int_ge(find_row(t, "eierskap:privat"), 0);
    ck_assert_int_ge(find_row(t, "boenheter:median"), 0);
    hjtj_table_free(t);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("crosstab");
    TCase *tc = tcase_create("crosstab");
    int rc;
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, every_dimension_every_measure);
    tcase_add_test(tc, filters);
    tcase_add_test(tc, listing_and_structure);
    tcase_add_test(tc, new_fields_and_counties_file);
    tcase_add_test(tc, linked_variables);
    tcase_add_test(tc, bad_declarations);
    tcase_add_test(tc, streaming_equals_kept);
    tcase_add_test(tc, rounding_ties);
    tcase_add_test(tc, exact_decimals);
    tcase_add_test(tc, link_encoding);
    tcase_add_test(tc, sum_overflow);
    tcase_add_test(tc, profile);
    suite_add_tcase(s, tc);
    rc = run_suite(s);
    hjtj_register_free(kept);
    free(regcsv.s);
    return rc;
}
