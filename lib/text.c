/* text.c — the text and number toolkit (text.h): bounded strings, UTF-8,
 * shares in tenths, and the one integer parser, hash and orgnr check of the
 * library. */
#include "codes.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

void hjtj__str_copy(char *dst, size_t cap, const char *src)
{
    size_t n;
    if (cap == 0)
        return;
    if (src == NULL)
        src = "";
    n = strlen(src);
    if (n >= cap)
        n = hjtj__utf8_prefix(src, cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

size_t hjtj__utf8_prefix(const char *s, size_t n)
{
    size_t k = n, back = 0;
    /* s[n] (when it is a continuation byte) belongs to a character that
     * starts before n: cut before that character */
    while (k > 0 && back < 3 && ((unsigned char)s[k] & 0xC0) == 0x80) {
        k--;
        back++;
    }
    return ((unsigned char)s[k] & 0xC0) == 0x80 ? n : k;
}

void hjtj__text_clean(char *dst, size_t cap, const char *src, size_t n)
{
    size_t o = 0, i = 0;
    if (cap == 0)
        return;
    while (i < n) {
        unsigned char c = (unsigned char)src[i];
        char esc[8];
        const char *piece = src + i;
        size_t plen = 1, k = 1;
        if (c < 0x20 || c == 0x7f) {
            piece = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : esc;
            if (piece == esc)
                snprintf(esc, sizeof esc, "\\x%02x", c);
            plen = strlen(piece);
        } else if (c >= 0x80) {
            k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (k == 1 || i + k > n || hjtj__utf8_check(src + i, k, NULL, NULL) != 0) {
                i++; /* a piece of a character cut elsewhere: dropped */
                continue;
            }
            plen = k;
        }
        if (o + plen >= cap)
            break;
        memcpy(dst + o, piece, plen);
        o += plen;
        i += k;
    }
    dst[o] = '\0';
}

char *hjtj__str_ndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d == NULL)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *hjtj__str_dup(const char *s)
{
    return hjtj__str_ndup(s ? s : "", s ? strlen(s) : 0);
}

/* ---- UTF-8 ---- */

/* Length of the valid UTF-8 sequence at p (1 to 4), or 0 if it is invalid. */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
    unsigned c = *p;
    size_t len, i;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if ((size_t)(end - p) < len)
        return 0;
    for (i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

hjtj_status hjtj__utf8_check(const char *s, size_t n, uint64_t *line, uint64_t *col)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    uint64_t ln = 1, cl = 1;
    size_t len;
    /* fast path: ASCII 64 (SSE2) or 32 bytes, then eight at a time, no
     * position tracking */
    while (p < end) {
        uint64_t w, x, y, z;
#ifdef __SSE2__
        if (end - p >= 64) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p),
                    b = _mm_loadu_si128((const __m128i *)(const void *)(p + 16)),
                    c = _mm_loadu_si128((const __m128i *)(const void *)(p + 32)),
                    d = _mm_loadu_si128((const __m128i *)(const void *)(p + 48));
            if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) == 0) {
                p += 64;
                continue;
            }
        }
#endif
        if (end - p >= 32) {
            memcpy(&w, p, 8);
            memcpy(&x, p + 8, 8);
            memcpy(&y, p + 16, 8);
            memcpy(&z, p + 24, 8);
            if (!((w | x | y | z) & 0x8080808080808080ULL)) {
                p += 32;
                continue;
            }
        }
        if (end - p >= 8) {
            memcpy(&w, p, 8);
            if (!(w & 0x8080808080808080ULL)) {
                p += 8;
                continue;
            }
        }
        if ((len = utf8_seq(p, end)) == 0)
            break;
        p += len;
    }
    if (p >= end)
        return HJTJ_OK;
    /* invalid: find the line and column of the first bad byte */
    for (p = (const unsigned char *)s; (len = utf8_seq(p, end)) != 0; p += len) {
        if (*p == '\n') {
            ln++;
            cl = 1;
        } else {
            cl++;
        }
    }
    if (line)
        *line = ln;
    if (col)
        *col = cl;
    return HJTJ_ERR_ENCODING;
}

size_t hjtj__utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

int64_t hjtj__share_tenths(int64_t num, int64_t den)
{
    int64_t q, r, t = 0;
    int i, neg = num < 0;
    if (den <= 0)
        return 0;
    if (neg)
        num = num == INT64_MIN ? INT64_MAX : -num;
    /* floor((2000 * num + den) / (2 * den)) digit by digit, so that sums
     * near the bounds of the inputs (innbyggere up to 10^12 each) cannot
     * overflow: 1000 * (num / den) plus three decimals of the remainder */
    q = num / den;
    r = num % den;
    for (i = 0; i < 3; i++) {
        if (r > INT64_MAX / 10) { /* den above 9.2e17: exact enough in halves */
            r /= 2;
            den /= 2;
        }
        t = t * 10 + (r * 10) / den;
        r = (r * 10) % den;
    }
    if (r >= den - r)
        t++;
    t = q > (INT64_MAX - t) / 1000 ? INT64_MAX : q * 1000 + t;
    return neg ? -t : t;
}

HJTJ_API const char *hjtj_version(void)
{
#define HJTJ_STR2(x) #x
#define HJTJ_STR(x) HJTJ_STR2(x)
    return HJTJ_STR(HJTJ_VERSION_MAJOR) "." HJTJ_STR(HJTJ_VERSION_MINOR) "." HJTJ_STR(
        HJTJ_VERSION_PATCH);
}

/* ---- the one of each ---- */

hjtj_status hjtj__parse_uint(const char *s, size_t n, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    size_t i, z;
    if (n == 0)
        return HJTJ_ERR_SYNTAX;
    if (n <= 19) {
        /* below 10^19: no overflow, and one pass (every orgnr and
         * boenheter) */
        for (i = 0; i < n; i++) {
            unsigned d = (unsigned)((unsigned char)s[i] - '0');
            if (d > 9)
                return HJTJ_ERR_SYNTAX;
            v = v * 10 + d;
        }
    } else {
        for (i = 0; i < n; i++)
            if (s[i] < '0' || s[i] > '9')
                return HJTJ_ERR_SYNTAX;
        for (z = 0; z < n && s[z] == '0'; z++)
            ;
        for (i = z; i < n; i++) {
            unsigned d = (unsigned)(s[i] - '0');
            if (v > (UINT64_MAX - d) / 10) {
                *out = max;
                return HJTJ_ERR_RANGE;
            }
            v = v * 10 + d;
        }
    }
    if (v > max) {
        *out = max;
        return HJTJ_ERR_RANGE;
    }
    *out = v;
    return HJTJ_OK;
}

void hjtj__orgnr_format(char *out, uint64_t n)
{
    int i;
    for (i = 8; i >= 0; i--, n /= 10)
        out[i] = (char)('0' + n % 10);
    out[9] = '\0';
}

uint64_t hjtj__hash_u64(uint64_t x)
{
    /* the finaliser of splitmix64 */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

int hjtj__orgnr_valid(const char *s, size_t n)
{
    static const int w[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    int sum = 0, i, r;
    if (n != 9)
        return 0;
    for (i = 0; i < 9; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    for (i = 0; i < 8; i++)
        sum += (s[i] - '0') * w[i];
    r = sum % 11;
    return r != 1 && (r == 0 ? 0 : 11 - r) == s[8] - '0';
}
