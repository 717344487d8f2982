/*
 * codes.h — The classification's code lists: sizes, type groups, parsing and hints (codes.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_CODES_H
#define HJTJ_CODES_H

#include "hjtj.h"
#include "text.h" /* hjtj__popcount32 */

#include <stddef.h>
#include <stdint.h>

#define HJTJ_NTYPES 13
#define HJTJ_NMALGRUPPER 8
#define HJTJ_NSTORRELSE 5
#define HJTJ_MAX_BANDS 32
#define HJTJ_MAX_ASSS 64

#define BIT(x) (1u << (x))

/* Type groups (SPEC §2, §4.2). */
#define TYPES_HT                                                                \
    (BIT(HJTJ_TYPE_BOLIGBASE) | BIT(HJTJ_TYPE_AMB_HELSE) |                     \
     BIT(HJTJ_TYPE_AMB_PRAKTISK) | BIT(HJTJ_TYPE_BPA) |                        \
     BIT(HJTJ_TYPE_ANNEN_HJEMMETJENESTE) | BIT(HJTJ_TYPE_ENETILTAK))
#define TYPES_HT_STAR (TYPES_HT & ~BIT(HJTJ_TYPE_ANNEN_HJEMMETJENESTE))
#define TYPES_AT                                                                \
    (BIT(HJTJ_TYPE_BARNEBOLIG_AVLASTNING) | BIT(HJTJ_TYPE_SYKEHJEM) |          \
     BIT(HJTJ_TYPE_DAGAKTIVITET) | BIT(HJTJ_TYPE_ANNEN_VIRKSOMHET))
#define TYPES_AT_PRIME (TYPES_AT & ~BIT(HJTJ_TYPE_ANNEN_VIRKSOMHET))
#define TYPES_ADM                                                               \
    (BIT(HJTJ_TYPE_RESSURSENHET) | BIT(HJTJ_TYPE_BESTILLERKONTOR) |            \
     BIT(HJTJ_TYPE_ADMINISTRASJON))
#define MG_MAIN 0x3fu /* the six main målgrupper */

/* Parse a code of a field from (s, n); -1 if unknown. */
int32_t hjtj__code_parse_n(hjtj_field field, const char *s, size_t n);
/* Parse a whitespace-separated list of codes into a bit mask.  On an unknown
 * token returns -1 and points bad and badlen at it. */
int64_t hjtj__code_list_parse(hjtj_field field, const char *s, size_t n, const char **bad,
                        size_t *badlen);
/* A memo of the code lists one reader has read: the same few lists make
 * up most of a register ("boligbase amb-helse", "demens"), and one probe
 * with one comparison replaces splitting a list and looking up each code.
 * Lists of up to 40 bytes that parse are kept; a slot holds the last list
 * that hashed there.  One per reader (thread): it changes as it is used. */
#define HJTJ__MEMO_SLOTS 512
#define HJTJ__MEMO_TEXT 40
typedef struct hjtj__code_memo {
    struct {
        uint32_t mask;
        uint8_t field, n; /* n 0: empty slot */
        char s[HJTJ__MEMO_TEXT];
    } slot[HJTJ__MEMO_SLOTS];
} hjtj__code_memo;
/* hjtj__code_list_parse through the memo m (NULL: without). */
int64_t hjtj__code_list_parse_memo(hjtj__code_memo *m, hjtj_field field, const char *s, size_t n,
                                   const char **bad, size_t *badlen);
/* Codes are matched with ASCII case folded ("Boligbase" is boligbase). */
/* Levenshtein distance of a and (b, n), ASCII case folded, capped at cap. */
size_t hjtj__edit_distance(const char *a, const char *b, size_t n, size_t cap);
/* The name among names[0..count) nearest to (s, n) when it is close enough
 * to be a slip (distance at most n/3 + 1, or s a prefix of it), else NULL. */
const char *hjtj__nearest(const char *const *names, size_t count, const char *s, size_t n);
/* Write "did you mean 'x'? The codes are: a, b, c." for an unknown code
 * (s, n) of a field into out (truncated to cap).  HJTJ_OK, or
 * HJTJ_ERR_INVALID_ARG for a field without codes or no room. */
hjtj_status hjtj__code_hint(char *out, size_t cap, hjtj_field field, const char *s, size_t n);

#endif
