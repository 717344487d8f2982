/* fuzz_scheme.c — libFuzzer harness for the classification-scheme reader. */
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hjtj_scheme *s = NULL;
    uint32_t set;
    if (!fuzz_setup(&data, &size))
        return 0;
    if (hjtj_scheme_new(&s) == HJTJ_OK) {
        if (hjtj_scheme_load_memory(s, (const char *)data, size, "fuzz") == HJTJ_OK) {
            for (set = 0; set < 64; set++)
                if (hjtj_scheme_samlemalgruppe(s, set) < 0)
                    __builtin_trap();
            (void)hjtj_scheme_band_of(s, 1000);
        }
        hjtj_scheme_free(s);
    }
    fuzz_alloc_off();
    return 0;
}
