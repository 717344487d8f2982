/*
 * reduce.h — The records a table reads, reduced: declarations' keys and counts (streaming.c, crosstab.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_REDUCE_H
#define HJTJ_REDUCE_H

#include "hjtj.h"

#include <stddef.h>
#include <stdint.h>

/* The records a table reads, reduced (streaming.c, crosstab.c).
 *
 * Every table is read through declarations (crosstab.h: population,
 * filters, a row and a column dimension, a variable): a record enters a
 * declaration only through its key function, RED_NFN values (row class,
 * column class, the variable's value).  Records with the same key are
 * interchangeable for every table over that declaration, so the table is
 * built from the distinct keys and the number of records of each: from the
 * kept records at build time, or, in a register that does not keep them,
 * from a store filled as the records load.  The keys are few whatever the
 * number of records (classes, codes and boenheter are bounded; a linked
 * variable's values are those of its file), so memory does not grow with
 * the register.  A streaming register knows which declarations to fill
 * because every table of the catalogue is built once on the empty register
 * before the first load (each declaration it makes is registered then),
 * and custom tables are added before the load (hjtj_register_add_crosstab).
 * There is no other way for a table to read records. */
#define RED_NFN 4

/* The hash of a key (RED_NFN words) in a store (streaming.c).  Every record
 * of a load or a table build is hashed once per declaration, so it is not
 * text.h's hjtj__hash_u64 applied word by word: that (four splitmix rounds,
 * out of line) made a streaming load of 10^6 records about 10 % slower
 * (stream-csv 1.46 -> 1.59..1.71 s CPU), and cheaper mixes (a fold into
 * hjtj__hash_u64, three independent products) gave longer probe runs with
 * these keys and were as slow. */
static inline uint64_t red_key_hash(const uint32_t *k)
{
    uint64_t h = 0x9e3779b97f4a7c15ull;
    int i;
    for (i = 0; i < RED_NFN; i++) {
        h ^= k[i];
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    return h;
}

typedef struct rstore {
    uint32_t *key;   /* RED_NFN values per distinct key */
    uint64_t *w;     /* records per key */
    size_t n, cap;
    uint32_t *slot;  /* open addressing: index + 1, 0 = empty */
    size_t nslot;
} rstore;

struct xdecl;
typedef struct reduction {
    struct xdecl *decl; /* the declaration (owned copy; crosstab.h): its key
                           function gives the values, its content is the
                           identity */
    rstore all;         /* the records loaded so far */
    rstore stage;       /* the load in progress, merged when it succeeds */
} reduction;

typedef struct red_set {
    reduction **r;   /* each allocated alone: stores stay valid as the set grows */
    size_t n, cap;
    int ready;       /* the catalogue's declarations are known */
    int discovering; /* building the catalogue to find them */
    int failed;      /* out of memory while registering one */
} red_set;

/* streaming.c: find the reductions (before the first streaming load); count
 * a loaded record in them; at the end of a load, keep (ok) or drop its
 * counts; free.  HJTJ_OK or HJTJ_ERR_NOMEM. */
hjtj_status hjtj__red_prepare(hjtj_register *reg);
hjtj_status hjtj__red_count_record(hjtj_register *reg, const hjtj_record *r);
hjtj_status hjtj__red_end_load(hjtj_register *reg, int ok);
void hjtj__red_free(red_set *rs);

#endif
