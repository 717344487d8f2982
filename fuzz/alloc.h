/* alloc.h — force-included into the library's sources in the fuzzing build
 * only (./configure --enable-fuzzing): routes the library's allocations
 * through fuzz_alloc.c, which can make the Nth allocation fail, so that
 * every out-of-memory path is exercised.  Never used in normal builds. */
#ifndef HJTJ_FUZZ_ALLOC_H
#define HJTJ_FUZZ_ALLOC_H
/* Included before a source's own first line, so before the feature macro
 * that input.c and encoding.c define for MAP_ANONYMOUS and madvise: define
 * it here, or the system headers below would fix the names without them. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void *hjtj_fuzz_malloc(size_t n);
void *hjtj_fuzz_calloc(size_t n, size_t m);
void *hjtj_fuzz_realloc(void *p, size_t n);

#define malloc(n) hjtj_fuzz_malloc(n)
#define calloc(n, m) hjtj_fuzz_calloc(n, m)
#define realloc(p, n) hjtj_fuzz_realloc(p, n)
#endif
