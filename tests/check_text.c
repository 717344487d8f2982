/* check_text.c — the toolkit every loader and table uses (lib/text.h): the
 * one integer parser at its bounds, the one trim, the control-character
 * test against a byte-at-a-time reference, the orgnr check digit, the
 * hashes, and the one way an array grows (buf.h).  Linked statically:
 * these functions are internal. */
#include "testutil.h"
#include "buf.h"
#include "text.h"
#include "codes.h"

#include <stdint.h>

static hjtj_status pu(const char *s, uint64_t max, uint64_t *v)
{
    return hjtj__parse_uint(s, strlen(s), max, v);
}

START_TEST(parse_uint_bounds)
{
    uint64_t v = 77;
    ck_assert_int_eq(pu("0", 0, &v), HJTJ_OK);
    ck_assert_uint_eq(v, 0);
    ck_assert_int_eq(pu("1", 0, &v), HJTJ_ERR_RANGE);
    ck_assert_uint_eq(v, 0);
    /* a digit above a small maximum (the MAX_BOENHETER slip: 9 > 5) */
    ck_assert_int_eq(pu("5", 5, &v), HJTJ_OK);
    ck_assert_uint_eq(v, 5);
    ck_assert_int_eq(pu("6", 5, &v), HJTJ_ERR_RANGE);
    ck_assert_int_eq(pu("9", 5, &v), HJTJ_ERR_RANGE);
    ck_assert_int_eq(pu("12", 5, &v), HJTJ_ERR_RANGE);
    ck_assert_int_eq(pu("10", 10, &v), HJTJ_OK);
    ck_assert_int_eq(pu("11", 10, &v), HJTJ_ERR_RANGE);
    ck_assert_int_eq(pu("0000000000000000000000007", 7, &v), HJTJ_OK);
    ck_assert_uint_eq(v, 7);
    ck_assert_int_eq(pu("18446744073709551615", UINT64_MAX, &v), HJTJ_OK);
    ck_assert(v == UINT64_MAX);
    ck_assert_int_eq(pu("18446744073709551616", UINT64_MAX, &v), HJTJ_ERR_RANGE);
    ck_assert(v == UINT64_MAX);
    ck_assert_int_eq(pu("99999999999999999999999", 1000, &v), HJTJ_ERR_RANGE);
    ck_assert_int_eq(pu("2147483647", INT32_MAX, &v), HJTJ_OK);
    ck_assert_int_eq(pu("2147483648", INT32_MAX, &v), HJTJ_ERR_RANGE);
    /* not digits */
    ck_assert_int_eq(pu("", 9, &v), HJTJ_ERR_SYNTAX);
    ck_assert_int_eq(pu(" 1", 9, &v), HJTJ_ERR_SYNTAX);
    ck_assert_int_eq(pu("+1", 9, &v), HJTJ_ERR_SYNTAX);
    ck_assert_int_eq(pu("1a", 9, &v), HJTJ_ERR_SYNTAX);
    ck_assert_int_eq(pu("99999999999999999999x", 9, &v), HJTJ_ERR_SYNTAX);
}
END_TEST

/* Code lists read through the memo are read as without it: random lists
 * (codes, their case changed, unknown words, blanks of every kind, too
 * long for the memo) of every field a register has, again and again, so
 * that a slot is found, missed and taken over by another list. */
START_TEST(code_memo_same_as_direct)
{
    static const hjtj_field fields[] = {HJTJ_FIELD_VIRKSOMHETSTYPE, HJTJ_FIELD_MALGRUPPE,
                                        HJTJ_FIELD_MOTTAR_FRA, HJTJ_FIELD_LEVERER_TIL};
    static const char *const blanks[] = {" ", "  ", "\t", " \r\n", ""};
    hjtj__code_memo *m = calloc(1, sizeof *m);
    uint64_t x = 12345;
    size_t found = 0, round;
    ck_assert_ptr_nonnull(m);
    for (round = 0; round < 200000; round++) {
        char list[160];
        size_t n = 0, k, tokens;
        const char *bad1 = NULL, *bad2 = NULL;
        size_t bl1 = 0, bl2 = 0;
        int64_t a, b;
        hjtj_field f;
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        f = fields[(x >> 33) % 4];
        tokens = (x >> 40) % 5;
        for (k = 0; k < tokens; k++) {
            uint64_t y = x >> (k * 7 % 20);
            const char *code = hjtj_code(f, (int32_t)(y % (uint64_t)hjtj_field_size(f)));
            const char *blank = blanks[(y >> 4) % 5];
            if (k > 0 && blank[0] == '\0')
                blank = " ";
            n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", blank, code);
            if ((y >> 9) % 97 == 0 && n > 0)
                list[n - 1] = (char)(list[n - 1] - 'a' + 'A'); /* case folded */
            if ((y >> 13) % 211 == 0)
                n += (size_t)snprintf(list + n, sizeof list - n, " tull");
        }
        if ((x >> 50) % 3 == 0)
            n += (size_t)snprintf(list + n, sizeof list - n, "%s", blanks[(x >> 52) % 5]);
        a = hjtj__code_list_parse(f, list, n, &bad1, &bl1);
        b = hjtj__code_list_parse_memo(m, f, list, n, &bad2, &bl2);
        ck_assert_msg(a == b, "'%.*s': %lld, through the memo %lld", (int)n, list, (long long)a,
                      (long long)b);
        if (a < 0)
            ck_assert(bad1 == bad2 && bl1 == bl2);
        found += a >= 0;
    }
    ck_assert_uint_gt(found, 100000);
    free(m);
}
END_TEST

START_TEST(popcounts)
{
    uint64_t x = 1;
    int i;
    for (i = 0; i < 100000; i++) {
        unsigned want = 0, b;
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        for (b = 0; b < 64; b++)
            want += (unsigned)(x >> b) & 1u;
        ck_assert_uint_eq(hjtj__popcount64(x), want);
        ck_assert_uint_eq(hjtj__popcount64(x & (x >> 7) & (x >> 13)),
                          (unsigned)__builtin_popcountll(x & (x >> 7) & (x >> 13)));
        ck_assert_int_eq(hjtj__popcount32((uint32_t)x), __builtin_popcount((uint32_t)x));
    }
    ck_assert_uint_eq(hjtj__popcount64(0), 0);
    ck_assert_uint_eq(hjtj__popcount64(UINT64_MAX), 64);
}
END_TEST

START_TEST(parse_uint_every_max)
{
    /* every value 0..300 against every maximum 0..300 */
    unsigned a, m;
    for (m = 0; m <= 300; m++)
        for (a = 0; a <= 300; a++) {
            char s[8];
            uint64_t v = 0;
            snprintf(s, sizeof s, "%u", a);
            ck_assert_int_eq(pu(s, m, &v), a <= m ? HJTJ_OK : HJTJ_ERR_RANGE);
            ck_assert_uint_eq(v, a <= m ? a : m);
        }
}
END_TEST

START_TEST(trim_blanks)
{
    const char *s = " \t\r\n x y \n\r\t ";
    size_t n = strlen(s);
    hjtj__trim(&s, &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(memcmp(s, "x y", 3), 0);
    s = " \t ";
    n = 3;
    hjtj__trim(&s, &n);
    ck_assert_uint_eq(n, 0);
    s = "\fx\v"; /* form feed and vertical tab are not blanks */
    n = 3;
    hjtj__trim(&s, &n);
    ck_assert_uint_eq(n, 3);
}
END_TEST

static int control_ref(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            return 1;
    }
    return 0;
}

START_TEST(control_against_reference)
{
    /* every length 0..40 at every offset 0..7, with no control character,
     * or one (each kind) at every position */
    static const unsigned char kinds[] = {0x00, 0x01, 0x1f, 0x7f, '\t', '\n', '\r', 0x80, 0xff,
                                          ' ', '~'};
    char text[64];
    size_t len, off, pos, k;
    for (len = 0; len <= 40; len++)
        for (off = 0; off < 8; off++) {
            char *s = text + off;
            for (k = 0; k < len; k++)
                s[k] = (char)('a' + k % 26);
            ck_assert_int_eq(hjtj__has_control(s, len), 0);
            for (pos = 0; pos < len; pos++)
                for (k = 0; k < sizeof kinds; k++) {
                    char keep = s[pos];
                    s[pos] = (char)kinds[k];
                    ck_assert_msg(hjtj__has_control(s, len) == control_ref(s, len),
                                  "len %zu pos %zu byte %02x", len, pos, kinds[k]);
                    s[pos] = keep;
                }
        }
}
END_TEST

START_TEST(orgnr_check_digit)
{
    ck_assert(hjtj__orgnr_valid("100000008", 9));
    ck_assert(!hjtj__orgnr_valid("100000009", 9));
    ck_assert(!hjtj__orgnr_valid("10000000", 8));
    ck_assert(!hjtj__orgnr_valid("10000000x", 9));
    ck_assert(hjtj__orgnr_valid("974760673", 9)); /* Brønnøysundregistrene */
}
END_TEST

START_TEST(orgnr_formatted)
{
    char out[10];
    hjtj__orgnr_format(out, 0);
    ck_assert_str_eq(out, "000000000");
    hjtj__orgnr_format(out, 974760673);
    ck_assert_str_eq(out, "974760673");
    hjtj__orgnr_format(out, 1234567);
    ck_assert_str_eq(out, "001234567");
    hjtj__orgnr_format(out, 999999999);
    ck_assert_str_eq(out, "999999999");
}
END_TEST

START_TEST(hashes)
{
    uint64_t i, low = 0;
    ck_assert(hjtj__hash_u64(1) != hjtj__hash_u64(2));
    ck_assert(hjtj__hash_u64(12345) == hjtj__hash_u64(12345));
    /* consecutive numbers spread over the low bits (the tables' slots) */
    for (i = 0; i < 1024; i++)
        low |= (uint64_t)1 << (hjtj__hash_u64(100000000 + i) & 63);
    ck_assert(low == UINT64_MAX);
}
END_TEST

START_TEST(grow_arrays)
{
    int *a = NULL;
    size_t cap = 0, i;
    ck_assert_int_eq(hjtj__grow(&a, &cap, 0, sizeof *a, 4), HJTJ_OK); /* nothing needed */
    ck_assert_ptr_null(a);
    ck_assert_int_eq(hjtj__grow(&a, &cap, 1, sizeof *a, 4), HJTJ_OK);
    ck_assert_uint_eq(cap, 4);
    for (i = 0; i < 1000; i++) {
        ck_assert_int_eq(hjtj__grow(&a, &cap, i + 1, sizeof *a, 4), HJTJ_OK);
        ck_assert_uint_ge(cap, i + 1);
        a[i] = (int)i;
    }
    ck_assert_uint_eq(cap, 1024);
    for (i = 0; i < 1000; i++)
        ck_assert_int_eq(a[i], (int)i);
    ck_assert_int_eq(hjtj__grow(&a, &cap, 5000, sizeof *a, 4), HJTJ_OK);
    ck_assert_uint_eq(cap, 8192);
    /* what would not fit in a size_t leaves the array as it was */
    ck_assert_int_eq(hjtj__grow(&a, &cap, SIZE_MAX / 2, sizeof *a, 4), HJTJ_ERR_NOMEM);
    ck_assert_int_eq(hjtj__grow(&a, &cap, SIZE_MAX, 1, 4), HJTJ_ERR_NOMEM);
    ck_assert_uint_eq(cap, 8192);
    ck_assert_int_eq(a[999], 999);
    free(a);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("toolkit");
    SRunner *sr;
    int failed;
    tcase_add_test(tc, parse_uint_bounds);
    tcase_add_test(tc, parse_uint_every_max);
    tcase_add_test(tc, code_memo_same_as_direct);
    tcase_add_test(tc, popcounts);
    tcase_add_test(tc, trim_blanks);
    tcase_add_test(tc, control_against_reference);
    tcase_add_test(tc, orgnr_check_digit);
    tcase_add_test(tc, orgnr_formatted);
    tcase_add_test(tc, hashes);
    tcase_add_test(tc, grow_arrays);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
