/*
 * xml.h — libxml2 around the loaders: quiet handlers, attribute bound, DOCTYPE refusal, XSD helpers (xml.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_XML_H
#define HJTJ_XML_H

#include "hjtj.h"

#include <stddef.h>
#include <stdint.h>

/* Around every use of libxml2 (load_xml.c, scheme.c): initialise libxml2 once
 * (thread-safe), and make the calling thread's libxml2 error handlers ours
 * until hjtj__xml_end() puts the caller's back, so that libxml2 never prints
 * (nomem: it reported an allocation failure meanwhile). */
typedef struct hjtj__xml_quiet {
    void (*serr)(void);
    void *sctx;
    void (*gerr)(void);
    void *gctx;
    int nomem;
} hjtj__xml_quiet;
void hjtj__xml_begin(hjtj__xml_quiet *q);
void hjtj__xml_end(hjtj__xml_quiet *q);

/* Start tags with more than max attributes (load_xml.c): scan d[*scanned..)
 * for the start tags that begin before upto (looking past upto as needed);
 * HJTJ_OK, or HJTJ_ERR_LIMIT with *scanned at the '<' of a start tag with
 * more.  The bound of
 * the files without a register's limits (scheme, XSD), and the check of it
 * over a whole document (HJTJ_ERR_LIMIT with the tag's line and column). */
#define HJTJ_XML_MAX_ATTRIBUTES 256
hjtj_status hjtj__xml_tag_scan(const char *d, size_t len, size_t *scanned, size_t upto,
                               uint64_t max);
hjtj_status hjtj__xml_attribute_bound(const char *d, size_t len, const char *file,
                                      hjtj_error *err);

/* The first pat (m bytes) in p[0..n), or NULL. */
const char *hjtj__xml_find(const char *p, size_t n, const char *pat, size_t m);

/* The prolog of a document (XML declaration, comments, PIs, white space):
 * a DOCTYPE is refused (HJTJ_ERR_DOCTYPE), and so is a declaration of
 * another version (HJTJ_ERR_SYNTAX) or encoding (HJTJ_ERR_ENCODING).  With
 * undecided non-NULL, *undecided says whether the bytes ended before the
 * prolog did (more of them may change the verdict). */
hjtj_status hjtj__xml_prescan(const char *data, size_t len, const char *file, hjtj_error *err,
                              int *undecided);
/* Turn a libxml2 error into ours. */
struct _xmlError;
void hjtj__xml_error_to(hjtj_error *err, const struct _xmlError *e, const char *file);

/* A compiled XSD and the document it was compiled from (kept with it:
 * libxml2's schema may refer to the document's nodes). */
struct _xmlSchema;
struct _xmlDoc;
typedef struct hjtj__xsd {
    struct _xmlSchema *schema;
    struct _xmlDoc *doc;
} hjtj__xsd;
/* Free a hjtj__xsd (given as void *: the register holds it so). */
void hjtj__xsd_free(void *xsd);
/* Is n an XML Schema element that brings in another document (xs:import,
 * include, redefine, override with a schemaLocation)?  Such an XSD is
 * refused, never fetched. */
struct _xmlNode;
int hjtj__xsd_external_ref(const struct _xmlNode *n);

#endif
