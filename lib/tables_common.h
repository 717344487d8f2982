/* tables_common.h — helpers shared by the table definitions (tables_*.c). */
#ifndef HJTJ_TABLES_COMMON_H
#define HJTJ_TABLES_COMMON_H

#include "internal.h"

#endif
