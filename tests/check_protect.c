/* check_protect.c — small-count protection (SPEC §11): the core
 * (lib/protect.c, compiled into this test) on grids worked out by hand and
 * on random grids, and the public API on report tables built from small
 * registers.  The independent audit by linear programming is
 * tests/protect_audit.py. */
#include "testutil.h"

#include "protect.h"

#include <math.h>

/* ------------------------------------------------------------------ */
/* The core                                                            */
/* ------------------------------------------------------------------ */

static hjtj__pgrid grid(const int64_t *v, size_t nr, size_t nc, size_t tr, size_t tc, int ce,
                        int re)
{
    hjtj__pgrid g;
    g.nr = nr;
    g.nc = nc;
    g.v = v;
    g.tr = tr;
    g.tc = tc;
    g.col_eqs = ce;
    g.row_eqs = re;
    return g;
}

/* A 2 x 2 table with margins and one small cell: the classic rectangle. */
START_TEST(test_rectangle)
{
    static const int64_t v[] = {5, 1, 6, /* */ 4, 7, 11, /* */ 9, 8, 17};
    static const uint8_t want[] = {2, 1, 0, /* */ 2, 2, 0, /* */ 0, 0, 0};
    uint8_t st[9];
    hjtj__pgrid g = grid(v, 3, 3, 2, 2, 1, 1);
    size_t i;
    ck_assert_int_eq(hjtj__protect(&g, 3, st), HJTJ_OK);
    for (i = 0; i < 9; i++)
        ck_assert_msg(st[i] == want[i], "cell %zu: %d, expected %d", i, st[i], want[i]);
    ck_assert_int_eq(hjtj__protect_check(&g, 3, st), 1);
}
END_TEST

/* One column with a total: the smallest other cell joins the small one;
 * zeros are published, never used. */
START_TEST(test_one_dimension)
{
    static const int64_t v[] = {5, 0, 2, 9, 0, 4, 20};
    static const uint8_t want[] = {0, 0, 1, 0, 0, 2, 0};
    uint8_t st[7];
    hjtj__pgrid g = grid(v, 7, 1, 6, HJTJ__P_NONE, 1, 0);
    size_t i;
    ck_assert_int_eq(hjtj__protect(&g, 3, st), HJTJ_OK);
    for (i = 0; i < 7; i++)
        ck_assert_msg(st[i] == want[i], "row %zu: %d, expected %d", i, st[i], want[i]);
}
END_TEST

/* Two small cells in one line protect each other: no secondary cell. */
START_TEST(test_two_small_cells)
{
    static const int64_t v[] = {1, 2, 40, 43};
    uint8_t st[4];
    hjtj__pgrid g = grid(v, 4, 1, 3, HJTJ__P_NONE, 1, 0);
    ck_assert_int_eq(hjtj__protect(&g, 2, st), HJTJ_OK);
    ck_assert_int_eq(st[0], 1);
    ck_assert_int_eq(st[1], 1);
    ck_assert_int_eq(st[2], 0);
    ck_assert_int_eq(st[3], 0);
}
END_TEST

/* Without equations (multiple response both ways): primary only. */
START_TEST(test_no_equations)
{
    static const int64_t v[] = {1, 7, 3, /* */ 9, 2, 12};
    uint8_t st[6];
    hjtj__pgrid g = grid(v, 2, 3, 1, 2, 0, 0);
    size_t i;
    ck_assert_int_eq(hjtj__protect(&g, 3, st), HJTJ_OK);
    for (i = 0; i < 6; i++)
        ck_assert_int_eq(st[i], v[i] <= 3 ? 1 : 0);
}
END_TEST

/* A line that does not add up is no equation, even when asked for. */
START_TEST(test_line_not_adding_up)
{
    /* the rows of column 0 add up (3 + 7 = 10); those of column 1 do not
     * (a multiple-response column: 2 + 6 != 5) */
    static const int64_t v[] = {3, 2, /* */ 7, 6, /* */ 10, 5};
    uint8_t st[6];
    hjtj__pgrid g = grid(v, 3, 2, 2, HJTJ__P_NONE, 1, 0);
    ck_assert_int_eq(hjtj__protect(&g, 3, st), HJTJ_OK);
    ck_assert_int_eq(st[0], 1); /* 3, with 7 as its partner */
    ck_assert_int_eq(st[2], 2);
    ck_assert_int_eq(st[4], 0);
    ck_assert_int_eq(st[1], 1); /* 2: primary, no partner needed */
    ck_assert_int_eq(st[3], 0);
    ck_assert_int_eq(st[5], 0);
}
END_TEST

START_TEST(test_bad_input)
{
    static const int64_t v[] = {1, 2, 3};
    static const int64_t neg[] = {1, -2, -1};
    uint8_t st[3];
    hjtj__pgrid g = grid(v, 3, 1, 2, HJTJ__P_NONE, 1, 0);
    hjtj__pgrid n = grid(neg, 3, 1, 2, HJTJ__P_NONE, 1, 0);
    hjtj__pgrid bad = grid(v, 3, 1, 5, HJTJ__P_NONE, 1, 0);
    ck_assert_int_eq(hjtj__protect(&g, 0, st), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj__protect(&g, -3, st), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj__protect(&n, 3, st), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj__protect(&bad, 3, st), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj__protect(NULL, 3, st), HJTJ_ERR_INVALID_ARG);
}
END_TEST

/* The check refuses what breaks the guarantee. */
START_TEST(test_check_refuses)
{
    static const int64_t v[] = {1, 5, 0, 6};
    hjtj__pgrid g = grid(v, 4, 1, 3, HJTJ__P_NONE, 1, 0);
    uint8_t alone[] = {1, 0, 0, 0};    /* 1 = 6 - 5 */
    uint8_t zero[] = {1, 0, 2, 0};     /* a zero as partner: -1 impossible */
    uint8_t open[] = {0, 2, 0, 0};     /* the small count published */
    uint8_t good[] = {1, 2, 0, 0};
    ck_assert_int_eq(hjtj__protect_check(&g, 3, alone), 0);
    ck_assert_int_eq(hjtj__protect_check(&g, 3, zero), 0);
    ck_assert_int_eq(hjtj__protect_check(&g, 3, open), 0);
    ck_assert_int_eq(hjtj__protect_check(&g, 3, good), 1);
}
END_TEST

/* Random tables of every shape: the pattern passes the check, every count
 * 1..k is primary, no zero and nothing above k is primary, no zero is
 * suppressed. */
START_TEST(test_random_grids)
{
    unsigned seed = 17;
    int iter;
    for (iter = 0; iter < 400; iter++) {
        size_t nr = 1 + (size_t)(rand_r(&seed) % 25), nc = 1 + (size_t)(rand_r(&seed) % 7);
        size_t R = nr + 1, C = nc + 1, i, j;
        int64_t *v = calloc(R * C, sizeof *v), k = 1 + rand_r(&seed) % 4;
        uint8_t *st = malloc(R * C);
        int shape = rand_r(&seed) % 3;
        hjtj__pgrid g;
        ck_assert_ptr_nonnull(v);
        ck_assert_ptr_nonnull(st);
        for (i = 0; i < nr; i++)
            for (j = 0; j < nc; j++) {
                int r = rand_r(&seed) % 10;
                int64_t x = r < 3 ? 0 : r < 7 ? 1 + rand_r(&seed) % 3 : rand_r(&seed) % 40;
                v[i * C + j] = x;
                v[i * C + nc] += x;
                v[nr * C + j] += x;
                v[nr * C + nc] += x;
            }
        g = grid(v, R, C, nr, nc, shape != 1, shape != 2);
        ck_assert_int_eq(hjtj__protect(&g, k, st), HJTJ_OK);
        ck_assert_int_eq(hjtj__protect_check(&g, k, st), 1);
        for (i = 0; i < R * C; i++) {
            ck_assert_int_eq(st[i] == HJTJ__P_PRIMARY, v[i] >= 1 && v[i] <= k);
            if (v[i] == 0)
                ck_assert_int_eq(st[i], HJTJ__P_PUBLISHED);
        }
        free(v);
        free(st);
    }
}
END_TEST

/* ------------------------------------------------------------------ */
/* Report tables                                                       */
/* ------------------------------------------------------------------ */

/* Table 3.10 (category by ownership) of 34 enterprises:
 *                  antall  kommunale  private
 *   Kun boligbase      11         10        1
 *   Kun amb. helse     12          8        4
 *   BPA                11          5        6
 *   Totalt             34         23       11
 * K = 3: the 1 is primary.  Its cheapest cycle runs through boligbase /
 * kommunale (10), BPA / kommunale (5) and BPA / private (6): 21 against
 * 22 through amb. helse and 56 through the margins. */
static hjtj_register *reg_3_10(void)
{
    static const char *const head =
        "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,boenheter\n";
    static const struct {
        const char *type, *eier;
        int n;
    } groups[] = {{"boligbase", "kommunal", 10}, {"boligbase", "privat", 1},
                  {"amb-helse", "kommunal", 8},  {"amb-helse", "privat", 4},
                  {"bpa", "kommunal", 5},        {"bpa", "privat", 6}};
    char *csv = malloc(8192), orgnr[32];
    size_t len, g;
    long state = 0;
    int i;
    hjtj_register *reg;
    ck_assert_ptr_nonnull(csv);
    len = (size_t)snprintf(csv, 8192, "%s", head);
    for (g = 0; g < sizeof groups / sizeof groups[0]; g++)
        for (i = 0; i < groups[g].n; i++) {
            do
                snprintf(orgnr, sizeof orgnr, "%08ld", 10000000 + state++);
            while (orgnr_complete(orgnr) != 0);
            len += (size_t)snprintf(csv + len, 8192 - len, "%s,0301,%s,%s,demens,3\n", orgnr,
                                    groups[g].eier, groups[g].type);
        }
    reg = load_string(csv, HJTJ_OK);
    free(csv);
    return reg;
}

static size_t row_of(const hjtj_table *t, const char *code)
{
    size_t r;
    for (r = 0; r < hjtj_table_rows(t); r++)
        if (strcmp(hjtj_table_row_code(t, r), code) == 0)
            return r;
    ck_abort_msg("no row %s", code);
    return 0;
}

START_TEST(test_table_3_10)
{
    hjtj_register *reg = reg_3_10();
    hjtj_table *t, *plain;
    size_t bolig, helse, bpa, tot, r, c, np = 0, ns = 0;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_new(&plain), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_set_protect(t, 3), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_protect(t), 3);
    ck_assert_int_eq(hjtj_table_build(t, reg, "3.10"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build(plain, reg, "3.10"), HJTJ_OK);
    bolig = row_of(t, "kun-boligbase");
    helse = row_of(t, "kun-amb-helse");
    bpa = row_of(t, "kun-bpa");
    tot = row_of(t, "totalt");
    /* columns: label, antall, kommunale, private, andel kommunale, andel private */
    ck_assert_int_eq(hjtj_table_cell_suppressed(t, bolig, 3), HJTJ_SUPPRESSED_PRIMARY);
    ck_assert_int_eq(hjtj_table_cell_suppressed(t, bolig, 5), HJTJ_SUPPRESSED_PRIMARY);
    ck_assert_int_eq(hjtj_table_cell_suppressed(t, bolig, 2), HJTJ_SUPPRESSED_SECONDARY);
    ck_assert_int_eq(hjtj_table_cell_suppressed(t, bolig, 4), HJTJ_SUPPRESSED_SECONDARY);
    ck_assert_int_eq(hjtj_table_cell_suppressed(t, bpa, 2), HJTJ_SUPPRESSED_SECONDARY);
    ck_assert_int_eq(hjtj_table_cell_suppressed(t, bpa, 3), HJTJ_SUPPRESSED_SECONDARY);
    ck_assert_int_eq(hjtj_table_cell_suppressed(t, bpa, 4), HJTJ_SUPPRESSED_SECONDARY);
    ck_assert_int_eq(hjtj_table_cell_suppressed(t, bpa, 5), HJTJ_SUPPRESSED_SECONDARY);
    ck_assert_int_eq(hjtj_table_cell_suppressed(t, bolig, 1), HJTJ_SUPPRESSED_NONE);
    ck_assert_int_eq(hjtj_table_cell_suppressed(t, helse, 3), HJTJ_SUPPRESSED_NONE);
    /* a suppressed cell: its kind, no value, the symbol */
    ck_assert_int_eq(hjtj_table_cell_kind(t, bolig, 3), HJTJ_CELL_COUNT);
    ck_assert_int_eq(hjtj_table_cell_int(t, bolig, 3), 0);
    ck_assert_int_eq(hjtj_table_cell_den(t, bolig, 5), 0);
    ck_assert(isnan(hjtj_table_cell_value(t, bolig, 3)));
    ck_assert_str_eq(hjtj_table_cell_text(t, bolig, 3), ":");
    ck_assert_str_eq(hjtj_table_cell_text(t, bpa, 4), ":");
    /* every published cell as without protection; the counts agree */
    for (r = 0; r < hjtj_table_rows(t); r++)
        for (c = 0; c < hjtj_table_cols(t); c++) {
            hjtj_suppression s = hjtj_table_cell_suppressed(t, r, c);
            np += s == HJTJ_SUPPRESSED_PRIMARY;
            ns += s == HJTJ_SUPPRESSED_SECONDARY;
            if (s == HJTJ_SUPPRESSED_NONE)
                ck_assert_str_eq(hjtj_table_cell_text(t, r, c), hjtj_table_cell_text(plain, r, c));
        }
    ck_assert_uint_eq(np, 2);
    ck_assert_uint_eq(ns, 6);
    ck_assert_uint_eq(hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_PRIMARY), 2);
    ck_assert_uint_eq(hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_SECONDARY), 6);
    ck_assert_uint_eq(hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_NONE), 0);
    ck_assert_int_eq(hjtj_table_cell_int(t, tot, 1), 34);
    ck_assert_int_eq(hjtj_table_n(t), 34);
    {
        char *csv, *text;
        ck_assert_int_eq(hjtj_table_to_string(t, HJTJ_FORMAT_CSV, &csv, NULL), HJTJ_OK);
        ck_assert_ptr_nonnull(strstr(csv, "Kun boligbase,11,:,:,:,:\n"));
        ck_assert_ptr_nonnull(strstr(csv, "Brukerstyrt personlig assistanse,11,:,:,:,:\n"));
        ck_assert_ptr_nonnull(strstr(csv, "Totalt,34,23,11,67.6,32.4\n"));
        ck_assert_int_eq(hjtj_table_to_string(t, HJTJ_FORMAT_TEXT, &text, NULL), HJTJ_OK);
        ck_assert_ptr_nonnull(strstr(text, "N = 34\n"));
        ck_assert_ptr_nonnull(strstr(text, "Primærskjermet: 2 celler, sekundærskjermet: 6 celler."));
        hjtj_free(csv);
        hjtj_free(text);
    }
    /* the note every format writes says it too, in each language */
    ck_assert_str_eq(hjtj_table_note(t, HJTJ_LANG_EN),
                     ": = suppressed (small counts: 1\xE2\x80\x93" "3 enterprises). "
                     "Primary: 2 cells, secondary: 6 cells.");
    ck_assert_ptr_nonnull(strstr(hjtj_table_note(t, HJTJ_LANG_NB),
                                 "Primærskjermet: 2 celler, sekundærskjermet: 6 celler."));
    {
        char *js;
        ck_assert_int_eq(hjtj_table_to_string_lang(t, HJTJ_FORMAT_JSONSTAT, HJTJ_LANG_EN, &js, NULL),
                         HJTJ_OK);
        ck_assert_ptr_nonnull(strstr(js, "Primary: 2 cells, secondary: 6 cells."));
        hjtj_free(js);
    }
    /* the setting stays for the next build; 0 turns it off */
    ck_assert_int_eq(hjtj_table_build(t, reg, "3.5"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_protect(t), 3);
    ck_assert_int_eq(hjtj_table_set_protect(t, 0), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build(t, reg, "3.10"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_PRIMARY), 0);
    ck_assert_str_eq(hjtj_table_cell_text(t, bolig, 3), "1");
    hjtj_table_free(t);
    hjtj_table_free(plain);
    hjtj_register_free(reg);
}
END_TEST

/* A table whose N is a small count: N is withheld, text prints no N. */
START_TEST(test_small_total)
{
    hjtj_register *reg = load_string("orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper\n"
                                     "100000008,0301,kommunal,bpa,demens\n"
                                     "100000016,0301,kommunal,bpa,demens\n",
                                     HJTJ_OK);
    hjtj_table *t;
    char *text;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_set_protect(t, 2), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build(t, reg, "3.2"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_n(t), -1);
    ck_assert_str_eq(hjtj_table_cell_text(t, row_of(t, "totalt"), 1), ":");
    ck_assert_int_eq(hjtj_table_to_string(t, HJTJ_FORMAT_TEXT, &text, NULL), HJTJ_OK);
    ck_assert_ptr_null(strstr(text, "N = "));
    hjtj_free(text);
    /* a pair table (3.4) and C1 are protected too */
    ck_assert_int_eq(hjtj_table_build(t, reg, "3.4"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_n(t), -1);
    ck_assert_uint_eq(hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_PRIMARY), 1);
    ck_assert_int_eq(hjtj_table_build(t, reg, "C1"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_PRIMARY), 1);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(test_api_errors)
{
    hjtj_register *reg = load_string("orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper\n"
                                     "100000008,0301,kommunal,bpa,demens\n",
                                     HJTJ_OK);
    hjtj_table *t;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_set_protect(NULL, 3), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_table_set_protect(t, -1), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_table_protect(t), 0);
    ck_assert_int_eq(hjtj_table_protect(NULL), 0);
    ck_assert_int_eq(hjtj_table_cell_suppressed(NULL, 0, 0), HJTJ_SUPPRESSED_NONE);
    ck_assert_uint_eq(hjtj_table_suppressed_count(NULL, HJTJ_SUPPRESSED_PRIMARY), 0);
    ck_assert_int_eq(hjtj_table_set_protect(t, 3), HJTJ_OK);
    /* municipalities and inhabitants are no counts of enterprises */
    ck_assert_int_eq(hjtj_table_build(t, reg, "1.9"), HJTJ_ERR_NO_COUNTS);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_table_error(t)), "no counts"));
    ck_assert_int_eq(hjtj_table_build(t, reg, "3.19"), HJTJ_ERR_NO_COUNTS);
    ck_assert_str_eq(hjtj_strerror(HJTJ_ERR_NO_COUNTS), "no counts of enterprises to protect");
    ck_assert_int_eq(hjtj_table_set_protect(t, 0), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build(t, reg, "1.9"), HJTJ_OK);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("protect");
    TCase *core = tcase_create("core"), *tables = tcase_create("tables");
    tcase_add_test(core, test_rectangle);
    tcase_add_test(core, test_one_dimension);
    tcase_add_test(core, test_two_small_cells);
    tcase_add_test(core, test_no_equations);
    tcase_add_test(core, test_line_not_adding_up);
    tcase_add_test(core, test_bad_input);
    tcase_add_test(core, test_check_refuses);
    tcase_add_test(core, test_random_grids);
    tcase_set_timeout(core, 60);
    tcase_add_test(tables, test_table_3_10);
    tcase_add_test(tables, test_small_total);
    tcase_add_test(tables, test_api_errors);
    suite_add_tcase(s, core);
    suite_add_tcase(s, tables);
    return run_suite(s);
}
