/*
 * tests/static_names.c — a program that links libhjtj statically and
 * defines, with its own meanings, the names a C program is likely to use
 * and that libhjtj's implementation used before its internals took the
 * hjtj__ prefix (buf_init, err_set, csv_init, load_xml, ...).  It must link
 * (no duplicate symbol) and both its functions and the library must work:
 * the library's internals may not be replaced by these, nor these by them.
 * Linked with libtool's -static (Makefile.am), so libhjtj.a is used.
 */
#include "hjtj.h"

#include <stdio.h>
#include <stdlib.h>

/* The program's own helpers, deliberately with the old internal names,
 * global (with a prototype, as a program's own header would give). */
#define OWN(name, k)                                                            \
    int name(int x);                                                           \
    int name(int x)                                                            \
    {                                                                          \
        return x + k;                                                          \
    }
OWN(buf_init, 1)
OWN(buf_free, 2)
OWN(buf_put, 3)
OWN(err_set, 4)
OWN(err_clear, 5)
OWN(csv_init, 6)
OWN(csv_next, 7)
OWN(load_xml, 8)
OWN(load_csv, 9)
OWN(pool_alloc, 10)
OWN(str_dup, 11)
OWN(str_copy, 12)
OWN(register_add, 13)
OWN(classify_record, 14)
OWN(tb_begin, 15)
OWN(input_open, 16)
OWN(utf8_check, 17)
OWN(share_tenths, 18)
OWN(datadir_path, 19)
OWN(build_3_5, 20)
extern int hele_landet, record_no_text;
int hele_landet = 21;
int record_no_text = 22;

int main(int argc, char **argv)
{
    const char *dir = getenv("HJTJ_DATADIR");
    char xml[4096];
    hjtj_register *reg = NULL;
    hjtj_table *t = NULL;
    int own = buf_init(0) + buf_free(0) + buf_put(0) + err_set(0) + err_clear(0) + csv_init(0) +
              csv_next(0) + load_xml(0) + load_csv(0) + pool_alloc(0) + str_dup(0) +
              str_copy(0) + register_add(0) + classify_record(0) + tb_begin(0) +
              input_open(0) + utf8_check(0) + share_tenths(0) + datadir_path(0) +
              build_3_5(0) + hele_landet + record_no_text;
    int ok = 1;

    snprintf(xml, sizeof xml, "%s/eksempel.xml", argc > 1 ? argv[1] : dir ? dir : "data");

    if (own != 253) {
        printf("FAIL: the program's own functions return %d, not 253\n", own);
        ok = 0;
    }
    if (hjtj_register_new(&reg) != HJTJ_OK || hjtj_table_new(&t) != HJTJ_OK) {
        printf("FAIL: out of memory\n");
        return 1;
    }
    if (hjtj_register_load_file(reg, xml) != HJTJ_OK) {
        printf("FAIL: load %s: %s\n", xml, hjtj_error_message(hjtj_register_error(reg)));
        ok = 0;
    } else if (hjtj_table_build(t, reg, "3.5") != HJTJ_OK) {
        printf("FAIL: table 3.5: %s\n", hjtj_error_message(hjtj_table_error(t)));
        ok = 0;
    } else if (hjtj_register_count(reg) == 0 || hjtj_table_n(t) <= 0) {
        printf("FAIL: nothing loaded (%zu records, N %lld)\n", hjtj_register_count(reg),
               (long long)hjtj_table_n(t));
        ok = 0;
    } else {
        printf("ok: linked statically beside 22 common names; %zu records, Table 3.5 N = %lld\n",
               hjtj_register_count(reg), (long long)hjtj_table_n(t));
    }
    hjtj_table_free(t);
    hjtj_register_free(reg);
    return ok ? 0 : 1;
}
