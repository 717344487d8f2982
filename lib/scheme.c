/* scheme.c — the classification scheme (SPEC §4.7): samlemålgruppe sets,
 * ASSS municipalities, size thresholds and boenheter bands. */
#include "internal.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
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

void scheme_init_default(hjtj_scheme *s)
{
    size_t i;
    memset(s, 0, sizeof *s);
    str_copy(s->name, sizeof s->name, "2024");
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
    err_clear(&s->err);
}

int scheme_is_default_bands(const hjtj_scheme *s)
{
    int i;
    if (s->nbands != (int)(sizeof bands_2024 / sizeof bands_2024[0]))
        return 0;
    for (i = 0; i < s->nbands; i++)
        if (s->bands[i] != bands_2024[i])
            return 0;
    return 1;
}

int scheme_storrelse(const hjtj_scheme *s, const char *kommunenr, int64_t innbyggere)
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
    scheme_init_default(s);
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

/* ---- loading a scheme from XML ---- */

#define SCHEME_NS "urn:hjtj:skjema:1"

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

/* Parse whitespace-separated integers, strictly increasing if `increasing`. */
static int parse_ints(const char *s, int64_t *out, int max, int *count)
{
    int n = 0;
    while (*s) {
        char *end;
        long long v;
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        if (*s == '\0')
            break;
        if (*s < '0' || *s > '9')
            return -1;
        v = strtoll(s, &end, 10);
        if (end == s || v < 0 || v > 1000000000LL || n >= max)
            return -1;
        out[n++] = v;
        s = end;
        if (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return -1;
    }
    *count = n;
    return 0;
}

static hjtj_status scheme_from_doc(hjtj_scheme *s, xmlDoc *doc, const char *file)
{
    xmlNode *root = xmlDocGetRootElement(doc), *n;
    int have_sets = 0;
    if (root == NULL || !name_is(root, "skjema"))
        return err_set(&s->err, HJTJ_ERR_SCHEMA, file, root ? (uint64_t)xmlGetLineNo(root) : 0,
                       0, "root element must be <skjema xmlns=\"%s\">", SCHEME_NS);
    {
        xmlChar *navn = xmlGetProp(root, (const xmlChar *)"navn");
        if (navn != NULL) {
            const unsigned char *c;
            for (c = navn; *c; c++)
                if (*c < 0x20 || *c == 0x7f) {
                    xmlFree(navn);
                    return err_set(&s->err, HJTJ_ERR_SCHEMA, file, (uint64_t)xmlGetLineNo(root),
                                   0, "control character in the scheme's navn");
                }
            /* at most 63 bytes, cut at a character boundary */
            str_copy(s->name, sizeof s->name, (const char *)navn);
            xmlFree(navn);
        }
    }
    for (n = root->children; n != NULL; n = n->next) {
        uint64_t line = (uint64_t)xmlGetLineNo(n);
        xmlChar *text;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (name_is(n, "samlemalgruppe")) {
            xmlChar *kode = xmlGetProp(n, (const xmlChar *)"kode");
            int32_t sm = kode ? hjtj_code_parse(HJTJ_FIELD_SAMLEMALGRUPPE, (const char *)kode) : -1;
            xmlNode *c;
            xmlFree(kode);
            if (sm < 0)
                return err_set(&s->err, HJTJ_ERR_SCHEMA, file, line, 0,
                               "<samlemalgruppe> needs a kode attribute naming a samlemålgruppe");
            if (!have_sets) {
                int i;
                for (i = 0; i < 64; i++)
                    s->samle[i] = HJTJ_SAMLE_UTENFOR;
                have_sets = 1;
            }
            for (c = n->children; c != NULL; c = c->next) {
                int64_t mask;
                const char *bad = NULL;
                size_t badlen = 0;
                if (c->type != XML_ELEMENT_NODE)
                    continue;
                if (!name_is(c, "sett"))
                    return err_set(&s->err, HJTJ_ERR_SCHEMA, file, (uint64_t)xmlGetLineNo(c), 0,
                                   "unexpected element <%s> in <samlemalgruppe>", node_name(c));
                text = xmlNodeGetContent(c);
                mask = code_list_parse(HJTJ_FIELD_MALGRUPPE, text ? (const char *)text : "",
                                       text ? strlen((const char *)text) : 0, &bad, &badlen);
                if (mask <= 0 || (mask & ~(int64_t)MG_MAIN)) {
                    xmlFree(text);
                    return err_set(&s->err, HJTJ_ERR_SCHEMA, file, (uint64_t)xmlGetLineNo(c), 0,
                                   "<sett> must list main målgrupper (demens ... rusproblemer)");
                }
                xmlFree(text);
                s->samle[mask] = (int8_t)sm;
            }
        } else if (name_is(n, "asss")) {
            const char *p;
            int k = 0;
            text = xmlNodeGetContent(n);
            p = text ? (const char *)text : "";
            while (*p) {
                size_t len = 0;
                while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
                    p++;
                while (p[len] >= '0' && p[len] <= '9')
                    len++;
                if (len == 0 && *p == '\0')
                    break;
                if (len != 4 || k >= HJTJ_MAX_ASSS ||
                    (p[len] && p[len] != ' ' && p[len] != '\t' && p[len] != '\n' &&
                     p[len] != '\r')) {
                    xmlFree(text);
                    return err_set(&s->err, HJTJ_ERR_SCHEMA, file, line, 0,
                                   "<asss> must list 4-digit kommunenr (at most %d)",
                                   HJTJ_MAX_ASSS);
                }
                memcpy(s->asss[k], p, 4);
                s->asss[k][4] = '\0';
                k++;
                p += len;
            }
            s->nasss = k;
            xmlFree(text);
        } else if (name_is(n, "terskler")) {
            int64_t v[3];
            int cnt = 0;
            text = xmlNodeGetContent(n);
            if (parse_ints(text ? (const char *)text : "", v, 3, &cnt) != 0 || cnt != 3 ||
                !(v[0] > v[1] && v[1] > v[2])) {
                xmlFree(text);
                return err_set(&s->err, HJTJ_ERR_SCHEMA, file, line, 0,
                               "<terskler> must hold three decreasing inhabitant limits");
            }
            xmlFree(text);
            memcpy(s->thresholds, v, sizeof v);
        } else if (name_is(n, "boenhetsgrupper")) {
            int64_t v[HJTJ_MAX_BANDS];
            int cnt = 0, i, ok;
            text = xmlNodeGetContent(n);
            ok = parse_ints(text ? (const char *)text : "", v, HJTJ_MAX_BANDS, &cnt) == 0 &&
                 cnt >= 1 && v[0] >= 2;
            for (i = 1; ok && i < cnt; i++)
                ok = v[i] > v[i - 1];
            xmlFree(text);
            if (!ok)
                return err_set(&s->err, HJTJ_ERR_SCHEMA, file, line, 0,
                               "<boenhetsgrupper> must hold increasing lower bounds from 2 on "
                               "(at most %d)", HJTJ_MAX_BANDS);
            memcpy(s->bands, v, (size_t)cnt * sizeof v[0]);
            s->nbands = cnt;
        } else {
            return err_set(&s->err, HJTJ_ERR_SCHEMA, file, line, 0,
                           "unexpected element <%s> in <skjema>", node_name(n));
        }
    }
    return HJTJ_OK;
}


/* Installed on our own parser context so that no global handler (R's xml2,
 * lxml) ever sees our errors; the detail is read from ctxt->lastError. */
static void scheme_xml_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
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
    if (scheme == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (name == NULL)
        name = "<memory>";
    err_clear(&scheme->err);
    if (data == NULL)
        return err_set(&scheme->err, HJTJ_ERR_INVALID_ARG, name, 0, 0, "no data");
    if (len > INT32_MAX)
        return err_set(&scheme->err, HJTJ_ERR_LIMIT, name, 0, 0, "scheme file too large");
    st = xml_prescan(data, len, name, &scheme->err);
    if (st == HJTJ_OK) /* libxml2's attribute handling is quadratic */
        st = hjtj__xml_attribute_bound(data, len, name, &scheme->err);
    if (st != HJTJ_OK)
        return st;
    ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        return err_set(&scheme->err, HJTJ_ERR_NOMEM, name, 0, 0, "out of memory");
    ctxt->sax->serror = scheme_xml_error;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, "UTF-8",
                            XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
                                XML_PARSE_NOWARNING);
    if (doc == NULL || !ctxt->wellFormed) {
        hjtj_error e;
        err_clear(&e);
        if (ctxt->lastError.code != 0)
            xml_error_to(&e, &ctxt->lastError, name);
        else if (q->nomem)
            err_set(&e, HJTJ_ERR_NOMEM, name, 0, 0, "out of memory");
        else
            err_set(&e, HJTJ_ERR_SYNTAX, name, 0, 0, "malformed XML");
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        err_copy(&scheme->err, &e);
        return e.status;
    }
    xmlFreeParserCtxt(ctxt);
    tmp = *scheme;
    err_clear(&tmp.err);
    st = scheme_from_doc(&tmp, doc, name);
    xmlFreeDoc(doc);
    if (st != HJTJ_OK) {
        err_copy(&scheme->err, &tmp.err);
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
    err_clear(&scheme->err);
    st = read_all_file(&b, path, &scheme->err);
    if (st != HJTJ_OK)
        return st;
    st = hjtj_scheme_load_memory(scheme, b.data, b.len, path);
    buf_free(&b);
    return st;
}
