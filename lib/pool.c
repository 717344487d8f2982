/* pool.c — the register's string pool (orgnr, texts, file names of the
 * records it keeps) and the one string of each næringskode in it. */
#include "buf.h"
#include "pool.h"

#include <stdlib.h>
#include <string.h>

char *hjtj__pool_alloc(pool *p, size_t n)
{
    pool_block *b = p->head;
    char *d;
    if (b == NULL || b->cap - b->used < n) {
        size_t grow = (size_t)65536 << (p->nblocks < 5 ? p->nblocks : 5), cap;
        cap = n > grow - sizeof *b ? n : grow - sizeof *b;
        b = hjtj__bulk_alloc(sizeof *b + cap);
        if (b == NULL)
            return NULL;
        p->nblocks++;
        b->cap = cap;
        b->used = 0;
        b->next = p->head;
        p->head = b;
    }
    d = b->data + b->used;
    b->used += n;
    return d;
}

const char *hjtj__pool_strndup(pool *p, const char *s, size_t n)
{
    char *d;
    if (n == 0)
        return "";
    d = hjtj__pool_alloc(p, n + 1);
    if (d == NULL)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void hjtj__pool_adopt(pool *dst, pool *src)
{
    pool_block *b = src->head;
    if (b == NULL)
        return;
    while (b->next != NULL)
        b = b->next;
    b->next = dst->head;
    dst->head = src->head;
    dst->nblocks += src->nblocks;
    src->head = NULL;
    src->nblocks = 0;
}

void hjtj__pool_free(pool *p)
{
    pool_block *b = p->head;
    while (b) {
        pool_block *next = b->next;
        free(b);
        b = next;
    }
    p->head = NULL;
    p->nblocks = 0;
}

const char *hjtj__nk_intern(hjtj__nk_table *t, pool *p, const char *nk)
{
    int hi, lo;
    const char **blk;
    if (nk[0] == '\0')
        return "";
    hi = (nk[0] - '0') * 10 + (nk[1] - '0');
    lo = (nk[3] - '0') * 100 + (nk[4] - '0') * 10 + (nk[5] - '0');
    blk = t->blk[hi];
    if (blk == NULL) {
        blk = t->blk[hi] = calloc(1000, sizeof *blk);
        if (blk == NULL)
            return NULL;
    }
    if (blk[lo] == NULL)
        blk[lo] = hjtj__pool_strndup(p, nk, 6);
    return blk[lo];
}

void hjtj__nk_free(hjtj__nk_table *t)
{
    size_t i;
    for (i = 0; i < 100; i++) {
        free(t->blk[i]);
        t->blk[i] = NULL;
    }
}
