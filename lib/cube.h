/* cube.h — a table seen as a statistical cube (SPEC §10): row dimension(s)
 * × a metric dimension `statistikkvariabel` whose categories are the value
 * columns.  Built from the public hjtj_table accessors only, so that every
 * table object — the report's and custom ones — is published the same way.
 * The JSON-stat and PX writers read tables through it. */
#ifndef HJTJ_CUBE_H
#define HJTJ_CUBE_H

#include "table.h"
#include "buf.h"

#define HJTJ_CUBE_METRIC "statistikkvariabel"

typedef struct cube_dim {
    const char *id;     /* the stub column's code (static or table-owned) */
    const char *label;  /* its heading in the cube's language */
    size_t n;
    char **codes;       /* owned, unique */
    char **labels;      /* owned, never empty */
} cube_dim;

/* One value of the cube: the number as the CSV prints it, or a symbol. */
typedef struct cube_val {
    const char *text;   /* the printed number; NULL for a symbol */
    char symbol;        /* 0, or '.', ':', '-' (see hjtj_formats(5)) */
} cube_val;

typedef struct cube {
    const hjtj_table *t;
    hjtj_lang lang;
    size_t ndims;              /* row dimensions: 1, or 2 for a pair table */
    cube_dim dims[2];
    cube_dim metric;           /* codes = column codes, labels = headings */
    size_t *mcol;              /* metric category k is table column mcol[k] */
    const char **unit;         /* per metric category */
    int32_t *decimals;
    size_t *row_of;            /* pair table: dims[0] x dims[1] -> table row + 1, 0 none */
    size_t nvalues;
} cube;

/* Build the cube of t in lang: HJTJ_OK, or HJTJ_ERR_NOMEM. */
hjtj_status hjtj__cube_init(cube *c, const hjtj_table *t, hjtj_lang lang);
void hjtj__cube_free(cube *c);
/* Value k of the cube in JSON-stat/PX order (row dimensions outer, the
 * metric inner). */
cube_val hjtj__cube_value(const cube *c, size_t k);
/* The symbols used anywhere in the cube, as flags: 1 '.', 2 ':', 4 '-'. */
unsigned hjtj__cube_symbols(const cube *c);
/* The symbol of a printed cell ('.', ':', '-') or 0 for a number. */
char hjtj__cell_symbol(const hjtj_table *t, size_t row, size_t col);
/* Is column col a descriptor (text only: marks, lists) rather than a value? */
int hjtj__col_is_text(const hjtj_table *t, size_t col);
/* Is t a pair table (3.4, 4.4, ...: stubs row_label, col_label, one value)? */
int hjtj__is_pair_table(const hjtj_table *t);

/* "Tabell 3.5. " and the title of a report table; a custom table's whole title. */
void hjtj__full_title(buf *b, const hjtj_table *t, hjtj_lang lang);

/* The text of label cell (row, col) in lang: with one label column the
 * row's label; in a pair table the labels of its two items; else the
 * printed text (a second column's part of the row label when the label is
 * «first second», as 2.2's «86.901 Home nursing»). */
const char *hjtj__stub_text(const hjtj_table *t, size_t row, size_t col, hjtj_lang lang);

/* "Tabell" / "Table" and other words the writers print in two languages. */
const char *hjtj__word(const char *key, hjtj_lang lang);

#endif
