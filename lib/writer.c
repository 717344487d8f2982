/* writer.c — writing tables in the publication formats (SPEC §10): the
 * format names, the multi-table writer object (hjtj_writer) and the
 * one-table functions hjtj_table_write*_lang built on it.
 *
 * A writer renders each table when it is added (the caller may rebuild the
 * same table object for the next one), and puts the pieces together when
 * it finishes: CSV and text one after the other, JSON-stat a collection of
 * datasets, XLSX one workbook with a worksheet per table, PX one file per
 * table in a directory, HTML one page (write_html.c). */
#include "error.h"
#include "text.h"
#include "buf.h"
#include "table.h"
#include "write_html.h"
#include "writers.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct part {
    char id[16];
    buf out;
} part;

struct hjtj_writer {
    hjtj_format format;
    hjtj_lang lang;
    char updated[32];
    part *parts;
    size_t nparts, cap;
    hjtj__xlsx *xlsx;
    hjtj_html *html;
    int finished;
    hjtj_error err;
};

static const char *const format_names[] = {"csv", "text", "json-stat", "px", "xlsx", "html"};
#define NFORMATS (sizeof format_names / sizeof format_names[0])

HJTJ_API int32_t hjtj_format_parse(const char *name)
{
    size_t i;
    if (name == NULL)
        return -1;
    for (i = 0; i < NFORMATS; i++)
        if (strcmp(name, format_names[i]) == 0)
            return (int32_t)i;
    if (strcmp(name, "jsonstat") == 0 || strcmp(name, "json") == 0)
        return HJTJ_FORMAT_JSONSTAT;
    return -1;
}

HJTJ_API const char *hjtj_format_name(hjtj_format format)
{
    return (unsigned)format < NFORMATS ? format_names[format] : NULL;
}

HJTJ_API int32_t hjtj_format_from_path(const char *path)
{
    static const struct {
        const char *ext;
        hjtj_format format;
    } exts[] = {{".csv", HJTJ_FORMAT_CSV},     {".txt", HJTJ_FORMAT_TEXT},
                {".json", HJTJ_FORMAT_JSONSTAT}, {".px", HJTJ_FORMAT_PX},
                {".xlsx", HJTJ_FORMAT_XLSX},     {".html", HJTJ_FORMAT_HTML},
                {".htm", HJTJ_FORMAT_HTML}};
    const char *dot;
    size_t i;
    if (path == NULL || (dot = strrchr(path, '.')) == NULL || strchr(dot, '/') != NULL)
        return -1;
    for (i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        const char *a = dot, *b = exts[i].ext;
        while (*a && *b && (*a | 0x20) == *b)
            a++, b++;
        if (*a == '\0' && *b == '\0')
            return (int32_t)exts[i].format;
    }
    return -1;
}

/* The time a publication is stamped with: SOURCE_DATE_EPOCH when set (a
 * reproducible build's convention), else now; ISO 8601 in UTC. */
static void default_updated(char *out, size_t cap)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t now = time(NULL);
    struct tm tm;
    uint64_t v;
    if (sde != NULL && hjtj__parse_uint(sde, strlen(sde), INT64_MAX, &v) == HJTJ_OK)
        now = (time_t)v; /* seconds since 1970: digits only */
    if (gmtime_r(&now, &tm) == NULL || strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        hjtj__str_copy(out, cap, "1970-01-01T00:00:00Z");
}

HJTJ_API hjtj_status hjtj_writer_new(hjtj_writer **out, hjtj_format format, hjtj_lang lang)
{
    hjtj_writer *w;
    if (out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    *out = NULL;
    if ((unsigned)format >= NFORMATS || (lang != HJTJ_LANG_NB && lang != HJTJ_LANG_EN))
        return HJTJ_ERR_INVALID_ARG;
    w = calloc(1, sizeof *w);
    if (w == NULL)
        return HJTJ_ERR_NOMEM;
    w->format = format;
    w->lang = lang;
    if (format == HJTJ_FORMAT_HTML && hjtj_html_new(&w->html, lang) != HJTJ_OK) {
        free(w);
        return HJTJ_ERR_NOMEM;
    }
    default_updated(w->updated, sizeof w->updated);
    *out = w;
    return HJTJ_OK;
}

HJTJ_API void hjtj_writer_free(hjtj_writer *w)
{
    size_t i;
    if (w == NULL)
        return;
    for (i = 0; i < w->nparts; i++)
        hjtj__buf_free(&w->parts[i].out);
    free(w->parts);
    hjtj__xlsx_discard(w->xlsx);
    hjtj_html_free(w->html);
    free(w);
}

HJTJ_API const hjtj_error *hjtj_writer_error(const hjtj_writer *w)
{
    return w ? &w->err : NULL;
}

HJTJ_API size_t hjtj_writer_count(const hjtj_writer *w)
{
    return w ? w->nparts : 0;
}

/* YYYY-MM-DDTHH:MM:SS with an optional fraction and Z or ±HH:MM. */
static int iso8601_ok(const char *s)
{
    static const char pat[] = "dddd-dd-ddTdd:dd:dd";
    size_t i;
    for (i = 0; pat[i]; i++)
        if (pat[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != pat[i])
            return 0;
    s += i;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++)
            ;
    if (strcmp(s, "Z") == 0 || *s == '\0')
        return 1;
    return (s[0] == '+' || s[0] == '-') && strlen(s) == 6 && s[3] == ':';
}

HJTJ_API hjtj_status hjtj_writer_set_updated(hjtj_writer *w, const char *iso8601)
{
    if (w == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (iso8601 == NULL || strlen(iso8601) >= sizeof w->updated || !iso8601_ok(iso8601))
        return hjtj__err_set(&w->err, HJTJ_ERR_INVALID_ARG, "", 0, 0,
                       "not an ISO 8601 time (YYYY-MM-DDTHH:MM:SSZ)");
    if (w->nparts > 0)
        return hjtj__err_set(&w->err, HJTJ_ERR_STATE, "", 0, 0,
                       "set the time before the first table is added");
    hjtj__str_copy(w->updated, sizeof w->updated, iso8601);
    return HJTJ_OK;
}

static hjtj_status render(hjtj_writer *w, const hjtj_table *t, buf *b)
{
    hjtj_status rc = HJTJ_OK;
    switch (w->format) {
    case HJTJ_FORMAT_CSV:
        hjtj__write_csv(t, b);
        break;
    case HJTJ_FORMAT_TEXT:
        hjtj__write_text(t, w->lang, b);
        break;
    case HJTJ_FORMAT_JSONSTAT:
        rc = hjtj__write_jsonstat(t, w->lang, w->updated, b);
        break;
    case HJTJ_FORMAT_PX:
        rc = hjtj__write_px(t, w->lang, w->updated, b);
        break;
    case HJTJ_FORMAT_HTML: /* the page renders the table's section itself */
        return hjtj_html_add_table(w->html, t, 0);
    default:
        return HJTJ_ERR_INVALID_ARG;
    }
    return rc != HJTJ_OK || b->failed ? HJTJ_ERR_NOMEM : HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_writer_add(hjtj_writer *w, const hjtj_table *t)
{
    part *p;
    hjtj_status st;
    if (w == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (t == NULL || hjtj_table_cols(t) == 0)
        return hjtj__err_set(&w->err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no table, or an empty one");
    if (w->finished)
        return hjtj__err_set(&w->err, HJTJ_ERR_STATE, "", 0, 0, "the writer has finished");
    if (hjtj__grow(&w->parts, &w->cap, w->nparts + 1, sizeof *w->parts, 8) != HJTJ_OK)
        return hjtj__err_set(&w->err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    p = &w->parts[w->nparts];
    hjtj__str_copy(p->id, sizeof p->id, hjtj_table_id(t));
    hjtj__buf_init(&p->out);
    if (w->format == HJTJ_FORMAT_XLSX) {
        if (w->xlsx == NULL && (st = hjtj__xlsx_open(&w->xlsx, &w->err)) != HJTJ_OK)
            return st;
        st = hjtj__xlsx_add(w->xlsx, t, w->lang, w->updated, &w->err);
    } else {
        st = render(w, t, &p->out);
        if (st != HJTJ_OK) {
            hjtj__buf_free(&p->out);
            return hjtj__err_set(&w->err, st, "", 0, 0, "cannot write table %s: %s", p->id,
                           hjtj_strerror(st));
        }
    }
    if (st == HJTJ_OK)
        w->nparts++;
    return st;
}

/* The whole output of a writer of one stream format into b. */
static hjtj_status assemble(hjtj_writer *w, buf *b)
{
    size_t i;
    hjtj__buf_init(b);
    if (w->format == HJTJ_FORMAT_PX && w->nparts > 1)
        return hjtj__err_set(&w->err, HJTJ_ERR_INVALID_ARG, "", 0, 0,
                       "a PX file holds one table: write %zu tables to a directory "
                       "(hjtj_writer_finish_path)",
                       w->nparts);
    if (w->format == HJTJ_FORMAT_JSONSTAT && w->nparts > 1) {
        const buf **ds = malloc(w->nparts * sizeof *ds);
        if (ds == NULL)
            return hjtj__err_set(&w->err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
        for (i = 0; i < w->nparts; i++)
            ds[i] = &w->parts[i].out;
        hjtj__jsonstat_collection(b, w->lang, w->updated, ds, w->nparts);
        free(ds);
    } else {
        for (i = 0; i < w->nparts; i++) {
            if (w->format == HJTJ_FORMAT_CSV && w->nparts > 1)
                hjtj__buf_printf(b, "%s# Tabell %s\n", i ? "\n" : "", w->parts[i].id);
            else if (i > 0)
                hjtj__buf_putc(b, '\n');
            hjtj__buf_put(b, w->parts[i].out.data ? w->parts[i].out.data : "", w->parts[i].out.len);
        }
    }
    if (b->data == NULL)
        hjtj__buf_put(b, "", 0);
    if (b->failed) {
        hjtj__buf_free(b);
        return hjtj__err_set(&w->err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    }
    return HJTJ_OK;
}

/* The whole output into b: the workbook, or the assembled text. */
static hjtj_status collect(hjtj_writer *w, buf *b)
{
    if (w->format == HJTJ_FORMAT_XLSX)
        return hjtj__xlsx_finish(w->xlsx, b, &w->err);
    if (w->format == HJTJ_FORMAT_HTML)
        return hjtj__html_render(w->html, b);
    return assemble(w, b);
}

static hjtj_status finish_check(hjtj_writer *w)
{
    if (w->finished)
        return hjtj__err_set(&w->err, HJTJ_ERR_STATE, "", 0, 0, "the writer has finished");
    if (w->nparts == 0)
        return hjtj__err_set(&w->err, HJTJ_ERR_STATE, "", 0, 0, "no table was added");
    w->finished = 1;
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_writer_finish(hjtj_writer *w, hjtj_write_fn fn, void *userdata)
{
    buf b;
    hjtj_status st;
    if (w == NULL || fn == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if ((st = finish_check(w)) != HJTJ_OK || (st = collect(w, &b)) != HJTJ_OK)
        return st;
    if (b.len && fn(b.data, b.len, userdata) != 0)
        st = hjtj__err_set(&w->err, HJTJ_ERR_ABORTED, "", 0, 0, "the write callback stopped");
    hjtj__buf_free(&b);
    return st;
}

static hjtj_status save(hjtj_error *err, const char *path, const buf *b)
{
    FILE *f = fopen(path, "wb");
    int bad;
    if (f == NULL)
        return hjtj__err_set(err, HJTJ_ERR_IO, path, 0, 0, "cannot open %s: %s", path, strerror(errno));
    bad = fwrite(b->data, 1, b->len, f) != b->len;
    bad |= fclose(f) != 0;
    if (bad)
        return hjtj__err_set(err, HJTJ_ERR_IO, path, 0, 0, "cannot write %s", path);
    return HJTJ_OK;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* PX: path/tabell_<id>.px for every table (the directory is made). */
static hjtj_status save_px_dir(hjtj_writer *w, const char *dir)
{
    size_t i;
    if (!is_dir(dir) && mkdir(dir, 0777) != 0)
        return hjtj__err_set(&w->err, HJTJ_ERR_IO, dir, 0, 0, "cannot make directory %s: %s", dir,
                       strerror(errno));
    for (i = 0; i < w->nparts; i++) {
        char name[32];
        buf path;
        hjtj_status st;
        hjtj__px_matrix(w->parts[i].id, name, sizeof name);
        hjtj__buf_init(&path);
        hjtj__buf_printf(&path, "%s/%s.px", dir, name);
        if (path.failed)
            return hjtj__err_set(&w->err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
        st = save(&w->err, path.data, &w->parts[i].out);
        hjtj__buf_free(&path);
        if (st != HJTJ_OK)
            return st;
    }
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_writer_finish_path(hjtj_writer *w, const char *path)
{
    buf b;
    hjtj_status st;
    if (w == NULL || path == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if ((st = finish_check(w)) != HJTJ_OK)
        return st;
    if (w->format == HJTJ_FORMAT_PX && (w->nparts > 1 || is_dir(path)))
        return save_px_dir(w, path);
    if ((st = collect(w, &b)) != HJTJ_OK)
        return st;
    st = save(&w->err, path, &b);
    hjtj__buf_free(&b);
    return st;
}

/* ---- one table ---- */

/* Write t through a one-table writer; the error detail goes to the table. */
static hjtj_status one_table(const hjtj_table *t, hjtj_format format, hjtj_lang lang,
                             hjtj_write_fn fn, void *ud, const char *path)
{
    hjtj_writer *w;
    hjtj_status st;
    if (t == NULL)
        return HJTJ_ERR_INVALID_ARG;
    st = hjtj_writer_new(&w, format, lang);
    if (st != HJTJ_OK)
        return st == HJTJ_ERR_INVALID_ARG
                   ? hjtj__err_set((hjtj_error *)&t->err, st, "", 0, 0, "unknown format or language")
                   : st;
    st = hjtj_writer_add(w, t);
    if (st == HJTJ_OK)
        st = path ? hjtj_writer_finish_path(w, path) : hjtj_writer_finish(w, fn, ud);
    if (st != HJTJ_OK)
        hjtj__err_copy((hjtj_error *)&t->err, &w->err);
    hjtj_writer_free(w);
    return st;
}

HJTJ_API hjtj_status hjtj_table_write_lang(const hjtj_table *t, hjtj_format format,
                                           hjtj_lang lang, hjtj_write_fn fn, void *userdata)
{
    if (fn == NULL)
        return HJTJ_ERR_INVALID_ARG;
    return one_table(t, format, lang, fn, userdata, NULL);
}

HJTJ_API hjtj_status hjtj_table_write_path_lang(const hjtj_table *t, hjtj_format format,
                                                hjtj_lang lang, const char *path)
{
    if (path == NULL)
        return HJTJ_ERR_INVALID_ARG;
    return one_table(t, format, lang, NULL, NULL, path);
}

static int to_buf(const char *data, size_t len, void *ud)
{
    return hjtj__buf_put((buf *)ud, data, len);
}

HJTJ_API hjtj_status hjtj_table_to_string_lang(const hjtj_table *t, hjtj_format format,
                                               hjtj_lang lang, char **out, size_t *len)
{
    buf b;
    hjtj_status st;
    if (out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    *out = NULL;
    hjtj__buf_init(&b);
    st = one_table(t, format, lang, to_buf, &b, NULL);
    if (st == HJTJ_OK && b.data == NULL && hjtj__buf_put(&b, "", 0) != 0)
        st = HJTJ_ERR_NOMEM;
    if (st != HJTJ_OK) {
        hjtj__buf_free(&b);
        return st == HJTJ_ERR_ABORTED ? HJTJ_ERR_NOMEM : st;
    }
    *out = b.data;
    if (len)
        *len = b.len;
    return HJTJ_OK;
}
