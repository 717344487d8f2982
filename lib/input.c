/* input.c — a register file's bytes for the loaders, in bounded memory.
 *
 * A regular file is never mapped (a mapped file that another process
 * truncates while the load reads it kills the process with SIGBUS, and a
 * library must not take its host down because someone rewrote a file).
 * Instead an anonymous reservation of the file's size stands for it
 * (anonymous memory never raises SIGBUS; MAP_NORESERVE: nothing is
 * committed until written), filled with read(2) only just ahead of where
 * the loader looks (hjtj__input_fill), while hjtj__input_release() hands the pages
 * behind the parser back to the kernel (madvise MADV_DONTNEED): the load
 * holds a window of the file, not the file.  A pass that goes back (an
 * error's position, the validator's pass over the whole document) fills the
 * range again from the file.
 *
 * A file that grows while it is read is read up to its size at open.  A
 * file that shrinks: the bytes that cannot be read stay 0 and the load
 * fails with HJTJ_ERR_IO ("changed while it was read", load_buffer in
 * register.c), as does a read error.  Anything that cannot be reserved (a
 * pipe, an empty file) is read into memory whole. */
#define _GNU_SOURCE 1 /* MAP_ANONYMOUS, MAP_NORESERVE, madvise, mremap */
#include "buf.h"
#include "error.h"
#include "input.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Scan in steps of this many bytes (hjtj__input_check_utf8, hjtj__input_memchr_nul),
 * and release behind the reader in steps of this many. */
#define RELEASE_STEP ((size_t)8 << 20)
/* Read at least this many bytes at a time. */
#define FILL_STEP ((size_t)1 << 20)

#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif

/* The reservation starts on a boundary of this many bytes and is given
 * back in whole units of it: the size of a transparent huge page on x86-64
 * and arm64 (with 4 KiB pages), so that where the kernel allows it the
 * file's bytes land in huge pages, a fault per 2 MiB instead of per 4 KiB
 * (filling fresh memory was two thirds of the time of reading a file). */
#define HUGE_UNIT ((size_t)2 << 20)

static size_t page_size(void)
{
    long p = sysconf(_SC_PAGESIZE);
    return p > 0 ? (size_t)p : 4096;
}

hjtj_status hjtj__input_open(input *in, const char *path, hjtj_error *err)
{
    struct stat st;
    int fd;
    memset(in, 0, sizeof *in);
    in->fd = -1;
    if (path == NULL)
        return hjtj__err_set(err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no path given");
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size < (uint64_t)SIZE_MAX / 2) {
        /* one byte more: the text is NUL-terminated like a buffer's */
        size_t size = (size_t)st.st_size + 1;
        void *p = mmap(NULL, size + HUGE_UNIT, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p != MAP_FAILED) {
            in->map = p;
            in->map_size = size + HUGE_UNIT;
            in->data = (char *)p + (HUGE_UNIT - (uintptr_t)p % HUGE_UNIT) % HUGE_UNIT;
            in->len = size - 1;
            in->size = size;
            in->fd = fd;
#ifdef MADV_HUGEPAGE
            (void)madvise((char *)in->data, size, MADV_HUGEPAGE);
#endif
            return HJTJ_OK;
        }
    }
    if (fd >= 0)
        close(fd);
    {
        hjtj_status s = hjtj__read_all_file(&in->b, path, err);
        if (s != HJTJ_OK)
            return s;
    }
    in->data = in->b.data;
    in->len = in->b.len;
    in->filled = in->len;
    return HJTJ_OK;
}

void hjtj__input_close(input *in)
{
    if (in->fd >= 0) {
        (void)munmap(in->map, in->map_size);
        close(in->fd);
    } else {
        hjtj__buf_free(&in->b);
    }
    memset(in, 0, sizeof *in);
    in->fd = -1;
}

/* Give back the whole pages of [from, to) (to is page-aligned unless
 * nothing past it is held: madvise takes the whole last page). */
static void drop(input *in, size_t from, size_t to)
{
    size_t page = page_size();
    if (from < in->lo) /* another reader's */
        from = in->lo;
    from = (from + page - 1) / page * page; /* a part's window starts anywhere */
    if (to > from)
        (void)madvise((char *)in->data + from, to - from, MADV_DONTNEED);
}

#if defined(__linux__) && defined(MREMAP_FIXED) && defined(MREMAP_DONTUNMAP)
#define RECYCLE 1
#else
#define RECYCLE 0
#endif

/* Give back [from, to), behind the reader.  Where Linux allows it (5.7
 * on), the pages are moved ahead instead, to where the next bytes of the
 * file will be read, and [from, to) is left mapped and empty, as if given
 * back (mremap with MREMAP_DONTUNMAP): a big file then goes through the
 * same few megabytes of memory, and the kernel need not find and clear
 * fresh pages for each step (on a virtual machine that costs more than
 * reading the file).  Moved pages never land on the page that holds the
 * end (its NUL), nor past the input's end (another reader's bytes: set_end),
 * and only where nothing was read yet. */
static void release_range(input *in, size_t from, size_t to)
{
#if RECYCLE
    size_t page = page_size(), limit = in->len / page * page,
           at = (in->filled + HUGE_UNIT - 1) / HUGE_UNIT * HUGE_UNIT;
    if (from >= in->lo && from % HUGE_UNIT == 0 && to % HUGE_UNIT == 0 && to > from &&
        at <= limit && to - from <= limit - at &&
        mremap((char *)in->data + from, to - from, to - from,
               MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP,
               (char *)in->data + at) != MAP_FAILED)
        return;
#endif
    drop(in, from, to);
}

/* Read [in->filled, to) from the file. */
static void read_upto(input *in, size_t to)
{
    while (in->filled < to) {
        ssize_t got = pread(in->fd, (char *)in->data + in->filled, to - in->filled,
                            (off_t)in->filled);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            /* shrunk (or unreadable): the rest reads as 0 (moved pages
             * held older bytes), and the load fails (load_buffer) */
            size_t page = page_size(), whole = (in->filled + page - 1) / page * page;
            in->changed = got < 0 ? errno : -1;
            memset((char *)in->data + in->filled, 0,
                   (whole < in->len ? whole : in->len) - in->filled);
            if (whole < in->len)
                drop(in, whole, in->len);
            in->filled = in->len;
            return;
        }
        in->filled += (size_t)got;
    }
}

void hjtj__input_fill(input *in, const char *from, const char *to)
{
    size_t f, t, page;
    if (in == NULL || in->fd < 0 || from < in->data || from > in->data + in->len)
        return;
    f = (size_t)(from - in->data);
    t = to > in->data + in->len ? in->len : to < from ? f : (size_t)(to - in->data);
    if (f >= in->done && t <= in->filled)
        return;
    page = page_size();
    if (f < in->done || f > in->filled) {
        /* out of the window held: start a new one at from */
        size_t end = (in->filled + page - 1) / page * page;
        drop(in, in->done, end < in->size ? end : in->size);
        in->done = in->filled = f / page * page < in->lo ? in->lo : f / page * page;
    }
    if (t > in->filled) {
        if (t - in->filled < FILL_STEP)
            t = in->len - in->filled < FILL_STEP ? in->len : in->filled + FILL_STEP;
        read_upto(in, t);
    }
}

void hjtj__input_part(input *part, const input *in, size_t lo)
{
    memset(part, 0, sizeof *part);
    part->fd = -1;
    if (in == NULL)
        return;
    part->data = in->data;
    part->len = in->len;
    if (in->fd < 0)
        return;
    part->size = in->size;
    part->fd = in->fd;
    part->lo = part->done = part->filled = lo;
}

void hjtj__input_set_end(input *in, size_t len)
{
    if (in != NULL && in->fd >= 0 && len < in->size) {
        in->len = len;
        if (in->filled > len)
            in->filled = len;
    }
}

size_t hjtj__input_peek(const input *in, size_t off, char *out, size_t n)
{
    ssize_t got;
    if (in == NULL || off >= in->len)
        return 0;
    if (n > in->len - off)
        n = in->len - off;
    if (in->fd < 0) {
        memcpy(out, in->data + off, n);
        return n;
    }
    do
        got = pread(in->fd, out, n, (off_t)off);
    while (got < 0 && errno == EINTR);
    return got > 0 ? (size_t)got : 0;
}

void hjtj__input_fill_all(input *in)
{
    if (in != NULL)
        hjtj__input_fill(in, in->data, in->data + in->len);
}

size_t hjtj__input_held(const input *in, const char *data, size_t len)
{
    /* the bytes of data[0, len) held from data on */
    if (in == NULL || in->fd < 0 || data < in->data || data > in->data + in->len)
        return len;
    if ((size_t)(data - in->data) >= in->filled)
        return 0;
    return in->filled - (size_t)(data - in->data) < len ? in->filled - (size_t)(data - in->data)
                                                         : len;
}

void hjtj__input_restart(input *in)
{
    (void)in; /* a pass from the start fills again what it reads */
}

void hjtj__input_release_slow(input *in, const char *pos)
{
    size_t upto;
    if (pos < in->data || pos > in->data + in->len)
        return;
    upto = (size_t)(pos - in->data);
    if (upto > in->filled)
        upto = in->filled;
    upto = upto / HUGE_UNIT * HUGE_UNIT; /* whole huge pages (and so whole pages) */
    if (upto > in->done) {
        release_range(in, in->done, upto);
        in->done = upto;
    }
}

void hjtj__input_release(input *in, const char *pos)
{
    if (in != NULL && in->fd >= 0 && pos >= in->data &&
        (size_t)(pos - in->data) >= in->done + RELEASE_STEP)
        hjtj__input_release_slow(in, pos);
}

void hjtj__text_position(const char *a, const char *b, uint64_t *line, uint64_t *col)
{
    for (; a < b; a++) {
        if (*a == '\n') {
            ++*line;
            *col = 1;
        } else if (((unsigned char)*a & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

/* The end of a step from p: RELEASE_STEP bytes on, moved back before a
 * UTF-8 sequence cut there. */
static const char *step_end(input *in, const char *p, const char *end)
{
    const char *q = (size_t)(end - p) > RELEASE_STEP ? p + RELEASE_STEP : end;
    int back = 0;
    hjtj__input_fill(in, p, q + 1);
    while (q < end && back < 3 && ((unsigned char)*q & 0xC0) == 0x80) {
        q--;
        back++;
    }
    return q;
}

hjtj_status hjtj__input_check_utf8(input *in, const char *s, size_t n, size_t from,
                             const char *file, hjtj_error *err)
{
    const char *end = s + n, *p = s + (from < n ? from : n);
    uint64_t line = 1, col = 1;
    /* in steps, releasing behind (the error, if any, is located over the
     * whole text, in steps again) */
    while (p < end) {
        const char *q = step_end(in, p, end);
        if (hjtj__utf8_check(p, (size_t)(q - p), NULL, NULL) != 0) {
            for (p = s;; p = q) {
                uint64_t l, c;
                q = step_end(in, p, end);
                if (hjtj__utf8_check(p, (size_t)(q - p), &l, &c) != 0) {
                    col = l == 1 ? col + c - 1 : c;
                    line += l - 1;
                    break;
                }
                hjtj__text_position(p, q, &line, &col);
                hjtj__input_release(in, q);
            }
            return hjtj__err_set(err, HJTJ_ERR_ENCODING, file, line, col,
                           "invalid UTF-8 (a byte that is not part of a UTF-8 character)");
        }
        p = q;
        hjtj__input_release(in, p);
    }
    return HJTJ_OK;
}

hjtj_status hjtj__input_check_upto(input *in, const char *data, size_t len, size_t *checked,
                                   size_t upto, size_t ahead, int nul)
{
    size_t e = upto, cut;
    if (upto <= *checked)
        return HJTJ_OK;
    if (e - *checked < ahead)
        e = len - *checked < ahead ? len : *checked + ahead;
    hjtj__input_fill(in, data + *checked, data + (len - e < 4 ? len : e + 4));
    for (cut = e; e < len && ((unsigned char)data[e] & 0xC0) == 0x80 && e - cut < 3;)
        e++;
    if (hjtj__utf8_check(data + *checked, e - *checked, NULL, NULL) != 0 ||
        (nul && memchr(data + *checked, '\0', e - *checked) != NULL))
        return HJTJ_ERR_ENCODING;
    *checked = e;
    return HJTJ_OK;
}

const char *hjtj__input_memchr_nul(input *in, const char *s, size_t n)
{
    const char *end = s + n, *p = s;
    while (p < end) {
        size_t k = (size_t)(end - p) > RELEASE_STEP ? RELEASE_STEP : (size_t)(end - p);
        const char *z;
        hjtj__input_fill(in, p, p + k);
        z = memchr(p, '\0', k);
        if (z != NULL)
            return z;
        p += k;
        hjtj__input_release(in, p);
    }
    return NULL;
}
