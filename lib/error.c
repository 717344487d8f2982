/* error.c — the error object (error.h): setting, copying and the public
 * accessors of hjtj_error, and the status names. */
#include "error.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
