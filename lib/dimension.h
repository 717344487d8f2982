/*
 * dimension.h — The dimensions a declaration counts by (dimension.c): their
 * names, a record's value in one, the codes a filter may name, and the
 * classes a dimension spreads a table over.
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_DIMENSION_H
#define HJTJ_DIMENSION_H

#include "hjtj.h"
#include "buf.h"
#include "crosstab.h"
#include "record.h"

#include <stddef.h>
#include <stdint.h>

/* A dimension by name (SPEC §9): the field, how a record is read, and the
 * heading of its label column. */
typedef struct dim_def {
    const char *name;
    int field;
    int kind;            /* xd_kind */
    const char *nb, *en; /* the heading of its label column */
} dim_def;

/* The dimension of that name, or of that field; NULL when there is none. */
const dim_def *hjtj__dim_find(const char *name);
const dim_def *hjtj__dim_of(const xd_spec *d);
/* The name of d's dimension ("" when there is none). */
const char *hjtj__dim_name(const xd_spec *d);
/* How a field is read as a dimension (XD_LANDET when it is none). */
int hjtj__dim_kind(int field);
/* "a, b, c": every dimension name, or the codes a filter of def accepts. */
void hjtj__dim_list(buf *b);
void hjtj__dim_list_codes(buf *b, const dim_def *def);
/* The value of one code of a dimension as xd_value gives it (a code set:
 * its bit), or 0 when it is not a code of def. */
uint32_t hjtj__dim_code_value(const dim_def *def, const char *s, size_t n);
/* Fill w->bits from w's values when they are all below 64 (else 0). */
void hjtj__where_bits(xwhere *w);

/* n digits of a field the register has checked (kommunenr, næringskode):
 * a conversion, not a parse (a parse is hjtj__parse_uint); inline because
 * it runs for every record a declaration reads. */
static inline uint32_t dim_digits(const char *s, size_t n)
{
    uint32_t v = 0;
    size_t i;
    for (i = 0; i < n; i++)
        v = v * 10 + (uint32_t)(s[i] - '0');
    return v;
}

/* A record's value in a dimension: class + 1 (0 = none), or for a code set
 * its bit mask. */
static inline __attribute__((always_inline)) uint32_t xd_value(const xd_spec *d,
                                                                const hjtj_record *r)
{
    switch (d->kind) {
    case XD_CLASS:
        return (uint32_t)(rec_cls(r, (hjtj_field)d->field) + 1);
    case XD_INPUT:
        return d->field == HJTJ_FIELD_EIERSKAP ? r->eierskap + 1u
               : d->field == HJTJ_FIELD_STATUS ? r->status + 1u
                                               : r->andre_kommuner + 1u;
    case XD_NK: {
        const char *s = r->naeringskode;
        if (r->nk_standard != 0 || s == NULL || s[0] == '\0')
            return NK_UOPPGITT + 1;
        return dim_digits(s, 2) * 1000 + dim_digits(s + 3, 3) + 1;
    }
    case XD_MULTI:
        return d->field == HJTJ_FIELD_VIRKSOMHETSTYPE ? r->types
               : d->field == HJTJ_FIELD_MALGRUPPE     ? r->mg
               : d->field == HJTJ_FIELD_MOTTAR_FRA    ? r->mottar
                                                      : r->leverer;
    case XD_KOMMUNE:
        return dim_digits(r->kommunenr, 4) + 1;
    case XD_FYLKE:
        return dim_digits(r->kommunenr, 2) + 1;
    default:
        return 1;
    }
}

/* ---- the classes of a dimension ---- */

typedef struct xclass {
    uint32_t value; /* as xd_value gives it (multi: the bit index) */
    const char *code, *nb, *en;
} xclass;

typedef struct xclasses {
    xclass *c;
    size_t n;
    int32_t *pos;   /* value -> position, -1 */
    size_t npos;
    char *text;     /* storage of generated codes and labels */
    size_t tlen;    /* bytes of text used */
    int multi;
} xclasses;

/* The classes of dimension d over the register, in the order a table lists
 * them (nk: the næringskoder present, sorted).  HJTJ_OK or HJTJ_ERR_NOMEM;
 * free with hjtj__classes_free either way. */
hjtj_status hjtj__classes_make(xclasses *x, const xd_spec *d, const hjtj_register *reg,
                               const uint32_t *nk, size_t nnk);
void hjtj__classes_free(xclasses *x);
/* The positions of a key value among the classes (several for a code set)
 * into out (room for 32); returns how many. */
size_t hjtj__classes_positions(const xclasses *x, uint32_t v, size_t *out);

#endif
