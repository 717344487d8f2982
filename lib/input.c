/* input.c — a register file's bytes for the loaders, in bounded memory.
 *
 * A regular file is mapped read-only rather than read into a buffer, and the
 * loaders tell input_release() how far they have got: the pages behind are
 * handed back to the kernel (madvise MADV_DONTNEED), so the process holds a
 * window of the file instead of all of it, however large the file.  For a
 * private read-only mapping that is only a residency hint: a page touched
 * again (the second XML pass, an error message's context) is read back from
 * the file, so the parsers see the same bytes either way.  Anything that
 * cannot be mapped (a pipe, an empty file, a system without mmap) is read
 * into memory as before.
 *
 * The one new failure: a file truncated by another process while it is
 * being loaded ends the process with SIGBUS, as with every program that maps
 * its input (README, "Large inputs"). */
#define _DEFAULT_SOURCE 1 /* madvise */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Release behind the reader in steps of this many bytes. */
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
        (uint64_t)st.st_size <= (uint64_t)SIZE_MAX) {
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            close(fd);
#ifdef MADV_SEQUENTIAL
            (void)madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
#endif
            in->data = p;
            in->len = (size_t)st.st_size;
            in->mapped = 1;
            return HJTJ_OK;
        }
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
    if (in->mapped)
        (void)munmap((void *)in->data, in->len);
    else
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
#ifdef MADV_DONTNEED
    size_t page = (size_t)sysconf(_SC_PAGESIZE), upto;
    if (pos < in->data || pos > in->data + in->len || page == 0)
        return;
    upto = (size_t)(pos - in->data) / page * page;
    if (upto > in->done)
        (void)madvise((char *)in->data + in->done, upto - in->done, MADV_DONTNEED);
    in->done = upto;
#else
    (void)pos;
    in->done = in->len;
#endif
}

void input_release(input *in, const char *pos)
{
    if (in != NULL && in->mapped && pos >= in->data &&
        (size_t)(pos - in->data) >= in->done + RELEASE_STEP)
        input_release_slow(in, pos);
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
