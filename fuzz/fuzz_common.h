/* fuzz_common.h — shared by the libFuzzer harnesses. */
#ifndef HJTJ_FUZZ_COMMON_H
#define HJTJ_FUZZ_COMMON_H
#include <hjtj.h>
#include <stddef.h>
#include <stdint.h>

/* Take the allocation-failure setting from the first two bytes of the input
 * (0 = no failure, else fail the Nth allocation of the library and libxml2)
 * and advance data/size past them.  Returns 0 if the input is too short. */
int fuzz_setup(const uint8_t **data, size_t *size);
/* Build every table of the catalogue from reg (each may fail only with
 * HJTJ_ERR_NOMEM under injected failures); check the counts reconcile. */
void fuzz_exercise(const hjtj_register *reg);
/* Stop injecting failures. */
void fuzz_alloc_off(void);
#endif
