/* check_figures.c — the figure API (hjtj_figure_*), the HTML page
 * (hjtj_html_*, HJTJ_FORMAT_HTML) and the table notes, on a register made by
 * hand.  The numbers of every figure and page against the tables, XML
 * well-formedness, the strict HTML5 parse and the rendering are checked by
 * tests/figures.sh and tests/render.sh. */
#include "testutil.h"

/* Three pure boligbaser (4, 7 and 12 boenheter), one BPA, one combined. */
static const char *csv =
    "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,boenheter\n"
    "100000008,0301,kommunal,boligbase,demens,4\n"
    "100000016,0301,kommunal,boligbase,utviklingshemning,7\n"
    "100000024,4601,privat,boligbase,utviklingshemning psykiske-lidelser,12\n"
    "100000032,4601,kommunal,bpa,bevegelse-0-66,\n"
    "100000040,1520,kommunal,boligbase sykehjem,demens,30\n";

static hjtj_table *build(hjtj_register **reg, const char *id)
{
    hjtj_table *t = NULL;
    *reg = load_string(csv, HJTJ_OK);
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build(t, *reg, id), HJTJ_OK);
    return t;
}

/* The text of the <g> of the row with code `row` (up to its </g>). */
static char *row_group(const char *svg, const char *row)
{
    char key[96];
    const char *p, *e;
    snprintf(key, sizeof key, "<g data-row=\"%s\" data-i=", row);
    p = strstr(svg, key);
    ck_assert_msg(p != NULL, "no row %s", row);
    e = strstr(p, "</g>");
    ck_assert_ptr_nonnull(e);
    return strndup(p, (size_t)(e - p));
}

static void assert_bar(const char *svg, const char *row, const char *col, const char *value)
{
    char key[128], *g = row_group(svg, row);
    snprintf(key, sizeof key, "data-col=\"%s\" data-value=\"%s\"", col, value);
    ck_assert_msg(strstr(g, key) != NULL, "row %s: no bar %s in %s", row, key, g);
    free(g);
}

START_TEST(test_figure_list)
{
    static const char *ids[] = {"3.3", "3.4", "4.1", "4.2", "5.1"};
    static const char *tables[] = {"3.5", "3.23", "4.10", "4.11", "5.3"};
    size_t i;
    ck_assert_uint_eq(hjtj_figure_count(), 5);
    for (i = 0; i < 5; i++) {
        ck_assert_str_eq(hjtj_figure_id(i), ids[i]);
        ck_assert_str_eq(hjtj_figure_table(i), tables[i]);
        ck_assert(strlen(hjtj_figure_title(i, HJTJ_LANG_NB)) > 20);
        ck_assert(strlen(hjtj_figure_title(i, HJTJ_LANG_EN)) > 20);
        ck_assert_str_ne(hjtj_figure_title(i, HJTJ_LANG_NB), hjtj_figure_title(i, HJTJ_LANG_EN));
    }
    ck_assert_ptr_null(hjtj_figure_id(5));
    ck_assert_ptr_null(hjtj_figure_title(5, HJTJ_LANG_NB));
    ck_assert_ptr_null(hjtj_figure_table(99));
}
END_TEST

START_TEST(test_figure_values)
{
    hjtj_register *reg;
    hjtj_table *t = build(&reg, "3.5");
    char *svg = NULL;
    size_t len = 0;
    ck_assert_int_eq(hjtj_figure_to_string(t, "3.3", HJTJ_LANG_NB, &svg, &len), HJTJ_OK);
    ck_assert_uint_eq(len, strlen(svg));
    {
        static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=";
        ck_assert(strncmp(svg, head, sizeof head - 1) == 0);
    }
    /* counted by hand: 3 Kun boligbase, 1 BPA, 1 combined, N = 5 */
    assert_bar(svg, "kun-boligbase", "antall", "3");
    assert_bar(svg, "kun-bpa", "antall", "1");
    assert_bar(svg, "kombinert-annen", "antall", "1");
    assert_bar(svg, "enetiltak", "antall", "0");
    ck_assert_ptr_null(strstr(svg, "data-row=\"totalt\"")); /* no total bar */
    ck_assert_ptr_nonnull(strstr(svg, ">N=5</text>"));
    ck_assert_ptr_nonnull(strstr(svg, ">Figur 3.3 Virksomheter i drift"));
    ck_assert_ptr_nonnull(strstr(svg, "Kilde: Statistisk sentralbyr\xC3\xA5"));
    ck_assert_ptr_nonnull(strstr(svg, ">Antall virksomheter</text>"));
    hjtj_free(svg);

    /* English, and the bar chart of the table itself: its share column */
    ck_assert_int_eq(hjtj_figure_to_string(t, NULL, HJTJ_LANG_EN, &svg, NULL), HJTJ_OK);
    assert_bar(svg, "kun-boligbase", "andel", "60.0");
    assert_bar(svg, "kun-bpa", "andel", "20.0");
    ck_assert_ptr_nonnull(strstr(svg, ">60.0</text>"));
    ck_assert_ptr_nonnull(strstr(svg, ">Source: Statistics Norway"));
    ck_assert_ptr_nonnull(strstr(svg, ">Per cent</text>"));
    ck_assert_ptr_nonnull(strstr(svg, ">Housing base only</text>"));
    hjtj_free(svg);
    /* Norwegian labels use the decimal comma; the data attribute keeps CSV */
    ck_assert_int_eq(hjtj_figure_to_string(t, "", HJTJ_LANG_NB, &svg, NULL), HJTJ_OK);
    ck_assert_ptr_nonnull(strstr(svg, ">60,0</text>"));
    assert_bar(svg, "kun-boligbase", "andel", "60.0");
    hjtj_free(svg);
    hjtj_table_free(t);
    hjtj_register_free(reg);

    /* figure 5.1: shares of enterprises and of boenheter by size band */
    t = build(&reg, "5.3");
    ck_assert_int_eq(hjtj_figure_to_string(t, "5.1", HJTJ_LANG_NB, &svg, NULL), HJTJ_OK);
    /* botilbud: 4, 7, 12, 30 boenheter: 53 in all */
    assert_bar(svg, "2-5", "andel_virksomheter", "25.0");
    assert_bar(svg, "2-5", "andel_boenheter", "7.5"); /* 4/53 = 7.547 */
    assert_bar(svg, "11-15", "andel_boenheter", "22.6");  /* 12/53 */
    assert_bar(svg, "26-30", "andel_boenheter", "56.6");  /* 30/53 */
    assert_bar(svg, "51+", "andel_virksomheter", "0.0");
    hjtj_free(svg);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

static int stop_writer(const char *data, size_t len, void *ud)
{
    (void)data;
    *(size_t *)ud += len;
    return 1;
}

START_TEST(test_figure_errors)
{
    hjtj_register *reg;
    hjtj_table *t = build(&reg, "3.5"), *t2 = NULL;
    char *out = (char *)1;
    size_t n = 0;
    ck_assert_int_eq(hjtj_figure_to_string(t, "9.9", HJTJ_LANG_NB, &out, NULL),
                     HJTJ_ERR_NOT_FOUND);
    ck_assert_ptr_null(out);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_table_error(t)), "9.9"));
    /* figure 5.1 is drawn from table 5.3, not 3.5 */
    ck_assert_int_eq(hjtj_figure_to_string(t, "5.1", HJTJ_LANG_NB, &out, NULL),
                     HJTJ_ERR_INVALID_ARG);
    ck_assert_ptr_nonnull(strstr(hjtj_error_message(hjtj_table_error(t)), "5.3"));
    ck_assert_int_eq(hjtj_figure_to_string(t, NULL, (hjtj_lang)7, &out, NULL),
                     HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_figure_to_string(NULL, NULL, HJTJ_LANG_NB, &out, NULL),
                     HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_figure_to_string(t, NULL, HJTJ_LANG_NB, NULL, NULL),
                     HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_figure_write(t, "3.3", HJTJ_LANG_NB, NULL, NULL),
                     HJTJ_ERR_INVALID_ARG);
    ck_assert_int_eq(hjtj_figure_write(t, "3.3", HJTJ_LANG_NB, stop_writer, &n),
                     HJTJ_ERR_ABORTED);
    ck_assert(n > 1000);
    ck_assert_int_eq(hjtj_figure_write_path(t, "3.3", HJTJ_LANG_NB, "/nonexistent/dir/f.svg"),
                     HJTJ_ERR_IO);
    ck_assert_ptr_nonnull(strstr(hjtj_error_file(hjtj_table_error(t)), "/nonexistent/dir"));
    /* an empty table object has nothing to chart */
    ck_assert_int_eq(hjtj_table_new(&t2), HJTJ_OK);
    ck_assert_int_eq(hjtj_figure_to_string(t2, NULL, HJTJ_LANG_NB, &out, NULL),
                     HJTJ_ERR_INVALID_ARG);
    hjtj_table_free(t2);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

START_TEST(test_notes)
{
    hjtj_register *reg;
    hjtj_table *t = build(&reg, "5.1");
    char *html = NULL;
    ck_assert_int_eq(hjtj_table_to_string(t, HJTJ_FORMAT_HTML, &html, NULL), HJTJ_OK);
    ck_assert_ptr_nonnull(strstr(html, "<p class=\"note\"><strong>Merknad:</strong> "));
    ck_assert_ptr_nonnull(strstr(html, "281"));
    hjtj_free(html);
    ck_assert_int_eq(hjtj_table_build(t, reg, "3.5"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_to_string(t, HJTJ_FORMAT_HTML, &html, NULL), HJTJ_OK);
    ck_assert_ptr_null(strstr(html, "class=\"note\""));
    hjtj_free(html);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}
END_TEST

/* Collect a writer's output into a malloc'd string (*ud). */
static int collect_text(const char *data, size_t len, void *ud)
{
    char **s = ud;
    size_t old = *s ? strlen(*s) : 0;
    char *n = realloc(*s, old + len + 1);
    if (n == NULL)
        return 1;
    memcpy(n + old, data, len);
    n[old + len] = '\0';
    *s = n;
    return 0;
}

START_TEST(test_html_page)
{
    hjtj_register *reg;
    hjtj_table *t = build(&reg, "3.5");
    hjtj_html *page = NULL;
    char *html = NULL;
    size_t len = 0, n = 0;
    ck_assert_int_eq(hjtj_format_parse("html"), HJTJ_FORMAT_HTML);
    ck_assert_int_eq(HJTJ_FORMAT_HTML, 5);
    /* one table through the table writer: a whole page in Norwegian */
    ck_assert_int_eq(hjtj_table_to_string(t, HJTJ_FORMAT_HTML, &html, &len), HJTJ_OK);
    ck_assert(strncmp(html, "<!DOCTYPE html>\n<html lang=\"nb\">", 31) == 0);
    ck_assert_ptr_nonnull(strstr(html, "<th scope=\"row\">Kun boligbase</th><td>3</td><td>60,0</td>"));
    ck_assert_ptr_nonnull(strstr(html, "<svg version=\"1.1\"")); /* figure 3.3, inline */
    ck_assert_ptr_null(strstr(html, "xmlns"));
    ck_assert_ptr_null(strstr(html, "<script"));
    ck_assert_ptr_nonnull(strstr(html, "Populasjon:"));
    hjtj_free(html);

    /* in English through the table writer, and two tables through hjtj_writer */
    ck_assert_int_eq(hjtj_table_to_string_lang(t, HJTJ_FORMAT_HTML, HJTJ_LANG_EN, &html, NULL),
                     HJTJ_OK);
    ck_assert_ptr_nonnull(strstr(html, "<html lang=\"en\">"));
    ck_assert_ptr_nonnull(strstr(html, ">Figure 3.3 "));
    hjtj_free(html);
    {
        hjtj_writer *w = NULL;
        char *page_text = NULL;
        size_t plen = 0;
        ck_assert_int_eq(hjtj_writer_new(&w, HJTJ_FORMAT_HTML, HJTJ_LANG_NB), HJTJ_OK);
        ck_assert_int_eq(hjtj_writer_add(w, t), HJTJ_OK);
        ck_assert_int_eq(hjtj_writer_add(w, t), HJTJ_OK);
        ck_assert_uint_eq(hjtj_writer_count(w), 2);
        ck_assert_int_eq(hjtj_writer_finish(w, collect_text, &page_text), HJTJ_OK);
        plen = strlen(page_text);
        ck_assert(plen > 1000);
        ck_assert_ptr_nonnull(strstr(page_text, "<a href=\"#t2-3-5\">"));
        ck_assert_ptr_null(strstr(strstr(page_text, "</html>"), "<html"));
        free(page_text);
        hjtj_writer_free(w);
    }

    /* a page of two tables in English, the table object rebuilt between */
    ck_assert_int_eq(hjtj_html_new(&page, HJTJ_LANG_EN), HJTJ_OK);
    ck_assert_int_eq(hjtj_html_add_table(page, t, 0), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build(t, reg, "3.10"), HJTJ_OK);
    ck_assert_int_eq(hjtj_html_add_table(page, t, 1), HJTJ_OK); /* with a bar chart */
    hjtj_table_free(t);
    ck_assert_uint_eq(hjtj_html_table_count(page), 2);
    ck_assert_int_eq(hjtj_html_to_string(page, &html, &len), HJTJ_OK);
    ck_assert_uint_eq(len, strlen(html));
    ck_assert_ptr_nonnull(strstr(html, "<html lang=\"en\">"));
    ck_assert_ptr_nonnull(strstr(html, "<a href=\"#t1-3-5\">Table 3.5 "));
    ck_assert_ptr_nonnull(strstr(html, "<a href=\"#t2-3-10\">Table 3.10 "));
    ck_assert_ptr_nonnull(strstr(html, "data-table=\"3.10\" data-figure=\"\""));
    ck_assert_ptr_nonnull(strstr(html, "<th scope=\"row\">Housing base only</th><td>3</td><td>60.0</td>"));
    hjtj_free(html);
    ck_assert_int_eq(hjtj_html_write(page, stop_writer, &n), HJTJ_ERR_ABORTED);
    ck_assert_int_eq(hjtj_html_write_path(page, "/nonexistent/dir/p.html"), HJTJ_ERR_IO);
    ck_assert_int_eq(hjtj_html_add_table(page, NULL, 0), HJTJ_ERR_INVALID_ARG);
    ck_assert_int_ne(hjtj_error_status(hjtj_html_error(page)), HJTJ_OK);
    hjtj_html_free(page);
    ck_assert_int_eq(hjtj_html_new(&page, (hjtj_lang)3), HJTJ_ERR_INVALID_ARG);
    ck_assert_ptr_null(page);
    ck_assert_int_eq(hjtj_html_new(NULL, HJTJ_LANG_NB), HJTJ_ERR_INVALID_ARG);
    hjtj_html_free(NULL);
    ck_assert_uint_eq(hjtj_html_table_count(NULL), 0);
    hjtj_register_free(reg);
}
END_TEST

/* Names from the municipality table (table 1.10) are escaped in the page
 * and in the figure. */
START_TEST(test_escaping)
{
    static const char *k = "kommunenr;navn;innbyggere\n0301;\"Oslo <b>&amp; \"\"x\"\" 'y'\";700000\n"
                           "4601;Bergen;290000\n1520;\xC3\x85lesund;67000\n";
    hjtj_kommuner *km = NULL;
    hjtj_register *reg = NULL;
    hjtj_table *t = NULL;
    hjtj_html *page = NULL;
    char *s = NULL;
    ck_assert_int_eq(hjtj_kommuner_new(&km), HJTJ_OK);
    ck_assert_int_eq(hjtj_kommuner_load_memory(km, k, strlen(k), "k"), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_set_kommuner(reg, km), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, csv, strlen(csv), "r"), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    ck_assert_int_eq(hjtj_table_build(t, reg, "1.10"), HJTJ_OK);
    ck_assert_int_eq(hjtj_figure_to_string(t, NULL, HJTJ_LANG_NB, &s, NULL), HJTJ_OK);
    ck_assert_ptr_null(strstr(s, "<b>"));
    ck_assert_ptr_nonnull(strstr(s, "Oslo &lt;b&gt;&amp;amp; &quot;x&quot; &#39;y&#39;"));
    hjtj_free(s);
    ck_assert_int_eq(hjtj_html_new(&page, HJTJ_LANG_NB), HJTJ_OK);
    ck_assert_int_eq(hjtj_html_add_table(page, t, 1), HJTJ_OK);
    ck_assert_int_eq(hjtj_html_to_string(page, &s, NULL), HJTJ_OK);
    ck_assert_ptr_null(strstr(s, "<b>"));
    ck_assert_ptr_nonnull(strstr(s, "<th scope=\"row\">Oslo &lt;b&gt;&amp;amp; &quot;x&quot;"));
    hjtj_free(s);
    hjtj_html_free(page);
    hjtj_table_free(t);
    hjtj_register_free(reg);
    hjtj_kommuner_free(km);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("figures");
    TCase *tc = tcase_create("figures");
    tcase_add_test(tc, test_figure_list);
    tcase_add_test(tc, test_figure_values);
    tcase_add_test(tc, test_figure_errors);
    tcase_add_test(tc, test_notes);
    tcase_add_test(tc, test_html_page);
    tcase_add_test(tc, test_escaping);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
