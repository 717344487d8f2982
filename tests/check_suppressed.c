/* check_suppressed.c — cells suppressed for confidentiality (SPEC §11, a
 * cell printed ':') in figures and pages: an empty dashed box marked ':',
 * never a bar of length 0, and ':' in the HTML table.  No table of the
 * catalogue suppresses cells yet, so the tables here are made with the
 * library's internal table builder (this test links the static library). */
#include "table.h"
#include "text.h"
#include "testutil.h"

static hjtj_table *make_table(const char *id, const char *const *cols, size_t ncols)
{
    hjtj_table *t = NULL;
    size_t j;
    ck_assert_int_eq(hjtj_table_new(&t), HJTJ_OK);
    hjtj__str_copy(t->id, sizeof t->id, id);
    t->title_nb = "Prikket tabell";
    t->title_en = "Suppressed table";
    t->population = "All active home-care enterprises (status aktiv, not outside home care).";
    t->n = 10;
    hjtj__tb_begin(t, ncols, 1);
    for (j = 0; j < ncols; j++)
        hjtj__tb_col(t, j, cols[j], NULL, NULL);
    return t;
}

/* The element of the bar in row `row`, column `col` (from "<rect" to its end). */
static char *bar(const char *svg, const char *row, const char *col)
{
    char key[128];
    const char *g, *r, *e;
    snprintf(key, sizeof key, "<g data-row=\"%s\"", row);
    g = strstr(svg, key);
    ck_assert_msg(g != NULL, "no row %s", row);
    snprintf(key, sizeof key, "data-col=\"%s\"", col);
    r = strstr(g, key);
    ck_assert_msg(r != NULL, "no bar %s/%s", row, col);
    while (r > g && strncmp(r, "<rect", 5) != 0)
        r--;
    e = strstr(r, "</rect>");
    ck_assert_ptr_nonnull(e);
    return strndup(r, (size_t)(e - r));
}

START_TEST(test_bar_chart)
{
    static const char *const cols[] = {"kommune", "antall", "andel"};
    hjtj_table *t = make_table("x", cols, 3);
    hjtj_html *page = NULL;
    char *svg = NULL, *html = NULL, *b;
    size_t r;
    r = hjtj__tb_row(t, "0301", "Oslo", NULL);
    hjtj__tb_count(t, r, 1, 7);
    hjtj__tb_share(t, r, 2, 7, 10);
    r = hjtj__tb_row(t, "4601", "Bergen", NULL);
    hjtj__tb_text(t, r, 1, ":");
    hjtj__tb_text(t, r, 2, ":");
    r = hjtj__tb_row(t, "1520", "\xC3\x85lesund", NULL);
    hjtj__tb_count(t, r, 1, 0);
    hjtj__tb_share(t, r, 2, 0, 0); /* an empty base */
    r = hjtj__tb_row(t, "totalt", "Totalt", NULL);
    hjtj__tb_count(t, r, 1, 10);
    hjtj__tb_share(t, r, 2, 10, 10);
    ck_assert_int_eq(hjtj_figure_to_string(t, NULL, HJTJ_LANG_NB, &svg, NULL), HJTJ_OK);
    b = bar(svg, "0301", "andel");
    ck_assert_ptr_nonnull(strstr(b, "data-value=\"70.0\""));
    ck_assert_ptr_null(strstr(b, "data-suppressed"));
    free(b);
    /* suppressed: an empty (white) dashed box of a fixed width, marked ':' */
    b = bar(svg, "4601", "andel");
    ck_assert_ptr_nonnull(strstr(b, "data-value=\":\" data-suppressed=\"1\""));
    ck_assert_ptr_nonnull(strstr(b, "width=\"22.00\""));
    ck_assert_ptr_nonnull(strstr(b, "fill=\"#ffffff\""));
    ck_assert_ptr_nonnull(strstr(b, "stroke-dasharray"));
    free(b);
    ck_assert_ptr_nonnull(strstr(strstr(svg, "<g data-row=\"4601\""), "\">:</text>"));
    ck_assert_ptr_nonnull(strstr(svg, "Prikket av hensyn til personvern"));
    /* a share of an empty base: no bar, the label '.' */
    b = bar(svg, "1520", "andel");
    ck_assert_ptr_nonnull(strstr(b, "width=\"0.00\""));
    free(b);
    ck_assert_ptr_nonnull(strstr(strstr(svg, "<g data-row=\"1520\""), ">.</text>"));
    hjtj_free(svg);
    ck_assert_int_eq(hjtj_figure_to_string(t, NULL, HJTJ_LANG_EN, &svg, NULL), HJTJ_OK);
    ck_assert_ptr_nonnull(strstr(svg, "Suppressed for confidentiality"));
    hjtj_free(svg);

    ck_assert_int_eq(hjtj_html_new(&page, HJTJ_LANG_NB), HJTJ_OK);
    ck_assert_int_eq(hjtj_html_add_table(page, t, 1), HJTJ_OK);
    ck_assert_int_eq(hjtj_html_to_string(page, &html, NULL), HJTJ_OK);
    ck_assert_ptr_nonnull(strstr(html, "<th scope=\"row\">Bergen</th><td><abbr title=\"prikket\">:"
                                       "</abbr></td><td><abbr title=\"prikket\">:</abbr></td>"));
    ck_assert_ptr_nonnull(strstr(html, "<th scope=\"row\">\xC3\x85lesund</th><td>0</td><td>.</td>"));
    ck_assert_ptr_nonnull(strstr(html, "<td>70,0</td>"));
    hjtj_free(html);
    hjtj_html_free(page);
    hjtj_table_free(t);
}
END_TEST

/* Figure 4.1 (stacked) with a suppressed segment. */
START_TEST(test_stacked)
{
    static const char *const cols[] = {"malgruppe", "antall_en_malgruppe", "antall_to_malgrupper",
                                       "antall_tre_eller_flere_malgrupper"};
    hjtj_table *t = make_table("4.10", cols, 4);
    char *svg = NULL, *b;
    size_t r = hjtj__tb_row(t, "demens", "Demens", NULL);
    hjtj__tb_count(t, r, 1, 40);
    hjtj__tb_text(t, r, 2, ":");
    hjtj__tb_count(t, r, 3, 100);
    ck_assert_int_eq(hjtj_figure_to_string(t, "4.1", HJTJ_LANG_NB, &svg, NULL), HJTJ_OK);
    b = bar(svg, "demens", "antall_to_malgrupper");
    ck_assert_ptr_nonnull(strstr(b, "data-suppressed=\"1\""));
    ck_assert_ptr_nonnull(strstr(b, "width=\"22.00\""));
    free(b);
    b = bar(svg, "demens", "antall_tre_eller_flere_malgrupper");
    ck_assert_ptr_nonnull(strstr(b, "data-value=\"100\""));
    free(b);
    hjtj_free(svg);
    hjtj_table_free(t);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("suppressed");
    TCase *tc = tcase_create("suppressed");
    tcase_add_test(tc, test_bar_chart);
    tcase_add_test(tc, test_stacked);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
