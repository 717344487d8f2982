#include "testutil.h"

START_TEST(test_version)
{
    ck_assert_str_eq(hjtj_version(), "0.1.0");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tables");
    TCase *tc = tcase_create("tables");
    tcase_add_test(tc, test_version);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
