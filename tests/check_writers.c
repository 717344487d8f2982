/* check_writers.c — the publication formats' API (SPEC §10, hjtj_table(3)):
 * format names, column headings and units in both languages, the writer
 * object's rules and errors, values as the CSV prints them, the text
 * format's cross tables as a matrix.  The read-back by real clients of
 * every table is tests/publish.sh. */
#include "testutil.h"

#include <sys/stat.h>
#include <unistd.h>

static hjtj_register *bundled(void)
{
    hjtj_register *reg = NULL;
    char path[1024];
    const char *dir = getenv("HJTJ_DATADIR");
    snprintf(path, sizeof path, "%s/register-2024-syntetisk.xml", dir ? dir : "data");
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_file(reg, path), HJTJ_OK);
    return reg;
}

static hjtj_table *build(const hjtj_register *reg, const char *id)
{
    hjtj_table *t = NULL;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build(t, reg, id), HJTJ_OK);
    return t;
}

static int have_xlsx(void)
{
    const char *v = getenv("HJTJ_HAVE_XLSX");
    return v == NULL || strcmp(v, "no") != 0;
}

START_TEST(test_format_names)
{
    ck_assert_int_eq(hjtj_format_parse("csv"), HJTJ_FORMAT_CSV);
    ck_assert_int_eq(hjtj_format_parse("text"), HJTJ_FORMAT_TEXT);
    ck_assert_int_eq(hjtj_format_parse("json-stat"), HJTJ_FORMAT_JSONSTAT);
    ck_assert_int_eq(hjtj_format_parse("px"), HJTJ_FORMAT_PX);
    ck_assert_int_eq(hjtj_format_parse("xlsx"), HJTJ_FORMAT_XLSX);
    ck_assert_int_eq(hjtj_format_parse("html"), HJTJ_FORMAT_HTML); /* issue 22 */
    ck_assert_int_eq(hjtj_format_parse("svg"), -1);
    ck_assert_int_eq(hjtj_format_parse(NULL), -1);
    ck_assert_int_eq(HJTJ_FORMAT_JSONSTAT, 2);
    ck_assert_int_eq(HJTJ_FORMAT_PX, 3);
    ck_assert_int_eq(HJTJ_FORMAT_XLSX, 4);
    ck_assert_str_eq(hjtj_format_name(HJTJ_FORMAT_JSONSTAT), "json-stat");
    ck_assert_str_eq(hjtj_format_name(HJTJ_FORMAT_HTML), "html");
    ck_assert_ptr_null(hjtj_format_name((hjtj_format)6));
    ck_assert_int_eq(hjtj_format_from_path("rapport.HTML"), HJTJ_FORMAT_HTML);
    ck_assert_int_eq(hjtj_format_from_path("out/t.JSON"), HJTJ_FORMAT_JSONSTAT);
    ck_assert_int_eq(hjtj_format_from_path("t.px"), HJTJ_FORMAT_PX);
    ck_assert_int_eq(hjtj_format_from_path("t.xlsx"), HJTJ_FORMAT_XLSX);
    ck_assert_int_eq(hjtj_format_from_path("t.txt"), HJTJ_FORMAT_TEXT);
    ck_assert_int_eq(hjtj_format_from_path("t.csv"), HJTJ_FORMAT_CSV);
    ck_assert_int_eq(hjtj_format_from_path("t.xls"), -1);
    ck_assert_int_eq(hjtj_format_from_path("dir.px/t"), -1);
    ck_assert_int_eq(hjtj_format_from_path(NULL), -1);
    ck_assert_str_eq(hjtj_strerror(HJTJ_ERR_UNSUPPORTED), "not supported by this build");
}
END_TEST

/* Every column of every table has a heading of its own in both languages
 * (not its CSV code), and every row an English label. */
START_TEST(test_labels_every_table)
{
    hjtj_register *reg = bundled();
    size_t i, j, r;
    for (i = 0; i < hjtj_catalog_count(); i++) {
        hjtj_table *t = build(reg, hjtj_catalog_id(i));
        for (j = 0; j < hjtj_table_cols(t); j++) {
            const char *code = hjtj_table_col_code(t, j);
            const char *nb = hjtj_table_col_label(t, j, HJTJ_LANG_NB);
            const char *en = hjtj_table_col_label(t, j, HJTJ_LANG_EN);
            ck_assert_msg(strcmp(nb, code) != 0, "%s: no Norwegian heading for %s",
                          hjtj_catalog_id(i), code);
            ck_assert_msg(strcmp(en, code) != 0 && strcmp(en, nb) != 0,
                          "%s: no English heading for %s", hjtj_catalog_id(i), code);
        }
        for (r = 0; r < hjtj_table_rows(t); r++) {
            const char *en = hjtj_table_row_label(t, r, HJTJ_LANG_EN);
            ck_assert_msg(en != NULL && en[0] != '\0', "%s row %zu", hjtj_catalog_id(i), r);
        }
        ck_assert_str_ne(hjtj_table_title(t, HJTJ_LANG_EN), hjtj_table_title(t, HJTJ_LANG_NB));
        ck_assert_str_ne(hjtj_table_population_label(t, HJTJ_LANG_NB),
                         hjtj_table_population_label(t, HJTJ_LANG_EN));
        hjtj_table_free(t);
    }
    hjtj_register_free(reg);
}
END_TEST

START_TEST(test_units)
{
    hjtj_register *reg = bundled();
    hjtj_table *t = build(reg, "3.5");
    ck_assert_str_eq(hjtj_table_col_label(t, 1, HJTJ_LANG_NB), "Antall");
    ck_assert_str_eq(hjtj_table_col_label(t, 2, HJTJ_LANG_EN), "Share (per cent)");
    ck_assert_ptr_null(hjtj_table_col_unit(t, 0, HJTJ_LANG_NB));
    ck_assert_int_eq(hjtj_table_col_decimals(t, 0), -1);
    ck_assert_str_eq(hjtj_table_col_unit(t, 1, HJTJ_LANG_NB), "virksomheter");
    ck_assert_str_eq(hjtj_table_col_unit(t, 1, HJTJ_LANG_EN), "enterprises");
    ck_assert_int_eq(hjtj_table_col_decimals(t, 1), 0);
    ck_assert_str_eq(hjtj_table_col_unit(t, 2, HJTJ_LANG_NB), "prosent");
    ck_assert_int_eq(hjtj_table_col_decimals(t, 2), 1);
    ck_assert_str_eq(hjtj_table_note(t, HJTJ_LANG_NB), "");
    ck_assert_ptr_null(hjtj_table_col_unit(t, 9, HJTJ_LANG_NB));
    hjtj_table_free(t);
    t = build(reg, "1.9");
    ck_assert_str_eq(hjtj_table_col_unit(t, 1, HJTJ_LANG_NB), "kommuner");
    ck_assert_str_eq(hjtj_table_col_unit(t, 2, HJTJ_LANG_EN), "inhabitants");
    hjtj_table_free(t);
    t = build(reg, "5.2"); /* boenheter, virksomheter, median */
    ck_assert_str_eq(hjtj_table_col_unit(t, 1, HJTJ_LANG_NB), "boenheter");
    ck_assert_int_eq(hjtj_table_col_decimals(t, 3), 1);
    hjtj_table_free(t);
    t = build(reg, "4.7"); /* marks and a list: text columns, no unit */
    ck_assert_str_eq(hjtj_table_col_unit(t, 1, HJTJ_LANG_NB), "virksomheter");
    ck_assert_ptr_null(hjtj_table_col_unit(t, 2, HJTJ_LANG_NB));
    ck_assert_int_eq(hjtj_table_col_decimals(t, 10), -1);
    ck_assert_str_eq(hjtj_table_col_unit(t, 11, HJTJ_LANG_EN), "target groups");
    hjtj_table_free(t);
    t = build(reg, "4.23");
    ck_assert_ptr_nonnull(strstr(hjtj_table_note(t, HJTJ_LANG_NB), "529"));
    ck_assert_ptr_nonnull(strstr(hjtj_table_note(t, HJTJ_LANG_EN), "529"));
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

/* The dataset's values are the CSV's texts, in row-major order. */
START_TEST(test_jsonstat_values)
{
    hjtj_register *reg = bundled();
    hjtj_table *t = build(reg, "3.10");
    hjtj_writer *w = NULL;
    char *s = NULL, expect[4096] = "\"value\":[";
    size_t len = 0, i, j;
    ck_assert_int_eq(hjtj_writer_new(&w, HJTJ_FORMAT_JSONSTAT, HJTJ_LANG_EN), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_set_updated(w, "2026-02-03T04:05:06Z"), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_add(w, t), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_set_updated(w, "2026-02-03T04:05:06Z"), HJTJ_ERR_STATE);
    hjtj_writer_free(w);
    for (i = 0; i < hjtj_table_rows(t); i++)
        for (j = 1; j < hjtj_table_cols(t); j++) {
            const char *c = hjtj_table_cell_text(t, i, j);
            strcat(expect, c[0] ? c : "null");
            strcat(expect, ",");
        }
    expect[strlen(expect) - 1] = ']';
    ck_assert_int_eq(hjtj_table_to_string_lang(t, HJTJ_FORMAT_JSONSTAT, HJTJ_LANG_NB, &s, &len),
                     HJTJ_OK);
    ck_assert_uint_eq(strlen(s), len);
    ck_assert_msg(strstr(s, expect) != NULL, "values %s not in %s", expect, s);
    ck_assert_ptr_nonnull(strstr(s, "\"version\":\"2.0\",\"class\":\"dataset\""));
    ck_assert_ptr_nonnull(strstr(s, "\"role\":{\"metric\":[\"statistikkvariabel\"]}"));
    ck_assert_ptr_nonnull(strstr(s, "\"size\":[10,5]"));
    hjtj_free(s);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

static int count_pieces(const char *data, size_t len, void *ud)
{
    (void)data;
    *(size_t *)ud += len;
    return 0;
}

static int refuse(const char *data, size_t len, void *ud)
{
    (void)data, (void)len, (void)ud;
    return 1;
}

START_TEST(test_writer_rules)
{
    hjtj_register *reg = bundled();
    hjtj_table *a = build(reg, "3.2"), *b = build(reg, "3.5"), *empty = NULL;
    hjtj_writer *w = NULL;
    size_t n = 0;
    char dir[] = "/tmp/hjtj-check-writers-XXXXXX", path[1200];
    struct stat st;
    ck_assert_int_eq(hjtj_writer_new(NULL, HJTJ_FORMAT_PX, HJTJ_LANG_NB), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_writer_new(&w, (hjtj_format)99, HJTJ_LANG_NB), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_writer_new(&w, HJTJ_FORMAT_PX, (hjtj_lang)7), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_writer_new(&w, HJTJ_FORMAT_PX, HJTJ_LANG_NB), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_finish(w, count_pieces, &n), HJTJ_ERR_STATE); /* no table */
    ck_assert_int_eq(hjtj_writer_set_updated(w, "yesterday"), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_table_new(&empty), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_add(w, empty), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_writer_add(w, a), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_add(w, b), HJTJ_OK);
    ck_assert_uint_eq(hjtj_writer_count(w), 2);
    /* two PX tables do not fit one stream ... */
    ck_assert_int_eq(hjtj_writer_finish(w, count_pieces, &n), HJTJ_ERR_INVALID_ARG);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_writer_error(w)), "directory"));
    hjtj_writer_free(w);
    /* ... but a directory, one file each */
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(hjtj_writer_new(&w, HJTJ_FORMAT_PX, HJTJ_LANG_EN), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_add(w, a), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_add(w, b), HJTJ_OK);
    snprintf(path, sizeof path, "%s/px", dir);
    ck_assert_int_eq(hjtj_writer_finish_path(w, path), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_finish_path(w, path), HJTJ_ERR_STATE); /* once */
    ck_assert_int_eq(hjtj_writer_add(w, a), HJTJ_ERR_STATE);
    hjtj_writer_free(w);
    snprintf(path, sizeof path, "%s/px/tabell_3_2.px", dir);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(unlink(path), 0);
    snprintf(path, sizeof path, "%s/px/tabell_3_5.px", dir);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(unlink(path), 0);
    snprintf(path, sizeof path, "%s/px", dir);
    ck_assert_int_eq(rmdir(path), 0);
    ck_assert_int_eq(rmdir(dir), 0);
    /* an aborting callback; an unwritable path */
    ck_assert_int_eq(hjtj_table_write_lang(a, HJTJ_FORMAT_JSONSTAT, HJTJ_LANG_EN, refuse, NULL),
                     HJTJ_ERR_ABORTED);
    ck_assert_int_eq(hjtj_table_write_path_lang(a, HJTJ_FORMAT_PX, HJTJ_LANG_NB,
                                                "/nonexistent-dir/x.px"),
                     HJTJ_ERR_IO);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_table_error(a)), "/nonexistent-dir"));
    ck_assert_int_eq(hjtj_table_write(a, (hjtj_format)6, count_pieces, &n), HJTJ_ERR_INVALID_ARG);
    /* CSV of several tables: "# Tabell ID" before each */
    ck_assert_int_eq(hjtj_writer_new(&w, HJTJ_FORMAT_CSV, HJTJ_LANG_EN), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_add(w, a), HJTJ_OK);
    ck_assert_int_eq(hjtj_writer_add(w, b), HJTJ_OK);
    n = 0;
    ck_assert_int_eq(hjtj_writer_finish(w, count_pieces, &n), HJTJ_OK);
    ck_assert_uint_gt(n, 100);
    hjtj_writer_free(w);
    hjtj_table_free(empty);
    hjtj_table_free(a);
    hjtj_table_free(b);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(test_xlsx_or_message)
{
    hjtj_register *reg = bundled();
    hjtj_table *t = build(reg, "3.5");
    char *s = NULL;
    size_t len = 0;
    hjtj_status st = hjtj_table_to_string_lang(t, HJTJ_FORMAT_XLSX, HJTJ_LANG_NB, &s, &len);
    if (have_xlsx()) {
        ck_assert_int_eq(st, HJTJ_OK);
        ck_assert_uint_gt(len, 1000);
        ck_assert(memcmp(s, "PK\x03\x04", 4) == 0); /* a zip archive */
        hjtj_free(s);
    } else {
        ck_assert_int_eq(st, HJTJ_ERR_UNSUPPORTED);
        ck_assert_ptr_null(s);
        ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_table_error(t)),
                                     "install libxlsxwriter-dev"));
    }
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

/* 3.4 in text: a lower-triangular matrix with the items both ways. */
START_TEST(test_text_matrix)
{
    hjtj_register *reg = bundled();
    hjtj_table *t = build(reg, "3.4");
    char *s = NULL, *line;
    size_t len = 0, rows = 0;
    ck_assert_int_eq(hjtj_table_to_string_lang(t, HJTJ_FORMAT_TEXT, HJTJ_LANG_EN, &s, &len),
                     HJTJ_OK);
    ck_assert_ptr_nonnull(strstr(s, "Table 3.4. "));
    ck_assert_ptr_null(strstr(s, "Row label"));
    for (line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "Housing base ", 13) == 0) {
            /* the first row has one value: its diagonal */
            ck_assert_msg(strstr(line, hjtj_table_cell_text(t, 0, 2)) != NULL, "%s", line);
            rows++;
        }
        if (strncmp(line, "Enterprise type, row", 20) == 0 && strchr(line, '/') == NULL)
            ck_assert_ptr_nonnull(strstr(line, "Single-user arrangement"));
    }
    ck_assert_uint_eq(rows, 1);
    hjtj_free(s);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("writers");
    TCase *tc = tcase_create("formats");
    tcase_add_test(tc, test_format_names);
    tcase_add_test(tc, test_labels_every_table);
    tcase_add_test(tc, test_units);
    tcase_add_test(tc, test_jsonstat_values);
    tcase_add_test(tc, test_writer_rules);
    tcase_add_test(tc, test_xlsx_or_message);
    tcase_add_test(tc, test_text_matrix);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
