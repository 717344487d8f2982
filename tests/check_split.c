/* check_split.c — a CSV register read in two parts is the register read in
 * one.
 *
 * A big CSV file is read in two parts, the second on another thread, from
 * a line end guessed half-way (lib/load_csv.c).  HJTJ_SPLIT_MIN (bytes; 0:
 * never) lets the tests split every file, however small.  For many random
 * registers — rejects of every kind, duplicate orgnr on either side of the
 * split, quoted fields with line ends in them (so that the guess often
 * lands inside one), empty lines, CRLF, ragged rows, and on some seeds a
 * file-level error, invalid UTF-8, a record limit or a callback that stops
 * the load — every observable of the load must be the same split and
 * unsplit: the status and error (message, line, column), the counts, every
 * record with its classes and text, every reject and warning, and the
 * records the callback saw, in order.  Loaded from memory and from a file
 * (the second part reads its own window of the file). */
#include "randreg.h"

#include <unistd.h>

#define NSEEDS 60

static rng R;
static unsigned rnd(unsigned n)
{
    return rng_below(&R, n);
}

/* A quoted navn, now and then with a line end, a comma or "" in it. */
static void add_navn(sbuf *b)
{
    static const char *const piece[] = {"Sol", "bakken", " ", ",", "\"\"", "\n", "\r\n",
                                        "ø", "Æ", "ved sjøen", "\t"};
    unsigned i, n = 1 + rnd(6);
    sb_printf(b, "\"");
    for (i = 0; i < n; i++)
        sb_printf(b, "%s", piece[rnd(sizeof piece / sizeof piece[0])]);
    sb_printf(b, "\"");
}

/* One row: mostly good, now and then a record that is rejected, or a
 * row that is not a record of the header's width. */
static void add_row(sbuf *b, const hjtj_kommuner *k, const char *orgnr)
{
    unsigned bad = rnd(30), types, mg;
    if (rnd(25) == 0)
        sb_printf(b, rnd(2) ? "\n" : "\r\n"); /* an empty line */
    if (bad == 0) {
        sb_printf(b, "%s,0301\n", orgnr); /* ragged */
        return;
    }
    sb_printf(b, "%s%s%s,%s,%s,%s,", rnd(20) == 0 ? " " : "", bad == 1 ? "12345678" : orgnr,
              rnd(20) == 0 ? " " : "",
              bad == 2 ? "9999" : hjtj_kommuner_nr(k, rnd((unsigned)hjtj_kommuner_count(k))),
              bad == 3 ? "offentlig" : rnd(4) ? "kommunal" : "privat",
              hjtj_code(HJTJ_FIELD_STATUS, rnd(6) ? 0 : (int32_t)rnd(5)));
    types = rnd(3) ? (1u << rnd(13)) | (rnd(3) ? 0 : 1u << rnd(13)) : rnd(1u << 13);
    sb_codes(b, HJTJ_FIELD_VIRKSOMHETSTYPE, types);
    sb_printf(b, ",");
    mg = rnd(10) == 0 ? (1u << 6) : rnd(8) == 0 ? 0 : (rnd(1u << 8) & ~(1u << 6));
    sb_codes(b, HJTJ_FIELD_MALGRUPPE, mg);
    sb_printf(b, ",%s,", bad == 4 ? "tre" : rnd(4) ? "7" : "");
    if (bad == 5)
        sb_printf(b, "Sol\x01tun");
    else if (rnd(3) == 0)
        add_navn(b);
    else if (rnd(2))
        sb_printf(b, "Bjørkely %u", rnd(100));
    sb_printf(b, ",%s,%s%s", rnd(4) ? randreg_nk[rnd(8)] : "", rnd(5) ? "SN2007" : "SN2025",
              rnd(2) ? "\n" : "\r\n");
}

/* A register of about n rows; on some seeds a fault of the whole file
 * somewhere: an unclosed quote, invalid UTF-8, a quote inside a field. */
static char *make_register(uint64_t seed, unsigned n, size_t *len)
{
    hjtj_kommuner *k = NULL;
    sbuf b = {NULL, 0, 0};
    unsigned i, fault = rnd(12), at = rnd(n + 1);
    char(*org)[10] = malloc((n + 1) * sizeof *org);
    ck_assert_ptr_nonnull(org);
    R.s = seed;
    ck_assert_int_eq(hjtj_kommuner_new(&k), HJTJ_OK);
    ck_assert_int_eq(hjtj_kommuner_load_default(k), HJTJ_OK);
    sb_printf(&b, "orgnr,kommunenr,eierskap,status,virksomhetstyper,malgrupper,boenheter,navn,"
                  "naeringskode,naeringskode_standard\n");
    for (i = 0; i < n; i++) {
        snprintf(org[i], 10, "%u%07u", 1 + rnd(8), i * 10 + rnd(10));
        while (orgnr_complete(org[i]) != 0)
            org[i][7] = (char)('0' + (org[i][7] - '0' + 1) % 10);
        /* a duplicate of any record before, near or far */
        add_row(&b, k, i > 0 && rnd(20) == 0 ? org[rnd(i)] : org[i]);
        if (i == at && fault == 0)
            sb_printf(&b, "123,\"never closed,\n");
        else if (i == at && fault == 1)
            sb_printf(&b, "123,\xff\xfe,\n");
        else if (i == at && fault == 2)
            sb_printf(&b, "123,ab\"c,\n");
    }
    free(org);
    hjtj_kommuner_free(k);
    *len = b.n;
    return b.s;
}

/* What the callback saw, and when it stops the load. */
typedef struct seen {
    sbuf log;
    size_t n, stop_at; /* stop_at 0: never */
} seen;

static int on_record(const hjtj_record *rec, void *ud)
{
    seen *s = ud;
    sb_printf(&s->log, "%s:%llu ", hjtj_record_orgnr(rec),
              (unsigned long long)hjtj_record_line(rec));
    return ++s->n == s->stop_at;
}

static void dump_diag(sbuf *b, const hjtj_diag *d)
{
    sb_printf(b, "  %s %s:%llu:%llu [%s] %s\n", hjtj_reason_code(hjtj_diag_reason(d)),
              hjtj_diag_file(d), (unsigned long long)hjtj_diag_line(d),
              (unsigned long long)hjtj_diag_column(d), hjtj_diag_orgnr(d) ? hjtj_diag_orgnr(d) : "",
              hjtj_diag_message(d));
}

/* Everything a user can see of the load. */
static char *dump(const hjtj_register *reg, hjtj_status st)
{
    const hjtj_error *e = hjtj_register_error(reg);
    sbuf b = {NULL, 0, 0};
    size_t i;
    int f;
    sb_printf(&b, "status %d", (int)st);
    if (st != HJTJ_OK)
        sb_printf(&b, " %s:%llu:%llu %s", hjtj_error_file(e), (unsigned long long)hjtj_error_line(e),
                  (unsigned long long)hjtj_error_column(e), hjtj_error_message(e));
    sb_printf(&b, "\nread %zu loaded %zu rejected %zu warnings %zu\n", hjtj_register_read_count(reg),
              hjtj_register_count(reg), hjtj_register_reject_count(reg),
              hjtj_register_warning_count(reg));
    for (i = 0; i < hjtj_register_count(reg); i++) {
        const hjtj_record *r = hjtj_register_record(reg, i);
        sb_printf(&b, "%s %s %s|%s %s %s %s:%llu %d %d %d %x/%x %x/%x %x %x %lld %x %d:", hjtj_record_orgnr(r),
                  hjtj_record_kommunenr(r), hjtj_record_navn(r), hjtj_record_merknad(r),
                  hjtj_record_naeringskode(r), hjtj_record_naeringskode_standard(r),
                  hjtj_record_file(r), (unsigned long long)hjtj_record_line(r),
                  hjtj_record_eierskap(r), hjtj_record_status(r), hjtj_record_andre_kommuner(r),
                  hjtj_record_types(r), hjtj_record_types_given(r), hjtj_record_malgrupper(r),
                  hjtj_record_malgrupper_given(r), hjtj_record_mottar_fra(r),
                  hjtj_record_leverer_til(r), (long long)hjtj_record_boenheter(r),
                  hjtj_record_edits(r), hjtj_record_in_population(r));
        for (f = HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE; f <= HJTJ_FIELD_STORRELSE; f++)
            sb_printf(&b, " %d", hjtj_record_class(r, (hjtj_field)f));
        sb_printf(&b, "\n");
    }
    for (i = 0; i < hjtj_register_reject_count(reg); i++)
        dump_diag(&b, hjtj_register_reject(reg, i));
    for (i = 0; i < hjtj_register_warning_count(reg); i++)
        dump_diag(&b, hjtj_register_warning(reg, i));
    return b.s;
}

/* Load text (from memory, or from path) with the split on or off; the
 * dump and the callback's log. */
static char *load(const char *text, size_t len, const char *path, int split, uint64_t max_records,
                  size_t stop_at, char **log)
{
    hjtj_register *reg = NULL;
    seen s = {{NULL, 0, 0}, 0, stop_at};
    hjtj_status st;
    char *d;
    setenv("HJTJ_SPLIT_MIN", split ? "1" : "0", 1);
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_record_callback(reg, on_record, &s), HJTJ_OK);
    if (max_records)
        ck_assert_int_eq(hjtj_register_set_limit(reg, HJTJ_LIMIT_MAX_RECORDS, max_records), HJTJ_OK);
    st = path ? hjtj_register_load_file(reg, path) : hjtj_register_load_memory(reg, text, len, "r.csv");
    d = dump(reg, st);
    sb_printf(&s.log, "%s", "");
    *log = s.log.s;
    hjtj_register_free(reg);
    unsetenv("HJTJ_SPLIT_MIN");
    return d;
}

static size_t splits_compared, failures_compared;

START_TEST(split_equals_unsplit)
{
    uint64_t seed = 7001 + (uint64_t)_i * 104729;
    size_t len;
    unsigned n;
    char *text, path[] = "/tmp/check_split_XXXXXX";
    int fd, from_file;
    R.s = seed;
    n = 1 + rnd(4) * 40 + rnd(200);
    text = make_register(seed, n, &len);
    fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, text, len), (ssize_t)len);
    close(fd);
    for (from_file = 0; from_file < 2; from_file++) {
        uint64_t max_records = _i % 5 == 1 ? 1 + rnd(n) : 0;
        size_t stop_at = _i % 5 == 2 ? 1 + rnd(n) : 0;
        char *log1, *log2;
        char *one = load(text, len, from_file ? path : NULL, 0, max_records, stop_at, &log1);
        char *two = load(text, len, from_file ? path : NULL, 1, max_records, stop_at, &log2);
        ck_assert_msg(strcmp(one, two) == 0, "seed %d (%s): one part:\n%s\ntwo parts:\n%s", _i,
                      from_file ? "file" : "memory", one, two);
        /* the callback saw the same records in the same order, except that
         * bad UTF-8 after the split may stop a one-part load earlier */
        if (strncmp(one, "status 5", 8) != 0) /* HJTJ_ERR_ENCODING */
            ck_assert_msg(strcmp(log1, log2) == 0, "seed %d: callbacks differ:\n%s\n%s", _i, log1,
                          log2);
        splits_compared++;
        failures_compared += strncmp(one, "status 0", 8) != 0;
        free(one);
        free(two);
        free(log1);
        free(log2);
    }
    unlink(path);
    free(text);
}
END_TEST

/* The threads of this process now. */
static unsigned threads_now(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    unsigned n = 0;
    if (f == NULL)
        return 0;
    while (fgets(line, sizeof line, f) != NULL)
        if (sscanf(line, "Threads: %u", &n) == 1)
            break;
    fclose(f);
    return n;
}

static int under_valgrind(void)
{
    const char *p = getenv("LD_PRELOAD");
    return p != NULL && strstr(p, "vgpreload") != NULL;
}

/* Counts records, and the most threads seen now and then meanwhile. */
static int count_threads(const hjtj_record *rec, void *ud)
{
    unsigned *t = ud, now;
    (void)rec;
    if (t[0]++ % 2048 == 0 && (now = threads_now()) > t[1])
        t[1] = now;
    return 0;
}

/* A big register (over the default threshold of 8 MiB, so split without
 * the variable: a second thread is seen while it loads) equals itself read
 * in one part (where no second thread is seen); from a file of 20 MB (both
 * parts give back what they have read, in 8 MB steps), also with a fault
 * near its end (located by reading again from the start). */
START_TEST(big_register_default_threshold)
{
    char *csv = randreg_csv(99, 200000, 10000000u), *log1, *log2, *one, *two;
    char path[] = "/tmp/check_split_big_XXXXXX";
    size_t len = strlen(csv);
    hjtj_register *reg = NULL;
    unsigned obs[2] = {0, 0}, kind;
    int fd;
    ck_assert_uint_gt(len, (size_t)16 << 20);
    one = load(csv, len, NULL, 0, 0, 0, &log1);
    unsetenv("HJTJ_SPLIT_MIN");
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_record_callback(reg, count_threads, obs), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, csv, len, "r.csv"), HJTJ_OK);
    two = dump(reg, HJTJ_OK);
    ck_assert_str_eq(one, two);
    /* where /proc is there, and not under valgrind (which runs one thread
     * at a time: the second part may be done before the first record is
     * stored) */
    if (threads_now() == 1 && !under_valgrind())
        ck_assert_uint_eq(obs[1], 2);
    printf("check_split: %zu bytes, %u records, at most %u threads while loading\n", len, obs[0],
           obs[1]);
    hjtj_register_free(reg);
    free(one);
    free(two);
    free(log1);
    for (kind = 0; kind < 3; kind++) {
        if (kind == 1)
            csv[len - 100] = '\xff'; /* invalid UTF-8 near the end */
        else if (kind == 2)
            memcpy(csv + len - 100, "\"x", 2); /* an unclosed quote */
        fd = mkstemp(path);
        ck_assert_int_ge(fd, 0);
        ck_assert_int_eq(write(fd, csv, len), (ssize_t)len);
        close(fd);
        one = load(NULL, 0, path, 0, 0, 0, &log1);
        two = load(NULL, 0, path, 1, 0, 0, &log2);
        unlink(path);
        ck_assert_msg(strcmp(one, two) == 0, "kind %u: %.300s\n%.300s", kind, one, two);
        ck_assert(kind == 0 ? strncmp(one, "status 0", 8) == 0 : strncmp(one, "status 0", 8) != 0);
        if (kind != 1)
            ck_assert_str_eq(log1, log2);
        free(one);
        free(two);
        free(log1);
        free(log2);
        memcpy(path + strlen(path) - 6, "XXXXXX", 6);
    }
    free(csv);
}
END_TEST

static void report(void)
{
    printf("check_split: %zu loads compared split and unsplit (%zu of them failing)\n",
           splits_compared, failures_compared);
}

int main(void)
{
    Suite *s = suite_create("split");
    TCase *tc = tcase_create("split");
    SRunner *sr;
    int nf;
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, split_equals_unsplit, 0, NSEEDS);
    tcase_add_test(tc, big_register_default_threshold);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    nf = srunner_ntests_failed(sr);
    srunner_free(sr);
    report();
    return nf == 0 ? 0 : 1;
}
