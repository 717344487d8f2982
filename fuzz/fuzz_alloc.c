/* fuzz_alloc.c — allocation-failure injection for the fuzzing build (the
 * pattern of libxml2's fuzz/fuzz.c): the library's malloc/calloc/realloc
 * (through alloc.h) and libxml2's (through xmlMemSetup) fail once the
 * countdown reaches zero. */
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlversion.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static long countdown = -1; /* fuzzing process only */
static int build_tables;    /* this input also builds every table */
static unsigned render_pick; /* ... and renders this one of them */
static int streaming;        /* load into a register that does not keep records */
static int differential;     /* ... and compare it with one that keeps them */
static int xsd_check;        /* load again with libxml2's validator on every document */

static int should_fail(void)
{
    if (countdown < 0)
        return 0;
    if (countdown == 0)
        return 1;
    countdown--;
    return countdown == 0;
}

void *hjtj_fuzz_malloc(size_t n);
void *hjtj_fuzz_calloc(size_t n, size_t m);
void *hjtj_fuzz_realloc(void *p, size_t n);

void *hjtj_fuzz_malloc(size_t n)
{
    return should_fail() ? NULL : malloc(n);
}

void *hjtj_fuzz_calloc(size_t n, size_t m)
{
    return should_fail() ? NULL : calloc(n, m);
}

void *hjtj_fuzz_realloc(void *p, size_t n)
{
    return should_fail() ? NULL : realloc(p, n);
}

static char *fuzz_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = hjtj_fuzz_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* A host (R's xml2, lxml) may install global libxml2 error handlers: the
 * library must never reach them.  These trap if it does. */
static void global_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
    __builtin_trap();
}

static void global_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
    __builtin_trap();
}

int fuzz_setup(const uint8_t **data, size_t *size)
{
    static int init = 0;
    unsigned k;
    if (!init) {
        xmlSetStructuredErrorFunc(NULL, global_structured);
        xmlSetGenericErrorFunc(NULL, global_generic);
#if LIBXML_VERSION >= 21200
        /* libxml2 before 2.12 does not survive its own allocation failures
         * (found here: xmlSchemaParse dereferences NULL after a failed
         * malloc in 2.9.14), so failures are injected into libxml2 only
         * where it handles them. */
        xmlMemSetup(free, hjtj_fuzz_malloc, hjtj_fuzz_realloc, fuzz_strdup);
#else
        (void)fuzz_strdup;
#endif
        init = 1;
    }
    if (*size < 2)
        return 0;
    k = ((unsigned)(*data)[0] << 8) | (*data)[1];
    *data += 2;
    *size -= 2;
    /* most runs without failures; else fail allocation number k & 0x3ff */
    countdown = (k & 0x8000) ? (long)(k & 0x3ff) + 1 : -1;
    /* building all 54 tables costs more than parsing a small input: do it
     * for one input in four (XML), one in eight (CSV: mutated CSV loads far
     * more often than mutated XML, so its harness would spend most of its
     * time in the tables, which both harnesses and the test suite cover) */
#ifdef FUZZ_CSV
    build_tables = (k & 0x0c00) == 0 && (k & 0x0040) == 0;
#else
    build_tables = (k & 0x0c00) == 0;
#endif
    /* rendering costs more than building (the writers' paths depend on the
     * table's shape, not on the data): render one table per input */
    render_pick = k & 0x3f;
#ifdef FUZZ_CSV
    streaming = (k & 0x7000) == 0x7000 && (*size & 1) == 0; /* about one input in 16 */
#else
    streaming = (k & 0x7000) == 0x7000; /* one input in 8 */
#endif
    differential = (k & 0x0300) == 0x0300; /* bits of the countdown, free without it */
    xsd_check = countdown < 0 && (k & 0x0080) != 0; /* one input in 2 without failures */
    return 1;
}

void fuzz_alloc_off(void)
{
    countdown = -1;
}

int fuzz_streaming(void)
{
    return streaming;
}

int fuzz_xsd_check(void)
{
    return xsd_check;
}

int fuzz_differential(void)
{
    /* rendering all 54 tables twice costs more than a dozen ordinary
     * inputs: one streaming input in four with tables (1 in 128 of all) */
    return streaming && build_tables && countdown < 0 && differential;
}

/* Every table's CSV text, one after the other (NULL on nomem). */
static char *all_tables(const hjtj_register *reg)
{
    hjtj_table *t = NULL;
    char *out = NULL;
    size_t len = 0, i;
    if (hjtj_table_new(&t) != HJTJ_OK)
        return NULL;
    for (i = 0; i < hjtj_catalog_count(); i++) {
        char *s = NULL, *o;
        size_t n = 0;
        if (hjtj_table_build(t, reg, hjtj_catalog_id(i)) != HJTJ_OK ||
            hjtj_table_to_string(t, HJTJ_FORMAT_CSV, &s, &n) != HJTJ_OK ||
            (o = realloc(out, len + n + 1)) == NULL) {
            hjtj_free(s);
            free(out);
            hjtj_table_free(t);
            return NULL;
        }
        out = o;
        memcpy(out + len, s, n + 1);
        len += n;
        hjtj_free(s);
    }
    hjtj_table_free(t);
    return out;
}

void fuzz_compare_tables(const hjtj_register *a, const hjtj_register *b)
{
    char *ta = all_tables(a), *tb = all_tables(b);
    if (ta == NULL || tb == NULL || strcmp(ta, tb) != 0)
        __builtin_trap();
    free(ta);
    free(tb);
}

void fuzz_exercise(const hjtj_register *reg)
{
    size_t i;
    hjtj_table *t = NULL;
    if (hjtj_register_read_count(reg) !=
        hjtj_register_count(reg) + hjtj_register_reject_count(reg))
        __builtin_trap();
    for (i = 0; i < hjtj_register_reject_count(reg); i++) {
        const hjtj_diag *d = hjtj_register_reject(reg, i);
        if (hjtj_diag_message(d) == NULL || hjtj_reason_code(hjtj_diag_reason(d)) == NULL)
            __builtin_trap();
    }
    if (!build_tables || hjtj_table_new(&t) != HJTJ_OK)
        return;
    for (i = 0; i < hjtj_catalog_count(); i++) {
        char *s = NULL;
        size_t len = 0;
        hjtj_status st = hjtj_table_build(t, reg, hjtj_catalog_id(i));
        if (st != HJTJ_OK && st != HJTJ_ERR_NOMEM)
            __builtin_trap();
        if (st == HJTJ_OK && i == render_pick % hjtj_catalog_count()) {
            if (hjtj_table_to_string(t, HJTJ_FORMAT_TEXT, &s, &len) == HJTJ_OK)
                hjtj_free(s);
            s = NULL;
            if (hjtj_table_to_string(t, HJTJ_FORMAT_CSV, &s, &len) == HJTJ_OK)
                hjtj_free(s);
        }
    }
    hjtj_table_free(t);
}
