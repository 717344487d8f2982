/* load_xml.c — the XML register format (SPEC §3), read with libxml2's
 * streaming reader and validated against data/hjtj-kartlegging-1.xsd.
 *
 * libxml2 inside someone else's process: every error handler we use is set
 * on our own reader/context (never the global ones), the parser runs with
 * XML_PARSE_NONET and without XML_PARSE_NOENT/DTDLOAD, and a DOCTYPE is
 * refused before parsing starts, so nothing is ever fetched or expanded. */
#include "internal.h"

#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NS "urn:hjtj:kartlegging:1"
#define XSD_FILE "hjtj-kartlegging-1.xsd"

void xml_error_to(hjtj_error *err, const xmlError *e, const char *file)
{
    hjtj_status st = HJTJ_ERR_SYNTAX;
    char msg[400];
    size_t n;
    if (e->domain == XML_FROM_SCHEMASV || e->domain == XML_FROM_SCHEMASP ||
        e->domain == XML_FROM_VALID)
        st = HJTJ_ERR_SCHEMA;
    else if (e->code == XML_ERR_DOCUMENT_EMPTY)
        st = HJTJ_ERR_EMPTY;
    else if (e->code == XML_ERR_NO_MEMORY)
        st = HJTJ_ERR_NOMEM;
    else if (e->code == XML_ERR_INVALID_CHAR || e->code == XML_ERR_INVALID_ENCODING)
        st = HJTJ_ERR_SYNTAX;
    str_copy(msg, sizeof msg, e->message ? e->message : "XML error");
    n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    err_set(err, st, file, e->line > 0 ? (uint64_t)e->line : 0,
            e->int2 > 0 ? (uint64_t)e->int2 : 0, "%s", msg);
}

/* The format is XML 1.0 in UTF-8: a declaration naming another version or
 * encoding is refused (libxml2 would warn about the one, switch to the other,
 * and report both through the process-global error channel, never ours).
 * Returns 0 if the declaration is fine. */
static int check_declared_encoding(const char *p, const char *end, const char *file,
                                   uint64_t line, uint64_t col, hjtj_error *err)
{
    const char *q = p + 5, *decl_end = p;
    while (decl_end + 1 < end && !(decl_end[0] == '?' && decl_end[1] == '>'))
        decl_end++;
    for (; q + 8 < decl_end; q++) {
        if (memcmp(q, "version", 7) == 0) {
            const char *v = q + 7;
            while (v < decl_end && (*v == ' ' || *v == '=' || *v == '\t'))
                v++;
            if (v + 5 <= decl_end && (*v == '"' || *v == '\'') && memcmp(v + 1, "1.0", 3) != 0) {
                err_set(err, HJTJ_ERR_SYNTAX, file, line, col,
                        "the XML declaration names a version other than 1.0");
                return -1;
            }
        }
        if (memcmp(q, "encoding", 8) == 0) {
            const char *v = q + 8, *e;
            char quote;
            while (v < decl_end && (*v == ' ' || *v == '=' || *v == '\t' || *v == '\r' ||
                                    *v == '\n'))
                v++;
            if (v >= decl_end || (*v != '"' && *v != '\''))
                return 0; /* malformed: the parser says so */
            quote = *v++;
            for (e = v; e < decl_end && *e != quote; e++)
                ;
            if ((e - v == 5 && strncasecmp(v, "UTF-8", 5) == 0) ||
                (e - v == 4 && strncasecmp(v, "UTF8", 4) == 0))
                return 0;
            err_set(err, HJTJ_ERR_ENCODING, file, line, col,
                    "the XML declaration names encoding '%.*s': registers are UTF-8",
                    (int)(e - v > 40 ? 40 : e - v), v);
            return -1;
        }
    }
    return 0;
}

/* Skip the prolog (XML declaration, comments, PIs, white space) and refuse a
 * DOCTYPE before the parser sees it. */
hjtj_status xml_prescan(const char *data, size_t len, const char *file, hjtj_error *err)
{
    const char *p = data, *end = data + len;
    uint64_t line = 1;
    const char *ls = data;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end) {
        if (*p == '\n') {
            line++;
            ls = p + 1;
            p++;
        } else if (*p == ' ' || *p == '\t' || *p == '\r') {
            p++;
        } else if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            const char *q = p + 4;
            while (q + 3 <= end && memcmp(q, "-->", 3) != 0) {
                if (*q == '\n') {
                    line++;
                    ls = q + 1;
                }
                q++;
            }
            if (q + 3 > end)
                return HJTJ_OK; /* the parser reports the open comment */
            p = q + 3;
        } else if (end - p >= 2 && p[0] == '<' && p[1] == '?') {
            const char *q = p + 2;
            if (end - p >= 6 && memcmp(p, "<?xml", 5) == 0 &&
                check_declared_encoding(p, end, file, line, (uint64_t)(p - ls) + 1, err) != 0)
                return err->status;
            while (q + 2 <= end && memcmp(q, "?>", 2) != 0) {
                if (*q == '\n') {
                    line++;
                    ls = q + 1;
                }
                q++;
            }
            if (q + 2 > end)
                return HJTJ_OK;
            p = q + 2;
        } else if (end - p >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0) {
            return err_set(err, HJTJ_ERR_DOCTYPE, file, line, (uint64_t)(p - ls) + 1,
                           "DOCTYPE declarations are not allowed (no DTDs or entities are "
                           "read)");
        } else {
            return HJTJ_OK;
        }
    }
    return HJTJ_OK;
}

void xsd_free(void *xsd)
{
    if (xsd)
        xmlSchemaFree((xmlSchemaPtr)xsd);
}

static void ignore_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

static hjtj_status load_xsd(hjtj_register *reg)
{
    char path[4096];
    xmlSchemaParserCtxtPtr pc;
    xmlSchemaPtr schema;
    if (reg->xsd)
        return HJTJ_OK;
    if (datadir_path(path, sizeof path, XSD_FILE) != 0)
        return err_set(&reg->err, HJTJ_ERR_IO, path, 0, 0,
                       "XML schema not found at %s (set HJTJ_DATADIR)", path);
    pc = xmlSchemaNewParserCtxt(path);
    if (pc == NULL)
        return err_set(&reg->err, HJTJ_ERR_NOMEM, path, 0, 0, "out of memory");
    xmlSchemaSetParserStructuredErrors(pc, ignore_error, NULL);
    schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (schema == NULL)
        return err_set(&reg->err, HJTJ_ERR_IO, path, 0, 0, "cannot read the XML schema %s",
                       path);
    reg->xsd = schema;
    return HJTJ_OK;
}

typedef struct xml_state {
    hjtj_register *reg;
    const char *file;
    hjtj_error first; /* first parser/validity error */
    hjtj_error warn;  /* first parser warning */
    size_t depth_limit;
} xml_state;

static void on_error(void *ctx, xmlErrorPtr e)
{
    xml_state *s = ctx;
    if (e == NULL || s->first.status != HJTJ_OK)
        return;
    if (e->level >= XML_ERR_ERROR)
        xml_error_to(&s->first, e, s->file);
    else if (s->warn.status == HJTJ_OK)
        xml_error_to(&s->warn, e, s->file);
}

/* The local name of the element the reader is on if it is in the format's
 * namespace, else NULL. */
static const char *el_name(xmlTextReaderPtr r)
{
    const xmlChar *ln = xmlTextReaderConstLocalName(r);
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
    return ln && ns && strcmp((const char *)ns, NS) == 0 ? (const char *)ln : NULL;
}

static int is_el(xmlTextReaderPtr r, const char *name)
{
    const char *ln = el_name(r);
    return ln != NULL && strcmp(ln, name) == 0;
}

/* Values of one record: xmlChar strings to free afterwards. */
typedef struct xml_rec {
    xmlChar *v[RAW_NFIELDS];
} xml_rec;

static void set_field(raw_record *raw, xml_rec *xr, int id, xmlChar *value, uint64_t line,
                      uint64_t col)
{
    if (value == NULL)
        return;
    xmlFree(xr->v[id]);
    xr->v[id] = value;
    raw->f[id].s = (const char *)value;
    raw->f[id].n = strlen((const char *)value);
    raw->f[id].set = 1;
    raw->f[id].line = line;
    raw->f[id].col = col;
}

static void xml_rec_free(xml_rec *xr)
{
    int i;
    for (i = 0; i < RAW_NFIELDS; i++) {
        xmlFree(xr->v[i]);
        xr->v[i] = NULL;
    }
}

static uint64_t node_line(xmlTextReaderPtr r)
{
    xmlNodePtr n = xmlTextReaderCurrentNode(r);
    long l = n ? xmlGetLineNo(n) : -1;
    return l > 0 ? (uint64_t)l : (uint64_t)xmlTextReaderGetParserLineNumber(r);
}

static uint64_t node_col(xmlTextReaderPtr r)
{
    int c = xmlTextReaderGetParserColumnNumber(r);
    return c > 0 ? (uint64_t)c : 0;
}

/* Read the <kommuner> block into a fresh table. */
static hjtj_status read_kommuner(xml_state *s, xmlTextReaderPtr r, hjtj_kommuner *k)
{
    int depth = xmlTextReaderDepth(r), rc;
    xmlChar *dato = xmlTextReaderGetAttribute(r, (const xmlChar *)"referansedato");
    if (dato) {
        str_copy(k->referansedato, sizeof k->referansedato, (const char *)dato);
        xmlFree(dato);
    }
    if (xmlTextReaderIsEmptyElement(r))
        return HJTJ_OK;
    while ((rc = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (s->first.status != HJTJ_OK)
            return s->first.status;
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth)
            return HJTJ_OK;
        if (type == XML_READER_TYPE_ELEMENT && is_el(r, "kommune")) {
            xmlChar *nr = xmlTextReaderGetAttribute(r, (const xmlChar *)"nr");
            xmlChar *navn = xmlTextReaderGetAttribute(r, (const xmlChar *)"navn");
            xmlChar *inn = xmlTextReaderGetAttribute(r, (const xmlChar *)"innbyggere");
            uint64_t line = node_line(r), col = node_col(r);
            int64_t v = -1;
            int a = -2;
            if (inn) {
                const char *p = (const char *)inn;
                char *e;
                if (*p >= '0' && *p <= '9') {
                    long long x = strtoll(p, &e, 10);
                    if (*e == '\0' && x >= 0)
                        v = x;
                }
            }
            if (nr && v >= 0)
                a = kommuner_add(k, (const char *)nr, strlen((const char *)nr),
                                 navn ? (const char *)navn : "",
                                 navn ? strlen((const char *)navn) : 0, v);
            if (a != 0) {
                hjtj_status st =
                    a == -1 ? err_set(&s->reg->err, HJTJ_ERR_NOMEM, s->file, line, col,
                                      "out of memory")
                    : a == -3
                        ? err_set(&s->reg->err, HJTJ_ERR_KOMMUNER, s->file, line, col,
                                  "kommune %s appears twice in <kommuner>", (const char *)nr)
                        : err_set(&s->reg->err, HJTJ_ERR_KOMMUNER, s->file, line, col,
                                  "<kommune> needs nr (4 digits) and innbyggere (integer >= 0)");
                xmlFree(nr);
                xmlFree(navn);
                xmlFree(inn);
                return st;
            }
            xmlFree(nr);
            xmlFree(navn);
            xmlFree(inn);
        }
    }
    return HJTJ_OK; /* errors are reported by the caller */
}

/* The text of the element the reader is on (its text and CDATA children;
 * nested elements are the schema's business), leaving the reader on its end
 * tag.  Reading node by node, unlike xmlTextReaderReadString(), keeps the
 * streaming XSD validation in step.  Returns 0, or -1 with s->first set. */
static int read_text(xml_state *s, xmlTextReaderPtr r, buf *text)
{
    int depth = xmlTextReaderDepth(r), rc;
    text->len = 0;
    if (xmlTextReaderIsEmptyElement(r))
        return 0;
    while ((rc = xmlTextReaderRead(r)) == 1 && s->first.status == HJTJ_OK) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth)
            return 0;
        if (type == XML_READER_TYPE_ELEMENT &&
            (uint64_t)xmlTextReaderDepth(r) > s->reg->limits[HJTJ_LIMIT_MAX_DEPTH]) {
            err_set(&s->first, HJTJ_ERR_LIMIT, s->file, node_line(r), node_col(r),
                    "elements nested deeper than %llu",
                    (unsigned long long)s->reg->limits[HJTJ_LIMIT_MAX_DEPTH]);
            return -1;
        }
        if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
            type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v && buf_puts(text, (const char *)v) != 0) {
                err_set(&s->first, HJTJ_ERR_NOMEM, s->file, node_line(r), 0, "out of memory");
                return -1;
            }
        }
    }
    if (s->first.status == HJTJ_OK)
        err_set(&s->first, HJTJ_ERR_SYNTAX, s->file, (uint64_t)xmlTextReaderGetParserLineNumber(r),
                node_col(r), "malformed XML");
    return -1;
}

/* Read one <virksomhet> element (the reader is on its start tag). */
static hjtj_status read_virksomhet(xml_state *s, xmlTextReaderPtr r)
{
    raw_record raw;
    xml_rec xr;
    buf text;
    int depth = xmlTextReaderDepth(r), rc;
    hjtj_status st;
    static const struct {
        const char *attr;
        int id;
    } attrs[] = {{"orgnr", RAW_ORGNR},
                 {"kommunenr", RAW_KOMMUNENR},
                 {"eierskap", RAW_EIERSKAP},
                 {"status", RAW_STATUS}};
    static const struct {
        const char *el;
        int id;
    } els[] = {{"navn", RAW_NAVN},
               {"naeringskode", RAW_NAERINGSKODE},
               {"virksomhetstyper", RAW_TYPES},
               {"malgrupper", RAW_MALGRUPPER},
               {"boenheter", RAW_BOENHETER},
               {"andre-kommuner", RAW_ANDRE_KOMMUNER},
               {"merknad", RAW_MERKNAD}};
    size_t i;

    raw_clear(&raw);
    memset(&xr, 0, sizeof xr);
    buf_init(&text);
    raw.line = node_line(r);
    raw.col = node_col(r);
    for (i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        set_field(&raw, &xr, attrs[i].id,
                  xmlTextReaderGetAttribute(r, (const xmlChar *)attrs[i].attr), raw.line,
                  raw.col);
    if (!xmlTextReaderIsEmptyElement(r)) {
        while ((rc = xmlTextReaderRead(r)) == 1) {
            int type = xmlTextReaderNodeType(r);
            if (s->first.status != HJTJ_OK)
                break;
            if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth)
                break;
            if (type == XML_READER_TYPE_ELEMENT &&
                (uint64_t)xmlTextReaderDepth(r) > s->reg->limits[HJTJ_LIMIT_MAX_DEPTH]) {
                err_set(&s->first, HJTJ_ERR_LIMIT, s->file, node_line(r), node_col(r),
                        "elements nested deeper than %llu",
                        (unsigned long long)s->reg->limits[HJTJ_LIMIT_MAX_DEPTH]);
                break;
            }
            if (type != XML_READER_TYPE_ELEMENT || xmlTextReaderDepth(r) != depth + 1)
                continue;
            {
                uint64_t line = node_line(r), col = node_col(r);
                const char *ln = el_name(r);
                int done = ln == NULL; /* another namespace: the schema's business */
                if (!done && strcmp(ln, "personellutveksling") == 0) {
                    set_field(&raw, &xr, RAW_MOTTAR_FRA,
                              xmlTextReaderGetAttribute(r, (const xmlChar *)"mottar-fra"), line,
                              col);
                    set_field(&raw, &xr, RAW_LEVERER_TIL,
                              xmlTextReaderGetAttribute(r, (const xmlChar *)"leverer-til"), line,
                              col);
                    continue;
                }
                if (!done && strcmp(ln, "naeringskode") == 0)
                    set_field(&raw, &xr, RAW_NK_STANDARD,
                              xmlTextReaderGetAttribute(r, (const xmlChar *)"standard"), line,
                              col);
                for (i = 0; i < sizeof els / sizeof els[0] && !done; i++) {
                    if (strcmp(ln, els[i].el) == 0) {
                        if (read_text(s, r, &text) != 0)
                            break;
                        set_field(&raw, &xr, els[i].id,
                                  xmlStrndup((const xmlChar *)(text.data ? text.data : ""),
                                             (int)text.len),
                                  line, col);
                        done = 1;
                    }
                }
            }
        }
    }
    buf_free(&text);
    if (s->first.status != HJTJ_OK) {
        xml_rec_free(&xr);
        err_copy(&s->reg->err, &s->first);
        return s->first.status;
    }
    st = register_add(s->reg, &raw, s->file);
    xml_rec_free(&xr);
    return st;
}

/* The XSD pass.  libxml2 2.9's reader cannot relay parser errors once a
 * schema is plugged into it, so the records are read in a pass without the
 * schema (where every parser error reaches our handler) and the document,
 * known to be well-formed by then, is validated in a second pass whose
 * errors go to a validation context of our own. */
static hjtj_status validate_xsd(hjtj_register *reg, const char *data, size_t len,
                                const char *file)
{
    xml_state s;
    xmlTextReaderPtr r;
    xmlSchemaValidCtxtPtr vc;
    int rc;
    hjtj_status st = HJTJ_OK;

    memset(&s, 0, sizeof s);
    s.reg = reg;
    s.file = file;
    err_clear(&s.first);
    vc = xmlSchemaNewValidCtxt((xmlSchemaPtr)reg->xsd);
    if (vc == NULL)
        return err_set(&reg->err, HJTJ_ERR_NOMEM, file, 0, 0, "out of memory");
    xmlSchemaSetValidStructuredErrors(vc, on_error, &s);
    r = xmlReaderForMemory(data, (int)len, file, "UTF-8", XML_PARSE_NONET);
    if (r == NULL) {
        xmlSchemaFreeValidCtxt(vc);
        return err_set(&reg->err, HJTJ_ERR_NOMEM, file, 0, 0, "out of memory");
    }
    if (xmlTextReaderSchemaValidateCtxt(r, vc, 0) != 0) {
        st = err_set(&reg->err, HJTJ_ERR_NOMEM, file, 0, 0, "cannot attach the XML schema");
    } else {
        unsigned long k = 0;
        input_restart(reg->in);
        while ((rc = xmlTextReaderRead(r)) == 1 && s.first.status == HJTJ_OK)
            if (reg->in != NULL && (++k & 1023) == 0)
                input_release(reg->in, data + xmlTextReaderByteConsumed(r));
        if (s.first.status != HJTJ_OK) {
            err_copy(&reg->err, &s.first);
            reg->err.status = HJTJ_ERR_SCHEMA;
            st = HJTJ_ERR_SCHEMA;
        } else if (rc < 0 || xmlTextReaderIsValid(r) != 1) {
            st = err_set(&reg->err, HJTJ_ERR_SCHEMA, file, 0, 0,
                         "the document does not follow the XML schema");
        }
    }
    xmlFreeTextReader(r);
    xmlSchemaFreeValidCtxt(vc);
    return st;
}

hjtj_status load_xml(hjtj_register *reg, const char *data, size_t len, const char *file)
{
    xml_state s;
    xmlTextReaderPtr r;
    hjtj_status st;
    hjtj_kommuner prev;
    int rc, seen_root = 0, have_records = 0, replaced = 0, prev_set = 0;
    unsigned long nodes = 0;

    st = xml_prescan(data, len, file, &reg->err);
    if (st != HJTJ_OK)
        return st;
    {
        /* XML never allows NUL; refused here, before libxml2 takes NULs for a
         * UTF-16/32 document and reports through its global channel */
        const char *nul = input_memchr_nul(reg->in, data, len);
        if (nul != NULL) {
            uint64_t line = 1, col = 1;
            const char *q;
            for (q = data; q < nul; q++) {
                if (*q == '\n') {
                    line++;
                    col = 1;
                } else if (((unsigned char)*q & 0xC0) != 0x80) {
                    col++;
                }
            }
            return err_set(&reg->err, HJTJ_ERR_SYNTAX, file, line, col,
                           "NUL byte (not allowed in XML)");
        }
    }
    if (len > INT32_MAX)
        return err_set(&reg->err, HJTJ_ERR_LIMIT, file, 0, 0, "XML input larger than 2 GiB");
    st = load_xsd(reg);
    if (st != HJTJ_OK)
        return st;
    memset(&s, 0, sizeof s);
    memset(&prev, 0, sizeof prev);
    s.reg = reg;
    s.file = file;
    err_clear(&s.first);
    r = xmlReaderForMemory(data, (int)len, file, "UTF-8",
                           XML_PARSE_NONET);
    if (r == NULL)
        return err_set(&reg->err, HJTJ_ERR_NOMEM, file, 0, 0, "out of memory");
    xmlTextReaderSetStructuredErrorHandler(r, on_error, &s);
    st = HJTJ_OK;
    while ((rc = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r), depth;
        if (s.first.status != HJTJ_OK)
            break;
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            st = err_set(&reg->err, HJTJ_ERR_DOCTYPE, file, node_line(r), node_col(r),
                         "DOCTYPE declarations are not allowed");
            break;
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        if (reg->in != NULL && (++nodes & 255) == 0)
            input_release(reg->in, data + xmlTextReaderByteConsumed(r));
        depth = xmlTextReaderDepth(r);
        if ((uint64_t)depth > reg->limits[HJTJ_LIMIT_MAX_DEPTH]) {
            st = err_set(&reg->err, HJTJ_ERR_LIMIT, file, node_line(r), node_col(r),
                         "elements nested deeper than %llu",
                         (unsigned long long)reg->limits[HJTJ_LIMIT_MAX_DEPTH]);
            break;
        }
        if (depth == 0) {
            xmlChar *aar;
            if (!is_el(r, "kartlegging")) {
                st = err_set(&reg->err, HJTJ_ERR_SCHEMA, file, node_line(r), node_col(r),
                             "the root element must be <kartlegging xmlns=\"%s\">", NS);
                break;
            }
            seen_root = 1;
            aar = xmlTextReaderGetAttribute(r, (const xmlChar *)"aargang");
            if (aar) {
                long v = strtol((const char *)aar, NULL, 10);
                if (v > 0 && v < 100000)
                    reg->aargang = (int32_t)v;
                xmlFree(aar);
            }
            continue;
        }
        if (depth != 1)
            continue;
        if (is_el(r, "kommuner")) {
            hjtj_kommuner k;
            memset(&k, 0, sizeof k);
            st = read_kommuner(&s, r, &k);
            if (st == HJTJ_OK && s.first.status == HJTJ_OK) {
                if (reg->nread > 0 || replaced) {
                    st = err_set(&reg->err, HJTJ_ERR_STATE, file, node_line(r), node_col(r),
                                 "<kommuner> given after records were loaded into this "
                                 "register");
                } else {
                    /* the previous table is kept until the load has succeeded */
                    k.loaded = 1;
                    prev_set = register_swap_kommuner(reg, &k, 1);
                    prev = k;
                    memset(&k, 0, sizeof k);
                    replaced = 1;
                }
            }
            kommuner_clear(&k);
            if (st != HJTJ_OK || s.first.status != HJTJ_OK)
                break;
        } else if (is_el(r, "virksomhet")) {
            if (!have_records) {
                st = register_ensure_kommuner(reg);
                if (st != HJTJ_OK)
                    break;
                have_records = 1;
            }
            st = read_virksomhet(&s, r);
            if (st != HJTJ_OK)
                break;
        }
    }
    if (st == HJTJ_OK && s.first.status != HJTJ_OK) {
        err_copy(&reg->err, &s.first);
        st = s.first.status;
    }
    if (st == HJTJ_OK && rc < 0) {
        st = err_set(&reg->err, HJTJ_ERR_SYNTAX, file, (uint64_t)xmlTextReaderGetParserLineNumber(r),
                     node_col(r), "malformed XML");
    }
    if (st == HJTJ_OK && !seen_root)
        st = err_set(&reg->err, HJTJ_ERR_EMPTY, file, 1, 1, "no root element");
    if (st == HJTJ_OK && s.warn.status != HJTJ_OK) {
        /* Something libxml2 only warns about (a PI named xml..., a relative
         * namespace URI): refused, because the validating pass would report
         * the same warning through the host's global error handler. */
        err_copy(&reg->err, &s.warn);
        reg->err.status = st = HJTJ_ERR_SYNTAX;
    }
    xmlFreeTextReader(r);
    if (st == HJTJ_OK)
        st = validate_xsd(reg, data, len, file);
    if (replaced) {
        if (st != HJTJ_OK) /* a failed load leaves the table as it was */
            (void)register_swap_kommuner(reg, &prev, prev_set);
        kommuner_clear(&prev);
    }
    return st;
}
