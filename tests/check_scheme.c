/* check_scheme.c — scheme files and their rule switches (SPEC §4.7): every
 * switch and scheme element changes exactly what it should on random
 * registers (compared with the rule computed here from the records as
 * given), the 2024 file is the built-in scheme, the 2020 file is what it
 * says, and bad scheme files are refused with file, line, column and
 * reason. */
#include <unistd.h>

#include "randreg.h"

#define BIT(x) (1u << (x))
#define TY(x) BIT(HJTJ_TYPE_##x)
#define HT_STAR (TY(BOLIGBASE) | TY(AMB_HELSE) | TY(AMB_PRAKTISK) | TY(BPA) | TY(ENETILTAK))
#define HT_ALL (HT_STAR | TY(ANNEN_HJEMMETJENESTE))
#define AT_PRIME (TY(BARNEBOLIG_AVLASTNING) | TY(SYKEHJEM) | TY(DAGAKTIVITET))
#define AT_ALL (AT_PRIME | TY(ANNEN_VIRKSOMHET))
#define ADM (TY(RESSURSENHET) | TY(BESTILLERKONTOR) | TY(ADMINISTRASJON))

static const uint64_t seeds[] = {1, 2, 3, 4, 5};
#define NSEEDS (sizeof seeds / sizeof seeds[0])
#define NREC 1500

static char *datafile(const char *name)
{
    const char *dir = getenv("HJTJ_DATADIR");
    char *p = malloc(4096);
    ck_assert_ptr_nonnull(dir);
    snprintf(p, 4096, "%s/%s", dir, name);
    return p;
}

static hjtj_scheme *scheme_file(const char *name)
{
    hjtj_scheme *s = NULL;
    char *p = datafile(name);
    ck_assert_int_eq(hjtj_scheme_new(&s), HJTJ_OK);
    ck_assert_msg(hjtj_scheme_load_file(s, p) == HJTJ_OK, "%s: %s", name,
                  hjtj_error_message(hjtj_scheme_error(s)));
    free(p);
    return s;
}

static hjtj_scheme *scheme_text(const char *xml)
{
    hjtj_scheme *s = NULL;
    ck_assert_int_eq(hjtj_scheme_new(&s), HJTJ_OK);
    ck_assert_msg(hjtj_scheme_load_memory(s, xml, strlen(xml), "test.xml") == HJTJ_OK, "%s",
                  hjtj_error_message(hjtj_scheme_error(s)));
    return s;
}

/* The edited type set (SPEC §4.1.1 and 4.1.4), computed here. */
static uint32_t edited_types(const hjtj_record *r)
{
    uint32_t t = hjtj_record_types_given(r);
    if ((t & TY(BOLIGBASE)) && hjtj_record_boenheter(r) == 1)
        t = (t & ~TY(BOLIGBASE)) | TY(ENETILTAK);
    if (t & TY(ENETILTAK))
        t = TY(ENETILTAK);
    return t;
}

/* Hovedvirksomhetstype under the switches (SPEC §4.2 and §4.7). */
static int32_t hoved_of(const hjtj_record *r, int uten, int adm2020)
{
    uint32_t t = edited_types(r);
    if (uten && t == TY(ENETILTAK))
        return HJTJ_HOVED_UTENFOR;
    if ((t & ADM) && !(t & AT_PRIME) && (adm2020 || !(t & HT_STAR)))
        return HJTJ_HOVED_ADMINISTRASJON;
    if ((t & HT_ALL) && (t & AT_ALL))
        return HJTJ_HOVED_KOMBINERT_ANNEN;
    if (t & HT_ALL)
        return HJTJ_HOVED_RENE_BRUKERRETTEDE;
    return HJTJ_HOVED_UTENFOR;
}

/* Every class of records a and b agrees except those in `except` (bits of
 * hjtj_field); returns the first field that differs, or -1. */
static int differs(const hjtj_record *a, const hjtj_record *b, uint32_t except)
{
    int f;
    for (f = HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE; f <= HJTJ_FIELD_STORRELSE; f++)
        if (!(except & BIT(f)) &&
            hjtj_record_class(a, (hjtj_field)f) != hjtj_record_class(b, (hjtj_field)f))
            return f;
    if (!(except & BIT(HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE)) &&
        hjtj_record_in_population(a) != hjtj_record_in_population(b))
        return HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE;
    return -1;
}

/* Two registers from the same records hold the same loaded records. */
static void same_records(const hjtj_register *a, const hjtj_register *b)
{
    size_t i;
    ck_assert_uint_eq(hjtj_register_count(a), hjtj_register_count(b));
    ck_assert_uint_eq(hjtj_register_reject_count(a), hjtj_register_reject_count(b));
    for (i = 0; i < hjtj_register_count(a); i++)
        ck_assert_str_eq(hjtj_record_orgnr(hjtj_register_record(a, i)),
                         hjtj_record_orgnr(hjtj_register_record(b, i)));
}

static void same_tables(const hjtj_register *a, const hjtj_register *b)
{
    hjtj_table *ta = NULL, *tb = NULL;
    size_t i;
    ck_assert_int_eq(hjtj_table_new(&ta), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_new(&tb), HJTJ_OK);
    for (i = 0; i < hjtj_catalog_count(); i++) {
        char *sa = NULL, *sb = NULL;
        const char *id = hjtj_catalog_id(i);
        ck_assert_int_eq(hjtj_table_build(ta, a, id), HJTJ_OK);
        ck_assert_int_eq(hjtj_table_build(tb, b, id), HJTJ_OK);
        ck_assert_int_eq(hjtj_table_to_string(ta, HJTJ_FORMAT_CSV, &sa, NULL), HJTJ_OK);
        ck_assert_int_eq(hjtj_table_to_string(tb, HJTJ_FORMAT_CSV, &sb, NULL), HJTJ_OK);
        ck_assert_msg(strcmp(sa, sb) == 0, "table %s differs", id);
        hjtj_free(sa);
        hjtj_free(sb);
    }
    hjtj_table_free(ta);
    hjtj_table_free(tb);
}

/* ---- the 2024 file is the built-in scheme ---- */

START_TEST(test_2024_file_is_builtin)
{
    hjtj_scheme *def = NULL, *file = scheme_file("skjema-2024.xml");
    hjtj_kommuner *k = NULL;
    uint32_t set;
    int32_t i;
    size_t j, s;

    ck_assert_int_eq(hjtj_scheme_new(&def), HJTJ_OK);
    ck_assert_str_eq(hjtj_scheme_name(file), hjtj_scheme_name(def));
    for (set = 0; set < 64; set++)
        ck_assert_int_eq(hjtj_scheme_samlemalgruppe(file, set),
                         hjtj_scheme_samlemalgruppe(def, set));
    ck_assert_int_eq(hjtj_scheme_band_count(file), hjtj_scheme_band_count(def));
    for (i = 0; i < hjtj_scheme_band_count(def); i++)
        ck_assert_int_eq(hjtj_scheme_band_lower(file, i), hjtj_scheme_band_lower(def, i));
    ck_assert_int_eq(hjtj_scheme_enetiltak(file), HJTJ_ENETILTAK_MED);
    ck_assert_int_eq(hjtj_scheme_administrasjon(file), HJTJ_ADMINISTRASJON_2024);
    ck_assert_int_eq(hjtj_kommuner_new(&k), HJTJ_OK);
    ck_assert_int_eq(hjtj_kommuner_load_default(k), HJTJ_OK);
    for (j = 0; j < hjtj_kommuner_count(k); j++)
        ck_assert_int_eq(hjtj_kommuner_storrelse(k, j, file), hjtj_kommuner_storrelse(k, j, def));
    hjtj_kommuner_free(k);

    /* on random registers: every record class and every table identical */
    for (s = 0; s < NSEEDS; s++) {
        hjtj_register *a = randreg_load(seeds[s], NREC, NULL);
        hjtj_register *b = randreg_load(seeds[s], NREC, file);
        same_records(a, b);
        for (j = 0; j < hjtj_register_count(a); j++)
            ck_assert_int_eq(differs(hjtj_register_record(a, j), hjtj_register_record(b, j), 0),
                             -1);
        same_tables(a, b);
        hjtj_register_free(a);
        hjtj_register_free(b);
    }
    hjtj_scheme_free(def);
    hjtj_scheme_free(file);
}
END_TEST

/* ---- the switches ---- */

/* With the switches (uten, adm2020) set, hovedvirksomhetstype is the rule
 * computed here; a record whose class the switch does not move has every
 * class as under the built-in scheme.  Returns the number of records moved. */
static size_t check_switches_except(hjtj_scheme *sw, int uten, int adm2020, uint32_t except)
{
    size_t s, j, moved = 0;
    for (s = 0; s < NSEEDS; s++) {
        hjtj_register *a = randreg_load(seeds[s], NREC, NULL);
        hjtj_register *b = randreg_load(seeds[s], NREC, sw);
        same_records(a, b);
        for (j = 0; j < hjtj_register_count(a); j++) {
            const hjtj_record *ra = hjtj_register_record(a, j), *rb = hjtj_register_record(b, j);
            int32_t h0, h1;
            if (hjtj_record_status(ra) != HJTJ_STATUS_AKTIV) {
                ck_assert_int_eq(differs(ra, rb, except), -1);
                continue;
            }
            h0 = hoved_of(ra, 0, 0);
            h1 = hoved_of(ra, uten, adm2020);
            ck_assert_int_eq(hjtj_record_class(ra, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE), h0);
            ck_assert_msg(hjtj_record_class(rb, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE) == h1,
                          "%s: hoved %d, expected %d", hjtj_record_orgnr(rb),
                          hjtj_record_class(rb, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE), h1);
            ck_assert_int_eq(hjtj_record_in_population(rb), h1 != HJTJ_HOVED_UTENFOR);
            /* the edits and the sets are the same whatever the scheme */
            ck_assert_uint_eq(hjtj_record_types(ra), hjtj_record_types(rb));
            ck_assert_uint_eq(hjtj_record_edits(ra), hjtj_record_edits(rb));
            if (h0 == h1) {
                ck_assert_int_eq(differs(ra, rb, except), -1);
            } else {
                moved++;
                /* the classes that do not hang on hovedvirksomhetstype */
                if (!(except & BIT(HJTJ_FIELD_SAMLEMALGRUPPE)))
                    ck_assert_int_eq(hjtj_record_class(ra, HJTJ_FIELD_SAMLEMALGRUPPE),
                                     hjtj_record_class(rb, HJTJ_FIELD_SAMLEMALGRUPPE));
                if (!(except & BIT(HJTJ_FIELD_KOMMUNESTORRELSE)))
                    ck_assert_int_eq(hjtj_record_class(ra, HJTJ_FIELD_KOMMUNESTORRELSE),
                                     hjtj_record_class(rb, HJTJ_FIELD_KOMMUNESTORRELSE));
                if (h1 == HJTJ_HOVED_ADMINISTRASJON) {
                    ck_assert_int_eq(hjtj_record_class(rb, HJTJ_FIELD_KATEGORI),
                                     HJTJ_KAT_ADMINISTRASJON);
                    ck_assert_int_eq(hjtj_record_class(rb, HJTJ_FIELD_HT_SAMMENSETNING), -1);
                    ck_assert_int_ge(hjtj_record_class(rb, HJTJ_FIELD_ADM_SAMMENSETNING), 0);
                }
                if (h1 == HJTJ_HOVED_UTENFOR) {
                    ck_assert_int_eq(hjtj_record_class(rb, HJTJ_FIELD_KATEGORI), -1);
                    ck_assert_int_eq(hjtj_record_class(rb, HJTJ_FIELD_BOTILBUD), 0);
                }
            }
        }
        hjtj_register_free(a);
        hjtj_register_free(b);
    }
    return moved;
}

static size_t check_switches(hjtj_scheme *sw, int uten, int adm2020)
{
    return check_switches_except(sw, uten, adm2020, 0);
}

START_TEST(test_switch_api)
{
    hjtj_scheme *s = NULL;
    ck_assert_int_eq(hjtj_scheme_new(&s), HJTJ_OK);
    ck_assert_int_eq(hjtj_scheme_enetiltak(s), HJTJ_ENETILTAK_MED);
    ck_assert_int_eq(hjtj_scheme_administrasjon(s), HJTJ_ADMINISTRASJON_2024);
    ck_assert_int_eq(hjtj_scheme_set_enetiltak(s, 2), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_scheme_set_administrasjon(s, -1), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_scheme_set_enetiltak(NULL, 0), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_scheme_enetiltak(NULL), -1);
    ck_assert_int_eq(hjtj_scheme_administrasjon(NULL), -1);
    ck_assert_int_eq(hjtj_scheme_set_enetiltak(s, HJTJ_ENETILTAK_UTEN), HJTJ_OK);
    ck_assert_int_eq(hjtj_scheme_enetiltak(s), HJTJ_ENETILTAK_UTEN);
    ck_assert_int_eq(hjtj_scheme_set_administrasjon(s, HJTJ_ADMINISTRASJON_2020), HJTJ_OK);
    ck_assert_int_eq(hjtj_scheme_administrasjon(s), HJTJ_ADMINISTRASJON_2020);
    /* a file without the attributes has the 2024 rules */
    ck_assert_int_eq(hjtj_scheme_load_memory(s, "<skjema xmlns=\"urn:hjtj:skjema:1\"/>", 35, "x"),
                     HJTJ_OK);
    ck_assert_int_eq(hjtj_scheme_enetiltak(s), HJTJ_ENETILTAK_MED);
    ck_assert_int_eq(hjtj_scheme_administrasjon(s), HJTJ_ADMINISTRASJON_2024);
    hjtj_scheme_free(s);
}
END_TEST

START_TEST(test_switch_enetiltak_uten)
{
    hjtj_scheme *s = scheme_text("<skjema xmlns=\"urn:hjtj:skjema:1\" enetiltak=\"uten\"/>");
    ck_assert_int_eq(hjtj_scheme_enetiltak(s), HJTJ_ENETILTAK_UTEN);
    ck_assert_int_eq(hjtj_scheme_administrasjon(s), HJTJ_ADMINISTRASJON_2024);
    ck_assert_uint_gt(check_switches(s, 1, 0), 50);
    hjtj_scheme_free(s);
}
END_TEST

START_TEST(test_switch_administrasjon_2020)
{
    hjtj_scheme *s = scheme_text("<skjema xmlns=\"urn:hjtj:skjema:1\" administrasjon=\"2020\"/>");
    ck_assert_int_eq(hjtj_scheme_enetiltak(s), HJTJ_ENETILTAK_MED);
    ck_assert_int_eq(hjtj_scheme_administrasjon(s), HJTJ_ADMINISTRASJON_2020);
    ck_assert_uint_gt(check_switches(s, 0, 1), 50);
    hjtj_scheme_free(s);
}
END_TEST

START_TEST(test_switches_both_by_api)
{
    hjtj_scheme *s = NULL;
    ck_assert_int_eq(hjtj_scheme_new(&s), HJTJ_OK);
    ck_assert_int_eq(hjtj_scheme_set_enetiltak(s, HJTJ_ENETILTAK_UTEN), HJTJ_OK);
    ck_assert_int_eq(hjtj_scheme_set_administrasjon(s, HJTJ_ADMINISTRASJON_2020), HJTJ_OK);
    ck_assert_uint_gt(check_switches(s, 1, 1), 100);
    hjtj_scheme_free(s);
}
END_TEST

/* ---- the elements ---- */

/* A scheme element changes only the classes it names: `field` on every
 * active record is expect(record), every other class as built in. */
typedef int32_t (*expect_fn)(const hjtj_record *r, const void *ctx);

static void check_element(hjtj_scheme *sc, hjtj_field field, expect_fn expect, const void *ctx)
{
    size_t s, j, changed = 0;
    for (s = 0; s < NSEEDS; s++) {
        hjtj_register *a = randreg_load(seeds[s], NREC, NULL);
        hjtj_register *b = randreg_load(seeds[s], NREC, sc);
        same_records(a, b);
        for (j = 0; j < hjtj_register_count(a); j++) {
            const hjtj_record *ra = hjtj_register_record(a, j), *rb = hjtj_register_record(b, j);
            ck_assert_int_eq(differs(ra, rb, BIT(field)), -1);
            if (hjtj_record_status(ra) != HJTJ_STATUS_AKTIV)
                continue;
            ck_assert_msg(hjtj_record_class(rb, field) == expect(rb, ctx),
                          "%s: %s %d, expected %d", hjtj_record_orgnr(rb), hjtj_field_name(field),
                          hjtj_record_class(rb, field), expect(rb, ctx));
            changed += hjtj_record_class(ra, field) != hjtj_record_class(rb, field);
        }
        hjtj_register_free(a);
        hjtj_register_free(b);
    }
    ck_assert_uint_gt(changed, 20);
}

static const char *const mg_codes[6] = {"demens", "bevegelse-0-66", "bevegelse-67",
                                        "utviklingshemning", "psykiske-lidelser",
                                        "rusproblemer"};

static int32_t expect_samle(const hjtj_record *r, const void *ctx)
{
    const int8_t *assign = ctx;
    uint32_t mg = hjtj_record_malgrupper_given(r), main = mg & 0x3f;
    if (main == 0 || (mg & BIT(HJTJ_MG_INGEN)))
        return HJTJ_SAMLE_UTENFOR;
    return assign[main];
}

START_TEST(test_element_samlemalgruppe)
{
    /* a random assignment of the 63 sets to the five clusters, written as
     * a scheme file with the sets' codes in a random order */
    int8_t assign[64];
    rng r = {77};
    sbuf b = {NULL, 0, 0};
    int c, set, i;
    hjtj_scheme *s;
    for (set = 0; set < 64; set++)
        assign[set] = (int8_t)(set == 0 ? HJTJ_SAMLE_UTENFOR : rng_below(&r, 5));
    sb_printf(&b, "<skjema xmlns=\"urn:hjtj:skjema:1\" navn=\"tilfeldig\">\n");
    for (c = 0; c < 5; c++) {
        sb_printf(&b, "<samlemalgruppe kode=\"%s\">\n", hjtj_code(HJTJ_FIELD_SAMLEMALGRUPPE, c));
        for (set = 1; set < 64; set++) {
            int first = 1, start = (int)rng_below(&r, 6);
            if (assign[set] != c || (c == HJTJ_SAMLE_UTENFOR && rng_below(&r, 2)))
                continue; /* utenfor: named or left out, the same */
            sb_printf(&b, "  <sett>");
            for (i = 0; i < 6; i++) {
                int m = (start + i) % 6;
                if (set & (1 << m)) {
                    sb_printf(&b, "%s%s", first ? "" : "  ", mg_codes[m]);
                    first = 0;
                }
            }
            sb_printf(&b, "</sett>\n");
        }
        sb_printf(&b, "</samlemalgruppe>\n");
    }
    sb_printf(&b, "</skjema>\n");
    s = scheme_text(b.s);
    for (set = 0; set < 64; set++)
        ck_assert_int_eq(hjtj_scheme_samlemalgruppe(s, (uint32_t)set), assign[set]);
    check_element(s, HJTJ_FIELD_SAMLEMALGRUPPE, expect_samle, assign);
    hjtj_scheme_free(s);
    free(b.s);
}
END_TEST

typedef struct size_rule {
    const char *asss[4];
    int64_t t[3];
    const hjtj_kommuner *k;
} size_rule;

static int32_t expect_size(const hjtj_record *r, const void *ctx)
{
    const size_rule *z = ctx;
    int64_t i = hjtj_kommuner_find(z->k, hjtj_record_kommunenr(r)), inh;
    int a;
    for (a = 0; a < 4 && z->asss[a]; a++)
        if (strcmp(z->asss[a], hjtj_record_kommunenr(r)) == 0)
            return HJTJ_KSTR_ASSS;
    ck_assert_int_ge(i, 0);
    inh = hjtj_kommuner_innbyggere(z->k, (size_t)i);
    return inh >= z->t[0] ? HJTJ_KSTR_20000_PLUSS
           : inh >= z->t[1] ? HJTJ_KSTR_10000_19999
           : inh >= z->t[2] ? HJTJ_KSTR_5000_9999
                            : HJTJ_KSTR_UNDER_5000;
}

START_TEST(test_element_asss)
{
    hjtj_kommuner *k = NULL;
    size_rule z = {{"3101", "1506", "0301", NULL}, {20000, 10000, 5000}, NULL};
    hjtj_scheme *s = scheme_text("<skjema xmlns=\"urn:hjtj:skjema:1\"><asss>\n  3101 1506\n"
                                 " 0301</asss></skjema>");
    ck_assert_int_eq(hjtj_kommuner_new(&k), HJTJ_OK);
    ck_assert_int_eq(hjtj_kommuner_load_default(k), HJTJ_OK);
    z.k = k;
    check_element(s, HJTJ_FIELD_KOMMUNESTORRELSE, expect_size, &z);
    hjtj_scheme_free(s);
    hjtj_kommuner_free(k);
}
END_TEST

START_TEST(test_element_terskler)
{
    hjtj_kommuner *k = NULL;
    size_rule z = {{"0301", "4601", "5001", "1103"}, {60000, 25000, 12000}, NULL};
    /* the ASSS list as built in (only four of its twelve are in the random
     * registers) and other thresholds */
    hjtj_scheme *s = scheme_text(
        "<skjema xmlns=\"urn:hjtj:skjema:1\"><terskler>60000 25000 12000</terskler>"
        "<asss>0301 4601 5001 1103</asss></skjema>");
    ck_assert_int_eq(hjtj_kommuner_new(&k), HJTJ_OK);
    ck_assert_int_eq(hjtj_kommuner_load_default(k), HJTJ_OK);
    z.k = k;
    check_element(s, HJTJ_FIELD_KOMMUNESTORRELSE, expect_size, &z);
    hjtj_scheme_free(s);
    hjtj_kommuner_free(k);
}
END_TEST

static int32_t expect_band(const hjtj_record *r, const void *ctx)
{
    const int64_t *lo = ctx; /* 2 8 30 100, then 0 */
    int64_t b = hjtj_record_boenheter(r);
    int32_t i, band = -1;
    if (hjtj_record_class(r, HJTJ_FIELD_BOTILBUD) != 1)
        return -1;
    for (i = 0; lo[i] != 0; i++)
        if (b >= lo[i])
            band = i;
    return band;
}

START_TEST(test_element_boenhetsgrupper)
{
    static const int64_t lo[] = {2, 8, 30, 100, 0};
    hjtj_scheme *s = scheme_text("<skjema xmlns=\"urn:hjtj:skjema:1\"><boenhetsgrupper>2 8 30 "
                                 "100</boenhetsgrupper></skjema>");
    ck_assert_int_eq(hjtj_scheme_band_count(s), 4);
    check_element(s, HJTJ_FIELD_STORRELSE, expect_band, lo);
    hjtj_scheme_free(s);
}
END_TEST

/* ---- the illustrative 2020 file ---- */

START_TEST(test_2020_file)
{
    hjtj_scheme *s = scheme_file("skjema-2020-illustrativ.xml"), *def = NULL;
    uint32_t set;
    int32_t i;
    ck_assert_int_eq(hjtj_scheme_new(&def), HJTJ_OK);
    ck_assert_str_eq(hjtj_scheme_name(s), "2020-illustrativ");
    ck_assert_int_eq(hjtj_scheme_enetiltak(s), HJTJ_ENETILTAK_UTEN);
    ck_assert_int_eq(hjtj_scheme_administrasjon(s), HJTJ_ADMINISTRASJON_2020);
    /* no Bevegelseshemning cluster; the other sets as in 2024 */
    for (set = 0; set < 64; set++) {
        int32_t d = hjtj_scheme_samlemalgruppe(def, set);
        ck_assert_int_ne(hjtj_scheme_samlemalgruppe(s, set), HJTJ_SAMLE_BEVEGELSESHEMNING);
        ck_assert_int_eq(hjtj_scheme_samlemalgruppe(s, set),
                         d == HJTJ_SAMLE_BEVEGELSESHEMNING ? HJTJ_SAMLE_UTENFOR : d);
    }
    for (i = 0; i < hjtj_scheme_band_count(def); i++)
        ck_assert_int_eq(hjtj_scheme_band_lower(s, i), hjtj_scheme_band_lower(def, i));
    /* the switches as computed here; the sets and the ASSS list (the
     * kommunenr of 1.1.2021) checked on their own below */
    ck_assert_uint_gt(check_switches_except(s, 1, 1,
                                            BIT(HJTJ_FIELD_SAMLEMALGRUPPE) |
                                                BIT(HJTJ_FIELD_KOMMUNESTORRELSE)),
                      100);
    {
        hjtj_kommuner *k = NULL;
        int8_t assign[64];
        /* Oslo, Bergen, Trondheim, Stavanger, Kristiansand and Sandnes kept
         * their numbers in 2024; the six others are not in a 2025 table */
        size_rule z = {{"0301", "4601", "5001", "1103"}, {20000, 10000, 5000}, NULL};
        hjtj_register *a = randreg_load(9, NREC, s);
        size_t j;
        ck_assert_int_eq(hjtj_kommuner_new(&k), HJTJ_OK);
        ck_assert_int_eq(hjtj_kommuner_load_default(k), HJTJ_OK);
        z.k = k;
        for (set = 0; set < 64; set++)
            assign[set] = (int8_t)hjtj_scheme_samlemalgruppe(s, set);
        for (j = 0; j < hjtj_register_count(a); j++) {
            const hjtj_record *r = hjtj_register_record(a, j);
            if (hjtj_record_status(r) != HJTJ_STATUS_AKTIV)
                continue;
            ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_SAMLEMALGRUPPE),
                             expect_samle(r, assign));
            if (strcmp(hjtj_record_kommunenr(r), "4204") == 0 ||
                strcmp(hjtj_record_kommunenr(r), "1108") == 0)
                ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_KOMMUNESTORRELSE),
                                 HJTJ_KSTR_ASSS);
            else
                ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_KOMMUNESTORRELSE),
                                 expect_size(r, &z));
        }
        hjtj_register_free(a);
        hjtj_kommuner_free(k);
    }
    hjtj_scheme_free(s);
    hjtj_scheme_free(def);
}
END_TEST

/* ---- bad scheme files ---- */

static const struct bad {
    const char *what, *xml;
    hjtj_status status;
    uint64_t line, col;
    const char *reason;
} bad[] = {
    {"overlapping sets",
     "<skjema xmlns=\"urn:hjtj:skjema:1\">\n"
     "  <samlemalgruppe kode=\"eldre-demens\"><sett>demens bevegelse-67</sett></samlemalgruppe>\n"
     "  <samlemalgruppe kode=\"psykisk-rus\">\n"
     "    <sett>psykiske-lidelser</sett> <sett>bevegelse-67  demens</sett>\n"
     "  </samlemalgruppe>\n</skjema>\n",
     HJTJ_ERR_SCHEMA, 4, 36, "already in samlemålgruppe 'eldre-demens' (line 2)"},
    {"a set twice in one cluster",
     "<skjema xmlns=\"urn:hjtj:skjema:1\"><samlemalgruppe kode=\"utenfor\">\n"
     "<sett>demens</sett><sett>demens</sett></samlemalgruppe></skjema>",
     HJTJ_ERR_SCHEMA, 2, 20, "may not overlap"},
    {"thresholds out of order",
     "<skjema xmlns=\"urn:hjtj:skjema:1\">\n\n   <terskler>10000 20000 5000</terskler></skjema>",
     HJTJ_ERR_SCHEMA, 3, 4, "strictly decreasing"},
    {"equal thresholds",
     "<skjema xmlns=\"urn:hjtj:skjema:1\"><terskler>20000 20000 5000</terskler></skjema>",
     HJTJ_ERR_SCHEMA, 1, 35, "strictly decreasing"},
    {"bands out of order",
     "<skjema xmlns=\"urn:hjtj:skjema:1\" navn=\"æøå\">\n\t<boenhetsgrupper>2 10 6"
     "</boenhetsgrupper></skjema>",
     HJTJ_ERR_SCHEMA, 2, 2, "6 after 10"},
    {"band below 2",
     "<skjema xmlns=\"urn:hjtj:skjema:1\"><boenhetsgrupper>1 6</boenhetsgrupper></skjema>",
     HJTJ_ERR_SCHEMA, 1, 35, "'1'"},
    {"unknown målgruppe code",
     "<skjema xmlns=\"urn:hjtj:skjema:1\">\n<samlemalgruppe kode=\"eldre-demens\">"
     "<sett>demens eldre</sett></samlemalgruppe></skjema>",
     HJTJ_ERR_SCHEMA, 2, 37, "'eldre'"},
    {"ingen in a set",
     "<skjema xmlns=\"urn:hjtj:skjema:1\">\n<samlemalgruppe kode=\"utenfor\">"
     "<sett>ingen</sett></samlemalgruppe></skjema>",
     HJTJ_ERR_SCHEMA, 2, 32, "'ingen'"},
    {"unknown cluster code",
     "<skjema xmlns=\"urn:hjtj:skjema:1\">\n  <samlemalgruppe kode=\"rus\"/></skjema>",
     HJTJ_ERR_SCHEMA, 2, 3, "'rus'"},
    {"unknown switch value",
     "<skjema xmlns=\"urn:hjtj:skjema:1\"\n  enetiltak=\"nei\"/>", HJTJ_ERR_SCHEMA, 1, 1,
     "'nei'"},
    {"unknown administrasjon value",
     "<skjema xmlns=\"urn:hjtj:skjema:1\" administrasjon=\"2014\"/>", HJTJ_ERR_SCHEMA, 1, 1,
     "'2014'"},
    {"unknown element",
     "<skjema xmlns=\"urn:hjtj:skjema:1\">\n <terskel>1</terskel></skjema>", HJTJ_ERR_SCHEMA,
     2, 2, "terskel"},
    {"unknown attribute",
     "<skjema xmlns=\"urn:hjtj:skjema:1\" aar=\"2020\"/>", HJTJ_ERR_SCHEMA, 1, 1, "aar"},
    {"element twice",
     "<skjema xmlns=\"urn:hjtj:skjema:1\"><asss>0301</asss>\n<asss>4601</asss></skjema>",
     HJTJ_ERR_SCHEMA, 2, 1, "given twice"},
    {"cluster twice",
     "<skjema xmlns=\"urn:hjtj:skjema:1\"><samlemalgruppe kode=\"utenfor\"/>\n"
     "<samlemalgruppe kode=\"utenfor\"/></skjema>",
     HJTJ_ERR_SCHEMA, 2, 1, "utenfor"},
    {"ASSS twice",
     "<skjema xmlns=\"urn:hjtj:skjema:1\"><asss>0301 4601 0301</asss></skjema>",
     HJTJ_ERR_SCHEMA, 1, 35, "0301 twice"},
    {"ASSS not 4 digits",
     "<skjema xmlns=\"urn:hjtj:skjema:1\"><asss>301</asss></skjema>", HJTJ_ERR_SCHEMA, 1, 35,
     "'301'"},
    {"two thresholds",
     "<skjema xmlns=\"urn:hjtj:skjema:1\"><terskler>20000 10000</terskler></skjema>",
     HJTJ_ERR_SCHEMA, 1, 35, "terskler"},
    {"wrong namespace", "<skjema xmlns=\"urn:hjtj:skjema:2\"/>", HJTJ_ERR_SCHEMA, 1, 1,
     "root element"},
    {"not well-formed", "<skjema xmlns=\"urn:hjtj:skjema:1\">\n<asss>", HJTJ_ERR_SYNTAX, 2, 0,
     ""},
    {"doctype", "<!DOCTYPE skjema><skjema xmlns=\"urn:hjtj:skjema:1\"/>", HJTJ_ERR_DOCTYPE, 1,
     1, "DOCTYPE"},
};

START_TEST(test_bad_files)
{
    const struct bad *b = &bad[_i];
    hjtj_scheme *s = NULL;
    const hjtj_error *e;
    hjtj_status st;
    ck_assert_int_eq(hjtj_scheme_new(&s), HJTJ_OK);
    ck_assert_int_eq(hjtj_scheme_set_enetiltak(s, HJTJ_ENETILTAK_UTEN), HJTJ_OK);
    st = hjtj_scheme_load_memory(s, b->xml, strlen(b->xml), "bad.xml");
    e = hjtj_scheme_error(s);
    ck_assert_msg(st == b->status, "%s: status %d, expected %d (%s)", b->what, (int)st,
                  (int)b->status, hjtj_error_message(e));
    ck_assert_int_eq(hjtj_error_status(e), b->status);
    ck_assert_str_eq(hjtj_error_file(e), "bad.xml");
    ck_assert_msg(hjtj_error_line(e) == b->line, "%s: line %llu, expected %llu (%s)", b->what,
                  (unsigned long long)hjtj_error_line(e), (unsigned long long)b->line,
                  hjtj_error_message(e));
    if (b->col != 0)
        ck_assert_msg(hjtj_error_column(e) == b->col, "%s: column %llu, expected %llu (%s)",
                      b->what, (unsigned long long)hjtj_error_column(e),
                      (unsigned long long)b->col, hjtj_error_message(e));
    else
        ck_assert_uint_gt(hjtj_error_column(e), 0);
    ck_assert_msg(strstr(hjtj_error_message(e), b->reason) != NULL, "%s: message '%s' lacks '%s'",
                  b->what, hjtj_error_message(e), b->reason);
    /* the scheme is unchanged */
    ck_assert_str_eq(hjtj_scheme_name(s), "2024");
    ck_assert_int_eq(hjtj_scheme_enetiltak(s), HJTJ_ENETILTAK_UTEN);
    ck_assert_int_eq(hjtj_scheme_samlemalgruppe(s, BIT(HJTJ_MG_DEMENS)), HJTJ_SAMLE_ELDRE_DEMENS);
    hjtj_scheme_free(s);
}
END_TEST

/* Positions deep in a large file (the parser reads ahead in chunks). */
START_TEST(test_bad_file_large)
{
    sbuf b = {NULL, 0, 0};
    hjtj_scheme *s = NULL;
    const hjtj_error *e;
    int i;
    sb_printf(&b, "<skjema xmlns=\"urn:hjtj:skjema:1\">\n");
    for (i = 0; i < 5000; i++)
        sb_printf(&b, "  <!-- linje %d: %s -->\n", i + 2,
                  "fyll fyll fyll fyll fyll fyll fyll fyll fyll fyll fyll fyll fyll");
    sb_printf(&b, "  <asss>0301</asss>   <terskler>3 2 1</terskler>\n   <asss>0301</asss>\n"
                  "</skjema>\n");
    ck_assert_int_eq(hjtj_scheme_new(&s), HJTJ_OK);
    ck_assert_int_eq(hjtj_scheme_load_memory(s, b.s, b.n, "stor.xml"), HJTJ_ERR_SCHEMA);
    e = hjtj_scheme_error(s);
    ck_assert_uint_eq(hjtj_error_line(e), 5003);
    ck_assert_uint_eq(hjtj_error_column(e), 4);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(e), "given twice"));
    hjtj_scheme_free(s);
    free(b.s);
}
END_TEST

START_TEST(test_bad_file_on_disk)
{
    hjtj_scheme *s = NULL;
    const hjtj_error *e;
    char path[] = "/tmp/hjtj-skjema-XXXXXX";
    const char *xml = "<skjema xmlns=\"urn:hjtj:skjema:1\">\n <terskler>5 6 7</terskler>\n"
                      "</skjema>\n";
    int fd = mkstemp(path);
    FILE *f;
    ck_assert_int_ge(fd, 0);
    f = fdopen(fd, "w");
    fputs(xml, f);
    fclose(f);
    ck_assert_int_eq(hjtj_scheme_new(&s), HJTJ_OK);
    ck_assert_int_eq(hjtj_scheme_load_file(s, path), HJTJ_ERR_SCHEMA);
    e = hjtj_scheme_error(s);
    ck_assert_str_eq(hjtj_error_file(e), path);
    ck_assert_uint_eq(hjtj_error_line(e), 2);
    ck_assert_uint_eq(hjtj_error_column(e), 2);
    unlink(path);
    hjtj_scheme_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("scheme");
    TCase *tc = tcase_create("scheme files");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_2024_file_is_builtin);
    tcase_add_test(tc, test_switch_api);
    tcase_add_test(tc, test_switch_enetiltak_uten);
    tcase_add_test(tc, test_switch_administrasjon_2020);
    tcase_add_test(tc, test_switches_both_by_api);
    tcase_add_test(tc, test_element_samlemalgruppe);
    tcase_add_test(tc, test_element_asss);
    tcase_add_test(tc, test_element_terskler);
    tcase_add_test(tc, test_element_boenhetsgrupper);
    tcase_add_test(tc, test_2020_file);
    tcase_add_loop_test(tc, test_bad_files, 0, (int)(sizeof bad / sizeof bad[0]));
    tcase_add_test(tc, test_bad_file_large);
    tcase_add_test(tc, test_bad_file_on_disk);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
