/*
 * scheme.h — The classification scheme object: sets, thresholds, bands, rule switches (scheme.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_SCHEME_H
#define HJTJ_SCHEME_H

#include "hjtj.h"
#include "error.h"
#include "codes.h"

#include <stddef.h>
#include <stdint.h>

struct hjtj_scheme {
    char name[64];
    int8_t samle[64];                 /* main-målgruppe set -> samlemålgruppe */
    char asss[HJTJ_MAX_ASSS][5];      /* kommunenr of the ASSS municipalities */
    int nasss;
    int64_t thresholds[3];            /* 20000, 10000, 5000 */
    int64_t bands[HJTJ_MAX_BANDS];    /* lower bounds: 2, 6, 11, ..., 51 */
    int nbands;
    int8_t enetiltak;                 /* hjtj_enetiltak_rule */
    int8_t administrasjon;            /* hjtj_administrasjon_rule */
    hjtj_error err;
};

void hjtj__scheme_init_default(hjtj_scheme *s);
/* Size class of a municipality from its number (a char[5]: 4 digits and
 * NUL, as in a municipality table) and inhabitants. */
int hjtj__scheme_storrelse(const hjtj_scheme *s, const char *kommunenr, int64_t innbyggere);
/* Is the scheme the built-in one (labels of the report apply)? */
int hjtj__scheme_is_default_bands(const hjtj_scheme *s);

#endif
