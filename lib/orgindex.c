/* orgindex.c — the orgnr a register holds: the duplicate check of every
 * record (SPEC §2), and the lookups of hjtj_register_find and linked files. */
#include "buf.h"
#include "orgindex.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* ---- keep mode: orgnr -> record ----
 * A slot holds orgnr << 32 | (index + 1): orgnr < 10^9 fit in 32 bits and
 * the record limit keeps the index below 2^32 - 1, so key and value share
 * one word (one cache miss a lookup) and 0 is an empty slot. */
#define SLOT_KEY(x) ((x) >> 32)
#define SLOT_VAL(x) ((uint32_t)(x))

/* Where orgnr's probe starts. */
static inline size_t slot_of(uint64_t orgnr, size_t cap)
{
    return (size_t)(hjtj__hash_u64(orgnr) & (cap - 1));
}

static hjtj_status hash_grow(hjtj__orgindex *x)
{
    size_t cap = x->cap ? x->cap * 2 : 4096, i;
    uint64_t *slots = calloc(cap, sizeof *slots);
    if (slots == NULL)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < x->cap; i++) {
        if (x->slots[i]) {
            size_t j = slot_of(SLOT_KEY(x->slots[i]), cap);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = x->slots[i];
        }
    }
    free(x->slots);
    x->slots = slots;
    x->cap = cap;
    return HJTJ_OK;
}

/* ---- keep mode while the orgnr come in ascending order ----
 * Registers usually come sorted by orgnr.  Then a record's orgnr is above
 * every orgnr before it and cannot repeat one, and the orgnr in record
 * order are a sorted array: no hash (whose every probe would be a cache
 * miss in a table larger than the caches), 4 bytes a record, lookups by
 * binary search.  The first orgnr out of order turns the array into the
 * hash, once. */

static uint32_t sorted_get(const hjtj__orgindex *x, uint64_t orgnr)
{
    size_t lo = 0, hi = x->nkeys;
    if (hi == 0 || orgnr > x->keys[hi - 1])
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->keys[mid] < orgnr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < x->nkeys && x->keys[lo] == orgnr ? (uint32_t)lo + 1 : 0;
}

static hjtj_status hash_put(hjtj__orgindex *x, uint64_t orgnr, uint32_t val);

/* From the sorted array to the hash (the array goes). */
static hjtj_status leave_sorted(hjtj__orgindex *x)
{
    size_t i;
    x->sorted = 0;
    for (i = 0; i < x->nkeys; i++)
        if (hash_put(x, x->keys[i], (uint32_t)i + 1) != HJTJ_OK) {
            /* back to the array, whole: the hash may hold part of it */
            free(x->slots);
            x->slots = NULL;
            x->cap = x->count = 0;
            x->sorted = 1;
            return HJTJ_ERR_NOMEM;
        }
    free(x->keys);
    x->keys = NULL;
    x->nkeys = x->capkeys = 0;
    return HJTJ_OK;
}

/* Append orgnr as record index (the next one) when it keeps the order;
 * *done = 0 when it does not (the caller goes to the hash). */
static hjtj_status sorted_put(hjtj__orgindex *x, uint64_t orgnr, uint32_t index, int *done)
{
    *done = 0;
    if (index != x->nkeys || (x->nkeys > 0 && orgnr <= x->keys[x->nkeys - 1]))
        return HJTJ_OK;
    if (hjtj__grow(&x->keys, &x->capkeys, x->nkeys + 1, sizeof *x->keys, 1024) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    x->keys[x->nkeys++] = (uint32_t)orgnr;
    *done = 1;
    return HJTJ_OK;
}

uint32_t hjtj__orgindex_get(const hjtj__orgindex *x, uint64_t orgnr)
{
    size_t j;
    if (x->sorted)
        return sorted_get(x, orgnr);
    if (x->cap == 0)
        return 0;
    j = slot_of(orgnr, x->cap);
    while (x->slots[j]) {
        if (SLOT_KEY(x->slots[j]) == orgnr)
            return SLOT_VAL(x->slots[j]);
        j = (j + 1) & (x->cap - 1);
    }
    return 0;
}

static hjtj_status hash_put(hjtj__orgindex *x, uint64_t orgnr, uint32_t val)
{
    size_t j;
    if ((x->count + 1) * 2 > x->cap && hash_grow(x) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    j = slot_of(orgnr, x->cap);
    while (x->slots[j])
        j = (j + 1) & (x->cap - 1);
    x->slots[j] = orgnr << 32 | val;
    x->count++;
    return HJTJ_OK;
}

/* Empty slot i and re-place the rest of its cluster (linear probing). */
static void hash_del_slot(hjtj__orgindex *x, size_t i)
{
    size_t mask = x->cap - 1, j;
    x->slots[i] = 0;
    x->count--;
    for (j = (i + 1) & mask; x->slots[j]; j = (j + 1) & mask) {
        uint64_t e = x->slots[j];
        size_t h = slot_of(SLOT_KEY(e), mask + 1);
        x->slots[j] = 0;
        while (x->slots[h])
            h = (h + 1) & mask;
        x->slots[h] = e;
    }
}

/* In place, so that it cannot fail. */
void hjtj__orgindex_truncate(hjtj__orgindex *x, size_t mark)
{
    int again = 1;
    size_t i;
    if (x->sorted) {
        if (x->nkeys > mark)
            x->nkeys = mark;
        return;
    }
    while (again) { /* a re-placed entry may wrap around behind i */
        again = 0;
        for (i = 0; i < x->cap; i++)
            while (x->slots[i] && SLOT_VAL(x->slots[i]) > mark) {
                hash_del_slot(x, i);
                again = 1;
            }
    }
}

/* The duplicate check is a random access into a table larger than the
 * caches: the XML loader asks for the slot when it reads the orgnr
 * attribute, and looks the orgnr up once the record's children are read. */
void hjtj__orgindex_prefetch(const hjtj__orgindex *x, uint64_t orgnr)
{
    if (x->keep && !x->sorted && x->cap != 0)
        __builtin_prefetch(&x->slots[slot_of(orgnr, x->cap)]);
}

/* ---- streaming mode: the orgnr seen ----
 * A register that does not keep its records remembers the orgnr it has seen
 * in a bitmap over the 10^9 possible numbers, in pages of 2^12 bits made as
 * needed: memory is bounded (at most 119 MiB, about 12 MiB for orgnr spread
 * over a range of 10^8) instead of growing with the records.  The orgnr of
 * the load in progress go to a second bitmap, merged when the load stands. */

#define ORG_PAGE_BITS 12
#define ORG_PAGE_WORDS ((1u << ORG_PAGE_BITS) / 64)
#define ORG_DIR_BITS 9 /* a directory entry covers 2^9 pages */
#define ORG_DIR_MASK ((1u << ORG_DIR_BITS) - 1)
#define ORG_NDIR ((1000000000u >> (ORG_PAGE_BITS + ORG_DIR_BITS)) + 1)

static uint64_t *orgset_page(const hjtj__orgset *o, uint64_t key)
{
    uint64_t pg = key >> ORG_PAGE_BITS;
    uint64_t **d = o->dir ? o->dir[pg >> ORG_DIR_BITS] : NULL;
    return d ? d[pg & ORG_DIR_MASK] : NULL;
}

static int orgset_has(const hjtj__orgset *o, uint64_t key)
{
    const uint64_t *pg = orgset_page(o, key);
    uint64_t bit = key & ((1u << ORG_PAGE_BITS) - 1);
    return pg != NULL && (pg[bit / 64] >> (bit % 64)) & 1u;
}

/* Room in o's list of pages for `more` pages. */
static hjtj_status orgset_reserve(hjtj__orgset *o, size_t more)
{
    return hjtj__grow(&o->used, &o->capused, o->nused + more, sizeof *o->used, 64);
}

/* The directory block of page pg in o, made if needed (NULL: nomem). */
static uint64_t **orgset_block(hjtj__orgset *o, uint64_t pg)
{
    uint64_t **d;
    if (o->dir == NULL && (o->dir = calloc(ORG_NDIR, sizeof *o->dir)) == NULL)
        return NULL;
    d = o->dir[pg >> ORG_DIR_BITS];
    if (d == NULL)
        d = o->dir[pg >> ORG_DIR_BITS] = calloc((size_t)1 << ORG_DIR_BITS, sizeof *d);
    return d;
}

/* Set key in the stage of a load.  The seen set gets, beforehand, the
 * directory block and room in its list for every page of the stage, so that
 * merging the stage into it at the end of the load needs no memory and
 * cannot fail. */
static hjtj_status orgset_put(hjtj__orgindex *x, uint64_t key)
{
    hjtj__orgset *o = &x->stage;
    uint64_t pg = key >> ORG_PAGE_BITS, bit = key & ((1u << ORG_PAGE_BITS) - 1);
    uint64_t *page = orgset_page(o, key), **d;
    if (page == NULL) {
        if (orgset_reserve(o, 1) != HJTJ_OK || orgset_reserve(&x->seen, o->nused + 1) != HJTJ_OK ||
            orgset_block(&x->seen, pg) == NULL || (d = orgset_block(o, pg)) == NULL ||
            (page = calloc(ORG_PAGE_WORDS, sizeof *page)) == NULL)
            return HJTJ_ERR_NOMEM;
        d[pg & ORG_DIR_MASK] = page;
        o->used[o->nused++] = (uint32_t)pg;
    }
    page[bit / 64] |= (uint64_t)1 << (bit % 64);
    return HJTJ_OK;
}

/* Forget every page (the directory stays). */
static void orgset_clear(hjtj__orgset *o)
{
    size_t i;
    for (i = 0; i < o->nused; i++) {
        uint64_t pg = o->used[i];
        uint64_t **d = o->dir[pg >> ORG_DIR_BITS];
        free(d[pg & ORG_DIR_MASK]);
        d[pg & ORG_DIR_MASK] = NULL;
    }
    o->nused = 0;
}

static void orgset_free(hjtj__orgset *o)
{
    size_t i;
    if (o->dir != NULL) {
        orgset_clear(o);
        for (i = 0; i < ORG_NDIR; i++)
            free(o->dir[i]);
    }
    free(o->dir);
    free(o->used);
    memset(o, 0, sizeof *o);
}

/* A page moves where the seen set has none (its directory block and list
 * room exist, see orgset_put), else its bits are merged. */
void hjtj__orgindex_end_load(hjtj__orgindex *x, int ok)
{
    hjtj__orgset *st = &x->stage, *seen = &x->seen;
    size_t i, j;
    for (i = 0; i < st->nused; i++) {
        uint64_t pg = st->used[i], **d = st->dir[pg >> ORG_DIR_BITS], **e;
        uint64_t *s = d[pg & ORG_DIR_MASK], *t;
        d[pg & ORG_DIR_MASK] = NULL;
        if (ok) {
            e = seen->dir[pg >> ORG_DIR_BITS];
            t = e[pg & ORG_DIR_MASK];
            if (t == NULL) {
                e[pg & ORG_DIR_MASK] = s;
                seen->used[seen->nused++] = (uint32_t)pg;
                continue;
            }
            for (j = 0; j < ORG_PAGE_WORDS; j++)
                t[j] |= s[j];
        }
        free(s);
    }
    st->nused = 0;
}

/* ---- one interface ---- */

void hjtj__orgindex_init(hjtj__orgindex *x, int keep)
{
    memset(x, 0, sizeof *x);
    x->keep = keep != 0;
    x->sorted = x->keep;
}

void hjtj__orgindex_free(hjtj__orgindex *x)
{
    free(x->slots);
    free(x->keys);
    orgset_free(&x->seen);
    orgset_free(&x->stage);
    memset(x, 0, sizeof *x);
}

int hjtj__orgindex_has(const hjtj__orgindex *x, uint64_t orgnr)
{
    if (x->keep)
        return hjtj__orgindex_get(x, orgnr) != 0;
    return orgset_has(&x->seen, orgnr) || orgset_has(&x->stage, orgnr);
}

hjtj_status hjtj__orgindex_put(hjtj__orgindex *x, uint64_t orgnr, uint32_t index)
{
    int done;
    if (!x->keep)
        return orgset_put(x, orgnr);
    if (x->sorted) {
        if (sorted_put(x, orgnr, index, &done) != HJTJ_OK)
            return HJTJ_ERR_NOMEM;
        if (done)
            return HJTJ_OK;
        if (leave_sorted(x) != HJTJ_OK)
            return HJTJ_ERR_NOMEM;
    }
    return hash_put(x, orgnr, index + 1);
}
