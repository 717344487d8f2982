/*
 * orgindex.h — The orgnr a register holds, for the duplicate check: a hash
 * from orgnr to record when it keeps its records, a paged bitmap when it
 * streams them (orgindex.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_ORGINDEX_H
#define HJTJ_ORGINDEX_H

#include "hjtj.h"

#include <stddef.h>
#include <stdint.h>

/* A set of orgnr as a bitmap over the 10^9 numbers, in pages of 4 096 bits
 * made on demand behind a two-level directory, with the list of pages made. */
typedef struct hjtj__orgset {
    uint64_t ***dir;
    uint32_t *used;
    size_t nused, capused;
} hjtj__orgset;

/* The index.  Keep mode: while the orgnr come in ascending order, the
 * sorted array of them in record order (keys); from the first one out of
 * order on, open addressing, a slot holding orgnr << 32 | (record index +
 * 1); a failed load is undone with _truncate.  Streaming
 * mode: the orgnr seen by the loads that stood, and those of the load in
 * progress (the stage), joined or dropped by _end_load. */
typedef struct hjtj__orgindex {
    int keep;
    int sorted;      /* keep mode, orgnr ascending so far: keys, not slots */
    uint32_t *keys;
    size_t nkeys, capkeys;
    uint64_t *slots;
    size_t cap, count;
    hjtj__orgset seen, stage;
} hjtj__orgindex;

/* An empty index in keep mode (keep != 0) or streaming mode. */
void hjtj__orgindex_init(hjtj__orgindex *x, int keep);
void hjtj__orgindex_free(hjtj__orgindex *x);
/* Does the index hold orgnr (a number below 10^9)? */
int hjtj__orgindex_has(const hjtj__orgindex *x, uint64_t orgnr);
/* The record index + 1 of orgnr in keep mode, 0 when absent. */
uint32_t hjtj__orgindex_get(const hjtj__orgindex *x, uint64_t orgnr);
/* Add orgnr (not held yet), of the record at index; HJTJ_ERR_NOMEM. */
hjtj_status hjtj__orgindex_put(hjtj__orgindex *x, uint64_t orgnr, uint32_t index);
/* Bring the slot of orgnr into the cache (keep mode; a lookup follows). */
void hjtj__orgindex_prefetch(const hjtj__orgindex *x, uint64_t orgnr);
/* End of a load: the stage's orgnr join the index (ok) or are forgotten.
 * Cannot fail. */
void hjtj__orgindex_end_load(hjtj__orgindex *x, int ok);
/* Forget the orgnr of the records from index mark on (a failed load in keep
 * mode).  Cannot fail. */
void hjtj__orgindex_truncate(hjtj__orgindex *x, size_t mark);

#endif
