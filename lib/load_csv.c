/* load_csv.c — the CSV register format (SPEC §3): columns found by name, in
 * any order; code sets as lists or as one 0/1 column per code. */
#include "codes.h"
#include "csv.h"
#include "error.h"
#include "input.h"
#include "sink.h"
#include "text.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum col_kind { COL_IGNORED, COL_RAW, COL_WIDE };

typedef struct col_map {
    enum col_kind kind;
    int id;       /* raw field id, or set index 0..3 for wide columns */
    uint32_t bit; /* wide: the code's bit */
} col_map;

static const struct {
    const char *name;
    int id;
} raw_cols[] = {
    {"orgnr", RAW_ORGNR},
    {"kommunenr", RAW_KOMMUNENR},
    {"eierskap", RAW_EIERSKAP},
    {"status", RAW_STATUS},
    {"navn", RAW_NAVN},
    {"merknad", RAW_MERKNAD},
    {"naeringskode", RAW_NAERINGSKODE},
    {"naeringskode_standard", RAW_NK_STANDARD},
    {"boenheter", RAW_BOENHETER},
    {"andre_kommuner", RAW_ANDRE_KOMMUNER},
    {"virksomhetstyper", RAW_TYPES},
    {"malgrupper", RAW_MALGRUPPER},
    {"mottar_fra", RAW_MOTTAR_FRA},
    {"leverer_til", RAW_LEVERER_TIL},
};

#define RAW_COLUMN_LIST                                                                        \
    "orgnr, kommunenr, eierskap, status, boenheter, navn, merknad, naeringskode, "             \
    "naeringskode_standard, andre_kommuner, virksomhetstyper, malgrupper, mottar_fra, "        \
    "leverer_til"

static const hjtj_field set_fields[4] = {HJTJ_FIELD_VIRKSOMHETSTYPE, HJTJ_FIELD_MALGRUPPE,
                                         HJTJ_FIELD_MOTTAR_FRA, HJTJ_FIELD_LEVERER_TIL};

static int name_eq(const char *s, size_t n, const char *name)
{
    return strlen(name) == n && memcmp(s, name, n) == 0;
}

/* The spelling-independent form of a column name, for the forgiving match:
 * ASCII lower case, å→a, æ→ae, ø→o (either case), '-' and ' ' → '_', then
 * "aa"→"a" and "oe"→"o" (the old spellings of å and ø).  Applied to both the
 * header and the documented names, so "Næringskode", "Maalgrupper",
 * "andre-kommuner" and "Mottar_Fra:Sykehjem" find their columns.  HJTJ_OK,
 * or HJTJ_ERR_RANGE when the name does not fit in out. */
static hjtj_status canonical(char *out, size_t cap, const char *s, size_t n)
{
    size_t i, o = 0, w;
    char tmp[128];
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i], d = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        const char *rep = NULL;
        char one[2] = {0, 0};
        if (c == 0xC3 && (d == 0xA5 || d == 0x85))
            rep = "a";
        else if (c == 0xC3 && (d == 0xA6 || d == 0x86))
            rep = "ae";
        else if (c == 0xC3 && (d == 0xB8 || d == 0x98))
            rep = "o";
        if (rep != NULL)
            i++;
        else {
            one[0] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : (c == '-' || c == ' ') ? '_' : c);
            rep = one;
        }
        if (o + strlen(rep) >= sizeof tmp)
            return HJTJ_ERR_RANGE;
        memcpy(tmp + o, rep, strlen(rep));
        o += strlen(rep);
    }
    for (i = 0, w = 0; i < o; i++) {
        if (w >= cap - 1)
            return HJTJ_ERR_RANGE;
        out[w++] = tmp[i];
        if ((tmp[i] == 'a' && i + 1 < o && tmp[i + 1] == 'a') ||
            (tmp[i] == 'o' && i + 1 < o && tmp[i + 1] == 'e'))
            i++;
    }
    out[w] = '\0';
    return HJTJ_OK;
}

/* The documented column names: the raw columns, then one 0/1 column per
 * code of the four sets (with "mottar-fra:" / "leverer-til:" before the
 * personnel-exchange codes).  Writes name i into out; -1 past the end. */
static int column_name(size_t i, col_map *m, char *out, size_t cap)
{
    static const char *const prefix[4] = {"", "", "mottar-fra:", "leverer-til:"};
    size_t nraw = sizeof raw_cols / sizeof raw_cols[0];
    int k;
    if (i < nraw) {
        m->kind = COL_RAW;
        m->id = raw_cols[i].id;
        m->bit = 0;
        snprintf(out, cap, "%s", raw_cols[i].name);
        return 0;
    }
    i -= nraw;
    for (k = 0; k < 4; k++) {
        size_t sz = (size_t)hjtj_field_size(set_fields[k]);
        if (i < sz) {
            m->kind = COL_WIDE;
            m->id = k;
            m->bit = BIT(i);
            snprintf(out, cap, "%s%s", prefix[k], hjtj_code(set_fields[k], (int32_t)i));
            return 0;
        }
        i -= sz;
    }
    return -1;
}

/* The documented name nearest to an unknown column (s, n), or NULL. */
static const char *column_suggestion(const char *s, size_t n, char *out, size_t cap)
{
    char names[64][40];
    const char *ptrs[64], *hit;
    size_t i, k = 0;
    col_map m;
    for (i = 0; k < 64 && column_name(i, &m, names[k], sizeof names[k]) == 0; i++, k++)
        ptrs[k] = names[k];
    hit = hjtj__nearest(ptrs, k, s, n);
    if (hit == NULL)
        return NULL;
    snprintf(out, cap, "%s", hit);
    return out;
}

/* Map a header name to a column: exactly as documented, else by its
 * canonical spelling (above). */
static col_map map_column(const char *s, size_t n)
{
    col_map m = {COL_IGNORED, 0, 0};
    size_t i;
    int32_t v;
    char want[128], name[64];
    if (canonical(want, sizeof want, s, n) == HJTJ_OK) {
        col_map c;
        for (i = 0; column_name(i, &c, name, sizeof name) == 0; i++) {
            char have[128];
            if (canonical(have, sizeof have, name, strlen(name)) == HJTJ_OK && strcmp(have, want) == 0)
                return c;
        }
    }
    for (i = 0; i < sizeof raw_cols / sizeof raw_cols[0]; i++)
        if (name_eq(s, n, raw_cols[i].name)) {
            m.kind = COL_RAW;
            m.id = raw_cols[i].id;
            return m;
        }
    if ((v = hjtj__code_parse_n(HJTJ_FIELD_VIRKSOMHETSTYPE, s, n)) >= 0) {
        m.kind = COL_WIDE;
        m.id = 0;
        m.bit = BIT(v);
    } else if ((v = hjtj__code_parse_n(HJTJ_FIELD_MALGRUPPE, s, n)) >= 0) {
        m.kind = COL_WIDE;
        m.id = 1;
        m.bit = BIT(v);
    } else if (n > 11 && memcmp(s, "mottar-fra:", 11) == 0 &&
               (v = hjtj__code_parse_n(HJTJ_FIELD_MOTTAR_FRA, s + 11, n - 11)) >= 0) {
        m.kind = COL_WIDE;
        m.id = 2;
        m.bit = BIT(v);
    } else if (n > 12 && memcmp(s, "leverer-til:", 12) == 0 &&
               (v = hjtj__code_parse_n(HJTJ_FIELD_LEVERER_TIL, s + 12, n - 12)) >= 0) {
        m.kind = COL_WIDE;
        m.id = 3;
        m.bit = BIT(v);
    }
    return m;
}

static int same_column(col_map a, col_map b)
{
    return a.kind != COL_IGNORED && a.kind == b.kind && a.id == b.id && a.bit == b.bit;
}

/* Rows are checked (UTF-8) a piece of this size ahead of the tokenizer. */
#define CSV_PIECE ((size_t)256 << 10)

/* A header cell, without the blanks around it. */
static void header_name(const csv_reader *r, size_t i, const char **s, size_t *n)
{
    *s = r->fields[i].s;
    *n = r->fields[i].n;
    hjtj__trim(s, n);
}

/* An unknown column is ignored, with a warning that names the nearest
 * documented one. */
static hjtj_status warn_unknown(const hjtj__record_sink *sink, const csv_field *f, const char *s,
                                size_t n, const char *file)
{
    char near[64], msg[1024];
    if (column_suggestion(s, n, near, sizeof near) != NULL)
        snprintf(msg, sizeof msg,
                 "unknown column '%.*s' ignored; did you mean '%s'? The columns are %s, or one "
                 "0/1 column per code",
                 (int)(n > 60 ? 60 : n), s, near, RAW_COLUMN_LIST);
    else
        snprintf(msg, sizeof msg,
                 "unknown column '%.*s' ignored; the columns are %s, or one 0/1 column per "
                 "code (see hjtj-formats(5))",
                 (int)(n > 60 ? 60 : n), s, RAW_COLUMN_LIST);
    return sink->warn(sink->ctx, HJTJ_REASON_UNKNOWN_COLUMN, file, f->line, f->col, msg);
}

/* Column i of the header: a column already seen (by its name, or as the
 * same column spelt otherwise) is an error. */
static hjtj_status map_header_cell(const hjtj__record_sink *sink, const csv_reader *r, col_map *map,
                                   size_t i, const char *file)
{
    const char *s, *t;
    size_t n, m, j;
    header_name(r, i, &s, &n);
    map[i] = map_column(s, n);
    for (j = 0; j < i; j++) {
        header_name(r, j, &t, &m);
        if (m == n && memcmp(s, t, n) == 0)
            return hjtj__err_set(sink->err, HJTJ_ERR_SCHEMA, file, r->fields[i].line,
                                 r->fields[i].col, "column '%.*s' appears twice in the header",
                                 (int)(n > 60 ? 60 : n), s);
        if (same_column(map[i], map[j]))
            return hjtj__err_set(sink->err, HJTJ_ERR_SCHEMA, file, r->fields[i].line,
                                 r->fields[i].col,
                                 "columns '%.*s' and '%.*s' of the header are the same column",
                                 (int)(m > 60 ? 60 : m), t, (int)(n > 60 ? 60 : n), s);
    }
    if (map[i].kind == COL_IGNORED && warn_unknown(sink, &r->fields[i], s, n, file) != HJTJ_OK)
        return hjtj__err_set(sink->err, HJTJ_ERR_NOMEM, file, r->fields[i].line, 0,
                             "out of memory");
    return HJTJ_OK;
}

/* The columns a register needs: the first missing one is an error, which
 * names a header cell that looks like a slip of it. */
static hjtj_status check_required(const hjtj__record_sink *sink, const csv_reader *r, const col_map *map,
                                  uint64_t line, const char *file)
{
    int have_raw[RAW_NFIELDS] = {0}, have_wide[4] = {0};
    const char *missing = NULL, *want[1], *s;
    char name[64];
    size_t i, n;
    for (i = 0; i < r->nfields; i++)
        if (map[i].kind == COL_RAW)
            have_raw[map[i].id] = 1;
        else if (map[i].kind == COL_WIDE)
            have_wide[map[i].id] = 1;
    if (!have_raw[RAW_ORGNR])
        missing = "orgnr";
    else if (!have_raw[RAW_KOMMUNENR])
        missing = "kommunenr";
    else if (!have_raw[RAW_EIERSKAP])
        missing = "eierskap";
    else if (!have_raw[RAW_TYPES] && !have_wide[0])
        missing = "virksomhetstyper (or one 0/1 column per virksomhetstype)";
    else if (!have_raw[RAW_MALGRUPPER] && !have_wide[1])
        missing = "malgrupper (or one 0/1 column per målgruppe)";
    if (missing == NULL)
        return HJTJ_OK;
    snprintf(name, sizeof name, "%.*s", (int)strcspn(missing, " "), missing);
    want[0] = name;
    for (i = 0; i < r->nfields; i++) {
        header_name(r, i, &s, &n);
        if (map[i].kind == COL_IGNORED && hjtj__nearest(want, 1, s, n) != NULL)
            return hjtj__err_set(sink->err, HJTJ_ERR_SCHEMA, file, r->fields[i].line,
                                 r->fields[i].col,
                                 "the CSV header has no column %s; is '%.*s' meant to be '%s'?",
                                 missing, (int)(n > 60 ? 60 : n), s, name);
    }
    return hjtj__err_set(sink->err, HJTJ_ERR_SCHEMA, file, line, 1,
                         "the CSV header has no column %s", missing);
}

/* The header row: the map of its columns (*out, to free). */
static hjtj_status read_header(const hjtj__record_sink *sink, const csv_reader *r, uint64_t line,
                               const char *file, col_map **out)
{
    col_map *map = calloc(r->nfields, sizeof *map);
    hjtj_status st = HJTJ_OK;
    size_t i;
    *out = map;
    if (map == NULL)
        return hjtj__err_set(sink->err, HJTJ_ERR_NOMEM, file, line, 0, "out of memory");
    for (i = 0; i < r->nfields && st == HJTJ_OK; i++)
        st = map_header_cell(sink, r, map, i, file);
    return st != HJTJ_OK ? st : check_required(sink, r, map, line, file);
}

/* A row of as many fields as the header, as a raw record. */
static void row_to_raw(const csv_reader *r, const col_map *map, raw_record *raw)
{
    size_t i;
    for (i = 0; i < r->nfields; i++) {
        const csv_field *f = &r->fields[i];
        if (map[i].kind == COL_RAW) {
            raw_field *rf = &raw->f[map[i].id];
            if (f->n == 0)
                continue; /* an empty cell is an absent value */
            rf->s = f->s;
            rf->n = f->n;
            rf->set = 1;
            rf->line = f->line;
            rf->col = f->col;
        } else if (map[i].kind == COL_WIDE) {
            const char *s = f->s;
            size_t n = f->n;
            hjtj__trim(&s, &n);
            raw->wide_set[map[i].id] = 1;
            if (n == 1 && s[0] == '1')
                raw->wide[map[i].id] |= map[i].bit;
            else if (!(n == 0 || (n == 1 && s[0] == '0')))
                hjtj__raw_fail(raw, HJTJ_REASON_BAD_VALUE, f->line, f->col,
                               "%s column %zu must be 0, 1 or empty, not '%.*s'",
                               hjtj_field_name(set_fields[map[i].id]), i + 1,
                               (int)(n > 40 ? 40 : n), s);
        }
    }
}

/* A row with another number of fields than the header (ncols): rejected,
 * named by its orgnr when it has that column. */
static void ragged_to_raw(const csv_reader *r, const col_map *map, size_t ncols, uint64_t line,
                          raw_record *raw)
{
    size_t i;
    for (i = 0; i < ncols && i < r->nfields; i++)
        if (map[i].kind == COL_RAW && map[i].id == RAW_ORGNR) {
            raw->f[RAW_ORGNR].s = r->fields[i].s;
            raw->f[RAW_ORGNR].n = r->fields[i].n;
            raw->f[RAW_ORGNR].set = 1;
            raw->f[RAW_ORGNR].line = r->fields[i].line;
            raw->f[RAW_ORGNR].col = r->fields[i].col;
        }
    hjtj__raw_fail(raw, HJTJ_REASON_RAGGED_ROW, line, 1, "row has %zu fields, the header has %zu",
                   r->nfields, ncols);
}

/* One CSV load (or one part of it): the reader over the text, the checked
 * extent, how far ahead of the tokenizer the input is held, and where the
 * records go (area NULL: to the sink one by one; else staged there, until
 * *stop). */
typedef struct csv_load {
    const hjtj__record_sink *sink;
    const char *data, *file;
    size_t len, checked, ahead;
    csv_reader r;
    input *in;
    hjtj__stage_area *area;
    struct csv_part *part;  /* the part this reader is (area: staging) */
} csv_load;

typedef struct csv_part csv_part;
static void part_publish(csv_part *p, int done, hjtj_status st);
static int part_stopped(const csv_part *p);

/* The next row into c->r (*got = 1), or the end of the input (*got = 0);
 * HJTJ_ERR_* on a file-level error, HJTJ_ERR_ENCODING on invalid UTF-8
 * (located by check_rest()). */
static hjtj_status next_row(csv_load *c, uint64_t *line, int *got)
{
    const char *p = c->r.p, *end = c->r.end;
    hjtj__input_fill(c->in, p, (size_t)(end - p) < c->ahead ? end : p + c->ahead);
    *got = hjtj__csv_next(&c->r, line);
    if (*got < 0)
        return c->sink->err->status;
    return hjtj__input_check_upto(c->in, c->data, c->len, &c->checked,
                                  (size_t)(c->r.p - c->data), CSV_PIECE, 0);
}

/* The row in c->r (read on line `line`) to where it goes. */
static hjtj_status deliver_row(csv_load *c, const col_map *map, size_t ncols, uint64_t line)
{
    raw_record raw;
    hjtj__raw_clear(&raw);
    raw.line = line;
    raw.col = 1;
    if (c->r.nfields != ncols)
        ragged_to_raw(&c->r, map, ncols, line, &raw);
    else
        row_to_raw(&c->r, map, &raw);
    raw.no_control = c->r.row_no_control;
    if (c->area != NULL && c->sink->stage(c->sink->ctx, &raw, c->area) != HJTJ_OK)
        return hjtj__err_set(c->sink->err, HJTJ_ERR_NOMEM, c->file, line, 1, "out of memory");
    if (c->area != NULL)
        return HJTJ_OK;
    return c->sink->record(c->sink->ctx, &raw, c->file);
}

/* The records after the header. */
static hjtj_status read_rows(csv_load *c, const col_map *map, size_t ncols)
{
    uint64_t line = 0;
    int got;
    hjtj_status st;
    while ((st = next_row(c, &line, &got)) == HJTJ_OK && got) {
        if (c->part != NULL && part_stopped(c->part))
            return HJTJ_ERR_ABORTED;
        st = deliver_row(c, map, ncols, line);
        if (st != HJTJ_OK)
            return st;
        if (c->part != NULL && c->area->n % HJTJ__STAGE_CHUNK == 0)
            part_publish(c->part, 0, HJTJ_OK);
        hjtj__input_release(c->in, c->r.p);
    }
    return st;
}

/* The rest of the file, when the load ended early or left bytes after the
 * last row: invalid UTF-8 anywhere fails it with HJTJ_ERR_ENCODING,
 * whatever else was found (as if it had been checked first). */
static hjtj_status check_rest(csv_load *c, hjtj_status st)
{
    hjtj_error *err = c->sink->err;
    hjtj_status b;
    if (c->checked >= c->len)
        return st;
    b = hjtj__input_check_utf8(c->in, c->data, c->len, c->checked, c->file, err);
    if (b == HJTJ_ERR_ENCODING) /* the usual cause, and the way out */
        (void)hjtj__err_set(err, b, c->file, err->line, err->column,
                            "invalid UTF-8; if the file was saved by Excel it is probably "
                            "Windows-1252: use --encoding windows-1252 (encoding = "
                            "\"windows-1252\" in Python and R)");
    return b != HJTJ_OK ? b : st;
}

/* ---- a big file in two parts, the second read on another thread ----
 *
 * A register of a million records is read about twice as fast on two
 * cores.  The second part starts after a line end part-way through: a
 * guess, since that line end may lie inside a quoted field.  Its records
 * are checked and classified on a second thread and staged (they cannot be
 * stored there: a record is a duplicate only of those before it, and the
 * records, rejects and callbacks go in file order).  The first part is
 * read as always, up to that line end.  When it ends a row exactly there
 * the guess was right (the reader's state at a row boundary is only its
 * line number), and the first thread stores the staged records in order,
 * lines moved, as the second stages more.  A file-level error of the
 * second part is then the load's, after the records before it, as in one
 * part.  When the guess was wrong, the second part's work is thrown away
 * and the first part reads on to the end.  So every outcome, error and
 * message is the one-part load's.  (One difference: when the file has
 * invalid UTF-8 after the split point, the record callback may see
 * records up to 256 KiB further than in one part, where the UTF-8 check
 * ahead stops the load earlier; the load fails either way.) */

/* Files this big or bigger are read in two parts; HJTJ_SPLIT_MIN in the
 * environment (bytes; 0: never) overrides it. */
#define SPLIT_MIN_DEFAULT ((size_t)8 << 20)

struct csv_part {
    csv_load c;             /* the second part's reader, staging into area */
    hjtj__record_sink sink; /* the load's, with the part's err and window */
    hjtj_error err;
    input win;
    hjtj__stage_area area;
    const col_map *map;
    size_t ncols;
    atomic_int stop;        /* set by the first thread: stage no more */
    pthread_mutex_t mu;     /* guards published, done and st */
    pthread_cond_t cv;
    size_t published;       /* records staged and readable */
    int done;
    hjtj_status st;
    pthread_t th;
};

/* Tell the first thread how many records are staged (and, with done,
 * that there will be no more). */
static void part_publish(csv_part *p, int done, hjtj_status st)
{
    pthread_mutex_lock(&p->mu);
    p->published = p->area.n;
    if (done) {
        p->done = 1;
        p->st = st;
    }
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

static int part_stopped(const csv_part *p)
{
    return atomic_load_explicit(&p->stop, memory_order_relaxed);
}

static size_t split_min(void)
{
    const char *e = getenv("HJTJ_SPLIT_MIN");
    uint64_t v;
    if (e != NULL && hjtj__parse_uint(e, strlen(e), SIZE_MAX, &v) == HJTJ_OK)
        return v == 0 ? SIZE_MAX : (size_t)v;
    return SPLIT_MIN_DEFAULT;
}

/* Where the second part starts: after the first LF from 47 % of the rows
 * on (the first thread also stores every record, so it reads less), or 0
 * (one part: a small file, a register that streams, no LF within 1 MiB). */
static size_t split_point(const csv_load *c)
{
    size_t from = (size_t)(c->r.p - c->data), rest = c->len - from, at, base, k;
    char piece[4096];
    if (c->sink->stage == NULL || rest < split_min() || rest < 2)
        return 0;
    at = from + rest / 100 * 47 + rest % 100 * 47 / 100;
    base = c->in != NULL ? (size_t)(c->data - c->in->data) : 0;
    for (k = 0; k < 256 && at < c->len; k++) {
        size_t n = c->in != NULL ? hjtj__input_peek(c->in, base + at, piece, sizeof piece)
                                 : (c->len - at < sizeof piece ? c->len - at : sizeof piece);
        const char *src = c->in != NULL ? piece : c->data + at;
        const char *nl = n ? memchr(src, '\n', n) : NULL;
        if (n == 0)
            return 0;
        if (nl != NULL)
            return at + (size_t)(nl - src) + 1 < c->len ? at + (size_t)(nl - src) + 1 : 0;
        at += n;
    }
    return 0;
}

static void *part_main(void *arg)
{
    csv_part *p = arg;
    hjtj_status st = read_rows(&p->c, p->map, p->ncols);
    if (!part_stopped(p)) /* its work is wanted: the rest is checked too */
        st = check_rest(&p->c, st);
    if (st == HJTJ_OK && p->win.changed != 0)
        st = HJTJ_ERR_IO;
    part_publish(p, 1, st);
    return NULL;
}

/* Start the second part at `at` on its thread; NULL if it cannot be. */
static csv_part *part_start(csv_load *c, size_t at, const col_map *map, size_t ncols)
{
    csv_part *p = calloc(1, sizeof *p);
    size_t base = c->in != NULL ? (size_t)(c->data - c->in->data) : 0;
    if (p == NULL)
        return NULL;
    /* a record is at least two bytes ("a" and a line end) */
    if (hjtj__stage_init(&p->area, (c->len - at) / 2 + 1) != HJTJ_OK) {
        free(p);
        return NULL;
    }
    p->sink = *c->sink;
    p->sink.err = &p->err;
    hjtj__input_part(&p->win, c->in, base + at);
    p->sink.in = c->in != NULL ? &p->win : NULL;
    p->c = *c;
    p->c.sink = &p->sink;
    p->c.data = c->data + at;
    p->c.len = c->len - at;
    p->c.checked = 0;
    p->c.in = p->sink.in;
    p->c.area = &p->area;
    p->c.part = p;
    hjtj__csv_init(&p->c.r, p->c.data, p->c.len, c->r.delim, &p->err, c->file);
    p->c.r.max_columns = c->r.max_columns;
    p->c.r.max_field = c->r.max_field;
    p->c.r.max_row = c->r.max_row;
    p->map = map;
    p->ncols = ncols;
    atomic_init(&p->stop, 0);
    if (pthread_mutex_init(&p->mu, NULL) != 0) {
        hjtj__stage_free(&p->area);
        free(p);
        return NULL;
    }
    if (pthread_cond_init(&p->cv, NULL) != 0 ||
        pthread_create(&p->th, NULL, part_main, p) != 0) {
        pthread_mutex_destroy(&p->mu);
        hjtj__csv_free(&p->c.r);
        hjtj__stage_free(&p->area);
        free(p);
        return NULL;
    }
    return p;
}

/* Wait for the second part (stopping it first when its work is not
 * wanted), give the register its strings when it has taken records, and
 * free it.  The window's news of a file changed is the load's. */
static void part_end(csv_load *c, csv_part *p, int stop, int adopt)
{
    if (stop)
        atomic_store(&p->stop, 1);
    pthread_join(p->th, NULL);
    if (adopt)
        c->sink->adopt(c->sink->ctx, &p->area);
    if (c->in != NULL && p->win.changed != 0 && c->in->changed == 0)
        c->in->changed = p->win.changed;
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
    hjtj__csv_free(&p->c.r);
    hjtj__stage_free(&p->area);
    free(p);
}

/* The rows of the first part, up to its end at the split point: *at_end
 * is 1 when its last row ended exactly there; else the reader is back
 * before the row that ran into the split point or met an error (to be read
 * again with the whole file in view, when it gives the same error).
 * HJTJ_OK, or the sink's error (final). */
static hjtj_status first_part(csv_load *c, const col_map *map, size_t ncols, int *at_end)
{
    uint64_t line = 0;
    int got;
    *at_end = 0;
    for (;;) {
        const char *p = c->r.p, *line_start = c->r.line_start;
        uint64_t at_line = c->r.line;
        hjtj_status st;
        if (next_row(c, &line, &got) != HJTJ_OK) {
            c->r.p = p;
            c->r.line_start = line_start;
            c->r.line = at_line;
            hjtj__err_clear(c->sink->err);
            return HJTJ_OK;
        }
        if (!got) {
            *at_end = 1;
            return HJTJ_OK;
        }
        st = deliver_row(c, map, ncols, line);
        if (st != HJTJ_OK)
            return st;
        hjtj__input_release(c->in, c->r.p);
    }
}

/* The second part's records stored as they are staged, from line
 * line_base on; then its own outcome: an error of its file (its line
 * moved, *checked = 1: it checked the UTF-8 of all its bytes), or the
 * sink's error while storing. */
static hjtj_status second_part(csv_load *c, csv_part *p, uint64_t line_base, int *checked)
{
    size_t done = 0, upto;
    int finished = 0;
    *checked = 0;
    while (!finished) {
        hjtj_status st;
        pthread_mutex_lock(&p->mu);
        while (p->published == done && !p->done)
            pthread_cond_wait(&p->cv, &p->mu);
        upto = p->published;
        finished = p->done;
        pthread_mutex_unlock(&p->mu);
        st = c->sink->commit(c->sink->ctx, &p->area, done, upto, line_base, c->file);
        done = upto;
        if (st != HJTJ_OK)
            return st;
    }
    *checked = 1;
    if (p->st == HJTJ_OK)
        return HJTJ_OK;
    return hjtj__err_set(c->sink->err, p->st, c->file,
                         p->err.line ? p->err.line + line_base - 1 : 0, p->err.column, "%s",
                         p->err.message);
}

/* The records after the header, in two parts when the file is big. */
static hjtj_status read_body(csv_load *c, const col_map *map, size_t ncols)
{
    size_t at = split_point(c), len = c->len, base = c->in ? (size_t)(c->data - c->in->data) : 0;
    csv_part *p = at ? part_start(c, at, map, ncols) : NULL;
    hjtj_status st;
    int at_end, checked;
    if (p == NULL)
        return read_rows(c, map, ncols);
    hjtj__input_set_end(c->in, base + at);
    c->len = at;
    c->r.end = c->data + at;
    st = first_part(c, map, ncols, &at_end);
    if (st != HJTJ_OK || !at_end) {
        part_end(c, p, 1, 0);
        hjtj__input_set_end(c->in, base + len);
        c->len = len;
        c->r.end = c->data + len;
        return st != HJTJ_OK ? st : read_rows(c, map, ncols); /* the first part reads on */
    }
    st = second_part(c, p, c->r.line, &checked);
    part_end(c, p, st != HJTJ_OK, 1);
    hjtj__input_set_end(c->in, base + len);
    c->len = len;
    c->r.end = c->data + len;
    c->r.p = c->r.end;
    if (checked)
        c->checked = len;
    return st;
}

hjtj_status hjtj__load_csv(const hjtj__record_sink *sink, const char *data, size_t len,
                           const char *file)
{
    const uint64_t *lim = sink->limits;
    csv_load c = {sink, data, file, len, 0, 0, {0}, sink->in, NULL, NULL};
    col_map *map = NULL;
    uint64_t line = 0;
    hjtj_status st;
    int got;

    /* the tokenizer reads a row whole before it is checked: the bytes it
     * may look at are held (a field starts at most max_row bytes into the
     * row and is at most max_field long before it stops), and a piece more */
    c.ahead = lim[HJTJ_LIMIT_MAX_RECORD] < (uint64_t)(SIZE_MAX / 4 - CSV_PIECE)
                  ? 2 * (size_t)lim[HJTJ_LIMIT_MAX_RECORD] + CSV_PIECE + 2
                  : SIZE_MAX / 2;
    hjtj__csv_init(&c.r, data, len, 0, sink->err, file);
    c.r.max_columns = (size_t)lim[HJTJ_LIMIT_MAX_COLUMNS];
    /* a field longer than HJTJ_LIMIT_MAX_TEXT rejects its record (as in XML);
     * only a row beyond HJTJ_LIMIT_MAX_RECORD stops the file */
    c.r.max_field = (size_t)lim[HJTJ_LIMIT_MAX_RECORD];
    c.r.max_row = (size_t)lim[HJTJ_LIMIT_MAX_RECORD];

    st = next_row(&c, &line, &got);
    if (st == HJTJ_OK && !got)
        st = hjtj__err_set(sink->err, HJTJ_ERR_EMPTY, file, 1, 1, "empty input");
    if (st == HJTJ_OK && (st = read_header(sink, &c.r, line, file, &map)) == HJTJ_OK)
        st = read_body(&c, map, c.r.nfields);
    st = check_rest(&c, st);
    free(map);
    hjtj__csv_free(&c.r);
    return st;
}
