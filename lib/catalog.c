/* catalog.c — the list of tables the library builds. */
#include "tables_common.h"

const table_def hjtj_table_defs[] = {{NULL, NULL, NULL, NULL, NULL}};
const size_t hjtj_table_ndefs = 0;
