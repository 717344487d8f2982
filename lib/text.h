/*
 * text.h — Text and number toolkit: strings, UTF-8, positions, shares (text.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_TEXT_H
#define HJTJ_TEXT_H

#include "hjtj.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ---- the one of each: trim, integer, hash, control characters ---- */

/* Is c blank: space, tab, CR or LF (what a field may carry around it). */
static inline int hjtj__is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
/* Drop blanks at both ends of (*s, *n).  (Inline: every field of every
 * record goes through it.) */
static inline void hjtj__trim(const char **s, size_t *n)
{
    if (*n && (unsigned char)**s > ' ' && (unsigned char)(*s)[*n - 1] > ' ')
        return; /* nothing to drop: the usual case, in two tests */
    while (*n && hjtj__is_blank(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && hjtj__is_blank((*s)[*n - 1]))
        (*n)--;
}
/* (s, n) as an unsigned decimal integer: ASCII digits only, at least one,
 * no sign, no blanks (trim first).  HJTJ_OK and *out; HJTJ_ERR_SYNTAX when
 * it is not that; HJTJ_ERR_RANGE when it exceeds max (then *out = max). */
hjtj_status hjtj__parse_uint(const char *s, size_t n, uint64_t max, uint64_t *out);
/* A mixing hash of a 64-bit number for the open-addressing tables (orgnr
 * index, linked files); the reductions' keys have their own (reduce.h). */
uint64_t hjtj__hash_u64(uint64_t x);
/* The bits set in m.  Inline (the classification counts the types and
 * målgrupper of every record, the CSV reader the continuation bytes before
 * a field), and without a call where the machine has no popcount
 * instruction by default. */
static inline unsigned hjtj__popcount64(uint64_t m)
{
    m = m - ((m >> 1) & 0x5555555555555555ull);
    m = (m & 0x3333333333333333ull) + ((m >> 2) & 0x3333333333333333ull);
    m = (m + (m >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (unsigned)((m * 0x0101010101010101ull) >> 56);
}
static inline int hjtj__popcount32(uint32_t x)
{
    return (int)hjtj__popcount64(x);
}
/* Is c a NUL or control character other than tab, LF and CR (DEL
 * included)? */
static inline int hjtj__is_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}
/* Does (s, n) hold such a character?  Eight bytes at a time.  (Inline:
 * every field of every record goes through it.) */
static inline int hjtj__has_control(const char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    size_t i = 0, j;
    uint64_t w, x;
    uint32_t a, b;
    /* eight bytes at a time: is any byte below 0x20 or 0x7f? (exact for
     * "any"); a word where one is (tab, LF and CR too) goes byte by byte.
     * The last bytes are one more word that overlaps the one before (or,
     * under 8 bytes, two 4-byte halves that overlap): a field is one or a
     * few tests, not a loop over its last bytes. */
    if (n >= 4) {
        for (;; i += 8) {
            if (n - i < 8) {
                if (n < 8) {
                    memcpy(&a, s, 4);
                    memcpy(&b, s + n - 4, 4);
                    w = (uint64_t)a | (uint64_t)b << 32;
                } else {
                    i = n - 8;
                    memcpy(&w, s + i, 8);
                }
            } else {
                memcpy(&w, s + i, 8);
            }
            x = w ^ (0x7f * ones);
            if (((((w - 0x20 * ones) & ~w) | ((x - ones) & ~x)) & high) != 0)
                break; /* look at the bytes */
            if (i + 8 >= n)
                return 0;
        }
    }
    for (j = 0; j < n; j++)
        if (hjtj__is_control((unsigned char)s[j]))
            return 1;
    return 0;
}
/* A 9-digit organisasjonsnummer with a valid mod-11 check digit? */
int hjtj__orgnr_valid(const char *s, size_t n);
/* The orgnr n (below 10^9) as its nine digits and a NUL into out[10]. */
void hjtj__orgnr_format(char *out, uint64_t n);

/* ---- strings ---- */

/* Bounded string copy that always terminates. */
void hjtj__str_copy(char *dst, size_t cap, const char *src);
char *hjtj__str_dup(const char *s);
/* The length of the longest prefix of s, at most n bytes, that does not end
 * inside a UTF-8 character (s[n] must be readable). */
size_t hjtj__utf8_prefix(const char *s, size_t n);
/* Copy src[0..n) into dst (cap bytes, NUL-terminated) for a message the
 * library hands out: control characters written as \n, \r, \t or \xHH,
 * bytes of a character cut elsewhere dropped, cut at a character boundary. */
void hjtj__text_clean(char *dst, size_t cap, const char *src, size_t n);
char *hjtj__str_ndup(const char *s, size_t n);

/* Advance (line, col) over the text [a, b). */
void hjtj__text_position(const char *a, const char *b, uint64_t *line, uint64_t *col);

/* Check UTF-8: HJTJ_OK, or HJTJ_ERR_ENCODING with line and col (1-based,
 * each may be NULL) of the first bad byte. */
hjtj_status hjtj__utf8_check(const char *s, size_t n, uint64_t *line, uint64_t *col);
/* Display width (code points) of a UTF-8 string. */
size_t hjtj__utf8_width(const char *s);
/* Percent share rounded half up to tenths: floor((2000 * num + den) / (2 * den)). */
int64_t hjtj__share_tenths(int64_t num, int64_t den);

#endif
