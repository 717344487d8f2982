/* register.c — the register: loading entry points, record validation
 * (SPEC §2), rejects and warnings, record accessors. */
#include "catalog.h"
#include "codes.h"
#include "error.h"
#include "text.h"
#include "buf.h"
#include "input.h"
#include "scheme.h"
#include "kommuner.h"
#include "record.h"
#include "sink.h"
#include "pool.h"
#include "reduce.h"
#include "register.h"
#include "xml.h"
#include "crosstab.h"

#include <stdlib.h>
#include <string.h>

static const uint64_t default_limits[HJTJ__NLIMITS] = {10000000u, 65536u, 1048576u, 100000u,
                                                       1024u,     64u,    256u};

/* Records per register at most: record indices fit 32 bits (the orgnr
 * hash), and the boenheter summed over them (each below 2^31) fit int64. */
#define MAX_RECORDS_BOUND ((uint64_t)UINT32_MAX - 1)

/* ---- string pool ---- */

char *hjtj__pool_alloc(pool *p, size_t n)
{
    pool_block *b = p->head;
    char *d;
    if (b == NULL || b->cap - b->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        b = malloc(sizeof *b + cap);
        if (b == NULL)
            return NULL;
        b->cap = cap;
        b->used = 0;
        b->next = p->head;
        p->head = b;
    }
    d = b->data + b->used;
    b->used += n;
    return d;
}

const char *hjtj__pool_strndup(pool *p, const char *s, size_t n)
{
    char *d;
    if (n == 0)
        return "";
    d = hjtj__pool_alloc(p, n + 1);
    if (d == NULL)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void hjtj__pool_free(pool *p)
{
    pool_block *b = p->head;
    while (b) {
        pool_block *next = b->next;
        free(b);
        b = next;
    }
    p->head = NULL;
}

/* navn and merknad of a record without either */
const char hjtj__record_no_text[2] = {'\0', '\0'};

/* The one string of a næringskode "NN.NNN" (so equal codes compare equal
 * as pointers in profiles); NULL on nomem. */
/* One string per næringskode NN.NNN: a directory by the two first digits,
 * with a block of 1 000 for each used (a register with a few codes holds a
 * few blocks, not a table of 100 000). */
static const char *nk_interned(hjtj_register *reg, const char *nk)
{
    int hi, lo;
    const char **blk;
    if (nk[0] == '\0')
        return "";
    hi = (nk[0] - '0') * 10 + (nk[1] - '0');
    lo = (nk[3] - '0') * 100 + (nk[4] - '0') * 10 + (nk[5] - '0');
    blk = reg->nk_intern[hi];
    if (blk == NULL) {
        blk = reg->nk_intern[hi] = calloc(1000, sizeof *blk);
        if (blk == NULL)
            return NULL;
    }
    if (blk[lo] == NULL)
        blk[lo] = hjtj__pool_strndup(&reg->strings, nk, 6);
    return blk[lo];
}

/* ---- raw records ---- */

void hjtj__raw_clear(raw_record *r)
{
    memset(r, 0, sizeof *r);
}

void hjtj__raw_fail(raw_record *r, hjtj_reason reason, uint64_t line, uint64_t col, const char *fmt,
              ...)
{
    va_list ap;
    if (r->err_reason != 0)
        return; /* keep the first problem */
    r->err_reason = reason;
    r->err_line = line;
    r->err_col = col;
    va_start(ap, fmt);
    vsnprintf(r->err_msg, sizeof r->err_msg, fmt, ap);
    va_end(ap);
}

/* ---- orgnr hash ---- */

static uint64_t hash64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

/* A slot holds orgnr << 32 | (index + 1): orgnr < 10^9 fit in 32 bits and
 * the record limit keeps the index below 2^32 - 1, so key and value share
 * one word (one cache miss a lookup) and 0 is an empty slot. */
#define SLOT_KEY(x) ((x) >> 32)
#define SLOT_VAL(x) ((uint32_t)(x))

static int hash_grow(hjtj_register *reg)
{
    size_t cap = reg->hcap ? reg->hcap * 2 : 4096, i;
    uint64_t *slots = calloc(cap, sizeof *slots);
    if (slots == NULL)
        return -1;
    for (i = 0; i < reg->hcap; i++) {
        if (reg->hslots[i]) {
            size_t j = hash64(SLOT_KEY(reg->hslots[i])) & (cap - 1);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = reg->hslots[i];
        }
    }
    free(reg->hslots);
    reg->hslots = slots;
    reg->hcap = cap;
    return 0;
}

/* Bring the slot an orgnr hashes to into the cache (the duplicate check is a
 * random access into a table larger than the caches): the XML loader calls
 * this when it reads the attribute, and looks the orgnr up once the
 * record's children are read.  s, n: the attribute's text, anything. */
void hjtj__register_prefetch_orgnr(const hjtj_register *reg, const char *s, size_t n)
{
    uint64_t key = 0;
    size_t i;
    if (!reg->keep || reg->hcap == 0 || n != 9)
        return;
    for (i = 0; i < 9; i++) {
        if (s[i] < '0' || s[i] > '9')
            return;
        key = key * 10 + (uint64_t)(s[i] - '0');
    }
    __builtin_prefetch(&reg->hslots[hash64(key) & (reg->hcap - 1)]);
}

/* Index+1 of the record with this orgnr, 0 if none. */
static uint32_t hash_get(const hjtj_register *reg, uint64_t key)
{
    size_t j;
    if (reg->hcap == 0)
        return 0;
    j = hash64(key) & (reg->hcap - 1);
    while (reg->hslots[j]) {
        if (SLOT_KEY(reg->hslots[j]) == key)
            return SLOT_VAL(reg->hslots[j]);
        j = (j + 1) & (reg->hcap - 1);
    }
    return 0;
}

static int hash_put(hjtj_register *reg, uint64_t key, uint32_t val)
{
    size_t j;
    if ((reg->hcount + 1) * 2 > reg->hcap && hash_grow(reg) != 0)
        return -1;
    j = hash64(key) & (reg->hcap - 1);
    while (reg->hslots[j])
        j = (j + 1) & (reg->hcap - 1);
    reg->hslots[j] = key << 32 | val;
    reg->hcount++;
    return 0;
}

/* Empty slot i and re-place the rest of its cluster (linear probing). */
static void hash_del_slot(hjtj_register *reg, size_t i)
{
    size_t mask = reg->hcap - 1, j;
    reg->hslots[i] = 0;
    reg->hcount--;
    for (j = (i + 1) & mask; reg->hslots[j]; j = (j + 1) & mask) {
        uint64_t e = reg->hslots[j];
        size_t h = hash64(SLOT_KEY(e)) & mask;
        reg->hslots[j] = 0;
        while (reg->hslots[h])
            h = (h + 1) & mask;
        reg->hslots[h] = e;
    }
}

/* Forget the orgnr of the records after the first `mark` (a failed load),
 * in place, so that it cannot fail and works without the records (also for
 * a streaming register). */
static void hash_truncate(hjtj_register *reg, size_t mark)
{
    int again = 1;
    size_t i;
    while (again) { /* a re-placed entry may wrap around behind i */
        again = 0;
        for (i = 0; i < reg->hcap; i++)
            while (reg->hslots[i] && SLOT_VAL(reg->hslots[i]) > mark) {
                hash_del_slot(reg, i);
                again = 1;
            }
    }
}

/* ---- orgnr seen by a streaming register ----
 * A register that does not keep its records remembers the orgnr it has seen
 * in a bitmap over the 10^9 possible numbers, in pages of 2^12 bits made as
 * needed: memory is bounded (at most 119 MiB, about 12 MiB for orgnr spread
 * over a range of 10^8) instead of growing with the records.  The orgnr of
 * the load in progress go to a second bitmap, merged when the load stands. */

#define ORG_PAGE_BITS 12
#define ORG_PAGE_WORDS ((1u << ORG_PAGE_BITS) / 64)
#define ORG_DIR_BITS 9 /* a directory entry covers 2^9 pages */
#define ORG_NDIR ((1000000000u >> (ORG_PAGE_BITS + ORG_DIR_BITS)) + 1)

static uint64_t *orgset_page(const orgset *o, uint64_t key)
{
    uint64_t pg = key >> ORG_PAGE_BITS;
    uint64_t **d = o->dir ? o->dir[pg >> ORG_DIR_BITS] : NULL;
    return d ? d[pg & ((1u << ORG_DIR_BITS) - 1)] : NULL;
}

static int orgset_has(const orgset *o, uint64_t key)
{
    const uint64_t *pg = orgset_page(o, key);
    uint64_t bit = key & ((1u << ORG_PAGE_BITS) - 1);
    return pg != NULL && (pg[bit / 64] >> (bit % 64)) & 1u;
}

/* Room in o's list of pages for `more` pages: 0 or -1 (nomem). */
static int orgset_reserve(orgset *o, size_t more)
{
    if (o->nused + more > o->capused) {
        size_t cap = o->capused ? o->capused * 2 : 64;
        uint32_t *u;
        while (cap < o->nused + more)
            cap *= 2;
        u = realloc(o->used, cap * sizeof *u);
        if (u == NULL)
            return -1;
        o->used = u;
        o->capused = cap;
    }
    return 0;
}

/* The directory block of page pg in o, made if needed (NULL: nomem). */
static uint64_t **orgset_block(orgset *o, uint64_t pg)
{
    uint64_t **d;
    if (o->dir == NULL && (o->dir = calloc(ORG_NDIR, sizeof *o->dir)) == NULL)
        return NULL;
    d = o->dir[pg >> ORG_DIR_BITS];
    if (d == NULL)
        d = o->dir[pg >> ORG_DIR_BITS] = calloc((size_t)1 << ORG_DIR_BITS, sizeof *d);
    return d;
}

/* Set key in the stage of a load (0 or -1, nomem).  The register's own set
 * gets, beforehand, the directory block and room in its list for every page
 * of the stage, so that merging the stage into it at the end of the load
 * needs no memory and cannot fail. */
static int orgset_put(hjtj_register *reg, uint64_t key)
{
    orgset *o = &reg->orgstage;
    uint64_t pg = key >> ORG_PAGE_BITS, bit = key & ((1u << ORG_PAGE_BITS) - 1);
    uint64_t *page = orgset_page(o, key), **d;
    if (page == NULL) {
        if (orgset_reserve(o, 1) != 0 || orgset_reserve(&reg->orgseen, o->nused + 1) != 0 ||
            orgset_block(&reg->orgseen, pg) == NULL || (d = orgset_block(o, pg)) == NULL ||
            (page = calloc(ORG_PAGE_WORDS, sizeof *page)) == NULL)
            return -1;
        d[pg & ((1u << ORG_DIR_BITS) - 1)] = page;
        o->used[o->nused++] = (uint32_t)pg;
    }
    page[bit / 64] |= (uint64_t)1 << (bit % 64);
    return 0;
}

/* Forget every page (the directory stays). */
static void orgset_clear(orgset *o)
{
    size_t i;
    for (i = 0; i < o->nused; i++) {
        uint64_t pg = o->used[i];
        uint64_t **d = o->dir[pg >> ORG_DIR_BITS];
        free(d[pg & ((1u << ORG_DIR_BITS) - 1)]);
        d[pg & ((1u << ORG_DIR_BITS) - 1)] = NULL;
    }
    o->nused = 0;
}

static void orgset_free(orgset *o)
{
    size_t i;
    if (o->dir != NULL) {
        orgset_clear(o);
        for (i = 0; i < ORG_NDIR; i++)
            free(o->dir[i]);
    }
    free(o->dir);
    free(o->used);
    memset(o, 0, sizeof *o);
}

/* At the end of a load: the stage's orgnr join the register's (ok), or are
 * forgotten.  A page moves where the register has none (its directory block
 * and list room exist, see orgset_put), else its bits are merged. */
static void orgset_end_load(hjtj_register *reg, int ok)
{
    orgset *st = &reg->orgstage, *seen = &reg->orgseen;
    size_t i, j;
    for (i = 0; i < st->nused; i++) {
        uint64_t pg = st->used[i], **d = st->dir[pg >> ORG_DIR_BITS], **e;
        uint64_t *s = d[pg & ((1u << ORG_DIR_BITS) - 1)], *t;
        d[pg & ((1u << ORG_DIR_BITS) - 1)] = NULL;
        if (ok) {
            e = seen->dir[pg >> ORG_DIR_BITS];
            t = e[pg & ((1u << ORG_DIR_BITS) - 1)];
            if (t == NULL) {
                e[pg & ((1u << ORG_DIR_BITS) - 1)] = s;
                seen->used[seen->nused++] = (uint32_t)pg;
                continue;
            }
            for (j = 0; j < ORG_PAGE_WORDS; j++)
                t[j] |= s[j];
        }
        free(s);
    }
    st->nused = 0;
}

/* ---- object ---- */

HJTJ_API hjtj_status hjtj_register_new(hjtj_register **out)
{
    hjtj_register *reg;
    if (out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    *out = NULL;
    reg = calloc(1, sizeof *reg);
    if (reg == NULL)
        return HJTJ_ERR_NOMEM;
    hjtj__scheme_init_default(&reg->scheme);
    memcpy(reg->limits, default_limits, sizeof reg->limits);
    reg->keep = 1;
    reg->aargang = 2024;
    *out = reg;
    return HJTJ_OK;
}

void hjtj__diags_free(hjtj_diag *d, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        free(d[i].orgnr);
        free(d[i].message);
    }
}

HJTJ_API void hjtj_register_free(hjtj_register *reg)
{
    size_t i;
    if (reg == NULL)
        return;
    for (i = 0; i < reg->nblocks; i++)
        free(reg->blocks[i]);
    free(reg->blocks);
    hjtj__diags_free(reg->rejects, reg->nrejects);
    free(reg->rejects);
    hjtj__diags_free(reg->warnings, reg->nwarnings);
    free(reg->warnings);
    free(reg->hslots);
    hjtj__xsd_free(reg->xsd);
    hjtj__red_free(reg->reds);
    orgset_free(&reg->orgseen);
    orgset_free(&reg->orgstage);
    for (i = 0; i < 100; i++)
        free(reg->nk_intern[i]);
    hjtj__pool_free(&reg->strings);
    hjtj__kommuner_clear(&reg->kommuner);
    free(reg);
}

HJTJ_API const hjtj_error *hjtj_register_error(const hjtj_register *reg)
{
    return reg ? &reg->err : NULL;
}

/* The size class of every municipality of the register's table under its
 * scheme, kept in the table (the tables by municipality read it): made again
 * whenever the table or the scheme changes. */
static void kommune_classes(hjtj_register *reg)
{
    size_t i;
    for (i = 0; i < reg->kommuner.n; i++) {
        kommune *k = &reg->kommuner.k[i];
        k->storrelse = (int8_t)hjtj__scheme_storrelse(&reg->scheme, k->nr, k->innbyggere);
    }
}

/* Settings cannot change while a load is in progress (from the record
 * callback): the load reads them as it goes. */
static hjtj_status refuse_while_loading(hjtj_register *reg)
{
    hjtj__err_clear(&reg->err);
    if (reg->loading)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0,
                       "the register's settings cannot change during a load");
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_register_set_kommuner(hjtj_register *reg,
                                                const hjtj_kommuner *kommuner)
{
    if (reg == NULL || kommuner == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (refuse_while_loading(reg) != HJTJ_OK)
        return HJTJ_ERR_STATE;
    if (reg->nread > 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0,
                       "the municipality table must be set before records are loaded");
    if (hjtj__kommuner_copy(&reg->kommuner, kommuner) != 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, "", 0, 0, "out of memory");
    reg->kommuner.loaded = 1;
    reg->kommuner_set = 1;
    kommune_classes(reg);
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_register_set_scheme(hjtj_register *reg, const hjtj_scheme *scheme)
{
    if (reg == NULL || scheme == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (refuse_while_loading(reg) != HJTJ_OK)
        return HJTJ_ERR_STATE;
    if (reg->nread > 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0,
                       "the scheme must be set before records are loaded");
    reg->scheme = *scheme;
    hjtj__err_clear(&reg->scheme.err);
    kommune_classes(reg);
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_register_set_limit(hjtj_register *reg, hjtj_limit limit,
                                             uint64_t value)
{
    if (reg == NULL || (int)limit < 0 || (int)limit >= HJTJ__NLIMITS)
        return HJTJ_ERR_INVALID_ARG;
    if (refuse_while_loading(reg) != HJTJ_OK)
        return HJTJ_ERR_STATE;
    if (limit == HJTJ_LIMIT_MAX_RECORDS && value > MAX_RECORDS_BOUND)
        value = MAX_RECORDS_BOUND;
    reg->limits[limit] = value ? value : default_limits[limit];
    return HJTJ_OK;
}

HJTJ_API uint64_t hjtj_register_limit(const hjtj_register *reg, hjtj_limit limit)
{
    if (reg == NULL || (int)limit < 0 || (int)limit >= HJTJ__NLIMITS)
        return 0;
    return reg->limits[limit];
}

HJTJ_API hjtj_status hjtj_register_set_record_callback(hjtj_register *reg, hjtj_record_fn fn,
                                                       void *userdata)
{
    if (reg == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (refuse_while_loading(reg) != HJTJ_OK)
        return HJTJ_ERR_STATE;
    reg->cb = fn;
    reg->cb_ud = userdata;
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_register_set_keep_records(hjtj_register *reg, int keep)
{
    size_t i;
    if (reg == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (refuse_while_loading(reg) != HJTJ_OK)
        return HJTJ_ERR_STATE;
    if ((keep != 0) == (reg->keep != 0))
        return HJTJ_OK;
    if (reg->nread > 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0,
                       "keep_records must be set before records are loaded");
    /* No record is held (nread == 0), but the record storage is shaped for
     * the old mode (a streaming register's one scratch record, blocks of
     * REC_BLOCK records when kept): start it again for the new mode. */
    for (i = 0; i < reg->nblocks; i++)
        free(reg->blocks[i]);
    free(reg->blocks);
    reg->blocks = NULL;
    reg->nblocks = 0;
    reg->nrecords = 0;
    reg->keep = keep != 0;
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_register_set_xsd_mode(hjtj_register *reg, hjtj_xsd_mode mode)
{
    if (reg == NULL || (mode != HJTJ_XSD_AUTO && mode != HJTJ_XSD_ALWAYS))
        return HJTJ_ERR_INVALID_ARG;
    if (refuse_while_loading(reg) != HJTJ_OK)
        return HJTJ_ERR_STATE;
    reg->xsd_mode = mode;
    return HJTJ_OK;
}

HJTJ_API hjtj_xsd_mode hjtj_register_xsd_mode(const hjtj_register *reg)
{
    return reg ? reg->xsd_mode : HJTJ_XSD_AUTO;
}

hjtj_status hjtj__register_ensure_kommuner(hjtj_register *reg)
{
    hjtj_status st;
    if (reg->kommuner_set)
        return HJTJ_OK;
    st = hjtj_kommuner_load_default(&reg->kommuner);
    if (st != HJTJ_OK) {
        hjtj__err_copy(&reg->err, &reg->kommuner.err);
        return st;
    }
    kommune_classes(reg);
    reg->kommuner_set = 1;
    return HJTJ_OK;
}

int hjtj__register_swap_kommuner(hjtj_register *reg, hjtj_kommuner *k, int set)
{
    hjtj_kommuner tmp = reg->kommuner;
    int was_set = reg->kommuner_set;
    reg->kommuner = *k;
    *k = tmp;
    reg->kommuner_set = set;
    kommune_classes(reg);
    return was_set;
}

/* ---- diagnostics ---- */

static int diag_push(hjtj_diag **arr, size_t *n, size_t *cap, hjtj_reason reason,
                     const char *file, uint64_t line, uint64_t col, const char *orgnr,
                     size_t orgnrlen, const char *msg)
{
    hjtj_diag *d;
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        hjtj_diag *na = realloc(*arr, nc * sizeof *na);
        if (na == NULL)
            return -1;
        *arr = na;
        *cap = nc;
    }
    d = &(*arr)[*n];
    d->reason = reason;
    d->file = file;
    d->line = line;
    d->column = col;
    {
        char clean[2048];
        hjtj__text_clean(clean, sizeof clean, msg, strlen(msg));
        d->message = hjtj__str_dup(clean);
    }
    d->orgnr = hjtj__str_ndup(orgnr ? orgnr : "", orgnr ? orgnrlen : 0);
    if (d->orgnr == NULL || d->message == NULL) {
        free(d->orgnr);
        free(d->message);
        return -1;
    }
    (*n)++;
    return 0;
}

int hjtj__register_warn(hjtj_register *reg, hjtj_reason reason, const char *file, uint64_t line,
                  uint64_t col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return diag_push(&reg->warnings, &reg->nwarnings, &reg->capwarnings, reason, file, line,
                     col, NULL, 0, msg);
}

/* ---- validation ---- */

static int orgnr_valid(const char *s, size_t n)
{
    static const int w[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    int sum = 0, i, r, check;
    if (n != 9)
        return 0;
    for (i = 0; i < 9; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    for (i = 0; i < 8; i++)
        sum += (s[i] - '0') * w[i];
    r = sum % 11;
    if (r == 1)
        return 0;
    check = r == 0 ? 0 : 11 - r;
    return check == s[8] - '0';
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\n' ||
                  (*s)[*n - 1] == '\r'))
        (*n)--;
}

static int is_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}

static int has_control(const char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    size_t i = 0, j;
    /* eight bytes at a time: is any byte below 0x20 or 0x7f? (exact for
     * "any"); a word where one is (tab, LF and CR too) goes byte by byte */
    for (; n - i >= 8; i += 8) {
        uint64_t w, x;
        memcpy(&w, s + i, 8);
        x = w ^ (0x7f * ones);
        if (((((w - 0x20 * ones) & ~w) | ((x - ones) & ~x)) & high) != 0)
            for (j = i; j < i + 8; j++)
                if (is_control((unsigned char)s[j]))
                    return 1;
    }
    for (; i < n; i++)
        if (is_control((unsigned char)s[i]))
            return 1;
    return 0;
}

#define SHOW(f) (int)((f)->n > 60 ? 60 : (f)->n), (f)->s

/* Reject the record: returns 0, or -1 on nomem. */
static int reject(hjtj_register *reg, const raw_record *raw, const char *file, hjtj_reason reason,
                  uint64_t line, uint64_t col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

static int reject(hjtj_register *reg, const raw_record *raw, const char *file, hjtj_reason reason,
                  uint64_t line, uint64_t col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    const raw_field *o = &raw->f[RAW_ORGNR];
    const char *os = o->s;
    size_t on = o->set ? o->n : 0, i;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (on > 64)
        on = hjtj__utf8_prefix(os, 64);
    if (os)
        trim(&os, &on);
    /* the orgnr as written, unless it holds a control character (tab, LF
     * and CR included: a diagnostic is one line); the message shows it
     * escaped */
    for (i = 0; i < on; i++)
        if ((unsigned char)os[i] < 0x20 || os[i] == 0x7f)
            on = 0;
    /* The line is the record's first line; the column is the field's when it
     * stands on that line. */
    return diag_push(&reg->rejects, &reg->nrejects, &reg->caprejects, reason, file, raw->line,
                     line == raw->line && col ? col : raw->col, os, on, msg);
}

static hjtj_record *new_record_slot(hjtj_register *reg)
{
    size_t b = reg->nrecords / REC_BLOCK;
    if (!reg->keep) {
        /* one scratch slot, reused */
        b = 0;
        if (reg->nblocks == 0)
            goto grow;
        return &reg->blocks[0][0];
    }
    if (b < reg->nblocks)
        return &reg->blocks[b][reg->nrecords % REC_BLOCK];
grow : {
    hjtj_record **nb = realloc(reg->blocks, (reg->nblocks + 1) * sizeof *nb);
    if (nb == NULL)
        return NULL;
    reg->blocks = nb;
    nb[reg->nblocks] = malloc((reg->keep ? REC_BLOCK : 1) * sizeof(hjtj_record));
    if (nb[reg->nblocks] == NULL)
        return NULL;
    reg->nblocks++;
    return &nb[reg->nblocks - 1][reg->keep ? reg->nrecords % REC_BLOCK : 0];
}
}

/* Parse a 0/1/true/false flag. */
static int parse_flag(const char *s, size_t n, int *out)
{
    trim(&s, &n);
    if (n == 0) {
        *out = 0;
        return 0;
    }
    if ((n == 1 && s[0] == '1') || (n == 4 && memcmp(s, "true", 4) == 0)) {
        *out = 1;
        return 0;
    }
    if ((n == 1 && s[0] == '0') || (n == 5 && memcmp(s, "false", 5) == 0)) {
        *out = 0;
        return 0;
    }
    return -1;
}

static uint64_t field_line(const raw_field *f)
{
    return f ? f->line : 0;
}

static uint64_t field_col(const raw_field *f)
{
    return f ? f->col : 0;
}

#define NOMEM_IF(x)                                                                            \
    do {                                                                                       \
        if ((x) != 0)                                                                          \
            goto nomem;                                                                        \
    } while (0)

#define REJECT(f, reason, ...)                                                                 \
    do {                                                                                       \
        NOMEM_IF(reject(reg, raw, file, reason, field_line(f), field_col(f), __VA_ARGS__));    \
        goto rejected;                                                                         \
    } while (0)

static const hjtj_field list_fields[4] = {HJTJ_FIELD_VIRKSOMHETSTYPE, HJTJ_FIELD_MALGRUPPE,
                                          HJTJ_FIELD_MOTTAR_FRA, HJTJ_FIELD_LEVERER_TIL};
static const char *const list_names[4] = {"virksomhetstyper", "malgrupper", "mottar-fra",
                                          "leverer-til"};

hjtj_status hjtj__register_add(hjtj_register *reg, raw_record *raw, const char *file)
{
    raw_field *f;
    hjtj_record rec, *slot;
    const char *s;
    size_t n, i;
    int64_t kidx;
    char hint[320];
    uint32_t sets[4];
    uint64_t orgkey;
    int flag;

    reg->nread++;
    if (reg->nread > reg->limits[HJTJ_LIMIT_MAX_RECORDS]) {
        reg->nread--;
        return hjtj__err_set(&reg->err, HJTJ_ERR_LIMIT, file, raw->line, raw->col,
                       "more than %llu records", (unsigned long long)reg->limits[0]);
    }
    memset(&rec, 0, sizeof rec);
    rec.line = raw->line > UINT32_MAX ? UINT32_MAX : (uint32_t)raw->line;
    rec.file = file;

    if (raw->err_reason != 0) {
        NOMEM_IF(reject(reg, raw, file, raw->err_reason, raw->err_line, raw->err_col, "%s",
                        raw->err_msg));
        goto rejected;
    }

    /* text fields: length and control characters */
    for (i = 0; i < RAW_NFIELDS; i++) {
        f = &raw->f[i];
        if (!f->set)
            continue;
        if (f->n > reg->limits[HJTJ_LIMIT_MAX_TEXT])
            REJECT(f, HJTJ_REASON_TOO_LONG, "a field is longer than %llu bytes",
                   (unsigned long long)reg->limits[HJTJ_LIMIT_MAX_TEXT]);
        if (has_control(f->s, f->n))
            REJECT(f, HJTJ_REASON_CONTROL_CHAR, "NUL byte or control character in a field");
    }

    /* orgnr */
    f = &raw->f[RAW_ORGNR];
    s = f->s;
    n = f->n;
    if (f->set)
        trim(&s, &n);
    if (!f->set || n == 0)
        REJECT(NULL, HJTJ_REASON_MISSING_FIELD, "missing orgnr");
    if (!orgnr_valid(s, n))
        REJECT(f, HJTJ_REASON_ORGNR, "orgnr '%.*s' is not 9 digits with a valid check digit",
               (int)(n > 40 ? 40 : n), s);
    {
        char tmp[10];
        memcpy(tmp, s, 9);
        tmp[9] = '\0';
        orgkey = strtoull(tmp, NULL, 10);
    }
    if (reg->keep ? hash_get(reg, orgkey) != 0
                  : orgset_has(&reg->orgseen, orgkey) || orgset_has(&reg->orgstage, orgkey))
        REJECT(f, HJTJ_REASON_DUPLICATE_ORGNR, "orgnr %.9s appears more than once", s);
    rec.orgnr = s; /* copied to the pool when stored */

    /* kommunenr */
    f = &raw->f[RAW_KOMMUNENR];
    s = f->s;
    n = f->n;
    if (f->set)
        trim(&s, &n);
    if (!f->set || n == 0)
        REJECT(NULL, HJTJ_REASON_MISSING_FIELD, "missing kommunenr");
    kidx = -1;
    if (n == 4)
        kidx = hjtj__kommuner_find_n(&reg->kommuner, s, n);
    if (kidx < 0)
        REJECT(f, HJTJ_REASON_KOMMUNENR, "kommunenr '%.*s' is not in the municipality table",
               (int)(n > 40 ? 40 : n), s);
    rec.kommune = (uint16_t)kidx;
    memcpy(rec.kommunenr, reg->kommuner.k[kidx].nr, 5);

    /* eierskap */
    f = &raw->f[RAW_EIERSKAP];
    s = f->s;
    n = f->n;
    if (f->set)
        trim(&s, &n);
    if (!f->set || n == 0)
        REJECT(NULL, HJTJ_REASON_MISSING_FIELD, "missing eierskap");
    {
        int32_t v = hjtj__code_parse_n(HJTJ_FIELD_EIERSKAP, s, n);
        if (v < 0) {
            (void)hjtj__code_hint(hint, sizeof hint, HJTJ_FIELD_EIERSKAP, s, n);
            REJECT(f, HJTJ_REASON_UNKNOWN_CODE, "unknown eierskap '%.*s'; %s", SHOW(f), hint);
        }
        rec.eierskap = (uint8_t)v;
    }

    /* status */
    f = &raw->f[RAW_STATUS];
    s = f->s;
    n = f->n;
    if (f->set)
        trim(&s, &n);
    rec.status = HJTJ_STATUS_AKTIV;
    if (f->set) { /* absent means aktiv; status="" is not a status */
        int32_t v = hjtj__code_parse_n(HJTJ_FIELD_STATUS, s, n);
        if (v < 0) {
            (void)hjtj__code_hint(hint, sizeof hint, HJTJ_FIELD_STATUS, s, n);
            REJECT(f, HJTJ_REASON_UNKNOWN_CODE, "unknown status '%.*s'; %s", SHOW(f), hint);
        }
        rec.status = (uint8_t)v;
    }

    /* code sets */
    for (i = 0; i < 4; i++) {
        const char *bad = NULL;
        size_t badlen = 0;
        int64_t m = 0;
        f = &raw->f[RAW_TYPES + i];
        if (f->set) {
            m = hjtj__code_list_parse(list_fields[i], f->s, f->n, &bad, &badlen);
            if (m < 0) {
                (void)hjtj__code_hint(hint, sizeof hint, list_fields[i], bad, badlen);
                REJECT(f, HJTJ_REASON_UNKNOWN_CODE, "unknown code '%.*s' in %s; %s",
                       (int)(badlen > 40 ? 40 : badlen), bad, list_names[i], hint);
            }
        }
        sets[i] = (uint32_t)m | raw->wide[i];
    }
    rec.types_given = (uint16_t)sets[0];
    rec.mg_given = (uint8_t)sets[1];
    rec.mottar = (uint8_t)sets[2];
    rec.leverer = (uint8_t)sets[3];

    /* boenheter */
    f = &raw->f[RAW_BOENHETER];
    s = f->s;
    n = f->n;
    if (f->set)
        trim(&s, &n);
    rec.boenheter = -1;
    if (f->set && n > 0) {
        int64_t v = 0;
        for (i = 0; i < n; i++) {
            if (s[i] < '0' || s[i] > '9')
                REJECT(f, HJTJ_REASON_BOENHETER,
                       "boenheter '%.*s' is not a non-negative integer", SHOW(f));
            if (v > (INT64_MAX - 9) / 10) {
                v = INT64_MAX;
                break;
            }
            v = v * 10 + (s[i] - '0');
        }
        if ((uint64_t)v > reg->limits[HJTJ_LIMIT_MAX_BOENHETER] || v > INT32_MAX)
            REJECT(f, HJTJ_REASON_BOENHETER, "boenheter %.*s is larger than %llu", SHOW(f),
                   (unsigned long long)(reg->limits[HJTJ_LIMIT_MAX_BOENHETER] < INT32_MAX
                                            ? reg->limits[HJTJ_LIMIT_MAX_BOENHETER]
                                            : INT32_MAX));
        rec.boenheter = (int32_t)v;
    }

    /* andre-kommuner */
    f = &raw->f[RAW_ANDRE_KOMMUNER];
    if (f->set) {
        if (parse_flag(f->s, f->n, &flag) != 0)
            REJECT(f, HJTJ_REASON_BAD_VALUE, "andre-kommuner '%.*s' is not true/false or 1/0",
                   SHOW(f));
        rec.andre_kommuner = (uint8_t)flag;
    }

    /* næringskode */
    f = &raw->f[RAW_NAERINGSKODE];
    s = f->s;
    n = f->n;
    if (f->set)
        trim(&s, &n);
    rec.naeringskode = "";
    if (f->set && n > 0) {
        if (!(n == 6 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] == '.' &&
              s[3] >= '0' && s[3] <= '9' && s[4] >= '0' && s[4] <= '9' && s[5] >= '0' &&
              s[5] <= '9'))
            REJECT(f, HJTJ_REASON_BAD_VALUE, "naeringskode '%.*s' is not of the form NN.NNN",
                   SHOW(f));
        rec.naeringskode = s; /* copied below */
    }
    f = &raw->f[RAW_NK_STANDARD];
    s = f->s;
    n = f->n;
    if (f->set)
        trim(&s, &n);
    rec.nk_standard = 0;
    if (f->set && n > 0) {
        if (n == 6 && memcmp(s, "SN2007", 6) == 0)
            rec.nk_standard = 0;
        else if (n == 6 && memcmp(s, "SN2025", 6) == 0)
            rec.nk_standard = 1;
        else
            REJECT(f, HJTJ_REASON_UNKNOWN_CODE,
                   "naeringskode standard '%.*s' is not SN2007 or SN2025", SHOW(f));
    }

    /* rules for active records (SPEC §4.1) */
    if (rec.status == HJTJ_STATUS_AKTIV) {
        if ((rec.mg_given & BIT(HJTJ_MG_INGEN)) && (rec.mg_given & ~BIT(HJTJ_MG_INGEN))) {
            f = raw->f[RAW_MALGRUPPER].set ? &raw->f[RAW_MALGRUPPER] : NULL;
            REJECT(f, HJTJ_REASON_INGEN_WITH_OTHER,
                   "målgruppe 'ingen' together with other målgrupper");
        }
        if (rec.types_given == 0) {
            f = raw->f[RAW_TYPES].set ? &raw->f[RAW_TYPES] : NULL;
            REJECT(f, HJTJ_REASON_NO_TYPE, "active record without any virksomhetstype");
        }
    }

    /* store */
    {
        const kommune *k = &reg->kommuner.k[rec.kommune];
        hjtj__classify_record(&rec, &reg->scheme, hjtj__scheme_storrelse(&reg->scheme, k->nr, k->innbyggere));
    }
    slot = new_record_slot(reg);
    if (slot == NULL)
        goto nomem;
    {
        /* a streaming register keeps no orgnr: the callback's record has it
         * in a buffer reused for the next record */
        const char *org = reg->keep ? hjtj__pool_strndup(&reg->strings, rec.orgnr, 9)
                                    : memcpy(reg->orgnr_now, rec.orgnr, 9);
        const char *nk = nk_interned(reg, rec.naeringskode);
        const char *text = hjtj__record_no_text;
        raw_field *fn = &raw->f[RAW_NAVN], *fm = &raw->f[RAW_MERKNAD];
        size_t nn = fn->set ? fn->n : 0, nm = fm->set ? fm->n : 0;
        if (reg->keep && nn + nm > 0) {
            /* "navn\0merknad\0" in one piece of the pool */
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
        if (org == NULL || nk == NULL || text == NULL)
            goto nomem;
        rec.orgnr = org;
        rec.naeringskode = nk;
        rec.text = text;
    }
    *slot = rec;
    if (reg->keep ? hash_put(reg, orgkey, (uint32_t)(reg->nrecords + 1)) != 0
                  : orgset_put(reg, orgkey) != 0 || hjtj__red_count_record(reg, slot) != 0)
        goto nomem;
    reg->nrecords++;
    if (reg->cb && reg->cb(slot, reg->cb_ud) != 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_ABORTED, file, raw->line, raw->col,
                       "stopped by the record callback");
    return HJTJ_OK;

rejected:
    return HJTJ_OK;
nomem:
    return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, file, raw->line, raw->col, "out of memory");
}

/* ---- loading ---- */

/* A failed load leaves the municipality table as it was: the bundled one,
 * loaded for this load (or by the streaming catalogue's discovery), goes. */
static void restore_kommuner(hjtj_register *reg, int was_set)
{
    if (!was_set && reg->kommuner_set) {
        hjtj__kommuner_clear(&reg->kommuner);
        reg->kommuner_set = 0;
    }
}

static hjtj_status load_buffer(hjtj_register *reg, const char *data, size_t len,
                               const char *name)
{
    size_t mark_rec = reg->nrecords, mark_read = reg->nread, mark_rej = reg->nrejects,
           mark_warn = reg->nwarnings;
    const char *p = data, *end = data + len, *file;
    int32_t mark_aargang = reg->aargang;
    int mark_kommuner = reg->kommuner_set;
    hjtj_status st;

    if (hjtj__red_prepare(reg) != 0) {
        restore_kommuner(reg, mark_kommuner);
        return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, name, 0, 0, "out of memory");
    }
    file = hjtj__pool_strndup(&reg->strings, name, strlen(name));
    if (file == NULL) {
        restore_kommuner(reg, mark_kommuner);
        return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, name, 0, 0, "out of memory");
    }
    if (file[0] == '\0')
        file = "<memory>";
    hjtj__input_fill(reg->in, data, data + 4096);
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    {
        const char *q = p;
        for (;;) {
            const char *held = data + hjtj__input_held(reg->in, data, len);
            while (q < held && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
                q++;
            if (q < held || held == end)
                break;
            hjtj__input_release(reg->in, q);
            hjtj__input_fill(reg->in, q, q + ((size_t)1 << 20));
        }
        if (q == end) {
            restore_kommuner(reg, mark_kommuner);
            return hjtj__err_set(&reg->err, HJTJ_ERR_EMPTY, file, 1, 1, "empty input");
        }
        reg->loading = 1;
        if (*q == '<') {
            /* checks the encoding as it parses (invalid UTF-8 anywhere still
             * fails the load with HJTJ_ERR_ENCODING, whatever else is wrong) */
            st = hjtj__load_xml(reg, p, (size_t)(end - p), file);
        } else if ((st = hjtj__register_ensure_kommuner(reg)) == HJTJ_OK) {
            if (reg->encoding != HJTJ_ENCODING_UTF8 && p == data) {
                /* a single-byte CSV: read its UTF-8 form (a UTF-8 BOM wins) */
                input u, *in = reg->in;
                st = hjtj__to_utf8(&u, reg->encoding, in, p, (size_t)(end - p), file, &reg->err);
                if (st == HJTJ_OK) {
                    reg->in = &u;
                    st = hjtj__load_csv(reg, u.data, u.len, file);
                    reg->in = in;
                    hjtj__input_close(&u);
                }
            } else {
                st = hjtj__load_csv(reg, p, (size_t)(end - p), file); /* the same for CSV */
            }
        } else {
            hjtj_status b = hjtj__input_check_utf8(reg->in, p, (size_t)(end - p), 0, file, &reg->err);
            st = b != HJTJ_OK ? b : st;
        }
        reg->loading = 0;
    }
    if (reg->in != NULL && reg->in->changed > 0)
        st = hjtj__err_set(&reg->err, HJTJ_ERR_IO, file, 0, 0, "error reading %s: %s", file,
                     strerror(reg->in->changed));
    else if (reg->in != NULL && reg->in->changed != 0)
        st = hjtj__err_set(&reg->err, HJTJ_ERR_IO, file, 0, 0,
                     "%s changed while it was read (it became shorter)", file);
    /* a streaming register: the load's counts and orgnr join the
     * register's if it stands, else they are dropped */
    if (st == HJTJ_OK && hjtj__red_end_load(reg, 1) != 0)
        st = hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, file, 0, 0, "out of memory");
    if (st != HJTJ_OK)
        (void)hjtj__red_end_load(reg, 0);
    orgset_end_load(reg, st == HJTJ_OK);
    if (st != HJTJ_OK) {
        /* a file-level error: nothing of this file stays */
        size_t i;
        if (reg->nrejects > mark_rej)
            hjtj__diags_free(reg->rejects + mark_rej, reg->nrejects - mark_rej);
        if (reg->nwarnings > mark_warn)
            hjtj__diags_free(reg->warnings + mark_warn, reg->nwarnings - mark_warn);
        reg->nrejects = mark_rej;
        reg->nwarnings = mark_warn;
        reg->nread = mark_read;
        if (reg->keep) {
            /* free whole blocks no longer used */
            i = (mark_rec + REC_BLOCK - 1) / REC_BLOCK;
            while (reg->nblocks > i)
                free(reg->blocks[--reg->nblocks]);
        }
        reg->nrecords = mark_rec;
        hash_truncate(reg, mark_rec);
        reg->aargang = mark_aargang;
        restore_kommuner(reg, mark_kommuner);
    }
    return st;
}

HJTJ_API hjtj_status hjtj_register_load_memory(hjtj_register *reg, const char *data, size_t len,
                                               const char *name)
{
    if (reg == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&reg->err);
    if (reg->loading)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0, "a load is already in progress");
    if (data == NULL && len > 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_INVALID_ARG, name ? name : "", 0, 0, "no data");
    return load_buffer(reg, data ? data : "", len, name ? name : "<memory>");
}

HJTJ_API hjtj_status hjtj_register_load_file(hjtj_register *reg, const char *path)
{
    input in;
    hjtj_status st;
    if (reg == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&reg->err);
    if (reg->loading)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0, "a load is already in progress");
    st = hjtj__input_open(&in, path, &reg->err);
    if (st != HJTJ_OK)
        return st;
    reg->in = &in;
    st = load_buffer(reg, in.data ? in.data : "", in.len, path);
    reg->in = NULL;
    hjtj__input_close(&in);
    return st;
}

HJTJ_API hjtj_status hjtj_register_load_callback(hjtj_register *reg, hjtj_read_fn fn,
                                                 void *userdata, const char *name)
{
    buf b;
    hjtj_status st;
    if (reg == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&reg->err);
    if (name == NULL)
        name = "<callback>";
    if (reg->loading)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0, "a load is already in progress");
    st = hjtj__read_all_callback(&b, fn, userdata, name, &reg->err);
    if (st != HJTJ_OK)
        return st;
    st = load_buffer(reg, b.data, b.len, name);
    hjtj__buf_free(&b);
    return st;
}

HJTJ_API hjtj_status hjtj_register_set_encoding(hjtj_register *reg, hjtj_encoding encoding)
{
    if (reg == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&reg->err);
    if (hjtj_encoding_name(encoding) == NULL)
        return hjtj__err_set(&reg->err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "unknown encoding %d",
                       (int)encoding);
    if (reg->loading)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0, "a load is in progress");
    reg->encoding = encoding;
    return HJTJ_OK;
}

HJTJ_API hjtj_encoding hjtj_register_encoding(const hjtj_register *reg)
{
    return reg ? reg->encoding : HJTJ_ENCODING_UTF8;
}

/* ---- queries ---- */

HJTJ_API size_t hjtj_register_read_count(const hjtj_register *reg)
{
    return reg ? reg->nread : 0;
}

HJTJ_API size_t hjtj_register_count(const hjtj_register *reg)
{
    return reg ? reg->nrecords : 0;
}

HJTJ_API size_t hjtj_register_reject_count(const hjtj_register *reg)
{
    return reg ? reg->nrejects : 0;
}

HJTJ_API size_t hjtj_register_warning_count(const hjtj_register *reg)
{
    return reg ? reg->nwarnings : 0;
}

HJTJ_API const hjtj_record *hjtj_register_record(const hjtj_register *reg, size_t i)
{
    if (reg == NULL || !reg->keep || i >= reg->nrecords)
        return NULL;
    return reg_rec(reg, i);
}

HJTJ_API const hjtj_record *hjtj_register_find(const hjtj_register *reg, const char *orgnr)
{
    uint32_t v;
    if (reg == NULL || !reg->keep || orgnr == NULL || !orgnr_valid(orgnr, strlen(orgnr)))
        return NULL;
    v = hash_get(reg, strtoull(orgnr, NULL, 10));
    return v ? reg_rec(reg, v - 1) : NULL;
}

HJTJ_API const hjtj_diag *hjtj_register_reject(const hjtj_register *reg, size_t i)
{
    return reg && i < reg->nrejects ? &reg->rejects[i] : NULL;
}

HJTJ_API const hjtj_diag *hjtj_register_warning(const hjtj_register *reg, size_t i)
{
    return reg && i < reg->nwarnings ? &reg->warnings[i] : NULL;
}

HJTJ_API const hjtj_kommuner *hjtj_register_kommuner(const hjtj_register *reg)
{
    return reg ? &reg->kommuner : NULL;
}

HJTJ_API const hjtj_scheme *hjtj_register_scheme(const hjtj_register *reg)
{
    return reg ? &reg->scheme : NULL;
}

HJTJ_API int32_t hjtj_register_aargang(const hjtj_register *reg)
{
    return reg ? reg->aargang : 0;
}

/* ---- diagnostics accessors ---- */

HJTJ_API const char *hjtj_reason_code(hjtj_reason reason)
{
    switch (reason) {
    case HJTJ_REASON_ORGNR: return "orgnr";
    case HJTJ_REASON_UNKNOWN_CODE: return "unknown-code";
    case HJTJ_REASON_INGEN_WITH_OTHER: return "ingen-with-other";
    case HJTJ_REASON_BOENHETER: return "boenheter";
    case HJTJ_REASON_KOMMUNENR: return "kommunenr";
    case HJTJ_REASON_DUPLICATE_ORGNR: return "duplicate-orgnr";
    case HJTJ_REASON_MISSING_FIELD: return "missing-field";
    case HJTJ_REASON_NO_TYPE: return "no-type";
    case HJTJ_REASON_BAD_VALUE: return "bad-value";
    case HJTJ_REASON_CONTROL_CHAR: return "control-char";
    case HJTJ_REASON_DUPLICATE_FIELD: return "duplicate-field";
    case HJTJ_REASON_TOO_LONG: return "too-long";
    case HJTJ_REASON_RAGGED_ROW: return "ragged-row";
    case HJTJ_REASON_NOT_A_NUMBER: return "not-a-number";
    case HJTJ_REASON_NOT_IN_REGISTER: return "not-in-register";
    case HJTJ_REASON_NUMBER_RANGE: return "number-range";
    case HJTJ_REASON_UNKNOWN_COLUMN: return "unknown-column";
    }
    return NULL;
}

HJTJ_API hjtj_reason hjtj_diag_reason(const hjtj_diag *diag)
{
    return diag ? diag->reason : (hjtj_reason)0;
}

HJTJ_API const char *hjtj_diag_message(const hjtj_diag *diag)
{
    return diag ? diag->message : "";
}

HJTJ_API const char *hjtj_diag_file(const hjtj_diag *diag)
{
    return diag ? diag->file : "";
}

HJTJ_API uint64_t hjtj_diag_line(const hjtj_diag *diag)
{
    return diag ? diag->line : 0;
}

HJTJ_API uint64_t hjtj_diag_column(const hjtj_diag *diag)
{
    return diag ? diag->column : 0;
}

HJTJ_API const char *hjtj_diag_orgnr(const hjtj_diag *diag)
{
    return diag ? diag->orgnr : "";
}

/* ---- record accessors ---- */

HJTJ_API const char *hjtj_record_orgnr(const hjtj_record *rec) { return rec ? rec->orgnr : ""; }
HJTJ_API const char *hjtj_record_kommunenr(const hjtj_record *rec)
{
    return rec ? rec->kommunenr : "";
}
HJTJ_API const char *hjtj_record_navn(const hjtj_record *rec) { return rec ? rec->text : ""; }
HJTJ_API const char *hjtj_record_merknad(const hjtj_record *rec)
{
    return rec ? rec->text + strlen(rec->text) + 1 : "";
}
HJTJ_API const char *hjtj_record_naeringskode(const hjtj_record *rec)
{
    return rec ? rec->naeringskode : "";
}
HJTJ_API const char *hjtj_record_naeringskode_standard(const hjtj_record *rec)
{
    if (rec == NULL || rec->naeringskode[0] == '\0')
        return "";
    return rec->nk_standard ? "SN2025" : "SN2007";
}
HJTJ_API uint64_t hjtj_record_line(const hjtj_record *rec) { return rec ? rec->line : 0; }
HJTJ_API const char *hjtj_record_file(const hjtj_record *rec) { return rec ? rec->file : ""; }
HJTJ_API int32_t hjtj_record_eierskap(const hjtj_record *rec) { return rec ? rec->eierskap : -1; }
HJTJ_API int32_t hjtj_record_status(const hjtj_record *rec) { return rec ? rec->status : -1; }
HJTJ_API int32_t hjtj_record_andre_kommuner(const hjtj_record *rec)
{
    return rec ? rec->andre_kommuner : 0;
}
HJTJ_API uint32_t hjtj_record_types(const hjtj_record *rec) { return rec ? rec->types : 0; }
HJTJ_API uint32_t hjtj_record_types_given(const hjtj_record *rec)
{
    return rec ? rec->types_given : 0;
}
HJTJ_API uint32_t hjtj_record_malgrupper(const hjtj_record *rec) { return rec ? rec->mg : 0; }
HJTJ_API uint32_t hjtj_record_malgrupper_given(const hjtj_record *rec)
{
    return rec ? rec->mg_given : 0;
}
HJTJ_API uint32_t hjtj_record_mottar_fra(const hjtj_record *rec) { return rec ? rec->mottar : 0; }
HJTJ_API uint32_t hjtj_record_leverer_til(const hjtj_record *rec)
{
    return rec ? rec->leverer : 0;
}
HJTJ_API int64_t hjtj_record_boenheter(const hjtj_record *rec) { return rec ? rec->boenheter : -1; }
HJTJ_API int64_t hjtj_record_boenheter_counted(const hjtj_record *rec)
{
    return rec == NULL ? 0 : rec_boenheter_counted(rec);
}
HJTJ_API uint32_t hjtj_record_edits(const hjtj_record *rec) { return rec ? rec->edits : 0; }
HJTJ_API int32_t hjtj_record_class(const hjtj_record *rec, hjtj_field field)
{
    if (rec == NULL || field < CLS_FIRST || field > HJTJ_FIELD_STORRELSE)
        return -1;
    return rec_cls(rec, field);
}
HJTJ_API int32_t hjtj_record_in_population(const hjtj_record *rec)
{
    return rec ? rec->population : 0;
}

/* ---- for linked variables (link.c) ---- */

int hjtj__register_has_orgnr(const hjtj_register *reg, uint32_t orgnr)
{
    if (reg->keep)
        return reg->hcap != 0 && hash_get(reg, orgnr) != 0;
    return orgset_has(&reg->orgseen, orgnr);
}

const hjtj_scheme *hjtj__reg_scheme(const hjtj_register *reg)
{
    return &reg->scheme;
}

const hjtj_kommuner *hjtj__reg_kommuner(const hjtj_register *reg)
{
    return &reg->kommuner;
}

size_t hjtj__reg_count(const hjtj_register *reg)
{
    return reg->nrecords;
}
