/* util.c — errors, buffers, files, UTF-8 and rounding helpers. */
#include "buf.h"
#include "codes.h"
#include "error.h"
#include "input.h"
#include "text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef HJTJ_PKGDATADIR
#define HJTJ_PKGDATADIR "/usr/local/share/hjemmetjeneste"
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

void hjtj__err_clear(hjtj_error *e)
{
    if (e == NULL)
        return;
    e->status = HJTJ_OK;
    e->line = e->column = 0;
    e->file[0] = '\0';
    e->message[0] = '\0';
}

hjtj_status hjtj__err_set(hjtj_error *e, hjtj_status status, const char *file, uint64_t line,
                    uint64_t column, const char *fmt, ...)
{
    va_list ap;
    char tmp[1024];
    if (e == NULL)
        return status;
    e->status = status;
    e->line = line;
    e->column = column;
    hjtj__str_copy(e->file, sizeof e->file, file);
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    hjtj__text_clean(e->message, sizeof e->message, tmp, strlen(tmp));
    return status;
}

void hjtj__err_copy(hjtj_error *dst, const hjtj_error *src)
{
    if (dst && src && dst != src)
        *dst = *src;
}

HJTJ_API hjtj_status hjtj_error_status(const hjtj_error *err)
{
    return err ? err->status : HJTJ_OK;
}

HJTJ_API const char *hjtj_error_message(const hjtj_error *err)
{
    return err ? err->message : "";
}

HJTJ_API const char *hjtj_error_file(const hjtj_error *err)
{
    return err ? err->file : "";
}

HJTJ_API uint64_t hjtj_error_line(const hjtj_error *err)
{
    return err ? err->line : 0;
}

HJTJ_API uint64_t hjtj_error_column(const hjtj_error *err)
{
    return err ? err->column : 0;
}

HJTJ_API void hjtj_free(void *ptr)
{
    free(ptr);
}

HJTJ_API const char *hjtj_strerror(hjtj_status status)
{
    switch (status) {
    case HJTJ_OK: return "success";
    case HJTJ_ERR_NOMEM: return "out of memory";
    case HJTJ_ERR_INVALID_ARG: return "invalid argument";
    case HJTJ_ERR_IO: return "input/output error";
    case HJTJ_ERR_SYNTAX: return "syntax error";
    case HJTJ_ERR_ENCODING: return "invalid UTF-8";
    case HJTJ_ERR_DOCTYPE: return "DOCTYPE not allowed";
    case HJTJ_ERR_SCHEMA: return "document does not follow the format";
    case HJTJ_ERR_EMPTY: return "empty input";
    case HJTJ_ERR_NOT_FOUND: return "not found";
    case HJTJ_ERR_ABORTED: return "aborted by callback";
    case HJTJ_ERR_LIMIT: return "limit exceeded";
    case HJTJ_ERR_STATE: return "not allowed in this state";
    case HJTJ_ERR_KOMMUNER: return "invalid municipality table";
    case HJTJ_ERR_RANGE: return "index out of range";
    case HJTJ_ERR_NO_COUNTS: return "no counts of enterprises to protect";
    case HJTJ_ERR_UNSUPPORTED: return "not supported by this build";
    case HJTJ_ERR_OVERFLOW: return "exact sum out of range";
    }
    return "unknown status";
}

/* ---- buffers ---- */

void hjtj__buf_init(buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void hjtj__buf_free(buf *b)
{
    free(b->data);
    hjtj__buf_init(b);
}

static hjtj_status buf_reserve(buf *b, size_t extra)
{
    size_t need, cap;
    char *d;
    if (b->failed)
        return HJTJ_ERR_NOMEM;
    if (extra > SIZE_MAX - b->len - 1)
        goto fail;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return HJTJ_OK;
    cap = b->cap ? b->cap : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    d = realloc(b->data, cap);
    if (d == NULL)
        goto fail;
    b->data = d;
    b->cap = cap;
    return HJTJ_OK;
fail:
    b->failed = 1;
    return HJTJ_ERR_NOMEM;
}

hjtj_status hjtj__buf_put(buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return HJTJ_OK;
}

hjtj_status hjtj__buf_puts(buf *b, const char *s)
{
    return hjtj__buf_put(b, s, strlen(s));
}

hjtj_status hjtj__buf_putc(buf *b, char c)
{
    return hjtj__buf_put(b, &c, 1);
}

hjtj_status hjtj__buf_printf(buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) { /* a text vsnprintf cannot format (over INT_MAX bytes) */
        b->failed = 1;
        return HJTJ_ERR_NOMEM;
    }
    if ((size_t)n < sizeof small)
        return hjtj__buf_put(b, small, (size_t)n);
    if (buf_reserve(b, (size_t)n) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return HJTJ_OK;
}

hjtj_status hjtj__read_all_file(buf *out, const char *path, hjtj_error *err)
{
    FILE *f;
    char chunk[65536];
    size_t n;
    struct stat st;
    hjtj__buf_init(out);
    if (path == NULL)
        return hjtj__err_set(err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no path given");
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return hjtj__err_set(err, HJTJ_ERR_IO, path, 0, 0, "%s: is a directory", path);
    f = fopen(path, "rb");
    if (f == NULL)
        return hjtj__err_set(err, HJTJ_ERR_IO, path, 0, 0, "cannot open %s: %s", path,
                       strerror(errno));
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (hjtj__buf_put(out, chunk, n) != 0) {
            fclose(f);
            hjtj__buf_free(out);
            return hjtj__err_set(err, HJTJ_ERR_NOMEM, path, 0, 0, "out of memory reading %s", path);
        }
    }
    if (ferror(f)) {
        fclose(f);
        hjtj__buf_free(out);
        return hjtj__err_set(err, HJTJ_ERR_IO, path, 0, 0, "error reading %s", path);
    }
    fclose(f);
    if (hjtj__buf_put(out, "", 0) != 0) {
        hjtj__buf_free(out);
        return hjtj__err_set(err, HJTJ_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    return HJTJ_OK;
}

hjtj_status hjtj__read_all_callback(buf *out, hjtj_read_fn fn, void *ud, const char *name,
                              hjtj_error *err)
{
    char chunk[65536];
    hjtj__buf_init(out);
    if (fn == NULL)
        return hjtj__err_set(err, HJTJ_ERR_INVALID_ARG, name, 0, 0, "no read callback given");
    for (;;) {
        int64_t n = fn(chunk, sizeof chunk, ud);
        if (n == 0)
            break;
        if (n < 0 || (uint64_t)n > sizeof chunk) {
            hjtj__buf_free(out);
            return hjtj__err_set(err, HJTJ_ERR_IO, name, 0, 0, "read callback failed");
        }
        if (hjtj__buf_put(out, chunk, (size_t)n) != 0) {
            hjtj__buf_free(out);
            return hjtj__err_set(err, HJTJ_ERR_NOMEM, name, 0, 0, "out of memory");
        }
    }
    if (hjtj__buf_put(out, "", 0) != 0) {
        hjtj__buf_free(out);
        return hjtj__err_set(err, HJTJ_ERR_NOMEM, name, 0, 0, "out of memory");
    }
    return HJTJ_OK;
}

int hjtj__datadir_path(char *out, size_t cap, const char *name)
{
    const char *dir = getenv("HJTJ_DATADIR");
    struct stat st;
    if (dir != NULL && dir[0] != '\0') {
        snprintf(out, cap, "%s/%s", dir, name);
        if (stat(out, &st) == 0)
            return 0;
    }
    snprintf(out, cap, "%s/%s", HJTJ_PKGDATADIR, name);
    return stat(out, &st) == 0 ? 0 : -1;
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

int hjtj__utf8_check(const char *s, size_t n, uint64_t *line, uint64_t *col)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    uint64_t ln = 1, cl = 1;
    size_t len;
    /* fast path: ASCII eight bytes at a time, no position tracking */
    while (p < end) {
        uint64_t w;
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
        return 0;
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
    return -1;
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

int hjtj__popcount32(uint32_t x)
{
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
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
    size_t i;
    if (n == 0)
        return HJTJ_ERR_SYNTAX;
    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return HJTJ_ERR_SYNTAX;
    for (i = 0; i < n; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (max - d) / 10) {
            *out = max;
            return HJTJ_ERR_RANGE;
        }
        v = v * 10 + d;
    }
    *out = v;
    return HJTJ_OK;
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

uint64_t hjtj__hash_words(const uint32_t *w, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ull;
    size_t i;
    for (i = 0; i < n; i++)
        h = hjtj__hash_u64(h ^ w[i]);
    return h;
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
