/* load_xml.c — the XML register format (SPEC §3), read in one streaming pass
 * of libxml2's SAX2 parser and validated against data/hjtj-kartlegging-1.xsd
 * (the pass checks the schema's rules; libxml2's validator, a reader pass
 * with the compiled XSD, runs when those checks cannot decide).
 *
 * libxml2 inside someone else's process: every error handler we use is set
 * on our own reader/context (never the global ones), the parser runs with
 * XML_PARSE_NONET and without XML_PARSE_NOENT/DTDLOAD, and a DOCTYPE is
 * refused before parsing starts, so nothing is ever fetched or expanded. */
#include "buf.h"
#include "error.h"
#include "input.h"
#include "kommuner.h"
#include "sink.h"
#include "text.h"
#include "xml.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NS "urn:hjtj:kartlegging:1"
#define XSD_FILE "hjtj-kartlegging-1.xsd"

static void ignore_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

static void keep_first(hjtj_error *first, hjtj_error *warn, const char *file, xmlErrorPtr e);

static void xsd_parse_error(void *ctx, xmlErrorPtr e)
{
    hjtj_error *first = ctx, warn;
    char file[sizeof first->file];
    hjtj__err_clear(&warn);
    hjtj__str_copy(file, sizeof file, first->file);
    keep_first(first, &warn, file, e);
}

/* The format's XSD, found through HJTJ_DATADIR or the installation: read by
 * us, parsed without network access or DTD, and compiled only if it is
 * self-contained (no xs:import, xs:include ... with a schemaLocation, which
 * libxml2's schema compiler would fetch, over the network too); every
 * message of libxml2 is caught.  Errors: HJTJ_ERR_IO (missing, unreadable,
 * malformed or not compilable; the message says which), HJTJ_ERR_NOMEM. */
static hjtj_status load_xsd(const hjtj__record_sink *sink, const hjtj__xml_quiet *q)
{
    char path[4096];
    xmlParserCtxtPtr ctxt;
    xmlSchemaParserCtxtPtr pc;
    hjtj__xsd *x;
    hjtj_error e;
    const xmlNode *n;
    buf b;
    hjtj_status st;
    if (*sink->xsd)
        return HJTJ_OK;
    if (hjtj__datadir_path(path, sizeof path, XSD_FILE) != 0)
        return hjtj__err_set(sink->err, HJTJ_ERR_IO, path, 0, 0,
                       "XML schema not found at %s (set HJTJ_DATADIR)", path);
    st = hjtj__read_all_file(&b, path, sink->err);
    if (st != HJTJ_OK)
        return st;
    hjtj__err_clear(&e);
    if (b.len > INT32_MAX || hjtj__xml_prescan(b.data, b.len, path, &e, NULL) != HJTJ_OK ||
        hjtj__xml_attribute_bound(b.data, b.len, path, &e) != HJTJ_OK) {
        hjtj__buf_free(&b);
        return hjtj__err_set(sink->err, HJTJ_ERR_IO, path, e.line, e.column,
                       "cannot read the XML schema %s: %s", path,
                       e.status ? e.message : "too large");
    }
    x = calloc(1, sizeof *x);
    ctxt = xmlNewParserCtxt();
    if (x == NULL || ctxt == NULL) {
        free(x);
        xmlFreeParserCtxt(ctxt);
        hjtj__buf_free(&b);
        return hjtj__err_set(sink->err, HJTJ_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    ctxt->sax->serror = ignore_error; /* the detail is read from lastError */
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    x->doc = xmlCtxtReadMemory(ctxt, b.data, (int)b.len, path, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    hjtj__buf_free(&b);
    if (x->doc == NULL || !ctxt->wellFormed) {
        if (ctxt->lastError.code != 0)
            hjtj__xml_error_to(&e, &ctxt->lastError, path);
        st = e.status == HJTJ_ERR_NOMEM || (e.status == HJTJ_OK && q->nomem) ? HJTJ_ERR_NOMEM
                                                                              : HJTJ_ERR_IO;
        xmlFreeParserCtxt(ctxt);
        hjtj__xsd_free(x);
        return hjtj__err_set(sink->err, st, path, e.line, e.column,
                       "cannot read the XML schema %s: %s", path,
                       e.status ? e.message : "malformed XML");
    }
    xmlFreeParserCtxt(ctxt);
    n = xmlDocGetRootElement(x->doc);
    for (n = n ? n->children : NULL; n != NULL; n = n->next)
        if (hjtj__xsd_external_ref(n)) {
            uint64_t line = (uint64_t)xmlGetLineNo(n);
            hjtj__xsd_free(x);
            return hjtj__err_set(sink->err, HJTJ_ERR_IO, path, line, 0,
                           "cannot use the XML schema %s: it refers to another document "
                           "(schemaLocation), which is never fetched", path);
        }
    pc = xmlSchemaNewDocParserCtxt(x->doc);
    if (pc == NULL) {
        hjtj__xsd_free(x);
        return hjtj__err_set(sink->err, HJTJ_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    hjtj__str_copy(e.file, sizeof e.file, path);
    xmlSchemaSetParserStructuredErrors(pc, xsd_parse_error, &e);
    x->schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (x->schema == NULL) {
        st = e.status == HJTJ_ERR_NOMEM || (e.status == HJTJ_OK && q->nomem) ? HJTJ_ERR_NOMEM
                                                                              : HJTJ_ERR_IO;
        hjtj__xsd_free(x);
        return hjtj__err_set(sink->err, st, path, e.line, e.column,
                       "cannot compile the XML schema %s: %s", path,
                       e.status ? e.message : "not a valid XML schema");
    }
    *sink->xsd = x;
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
        hjtj__xml_error_to(first, e, file);
    else if (warn->status == HJTJ_OK)
        hjtj__xml_error_to(warn, e, file);
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    xsd_state *s = ctx;
    keep_first(&s->first, &s->warn, s->file, e);
}

/* ---- what the validator is given ----------------------------------------
 *
 * libxml2 2.9's validator (its text reader, and the schema checker's value
 * of an element) appends the character data of an element piece by piece
 * (300 bytes, one reference, one CDATA section at a time), measuring what
 * it holds each time: quadratic in the length of the text (4 MB of "&#65;"
 * took 3.5 s).  So it is given a copy of the document in which each run of
 * content between two tags (text, references, CDATA sections, comments,
 * processing instructions) longer than XSD_RUN bytes is replaced by one
 * character: 'x' if the run holds a character other than white space, else
 * ' '.  The verdict cannot change: the format's text elements are
 * xs:string, element-only content allows white space only, empty content
 * nothing, and the document is already known to be well-formed (the SAX
 * pass has read every such run in full).  A message of the validator is put
 * back at the original line and column through the list of replacements. */
#define XSD_RUN 4096


typedef struct run_map {
    uint64_t fl, fc; /* after a replacement: line and column in the copy */
    uint64_t ol, oc; /* ... and in the document */
} run_map;

typedef struct shortened {
    buf b;
    run_map *map;
    size_t nmap, capmap;
    uint64_t ol, oc, fl, fc; /* where the copy has got to, in both */
} shortened;

/* Advance (line, col) over p[0..n) (columns count characters). */
static void lc_advance(const char *p, size_t n, uint64_t *line, uint64_t *col)
{
    const char *end = p + n, *nl;
    while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        (*line)++;
        *col = 1;
        p = nl + 1;
    }
    for (; p < end; p++)
        *col += ((unsigned char)*p & 0xC0) != 0x80;
}

static const char *skip_past(const char *p, const char *end, const char *pat, size_t m)
{
    const char *q = hjtj__xml_find(p, (size_t)(end - p), pat, m);
    return q ? q + m : end;
}

/* Does the run p[0..n) (well-formed content) hold a character other than
 * XML white space, in its text, references or CDATA sections? */
static int run_has_text(const char *p, size_t n)
{
    const char *end = p + n;
    while (p < end) {
        if (hjtj__is_blank(*p)) {
            p++;
        } else if (*p == '&') {
            long v;
            if (p[1] != '#')
                return 1; /* amp, lt, gt, quot, apos */
            v = p[2] == 'x' ? strtol(p + 3, NULL, 16) : strtol(p + 2, NULL, 10);
            if (v != 0x20 && v != 0x9 && v != 0xD && v != 0xA)
                return 1;
            p = skip_past(p, end, ";", 1);
        } else if (*p != '<') {
            return 1;
        } else if ((size_t)(end - p) >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
            const char *q = hjtj__xml_find(p + 9, (size_t)(end - p - 9), "]]>", 3);
            if (q == NULL)
                return 1;
            for (p += 9; p < q; p++)
                if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
                    return 1;
            p = q + 3;
        } else if ((size_t)(end - p) >= 4 && memcmp(p, "<!--", 4) == 0) {
            p = skip_past(p + 4, end, "-->", 3);
        } else {
            p = skip_past(p + 2, end, "?>", 2); /* a processing instruction */
        }
    }
    return 0;
}

static hjtj_status shortened_put(shortened *o, const char *p, size_t n, int same)
{
    if (hjtj__buf_put(&o->b, p, n) != 0)
        return HJTJ_ERR_NOMEM;
    lc_advance(p, n, &o->fl, &o->fc);
    if (same)
        lc_advance(p, n, &o->ol, &o->oc);
    return HJTJ_OK;
}

/* The copy of the document for the validator (see above); HJTJ_ERR_NOMEM. */
static hjtj_status shorten_runs(const char *d, size_t len, shortened *o)
{
    const char *p = d, *end = d + len;
    memset(o, 0, sizeof *o);
    hjtj__buf_init(&o->b);
    o->ol = o->fl = o->oc = o->fc = 1;
    while (p < end) {
        const char *q = p, *t;
        /* the next tag (start, end or empty-element tag) after the run */
        for (;;) {
            q = memchr(q, '<', (size_t)(end - q));
            if (q == NULL || end - q < 2) {
                q = end;
                break;
            }
            if ((size_t)(end - q) >= 4 && memcmp(q, "<!--", 4) == 0)
                q = skip_past(q + 4, end, "-->", 3);
            else if ((size_t)(end - q) >= 9 && memcmp(q, "<![CDATA[", 9) == 0)
                q = skip_past(q + 9, end, "]]>", 3);
            else if (q[1] == '?' || q[1] == '!')
                q = skip_past(q + 2, end, ">", 1);
            else
                break;
        }
        if ((size_t)(q - p) > XSD_RUN) {
            run_map *m;
            char c = run_has_text(p, (size_t)(q - p)) ? 'x' : ' ';
            lc_advance(p, (size_t)(q - p), &o->ol, &o->oc);
            if (shortened_put(o, &c, 1, 0) != HJTJ_OK)
                return HJTJ_ERR_NOMEM;
            if (hjtj__grow(&o->map, &o->capmap, o->nmap + 1, sizeof *o->map, 16) != HJTJ_OK)
                return HJTJ_ERR_NOMEM;
            m = &o->map[o->nmap++];
            m->fl = o->fl;
            m->fc = o->fc;
            m->ol = o->ol;
            m->oc = o->oc;
        } else if (shortened_put(o, p, (size_t)(q - p), 1) != HJTJ_OK) {
            return HJTJ_ERR_NOMEM;
        }
        if (q == end)
            break;
        /* the tag itself, to its '>' outside quotes */
        for (t = q + 1; t < end && *t != '>'; t++)
            if (*t == '"' || *t == '\'') {
                const char *e = memchr(t + 1, *t, (size_t)(end - t - 1));
                t = e ? e : end - 1;
            }
        t = t < end ? t + 1 : end;
        if (shortened_put(o, q, (size_t)(t - q), 1) != HJTJ_OK)
            return HJTJ_ERR_NOMEM;
        p = t;
    }
    return hjtj__buf_put(&o->b, "", 0) == 0 ? HJTJ_OK : HJTJ_ERR_NOMEM;
}

/* A position in the copy, back in the document. */
static void shortened_position(const shortened *o, uint64_t *line, uint64_t *col)
{
    size_t i = o->nmap;
    const run_map *m;
    if (*line == 0)
        return;
    while (i > 0 && (o->map[i - 1].fl > *line ||
                     (o->map[i - 1].fl == *line && o->map[i - 1].fc > *col && *col != 0)))
        i--;
    if (i == 0)
        return;
    m = &o->map[i - 1];
    if (*line == m->fl) {
        if (*col != 0)
            *col = m->oc + (*col - m->fc);
        *line = m->ol;
    } else {
        *line = m->ol + (*line - m->fl);
    }
}

/* libxml2's validator over the document, known to be well-formed by then
 * (the SAX pass has parsed it without error, within our limits).  A reader
 * of its own with the compiled schema plugged in; the reader's own errors
 * (its tree builder's) come to us too.  XML_PARSE_HUGE: the reader builds
 * each text node whole, and without it refuses one over 10 MB that the SAX
 * pass reads in pieces (and rejects only its record, HJTJ_REASON_TOO_LONG):
 * both modes give the same result for the same input. */
static hjtj_status validate_xsd(const hjtj__record_sink *sink, const char *data, size_t len,
                                const char *file, const hjtj__xml_quiet *q)
{
    xsd_state s;
    xmlTextReaderPtr r;
    xmlSchemaValidCtxtPtr vc;
    shortened copy;
    int rc;
    hjtj_status st = load_xsd(sink, q);

    if (st != HJTJ_OK)
        return st;
    if (shorten_runs(data, len, &copy) != HJTJ_OK) {
        hjtj__buf_free(&copy.b);
        free(copy.map);
        return hjtj__err_set(sink->err, HJTJ_ERR_NOMEM, file, 0, 0, "out of memory");
    }
    data = copy.b.data;
    len = copy.b.len;
    memset(&s, 0, sizeof s);
    s.file = file;
    hjtj__err_clear(&s.first);
    hjtj__err_clear(&s.warn);
    vc = xmlSchemaNewValidCtxt(((hjtj__xsd *)*sink->xsd)->schema);
    if (vc == NULL) {
        hjtj__buf_free(&copy.b);
        free(copy.map);
        return hjtj__err_set(sink->err, HJTJ_ERR_NOMEM, file, 0, 0, "out of memory");
    }
    xmlSchemaSetValidStructuredErrors(vc, on_error, &s);
    r = xmlReaderForMemory(data, (int)len, file, "UTF-8", XML_PARSE_NONET | XML_PARSE_HUGE);
    if (r == NULL) {
        xmlSchemaFreeValidCtxt(vc);
        hjtj__buf_free(&copy.b);
        free(copy.map);
        return hjtj__err_set(sink->err, HJTJ_ERR_NOMEM, file, 0, 0, "out of memory");
    }
    xmlTextReaderSetStructuredErrorHandler(r, on_error, &s);
    if (xmlTextReaderSchemaValidateCtxt(r, vc, 0) != 0) {
        st = hjtj__err_set(sink->err, HJTJ_ERR_NOMEM, file, 0, 0, "cannot attach the XML schema");
    } else {
        while ((rc = xmlTextReaderRead(r)) == 1 && s.first.status == HJTJ_OK)
            ;
        if (s.first.status == HJTJ_ERR_NOMEM || (rc < 0 && q->nomem)) {
            st = hjtj__err_set(sink->err, HJTJ_ERR_NOMEM, file, 0, 0, "out of memory");
        } else if (s.first.status != HJTJ_OK) {
            hjtj__err_copy(sink->err, &s.first);
            sink->err->status = HJTJ_ERR_SCHEMA;
            shortened_position(&copy, &sink->err->line, &sink->err->column);
            st = HJTJ_ERR_SCHEMA;
        } else if (rc < 0 || xmlTextReaderIsValid(r) != 1) {
            st = hjtj__err_set(sink->err, HJTJ_ERR_SCHEMA, file, 0, 0,
                         "the document does not follow the XML schema");
        }
    }
    xmlFreeTextReader(r);
    xmlSchemaFreeValidCtxt(vc);
    hjtj__buf_free(&copy.b);
    free(copy.map);
    return st;
}

/* ---- the SAX pass ------------------------------------------------------
 *
 * One pass of libxml2's SAX2 parser (push mode, fed from the file's bytes in
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
    const hjtj__record_sink *sink;
    const char *file;
    const char *data;
    size_t len;
    xmlParserCtxtPtr ctxt;
    hjtj_error first;    /* libxml2's first error */
    hjtj_error warn;     /* libxml2's first warning */
    hjtj_status st;      /* an error of ours (in *sink->err): the load stops */
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
    size_t scanned;      /* the start tags before are counted (tag_scan) */
    buf att[3];          /* attribute values with '&' restored (att_value) */
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

/* Attribute values.  libxml2's SAX2 parser, with entities not substituted
 * (no XML_PARSE_NOENT), gives an attribute value with its references
 * replaced and its white space normalised (XML 1.0 §3.3.3), except that a
 * '&' (written &amp;, &#38; or &#x26;) comes back as the five characters
 * "&#38;"; no other '&' can remain (an undeclared entity is an error).
 * The value as XML defines it, in s->att[slot] when it had to be changed
 * (else the parser's bytes). */
static const char *att_value(sax_state *s, int slot, const char *v, size_t n, size_t *len)
{
    const char *p, *end = v + n;
    buf *b = &s->att[slot];
    /* once the parser is stopped, its input (where values point) is gone:
     * xmlStopParser() frees it */
    if (stopped(s)) {
        *len = 0;
        return "";
    }
    p = memchr(v, '&', n);
    *len = n;
    if (p == NULL)
        return v;
    b->len = 0;
    while (p != NULL) {
        size_t skip = (size_t)(end - p) >= 5 && memcmp(p, "&#38;", 5) == 0 ? 5 : 1;
        if (hjtj__buf_put(b, v, (size_t)(p - v)) != 0 || hjtj__buf_putc(b, '&') != 0)
            break;
        v = p + skip;
        p = memchr(v, '&', (size_t)(end - v));
    }
    if (hjtj__buf_put(b, v, (size_t)(end - v)) != 0 || b->failed) {
        stop(s, hjtj__err_set(s->sink->err, HJTJ_ERR_NOMEM, s->file, s->line, s->col,
                        "out of memory"));
        *len = 0;
        return "";
    }
    *len = b->len;
    return b->data;
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

/* Are p[0..n) n > 0 ASCII digits? */
static int digits(const char *p, size_t n)
{
    uint64_t v;
    return hjtj__parse_uint(p, n, UINT64_MAX, &v) == HJTJ_OK;
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
    uint64_t y;
    int m, d;
    if (n != 10 || !plain_year(p, 4) || p[4] != '-' || p[7] != '-' || !digits(p + 5, 2) ||
        !digits(p + 8, 2))
        return 0;
    (void)hjtj__parse_uint(p, 4, 9999, &y);
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

static void value_put(sax_state *s, int id, const char *p, size_t n);

/* An attribute's value as the value of field id. */
static void value_att(sax_state *s, int id, const char *v, size_t n, uint64_t line,
                      uint64_t col)
{
    const char *p = att_value(s, 0, v, n, &n);
    value_begin(s, id, line, col);
    value_put(s, id, p, n);
}

static void value_put(sax_state *s, int id, const char *p, size_t n)
{
    raw_field *f = &s->raw.f[id];
    if (stopped(s))
        return;
    if (f->n + n > s->text_cap) /* longer than the limit is rejected anyway */
        n = f->n < s->text_cap ? s->text_cap - f->n : 0;
    if (n > 0 && hjtj__buf_put(&s->vals, p, n) != 0) {
        stop(s, hjtj__err_set(s->sink->err, HJTJ_ERR_NOMEM, s->file, s->raw.line, s->raw.col,
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
    hjtj__kommune_at at;
    uint64_t inn;
    int i, j;
    tag_position(s, &at.line[0], &at.col[0]);
    for (i = 0; i < na; i++) {
        j = att_index(s, a, i, names, 3);
        if (j >= 0)
            v[j] = att_value(s, j, ATT_VAL(a, i), ATT_LEN(a, i), &n[j]);
        if (stopped(s))
            return;
    }
    if (v[0] == NULL || v[2] == NULL ||
        hjtj__parse_uint(v[2], n[2], INT64_MAX, &inn) != HJTJ_OK) {
        stop(s, hjtj__err_set(s->sink->err, HJTJ_ERR_KOMMUNER, s->file, at.line[0], at.col[0],
                              "<kommune> needs nr (4 digits) and innbyggere (integer >= 0)"));
        return;
    }
    at.file = s->file;
    for (i = 1; i < 3; i++) { /* the values are the tag's */
        at.line[i] = at.line[0];
        at.col[i] = at.col[0];
    }
    if (hjtj__kommuner_add(&s->k, v[0], n[0], v[1] ? v[1] : "", n[1], (int64_t)inn,
                           s->sink->err, &at) != HJTJ_OK)
        stop(s, s->sink->err->status);
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
                n = hjtj__utf8_prefix(ATT_VAL(a, i), sizeof s->k.referansedato - 1);
            memcpy(s->k.referansedato, ATT_VAL(a, i), n);
            s->k.referansedato[n] = '\0';
        }
}

static void end_kommuner(sax_state *s)
{
    const hjtj__record_sink *sink = s->sink;
    s->in_kommuner = 0;
    if (sink->read_count(sink->ctx) > 0 || s->replaced) {
        uint64_t line, col;
        tag_position(s, &line, &col);
        hjtj__kommuner_clear(&s->k);
        stop(s, hjtj__err_set(sink->err, HJTJ_ERR_STATE, s->file, line, col,
                        "<kommuner> given after records were loaded into this register"));
        return;
    }
    /* the previous table is kept until the load has succeeded */
    s->k.loaded = 1;
    s->prev_set = sink->swap_kommuner(sink->ctx, &s->k, 1);
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
        hjtj_status st = s->sink->ensure_kommuner(s->sink->ctx);
        if (st != HJTJ_OK) {
            stop(s, st);
            return;
        }
        s->have_records = 1;
    }
    hjtj__raw_clear(&s->raw);
    s->vals.len = 0;
    s->in_rec = 1;
    s->children = 0;
    s->field = -1;
    tag_position(s, &s->raw.line, &s->raw.col);
    for (i = 0; i < na; i++) {
        j = att_index(s, a, i, names, 4);
        if (j >= 0) {
            value_att(s, ids[j], ATT_VAL(a, i), ATT_LEN(a, i), s->raw.line, s->raw.col);
            if (ids[j] == RAW_ORGNR && !stopped(s))
                s->sink->prefetch_orgnr(s->sink->ctx, ATT_VAL(a, i), ATT_LEN(a, i));
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
            if (j >= 0)
                value_att(s, pu_ids[j], ATT_VAL(a, i), ATT_LEN(a, i), line, col);
        }
        return;
    }
    for (i = 0; i < na; i++)
        if (el == EL_NAERINGSKODE && att_index(s, a, i, nk_names, 1) == 0)
            value_att(s, RAW_NK_STANDARD, ATT_VAL(a, i), ATT_LEN(a, i), line, col);
        else if (el != EL_NAERINGSKODE) {
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
    st = s->sink->record(s->sink->ctx, &s->raw, s->file);
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
    if ((uint64_t)d > s->sink->limits[HJTJ_LIMIT_MAX_DEPTH]) {
        uint64_t line, col;
        tag_position(s, &line, &col);
        stop(s, hjtj__err_set(s->sink->err, HJTJ_ERR_LIMIT, s->file, line, col,
                        "elements nested deeper than %llu",
                        (unsigned long long)s->sink->limits[HJTJ_LIMIT_MAX_DEPTH]));
        return;
    }
    if (s->sink->in != NULL)
        hjtj__input_release(s->sink->in, s->data + s->pos);
    el = el_of(s, ln, uri);
    if (d == 0) {
        static const char *const names[] = {"aargang"};
        int i;
        if (el != EL_KARTLEGGING) {
            uint64_t line, col;
            tag_position(s, &line, &col);
            stop(s, hjtj__err_set(s->sink->err, HJTJ_ERR_SCHEMA, s->file, line, col,
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
                /* not digits only: the leading number of any lexical form of
                 * xs:gYear the XSD accepts ("2024Z", "2024+01:00") */
                v = strtol(y, NULL, 10);
                if (v > 0 && v < 100000)
                    s->sink->set_aargang(s->sink->ctx, (int32_t)v);
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
        if (!hjtj__is_blank((char)p[i]))
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
        stop(s, hjtj__err_set(s->sink->err, HJTJ_ERR_DOCTYPE, s->file,
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
static hjtj_status check_upto(sax_state *s, size_t upto)
{
    return hjtj__input_check_upto(s->sink->in, s->data, s->len, &s->checked, upto, 0, 1);
}

static hjtj_status tag_scan(sax_state *s, size_t upto)
{
    uint64_t max = s->sink->limits[HJTJ_LIMIT_MAX_ATTRIBUTES];
    size_t from = s->scanned, more = SAX_CHUNK;
    hjtj_status rc;
    /* over the bytes held only; a scan that gets to their end (markup
     * longer than the window) is made again over more of them */
    for (;;) {
        size_t held = hjtj__input_held(s->sink->in, s->data, s->len);
        rc = hjtj__xml_tag_scan(s->data, held, &s->scanned, upto, max);
        if (rc != HJTJ_OK || held == s->len || s->scanned < held)
            break;
        s->scanned = from;
        hjtj__input_fill(s->sink->in, s->data + from,
                         s->data + (s->len - held < more ? s->len : held + more));
        more *= 2;
    }
    if (rc == HJTJ_OK)
        return HJTJ_OK;
    advance_to(s, s->scanned);
    stop(s, hjtj__err_set(s->sink->err, HJTJ_ERR_LIMIT, s->file, s->line, s->col,
                    "a start tag with more than %llu attributes", (unsigned long long)max));
    return HJTJ_ERR_LIMIT;
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
     * (UTF-8 here: hjtj__xml_prescan() refused any other) */
    off = s->len < 4 ? s->len : 4;
    if (check_upto(s, off) != HJTJ_OK)
        return s->st = HJTJ_ERR_ENCODING; /* hjtj__load_xml reports it */
    if (tag_scan(s, off) != HJTJ_OK)
        return s->st;
    s->ctxt = xmlCreatePushParserCtxt(&h, s, s->data, (int)off, s->file);
    if (s->ctxt == NULL)
        return hjtj__err_set(s->sink->err, HJTJ_ERR_NOMEM, s->file, 0, 0, "out of memory");
    (void)xmlCtxtUseOptions(s->ctxt, XML_PARSE_NONET);
    while (!stopped(s)) {
        size_t n = s->len - off < SAX_CHUNK ? s->len - off : SAX_CHUNK;
        int last = off + n == s->len;
        if (check_upto(s, off + n) != HJTJ_OK) {
            s->st = HJTJ_ERR_ENCODING; /* hjtj__load_xml reports it */
            break;
        }
        if (tag_scan(s, off + n) != HJTJ_OK)
            break;
        (void)xmlParseChunk(s->ctxt, s->data + off, (int)n, last);
        off += n;
        if (last)
            break;
    }
    if (s->st == HJTJ_OK && s->first.status != HJTJ_OK) {
        hjtj__err_copy(s->sink->err, &s->first);
        s->st = s->first.status;
    }
    if (s->st == HJTJ_OK && !s->ctxt->wellFormed)
        s->st = hjtj__err_set(s->sink->err, HJTJ_ERR_SYNTAX, s->file,
                        (uint64_t)xmlSAX2GetLineNumber(s->ctxt),
                        (uint64_t)xmlSAX2GetColumnNumber(s->ctxt), "malformed XML");
    if (s->st == HJTJ_OK && !s->seen_root)
        s->st = hjtj__err_set(s->sink->err, HJTJ_ERR_EMPTY, s->file, 1, 1, "no root element");
    if (s->st == HJTJ_OK && s->warn.status != HJTJ_OK) {
        /* Something libxml2 only warns about (a PI named xml..., a relative
         * namespace URI): refused, because libxml2's validating pass would
         * report the same warning through the host's global error handler. */
        hjtj__err_copy(s->sink->err, &s->warn);
        s->sink->err->status = s->st = HJTJ_ERR_SYNTAX;
    }
    xmlFreeParserCtxt(s->ctxt);
    s->ctxt = NULL;
    return s->st;
}

/* The input's bytes from `from` on, for a load that did not get to its end
 * without an error: invalid UTF-8 anywhere fails the load with
 * HJTJ_ERR_ENCODING, whatever else is wrong, and (with nul) a NUL byte with
 * HJTJ_ERR_SYNTAX, whatever the parser found: as if both were checked before
 * parsing.  HJTJ_OK (*sink->err untouched) if they are fine. */
/* Go over the input in steps of this many bytes. */
#define FAULT_STEP ((size_t)4 << 20)

static hjtj_status input_fault(const hjtj__record_sink *sink, const char *data, size_t len, size_t from,
                               const char *file, int nul)
{
    const char *z, *q;
    uint64_t line = 1, col = 1;
    hjtj_status st = hjtj__input_check_utf8(sink->in, data, len, from, file, sink->err);
    if (st != HJTJ_OK || !nul || from >= len ||
        (z = hjtj__input_memchr_nul(sink->in, data + from, len - from)) == NULL)
        return st;
    /* XML never allows NUL; refused before libxml2 is given it (it would
     * take NULs for a UTF-16/32 document and report through its global
     * channel) */
    for (q = data; q < z;) {
        const char *e = (size_t)(z - q) > FAULT_STEP ? q + FAULT_STEP : z;
        hjtj__input_fill(sink->in, q, e);
        hjtj__text_position(q, e, &line, &col);
        q = e;
        hjtj__input_release(sink->in, q);
    }
    return hjtj__err_set(sink->err, HJTJ_ERR_SYNTAX, file, line, col, "NUL byte (not allowed in XML)");
}

/* Is a syntax error at (line, col) at the end of the document's text (only
 * blanks after it)?  Then the document was cut short, whatever libxml2 calls
 * it ("Extra content at the end", "AttValue: ' expected", ...). */
static int at_end(input *in, const char *data, size_t len, uint64_t line, uint64_t col)
{
    size_t last = len, i;
    uint64_t l = 1, c = 1;
    for (;;) {
        size_t from = last > FAULT_STEP ? last - FAULT_STEP : 0;
        hjtj__input_fill(in, data + from, data + last);
        while (last > from && hjtj__is_blank(data[last - 1]))
            last--;
        if (last > from || last == 0)
            break;
    }
    if (last == 0 || line == 0)
        return 0;
    for (i = 0; i + 1 < last;) { /* the position of the last non-blank */
        size_t e = last - 1 - i > FAULT_STEP ? i + FAULT_STEP : last - 1;
        hjtj__input_fill(in, data + i, data + e);
        hjtj__text_position(data + i, data + e, &l, &c);
        i = e;
        hjtj__input_release(in, data + i);
    }
    return line > l || (line == l && col >= c);
}

static hjtj_status load_xml_quiet(const hjtj__record_sink *sink, const char *data, size_t len,
                                  const char *file, const hjtj__xml_quiet *q);

hjtj_status hjtj__load_xml(const hjtj__record_sink *sink, const char *data, size_t len, const char *file)
{
    hjtj__xml_quiet q;
    hjtj_status st;
    hjtj__xml_begin(&q);
    st = load_xml_quiet(sink, data, len, file, &q);
    hjtj__xml_end(&q);
    return st;
}

static hjtj_status load_xml_quiet(const hjtj__record_sink *sink, const char *data, size_t len,
                                  const char *file, const hjtj__xml_quiet *q)
{
    sax_state s;
    hjtj_status st;
    int i;

    {
        /* the prolog, in as many bytes as it takes */
        size_t more = (size_t)64 << 10;
        for (;;) {
            size_t held;
            int short_;
            hjtj__input_fill(sink->in, data, data + (len < more ? len : more));
            held = hjtj__input_held(sink->in, data, len);
            st = hjtj__xml_prescan(data, held, file, sink->err, &short_);
            if (!short_ || held == len)
                break;
            more = held * 2;
        }
    }
    if (st != HJTJ_OK) {
        hjtj_status b = input_fault(sink, data, len, 0, file, 0);
        return b != HJTJ_OK ? b : st;
    }
    if (len > INT32_MAX) {
        st = input_fault(sink, data, len, 0, file, 1);
        return st != HJTJ_OK ? st
                             : hjtj__err_set(sink->err, HJTJ_ERR_LIMIT, file, 0, 0,
                                       "XML input larger than 2 GiB");
    }
    memset(&s, 0, sizeof s);
    s.sink = sink;
    s.file = file;
    s.data = data;
    s.len = len;
    s.line = s.col = 1;
    s.field = -1;
    s.text_cap = sink->limits[HJTJ_LIMIT_MAX_TEXT] < (uint64_t)(SIZE_MAX / 4)
                     ? (size_t)sink->limits[HJTJ_LIMIT_MAX_TEXT] + 1
                     : SIZE_MAX / 4;
    hjtj__err_clear(&s.first);
    hjtj__err_clear(&s.warn);
    hjtj__buf_init(&s.vals);
    for (i = 0; i < 3; i++)
        hjtj__buf_init(&s.att[i]);
    hjtj__input_restart(sink->in);
    st = sax_pass(&s);
    if (st != HJTJ_OK) {
        hjtj_status b = input_fault(sink, data, len, s.checked, file, 1);
        st = b != HJTJ_OK ? b : st;
        if (st == HJTJ_ERR_SYNTAX && at_end(sink->in, data, len, sink->err->line, sink->err->column)) {
            hjtj__input_restart(sink->in);
            (void)hjtj__err_set(sink->err, st, file, sink->err->line, sink->err->column,
                          "the file ends before the XML document is complete (truncated?)");
        }
        hjtj__input_restart(sink->in);
    }
    hjtj__buf_free(&s.vals);
    for (i = 0; i < 3; i++)
        hjtj__buf_free(&s.att[i]);
    hjtj__kommuner_clear(&s.k);
    if (st == HJTJ_OK && (s.suspect || sink->xsd_mode == HJTJ_XSD_ALWAYS))
    {
        hjtj__input_fill_all(sink->in); /* libxml2's reader takes the document whole */
        st = validate_xsd(sink, data, len, file, q);
    }
    if (s.replaced) {
        if (st != HJTJ_OK) /* a failed load leaves the table as it was */
            (void)sink->swap_kommuner(sink->ctx, &s.prev, s.prev_set);
        hjtj__kommuner_clear(&s.prev);
    }
    return st;
}
