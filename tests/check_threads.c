/* check_threads.c — the thread contract of hjtj(3): distinct objects are
 * independent, and a loaded register may be read from several threads.
 *
 * Every thread computes a "fingerprint" of what it did (the classes of every
 * record, the diagnostics, and every table of the catalogue as built and as
 * written) and the result must equal the one computed once in the main
 * thread.  The tables are taken from hjtj_catalog_id() at run time, so the
 * test does not depend on which tables exist or on their contents.
 *
 * Run it under a race detector to make it mean something:
 *     CK_FORK=no valgrind --tool=helgrind tests/check_threads
 * or build with -fsanitize=thread (see the report in the commit). */
#include "testutil.h"

#include <pthread.h>
#include <stdarg.h>

#define NTHREADS 6
#define ROUNDS 2
#define NRECORDS 48

/* ---- a growable string ---- */

typedef struct sbuf {
    char *s;
    size_t len, cap;
    int failed;
} sbuf;

static void sb_putn(sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        char *ns;
        while (b->len + n + 1 > cap)
            cap *= 2;
        ns = realloc(b->s, cap);
        if (ns == NULL) {
            b->failed = 1;
            return;
        }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_putn(b, s ? s : "(null)", strlen(s ? s : "(null)"));
}

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        sb_putn(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ---- the input: a few dozen generated records, as XML and as CSV ---- */

static const char *const kommuner[] = {"0301", "1103", "1106", "1101", "1160",
                                       "1111", "4601", "1122", "1119", "5001"};
static const char *const typesets[] = {
    "boligbase", "amb-helse", "amb-praktisk", "amb-helse amb-praktisk", "bpa",
    "boligbase amb-helse", "boligbase sykehjem", "administrasjon", "ressursenhet bestillerkontor",
    "enetiltak", "boligbase amb-helse amb-praktisk", "amb-helse dagaktivitet administrasjon",
    "annen-hjemmetjeneste", "annen-virksomhet", "barnebolig-avlastning bpa"};
static const char *const mgsets[] = {"utviklingshemning", "demens bevegelse-67", "psykiske-lidelser rusproblemer",
                                     "bevegelse-0-66", "", "ingen", "annen",
                                     "demens psykiske-lidelser rusproblemer",
                                     "utviklingshemning bevegelse-0-66 psykiske-lidelser",
                                     ("demens bevegelse-0-66 bevegelse-67 utviklingshemning "
                                      "psykiske-lidelser rusproblemer")};
static const char *const statuses[] = {"aktiv", "aktiv", "aktiv", "aktiv", "aktiv",
                                       "aktiv", "aktiv", "opphort", "ikke-innrapportert",
                                       "ikke-hjemmetjeneste", "midlertidig-opphort"};
static const char *const mottar[] = {"", "ambulerende", "sykehjem boligbase", ""};
static const char *const leverer[] = {"", "", "dagsenter", "sykehjem annen"};

/* A valid orgnr (modulus 11) from the first usable serial number from
 * `serial` on; returns the serial used. */
static unsigned make_orgnr(char out[10], unsigned serial)
{
    for (;; serial++) {
        snprintf(out, 10, "9%07u", serial % 10000000u);
        if (orgnr_complete(out) == 0)
            return serial;
    }
}

#define PICK(arr, i) (arr[(i) % (sizeof arr / sizeof arr[0])])

static char *make_xml(void)
{
    sbuf b = {0};
    unsigned i, serial = 100;
    sb_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\" aargang=\"2024\">\n");
    for (i = 0; i < NRECORDS; i++) {
        char orgnr[10];
        serial = make_orgnr(orgnr, serial) + 7;
        sb_printf(&b, "<virksomhet orgnr=\"%s\" kommunenr=\"%s\" eierskap=\"%s\" status=\"%s\">\n",
                  orgnr, PICK(kommuner, i * 7), i % 5 == 3 ? "privat" : "kommunal",
                  PICK(statuses, i));
        sb_printf(&b, "  <navn>Virksomhet %u</navn>\n", i);
        sb_printf(&b, "  <naeringskode standard=\"%s\">%s</naeringskode>\n",
                  i % 9 == 4 ? "SN2025" : "SN2007", i % 2 ? "87.203" : "88.101");
        sb_printf(&b, "  <virksomhetstyper>%s</virksomhetstyper>\n", PICK(typesets, i));
        sb_printf(&b, "  <malgrupper>%s</malgrupper>\n", PICK(mgsets, i * 3));
        if (strstr(PICK(typesets, i), "boligbase") && i % 4 != 1)
            sb_printf(&b, "  <boenheter>%u</boenheter>\n", (i * 13) % 60);
        if (i % 3 == 0)
            sb_printf(&b, "  <personellutveksling mottar-fra=\"%s\" leverer-til=\"%s\"/>\n",
                      PICK(mottar, i), PICK(leverer, i / 2));
        sb_printf(&b, "  <andre-kommuner>%s</andre-kommuner>\n", i % 6 == 2 ? "true" : "false");
        sb_puts(&b, "</virksomhet>\n");
    }
    /* two bad records: a wrong check digit and an unknown code */
    sb_puts(&b, "<virksomhet orgnr=\"123456789\" kommunenr=\"0301\" eierskap=\"kommunal\">"
                "<virksomhetstyper>bpa</virksomhetstyper></virksomhet>\n"
                "<virksomhet orgnr=\"100000008\" kommunenr=\"0301\" eierskap=\"kommunal\">"
                "<virksomhetstyper>bolig</virksomhetstyper></virksomhet>\n"
                "</kartlegging>\n");
    ck_assert_int_eq(b.failed, 0);
    return b.s;
}

static char *make_csv(void)
{
    sbuf b = {0};
    unsigned i, serial = 100;
    sb_puts(&b, "orgnr;kommunenr;eierskap;status;virksomhetstyper;malgrupper;boenheter;"
                "mottar_fra;leverer_til;andre_kommuner;naeringskode;ekstra\r\n");
    for (i = 0; i < NRECORDS; i++) {
        char orgnr[10];
        serial = make_orgnr(orgnr, serial) + 7;
        sb_printf(&b, "%s;%s;%s;%s;%s;%s;", orgnr, PICK(kommuner, i * 5),
                  i % 4 == 1 ? "privat" : "kommunal", PICK(statuses, i + 3),
                  PICK(typesets, i + 2), PICK(mgsets, i));
        if (strstr(PICK(typesets, i + 2), "boligbase"))
            sb_printf(&b, "%u", (i * 11) % 40);
        sb_printf(&b, ";%s;%s;%d;87.203;x\r\n", PICK(mottar, i + 1), PICK(leverer, i),
                  i % 5 == 0);
    }
    sb_puts(&b, "100000009;0301;kommunal;aktiv;bpa;demens;;;;0;;x\r\n");
    ck_assert_int_eq(b.failed, 0);
    return b.s;
}

static const char scheme_xml[] =
    "<skjema xmlns=\"urn:hjtj:skjema:1\" navn=\"test\">"
    "<asss>0301 4601</asss><terskler>30000 15000 3000</terskler>"
    "<boenhetsgrupper>2 10 20</boenhetsgrupper></skjema>";

static const char kommuner_csv[] = "kommunenr;navn;innbyggere\n0301;Oslo;724290\n"
                                   "1106;Haugesund;38441\n1111;Sokndal;3371\n";

/* ---- fingerprints ----
 * These run in the worker threads, where Check's assertions must not be
 * used: a problem is written into the fingerprint as "MISMATCH: ...", which
 * the main thread's reference must not contain. */

static void print_error(sbuf *b, const hjtj_error *e)
{
    sb_printf(b, "error %d %s:%llu:%llu %s\n", (int)hjtj_error_status(e), hjtj_error_file(e),
              (unsigned long long)hjtj_error_line(e), (unsigned long long)hjtj_error_column(e),
              hjtj_error_message(e));
}

static void print_diag(sbuf *b, const char *what, const hjtj_diag *d)
{
    sb_printf(b, "%s %s %s:%llu:%llu %s %s\n", what, hjtj_reason_code(hjtj_diag_reason(d)),
              hjtj_diag_file(d), (unsigned long long)hjtj_diag_line(d),
              (unsigned long long)hjtj_diag_column(d), hjtj_diag_orgnr(d), hjtj_diag_message(d));
}

/* Everything a reader of the register can see, records and diagnostics. */
static void print_register(sbuf *b, const hjtj_register *reg)
{
    size_t i, n = hjtj_register_count(reg);
    const hjtj_kommuner *k = hjtj_register_kommuner(reg);
    const hjtj_scheme *s = hjtj_register_scheme(reg);
    sb_printf(b, "read %zu loaded %zu rejected %zu warnings %zu aargang %d scheme %s\n",
              hjtj_register_read_count(reg), n, hjtj_register_reject_count(reg),
              hjtj_register_warning_count(reg), (int)hjtj_register_aargang(reg),
              hjtj_scheme_name(s));
    for (i = 0; i < n; i++) {
        const hjtj_record *r = hjtj_register_record(reg, i);
        int f;
        if (hjtj_register_find(reg, hjtj_record_orgnr(r)) != r)
            sb_puts(b, "MISMATCH: hjtj_register_find\n");
        sb_printf(b, "%s %s %s:%llu '%s' '%s' %s %s e%d s%d a%d t%x/%x m%x/%x p%x/%x b%lld/%lld "
                     "ed%x pop%d |",
                  hjtj_record_orgnr(r), hjtj_record_kommunenr(r), hjtj_record_file(r),
                  (unsigned long long)hjtj_record_line(r), hjtj_record_navn(r),
                  hjtj_record_merknad(r), hjtj_record_naeringskode(r),
                  hjtj_record_naeringskode_standard(r), (int)hjtj_record_eierskap(r),
                  (int)hjtj_record_status(r), (int)hjtj_record_andre_kommuner(r),
                  hjtj_record_types(r), hjtj_record_types_given(r), hjtj_record_malgrupper(r),
                  hjtj_record_malgrupper_given(r), hjtj_record_mottar_fra(r),
                  hjtj_record_leverer_til(r), (long long)hjtj_record_boenheter(r),
                  (long long)hjtj_record_boenheter_counted(r), hjtj_record_edits(r),
                  (int)hjtj_record_in_population(r));
        for (f = HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE; f <= HJTJ_FIELD_STORRELSE; f++) {
            int32_t v = hjtj_record_class(r, (hjtj_field)f);
            sb_printf(b, " %s", v < 0 ? "-" : hjtj_code((hjtj_field)f, v));
        }
        sb_puts(b, "\n");
    }
    for (i = 0; i < hjtj_register_reject_count(reg); i++)
        print_diag(b, "reject", hjtj_register_reject(reg, i));
    for (i = 0; i < hjtj_register_warning_count(reg); i++)
        print_diag(b, "warning", hjtj_register_warning(reg, i));
    for (i = 0; i < hjtj_kommuner_count(k); i += 37)
        sb_printf(b, "kommune %s %s %lld %d\n", hjtj_kommuner_nr(k, i), hjtj_kommuner_navn(k, i),
                  (long long)hjtj_kommuner_innbyggere(k, i), (int)hjtj_kommuner_storrelse(k, i, s));
}

static int sb_write(const char *data, size_t len, void *ud)
{
    sb_putn((sbuf *)ud, data, len);
    return 0;
}

/* Every table of the catalogue, built into `t`: status, accessors, cells and
 * both writers. */
static void print_tables(sbuf *b, hjtj_table *t, const hjtj_register *reg)
{
    size_t i, n = hjtj_catalog_count();
    for (i = 0; i < n; i++) {
        const char *id = hjtj_catalog_id(i);
        hjtj_status st = hjtj_table_build(t, reg, id);
        size_t r, c;
        char *text = NULL;
        size_t len = 0;
        sb_printf(b, "table %s %s: %d\n", id, hjtj_catalog_title(i, HJTJ_LANG_EN), (int)st);
        if (st != HJTJ_OK) {
            print_error(b, hjtj_table_error(t));
            continue;
        }
        sb_printf(b, "%s %s | %s n=%lld %zux%zu stub %zu\n", hjtj_table_id(t),
                  hjtj_table_title(t, HJTJ_LANG_NB), hjtj_table_population(t),
                  (long long)hjtj_table_n(t), hjtj_table_rows(t), hjtj_table_cols(t),
                  hjtj_table_stub_count(t));
        for (c = 0; c < hjtj_table_cols(t); c++)
            sb_printf(b, "col %s %s\n", hjtj_table_col_code(t, c),
                      hjtj_table_col_label(t, c, HJTJ_LANG_EN));
        for (r = 0; r < hjtj_table_rows(t); r++) {
            sb_printf(b, "row %s %s:", hjtj_table_row_code(t, r),
                      hjtj_table_row_label(t, r, HJTJ_LANG_EN));
            for (c = 0; c < hjtj_table_cols(t); c++)
                sb_printf(b, " %d/%lld/%lld/%.6g/%s", (int)hjtj_table_cell_kind(t, r, c),
                          (long long)hjtj_table_cell_int(t, r, c),
                          (long long)hjtj_table_cell_den(t, r, c), hjtj_table_cell_value(t, r, c),
                          hjtj_table_cell_text(t, r, c));
            sb_puts(b, "\n");
        }
        st = hjtj_table_write(t, HJTJ_FORMAT_TEXT, sb_write, b);
        if (st != HJTJ_OK)
            sb_printf(b, "MISMATCH: hjtj_table_write %d\n", (int)st);
        st = hjtj_table_to_string(t, HJTJ_FORMAT_CSV, &text, &len);
        if (st != HJTJ_OK || text == NULL || strlen(text) != len)
            sb_printf(b, "MISMATCH: hjtj_table_to_string %d\n", (int)st);
        else
            sb_putn(b, text, len);
        hjtj_free(text);
    }
}

/* Load, classify and tabulate one input with objects of our own. */
static char *run_separate(const char *input, const char *name)
{
    sbuf b = {0};
    hjtj_register *reg = NULL;
    hjtj_scheme *scheme = NULL;
    hjtj_kommuner *k = NULL;
    hjtj_table *t = NULL;
    hjtj_status st;
    size_t i;

    /* a scheme and a municipality table of our own, read and thrown away */
    if (hjtj_scheme_new(&scheme) != HJTJ_OK || hjtj_kommuner_new(&k) != HJTJ_OK)
        return NULL;
    st = hjtj_scheme_load_memory(scheme, scheme_xml, strlen(scheme_xml), "scheme.xml");
    sb_printf(&b, "scheme %d %s %d", (int)st, hjtj_scheme_name(scheme),
              (int)hjtj_scheme_band_count(scheme));
    for (i = 0; i < 64; i++)
        sb_printf(&b, " %d", (int)hjtj_scheme_samlemalgruppe(scheme, (uint32_t)i));
    sb_printf(&b, " band(15)=%d\n", (int)hjtj_scheme_band_of(scheme, 15));
    st = hjtj_kommuner_load_memory(k, kommuner_csv, strlen(kommuner_csv), "k.csv");
    sb_printf(&b, "kommuner %d %zu %lld %d\n", (int)st, hjtj_kommuner_count(k),
              (long long)hjtj_kommuner_find(k, "1111"),
              (int)hjtj_kommuner_storrelse(k, 1, scheme));
    hjtj_scheme_free(scheme);
    hjtj_kommuner_free(k);

    if (hjtj_register_new(&reg) != HJTJ_OK) {
        free(b.s);
        return NULL;
    }
    st = hjtj_register_load_memory(reg, input, strlen(input), name);
    sb_printf(&b, "load %d\n", (int)st);
    if (st != HJTJ_OK)
        print_error(&b, hjtj_register_error(reg));
    print_register(&b, reg);
    if (hjtj_table_new(&t) == HJTJ_OK)
        print_tables(&b, t, reg);
    hjtj_table_free(t);
    hjtj_register_free(reg);
    if (b.failed) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

/* Read a register someone else loaded: records and tables into `t`. */
static char *run_shared(const hjtj_register *reg)
{
    sbuf b = {0};
    hjtj_table *t = NULL;
    print_register(&b, reg);
    if (hjtj_table_new(&t) == HJTJ_OK)
        print_tables(&b, t, reg);
    hjtj_table_free(t);
    if (b.failed) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

/* ---- the threads ---- */

typedef struct job {
    pthread_barrier_t *start;
    const char *input, *name; /* separate objects */
    const hjtj_register *reg; /* shared register */
    const char *expected;
    int mismatches, failures;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    int round;
    pthread_barrier_wait(j->start);
    for (round = 0; round < ROUNDS; round++) {
        char *got = j->reg ? run_shared(j->reg) : run_separate(j->input, j->name);
        if (got == NULL)
            j->failures++;
        else if (strcmp(got, j->expected) != 0)
            j->mismatches++;
        free(got);
    }
    return NULL;
}

static void run_threads(job *jobs, int n)
{
    pthread_t th[NTHREADS];
    pthread_barrier_t start;
    int i;
    ck_assert_int_le(n, NTHREADS);
    ck_assert_int_eq(pthread_barrier_init(&start, NULL, (unsigned)n), 0);
    for (i = 0; i < n; i++) {
        jobs[i].start = &start;
        ck_assert_int_eq(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    }
    for (i = 0; i < n; i++)
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);
    pthread_barrier_destroy(&start);
    for (i = 0; i < n; i++) {
        ck_assert_msg(jobs[i].failures == 0, "thread %d: out of memory", i);
        ck_assert_msg(jobs[i].mismatches == 0, "thread %d: %d results differ from the main thread's",
                      i, jobs[i].mismatches);
    }
}

START_TEST(test_inputs_load)
{
    /* the generated inputs load as intended, so the other tests compare
     * something worth comparing */
    char *xml = make_xml(), *csv = make_csv();
    hjtj_register *reg = load_string(xml, HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), NRECORDS);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 2);
    hjtj_register_free(reg);
    reg = load_string(csv, HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), NRECORDS);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 1);
    ck_assert_uint_eq(hjtj_register_warning_count(reg), 1);
    hjtj_register_free(reg);
    free(xml);
    free(csv);
}
END_TEST

/* With HJTJ_THREADS_DUMP=FILE the reference results are written to FILE,
 * to see what the threads compare. */
static void dump(const char *what, const char *ref)
{
    const char *path = getenv("HJTJ_THREADS_DUMP");
    FILE *f;
    if (path == NULL || *path == '\0' || (f = fopen(path, "a")) == NULL)
        return;
    fprintf(f, "==== %s ====\n%s", what, ref);
    fclose(f);
}

START_TEST(test_separate_objects)
{
    char *xml = make_xml(), *csv = make_csv();
    char *ref_xml = run_separate(xml, "reg.xml"), *ref_csv = run_separate(csv, "reg.csv");
    job jobs[NTHREADS];
    int i;
    ck_assert_ptr_nonnull(ref_xml);
    ck_assert_ptr_nonnull(ref_csv);
    ck_assert_ptr_null(strstr(ref_xml, "MISMATCH"));
    ck_assert_ptr_null(strstr(ref_csv, "MISMATCH"));
    dump("separate objects, XML", ref_xml);
    dump("separate objects, CSV", ref_csv);
    memset(jobs, 0, sizeof jobs);
    for (i = 0; i < NTHREADS; i++) {
        jobs[i].input = i % 2 ? csv : xml;
        jobs[i].name = i % 2 ? "reg.csv" : "reg.xml";
        jobs[i].expected = i % 2 ? ref_csv : ref_xml;
    }
    run_threads(jobs, NTHREADS);
    free(ref_xml);
    free(ref_csv);
    free(xml);
    free(csv);
}
END_TEST

START_TEST(test_shared_register)
{
    char *xml = make_xml();
    hjtj_register *reg = load_string(xml, HJTJ_OK);
    char *ref = run_shared(reg);
    job jobs[NTHREADS];
    int i;
    ck_assert_ptr_nonnull(ref);
    ck_assert_ptr_null(strstr(ref, "MISMATCH"));
    dump("shared register", ref);
    memset(jobs, 0, sizeof jobs);
    for (i = 0; i < NTHREADS; i++) {
        jobs[i].reg = reg;
        jobs[i].expected = ref;
    }
    run_threads(jobs, NTHREADS);
    free(ref);
    hjtj_register_free(reg);
    free(xml);
}
END_TEST

/* ---- the first use of libxml2, from several threads at once ----
 * Check runs each test in a fresh process (CK_FORK), where nothing has used
 * libxml2 yet: the threads below make the process's first XML loads (a
 * register, with libxml2's validator too, and a scheme) together, released
 * by a barrier.  libxml2 initialises its globals lazily; the library does it
 * once (pthread_once) before any use.  Under helgrind or TSan a race there
 * is reported; without them a lost race shows as a crash or a wrong result. */

static pthread_barrier_t first_use_barrier;

static void *first_use(void *arg)
{
    static const char doc[] =
        "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\" aargang=\"2023\">"
        "<virksomhet orgnr=\"100000008\" kommunenr=\"0301\" eierskap=\"kommunal\">"
        "<navn>A &amp; B</navn><virksomhetstyper>bpa</virksomhetstyper>"
        "<malgrupper>demens</malgrupper></virksomhet></kartlegging>";
    static const char scheme[] = "<skjema xmlns=\"urn:hjtj:skjema:1\" navn=\"t\"/>";
    hjtj_register *reg = NULL;
    hjtj_scheme *sc = NULL;
    int *ok = arg; /* in: 0 or 1 (the XSD mode); out: 1 if all went well */
    hjtj_xsd_mode mode = *ok ? HJTJ_XSD_ALWAYS : HJTJ_XSD_AUTO;
    (void)pthread_barrier_wait(&first_use_barrier);
    *ok = hjtj_register_new(&reg) == HJTJ_OK && hjtj_scheme_new(&sc) == HJTJ_OK &&
          hjtj_register_set_xsd_mode(reg, mode) == HJTJ_OK &&
          hjtj_register_load_memory(reg, doc, sizeof doc - 1, "t") == HJTJ_OK &&
          hjtj_register_count(reg) == 1 && hjtj_register_aargang(reg) == 2023 &&
          strcmp(hjtj_record_navn(hjtj_register_record(reg, 0)), "A & B") == 0 &&
          hjtj_scheme_load_memory(sc, scheme, sizeof scheme - 1, "s") == HJTJ_OK &&
          strcmp(hjtj_scheme_name(sc), "t") == 0;
    hjtj_register_free(reg);
    hjtj_scheme_free(sc);
    return NULL;
}

START_TEST(test_first_use_concurrent)
{
    pthread_t th[NTHREADS];
    int ok[NTHREADS];
    int i;
    ck_assert_int_eq(pthread_barrier_init(&first_use_barrier, NULL, NTHREADS), 0);
    for (i = 0; i < NTHREADS; i++) {
        ok[i] = i % 2;
        ck_assert_int_eq(pthread_create(&th[i], NULL, first_use, &ok[i]), 0);
    }
    for (i = 0; i < NTHREADS; i++) {
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);
        ck_assert_msg(ok[i], "thread %d", i);
    }
    pthread_barrier_destroy(&first_use_barrier);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 600); /* slow under helgrind */
    tcase_add_test(tc, test_first_use_concurrent);
    tcase_add_test(tc, test_inputs_load);
    tcase_add_test(tc, test_separate_objects);
    tcase_add_test(tc, test_shared_register);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
