/* testutil.h — helpers for the Check suites. */
#ifndef HJTJ_TESTUTIL_H
#define HJTJ_TESTUTIL_H

#include <check.h>
#include <hjtj.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Complete out[0..7] (eight digits) into a 9-digit orgnr with its modulus-11
 * check digit (weights 3 2 7 6 5 4 3 2; r = sum mod 11; 0 if r = 0, else
 * 11 - r).  Returns -1 when no check digit exists (r = 1). */
static inline int orgnr_complete(char out[10])
{
    static const int w[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    int sum = 0, i, r;
    for (i = 0; i < 8; i++)
        sum += (out[i] - '0') * w[i];
    r = sum % 11;
    if (r == 1)
        return -1;
    out[8] = (char)('0' + (r == 0 ? 0 : 11 - r));
    out[9] = '\0';
    return 0;
}

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
