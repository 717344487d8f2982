/*
 * pool.h — A string pool: blocks of memory that are never moved (register.c).
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
} pool;

char *hjtj__pool_alloc(pool *p, size_t n);
const char *hjtj__pool_strndup(pool *p, const char *s, size_t n);
void hjtj__pool_free(pool *p);

#endif
