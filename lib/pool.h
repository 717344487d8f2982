/*
 * pool.h — A string pool: blocks of memory that are never moved, and one
 * string per næringskode kept in it (pool.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_POOL_H
#define HJTJ_POOL_H

#include "hjtj.h"

#include <stddef.h>
#include <stdint.h>

/* String pool: blocks of memory that are never moved. */
typedef struct pool_block {
    struct pool_block *next;
    size_t used, cap;
    char data[];
} pool_block;

typedef struct pool {
    pool_block *head;
    size_t nblocks; /* made so far: blocks grow from 64 KiB to 2 MiB */
} pool;

char *hjtj__pool_alloc(pool *p, size_t n);
const char *hjtj__pool_strndup(pool *p, const char *s, size_t n);
void hjtj__pool_free(pool *p);
/* Move src's blocks into dst (src is left empty): what was allocated in
 * src stays where it is and is freed with dst. */
void hjtj__pool_adopt(pool *dst, pool *src);

/* One string per næringskode "NN.NNN" (so that equal codes compare equal as
 * pointers in profiles): a directory by the two first digits, with a block
 * of 1 000 for each used (a register with a few codes holds a few blocks,
 * not a table of 100 000). */
typedef struct hjtj__nk_table {
    const char **blk[100];
} hjtj__nk_table;

/* The one string of the næringskode nk (6 bytes of the form NN.NNN, or ""),
 * made in p the first time; NULL on nomem. */
const char *hjtj__nk_intern(hjtj__nk_table *t, pool *p, const char *nk);
void hjtj__nk_free(hjtj__nk_table *t);

#endif
