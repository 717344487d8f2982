/* labels.h — column headings, units and table notes of the report's tables
 * (labels.c). */
#ifndef HJTJ_LABELS_H
#define HJTJ_LABELS_H

#include "hjtj.h"

/* The Norwegian and English heading of column `code` of table `table`, and
 * its unit when it is not the default of its cells (enterprises for counts,
 * per cent for shares); each NULL when the library has none. */
void hjtj__col_labels(const char *table, const char *code, const char **nb, const char **en,
                      const char **unit_nb, const char **unit_en);
/* The population sentence in Norwegian of a catalogue table, or NULL. */
const char *hjtj__table_population_nb(const char *table);
/* Where the library's table differs from the printed one (KNOWN_ISSUES,
 * section E), in a language; NULL when it does not. */
const char *hjtj__table_deviation(const char *table, hjtj_lang lang);

#endif
