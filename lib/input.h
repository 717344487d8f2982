/*
 * input.h — A file's bytes for a load, filled on demand and released behind (input.c, encoding.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_INPUT_H
#define HJTJ_INPUT_H

#include "hjtj.h"
#include "buf.h"

#include <stddef.h>
#include <stdint.h>

/* A file's bytes for a load (input.c): an anonymous reservation of the
 * file's size, filled with read(2) on demand (never mapped: a file
 * truncated meanwhile would raise SIGBUS).  Before reading bytes the
 * loaders call hjtj__input_fill(in, from, to) (the check functions below do
 * it for what they check); hjtj__input_release(in, pos) as they advance gives the
 * pages behind back.  A fill out of the window held (a pass from the start
 * again) reads the range again from the file.  hjtj__input_restart() is a no-op
 * kept for the loaders' structure.  in may be NULL (a load from memory), or
 * hold the whole input (fd < 0: a pipe, a converted text), in all but
 * hjtj__input_open/close. */
typedef struct input {
    const char *data;
    size_t len;
    void *map;       /* the reservation (data is in it, aligned), fd >= 0 */
    size_t map_size;
    size_t lo;     /* bytes [0, lo) are not this reader's to read or give
                      back (0; a part's window: where the part starts) */
    size_t done;   /* bytes [0, done) given back (page-aligned) */
    size_t filled; /* bytes [done, filled) hold the file's bytes */
    size_t size;   /* of the reservation */
    int fd;        /* >= 0: filled from this file; -1: b holds everything */
    int changed;   /* the file ended early (-1) or a read failed (errno) */
    buf b;         /* the bytes, when read whole */
} input;
hjtj_status hjtj__input_open(input *in, const char *path, hjtj_error *err);
void hjtj__input_close(input *in);
void hjtj__input_restart(input *in);
void hjtj__input_release(input *in, const char *pos);
void hjtj__input_release_slow(input *in, const char *pos);
/* A second reader's window on in's bytes from offset lo on (`part` is a
 * view: it is never closed; in must outlive it).  The two may read and
 * give back at the same time on two threads while in's end is at most lo
 * (hjtj__input_set_end): they never touch the same bytes.  part->fd < 0
 * (nothing to fill) when in is NULL or holds everything. */
void hjtj__input_part(input *part, const input *in, size_t lo);
/* Move the end of the input to len bytes (at most the file's size). */
void hjtj__input_set_end(input *in, size_t len);
/* Copy up to n bytes from offset off into out, without filling the window
 * (a look ahead of the reader); the number copied. */
size_t hjtj__input_peek(const input *in, size_t off, char *out, size_t n);
/* Make the bytes [from, to) readable (to is clamped to the input's end). */
void hjtj__input_fill(input *in, const char *from, const char *to);
void hjtj__input_fill_all(input *in);
/* How many of the len bytes from data are held, counted from data. */
size_t hjtj__input_held(const input *in, const char *data, size_t len);

/* hjtj__utf8_check over bytes [from, n) of the text s, releasing behind; on
 * failure HJTJ_ERR_ENCODING in err, at the line and column of the first bad
 * byte counted from s. */
hjtj_status hjtj__input_check_utf8(input *in, const char *s, size_t n, size_t from,
                             const char *file, hjtj_error *err);
/* memchr(s, 0, n), releasing behind. */
const char *hjtj__input_memchr_nul(input *in, const char *s, size_t n);
/* The loaders check the input as they read it: before they use the bytes
 * up to upto, this fills and checks data[*checked, e) — e at least upto, at
 * least `ahead` bytes past *checked, and moved past a UTF-8 sequence cut
 * there — for valid UTF-8 (and, with nul, no NUL byte), and sets
 * *checked = e.  HJTJ_OK, or HJTJ_ERR_ENCODING when those bytes are bad
 * (the loader then locates the fault over the rest of the input with
 * hjtj__input_check_utf8 / hjtj__input_memchr_nul: a NUL is a syntax error
 * of XML). */
hjtj_status hjtj__input_check_upto(input *in, const char *data, size_t len, size_t *checked,
                                   size_t upto, size_t ahead, int nul);

/* Convert a CSV input in a single-byte encoding to UTF-8 (encoding.c):
 * out receives the text as an input (hjtj__input_close() it), with the same lines
 * and one character per input byte, so positions stay the original's, held
 * whole in memory (fd -1).  Fills the input ahead and releases it behind as
 * it goes (in may be NULL).
 * HJTJ_ERR_ENCODING at an undefined byte (Windows-1252), HJTJ_ERR_NOMEM. */
hjtj_status hjtj__to_utf8(input *out, hjtj_encoding enc, input *in, const char *data, size_t len,
                          const char *file, hjtj_error *err);

/* Find a bundled data file: $HJTJ_DATADIR/NAME, else the installed
 * HJTJ_PKGDATADIR/NAME.  Writes the path into out; HJTJ_OK if the file
 * exists, else HJTJ_ERR_NOT_FOUND (out holds the installed path). */
hjtj_status hjtj__datadir_path(char *out, size_t cap, const char *name);

#endif
