/* crosstab.h — private definitions of custom tables (crosstab.c), linked
 * variables (link.c) and exact decimals (decimal.c).  See hjtj_crosstab(3). */
#ifndef HJTJ_CROSSTAB_H
#define HJTJ_CROSSTAB_H

#include "error.h"
#include "record.h"
#include "reduce.h"

/* ---- exact decimals (decimal.c) ---- */

#define DEC_MAX_DECIMALS 6          /* decimals of a linked value */
#define DEC_MAX_INT_DIGITS 12       /* digits before the decimal point */

/* Parse a decimal number (optional sign, digits, optional point or, with
 * comma != 0, comma and digits) into mant * 10^-DEC_MAX_DECIMALS; *decimals
 * receives the decimals written; blanks around it are dropped (hjtj__trim).
 * HJTJ_OK, HJTJ_ERR_SYNTAX when it is not a number, HJTJ_ERR_RANGE when it
 * has more decimals or integer digits than that. */
hjtj_status hjtj__dec_parse(const char *s, size_t n, int comma, int64_t *mant, int *decimals);
/* num/den (den > 0) in tenths, halves away from zero: HJTJ_OK, or
 * HJTJ_ERR_OVERFLOW (HJTJ_ERR_INVALID_ARG when den <= 0). */
hjtj_status hjtj__div_tenths(int64_t num, int64_t den, int64_t *tenths);
/* Write tenths as "12.5" / "-0.3" into out (at least 32 bytes). */
void hjtj__fmt_tenths(char *out, size_t cap, int64_t tenths, char point);
/* Write num / 10^decimals with all decimals into out. */
void hjtj__fmt_decimal(char *out, size_t cap, int64_t num, int decimals, char point);

/* ---- linked variables (link.c) ---- */

struct hjtj_link {
    char *file;
    char **vars;            /* variable names */
    int *decimals;          /* per variable: values are num / 10^decimals */
    size_t nvars;
    uint32_t *org;          /* per used row: orgnr as a number */
    uint64_t *line;         /* per used row: its line */
    int64_t *val;           /* nrows * nvars */
    uint8_t *has;           /* nrows * nvars: 0 = missing */
    size_t nrows, caprows;
    uint32_t *slot;         /* orgnr -> row + 1 (open addressing) */
    size_t nslot;
    hjtj_diag *probs;       /* problems in line order */
    size_t nprobs, capprobs;
    size_t nread, nmatch_bad;
    hjtj_error err;
    /* settings (kept by link_clear, which clears up to err) */
    hjtj_encoding encoding; /* of the file (hjtj_link_set_encoding) */
};

/* The row of an orgnr (9 digits, not necessarily terminated), or -1. */
int64_t hjtj__link_find(const hjtj_link *l, const char *orgnr);

/* ---- declarations ---- */

/* How a dimension reads a record. */
typedef enum xd_kind {
    XD_CLASS,    /* a classification field: rec_cls */
    XD_INPUT,    /* eierskap, status, andre_kommuner */
    XD_NK,       /* naeringskode (SN2007), uoppgitt */
    XD_MULTI,    /* a code set: virksomhetstype, malgruppe, mottar_fra, leverer_til */
    XD_KOMMUNE,
    XD_FYLKE,
    XD_LANDET
} xd_kind;

typedef struct xd_spec {
    int field;     /* hjtj_field; -1 = none (no column dimension) */
    int kind;      /* xd_kind */
} xd_spec;

#define XW_MAX 16         /* where clauses */
#define XW_MAXCODES 64    /* codes in one clause */
#define NK_UOPPGITT 100000u

typedef struct xwhere {
    xd_spec d;
    uint32_t n;
    uint32_t v[XW_MAXCODES]; /* values as xd_value gives them (multi: mask in v[0]) */
    uint64_t bits;           /* the values as bits when they are all below 64, else 0 */
} xwhere;

/* The part of a declaration that decides what a record contributes: the
 * identity of a streaming reduction (compared with memcmp, so it is
 * zeroed before it is filled). */
typedef struct xdecl {
    xd_spec rows, cols;
    int population;           /* hjtj_population */
    int measure;              /* hjtj_measure */
    int var;                  /* -2 none, -1 boenheter, >= 0 link column */
    uint32_t nwhere;
    xwhere where[XW_MAX];
    const hjtj_link *link;    /* borrowed */
} xdecl;

struct hjtj_crosstab {
    xdecl d;
    char varname[128];        /* a linked variable's name until a link resolves it */
    hjtj_error err;
};

/* d: the chapter 3–5 population by rows_field (and cols_field, or -1),
 * counted (a report table's declaration, tables_common.h). */
void hjtj__xdecl_init(xdecl *d, int rows_field, int cols_field);
/* Keep the records whose class in field is one of the bits of classes. */
void hjtj__xdecl_where(xdecl *d, int field, uint32_t classes);

/* A record's key for a declaration: k[0] row value, k[1] column value,
 * k[2..3] the variable's value (low, high word); bit 31 of k[0] set when the
 * record has a value.  Returns 0 when the record is not in the table. */
int hjtj__xdecl_key(const xdecl *d, const hjtj_record *r, uint32_t k[RED_NFN]);

/* The distinct keys of d over reg with their record counts (s->w): the
 * streaming register's reduction, or one made into *own from the kept
 * records (free it with hjtj__rstore_free).  HJTJ_ERR_STATE on a streaming
 * register that was not given d before its load; HJTJ_ERR_NOMEM. */
hjtj_status hjtj__decl_keys(const hjtj_register *reg, const xdecl *d, rstore *own,
                            const rstore **out);

/* streaming.c: the store of the declaration's reduction (NULL and
 * reds->failed set on a streaming register that does not have it); add a
 * declaration before the first streaming load (HJTJ_OK, HJTJ_ERR_NOMEM, or
 * HJTJ_ERR_STATE once a load has begun). */
const rstore *hjtj__red_decl_store(const hjtj_register *reg, const xdecl *d);
hjtj_status hjtj__red_add_decl(hjtj_register *reg, const xdecl *d);
/* Count w records with key k in s (HJTJ_OK or HJTJ_ERR_NOMEM); release s. */
hjtj_status hjtj__rstore_add(rstore *s, const uint32_t *k, uint64_t w);
void hjtj__rstore_free(rstore *s);

int hjtj__register_has_orgnr(const hjtj_register *reg, uint32_t orgnr);

#endif
