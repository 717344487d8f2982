/*
 * catalog.h — The catalogue of the report's tables (catalog.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_CATALOG_H
#define HJTJ_CATALOG_H

#include "hjtj.h"
#include "kommuner.h"
#include "scheme.h"
#include "table.h"

#include <stddef.h>
#include <stdint.h>

/* One entry of the catalogue. */
typedef struct table_def {
    const char *id;
    const char *title_nb;
    const char *title_en;
    const char *population;
    /* Fill t (already named) from reg; returns HJTJ_OK or an error code. */
    hjtj_status (*build)(hjtj_table *t, const hjtj_register *reg);
} table_def;

/* What a table's build may see of a register (register.c): its scheme, its
 * municipality table and how many records it holds.  Never a record: the
 * table definitions (catalog.c, tables_*.c) do not include register.h, and
 * they read records only through the declarations of crosstab.h, which a
 * streaming register fills as the records load (reduce.h).  tables_common.h
 * enforces it at compile time: it refuses register.h and poisons
 * hjtj_register_record and reg_rec. */
const hjtj_scheme *hjtj__reg_scheme(const hjtj_register *reg);
const hjtj_kommuner *hjtj__reg_kommuner(const hjtj_register *reg);
size_t hjtj__reg_count(const hjtj_register *reg);

extern const table_def hjtj__table_defs[] HJTJ_ATTR_HIDDEN;
extern const size_t hjtj__table_ndefs HJTJ_ATTR_HIDDEN;

#endif
