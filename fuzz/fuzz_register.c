/* fuzz_register.c — libFuzzer harness for the register loaders (XML and
 * CSV, detected by content) through hjtj_register_load_memory(), then every
 * table.  Built as fuzz_xml and fuzz_csv with different seed corpora. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bundled municipality table, read once for the whole run. */
static hjtj_kommuner *kommuner;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hjtj_register *reg = NULL;
    hjtj_status st;
    if (kommuner == NULL && (hjtj_kommuner_new(&kommuner) != HJTJ_OK ||
                             hjtj_kommuner_load_default(kommuner) != HJTJ_OK))
        __builtin_trap();
    if (!fuzz_setup(&data, &size))
        return 0;
    if (hjtj_register_new(&reg) != HJTJ_OK ||
        hjtj_register_set_kommuner(reg, kommuner) != HJTJ_OK) {
        hjtj_register_free(reg);
        fuzz_alloc_off();
        return 0;
    }
    st = hjtj_register_load_memory(reg, (const char *)data, size, "fuzz");
    if (st == HJTJ_OK)
        fuzz_exercise(reg);
    else if (hjtj_register_count(reg) != 0 || hjtj_register_read_count(reg) != 0)
        __builtin_trap(); /* a failed load leaves nothing behind */
    hjtj_register_free(reg);
    fuzz_alloc_off();
    return 0;
}
