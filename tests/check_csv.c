/* check_csv.c — the CSV tokenizer (lib/csv.c) against a reference written
 * here byte by byte, the way RFC 4180 and csv.h describe it.  Every call of
 * hjtj__csv_next is compared: its result, every field (bytes, line, column),
 * the row's line, the reader's position and line afterwards, and on an
 * error its status, message, line and column — on hand-made texts (some
 * also checked against values known by hand) and on many generated ones
 * (random quoting, the delimiters `,` `;` and tab, CR/LF/CRLF mixtures,
 * empty lines, UTF-8, stray quotes, long fields, fields across lines,
 * limits small enough to be hit).  Every text lies in a buffer of exactly
 * its size, so a read past its end shows under valgrind and ASan.
 *
 * `check_csv --bench FILE [REPEAT]` instead times the tokenizer alone over
 * FILE (best of REPEAT passes) and prints MB/s.
 *
 * The tokenizer is internal (hidden in the shared library): this test links
 * the static library, like check_suppressed. */
#include "csv.h"
#include "error.h"
#include "text.h"
#include "testutil.h"

#include <stdarg.h>
#include <stdint.h>
#include <time.h>

/* ---- the reference: one byte at a time ---------------------------------- */

typedef struct ref_field {
    char *s;
    size_t n, cap;
    uint64_t line, col;
} ref_field;

typedef struct ref {
    const char *d;
    size_t len, pos, line_start;
    char delim;
    uint64_t line;
    size_t max_columns, max_field, max_row;
    ref_field f[64];
    size_t nf;
    hjtj_status st;
    uint64_t eline, ecol;
    char msg[256];
} ref;

static void ref_init(ref *r, const char *d, size_t len, char delim)
{
    memset(r, 0, sizeof *r);
    r->d = d;
    r->len = len;
    r->delim = delim;
    r->line = 1;
    r->max_columns = 1024;
    r->max_field = 65536;
    r->max_row = 1048576;
}

static void ref_free(ref *r)
{
    size_t i;
    for (i = 0; i < sizeof r->f / sizeof r->f[0]; i++)
        free(r->f[i].s);
}

/* The column of byte pos: 1 + the code points from the line's start. */
static uint64_t ref_col(const ref *r, size_t pos)
{
    uint64_t c = 1;
    size_t i;
    for (i = r->line_start; i < pos; i++)
        if (((unsigned char)r->d[i] & 0xC0) != 0x80)
            c++;
    return c;
}

static int ref_fail(ref *r, hjtj_status st, uint64_t line, uint64_t col, const char *fmt, ...)
{
    va_list ap;
    r->st = st;
    r->eline = line;
    r->ecol = col;
    va_start(ap, fmt);
    vsnprintf(r->msg, sizeof r->msg, fmt, ap);
    va_end(ap);
    return -1;
}

static void ref_putc(ref_field *f, char c)
{
    if (f->n + 1 > f->cap) {
        f->cap = f->cap ? 2 * f->cap : 16;
        f->s = realloc(f->s, f->cap);
        if (f->s == NULL)
            ck_abort_msg("out of memory");
    }
    f->s[f->n++] = c;
}

static int ref_is_end(const ref *r, size_t pos)
{
    return r->d[pos] == r->delim || r->d[pos] == '\n' || r->d[pos] == '\r';
}

/* The more frequent of `,` and `;` outside quotes on the first line. */
static char ref_detect(const ref *r)
{
    size_t i, commas = 0, semis = 0;
    int inq = 0;
    for (i = r->pos; i < r->len; i++) {
        char c = r->d[i];
        if (c == '"')
            inq = !inq;
        else if (!inq && (c == '\n' || c == '\r'))
            break;
        else if (!inq && c == ',')
            commas++;
        else if (!inq && c == ';')
            semis++;
    }
    return semis > commas ? ';' : ',';
}

/* One quoted field into f (r->pos at its opening quote). */
static int ref_quoted(ref *r, ref_field *f)
{
    r->pos++;
    for (;;) {
        char c;
        if (r->pos >= r->len)
            return ref_fail(r, HJTJ_ERR_SYNTAX, f->line, f->col,
                            "unbalanced quote: the quoted field is never closed");
        c = r->d[r->pos];
        if (c == '"' && r->pos + 1 < r->len && r->d[r->pos + 1] == '"') {
            ref_putc(f, '"');
            r->pos += 2;
            continue;
        }
        if (c == '"') {
            r->pos++;
            break;
        }
        if (c == '\n') {
            r->line++;
            r->line_start = r->pos + 1;
        }
        ref_putc(f, c);
        r->pos++;
        if (f->n > r->max_field)
            return ref_fail(r, HJTJ_ERR_LIMIT, f->line, f->col, "field longer than %zu bytes",
                            r->max_field);
    }
    if (r->pos < r->len && !ref_is_end(r, r->pos))
        return ref_fail(r, HJTJ_ERR_SYNTAX, r->line, ref_col(r, r->pos),
                        "unexpected character after a closing quote");
    return 0;
}

/* One unquoted field into f. */
static int ref_plain(ref *r, ref_field *f)
{
    while (r->pos < r->len && !ref_is_end(r, r->pos)) {
        if (r->d[r->pos] == '"')
            return ref_fail(r, HJTJ_ERR_SYNTAX, r->line, ref_col(r, r->pos),
                            "quote inside an unquoted field");
        ref_putc(f, r->d[r->pos++]);
    }
    return 0;
}

/* 1 row, 0 end, -1 error: what hjtj__csv_next promises. */
static int ref_next(ref *r, uint64_t *row_line)
{
    size_t row_start;
    r->nf = 0;
    while (r->pos < r->len && (r->d[r->pos] == '\n' || r->d[r->pos] == '\r')) {
        if (r->d[r->pos] == '\r' && r->pos + 1 < r->len && r->d[r->pos + 1] == '\n')
            r->pos++;
        r->pos++;
        r->line++;
        r->line_start = r->pos;
    }
    if (r->pos >= r->len)
        return 0;
    if (r->delim == 0)
        r->delim = ref_detect(r);
    row_start = r->pos;
    *row_line = r->line;
    for (;;) {
        ref_field *f;
        if (r->nf >= sizeof r->f / sizeof r->f[0])
            ck_abort_msg("the reference holds %zu fields", r->nf);
        f = &r->f[r->nf];
        f->n = 0;
        f->line = r->line;
        f->col = ref_col(r, r->pos);
        if (r->pos - row_start > r->max_row)
            return ref_fail(r, HJTJ_ERR_LIMIT, f->line, f->col, "row longer than %zu bytes",
                            r->max_row);
        if ((r->pos < r->len && r->d[r->pos] == '"' ? ref_quoted(r, f) : ref_plain(r, f)) != 0)
            return -1;
        if (r->nf >= r->max_columns)
            return ref_fail(r, HJTJ_ERR_LIMIT, f->line, f->col, "more than %zu columns in a row",
                            r->max_columns);
        if (f->n > r->max_field)
            return ref_fail(r, HJTJ_ERR_LIMIT, f->line, f->col, "field longer than %zu bytes",
                            r->max_field);
        r->nf++;
        if (r->pos < r->len && r->d[r->pos] == r->delim) {
            r->pos++;
            continue;
        }
        if (r->pos < r->len && r->d[r->pos] == '\r')
            r->pos++;
        if (r->pos < r->len && r->d[r->pos] == '\n')
            r->pos++;
        r->line++;
        r->line_start = r->pos;
        return 1;
    }
}

/* ---- the comparison ------------------------------------------------------ */

typedef struct limits {
    char delim;
    size_t max_columns, max_field, max_row; /* 0: the tokenizer's default */
} limits;

static size_t rows_compared, fields_compared, errors_compared, rows_clean;

/* The text of a failed comparison, with its bytes escaped. */
static const char *printable(const char *s, size_t n)
{
    static char out[4096];
    size_t i, o = 0;
    for (i = 0; i < n && o + 8 < sizeof out; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && c != '\\')
            out[o++] = (char)c;
        else
            o += (size_t)snprintf(out + o, sizeof out - o, "\\x%02x", c);
    }
    out[o] = '\0';
    return out;
}

/* A failed comparison names the call, the text and the settings; the ones
 * that hold cost nothing (each of Check's assertions writes to a pipe). */
#define EXPECT(cond)                                                                       \
    do {                                                                                   \
        if (!(cond))                                                                       \
            ck_abort_msg("call %d: %s fails (reference: %d %s) on \"%s\", delim %d, "       \
                         "limits %zu %zu %zu",                                             \
                         calls, #cond, b, b < 0 ? x.msg : "", printable(text, len),       \
                         lim.delim, lim.max_columns, lim.max_field, lim.max_row);          \
    } while (0)

/* Tokenize text[0, len) with both and compare every call. */
static void compare(const char *text, size_t len, limits lim)
{
    char *d = malloc(len ? len : 1); /* exactly the text: no NUL after it */
    hjtj_error e, *err = &e;
    csv_reader r;
    ref x;
    int calls, a, b = 0;
    ck_assert_ptr_nonnull(d);
    memcpy(d, text, len);
    hjtj__err_clear(err);
    hjtj__csv_init(&r, d, len, lim.delim, err, "t.csv");
    ref_init(&x, d, len, lim.delim);
    if (lim.max_columns)
        r.max_columns = x.max_columns = lim.max_columns;
    if (lim.max_field)
        r.max_field = x.max_field = lim.max_field;
    if (lim.max_row)
        r.max_row = x.max_row = lim.max_row;
    for (calls = 0;; calls++) {
        uint64_t la = 0, lb = 0;
        size_t i;
        a = hjtj__csv_next(&r, &la);
        b = ref_next(&x, &lb);
        EXPECT(a == b);
        EXPECT((size_t)(r.p - d) == x.pos);
        EXPECT(r.line == x.line);
        EXPECT(r.end == d + len);
        if (a < 0) {
            EXPECT(hjtj_error_status(err) == x.st);
            EXPECT(strcmp(hjtj_error_message(err), x.msg) == 0);
            EXPECT(hjtj_error_line(err) == x.eline);
            EXPECT(hjtj_error_column(err) == x.ecol);
            EXPECT(strcmp(hjtj_error_file(err), "t.csv") == 0);
            errors_compared++;
            break;
        }
        if (a == 0) {
            /* and the end stays the end */
            EXPECT(hjtj__csv_next(&r, &la) == 0);
            EXPECT((size_t)(r.p - d) == x.pos);
            break;
        }
        EXPECT(la == lb);
        EXPECT(r.nfields == x.nf);
        for (i = 0; i < x.nf; i++) {
            EXPECT(r.fields[i].n == x.f[i].n);
            EXPECT(r.fields[i].s != NULL); /* even when empty */
            EXPECT(x.f[i].n == 0 || memcmp(r.fields[i].s, x.f[i].s, x.f[i].n) == 0);
            EXPECT(r.fields[i].line == x.f[i].line);
            EXPECT(r.fields[i].col == x.f[i].col);
            /* "no control character" is sure when it is said */
            EXPECT(!r.row_no_control || !hjtj__has_control(r.fields[i].s, r.fields[i].n));
        }
        rows_clean += r.row_no_control != 0;
        rows_compared++;
        fields_compared += x.nf;
    }
    ref_free(&x);
    hjtj__csv_free(&r);
    free(d);
}

/* Every delimiter, the default limits and a few small ones. */
static void compare_all(const char *text, size_t len)
{
    static const char delims[] = {0, ',', ';', '\t'};
    size_t i, k;
    for (i = 0; i < sizeof delims; i++) {
        compare(text, len, (limits){delims[i], 0, 0, 0});
        for (k = 0; k < 4; k++)
            compare(text, len, (limits){delims[i], 2 + 2 * k, 4 + 8 * k, 10 + 30 * k});
        compare(text, len, (limits){delims[i], 3, 9, 40});
    }
}

static const char *const hand_made[] = {
    "",
    "\n",
    "\r\n\r\n\n\r",
    "a",
    "a,b,c",
    "a,b,c\n",
    "a,b\r\nc,d\r\n",
    "a,b\rc,d\r",
    "a;b;c,d\n1;2;3,4\n",
    "a\tb\tc\n1\t2\t3\n",
    ",,,\n,,,\n",
    "a,\n,b\n",
    "\n\na,b\n\n\nc,d\n\n",
    "\r\r\na\r\r\nb",
    "\"a\",\"b\"\n",
    "\"a,b\",c\n",
    "\"a\nb\",c\nd,e\n",
    "\"a\r\nb\",c\r\nd,e\r\n",
    "\"a\rb\",c\n",
    "\"\",\"\"\"\",\"\"\"\"\"\"\n",
    "\"a\"\"b\"\"c\",d\n",
    "a\"b,c\n",
    "a,b\"\n",
    "\"ab\n",
    "\"ab\"\"",
    "\"ab\"c,d\n",
    "\"ab\" ,c\n",
    "x,\"ab\"\"\n",
    "\"",
    "\"\"",
    "\"\"\"",
    "æøå,€,😀,b\nc,ø\"\n",
    "æ\"",
    "\"æ\nø\"å\n",
    "\"a\";\"b\"\n",
    "a;\"b;c\";d,e,f,g\n",
    "\"a,b\";c;d\n",
    "\"x\ny\nz\",w,\"q\nr\"s\n",
    "a,b\n\"unbalanced,c\nd,e\n",
    "a\x01" "b,c\x0b" "d\x0c,e\x0e" "f\n",
    "abcdefghijklmnopqrstuvwxyz,0123456789abcdefghij,\"quoted quoted quoted\"\n",
    "abcdefghijklmnopqrstuvwxyzæøåæøåæøåæøå,0123456789abcdefghij\"x,y\n",
    "\xff\x80\xc3,\x80\x80\x80\x80\x80\x80\x80\x80\x80,x\n",
    "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z\n",
};

/* A text from the generator: rows of fields, quoted or not, with the
 * delimiters, line ends and troublemakers mixed at random. */
static unsigned rnd(unsigned *s, unsigned n)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 8) % n;
}

static void put(char **p, const char *s)
{
    size_t n = strlen(s);
    memcpy(*p, s, n);
    *p += n;
}

/* One piece of a field's text; a clean text has no stray quote or line end
 * outside quotes and no single quote inside them. */
static void gen_piece(char **p, unsigned *s, int quoted, int clean)
{
    static const char *const text[] = {"a", "b", "Z", "0", "9", " ", ".", "-", "_", "x",
                                       "æ", "ø", "€", "😀", "\t", "\x01", "\x0b", "\x0c",
                                       "\x0e", "\x7f", "\xff", "\x80", "\xc3"};
    static const char *const odd[] = {",", ";", "\t", "\n", "\r", "\r\n", "\""};
    unsigned k = rnd(s, 100);
    if (quoted && k < 6)
        put(p, "\"\"");
    else if (k < (quoted ? 15u : 2u) && !(clean && !quoted))
        put(p, odd[rnd(s, clean ? 6 : 7)]);
    else
        put(p, text[rnd(s, sizeof text / sizeof text[0])]);
}

static size_t gen_text(char *out, unsigned *s)
{
    static const char *const ends[] = {"\n", "\r\n", "\r", "\n\n", "\r\r\n", "\n\r\n"};
    static const char delims[] = {',', ';', '\t', ','};
    char *p = out;
    unsigned rows = rnd(s, 6), i, j, k, delim = rnd(s, 4), clean = rnd(s, 3) != 0;
    for (i = 0; i < rows; i++) {
        unsigned nf = 1 + rnd(s, 7);
        for (j = 0; j < nf; j++) {
            unsigned kind = rnd(s, 10), n = rnd(s, 20) == 0 ? 8 + rnd(s, 120) : rnd(s, 10);
            int quoted = kind < 3;
            if (j > 0)
                *p++ = rnd(s, 12) == 0 ? delims[rnd(s, 4)] : delims[delim];
            if (quoted)
                *p++ = '"';
            for (k = 0; k < n && kind != 9; k++)
                gen_piece(&p, s, quoted, (int)clean);
            if (quoted && (clean || rnd(s, 30) != 0))
                *p++ = '"';
            if (quoted && !clean && rnd(s, 30) == 0)
                *p++ = 'q';
        }
        if (i + 1 < rows || rnd(s, 3) != 0)
            put(&p, ends[rnd(s, 6)]);
    }
    return (size_t)(p - out);
}

/* ---- the tests ----------------------------------------------------------- */

START_TEST(test_hand_made)
{
    size_t i;
    for (i = 0; i < sizeof hand_made / sizeof hand_made[0]; i++)
        compare_all(hand_made[i], strlen(hand_made[i]));
}
END_TEST

/* Values known by hand, so that the reference itself is right. */
static csv_reader *open_text(const char *text, hjtj_error *err)
{
    static csv_reader r;
    hjtj__err_clear(err);
    hjtj__csv_init(&r, text, strlen(text), 0, err, "h.csv");
    return &r;
}

static void expect_field(const csv_reader *r, size_t i, const char *s, uint64_t line,
                         uint64_t col)
{
    ck_assert_uint_gt(r->nfields, i);
    ck_assert_uint_eq(r->fields[i].n, strlen(s));
    ck_assert(memcmp(r->fields[i].s, s, strlen(s)) == 0);
    ck_assert_uint_eq(r->fields[i].line, line);
    ck_assert_uint_eq(r->fields[i].col, col);
}

START_TEST(test_known_values)
{
    hjtj_error e, *err = &e;
    uint64_t line;
    csv_reader *r = open_text("\n\"a\"\"b\nc\",æø,d\r\n\r\nx;y;z\n", err);
    ck_assert_int_eq(hjtj__csv_next(r, &line), 1);
    ck_assert_uint_eq(line, 2);
    ck_assert_int_eq(r->delim, ',');
    ck_assert_uint_eq(r->nfields, 3);
    expect_field(r, 0, "a\"b\nc", 2, 1);
    expect_field(r, 1, "æø", 3, 4); /* c " , then æ */
    expect_field(r, 2, "d", 3, 7);
    ck_assert_int_eq(hjtj__csv_next(r, &line), 1);
    ck_assert_uint_eq(line, 5);
    ck_assert_uint_eq(r->nfields, 1);
    expect_field(r, 0, "x;y;z", 5, 1);
    ck_assert_int_eq(hjtj__csv_next(r, &line), 0);
    hjtj__csv_free(r);

    r = open_text("k;l,m;n\nø;\"p\"q\n", err);
    ck_assert_int_eq(hjtj__csv_next(r, &line), 1);
    ck_assert_int_eq(r->delim, ';');
    expect_field(r, 1, "l,m", 1, 3);
    ck_assert_int_eq(hjtj__csv_next(r, &line), -1);
    ck_assert_int_eq(hjtj_error_status(err), HJTJ_ERR_SYNTAX);
    ck_assert_str_eq(hjtj_error_message(err), "unexpected character after a closing quote");
    ck_assert_uint_eq(hjtj_error_line(err), 2);
    ck_assert_uint_eq(hjtj_error_column(err), 6);
    hjtj__csv_free(r);

    r = open_text("a,bæ\"c", err);
    ck_assert_int_eq(hjtj__csv_next(r, &line), -1);
    ck_assert_str_eq(hjtj_error_message(err), "quote inside an unquoted field");
    ck_assert_uint_eq(hjtj_error_column(err), 5);
    hjtj__csv_free(r);

    r = open_text("a,b\nc,\"d\ne", err);
    ck_assert_int_eq(hjtj__csv_next(r, &line), 1);
    ck_assert_int_eq(hjtj__csv_next(r, &line), -1);
    ck_assert_int_eq(hjtj_error_status(err), HJTJ_ERR_SYNTAX);
    ck_assert_str_eq(hjtj_error_message(err),
                     "unbalanced quote: the quoted field is never closed");
    ck_assert_uint_eq(hjtj_error_line(err), 2);
    ck_assert_uint_eq(hjtj_error_column(err), 3);
    hjtj__csv_free(r);

    r = open_text("a,b,c\n1,2,3,4\n", err);
    r->max_columns = 3;
    ck_assert_int_eq(hjtj__csv_next(r, &line), 1);
    ck_assert_int_eq(hjtj__csv_next(r, &line), -1);
    ck_assert_int_eq(hjtj_error_status(err), HJTJ_ERR_LIMIT);
    ck_assert_str_eq(hjtj_error_message(err), "more than 3 columns in a row");
    ck_assert_uint_eq(hjtj_error_column(err), 7);
    hjtj__csv_free(r);

    r = open_text("abcde,\"abcdef\"\n", err);
    r->max_field = 5;
    ck_assert_int_eq(hjtj__csv_next(r, &line), -1);
    ck_assert_str_eq(hjtj_error_message(err), "field longer than 5 bytes");
    ck_assert_uint_eq(hjtj_error_column(err), 7);
    hjtj__csv_free(r);

    r = open_text("abc,def,ghi\n", err);
    r->max_row = 4;
    ck_assert_int_eq(hjtj__csv_next(r, &line), -1);
    ck_assert_str_eq(hjtj_error_message(err), "row longer than 4 bytes");
    ck_assert_uint_eq(hjtj_error_column(err), 9);
    hjtj__csv_free(r);
}
END_TEST

START_TEST(test_generated)
{
    /* the rows of a text, and the same rows with more after them: the
     * tokenizer reads a row 64 bytes at a time only with 64 bytes left */
    static const char pad[] = "\nplain,row,of,words,that,is,not,short,at,all,when,read,sixty,four,"
                              "bytes,at,a,time\nand,another,one\n";
    static char text[16384 + sizeof pad];
    unsigned seed = 2024u + (unsigned)_i * 7919u, i;
    for (i = 0; i < 1500; i++) {
        size_t n = gen_text(text, &seed);
        if (n >= sizeof text - sizeof pad)
            ck_abort_msg("text of %zu bytes", n);
        compare_all(text, n);
        memcpy(text + n, pad, sizeof pad - 1);
        compare_all(text, n + sizeof pad - 1);
    }
    printf("check_csv: generated texts %d: %zu rows (%zu said to have no control character), "
           "%zu fields, %zu errors compared\n",
           _i, rows_compared, rows_clean, fields_compared, errors_compared);
#if defined(__SSE2__) && !defined(HJTJ_CSV_BYTEWISE)
    ck_assert_uint_gt(rows_clean, 0); /* the SSE2 path ran, and said so */
#endif
}
END_TEST

/* Long fields and rows: every length of a plain and of a quoted field
 * around the word and chunk sizes and the limits, at every offset from the
 * end. */
START_TEST(test_lengths)
{
    char text[400];
    size_t n, at;
    /* past 64: the tokenizer's chunk (csv.c) */
    for (n = 0; n < 140; n++)
        for (at = 0; at < 12; at++) {
            size_t len = 0, k;
            for (k = 0; k < at; k++)
                text[len++] = k % 3 ? 'x' : ',';
            for (k = 0; k < n; k++)
                text[len++] = "abcæ"[k % 5 == 4 ? 0 : k % 4];
            compare(text, len, (limits){0, 0, 0, 0});
            compare(text, len, (limits){',', 0, n / 2 + 1, n});
            text[len++] = '\n';
            compare(text, len, (limits){0, 0, n, n + 3});
            memmove(text + at + 1, text + at, len - at);
            text[at] = '"';
            text[len] = '"';
            len += 1;
            compare(text, len, (limits){0, 0, 0, 0});
            compare(text, len, (limits){0, 0, n / 2 + 1, 0});
            text[len++] = '"';
            compare(text, len, (limits){0, 0, 0, 0});
        }
}
END_TEST

/* A text of many rows: the reader's buffers grow, the fields stay right. */
START_TEST(test_big)
{
    size_t cap = 1 << 20, len = 0;
    char *text = malloc(cap + 16384);
    unsigned seed = 77;
    ck_assert_ptr_nonnull(text);
    while (len < cap) {
        size_t n = gen_text(text + len, &seed);
        /* only the rows that end in a line end, so the text stays whole */
        len += n;
        if (len && text[len - 1] != '\n' && text[len - 1] != '\r')
            text[len++] = '\n';
    }
    compare(text, len, (limits){0, 0, 0, 0});
    compare(text, len, (limits){',', 0, 0, 0});
    free(text);
}
END_TEST

/* ---- --bench FILE [REPEAT]: the tokenizer alone ----------------------- */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int bench(const char *path, int repeat)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long size;
    double best = 0;
    size_t rows = 0, fields = 0;
    int k;
    hjtj_error e, *err = &e;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0 || (data = malloc((size_t)size + 1)) == NULL ||
        fread(data, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "check_csv: cannot read %s\n", path);
        return EXIT_FAILURE;
    }
    fclose(f);
    hjtj__err_clear(err);
    for (k = 0; k < repeat; k++) {
        csv_reader r;
        uint64_t line;
        int rc;
        double t0 = now(), t;
        rows = fields = 0;
        hjtj__csv_init(&r, data, (size_t)size, 0, err, path);
        r.max_field = r.max_row = 1048576; /* as hjtj__load_csv by default */
        while ((rc = hjtj__csv_next(&r, &line)) == 1) {
            rows++;
            fields += r.nfields;
        }
        t = now() - t0;
        hjtj__csv_free(&r);
        if (rc < 0) {
            fprintf(stderr, "check_csv: %s\n", hjtj_error_message(err));
            return EXIT_FAILURE;
        }
        if (k == 0 || t < best)
            best = t;
    }
    printf("csv tokenizer: %zu rows, %zu fields, %.1f MB in %.4f s (best of %d): %.0f MB/s\n",
           rows, fields, (double)size / 1e6, best, repeat, (double)size / 1e6 / best);
    free(data);
    return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
    Suite *s;
    TCase *tc;
    int rc;
    if (argc >= 3 && strcmp(argv[1], "--bench") == 0)
        return bench(argv[2], argc >= 4 ? atoi(argv[3]) : 3);
    s = suite_create("csv");
    tc = tcase_create("tokenizer");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_hand_made);
    tcase_add_test(tc, test_known_values);
    tcase_add_loop_test(tc, test_generated, 0, 8);
    tcase_add_test(tc, test_lengths);
    tcase_add_test(tc, test_big);
    suite_add_tcase(s, tc);
    rc = run_suite(s);
    return rc;
}
