/* check_checks.c — the data-quality checks of SPEC §12: each fires on a
 * record built to trip it and not on one built not to; on random registers
 * the hits are exactly those computed here from the records as given, in
 * input order; the object's contract (state, totals, messages). */
#include "randreg.h"

#define BIT(x) (1u << (x))
#define TY(x) BIT(HJTJ_TYPE_##x)

#define HEADER                                                                                  \
    "orgnr,kommunenr,eierskap,status,virksomhetstyper,malgrupper,boenheter,navn,naeringskode,"  \
    "naeringskode_standard\n"

/* One record of a hand-made register, and whether it should trip `check`. */
typedef struct rec_case {
    int check;
    int trips;
    const char *status, *types, *mg, *boenheter, *navn, *kommunenr, *nk, *std;
} rec_case;

#define A "aktiv"
#define NK "88.102", "SN2007" /* a code that no check looks at */

static const rec_case cases[] = {
    {HJTJ_CHECK_EN_BOENHET, 1, A, "boligbase", "demens", "1", "", "0301", NK},
    {HJTJ_CHECK_EN_BOENHET, 1, "opphort", "boligbase amb-helse", "demens", "1", "", "0301", NK},
    {HJTJ_CHECK_EN_BOENHET, 0, A, "boligbase", "demens", "2", "", "0301", NK},
    {HJTJ_CHECK_EN_BOENHET, 0, A, "amb-helse", "demens", "1", "", "0301", NK},
    {HJTJ_CHECK_INGEN_MALGRUPPE, 1, A, "bpa", "", "", "", "0301", NK},
    {HJTJ_CHECK_INGEN_MALGRUPPE, 0, A, "bpa", "ingen", "", "", "0301", NK},
    {HJTJ_CHECK_INGEN_MALGRUPPE, 0, "ikke-innrapportert", "bpa", "", "", "", "0301", NK},
    {HJTJ_CHECK_ENETILTAK_MED_ANDRE, 1, A, "enetiltak bpa", "demens", "", "", "0301", NK},
    {HJTJ_CHECK_ENETILTAK_MED_ANDRE, 1, "opphort", "sykehjem enetiltak", "", "", "", "0301", NK},
    {HJTJ_CHECK_ENETILTAK_MED_ANDRE, 0, A, "enetiltak", "demens", "", "", "0301", NK},
    {HJTJ_CHECK_ENETILTAK_MED_ANDRE, 0, A, "boligbase bpa", "demens", "1", "", "0301", NK},
    {HJTJ_CHECK_BOENHETER_UTEN_BOLIGBASE, 1, A, "amb-helse", "demens", "5", "", "0301", NK},
    {HJTJ_CHECK_BOENHETER_UTEN_BOLIGBASE, 1, A, "enetiltak boligbase", "demens", "5", "", "0301",
     NK},
    {HJTJ_CHECK_BOENHETER_UTEN_BOLIGBASE, 0, A, "boligbase", "demens", "5", "", "0301", NK},
    {HJTJ_CHECK_BOENHETER_UTEN_BOLIGBASE, 0, A, "amb-helse", "demens", "0", "", "0301", NK},
    {HJTJ_CHECK_BOENHETER_UTEN_BOLIGBASE, 0, A, "boligbase", "demens", "1", "", "0301", NK},
    {HJTJ_CHECK_MANGE_BOENHETER, 1, A, "boligbase", "demens", "101", "", "0301", NK},
    {HJTJ_CHECK_MANGE_BOENHETER, 0, A, "boligbase", "demens", "100", "", "0301", NK},
    {HJTJ_CHECK_BOFELLESSKAP_UTEN_BOLIGBASE, 1, A, "amb-helse", "demens", "", "", "0301",
     "87.203", "SN2007"},
    {HJTJ_CHECK_BOFELLESSKAP_UTEN_BOLIGBASE, 1, A, "bpa", "demens", "", "", "0301", "87.303",
     "SN2007"},
    {HJTJ_CHECK_BOFELLESSKAP_UTEN_BOLIGBASE, 0, A, "boligbase", "demens", "4", "", "0301",
     "87.203", "SN2007"},
    {HJTJ_CHECK_BOFELLESSKAP_UTEN_BOLIGBASE, 0, A, "enetiltak", "demens", "", "", "0301",
     "87.302", "SN2007"},
    {HJTJ_CHECK_BOFELLESSKAP_UTEN_BOLIGBASE, 0, A, "amb-helse", "demens", "", "", "0301",
     "87.203", "SN2025"},
    {HJTJ_CHECK_BOFELLESSKAP_UTEN_BOLIGBASE, 0, "opphort", "amb-helse", "demens", "", "", "0301",
     "87.303", "SN2007"},
    {HJTJ_CHECK_HJEMMESYKEPLEIE_UTEN_AMB_HELSE, 1, A, "bpa", "demens", "", "", "0301", "86.901",
     "SN2007"},
    {HJTJ_CHECK_HJEMMESYKEPLEIE_UTEN_AMB_HELSE, 1, A, "enetiltak amb-helse", "demens", "", "",
     "0301", "86.901", "SN2007"},
    {HJTJ_CHECK_HJEMMESYKEPLEIE_UTEN_AMB_HELSE, 0, A, "amb-helse bpa", "demens", "", "", "0301",
     "86.901", "SN2007"},
    {HJTJ_CHECK_HJEMMESYKEPLEIE_UTEN_AMB_HELSE, 0, "opphort", "bpa", "demens", "", "", "0301",
     "86.901", "SN2007"},
    {HJTJ_CHECK_HJEMMEHJELP_UTEN_AMB_PRAKTISK, 1, A, "amb-helse", "demens", "", "", "0301",
     "88.101", "SN2007"},
    {HJTJ_CHECK_HJEMMEHJELP_UTEN_AMB_PRAKTISK, 0, A, "amb-praktisk", "demens", "", "", "0301",
     "88.101", "SN2007"},
    {HJTJ_CHECK_HJEMMEHJELP_UTEN_AMB_PRAKTISK, 0, A, "amb-helse", "demens", "", "", "0301",
     "88.101", "SN2025"},
    {HJTJ_CHECK_SN2025_KODE, 1, A, "bpa", "demens", "", "", "0301", "88.101", "SN2025"},
    {HJTJ_CHECK_SN2025_KODE, 1, "opphort", "bpa", "demens", "", "", "0301", "87.101", "SN2025"},
    {HJTJ_CHECK_SN2025_KODE, 0, A, "bpa", "demens", "", "", "0301", "88.101", "SN2007"},
    {HJTJ_CHECK_SN2025_KODE, 0, A, "bpa", "demens", "", "", "0301", "", ""},
    {HJTJ_CHECK_MANGLER_NAERINGSKODE, 1, A, "bpa", "demens", "", "", "0301", "", ""},
    {HJTJ_CHECK_MANGLER_NAERINGSKODE, 1, "opphort", "bpa", "demens", "", "", "0301", "", ""},
    {HJTJ_CHECK_MANGLER_NAERINGSKODE, 0, A, "bpa", "demens", "", "", "0301", "87.101", "SN2025"},
    {HJTJ_CHECK_AKTIV_UTENFOR, 1, A, "annen-virksomhet", "demens", "", "", "0301", NK},
    {HJTJ_CHECK_AKTIV_UTENFOR, 1, A, "sykehjem dagaktivitet", "demens", "", "", "0301", NK},
    {HJTJ_CHECK_AKTIV_UTENFOR, 0, "opphort", "annen-virksomhet", "demens", "", "", "0301", NK},
    {HJTJ_CHECK_AKTIV_UTENFOR, 0, A, "administrasjon annen-virksomhet", "demens", "", "", "0301",
     NK},
    {HJTJ_CHECK_SAMME_NAVN, 1, A, "bpa", "demens", "", "Solbakken bofellesskap", "4601", NK},
    {HJTJ_CHECK_SAMME_NAVN, 1, A, "bpa", "demens", "", "  SOLBAKKEN\tBo fellesskap ", "4601", NK},
    {HJTJ_CHECK_SAMME_NAVN, 1, A, "bpa", "demens", "", "Ærfugltun Øst Å", "5001", NK},
    {HJTJ_CHECK_SAMME_NAVN, 1, A, "bpa", "demens", "", "ærfugltun øst å", "5001", NK},
    {HJTJ_CHECK_SAMME_NAVN, 0, A, "bpa", "demens", "", "Solbakken bofellesskap", "5001", NK},
    {HJTJ_CHECK_SAMME_NAVN, 0, "opphort", "bpa", "demens", "", "Solbakken bofellesskap", "4601",
     NK},
    {HJTJ_CHECK_SAMME_NAVN, 0, A, "bpa", "demens", "", "Solbakken bofelleskap", "4601", NK},
    {HJTJ_CHECK_SAMME_NAVN, 0, A, "bpa", "demens", "", "", "1103", NK},
    {HJTJ_CHECK_SAMME_NAVN, 0, A, "bpa", "demens", "", "", "1103", NK},
    {HJTJ_CHECK_SAMME_NAVN, 0, A, "bpa", "demens", "", "Aerfugltun Ost A", "5001", NK},
};
#define NCASES (sizeof cases / sizeof cases[0])

static void orgnr_of(size_t i, char out[10])
{
    unsigned n = 20000000u + (unsigned)i * 7u;
    do {
        snprintf(out, 10, "%08u", n++);
    } while (orgnr_complete(out) != 0);
}

/* Run the checks over reg; mask[i] gets the checks record i trips. */
static hjtj_checks *run_checks(const hjtj_register *reg, uint32_t *mask)
{
    hjtj_checks *c = NULL;
    size_t i;
    ck_assert_int_eq(hjtj_checks_new(&c), HJTJ_OK);
    ck_assert_int_eq(hjtj_checks_run(c, reg), HJTJ_OK);
    for (i = 0; i < hjtj_checks_count(c); i++) {
        size_t r = hjtj_checks_record_index(c, i);
        int32_t k = hjtj_checks_check(c, i);
        ck_assert_uint_lt(r, hjtj_register_count(reg));
        ck_assert_int_ge(k, 0);
        ck_assert_int_lt(k, hjtj_check_kinds());
        ck_assert_msg(!(mask[r] & BIT(k)), "record %zu listed twice for %s", r,
                      hjtj_check_code((hjtj_check)k));
        mask[r] |= BIT(k);
    }
    return c;
}

START_TEST(test_each_check)
{
    sbuf b = {NULL, 0, 0};
    size_t i;
    uint32_t mask[NCASES];
    hjtj_register *reg;
    hjtj_checks *c;
    int32_t k;
    int tripped[16] = {0}, spared[16] = {0};

    sb_printf(&b, HEADER);
    for (i = 0; i < NCASES; i++) {
        const rec_case *x = &cases[i];
        char org[10];
        orgnr_of(i, org);
        sb_printf(&b, "%s,%s,kommunal,%s,%s,%s,%s,\"%s\",%s,%s\n", org, x->kommunenr, x->status,
                  x->types, x->mg, x->boenheter, x->navn, x->nk, x->std);
    }
    reg = load_string(b.s, HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 0);
    ck_assert_uint_eq(hjtj_register_count(reg), NCASES);
    memset(mask, 0, sizeof mask);
    c = run_checks(reg, mask);
    for (i = 0; i < NCASES; i++) {
        const rec_case *x = &cases[i];
        int got = (mask[i] & BIT(x->check)) != 0;
        ck_assert_msg(got == x->trips, "case %zu (%s, types '%s', navn '%s'): %s", i,
                      hjtj_check_code((hjtj_check)x->check), x->types, x->navn,
                      x->trips ? "did not fire" : "fired");
        (x->trips ? tripped : spared)[x->check]++;
    }
    /* every check has a record that trips it and one that does not */
    for (k = 0; k < hjtj_check_kinds(); k++) {
        ck_assert_msg(tripped[k] > 0 && spared[k] > 0, "check %s not covered",
                      hjtj_check_code((hjtj_check)k));
        ck_assert_uint_ge(hjtj_checks_total(c, (hjtj_check)k), (size_t)tripped[k]);
    }
    ck_assert_uint_eq(hjtj_checks_total(c, HJTJ_CHECK_SAMME_NAVN), 4);
    hjtj_checks_free(c);
    hjtj_register_free(reg);
    free(b.s);
}
END_TEST

/* ---- on random registers, against the rules computed here ---- */

static uint32_t edited(const hjtj_record *r)
{
    uint32_t t = hjtj_record_types_given(r);
    if (hjtj_record_status(r) != HJTJ_STATUS_AKTIV)
        return t;
    if ((t & TY(BOLIGBASE)) && hjtj_record_boenheter(r) == 1)
        t = (t & ~TY(BOLIGBASE)) | TY(ENETILTAK);
    if (t & TY(ENETILTAK))
        t = TY(ENETILTAK);
    return t;
}

/* The name as compared: lower case (ASCII, ÆØÅ) and no blanks. */
static void norm(const char *s, char *out)
{
    while (*s) {
        if (*s == ' ' || *s == '\t') {
            s++;
        } else if (strncmp(s, "\xc3\x86", 2) == 0 || strncmp(s, "\xc3\x98", 2) == 0 ||
                   strncmp(s, "\xc3\x85", 2) == 0) {
            *out++ = s[0];
            *out++ = (char)(s[1] + 0x20);
            s += 2;
        } else {
            *out++ = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
            s++;
        }
    }
    *out = '\0';
}

static int nk2007(const hjtj_record *r, const char *code)
{
    return strcmp(hjtj_record_naeringskode_standard(r), "SN2007") == 0 &&
           strcmp(hjtj_record_naeringskode(r), code) == 0;
}

static uint32_t expected_mask(const hjtj_register *reg, size_t i)
{
    const hjtj_record *r = hjtj_register_record(reg, i);
    int aktiv = hjtj_record_status(r) == HJTJ_STATUS_AKTIV;
    uint32_t given = hjtj_record_types_given(r), t = edited(r), m = 0;
    int64_t b = hjtj_record_boenheter(r);
    const char *nk = hjtj_record_naeringskode(r);
    int one_boenhet = (given & TY(BOLIGBASE)) && b == 1;
    if (one_boenhet)
        m |= BIT(HJTJ_CHECK_EN_BOENHET);
    if (aktiv && hjtj_record_malgrupper_given(r) == 0)
        m |= BIT(HJTJ_CHECK_INGEN_MALGRUPPE);
    if ((given & TY(ENETILTAK)) && given != TY(ENETILTAK))
        m |= BIT(HJTJ_CHECK_ENETILTAK_MED_ANDRE);
    if (b > 0 && !(t & TY(BOLIGBASE)) && !(aktiv && one_boenhet))
        m |= BIT(HJTJ_CHECK_BOENHETER_UTEN_BOLIGBASE);
    if (b > 100)
        m |= BIT(HJTJ_CHECK_MANGE_BOENHETER);
    if (aktiv && (nk2007(r, "87.203") || nk2007(r, "87.302") || nk2007(r, "87.303")) &&
        !(t & (TY(BOLIGBASE) | TY(ENETILTAK))))
        m |= BIT(HJTJ_CHECK_BOFELLESSKAP_UTEN_BOLIGBASE);
    if (aktiv && nk2007(r, "86.901") && !(t & TY(AMB_HELSE)))
        m |= BIT(HJTJ_CHECK_HJEMMESYKEPLEIE_UTEN_AMB_HELSE);
    if (aktiv && nk2007(r, "88.101") && !(t & TY(AMB_PRAKTISK)))
        m |= BIT(HJTJ_CHECK_HJEMMEHJELP_UTEN_AMB_PRAKTISK);
    if (nk[0] && strcmp(hjtj_record_naeringskode_standard(r), "SN2025") == 0)
        m |= BIT(HJTJ_CHECK_SN2025_KODE);
    if (!nk[0])
        m |= BIT(HJTJ_CHECK_MANGLER_NAERINGSKODE);
    /* utenfor under the 2024 rules: no HT type (AT or ADM only, and an ADM
     * type with an AT' type is combined only with an HT type) */
    if (aktiv && !(t & 0x3fu) &&
        !((t & (TY(RESSURSENHET) | TY(BESTILLERKONTOR) | TY(ADMINISTRASJON))) &&
          !(t & (TY(BARNEBOLIG_AVLASTNING) | TY(SYKEHJEM) | TY(DAGAKTIVITET)))))
        m |= BIT(HJTJ_CHECK_AKTIV_UTENFOR);
    if (aktiv && hjtj_record_navn(r)[0]) {
        char a[256], o[256];
        size_t j;
        norm(hjtj_record_navn(r), a);
        for (j = 0; a[0] && j < hjtj_register_count(reg); j++) {
            const hjtj_record *q = hjtj_register_record(reg, j);
            if (j == i || hjtj_record_status(q) != HJTJ_STATUS_AKTIV ||
                strcmp(hjtj_record_kommunenr(q), hjtj_record_kommunenr(r)) != 0)
                continue;
            norm(hjtj_record_navn(q), o);
            if (strcmp(a, o) == 0) {
                m |= BIT(HJTJ_CHECK_SAMME_NAVN);
                break;
            }
        }
    }
    return m;
}

START_TEST(test_random_registers)
{
    size_t s, i, n, h, totals[16];
    for (s = 1; s <= 4; s++) {
        hjtj_register *reg = randreg_load(s * 31, 1200, NULL);
        uint32_t *mask;
        hjtj_checks *c;
        int32_t k;
        n = hjtj_register_count(reg);
        mask = calloc(n, sizeof *mask);
        c = run_checks(reg, mask);
        memset(totals, 0, sizeof totals);
        for (i = 0; i < n; i++) {
            uint32_t want = expected_mask(reg, i);
            ck_assert_msg(mask[i] == want, "seed %zu record %zu (%s): checks %#x, expected %#x",
                          s, i, hjtj_record_orgnr(hjtj_register_record(reg, i)), mask[i], want);
            for (k = 0; k < hjtj_check_kinds(); k++)
                totals[k] += (want >> k) & 1;
        }
        for (k = 0; k < hjtj_check_kinds(); k++)
            ck_assert_uint_eq(hjtj_checks_total(c, (hjtj_check)k), totals[k]);
        /* input order: by record, then by check */
        for (h = 1; h < hjtj_checks_count(c); h++) {
            size_t r0 = hjtj_checks_record_index(c, h - 1), r1 = hjtj_checks_record_index(c, h);
            ck_assert(r0 < r1 || (r0 == r1 && hjtj_checks_check(c, h - 1) <
                                                  hjtj_checks_check(c, h)));
            ck_assert_uint_le(hjtj_checks_line(c, h - 1), hjtj_checks_line(c, h));
        }
        for (h = 0; h < hjtj_checks_count(c); h++) {
            const hjtj_record *r = hjtj_register_record(reg, hjtj_checks_record_index(c, h));
            ck_assert_str_eq(hjtj_checks_orgnr(c, h), hjtj_record_orgnr(r));
            ck_assert_uint_eq(hjtj_checks_line(c, h), hjtj_record_line(r));
            ck_assert_str_eq(hjtj_checks_file(c, h), "random.csv");
            ck_assert_str_ne(hjtj_checks_message(c, h, HJTJ_LANG_NB), "");
            ck_assert_str_ne(hjtj_checks_message(c, h, HJTJ_LANG_EN), "");
        }
        hjtj_checks_free(c);
        free(mask);
        hjtj_register_free(reg);
    }
}
END_TEST

/* ---- input order across files, messages, the object's contract ---- */

START_TEST(test_files_in_order)
{
    const char *a = HEADER "100000008,0301,kommunal,aktiv,bpa,demens,,Tunet,,\n"
                           "100000016,0301,kommunal,aktiv,bpa,demens,101,,86.901,SN2007\n";
    const char *b = "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\">\n"
                    "<virksomhet orgnr=\"100000024\" kommunenr=\"0301\" eierskap=\"privat\">\n"
                    "  <navn>TUNET</navn><virksomhetstyper>bpa</virksomhetstyper>\n"
                    "  <naeringskode>88.101</naeringskode>\n"
                    "</virksomhet></kartlegging>\n";
    hjtj_register *reg = NULL;
    hjtj_checks *c = NULL;
    static const struct {
        const char *file;
        uint64_t line;
        const char *orgnr;
        int check;
        const char *nb, *en;
    } want[] = {
        {"a.csv", 2, "100000008", HJTJ_CHECK_MANGLER_NAERINGSKODE, "næringskode mangler",
         "no næringskode"},
        {"a.csv", 2, "100000008", HJTJ_CHECK_SAMME_NAVN,
         "samme navn og kommunenr som 100000024 (b.xml, linje 2)",
         "same navn and kommunenr as 100000024 (b.xml, line 2)"},
        {"a.csv", 3, "100000016", HJTJ_CHECK_BOENHETER_UTEN_BOLIGBASE,
         "101 boenheter oppgitt uten boligbase: telles ikke",
         "101 boenheter given without boligbase: not counted"},
        {"a.csv", 3, "100000016", HJTJ_CHECK_MANGE_BOENHETER, "101 boenheter (mer enn 100)",
         "101 boenheter (more than 100)"},
        {"a.csv", 3, "100000016", HJTJ_CHECK_HJEMMESYKEPLEIE_UTEN_AMB_HELSE,
         "næringskode 86.901 (hjemmesykepleie) uten amb-helse",
         "næringskode 86.901 (home nursing) without amb-helse"},
        {"b.xml", 2, "100000024", HJTJ_CHECK_INGEN_MALGRUPPE,
         "ingen målgruppe oppgitt: satt til «ingen» (regel 4.1.2)",
         "no målgruppe given: set to 'ingen' (rule 4.1.2)"},
        {"b.xml", 2, "100000024", HJTJ_CHECK_HJEMMEHJELP_UTEN_AMB_PRAKTISK,
         "næringskode 88.101 (hjemmehjelp) uten amb-praktisk",
         "næringskode 88.101 (home help) without amb-praktisk"},
        {"b.xml", 2, "100000024", HJTJ_CHECK_SAMME_NAVN,
         "samme navn og kommunenr som 100000008 (a.csv, linje 2)",
         "same navn and kommunenr as 100000008 (a.csv, line 2)"},
    };
    size_t i;
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, a, strlen(a), "a.csv"), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, b, strlen(b), "b.xml"), HJTJ_OK);
    ck_assert_int_eq(hjtj_checks_new(&c), HJTJ_OK);
    ck_assert_int_eq(hjtj_checks_run(c, reg), HJTJ_OK);
    ck_assert_uint_eq(hjtj_checks_count(c), sizeof want / sizeof want[0]);
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        ck_assert_str_eq(hjtj_checks_file(c, i), want[i].file);
        ck_assert_uint_eq(hjtj_checks_line(c, i), want[i].line);
        ck_assert_str_eq(hjtj_checks_orgnr(c, i), want[i].orgnr);
        ck_assert_int_eq(hjtj_checks_check(c, i), want[i].check);
        ck_assert_str_eq(hjtj_checks_message(c, i, HJTJ_LANG_NB), want[i].nb);
        ck_assert_str_eq(hjtj_checks_message(c, i, HJTJ_LANG_EN), want[i].en);
    }
    /* out of range */
    ck_assert_int_eq(hjtj_checks_check(c, i), -1);
    ck_assert_uint_eq(hjtj_checks_record_index(c, i), SIZE_MAX);
    ck_assert_ptr_null(hjtj_checks_file(c, i));
    ck_assert_ptr_null(hjtj_checks_orgnr(c, i));
    ck_assert_ptr_null(hjtj_checks_message(c, i, HJTJ_LANG_NB));
    ck_assert_uint_eq(hjtj_checks_line(c, i), 0);
    ck_assert_uint_eq(hjtj_checks_total(c, (hjtj_check)99), 0);
    /* the object does not refer to the register */
    hjtj_register_free(reg);
    ck_assert_str_eq(hjtj_checks_file(c, 7), "b.xml");
    ck_assert_str_eq(hjtj_checks_message(c, 0, HJTJ_LANG_NB), "næringskode mangler");
    hjtj_checks_free(c);
}
END_TEST

START_TEST(test_codes_and_contract)
{
    hjtj_checks *c = NULL;
    hjtj_register *reg = NULL;
    int32_t k;
    static const char *const codes[] = {
        "en-boenhet", "ingen-malgruppe", "enetiltak-med-andre", "boenheter-uten-boligbase",
        "mange-boenheter", "bofellesskap-uten-boligbase", "hjemmesykepleie-uten-amb-helse",
        "hjemmehjelp-uten-amb-praktisk", "sn2025-kode", "mangler-naeringskode", "aktiv-utenfor",
        "samme-navn"};
    ck_assert_int_eq(hjtj_check_kinds(), 12);
    for (k = 0; k < 12; k++) {
        ck_assert_str_eq(hjtj_check_code((hjtj_check)k), codes[k]);
        ck_assert_int_eq(hjtj_check_parse(codes[k]), k);
        ck_assert_ptr_nonnull(hjtj_check_description((hjtj_check)k, HJTJ_LANG_NB));
        ck_assert_ptr_nonnull(hjtj_check_description((hjtj_check)k, HJTJ_LANG_EN));
    }
    ck_assert_ptr_null(hjtj_check_code((hjtj_check)12));
    ck_assert_ptr_null(hjtj_check_description((hjtj_check)-1, HJTJ_LANG_NB));
    ck_assert_int_eq(hjtj_check_parse("samme_navn"), -1);
    ck_assert_int_eq(hjtj_check_parse(NULL), -1);
    ck_assert_int_eq(hjtj_checks_new(NULL), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_checks_new(&c), HJTJ_OK);
    ck_assert_uint_eq(hjtj_checks_count(c), 0);
    ck_assert_int_eq(hjtj_checks_run(NULL, NULL), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_checks_run(c, NULL), HJTJ_ERR_INVALID_ARG);
    /* a register that does not keep its records cannot be checked */
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_keep_records(reg, 0), HJTJ_OK);
    ck_assert_int_eq(hjtj_checks_run(c, reg), HJTJ_ERR_STATE);
    ck_assert_int_eq(hjtj_error_status(hjtj_checks_error(c)), HJTJ_ERR_STATE);
    hjtj_register_free(reg);
    /* an empty register: no hits */
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_checks_run(c, reg), HJTJ_OK);
    ck_assert_uint_eq(hjtj_checks_count(c), 0);
    hjtj_register_free(reg);
    hjtj_checks_free(c);
    hjtj_checks_free(NULL);
}
END_TEST

/* With enetiltak="uten" an enetiltak is outside the population, so it
 * trips aktiv-utenfor (the checks read the classes of the register's
 * scheme). */
START_TEST(test_scheme_changes_aktiv_utenfor)
{
    const char *csv = HEADER "100000008,0301,kommunal,aktiv,enetiltak,demens,,,88.102,SN2007\n";
    hjtj_scheme *s = NULL;
    hjtj_register *reg = NULL;
    hjtj_checks *c = NULL;
    ck_assert_int_eq(hjtj_scheme_new(&s), HJTJ_OK);
    ck_assert_int_eq(hjtj_checks_new(&c), HJTJ_OK);
    reg = load_string(csv, HJTJ_OK);
    ck_assert_int_eq(hjtj_checks_run(c, reg), HJTJ_OK);
    ck_assert_uint_eq(hjtj_checks_count(c), 0);
    hjtj_register_free(reg);
    ck_assert_int_eq(hjtj_scheme_set_enetiltak(s, HJTJ_ENETILTAK_UTEN), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_scheme(reg, s), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, csv, strlen(csv), "x"), HJTJ_OK);
    ck_assert_int_eq(hjtj_checks_run(c, reg), HJTJ_OK);
    ck_assert_uint_eq(hjtj_checks_count(c), 1);
    ck_assert_int_eq(hjtj_checks_check(c, 0), HJTJ_CHECK_AKTIV_UTENFOR);
    ck_assert_str_eq(hjtj_checks_message(c, 0, HJTJ_LANG_EN),
                     "status aktiv but not home care (virksomhetstyper: enetiltak)");
    hjtj_register_free(reg);
    hjtj_checks_free(c);
    hjtj_scheme_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("checks");
    TCase *tc = tcase_create("checks");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_each_check);
    tcase_add_test(tc, test_random_registers);
    tcase_add_test(tc, test_files_in_order);
    tcase_add_test(tc, test_codes_and_contract);
    tcase_add_test(tc, test_scheme_changes_aktiv_utenfor);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
