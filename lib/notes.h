/* notes.h — the notes and population sentences under a table (notes.c). */
#ifndef HJTJ_NOTES_H
#define HJTJ_NOTES_H

#include "internal.h"

/* The table's population sentence in the language (the catalogue's English
 * sentence, or its Norwegian translation; never NULL). */
const char *hjtj__population_text(const hjtj_table *table, hjtj_lang lang);

#endif
