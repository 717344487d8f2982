/*
 * buf.h — A growing byte buffer, and reading a whole file into one (buf.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_BUF_H
#define HJTJ_BUF_H

#include "hjtj.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct buf {
    char *data;
    size_t len, cap;
    int failed; /* allocation failed at some point */
} buf;

void hjtj__buf_init(buf *b);
void hjtj__buf_free(buf *b);
/* Append to b: HJTJ_OK, or HJTJ_ERR_NOMEM (then b->failed stays set and
 * every later append fails too, so a writer may check once at the end). */
hjtj_status hjtj__buf_put(buf *b, const char *s, size_t n);
hjtj_status hjtj__buf_puts(buf *b, const char *s);
hjtj_status hjtj__buf_putc(buf *b, char c);
hjtj_status hjtj__buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The one way an array grows: make room in the array at *(T **)arrayp, of
 * elements of elem bytes of which *cap are allocated, for need elements,
 * doubling from first.  HJTJ_OK, or HJTJ_ERR_NOMEM with the array as it was
 * (also when need * elem would not fit in a size_t). */
hjtj_status hjtj__grow(void *arrayp, size_t *cap, size_t need, size_t elem, size_t first);

/* The unit of bulk memory: a block of kept records, a chunk of staged
 * records (so that one can become the other, already paged in). */
#define HJTJ__BULK_BLOCK ((size_t)2 << 20)

/* Memory for n bytes that will be filled at once (records, staged records,
 * strings): from 1 MiB on, whole transparent huge pages where the system
 * has them (a fault per 2 MiB, not per 4 KiB); free with free().  NULL:
 * out of memory. */
void *hjtj__bulk_alloc(size_t n);

/* Read a whole file / callback into a NUL-terminated buffer. */
hjtj_status hjtj__read_all_file(buf *out, const char *path, hjtj_error *err);
hjtj_status hjtj__read_all_callback(buf *out, hjtj_read_fn fn, void *ud, const char *name,
                              hjtj_error *err);

#endif
