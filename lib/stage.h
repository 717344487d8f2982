/*
 * stage.h — Records checked and classified ahead of their turn, by a second
 * thread reading the second part of a file, and kept here until they are
 * stored in file order (stage.c; made by store.c's hjtj__register_stage,
 * stored by hjtj__register_commit; the CSV loader's two-part load).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_STAGE_H
#define HJTJ_STAGE_H

#include "hjtj.h"
#include "buf.h"
#include "codes.h"
#include "pool.h"
#include "record.h"

#include <stddef.h>
#include <stdint.h>

/* Why a staged record is rejected (its verdict, with the message and the
 * orgnr as written kept in the area's pool). */
typedef struct hjtj__stage_reject {
    hjtj_reason reason;
    uint64_t line, col; /* of the field at fault (line 0: none) */
    const char *msg;
    const char *orgnr;  /* the orgnr field as written (its first 256 bytes) */
    size_t orgnr_n;
    int orgnr_set;
    int orgnr_ok;       /* the orgnr was read: a duplicate comes first */
} hjtj__stage_reject;

/* One record, in file order.  Lines are counted from the start of the part
 * (its first line is 1); hjtj__register_commit moves them. */
typedef struct hjtj__staged {
    hjtj_record rec;  /* accepted: every value and class; text and
                         naeringskode in the area's pool, orgnr unset */
    uint64_t orgnr;   /* its number (accepted, or reject->orgnr_ok) */
    uint64_t line, col;   /* where the record starts */
    uint64_t oline, ocol; /* where its orgnr field starts */
    const struct hjtj__stage_reject *reject; /* NULL: accepted; else why not */
} hjtj__staged;

/* A chunk is a block of bulk memory (buf.h): once its records are stored,
 * the register keeps its records in it (hjtj__stage_take). */
#define HJTJ__STAGE_CHUNK (HJTJ__BULK_BLOCK / sizeof(hjtj__staged))

/* A part's staged records and their strings.  One thread stages while
 * another reads the records staged before (told how many under its own
 * lock): nothing staged ever moves — the records are in chunks whose
 * directory is made big enough at the start (hjtj__stage_init), the
 * rejects and strings in the pool. */
typedef struct hjtj__stage_area {
    pool strings;       /* texts, næringskoder, rejects (adopted by the register) */
    hjtj__nk_table nk;  /* one string per næringskode, in strings */
    hjtj__code_memo memo; /* the code lists the staging thread read */
    hjtj__staged **chunks;  /* NULL: taken */
    size_t n, nchunks, maxchunks;
} hjtj__stage_area;

/* An area for at most max records; HJTJ_ERR_NOMEM. */
hjtj_status hjtj__stage_init(hjtj__stage_area *a, size_t max);
/* Free the area (and its strings, unless the register adopted them). */
void hjtj__stage_free(hjtj__stage_area *a);
/* A new slot at the end (reject NULL, the rest to be written), or NULL:
 * out of memory or past max. */
hjtj__staged *hjtj__stage_push(hjtj__stage_area *a);
static inline hjtj__staged *hjtj__stage_at(const hjtj__stage_area *a, size_t i)
{
    return &a->chunks[i / HJTJ__STAGE_CHUNK][i % HJTJ__STAGE_CHUNK];
}
/* Chunk k's memory (HJTJ__BULK_BLOCK bytes, to free()), once the records
 * in it are no longer read; the area no longer has it. */
void *hjtj__stage_take(hjtj__stage_area *a, size_t k);
/* A reject r (its message msg) kept in the area; NULL: out of memory. */
const hjtj__stage_reject *hjtj__stage_reject_add(hjtj__stage_area *a, const hjtj__stage_reject *r,
                                                 const char *msg);

#endif
