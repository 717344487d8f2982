/* randreg.h — random registers for the tests of schemes and checks: CSV
 * text with every field the rules read, drawn from a seeded generator so a
 * failure can be reproduced. */
#ifndef HJTJ_RANDREG_H
#define HJTJ_RANDREG_H

#include <stdarg.h>

#include "testutil.h"

typedef struct rng {
    uint64_t s;
} rng;

static inline uint32_t rng_next(rng *r)
{
    r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(r->s >> 33);
}

static inline uint32_t rng_below(rng *r, uint32_t n)
{
    return rng_next(r) % n;
}

/* A growing string. */
typedef struct sbuf {
    char *s;
    size_t n, cap;
} sbuf;

static inline void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    int need;
    va_start(ap, fmt);
    need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    /* not ck_assert: in a test that does not fork, Check writes down the
     * place of every assertion that passes, and this runs millions of
     * times */
    if (need < 0)
        abort();
    if (b->n + (size_t)need + 1 > b->cap) {
        b->cap = (b->n + (size_t)need + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (b->s == NULL)
            abort();
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)need + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)need;
}

/* Append the codes of the bits of mask (a field's code list), blank-separated. */
static inline void sb_codes(sbuf *b, hjtj_field f, uint32_t mask)
{
    int32_t i, first = 1;
    for (i = 0; i < hjtj_field_size(f); i++)
        if (mask & (1u << i)) {
            sb_printf(b, "%s%s", first ? "" : " ", hjtj_code(f, i));
            first = 0;
        }
}

static const char *const randreg_kommuner[] = {
    "0301", "4601", "5001", "1103", "3201", "3101", "3103", "1506", "3907", "5501",
    "3301", "1108", "4204", "3401", "1804", "4627", "3411", "1505", "5503", "4203"};

static const char *const randreg_nk[] = {"87.203", "87.302", "87.303", "86.901",
                                         "88.101", "88.102", "86.211", "87.101"};

static const char *const randreg_navn[] = {"Solbakken", "Solbakken ", "SOLBAKKEN",
                                           "Sol bakken", "Æblehaven", "æblehaven",
                                           "Fjordtun", "Bjørkely"};

/* A CSV register of n records (orgnr from base on); about one in ten
 * records is not active, and the sets, boenheter and næringskoder cover
 * the rules' edges (1 boenhet, none, over 100, enetiltak with others, no
 * målgruppe, SN2025, no code).  Free with free(). */
static inline char *randreg_csv(uint64_t seed, size_t n, uint32_t base)
{
    rng r = {seed * 2654435761ULL + 1};
    sbuf b = {NULL, 0, 0};
    size_t i;
    sb_printf(&b, "orgnr,kommunenr,eierskap,status,virksomhetstyper,malgrupper,boenheter,navn,"
                  "naeringskode,naeringskode_standard\n");
    for (i = 0; i < n; i++) {
        char org[10];
        uint32_t types, mg, st;
        int64_t boenheter;
        uint32_t u;
        snprintf(org, sizeof org, "%08u", (unsigned)(base + i));
        if (orgnr_complete(org) != 0)
            continue;
        st = rng_below(&r, 10) == 0 ? 1 + rng_below(&r, 4) : 0;
        /* types: a few of the 13, biased towards home care */
        types = 0;
        do {
            u = rng_below(&r, 3);
            types |= 1u << (u == 0 ? rng_below(&r, 13) : rng_below(&r, 6));
        } while (rng_below(&r, 3) == 0);
        if (rng_below(&r, 5) == 0)
            types |= 1u << (10 + rng_below(&r, 3)); /* an ADM type */
        if (rng_below(&r, 15) == 0)
            types = 1u << HJTJ_TYPE_ENETILTAK | 1u << rng_below(&r, 13);
        mg = rng_below(&r, 12) == 0 ? 0 : (rng_next(&r) & 0x3f);
        if (mg == 0 && rng_below(&r, 2))
            mg = 1u << HJTJ_MG_INGEN;
        if (rng_below(&r, 8) == 0)
            mg |= 1u << HJTJ_MG_ANNEN;
        u = rng_below(&r, 10);
        if (u < 3)
            boenheter = -1;
        else if (u == 3 || u == 4)
            boenheter = u == 3 ? 1 : 0;
        else
            boenheter = (int64_t)(u == 5 ? 101 + rng_below(&r, 50) : 2 + rng_below(&r, 70));
        sb_printf(&b, "%s,%s,%s,%s,", org, randreg_kommuner[rng_below(&r, 20)],
                  rng_below(&r, 2) ? "kommunal" : "privat", hjtj_code(HJTJ_FIELD_STATUS, (int32_t)st));
        sb_codes(&b, HJTJ_FIELD_VIRKSOMHETSTYPE, types);
        sb_printf(&b, ",");
        sb_codes(&b, HJTJ_FIELD_MALGRUPPE, mg);
        if (boenheter >= 0)
            sb_printf(&b, ",%lld,", (long long)boenheter);
        else
            sb_printf(&b, ",,");
        if (rng_below(&r, 4) == 0)
            sb_printf(&b, "%s", randreg_navn[rng_below(&r, 8)]);
        u = rng_below(&r, 10);
        if (u == 0)
            sb_printf(&b, ",,\n");
        else
            sb_printf(&b, ",%s,%s\n", randreg_nk[rng_below(&r, 8)], u == 1 ? "SN2025" : "SN2007");
    }
    return b.s;
}

/* A register loaded from a random CSV under a scheme (NULL = built-in). */
static inline hjtj_register *randreg_load(uint64_t seed, size_t n, const hjtj_scheme *scheme)
{
    hjtj_register *reg = NULL;
    char *csv = randreg_csv(seed, n, 10000000u);
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    if (scheme != NULL)
        ck_assert_int_eq(hjtj_register_set_scheme(reg, scheme), HJTJ_OK);
    ck_assert_msg(hjtj_register_load_memory(reg, csv, strlen(csv), "random.csv") == HJTJ_OK,
                  "random register: %s", hjtj_error_message(hjtj_register_error(reg)));
    free(csv);
    return reg;
}

#endif
