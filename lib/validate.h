/*
 * validate.h — A raw record checked against the format's rules and turned
 * into a record (SPEC §2, §4.1), field by field from a table (validate.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_VALIDATE_H
#define HJTJ_VALIDATE_H

#include "hjtj.h"
#include "codes.h"
#include "kommuner.h"
#include "orgindex.h"
#include "record.h"
#include "sink.h"

#include <stddef.h>
#include <stdint.h>

/* What the rules look at besides the record. */
typedef struct hjtj__validator {
    const hjtj_kommuner *kommuner; /* kommunenr must be in it */
    const hjtj__orgindex *index;   /* orgnr must not be in it (NULL: not
                                      checked here; the caller checks it
                                      in order, hjtj__validate_duplicate) */
    const uint64_t *limits;        /* indexed by hjtj_limit */
    hjtj__code_memo *memo;         /* the caller's (one per thread), or NULL */
} hjtj__validator;

/* Why a record is rejected: the reason, the line and column of the field
 * at fault (0 when none is), and the message. */
typedef struct hjtj__verdict {
    hjtj_reason reason;
    uint64_t line, col;
    int orgnr_ok; /* the orgnr was read (*orgnr): a fault found after it
                     gives way to its being a duplicate */
    char msg[512];
} hjtj__verdict;

/* Check raw.  Accepted (1): *rec has every value but the classes, with
 * rec->orgnr and a non-empty rec->naeringskode pointing into raw's text
 * (the caller copies them), and *orgnr is the orgnr as a number.  Rejected
 * (0): *v says why (and *orgnr is the orgnr when v->orgnr_ok). */
int hjtj__validate_record(const hjtj__validator *c, const raw_record *raw, hjtj_record *rec,
                          uint64_t *orgnr, hjtj__verdict *v);
/* Make *v the verdict on a record whose orgnr (the field at line, col) is
 * already in the register.  Returns 0. */
int hjtj__validate_duplicate(hjtj__verdict *v, uint64_t line, uint64_t col, uint64_t orgnr);

#endif
