/* input.c — a register file's bytes for the loaders.
 *
 * A file is read with read(2) into memory of our own before the load (one
 * allocation of the file's size for a regular file).  It is not mapped: a
 * mapped file that another process truncates while the load reads it kills
 * the process with SIGBUS, and a library must not take its host down
 * because someone rewrote a file.  A file that changes while it is read is
 * read as it was when read() returned its bytes; a read error fails the
 * load with HJTJ_ERR_IO.  The cost: the load holds the file's bytes (the
 * records themselves are not kept by a streaming register).
 * input_release() is a no-op kept for the loaders' structure. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Scan in steps of this many bytes (input_check_utf8, input_memchr_nul). */
#define RELEASE_STEP ((size_t)8 << 20)

hjtj_status input_open(input *in, const char *path, hjtj_error *err)
{
    struct stat st;
    int fd;
    memset(in, 0, sizeof *in);
    if (path == NULL)
        return err_set(err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no path given");
    fd = open(path, O_RDONLY);
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size < (uint64_t)SIZE_MAX) {
        /* the size known: one allocation, then read(2) until the end (a
         * file that grew meanwhile is read to its end all the same) */
        size_t want = (size_t)st.st_size;
        buf_init(&in->b);
        if (want + 1 > in->b.cap) {
            in->b.data = malloc(want + 1);
            if (in->b.data == NULL) {
                close(fd);
                return err_set(err, HJTJ_ERR_NOMEM, path, 0, 0, "out of memory reading %s",
                               path);
            }
            in->b.cap = want + 1;
        }
        for (;;) {
            ssize_t got;
            if (in->b.len + 1 >= in->b.cap) {
                size_t cap = in->b.cap * 2;
                char *d = cap > in->b.cap ? realloc(in->b.data, cap) : NULL;
                if (d == NULL) {
                    close(fd);
                    buf_free(&in->b);
                    return err_set(err, HJTJ_ERR_NOMEM, path, 0, 0,
                                   "out of memory reading %s", path);
                }
                in->b.data = d;
                in->b.cap = cap;
            }
            got = read(fd, in->b.data + in->b.len, in->b.cap - 1 - in->b.len);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0) {
                int e = errno;
                close(fd);
                buf_free(&in->b);
                return err_set(err, HJTJ_ERR_IO, path, 0, 0, "error reading %s: %s", path,
                               strerror(e));
            }
            if (got == 0)
                break;
            in->b.len += (size_t)got;
        }
        close(fd);
        in->b.data[in->b.len] = '\0';
        in->data = in->b.data;
        in->len = in->b.len;
        return HJTJ_OK;
    }
    if (fd >= 0)
        close(fd);
    {
        hjtj_status s = read_all_file(&in->b, path, err);
        if (s != HJTJ_OK)
            return s;
    }
    in->data = in->b.data;
    in->len = in->b.len;
    return HJTJ_OK;
}

void input_close(input *in)
{
    buf_free(&in->b);
    memset(in, 0, sizeof *in);
}

void input_restart(input *in)
{
    if (in != NULL)
        in->done = 0;
}

void input_release_slow(input *in, const char *pos)
{
    (void)pos;
    if (in != NULL)
        in->done = in->len;
}

void input_release(input *in, const char *pos)
{
    (void)in;
    (void)pos;
}

hjtj_status input_check_utf8(input *in, const char *s, size_t n, size_t from,
                             const char *file, hjtj_error *err)
{
    const char *end = s + n, *p = s + (from < n ? from : n);
    uint64_t line = 0, col = 0;
    /* in steps, releasing behind; a step ends before a continuation byte's
     * sequence is cut (the error, if any, is located over the whole text) */
    while (p < end) {
        const char *q = (size_t)(end - p) > RELEASE_STEP ? p + RELEASE_STEP : end;
        int back = 0;
        while (q < end && back < 3 && ((unsigned char)*q & 0xC0) == 0x80) {
            q--;
            back++;
        }
        if (utf8_check(p, (size_t)(q - p), NULL, NULL) != 0) {
            input_restart(in);
            (void)utf8_check(s, n, &line, &col);
            return err_set(err, HJTJ_ERR_ENCODING, file, line, col,
                           "invalid UTF-8 (a byte that is not part of a UTF-8 character)");
        }
        p = q;
        input_release(in, p);
    }
    input_restart(in); /* the next pass reads from the start */
    return HJTJ_OK;
}

int input_check_upto(const char *data, size_t len, size_t *checked, size_t upto,
                     size_t ahead, int nul)
{
    size_t e = upto, cut;
    if (upto <= *checked)
        return 0;
    if (e - *checked < ahead)
        e = len - *checked < ahead ? len : *checked + ahead;
    for (cut = e; e < len && ((unsigned char)data[e] & 0xC0) == 0x80 && e - cut < 3;)
        e++;
    if (utf8_check(data + *checked, e - *checked, NULL, NULL) != 0 ||
        (nul && memchr(data + *checked, '\0', e - *checked) != NULL))
        return -1;
    *checked = e;
    return 0;
}

const char *input_memchr_nul(input *in, const char *s, size_t n)
{
    const char *end = s + n, *p = s;
    while (p < end) {
        size_t k = (size_t)(end - p) > RELEASE_STEP ? RELEASE_STEP : (size_t)(end - p);
        const char *z = memchr(p, '\0', k);
        if (z != NULL) {
            input_restart(in);
            return z;
        }
        p += k;
        input_release(in, p);
    }
    input_restart(in); /* the next pass reads from the start */
    return NULL;
}
