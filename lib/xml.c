/* xml.c — libxml2 inside someone else's process, for every loader of XML
 * (registers, schemes, the XSD): initialised once, quiet, its errors turned
 * into ours; and what is refused before libxml2 sees a document: a DOCTYPE,
 * another version or encoding, start tags with too many attributes, an XSD
 * that refers to another document. */
#include "error.h"
#include "text.h"
#include "xml.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- libxml2 in someone else's process ----
 *
 * libxml2 initialises its global tables lazily at its first use, which is
 * not safe when two threads make their first use at once: every entry point
 * of the library that uses libxml2 goes through hjtj__xml_begin(), which
 * initialises it once (pthread_once): the parser and XML Schema's types.
 * Errors libxml2 raises with no handler of ours attached (allocation failures inside its tree builder, the schema
 * compiler's and the text reader's internal parsers) would go to the
 * thread's generic handlers, i.e. stderr or the host's handler: for the
 * duration of our call the calling thread's handlers are ours (they note an
 * allocation failure), and the caller's are put back before we return. */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init_once(void)
{
    xmlInitParser();
    /* the built-in types of XML Schema are made at the first schema use,
     * as lazily and as unsafely (found by LeakSanitizer: two threads each
     * made the table) */
    (void)xmlSchemaInitTypes();
}

static void quiet_structured(void *ctx, xmlErrorPtr e)
{
    hjtj__xml_quiet *q = ctx;
    if (e != NULL && e->code == XML_ERR_NO_MEMORY)
        q->nomem = 1;
}

static void quiet_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

void hjtj__xml_begin(hjtj__xml_quiet *q)
{
    (void)pthread_once(&xml_once, xml_init_once);
    q->nomem = 0;
    q->serr = (void (*)(void))xmlStructuredError;
    q->sctx = xmlStructuredErrorContext;
    q->gerr = (void (*)(void))xmlGenericError;
    q->gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(q, quiet_structured);
    xmlSetGenericErrorFunc(q, quiet_generic);
}

void hjtj__xml_end(hjtj__xml_quiet *q)
{
    xmlSetGenericErrorFunc(q->gctx, (xmlGenericErrorFunc)q->gerr);
    xmlSetStructuredErrorFunc(q->sctx, (xmlStructuredErrorFunc)q->serr);
}

void hjtj__xml_error_to(hjtj_error *err, const xmlError *e, const char *file)
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
    hjtj__str_copy(msg, sizeof msg, e->message ? e->message : "XML error");
    n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    hjtj__err_set(err, st, file, e->line > 0 ? (uint64_t)e->line : 0,
            e->int2 > 0 ? (uint64_t)e->int2 : 0, "%s", msg);
}

/* The format is XML 1.0 in UTF-8: a declaration naming another version or
 * encoding is refused (libxml2 would warn about the one, switch to the other,
 * and report both through the process-global error channel, never ours).
 * Returns 0 if the declaration is fine. */
static hjtj_status check_declared_encoding(const char *p, const char *end, const char *file,
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
                return hjtj__err_set(err, HJTJ_ERR_SYNTAX, file, line, col,
                                     "the XML declaration names a version other than 1.0");
            }
        }
        if (memcmp(q, "encoding", 8) == 0) {
            const char *v = q + 8, *e;
            char quote;
            while (v < decl_end && (*v == ' ' || *v == '=' || *v == '\t' || *v == '\r' ||
                                    *v == '\n'))
                v++;
            if (v >= decl_end || (*v != '"' && *v != '\''))
                return HJTJ_OK; /* malformed: the parser says so */
            quote = *v++;
            for (e = v; e < decl_end && *e != quote; e++)
                ;
            if ((e - v == 5 && strncasecmp(v, "UTF-8", 5) == 0) ||
                (e - v == 4 && strncasecmp(v, "UTF8", 4) == 0))
                return HJTJ_OK;
            return hjtj__err_set(err, HJTJ_ERR_ENCODING, file, line, col,
                                 "the XML declaration names encoding '%.*s': registers are UTF-8",
                                 (int)(e - v > 40 ? 40 : e - v), v);
        }
    }
    return HJTJ_OK;
}

/* Past the next `term` from q on, counting the lines crossed (*line, and
 * *ls the start of the current one); NULL when end comes first. */
static const char *skip_past(const char *q, const char *end, const char *term, uint64_t *line,
                             const char **ls)
{
    size_t n = strlen(term);
    while (q + n <= end && memcmp(q, term, n) != 0) {
        if (*q == '\n') {
            ++*line;
            *ls = q + 1;
        }
        q++;
    }
    return q + n <= end ? q + n : NULL;
}

/* Skip the prolog (XML declaration, comments, PIs, white space) and refuse a
 * DOCTYPE before the parser sees it. */
static hjtj_status prescan(const char *data, size_t len, const char *file, hjtj_error *err,
                           int *short_)
{
    const char *p = data, *end = data + len;
    *short_ = 1;
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
            if ((p = skip_past(p + 4, end, "-->", &line, &ls)) == NULL)
                return HJTJ_OK; /* the parser reports the open comment */
        } else if (end - p >= 2 && p[0] == '<' && p[1] == '?') {
            if (end - p >= 6 && memcmp(p, "<?xml", 5) == 0 &&
                check_declared_encoding(p, end, file, line, (uint64_t)(p - ls) + 1, err) != HJTJ_OK) {
                *short_ = 0;
                return err->status;
            }
            if ((p = skip_past(p + 2, end, "?>", &line, &ls)) == NULL)
                return HJTJ_OK;
        } else if (end - p >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0) {
            *short_ = 0;
            return hjtj__err_set(err, HJTJ_ERR_DOCTYPE, file, line, (uint64_t)(p - ls) + 1,
                           "DOCTYPE declarations are not allowed (no DTDs or entities are "
                           "read)");
        } else if (end - p >= 9 || (*p != '<' && *p != '\0')) {
            *short_ = 0;
            return HJTJ_OK;
        } else {
            return HJTJ_OK; /* "<!", "<?" or a 0 at the end of what is held */
        }
    }
    return HJTJ_OK;
}

hjtj_status hjtj__xml_prescan(const char *data, size_t len, const char *file, hjtj_error *err,
                              int *undecided)
{
    int short_;
    return prescan(data, len, file, err, undecided ? undecided : &short_);
}

void hjtj__xsd_free(void *xsd)
{
    hjtj__xsd *x = xsd;
    if (x == NULL)
        return;
    xmlSchemaFree(x->schema);
    xmlFreeDoc(x->doc);
    free(x);
}

/* Is n an element of XML Schema that brings in another document? */
int hjtj__xsd_external_ref(const xmlNode *n)
{
    static const char *const refs[] = {"import", "include", "redefine", "override"};
    size_t i;
    if (n->type != XML_ELEMENT_NODE || n->ns == NULL || n->ns->href == NULL || n->name == NULL ||
        strcmp((const char *)n->ns->href, "http://www.w3.org/2001/XMLSchema") != 0)
        return 0;
    for (i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (strcmp((const char *)n->name, refs[i]) == 0)
            return xmlHasProp(n, (const xmlChar *)"schemaLocation") != NULL;
    return 0;
}

/* The start tags ahead of the parser.  libxml2 2.9 checks the attributes
 * of a start tag for duplicates (and namespace declarations against those
 * before) pair by pair: a tag with 10^5 attributes costs it seconds, and
 * more minutes.  So the document is scanned ahead of the parser, and a
 * start tag with more than HJTJ_LIMIT_MAX_ATTRIBUTES attributes (namespace
 * declarations included: each is one '=' outside a quoted value) stops the
 * load with HJTJ_ERR_LIMIT at the tag's position, before libxml2 has seen
 * it.  The scan goes from '<' to '<' (no '<' can stand inside a tag, so the
 * attributes libxml2 parses at one tag, even a malformed one, all lie
 * before the next '<'): the '=' between are counted a word at a time, and
 * only where there are more than the limit is the tag read exactly
 * (quotes, its end).  Comments, CDATA sections and processing instructions
 * are skipped whole, end tags and declarations have no attributes.  The
 * scan is linear; it may look past the piece the parser is about to get
 * (the whole document is in memory), never behind. */

/* The number of '=' in p[0..n). */
static size_t count_eq(const char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, low7 = 0x7f7f7f7f7f7f7f7full;
    size_t c = 0, i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t w, x, t;
        memcpy(&w, p + i, 8);
        x = w ^ ('=' * ones);                  /* a 0 byte where w has '=' */
        t = ((x & low7) + low7) | x;           /* high bit clear exactly there */
        c += (size_t)((((~t & ~low7) >> 7) * ones) >> 56); /* the 0/1 bytes summed */
    }
    for (; i < n; i++)
        c += p[i] == '=';
    return c;
}

/* The attributes of the start tag at d[0] ('<'), up to its '>' outside
 * quotes or to d[n]. */
static uint64_t tag_attributes(const char *d, size_t n)
{
    uint64_t k = 0;
    size_t i;
    for (i = 1; i < n && d[i] != '>'; i++) {
        if (d[i] == '"' || d[i] == '\'') {
            const char *q = memchr(d + i + 1, d[i], n - i - 1);
            if (q == NULL)
                break;
            i = (size_t)(q - d);
        } else if (d[i] == '=') {
            k++;
        }
    }
    return k;
}

/* The first pat (m bytes) in p[0..n), or NULL. */
const char *hjtj__xml_find(const char *p, size_t n, const char *pat, size_t m)
{
    const char *end = p + n, *q;
    while ((size_t)(end - p) >= m && (q = memchr(p, pat[0], (size_t)(end - p) - m + 1)) != NULL) {
        if (memcmp(q, pat, m) == 0)
            return q;
        p = q + 1;
    }
    return NULL;
}

hjtj_status hjtj__xml_tag_scan(const char *d, size_t len, size_t *scanned, size_t upto,
                               uint64_t max)
{
    const char *q;
    size_t i = *scanned;
    while (i < upto) {
        size_t next;
        if (d[i] != '<') {
            q = memchr(d + i, '<', len - i);
            i = q ? (size_t)(q - d) : len;
            continue;
        }
        /* markup that holds no attributes, skipped whole */
        if (len - i >= 4 && memcmp(d + i, "<!--", 4) == 0) {
            q = hjtj__xml_find(d + i + 4, len - i - 4, "-->", 3);
            i = q ? (size_t)(q - d) + 3 : len;
            continue;
        }
        if (len - i >= 9 && memcmp(d + i, "<![CDATA[", 9) == 0) {
            q = hjtj__xml_find(d + i + 9, len - i - 9, "]]>", 3);
            i = q ? (size_t)(q - d) + 3 : len;
            continue;
        }
        if (len - i >= 2 && d[i + 1] == '?') {
            q = hjtj__xml_find(d + i + 2, len - i - 2, "?>", 2);
            i = q ? (size_t)(q - d) + 2 : len;
            continue;
        }
        {
            const char *from = d + i + 1;
            q = memchr(from, '<', (size_t)(d + len - from));
        }
        next = q ? (size_t)(q - d) : len;
        /* more than max attributes take at least 4 bytes each (" a=''"):
         * most segments are too short to be counted at all */
        if ((next - i) / 4 > max && d[i + 1] != '/' && d[i + 1] != '!' &&
            count_eq(d + i, next - i) > max && tag_attributes(d + i, next - i) > max) {
            *scanned = i;
            return HJTJ_ERR_LIMIT;
        }
        i = next;
    }
    *scanned = i;
    return HJTJ_OK;
}

hjtj_status hjtj__xml_attribute_bound(const char *d, size_t len, const char *file,
                                      hjtj_error *err)
{
    size_t at = 0, i;
    uint64_t line = 1, col = 1;
    if (hjtj__xml_tag_scan(d, len, &at, len, HJTJ_XML_MAX_ATTRIBUTES) == HJTJ_OK)
        return HJTJ_OK;
    for (i = 0; i < at; i++) {
        if (d[i] == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)d[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    return hjtj__err_set(err, HJTJ_ERR_LIMIT, file, line, col,
                   "a start tag with more than %d attributes", HJTJ_XML_MAX_ATTRIBUTES);
}

