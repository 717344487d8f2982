/*
 * register.h — The register object: its records, diagnostics, orgnr index and settings
 * (register.c: the object, settings, accessors, diagnostics; store.c: adding
 * a record; load.c: the loads).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_REGISTER_H
#define HJTJ_REGISTER_H

#include "hjtj.h"
#include "error.h"
#include "input.h"
#include "buf.h"
#include "codes.h"
#include "kommuner.h"
#include "orgindex.h"
#include "pool.h"
#include "record.h"
#include "reduce.h"
#include "scheme.h"
#include "sink.h"

#include <stddef.h>
#include <stdint.h>

#define HJTJ__NLIMITS 7 /* hjtj_limit values */

/* Record storage: blocks of bulk memory (the second one on; buf.h), so that
 * record pointers stay valid. */
#define REC_BLOCK (HJTJ__BULK_BLOCK / sizeof(struct hjtj_record))

struct hjtj_register {
    hjtj_scheme scheme;
    hjtj_kommuner kommuner;
    int kommuner_set;        /* a table was set or loaded (default not needed) */
    int32_t aargang;

    hjtj_record **blocks;    /* REC_BLOCK records each */
    size_t nblocks, nrecords;
    void **spare;            /* bulk blocks to take before new ones: staged
                                records' chunks, once stored (store.c) */
    size_t nspare, capspare;
    size_t nread;

    hjtj_diag *rejects;
    size_t nrejects, caprejects;
    hjtj_diag *warnings;
    size_t nwarnings, capwarnings;

    hjtj__orgindex index;    /* the orgnr held (keep mode follows keep) */

    pool strings;
    red_set *reds;           /* streaming: the tables' reductions (streaming.c) */
    char orgnr_now[10];      /* streaming: the orgnr of the record passed to the callback */
    hjtj__nk_table nk;       /* one string per næringskode, in strings */
    hjtj__code_memo *memo;   /* the code lists read (made on the first record) */
    void *xsd;               /* compiled XSD (xmlSchemaPtr), loaded on first XML */
    uint64_t limits[HJTJ__NLIMITS];
    hjtj_record_fn cb;
    void *cb_ud;
    int keep;
    hjtj_xsd_mode xsd_mode;
    int loading;             /* inside a load call */
    hjtj_encoding encoding;  /* of CSV input (XML declares its own) */
    hjtj_error err;
};


/* Make sure the register has a municipality table (loads the default);
 * on failure reg->err is set. */
hjtj_status hjtj__register_ensure_kommuner(hjtj_register *reg);
/* Exchange the register's municipality table with *k; `set` becomes the
 * register's "table given" flag, whose old value is returned. */
int hjtj__register_swap_kommuner(hjtj_register *reg, hjtj_kommuner *k, int set);
/* Add a warning (printf-style message); HJTJ_ERR_NOMEM. */
hjtj_status hjtj__register_warn(hjtj_register *reg, hjtj_reason reason, const char *file,
                                uint64_t line, uint64_t col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Reject a record: a diagnostic at the record's first line, and at the
 * column (col) of the field at fault when it stands on that line; the
 * orgnr as written, unless it holds a control character.  HJTJ_ERR_NOMEM. */
hjtj_status hjtj__register_reject(hjtj_register *reg, const raw_field *orgnr, const char *file,
                                  hjtj_reason reason, uint64_t rline, uint64_t rcol,
                                  uint64_t line, uint64_t col, const char *msg);

static inline const hjtj_record *reg_rec(const hjtj_register *reg, size_t i)
{
    return &reg->blocks[i / REC_BLOCK][i % REC_BLOCK];
}

#endif
