/* csv.c — an RFC 4180 tokenizer over a memory buffer, with line/column
 * tracking, `,`/`;` detection and size limits.
 *
 * It runs at memory speed on the files the loaders read: an unquoted field
 * (nearly all of them) is found eight bytes at a time (the first delimiter,
 * quote, CR or LF in a 64-bit word, with the word's UTF-8 continuation
 * bytes counted on the way for the columns) and points into the input; a
 * quoted field is copied, unescaped, into the row's scratch buffer a run
 * between two quotes at a time.  An unquoted field's bytes are looked at
 * once, and the column of a field follows from the previous field's (a row
 * starts in column 1) instead of being counted byte by byte.
 * Where the word search is not available (a big-endian machine, a compiler
 * without the GCC builtins, or -DHJTJ_CSV_BYTEWISE, which tests/check_csv
 * builds too) the same search runs a byte at a time. */
#include "buf.h"
#include "csv.h"
#include "error.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#if !defined(HJTJ_CSV_BYTEWISE) && defined(__GNUC__) && defined(__BYTE_ORDER__) &&            \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define CSV_WORDS 1
#else
#define CSV_WORDS 0
#endif

/* A whole row sixteen bytes at a time where SSE2 is there (every x86-64). */
#if CSV_WORDS && defined(__SSE2__)
#include <emmintrin.h>
#define CSV_SSE2 1
#else
#define CSV_SSE2 0
#endif

void hjtj__csv_init(csv_reader *r, const char *data, size_t len, char delim, hjtj_error *err,
                    const char *name)
{
    memset(r, 0, sizeof *r);
    r->p = data;
    r->end = data + len;
    r->delim = delim;
    r->line = 1;
    r->line_start = data;
    r->err = err;
    r->name = name;
    r->max_columns = 1024;
    r->max_field = 65536;
    r->max_row = 1048576;
    hjtj__buf_init(&r->scratch);
}

void hjtj__csv_free(csv_reader *r)
{
    free(r->fields);
    free(r->offs);
    r->fields = NULL;
    r->offs = NULL;
    hjtj__buf_free(&r->scratch);
}

/* Detect the delimiter from the first line: the more frequent of `,` and `;`
 * outside quotes (`,` on a tie). */
static char detect_delim(const char *p, const char *end)
{
    size_t commas = 0, semis = 0;
    int inq = 0;
    for (; p < end; p++) {
        if (*p == '"')
            inq = !inq;
        else if (!inq && (*p == '\n' || *p == '\r'))
            break;
        else if (!inq && *p == ',')
            commas++;
        else if (!inq && *p == ';')
            semis++;
    }
    return semis > commas ? ';' : ',';
}

static int is_cont(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

#if CSV_WORDS
#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)
#define LOW7 UINT64_C(0x7F7F7F7F7F7F7F7F)

static uint64_t load_word(const char *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

/* Bit 7 of each byte of x ^ w that is 0 is clear in the result, exactly
 * (no carry between bytes); the other bits are set. */
static uint64_t nonzero_bytes(uint64_t x, uint64_t w)
{
    uint64_t v = x ^ w;
    return ((v & LOW7) + LOW7) | v;
}

/* 0x80 in each byte of x that is one of the four bytes broadcast in dw
 * (the delimiter), '"', CR and LF; 0 elsewhere. */
static uint64_t special_bytes(uint64_t x, uint64_t dw)
{
    return ~(nonzero_bytes(x, dw) & nonzero_bytes(x, '"' * ONES) & nonzero_bytes(x, '\n' * ONES) &
             nonzero_bytes(x, '\r' * ONES)) &
           HIGH;
}

/* 0x80 in each UTF-8 continuation byte (10xxxxxx) of x. */
static uint64_t cont_bytes(uint64_t x)
{
    return x & ~(x << 1) & HIGH;
}

/* How many bytes of m are 0x80 (m has no other bits): one multiply, where
 * a popcount without -mpopcnt would be a call. */
static size_t count_high(uint64_t m)
{
    return (size_t)(((m >> 7) * ONES) >> 56);
}
#endif

/* The UTF-8 continuation bytes in [p, end): a column counts code points. */
static size_t count_cont(const char *p, const char *end)
{
    size_t n = 0;
#if CSV_WORDS
    for (; end - p >= 8; p += 8)
        n += count_high(cont_bytes(load_word(p)));
#endif
    for (; p < end; p++)
        n += is_cont(*p);
    return n;
}

/* The end of an unquoted field starting at p: the first delimiter, quote,
 * CR or LF, or end.  *cont receives the continuation bytes before it. */
static const char *plain_end(const char *p, const char *end, char delim, size_t *cont)
{
    size_t n = 0;
#if CSV_WORDS
    uint64_t dw = (unsigned char)delim * ONES;
    for (; end - p >= 8; p += 8) {
        uint64_t x = load_word(p), c = cont_bytes(x), m = special_bytes(x, dw);
        if (m != 0) {
            *cont = n + count_high(c & ((m & (0 - m)) - 1));
            return p + (__builtin_ctzll(m) >> 3);
        }
        n += count_high(c);
    }
#endif
    for (; p < end && *p != delim && *p != '"' && *p != '\n' && *p != '\r'; p++)
        n += is_cont(*p);
    *cont = n;
    return p;
}

/* Room for one more field (fields and offs grow together). */
static hjtj_status grow_fields(csv_reader *r, uint64_t line, uint64_t col)
{
    size_t cap = r->cap ? r->cap * 2 : 32;
    csv_field *f = realloc(r->fields, cap * sizeof *f);
    size_t *o;
    if (f == NULL)
        return hjtj__err_set(r->err, HJTJ_ERR_NOMEM, r->name, line, col, "out of memory");
    r->fields = f;
    o = realloc(r->offs, cap * sizeof *o);
    if (o == NULL)
        return hjtj__err_set(r->err, HJTJ_ERR_NOMEM, r->name, line, col, "out of memory");
    r->offs = o;
    r->cap = cap;
    return HJTJ_OK;
}

/* Why a field cannot be appended: too many columns, too long, or no
 * memory for more. */
static hjtj_status push_failed(csv_reader *r, size_t n, uint64_t line, uint64_t col)
{
    if (r->nfields >= r->max_columns)
        return hjtj__err_set(r->err, HJTJ_ERR_LIMIT, r->name, line, col,
                             "more than %zu columns in a row", r->max_columns);
    if (n > r->max_field)
        return hjtj__err_set(r->err, HJTJ_ERR_LIMIT, r->name, line, col,
                             "field longer than %zu bytes", r->max_field);
    return grow_fields(r, line, col);
}

/* Append a field; s == NULL means "in scratch" (the caller sets offs). */
static inline hjtj_status push_field(csv_reader *r, const char *s, size_t n, uint64_t line,
                              uint64_t col)
{
    csv_field *f;
    if (r->nfields >= r->max_columns || n > r->max_field || r->nfields == r->cap) {
        hjtj_status st = push_failed(r, n, line, col);
        if (st != HJTJ_OK)
            return st;
    }
    f = &r->fields[r->nfields++];
    f->s = s;
    f->n = n;
    f->line = line;
    f->col = col;
    return HJTJ_OK;
}

/* An unquoted field at *pp, starting in column *col; both move to its end. */
static hjtj_status plain_field(csv_reader *r, const char **pp, uint64_t *col)
{
    const char *s = *pp, *p;
    size_t cont;
    uint64_t fcol = *col;
    p = plain_end(s, r->end, r->delim, &cont);
    *pp = p;
    *col = fcol + (uint64_t)(p - s) - cont;
    if (p < r->end && *p == '"')
        return hjtj__err_set(r->err, HJTJ_ERR_SYNTAX, r->name, r->line, *col,
                             "quote inside an unquoted field");
    return push_field(r, s, (size_t)(p - s), r->line, fcol);
}

/* Copy the run [p, p + n) of a quoted field (no quote in it) to scratch,
 * counting its line ends. */
static hjtj_status quoted_run(csv_reader *r, const char *p, size_t n)
{
    const char *e = p + n, *nl;
    for (nl = p; (nl = memchr(nl, '\n', (size_t)(e - nl))) != NULL; nl++) {
        r->line++;
        r->line_start = nl + 1;
    }
    if (hjtj__buf_put(&r->scratch, p, n) != 0)
        return hjtj__err_set(r->err, HJTJ_ERR_NOMEM, r->name, r->line, 0, "out of memory");
    return HJTJ_OK;
}

/* The text of the quoted field opening at *pp (line fline, column fcol),
 * unescaped into scratch from `start` on; *pp moves past its closing quote.
 * A field stops being read at the byte that makes it longer than
 * max_field. */
static hjtj_status quoted_text(csv_reader *r, const char **pp, uint64_t fline, uint64_t fcol,
                               size_t start)
{
    const char *p = *pp + 1, *end = r->end;
    hjtj_status st = HJTJ_OK;
    for (;;) {
        size_t have = r->scratch.len - start, room, n, run;
        const char *q;
        room = have < r->max_field ? r->max_field - have : 0;
        room += room < SIZE_MAX; /* and the byte that would be one too many */
        n = (size_t)(end - p) < room ? (size_t)(end - p) : room;
        q = memchr(p, '"', n);
        run = q ? (size_t)(q - p) : n;
        if (run > 0 && (st = quoted_run(r, p, run)) != HJTJ_OK)
            break;
        p += run;
        if (q == NULL) {
            if (have + run > r->max_field)
                st = hjtj__err_set(r->err, HJTJ_ERR_LIMIT, r->name, fline, fcol,
                                   "field longer than %zu bytes", r->max_field);
            else
                st = hjtj__err_set(r->err, HJTJ_ERR_SYNTAX, r->name, fline, fcol,
                                   "unbalanced quote: the quoted field is never closed");
            break;
        }
        if (p + 1 < end && p[1] == '"') {
            if (hjtj__buf_putc(&r->scratch, '"') != 0) {
                st = hjtj__err_set(r->err, HJTJ_ERR_NOMEM, r->name, r->line, 0, "out of memory");
                break;
            }
            p += 2;
            continue;
        }
        p++;
        break;
    }
    *pp = p;
    return st;
}

/* A quoted field at *pp, starting in column *col; both move past it. */
static hjtj_status quoted_field(csv_reader *r, const char **pp, uint64_t *col)
{
    const char *s = *pp, *p;
    uint64_t fline = r->line, fcol = *col;
    size_t start = r->scratch.len;
    hjtj_status st = quoted_text(r, pp, fline, fcol, start);
    if (st != HJTJ_OK)
        return st;
    p = *pp;
    if (r->line == fline)
        *col = fcol + (uint64_t)(p - s) - count_cont(s, p);
    else
        *col = 1 + (uint64_t)(p - r->line_start) - count_cont(r->line_start, p);
    if (p < r->end && *p != r->delim && *p != '\n' && *p != '\r')
        return hjtj__err_set(r->err, HJTJ_ERR_SYNTAX, r->name, r->line, *col,
                             "unexpected character after a closing quote");
    /* the pointer is set after the row: scratch may move */
    st = push_field(r, NULL, r->scratch.len - start, fline, fcol);
    if (st == HJTJ_OK)
        r->offs[r->nfields - 1] = start;
    return st;
}

/* Past the line end at *p (LF, CRLF, CR, or the end of the input). */
static void end_line(csv_reader *r, const char **p)
{
    if (*p < r->end && **p == '\r')
        ++*p;
    if (*p < r->end && **p == '\n')
        ++*p;
    r->line++;
    r->line_start = *p;
}

/* Point the row's quoted fields at their text in scratch (it no longer
 * moves). */
static void point_quoted(csv_reader *r)
{
    size_t k;
    for (k = 0; k < r->nfields; k++)
        if (r->fields[k].s == NULL)
            r->fields[k].s = r->scratch.data ? r->scratch.data + r->offs[k] : "";
}

/* The fields of the row at *pp (column 1 of line r->line); *pp moves past
 * the row's line end, or to where an error stopped it. */
static hjtj_status read_row(csv_reader *r, const char **pp)
{
    const char *p = *pp, *row_start = p, *end = r->end;
    uint64_t col = 1;
    int quoted = 0;
    hjtj_status st;
    for (;;) {
        if ((size_t)(p - row_start) > r->max_row) {
            st = hjtj__err_set(r->err, HJTJ_ERR_LIMIT, r->name, r->line, col,
                               "row longer than %zu bytes", r->max_row);
            break;
        }
        if (p < end && *p == '"') {
            quoted = 1;
            st = quoted_field(r, &p, &col);
        } else {
            st = plain_field(r, &p, &col);
        }
        if (st != HJTJ_OK)
            break;
        if (p < end && *p == r->delim) {
            col += !is_cont(*p++);
            continue;
        }
        end_line(r, &p);
        break;
    }
    if (quoted)
        point_quoted(r);
    *pp = p;
    return st;
}


#if CSV_SSE2
/* The bytes of the 64 at p, as bit masks (bit i for byte i): the
 * delimiters, quotes, CR and LF (sp), the line ends among them (nl), the
 * UTF-8 continuation bytes (cont), the control characters other than tab,
 * LF and CR (ctrl: hjtj__is_control). */
typedef struct chunk_masks {
    uint64_t sp, nl, cont, ctrl;
} chunk_masks;

static void chunk_scan(const char *p, __m128i vd, chunk_masks *m)
{
    int i;
    memset(m, 0, sizeof *m);
    for (i = 0; i < 4; i++) {
        const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
        const __m128i lf = _mm_cmpeq_epi8(x, _mm_set1_epi8('\n'));
        const __m128i ends = _mm_or_si128(lf, _mm_cmpeq_epi8(x, _mm_set1_epi8('\r')));
        const __m128i low = _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
        const __m128i ok = _mm_or_si128(ends, _mm_cmpeq_epi8(x, _mm_set1_epi8('\t')));
        __m128i sp = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, vd), _mm_cmpeq_epi8(x, _mm_set1_epi8('"'))),
                                  ends);
        int shift = 16 * i;
        m->sp |= (uint64_t)(unsigned)_mm_movemask_epi8(sp) << shift;
        m->nl |= (uint64_t)(unsigned)_mm_movemask_epi8(ends) << shift;
        m->ctrl |= (uint64_t)(unsigned)_mm_movemask_epi8(
                       _mm_or_si128(_mm_andnot_si128(ok, low), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F))))
                   << shift;
        if (_mm_movemask_epi8(x) != 0)
            m->cont |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
                           _mm_and_si128(x, _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80)))
                       << shift;
    }
}

/* Where the SSE2 scan of a row is: the field being read starts at fs in
 * column fcol, the chunk being looked at at q in column qcol; quoted: the
 * row has a quoted field. */
typedef struct row_scan {
    const char *row, *fs, *q;
    uint64_t fcol, qcol;
    int quoted;
} row_scan;

/* The quoted field at s->fs, read by quoted_field; then the delimiter or
 * line end after it.  1: the row goes on (s moved past the delimiter),
 * 2: the row ended at *pp, 0: read_row must read the row. */
static int fast_quoted(csv_reader *r, row_scan *s, const char **pp)
{
    const char *p = s->fs;
    uint64_t col = s->fcol;
    if ((size_t)(p - s->row) > r->max_row || quoted_field(r, &p, &col) != HJTJ_OK)
        return 0;
    s->quoted = 1;
    if (p < r->end && *p == r->delim) {
        s->fs = s->q = p + 1;
        s->fcol = s->qcol = col + 1;
        return 1;
    }
    *pp = p;
    return 2;
}

/* The unquoted fields of the chunk of 64 bytes at s->q, from s->fs on.
 * 1: the row ended at *pp; 2: a quoted field starts at s->fs; 3: the
 * chunk is done; 0: read_row must read the row (a quote inside an
 * unquoted field, a field past the columns held or allowed). */
static int fast_chunk(csv_reader *r, row_scan *s, const chunk_masks *m, const char **pp)
{
    uint64_t sp = m->sp;
    size_t room = r->cap < r->max_columns ? r->cap : r->max_columns;
    for (; sp != 0; sp &= sp - 1) {
        uint64_t bit = sp & (0 - sp);
        unsigned b = (unsigned)__builtin_ctzll(sp);
        const char *at = s->q + b;
        csv_field *f;
        if (r->nfields >= room || *at == '"')
            return 0;
        f = &r->fields[r->nfields++];
        f->s = s->fs;
        f->n = (size_t)(at - s->fs);
        f->line = r->line;
        f->col = s->fcol;
        if (bit & m->nl) {
            *pp = at;
            return 1;
        }
        s->fs = at + 1;
        /* (bit << 1) - 1: the bytes up to the delimiter, all 64 for bit 63 */
        s->fcol = s->qcol + b + 1;
        if (m->cont != 0)
            s->fcol -= hjtj__popcount64(m->cont & ((bit << 1) - 1));
        if (s->fs < r->end && *s->fs == '"')
            return 2;
    }
    s->qcol += 64 - (m->cont ? hjtj__popcount64(m->cont) : 0);
    s->q += 64;
    return 3;
}

/* The row at *pp read 64 bytes at a time: the delimiters and line ends of
 * a chunk are found at once, an unquoted field points into the input, its
 * column follows from the continuation bytes before it; a quoted field is
 * read by quoted_field.  1 (2 with a quoted field): the row is read and
 * *pp is at its line end (or the input's end); 0: it must be read by
 * read_row instead, from the start (a quote inside an unquoted field, a
 * limit near, an error, fewer than 64 bytes left), with r->line,
 * line_start, scratch and nfields as they were. */
static int fast_row(csv_reader *r, const char **pp)
{
    const __m128i vd = _mm_set1_epi8(r->delim);
    row_scan s = {*pp, *pp, *pp, 1, 1, 0};
    /* a row no longer than this has no field too long or too far in */
    size_t most = r->max_row < r->max_field ? r->max_row : r->max_field;
    uint64_t ctrl = 0;
    for (;;) {
        chunk_masks m;
        int k;
        if (s.fs < r->end && *s.fs == '"') {
            k = fast_quoted(r, &s, pp);
            if (k == 1)
                continue;
            r->row_no_control = 0;
            return k == 2 && (size_t)(*pp - s.row) <= most ? 2 : 0;
        }
        if (r->end - s.q < 64)
            return 0;
        chunk_scan(s.q, vd, &m);
        ctrl |= m.ctrl; /* the bytes past the row's end too: "no control" is sure, not exact */
        k = fast_chunk(r, &s, &m, pp);
        if (k == 1) {
            r->row_no_control = !s.quoted && ctrl == 0;
            return (size_t)(*pp - s.row) > most ? 0 : s.quoted ? 2 : 1;
        }
        if (k == 0)
            return 0;
    }
}
#endif

int hjtj__csv_next(csv_reader *r, uint64_t *row_line)
{
    const char *p = r->p, *end = r->end;
    hjtj_status st;

    r->nfields = 0;
    r->scratch.len = 0;
    /* skip empty lines */
    while (p < end && (*p == '\n' || *p == '\r')) {
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
        p++;
        r->line++;
        r->line_start = p;
    }
    if (p >= end) {
        r->p = p;
        return 0;
    }
    if (r->delim == 0)
        r->delim = detect_delim(p, end);
    if (row_line)
        *row_line = r->line;
#if CSV_SSE2
    {
        uint64_t line = r->line;
        const char *line_start = r->line_start, *q = p;
        int k = fast_row(r, &q);
        if (k != 0) {
            end_line(r, &q);
            if (k == 2)
                point_quoted(r);
            r->p = q;
            return 1;
        }
        r->line = line;
        r->line_start = line_start;
        r->nfields = 0;
        r->scratch.len = 0;
    }
#endif
    r->row_no_control = 0;
    st = read_row(r, &p);
    r->p = p;
    return st == HJTJ_OK ? 1 : -1;
}
