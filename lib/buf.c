/* buf.c — a growing byte buffer, and whole files and callbacks read into
 * one; the bundled data files found; bulk memory (buf.h, input.h). */
#define _DEFAULT_SOURCE 1 /* madvise, posix_memalign */
#include "buf.h"
#include "error.h"
#include "input.h"
#include "text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#ifndef HJTJ_PKGDATADIR
#define HJTJ_PKGDATADIR "/usr/local/share/hjemmetjeneste"
#endif

void *hjtj__bulk_alloc(size_t n)
{
#ifdef MADV_HUGEPAGE
    const size_t unit = (size_t)2 << 20;
    if (n >= unit / 2 && n <= SIZE_MAX - unit) {
        void *p = NULL;
        size_t size = (n + unit - 1) / unit * unit;
        if (posix_memalign(&p, unit, size) != 0)
            return NULL;
        (void)madvise(p, size, MADV_HUGEPAGE);
        return p;
    }
#endif
    return malloc(n);
}

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

hjtj_status hjtj__grow(void *arrayp, size_t *cap, size_t need, size_t elem, size_t first)
{
    size_t n = *cap ? *cap : first;
    void *old, *nw;
    if (need <= *cap)
        return HJTJ_OK;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return HJTJ_ERR_NOMEM;
        n *= 2;
    }
    if (elem == 0)
        elem = 1; /* realloc(p, 0) may free p */
    if (n > SIZE_MAX / elem)
        return HJTJ_ERR_NOMEM;
    memcpy(&old, arrayp, sizeof old); /* the caller's T *, as a void * */
    nw = realloc(old, n * elem);
    if (nw == NULL)
        return HJTJ_ERR_NOMEM;
    memcpy(arrayp, &nw, sizeof nw);
    *cap = n;
    return HJTJ_OK;
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

hjtj_status hjtj__datadir_path(char *out, size_t cap, const char *name)
{
    const char *dir = getenv("HJTJ_DATADIR");
    struct stat st;
    if (dir != NULL && dir[0] != '\0') {
        snprintf(out, cap, "%s/%s", dir, name);
        if (stat(out, &st) == 0)
            return HJTJ_OK;
    }
    snprintf(out, cap, "%s/%s", HJTJ_PKGDATADIR, name);
    return stat(out, &st) == 0 ? HJTJ_OK : HJTJ_ERR_NOT_FOUND;
}
