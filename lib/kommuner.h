/*
 * kommuner.h — The municipality table object (kommuner.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_KOMMUNER_H
#define HJTJ_KOMMUNER_H

#include "hjtj.h"
#include "error.h"

#include <stddef.h>
#include <stdint.h>

typedef struct kommune {
    char nr[5];
    int8_t storrelse; /* in a register's table: the size class under its scheme */
    char *navn;
    int64_t innbyggere;
} kommune;

struct hjtj_kommuner {
    kommune *k;
    size_t n, cap;
    char *names;     /* a copy's names, one block: those of k[0..npooled) */
    size_t npooled;
    int32_t *index; /* 10 000 entries: kommunenr as a number -> position, or -1 */
    char referansedato[16];
    int loaded; /* a table has been loaded (possibly empty) */
    hjtj_error err;
};

/* Deep copy; returns 0 or -1 (nomem). */
int hjtj__kommuner_copy(hjtj_kommuner *dst, const hjtj_kommuner *src);
void hjtj__kommuner_clear(hjtj_kommuner *k);
/* Inhabitants of one municipality at most (10^12: the sums over a table
 * of at most 10 000 municipalities stay far below INT64_MAX). */
#define KOMMUNER_MAX_INNBYGGERE ((int64_t)1000000000000)
/* Add one municipality (validates nr, inhabitants and name).  0 ok; -1
 * nomem; -2 bad number; -3 duplicate; -4 innbyggere above
 * KOMMUNER_MAX_INNBYGGERE; -5 a NUL or control character in the name. */
int hjtj__kommuner_add(hjtj_kommuner *k, const char *nr, size_t nrlen, const char *navn,
                 size_t navnlen, int64_t innbyggere);
int64_t hjtj__kommuner_find_n(const hjtj_kommuner *k, const char *nr, size_t n);

#endif
