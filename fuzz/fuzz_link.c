/* fuzz_link.c — libFuzzer harness for link files (hjtj_link(3)) and the
 * custom tables over their variables. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char reg_csv[] = "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,boenheter\n"
                              "100000008,0301,kommunal,boligbase,demens,8\n"
                              "100000016,4601,privat,boligbase,utviklingshemning,3\n"
                              "100000024,3101,kommunal,amb-helse,demens,\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hjtj_link *link = NULL;
    hjtj_register *reg = NULL;
    hjtj_crosstab *ct = NULL;
    hjtj_table *t = NULL;
    size_t v;
    if (!fuzz_setup(&data, &size))
        return 0;
    if (hjtj_link_new(&link) != HJTJ_OK)
        goto out;
    if (hjtj_link_load_memory(link, (const char *)data, size, "fuzz") != HJTJ_OK)
        goto out;
    if (hjtj_link_read_count(link) != hjtj_link_used_count(link) + hjtj_link_problem_count(link))
        __builtin_trap();
    if (hjtj_register_new(&reg) != HJTJ_OK ||
        hjtj_register_load_memory(reg, reg_csv, sizeof reg_csv - 1, "reg") != HJTJ_OK)
        goto out;
    if (hjtj_link_match(link, reg) == HJTJ_OK &&
        hjtj_link_read_count(link) != hjtj_link_used_count(link) + hjtj_link_problem_count(link))
        __builtin_trap();
    if (hjtj_crosstab_new(&ct) != HJTJ_OK || hjtj_table_new(&t) != HJTJ_OK ||
        hjtj_crosstab_set_rows(ct, "eierskap") != HJTJ_OK ||
        hjtj_crosstab_set_link(ct, link) != HJTJ_OK)
        goto out;
    for (v = 0; v < hjtj_link_var_count(link) && v < 4; v++) {
        static const char *const m[] = {"sum:", "gjennomsnitt:", "median:"};
        int k;
        for (k = 0; k < 3; k++) {
            char measure[256];
            hjtj_status st;
            snprintf(measure, sizeof measure, "%s%s", m[k], hjtj_link_var_name(link, v));
            if (hjtj_crosstab_set_measure(ct, measure) != HJTJ_OK)
                continue; /* a name with a colon, too long, ... */
            st = hjtj_table_build_crosstab(t, reg, ct);
            if (st != HJTJ_OK && st != HJTJ_ERR_NOMEM && st != HJTJ_ERR_OVERFLOW)
                __builtin_trap();
            if (st == HJTJ_OK)
                (void)hjtj_table_cell_text(t, 0, 1);
        }
    }
out:
    hjtj_table_free(t);
    hjtj_crosstab_free(ct);
    hjtj_register_free(reg);
    hjtj_link_free(link);
    fuzz_alloc_off();
    return 0;
}
