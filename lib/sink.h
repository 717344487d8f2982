/*
 * sink.h — What a loader reads (a raw record) and how it hands it on (load_csv.c, load_xml.c -> register.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_SINK_H
#define HJTJ_SINK_H

#include "hjtj.h"

#include <stddef.h>
#include <stdint.h>

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
    /* An error found by the loader (duplicate element, bad 0/1 cell, ragged
     * row...): reason 0 = none. */
    hjtj_reason err_reason;
    uint64_t err_line, err_col;
    char err_msg[256];
} raw_record;

void hjtj__raw_clear(raw_record *r);
void hjtj__raw_fail(raw_record *r, hjtj_reason reason, uint64_t line, uint64_t col,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Loader entry points (buffer is NUL-terminated, BOM already checked). */
hjtj_status hjtj__load_xml(hjtj_register *reg, const char *data, size_t len, const char *file);
hjtj_status hjtj__load_csv(hjtj_register *reg, const char *data, size_t len, const char *file);

/* Validate, edit, classify and store (or reject) one record.  Returns HJTJ_OK,
 * or HJTJ_ERR_NOMEM / HJTJ_ERR_ABORTED / HJTJ_ERR_LIMIT, which stop the load
 * (reg->err is set). */
hjtj_status hjtj__register_add(hjtj_register *reg, raw_record *raw, const char *file);
/* Add a warning; -1 on nomem. */
int hjtj__register_warn(hjtj_register *reg, hjtj_reason reason, const char *file, uint64_t line,
                  uint64_t col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Make sure the register has a municipality table (loads the default). */
hjtj_status hjtj__register_ensure_kommuner(hjtj_register *reg);
/* Exchange the register's municipality table with *k (a <kommuner> block
 * while loading, and back if the load fails); `set` becomes the register's
 * "table given" flag, whose old value is returned. */
int hjtj__register_swap_kommuner(hjtj_register *reg, hjtj_kommuner *k, int set);
/* A hint: the orgnr s (n bytes) will be looked up soon. */
void hjtj__register_prefetch_orgnr(const hjtj_register *reg, const char *s, size_t n);

#endif
