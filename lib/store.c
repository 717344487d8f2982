/* store.c — adding a record to a register: counted against the record
 * limit, checked (validate.c), then rejected with a diagnostic, or
 * classified (SPEC §4), stored, indexed by orgnr and handed to the record
 * callback. */
#include "error.h"
#include "pool.h"
#include "reduce.h"
#include "register.h"
#include "store.h"
#include "validate.h"

#include <stdlib.h>
#include <string.h>

/* navn and merknad of a record without either */
const char hjtj__record_no_text[2] = {'\0', '\0'};

/* The slot for the next record: in blocks of REC_BLOCK when kept, else one
 * scratch slot reused (NULL: nomem). */
static hjtj_record *new_record_slot(hjtj_register *reg)
{
    size_t per = reg->keep ? REC_BLOCK : 1, at = reg->keep ? reg->nrecords % REC_BLOCK : 0;
    hjtj_record **nb;
    if (!reg->keep && reg->nblocks > 0)
        return &reg->blocks[0][0];
    if (reg->keep && reg->nrecords / REC_BLOCK < reg->nblocks)
        return &reg->blocks[reg->nrecords / REC_BLOCK][at];
    nb = realloc(reg->blocks, (reg->nblocks + 1) * sizeof *nb);
    if (nb == NULL)
        return NULL;
    reg->blocks = nb;
    nb[reg->nblocks] = malloc(per * sizeof(hjtj_record));
    if (nb[reg->nblocks] == NULL)
        return NULL;
    reg->nblocks++;
    return &nb[reg->nblocks - 1][at];
}

void hjtj__store_free(hjtj_register *reg)
{
    size_t i;
    for (i = 0; i < reg->nblocks; i++)
        free(reg->blocks[i]);
    free(reg->blocks);
    reg->blocks = NULL;
    reg->nblocks = 0;
    reg->nrecords = 0;
}

void hjtj__store_truncate(hjtj_register *reg, size_t mark)
{
    if (reg->keep) {
        size_t keep_blocks = (mark + REC_BLOCK - 1) / REC_BLOCK;
        while (reg->nblocks > keep_blocks)
            free(reg->blocks[--reg->nblocks]);
    }
    reg->nrecords = mark;
    hjtj__orgindex_truncate(&reg->index, mark);
}

/* The record's strings, where they live on: a kept record's orgnr and
 * texts in the pool (navn and merknad as "navn\0merknad\0"), a streamed
 * record's orgnr in a buffer reused for the next record (and no texts);
 * the næringskode as its one string.  HJTJ_ERR_NOMEM. */
static hjtj_status store_strings(hjtj_register *reg, const raw_record *raw, hjtj_record *rec)
{
    const raw_field *fn = &raw->f[RAW_NAVN], *fm = &raw->f[RAW_MERKNAD];
    size_t nn = fn->set ? fn->n : 0, nm = fm->set ? fm->n : 0;
    const char *text = hjtj__record_no_text;
    rec->orgnr = reg->keep ? hjtj__pool_strndup(&reg->strings, rec->orgnr, 9)
                           : memcpy(reg->orgnr_now, rec->orgnr, 9);
    rec->naeringskode = hjtj__nk_intern(&reg->nk, &reg->strings, rec->naeringskode);
    if (reg->keep && nn + nm > 0) {
        char *t = hjtj__pool_alloc(&reg->strings, nn + nm + 2);
        if (t != NULL) {
            if (nn)
                memcpy(t, fn->s, nn);
            t[nn] = '\0';
            if (nm)
                memcpy(t + nn + 1, fm->s, nm);
            t[nn + nm + 1] = '\0';
        }
        text = t;
    }
    rec->text = text;
    return rec->orgnr == NULL || rec->naeringskode == NULL || text == NULL ? HJTJ_ERR_NOMEM
                                                                           : HJTJ_OK;
}

/* Classify an accepted record and keep it (or count it). */
static hjtj_status store(hjtj_register *reg, const raw_record *raw, hjtj_record *rec,
                         uint64_t orgnr, const char *file)
{
    hjtj_record *slot;
    /* the municipality's size class under the scheme, kept in the table
     * whenever the table or the scheme changes (register.c) */
    hjtj__classify_record(rec, &reg->scheme, reg->kommuner.k[rec->kommune].storrelse);
    slot = new_record_slot(reg);
    if (slot == NULL || store_strings(reg, raw, rec) != HJTJ_OK)
        goto nomem;
    *slot = *rec;
    if (hjtj__orgindex_put(&reg->index, orgnr, (uint32_t)reg->nrecords) != HJTJ_OK ||
        (!reg->keep && hjtj__red_count_record(reg, slot) != 0))
        goto nomem;
    reg->nrecords++;
    if (reg->cb && reg->cb(slot, reg->cb_ud) != 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_ABORTED, file, raw->line, raw->col,
                             "stopped by the record callback");
    return HJTJ_OK;
nomem:
    return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, file, raw->line, raw->col, "out of memory");
}

hjtj_status hjtj__register_add(hjtj_register *reg, const raw_record *raw, const char *file)
{
    hjtj__validator c = {&reg->kommuner, &reg->index, reg->limits};
    hjtj__verdict v;
    hjtj_record rec;
    uint64_t orgnr = 0;

    if (reg->nread >= reg->limits[HJTJ_LIMIT_MAX_RECORDS])
        return hjtj__err_set(&reg->err, HJTJ_ERR_LIMIT, file, raw->line, raw->col,
                             "more than %llu records",
                             (unsigned long long)reg->limits[HJTJ_LIMIT_MAX_RECORDS]);
    reg->nread++;
    if (!hjtj__validate_record(&c, raw, &rec, &orgnr, &v)) {
        if (hjtj__register_reject(reg, &raw->f[RAW_ORGNR], file, v.reason, raw->line, raw->col,
                                  v.line, v.col, v.msg) != HJTJ_OK)
            return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, file, raw->line, raw->col,
                                 "out of memory");
        return HJTJ_OK;
    }
    rec.line = raw->line > UINT32_MAX ? UINT32_MAX : (uint32_t)raw->line;
    rec.file = file;
    return store(reg, raw, &rec, orgnr, file);
}
