/* notes.h — the notes and population sentences under a table (notes.c). */
#ifndef HJTJ_NOTES_H
#define HJTJ_NOTES_H

#include "internal.h"

/* The note under a table where the library deviates from the printed report
 * (its KNOWN_ISSUES: 2.3, 3.13, 4.8, 4.20-4.23, 5.1) or where a footnote of
 * the report decides how to read it (4.3, 4.10, 4.11); "" when there is
 * none, NULL for no table.  Static storage. */
const char *hjtj__table_note(const hjtj_table *table, hjtj_lang lang);

/* The table's population sentence in the language (the catalogue's English
 * sentence, or its Norwegian translation; never NULL). */
const char *hjtj__population_text(const hjtj_table *table, hjtj_lang lang);

#endif
