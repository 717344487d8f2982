/* fuzz_kommuner.c — libFuzzer harness for the municipality-table reader. */
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hjtj_kommuner *k = NULL;
    size_t i;
    if (!fuzz_setup(&data, &size))
        return 0;
    if (hjtj_kommuner_new(&k) == HJTJ_OK) {
        if (hjtj_kommuner_load_memory(k, (const char *)data, size, "fuzz") == HJTJ_OK)
            for (i = 0; i < hjtj_kommuner_count(k); i++)
                if (hjtj_kommuner_storrelse(k, i, NULL) < 0)
                    __builtin_trap();
        hjtj_kommuner_free(k);
    }
    fuzz_alloc_off();
    return 0;
}
