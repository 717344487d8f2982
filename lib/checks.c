/* checks.c — the data-quality checks of the editing round (SPEC §12): for
 * every loaded record, the checks it trips, in input order.  A check is a
 * question for the municipality, never a reject.  The records are read
 * through the public accessors only. */
#include "buf.h"
#include "codes.h"
#include "error.h"
#include "record.h"
#include "register.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define T(x) BIT(HJTJ_TYPE_##x)

/* More than this many boenheter is implausible (mange-boenheter). */
#define MANY_BOENHETER 100

static const struct {
    const char *code, *nb, *en;
} check_info[] = {
    {"en-boenhet", "boligbase med nøyaktig én boenhet (regel 4.1.1 gjorde den til enetiltak)",
     "boligbase with exactly one boenhet as given (rule 4.1.1 made it an enetiltak)"},
    {"ingen-malgruppe", "aktiv, ingen målgruppe oppgitt (regel 4.1.2)",
     "active, no målgruppe given (rule 4.1.2)"},
    {"enetiltak-med-andre", "enetiltak oppgitt sammen med andre virksomhetstyper (regel 4.1.4)",
     "enetiltak given together with other types (rule 4.1.4)"},
    {"boenheter-uten-boligbase", "boenheter oppgitt (> 0), men ingen boligbase",
     "boenheter given (> 0) but no boligbase"},
    {"mange-boenheter", "mer enn 100 boenheter", "more than 100 boenheter"},
    {"bofellesskap-uten-boligbase",
     "SN2007 87.203, 87.302 eller 87.303, aktiv, verken boligbase eller enetiltak",
     "SN2007 87.203, 87.302 or 87.303, active, neither boligbase nor enetiltak"},
    {"hjemmesykepleie-uten-amb-helse", "SN2007 86.901, aktiv, ikke amb-helse",
     "SN2007 86.901, active, no amb-helse"},
    {"hjemmehjelp-uten-amb-praktisk", "SN2007 88.101, aktiv, ikke amb-praktisk",
     "SN2007 88.101, active, no amb-praktisk"},
    {"sn2025-kode", "næringskode oppgitt i SN2025 (ikke sammenlignbar med tabell 2.2)",
     "næringskode given in SN2025 (not comparable with Table 2.2)"},
    {"mangler-naeringskode", "ingen næringskode", "no næringskode"},
    {"aktiv-utenfor", "status aktiv, men hovedvirksomhetstype utenfor (er den hjemmetjeneste?)",
     "status aktiv but hovedvirksomhetstype utenfor (is it home care?)"},
    {"samme-navn",
     "aktiv, samme navn (uten hensyn til store/små bokstaver og mellomrom) og kommunenr som en "
     "annen aktiv virksomhet",
     "active, same navn (case and spaces ignored) and kommunenr as another active record"},
};

#define NCHECKS ((int32_t)(sizeof check_info / sizeof check_info[0]))

HJTJ_API int32_t hjtj_check_kinds(void)
{
    return NCHECKS;
}

HJTJ_API const char *hjtj_check_code(hjtj_check check)
{
    return (int32_t)check >= 0 && (int32_t)check < NCHECKS ? check_info[check].code : NULL;
}

HJTJ_API const char *hjtj_check_description(hjtj_check check, hjtj_lang lang)
{
    if ((int32_t)check < 0 || (int32_t)check >= NCHECKS)
        return NULL;
    return lang == HJTJ_LANG_EN ? check_info[check].en : check_info[check].nb;
}

HJTJ_API int32_t hjtj_check_parse(const char *code)
{
    int32_t i;
    if (code == NULL)
        return -1;
    for (i = 0; i < NCHECKS; i++)
        if (strcmp(code, check_info[i].code) == 0)
            return i;
    return -1;
}

/* ---- the object ---- */

typedef struct hit {
    size_t rec;           /* index in the register */
    const char *file;     /* owned by the checks object (files[]) */
    uint64_t line;
    char orgnr[10];
    int8_t check;
    int64_t value;        /* boenheter; for samme-navn the number of others */
    uint32_t types;       /* the types the message names */
    char nk[8];           /* the næringskode */
    char other[10];       /* samme-navn: the first other record's orgnr ... */
    uint64_t other_line;  /* ... its line ... */
    const char *other_file; /* ... and file */
} hit;

struct hjtj_checks {
    hit *hits;
    size_t n, cap;
    char **files;         /* copies of the register's file names */
    size_t nfiles;
    char **msg[2];        /* formatted on request, per language */
    size_t total[sizeof check_info / sizeof check_info[0]];
    hjtj_error err;
};

HJTJ_API hjtj_status hjtj_checks_new(hjtj_checks **out)
{
    hjtj_checks *c;
    if (out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    *out = NULL;
    c = calloc(1, sizeof *c);
    if (c == NULL)
        return HJTJ_ERR_NOMEM;
    hjtj__err_clear(&c->err);
    *out = c;
    return HJTJ_OK;
}

static void checks_clear(hjtj_checks *c)
{
    size_t i;
    int l;
    for (l = 0; l < 2; l++) {
        if (c->msg[l] != NULL)
            for (i = 0; i < c->n; i++)
                free(c->msg[l][i]);
        free(c->msg[l]);
        c->msg[l] = NULL;
    }
    for (i = 0; i < c->nfiles; i++)
        free(c->files[i]);
    free(c->files);
    free(c->hits);
    c->files = NULL;
    c->nfiles = 0;
    c->hits = NULL;
    c->n = c->cap = 0;
    memset(c->total, 0, sizeof c->total);
}

HJTJ_API void hjtj_checks_free(hjtj_checks *checks)
{
    if (checks == NULL)
        return;
    checks_clear(checks);
    free(checks);
}

HJTJ_API const hjtj_error *hjtj_checks_error(const hjtj_checks *checks)
{
    return checks ? &checks->err : NULL;
}

/* ---- samme-navn: names compared with case and spaces ignored ---- */

/* Decode one UTF-8 sequence (the register holds valid UTF-8). */
static uint32_t utf8_next(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    uint32_t c = *p++;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra)
        c &= 0x3Fu >> extra;
    while (extra-- > 0 && (*p & 0xC0) == 0x80)
        c = (c << 6) | (*p++ & 0x3F);
    *pp = p;
    return c;
}

/* Unicode white space (and the byte-order mark), dropped everywhere from a
 * name's key: not hjtj__is_blank, the four ASCII blanks a field may carry
 * at its ends; a name typed with a no-break or ideographic space, or with
 * its words run together, is the same name. */
static int is_blank_cp(uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* Lower case for Basic Latin, Latin-1 and Latin Extended-A (Norwegian and
 * Sami letters: ÆØÅ, ÁČĐŊŠŦŽ, ...). */
static uint32_t fold_cp(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
        c != 0x17F) {
        if (c == 0x178)
            return 0xFF;
        /* pairs: even upper from 0100 to 0137 and from 014A to 0177, odd
         * upper from 0139 to 0148 and from 0179 to 017E */
        if ((c <= 0x137 || (c >= 0x14A && c <= 0x177)) && c % 2 == 0)
            return c + 1;
        if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && c % 2 == 1)
            return c + 1;
    }
    return c;
}

static size_t put_utf8(char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* "kommunenr\x1fnormalised navn", or NULL (no name, or out of memory:
 * *nomem says which). */
static char *name_key(const char *kommunenr, const char *navn, int *nomem)
{
    const unsigned char *p = (const unsigned char *)navn;
    size_t n = strlen(navn), len;
    char *key = malloc(4 + 1 + n + 1), *q;
    *nomem = key == NULL;
    if (key == NULL)
        return NULL;
    memcpy(key, kommunenr, 4);
    key[4] = '\x1f';
    q = key + 5;
    while (*p) {
        uint32_t c = utf8_next(&p);
        if (!is_blank_cp(c))
            q += put_utf8(q, fold_cp(c)); /* folding never lengthens a letter */
    }
    *q = '\0';
    len = (size_t)(q - key);
    if (len == 5) {
        free(key);
        return NULL;
    }
    return key;
}

typedef struct named {
    char *key;
    size_t rec;
} named;

static int named_cmp(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c != 0)
        return c;
    return x->rec < y->rec ? -1 : x->rec > y->rec;
}

/* For every record in a group of two or more active records with the same
 * key: same[rec] = index of the first other record of its group + 1, and
 * group[rec] = the group's size. */
static hjtj_status same_names(const hjtj_register *reg, size_t n, size_t *same, size_t *group)
{
    named *v = malloc((n ? n : 1) * sizeof *v);
    size_t m = 0, i, j, k;
    hjtj_status st = HJTJ_OK;
    if (v == NULL)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        const hjtj_record *r = hjtj_register_record(reg, i);
        int nomem;
        char *key;
        if (hjtj_record_status(r) != HJTJ_STATUS_AKTIV)
            continue;
        key = name_key(hjtj_record_kommunenr(r), hjtj_record_navn(r), &nomem);
        if (nomem) {
            st = HJTJ_ERR_NOMEM;
            break;
        }
        if (key != NULL) {
            v[m].key = key;
            v[m].rec = i;
            m++;
        }
    }
    if (st == HJTJ_OK) {
        qsort(v, m, sizeof *v, named_cmp);
        for (i = 0; i < m; i = j) {
            for (j = i + 1; j < m && strcmp(v[i].key, v[j].key) == 0; j++)
                ;
            if (j - i < 2)
                continue;
            for (k = i; k < j; k++) {
                /* the group is in input order: the first other is v[i],
                 * or v[i + 1] for v[i] itself */
                same[v[k].rec] = (k == i ? v[i + 1].rec : v[i].rec) + 1;
                group[v[k].rec] = j - i;
            }
        }
    }
    for (i = 0; i < m; i++)
        free(v[i].key);
    free(v);
    return st;
}

/* ---- running the checks ---- */

static const char *file_copy(hjtj_checks *c, const char *file)
{
    char **nf, *copy;
    if (c->nfiles > 0 && strcmp(c->files[c->nfiles - 1], file) == 0)
        return c->files[c->nfiles - 1];
    nf = realloc(c->files, (c->nfiles + 1) * sizeof *nf);
    if (nf == NULL)
        return NULL;
    c->files = nf;
    copy = hjtj__str_dup(file);
    if (copy == NULL)
        return NULL;
    c->files[c->nfiles++] = copy;
    return copy;
}

static hit *add_hit(hjtj_checks *c, const hjtj_record *r, size_t rec, hjtj_check check)
{
    hit *h;
    if (hjtj__grow(&c->hits, &c->cap, c->n + 1, sizeof *c->hits, 64) != HJTJ_OK)
        return NULL;
    h = &c->hits[c->n];
    memset(h, 0, sizeof *h);
    h->rec = rec;
    h->file = file_copy(c, hjtj_record_file(r));
    if (h->file == NULL)
        return NULL;
    h->line = hjtj_record_line(r);
    hjtj__str_copy(h->orgnr, sizeof h->orgnr, hjtj_record_orgnr(r));
    hjtj__str_copy(h->nk, sizeof h->nk, hjtj_record_naeringskode(r));
    h->check = (int8_t)check;
    h->value = hjtj_record_boenheter(r);
    h->types = hjtj_record_types_given(r);
    c->total[check]++;
    c->n++;
    return h;
}

static int nk_is(const hjtj_record *r, const char *code)
{
    return strcmp(hjtj_record_naeringskode_standard(r), "SN2007") == 0 &&
           strcmp(hjtj_record_naeringskode(r), code) == 0;
}

/* Whether record r trips check k (samme-navn is decided beforehand). */
static int trips(const hjtj_record *r, hjtj_check k)
{
    int active = hjtj_record_status(r) == HJTJ_STATUS_AKTIV;
    uint32_t given = hjtj_record_types_given(r), types = hjtj_record_types(r);
    int64_t b = hjtj_record_boenheter(r);
    const char *nk = hjtj_record_naeringskode(r);
    switch (k) {
    case HJTJ_CHECK_EN_BOENHET:
        return (given & T(BOLIGBASE)) && b == 1;
    case HJTJ_CHECK_INGEN_MALGRUPPE:
        return active && hjtj_record_malgrupper_given(r) == 0;
    case HJTJ_CHECK_ENETILTAK_MED_ANDRE:
        return (given & T(ENETILTAK)) && given != T(ENETILTAK);
    case HJTJ_CHECK_BOENHETER_UTEN_BOLIGBASE:
        /* a boligbase that rule 4.1.1 made an enetiltak is en-boenhet's */
        return b > 0 && !(types & T(BOLIGBASE)) &&
               !(hjtj_record_edits(r) & BIT(HJTJ_EDIT_EN_BOENHET_ENETILTAK));
    case HJTJ_CHECK_MANGE_BOENHETER:
        return b > MANY_BOENHETER;
    case HJTJ_CHECK_BOFELLESSKAP_UTEN_BOLIGBASE:
        return active && (nk_is(r, "87.203") || nk_is(r, "87.302") || nk_is(r, "87.303")) &&
               !(types & (T(BOLIGBASE) | T(ENETILTAK)));
    case HJTJ_CHECK_HJEMMESYKEPLEIE_UTEN_AMB_HELSE:
        return active && nk_is(r, "86.901") && !(types & T(AMB_HELSE));
    case HJTJ_CHECK_HJEMMEHJELP_UTEN_AMB_PRAKTISK:
        return active && nk_is(r, "88.101") && !(types & T(AMB_PRAKTISK));
    case HJTJ_CHECK_SN2025_KODE:
        return nk[0] != '\0' && strcmp(hjtj_record_naeringskode_standard(r), "SN2025") == 0;
    case HJTJ_CHECK_MANGLER_NAERINGSKODE:
        return nk[0] == '\0';
    case HJTJ_CHECK_AKTIV_UTENFOR:
        return active &&
               hjtj_record_class(r, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE) == HJTJ_HOVED_UTENFOR;
    case HJTJ_CHECK_SAMME_NAVN:
        break;
    }
    return 0;
}

static hjtj_status run(hjtj_checks *c, const hjtj_register *reg, size_t *same, size_t *group)
{
    size_t n = hjtj_register_count(reg), i;
    int32_t k;
    hjtj_status st = same_names(reg, n, same, group);
    if (st != HJTJ_OK)
        return st;
    for (i = 0; i < n; i++) {
        const hjtj_record *r = hjtj_register_record(reg, i);
        for (k = 0; k < NCHECKS; k++) {
            hit *h;
            if (k == HJTJ_CHECK_SAMME_NAVN ? same[i] == 0 : !trips(r, (hjtj_check)k))
                continue;
            h = add_hit(c, r, i, (hjtj_check)k);
            if (h == NULL)
                return HJTJ_ERR_NOMEM;
            if (k == HJTJ_CHECK_ENETILTAK_MED_ANDRE)
                h->types &= ~T(ENETILTAK);
            if (k == HJTJ_CHECK_AKTIV_UTENFOR)
                h->types = hjtj_record_types(r);
            if (k == HJTJ_CHECK_SAMME_NAVN) {
                const hjtj_record *o = hjtj_register_record(reg, same[i] - 1);
                hjtj__str_copy(h->other, sizeof h->other, hjtj_record_orgnr(o));
                h->other_line = hjtj_record_line(o);
                h->other_file = strcmp(hjtj_record_file(o), h->file) == 0
                                    ? NULL
                                    : file_copy(c, hjtj_record_file(o));
                h->value = (int64_t)group[i] - 1;
                if (h->other_file == NULL && strcmp(hjtj_record_file(o), h->file) != 0)
                    return HJTJ_ERR_NOMEM;
            }
        }
    }
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_checks_run(hjtj_checks *checks, const hjtj_register *reg)
{
    size_t n, *same, *group;
    hjtj_status st;
    if (checks == NULL)
        return HJTJ_ERR_INVALID_ARG;
    checks_clear(checks);
    hjtj__err_clear(&checks->err);
    if (reg == NULL)
        return hjtj__err_set(&checks->err, HJTJ_ERR_INVALID_ARG, "", 0, 0, "no register");
    if (!reg->keep || reg->loading)
        return hjtj__err_set(&checks->err, HJTJ_ERR_STATE, "", 0, 0,
                       reg->loading ? "the register is being loaded"
                                    : "the checks need a register that keeps its records");
    n = hjtj_register_count(reg);
    same = calloc(n ? n : 1, sizeof *same);
    group = calloc(n ? n : 1, sizeof *group);
    st = same && group ? run(checks, reg, same, group) : HJTJ_ERR_NOMEM;
    free(same);
    free(group);
    if (st != HJTJ_OK) {
        checks_clear(checks);
        hjtj__err_set(&checks->err, st, "", 0, 0, "out of memory");
    }
    return st;
}

/* ---- the hits ---- */

HJTJ_API size_t hjtj_checks_count(const hjtj_checks *checks)
{
    return checks ? checks->n : 0;
}

HJTJ_API size_t hjtj_checks_total(const hjtj_checks *checks, hjtj_check check)
{
    if (checks == NULL || (int32_t)check < 0 || (int32_t)check >= NCHECKS)
        return 0;
    return checks->total[check];
}

static const hit *hit_at(const hjtj_checks *c, size_t i)
{
    return c != NULL && i < c->n ? &c->hits[i] : NULL;
}

HJTJ_API int32_t hjtj_checks_check(const hjtj_checks *checks, size_t i)
{
    const hit *h = hit_at(checks, i);
    return h ? h->check : -1;
}

HJTJ_API size_t hjtj_checks_record_index(const hjtj_checks *checks, size_t i)
{
    const hit *h = hit_at(checks, i);
    return h ? h->rec : SIZE_MAX;
}

HJTJ_API const char *hjtj_checks_file(const hjtj_checks *checks, size_t i)
{
    const hit *h = hit_at(checks, i);
    return h ? h->file : NULL;
}

HJTJ_API uint64_t hjtj_checks_line(const hjtj_checks *checks, size_t i)
{
    const hit *h = hit_at(checks, i);
    return h ? h->line : 0;
}

HJTJ_API const char *hjtj_checks_orgnr(const hjtj_checks *checks, size_t i)
{
    const hit *h = hit_at(checks, i);
    return h ? h->orgnr : NULL;
}

static void put_types(buf *b, uint32_t types)
{
    int i, first = 1;
    for (i = 0; i < HJTJ_NTYPES; i++)
        if (types & BIT(i)) {
            hjtj__buf_printf(b, "%s%s", first ? "" : " ", hjtj_code(HJTJ_FIELD_VIRKSOMHETSTYPE, i));
            first = 0;
        }
}

/* The message of hit h in language l (0 nb, 1 en) into b. */
static void format_message(buf *b, const hit *h, int en)
{
    switch ((hjtj_check)h->check) {
    case HJTJ_CHECK_EN_BOENHET:
        hjtj__buf_puts(b, en ? "boligbase with 1 boenhet: classified as enetiltak (rule 4.1.1)"
                       : "boligbase med 1 boenhet: klassifisert som enetiltak (regel 4.1.1)");
        break;
    case HJTJ_CHECK_INGEN_MALGRUPPE:
        hjtj__buf_puts(b, en ? "no målgruppe given: set to 'ingen' (rule 4.1.2)"
                       : "ingen målgruppe oppgitt: satt til «ingen» (regel 4.1.2)");
        break;
    case HJTJ_CHECK_ENETILTAK_MED_ANDRE:
        hjtj__buf_puts(b, en ? "enetiltak given with " : "enetiltak oppgitt sammen med ");
        put_types(b, h->types);
        hjtj__buf_puts(b, en ? ": the other types are set aside (rule 4.1.4)"
                       : ": de andre typene holdes utenfor (regel 4.1.4)");
        break;
    case HJTJ_CHECK_BOENHETER_UTEN_BOLIGBASE:
        hjtj__buf_printf(b, en ? "%lld boenheter given without boligbase: not counted"
                         : "%lld boenheter oppgitt uten boligbase: telles ikke",
                   (long long)h->value);
        break;
    case HJTJ_CHECK_MANGE_BOENHETER:
        hjtj__buf_printf(b, en ? "%lld boenheter (more than %d)" : "%lld boenheter (mer enn %d)",
                   (long long)h->value, MANY_BOENHETER);
        break;
    case HJTJ_CHECK_BOFELLESSKAP_UTEN_BOLIGBASE:
        hjtj__buf_printf(b, en ? "næringskode %s (residential care) without boligbase or enetiltak"
                         : "næringskode %s (bofellesskap) uten boligbase eller enetiltak",
                   h->nk);
        break;
    case HJTJ_CHECK_HJEMMESYKEPLEIE_UTEN_AMB_HELSE:
        hjtj__buf_puts(b, en ? "næringskode 86.901 (home nursing) without amb-helse"
                       : "næringskode 86.901 (hjemmesykepleie) uten amb-helse");
        break;
    case HJTJ_CHECK_HJEMMEHJELP_UTEN_AMB_PRAKTISK:
        hjtj__buf_puts(b, en ? "næringskode 88.101 (home help) without amb-praktisk"
                       : "næringskode 88.101 (hjemmehjelp) uten amb-praktisk");
        break;
    case HJTJ_CHECK_SN2025_KODE:
        hjtj__buf_printf(b, en ? "næringskode %s in SN2025: not comparable with Table 2.2"
                         : "næringskode %s i SN2025: ikke sammenlignbar med tabell 2.2",
                   h->nk);
        break;
    case HJTJ_CHECK_MANGLER_NAERINGSKODE:
        hjtj__buf_puts(b, en ? "no næringskode" : "næringskode mangler");
        break;
    case HJTJ_CHECK_AKTIV_UTENFOR:
        hjtj__buf_puts(b, en ? "status aktiv but not home care (virksomhetstyper: "
                       : "status aktiv, men utenfor hjemmetjenesten (virksomhetstyper: ");
        put_types(b, h->types);
        hjtj__buf_puts(b, ")");
        break;
    case HJTJ_CHECK_SAMME_NAVN:
        hjtj__buf_printf(b, en ? "same navn and kommunenr as %s (%s%sline %llu)"
                         : "samme navn og kommunenr som %s (%s%slinje %llu)",
                   h->other, h->other_file ? h->other_file : "", h->other_file ? ", " : "",
                   (unsigned long long)h->other_line);
        if (h->value > 1)
            hjtj__buf_printf(b, en ? " and %lld more" : " og %lld til", (long long)h->value - 1);
        break;
    }
}

HJTJ_API const char *hjtj_checks_message(const hjtj_checks *checks, size_t i, hjtj_lang lang)
{
    hjtj_checks *c = (hjtj_checks *)checks; /* the cache is not the object's state */
    const hit *h = hit_at(checks, i);
    int l = lang == HJTJ_LANG_EN;
    buf b;
    if (h == NULL)
        return NULL;
    if (c->msg[l] == NULL) {
        c->msg[l] = calloc(c->n, sizeof *c->msg[l]);
        if (c->msg[l] == NULL)
            return "";
    }
    if (c->msg[l][i] == NULL) {
        hjtj__buf_init(&b);
        format_message(&b, h, l);
        if (b.failed || b.data == NULL) {
            hjtj__buf_free(&b);
            return "";
        }
        c->msg[l][i] = b.data;
    }
    return c->msg[l][i];
}
