/* check_load.c — the file formats (SPEC §3): XML, CSV in both layouts, the
 * municipality table, bad records and bad files. */
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "testutil.h"

#include <unistd.h>

#define HEAD "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\" aargang=\"2024\">\n"
#define TAIL "</kartlegging>\n"
#define REC(orgnr, extra)                                                                    \
    "<virksomhet orgnr=\"" orgnr "\" kommunenr=\"0301\" eierskap=\"kommunal\"" extra ">"     \
    "<virksomhetstyper>boligbase</virksomhetstyper><malgrupper>demens</malgrupper>"          \
    "<boenheter>4</boenheter></virksomhet>\n"

static void assert_reject(const hjtj_register *reg, size_t i, hjtj_reason reason, uint64_t line,
                          const char *orgnr)
{
    const hjtj_diag *d = hjtj_register_reject(reg, i);
    ck_assert_ptr_nonnull(d);
    ck_assert_msg(hjtj_diag_reason(d) == reason, "reject %zu: reason %s (%s), expected %s", i,
                  hjtj_reason_code(hjtj_diag_reason(d)), hjtj_diag_message(d),
                  hjtj_reason_code(reason));
    ck_assert_uint_eq(hjtj_diag_line(d), line);
    ck_assert_str_eq(hjtj_diag_orgnr(d), orgnr);
    ck_assert_str_eq(hjtj_diag_file(d), "test");
    ck_assert(strlen(hjtj_diag_message(d)) > 0);
}

static void assert_reconciles(const hjtj_register *reg)
{
    ck_assert_uint_eq(hjtj_register_read_count(reg),
                      hjtj_register_count(reg) + hjtj_register_reject_count(reg));
}

/* Each class of bad record is rejected with its line and reason; the good
 * records around it load. */
START_TEST(test_bad_records_xml)
{
    hjtj_register *reg = load_string(
        HEAD REC("100000008", "")                                        /* line 2 ok */
        REC("100000009", "")                                             /* 3 check digit */
        "<virksomhet orgnr=\"100000016\" kommunenr=\"0301\" eierskap=\"kommunal\">"
        "<virksomhetstyper>bolig</virksomhetstyper></virksomhet>\n"       /* 4 unknown type */
        "<virksomhet orgnr=\"100000024\" kommunenr=\"0301\" eierskap=\"kommunal\">"
        "<virksomhetstyper>bpa</virksomhetstyper><malgrupper>ingen demens</malgrupper>"
        "</virksomhet>\n"                                                 /* 5 ingen+other */
        "<virksomhet orgnr=\"100000032\" kommunenr=\"0301\" eierskap=\"kommunal\">"
        "<virksomhetstyper>boligbase</virksomhetstyper><boenheter>-3</boenheter>"
        "</virksomhet>\n"                                                 /* 6 negative */
        "<virksomhet orgnr=\"100000040\" kommunenr=\"0301\" eierskap=\"kommunal\">"
        "<virksomhetstyper>boligbase</virksomhetstyper><boenheter>mange</boenheter>"
        "</virksomhet>\n"                                                 /* 7 non-numeric */
        "<virksomhet orgnr=\"100000059\" kommunenr=\"9999\" eierskap=\"kommunal\">"
        "<virksomhetstyper>bpa</virksomhetstyper></virksomhet>\n"        /* 8 kommunenr */
        REC("100000008", "")                                             /* 9 duplicate */
        "<virksomhet orgnr=\"100000067\" kommunenr=\"0301\">"
        "<virksomhetstyper>bpa</virksomhetstyper></virksomhet>\n"        /* 10 no eierskap */
        "<virksomhet orgnr=\"100000075\" kommunenr=\"0301\" eierskap=\"kommunal\">"
        "<malgrupper>demens</malgrupper></virksomhet>\n"                 /* 11 no type */
        "<virksomhet orgnr=\"100000083\" kommunenr=\"0301\" eierskap=\"felles\">"
        "<virksomhetstyper>bpa</virksomhetstyper></virksomhet>\n"        /* 12 eierskap */
        "<virksomhet orgnr=\"100000091\" kommunenr=\"0301\" eierskap=\"kommunal\">"
        "<virksomhetstyper>boligbase</virksomhetstyper><boenheter>100001</boenheter>"
        "</virksomhet>\n"                                                 /* 13 absurd */
        "<virksomhet orgnr=\"100000105\" kommunenr=\"0301\" eierskap=\"kommunal\">"
        "<virksomhetstyper>bpa</virksomhetstyper><navn>a\x7f" "b</navn></virksomhet>\n" /* 14 */
        REC("100000113", " status=\"aktiv\"")                            /* 15 ok */
        TAIL,
        HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_read_count(reg), 14);
    ck_assert_uint_eq(hjtj_register_count(reg), 2);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 12);
    assert_reconciles(reg);
    assert_reject(reg, 0, HJTJ_REASON_ORGNR, 3, "100000009");
    assert_reject(reg, 1, HJTJ_REASON_UNKNOWN_CODE, 4, "100000016");
    assert_reject(reg, 2, HJTJ_REASON_INGEN_WITH_OTHER, 5, "100000024");
    assert_reject(reg, 3, HJTJ_REASON_BOENHETER, 6, "100000032");
    assert_reject(reg, 4, HJTJ_REASON_BOENHETER, 7, "100000040");
    assert_reject(reg, 5, HJTJ_REASON_KOMMUNENR, 8, "100000059");
    assert_reject(reg, 6, HJTJ_REASON_DUPLICATE_ORGNR, 9, "100000008");
    assert_reject(reg, 7, HJTJ_REASON_MISSING_FIELD, 10, "100000067");
    assert_reject(reg, 8, HJTJ_REASON_NO_TYPE, 11, "100000075");
    assert_reject(reg, 9, HJTJ_REASON_UNKNOWN_CODE, 12, "100000083");
    assert_reject(reg, 10, HJTJ_REASON_BOENHETER, 13, "100000091");
    assert_reject(reg, 11, HJTJ_REASON_CONTROL_CHAR, 14, "100000105");
    ck_assert_str_eq(hjtj_record_orgnr(hjtj_register_record(reg, 1)), "100000113");
    ck_assert_uint_eq(hjtj_record_line(hjtj_register_record(reg, 1)), 15);
    ck_assert_ptr_nonnull(hjtj_register_find(reg, "100000113"));
    ck_assert_ptr_null(hjtj_register_find(reg, "100000016"));
    hjtj_register_free(reg);
}
END_TEST

/* The message of the last assert_file_error. */
static char last_message[512];

/* A file that cannot be read as a whole: status, line and column, and no
 * records. */
static void assert_file_error(const char *data, size_t len, hjtj_status st, uint64_t line,
                              uint64_t col)
{
    hjtj_register *reg = NULL;
    const hjtj_error *e;
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, data, len, "bad"), st);
    e = hjtj_register_error(reg);
    ck_assert_int_eq(hjtj_error_status(e), st);
    ck_assert_str_eq(hjtj_error_file(e), "bad");
    ck_assert_msg(hjtj_error_line(e) == line, "line %llu, expected %llu (%s)",
                  (unsigned long long)hjtj_error_line(e), (unsigned long long)line,
                  hjtj_error_message(e));
    if (col)
        ck_assert_msg(hjtj_error_column(e) == col, "column %llu, expected %llu (%s)",
                      (unsigned long long)hjtj_error_column(e), (unsigned long long)col,
                      hjtj_error_message(e));
    ck_assert(strlen(hjtj_error_message(e)) > 0);
    snprintf(last_message, sizeof last_message, "%s", hjtj_error_message(e));
    ck_assert_uint_eq(hjtj_register_count(reg), 0);
    ck_assert_uint_eq(hjtj_register_read_count(reg), 0);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 0);
    hjtj_register_free(reg);
}

#define S(x) x, sizeof(x) - 1

START_TEST(test_bad_files)
{
    assert_file_error(S(""), HJTJ_ERR_EMPTY, 1, 1);
    assert_file_error(S("\xEF\xBB\xBF \n"), HJTJ_ERR_EMPTY, 1, 1);
    assert_file_error(S("orgnr,kommunenr\n\xC3\x28,1\n"), HJTJ_ERR_ENCODING, 2, 1);
    /* DOCTYPE, also with entities (billion laughs) and external ones */
    assert_file_error(S("<?xml version=\"1.0\"?>\n<!DOCTYPE kartlegging [\n<!ENTITY a \"aaaa\">\n"
                        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;\">]>\n<kartlegging/>"),
                      HJTJ_ERR_DOCTYPE, 2, 1);
    assert_file_error(S("<!DOCTYPE k SYSTEM \"http://example.invalid/k.dtd\"><k/>"),
                      HJTJ_ERR_DOCTYPE, 1, 1);
    assert_file_error(S("<!-- c -->\n  <!DOCTYPE k [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        "<k>&x;</k>"),
                      HJTJ_ERR_DOCTYPE, 2, 3);
    /* wrong root, malformed, schema */
    assert_file_error(S("<register/>"), HJTJ_ERR_SCHEMA, 1, 0);
    assert_file_error(S(HEAD REC("100000008", "") "<virksomhet orgnr=\"1\">\n"),
                      HJTJ_ERR_SYNTAX, 3, 0);
    assert_file_error(S(HEAD REC("100000008", "") "<tull/>\n" TAIL), HJTJ_ERR_SCHEMA, 3, 0);
    assert_file_error(S(HEAD "<virksomhet orgnr=\"100000008\"><navn>a</navn><navn>b</navn>"
                             "</virksomhet>\n" TAIL),
                      HJTJ_ERR_SCHEMA, 2, 0);
    /* CSV: missing columns, unbalanced quote */
    assert_file_error(S("orgnr,kommunenr\n100000008,0301\n"), HJTJ_ERR_SCHEMA, 1, 1);
    assert_file_error(S("orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper\n"
                        "100000008,0301,kommunal,\"bpa,demens\n"),
                      HJTJ_ERR_SYNTAX, 2, 25);
}
END_TEST

/* The loading pass checks the XSD's rules itself and leaves to libxml2's
 * validator what it cannot accept for certain: each document has the same
 * outcome (status, error line, counts) with the validator run on every
 * document (HJTJ_XSD_ALWAYS) as in the default mode. */
static void assert_schema_outcome(const char *doc, hjtj_status st, uint64_t line, size_t loaded)
{
    int mode;
    for (mode = HJTJ_XSD_AUTO; mode <= HJTJ_XSD_ALWAYS; mode++) {
        hjtj_register *reg = NULL;
        hjtj_status got;
        ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_set_xsd_mode(reg, (hjtj_xsd_mode)mode), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_xsd_mode(reg), mode);
        got = hjtj_register_load_memory(reg, doc, strlen(doc), "test");
        ck_assert_msg(got == st, "mode %d: status %d (%s), expected %d, for\n%s", mode, (int)got,
                      hjtj_error_message(hjtj_register_error(reg)), (int)st, doc);
        if (st != HJTJ_OK)
            ck_assert_msg(hjtj_error_line(hjtj_register_error(reg)) == line,
                          "mode %d: line %llu (%s), expected %llu", mode,
                          (unsigned long long)hjtj_error_line(hjtj_register_error(reg)),
                          hjtj_error_message(hjtj_register_error(reg)), (unsigned long long)line);
        ck_assert_uint_eq(hjtj_register_count(reg), loaded);
        assert_reconciles(reg);
        hjtj_register_free(reg);
    }
}

#define KOMMUNER(attrs, body) "<kommuner" attrs ">" body "</kommuner>\n"
#define KOMMUNE "<kommune nr=\"0301\" navn=\"Oslo\" innbyggere=\"724290\"/>"
#define XSI " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""

START_TEST(test_schema_rules)
{
    /* valid, accepted by the loading pass alone */
    assert_schema_outcome(HEAD KOMMUNER(" referansedato=\"2025-01-01\"", KOMMUNE)
                              REC("100000008", "") TAIL, HJTJ_OK, 0, 1);
    assert_schema_outcome(HEAD "<!-- c --><?pi x?>" REC("100000008", "") TAIL, HJTJ_OK, 0, 1);
    assert_schema_outcome(HEAD "<virksomhet orgnr=\"100000008\" kommunenr=\"0301\" "
                               "eierskap=\"kommunal\" status=\"aktiv\"><navn>a<![CDATA[<b>]]>"
                               "</navn><naeringskode standard=\"SN2007\">87.203</naeringskode>"
                               "<virksomhetstyper>boligbase</virksomhetstyper>"
                               "<personellutveksling mottar-fra=\"sykehjem\"/>"
                               "<malgrupper>demens</malgrupper><boenheter>4</boenheter>"
                               "<andre-kommuner>false</andre-kommuner><merknad/></virksomhet>\n"
                               TAIL, HJTJ_OK, 0, 1);
    /* valid, but only libxml2 can say so: the validator decides */
    assert_schema_outcome("<kartlegging xmlns=\"urn:hjtj:kartlegging:1\" aargang=\"2024Z\"" XSI
                          " xsi:schemaLocation=\"urn:hjtj:kartlegging:1 k.xsd\">\n"
                          KOMMUNER(" referansedato=\"2025-01-01+01:00\"", KOMMUNE)
                          REC("100000008", "") TAIL, HJTJ_OK, 0, 1);
    assert_schema_outcome(HEAD "<virksomhet orgnr=\"100000008\" kommunenr=\"0301\" "
                               "eierskap=\"kommunal\"><virksomhetstyper>boligbase"
                               "</virksomhetstyper><malgrupper><![CDATA[demens]]></malgrupper>"
                               "<boenheter>4</boenheter></virksomhet>\n" TAIL,
                          HJTJ_OK, 0, 1);
    /* white space in CDATA is character content for libxml2 */
    assert_schema_outcome(HEAD "<virksomhet orgnr=\"100000008\">\n<![CDATA[ ]]></virksomhet>\n"
                          TAIL, HJTJ_ERR_SCHEMA, 3, 0);
    /* invalid: the validator's verdict, message and line */
    assert_schema_outcome(HEAD REC("100000008", " farge=\"blå\"") TAIL, HJTJ_ERR_SCHEMA, 2, 0);
    assert_schema_outcome(HEAD REC("100000008", XSI " xsi:nil=\"true\"") TAIL, HJTJ_ERR_SCHEMA,
                          2, 0);
    assert_schema_outcome(HEAD "<virksomhet orgnr=\"100000008\">tekst</virksomhet>\n" TAIL,
                          HJTJ_ERR_SCHEMA, 2, 0);
    assert_schema_outcome(HEAD "<virksomhet orgnr=\"100000008\"><navn>a</navn>\n<navn>b</navn>"
                               "</virksomhet>\n" TAIL, HJTJ_ERR_SCHEMA, 3, 0);
    assert_schema_outcome(HEAD "<virksomhet orgnr=\"100000008\"><navn>a<b/></navn>"
                               "</virksomhet>\n" TAIL, HJTJ_ERR_SCHEMA, 2, 0);
    assert_schema_outcome(HEAD "<virksomhet orgnr=\"100000008\"><navn lang=\"nb\">a</navn>"
                               "</virksomhet>\n" TAIL, HJTJ_ERR_SCHEMA, 2, 0);
    assert_schema_outcome(HEAD "<virksomhet orgnr=\"100000008\">\n<personellutveksling>x"
                               "</personellutveksling></virksomhet>\n" TAIL, HJTJ_ERR_SCHEMA, 3,
                          0);
    assert_schema_outcome(HEAD KOMMUNER("", "<kommune nr=\"0301\" innbyggere=\"1\">x</kommune>")
                              TAIL, HJTJ_ERR_SCHEMA, 2, 0);
    assert_schema_outcome(HEAD KOMMUNER(" referansedato=\"2025-02-30\"", KOMMUNE) TAIL,
                          HJTJ_ERR_SCHEMA, 2, 0);
    assert_schema_outcome("<kartlegging xmlns=\"urn:hjtj:kartlegging:1\" aargang=\"24\"/>",
                          HJTJ_ERR_SCHEMA, 1, 0);
    assert_schema_outcome(HEAD "<virksomhet xmlns=\"urn:annet\"/>\n" TAIL, HJTJ_ERR_SCHEMA, 2, 0);
    assert_schema_outcome(HEAD REC("100000008", "") "tekst\n" TAIL, HJTJ_ERR_SCHEMA, 4, 0);
    /* errors of the loading pass come first, in both modes */
    assert_schema_outcome(HEAD REC("100000008", "") KOMMUNER("", KOMMUNE) TAIL, HJTJ_ERR_STATE,
                          3, 0);
    assert_schema_outcome(HEAD KOMMUNER("", "<kommune nr=\"0301\"/>") TAIL, HJTJ_ERR_KOMMUNER,
                          2, 0);
    ck_assert_int_eq(hjtj_register_set_xsd_mode(NULL, HJTJ_XSD_AUTO), HJTJ_ERR_INVALID_ARG);
    {
        hjtj_register *reg = NULL;
        ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_set_xsd_mode(reg, (hjtj_xsd_mode)2), HJTJ_ERR_INVALID_ARG);
        ck_assert_int_eq(hjtj_register_xsd_mode(reg), HJTJ_XSD_AUTO);
        hjtj_register_free(reg);
    }
}
END_TEST

/* A record's line and column are those of the '<' of its start tag, also
 * when the tag spans lines. */
START_TEST(test_record_position)
{
    hjtj_register *reg =
        load_string(HEAD "  <!-- x -->\n  <virksomhet orgnr=\"100000008\"\n     kommunenr=\"0301\"\n"
                         "     eierskap=\"kommunal\"><virksomhetstyper>boligbase</virksomhetstyper>"
                         "<malgrupper>demens</malgrupper><boenheter>3</boenheter></virksomhet>\n"
                         " \xC3\xA6 <virksomhet orgnr=\"100000016\" kommunenr=\"0301\"\n"
                         "  eierskap=\"kommunal\">\n  <virksomhetstyper>boligbase"
                         "</virksomhetstyper>\n  <malgrupper>tull</malgrupper></virksomhet>\n"
                         TAIL,
                    HJTJ_ERR_SCHEMA);
    hjtj_register_free(reg);
    reg = load_string(HEAD "  <!-- x -->\n  <virksomhet orgnr=\"100000008\"\n     kommunenr=\"0301\"\n"
                           "     eierskap=\"kommunal\"><virksomhetstyper>boligbase</virksomhetstyper>"
                           "<malgrupper>demens</malgrupper><boenheter>3</boenheter></virksomhet>\n"
                           "   <virksomhet orgnr=\"100000016\" kommunenr=\"0301\"\n"
                           "  eierskap=\"kommunal\">\n  <virksomhetstyper>boligbase"
                           "</virksomhetstyper>\n  <malgrupper>tull</malgrupper></virksomhet>\n"
                           TAIL,
                      HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 1);
    ck_assert_uint_eq(hjtj_record_line(hjtj_register_record(reg, 0)), 3);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 1);
    assert_reject(reg, 0, HJTJ_REASON_UNKNOWN_CODE, 6, "100000016");
    ck_assert_uint_eq(hjtj_diag_column(hjtj_register_reject(reg, 0)), 4);
    hjtj_register_free(reg);
}
END_TEST

/* The same register in XML, list-CSV and wide-CSV loads identically. */
static const char *xml_reg =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n" HEAD
    "<virksomhet orgnr=\"100000008\" kommunenr=\"4601\" eierskap=\"privat\">\r\n"
    "  <navn>Bo, «Ærlig» \"sted\"</navn><virksomhetstyper>boligbase dagaktivitet"
    "</virksomhetstyper>\r\n  <malgrupper>utviklingshemning annen</malgrupper>"
    "<boenheter>12</boenheter>\r\n"
    "  <personellutveksling mottar-fra=\"ambulerende sykehjem\" leverer-til=\"dagsenter\"/>"
    "<andre-kommuner>true</andre-kommuner>"
    "<naeringskode standard=\"SN2025\">87.203</naeringskode></virksomhet>\r\n"
    "<virksomhet orgnr=\"100000016\" kommunenr=\"1520\" eierskap=\"kommunal\">"
    "<virksomhetstyper>amb-helse amb-praktisk</virksomhetstyper><malgrupper></malgrupper>"
    "</virksomhet>\r\n" TAIL;

static const char *list_csv =
    "\xEF\xBB\xBForgnr;kommunenr;eierskap;status;navn;virksomhetstyper;malgrupper;boenheter;"
    "mottar_fra;leverer_til;andre_kommuner;naeringskode;naeringskode_standard;ekstra\r\n"
    "100000008;4601;privat;aktiv;\"Bo, «Ærlig» \"\"sted\"\"\";boligbase dagaktivitet;"
    "utviklingshemning annen;12;ambulerende sykehjem;dagsenter;1;87.203;SN2025;x\r\n"
    "100000016;1520;kommunal;;;amb-helse amb-praktisk;;;;;0;;;\r\n";

static const char *wide_csv =
    "orgnr,kommunenr,eierskap,navn,boligbase,amb-helse,amb-praktisk,dagaktivitet,"
    "utviklingshemning,annen,demens,boenheter,mottar-fra:ambulerende,mottar-fra:sykehjem,"
    "leverer-til:dagsenter,andre_kommuner,naeringskode,naeringskode_standard\n"
    "100000008,4601,privat,\"Bo, «Ærlig» \"\"sted\"\"\",1,0,0,1,1,1,0,12,1,1,1,1,87.203,SN2025\n"
    "100000016,1520,kommunal,,0,1,1,,0,0,,,0,0,,0,,\n";

static void assert_same(const hjtj_register *a, const hjtj_register *b)
{
    size_t i;
    int f;
    ck_assert_uint_eq(hjtj_register_count(a), hjtj_register_count(b));
    ck_assert_uint_eq(hjtj_register_reject_count(a), 0);
    ck_assert_uint_eq(hjtj_register_reject_count(b), 0);
    for (i = 0; i < hjtj_register_count(a); i++) {
        const hjtj_record *x = hjtj_register_record(a, i), *y = hjtj_register_record(b, i);
        ck_assert_str_eq(hjtj_record_orgnr(x), hjtj_record_orgnr(y));
        ck_assert_str_eq(hjtj_record_kommunenr(x), hjtj_record_kommunenr(y));
        ck_assert_str_eq(hjtj_record_navn(x), hjtj_record_navn(y));
        ck_assert_str_eq(hjtj_record_naeringskode(x), hjtj_record_naeringskode(y));
        ck_assert_str_eq(hjtj_record_naeringskode_standard(x),
                         hjtj_record_naeringskode_standard(y));
        ck_assert_uint_eq(hjtj_record_types_given(x), hjtj_record_types_given(y));
        ck_assert_uint_eq(hjtj_record_malgrupper(x), hjtj_record_malgrupper(y));
        ck_assert_uint_eq(hjtj_record_mottar_fra(x), hjtj_record_mottar_fra(y));
        ck_assert_uint_eq(hjtj_record_leverer_til(x), hjtj_record_leverer_til(y));
        ck_assert_int_eq(hjtj_record_boenheter(x), hjtj_record_boenheter(y));
        ck_assert_int_eq(hjtj_record_andre_kommuner(x), hjtj_record_andre_kommuner(y));
        ck_assert_int_eq(hjtj_record_eierskap(x), hjtj_record_eierskap(y));
        for (f = HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE; f <= HJTJ_FIELD_STORRELSE; f++)
            ck_assert_int_eq(hjtj_record_class(x, (hjtj_field)f),
                             hjtj_record_class(y, (hjtj_field)f));
    }
}

START_TEST(test_three_layouts)
{
    hjtj_register *x = load_string(xml_reg, HJTJ_OK);
    hjtj_register *l = load_string(list_csv, HJTJ_OK);
    hjtj_register *w = load_string(wide_csv, HJTJ_OK);
    const hjtj_record *r = hjtj_register_record(x, 0);
    ck_assert_str_eq(hjtj_record_navn(r), "Bo, «Ærlig» \"sted\"");
    ck_assert_str_eq(hjtj_record_naeringskode_standard(r), "SN2025");
    ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_KATEGORI), HJTJ_KAT_KOMBINERT_ANNEN);
    ck_assert_int_eq(hjtj_record_class(r, HJTJ_FIELD_PERSONELLUTVEKSLING),
                     HJTJ_PU_MOTTAR_OG_LEVERER);
    ck_assert_int_eq(hjtj_record_class(hjtj_register_record(x, 1), HJTJ_FIELD_KATEGORI),
                     HJTJ_KAT_KUN_AMB_BEGGE);
    assert_same(x, l);
    assert_same(x, w);
    /* the unknown column is a warning, not an error */
    ck_assert_uint_eq(hjtj_register_warning_count(l), 1);
    ck_assert_int_eq(hjtj_diag_reason(hjtj_register_warning(l, 0)), HJTJ_REASON_UNKNOWN_COLUMN);
    ck_assert_uint_eq(hjtj_diag_column(hjtj_register_warning(l, 0)),
                      (uint64_t)(strstr(list_csv, ";ekstra") - list_csv) + 2 - 3 /* BOM */);
    hjtj_register_free(x);
    hjtj_register_free(l);
    hjtj_register_free(w);
}
END_TEST

START_TEST(test_csv_record_errors)
{
    hjtj_register *reg = load_string(
        "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,bpa\n"
        "100000008,0301,kommunal,boligbase,demens,0\n"
        "100000016,0301,kommunal,bpa,demens\n"            /* ragged: too few */
        "100000024,0301,kommunal,,demens,ja\n"             /* bad 0/1 cell */
        "\n"
        "\"100000032\",0301,kommunal,\"amb-helse\n"
        "amb-praktisk\",demens,0\n"                        /* multi-line, ok */
        "100000040,0301,kommunal,bpa,demens,1,9\n",        /* ragged: too many */
        HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 2);
    assert_reconciles(reg);
    assert_reject(reg, 0, HJTJ_REASON_RAGGED_ROW, 3, "100000016");
    assert_reject(reg, 1, HJTJ_REASON_BAD_VALUE, 4, "100000024");
    assert_reject(reg, 2, HJTJ_REASON_RAGGED_ROW, 8, "100000040");
    ck_assert_uint_eq(hjtj_record_line(hjtj_register_record(reg, 1)), 6);
    ck_assert_int_eq(hjtj_record_class(hjtj_register_record(reg, 1), HJTJ_FIELD_KATEGORI),
                     HJTJ_KAT_KUN_AMB_BEGGE);
    hjtj_register_free(reg);
}
END_TEST

/* Loading from a read callback, in small pieces. */
typedef struct src {
    const char *p;
    size_t left;
} src;

static int64_t read_piece(char *buf, size_t len, void *ud)
{
    src *s = ud;
    size_t n = s->left < 7 ? s->left : 7;
    if (n > len)
        n = len;
    memcpy(buf, s->p, n);
    s->p += n;
    s->left -= n;
    return (int64_t)n;
}

static int64_t read_fail(char *buf, size_t len, void *ud)
{
    (void)buf;
    (void)len;
    (void)ud;
    return -1;
}

static int stop_at_second(const hjtj_record *r, void *ud)
{
    int *n = ud;
    (void)r;
    return ++*n == 2;
}

START_TEST(test_entry_points)
{
    hjtj_register *reg;
    src s = {xml_reg, strlen(xml_reg)};
    int seen = 0;
    char path[4096];

    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_callback(reg, read_piece, &s, "cb"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 2);
    /* appending the same records again: duplicates, rejected */
    ck_assert_int_eq(hjtj_register_load_memory(reg, list_csv, strlen(list_csv), "again"),
                     HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 2);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 2);
    ck_assert_int_eq(hjtj_register_load_callback(reg, read_fail, NULL, "cb"), HJTJ_ERR_IO);
    ck_assert_int_eq(hjtj_register_load_file(reg, "/nonexistent/x.xml"), HJTJ_ERR_IO);
    ck_assert_str_eq(hjtj_error_file(hjtj_register_error(reg)), "/nonexistent/x.xml");
    hjtj_register_free(reg);

    /* a record callback that stops the load: nothing of the file stays */
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_record_callback(reg, stop_at_second, &seen), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, xml_reg, strlen(xml_reg), "x"),
                     HJTJ_ERR_ABORTED);
    ck_assert_int_eq(seen, 2);
    ck_assert_uint_eq(hjtj_register_count(reg), 0);
    hjtj_register_free(reg);

    /* a failed load forgets its orgnr, also when streaming; a good one not */
    {
        int keep;
        const char *bad = HEAD REC("100000008", "") "<tull/>" TAIL;
        const char *good = HEAD REC("100000008", "") REC("100000016", "") TAIL;
        for (keep = 0; keep <= 1; keep++) {
            ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
            ck_assert_int_eq(hjtj_register_set_keep_records(reg, keep), HJTJ_OK);
            ck_assert_int_eq(hjtj_register_load_memory(reg, bad, strlen(bad), "b"),
                             HJTJ_ERR_SCHEMA);
            ck_assert_int_eq(hjtj_register_load_memory(reg, good, strlen(good), "g"), HJTJ_OK);
            ck_assert_uint_eq(hjtj_register_count(reg), 2);
            ck_assert_uint_eq(hjtj_register_reject_count(reg), 0);
            ck_assert_int_eq(hjtj_register_load_memory(reg, bad, strlen(bad), "b"),
                             HJTJ_ERR_SCHEMA);
            ck_assert_int_eq(hjtj_register_load_memory(reg, good, strlen(good), "g"), HJTJ_OK);
            ck_assert_uint_eq(hjtj_register_count(reg), 2);
            ck_assert_uint_eq(hjtj_register_reject_count(reg), 2);
            ck_assert_int_eq(hjtj_diag_reason(hjtj_register_reject(reg, 0)),
                             HJTJ_REASON_DUPLICATE_ORGNR);
            hjtj_register_free(reg);
        }
    }

    /* the bundled example file */
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    snprintf(path, sizeof path, "%s/eksempel.xml", getenv("HJTJ_DATADIR"));
    ck_assert_int_eq(hjtj_register_load_file(reg, path), HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 10);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 0);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(test_kommuner)
{
    hjtj_kommuner *k;
    hjtj_register *reg;
    const char *bad = "kommunenr;navn;innbyggere\n0301;Oslo;10\n0301;Oslo;11\n";
    const char *own = "kommunenr,navn,innbyggere\n0301,Oslo,100\n7777,Ny,20000\n";

    ck_assert_int_eq(hjtj_kommuner_new(&k), HJTJ_OK);
    ck_assert_int_eq(hjtj_kommuner_load_default(k), HJTJ_OK);
    ck_assert_uint_eq(hjtj_kommuner_count(k), 357);
    ck_assert_int_ge(hjtj_kommuner_find(k, "1103"), 0);
    ck_assert_int_eq(hjtj_kommuner_storrelse(k, (size_t)hjtj_kommuner_find(k, "1103"), NULL),
                     HJTJ_KSTR_ASSS);
    {
        /* Table 1.9's inhabitants in total */
        int64_t sum = 0;
        size_t i;
        for (i = 0; i < hjtj_kommuner_count(k); i++)
            sum += hjtj_kommuner_innbyggere(k, i);
        ck_assert_int_eq(sum, 5594340);
    }
    ck_assert_int_eq(hjtj_kommuner_load_memory(k, bad, strlen(bad), "k.csv"), HJTJ_ERR_KOMMUNER);
    ck_assert_uint_eq(hjtj_error_line(hjtj_kommuner_error(k)), 3);
    ck_assert_uint_eq(hjtj_kommuner_count(k), 357); /* unchanged */
    ck_assert_int_eq(hjtj_kommuner_load_memory(k, own, strlen(own), "k.csv"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_kommuner_count(k), 2);

    /* a user table replaces the default as a whole */
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_kommuner(reg, k), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(
                         reg, S("orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper\n"
                                "100000008,7777,kommunal,bpa,demens\n"
                                "100000016,4601,kommunal,bpa,demens\n"),
                         "test"),
                     HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 1);
    ck_assert_int_eq(hjtj_record_class(hjtj_register_record(reg, 0), HJTJ_FIELD_KOMMUNESTORRELSE),
                     HJTJ_KSTR_20000_PLUSS);
    assert_reject(reg, 0, HJTJ_REASON_KOMMUNENR, 3, "100000016");
    ck_assert_int_eq(hjtj_register_set_kommuner(reg, k), HJTJ_ERR_STATE);
    hjtj_register_free(reg);
    hjtj_kommuner_free(k);

    /* <kommuner> in the XML replaces it too */
    reg = load_string(HEAD "<kommuner><kommune nr=\"0301\" navn=\"Oslo\" innbyggere=\"4\"/>"
                           "</kommuner>\n" REC("100000008", "") TAIL,
                      HJTJ_OK);
    ck_assert_uint_eq(hjtj_kommuner_count(hjtj_register_kommuner(reg)), 1);
    ck_assert_uint_eq(hjtj_register_count(reg), 1);
    hjtj_register_free(reg);
    reg = load_string(HEAD "<kommuner><kommune nr=\"03x1\" innbyggere=\"4\"/></kommuner>" TAIL,
                      HJTJ_ERR_KOMMUNER);
    hjtj_register_free(reg);
    /* a load that fails after its <kommuner> block leaves the table as it was */
    reg = load_string(HEAD "<kommuner><kommune nr=\"0301\" navn=\"Oslo\" innbyggere=\"4\"/>"
                           "</kommuner>\n" REC("100000008", "") "<tull/>" TAIL,
                      HJTJ_ERR_SCHEMA);
    ck_assert_uint_eq(hjtj_kommuner_count(hjtj_register_kommuner(reg)), 0);
    ck_assert_int_eq(hjtj_register_load_memory(reg, S(HEAD REC("100000008", "") TAIL), "t"),
                     HJTJ_OK);
    ck_assert_uint_eq(hjtj_kommuner_count(hjtj_register_kommuner(reg)), 357);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(test_limits)
{
    hjtj_register *reg;
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_limit(reg, HJTJ_LIMIT_MAX_BOENHETER), 100000);
    ck_assert_int_eq(hjtj_register_set_limit(reg, HJTJ_LIMIT_MAX_RECORDS, 1), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_limit(reg, (hjtj_limit)42, 1), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_register_load_memory(reg, S(HEAD REC("100000008", "")
                                                          REC("100000016", "") TAIL),
                                               "test"),
                     HJTJ_ERR_LIMIT);
    ck_assert_uint_eq(hjtj_register_count(reg), 0);
    ck_assert_int_eq(hjtj_register_set_limit(reg, HJTJ_LIMIT_MAX_RECORDS, 0), HJTJ_OK);
    /* boenheter above the limit reject their record: 9 and 12 over 5, with
     * one digit above it and with more digits; 5 itself and 0 stand */
    {
        static const char *const csv =
            "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,boenheter\n"
            "100000008,0301,kommunal,boligbase,demens,9\n"
            "100000016,0301,kommunal,boligbase,demens,12\n"
            "100000024,0301,kommunal,boligbase,demens,5\n"
            "100000032,0301,kommunal,boligbase,demens,0\n"
            "100000040,0301,kommunal,boligbase,demens,6\n";
        hjtj_register *b = NULL;
        ck_assert_int_eq(hjtj_register_new(&b), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_set_limit(b, HJTJ_LIMIT_MAX_BOENHETER, 5), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_load_memory(b, csv, strlen(csv), "b.csv"), HJTJ_OK);
        ck_assert_uint_eq(hjtj_register_count(b), 2);
        ck_assert_uint_eq(hjtj_register_reject_count(b), 3);
        ck_assert_int_eq(hjtj_diag_reason(hjtj_register_reject(b, 0)), HJTJ_REASON_BOENHETER);
        ck_assert_str_eq(hjtj_diag_message(hjtj_register_reject(b, 0)),
                         "boenheter 9 is larger than 5");
        ck_assert_uint_eq(hjtj_diag_line(hjtj_register_reject(b, 2)), 6);
        hjtj_register_free(b);
    }
    ck_assert_int_eq(hjtj_register_set_limit(reg, HJTJ_LIMIT_MAX_COLUMNS, 3), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(
                         reg, S("orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper\n"), "t"),
                     HJTJ_ERR_LIMIT);
    hjtj_register_free(reg);
}
END_TEST

/* A host process (R's xml2, lxml) may install global libxml2 error
 * handlers; the library must never call them. */
static int global_calls;

static void global_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
    global_calls++;
}

static void global_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
    global_calls++;
}

START_TEST(test_no_global_handlers)
{
    static const char *docs[] = {
        HEAD "<virksomhet orgnr=\"1\">\n",
        HEAD "<tull/>" TAIL,
        "<kartlegging xmlns=\"rel/uri\"/>",
        HEAD "<virksomhet orgnr=\"1\" orgnr=\"2\"/>" TAIL,
        HEAD "<virksomhet orgnr=\"1\">&foo;</virksomhet>" TAIL,
        "<?xml version=\"1.0\" encoding=\"latin1\"?>" HEAD TAIL,
        HEAD "<navn>\x01</navn>" TAIL,
        "<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n" HEAD TAIL,
        "<?xml version=\"1.8\"?>\n" HEAD TAIL,
        HEAD "<virksomhet xmlns:x=\"rel/uri\" orgnr=\"100000008\"/>" TAIL,
        "<?xml version=\"1.0\"?>\n<?xmlerv x?>\n" HEAD TAIL,
    };
    static const char nuls[] = {'<', 0, 0, 0, 0};
    size_t i;
    hjtj_scheme *sch;
    global_calls = 0;
    xmlSetStructuredErrorFunc(NULL, global_structured);
    xmlSetGenericErrorFunc(NULL, global_generic);
    for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        hjtj_register *reg;
        ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
        (void)hjtj_register_load_memory(reg, docs[i], strlen(docs[i]), "x");
        hjtj_register_free(reg);
    }
    {
        hjtj_register *reg;
        ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
        ck_assert_int_eq(hjtj_register_load_memory(reg, nuls, sizeof nuls, "x"), HJTJ_ERR_SYNTAX);
        hjtj_register_free(reg);
    }
    ck_assert_int_eq(hjtj_scheme_new(&sch), HJTJ_OK);
    ck_assert_int_eq(hjtj_scheme_load_memory(sch, S("<skjema xmlns=\"urn:hjtj:skjema:1\"><a>"), "s"),
                     HJTJ_ERR_SYNTAX);
    hjtj_scheme_free(sch);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    ck_assert_int_eq(global_calls, 0);
}
END_TEST

/* The loader checks the encoding (valid UTF-8, no NUL) piece by piece as it
 * parses: a character cut by a piece boundary is fine, and a bad byte far
 * into the file decides the status over whatever was found before it. */
#define PIECE ((size_t)256 << 10) /* the XML loader's piece (SAX_CHUNK) */

/* HEAD, a comment padding the document so that the next byte is at offset
 * `at`, a record whose navn is `navn`, and `tail` (then TAIL) into a new
 * buffer; its length in *len. */
static char *doc_at(size_t at, const char *navn, const char *tail, size_t *len)
{
    static const char rec1[] = "<virksomhet orgnr=\"100000008\" kommunenr=\"0301\" "
                               "eierskap=\"kommunal\"><navn>";
    static const char rec2[] = "</navn><virksomhetstyper>boligbase</virksomhetstyper>"
                               "<malgrupper>demens</malgrupper><boenheter>4</boenheter>"
                               "</virksomhet>\n";
    size_t head = strlen(HEAD) + 4, pad, n;
    char *d;
    ck_assert(at >= head + 4 + strlen(rec1));
    pad = at - head - 4 - strlen(rec1);
    n = at + strlen(navn) + strlen(rec2) + strlen(tail) + strlen(TAIL);
    d = malloc(n + 1);
    ck_assert_ptr_nonnull(d);
    memcpy(d, HEAD "<!--", head);
    memset(d + head, 'x', pad);
    memcpy(d + head + pad, "-->\n", 4);
    snprintf(d + at - strlen(rec1), n + 1 - (at - strlen(rec1)), "%s%s%s%s%s", rec1, navn, rec2,
             tail, TAIL);
    *len = n;
    return d;
}

/* d (len bytes, from doc_at) with `early` inserted after HEAD: a new
 * buffer, its length in *n. */
static char *with_early(const char *d, size_t len, const char *early, size_t *n)
{
    size_t h = strlen(HEAD), k = strlen(early);
    char *e = malloc(len + k);
    ck_assert_ptr_nonnull(e);
    memcpy(e, d, h);
    memcpy(e + h, early, k);
    memcpy(e + h + k, d + h, len - h);
    *n = len + k;
    return e;
}

static int count_calls(const hjtj_record *r, void *ud)
{
    (void)r;
    return ++*(int *)ud == 1;
}

/* A load of d whose record callback stops at the first record, and which has
 * invalid UTF-8 further on: the callback was called (records reach it as
 * they are read), the load fails for the encoding, nothing of it is kept. */
static void assert_stop_then_encoding(const char *d, size_t len)
{
    hjtj_register *reg;
    int calls = 0;
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_record_callback(reg, count_calls, &calls), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, d, len, "x"), HJTJ_ERR_ENCODING);
    ck_assert_int_eq(calls, 1);
    ck_assert_uint_eq(hjtj_register_count(reg), 0);
    ck_assert_uint_eq(hjtj_register_read_count(reg), 0);
    hjtj_register_free(reg);
}

START_TEST(test_encoding_while_parsing)
{
    /* characters across the boundaries of the first pieces (the first is
     * the 4 bytes libxml2 gets with its context) */
    static const char *const chars[] = {"\xE2\x82\xAC", "\xF0\x9D\x84\x9E", "\xC3\xA6"};
    size_t b, c, len, i, n;
    assert_file_error(S("<ka\xE2\x82\xAC/>"), HJTJ_ERR_SCHEMA, 1, 0);
    for (b = 1; b <= 2; b++)
        for (c = 0; c < 3; c++)
            for (i = 1; i < strlen(chars[c]); i++) {
                hjtj_register *reg;
                char *d = doc_at(4 + b * PIECE - i, chars[c], "", &len);
                ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
                ck_assert_int_eq(hjtj_register_load_memory(reg, d, len, "x"), HJTJ_OK);
                ck_assert_uint_eq(hjtj_register_count(reg), 1);
                ck_assert_str_eq(hjtj_record_navn(hjtj_register_record(reg, 0)), chars[c]);
                hjtj_register_free(reg);
                free(d);
            }
    /* invalid UTF-8 three pieces in (line 6, column 1; 7 after an early line)
     * wins over what was found before it: a malformed document, a schema
     * error, a NUL, a DOCTYPE, a stop by the record callback */
    {
        static const char *const early[] = {"<a></b>\n", "<tull/>\n", "<!--\n\xFF-->\n",
                                            "<!--\n\x01-->\n"};
        char *bad = malloc(3 * PIECE + 32), *d, *e;
        ck_assert_ptr_nonnull(bad);
        memset(bad, 'x', 3 * PIECE + 4);
        memcpy(bad, "<!--", 4);
        strcpy(bad + 3 * PIECE + 4, "-->\n<!--\n\xFF-->\n"); /* line 6 */
        d = doc_at(1000, "ok", bad, &len);
        free(bad);
        for (i = 0; i < 4; i++) {
            e = with_early(d, len, early[i], &n);
            assert_file_error(e, n, HJTJ_ERR_ENCODING, i == 2 ? 3 : i == 3 ? 8 : 7, 1);
            free(e);
        }
        n = len + 13;
        e = malloc(n);
        ck_assert_ptr_nonnull(e);
        memcpy(e, "<!DOCTYPE k>\n", 13);
        memcpy(e + 13, d, len);
        assert_file_error(e, n, HJTJ_ERR_ENCODING, 7, 1);
        free(e);
        /* the callback was called (records reach it as they are read), and
         * the load fails with nothing of it kept */
        assert_stop_then_encoding(d, len);
        free(d);
    }
    /* a NUL three pieces in (line 6, column 5 after the early line) wins
     * over an earlier syntax error; in the first piece, over the rest */
    {
        char *d = doc_at(3 * PIECE, "ok", "<!--\nabcdX-->\n", &len), *e;
        strstr(d + 3 * PIECE, "abcdX")[4] = '\0';
        e = with_early(d, len, "<a></b>\n", &n);
        assert_file_error(e, n, HJTJ_ERR_SYNTAX, 6, 5);
        ck_assert_ptr_nonnull(strstr(last_message, "NUL"));
        free(e);
        free(d);
    }
}
END_TEST

/* A valid orgnr (mod 11) from 100000000 on, the i-th. */
static void nth_orgnr(int i, char out[16])
{
    static const int w[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    long base = 10000000;
    for (;; base++) {
        int k, sum = 0, d;
        char t[24];
        snprintf(t, sizeof t, "%08ld", base);
        for (k = 0; k < 8; k++)
            sum += (t[k] - '0') * w[k];
        d = 11 - sum % 11;
        if (d == 10)
            continue;
        if (i-- == 0) {
            snprintf(out, 16, "%.8s%d", t, d == 11 ? 0 : d);
            return;
        }
    }
}

/* Every byte value at every place of a navn of up to 19 bytes: rejected
 * for a control character exactly when it is one (below 0x20 but tab, LF
 * and CR, or DEL); bytes 0x80 and up stand in valid two-byte characters. */
START_TEST(test_control_bytes)
{
    static char org[256][16];
    size_t len, at, i, r, nctl = 0;
    int c;
    for (c = 1; c < 0x100; c++) {
        nth_orgnr(c, org[c]);
        nctl += (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }
    for (len = 1; len < 20; len++)
        for (at = 0; at < len; at++) {
            hjtj_register *reg;
            char *d = malloc(256 * 64 + 128), *p = d;
            ck_assert_ptr_nonnull(d);
            p += sprintf(p, "orgnr,kommunenr,eierskap,navn,virksomhetstyper,malgrupper\n");
            for (c = 1; c < 0x100; c++) {
                p += sprintf(p, "%s,0301,kommunal,\"", org[c]);
                for (i = 0; i < len; i++) {
                    if (i != at || c == '"') {
                        *p++ = 'a';
                    } else if (c >= 0x80) { /* U+0080..U+00FF */
                        *p++ = (char)(0xC2 + (c >= 0xC0));
                        *p++ = (char)(0x80 | (c & 0x3F));
                    } else {
                        *p++ = (char)c;
                    }
                }
                p += sprintf(p, "\",boligbase,demens\n");
            }
            ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
            ck_assert_int_eq(hjtj_register_load_memory(reg, d, (size_t)(p - d), "c"), HJTJ_OK);
            ck_assert_msg(hjtj_register_reject_count(reg) == nctl, "%zu rejects at %zu of %zu",
                          hjtj_register_reject_count(reg), at, len);
            ck_assert_uint_eq(hjtj_register_count(reg), 255 - nctl);
            for (r = 0; r < nctl; r++) {
                const hjtj_diag *g = hjtj_register_reject(reg, r);
                int b;
                ck_assert_int_eq(hjtj_diag_reason(g), HJTJ_REASON_CONTROL_CHAR);
                for (b = 1; b < 0x100 && strcmp(org[b], hjtj_diag_orgnr(g)) != 0; b++)
                    ;
                ck_assert_msg((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f,
                              "byte 0x%02x rejected", b);
            }
            hjtj_register_free(reg);
            free(d);
        }
}
END_TEST

/* The same for CSV, whose rows are checked a piece (256 KiB) ahead of the
 * tokenizer: a character cut at the first piece's end, and invalid UTF-8
 * far in winning over a header error, an unbalanced quote and a stop. */
static char *csv_doc(size_t nrows, size_t pad, size_t navn_chars, const char *head,
                     const char *tail, size_t *len)
{
    size_t cap = strlen(head) + nrows * (48 + 4 * navn_chars) + strlen(tail) + 1, k, c;
    char *d = malloc(cap), *p = d, org[16];
    ck_assert_ptr_nonnull(d);
    p += sprintf(p, "%s", head);
    for (k = 0; k < nrows; k++) {
        nth_orgnr((int)k, org);
        p += sprintf(p, "%s,0301,kommunal,%.*s", org, (int)pad, "aaa");
        for (c = 0; c < navn_chars; c++)
            p += sprintf(p, "\xF0\x9D\x84\x9E");
        p += sprintf(p, ",boligbase,demens\n");
    }
    p += sprintf(p, "%s", tail);
    *len = (size_t)(p - d);
    return d;
}

START_TEST(test_csv_encoding_while_parsing)
{
    static const char head[] = "orgnr,kommunenr,eierskap,navn,virksomhetstyper,malgrupper\n";
    const size_t piece = (size_t)256 << 10;
    size_t len, n, nchars, rowlen, at, pad;
    hjtj_register *reg;
    char *d, *e;
    /* rows of 4-byte characters after pad ASCII bytes, sized so that the
     * first piece ends one byte into a character */
    for (nchars = 200;; nchars++) {
        for (pad = 0; pad < 4; pad++) {
            rowlen = 9 + 1 + 4 + 1 + 8 + 1 + pad + 4 * nchars + 1 + 9 + 1 + 6 + 1;
            at = (piece - strlen(head)) % rowlen; /* the boundary's place in its row */
            if (at > 24 + pad && at < 24 + pad + 4 * nchars && (at - 24 - pad) % 4 == 1)
                break;
        }
        if (pad < 4)
            break;
    }
    d = csv_doc(3 * piece / rowlen, pad, nchars, head, "", &len);
    ck_assert(d[piece - 1] == '\xF0' && d[piece] == '\x9D');
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, d, len, "c"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 3 * piece / rowlen);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 0);
    hjtj_register_free(reg);
    free(d);
    /* a bad byte after three pieces (line n + 2, column 1) */
    n = 3 * piece / rowlen;
    d = csv_doc(n, pad, nchars, head, "\xFF\n", &len);
    assert_file_error(d, len, HJTJ_ERR_ENCODING, n + 2, 1);
    /* ... over a column twice in the header (line 1) */
    e = malloc(len + 16);
    ck_assert_ptr_nonnull(e);
    memcpy(e, "orgnr,", 6);
    memcpy(e + 6, d, len);
    assert_file_error(e, len + 6, HJTJ_ERR_ENCODING, n + 2, 1);
    /* ... over a quote left open on line 2 (the tokenizer's error) */
    memcpy(e, d, strlen(head));
    e[strlen(head)] = '"';
    memcpy(e + strlen(head) + 1, d + strlen(head), len - strlen(head));
    assert_file_error(e, len + 1, HJTJ_ERR_ENCODING, n + 2, 1);
    free(e);
    /* ... over the record callback's stop at the first record */
    assert_stop_then_encoding(d, len);
    free(d);
}
END_TEST

/* Issue 19: CSV in Windows-1252 and ISO-8859-1 (converted, with the original
 * file's lines and columns), forgiving header spellings, codes in any case. */
START_TEST(test_csv_single_byte_encodings)
{
    static const char w1252[] =
        "orgnr;kommunenr;eierskap;navn;virksomhetstyper;m\xe5lgrupper\r\n"
        "100000008;0301;kommunal;Bj\xf8rn \xe6 \xe5 \x80\x9f;boligbase;demens\r\n"
        "100000016;0301;privat;\xe6\xe6;bolig;demens\r\n";
    hjtj_register *reg = NULL;
    const hjtj_diag *d;
    const hjtj_error *e;
    ck_assert_int_eq(hjtj_encoding_parse("Windows-1252"), HJTJ_ENCODING_WINDOWS_1252);
    ck_assert_int_eq(hjtj_encoding_parse("latin1"), HJTJ_ENCODING_ISO_8859_1);
    ck_assert_int_eq(hjtj_encoding_parse("UTF8"), HJTJ_ENCODING_UTF8);
    ck_assert_int_eq(hjtj_encoding_parse("ebcdic"), -1);
    ck_assert_int_eq(hjtj_encoding_parse(NULL), -1);
    ck_assert_str_eq(hjtj_encoding_name(HJTJ_ENCODING_ISO_8859_1), "iso-8859-1");
    ck_assert_ptr_null(hjtj_encoding_name((hjtj_encoding)7));

    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_encoding(reg), HJTJ_ENCODING_UTF8);
    ck_assert_int_eq(hjtj_register_set_encoding(reg, (hjtj_encoding)7), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_register_set_encoding(NULL, HJTJ_ENCODING_UTF8), HJTJ_ERR_INVALID_ARG);
    /* as UTF-8: refused at the å of the header, naming the option */
    ck_assert_int_eq(hjtj_register_load_memory(reg, w1252, sizeof w1252 - 1, "w.csv"),
                     HJTJ_ERR_ENCODING);
    e = hjtj_register_error(reg);
    ck_assert_uint_eq(hjtj_error_line(e), 1);
    ck_assert_uint_eq(hjtj_error_column(e), 49);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(e), "--encoding windows-1252"));
    /* as Windows-1252: 'Bjørn æ å €Ÿ' in UTF-8, and the reject at the
     * original column (2 bytes ææ = 2 characters before 'bolig') */
    ck_assert_int_eq(hjtj_register_set_encoding(reg, HJTJ_ENCODING_WINDOWS_1252), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, w1252, sizeof w1252 - 1, "w.csv"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 1);
    ck_assert_str_eq(hjtj_record_navn(hjtj_register_record(reg, 0)),
                     "Bj\xc3\xb8rn \xc3\xa6 \xc3\xa5 \xe2\x82\xac\xc5\xb8");
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 1);
    d = hjtj_register_reject(reg, 0);
    ck_assert_uint_eq(hjtj_diag_line(d), 3);
    ck_assert_uint_eq(hjtj_diag_column(d), 26);
    ck_assert_ptr_nonnull(strstr(hjtj_diag_message(d), "did you mean 'boligbase'?"));
    hjtj_register_free(reg);

    /* an undefined Windows-1252 byte: refused at its line and column */
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_encoding(reg, HJTJ_ENCODING_WINDOWS_1252), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, "orgnr;kommunenr\r\n1\r\n\xe6\x9d", 22, "u"),
                     HJTJ_ERR_ENCODING);
    e = hjtj_register_error(reg);
    ck_assert_uint_eq(hjtj_error_line(e), 3);
    ck_assert_uint_eq(hjtj_error_column(e), 2);
    /* ISO-8859-1: every byte is a character (0x9D is U+009D) */
    ck_assert_int_eq(hjtj_register_set_encoding(reg, HJTJ_ENCODING_ISO_8859_1), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(
                         reg,
                         "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,navn\n"
                         "100000008,0301,kommunal,boligbase,demens,\xe6\xf8\xe5\n",
                         103, "l"),
                     HJTJ_OK);
    ck_assert_str_eq(hjtj_record_navn(hjtj_register_record(reg, 0)), "\xc3\xa6\xc3\xb8\xc3\xa5");
    /* a UTF-8 BOM wins over the setting */
    ck_assert_int_eq(hjtj_register_load_memory(
                         reg,
                         "\xef\xbb\xbforgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,navn\n"
                         "100000016,0301,kommunal,boligbase,demens,\xc3\xa6\n",
                         105, "b"),
                     HJTJ_OK);
    ck_assert_str_eq(hjtj_record_navn(hjtj_register_record(reg, 1)), "\xc3\xa6");
    hjtj_register_free(reg);

    /* codes in any case; the forgiving header */
    ck_assert_int_eq(hjtj_code_parse(HJTJ_FIELD_VIRKSOMHETSTYPE, "BoligBase"), HJTJ_TYPE_BOLIGBASE);
    ck_assert_int_eq(hjtj_code_parse(HJTJ_FIELD_STATUS, "Opphort"), HJTJ_STATUS_OPPHORT);
    ck_assert_int_eq(hjtj_code_parse(HJTJ_FIELD_MALGRUPPE, "demensx"), -1);
    reg = load_string("ORGNR;Kommune-nr;Kommunenr;Eierskap;Virksomhetstyper;Maalgrupper;"
                      "N\xc3\xa6ringskode;Andre-Kommuner;LEVERER-TIL:Dagsenter\n"
                      "100000008;x;0301;Privat;BPA Enetiltak;Demens;87.203;1;1\n",
                      HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 1);
    ck_assert_uint_eq(hjtj_register_warning_count(reg), 1); /* Kommune-nr: not a column */
    ck_assert_ptr_nonnull(strstr(hjtj_diag_message(hjtj_register_warning(reg, 0)),
                                 "did you mean 'kommunenr'?"));
    {
        const hjtj_record *r = hjtj_register_record(reg, 0);
        ck_assert_int_eq(hjtj_record_eierskap(r), HJTJ_EIERSKAP_PRIVAT);
        ck_assert_uint_eq(hjtj_record_types_given(r),
                          (1u << HJTJ_TYPE_BPA) | (1u << HJTJ_TYPE_ENETILTAK));
        ck_assert_str_eq(hjtj_record_naeringskode(r), "87.203");
        ck_assert_int_eq(hjtj_record_andre_kommuner(r), 1);
        ck_assert_uint_eq(hjtj_record_leverer_til(r), 1u << HJTJ_LEVERER_DAGSENTER);
    }
    hjtj_register_free(reg);
}
END_TEST

/* A Windows-1252 CSV larger than what is converted in memory: the same
 * records, texts and original positions (the converted text goes through a
 * mapped temporary file). */
START_TEST(test_csv_single_byte_large)
{
    static const char head[] = "orgnr;kommunenr;eierskap;navn;virksomhetstyper;malgrupper\r\n";
    enum { ROWS = 9000, NAME = 1000 };
    char path[] = "/tmp/hjtj-check-w1252-XXXXXX", orgnr[10];
    size_t cap = sizeof head + (size_t)ROWS * (NAME + 64) + 128, len = 0;
    char *d = malloc(cap), name_utf8[2 * NAME + 1];
    hjtj_register *reg = NULL;
    const hjtj_diag *dg;
    int fd, i, k;
    FILE *f;
    ck_assert_ptr_nonnull(d);
    len += (size_t)snprintf(d + len, cap - len, "%s", head);
    for (i = 0, k = 20000000; i < ROWS; i++) {
        do
            snprintf(orgnr, sizeof orgnr, "%08d", (k++) % 100000000);
        while (orgnr_complete(orgnr) != 0);
        len += (size_t)snprintf(d + len, cap - len, "%s;0301;kommunal;", orgnr);
        memset(d + len, '\xe6', NAME);
        len += NAME;
        len += (size_t)snprintf(d + len, cap - len, ";%s;demens\r\n",
                                i == ROWS - 1 ? "bolig" : "boligbase");
    }
    ck_assert_uint_gt(len, (size_t)8 << 20);
    fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    f = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(d, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
    for (i = 0; i < NAME; i++)
        memcpy(name_utf8 + 2 * i, "\xc3\xa6", 2);
    name_utf8[2 * NAME] = '\0';

    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_encoding(reg, HJTJ_ENCODING_WINDOWS_1252), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_file(reg, path), HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), ROWS - 1);
    ck_assert_str_eq(hjtj_record_navn(hjtj_register_record(reg, ROWS - 2)), name_utf8);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 1);
    dg = hjtj_register_reject(reg, 0);
    ck_assert_uint_eq(hjtj_diag_line(dg), ROWS + 1);
    /* 9 + 1 + 4 + 1 + 8 + 1 characters, the name, ';': 'bolig' at 26 + NAME */
    ck_assert_uint_eq(hjtj_diag_column(dg), 26 + NAME);
    hjtj_register_free(reg);
    /* the same from memory */
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_encoding(reg, HJTJ_ENCODING_WINDOWS_1252), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, d, len, "m"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), ROWS - 1);
    hjtj_register_free(reg);
    unlink(path);
    free(d);
}
END_TEST

/* The orgnr index: sorted input (no hash), the first orgnr out of order
 * (the array becomes a hash), failed loads undone in both states, and the
 * duplicate check and hjtj_register_find right throughout, against a model
 * kept here (which orgnr were loaded, and as which record). */
static void orgnr_of(unsigned k, char out[10])
{
    unsigned prefix = 10000000u + k * 11u; /* ascending in k: the next
                                              prefix with a check digit */
    do
        snprintf(out, 10, "%08u", prefix++);
    while (orgnr_complete(out) != 0);
}

static void load_orgnrs(hjtj_register *reg, const unsigned *ks, size_t n, int fail,
                        hjtj_status expect)
{
    char *csv = malloc(64 + n * 48), *p = csv, org[10];
    size_t i;
    p += sprintf(p, "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper\n");
    for (i = 0; i < n; i++) {
        orgnr_of(ks[i], org);
        p += sprintf(p, "%s,0301,kommunal,bpa,demens\n", org);
    }
    if (fail)
        p += sprintf(p, "\"unbalanced,0301\n");
    ck_assert_msg(hjtj_register_load_memory(reg, csv, (size_t)(p - csv), "o.csv") == expect,
                  "%s", hjtj_error_message(hjtj_register_error(reg)));
    free(csv);
}

START_TEST(test_orgnr_index_modes)
{
    enum { N = 3000 };
    static unsigned model[4 * N]; /* k -> record index + 1 */
    unsigned ks[N];
    size_t i, nrec = 0, nrej = 0;
    hjtj_register *reg = NULL;
    char org[10];
    memset(model, 0, sizeof model);
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    for (int round = 0; round < 6; round++) {
        size_t n = 0;
        int fail = round == 1 || round == 4;
        /* rounds 0-2 ascending (round 2 repeats round 0's last ones), then
         * out of order: new ones, repeats and ones of the failed rounds */
        for (i = 0; i < N / 3; i++) {
            unsigned k = round < 2 ? (unsigned)(round * N / 3 + i)
                         : round == 2 ? (unsigned)(N / 3 - 5 + i)
                                      : (unsigned)((i * 2654435761u + round) % (3 * N));
            ks[n++] = k;
        }
        load_orgnrs(reg, ks, n, fail, fail ? HJTJ_ERR_SYNTAX : HJTJ_OK);
        if (!fail)
            for (i = 0; i < n; i++) {
                if (model[ks[i]] != 0) {
                    nrej++;
                    continue;
                }
                model[ks[i]] = (unsigned)++nrec;
            }
        ck_assert_uint_eq(hjtj_register_count(reg), nrec);
        ck_assert_uint_eq(hjtj_register_reject_count(reg), nrej);
        for (i = 0; i < 3 * N; i++) {
            const hjtj_record *r;
            orgnr_of((unsigned)i, org);
            r = hjtj_register_find(reg, org);
            if (model[i] == 0) {
                ck_assert_msg(r == NULL, "round %d: %s found but not loaded", round, org);
            } else {
                ck_assert_msg(r == hjtj_register_record(reg, model[i] - 1),
                              "round %d: %s not found as record %u", round, org, model[i] - 1);
                ck_assert_str_eq(hjtj_record_orgnr(r), org);
            }
        }
    }
    ck_assert_uint_gt(nrej, 5);
    hjtj_register_free(reg);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("load");
    TCase *tc = tcase_create("load");
    tcase_add_test(tc, test_bad_records_xml);
    tcase_add_test(tc, test_orgnr_index_modes);
    tcase_add_test(tc, test_bad_files);
    tcase_add_test(tc, test_schema_rules);
    tcase_add_test(tc, test_record_position);
    tcase_add_test(tc, test_three_layouts);
    tcase_add_test(tc, test_csv_record_errors);
    tcase_add_test(tc, test_entry_points);
    tcase_add_test(tc, test_kommuner);
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_no_global_handlers);
    tcase_add_test(tc, test_encoding_while_parsing);
    tcase_add_test(tc, test_control_bytes);
    tcase_add_test(tc, test_csv_encoding_while_parsing);
    tcase_add_test(tc, test_csv_single_byte_encodings);
    tcase_add_test(tc, test_csv_single_byte_large);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
