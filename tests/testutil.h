/* testutil.h — helpers for the Check suites. */
#ifndef HJTJ_TESTUTIL_H
#define HJTJ_TESTUTIL_H

#include <check.h>
#include <hjtj.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Load a register from a string; aborts the test on a file-level error
 * unless expect is not HJTJ_OK. */
static inline hjtj_register *load_string(const char *s, hjtj_status expect)
{
    hjtj_register *reg = NULL;
    hjtj_status st;
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    st = hjtj_register_load_memory(reg, s, strlen(s), "test");
    ck_assert_msg(st == expect, "load status %d (%s), expected %d", (int)st,
                  hjtj_error_message(hjtj_register_error(reg)), (int)expect);
    return reg;
}

static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
