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
/* This input loads into a streaming register (keep_records 0); and, when
 * no failure is injected and tables are built, its tables are compared with
 * those of a register that keeps the records. */
int fuzz_streaming(void);
int fuzz_differential(void);
/* This input (loaded without injected failures) is loaded a second time
 * with HJTJ_XSD_ALWAYS: the outcome must be the same, i.e. the loading
 * pass's own schema checks never accept what libxml2's validator refuses. */
int fuzz_xsd_check(void);
/* Trap unless every table of a and b is the same. */
void fuzz_compare_tables(const hjtj_register *a, const hjtj_register *b);
#endif
