/* write_xlsx.c — tables as an Excel workbook through libxlsxwriter (SPEC
 * §10): one worksheet per table with its title and N, the header in the
 * chosen language, the cells (numbers stored as numbers with the format
 * `0` or `0.0`, symbols as text), and the notes under the table.
 *
 * libxlsxwriter writes a workbook to a file when it is closed, so the
 * workbook lives in a temporary file until the writer finishes; the bytes
 * are then read back (and written to the caller's path or callback).
 * Without libxlsxwriter (configure --without-xlsxwriter, or the library not
 * found) hjtj__xlsx_open fails with HJTJ_ERR_UNSUPPORTED. */
#include "error.h"
#include "text.h"
#include "buf.h"
#include "table.h"
#include "cube.h"
#include "writers.h"

#include <stdlib.h>
#include <string.h>

#ifdef HAVE_XLSXWRITER

#include <unistd.h>
#include <xlsxwriter.h>

struct hjtj__xlsx {
    lxw_workbook *wb;
    lxw_format *bold, *fmt0, *fmt1, *wrap;
    char path[512];
    size_t nsheets;
};

hjtj_status hjtj__xlsx_open(hjtj__xlsx **out, hjtj_error *err)
{
    hjtj__xlsx *x = calloc(1, sizeof *x);
    const char *dir = getenv("TMPDIR");
    int fd;
    *out = NULL;
    if (x == NULL)
        return hjtj__err_set(err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    snprintf(x->path, sizeof x->path, "%s/hjtj-xlsx-XXXXXX", dir && dir[0] ? dir : "/tmp");
    fd = mkstemp(x->path);
    if (fd < 0) {
        free(x);
        return hjtj__err_set(err, HJTJ_ERR_IO, "", 0, 0, "cannot make a temporary file for XLSX");
    }
    close(fd);
    x->wb = workbook_new(x->path);
    if (x->wb == NULL) {
        unlink(x->path);
        free(x);
        return hjtj__err_set(err, HJTJ_ERR_IO, "", 0, 0, "cannot start an XLSX workbook");
    }
    x->bold = workbook_add_format(x->wb);
    x->fmt0 = workbook_add_format(x->wb);
    x->fmt1 = workbook_add_format(x->wb);
    x->wrap = workbook_add_format(x->wb);
    if (x->bold == NULL || x->fmt0 == NULL || x->fmt1 == NULL || x->wrap == NULL) {
        hjtj__xlsx_discard(x);
        return hjtj__err_set(err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    }
    format_set_bold(x->bold);
    format_set_text_wrap(x->bold);
    format_set_num_format(x->fmt0, "0");
    format_set_num_format(x->fmt1, "0.0");
    format_set_text_wrap(x->wrap);
    *out = x;
    return HJTJ_OK;
}

/* Excel refuses control characters other than tab and newline: spaces. */
static char *clean(const char *s)
{
    char *d = hjtj__str_dup(s ? s : "");
    char *p;
    if (d == NULL)
        return NULL;
    for (p = d; *p; p++)
        if (((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
            *p = ' ';
    return d;
}

/* Write text s (cleaned) into cell (r, c): HJTJ_OK, HJTJ_ERR_NOMEM, or
 * HJTJ_ERR_IO when libxlsxwriter refuses it. */
static hjtj_status put_text(lxw_worksheet *ws, uint32_t r, uint16_t c, const char *s,
                            lxw_format *f)
{
    char *d = clean(s);
    lxw_error e;
    if (d == NULL)
        return HJTJ_ERR_NOMEM;
    e = worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, d, f);
    free(d);
    return e == LXW_NO_ERROR ? HJTJ_OK : HJTJ_ERR_IO;
}

/* "Tabell 3.5" made a valid, unique sheet name (31 characters, no []:*?/\). */
static void sheet_name(hjtj__xlsx *x, const hjtj_table *t, hjtj_lang lang, char *out,
                       size_t cap)
{
    size_t i;
    snprintf(out, cap, "%s %s", hjtj__word("table", lang), hjtj_table_id(t));
    out[31 < cap ? 31 : cap - 1] = '\0';
    for (i = 0; out[i]; i++)
        if (strchr("[]:*?/\\'", out[i]) != NULL)
            out[i] = '_';
    if (workbook_get_worksheet_by_name(x->wb, out) != NULL)
        snprintf(out, cap, "%.20s (%zu)", hjtj_table_id(t), x->nsheets + 1);
}

/* The table's cells from row r0: HJTJ_OK, or the first failure. */
static hjtj_status write_cells(hjtj__xlsx *x, lxw_worksheet *ws, const hjtj_table *t,
                               hjtj_lang lang, uint32_t r0)
{
    size_t i, j, nstub = hjtj_table_stub_count(t);
    for (i = 0; i < hjtj_table_rows(t); i++)
        for (j = 0; j < hjtj_table_cols(t); j++) {
            uint32_t r = r0 + (uint32_t)i;
            char sym;
            hjtj_status rc = HJTJ_OK;
            if (j < nstub || hjtj__col_is_text(t, j)) {
                const char *s = j < nstub ? hjtj__stub_text(t, i, j, lang)
                                          : hjtj_table_cell_text(t, i, j);
                if (s && s[0])
                    rc = put_text(ws, r, (uint16_t)j, s, NULL);
            } else if ((sym = hjtj__cell_symbol(t, i, j)) == 0) {
                const char *s = hjtj_table_cell_text(t, i, j);
                lxw_format *f = hjtj_table_col_decimals(t, j) > 0 ? x->fmt1 : x->fmt0;
                rc = worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)j, strtod(s, NULL),
                                            f) == LXW_NO_ERROR
                         ? HJTJ_OK
                         : HJTJ_ERR_IO;
            } else if (sym != '-') { /* a zero printed empty stays empty */
                char s[2] = {sym, '\0'};
                rc = put_text(ws, r, (uint16_t)j, s, NULL);
            }
            if (rc != HJTJ_OK)
                return rc;
        }
    return HJTJ_OK;
}

hjtj_status hjtj__xlsx_add(hjtj__xlsx *x, const hjtj_table *t, hjtj_lang lang,
                           const char *updated, hjtj_error *err)
{
    char name[64];
    lxw_worksheet *ws;
    buf s;
    size_t j, rows = hjtj_table_rows(t);
    uint32_t r;
    const char *pop = hjtj_table_population_label(t, lang), *note = hjtj_table_note(t, lang);
    int rc = 0;
    unsigned syms = 0;
    (void)updated;
    sheet_name(x, t, lang, name, sizeof name);
    ws = workbook_add_worksheet(x->wb, name);
    if (ws == NULL)
        return hjtj__err_set(err, HJTJ_ERR_NOMEM, "", 0, 0, "cannot add worksheet %s", name);
    x->nsheets++;
    hjtj__buf_init(&s);
    hjtj__full_title(&s, t, lang);
    rc |= s.failed || put_text(ws, 0, 0, s.data, x->bold) != HJTJ_OK;
    hjtj__buf_free(&s);
    if (hjtj_table_n(t) > 0)
        rc |= worksheet_write_string(ws, 1, 0, "N", NULL) != LXW_NO_ERROR ||
              worksheet_write_number(ws, 1, 1, (double)hjtj_table_n(t), x->fmt0) !=
                  LXW_NO_ERROR;
    for (j = 0; j < hjtj_table_cols(t); j++) {
        rc |= put_text(ws, 3, (uint16_t)j, hjtj_table_col_label(t, j, lang), x->bold) != HJTJ_OK;
        worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j, j == 0 ? 40 : 16, NULL);
    }
    rc |= write_cells(x, ws, t, lang, 4) != HJTJ_OK;
    {
        size_t i;
        for (i = 0; i < rows; i++)
            for (j = hjtj_table_stub_count(t); j < hjtj_table_cols(t); j++)
                if (!hjtj__col_is_text(t, j)) {
                    char c = hjtj__cell_symbol(t, i, j);
                    syms |= c == '.' ? 1u : c == ':' ? 2u : 0u;
                }
    }
    r = 4 + (uint32_t)rows + 1;
    if (pop && pop[0]) {
        hjtj__buf_init(&s);
        hjtj__buf_printf(&s, "%s: %s", hjtj__word("population", lang), pop);
        rc |= s.failed || put_text(ws, r++, 0, s.data, NULL) != HJTJ_OK;
        hjtj__buf_free(&s);
    }
    if (note && note[0]) {
        hjtj__buf_init(&s);
        hjtj__buf_printf(&s, "%s: %s", hjtj__word("note", lang), note);
        rc |= s.failed || put_text(ws, r++, 0, s.data, NULL) != HJTJ_OK;
        hjtj__buf_free(&s);
    }
    if (syms) {
        hjtj__buf_init(&s);
        hjtj__buf_printf(&s, "%s:", hjtj__word("symbols", lang));
        if (syms & 1u)
            hjtj__buf_printf(&s, " . %s.", hjtj__word("sym.", lang));
        if (syms & 2u)
            hjtj__buf_printf(&s, " : %s.", hjtj__word("sym:", lang));
        rc |= s.failed || put_text(ws, r++, 0, s.data, NULL) != HJTJ_OK;
        hjtj__buf_free(&s);
    }
    hjtj__buf_init(&s);
    hjtj__buf_printf(&s, "%s: ", hjtj__word("sourcelabel", lang));
    hjtj__source(&s, lang);
    rc |= s.failed || put_text(ws, r, 0, s.data, NULL) != HJTJ_OK;
    hjtj__buf_free(&s);
    if (rc)
        return hjtj__err_set(err, HJTJ_ERR_NOMEM, "", 0, 0, "cannot fill worksheet %s", name);
    return HJTJ_OK;
}

hjtj_status hjtj__xlsx_finish(hjtj__xlsx *x, buf *b, hjtj_error *err)
{
    lxw_error e;
    hjtj_status st;
    hjtj__buf_init(b);
    e = workbook_close(x->wb);
    x->wb = NULL;
    if (e != LXW_NO_ERROR)
        return hjtj__err_set(err, HJTJ_ERR_IO, "", 0, 0, "cannot write the XLSX workbook: %s",
                       lxw_strerror(e));
    st = hjtj__read_all_file(b, x->path, err);
    unlink(x->path);
    x->path[0] = '\0';
    return st;
}

void hjtj__xlsx_discard(hjtj__xlsx *x)
{
    if (x == NULL)
        return;
    if (x->wb != NULL) {
        workbook_close(x->wb); /* writes the file, which is removed next */
        x->wb = NULL;
    }
    if (x->path[0])
        unlink(x->path);
    free(x);
}

#else /* !HAVE_XLSXWRITER */

hjtj_status hjtj__xlsx_open(hjtj__xlsx **out, hjtj_error *err)
{
    *out = NULL;
    return hjtj__err_set(err, HJTJ_ERR_UNSUPPORTED, "", 0, 0,
                   "XLSX support not built: install libxlsxwriter-dev (Debian/Ubuntu) or "
                   "libxlsxwriter and re-run configure");
}

hjtj_status hjtj__xlsx_add(hjtj__xlsx *x, const hjtj_table *t, hjtj_lang lang,
                           const char *updated, hjtj_error *err)
{
    (void)x, (void)t, (void)lang, (void)updated;
    return hjtj__xlsx_open(&x, err);
}

hjtj_status hjtj__xlsx_finish(hjtj__xlsx *x, buf *b, hjtj_error *err)
{
    (void)x;
    hjtj__buf_init(b);
    return hjtj__xlsx_open(&x, err);
}

void hjtj__xlsx_discard(hjtj__xlsx *x)
{
    (void)x;
}

#endif
