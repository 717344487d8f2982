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

/* Deep copy; HJTJ_ERR_NOMEM. */
hjtj_status hjtj__kommuner_copy(hjtj_kommuner *dst, const hjtj_kommuner *src);
void hjtj__kommuner_clear(hjtj_kommuner *k);
/* Inhabitants of one municipality at most (10^12: the sums over a table
 * of at most 10 000 municipalities stay far below INT64_MAX). */
#define KOMMUNER_MAX_INNBYGGERE ((int64_t)1000000000000)
/* Where the values of a municipality stand in its file, for the messages
 * (indexed by enum kommune_value). */
enum kommune_value { KOMMUNE_NR, KOMMUNE_NAVN, KOMMUNE_INNBYGGERE };
typedef struct hjtj__kommune_at {
    const char *file;
    uint64_t line[3], col[3];
} hjtj__kommune_at;
/* Add one municipality: nr 4 digits, not in k yet; innbyggere from 0 to
 * KOMMUNER_MAX_INNBYGGERE; a name without NUL or control character.
 * HJTJ_OK; HJTJ_ERR_KOMMUNER or HJTJ_ERR_NOMEM, with the message in err at
 * the position of the value at fault. */
hjtj_status hjtj__kommuner_add(hjtj_kommuner *k, const char *nr, size_t nrlen, const char *navn,
                               size_t navnlen, int64_t innbyggere, hjtj_error *err,
                               const hjtj__kommune_at *at);
int64_t hjtj__kommuner_find_n(const hjtj_kommuner *k, const char *nr, size_t n);

#endif
