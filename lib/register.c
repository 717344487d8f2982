/* register.c — the register object: creation, settings, the municipality
 * table under its scheme, diagnostics about records, and the accessors of
 * the register, its records and its diagnostics.  Adding a record is
 * store.c's, loading load.c's. */
#include "buf.h"
#include "catalog.h"
#include "crosstab.h"
#include "error.h"
#include "orgindex.h"
#include "pool.h"
#include "record.h"
#include "reduce.h"
#include "register.h"
#include "store.h"
#include "text.h"
#include "xml.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const uint64_t default_limits[HJTJ__NLIMITS] = {10000000u, 65536u, 1048576u, 100000u,
                                                       1024u,     64u,    256u};

/* Records per register at most: record indices fit 32 bits (the orgnr
 * hash), and the boenheter summed over them (each below 2^31) fit int64. */
#define MAX_RECORDS_BOUND ((uint64_t)UINT32_MAX - 1)

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
    hjtj__orgindex_init(&reg->index, 1);
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
    if (reg == NULL)
        return;
    hjtj__store_free(reg);
    hjtj__diags_free(reg->rejects, reg->nrejects);
    free(reg->rejects);
    hjtj__diags_free(reg->warnings, reg->nwarnings);
    free(reg->warnings);
    hjtj__xsd_free(reg->xsd);
    hjtj__red_free(reg->reds);
    hjtj__orgindex_free(&reg->index);
    hjtj__nk_free(&reg->nk);
    hjtj__pool_free(&reg->strings);
    free(reg->memo);
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
    if (hjtj__kommuner_copy(&reg->kommuner, kommuner) != HJTJ_OK)
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
    hjtj__store_free(reg);
    reg->keep = keep != 0;
    hjtj__orgindex_free(&reg->index);
    hjtj__orgindex_init(&reg->index, reg->keep);
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

/* Append a diagnostic (msg cleaned for one line, orgnr copied). */
static hjtj_status diag_push(hjtj_diag **arr, size_t *n, size_t *cap, hjtj_reason reason,
                             const char *file, uint64_t line, uint64_t col, const char *orgnr,
                             size_t orgnrlen, const char *msg)
{
    hjtj_diag *d;
    char clean[2048];
    if (hjtj__grow(arr, cap, *n + 1, sizeof **arr, 16) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    d = &(*arr)[*n];
    d->reason = reason;
    d->file = file;
    d->line = line;
    d->column = col;
    hjtj__text_clean(clean, sizeof clean, msg, strlen(msg));
    d->message = hjtj__str_dup(clean);
    d->orgnr = hjtj__str_ndup(orgnr ? orgnr : "", orgnr ? orgnrlen : 0);
    if (d->orgnr == NULL || d->message == NULL) {
        free(d->orgnr);
        free(d->message);
        return HJTJ_ERR_NOMEM;
    }
    (*n)++;
    return HJTJ_OK;
}

hjtj_status hjtj__register_warn(hjtj_register *reg, hjtj_reason reason, const char *file,
                                uint64_t line, uint64_t col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return diag_push(&reg->warnings, &reg->nwarnings, &reg->capwarnings, reason, file, line,
                     col, NULL, 0, msg);
}

hjtj_status hjtj__register_reject(hjtj_register *reg, const raw_field *orgnr, const char *file,
                                  hjtj_reason reason, uint64_t rline, uint64_t rcol,
                                  uint64_t line, uint64_t col, const char *msg)
{
    const char *os = orgnr->s;
    size_t on = orgnr->set ? orgnr->n : 0, i;
    if (on > 64)
        on = hjtj__utf8_prefix(os, 64);
    if (os)
        hjtj__trim(&os, &on);
    /* the orgnr as written, unless it holds a control character (tab, LF
     * and CR included: a diagnostic is one line); the message shows it
     * escaped */
    for (i = 0; i < on; i++)
        if ((unsigned char)os[i] < 0x20 || os[i] == 0x7f)
            on = 0;
    return diag_push(&reg->rejects, &reg->nrejects, &reg->caprejects, reason, file, rline,
                     line == rline && col ? col : rcol, os, on, msg);
}

/* ---- the encoding of CSV input ---- */

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
    uint64_t key;
    if (reg == NULL || !reg->keep || orgnr == NULL || !hjtj__orgnr_valid(orgnr, strlen(orgnr)) ||
        hjtj__parse_uint(orgnr, 9, UINT64_MAX, &key) != HJTJ_OK)
        return NULL;
    v = hjtj__orgindex_get(&reg->index, key);
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
    return hjtj__orgindex_has(&reg->index, orgnr);
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
