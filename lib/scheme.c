/* scheme.c — the classification scheme (SPEC §4.7): samlemålgruppe sets,
 * ASSS municipalities, size thresholds and boenheter bands. */
#include "buf.h"
#include "codes.h"
#include "error.h"
#include "input.h"
#include "scheme.h"
#include "text.h"
#include "xml.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define D BIT(HJTJ_MG_DEMENS)
#define B0 BIT(HJTJ_MG_BEVEGELSE_0_66)
#define B67 BIT(HJTJ_MG_BEVEGELSE_67)
#define U BIT(HJTJ_MG_UTVIKLINGSHEMNING)
#define P BIT(HJTJ_MG_PSYKISKE_LIDELSER)
#define R BIT(HJTJ_MG_RUSPROBLEMER)

/* The 19 sets of the 2024 scheme (SPEC §4.4). */
static const struct {
    uint8_t set;
    int8_t samle;
} sets_2024[] = {
    {U, HJTJ_SAMLE_UTVIKLINGSHEMNING},
    {U | B0, HJTJ_SAMLE_UTVIKLINGSHEMNING},
    {U | P, HJTJ_SAMLE_UTVIKLINGSHEMNING},
    {U | B0 | P, HJTJ_SAMLE_UTVIKLINGSHEMNING},
    {U | B0 | B67, HJTJ_SAMLE_UTVIKLINGSHEMNING},
    {U | B67, HJTJ_SAMLE_UTVIKLINGSHEMNING},
    {U | D, HJTJ_SAMLE_UTVIKLINGSHEMNING},
    {U | R, HJTJ_SAMLE_UTVIKLINGSHEMNING},
    {D, HJTJ_SAMLE_ELDRE_DEMENS},
    {B67, HJTJ_SAMLE_ELDRE_DEMENS},
    {D | B67, HJTJ_SAMLE_ELDRE_DEMENS},
    {D | B0 | B67, HJTJ_SAMLE_ELDRE_DEMENS},
    {D | B0 | B67 | P, HJTJ_SAMLE_ELDRE_DEMENS},
    {P, HJTJ_SAMLE_PSYKISK_RUS},
    {R, HJTJ_SAMLE_PSYKISK_RUS},
    {P | R, HJTJ_SAMLE_PSYKISK_RUS},
    {U | P | R, HJTJ_SAMLE_PSYKISK_RUS},
    {B0, HJTJ_SAMLE_BEVEGELSESHEMNING},
    {B0 | B67, HJTJ_SAMLE_BEVEGELSESHEMNING},
};

static const char *const asss_2024[] = {"0301", "4601", "5001", "1103", "3201", "4204",
                                        "3301", "3203", "3205", "3107", "1108", "5501"};

static const int64_t bands_2024[] = {2, 6, 11, 16, 21, 26, 31, 36, 41, 46, 51};

void hjtj__scheme_init_default(hjtj_scheme *s)
{
    size_t i;
    memset(s, 0, sizeof *s);
    hjtj__str_copy(s->name, sizeof s->name, "2024");
    for (i = 0; i < 64; i++)
        s->samle[i] = HJTJ_SAMLE_UTENFOR;
    for (i = 0; i < sizeof sets_2024 / sizeof sets_2024[0]; i++)
        s->samle[sets_2024[i].set] = sets_2024[i].samle;
    for (i = 0; i < sizeof asss_2024 / sizeof asss_2024[0]; i++)
        memcpy(s->asss[i], asss_2024[i], 5);
    s->nasss = (int)(sizeof asss_2024 / sizeof asss_2024[0]);
    s->thresholds[0] = 20000;
    s->thresholds[1] = 10000;
    s->thresholds[2] = 5000;
    for (i = 0; i < sizeof bands_2024 / sizeof bands_2024[0]; i++)
        s->bands[i] = bands_2024[i];
    s->nbands = (int)(sizeof bands_2024 / sizeof bands_2024[0]);
    s->enetiltak = HJTJ_ENETILTAK_MED;
    s->administrasjon = HJTJ_ADMINISTRASJON_2024;
    hjtj__err_clear(&s->err);
}

int hjtj__scheme_is_default_bands(const hjtj_scheme *s)
{
    int i;
    if (s->nbands != (int)(sizeof bands_2024 / sizeof bands_2024[0]))
        return 0;
    for (i = 0; i < s->nbands; i++)
        if (s->bands[i] != bands_2024[i])
            return 0;
    return 1;
}

int hjtj__scheme_storrelse(const hjtj_scheme *s, const char *kommunenr, int64_t innbyggere)
{
    int i;
    /* kommunenr is a municipality table's char[5] (4 digits and NUL), as
     * are the ASSS entries: compared byte by byte, without strcmp, since
     * this runs for every municipality of every municipality table */
    for (i = 0; i < s->nasss; i++) {
        const char *a = s->asss[i];
        if (a[0] == kommunenr[0] && a[1] == kommunenr[1] && a[2] == kommunenr[2] &&
            a[3] == kommunenr[3] && a[4] == kommunenr[4])
            return HJTJ_KSTR_ASSS;
    }
    if (innbyggere >= s->thresholds[0])
        return HJTJ_KSTR_20000_PLUSS;
    if (innbyggere >= s->thresholds[1])
        return HJTJ_KSTR_10000_19999;
    if (innbyggere >= s->thresholds[2])
        return HJTJ_KSTR_5000_9999;
    return HJTJ_KSTR_UNDER_5000;
}

HJTJ_API hjtj_status hjtj_scheme_new(hjtj_scheme **out)
{
    hjtj_scheme *s;
    if (out == NULL)
        return HJTJ_ERR_INVALID_ARG;
    *out = NULL;
    s = malloc(sizeof *s);
    if (s == NULL)
        return HJTJ_ERR_NOMEM;
    hjtj__scheme_init_default(s);
    *out = s;
    return HJTJ_OK;
}

HJTJ_API void hjtj_scheme_free(hjtj_scheme *scheme)
{
    free(scheme);
}

HJTJ_API const hjtj_error *hjtj_scheme_error(const hjtj_scheme *scheme)
{
    return scheme ? &scheme->err : NULL;
}

HJTJ_API const char *hjtj_scheme_name(const hjtj_scheme *scheme)
{
    return scheme ? scheme->name : NULL;
}

HJTJ_API int32_t hjtj_scheme_samlemalgruppe(const hjtj_scheme *scheme, uint32_t main_set)
{
    if (scheme == NULL || main_set > MG_MAIN)
        return -1;
    return scheme->samle[main_set];
}

HJTJ_API int32_t hjtj_scheme_band_count(const hjtj_scheme *scheme)
{
    return scheme ? scheme->nbands : 0;
}

HJTJ_API int64_t hjtj_scheme_band_lower(const hjtj_scheme *scheme, int32_t band)
{
    if (scheme == NULL || band < 0 || band >= scheme->nbands)
        return -1;
    return scheme->bands[band];
}

HJTJ_API int32_t hjtj_scheme_band_of(const hjtj_scheme *scheme, int64_t boenheter)
{
    int32_t i;
    if (scheme == NULL || scheme->nbands == 0 || boenheter < scheme->bands[0])
        return -1;
    for (i = scheme->nbands - 1; i > 0; i--)
        if (boenheter >= scheme->bands[i])
            return i;
    return 0;
}

/* ---- the rule switches ---- */

HJTJ_API int32_t hjtj_scheme_enetiltak(const hjtj_scheme *scheme)
{
    return scheme ? scheme->enetiltak : -1;
}

HJTJ_API int32_t hjtj_scheme_administrasjon(const hjtj_scheme *scheme)
{
    return scheme ? scheme->administrasjon : -1;
}

HJTJ_API hjtj_status hjtj_scheme_set_enetiltak(hjtj_scheme *scheme, int32_t rule)
{
    if (scheme == NULL || (rule != HJTJ_ENETILTAK_MED && rule != HJTJ_ENETILTAK_UTEN))
        return HJTJ_ERR_INVALID_ARG;
    scheme->enetiltak = (int8_t)rule;
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_scheme_set_administrasjon(hjtj_scheme *scheme, int32_t rule)
{
    if (scheme == NULL ||
        (rule != HJTJ_ADMINISTRASJON_2024 && rule != HJTJ_ADMINISTRASJON_2020))
        return HJTJ_ERR_INVALID_ARG;
    scheme->administrasjon = (int8_t)rule;
    return HJTJ_OK;
}

/* ---- loading a scheme from XML ----------------------------------------
 *
 * A scheme file is parsed into a tree (it is small), validated against
 * data/hjtj-skjema-1.xsd, then read element by element with the rules a
 * schema cannot say.  Every error names the file, and the line and column
 * of the start tag it is about: the parser's startElementNs is wrapped to
 * note each element's column in its node (node->_private, which libxml2
 * leaves to applications), and the validator's errors carry their node. */

#define SCHEME_NS "urn:hjtj:skjema:1"
#define SCHEME_XSD "hjtj-skjema-1.xsd"

/* The line and column (in characters) of each start tag's '<', counted as
 * the parser goes. */
typedef struct tag_cols {
    const char *data;
    size_t len, pos;
    size_t bom; /* 3 if the document starts with a UTF-8 BOM, which the
                   parser's buffer does not hold */
    uint64_t line, col;
} tag_cols;

static void tag_position(tag_cols *t, xmlParserCtxtPtr ctxt)
{
    /* the offset in the parser's buffer, which holds the document's bytes
     * (UTF-8 converted to UTF-8); xmlByteConsumed() counts what the
     * converter has read ahead */
    xmlParserInputPtr in = ctxt->input;
    size_t used = in ? (size_t)in->consumed + (size_t)(in->cur - in->base) + t->bom : 0;
    size_t off = used > 0 && used <= t->len ? used : t->pos, lt = off, p;
    /* the cursor is on the tag's closing '>': back to its '<' */
    while (lt > t->pos && t->data[lt - 1] != '<')
        lt--;
    if (lt > t->pos)
        lt--;
    for (p = t->pos; p < lt; p++) {
        if (t->data[p] == '\n') {
            t->line++;
            t->col = 1;
        } else {
            t->col += ((unsigned char)t->data[p] & 0xC0) != 0x80;
        }
    }
    t->pos = lt > t->pos ? lt : t->pos;
}

static void note_start_tag(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                           const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                           int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    tag_cols *t = ctxt->_private;
    xmlNodePtr before = ctxt->node;
    tag_position(t, ctxt);
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                          nb_defaulted, attributes);
    if (ctxt->node != NULL && ctxt->node != before) {
        /* libxml2 noted the line where the tag ends; a tag over several
         * lines is placed by its '<', as the column is */
        ctxt->node->_private = (void *)(uintptr_t)t->col;
        if (t->line < 65535)
            ctxt->node->line = (unsigned short)t->line;
    }
}

static uint64_t node_line(const xmlNode *n)
{
    long l = n ? xmlGetLineNo(n) : 0;
    return l > 0 ? (uint64_t)l : 0;
}

static uint64_t node_col(const xmlNode *n)
{
    if (n != NULL && n->type == XML_ATTRIBUTE_NODE)
        n = n->parent;
    return n != NULL && n->type == XML_ELEMENT_NODE ? (uint64_t)(uintptr_t)n->_private : 0;
}

static int name_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name != NULL &&
           strcmp((const char *)n->name, name) == 0 && n->ns != NULL && n->ns->href != NULL &&
           strcmp((const char *)n->ns->href, SCHEME_NS) == 0;
}

/* An element's name for a message (libxml2 may leave it NULL when it ran
 * out of memory). */
static const char *node_name(const xmlNode *n)
{
    return n->name ? (const char *)n->name : "?";
}

/* ---- the XSD ---- */

/* Installed on our own contexts so that no global handler (R's xml2, lxml)
 * ever sees our errors. */
static void ignore_xml_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

typedef struct xsd_errors {
    const char *file;
    hjtj_error first;
} xsd_errors;

static void keep_first_error(void *ctx, xmlErrorPtr e)
{
    xsd_errors *x = ctx;
    if (e == NULL || x->first.status != HJTJ_OK || e->level < XML_ERR_ERROR)
        return;
    hjtj__xml_error_to(&x->first, e, x->file);
    x->first.status = e->code == XML_ERR_NO_MEMORY ? HJTJ_ERR_NOMEM : HJTJ_ERR_SCHEMA;
    if (x->first.line == 0)
        x->first.line = node_line(e->node);
    if (x->first.column == 0)
        x->first.column = node_col(e->node);
}

/* Validate doc against the scheme XSD, read from the data directory into
 * memory and parsed without network access. */
static hjtj_status scheme_validate(xmlDocPtr doc, const char *file, hjtj_error *err)
{
    char path[4096];
    buf b;
    xmlParserCtxtPtr pctxt = NULL;
    xmlDocPtr xsd_doc = NULL;
    xmlSchemaParserCtxtPtr pc = NULL;
    xmlSchemaPtr schema = NULL;
    xmlSchemaValidCtxtPtr vc = NULL;
    xsd_errors x;
    hjtj_status st = HJTJ_OK;

    if (hjtj__datadir_path(path, sizeof path, SCHEME_XSD) != 0)
        return hjtj__err_set(err, HJTJ_ERR_IO, path, 0, 0,
                       "the scheme XSD was not found at %s (set HJTJ_DATADIR)", path);
    st = hjtj__read_all_file(&b, path, err);
    if (st != HJTJ_OK)
        return st;
    pctxt = xmlNewParserCtxt();
    if (pctxt != NULL) {
        pctxt->sax->serror = ignore_xml_error;
        pctxt->sax->initialized = XML_SAX2_MAGIC;
        xsd_doc = xmlCtxtReadMemory(pctxt, b.data, b.len > INT32_MAX ? 0 : (int)b.len, path,
                                    "UTF-8",
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    }
    if (xsd_doc != NULL) {
        /* never fetched: libxml2's schema compiler would, over the network too */
        const xmlNode *n = xmlDocGetRootElement(xsd_doc);
        for (n = n ? n->children : NULL; n != NULL; n = n->next)
            if (hjtj__xsd_external_ref(n)) {
                st = hjtj__err_set(err, HJTJ_ERR_IO, path, (uint64_t)xmlGetLineNo(n), 0,
                             "cannot use the scheme XSD %s: it refers to another document "
                             "(schemaLocation), which is never fetched", path);
                xmlFreeDoc(xsd_doc);
                xmlFreeParserCtxt(pctxt);
                hjtj__buf_free(&b);
                return st;
            }
        pc = xmlSchemaNewDocParserCtxt(xsd_doc);
    }
    if (pc != NULL) {
        xmlSchemaSetParserStructuredErrors(pc, ignore_xml_error, NULL);
        schema = xmlSchemaParse(pc);
    }
    if (schema != NULL)
        vc = xmlSchemaNewValidCtxt(schema);
    if (pctxt == NULL || (xsd_doc != NULL && (pc == NULL || (schema != NULL && vc == NULL)))) {
        st = hjtj__err_set(err, HJTJ_ERR_NOMEM, path, 0, 0, "out of memory");
    } else if (vc == NULL) {
        st = hjtj__err_set(err, HJTJ_ERR_IO, path, 0, 0, "cannot read the scheme XSD %s", path);
    } else {
        memset(&x, 0, sizeof x);
        x.file = file;
        hjtj__err_clear(&x.first);
        xmlSchemaSetValidStructuredErrors(vc, keep_first_error, &x);
        if (xmlSchemaValidateDoc(vc, doc) != 0) {
            if (x.first.status != HJTJ_OK) {
                hjtj__err_copy(err, &x.first);
                st = x.first.status;
            } else {
                st = hjtj__err_set(err, HJTJ_ERR_SCHEMA, file, 0, 0,
                             "the scheme does not follow the XML schema %s", SCHEME_XSD);
            }
        }
    }
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
    xmlFreeDoc(xsd_doc);
    xmlFreeParserCtxt(pctxt);
    hjtj__buf_free(&b);
    return st;
}

/* ---- the rules a schema cannot say ---- */

/* What has been read so far, for the checks across elements. */
typedef struct scheme_read {
    hjtj_scheme *s;
    const char *file;
    unsigned seen;            /* bit per element kind given once already */
    int have_sets;
    int8_t set_owner[64];     /* samlemålgruppe a set was put in, or -1 */
    uint64_t set_line[64];    /* and where */
} scheme_read;

enum { SEEN_ASSS = 1, SEEN_TERSKLER = 2, SEEN_BANDS = 4 };

static hjtj_status bad_at(scheme_read *r, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static hjtj_status bad_at(scheme_read *r, const xmlNode *n, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return hjtj__err_set(&r->s->err, HJTJ_ERR_SCHEMA, r->file, node_line(n), node_col(n), "%s", msg);
}

/* An element that may come once. */
static hjtj_status once(scheme_read *r, const xmlNode *n, unsigned bit)
{
    if (r->seen & bit)
        return bad_at(r, n, "<%s> is given twice", node_name(n));
    r->seen |= bit;
    return HJTJ_OK;
}

/* The next blank-separated token of *p: *p moved to it, its length
 * returned (0 at the end of the text). */
static size_t next_token(const char **p)
{
    size_t len = 0;
    while (hjtj__is_blank(**p))
        (*p)++;
    while ((*p)[len] != '\0' && !hjtj__is_blank((*p)[len]))
        len++;
    return len;
}

/* Parse blank-separated integers from 0 to 10^9, at most max of them. */
static hjtj_status parse_ints(const char *s, int64_t *out, int max, int *count)
{
    int n = 0;
    size_t len;
    while ((len = next_token(&s)) > 0) {
        uint64_t v;
        if (n >= max || hjtj__parse_uint(s, len, 1000000000u, &v) != HJTJ_OK)
            return HJTJ_ERR_SYNTAX;
        out[n++] = (int64_t)v;
        s += len;
    }
    *count = n;
    return HJTJ_OK;
}

/* The text of n (NUL-terminated, "" when empty), or NULL for out of memory. */
static xmlChar *text_of(const xmlNode *n)
{
    xmlChar *t = xmlNodeGetContent(n);
    return t ? t : xmlStrdup((const xmlChar *)"");
}

#define TEXT_OR_NOMEM(t, r, n)                                                     \
    do {                                                                           \
        if ((t) == NULL)                                                           \
            return hjtj__err_set(&(r)->s->err, HJTJ_ERR_NOMEM, (r)->file, node_line(n),  \
                           node_col(n), "out of memory");                          \
    } while (0)

static void set_text(char *out, size_t cap, uint32_t mask)
{
    size_t len = 0;
    int i;
    out[0] = '\0';
    for (i = 0; i < 6 && len < cap; i++)
        if (mask & BIT(i))
            len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "",
                                    hjtj_code(HJTJ_FIELD_MALGRUPPE, i));
}

static hjtj_status read_sett(scheme_read *r, const xmlNode *c, int32_t sm)
{
    int64_t mask;
    xmlChar *text = text_of(c);
    TEXT_OR_NOMEM(text, r, c);
    mask = hjtj__code_list_parse(HJTJ_FIELD_MALGRUPPE, (const char *)text,
                           strlen((const char *)text), NULL, NULL);
    xmlFree(text);
    if (mask <= 0 || (mask & ~(int64_t)MG_MAIN))
        return bad_at(r, c, "<sett> must list main målgrupper (demens ... rusproblemer)");
    if (r->set_owner[mask] >= 0) {
        char set[160];
        set_text(set, sizeof set, (uint32_t)mask);
        return bad_at(r, c, "the set {%s} is already in samlemålgruppe '%s' (line %llu): "
                            "the sets of a scheme may not overlap",
                      set, hjtj_code(HJTJ_FIELD_SAMLEMALGRUPPE, r->set_owner[mask]),
                      (unsigned long long)r->set_line[mask]);
    }
    r->set_owner[mask] = (int8_t)sm;
    r->set_line[mask] = node_line(c);
    r->s->samle[mask] = (int8_t)sm;
    return HJTJ_OK;
}

static hjtj_status read_samlemalgruppe(scheme_read *r, const xmlNode *n)
{
    xmlChar *kode = xmlGetProp(n, (const xmlChar *)"kode");
    int32_t sm = kode ? hjtj_code_parse(HJTJ_FIELD_SAMLEMALGRUPPE, (const char *)kode) : -1;
    const xmlNode *c;
    xmlFree(kode);
    if (sm < 0)
        return bad_at(r, n, "<samlemalgruppe> needs a kode attribute naming a samlemålgruppe");
    if (!r->have_sets) {
        int i;
        for (i = 0; i < 64; i++)
            r->s->samle[i] = HJTJ_SAMLE_UTENFOR;
        r->have_sets = 1;
    }
    for (c = n->children; c != NULL; c = c->next) {
        hjtj_status st;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!name_is(c, "sett"))
            return bad_at(r, c, "unexpected element <%s> in <samlemalgruppe>", node_name(c));
        st = read_sett(r, c, sm);
        if (st != HJTJ_OK)
            return st;
    }
    return HJTJ_OK;
}

static hjtj_status read_asss(scheme_read *r, const xmlNode *n)
{
    const char *p;
    size_t len;
    int k = 0, j;
    xmlChar *text = text_of(n);
    TEXT_OR_NOMEM(text, r, n);
    p = (const char *)text;
    while ((len = next_token(&p)) > 0) {
        uint64_t v;
        if (len != 4 || k >= HJTJ_MAX_ASSS || hjtj__parse_uint(p, 4, 9999, &v) != HJTJ_OK) {
            xmlFree(text);
            return bad_at(r, n, "<asss> must list 4-digit kommunenr (at most %d)",
                          HJTJ_MAX_ASSS);
        }
        for (j = 0; j < k; j++)
            if (memcmp(r->s->asss[j], p, 4) == 0) {
                char nr[5];
                memcpy(nr, p, 4);
                nr[4] = '\0';
                xmlFree(text);
                return bad_at(r, n, "<asss> lists kommunenr %s twice", nr);
            }
        memcpy(r->s->asss[k], p, 4);
        r->s->asss[k][4] = '\0';
        k++;
        p += len;
    }
    r->s->nasss = k;
    xmlFree(text);
    return HJTJ_OK;
}

static hjtj_status read_terskler(scheme_read *r, const xmlNode *n)
{
    int64_t v[3];
    int cnt = 0;
    xmlChar *text = text_of(n);
    TEXT_OR_NOMEM(text, r, n);
    if (parse_ints((const char *)text, v, 3, &cnt) != HJTJ_OK || cnt != 3) {
        xmlFree(text);
        return bad_at(r, n, "<terskler> must hold three inhabitant thresholds");
    }
    xmlFree(text);
    if (!(v[0] > v[1] && v[1] > v[2]))
        return bad_at(r, n, "<terskler> %lld %lld %lld: the thresholds must be strictly "
                            "decreasing (as 20000 10000 5000)",
                      (long long)v[0], (long long)v[1], (long long)v[2]);
    memcpy(r->s->thresholds, v, sizeof v);
    return HJTJ_OK;
}

static hjtj_status read_bands(scheme_read *r, const xmlNode *n)
{
    int64_t v[HJTJ_MAX_BANDS];
    int cnt = 0, i;
    xmlChar *text = text_of(n);
    TEXT_OR_NOMEM(text, r, n);
    if (parse_ints((const char *)text, v, HJTJ_MAX_BANDS, &cnt) != HJTJ_OK || cnt < 1) {
        xmlFree(text);
        return bad_at(r, n, "<boenhetsgrupper> must hold 1 to %d lower bounds", HJTJ_MAX_BANDS);
    }
    xmlFree(text);
    if (v[0] < 2)
        return bad_at(r, n, "<boenhetsgrupper>: the first band starts at %lld, below 2 (the "
                            "botilbud population starts at 2 boenheter)",
                      (long long)v[0]);
    for (i = 1; i < cnt; i++)
        if (v[i] <= v[i - 1])
            return bad_at(r, n, "<boenhetsgrupper>: %lld after %lld: the lower bounds must be "
                                "strictly increasing",
                          (long long)v[i], (long long)v[i - 1]);
    memcpy(r->s->bands, v, (size_t)cnt * sizeof v[0]);
    r->s->nbands = cnt;
    return HJTJ_OK;
}

/* A rule switch: an attribute of the root with two values; absent = the
 * 2024 rule (value 0). */
static hjtj_status read_switch(scheme_read *r, const xmlNode *root, const char *attr,
                               const char *v0, const char *v1, int8_t *out)
{
    xmlChar *v = xmlGetProp(root, (const xmlChar *)attr);
    *out = 0;
    if (v == NULL)
        return HJTJ_OK;
    if (strcmp((const char *)v, v1) == 0)
        *out = 1;
    else if (strcmp((const char *)v, v0) != 0) {
        hjtj_status st = bad_at(r, root, "%s=\"%.40s\": the rule switch is %s or %s", attr,
                                (const char *)v, v0, v1);
        xmlFree(v);
        return st;
    }
    xmlFree(v);
    return HJTJ_OK;
}

static hjtj_status scheme_from_doc(hjtj_scheme *s, xmlDoc *doc, const char *file)
{
    xmlNode *root = xmlDocGetRootElement(doc), *n;
    scheme_read r;
    hjtj_status st;
    int8_t rule;

    memset(&r, 0, sizeof r);
    r.s = s;
    r.file = file;
    memset(r.set_owner, -1, sizeof r.set_owner);
    if (root == NULL || !name_is(root, "skjema"))
        return hjtj__err_set(&s->err, HJTJ_ERR_SCHEMA, file, node_line(root), node_col(root),
                       "root element must be <skjema xmlns=\"%s\">", SCHEME_NS);
    st = scheme_validate(doc, file, &s->err);
    if (st != HJTJ_OK)
        return st;
    {
        xmlChar *navn = xmlGetProp(root, (const xmlChar *)"navn");
        if (navn != NULL) {
            const unsigned char *c;
            for (c = navn; *c; c++)
                if (*c < 0x20 || *c == 0x7f) {
                    xmlFree(navn);
                    return hjtj__err_set(&s->err, HJTJ_ERR_SCHEMA, file, (uint64_t)xmlGetLineNo(root),
                                   0, "control character in the scheme's navn");
                }
            /* at most 63 bytes, cut at a character boundary */
            hjtj__str_copy(s->name, sizeof s->name, (const char *)navn);
            xmlFree(navn);
        }
    }
    st = read_switch(&r, root, "enetiltak", "med", "uten", &rule);
    if (st != HJTJ_OK)
        return st;
    s->enetiltak = rule ? HJTJ_ENETILTAK_UTEN : HJTJ_ENETILTAK_MED;
    st = read_switch(&r, root, "administrasjon", "2024", "2020", &rule);
    if (st != HJTJ_OK)
        return st;
    s->administrasjon = rule ? HJTJ_ADMINISTRASJON_2020 : HJTJ_ADMINISTRASJON_2024;
    for (n = root->children; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (name_is(n, "samlemalgruppe"))
            st = read_samlemalgruppe(&r, n);
        else if (name_is(n, "asss"))
            st = once(&r, n, SEEN_ASSS) == HJTJ_OK ? read_asss(&r, n) : s->err.status;
        else if (name_is(n, "terskler"))
            st = once(&r, n, SEEN_TERSKLER) == HJTJ_OK ? read_terskler(&r, n) : s->err.status;
        else if (name_is(n, "boenhetsgrupper"))
            st = once(&r, n, SEEN_BANDS) == HJTJ_OK ? read_bands(&r, n) : s->err.status;
        else
            st = bad_at(&r, n, "unexpected element <%s> in <skjema>", node_name(n));
        if (st != HJTJ_OK)
            return st;
    }
    return HJTJ_OK;
}

static hjtj_status scheme_load_quiet(hjtj_scheme *scheme, const char *data, size_t len,
                                     const char *name, const hjtj__xml_quiet *q);

HJTJ_API hjtj_status hjtj_scheme_load_memory(hjtj_scheme *scheme, const char *data, size_t len,
                                             const char *name)
{
    hjtj__xml_quiet q;
    hjtj_status st;
    if (scheme == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__xml_begin(&q);
    st = scheme_load_quiet(scheme, data, len, name, &q);
    hjtj__xml_end(&q);
    return st;
}

static hjtj_status scheme_load_quiet(hjtj_scheme *scheme, const char *data, size_t len,
                                     const char *name, const hjtj__xml_quiet *q)
{
    hjtj_scheme tmp;
    xmlParserCtxtPtr ctxt;
    xmlDocPtr doc;
    hjtj_status st;
    tag_cols cols;
    if (scheme == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (name == NULL)
        name = "<memory>";
    hjtj__err_clear(&scheme->err);
    if (data == NULL)
        return hjtj__err_set(&scheme->err, HJTJ_ERR_INVALID_ARG, name, 0, 0, "no data");
    if (len > INT32_MAX)
        return hjtj__err_set(&scheme->err, HJTJ_ERR_LIMIT, name, 0, 0, "scheme file too large");
    st = hjtj__xml_prescan(data, len, name, &scheme->err, NULL);
    if (st == HJTJ_OK) /* libxml2's attribute handling is quadratic */
        st = hjtj__xml_attribute_bound(data, len, name, &scheme->err);
    if (st != HJTJ_OK)
        return st;
    ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        return hjtj__err_set(&scheme->err, HJTJ_ERR_NOMEM, name, 0, 0, "out of memory");
    ctxt->sax->serror = ignore_xml_error;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    memset(&cols, 0, sizeof cols);
    cols.data = data;
    cols.len = len;
    cols.line = cols.col = 1;
    cols.bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    cols.pos = cols.bom;
    ctxt->sax->startElementNs = note_start_tag;
    ctxt->_private = &cols;
    doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, "UTF-8",
                            XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
                                XML_PARSE_NOWARNING);
    if (doc == NULL || !ctxt->wellFormed) {
        hjtj_error e;
        hjtj__err_clear(&e);
        if (ctxt->lastError.code != 0)
            hjtj__xml_error_to(&e, &ctxt->lastError, name);
        else if (q->nomem)
            hjtj__err_set(&e, HJTJ_ERR_NOMEM, name, 0, 0, "out of memory");
        else
            hjtj__err_set(&e, HJTJ_ERR_SYNTAX, name, 0, 0, "malformed XML");
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        hjtj__err_copy(&scheme->err, &e);
        return e.status;
    }
    xmlFreeParserCtxt(ctxt);
    tmp = *scheme;
    hjtj__err_clear(&tmp.err);
    st = scheme_from_doc(&tmp, doc, name);
    xmlFreeDoc(doc);
    if (st != HJTJ_OK) {
        hjtj__err_copy(&scheme->err, &tmp.err);
        return st;
    }
    *scheme = tmp;
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_scheme_load_file(hjtj_scheme *scheme, const char *path)
{
    buf b;
    hjtj_status st;
    if (scheme == NULL)
        return HJTJ_ERR_INVALID_ARG;
    hjtj__err_clear(&scheme->err);
    st = hjtj__read_all_file(&b, path, &scheme->err);
    if (st != HJTJ_OK)
        return st;
    st = hjtj_scheme_load_memory(scheme, b.data, b.len, path);
    hjtj__buf_free(&b);
    return st;
}
