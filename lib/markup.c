/* markup.c — escaping and printed forms shared by the SVG and HTML writers. */
#include "text.h"
#include "buf.h"
#include "markup.h"

#include <string.h>

void hjtj__put_escaped(buf *b, const char *s)
{
    if (s == NULL)
        return;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&':
            hjtj__buf_puts(b, "&amp;");
            break;
        case '<':
            hjtj__buf_puts(b, "&lt;");
            break;
        case '>':
            hjtj__buf_puts(b, "&gt;");
            break;
        case '"':
            hjtj__buf_puts(b, "&quot;");
            break;
        case '\'':
            hjtj__buf_puts(b, "&#39;");
            break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n')
                break; /* not allowed in XML 1.0 */
            if (c == 0x7f)
                break;
            hjtj__buf_putc(b, (char)c);
        }
    }
}

const char *hjtj__n_shown(const hjtj_table *t, char *out, size_t cap)
{
    int64_t n = hjtj_table_n(t);
    if (n < 0)
        hjtj__str_copy(out, cap, ":");
    else
        snprintf(out, cap, "%lld", (long long)n);
    return out;
}

int hjtj__cell_suppressed(const hjtj_table *t, size_t row, size_t col)
{
    const char *s = hjtj_table_cell_text(t, row, col);
    return s != NULL && strcmp(s, ":") == 0;
}

const char *hjtj__cell_shown(const hjtj_table *t, size_t row, size_t col, hjtj_lang lang,
                             char *out, size_t cap)
{
    const char *s = hjtj_table_cell_text(t, row, col);
    hjtj_cell_kind k = hjtj_table_cell_kind(t, row, col);
    if (s == NULL)
        s = "";
    if (k == HJTJ_CELL_SHARE && hjtj_table_cell_den(t, row, col) <= 0 && s[0] == '\0')
        s = ".";
    hjtj__str_copy(out, cap, s);
    if (lang == HJTJ_LANG_NB && k >= HJTJ_CELL_COUNT && k <= HJTJ_CELL_MEDIAN) {
        char *p = strchr(out, '.');
        if (p != NULL && p != out && p[1] != '\0')
            *p = ',';
    }
    return out;
}

const char *hjtj__col_heading(const hjtj_table *t, size_t col, hjtj_lang lang, char *out,
                              size_t cap)
{
    const char *code = hjtj_table_col_code(t, col), *label = hjtj_table_col_label(t, col, lang);
    size_t k = 0;
    if (label == NULL)
        label = "";
    if (code == NULL || strcmp(label, code) != 0 || cap < 8) {
        hjtj__str_copy(out, cap, label);
        return out;
    }
    for (; *code && k + 8 < cap; code++) {
        if (strncmp(code, "pluss", 5) == 0) {
            out[k++] = '+';
            code += 4;
        } else {
            out[k++] = *code == '_' ? ' ' : *code;
        }
    }
    out[k] = '\0';
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 'a' + 'A');
    return out;
}

const char *hjtj__row_heading(const hjtj_table *t, size_t row, hjtj_lang lang, char *out,
                              size_t cap)
{
    size_t j, nstub = hjtj_table_stub_count(t);
    const char *label = hjtj_table_row_label(t, row, lang);
    buf b;
    hjtj__str_copy(out, cap, label ? label : "");
    if (nstub < 2)
        return out;
    hjtj__buf_init(&b);
    hjtj__buf_puts(&b, out);
    for (j = 1; j < nstub; j++) {
        const char *s = hjtj_table_cell_text(t, row, j);
        if (s == NULL || s[0] == '\0')
            continue;
        hjtj__buf_puts(&b, " \xE2\x80\x93 "); /* – */
        hjtj__buf_puts(&b, s);
    }
    if (!b.failed && b.data)
        hjtj__str_copy(out, cap, b.data);
    hjtj__buf_free(&b);
    return out;
}

const char *hjtj__source_line(hjtj_lang lang)
{
    return lang == HJTJ_LANG_EN
               ? "Source: Statistics Norway, survey of home-care enterprises "
                 "(hjemmetjenestekartlegging); computed with libhjtj"
               : "Kilde: Statistisk sentralbyr\xC3\xA5, hjemmetjenestekartlegging; "
                 "beregnet med libhjtj";
}

hjtj_status hjtj__write_file(const char *path, const char *data, size_t len, hjtj_error *err)
{
    hjtj_status st = HJTJ_OK;
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return hjtj__err_set(err, HJTJ_ERR_IO, path, 0, 0, "cannot open %s", path);
    if (len > 0 && fwrite(data, 1, len, f) != len)
        st = HJTJ_ERR_IO;
    if (fclose(f) != 0)
        st = HJTJ_ERR_IO;
    if (st != HJTJ_OK)
        hjtj__err_set(err, st, path, 0, 0, "cannot write %s", path);
    return st;
}

hjtj_status hjtj__sink_open(const hjtj__sink *sink)
{
    if (sink->fn == NULL && sink->path == NULL && sink->out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (sink->fn == NULL && sink->path == NULL)
        *sink->out = NULL;
    return HJTJ_OK;
}

hjtj_status hjtj__sink_put(const hjtj__sink *sink, buf *b)
{
    hjtj_status st = HJTJ_OK;
    if (sink->fn != NULL) {
        if (sink->fn(b->data, b->len, sink->userdata) != 0)
            st = HJTJ_ERR_ABORTED;
    } else if (sink->path != NULL) {
        st = hjtj__write_file(sink->path, b->data, b->len, sink->err);
    } else {
        *sink->out = b->data;
        if (sink->len)
            *sink->len = b->len;
        return HJTJ_OK;
    }
    hjtj__buf_free(b);
    return st;
}
