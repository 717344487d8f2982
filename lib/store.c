/* store.c — adding a record to a register: counted against the record
 * limit, checked (validate.c), then rejected with a diagnostic, or
 * classified (SPEC §4), stored, indexed by orgnr and handed to the record
 * callback. */
#include "buf.h"
#include "error.h"
#include "pool.h"
#include "reduce.h"
#include "register.h"
#include "stage.h"
#include "store.h"
#include "text.h"
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
    /* a spare block (paged in already), or the first block as any memory (a
     * small register touches a few pages of it), the next ones in bulk */
    if (reg->keep && reg->nspare > 0)
        nb[reg->nblocks] = reg->spare[--reg->nspare];
    else
        nb[reg->nblocks] = reg->nblocks == 0 ? malloc(per * sizeof(hjtj_record))
                                             : hjtj__bulk_alloc(per * sizeof(hjtj_record));
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
    for (i = 0; i < reg->nspare; i++)
        free(reg->spare[i]);
    free(reg->spare);
    reg->spare = NULL;
    reg->nspare = reg->capspare = 0;
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

/* navn and merknad as "navn\0merknad\0" in p, or hjtj__record_no_text
 * (NULL: out of memory). */
static const char *make_text(pool *p, const raw_record *raw)
{
    const raw_field *fn = &raw->f[RAW_NAVN], *fm = &raw->f[RAW_MERKNAD];
    size_t nn = fn->set ? fn->n : 0, nm = fm->set ? fm->n : 0;
    char *t;
    if (nn + nm == 0)
        return hjtj__record_no_text;
    t = hjtj__pool_alloc(p, nn + nm + 2);
    if (t != NULL) {
        if (nn)
            memcpy(t, fn->s, nn);
        t[nn] = '\0';
        if (nm)
            memcpy(t + nn + 1, fm->s, nm);
        t[nn + nm + 1] = '\0';
    }
    return t;
}

/* The record's strings, where they live on: a kept record's orgnr and
 * texts in the pool (the texts made from raw, or already there when raw is
 * NULL), a streamed record's orgnr in a buffer reused for the next record
 * (and no texts); the næringskode as its one string.  HJTJ_ERR_NOMEM. */
static hjtj_status store_strings(hjtj_register *reg, const raw_record *raw, hjtj_record *rec)
{
    rec->orgnr = reg->keep ? hjtj__pool_strndup(&reg->strings, rec->orgnr, 9)
                           : memcpy(reg->orgnr_now, rec->orgnr, 9);
    rec->naeringskode = hjtj__nk_intern(&reg->nk, &reg->strings, rec->naeringskode);
    if (raw != NULL)
        rec->text = reg->keep ? make_text(&reg->strings, raw) : hjtj__record_no_text;
    return rec->orgnr == NULL || rec->naeringskode == NULL || rec->text == NULL ? HJTJ_ERR_NOMEM
                                                                               : HJTJ_OK;
}

/* Keep a classified record (or count it); raw as for store_strings, line
 * and col the record's (for errors). */
static hjtj_status store(hjtj_register *reg, const raw_record *raw, hjtj_record *rec,
                         uint64_t orgnr, const char *file, uint64_t line, uint64_t col)
{
    hjtj_record *slot = new_record_slot(reg);
    if (slot == NULL || store_strings(reg, raw, rec) != HJTJ_OK)
        goto nomem;
    *slot = *rec;
    if (hjtj__orgindex_put(&reg->index, orgnr, (uint32_t)reg->nrecords) != HJTJ_OK ||
        (!reg->keep && hjtj__red_count_record(reg, slot) != 0))
        goto nomem;
    reg->nrecords++;
    if (reg->cb && reg->cb(slot, reg->cb_ud) != 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_ABORTED, file, line, col,
                             "stopped by the record callback");
    return HJTJ_OK;
nomem:
    return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, file, line, col, "out of memory");
}

/* Count one more record read: HJTJ_ERR_LIMIT past the record limit. */
static hjtj_status count_read(hjtj_register *reg, const char *file, uint64_t line, uint64_t col)
{
    if (reg->nread >= reg->limits[HJTJ_LIMIT_MAX_RECORDS])
        return hjtj__err_set(&reg->err, HJTJ_ERR_LIMIT, file, line, col, "more than %llu records",
                             (unsigned long long)reg->limits[HJTJ_LIMIT_MAX_RECORDS]);
    reg->nread++;
    return HJTJ_OK;
}

/* Reject with the verdict v, the orgnr field as written in orgnr. */
static hjtj_status reject(hjtj_register *reg, const raw_field *orgnr, const char *file,
                          uint64_t line, uint64_t col, hjtj_reason reason, uint64_t vline,
                          uint64_t vcol, const char *msg)
{
    if (hjtj__register_reject(reg, orgnr, file, reason, line, col, vline, vcol, msg) != HJTJ_OK)
        return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, file, line, col, "out of memory");
    return HJTJ_OK;
}

static uint32_t saturate32(uint64_t v)
{
    return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

hjtj_status hjtj__register_add(hjtj_register *reg, const raw_record *raw, const char *file)
{
    hjtj__validator c = {&reg->kommuner, &reg->index, reg->limits, NULL};
    hjtj__verdict v;
    hjtj_record rec;
    uint64_t orgnr = 0;
    hjtj_status st = count_read(reg, file, raw->line, raw->col);

    if (reg->memo == NULL) /* without it, lists are read the long way */
        reg->memo = calloc(1, sizeof *reg->memo);
    c.memo = reg->memo;
    if (st != HJTJ_OK)
        return st;
    if (!hjtj__validate_record(&c, raw, &rec, &orgnr, &v))
        return reject(reg, &raw->f[RAW_ORGNR], file, raw->line, raw->col, v.reason, v.line, v.col,
                      v.msg);
    rec.line = saturate32(raw->line);
    rec.file = file;
    /* the municipality's size class under the scheme, kept in the table
     * whenever the table or the scheme changes (register.c) */
    hjtj__classify_record(&rec, &reg->scheme, reg->kommuner.k[rec.kommune].storrelse);
    return store(reg, raw, &rec, orgnr, file, raw->line, raw->col);
}

/* ---- the same in two halves: staged (on another thread), committed in
 * file order ---- */

hjtj_status hjtj__register_stage(const hjtj_register *reg, const raw_record *raw,
                                 hjtj__stage_area *a)
{
    hjtj__validator c = {&reg->kommuner, NULL, reg->limits, &a->memo};
    const raw_field *fo = &raw->f[RAW_ORGNR];
    hjtj__staged *s = hjtj__stage_push(a);
    hjtj__verdict v;
    if (s == NULL)
        return HJTJ_ERR_NOMEM;
    s->line = raw->line;
    s->col = raw->col;
    s->oline = fo->set ? fo->line : 0; /* (read only when it is set) */
    s->ocol = fo->set ? fo->col : 0;
    if (!hjtj__validate_record(&c, raw, &s->rec, &s->orgnr, &v)) {
        hjtj__stage_reject r = {v.reason, v.line, v.col, NULL, fo->s, fo->n, fo->set, v.orgnr_ok};
        s->reject = hjtj__stage_reject_add(a, &r, v.msg);
        return s->reject != NULL ? HJTJ_OK : HJTJ_ERR_NOMEM;
    }
    hjtj__classify_record(&s->rec, &reg->scheme, reg->kommuner.k[s->rec.kommune].storrelse);
    s->rec.orgnr = NULL;
    s->rec.text = make_text(&a->strings, raw);
    s->rec.naeringskode = hjtj__nk_intern(&a->nk, &a->strings, s->rec.naeringskode);
    return s->rec.text != NULL && s->rec.naeringskode != NULL ? HJTJ_OK : HJTJ_ERR_NOMEM;
}

/* The staged record s in its turn, its lines moved by base: what
 * hjtj__register_add would have made of it. */
static hjtj_status commit_one(hjtj_register *reg, const hjtj__staged *s, uint64_t base,
                              const char *file)
{
    const hjtj__stage_reject *rj = s->reject;
    uint64_t line = s->line + base;
    hjtj_status st = count_read(reg, file, line, s->col);
    hjtj_record rec;
    char os[16];
    if (st != HJTJ_OK)
        return st;
    hjtj__orgnr_format(os, s->orgnr);
    if ((rj == NULL || rj->orgnr_ok) && hjtj__orgindex_has(&reg->index, s->orgnr)) {
        raw_field f = {os, 9, 1, s->oline + base, s->ocol};
        hjtj__verdict v;
        (void)hjtj__validate_duplicate(&v, f.line, f.col, s->orgnr);
        return reject(reg, &f, file, line, s->col, v.reason, v.line, v.col, v.msg);
    }
    if (rj != NULL) {
        raw_field f = {rj->orgnr, rj->orgnr_n, rj->orgnr_set, 0, 0};
        return reject(reg, &f, file, line, s->col, rj->reason, rj->line ? rj->line + base : 0,
                      rj->col, rj->msg);
    }
    rec = s->rec;
    rec.orgnr = os;
    rec.line = saturate32(line);
    rec.file = file;
    return store(reg, NULL, &rec, s->orgnr, file, line, s->col);
}

hjtj_status hjtj__register_commit(hjtj_register *reg, hjtj__stage_area *a, size_t from,
                                  size_t to, uint64_t line_base, const char *file)
{
    hjtj_status st = HJTJ_OK;
    size_t i, k;
    for (i = from; i < to && st == HJTJ_OK; i++)
        st = commit_one(reg, hjtj__stage_at(a, i), line_base - 1, file);
    /* the chunks whose records are all stored become the register's spare
     * blocks (a chunk is a record block's size): its next records go into
     * memory already paged in.  Chunks below record i exist (not
     * a->nchunks: the staging thread changes it meanwhile). */
    for (k = from / HJTJ__STAGE_CHUNK; k < i / HJTJ__STAGE_CHUNK; k++)
        if (a->chunks[k] != NULL &&
            hjtj__grow(&reg->spare, &reg->capspare, reg->nspare + 1, sizeof *reg->spare, 8) ==
                HJTJ_OK)
            reg->spare[reg->nspare++] = hjtj__stage_take(a, k);
    return st;
}

void hjtj__register_adopt(hjtj_register *reg, hjtj__stage_area *a)
{
    size_t i;
    hjtj__pool_adopt(&reg->strings, &a->strings);
    /* the spare blocks the records did not need go back */
    for (i = 0; i < reg->nspare; i++)
        free(reg->spare[i]);
    reg->nspare = 0;
}
