/*
 * register.h — The register object: records, diagnostics, orgnr index, settings (register.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_REGISTER_H
#define HJTJ_REGISTER_H

#include "hjtj.h"
#include "error.h"
#include "input.h"
#include "kommuner.h"
#include "pool.h"
#include "record.h"
#include "reduce.h"
#include "scheme.h"

#include <stddef.h>
#include <stdint.h>

#define HJTJ__NLIMITS 7 /* hjtj_limit values */

/* Record storage: fixed-size blocks so that record pointers stay valid. */
#define REC_BLOCK 1024

/* A set of orgnr as a bitmap over the 10^9 numbers, in pages of 4 096 bits
 * made on demand behind a two-level directory, with the list of pages made
 * (register.c). */
typedef struct orgset {
    uint64_t ***dir;
    uint32_t *used;
    size_t nused, capused;
} orgset;

struct hjtj_register {
    hjtj_scheme scheme;
    hjtj_kommuner kommuner;
    int kommuner_set;        /* a table was set or loaded (default not needed) */
    int32_t aargang;

    hjtj_record **blocks;    /* REC_BLOCK records each */
    size_t nblocks, nrecords;
    size_t nread;

    hjtj_diag *rejects;
    size_t nrejects, caprejects;
    hjtj_diag *warnings;
    size_t nwarnings, capwarnings;

    /* orgnr (as integer) -> record index + 1; open addressing */
    uint64_t *hslots;        /* orgnr << 32 | index + 1 */
    size_t hcap, hcount;

    pool strings;
    red_set *reds;           /* streaming: the tables' reductions (streaming.c) */
    orgset orgseen;          /* streaming: orgnr seen, a paged bitmap ... */
    orgset orgstage;         /* ... and those of the load in progress */
    struct input *in;        /* the file being loaded, NULL for memory input */
    char orgnr_now[10];      /* streaming: the orgnr of the record passed to the callback */
    const char **nk_intern[100]; /* næringskode NN.NNN: [NN][NNN] -> one string */
    void *xsd;               /* compiled XSD (xmlSchemaPtr), loaded on first XML */
    uint64_t limits[HJTJ__NLIMITS];
    hjtj_record_fn cb;
    void *cb_ud;
    int keep;
    hjtj_xsd_mode xsd_mode;
    int loading;             /* inside a load call */
    hjtj_encoding encoding;  /* of CSV input (XML declares its own) */
    hjtj_error err;
};


static inline const hjtj_record *reg_rec(const hjtj_register *reg, size_t i)
{
    return &reg->blocks[i / REC_BLOCK][i % REC_BLOCK];
}

#endif
