/* encoding.c — CSV input in the single-byte encodings Norwegian spreadsheets
 * save (Windows-1252, ISO-8859-1), converted to UTF-8 before the CSV reader.
 *
 * Every byte of the input becomes one character, and line ends are kept as
 * they are, so the converted text has the lines of the original and each
 * character the column of its byte: the CSV reader counts columns in
 * characters, so every line and column it reports is the original file's.
 * The conversion is a table (no iconv, no locale): 0x00-0x7F and 0xA0-0xFF
 * are the code points of the same value in both encodings; 0x80-0x9F are
 * the C1 controls in ISO-8859-1 and the Windows-1252 characters below, where
 * 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined and fail the load with
 * HJTJ_ERR_ENCODING at their line and column.  The input is read as the
 * conversion goes (and given back behind it), but the converted text is
 * held whole for the load: see hjtj__to_utf8. */
#define _DEFAULT_SOURCE 1 /* madvise */
#include "buf.h"
#include "error.h"
#include "input.h"

#include <stdio.h>
#include <string.h>

/* Windows-1252 0x80-0x9F as code points; 0 = undefined. */
static const uint16_t cp1252_80[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

HJTJ_API int32_t hjtj_encoding_parse(const char *name)
{
    static const struct {
        const char *name;
        hjtj_encoding enc;
    } names[] = {
        {"utf-8", HJTJ_ENCODING_UTF8},          {"utf8", HJTJ_ENCODING_UTF8},
        {"windows-1252", HJTJ_ENCODING_WINDOWS_1252}, {"cp1252", HJTJ_ENCODING_WINDOWS_1252},
        {"iso-8859-1", HJTJ_ENCODING_ISO_8859_1}, {"latin1", HJTJ_ENCODING_ISO_8859_1},
        {"latin-1", HJTJ_ENCODING_ISO_8859_1},  {"iso8859-1", HJTJ_ENCODING_ISO_8859_1},
    };
    size_t i, j;
    if (name == NULL)
        return -1;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *a = names[i].name;
        for (j = 0; a[j] && name[j]; j++)
            if (a[j] != (name[j] >= 'A' && name[j] <= 'Z' ? name[j] - 'A' + 'a' : name[j]))
                break;
        if (a[j] == '\0' && name[j] == '\0')
            return (int32_t)names[i].enc;
    }
    return -1;
}

HJTJ_API const char *hjtj_encoding_name(hjtj_encoding enc)
{
    switch (enc) {
    case HJTJ_ENCODING_UTF8: return "utf-8";
    case HJTJ_ENCODING_WINDOWS_1252: return "windows-1252";
    case HJTJ_ENCODING_ISO_8859_1: return "iso-8859-1";
    }
    return NULL;
}

/* Line and column (bytes = characters here) of data + off, counting line
 * ends as the CSV reader does (LF, CR LF, or a lone CR). */
static void locate(const char *data, size_t off, uint64_t *line, uint64_t *col)
{
    size_t i, start = 0;
    *line = 1;
    for (i = 0; i < off; i++)
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= off || data[i + 1] != '\n'))) {
            (*line)++;
            start = i + 1;
        }
    *col = (uint64_t)(off - start) + 1;
}

/* Where converted pieces go. */
typedef struct sink {
    buf *b;
} sink;

static hjtj_status sink_put(sink *k, const char *s, size_t n)
{
    return hjtj__buf_put(k->b, s, n) == 0 ? HJTJ_OK : HJTJ_ERR_NOMEM;
}

/* Convert data into k; HJTJ_OK, HJTJ_ERR_ENCODING (err set), or
 * HJTJ_ERR_NOMEM when the sink failed (err not set). */
static hjtj_status convert(sink *k, hjtj_encoding enc, input *in, const char *data, size_t len,
                           const char *file, hjtj_error *err)
{
    size_t i = 0;
    while (i < len) {
        char tmp[4096];
        size_t o = 0;
        hjtj__input_fill(in, data + i, data + i + sizeof tmp);
        for (; i < len && o + 3 <= sizeof tmp; i++) {
            unsigned char c = (unsigned char)data[i];
            uint32_t cp = c;
            if (c < 0x80) {
                tmp[o++] = (char)c;
                continue;
            }
            if (c < 0xA0 && enc == HJTJ_ENCODING_WINDOWS_1252) {
                cp = cp1252_80[c - 0x80];
                if (cp == 0) {
                    uint64_t line, col;
                    hjtj__input_restart(in);
                    hjtj__input_fill(in, data, data + i + 1); /* read again */
                    locate(data, i, &line, &col);
                    return hjtj__err_set(err, HJTJ_ERR_ENCODING, file, line, col,
                                   "byte 0x%02X is not a character in Windows-1252 (is the "
                                   "file in another encoding?)",
                                   c);
                }
            }
            if (cp < 0x800) {
                tmp[o++] = (char)(0xC0 | (cp >> 6));
                tmp[o++] = (char)(0x80 | (cp & 0x3F));
            } else {
                tmp[o++] = (char)(0xE0 | (cp >> 12));
                tmp[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                tmp[o++] = (char)(0x80 | (cp & 0x3F));
            }
        }
        if (sink_put(k, tmp, o) != HJTJ_OK) {
            hjtj__input_restart(in);
            return HJTJ_ERR_NOMEM;
        }
        hjtj__input_release(in, data + i);
    }
    hjtj__input_restart(in);
    return HJTJ_OK;
}

/* The input is converted into memory of our own (as files are read, see
 * input.c: never mapped). */
hjtj_status hjtj__to_utf8(input *out, hjtj_encoding enc, input *in, const char *data, size_t len,
                          const char *file, hjtj_error *err)
{
    sink k;
    hjtj_status st;
    memset(out, 0, sizeof *out);
    out->fd = -1; /* held whole */
    memset(&k, 0, sizeof k);
    hjtj__buf_init(&out->b);
    k.b = &out->b;
    st = convert(&k, enc, in, data, len, file, err);
    if (st == HJTJ_OK && out->b.data == NULL && hjtj__buf_put(&out->b, "", 0) != 0)
        st = HJTJ_ERR_NOMEM;
    if (st != HJTJ_OK) {
        hjtj__buf_free(&out->b);
        return st == HJTJ_ERR_ENCODING ? st
                                       : hjtj__err_set(err, HJTJ_ERR_NOMEM, file, 0, 0, "out of memory");
    }
    out->data = out->b.data;
    out->len = out->b.len;
    out->filled = out->len;
    return HJTJ_OK;
}
