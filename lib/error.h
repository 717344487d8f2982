/*
 * error.h — The error object behind hjtj_error (error.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_ERROR_H
#define HJTJ_ERROR_H

#include "hjtj.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct hjtj_error {
    hjtj_status status;
    uint64_t line, column;
    char file[512];
    char message[512];
};

void hjtj__err_clear(hjtj_error *e);
/* Set e and return status.  fmt is printf-style. */
hjtj_status hjtj__err_set(hjtj_error *e, hjtj_status status, const char *file, uint64_t line,
                    uint64_t column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void hjtj__err_copy(hjtj_error *dst, const hjtj_error *src);

#endif
