/* randreg.h — random registers for the Check suites: the code lists, a
 * seeded generator, a growing string and the CSV writer of a code set
 * (check_crosstab.c, check_streaming.c). */
#ifndef HJTJ_RANDREG_H
#define HJTJ_RANDREG_H

#include "testutil.h"

#include <stdarg.h>
#include <stdint.h>

static const char *const TYPES[] = {
    "boligbase", "amb-helse", "amb-praktisk", "bpa", "annen-hjemmetjeneste", "enetiltak",
    "barnebolig-avlastning", "sykehjem", "dagaktivitet", "annen-virksomhet", "ressursenhet",
    "bestillerkontor", "administrasjon"};
static const char *const MGS[] = {"demens", "bevegelse-0-66", "bevegelse-67",
                                  "utviklingshemning", "psykiske-lidelser", "rusproblemer",
                                  "ingen", "annen"};
static const char *const MOTTAR[] = {"sykehjem", "boligbase", "ambulerende", "annen"};
static const char *const LEVERER[] = {"sykehjem", "dagsenter", "barnebolig-avlastning", "annen"};
static const char *const STATUS[] = {"aktiv", "opphort", "midlertidig-opphort",
                                     "ikke-hjemmetjeneste", "ikke-innrapportert"};
static const char *const NK[] = {"87.203", "86.901", "88.101", "87.302", "87.304"};

static uint64_t rng; /* the generator's state: set it to the seed */
static inline unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng >> 33) % n);
}

typedef struct sbuf {
    char *s;
    size_t n, cap;
} sbuf;

static inline void sb_add(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void sb_add(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    int k;
    if (b->cap - b->n < 512) {
        b->cap = b->cap * 2 + 4096;
        b->s = realloc(b->s, b->cap);
        ck_assert_ptr_nonnull(b->s);
    }
    va_start(ap, fmt);
    k = vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

static inline void add_set(sbuf *b, const char *const *codes, unsigned n, unsigned mask)
{
    unsigned i;
    int first = 1;
    for (i = 0; i < n; i++)
        if (mask & (1u << i)) {
            sb_add(b, "%s%s", first ? "" : " ", codes[i]);
            first = 0;
        }
}

#endif
