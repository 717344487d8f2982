/*
 * sink.h — What a loader reads (a raw record) and where it hands it on: the
 * sink, built by the register for each load (load.c); the loaders
 * (load_csv.c, load_xml.c) see the register only through it.
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_SINK_H
#define HJTJ_SINK_H

#include "hjtj.h"
#include "error.h"
#include "input.h"
#include "kommuner.h"
#include "stage.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A record as read by a loader, before validation.  Strings point into the
 * input (not NUL-terminated); `set` says whether the field was present. */
typedef struct raw_field {
    const char *s;
    size_t n;
    int set;
    uint64_t line, col;
} raw_field;

enum raw_id {
    RAW_ORGNR,
    RAW_KOMMUNENR,
    RAW_EIERSKAP,
    RAW_STATUS,
    RAW_NAVN,
    RAW_MERKNAD,
    RAW_NAERINGSKODE,
    RAW_NK_STANDARD,
    RAW_BOENHETER,
    RAW_ANDRE_KOMMUNER,
    RAW_TYPES,      /* token lists */
    RAW_MALGRUPPER,
    RAW_MOTTAR_FRA,
    RAW_LEVERER_TIL,
    RAW_NFIELDS
};

typedef struct raw_record {
    raw_field f[RAW_NFIELDS];
    /* Wide CSV layout: bits set by 0/1 columns, and whether any such column
     * exists for the set (then the set is "given" even if all zero). */
    uint32_t wide[4];
    int wide_set[4];
    uint64_t line, col;
    /* The loader saw that no field holds a control character (0: not
     * looked at; the validator then does). */
    int no_control;
    /* An error found by the loader (duplicate element, bad 0/1 cell, ragged
     * row...): reason 0 = none. */
    hjtj_reason err_reason;
    uint64_t err_line, err_col;
    char err_msg[256];
} raw_record;

/* An empty raw record.  A field's line and column are read only when it
 * is set, and err_line, err_col and err_msg only with err_reason: they are
 * not cleared (a memset of the whole record was a tenth of the time of a
 * CSV row). */
static inline void hjtj__raw_clear(raw_record *r)
{
    int i;
    for (i = 0; i < RAW_NFIELDS; i++) {
        r->f[i].s = NULL;
        r->f[i].n = 0;
        r->f[i].set = 0;
    }
    memset(r->wide, 0, sizeof r->wide);
    memset(r->wide_set, 0, sizeof r->wide_set);
    r->line = r->col = 0;
    r->no_control = 0;
    r->err_reason = 0;
}
/* Note the loader's problem with the record (the first one stays). */
void hjtj__raw_fail(raw_record *r, hjtj_reason reason, uint64_t line, uint64_t col,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Where a loader's records go, and what it needs of the register. */
typedef struct hjtj__record_sink {
    void *ctx; /* the first argument of every function below */
    /* Validate, classify and store (or reject) one record.  HJTJ_OK, or
     * HJTJ_ERR_NOMEM / HJTJ_ERR_ABORTED / HJTJ_ERR_LIMIT, which stop the
     * load (*err is set). */
    hjtj_status (*record)(void *ctx, const raw_record *raw, const char *file);
    /* The same in two halves, for a loader that reads the second part of
     * its file on another thread: stage (which only reads the register,
     * and may run on that thread while the register is not changed)
     * checks and classifies a record into an area; commit then takes the
     * area's records [from, to), in order, as record would have, their
     * lines counted from line_base (while more are staged); adopt takes
     * the area's strings once it stages no more.  stage is NULL when the
     * register cannot take records that way (it streams them, in bounded
     * memory); stage returns HJTJ_OK or HJTJ_ERR_NOMEM (without setting
     * *err), commit as record. */
    hjtj_status (*stage)(const void *ctx, const raw_record *raw, hjtj__stage_area *area);
    hjtj_status (*commit)(void *ctx, hjtj__stage_area *area, size_t from, size_t to,
                          uint64_t line_base, const char *file);
    void (*adopt)(void *ctx, hjtj__stage_area *area);
    /* Add a warning (msg: its text); HJTJ_ERR_NOMEM. */
    hjtj_status (*warn)(void *ctx, hjtj_reason reason, const char *file, uint64_t line,
                        uint64_t col, const char *msg);
    /* Make sure there is a municipality table (loads the bundled one);
     * on failure *err is set. */
    hjtj_status (*ensure_kommuner)(void *ctx);
    /* Exchange the municipality table with *k (a <kommuner> block while
     * loading, and back if the load fails); `set` becomes the "table given"
     * flag, whose old value is returned. */
    int (*swap_kommuner)(void *ctx, hjtj_kommuner *k, int set);
    /* A hint: the orgnr s (n bytes, as written) will be looked up soon. */
    void (*prefetch_orgnr)(void *ctx, const char *s, size_t n);
    /* Records read so far (a <kommuner> block may not follow one). */
    size_t (*read_count)(void *ctx);
    /* The file's aargang. */
    void (*set_aargang)(void *ctx, int32_t aargang);

    const uint64_t *limits;  /* indexed by hjtj_limit */
    hjtj_error *err;         /* where a file-level error goes */
    input *in;               /* the file being loaded, NULL for memory input */
    void **xsd;              /* the compiled XSD, made on first need, kept */
    hjtj_xsd_mode xsd_mode;
} hjtj__record_sink;

/* Loader entry points (buffer is NUL-terminated, BOM already checked). */
hjtj_status hjtj__load_xml(const hjtj__record_sink *sink, const char *data, size_t len,
                           const char *file);
hjtj_status hjtj__load_csv(const hjtj__record_sink *sink, const char *data, size_t len,
                           const char *file);

#endif
