/* check_tables.c — the report's tables (SPEC §5) on small hand-made
 * registers whose answers are worked out by hand below, and on a register
 * rebuilt from the 75 rows of Table C1 (Tables 4.3–4.7 and C1 exactly). */
#include "testutil.h"

/* ------------------------------------------------------------------ */
/* Building registers                                                  */
/* ------------------------------------------------------------------ */

/* One record; NULL fields are left out of the XML. */
typedef struct trec {
    const char *k;      /* kommunenr */
    const char *e;      /* eierskap (NULL: kommunal) */
    const char *st;     /* status (NULL: aktiv) */
    const char *t;      /* virksomhetstyper */
    const char *m;      /* målgrupper */
    const char *bo;     /* boenheter */
    const char *mottar; /* personellutveksling mottar-fra */
    const char *lev;    /* personellutveksling leverer-til */
    const char *andre;  /* andre-kommuner */
    const char *nk;     /* næringskode */
    const char *std;    /* its standard (NULL: SN2007) */
} trec;

typedef struct sbuf {
    char *s;
    size_t len, cap;
} sbuf;

static void put(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        ck_assert_ptr_nonnull(b->s);
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

static void put_elem(sbuf *b, const char *name, const char *value)
{
    if (value == NULL)
        return;
    put(b, "<");
    put(b, name);
    put(b, ">");
    put(b, value);
    put(b, "</");
    put(b, name);
    put(b, ">");
}

/* The next valid organisation number from 100000000 on; *state carries the
 * search between calls. */
static void next_orgnr(long *state, char out[16])
{
    do
        snprintf(out, 16, "%08ld", 10000000 + (*state)++ % 90000000);
    while (orgnr_complete(out) != 0);
}

static void put_record(sbuf *b, const trec *r, long *orgstate)
{
    char orgnr[16];
    next_orgnr(orgstate, orgnr);
    put(b, "<virksomhet orgnr=\"");
    put(b, orgnr);
    put(b, "\" kommunenr=\"");
    put(b, r->k ? r->k : "0301");
    put(b, "\" eierskap=\"");
    put(b, r->e ? r->e : "kommunal");
    put(b, "\" status=\"");
    put(b, r->st ? r->st : "aktiv");
    put(b, "\">");
    if (r->nk) {
        put(b, "<naeringskode standard=\"");
        put(b, r->std ? r->std : "SN2007");
        put(b, "\">");
        put(b, r->nk);
        put(b, "</naeringskode>");
    }
    put_elem(b, "virksomhetstyper", r->t);
    put_elem(b, "malgrupper", r->m);
    put_elem(b, "boenheter", r->bo);
    if (r->mottar || r->lev) {
        put(b, "<personellutveksling");
        if (r->mottar) {
            put(b, " mottar-fra=\"");
            put(b, r->mottar);
            put(b, "\"");
        }
        if (r->lev) {
            put(b, " leverer-til=\"");
            put(b, r->lev);
            put(b, "\"");
        }
        put(b, "/>");
    }
    put_elem(b, "andre-kommuner", r->andre);
    put(b, "</virksomhet>\n");
}

static const char xml_head[] = "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\" aargang=\"2024\">\n";
static const char xml_tail[] = "</kartlegging>\n";

/* A register of the records (default municipality table); all must load. */
static hjtj_register *make_reg(const trec *recs, size_t n)
{
    sbuf b = {NULL, 0, 0};
    long org = 0;
    size_t i;
    hjtj_register *reg;
    put(&b, xml_head);
    for (i = 0; i < n; i++)
        put_record(&b, &recs[i], &org);
    put(&b, xml_tail);
    reg = load_string(b.s, HJTJ_OK);
    free(b.s);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 0);
    ck_assert_uint_eq(hjtj_register_count(reg), n);
    return reg;
}

/* ------------------------------------------------------------------ */
/* Reading tables                                                      */
/* ------------------------------------------------------------------ */

static hjtj_table *build(const hjtj_register *reg, const char *id)
{
    hjtj_table *t = NULL;
    hjtj_status st;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    st = hjtj_table_build(t, reg, id);
    ck_assert_msg(st == HJTJ_OK, "table %s: %s", id, hjtj_error_message(hjtj_table_error(t)));
    ck_assert_str_eq(hjtj_table_id(t), id);
    return t;
}

static size_t row_of(const hjtj_table *t, const char *code)
{
    size_t i;
    for (i = 0; i < hjtj_table_rows(t); i++)
        if (strcmp(hjtj_table_row_code(t, i), code) == 0)
            return i;
    ck_abort_msg("table %s has no row '%s'", hjtj_table_id(t), code);
    return 0;
}

static size_t col_of(const hjtj_table *t, const char *code)
{
    size_t j;
    for (j = 0; j < hjtj_table_cols(t); j++)
        if (strcmp(hjtj_table_col_code(t, j), code) == 0)
            return j;
    ck_abort_msg("table %s has no column '%s'", hjtj_table_id(t), code);
    return 0;
}

/* The value cells of row i (after the label columns), joined with ','. */
static const char *row_values(const hjtj_table *t, size_t i, char *out, size_t cap)
{
    size_t j, len = 0;
    out[0] = '\0';
    for (j = hjtj_table_stub_count(t); j < hjtj_table_cols(t); j++) {
        int w = snprintf(out + len, cap - len, "%s%s", j > hjtj_table_stub_count(t) ? "," : "",
                         hjtj_table_cell_text(t, i, j));
        ck_assert(w >= 0 && (size_t)w < cap - len);
        len += (size_t)w;
    }
    return out;
}

/* Row `code` has exactly these value cells. */
static void expect_row(const hjtj_table *t, const char *code, const char *values)
{
    char got[1024];
    row_values(t, row_of(t, code), got, sizeof got);
    ck_assert_msg(strcmp(got, values) == 0, "table %s row %s: got '%s', expected '%s'",
                  hjtj_table_id(t), code, got, values);
}

/* One cell. */
static void expect_cell(const hjtj_table *t, const char *row, const char *col, const char *text)
{
    const char *got = hjtj_table_cell_text(t, row_of(t, row), col_of(t, col));
    ck_assert_msg(got != NULL && strcmp(got, text) == 0,
                  "table %s [%s, %s]: got '%s', expected '%s'", hjtj_table_id(t), row, col,
                  got ? got : "(null)", text);
}

/* The row codes, space-separated, in order. */
static void expect_row_codes(const hjtj_table *t, const char *codes)
{
    char got[2048];
    size_t i, len = 0;
    got[0] = '\0';
    for (i = 0; i < hjtj_table_rows(t); i++)
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", i ? " " : "",
                                hjtj_table_row_code(t, i));
    ck_assert_msg(strcmp(got, codes) == 0, "table %s rows: got '%s', expected '%s'",
                  hjtj_table_id(t), got, codes);
}

/* The CSV header, comma-separated. */
static void expect_header(const hjtj_table *t, const char *header)
{
    char got[2048];
    size_t j, len = 0;
    got[0] = '\0';
    for (j = 0; j < hjtj_table_cols(t); j++)
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", j ? "," : "",
                                hjtj_table_col_code(t, j));
    ck_assert_msg(strcmp(got, header) == 0, "table %s header: got '%s'", hjtj_table_id(t), got);
}

/* The row labels (Norwegian, the first label column), '|'-separated. */
static void expect_labels(const hjtj_table *t, const char *labels)
{
    char got[4096];
    size_t i, len = 0;
    got[0] = '\0';
    for (i = 0; i < hjtj_table_rows(t); i++)
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", i ? "|" : "",
                                hjtj_table_row_label(t, i, HJTJ_LANG_NB));
    ck_assert_msg(strcmp(got, labels) == 0, "table %s labels: got '%s'", hjtj_table_id(t), got);
}

/* ------------------------------------------------------------------ */
/* The hand-made register                                              */
/* ------------------------------------------------------------------ */

/* Municipalities of the default table: 0301 Oslo (ASSS), 1120 Klepp (21 186,
 * 20 000+), 1101 Eigersund (15 375), 1160 Vindafjord (9 069), 1111 Sokndal
 * (3 371).  The comment after each record gives its classes:
 * kategori / samlemålgruppe / number of målgrupper / size class. */
#define OSLO "0301"
#define KLEPP "1120"
#define EIGERSUND "1101"
#define VINDAFJORD "1160"
#define SOKNDAL "1111"
#define PRIVAT "privat"

static const trec reg_a[] = {
    /* 1 kun-boligbase / U / 1 / asss; botilbud 5; receives and provides */
    {.k = OSLO, .t = "boligbase", .m = "utviklingshemning", .bo = "5", .mottar = "ambulerende",
     .lev = "dagsenter", .nk = "87.203"},
    /* 2 kun-boligbase / eldre / 2 / 20000+; private; botilbud 12; receives (private) */
    {.k = KLEPP, .e = PRIVAT, .t = "boligbase", .m = "demens bevegelse-67", .bo = "12",
     .mottar = "sykehjem", .nk = "87.203"},
    /* 3 kun-boligbase / utenfor (no målgruppe: ingen) / 3+ / 10000-19999; 0 boenheter */
    {.k = EIGERSUND, .t = "boligbase"},
    /* 4 kun-amb-helse / eldre / 1 / asss; provides */
    {.k = OSLO, .t = "amb-helse", .m = "demens", .lev = "sykehjem", .nk = "86.901"},
    /* 5 kun-amb-praktisk (with admin) / bevegelse / 1 / 5000-9999 */
    {.k = VINDAFJORD, .t = "amb-praktisk administrasjon", .m = "bevegelse-0-66", .nk = "99.999"},
    /* 6 kun-amb-begge / psykisk-rus / 2 / under-5000 */
    {.k = SOKNDAL, .t = "amb-helse amb-praktisk", .m = "psykiske-lidelser rusproblemer"},
    /* 7 kun-bpa / U / 2 / 20000+; private, sells to other municipalities */
    {.k = KLEPP, .e = PRIVAT, .t = "bpa", .m = "bevegelse-0-66 utviklingshemning", .andre = "true"},
    /* 8 enetiltak (boligbase with one boenhet) / U / 1 / asss; private */
    {.k = OSLO, .e = PRIVAT, .t = "boligbase", .m = "utviklingshemning", .bo = "1"},
    /* 9 enetiltak (other types set aside) / utenfor (annen only) / 1 / under-5000 */
    {.k = SOKNDAL, .t = "enetiltak boligbase amb-helse", .m = "annen", .bo = "6",
     .mottar = "annen"},
    /* 10 to-eller-flere (to-typer) / U / 2 / 10000-19999; botilbud 8; receives */
    {.k = EIGERSUND, .t = "boligbase amb-helse", .m = "utviklingshemning psykiske-lidelser",
     .bo = "8", .mottar = "sykehjem boligbase"},
    /* 11 to-eller-flere (tre-eller-flere) / eldre / 3+ / asss; botilbud 30 */
    {.k = OSLO, .t = "boligbase amb-helse amb-praktisk bpa",
     .m = "demens bevegelse-0-66 bevegelse-67", .bo = "30"},
    /* 12 kombinert (HT kun-boligbase, AT kun-sykehjem) / eldre / 1 / 20000+; botilbud 60 */
    {.k = KLEPP, .t = "boligbase sykehjem", .m = "demens", .bo = "60", .andre = "true"},
    /* 13 kombinert (HT kun-amb-helse, AT to-eller-flere; admin) / psykisk-rus / 1 / 5000-9999 */
    {.k = VINDAFJORD, .t = "amb-helse dagaktivitet barnebolig-avlastning ressursenhet",
     .m = "rusproblemer"},
    /* 14 kombinert (HT kun-annen-hjemmetjeneste, AT kun-annen) / utenfor / 3+ / under-5000 */
    {.k = SOKNDAL, .e = PRIVAT, .t = "annen-hjemmetjeneste annen-virksomhet", .m = "ingen"},
    /* 15 administrasjon (kun-bestillerkontor) / utenfor / 3+ / asss; provides */
    {.k = OSLO, .t = "bestillerkontor", .lev = "annen"},
    /* 16 administrasjon (kun-administrasjon, not combined) / utenfor ({D,P}) / 2 / 20000+ */
    {.k = KLEPP, .t = "administrasjon annen-hjemmetjeneste annen-virksomhet",
     .m = "demens psykiske-lidelser"},
    /* 17 not home care (utenfor): outside every population */
    {.k = OSLO, .t = "sykehjem", .m = "demens", .nk = "88.101"},
    /* 18 ceased */
    {.k = OSLO, .st = "opphort", .t = "boligbase", .nk = "88.101", .std = "SN2025"},
    /* 19 not reported */
    {.k = OSLO, .st = "ikke-innrapportert"},
    /* 20 kun-annen-hjemmetjeneste / U / 1 / asss; private */
    {.k = OSLO, .e = PRIVAT, .t = "annen-hjemmetjeneste", .m = "utviklingshemning"},
};

/* Population: records 1–16 and 20 (17).  By category: kun-boligbase 1,2,3;
 * kun-amb-helse 4; kun-amb-praktisk 5; kun-amb-begge 6; kun-bpa 7;
 * kun-annen-hjemmetjeneste 20; enetiltak 8,9; to-eller-flere 10,11;
 * kombinert 12,13,14; administrasjon 15,16.  Private: 2,7,8,14,20. */

static hjtj_register *reg_a_new(void)
{
    return make_reg(reg_a, sizeof reg_a / sizeof reg_a[0]);
}

/* ------------------------------------------------------------------ */
/* The expected cells of every table on reg_a                          */
/* ------------------------------------------------------------------ */

/* What is checked: row is a row code (col NULL: all its value cells, joined
 * with ','; else the one cell), or "@header" (the CSV header), "@rows" (the
 * row codes, ' '-separated), "@labels" (the Norwegian row labels,
 * '|'-separated), "@n" (the table's N), "@stub" (label columns), "@nrows". */
typedef struct tcheck {
    const char *id, *row, *col, *expect;
} tcheck;

static const tcheck checks_a[] = {
    /* the default municipality table is the report's (Table 1.9) */
    {"1.9", "@header", NULL, "kommunestorrelse,antall_kommuner,innbyggere,andel_kommuner,"
                             "andel_innbyggere"},
    {"1.9", "@labels", NULL, "ASSS-kommuner|20 000 eller flere innbyggere|"
                             "10 000 - 19 999 innbyggere|5 000 - 9 999 innbyggere|"
                             "Færre enn 5 000 innbyggere|Hele landet"},
    {"1.9", "asss", NULL, "12,2187116,3.4,39.1"},
    {"1.9", "20000+", NULL, "56,1883589,15.7,33.7"},
    {"1.9", "under-5000", NULL, "174,404732,48.7,7.2"},
    {"1.9", "totalt", NULL, "357,5594340,100.0,100.0"},
    {"1.9", "@n", NULL, "357"},
    {"1.10", "@header", NULL, "kommune,innbyggere"},
    {"1.10", "@labels", NULL, "Oslo|Bergen|Trondheim|Stavanger|Bærum|Kristiansand|Drammen|Asker|"
                              "Lillestrøm|Fredrikstad|Sandnes|Tromsø|Totalt ASSS"},
    {"1.10", "0301", NULL, "724290"},
    {"1.10", "5501", NULL, "79421"},
    {"1.10", "totalt", NULL, "2187116"},
    {"1.10", "@n", NULL, "12"},
    /* SN2007 codes: 87.203 (1, 2), 86.901 (4), 99.999 (5, no label), 88.101 (17);
     * 18 has an SN2025 code and the others none: Uoppgitt 15 */
    {"2.2", "@stub", NULL, "2"},
    {"2.2", "@header", NULL, "naringskode,betegnelse,antall_virksomheter"},
    {"2.2", "@rows", NULL, "86.901 87.203 88.101 99.999 uoppgitt totalt"},
    {"2.2", "86.901", "betegnelse", "Hjemmesykepleie"},
    {"2.2", "87.203", "betegnelse", "Bofellesskap for psykisk utviklingshemmede"},
    {"2.2", "87.203", NULL, "2"},
    {"2.2", "99.999", NULL, "1"},
    {"2.2", "99.999", "betegnelse", ""},
    {"2.2", "uoppgitt", NULL, "15"},
    {"2.2", "totalt", NULL, "20"},
    {"2.2", "totalt", "naringskode", "Totalt"},
    {"2.2", "@n", NULL, "20"},
    {"2.3", "@labels", NULL, "Utgangspopulasjon|Innrapportert|"
                             "Endelig populasjon (aktive hjemmetjenestevirksomheter)"},
    {"2.3", "utgangspopulasjon", NULL, "20,100.0"},
    {"2.3", "innrapportert", NULL, "19,95.0"},
    {"2.3", "endelig-populasjon", NULL, "17,85.0"},
    {"3.2", "@header", NULL, "hovedvirksomhetstype,antall,andel_av_alle_i_drift"},
    {"3.2", "rene-brukerrettede", NULL, "12,70.6"},
    {"3.2", "kombinert-annen", NULL, "3,17.6"},
    {"3.2", "administrasjon", NULL, "2,11.8"},
    {"3.2", "totalt", NULL, "17,100.0"},
    {"3.2", "@n", NULL, "17"},
    /* 12 pure enterprises; Kun annen hjemmetjeneste (20) present, after BPA */
    {"3.3", "@rows", NULL, "kun-boligbase kun-amb-helse kun-amb-praktisk kun-amb-begge kun-bpa "
                           "kun-annen-hjemmetjeneste enetiltak to-typer tre-eller-flere totalt"},
    {"3.3", "kun-boligbase", NULL, "3,25.0"},
    {"3.3", "kun-annen-hjemmetjeneste", NULL, "1,8.3"},
    {"3.3", "enetiltak", NULL, "2,16.7"},
    {"3.3", "to-typer", NULL, "1,8.3"},
    {"3.3", "tre-eller-flere", NULL, "1,8.3"},
    {"3.3", "totalt", NULL, "12,100.0"},
    /* pure with at most two HT types: all but 11 (four types): 11 */
    {"3.4", "@stub", NULL, "2"},
    {"3.4", "@nrows", NULL, "21"},
    {"3.4", "boligbase:boligbase", "value", "3"},
    {"3.4", "boligbase:amb-helse", "value", "1"},
    {"3.4", "boligbase:amb-helse", "row_label", "Amb. helsetjenester"},
    {"3.4", "boligbase:amb-helse", "col_label", "Boligbase"},
    {"3.4", "amb-helse:amb-helse", "value", "1"},
    {"3.4", "amb-helse:amb-praktisk", "value", "1"},
    {"3.4", "amb-praktisk:amb-praktisk", "value", "1"},
    {"3.4", "bpa:bpa", "value", "1"},
    {"3.4", "annen-hjemmetjeneste:annen-hjemmetjeneste", "value", "1"},
    {"3.4", "enetiltak:enetiltak", "value", "2"},
    {"3.4", "boligbase:bpa", "value", "0"},
    {"3.4", "boligbase:enetiltak", "value", "0"},
    {"3.4", "@n", NULL, "11"},
    {"3.5", "kun-boligbase", NULL, "3,17.6"},
    {"3.5", "kun-amb-praktisk", NULL, "1,5.9"},
    {"3.5", "kun-annen-hjemmetjeneste", NULL, "1,5.9"},
    {"3.5", "enetiltak", NULL, "2,11.8"},
    {"3.5", "to-eller-flere-ht", NULL, "2,11.8"},
    {"3.5", "kombinert-annen", NULL, "3,17.6"},
    {"3.5", "administrasjon", NULL, "2,11.8"},
    {"3.5", "totalt", NULL, "17,100.0"},
    {"3.6", "kun-barnebolig-avlastning", NULL, "0,0.0"},
    {"3.6", "kun-sykehjem", NULL, "1,33.3"},
    {"3.6", "kun-dagaktivitet", NULL, "0,0.0"},
    {"3.6", "kun-annen-virksomhet", NULL, "1,33.3"},
    {"3.6", "to-eller-flere-at", NULL, "1,33.3"},
    {"3.6", "totalt", NULL, "3,100.0"},
    {"3.7", "@labels", NULL, "Annen tjenestetype + Kun boligbase|"
                             "Annen tjenestetype + Kun ambulerende virksomhet - helsetjenester|"
                             "Annen tjenestetype + Kun ambulerende virksomhet - praktisk bistand|"
                             "Annen tjenestetype + Kun ambulerende virksomhet - både helsetjenester "
                             "og praktisk bistand|"
                             "Annen tjenestetype + Brukerstyrt personlig assistanse|"
                             "Annen tjenestetype + Kun annen hjemmetjeneste|"
                             "Annen tjenestetype + To eller flere virksomhetstyper i hjemmetjenesten|"
                             "Totalt"},
    {"3.7", "kun-boligbase", NULL, "1,33.3"},
    {"3.7", "kun-amb-helse", NULL, "1,33.3"},
    {"3.7", "kun-annen-hjemmetjeneste", NULL, "1,33.3"},
    {"3.7", "to-eller-flere-ht", NULL, "0,0.0"},
    {"3.8", "kun-ressursenhet", NULL, "0,0.0"},
    {"3.8", "kun-administrasjon", NULL, "1,50.0"},
    {"3.8", "kun-bestillerkontor", NULL, "1,50.0"},
    {"3.8", "to-eller-flere-adm", NULL, "0,0.0"},
    {"3.8", "totalt", NULL, "2,100.0"},
    /* 15 = 17 - 2 enetiltak; with admin: 5, 13, 15, 16 */
    {"3.9", "@rows", NULL, "kun-boligbase kun-amb-helse kun-amb-praktisk kun-amb-begge kun-bpa "
                           "kun-annen-hjemmetjeneste to-eller-flere-ht kombinert-annen "
                           "administrasjon totalt"},
    {"3.9", "kun-boligbase", NULL, "3,0,3,0.0,100.0"},
    {"3.9", "kun-amb-praktisk", NULL, "1,1,0,100.0,0.0"},
    {"3.9", "kun-annen-hjemmetjeneste", NULL, "1,0,1,0.0,100.0"},
    {"3.9", "kombinert-annen", NULL, "3,1,2,33.3,66.7"},
    {"3.9", "administrasjon", NULL, "2,2,0,100.0,0.0"},
    {"3.9", "totalt", NULL, "15,4,11,26.7,73.3"},
    {"3.9", "@n", NULL, "15"},
    {"3.10", "kun-boligbase", NULL, "3,2,1,66.7,33.3"},
    {"3.10", "enetiltak", NULL, "2,1,1,50.0,50.0"},
    {"3.10", "kun-annen-hjemmetjeneste", NULL, "1,0,1,0.0,100.0"},
    {"3.10", "totalt", NULL, "17,12,5,70.6,29.4"},
    /* municipal non-enetiltak: 1,3,4,5,6,10,11,12,13,15,16 (11); exchange: 1,4,10,15 */
    {"3.11", "med-utveksling", NULL, "4,36.4"},
    {"3.11", "uten-utveksling", NULL, "7,63.6"},
    {"3.11", "totalt", NULL, "11,100.0"},
    {"3.12", "mottar-og-leverer", NULL, "1,25.0"},
    {"3.12", "kun-leverer", NULL, "2,50.0"},
    {"3.12", "kun-mottar", NULL, "1,25.0"},
    {"3.12", "totalt", NULL, "4,100.0"},
    /* counts of exchangers, shares of all enterprises of the category; the
     * Kun annen row is left out (no exchanger in it) */
    {"3.13", "@rows", NULL, "kun-boligbase kun-amb-helse kun-amb-praktisk kun-amb-begge kun-bpa "
                            "to-eller-flere-ht kombinert-annen administrasjon totalt"},
    {"3.13", "kun-boligbase", NULL, "1,33.3"},
    {"3.13", "kun-amb-helse", NULL, "1,100.0"},
    {"3.13", "kun-amb-praktisk", NULL, "0,0.0"},
    {"3.13", "to-eller-flere-ht", NULL, "1,50.0"},
    {"3.13", "kombinert-annen", NULL, "0,0.0"},
    {"3.13", "administrasjon", NULL, "1,50.0"},
    {"3.13", "totalt", NULL, "4,23.5"},
    {"3.13", "@n", NULL, "4"},
    /* receivers: 1 (ambulerende), 10 (sykehjem, boligbase); zeros empty */
    {"3.14", "@header", NULL, "virksomhetskategori,totalt,sykehjem,boligbase,amb_hjtj,annen"},
    {"3.14", "@rows", NULL, "kun-boligbase to-eller-flere-ht totalt"},
    {"3.14", "kun-boligbase", NULL, "1,,,1,"},
    {"3.14", "to-eller-flere-ht", NULL, "1,1,1,,"},
    {"3.14", "totalt", NULL, "2,1,1,1,"},
    /* providers: 1 (dagsenter), 4 (sykehjem), 15 (annen) */
    {"3.15", "@header", NULL, "virksomhetskategori,totalt,sykehjem,dagsenter,"
                              "barnebolig_avlastningsbolig,annen"},
    {"3.15", "@rows", NULL, "kun-boligbase kun-amb-helse administrasjon totalt"},
    {"3.15", "kun-boligbase", NULL, "1,,1,,"},
    {"3.15", "kun-amb-helse", NULL, "1,1,,,"},
    {"3.15", "administrasjon", NULL, "1,,,,1"},
    {"3.15", "totalt", NULL, "3,1,1,,1"},
    {"3.16", "har-samarbeid", NULL, "1,9.1"},
    {"3.16", "har-ikke-samarbeid", NULL, "10,90.9"},
    {"3.16", "totalt", NULL, "11,100.0"},
    /* private non-enetiltak: 2, 7, 14, 20; 7 sells to other municipalities */
    {"3.17", "@labels", NULL, "Med|Uten|Totalt"},
    {"3.17", "med", NULL, "1,25.0"},
    {"3.17", "uten", NULL, "3,75.0"},
    /* asss 1,4,8,11,15,20; 20000+ 2,7,12,16; 10000-19999 3,10; 5000-9999 5,13;
     * under 5000 6,9,14 */
    {"3.18", "asss", NULL, "12,6,35.3"},
    {"3.18", "20000+", NULL, "56,4,23.5"},
    {"3.18", "10000-19999", NULL, "44,2,11.8"},
    {"3.18", "5000-9999", NULL, "71,2,11.8"},
    {"3.18", "under-5000", NULL, "174,3,17.6"},
    {"3.18", "totalt", NULL, "357,17,100.0"},
    /* municipal enterprises with boligbase: Oslo (1, 11), Eigersund (3, 10),
     * Klepp (12); amb-helse: Oslo, Eigersund, Vindafjord (13), Sokndal (6);
     * amb-praktisk: Oslo (11), Vindafjord (5), Sokndal (6).  9 is an
     * enetiltak: its boligbase and amb-helse are set aside. */
    {"3.19", "asss", NULL, "12,8.3,8.3,8.3"},
    {"3.19", "20000+", NULL, "56,1.8,0.0,0.0"},
    {"3.19", "10000-19999", NULL, "44,2.3,2.3,0.0"},
    {"3.19", "5000-9999", NULL, "71,0.0,1.4,1.4"},
    {"3.19", "under-5000", NULL, "174,0.0,0.6,0.6"},
    {"3.19", "totalt", NULL, "357,0.8,1.1,0.8"},
    {"3.19", "@n", NULL, "357"},
    {"3.20", "@header", NULL, "kommunestorrelse,kommuner_totalt,andel_kun_boligbase,"
                              "andel_kun_amb_helsetjenester,andel_kun_amb_praktisk_bistand,"
                              "andel_kun_amb_helsetjenester_og_praktisk_bistand"},
    {"3.20", "asss", NULL, "12,8.3,8.3,0.0,0.0"},
    {"3.20", "10000-19999", NULL, "44,2.3,0.0,0.0,0.0"},
    {"3.20", "5000-9999", NULL, "71,0.0,0.0,1.4,0.0"},
    {"3.20", "under-5000", NULL, "174,0.0,0.0,0.0,0.6"},
    {"3.20", "totalt", NULL, "357,0.6,0.3,0.3,0.3"},
    {"3.21", "asss", NULL, "1,33.3"},
    {"3.21", "20000+", NULL, "1,33.3"},
    {"3.21", "10000-19999", NULL, "1,33.3"},
    {"3.21", "5000-9999", NULL, "0,0.0"},
    {"3.21", "totalt", NULL, "3,100.0"},
    {"3.22", "asss", NULL, "1,33.3"},
    {"3.22", "20000+", NULL, "0,0.0"},
    {"3.22", "5000-9999", NULL, "1,33.3"},
    {"3.22", "under-5000", NULL, "1,33.3"},
    {"3.22", "totalt", NULL, "3,100.0"},
    /* with the Kun annen column (20) */
    {"3.23", "@header", NULL, "kommunestorrelse,totalt,andel_kun_boligbase,"
                              "andel_kun_amb_helsetjenester,andel_kun_amb_praktisk_bistand,"
                              "andel_kun_amb_helsetjenester_og_praktisk_bistand,andel_kun_bpa,"
                              "andel_kun_annen_hjemmetjeneste,andel_enetiltak,"
                              "andel_kun_hjtj_2pluss_virksomhetstyper,"
                              "andel_hjemmetjeneste_kombinert_med_annen_tjenestetype,"
                              "andel_administrasjon_og_service_mv"},
    {"3.23", "asss", NULL, "6,16.7,16.7,0.0,0.0,0.0,16.7,16.7,16.7,0.0,16.7"},
    {"3.23", "5000-9999", NULL, "2,0.0,0.0,50.0,0.0,0.0,0.0,0.0,0.0,50.0,0.0"},
    {"3.23", "totalt", NULL, "17,17.6,5.9,5.9,5.9,5.9,5.9,11.8,11.8,17.6,11.8"},
    {"4.3", "@rows", NULL, "demens bevegelse-0-66 bevegelse-67 utviklingshemning "
                           "psykiske-lidelser rusproblemer annen ingen totalt"},
    {"4.3", "demens", NULL, "5,2,2,1,40.0,40.0,20.0"},
    {"4.3", "utviklingshemning", NULL, "5,3,2,0,60.0,40.0,0.0"},
    {"4.3", "annen", NULL, "1,1,0,0,100.0,0.0,0.0"},
    {"4.3", "ingen", NULL, "3,0,0,3,0.0,0.0,100.0"},
    {"4.3", "totalt", NULL, "17,8,5,4,47.1,29.4,23.5"},
    {"4.4", "@nrows", NULL, "28"},
    {"4.4", "utviklingshemning:utviklingshemning", "value", "3"},
    {"4.4", "demens:demens", "value", "2"},
    {"4.4", "demens:bevegelse-67", "value", "1"},
    {"4.4", "rusproblemer:rusproblemer", "value", "1"},
    {"4.4", "psykiske-lidelser:rusproblemer", "value", "1"},
    {"4.4", "bevegelse-0-66:utviklingshemning", "value", "1"},
    {"4.4", "utviklingshemning:psykiske-lidelser", "value", "1"},
    {"4.4", "demens:psykiske-lidelser", "value", "1"},
    {"4.4", "annen:annen", "value", "1"},
    {"4.4", "demens:annen", "value", "0"},
    {"4.4", "@n", NULL, "13"},
    {"4.5", "utviklingshemning:utviklingshemning", "value", "17.6"},
    {"4.5", "demens:demens", "value", "11.8"},
    {"4.5", "demens:bevegelse-67", "value", "5.9"},
    {"4.5", "demens:annen", "value", "0.0"},
    {"4.5", "@n", NULL, "17"},
    {"4.6", "utviklingshemning", NULL, "5,29.4"},
    {"4.6", "eldre-demens", NULL, "4,23.5"},
    {"4.6", "psykisk-rus", NULL, "2,11.8"},
    {"4.6", "bevegelseshemning", NULL, "1,5.9"},
    {"4.6", "utenfor", NULL, "5,29.4"},
    {"4.6", "totalt", NULL, "17,100.0"},
    /* outside the clusters: {ingen} 3, {annen} 1, {D,P} 1 */
    {"4.7", "@rows", NULL, "k1 k2 k3"},
    {"4.7", "@labels", NULL, "K1|K2|K3"},
    {"4.7", "k1", NULL, "3,,,,,,,x,,Ingen målgruppe,1"},
    {"4.7", "k2", NULL, "1,,,,,,,,x,Annen målgruppe,1"},
    {"4.7", "k3", NULL, "1,x,,,,x,,,,Demens; Psykiske lidelser,2"},
    {"4.7", "@n", NULL, "5"},
    {"4.8", "@labels", NULL, "ASSS-kommuner|Over 20 000 innbyggere|10 000 - 20 000 innbyggere|"
                             "5 000 - 10 000 innbyggere|Færre enn 5 000 innbyggere|Hele landet"},
    {"4.8", "asss", NULL, "6,4,0,2,66.7,0.0,33.3"},
    {"4.8", "20000+", NULL, "4,1,3,0,25.0,75.0,0.0"},
    {"4.8", "10000-19999", NULL, "2,0,1,1,0.0,50.0,50.0"},
    {"4.8", "5000-9999", NULL, "2,2,0,0,100.0,0.0,0.0"},
    {"4.8", "under-5000", NULL, "3,1,1,1,33.3,33.3,33.3"},
    {"4.8", "totalt", NULL, "17,8,5,4,47.1,29.4,23.5"},
    {"4.8", "@n", NULL, "17"},
    {"4.9", "asss", NULL, "6,50.0,33.3,0.0,0.0,16.7"},
    {"4.9", "20000+", NULL, "4,25.0,50.0,0.0,0.0,25.0"},
    {"4.9", "totalt", NULL, "17,29.4,23.5,11.8,5.9,29.4"},
    {"4.9", "totalt", "kommunestorrelse", "Hele landet"},
    /* pure boligbase: 1 {U}, 2 {D,B67}, 3 {ingen} */
    {"4.10", "@header", NULL, "malgruppe,totalt_antall_virksomheter,antall_en_malgruppe,"
                              "antall_to_malgrupper,antall_tre_eller_flere_malgrupper,"
                              "andel_en_malgruppe,andel_to_malgrupper,"
                              "andel_tre_eller_flere_malgrupper"},
    {"4.10", "demens", NULL, "1,0,1,0,0.0,100.0,0.0"},
    {"4.10", "utviklingshemning", NULL, "1,1,0,0,100.0,0.0,0.0"},
    {"4.10", "psykiske-lidelser", NULL, "0,0,0,0,,,"},
    {"4.10", "ingen", NULL, "1,0,0,1,0.0,0.0,100.0"},
    {"4.10", "totalt", NULL, "3,1,1,1,33.3,33.3,33.3"},
    /* pure ambulatory: 4 {D}, 5 {B0}, 6 {P,R} */
    {"4.11", "demens", NULL, "1,1,0,0,100.0,0.0,0.0"},
    {"4.11", "rusproblemer", NULL, "1,0,1,0,0.0,100.0,0.0"},
    {"4.11", "totalt", NULL, "3,2,1,0,66.7,33.3,0.0"},
    {"4.12", "utviklingshemning:utviklingshemning", "value", "1"},
    {"4.12", "demens:bevegelse-67", "value", "1"},
    {"4.12", "demens:demens", "value", "0"},
    {"4.12", "@n", NULL, "2"},
    {"4.13", "utviklingshemning:utviklingshemning", "value", "33.3"},
    {"4.13", "demens:bevegelse-67", "value", "33.3"},
    {"4.13", "demens:demens", "value", "0.0"},
    {"4.13", "@n", NULL, "3"},
    {"4.14", "demens:demens", "value", "1"},
    {"4.14", "bevegelse-0-66:bevegelse-0-66", "value", "1"},
    {"4.14", "psykiske-lidelser:rusproblemer", "value", "1"},
    {"4.14", "psykiske-lidelser:rusproblemer", "row_label", "Rusproblemer"},
    {"4.14", "psykiske-lidelser:rusproblemer", "col_label", "Psykiske lidelser"},
    {"4.14", "@n", NULL, "3"},
    {"4.15", "demens:demens", "value", "33.3"},
    {"4.15", "psykiske-lidelser:rusproblemer", "value", "33.3"},
    {"4.15", "utviklingshemning:utviklingshemning", "value", "0.0"},
    {"4.16", "utviklingshemning", NULL, "1,33.3"},
    {"4.16", "eldre-demens", NULL, "1,33.3"},
    {"4.16", "psykisk-rus", NULL, "0,0.0"},
    {"4.16", "utenfor", NULL, "1,33.3"},
    {"4.16", "totalt", NULL, "3,100.0"},
    {"4.17", "utviklingshemning", NULL, "0,0.0"},
    {"4.17", "eldre-demens", NULL, "1,33.3"},
    {"4.17", "psykisk-rus", NULL, "1,33.3"},
    {"4.17", "bevegelseshemning", NULL, "1,33.3"},
    {"4.18", "@labels", NULL, "Kun amb hjtj - helsetjenester|Kun amb hjtj - praktisk bistand|"
                              "Kun amb hjtj - både helsetjenester og praktisk bistand|Totalt"},
    {"4.18", "kun-amb-helse", NULL, "1,0.0,100.0,0.0,0.0,0.0"},
    {"4.18", "kun-amb-praktisk", NULL, "1,0.0,0.0,0.0,100.0,0.0"},
    {"4.18", "kun-amb-begge", NULL, "1,0.0,0.0,100.0,0.0,0.0"},
    {"4.18", "totalt", NULL, "3,0.0,33.3,33.3,33.3,0.0"},
    /* sizes without pure boligbase have an empty base: shares empty */
    {"4.19", "asss", NULL, "1,100.0,0.0,0.0,0.0,0.0"},
    {"4.19", "10000-19999", NULL, "1,0.0,0.0,0.0,0.0,100.0"},
    {"4.19", "5000-9999", NULL, "0,,,,,"},
    {"4.19", "totalt", NULL, "3,33.3,33.3,0.0,0.0,33.3"},
    {"4.19", "20000+", "kommunestorrelse", "Flere enn 20 000 innbyggere"},
    {"4.20", "@header", NULL, "kommunestorrelse,totalt,andel_utviklingshemning_mv,"
                              "andel_eldre_og_eller_demens,andel_psykisk_og_eller_rus,"
                              "andel_bevegelseshemning,andel_utenfor_samlemalgruppene"},
    {"4.20", "asss", NULL, "1,0.0,100.0,0.0,0.0,0.0"},
    {"4.20", "20000+", NULL, "0,,,,,"},
    {"4.20", "5000-9999", NULL, "1,0.0,0.0,0.0,100.0,0.0"},
    {"4.20", "under-5000", NULL, "1,0.0,0.0,100.0,0.0,0.0"},
    /* each share under its own label: Ingen is record 3 */
    {"4.21", "20000+", NULL, "1,100.0,0.0,100.0,0.0,0.0,0.0,0.0,0.0"},
    {"4.21", "10000-19999", NULL, "1,0.0,0.0,0.0,0.0,0.0,0.0,100.0,0.0"},
    {"4.21", "totalt", NULL, "3,33.3,0.0,33.3,33.3,0.0,0.0,33.3,0.0"},
    {"4.22", "under-5000", NULL, "1,0.0,0.0,0.0,0.0,100.0,100.0,0.0,0.0"},
    {"4.22", "totalt", NULL, "3,33.3,33.3,0.0,0.0,33.3,33.3,0.0,0.0"},
    {"4.23", "@rows", NULL, "kun-boligbase kun-amb-helse kun-amb-praktisk kun-amb-begge kun-bpa "
                            "kun-annen-hjemmetjeneste to-typer tre-eller-flere kombinert-annen "
                            "enetiltak administrasjon totalt"},
    {"4.23", "kun-amb-helse", "virksomhetskategori", "Kun amb hjtj - helsetjenester"},
    {"4.23", "kun-boligbase", NULL, "3,33.3,33.3,0.0,0.0,33.3"},
    {"4.23", "kombinert-annen", NULL, "3,0.0,33.3,33.3,0.0,33.3"},
    {"4.23", "enetiltak", NULL, "2,50.0,0.0,0.0,0.0,50.0"},
    {"4.23", "administrasjon", NULL, "2,0.0,0.0,0.0,0.0,100.0"},
    {"4.23", "totalt", NULL, "17,29.4,23.5,11.8,5.9,29.4"},
    {"5.1", "@rows", NULL, "kun-boligbase to-eller-flere-ht kombinert-annen totalt"},
    {"5.1", "kun-boligbase", NULL, "3,2,1,66.7,33.3"},
    {"5.1", "to-eller-flere-ht", NULL, "2,2,0,100.0,0.0"},
    {"5.1", "kombinert-annen", NULL, "3,1,2,33.3,66.7"},
    {"5.1", "totalt", NULL, "8,5,3,62.5,37.5"},
    {"5.2", "kun-boligbase", NULL, "17,2,8.5"},
    {"5.2", "to-eller-flere-ht", NULL, "38,2,19"},
    {"5.2", "kombinert-annen", NULL, "60,1,60"},
    {"5.2", "totalt", NULL, "115,5,12"},
    {"5.3", "@labels", NULL, "2-5 boenheter|6-10 boenheter|11–15 boenheter|16–20 boenheter|"
                             "21–25 boenheter|26–30 boenheter|31–35 boenheter|36–40 boenheter|"
                             "41–45 boenheter|46-50 boenheter|51 eller flere boenheter|Totalt"},
    {"5.3", "2-5", NULL, "1,20.0,5,4.3"},
    {"5.3", "6-10", NULL, "1,20.0,8,7.0"},
    {"5.3", "11-15", NULL, "1,20.0,12,10.4"},
    {"5.3", "16-20", NULL, "0,0.0,0,0.0"},
    {"5.3", "26-30", NULL, "1,20.0,30,26.1"},
    {"5.3", "51+", NULL, "1,20.0,60,52.2"},
    {"5.3", "totalt", NULL, "5,100.0,115,100.0"},
    {"5.4", "@labels", NULL, "Utviklingshemning|Eldre og demens|Psykisk og rus|Bevegelseshemning|"
                             "Utenfor samlemålgruppene|Totalt"},
    {"5.4", "utviklingshemning", NULL, "13,2,11.3,40.0,6.5"},
    {"5.4", "eldre-demens", NULL, "102,3,88.7,60.0,30"},
    {"5.4", "psykisk-rus", NULL, "0,0,0.0,0.0,"},
    {"5.4", "totalt", NULL, "115,5,100.0,100.0,12"},
    {"5.5", "2-5", "virksomhetens_storrelse", "2–5 boenheter"},
    {"5.5", "46-50", "virksomhetens_storrelse", "46–50 boenheter"},
    {"5.5", "2-5", NULL, "1,,,,"},
    {"5.5", "6-10", NULL, "1,,,,"},
    {"5.5", "11-15", NULL, ",1,,,"},
    {"5.5", "16-20", NULL, ",,,,"},
    {"5.5", "51+", NULL, ",1,,,"},
    {"5.5", "totalt", NULL, "2,3,,,"},
    {"5.6", "asss", NULL, "35,2,17.5"},
    {"5.6", "20000+", NULL, "72,2,36"},
    {"5.6", "10000-19999", NULL, "8,1,8"},
    {"5.6", "5000-9999", NULL, "0,0,"},
    {"5.6", "totalt", NULL, "115,5,12"},
};

static void run_check(const hjtj_table *t, const tcheck *c)
{
    char got[32];
    if (strcmp(c->row, "@header") == 0)
        expect_header(t, c->expect);
    else if (strcmp(c->row, "@rows") == 0)
        expect_row_codes(t, c->expect);
    else if (strcmp(c->row, "@labels") == 0)
        expect_labels(t, c->expect);
    else if (c->row[0] == '@') {
        long long v = strcmp(c->row, "@n") == 0       ? (long long)hjtj_table_n(t)
                      : strcmp(c->row, "@stub") == 0 ? (long long)hjtj_table_stub_count(t)
                                                     : (long long)hjtj_table_rows(t);
        snprintf(got, sizeof got, "%lld", v);
        ck_assert_msg(strcmp(got, c->expect) == 0, "table %s %s: got %s, expected %s", c->id,
                      c->row, got, c->expect);
    } else if (c->col != NULL)
        expect_cell(t, c->row, c->col, c->expect);
    else
        expect_row(t, c->row, c->expect);
}

static const char *const all_ids[] = {
    "1.9",  "1.10", "2.2",  "2.3",  "3.2",  "3.3",  "3.4",  "3.5",  "3.6",  "3.7",  "3.8",
    "3.9",  "3.10", "3.11", "3.12", "3.13", "3.14", "3.15", "3.16", "3.17", "3.18", "3.19",
    "3.20", "3.21", "3.22", "3.23", "4.3",  "4.4",  "4.5",  "4.6",  "4.7",  "4.8",  "4.9",
    "4.10", "4.11", "4.12", "4.13", "4.14", "4.15", "4.16", "4.17", "4.18", "4.19", "4.20",
    "4.21", "4.22", "4.23", "5.1",  "5.2",  "5.3",  "5.4",  "5.5",  "5.6",  "C1"};
#define NIDS (sizeof all_ids / sizeof all_ids[0])

/* Loop test: table all_ids[_i] on reg_a, every check of that table. */
START_TEST(test_table_a)
{
    const char *id = all_ids[_i];
    hjtj_register *reg = reg_a_new();
    hjtj_table *t = build(reg, id);
    size_t i, n = 0;
    for (i = 0; i < sizeof checks_a / sizeof checks_a[0]; i++)
        if (strcmp(checks_a[i].id, id) == 0) {
            run_check(t, &checks_a[i]);
            n++;
        }
    /* C1 on reg_a is checked in test_cell_api (and on the C1 register) */
    ck_assert_msg(n > 0 || strcmp(id, "C1") == 0, "no checks for table %s", id);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

/* Medians of boenheter too large for the counting histogram (values beyond
 * 4 n + 1024 are sorted instead): the same medians, by row and in total. */
START_TEST(test_median_large_values)
{
    static const char *const csv =
        "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,boenheter\n"
        "100000008,0301,kommunal,boligbase,demens,30000\n"
        "100000016,0301,kommunal,boligbase,demens,3\n"
        "100000024,0301,kommunal,boligbase,demens,5\n"
        "100000032,0301,kommunal,boligbase,utviklingshemning,2000\n";
    hjtj_register *reg = load_string(csv, HJTJ_OK);
    hjtj_table *t;
    size_t r;
    ck_assert_uint_eq(hjtj_register_count(reg), 4);
    t = build(reg, "5.4");
    r = row_of(t, "totalt");
    ck_assert_int_eq(hjtj_table_cell_kind(t, r, 5), HJTJ_CELL_MEDIAN);
    ck_assert_int_eq(hjtj_table_cell_int(t, r, 5), 5 + 2000); /* (5 + 2000) / 2 */
    ck_assert_int_eq(hjtj_table_cell_int(t, row_of(t, "eldre-demens"), 5), 2 * 5);
    ck_assert_int_eq(hjtj_table_cell_int(t, row_of(t, "utviklingshemning"), 5), 2 * 2000);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

/* The cell accessors of the public API on a few cells of reg_a. */
START_TEST(test_cell_api)
{
    hjtj_register *reg = reg_a_new();
    hjtj_table *t = build(reg, "3.5");
    size_t ene = row_of(t, "enetiltak");
    ck_assert_int_eq(hjtj_table_cell_kind(t, ene, 0), HJTJ_CELL_TEXT);
    ck_assert_int_eq(hjtj_table_cell_kind(t, ene, 1), HJTJ_CELL_COUNT);
    ck_assert_int_eq(hjtj_table_cell_int(t, ene, 1), 2);
    ck_assert_int_eq(hjtj_table_cell_kind(t, ene, 2), HJTJ_CELL_SHARE);
    ck_assert_int_eq(hjtj_table_cell_int(t, ene, 2), 2);
    ck_assert_int_eq(hjtj_table_cell_den(t, ene, 2), 17);
    hjtj_table_free(t);
    t = build(reg, "3.13");
    ck_assert_int_eq(hjtj_table_cell_den(t, row_of(t, "totalt"), 2), 17);
    ck_assert_int_eq(hjtj_table_cell_den(t, row_of(t, "kun-boligbase"), 2), 3);
    hjtj_table_free(t);
    t = build(reg, "3.14");
    ck_assert_int_eq(hjtj_table_cell_kind(t, row_of(t, "kun-boligbase"), 2), HJTJ_CELL_EMPTY);
    hjtj_table_free(t);
    t = build(reg, "1.9");
    ck_assert_int_eq(hjtj_table_cell_kind(t, 0, 2), HJTJ_CELL_SUM);
    hjtj_table_free(t);
    t = build(reg, "5.2");
    ck_assert_int_eq(hjtj_table_cell_kind(t, 0, 3), HJTJ_CELL_MEDIAN);
    ck_assert_int_eq(hjtj_table_cell_int(t, 0, 3), 17); /* twice the median 8.5 */
    hjtj_table_free(t);
    t = build(reg, "C1");
    expect_row_codes(t, "utviklingshemning:utviklingshemning "
                        "utviklingshemning:bevegelse-0-66+utviklingshemning "
                        "utviklingshemning:utviklingshemning+psykiske-lidelser "
                        "eldre-demens:demens eldre-demens:demens+bevegelse-67 "
                        "eldre-demens:demens+bevegelse-0-66+bevegelse-67 "
                        "psykisk-rus:rusproblemer psykisk-rus:psykiske-lidelser+rusproblemer "
                        "bevegelseshemning:bevegelse-0-66 utenfor:ingen utenfor:annen "
                        "utenfor:demens+psykiske-lidelser");
    expect_row(t, "utviklingshemning:utviklingshemning", ",,,x,,,,,1,3");
    expect_row(t, "utenfor:ingen", ",,,,,,x,,7,3");
    expect_row(t, "utenfor:annen", ",,,,,,,x,1,1");
    ck_assert_int_eq(hjtj_table_cell_kind(t, 0, 1), HJTJ_CELL_EMPTY);
    ck_assert_int_eq(hjtj_table_cell_kind(t, 0, 4), HJTJ_CELL_TEXT);
    ck_assert_int_eq(hjtj_table_n(t), 17);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Without Kun annen hjemmetjeneste                                    */
/* ------------------------------------------------------------------ */

START_TEST(test_no_kun_annen)
{
    /* one pure boligbase and one combined: no Kun annen hjemmetjeneste */
    static const trec recs[] = {{.t = "boligbase", .m = "demens", .bo = "3"},
                                {.t = "boligbase sykehjem", .m = "demens"}};
    hjtj_register *reg = make_reg(recs, 2);
    hjtj_table *t = build(reg, "3.5");
    expect_labels(t, "Kun boligbase|Kun ambulerende virksomhet - helsetjenester|"
                     "Kun ambulerende virksomhet - praktisk bistand|"
                     "Kun ambulerende virksomhet - både helsetjenester og praktisk bistand|"
                     "Brukerstyrt personlig assistanse|Enetiltak|"
                     "To eller flere virksomhetstyper innen hjemmetjenesten|"
                     "Hjemmetjeneste kombinert med annen tjenestetype|"
                     "Administrasjon med videre|Totalt");
    expect_row(t, "kun-amb-helse", "0,0.0");
    hjtj_table_free(t);
    t = build(reg, "3.7");
    expect_row(t, "kun-annen-hjemmetjeneste", "0,0.0");
    hjtj_table_free(t);
    t = build(reg, "3.23");
    expect_header(t, "kommunestorrelse,totalt,andel_kun_boligbase,andel_kun_amb_helsetjenester,"
                     "andel_kun_amb_praktisk_bistand,"
                     "andel_kun_amb_helsetjenester_og_praktisk_bistand,andel_kun_bpa,"
                     "andel_enetiltak,andel_kun_hjtj_2pluss_virksomhetstyper,"
                     "andel_hjemmetjeneste_kombinert_med_annen_tjenestetype,"
                     "andel_administrasjon_og_service_mv");
    hjtj_table_free(t);
    t = build(reg, "4.23");
    expect_labels(t, "Kun boligbase|Kun amb hjtj - helsetjenester|Kun amb hjtj - praktisk bistand|"
                     "Kun amb hjtj - både helsetjenester og praktisk bistand|"
                     "Brukerstyrt personlig assistanse|"
                     "To virksomhetstyper innen hjemmetjenesten|"
                     "Tre eller flere virksomhetstyper innen hjemmetjenesten|"
                     "Hjemmetjeneste kombinert med annen tjenestetype|Enetiltak|"
                     "Administrasjon med videre|Totalt");
    hjtj_table_free(t);
    t = build(reg, "3.14");
    expect_row_codes(t, "totalt");
    expect_row(t, "totalt", ",,,,");
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The catalogue                                                       */
/* ------------------------------------------------------------------ */

START_TEST(test_catalog)
{
    size_t i, n = NIDS;
    hjtj_register *reg = reg_a_new();
    hjtj_table *t = NULL;
    ck_assert_uint_eq(hjtj_catalog_count(), n);
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    for (i = 0; i < n; i++) {
        ck_assert_str_eq(hjtj_catalog_id(i), all_ids[i]);
        ck_assert_ptr_nonnull(hjtj_catalog_title(i, HJTJ_LANG_NB));
        ck_assert_ptr_nonnull(hjtj_catalog_title(i, HJTJ_LANG_EN));
        ck_assert_int_eq(hjtj_table_build(t, reg, all_ids[i]), HJTJ_OK);
        ck_assert_ptr_nonnull(hjtj_table_population(t));
        ck_assert_uint_ge(hjtj_table_cols(t), 2);
        ck_assert_uint_ge(hjtj_table_stub_count(t), 1);
    }
    ck_assert_ptr_null(hjtj_catalog_id(n));
    ck_assert_int_eq(hjtj_table_build(t, reg, "3.1"), HJTJ_ERR_NOT_FOUND);
    ck_assert_int_eq(hjtj_table_build(t, reg, "1.8"), HJTJ_ERR_NOT_FOUND);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(test_empty_register)
{
    /* no records: every table builds; shares of empty bases are empty */
    hjtj_register *reg = load_string("<kartlegging xmlns=\"urn:hjtj:kartlegging:1\"/>", HJTJ_OK);
    hjtj_table *t = NULL;
    size_t i, n = NIDS;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    for (i = 0; i < n; i++)
        ck_assert_int_eq(hjtj_table_build(t, reg, all_ids[i]), HJTJ_OK);
    hjtj_table_free(t);
    t = build(reg, "3.5");
    expect_row(t, "totalt", "0,");
    hjtj_table_free(t);
    t = build(reg, "C1");
    ck_assert_uint_eq(hjtj_table_rows(t), 0);
    hjtj_table_free(t);
    t = build(reg, "5.2");
    expect_row(t, "totalt", "0,0,");
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(test_english_labels)
{
    hjtj_register *reg = reg_a_new();
    hjtj_table *t = build(reg, "3.5");
    ck_assert_str_eq(hjtj_table_row_label(t, row_of(t, "kun-boligbase"), HJTJ_LANG_EN),
                     "Housing base only");
    ck_assert_str_eq(hjtj_table_row_label(t, row_of(t, "totalt"), HJTJ_LANG_EN), "Total");
    ck_assert_str_eq(hjtj_table_col_code(t, 1), "antall");
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The register of Table C1                                            */
/* ------------------------------------------------------------------ */

/* The 75 rows of Table C1 as printed: the marks (D, B0–66, B67+, U, P, R,
 * Ingen, Annen), the samlemålgruppe (U, E(ldre), P(sykisk), B(evegelse),
 * X utenfor), «antall målgrupper» and the number of enterprises. */
typedef struct c1row {
    const char *marks;
    char samle;
    int antall;
    int n;
} c1row;

static const c1row c1[] = {
    {"...x....", 'U', 1, 1123}, {".x.x....", 'U', 2, 170}, {"...xx...", 'U', 2, 135},
    {".x.xx...", 'U', 3, 98},   {".xxx....", 'U', 3, 58},  {"..xx....", 'U', 2, 11},
    {"x..x....", 'U', 2, 7},    {"...x...x", 'U', 2, 5},   {"...x.x..", 'U', 2, 4},
    {"...xx..x", 'U', 3, 4},    {".xxx...x", 'U', 4, 1},   {".x.xx..x", 'U', 4, 1},
    {"xxx.....", 'E', 3, 155},  {"x.x.....", 'E', 2, 89},  {"..x.....", 'E', 1, 78},
    {"x.......", 'E', 1, 63},   {"xxx.x...", 'E', 4, 60},  {"x.x....x", 'E', 3, 6},
    {"xxx....x", 'E', 4, 4},    {"x......x", 'E', 2, 1},   {"..x....x", 'E', 2, 1},
    {"xxx.x..x", 'E', 5, 1},    {"....xx..", 'P', 2, 226}, {"....x...", 'P', 1, 121},
    {"...xxx..", 'P', 3, 82},   {".....x..", 'P', 1, 12},  {"....xx.x", 'P', 3, 3},
    {"...xxx.x", 'P', 4, 1},    {".xx.....", 'B', 2, 71},  {".x......", 'B', 1, 52},
    {".xx....x", 'B', 3, 1},    {"xxxxxx..", 'X', 6, 312}, {"......x.", 'X', 7, 212},
    {"xxx.xx..", 'X', 5, 182},  {"xxxxx...", 'X', 5, 31},  {".xxxx...", 'X', 4, 29},
    {".x.xxx..", 'X', 4, 21},   {".xxxxx..", 'X', 5, 20},  {"xxxx....", 'X', 4, 18},
    {"x.x.xx..", 'X', 4, 16},   {"xxxxxx.x", 'X', 7, 12},  {"x.x.x...", 'X', 3, 10},
    {"x.xxxx..", 'X', 5, 10},   {".xx.xx..", 'X', 4, 9},   {"..x.x...", 'X', 2, 8},
    {".......x", 'X', 1, 5},    {".x..x...", 'X', 2, 5},   {"xx.x....", 'X', 3, 5},
    {".xx.x...", 'X', 3, 5},    {".x..xx..", 'X', 3, 5},   {"xx..xx..", 'X', 4, 5},
    {"x.xx....", 'X', 3, 4},    {"..x.xx..", 'X', 3, 4},   {"xxx..x..", 'X', 4, 4},
    {"xx.xx...", 'X', 4, 4},    {"xx......", 'X', 2, 3},   {"x..xx...", 'X', 3, 3},
    {"..xxxx..", 'X', 4, 3},    {"x...x...", 'X', 2, 2},   {"..x.x..x", 'X', 3, 2},
    {"x..xxx..", 'X', 4, 2},    {"xx.xxx..", 'X', 5, 2},   {".xxxxx.x", 'X', 6, 2},
    {".x...x..", 'X', 2, 1},    {"..x..x..", 'X', 2, 1},   {"xx...x..", 'X', 3, 1},
    {"x.x..x..", 'X', 3, 1},    {"..xxx...", 'X', 3, 1},   {"x..xx..x", 'X', 4, 1},
    {".xx.x..x", 'X', 4, 1},    {"xxxx.x..", 'X', 5, 1},   {"xxxx...x", 'X', 5, 1},
    {"x.xxx..x", 'X', 5, 1},    {".x.xxx.x", 'X', 5, 1},   {"xxx.xx.x", 'X', 6, 1},
};
#define NC1 (sizeof c1 / sizeof c1[0])

static const char *const mg_codes[8] = {"demens", "bevegelse-0-66", "bevegelse-67",
                                        "utviklingshemning", "psykiske-lidelser", "rusproblemer",
                                        "ingen", "annen"};

/* The målgruppe list of a C1 row ("ingen" written as an empty list half of
 * the time, which rule 4.1.2 turns into ingen). */
static void c1_malgrupper(const char *marks, int i, char *out, size_t cap)
{
    size_t len = 0;
    int m;
    out[0] = '\0';
    if (strcmp(marks, "......x.") == 0 && i % 2)
        return;
    for (m = 0; m < 8; m++)
        if (marks[m] == 'x')
            len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "", mg_codes[m]);
}

/* 3 611 active enterprises, one per enterprise counted in C1, spread over
 * categories and municipalities (which do not matter for 4.3–4.7 and C1). */
static hjtj_register *c1_register(void)
{
    static const char *const types[] = {"boligbase", "amb-helse amb-praktisk", "bpa",
                                        "boligbase sykehjem", "bestillerkontor"};
    static const char *const kommuner[] = {OSLO, KLEPP, EIGERSUND, VINDAFJORD, SOKNDAL};
    sbuf b = {NULL, 0, 0};
    long org = 0;
    size_t r;
    int i, total = 0;
    hjtj_register *reg;
    put(&b, xml_head);
    for (r = 0; r < NC1; r++)
        for (i = 0; i < c1[r].n; i++, total++) {
            char mg[160];
            trec rec = {.k = kommuner[total % 5], .t = types[total % 5], .bo = "4"};
            c1_malgrupper(c1[r].marks, i, mg, sizeof mg);
            rec.m = mg[0] ? mg : NULL;
            put_record(&b, &rec, &org);
        }
    put(&b, xml_tail);
    reg = load_string(b.s, HJTJ_OK);
    free(b.s);
    ck_assert_int_eq(total, 3611);
    ck_assert_uint_eq(hjtj_register_count(reg), 3611);
    return reg;
}

/* Table 4.3 as printed (rows Demens … Ingen målgruppe, Totalt). */
static const char *const expect_4_3[] = {
    "1018,63,102,853,6.2,10.0,83.8",   "1353,52,250,1051,3.8,18.5,77.7",
    "1225,78,181,966,6.4,14.8,78.9",   "2184,1123,332,729,51.4,15.2,33.4",
    "1442,121,376,945,8.4,26.1,65.5",  "944,12,232,700,1.3,24.6,74.2",
    "56,5,7,44,8.9,12.5,78.6",         "212,0,0,212,0.0,0.0,100.0",
    "3611,1454,740,1417,40.3,20.5,39.2"};

/* Tables 4.4 and 4.5 as printed, the lower triangle row by row. */
static const char expect_4_4[] = "63 3 52 89 71 78 7 170 11 1123 2 5 8 135 121 0 1 1 4 226 12 "
                                 "1 0 1 5 0 0 5";
static const char expect_4_5[] = "1.7 0.1 1.4 2.5 2.0 2.2 0.2 4.7 0.3 31.1 0.1 0.1 0.2 3.7 3.4 "
                                 "0.0 0.0 0.0 0.1 6.3 0.3 0.0 0.0 0.0 0.1 0.0 0.0 0.1";

/* Table 4.6 as printed. */
static const char *const expect_4_6[] = {"1617,44.8", "458,12.7", "445,12.3",
                                         "124,3.4",   "967,26.8", "3611,100.0"};

/* Table 4.7 as printed: count, marks, list, number of marks. */
#define ALL6 "Demens; Bevegelseshemning 0–66; Bevegelseshemning 67+; "
static const char *const expect_4_7[] = {
    "312,x,x,x,x,x,x,,," ALL6 "Utviklingshemning mv.; Psykiske lidelser; Rusproblemer,6",
    "212,,,,,,,x,,Ingen målgruppe,1",
    "182,x,x,x,,x,x,,," ALL6 "Psykiske lidelser; Rusproblemer,5",
    "31,x,x,x,x,x,,,," ALL6 "Utviklingshemning mv.; Psykiske lidelser,5",
    "29,,x,x,x,x,,,,Bevegelseshemning 0–66; Bevegelseshemning 67+; Utviklingshemning mv.; "
    "Psykiske lidelser,4",
    "21,,x,,x,x,x,,,Bevegelseshemning 0–66; Utviklingshemning mv.; Psykiske lidelser; "
    "Rusproblemer,4",
    "20,,x,x,x,x,x,,,Bevegelseshemning 0–66; Bevegelseshemning 67+; Utviklingshemning mv.; "
    "Psykiske lidelser; Rusproblemer,5",
    "18,x,x,x,x,,,,," ALL6 "Utviklingshemning mv.,4",
    "16,x,,x,,x,x,,,Demens; Bevegelseshemning 67+; Psykiske lidelser; Rusproblemer,4",
    "12,x,x,x,x,x,x,,x," ALL6 "Utviklingshemning mv.; Psykiske lidelser; Rusproblemer; "
    "Annen målgruppe,7"};

static void expect_rows(const hjtj_table *t, const char *const *rows, size_t n)
{
    char got[1024];
    size_t i;
    ck_assert_uint_eq(hjtj_table_rows(t), n);
    for (i = 0; i < n; i++)
        ck_assert_msg(strcmp(row_values(t, i, got, sizeof got), rows[i]) == 0,
                      "table %s row %zu: got '%s', expected '%s'", hjtj_table_id(t), i, got,
                      rows[i]);
}

/* The value column of a long-format table, space-separated. */
static void expect_long(const hjtj_table *t, const char *values)
{
    char got[1024];
    size_t i, len = 0;
    got[0] = '\0';
    for (i = 0; i < hjtj_table_rows(t); i++)
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", i ? " " : "",
                                hjtj_table_cell_text(t, i, 2));
    ck_assert_msg(strcmp(got, values) == 0, "table %s: got '%s'", hjtj_table_id(t), got);
}

static const char *samle_label(char c)
{
    switch (c) {
    case 'U':
        return "Utviklingshemning mv.";
    case 'E':
        return "Eldre og/eller demens";
    case 'P':
        return "Psykisk og/eller rus";
    case 'B':
        return "Bevegelseshemning";
    default:
        return "Utenfor samlemålgruppene";
    }
}

START_TEST(test_c1_register)
{
    hjtj_register *reg = c1_register();
    hjtj_table *t = build(reg, "4.3");
    size_t r;
    expect_rows(t, expect_4_3, sizeof expect_4_3 / sizeof expect_4_3[0]);
    hjtj_table_free(t);

    t = build(reg, "4.4");
    expect_long(t, expect_4_4);
    ck_assert_int_eq(hjtj_table_n(t), 2194);
    hjtj_table_free(t);

    t = build(reg, "4.5");
    expect_long(t, expect_4_5);
    hjtj_table_free(t);

    t = build(reg, "4.6");
    expect_rows(t, expect_4_6, sizeof expect_4_6 / sizeof expect_4_6[0]);
    hjtj_table_free(t);

    t = build(reg, "4.7");
    expect_rows(t, expect_4_7, sizeof expect_4_7 / sizeof expect_4_7[0]);
    expect_labels(t, "K1|K2|K3|K4|K5|K6|K7|K8|K9|K10");
    ck_assert_int_eq(hjtj_table_n(t), 967);
    hjtj_table_free(t);

    /* C1: every row, in the printed order */
    t = build(reg, "C1");
    expect_header(t, "samlemalgruppe,demens,bevegelseshemning_0_66,bevegelseshemning_67pluss,"
                     "utviklingshemning_mv,psykiske_lidelser,rusproblemer,ingen_malgruppe,"
                     "annen_malgruppe,antall_malgrupper,virksomheter");
    ck_assert_uint_eq(hjtj_table_rows(t), NC1);
    for (r = 0; r < NC1; r++) {
        char want[128], got[128];
        size_t len = 0;
        int m;
        for (m = 0; m < 8; m++)
            len += (size_t)snprintf(want + len, sizeof want - len, "%s,",
                                    c1[r].marks[m] == 'x' ? "x" : "");
        snprintf(want + len, sizeof want - len, "%d,%d", c1[r].antall, c1[r].n);
        ck_assert_str_eq(hjtj_table_row_label(t, r, HJTJ_LANG_NB), samle_label(c1[r].samle));
        ck_assert_msg(strcmp(row_values(t, r, got, sizeof got), want) == 0,
                      "C1 row %zu: got '%s', expected '%s'", r, got, want);
    }
    ck_assert_int_eq(hjtj_table_n(t), 3611);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

/* All tables of a register, as one CSV text (freed by the caller). */
static char *all_tables(const hjtj_register *reg)
{
    size_t i, len = 0;
    char *out = calloc(1, 1);
    hjtj_table *t;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    for (i = 0; i < hjtj_catalog_count(); i++) {
        char *csv;
        size_t n;
        ck_assert_int_eq(hjtj_table_build(t, reg, hjtj_catalog_id(i)), HJTJ_OK);
        ck_assert_int_eq(hjtj_table_to_string(t, HJTJ_FORMAT_CSV, &csv, &n), HJTJ_OK);
        out = realloc(out, len + n + 1);
        memcpy(out + len, csv, n + 1);
        len += n;
        hjtj_free(csv);
    }
    hjtj_table_free(t);
    return out;
}

static int count_records(const hjtj_record *r, void *ud)
{
    const char *org = hjtj_record_orgnr(r);
    ck_assert_uint_eq(strlen(org), 9);
    ck_assert_uint_eq(strspn(org, "0123456789"), 9);
    ++*(size_t *)ud;
    return 0;
}

/* Every table of both registers is the same; line `row` is (not) there. */
static void same_tables(hjtj_register *kept, hjtj_register *streamed, const char *row,
                        int present)
{
    char *kept_tables = all_tables(kept), *streamed_tables = all_tables(streamed);
    ck_assert_str_eq(streamed_tables, kept_tables);
    ck_assert_int_eq(strstr(kept_tables, row) != NULL, present);
    free(kept_tables);
    free(streamed_tables);
}

/* A second file into both registers: some orgnr repeat those of the first
 * (rejected in both), the others add to the tables. */
static void load_second(hjtj_register *kept, hjtj_register *streamed, const char *first)
{
    char *csv = malloc(64 * 1024), *p = csv;
    size_t i;
    hjtj_register *r1 = NULL;
    ck_assert_int_eq(hjtj_register_new(&r1), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_file(r1, first), HJTJ_OK);
    p += sprintf(p, "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,boenheter\n");
    for (i = 0; i < 200; i++) {
        /* every 4th an orgnr of the first file, the rest new ones */
        char org[10];
        if (i % 4 == 0) {
            snprintf(org, sizeof org, "%s", hjtj_record_orgnr(hjtj_register_record(r1, i * 7)));
        } else {
            int k = 98000000 + (int)i * 3;
            do
                snprintf(org, sizeof org, "%08d", k++ % 100000000);
            while (orgnr_complete(org) != 0);
        }
        p += sprintf(p, "%s,%s,%s,%s,%s,%zu\n", org, i % 3 ? "0301" : "1506",
                     i % 5 ? "kommunal" : "privat", i % 2 ? "boligbase" : "boligbase amb-helse",
                     i % 7 ? "demens" : "utviklingshemning psykiske-lidelser", 2 + i % 17);
    }
    ck_assert_int_eq(hjtj_register_load_memory(kept, csv, strlen(csv), "second"), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(streamed, csv, strlen(csv), "second"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_reject_count(streamed), hjtj_register_reject_count(kept));
    ck_assert_uint_ge(hjtj_register_reject_count(kept), 50);
    hjtj_register_free(r1);
    free(csv);
}

/* Streaming: with the records not kept, the tables accumulate as they pass
 * and equal those of a register that keeps them; a failed load in between
 * leaves no trace in them. */
START_TEST(test_streaming_tables)
{
    char path[4096];
    hjtj_register *kept, *streamed;
    size_t seen = 0;
    const char *bad = "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\">"
                      "<virksomhet orgnr=\"100000008\" kommunenr=\"0301\" eierskap=\"kommunal\">"
                      "<virksomhetstyper>boligbase</virksomhetstyper><boenheter>9</boenheter>"
                      "</virksomhet><tull/></kartlegging>";
    snprintf(path, sizeof path, "%s/register-2024-syntetisk.xml", getenv("HJTJ_DATADIR"));
    ck_assert_int_eq(hjtj_register_new(&kept), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_file(kept, path), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_new(&streamed), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_keep_records(streamed, 0), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_record_callback(streamed, count_records, &seen), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(streamed, bad, strlen(bad), "bad"),
                     HJTJ_ERR_SCHEMA);
    ck_assert_int_eq(hjtj_register_load_file(streamed, path), HJTJ_OK);
    ck_assert_uint_eq(seen, 4067 + 1);
    ck_assert_uint_eq(hjtj_register_count(streamed), 4067);
    ck_assert_ptr_null(hjtj_register_record(streamed, 0));
    same_tables(kept, streamed, "Totalt,30346,2425,100.0,100.0,8", 1);
    load_second(kept, streamed, path);
    ck_assert_uint_eq(hjtj_register_count(streamed), hjtj_register_count(kept));
    same_tables(kept, streamed, "Totalt,30346,2425,100.0,100.0,8", 0);
    hjtj_register_free(kept);
    hjtj_register_free(streamed);

    /* a small CSV with rejected records, medians of even counts and
     * records outside the population */
    {
        const char *csv = "orgnr,kommunenr,eierskap,status,virksomhetstyper,malgrupper,boenheter,"
                          "naeringskode\n"
                          "100000008,0301,kommunal,,boligbase,demens,4,87.203\n"
                          "100000016,0301,kommunal,,boligbase,demens,7,87.203\n"
                          "100000024,1520,privat,,boligbase amb-helse,rusproblemer,2,\n"
                          "100000032,1520,privat,,boligbase,ingen demens,3,\n"
                          "100000040,4601,kommunal,opphort,,,,86.901\n"
                          "100000059,4601,kommunal,,sykehjem,annen,,88.101\n"
                          "100000008,0301,kommunal,,bpa,demens,,\n";
        ck_assert_int_eq(hjtj_register_new(&kept), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_new(&streamed), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_set_keep_records(streamed, 0), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_load_memory(kept, csv, strlen(csv), "s"), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_load_memory(streamed, csv, strlen(csv), "s"), HJTJ_OK);
        ck_assert_uint_eq(hjtj_register_reject_count(streamed), 2);
        same_tables(kept, streamed, "Totalt,13,3,100.0,100.0,4", 1);
        hjtj_register_free(kept);
        hjtj_register_free(streamed);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tables");
    TCase *tc = tcase_create("hand-made");
    TCase *c1c = tcase_create("c1");
    tcase_add_loop_test(tc, test_table_a, 0, (int)NIDS);
    tcase_add_test(tc, test_cell_api);
    tcase_add_test(tc, test_median_large_values);
    tcase_add_test(tc, test_no_kun_annen);
    tcase_add_test(tc, test_catalog);
    tcase_add_test(tc, test_empty_register);
    tcase_add_test(tc, test_english_labels);
    tcase_add_test(tc, test_streaming_tables);
    tcase_add_test(c1c, test_c1_register);
    tcase_set_timeout(c1c, 60);
    suite_add_tcase(s, tc);
    suite_add_tcase(s, c1c);
    return run_suite(s);
}
