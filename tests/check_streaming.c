/* check_streaming.c — streaming safety on random registers.
 *
 * A register that does not keep its records builds every table from what
 * its declarations gathered as the records loaded (lib/reduce.h).  A table
 * that read a record any other way would get nothing in streaming mode and
 * print other numbers, silently.  Here, for many random registers (rejects,
 * editing rules, records outside the population, several loads with a
 * failed one between them), every table of the catalogue and custom tables
 * over every dimension and measure must print the same CSV from a streaming
 * register as from one that keeps its records.  lib/'s layout keeps this
 * true by construction (tests/layout.sh: the table definitions cannot see a
 * register's records); this test checks the result. */
#include "randreg.h"

#define NSEEDS 16
#define NCUSTOM 12

/* One random record of the list layout into b; now and then one that is
 * rejected (bad orgnr, unknown code, bad boenheter, ingen with another
 * målgruppe) or that an editing rule changes. */
static rng R;
static unsigned rnd(unsigned n)
{
    return rng_below(&R, n);
}

static void add_record(sbuf *b, const hjtj_kommuner *k, const char *orgnr)
{
    char o[10];
    unsigned types, mg, bad = rnd(25);
    memcpy(o, orgnr, 10);
    if (bad == 0)
        o[8] = (char)('0' + (o[8] - '0' + 1) % 10); /* check digit wrong */
    sb_printf(b, "%s,%s,%s,%s,", o,
           hjtj_kommuner_nr(k, rnd(3) == 0 ? rnd(5) : rnd((unsigned)hjtj_kommuner_count(k))),
           bad == 1 ? "offentlig" : rnd(4) ? "kommunal" : "privat",
           hjtj_code(HJTJ_FIELD_STATUS, rnd(6) ? 0 : (int32_t)rnd(5)));
    do
        types = rnd(3) ? (1u << rnd(13)) | (rnd(3) ? 0 : 1u << rnd(13)) : rnd(1u << 13);
    while (types == 0 && rnd(10));
    if (rnd(8) == 0)
        types = 1u; /* kun boligbase: with one boenhet, an enetiltak */
    sb_codes(b, HJTJ_FIELD_VIRKSOMHETSTYPE, types);
    sb_printf(b, ",");
    mg = rnd(10) == 0 ? (1u << 6) : rnd(8) == 0 ? 0 : (rnd(1u << 8) & ~(1u << 6));
    if (bad == 2)
        mg |= 1u << 6 | 1u; /* ingen with demens */
    sb_codes(b, HJTJ_FIELD_MALGRUPPE, mg);
    sb_printf(b, ",");
    sb_codes(b, HJTJ_FIELD_MOTTAR_FRA, rnd(2) ? rnd(16) : 0);
    sb_printf(b, ",");
    sb_codes(b, HJTJ_FIELD_LEVERER_TIL, rnd(2) ? rnd(16) : 0);
    if (bad == 3)
        sb_printf(b, ",tre");
    else if (rnd(4))
        sb_printf(b, ",%u", rnd(3) ? rnd(12) : rnd(70));
    else
        sb_printf(b, ",");
    sb_printf(b, ",%s,%u\n", rnd(4) ? randreg_nk[rnd(8)] : "", rnd(5) == 0);
}

/* A random register of n records as CSV, cut into three files (each with
 * the header); the second file repeats some orgnr of the first. */
static void make_files(sbuf f[3], uint64_t seed, unsigned n)
{
    static const char *head = "orgnr,kommunenr,eierskap,status,virksomhetstyper,malgrupper,"
                              "mottar_fra,leverer_til,boenheter,naeringskode,andre_kommuner\n";
    hjtj_kommuner *k = NULL;
    unsigned i, part;
    char(*org)[10] = malloc(n * sizeof *org);
    ck_assert_ptr_nonnull(org);
    R.s = seed;
    ck_assert_int_eq(hjtj_kommuner_new(&k), HJTJ_OK);
    ck_assert_int_eq(hjtj_kommuner_load_default(k), HJTJ_OK);
    for (part = 0; part < 3; part++) {
        f[part].n = 0;
        sb_printf(&f[part], "%s", head);
    }
    for (i = 0; i < n; i++) {
        part = i < n / 3 ? 0 : i < 2 * n / 3 ? 1 : 2;
        /* distinct orgnr: i in the digits before the check digit */
        snprintf(org[i], 10, "%u%07u", 1 + rnd(8), i * 10 + rnd(10));
        while (orgnr_complete(org[i]) != 0)
            org[i][7] = (char)('0' + (org[i][7] - '0' + 1) % 10);
        /* now and then an orgnr of the first file again in the second */
        add_record(&f[part], k, part == 1 && rnd(30) == 0 ? org[i - n / 3] : org[i]);
    }
    free(org);
    hjtj_kommuner_free(k);
}

static char *table_csv(const hjtj_register *reg, const char *id, const hjtj_crosstab *ct)
{
    hjtj_table *t = NULL;
    char *csv = NULL;
    size_t n;
    hjtj_status st;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    st = ct ? hjtj_table_build_crosstab(t, reg, ct) : hjtj_table_build(t, reg, id);
    ck_assert_msg(st == HJTJ_OK, "table %s: %s", id, hjtj_error_message(hjtj_table_error(t)));
    ck_assert_int_eq(hjtj_table_to_string(t, HJTJ_FORMAT_CSV, &csv, &n), HJTJ_OK);
    hjtj_table_free(t);
    return csv;
}

/* A random custom table over the dimensions the library lists. */
static hjtj_crosstab *random_crosstab(void)
{
    static const char *const measures[] = {"antall", "andel-rad", "andel-kolonne",
                                           "andel-total", "sum:boenheter",
                                           "gjennomsnitt:boenheter", "median:boenheter"};
    static const char *const pops[] = {"populasjon", "aktiv", "alle"};
    const char *dims[64];
    size_t nd = 0;
    hjtj_crosstab *ct = NULL;
    while (nd < 64 && (dims[nd] = hjtj_crosstab_dimension_name(nd)) != NULL)
        nd++;
    ck_assert_uint_ge(nd, 20);
    ck_assert_int_eq(hjtj_crosstab_new(&ct), HJTJ_OK);
    ck_assert_int_eq(hjtj_crosstab_set_rows(ct, dims[rnd((unsigned)nd)]), HJTJ_OK);
    if (rnd(3))
        ck_assert_int_eq(hjtj_crosstab_set_cols(ct, dims[rnd((unsigned)nd)]), HJTJ_OK);
    if (rnd(3) == 0)
        ck_assert_int_eq(hjtj_crosstab_add_where(ct, "eierskap", rnd(2) ? "privat" : "kommunal"),
                         HJTJ_OK);
    if (rnd(4) == 0)
        ck_assert_int_eq(hjtj_crosstab_add_where(ct, "malgruppe", "demens,utviklingshemning"),
                         HJTJ_OK);
    ck_assert_int_eq(hjtj_crosstab_set_population(ct, pops[rnd(3)]), HJTJ_OK);
    ck_assert_int_eq(hjtj_crosstab_set_measure(ct, measures[rnd(7)]), HJTJ_OK);
    return ct;
}

/* Every table of a random register of about n records (in three files)
 * kept and streamed. */
static void compare_kept_streamed(uint64_t seed, unsigned n)
{
    static const char *bad = "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\"><tull/></kartlegging>";
    sbuf f[3] = {{0}};
    hjtj_register *kept = NULL, *st = NULL;
    hjtj_crosstab *ct[NCUSTOM];
    size_t i, part, differ = 0;

    make_files(f, seed, n);
    R.s = seed * 7 + 1;
    for (i = 0; i < NCUSTOM; i++)
        ct[i] = random_crosstab();
    ck_assert_int_eq(hjtj_register_new(&kept), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_new(&st), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_keep_records(st, 0), HJTJ_OK);
    for (i = 0; i < NCUSTOM; i++)
        ck_assert_int_eq(hjtj_register_add_crosstab(st, ct[i]), HJTJ_OK);
    for (part = 0; part < 3; part++) {
        char name[16];
        snprintf(name, sizeof name, "del%zu.csv", part + 1);
        ck_assert_int_eq(hjtj_register_load_memory(kept, f[part].s, f[part].n, name), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_load_memory(st, f[part].s, f[part].n, name), HJTJ_OK);
        if (part == 0) /* a failed load leaves no trace in either */
            ck_assert_int_eq(hjtj_register_load_memory(st, bad, strlen(bad), "bad.xml"),
                             HJTJ_ERR_SCHEMA);
    }
    ck_assert_uint_eq(hjtj_register_count(st), hjtj_register_count(kept));
    ck_assert_uint_eq(hjtj_register_reject_count(st), hjtj_register_reject_count(kept));
    ck_assert_uint_gt(hjtj_register_reject_count(kept), 0);
    ck_assert_uint_gt(hjtj_register_count(kept), 200);
    ck_assert(n < 180000 || hjtj_register_count(kept) >= (size_t)1 << 17);
    ck_assert_ptr_null(hjtj_register_record(st, 0));
    for (i = 0; i < hjtj_catalog_count(); i++) {
        char *a = table_csv(kept, hjtj_catalog_id(i), NULL);
        char *b = table_csv(st, hjtj_catalog_id(i), NULL);
        if (strcmp(a, b) != 0) {
            fprintf(stderr, "seed %llu: table %s differs\n--- kept\n%s--- streamed\n%s",
                    (unsigned long long)seed, hjtj_catalog_id(i), a, b);
            differ++;
        }
        hjtj_free(a);
        hjtj_free(b);
    }
    for (i = 0; i < NCUSTOM; i++) {
        char *a = table_csv(kept, "custom", ct[i]), *b = table_csv(st, "custom", ct[i]);
        if (strcmp(a, b) != 0) {
            fprintf(stderr, "seed %llu: custom table %zu differs\n--- kept\n%s--- streamed\n%s",
                    (unsigned long long)seed, i, a, b);
            differ++;
        }
        hjtj_free(a);
        hjtj_free(b);
        hjtj_crosstab_free(ct[i]);
    }
    ck_assert_uint_eq(differ, 0);
    hjtj_register_free(kept);
    hjtj_register_free(st);
    for (part = 0; part < 3; part++)
        free(f[part].s);
}

START_TEST(streaming_equals_kept_random)
{
    compare_kept_streamed(1000 + (uint64_t)_i, 300 + 40 * (unsigned)_i);
}
END_TEST

/* A register big enough (2^17 kept records and more) that its tables are
 * gathered by two threads, each over half of the records, and loaded in
 * two parts (HJTJ_SPLIT_MIN=1): the same tables as streamed. */
START_TEST(streaming_equals_kept_big)
{
    setenv("HJTJ_SPLIT_MIN", "1", 1);
    compare_kept_streamed(4242, 180000);
    unsetenv("HJTJ_SPLIT_MIN");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("streaming");
    TCase *tc = tcase_create("random registers");
    SRunner *sr;
    int failed;
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, streaming_equals_kept_random, 0, NSEEDS);
    tcase_add_test(tc, streaming_equals_kept_big);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
