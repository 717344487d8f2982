/*
 * record.h — A loaded record, its classes and the diagnostics about records (store.c,
 * validate.c, classify.c, register.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_RECORD_H
#define HJTJ_RECORD_H

#include "hjtj.h"
#include "kommuner.h"

#include <stddef.h>
#include <stdint.h>

/* Classes stored per record, indexed by field - HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE. */
#define CLS_FIRST HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE
#define CLS_COUNT (HJTJ_FIELD_STORRELSE - HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE + 1)

/* A loaded record: 64 bytes (the strings live in the register's pool). */
struct hjtj_record {
    const char *orgnr;         /* owned by the register's string pool */
    const char *text;          /* "navn\0merknad\0" (pool), or hjtj__record_no_text */
    const char *naeringskode;  /* "NN.NNN", one string per code; "" if absent */
    const char *file;          /* the load's file name (pool) */
    uint32_t line;             /* first line of the record (saturates) */
    int32_t boenheter;         /* as given; -1 = not given */
    uint16_t kommune;          /* index into the register's municipality table */
    char kommunenr[5];
    uint16_t types, types_given;
    uint8_t mg, mg_given, mottar, leverer;
    uint8_t eierskap : 1, status : 3, andre_kommuner : 1, nk_standard : 1, population : 1;
    uint8_t edits;
    uint8_t cls4[5];           /* classes 0..9 (field - CLS_FIRST) as 4-bit value + 1 */
    int8_t storrelse;          /* the size band (scheme bands may exceed 4 bits); -1 */
};

extern const char hjtj__record_no_text[2];

_Static_assert(sizeof(struct hjtj_record) <= 8 * sizeof(void *),
               "a record is at most 64 bytes (on 64-bit machines)");

struct hjtj_diag {
    hjtj_reason reason;
    uint64_t line, column;
    const char *file;  /* pool */
    char *orgnr;
    char *message;
};

/* Free the orgnr and message of n diagnostics (not the array). */
void hjtj__diags_free(hjtj_diag *d, size_t n);

/* Apply the editing rules and fill rec->types, rec->mg, rec->edits,
 * the classes (rec_set_cls) and rec->population.  rec->types_given, mg_given, boenheter,
 * status, kommune must be set.  size_class is the municipality's class. */
void hjtj__classify_record(hjtj_record *rec, const hjtj_scheme *scheme, int size_class);
/* Class of a record in a field, or -1. */
static inline int rec_cls(const hjtj_record *rec, hjtj_field f)
{
    unsigned i = (unsigned)(f - CLS_FIRST);
    if (f == HJTJ_FIELD_STORRELSE)
        return rec->storrelse;
    return (int)((rec->cls4[i / 2] >> (4 * (i % 2))) & 0xf) - 1;
}

static inline void rec_set_cls(hjtj_record *rec, hjtj_field f, int v)
{
    unsigned i = (unsigned)(f - CLS_FIRST);
    if (f == HJTJ_FIELD_STORRELSE) {
        rec->storrelse = (int8_t)v;
        return;
    }
    rec->cls4[i / 2] = (uint8_t)((rec->cls4[i / 2] & ~(0xfu << (4 * (i % 2)))) |
                                 ((unsigned)(v + 1) & 0xfu) << (4 * (i % 2)));
}
/* The boenheter counted in chapter 5 (0 outside the botilbud population). */
static inline int64_t rec_boenheter_counted(const hjtj_record *r)
{
    return rec_cls(r, HJTJ_FIELD_BOTILBUD) == 1 ? r->boenheter : 0;
}
/* Number of målgrupper checked (annen included, ingen = 3+). */
int hjtj__antall_malgrupper_class(uint32_t mg);

#endif
