/* validate.c — a raw record checked and turned into a record (SPEC §2):
 * the loader's own finding first, then the text of every field (length,
 * control characters), then each field by the table below, in its order
 * (the first fault is the one reported), then the rules for active records
 * (SPEC §4.1). */
#include "codes.h"
#include "text.h"
#include "validate.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

/* One record under check. */
typedef struct vstate {
    const hjtj__validator *c;
    const raw_record *raw;
    hjtj_record *rec;
    uint64_t orgnr;
    hjtj__verdict *v;
} vstate;

/* Reject for reason, at field f (NULL: the record's position); returns 0. */
static int fail(vstate *st, const raw_field *f, hjtj_reason reason, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(vstate *st, const raw_field *f, hjtj_reason reason, const char *fmt, ...)
{
    va_list ap;
    st->v->reason = reason;
    st->v->line = f ? f->line : 0;
    st->v->col = f ? f->col : 0;
    va_start(ap, fmt);
    vsnprintf(st->v->msg, sizeof st->v->msg, fmt, ap);
    va_end(ap);
    return 0;
}

int hjtj__validate_duplicate(hjtj__verdict *v, uint64_t line, uint64_t col, uint64_t orgnr)
{
    v->reason = HJTJ_REASON_DUPLICATE_ORGNR;
    v->line = line;
    v->col = col;
    snprintf(v->msg, sizeof v->msg, "orgnr %09llu appears more than once",
             (unsigned long long)orgnr);
    return 0;
}

/* A value as the messages show it: its first 60 bytes as written. */
#define SHOW(f) (int)((f)->n > 60 ? 60 : (f)->n), (f)->s
/* A trimmed value in a message: its first 40 bytes. */
#define SHOW40(s, n) (int)((n) > 40 ? 40 : (n)), (s)

/* ---- one parser per kind of field ----
 * Each gets the field f and its value (s, n) with the blanks around it
 * dropped, stores what it reads in st->rec, and returns 1, or 0 through
 * fail(). */

/* The kinds of field, one parser each. */
enum field_kind {
    K_ORGNR,       /* parse_orgnr */
    K_KOMMUNENR,   /* parse_kommunenr */
    K_CODE,        /* parse_code */
    K_CODE_LIST,   /* parse_code_list */
    K_COUNT,       /* parse_count */
    K_FLAG,        /* parse_flag */
    K_NAERINGSKODE,/* parse_naeringskode */
    K_STANDARD     /* parse_standard */
};

/* When a field is read. */
enum presence {
    REQUIRED,  /* absent or blank: "missing NAME" */
    IF_SET,    /* when present, even blank */
    IF_VALUE   /* when present and not blank */
};

typedef struct field_rule {
    int id;              /* enum raw_id */
    const char *name;    /* in messages */
    enum presence when;
    enum field_kind kind;
    hjtj_field code;     /* the code field of parse_code / parse_code_list */
    int set;             /* parse_code_list: the code set (0..3) */
} field_rule;

static int parse_orgnr(vstate *st, const field_rule *r, const raw_field *f, const char *s,
                       size_t n)
{
    (void)r;
    if (!hjtj__orgnr_valid(s, n))
        return fail(st, f, HJTJ_REASON_ORGNR,
                    "orgnr '%.*s' is not 9 digits with a valid check digit", SHOW40(s, n));
    (void)hjtj__parse_uint(s, 9, UINT64_MAX, &st->orgnr); /* 9 digits */
    if (st->c->index != NULL && hjtj__orgindex_has(st->c->index, st->orgnr))
        return hjtj__validate_duplicate(st->v, f->line, f->col, st->orgnr);
    st->rec->orgnr = s; /* copied to the pool when stored */
    st->v->orgnr_ok = 1;
    return 1;
}

static int parse_kommunenr(vstate *st, const field_rule *r, const raw_field *f, const char *s,
                           size_t n)
{
    int64_t kidx = n == 4 ? hjtj__kommuner_find_n(st->c->kommuner, s, n) : -1;
    (void)r;
    if (kidx < 0)
        return fail(st, f, HJTJ_REASON_KOMMUNENR,
                    "kommunenr '%.*s' is not in the municipality table", SHOW40(s, n));
    st->rec->kommune = (uint16_t)kidx;
    memcpy(st->rec->kommunenr, st->c->kommuner->k[kidx].nr, 5);
    return 1;
}

/* One code of a field (eierskap, status). */
static int parse_code(vstate *st, const field_rule *r, const raw_field *f, const char *s,
                      size_t n)
{
    int32_t v = hjtj__code_parse_n(r->code, s, n);
    if (v < 0) {
        char hint[320];
        (void)hjtj__code_hint(hint, sizeof hint, r->code, s, n);
        return fail(st, f, HJTJ_REASON_UNKNOWN_CODE, "unknown %s '%.*s'; %s", r->name, SHOW(f),
                    hint);
    }
    if (r->code == HJTJ_FIELD_EIERSKAP)
        st->rec->eierskap = (uint8_t)v;
    else
        st->rec->status = (uint8_t)v;
    return 1;
}

/* A list of codes of a set, added to what its 0/1 columns gave. */
static int parse_code_list(vstate *st, const field_rule *r, const raw_field *f, const char *s,
                           size_t n)
{
    const char *bad = NULL;
    size_t badlen = 0;
    int64_t m = hjtj__code_list_parse_memo(st->c->memo, r->code, f->s, f->n, &bad, &badlen);
    hjtj_record *rec = st->rec;
    (void)s;
    (void)n;
    if (m < 0) {
        char hint[320];
        (void)hjtj__code_hint(hint, sizeof hint, r->code, bad, badlen);
        return fail(st, f, HJTJ_REASON_UNKNOWN_CODE, "unknown code '%.*s' in %s; %s",
                    SHOW40(bad, badlen), r->name, hint);
    }
    switch (r->set) {
    case 0: rec->types_given = (uint16_t)(rec->types_given | m); break;
    case 1: rec->mg_given = (uint8_t)(rec->mg_given | m); break;
    case 2: rec->mottar = (uint8_t)(rec->mottar | m); break;
    default: rec->leverer = (uint8_t)(rec->leverer | m); break;
    }
    return 1;
}

/* A non-negative count (boenheter), within the limit and 32 bits. */
static int parse_count(vstate *st, const field_rule *r, const raw_field *f, const char *s,
                       size_t n)
{
    uint64_t lim = st->c->limits[HJTJ_LIMIT_MAX_BOENHETER], v;
    hjtj_status ps;
    (void)r;
    if (lim > INT32_MAX)
        lim = INT32_MAX;
    ps = hjtj__parse_uint(s, n, lim, &v);
    if (ps == HJTJ_ERR_SYNTAX)
        return fail(st, f, HJTJ_REASON_BOENHETER,
                    "boenheter '%.*s' is not a non-negative integer", SHOW(f));
    if (ps != HJTJ_OK)
        return fail(st, f, HJTJ_REASON_BOENHETER, "boenheter %.*s is larger than %llu", SHOW(f),
                    (unsigned long long)lim);
    st->rec->boenheter = (int32_t)v;
    return 1;
}

/* A flag: 0/1/true/false, blank for false (andre-kommuner). */
static int parse_flag(vstate *st, const field_rule *r, const raw_field *f, const char *s,
                      size_t n)
{
    (void)r;
    if (n == 0 || (n == 1 && s[0] == '0') || (n == 5 && memcmp(s, "false", 5) == 0))
        st->rec->andre_kommuner = 0;
    else if ((n == 1 && s[0] == '1') || (n == 4 && memcmp(s, "true", 4) == 0))
        st->rec->andre_kommuner = 1;
    else
        return fail(st, f, HJTJ_REASON_BAD_VALUE,
                    "andre-kommuner '%.*s' is not true/false or 1/0", SHOW(f));
    return 1;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A næringskode NN.NNN. */
static int parse_naeringskode(vstate *st, const field_rule *r, const raw_field *f,
                              const char *s, size_t n)
{
    (void)r;
    if (!(n == 6 && is_digit(s[0]) && is_digit(s[1]) && s[2] == '.' && is_digit(s[3]) &&
          is_digit(s[4]) && is_digit(s[5])))
        return fail(st, f, HJTJ_REASON_BAD_VALUE, "naeringskode '%.*s' is not of the form NN.NNN",
                    SHOW(f));
    st->rec->naeringskode = s; /* interned when stored */
    return 1;
}

/* The standard of the næringskode: SN2007 or SN2025. */
static int parse_standard(vstate *st, const field_rule *r, const raw_field *f, const char *s,
                          size_t n)
{
    (void)r;
    if (n == 6 && memcmp(s, "SN2007", 6) == 0)
        st->rec->nk_standard = 0;
    else if (n == 6 && memcmp(s, "SN2025", 6) == 0)
        st->rec->nk_standard = 1;
    else
        return fail(st, f, HJTJ_REASON_UNKNOWN_CODE,
                    "naeringskode standard '%.*s' is not SN2007 or SN2025", SHOW(f));
    return 1;
}

#define NO_CODE ((hjtj_field)0) /* a rule that reads no code */

/* The fields with a value to read, in the order they are checked (navn and
 * merknad are text: the text checks are theirs). */
static const field_rule rules[] = {
    {RAW_ORGNR, "orgnr", REQUIRED, K_ORGNR, NO_CODE, 0},
    {RAW_KOMMUNENR, "kommunenr", REQUIRED, K_KOMMUNENR, NO_CODE, 0},
    {RAW_EIERSKAP, "eierskap", REQUIRED, K_CODE, HJTJ_FIELD_EIERSKAP, 0},
    {RAW_STATUS, "status", IF_SET, K_CODE, HJTJ_FIELD_STATUS, 0},
    {RAW_TYPES, "virksomhetstyper", IF_SET, K_CODE_LIST, HJTJ_FIELD_VIRKSOMHETSTYPE, 0},
    {RAW_MALGRUPPER, "malgrupper", IF_SET, K_CODE_LIST, HJTJ_FIELD_MALGRUPPE, 1},
    {RAW_MOTTAR_FRA, "mottar-fra", IF_SET, K_CODE_LIST, HJTJ_FIELD_MOTTAR_FRA, 2},
    {RAW_LEVERER_TIL, "leverer-til", IF_SET, K_CODE_LIST, HJTJ_FIELD_LEVERER_TIL, 3},
    {RAW_BOENHETER, "boenheter", IF_VALUE, K_COUNT, NO_CODE, 0},
    {RAW_ANDRE_KOMMUNER, "andre-kommuner", IF_SET, K_FLAG, NO_CODE, 0},
    {RAW_NAERINGSKODE, "naeringskode", IF_VALUE, K_NAERINGSKODE, NO_CODE, 0},
    {RAW_NK_STANDARD, "naeringskode standard", IF_VALUE, K_STANDARD, NO_CODE, 0},
};

/* The field f of rule r, by its kind (a switch, not a pointer: the
 * parsers are inlined into the loop over the table). */
static int parse_field(vstate *st, const field_rule *r, const raw_field *f, const char *s,
                       size_t n)
{
    switch (r->kind) {
    case K_ORGNR: return parse_orgnr(st, r, f, s, n);
    case K_KOMMUNENR: return parse_kommunenr(st, r, f, s, n);
    case K_CODE: return parse_code(st, r, f, s, n);
    case K_CODE_LIST: return parse_code_list(st, r, f, s, n);
    case K_COUNT: return parse_count(st, r, f, s, n);
    case K_FLAG: return parse_flag(st, r, f, s, n);
    case K_NAERINGSKODE: return parse_naeringskode(st, r, f, s, n);
    case K_STANDARD: return parse_standard(st, r, f, s, n);
    }
    return 1;
}

/* Every field present: not longer than the text limit, no control
 * character. */
static int check_text(vstate *st)
{
    uint64_t max = st->c->limits[HJTJ_LIMIT_MAX_TEXT];
    size_t i;
    for (i = 0; i < RAW_NFIELDS; i++) {
        const raw_field *f = &st->raw->f[i];
        if (!f->set)
            continue;
        if (f->n > max)
            return fail(st, f, HJTJ_REASON_TOO_LONG, "a field is longer than %llu bytes",
                        (unsigned long long)max);
        if (!st->raw->no_control && hjtj__has_control(f->s, f->n))
            return fail(st, f, HJTJ_REASON_CONTROL_CHAR,
                        "NUL byte or control character in a field");
    }
    return 1;
}

/* Each field of the table, in its order. */
static int check_fields(vstate *st)
{
    size_t i;
    for (i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        const field_rule *r = &rules[i];
        const raw_field *f = &st->raw->f[r->id];
        const char *s = f->s;
        size_t n = f->n;
        if (f->set && r->kind != K_CODE_LIST) /* a list is split on blanks anyway */
            hjtj__trim(&s, &n);
        if (r->when == REQUIRED && (!f->set || n == 0))
            return fail(st, NULL, HJTJ_REASON_MISSING_FIELD, "missing %s", r->name);
        if (!f->set || (r->when == IF_VALUE && n == 0))
            continue;
        if (!parse_field(st, r, f, s, n))
            return 0;
    }
    return 1;
}

/* The rules for active records (SPEC §4.1). */
static int check_active(vstate *st)
{
    const hjtj_record *rec = st->rec;
    const raw_field *f = st->raw->f;
    if (rec->status != HJTJ_STATUS_AKTIV)
        return 1;
    if ((rec->mg_given & BIT(HJTJ_MG_INGEN)) && (rec->mg_given & ~BIT(HJTJ_MG_INGEN)))
        return fail(st, f[RAW_MALGRUPPER].set ? &f[RAW_MALGRUPPER] : NULL,
                    HJTJ_REASON_INGEN_WITH_OTHER,
                    "målgruppe 'ingen' together with other målgrupper");
    if (rec->types_given == 0)
        return fail(st, f[RAW_TYPES].set ? &f[RAW_TYPES] : NULL, HJTJ_REASON_NO_TYPE,
                    "active record without any virksomhetstype");
    return 1;
}

int hjtj__validate_record(const hjtj__validator *c, const raw_record *raw, hjtj_record *rec,
                          uint64_t *orgnr, hjtj__verdict *v)
{
    vstate st = {c, raw, rec, 0, v};
    memset(rec, 0, sizeof *rec);
    v->orgnr_ok = 0;
    *orgnr = 0;
    /* what a field absent leaves (the code sets: what the 0/1 columns gave) */
    rec->status = HJTJ_STATUS_AKTIV;
    rec->boenheter = -1;
    rec->naeringskode = "";
    rec->types_given = (uint16_t)raw->wide[0];
    rec->mg_given = (uint8_t)raw->wide[1];
    rec->mottar = (uint8_t)raw->wide[2];
    rec->leverer = (uint8_t)raw->wide[3];
    if (raw->err_reason != 0) {
        raw_field at = {NULL, 0, 1, raw->err_line, raw->err_col};
        return fail(&st, &at, raw->err_reason, "%s", raw->err_msg);
    }
    if (!check_text(&st) || !check_fields(&st) || !check_active(&st)) {
        *orgnr = st.orgnr;
        return 0;
    }
    *orgnr = st.orgnr;
    return 1;
}
