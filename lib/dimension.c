/* dimension.c — the dimensions a declaration counts by (SPEC §9): the
 * list of names, the codes a filter may name, and the classes a dimension
 * spreads a table over (closed lists, size bands, the næringskoder present,
 * the municipalities and counties of the register's table). */
#include "codes.h"
#include "text.h"
#include "buf.h"
#include "scheme.h"
#include "kommuner.h"
#include "register.h"
#include "dimension.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const dim_def dims[] = {
    {"hovedvirksomhetstype", HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE, XD_CLASS, "Hovedvirksomhetstype", "Main enterprise type"},
    {"ht_sammensetning", HJTJ_FIELD_HT_SAMMENSETNING, XD_CLASS, "Sammensetning av hjemmetjenestetyper", "Home-care type composition"},
    {"kategori", HJTJ_FIELD_KATEGORI, XD_CLASS, "Virksomhetskategori", "Enterprise category"},
    {"samlemalgruppe", HJTJ_FIELD_SAMLEMALGRUPPE, XD_CLASS, "Samlemålgruppe", "Target-group cluster"},
    {"antall_malgrupper", HJTJ_FIELD_ANTALL_MALGRUPPER, XD_CLASS, "Antall målgrupper", "Number of target groups"},
    {"kommunestorrelse", HJTJ_FIELD_KOMMUNESTORRELSE, XD_CLASS, "Kommunestørrelse", "Municipality size"},
    {"botilbud", HJTJ_FIELD_BOTILBUD, XD_CLASS, "Botilbud", "Housing provision"},
    {"storrelse", HJTJ_FIELD_STORRELSE, XD_CLASS, "Antall boenheter", "Number of housing units"},
    {"at_sammensetning", HJTJ_FIELD_AT_SAMMENSETNING, XD_CLASS, "Andre tjenestetyper", "Other service types"},
    {"adm_sammensetning", HJTJ_FIELD_ADM_SAMMENSETNING, XD_CLASS, "Administrasjonstyper", "Administration types"},
    {"personellutveksling", HJTJ_FIELD_PERSONELLUTVEKSLING, XD_CLASS, "Personellutveksling", "Personnel exchange"},
    {"eierskap", HJTJ_FIELD_EIERSKAP, XD_INPUT, "Eierskap", "Ownership"},
    {"status", HJTJ_FIELD_STATUS, XD_INPUT, "Status", "Status"},
    {"andre_kommuner", HJTJ_FIELD_ANDRE_KOMMUNER, XD_INPUT, "Tjenester til andre kommuner", "Serves other municipalities"},
    {"naeringskode", HJTJ_FIELD_NAERINGSKODE, XD_NK, "Næringskode (SN2007)", "Industry code (SN2007)"},
    {"virksomhetstype", HJTJ_FIELD_VIRKSOMHETSTYPE, XD_MULTI, "Virksomhetstype", "Enterprise type"},
    {"malgruppe", HJTJ_FIELD_MALGRUPPE, XD_MULTI, "Målgruppe", "Target group"},
    {"mottar_fra", HJTJ_FIELD_MOTTAR_FRA, XD_MULTI, "Mottar personell fra", "Receives personnel from"},
    {"leverer_til", HJTJ_FIELD_LEVERER_TIL, XD_MULTI, "Leverer personell til", "Provides personnel to"},
    {"kommune", HJTJ_FIELD_KOMMUNE, XD_KOMMUNE, "Kommune", "Municipality"},
    {"fylke", HJTJ_FIELD_FYLKE, XD_FYLKE, "Fylke", "County"},
    {"landet", HJTJ_FIELD_LANDET, XD_LANDET, "Landet", "Country"},
};
#define NDIMS (sizeof dims / sizeof dims[0])

/* ------------------------------------------------------------------ */
/* Names and codes                                                     */
/* ------------------------------------------------------------------ */

HJTJ_API const char *hjtj_crosstab_dimension_name(size_t i)
{
    return i < NDIMS ? dims[i].name : NULL;
}

const dim_def *hjtj__dim_find(const char *name)
{
    size_t i;
    for (i = 0; name && i < NDIMS; i++)
        if (strcmp(dims[i].name, name) == 0)
            return &dims[i];
    return NULL;
}

const dim_def *hjtj__dim_of(const xd_spec *d)
{
    size_t i;
    for (i = 0; i < NDIMS; i++)
        if (dims[i].field == d->field)
            return &dims[i];
    return NULL;
}

const char *hjtj__dim_name(const xd_spec *d)
{
    const dim_def *dd = hjtj__dim_of(d);
    return dd ? dd->name : "";
}

int hjtj__dim_kind(int field)
{
    xd_spec d;
    const dim_def *dd;
    d.field = field;
    dd = hjtj__dim_of(&d);
    return dd ? dd->kind : XD_LANDET;
}

void hjtj__dim_list(buf *b)
{
    size_t i;
    for (i = 0; i < NDIMS; i++)
        hjtj__buf_printf(b, "%s%s", i ? ", " : "", dims[i].name);
}

void hjtj__dim_list_codes(buf *b, const dim_def *def)
{
    int32_t i, n = hjtj_field_size((hjtj_field)def->field);
    if (def->kind == XD_NK) {
        hjtj__buf_puts(b, "NN.NNN or uoppgitt");
        return;
    }
    if (def->kind == XD_KOMMUNE) {
        hjtj__buf_puts(b, "a 4-digit kommunenr");
        return;
    }
    if (def->kind == XD_FYLKE)
        hjtj__buf_puts(b, "2 digits: ");
    for (i = 0; i < n; i++)
        hjtj__buf_printf(b, "%s%s", i ? ", " : "", hjtj_code((hjtj_field)def->field, i));
}

/* (s, n) as exactly `digits` ASCII digits: its value + 1, or 0. */
static uint32_t digits_value(const char *s, size_t n, size_t digits)
{
    uint64_t v;
    if (n != digits || hjtj__parse_uint(s, n, UINT32_MAX - 1, &v) != HJTJ_OK)
        return 0;
    return (uint32_t)v + 1;
}

uint32_t hjtj__dim_code_value(const dim_def *def, const char *s, size_t n)
{
    uint32_t a, b;
    int32_t v;
    switch (def->kind) {
    case XD_NK:
        if (n == 8 && memcmp(s, "uoppgitt", 8) == 0)
            return NK_UOPPGITT + 1;
        if (n != 6 || s[2] != '.' || (a = digits_value(s, 2, 2)) == 0 ||
            (b = digits_value(s + 3, 3, 3)) == 0)
            return 0;
        return (a - 1) * 1000 + (b - 1) + 1;
    case XD_KOMMUNE:
        return digits_value(s, n, 4);
    case XD_FYLKE:
        return digits_value(s, n, 2);
    default:
        v = hjtj__code_parse_n((hjtj_field)def->field, s, n);
        if (v < 0)
            return 0;
        return def->kind == XD_MULTI ? BIT(v) : (uint32_t)v + 1;
    }
}

void hjtj__where_bits(xwhere *w)
{
    uint32_t j;
    w->bits = 0;
    if (w->d.kind == XD_MULTI)
        return;
    for (j = 0; j < w->n; j++) {
        if (w->v[j] >= 64) {
            w->bits = 0;
            return;
        }
        w->bits |= (uint64_t)1 << w->v[j];
    }
}

/* ------------------------------------------------------------------ */
/* Classes                                                             */
/* ------------------------------------------------------------------ */

void hjtj__classes_free(xclasses *x)
{
    free(x->c);
    free(x->pos);
    free(x->text);
    memset(x, 0, sizeof *x);
}

/* Room for n classes with values below maxv and tcap bytes of text. */
static hjtj_status classes_alloc(xclasses *x, size_t n, size_t maxv, size_t tcap)
{
    size_t i;
    x->c = calloc(n ? n : 1, sizeof *x->c);
    x->pos = malloc(maxv * sizeof *x->pos);
    x->text = malloc(tcap ? tcap : 1);
    if (x->c == NULL || x->pos == NULL || x->text == NULL)
        return HJTJ_ERR_NOMEM;
    x->npos = maxv;
    for (i = 0; i < maxv; i++)
        x->pos[i] = -1;
    return HJTJ_OK;
}

/* The next `len` bytes of the text storage, for a generated code. */
static char *class_text(xclasses *x, size_t len)
{
    char *s = x->text + x->tlen;
    x->tlen += len;
    return s;
}

static void class_add(xclasses *x, uint32_t value, const char *code, const char *nb,
                      const char *en)
{
    x->c[x->n].value = value;
    x->c[x->n].code = code;
    x->c[x->n].nb = nb;
    x->c[x->n].en = en;
    x->pos[value] = (int32_t)x->n;
    x->n++;
}

/* Class i of a closed list as value i + base. */
static void class_add_code(xclasses *x, hjtj_field f, int32_t i, uint32_t base)
{
    class_add(x, (uint32_t)i + base, hjtj_code(f, i), hjtj_label(f, i, HJTJ_LANG_NB),
              hjtj_label(f, i, HJTJ_LANG_EN));
}

/* A closed list of codes: values class + 1, or for a code set the bit. */
static hjtj_status classes_codes(xclasses *x, hjtj_field f, int multi)
{
    int32_t i, n = hjtj_field_size(f);
    if (classes_alloc(x, (size_t)n, multi ? 32 : (size_t)n + 1, 0) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    x->multi = multi;
    for (i = 0; i < n; i++)
        class_add_code(x, f, i, multi ? 0 : 1);
    return HJTJ_OK;
}

/* The size bands of the scheme: "2-5", ..., "51+", labelled as the
 * default bands are when the scheme keeps them. */
static hjtj_status classes_bands(xclasses *x, const hjtj_scheme *sc)
{
    size_t i, n = (size_t)sc->nbands;
    int dflt = hjtj__scheme_is_default_bands(sc);
    if (classes_alloc(x, n, n + 1, n * 64) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        char *s = class_text(x, 64);
        if (i + 1 < n)
            snprintf(s, 64, "%lld-%lld", (long long)sc->bands[i], (long long)sc->bands[i + 1] - 1);
        else
            snprintf(s, 64, "%lld+", (long long)sc->bands[i]);
        class_add(x, (uint32_t)i + 1, s,
                  dflt ? hjtj_label(HJTJ_FIELD_STORRELSE, (int32_t)i, HJTJ_LANG_NB) : s,
                  dflt ? hjtj_label(HJTJ_FIELD_STORRELSE, (int32_t)i, HJTJ_LANG_EN) : s);
    }
    return HJTJ_OK;
}

/* The næringskoder present (values code + 1, sorted), then uoppgitt. */
static hjtj_status classes_nk(xclasses *x, const uint32_t *nk, size_t nnk)
{
    size_t i;
    if (classes_alloc(x, nnk + 1, NK_UOPPGITT + 2, (nnk + 1) * 8) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    for (i = 0; i < nnk; i++) {
        char *s = class_text(x, 8);
        uint32_t v = nk[i] - 1;
        snprintf(s, 8, "%02u.%03u", (unsigned)(v / 1000) % 100u, (unsigned)(v % 1000));
        class_add(x, nk[i], s, s, s);
    }
    class_add(x, NK_UOPPGITT + 1, "uoppgitt", "Uoppgitt", "Not stated");
    return HJTJ_OK;
}

/* The municipalities of the register's table in numeric order (its index
 * holds every one of them: kommuner.c adds a number to it as it adds it). */
static hjtj_status classes_kommuner(xclasses *x, const hjtj_kommuner *km)
{
    uint32_t v;
    if (classes_alloc(x, km->n, 10001, 0) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    for (v = 0; v < 10000; v++) { /* the index maps each number to its position */
        const kommune *k;
        if (km->index == NULL || km->index[v] < 0)
            continue;
        k = &km->k[km->index[v]];
        class_add(x, dim_digits(k->nr, 4) + 1, k->nr, k->navn, k->navn);
    }
    return HJTJ_OK;
}

/* The 2024 counties and every other prefix of the municipality table, in
 * numeric order; another prefix is labelled by its code. */
static hjtj_status classes_fylker(xclasses *x, const hjtj_kommuner *km)
{
    char seen[100];
    int32_t j, nf = hjtj_field_size(HJTJ_FIELD_FYLKE);
    size_t i;
    if (classes_alloc(x, 100, 101, 100 * 16) != HJTJ_OK)
        return HJTJ_ERR_NOMEM;
    memset(seen, 0, sizeof seen);
    for (j = 0; j < nf; j++)
        seen[dim_digits(hjtj_code(HJTJ_FIELD_FYLKE, j), 2)] = 1;
    for (i = 0; i < km->n; i++)
        if (!seen[dim_digits(km->k[i].nr, 2)])
            seen[dim_digits(km->k[i].nr, 2)] = 2;
    for (i = 0; i < 100; i++) {
        char *s;
        if (!seen[i])
            continue;
        s = class_text(x, 16);
        snprintf(s, 16, "%02u", (unsigned)i);
        if (seen[i] == 1) {
            int32_t v = hjtj__code_parse_n(HJTJ_FIELD_FYLKE, s, 2);
            class_add(x, (uint32_t)i + 1, hjtj_code(HJTJ_FIELD_FYLKE, v),
                      hjtj_label(HJTJ_FIELD_FYLKE, v, HJTJ_LANG_NB),
                      hjtj_label(HJTJ_FIELD_FYLKE, v, HJTJ_LANG_EN));
        } else {
            class_add(x, (uint32_t)i + 1, s, s, s);
        }
    }
    return HJTJ_OK;
}

hjtj_status hjtj__classes_make(xclasses *x, const xd_spec *d, const hjtj_register *reg,
                               const uint32_t *nk, size_t nnk)
{
    memset(x, 0, sizeof *x);
    switch (d->kind) {
    case XD_CLASS:
        if (d->field == HJTJ_FIELD_STORRELSE)
            return classes_bands(x, &reg->scheme);
        return classes_codes(x, (hjtj_field)d->field, 0);
    case XD_INPUT:
        return classes_codes(x, (hjtj_field)d->field, 0);
    case XD_MULTI:
        return classes_codes(x, (hjtj_field)d->field, 1);
    case XD_NK:
        return classes_nk(x, nk, nnk);
    case XD_KOMMUNE:
        return classes_kommuner(x, &reg->kommuner);
    case XD_FYLKE:
        return classes_fylker(x, &reg->kommuner);
    default:
        if (classes_alloc(x, 1, 2, 0) != HJTJ_OK)
            return HJTJ_ERR_NOMEM;
        class_add_code(x, HJTJ_FIELD_LANDET, 0, 1);
        return HJTJ_OK;
    }
}

size_t hjtj__classes_positions(const xclasses *x, uint32_t v, size_t *out)
{
    size_t n = 0;
    if (x->multi) {
        while (v) {
            int b = __builtin_ctz(v);
            if ((size_t)b < x->npos && x->pos[b] >= 0)
                out[n++] = (size_t)x->pos[b];
            v &= v - 1;
        }
    } else if (v < x->npos && x->pos[v] >= 0) {
        out[n++] = (size_t)x->pos[v];
    }
    return n;
}
