/* check_core.c — codes, the editing rules and the classification (SPEC §4),
 * each rule at its edges, through the public API. */
#include "c1_data.h"
#include "testutil.h"

#define KOMMUNER_XML                                                                         \
    "<kommuner referansedato=\"2025-01-01\">"                                                \
    "<kommune nr=\"0301\" navn=\"Oslo\" innbyggere=\"724290\"/>"                             \
    "<kommune nr=\"9001\" navn=\"Tjue\" innbyggere=\"20000\"/>"                              \
    "<kommune nr=\"9002\" navn=\"Nesten tjue\" innbyggere=\"19999\"/>"                       \
    "<kommune nr=\"9003\" navn=\"Ti\" innbyggere=\"10000\"/>"                                \
    "<kommune nr=\"9004\" navn=\"Nesten ti\" innbyggere=\"9999\"/>"                          \
    "<kommune nr=\"9005\" navn=\"Fem\" innbyggere=\"5000\"/>"                                \
    "<kommune nr=\"9006\" navn=\"Nesten fem\" innbyggere=\"4999\"/>"                         \
    "</kommuner>"

/* Load one active record and return it (the register is kept in *out). */
static const hjtj_record *one(hjtj_register **out, const char *kommunenr, const char *types,
                              const char *mg, const char *boenheter)
{
    char xml[4096];
    hjtj_register *reg;
    snprintf(xml, sizeof xml,
             "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\">" KOMMUNER_XML
             "<virksomhet orgnr=\"100000008\" kommunenr=\"%s\" eierskap=\"kommunal\">"
             "<virksomhetstyper>%s</virksomhetstyper><malgrupper>%s</malgrupper>%s%s%s"
             "</virksomhet></kartlegging>",
             kommunenr, types, mg, boenheter ? "<boenheter>" : "", boenheter ? boenheter : "",
             boenheter ? "</boenheter>" : "");
    reg = load_string(xml, HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 0);
    ck_assert_uint_eq(hjtj_register_count(reg), 1);
    *out = reg;
    return hjtj_register_record(reg, 0);
}

static const char *cls(const hjtj_record *r, hjtj_field f)
{
    int32_t v = hjtj_record_class(r, f);
    return v < 0 ? "" : hjtj_code(f, v);
}

/* Classify (types, målgrupper) and compare kategori/samlemålgruppe codes. */
static void expect(const char *types, const char *mg, const char *hoved, const char *ht,
                   const char *kat)
{
    hjtj_register *reg;
    const hjtj_record *r = one(&reg, "0301", types, mg, NULL);
    ck_assert_msg(strcmp(cls(r, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE), hoved) == 0,
                  "%s: hoved %s, expected %s", types, cls(r, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE),
                  hoved);
    ck_assert_msg(strcmp(cls(r, HJTJ_FIELD_HT_SAMMENSETNING), ht) == 0, "%s: ht %s, expected %s",
                  types, cls(r, HJTJ_FIELD_HT_SAMMENSETNING), ht);
    ck_assert_msg(strcmp(cls(r, HJTJ_FIELD_KATEGORI), kat) == 0, "%s: kategori %s, expected %s",
                  types, cls(r, HJTJ_FIELD_KATEGORI), kat);
    hjtj_register_free(reg);
}

START_TEST(test_version)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%d.%d.%d", HJTJ_VERSION_MAJOR, HJTJ_VERSION_MINOR,
             HJTJ_VERSION_PATCH);
    ck_assert_str_eq(hjtj_version(), buf);
}
END_TEST

START_TEST(test_codes)
{
    ck_assert_int_eq(hjtj_field_size(HJTJ_FIELD_VIRKSOMHETSTYPE), 13);
    ck_assert_int_eq(hjtj_field_size(HJTJ_FIELD_MALGRUPPE), 8);
    ck_assert_int_eq(hjtj_field_size(HJTJ_FIELD_KATEGORI), 10);
    ck_assert_str_eq(hjtj_code(HJTJ_FIELD_KATEGORI, HJTJ_KAT_TO_ELLER_FLERE_HT),
                     "to-eller-flere-ht");
    ck_assert_str_eq(hjtj_code(HJTJ_FIELD_ANTALL_MALGRUPPER, HJTJ_ANTALL_3_ELLER_FLERE), "3+");
    ck_assert_str_eq(hjtj_code(HJTJ_FIELD_KOMMUNESTORRELSE, HJTJ_KSTR_20000_PLUSS), "20000+");
    ck_assert_str_eq(hjtj_label(HJTJ_FIELD_SAMLEMALGRUPPE, HJTJ_SAMLE_ELDRE_DEMENS, HJTJ_LANG_NB),
                     "Eldre og/eller demens");
    ck_assert_str_eq(hjtj_label(HJTJ_FIELD_SAMLEMALGRUPPE, HJTJ_SAMLE_ELDRE_DEMENS, HJTJ_LANG_EN),
                     "Elderly and/or dementia");
    ck_assert_int_eq(hjtj_code_parse(HJTJ_FIELD_VIRKSOMHETSTYPE, "amb-praktisk"),
                     HJTJ_TYPE_AMB_PRAKTISK);
    ck_assert_int_eq(hjtj_code_parse(HJTJ_FIELD_VIRKSOMHETSTYPE, "amb"), -1);
    ck_assert_ptr_null(hjtj_code(HJTJ_FIELD_KATEGORI, 10));
    ck_assert_ptr_null(hjtj_code((hjtj_field)99, 0));
    ck_assert_str_eq(hjtj_strerror(HJTJ_ERR_DOCTYPE), "DOCTYPE not allowed");
    ck_assert_str_eq(hjtj_strerror((hjtj_status)999), "unknown status");
    ck_assert_str_eq(hjtj_reason_code(HJTJ_REASON_DUPLICATE_ORGNR), "duplicate-orgnr");
}
END_TEST

/* Every cell of Table 3.4: pure enterprises with one or two HT types. */
START_TEST(test_table_3_4_pairs)
{
    static const char *ht[] = {"boligbase", "amb-helse", "amb-praktisk", "bpa",
                               "annen-hjemmetjeneste"};
    static const char *single[] = {"kun-boligbase", "kun-amb-helse", "kun-amb-praktisk",
                                   "kun-bpa", "kun-annen-hjemmetjeneste"};
    int a, b;
    char types[128];
    for (a = 0; a < 5; a++) {
        expect(ht[a], "demens", "rene-brukerrettede", single[a], single[a]);
        for (b = 0; b < a; b++) {
            int begge = (a == 2 && b == 1);
            snprintf(types, sizeof types, "%s %s", ht[a], ht[b]);
            expect(types, "demens", "rene-brukerrettede", begge ? "kun-amb-begge" : "to-typer",
                   begge ? "kun-amb-begge" : "to-eller-flere-ht");
        }
        snprintf(types, sizeof types, "enetiltak %s", ht[a]);
        expect(types, "demens", "rene-brukerrettede", "enetiltak", "enetiltak");
    }
    expect("enetiltak", "demens", "rene-brukerrettede", "enetiltak", "enetiltak");
    /* the two amb types count as two: with a third HT type it is 3+ */
    expect("amb-helse amb-praktisk bpa", "demens", "rene-brukerrettede", "tre-eller-flere",
           "to-eller-flere-ht");
    expect("boligbase amb-helse amb-praktisk bpa annen-hjemmetjeneste", "demens",
           "rene-brukerrettede", "tre-eller-flere", "to-eller-flere-ht");
}
END_TEST

START_TEST(test_hovedvirksomhetstype_edges)
{
    /* administration first: ADM with annen-hjemmetjeneste / annen-virksomhet */
    expect("administrasjon annen-hjemmetjeneste annen-virksomhet", "demens", "administrasjon",
           "", "administrasjon");
    expect("bestillerkontor annen-hjemmetjeneste", "demens", "administrasjon", "",
           "administrasjon");
    expect("ressursenhet", "demens", "administrasjon", "", "administrasjon");
    /* ADM with an HT* type: pure (ADM allowed) */
    expect("administrasjon boligbase", "demens", "rene-brukerrettede", "kun-boligbase",
           "kun-boligbase");
    /* ADM with an AT' type and no HT: not home care */
    expect("administrasjon sykehjem", "demens", "utenfor", "", "");
    /* ADM + AT' + HT: combined */
    expect("administrasjon sykehjem boligbase", "demens", "kombinert-annen", "kun-boligbase",
           "kombinert-annen");
    /* annen-virksomhet alone: not home care */
    expect("annen-virksomhet", "demens", "utenfor", "", "");
    /* annen-hjemmetjeneste + annen-virksomhet: combined */
    expect("annen-hjemmetjeneste annen-virksomhet", "demens", "kombinert-annen",
           "kun-annen-hjemmetjeneste", "kombinert-annen");
    /* AT composition */
    {
        hjtj_register *reg;
        const hjtj_record *r = one(&reg, "0301", "boligbase dagaktivitet", "demens", "4");
        ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_AT_SAMMENSETNING),
                         HJTJ_AT_KUN_DAGAKTIVITET);
        hjtj_register_free(reg);
        r = one(&reg, "0301", "bpa sykehjem annen-virksomhet", "demens", NULL);
        ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_AT_SAMMENSETNING),
                         HJTJ_AT_TO_ELLER_FLERE);
        ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_ADM_SAMMENSETNING), -1);
        hjtj_register_free(reg);
        r = one(&reg, "0301", "administrasjon bestillerkontor", "demens", NULL);
        ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_ADM_SAMMENSETNING),
                         HJTJ_ADM_TO_ELLER_FLERE);
        hjtj_register_free(reg);
    }
}
END_TEST

START_TEST(test_kommunestorrelse_edges)
{
    static const struct {
        const char *nr;
        const char *code;
    } cases[] = {{"0301", "asss"},       {"9001", "20000+"},    {"9002", "10000-19999"},
                 {"9003", "10000-19999"}, {"9004", "5000-9999"}, {"9005", "5000-9999"},
                 {"9006", "under-5000"}};
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hjtj_register *reg;
        const hjtj_record *r = one(&reg, cases[i].nr, "bpa", "demens", NULL);
        ck_assert_str_eq(cls(r, HJTJ_FIELD_KOMMUNESTORRELSE), cases[i].code);
        hjtj_register_free(reg);
    }
}
END_TEST

START_TEST(test_boenheter_edges)
{
    hjtj_register *reg;
    const hjtj_record *r;
    /* 0 boenheter: stays boligbase, not botilbud */
    r = one(&reg, "0301", "boligbase", "demens", "0");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_KATEGORI), "kun-boligbase");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_BOTILBUD), "0");
    ck_assert_int_eq(hjtj_record_boenheter_counted(r), 0);
    ck_assert_uint_eq(hjtj_record_edits(r), 0);
    hjtj_register_free(reg);
    /* 1 boenhet: enetiltak (4.1.1) */
    r = one(&reg, "0301", "boligbase", "demens", "1");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_KATEGORI), "enetiltak");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_BOTILBUD), "0");
    ck_assert_uint_eq(hjtj_record_types(r), 1u << HJTJ_TYPE_ENETILTAK);
    ck_assert_uint_eq(hjtj_record_types_given(r), 1u << HJTJ_TYPE_BOLIGBASE);
    ck_assert_uint_eq(hjtj_record_edits(r), 1u << HJTJ_EDIT_EN_BOENHET_ENETILTAK);
    hjtj_register_free(reg);
    /* 1 boenhet with another type: enetiltak alone (4.1.1 then 4.1.4) */
    r = one(&reg, "0301", "boligbase amb-helse sykehjem", "demens", "1");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE), "rene-brukerrettede");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_KATEGORI), "enetiltak");
    ck_assert_uint_eq(hjtj_record_edits(r), (1u << HJTJ_EDIT_EN_BOENHET_ENETILTAK) |
                                                (1u << HJTJ_EDIT_ENETILTAK_ALENE));
    hjtj_register_free(reg);
    /* 2 boenheter: botilbud, band 2-5 */
    r = one(&reg, "0301", "boligbase", "demens", "2");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_BOTILBUD), "1");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_STORRELSE), "2-5");
    ck_assert_int_eq(hjtj_record_boenheter_counted(r), 2);
    hjtj_register_free(reg);
    /* band edges */
    r = one(&reg, "0301", "boligbase", "demens", "50");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_STORRELSE), "46-50");
    hjtj_register_free(reg);
    r = one(&reg, "0301", "boligbase bpa", "demens", "51");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_STORRELSE), "51+");
    hjtj_register_free(reg);
    /* no boenheter: 0 (4.1.5), recorded */
    r = one(&reg, "0301", "boligbase", "demens", NULL);
    ck_assert_int_eq(hjtj_record_boenheter(r), -1);
    ck_assert_str_eq(cls(r, HJTJ_FIELD_BOTILBUD), "0");
    ck_assert_uint_eq(hjtj_record_edits(r), 1u << HJTJ_EDIT_BOLIGBASE_UTEN_BOENHETER);
    hjtj_register_free(reg);
    /* boenheter without boligbase: kept, counts nowhere */
    r = one(&reg, "0301", "amb-helse", "demens", "7");
    ck_assert_int_eq(hjtj_record_boenheter(r), 7);
    ck_assert_int_eq(hjtj_record_boenheter_counted(r), 0);
    ck_assert_str_eq(cls(r, HJTJ_FIELD_BOTILBUD), "0");
    ck_assert_uint_eq(hjtj_record_edits(r), 1u << HJTJ_EDIT_BOENHETER_UTEN_BOLIGBASE);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(test_malgruppe_edges)
{
    hjtj_register *reg;
    const hjtj_record *r;
    /* annen alone: outside the clusters, one målgruppe */
    r = one(&reg, "0301", "bpa", "annen", NULL);
    ck_assert_str_eq(cls(r, HJTJ_FIELD_SAMLEMALGRUPPE), "utenfor");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_ANTALL_MALGRUPPER), "1");
    hjtj_register_free(reg);
    /* no målgruppe: ingen, counted as 3+ */
    r = one(&reg, "0301", "bpa", "", NULL);
    ck_assert_uint_eq(hjtj_record_malgrupper(r), 1u << HJTJ_MG_INGEN);
    ck_assert_uint_eq(hjtj_record_malgrupper_given(r), 0);
    ck_assert_uint_eq(hjtj_record_edits(r), 1u << HJTJ_EDIT_INGEN_MALGRUPPE);
    ck_assert_str_eq(cls(r, HJTJ_FIELD_SAMLEMALGRUPPE), "utenfor");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_ANTALL_MALGRUPPER), "3+");
    hjtj_register_free(reg);
    /* annen is dropped before the exact match */
    r = one(&reg, "0301", "bpa", "utviklingshemning annen", NULL);
    ck_assert_str_eq(cls(r, HJTJ_FIELD_SAMLEMALGRUPPE), "utviklingshemning");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_ANTALL_MALGRUPPER), "2");
    hjtj_register_free(reg);
    /* a combination the report never placed: our reading puts it outside */
    r = one(&reg, "0301", "bpa", "demens rusproblemer", NULL);
    ck_assert_str_eq(cls(r, HJTJ_FIELD_SAMLEMALGRUPPE), "utenfor");
    hjtj_register_free(reg);
}
END_TEST

static const char *mg_codes(unsigned mg, char *buf, size_t cap)
{
    int i;
    buf[0] = '\0';
    for (i = 0; i < 8; i++)
        if (mg & (1u << i)) {
            strncat(buf, hjtj_code(HJTJ_FIELD_MALGRUPPE, i), cap - strlen(buf) - 2);
            strcat(buf, " ");
        }
    return buf;
}

/* All 75 rows of Table C1: samlemålgruppe and the count class. */
START_TEST(test_c1_rows)
{
    size_t i;
    char mg[256];
    for (i = 0; i < C1_NROWS; i++) {
        hjtj_register *reg;
        const hjtj_record *r = one(&reg, "0301", "bpa", mg_codes(c1_rows[i].mg, mg, sizeof mg),
                                   NULL);
        int antall = c1_rows[i].antall == 7 ? HJTJ_ANTALL_3_ELLER_FLERE
                     : c1_rows[i].antall >= 3 ? HJTJ_ANTALL_3_ELLER_FLERE
                                              : c1_rows[i].antall - 1;
        ck_assert_msg(hjtj_record_class(r, HJTJ_FIELD_SAMLEMALGRUPPE) == c1_rows[i].samle,
                      "C1 row %zu (%s): samlemålgruppe %s", i + 1, mg,
                      cls(r, HJTJ_FIELD_SAMLEMALGRUPPE));
        ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_ANTALL_MALGRUPPER), antall);
        hjtj_register_free(reg);
    }
}
END_TEST

/* The scheme object: built-in values, and loading another scheme. */
START_TEST(test_scheme)
{
    hjtj_scheme *s = NULL;
    hjtj_register *reg;
    const char *xml2020 =
        "<skjema xmlns=\"urn:hjtj:skjema:1\" navn=\"prov\">"
        "<samlemalgruppe kode=\"eldre-demens\"><sett>demens</sett><sett>bevegelse-0-66 "
        "bevegelse-67</sett></samlemalgruppe>"
        "<asss>0301</asss><terskler>40000 10000 5000</terskler>"
        "<boenhetsgrupper>2 10</boenhetsgrupper></skjema>";
    const char *reg_xml =
        "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\">"
        "<virksomhet orgnr=\"100000008\" kommunenr=\"3101\" eierskap=\"kommunal\">"
        "<virksomhetstyper>boligbase</virksomhetstyper><malgrupper>bevegelse-0-66 "
        "bevegelse-67</malgrupper><boenheter>12</boenheter></virksomhet></kartlegging>";
    const hjtj_record *r;

    ck_assert_int_eq(hjtj_scheme_new(&s), HJTJ_OK);
    ck_assert_str_eq(hjtj_scheme_name(s), "2024");
    ck_assert_int_eq(hjtj_scheme_band_count(s), 11);
    ck_assert_int_eq(hjtj_scheme_band_of(s, 1), -1);
    ck_assert_int_eq(hjtj_scheme_band_of(s, 5), 0);
    ck_assert_int_eq(hjtj_scheme_band_of(s, 6), 1);
    ck_assert_int_eq(hjtj_scheme_samlemalgruppe(s, (1u << HJTJ_MG_BEVEGELSE_0_66) |
                                                       (1u << HJTJ_MG_BEVEGELSE_67)),
                     HJTJ_SAMLE_BEVEGELSESHEMNING);
    ck_assert_int_eq(hjtj_scheme_load_memory(s, "<skjema/>", 9, "bad"), HJTJ_ERR_SCHEMA);
    ck_assert_str_eq(hjtj_scheme_name(s), "2024"); /* unchanged */
    ck_assert_int_eq(hjtj_scheme_load_memory(s, "<!DOCTYPE x><skjema/>", 21, "dt"),
                     HJTJ_ERR_DOCTYPE);
    ck_assert_int_eq(hjtj_scheme_load_memory(s, xml2020, strlen(xml2020), "prov.xml"), HJTJ_OK);
    ck_assert_str_eq(hjtj_scheme_name(s), "prov");
    ck_assert_int_eq(hjtj_scheme_band_count(s), 2);

    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_scheme(reg, s), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, reg_xml, strlen(reg_xml), "r"), HJTJ_OK);
    r = hjtj_register_record(reg, 0);
    /* Halden (32 038 inhabitants) is 20000+ under the built-in scheme, and
     * in the second class under thresholds 40000/10000/5000 */
    ck_assert_str_eq(cls(r, HJTJ_FIELD_KOMMUNESTORRELSE), "10000-19999");
    ck_assert_str_eq(cls(r, HJTJ_FIELD_SAMLEMALGRUPPE), "eldre-demens");
    ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_STORRELSE), 1);
    /* too late to change the scheme */
    ck_assert_int_eq(hjtj_register_set_scheme(reg, s), HJTJ_ERR_STATE);
    hjtj_register_free(reg);
    hjtj_scheme_free(s);
}
END_TEST

START_TEST(test_inactive_records)
{
    /* non-active records are loaded (for Tables 2.2/2.3) but not classified,
     * and do not need types */
    hjtj_register *reg = load_string(
        "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\">"
        "<virksomhet orgnr=\"100000008\" kommunenr=\"0301\" eierskap=\"privat\" "
        "status=\"ikke-innrapportert\"/>"
        "<virksomhet orgnr=\"100000016\" kommunenr=\"0301\" eierskap=\"privat\" "
        "status=\"opphort\"><malgrupper>ingen demens</malgrupper></virksomhet>"
        "</kartlegging>",
        HJTJ_OK);
    const hjtj_record *r = hjtj_register_record(reg, 0);
    ck_assert_uint_eq(hjtj_register_count(reg), 2);
    ck_assert_int_eq(hjtj_record_status(r), HJTJ_STATUS_IKKE_INNRAPPORTERT);
    ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_KATEGORI), -1);
    ck_assert_int_eq(hjtj_record_in_population(r), 0);
    hjtj_register_free(reg);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("core");
    TCase *tc = tcase_create("classification");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_version);
    tcase_add_test(tc, test_codes);
    tcase_add_test(tc, test_table_3_4_pairs);
    tcase_add_test(tc, test_hovedvirksomhetstype_edges);
    tcase_add_test(tc, test_kommunestorrelse_edges);
    tcase_add_test(tc, test_boenheter_edges);
    tcase_add_test(tc, test_malgruppe_edges);
    tcase_add_test(tc, test_c1_rows);
    tcase_add_test(tc, test_scheme);
    tcase_add_test(tc, test_inactive_records);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
