/* load_xml.c — the XML register format (SPEC §3), read in one streaming pass
 * of libxml2's SAX2 parser and validated against data/hjtj-kartlegging-1.xsd
 * (the pass checks the schema's rules; libxml2's validator, a reader pass
 * with the compiled XSD, runs when those checks cannot decide).
 *
 * libxml2 inside someone else's process: every error handler we use is set
 * on our own reader/context (never the global ones), the parser runs with
 * XML_PARSE_NONET and without XML_PARSE_NOENT/DTDLOAD, and a DOCTYPE is
 * refused before parsing starts, so nothing is ever fetched or expanded. */
#include "internal.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
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

/* ---- the XSD pass ---------------------------------------------------- */

typedef struct xsd_state {
    const char *file;
    hjtj_error first; /* first error */
    hjtj_error warn;  /* first warning */
} xsd_state;

/* Keep libxml2's first error, and its first warning. */
static void keep_first(hjtj_error *first, hjtj_error *warn, const char *file, xmlErrorPtr e)
{
    if (e == NULL || first->status != HJTJ_OK)
        return;
    if (e->level >= XML_ERR_ERROR)
        xml_error_to(first, e, file);
    else if (warn->status == HJTJ_OK)
        xml_error_to(warn, e, file);
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    xsd_state *s = ctx;
    keep_first(&s->first, &s->warn, s->file, e);
}

/* libxml2's validator over the document, known to be well-formed by then.
 * A reader of its own with the compiled schema plugged in: libxml2 2.9's
 * reader cannot relay parser errors once a schema is attached, so it only
 * ever sees documents the SAX pass has already parsed without error. */
static hjtj_status validate_xsd(hjtj_register *reg, const char *data, size_t len,
                                const char *file)
{
    xsd_state s;
    xmlTextReaderPtr r;
    xmlSchemaValidCtxtPtr vc;
    int rc;
    hjtj_status st = load_xsd(reg);

    if (st != HJTJ_OK)
        return st;
    memset(&s, 0, sizeof s);
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

/* ---- the SAX pass ------------------------------------------------------
 *
 * One pass of libxml2's SAX2 parser (push mode, fed from the mapped file in
 * chunks) pulls the records out and, at the same time, checks the rules of
 * the XSD itself: the root, the order <kommuner>? <virksomhet>*, the child
 * elements of <virksomhet> (8 names, each at most once), the attributes
 * each element may carry, element-only, text-only and empty content, and the
 * lexical forms of aargang (xs:gYear) and referansedato (xs:date).  These
 * checks are conservative: whatever they do not accept for certain (an
 * attribute in a namespace such as xsi:, an unexpected element or text, a
 * date in another lexical form, CDATA outside text) marks the document as
 * "for the XSD to judge", and libxml2's validator then decides in a second
 * pass, with its own message and position.  A document the checks accept
 * is one the XSD accepts (the fuzzer compares the two on every input it
 * makes), so the common case costs one parse instead of two.
 * hjtj_register_set_xsd_mode(HJTJ_XSD_ALWAYS) runs the validator on every
 * document. */

enum el {
    EL_OTHER = -1,
    EL_KARTLEGGING,
    EL_KOMMUNER,
    EL_KOMMUNE,
    EL_VIRKSOMHET,
    EL_NAVN, /* the 8 children of <virksomhet>, in this order */
    EL_NAERINGSKODE,
    EL_VIRKSOMHETSTYPER,
    EL_MALGRUPPER,
    EL_BOENHETER,
    EL_PERSONELLUTVEKSLING,
    EL_ANDRE_KOMMUNER,
    EL_MERKNAD
};

/* The raw field a text child of <virksomhet> fills (-1: personellutveksling,
 * whose values are attributes). */
static const int el_field[8] = {RAW_NAVN,       RAW_NAERINGSKODE,   RAW_TYPES, RAW_MALGRUPPER,
                                RAW_BOENHETER,  -1, RAW_ANDRE_KOMMUNER, RAW_MERKNAD};

/* What the schema allows inside an element. */
enum content { CT_ELEMENTS, CT_TEXT, CT_EMPTY };
#define CT_DEPTH 3 /* the format's elements are at depths 0-2 */

typedef struct sax_state {
    hjtj_register *reg;
    const char *file;
    const char *data;
    size_t len;
    xmlParserCtxtPtr ctxt;
    hjtj_error first;    /* libxml2's first error */
    hjtj_error warn;     /* libxml2's first warning */
    hjtj_status st;      /* an error of ours (in reg->err): the load stops */
    const xmlChar *ns;   /* the namespace URI as libxml2's dictionary holds it */
    size_t depth;        /* elements open */
    int seen_root;
    int suspect;         /* the XSD must judge this document */
    int order;           /* root children so far: 0 none, 1 <kommuner>, 2 <virksomhet> */
    unsigned char content[CT_DEPTH];
    /* <kommuner> */
    int in_kommuner;
    hjtj_kommuner k;     /* the block being read */
    hjtj_kommuner prev;  /* the register's table before it, until the load stands */
    int replaced, prev_set;
    /* <virksomhet> */
    int in_rec, have_records;
    unsigned children;   /* EL_NAVN.. seen, as bits */
    int field;           /* the raw field whose text is being collected, or -1 */
    raw_record raw;
    buf vals;            /* the record's values, back to back */
    size_t voff[RAW_NFIELDS];
    size_t text_cap;     /* bytes kept of one value: the text limit + 1 */
    /* line and column of the byte at pos (columns count characters) */
    size_t pos;
    uint64_t line, col;
    size_t checked;      /* the bytes before are valid UTF-8 without NUL */
    /* names seen before: libxml2 gives element and attribute names (and
     * namespace URIs) from its dictionary, one pointer per name for the
     * whole document, so they are looked up once (el_of, att_index) */
    struct {
        const xmlChar *name, *uri;
        int el;
    } elc[16];
    struct {
        const char *name;
        const char *const *names;
        int j;
    } attc[32];
} sax_state;

static int stopped(const sax_state *s)
{
    return s->st != HJTJ_OK || s->first.status != HJTJ_OK;
}

static void stop(sax_state *s, hjtj_status st)
{
    s->st = st;
    xmlStopParser(s->ctxt);
}

static void sax_error(void *ctx, xmlErrorPtr e)
{
    sax_state *s = ctx;
    keep_first(&s->first, &s->warn, s->file, e);
}

/* Move the line/column tracker forward to byte off of the document. */
static void advance_to(sax_state *s, size_t off)
{
    const char *p = s->data + s->pos, *end = s->data + off, *nl;
    if (off <= s->pos)
        return;
    while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        s->line++;
        s->col = 1;
        p = nl + 1;
    }
    for (; p < end; p++)
        s->col += ((unsigned char)*p & 0xC0) != 0x80;
    s->pos = off;
}

/* Line and column of the '<' of the start tag just parsed: libxml2 calls
 * startElementNs with its cursor on the tag's closing '>' or "/>", and a
 * start tag holds no other '<'. */
static void tag_position(sax_state *s, uint64_t *line, uint64_t *col)
{
    long used = xmlByteConsumed(s->ctxt);
    size_t off = used > 0 && (size_t)used <= s->len ? (size_t)used : s->pos;
    size_t lt = off;
    while (lt > s->pos && s->data[lt - 1] != '<')
        lt--;
    advance_to(s, lt > s->pos ? lt - 1 : off);
    *line = s->line;
    *col = s->col;
}

static enum el el_lookup(sax_state *s, const xmlChar *ln, const xmlChar *uri);

static enum el el_of(sax_state *s, const xmlChar *ln, const xmlChar *uri)
{
    size_t h = ((uintptr_t)ln >> 3) % 16;
    if (s->elc[h].name != ln || s->elc[h].uri != uri) {
        s->elc[h].el = (int)el_lookup(s, ln, uri);
        s->elc[h].name = ln;
        s->elc[h].uri = uri;
    }
    return (enum el)s->elc[h].el;
}

static enum el el_lookup(sax_state *s, const xmlChar *ln, const xmlChar *uri)
{
    const char *n = (const char *)ln;
    enum el a = EL_OTHER, b = EL_OTHER, c = EL_OTHER;
    static const char *const names[] = {
        "kartlegging", "kommuner",        "kommune",          "virksomhet",
        "navn",        "naeringskode",    "virksomhetstyper", "malgrupper",
        "boenheter",   "personellutveksling", "andre-kommuner", "merknad"};
    if (uri == NULL)
        return EL_OTHER;
    if (uri != s->ns) {
        if (strcmp((const char *)uri, NS) != 0)
            return EL_OTHER;
        s->ns = uri;
    }
    /* the candidates by first letter, then one comparison each */
    switch (n[0]) {
    case 'a': a = EL_ANDRE_KOMMUNER; break;
    case 'b': a = EL_BOENHETER; break;
    case 'k': a = EL_KARTLEGGING, b = EL_KOMMUNER, c = EL_KOMMUNE; break;
    case 'm': a = EL_MALGRUPPER, b = EL_MERKNAD; break;
    case 'n': a = EL_NAVN, b = EL_NAERINGSKODE; break;
    case 'p': a = EL_PERSONELLUTVEKSLING; break;
    case 'v': a = EL_VIRKSOMHET, b = EL_VIRKSOMHETSTYPER; break;
    default: return EL_OTHER;
    }
    if (strcmp(n, names[a]) == 0)
        return a;
    if (b != EL_OTHER && strcmp(n, names[b]) == 0)
        return b;
    if (c != EL_OTHER && strcmp(n, names[c]) == 0)
        return c;
    return EL_OTHER;
}

/* SAX2 attributes come as 5 pointers each: localname, prefix, URI, value,
 * end of value. */
#define ATT_NAME(a, i) ((const char *)(a)[5 * (i)])
#define ATT_URI(a, i) ((a)[5 * (i) + 2])
#define ATT_VAL(a, i) ((const char *)(a)[5 * (i) + 3])
#define ATT_LEN(a, i) ((size_t)((a)[5 * (i) + 4] - (a)[5 * (i) + 3]))

/* The index in names[] of an attribute without namespace, or -1 (and the
 * document is the XSD's to judge: no attribute outside names[] is allowed,
 * and those in a namespace, xsi: among them, are left to libxml2). */
static int att_index(sax_state *s, const xmlChar **a, int i, const char *const *names, int n)
{
    const char *name = ATT_NAME(a, i);
    size_t h = (((uintptr_t)name >> 3) ^ ((uintptr_t)names >> 3)) % 32;
    int j;
    if (ATT_URI(a, i) == NULL) {
        if (s->attc[h].name == name && s->attc[h].names == names) {
            j = s->attc[h].j;
        } else {
            for (j = 0; j < n && strcmp(name, names[j]) != 0; j++)
                ;
            j = j < n ? j : -1;
            s->attc[h].name = name;
            s->attc[h].names = names;
            s->attc[h].j = j;
        }
        if (j >= 0)
            return j;
    }
    s->suspect = 1;
    return -1;
}

static int digits(const char *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return 0;
    return 1;
}

/* The lexical forms accepted without asking libxml2: YYYY (xs:gYear) and
 * YYYY-MM-DD (xs:date) with a year from 1000 on, no time zone, no blanks. */
static int plain_year(const char *p, size_t n)
{
    return n == 4 && digits(p, 4) && p[0] != '0';
}

static int plain_date(const char *p, size_t n)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;
    if (n != 10 || !plain_year(p, 4) || p[4] != '-' || p[7] != '-' || !digits(p + 5, 2) ||
        !digits(p + 8, 2))
        return 0;
    y = atoi(p);
    m = (p[5] - '0') * 10 + (p[6] - '0');
    d = (p[8] - '0') * 10 + (p[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

/* Append to the record's value buffer: the value of field id starts there
 * (its pointer is set when the record is complete: the buffer may move). */
static void value_begin(sax_state *s, int id, uint64_t line, uint64_t col)
{
    raw_field *f = &s->raw.f[id];
    s->voff[id] = s->vals.len;
    f->n = 0;
    f->set = 1;
    f->line = line;
    f->col = col;
}

static void value_put(sax_state *s, int id, const char *p, size_t n)
{
    raw_field *f = &s->raw.f[id];
    if (f->n + n > s->text_cap) /* longer than the limit is rejected anyway */
        n = f->n < s->text_cap ? s->text_cap - f->n : 0;
    if (n > 0 && buf_put(&s->vals, p, n) != 0) {
        stop(s, err_set(&s->reg->err, HJTJ_ERR_NOMEM, s->file, s->raw.line, s->raw.col,
                        "out of memory"));
        return;
    }
    f->n += n;
}

static void start_kommune(sax_state *s, const xmlChar **a, int na)
{
    static const char *const names[] = {"nr", "navn", "innbyggere"};
    const char *v[3] = {NULL, NULL, NULL};
    size_t n[3] = {0, 0, 0};
    uint64_t line, col;
    int64_t inn = -1;
    int i, j, rc = -2;
    tag_position(s, &line, &col);
    for (i = 0; i < na; i++) {
        j = att_index(s, a, i, names, 3);
        if (j >= 0) {
            v[j] = ATT_VAL(a, i);
            n[j] = ATT_LEN(a, i);
        }
    }
    if (v[2] != NULL && n[2] > 0 && n[2] <= 19 && digits(v[2], n[2])) {
        inn = 0;
        for (i = 0; i < (int)n[2] && inn >= 0; i++)
            inn = inn > (INT64_MAX - (v[2][i] - '0')) / 10 ? -1 : inn * 10 + (v[2][i] - '0');
    }
    if (v[0] != NULL && inn >= 0)
        rc = kommuner_add(&s->k, v[0], n[0], v[1] ? v[1] : "", n[1], inn);
    if (rc == -1)
        stop(s, err_set(&s->reg->err, HJTJ_ERR_NOMEM, s->file, line, col, "out of memory"));
    else if (rc == -3)
        stop(s, err_set(&s->reg->err, HJTJ_ERR_KOMMUNER, s->file, line, col,
                        "kommune %.*s appears twice in <kommuner>", (int)n[0], v[0]));
    else if (rc != 0)
        stop(s, err_set(&s->reg->err, HJTJ_ERR_KOMMUNER, s->file, line, col,
                        "<kommune> needs nr (4 digits) and innbyggere (integer >= 0)"));
}

static void start_kommuner(sax_state *s, const xmlChar **a, int na)
{
    static const char *const names[] = {"referansedato"};
    int i;
    memset(&s->k, 0, sizeof s->k);
    s->in_kommuner = 1;
    for (i = 0; i < na; i++)
        if (att_index(s, a, i, names, 1) == 0) {
            size_t n = ATT_LEN(a, i);
            if (!plain_date(ATT_VAL(a, i), n))
                s->suspect = 1;
            if (n >= sizeof s->k.referansedato)
                n = sizeof s->k.referansedato - 1;
            memcpy(s->k.referansedato, ATT_VAL(a, i), n);
            s->k.referansedato[n] = '\0';
        }
}

static void end_kommuner(sax_state *s)
{
    hjtj_register *reg = s->reg;
    s->in_kommuner = 0;
    if (reg->nread > 0 || s->replaced) {
        uint64_t line, col;
        tag_position(s, &line, &col);
        kommuner_clear(&s->k);
        stop(s, err_set(&reg->err, HJTJ_ERR_STATE, s->file, line, col,
                        "<kommuner> given after records were loaded into this register"));
        return;
    }
    /* the previous table is kept until the load has succeeded */
    s->k.loaded = 1;
    s->prev_set = register_swap_kommuner(reg, &s->k, 1);
    s->prev = s->k;
    memset(&s->k, 0, sizeof s->k);
    s->replaced = 1;
}

static void start_virksomhet(sax_state *s, const xmlChar **a, int na)
{
    static const char *const names[] = {"orgnr", "kommunenr", "eierskap", "status"};
    static const int ids[] = {RAW_ORGNR, RAW_KOMMUNENR, RAW_EIERSKAP, RAW_STATUS};
    int i, j;
    if (!s->have_records) {
        hjtj_status st = register_ensure_kommuner(s->reg);
        if (st != HJTJ_OK) {
            stop(s, st);
            return;
        }
        s->have_records = 1;
    }
    raw_clear(&s->raw);
    s->vals.len = 0;
    s->in_rec = 1;
    s->children = 0;
    s->field = -1;
    tag_position(s, &s->raw.line, &s->raw.col);
    for (i = 0; i < na; i++) {
        j = att_index(s, a, i, names, 4);
        if (j >= 0) {
            value_begin(s, ids[j], s->raw.line, s->raw.col);
            value_put(s, ids[j], ATT_VAL(a, i), ATT_LEN(a, i));
            if (ids[j] == RAW_ORGNR)
                register_prefetch_orgnr(s->reg, ATT_VAL(a, i), ATT_LEN(a, i));
        }
    }
}

static void start_child(sax_state *s, enum el el, const xmlChar **a, int na)
{
    static const char *const nk_names[] = {"standard"};
    static const char *const pu_names[] = {"mottar-fra", "leverer-til"};
    static const int pu_ids[] = {RAW_MOTTAR_FRA, RAW_LEVERER_TIL};
    uint64_t line, col;
    int i, j;
    tag_position(s, &line, &col);
    if (s->children & (1u << (el - EL_NAVN)))
        s->suspect = 1; /* xs:all: each child at most once */
    s->children |= 1u << (el - EL_NAVN);
    if (el == EL_PERSONELLUTVEKSLING) {
        for (i = 0; i < na; i++) {
            j = att_index(s, a, i, pu_names, 2);
            if (j >= 0) {
                value_begin(s, pu_ids[j], line, col);
                value_put(s, pu_ids[j], ATT_VAL(a, i), ATT_LEN(a, i));
            }
        }
        return;
    }
    for (i = 0; i < na; i++)
        if (el == EL_NAERINGSKODE && att_index(s, a, i, nk_names, 1) == 0) {
            value_begin(s, RAW_NK_STANDARD, line, col);
            value_put(s, RAW_NK_STANDARD, ATT_VAL(a, i), ATT_LEN(a, i));
        } else if (el != EL_NAERINGSKODE) {
            s->suspect = 1; /* the other text elements take no attributes */
        }
    s->field = el_field[el - EL_NAVN];
    value_begin(s, s->field, line, col);
}

static void end_virksomhet(sax_state *s)
{
    int i;
    hjtj_status st;
    s->in_rec = 0;
    for (i = 0; i < RAW_NFIELDS; i++)
        if (s->raw.f[i].set)
            s->raw.f[i].s = s->vals.data ? s->vals.data + s->voff[i] : "";
    st = register_add(s->reg, &s->raw, s->file);
    if (st != HJTJ_OK)
        stop(s, st);
}

static void sax_start(void *ctx, const xmlChar *ln, const xmlChar *prefix, const xmlChar *uri,
                      int nns, const xmlChar **nss, int na, int ndef, const xmlChar **a)
{
    sax_state *s = ctx;
    size_t d = s->depth++;
    enum el el;
    (void)prefix;
    (void)nns;
    (void)nss;
    (void)ndef;
    if (stopped(s))
        return;
    if ((uint64_t)d > s->reg->limits[HJTJ_LIMIT_MAX_DEPTH]) {
        uint64_t line, col;
        tag_position(s, &line, &col);
        stop(s, err_set(&s->reg->err, HJTJ_ERR_LIMIT, s->file, line, col,
                        "elements nested deeper than %llu",
                        (unsigned long long)s->reg->limits[HJTJ_LIMIT_MAX_DEPTH]));
        return;
    }
    if (s->reg->in != NULL)
        input_release(s->reg->in, s->data + s->pos);
    el = el_of(s, ln, uri);
    if (d == 0) {
        static const char *const names[] = {"aargang"};
        int i;
        if (el != EL_KARTLEGGING) {
            uint64_t line, col;
            tag_position(s, &line, &col);
            stop(s, err_set(&s->reg->err, HJTJ_ERR_SCHEMA, s->file, line, col,
                            "the root element must be <kartlegging xmlns=\"%s\">", NS));
            return;
        }
        s->seen_root = 1;
        s->content[0] = CT_ELEMENTS;
        for (i = 0; i < na; i++)
            if (att_index(s, a, i, names, 1) == 0) {
                char y[16];
                size_t n = ATT_LEN(a, i);
                long v;
                if (!plain_year(ATT_VAL(a, i), n))
                    s->suspect = 1;
                if (n >= sizeof y)
                    n = sizeof y - 1;
                memcpy(y, ATT_VAL(a, i), n);
                y[n] = '\0';
                v = strtol(y, NULL, 10);
                if (v > 0 && v < 100000)
                    s->reg->aargang = (int32_t)v;
            }
        return;
    }
    if (d < CT_DEPTH)
        s->content[d] = CT_EMPTY;
    if (d == 1) {
        if (el == EL_KOMMUNER) {
            if (s->order != 0)
                s->suspect = 1;
            s->order = 1;
            s->content[1] = CT_ELEMENTS;
            start_kommuner(s, a, na);
        } else if (el == EL_VIRKSOMHET) {
            s->order = 2;
            s->content[1] = CT_ELEMENTS;
            start_virksomhet(s, a, na);
        } else {
            s->suspect = 1;
        }
        return;
    }
    if (s->in_kommuner) {
        /* every <kommune> of the block, as the table's universe */
        if (el == EL_KOMMUNE)
            start_kommune(s, a, na);
        if (d != 2 || el != EL_KOMMUNE)
            s->suspect = 1;
        return;
    }
    if (d != 2) {
        s->suspect = 1; /* nothing of the format is this deep */
        return;
    }
    if (s->in_rec && el >= EL_NAVN) {
        if (el != EL_PERSONELLUTVEKSLING)
            s->content[2] = CT_TEXT;
        start_child(s, el, a, na);
        return;
    }
    s->suspect = 1;
}

static void sax_end(void *ctx, const xmlChar *ln, const xmlChar *prefix, const xmlChar *uri)
{
    sax_state *s = ctx;
    size_t d = --s->depth;
    (void)ln;
    (void)prefix;
    (void)uri;
    if (stopped(s))
        return;
    if (d == 2 && s->in_rec)
        s->field = -1;
    else if (d == 1 && s->in_rec)
        end_virksomhet(s);
    else if (d == 1 && s->in_kommuner)
        end_kommuner(s);
}

static int blank(const xmlChar *p, int n)
{
    int i;
    for (i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
            return 0;
    return 1;
}

static void sax_chars(void *ctx, const xmlChar *p, int n)
{
    sax_state *s = ctx;
    if (stopped(s) || n <= 0)
        return;
    if (s->field >= 0)
        value_put(s, s->field, (const char *)p, (size_t)n);
    if (!s->suspect && s->depth > 0 && s->depth <= CT_DEPTH) {
        unsigned ct = s->content[s->depth - 1];
        if (ct == CT_EMPTY || (ct == CT_ELEMENTS && !blank(p, n)))
            s->suspect = 1;
    }
}

static void sax_cdata(void *ctx, const xmlChar *p, int n)
{
    sax_state *s = ctx;
    if (stopped(s))
        return;
    if (s->field >= 0 && n > 0)
        value_put(s, s->field, (const char *)p, (size_t)n);
    if (s->depth == 0 || s->depth > CT_DEPTH || s->content[s->depth - 1] != CT_TEXT)
        s->suspect = 1;
}

static void sax_doctype(void *ctx, const xmlChar *name, const xmlChar *eid, const xmlChar *sid)
{
    sax_state *s = ctx;
    (void)name;
    (void)eid;
    (void)sid;
    if (!stopped(s))
        stop(s, err_set(&s->reg->err, HJTJ_ERR_DOCTYPE, s->file,
                        (uint64_t)xmlSAX2GetLineNumber(s->ctxt),
                        (uint64_t)xmlSAX2GetColumnNumber(s->ctxt),
                        "DOCTYPE declarations are not allowed"));
}

/* Feed the document to the push parser in pieces of this size. */
#define SAX_CHUNK ((size_t)256 << 10)

/* The bytes up to the end of each piece (and the rest of a UTF-8 sequence
 * cut there) are checked — valid UTF-8 without NUL — just before the parser
 * is given them: one pass over the input, while its pages are at hand,
 * instead of two passes before the parse; libxml2 only ever sees checked
 * bytes.  When a check fails, input_fault() says how. */
static int check_upto(sax_state *s, size_t upto)
{
    return input_check_upto(s->data, s->len, &s->checked, upto, 0, 1);
}

static hjtj_status sax_pass(sax_state *s)
{
    xmlSAXHandler h;
    size_t off = 0;
    memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = sax_start;
    h.endElementNs = sax_end;
    h.characters = sax_chars;
    h.ignorableWhitespace = sax_chars;
    h.cdataBlock = sax_cdata;
    h.internalSubset = sax_doctype;
    h.serror = sax_error;
    /* the first bytes go with the context, for libxml2 to see the encoding
     * (UTF-8 here: xml_prescan() refused any other) */
    off = s->len < 4 ? s->len : 4;
    if (check_upto(s, off) != 0)
        return s->st = HJTJ_ERR_ENCODING; /* load_xml reports it */
    s->ctxt = xmlCreatePushParserCtxt(&h, s, s->data, (int)off, s->file);
    if (s->ctxt == NULL)
        return err_set(&s->reg->err, HJTJ_ERR_NOMEM, s->file, 0, 0, "out of memory");
    (void)xmlCtxtUseOptions(s->ctxt, XML_PARSE_NONET);
    while (!stopped(s)) {
        size_t n = s->len - off < SAX_CHUNK ? s->len - off : SAX_CHUNK;
        int last = off + n == s->len;
        if (check_upto(s, off + n) != 0) {
            s->st = HJTJ_ERR_ENCODING; /* load_xml reports it */
            break;
        }
        (void)xmlParseChunk(s->ctxt, s->data + off, (int)n, last);
        off += n;
        if (last)
            break;
    }
    if (s->st == HJTJ_OK && s->first.status != HJTJ_OK) {
        err_copy(&s->reg->err, &s->first);
        s->st = s->first.status;
    }
    if (s->st == HJTJ_OK && !s->ctxt->wellFormed)
        s->st = err_set(&s->reg->err, HJTJ_ERR_SYNTAX, s->file,
                        (uint64_t)xmlSAX2GetLineNumber(s->ctxt),
                        (uint64_t)xmlSAX2GetColumnNumber(s->ctxt), "malformed XML");
    if (s->st == HJTJ_OK && !s->seen_root)
        s->st = err_set(&s->reg->err, HJTJ_ERR_EMPTY, s->file, 1, 1, "no root element");
    if (s->st == HJTJ_OK && s->warn.status != HJTJ_OK) {
        /* Something libxml2 only warns about (a PI named xml..., a relative
         * namespace URI): refused, because libxml2's validating pass would
         * report the same warning through the host's global error handler. */
        err_copy(&s->reg->err, &s->warn);
        s->reg->err.status = s->st = HJTJ_ERR_SYNTAX;
    }
    xmlFreeParserCtxt(s->ctxt);
    s->ctxt = NULL;
    return s->st;
}

/* The input's bytes from `from` on, for a load that did not get to its end
 * without an error: invalid UTF-8 anywhere fails the load with
 * HJTJ_ERR_ENCODING, whatever else is wrong, and (with nul) a NUL byte with
 * HJTJ_ERR_SYNTAX, whatever the parser found: as if both were checked before
 * parsing.  HJTJ_OK (reg->err untouched) if they are fine. */
static hjtj_status input_fault(hjtj_register *reg, const char *data, size_t len, size_t from,
                               const char *file, int nul)
{
    const char *z, *q;
    uint64_t line = 1, col = 1;
    hjtj_status st = input_check_utf8(reg->in, data, len, from, file, &reg->err);
    if (st != HJTJ_OK || !nul || from >= len ||
        (z = input_memchr_nul(reg->in, data + from, len - from)) == NULL)
        return st;
    /* XML never allows NUL; refused before libxml2 is given it (it would
     * take NULs for a UTF-16/32 document and report through its global
     * channel) */
    for (q = data; q < z; q++) {
        if (*q == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)*q & 0xC0) != 0x80) {
            col++;
        }
    }
    return err_set(&reg->err, HJTJ_ERR_SYNTAX, file, line, col, "NUL byte (not allowed in XML)");
}

/* Is a syntax error at (line, col) at the end of the document's text (only
 * blanks after it)?  Then the document was cut short, whatever libxml2 calls
 * it ("Extra content at the end", "AttValue: ' expected", ...). */
static int at_end(const char *data, size_t len, uint64_t line, uint64_t col)
{
    size_t last = len, i;
    uint64_t l = 1, c = 1;
    while (last > 0 && (data[last - 1] == ' ' || data[last - 1] == '\t' ||
                        data[last - 1] == '\n' || data[last - 1] == '\r'))
        last--;
    if (last == 0 || line == 0)
        return 0;
    for (i = 0; i + 1 < last; i++) { /* the position of the last non-blank */
        if (data[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    return line > l || (line == l && col >= c);
}

hjtj_status load_xml(hjtj_register *reg, const char *data, size_t len, const char *file)
{
    sax_state s;
    hjtj_status st;

    st = xml_prescan(data, len, file, &reg->err);
    if (st != HJTJ_OK) {
        hjtj_status b = input_fault(reg, data, len, 0, file, 0);
        return b != HJTJ_OK ? b : st;
    }
    if (len > INT32_MAX) {
        st = input_fault(reg, data, len, 0, file, 1);
        return st != HJTJ_OK ? st
                             : err_set(&reg->err, HJTJ_ERR_LIMIT, file, 0, 0,
                                       "XML input larger than 2 GiB");
    }
    memset(&s, 0, sizeof s);
    s.reg = reg;
    s.file = file;
    s.data = data;
    s.len = len;
    s.line = s.col = 1;
    s.field = -1;
    s.text_cap = reg->limits[HJTJ_LIMIT_MAX_TEXT] < (uint64_t)(SIZE_MAX / 4)
                     ? (size_t)reg->limits[HJTJ_LIMIT_MAX_TEXT] + 1
                     : SIZE_MAX / 4;
    err_clear(&s.first);
    err_clear(&s.warn);
    buf_init(&s.vals);
    input_restart(reg->in);
    st = sax_pass(&s);
    if (st != HJTJ_OK) {
        hjtj_status b = input_fault(reg, data, len, s.checked, file, 1);
        st = b != HJTJ_OK ? b : st;
        if (st == HJTJ_ERR_SYNTAX && at_end(data, len, reg->err.line, reg->err.column)) {
            input_restart(reg->in);
            (void)err_set(&reg->err, st, file, reg->err.line, reg->err.column,
                          "the file ends before the XML document is complete (truncated?)");
        }
        input_restart(reg->in);
    }
    buf_free(&s.vals);
    kommuner_clear(&s.k);
    if (st == HJTJ_OK && (s.suspect || reg->xsd_mode == HJTJ_XSD_ALWAYS))
        st = validate_xsd(reg, data, len, file);
    if (s.replaced) {
        if (st != HJTJ_OK) /* a failed load leaves the table as it was */
            (void)register_swap_kommuner(reg, &s.prev, s.prev_set);
        kommuner_clear(&s.prev);
    }
    return st;
}
