/* streaming.c — the stores of distinct keys behind every table: made from
 * the kept records when a table is built (crosstab.c), or filled as the
 * records load in a register that does not keep them (see reduce.h). */
#include "buf.h"
#include "text.h"
#include "record.h"
#include "reduce.h"
#include "register.h"
#include "table.h"
#include "catalog.h"
#include "crosstab.h"

#include <stdlib.h>
#include <string.h>

/* ---- stores ---- */


void hjtj__rstore_free(rstore *s)
{
    free(s->key);
    free(s->w);
    free(s->slot);
    memset(s, 0, sizeof *s);
}

static void rstore_clear(rstore *s)
{
    s->n = 0;
    if (s->slot)
        memset(s->slot, 0, s->nslot * sizeof *s->slot);
}

/* Make room for `extra` more keys, so that adding them cannot fail:
 * HJTJ_OK or HJTJ_ERR_NOMEM. */
static hjtj_status rstore_reserve(rstore *s, size_t extra)
{
    size_t need = s->n + extra, nslot, i, j, ck = s->cap, cw = s->cap;
    /* keys and counts grow alike (one that grew alone is only larger) */
    if (hjtj__grow(&s->key, &ck, need, RED_NFN * sizeof *s->key, 16) != HJTJ_OK ||
        hjtj__grow(&s->w, &cw, need, sizeof *s->w, 16) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    s->cap = ck;
    nslot = s->nslot ? s->nslot : 64;
    while ((need + 1) * 2 > nslot)
        nslot *= 2;
    if (nslot > s->nslot) {
        uint32_t *slot = calloc(nslot, sizeof *slot);
        if (slot == NULL)
            return HJTJ_ERR_NOMEM;
        for (i = 0; i < s->n; i++) {
            j = red_key_hash(&s->key[i * RED_NFN]) & (nslot - 1);
            while (slot[j])
                j = (j + 1) & (nslot - 1);
            slot[j] = (uint32_t)(i + 1);
        }
        free(s->slot);
        s->slot = slot;
        s->nslot = nslot;
    }
    return HJTJ_OK;
}

hjtj_status hjtj__rstore_add(rstore *s, const uint32_t *k, uint64_t w)
{
    uint64_t h = red_key_hash(k);
    size_t j;
    if (s->nslot) {
        for (j = h & (s->nslot - 1); s->slot[j]; j = (j + 1) & (s->nslot - 1)) {
            size_t i = s->slot[j] - 1;
            if (memcmp(&s->key[i * RED_NFN], k, RED_NFN * sizeof *k) == 0) {
                s->w[i] += w;
                return HJTJ_OK;
            }
        }
    }
    if (rstore_reserve(s, 1) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    for (j = h & (s->nslot - 1); s->slot[j]; j = (j + 1) & (s->nslot - 1))
        ;
    memcpy(&s->key[s->n * RED_NFN], k, RED_NFN * sizeof *k);
    s->w[s->n] = w;
    s->slot[j] = (uint32_t)(s->n + 1);
    s->n++;
    return HJTJ_OK;
}

/* ---- the set of declarations of a streaming register ---- */

static void reduction_free(reduction *r)
{
    free(r->decl);
    hjtj__rstore_free(&r->all);
    hjtj__rstore_free(&r->stage);
    free(r);
}

void hjtj__red_free(red_set *rs)
{
    size_t i;
    if (rs == NULL)
        return;
    for (i = 0; i < rs->n; i++)
        reduction_free(rs->r[i]);
    free(rs->r);
    free(rs);
}

static reduction *find_decl(const red_set *rs, const xdecl *d)
{
    size_t i;
    for (i = 0; rs != NULL && i < rs->n; i++)
        if (memcmp(rs->r[i]->decl, d, sizeof *d) == 0)
            return rs->r[i];
    return NULL;
}

/* Append a reduction for d to rs; NULL on nomem. */
static reduction *add_decl(red_set *rs, const xdecl *d)
{
    reduction *r;
    if (hjtj__grow(&rs->r, &rs->cap, rs->n + 1, sizeof *rs->r, 64) != HJTJ_OK)
        return NULL;
    r = calloc(1, sizeof *r);
    if (r == NULL || (r->decl = malloc(sizeof *d)) == NULL) {
        free(r);
        return NULL;
    }
    memcpy(r->decl, d, sizeof *d);
    rs->r[rs->n++] = r;
    return r;
}

const rstore *hjtj__red_decl_store(const hjtj_register *reg, const xdecl *d)
{
    static const rstore empty; /* read-only */
    red_set *rs = reg->reds;
    const reduction *r = find_decl(rs, d);
    if (r != NULL)
        return &r->all;
    if (rs != NULL && rs->discovering) {
        /* a table of the catalogue declares what it reads: keep it */
        r = add_decl(rs, d);
        if (r == NULL)
            rs->failed = 1;
        return r ? &r->all : &empty;
    }
    return reg->nread == 0 ? &empty : NULL;
}

hjtj_status hjtj__red_add_decl(hjtj_register *reg, const xdecl *d)
{
    if (find_decl(reg->reds, d) != NULL)
        return HJTJ_OK;
    if (reg->nread > 0 || reg->loading)
        return HJTJ_ERR_STATE;
    if (reg->reds == NULL && (reg->reds = calloc(1, sizeof *reg->reds)) == NULL)
        return HJTJ_ERR_NOMEM;
    return add_decl(reg->reds, d) != NULL ? HJTJ_OK : HJTJ_ERR_NOMEM;
}

hjtj_status hjtj__red_prepare(hjtj_register *reg)
{
    red_set *rs;
    hjtj_table *t = NULL;
    size_t i;
    int ok = 1;
    if (reg->keep || (reg->reds != NULL && reg->reds->ready))
        return HJTJ_OK;
    if (reg->reds == NULL) {
        reg->reds = calloc(1, sizeof *reg->reds);
        if (reg->reds == NULL)
            return HJTJ_ERR_NOMEM;
    }
    rs = reg->reds;
    if (hjtj_table_new(&t) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    /* every table of the catalogue, on the empty register: each declaration
     * it reads is registered as it asks for it */
    rs->discovering = 1;
    rs->failed = 0;
    for (i = 0; i < hjtj__table_ndefs && ok; i++)
        ok = hjtj_table_build(t, reg, hjtj__table_defs[i].id) == HJTJ_OK && !rs->failed;
    rs->discovering = 0;
    rs->failed = 0;
    hjtj_table_free(t);
    if (!ok)
        return HJTJ_ERR_NOMEM; /* out of memory: the load fails, and the next one tries again */
    rs->ready = 1;
    return HJTJ_OK;
}

hjtj_status hjtj__red_count_record(hjtj_register *reg, const hjtj_record *r)
{
    red_set *rs = reg->reds;
    size_t i;
    if (rs == NULL)
        return HJTJ_OK;
    for (i = 0; i < rs->n; i++) {
        reduction *red = rs->r[i];
        uint32_t k[RED_NFN];
        /* the key function of the declaration (it reads a linked variable
         * through the record's orgnr, which is there until the next record) */
        if (hjtj__xdecl_key(red->decl, r, k) && hjtj__rstore_add(&red->stage, k, 1) != HJTJ_OK)
            return HJTJ_ERR_NOMEM;
    }
    return HJTJ_OK;
}

hjtj_status hjtj__red_end_load(hjtj_register *reg, int ok)
{
    red_set *rs = reg->reds;
    size_t i, j;
    if (rs == NULL)
        return HJTJ_OK;
    if (ok) {
        /* room first, so that the merge cannot fail half-way */
        for (i = 0; i < rs->n; i++)
            if (rstore_reserve(&rs->r[i]->all, rs->r[i]->stage.n) != HJTJ_OK)
                return HJTJ_ERR_NOMEM;
        for (i = 0; i < rs->n; i++) {
            rstore *st = &rs->r[i]->stage;
            for (j = 0; j < st->n; j++)
                (void)hjtj__rstore_add(&rs->r[i]->all, &st->key[j * RED_NFN], st->w[j]);
        }
    }
    for (i = 0; i < rs->n; i++)
        rstore_clear(&rs->r[i]->stage);
    return HJTJ_OK;
}
