/*
 * text.h — Text and number toolkit: strings, UTF-8, positions, shares (util.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_TEXT_H
#define HJTJ_TEXT_H

#include "hjtj.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Bounded string copy that always terminates. */
void hjtj__str_copy(char *dst, size_t cap, const char *src);
char *hjtj__str_dup(const char *s);
/* The length of the longest prefix of s, at most n bytes, that does not end
 * inside a UTF-8 character (s[n] must be readable). */
size_t hjtj__utf8_prefix(const char *s, size_t n);
/* Copy src[0..n) into dst (cap bytes, NUL-terminated) for a message the
 * library hands out: control characters written as \n, \r, \t or \xHH,
 * bytes of a character cut elsewhere dropped, cut at a character boundary. */
void hjtj__text_clean(char *dst, size_t cap, const char *src, size_t n);
char *hjtj__str_ndup(const char *s, size_t n);

/* Advance (line, col) over the text [a, b). */
void hjtj__text_position(const char *a, const char *b, uint64_t *line, uint64_t *col);

/* Check UTF-8; on failure set line and col (1-based) of the bad byte. */
int hjtj__utf8_check(const char *s, size_t n, uint64_t *line, uint64_t *col);
/* Display width (code points) of a UTF-8 string. */
size_t hjtj__utf8_width(const char *s);
/* Percent share rounded half up to tenths: floor((2000 * num + den) / (2 * den)). */
int64_t hjtj__share_tenths(int64_t num, int64_t den);

#endif
