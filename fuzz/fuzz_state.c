/* fuzz_state.c — libFuzzer harness for sequences of calls on one register:
 * loads that succeed, fail or are stopped by the record callback, and
 * settings changed between them (keep_records, limits, XSD mode, scheme,
 * municipality table), with the fuzzer's own document among the loads and
 * the quadratic shapes of XML (many attributes, namespace declarations,
 * deep nesting, long values) made on demand.  After every step the harness
 * traps unless the register is consistent: read = loaded + rejected; a
 * failed load changed nothing (counts, diagnostics, aargang, table); a
 * register that keeps its records hands out every one of them, findable by
 * its orgnr; settings refused during a load (HJTJ_ERR_STATE).
 *
 * Input: the two control bytes of fuzz_setup(), then one byte per step up
 * to a 0xFF byte (at most 64 steps); the bytes after it are the document of
 * the "load the fuzzer's document" step. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NS "urn:hjtj:kartlegging:1"

static hjtj_kommuner *kommuner;
static hjtj_scheme *scheme;

static const char xml_ok[] =
    "<kartlegging xmlns=\"" NS "\" aargang=\"2021\">\n"
    "<virksomhet orgnr=\"100000008\" kommunenr=\"0301\" eierskap=\"kommunal\">"
    "<virksomhetstyper>boligbase</virksomhetstyper><malgrupper>demens</malgrupper>"
    "<boenheter>4</boenheter></virksomhet>\n"
    "<virksomhet orgnr=\"100000016\" kommunenr=\"4601\" eierskap=\"privat\">"
    "<navn>A &amp; B</navn><virksomhetstyper>bpa</virksomhetstyper></virksomhet>\n"
    "<virksomhet orgnr=\"100000024\" kommunenr=\"0301\" eierskap=\"x\"/>\n"
    "<virksomhet orgnr=\"100000032\" kommunenr=\"5001\" eierskap=\"kommunal\">"
    "<virksomhetstyper>amb-helse</virksomhetstyper><malgrupper>annen</malgrupper>"
    "</virksomhet>\n</kartlegging>\n";
static const char xml_broken[] =
    "<kartlegging xmlns=\"" NS "\" aargang=\"2030\">\n"
    "<virksomhet orgnr=\"100000040\" kommunenr=\"0301\" eierskap=\"kommunal\">"
    "<virksomhetstyper>bpa</virksomhetstyper></virksomhet>\n<virksomhet";
static const char xml_kommuner[] =
    "<kartlegging xmlns=\"" NS "\" aargang=\"2022\">\n<kommuner>"
    "<kommune nr=\"0301\" navn=\"Oslo &amp; co\" innbyggere=\"700000\"/>"
    "<kommune nr=\"4601\" navn=\"Bergen\" innbyggere=\"290000\"/></kommuner>\n"
    "<virksomhet orgnr=\"100000057\" kommunenr=\"4601\" eierskap=\"kommunal\">"
    "<virksomhetstyper>bpa</virksomhetstyper></virksomhet>\n</kartlegging>\n";
static const char csv_ok[] = "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper\n"
                             "100000065,0301,kommunal,bpa,demens\n"
                             "100000073,0301,privat,enetiltak,annen\n"
                             "\"1\n2\",0301,privat,bpa,annen\n";
static const char scheme_xml[] = "<skjema xmlns=\"urn:hjtj:skjema:1\" navn=\"f\">"
                                 "<terskler>30000 15000 4000</terskler></skjema>";

typedef struct snapshot {
    size_t read, count, rejects, warnings, nkommuner;
    int32_t aargang;
} snapshot;

static snapshot snap(const hjtj_register *r)
{
    snapshot s;
    s.read = hjtj_register_read_count(r);
    s.count = hjtj_register_count(r);
    s.rejects = hjtj_register_reject_count(r);
    s.warnings = hjtj_register_warning_count(r);
    s.nkommuner = hjtj_kommuner_count(hjtj_register_kommuner(r));
    s.aargang = hjtj_register_aargang(r);
    return s;
}

static void check(const hjtj_register *r, int keep)
{
    size_t i, n = hjtj_register_count(r);
    if (hjtj_register_read_count(r) != n + hjtj_register_reject_count(r))
        __builtin_trap();
    for (i = 0; keep && i < n; i++) {
        const hjtj_record *rec = hjtj_register_record(r, i);
        if (rec == NULL || strlen(hjtj_record_orgnr(rec)) != 9 ||
            hjtj_register_find(r, hjtj_record_orgnr(rec)) != rec)
            __builtin_trap();
    }
    if (!keep && n > 0 && hjtj_register_record(r, 0) != NULL)
        __builtin_trap();
}

/* the record callback: stop after `stop_after` records (0: never), and
 * try a setter, which a load in progress refuses */
typedef struct cb_state {
    hjtj_register *reg;
    unsigned seen, stop_after;
} cb_state;

static int on_record(const hjtj_record *rec, void *ud)
{
    cb_state *c = ud;
    (void)rec;
    if (hjtj_register_set_keep_records(c->reg, (int)(c->seen & 1)) != HJTJ_ERR_STATE ||
        hjtj_register_set_limit(c->reg, HJTJ_LIMIT_MAX_TEXT, 3) != HJTJ_ERR_STATE)
        __builtin_trap();
    return ++c->seen == c->stop_after;
}

/* An XML document of one of the quadratic shapes, sized by k. */
static char *shape(unsigned kind, unsigned k, size_t *len)
{
    size_t n = (size_t)k * 16 + 1, cap = n * 48 + 512, i;
    char *d = malloc(cap);
    size_t o;
    if (d == NULL)
        return NULL;
    o = (size_t)snprintf(d, cap, "<kartlegging xmlns=\"" NS "\"");
    for (i = 0; i < n && o + 64 < cap; i++) {
        switch (kind % 5) {
        case 0: o += (size_t)snprintf(d + o, cap - o, " a%zu=\"%zu\"", i, i); break;
        case 1: o += (size_t)snprintf(d + o, cap - o, " xmlns:p%zu=\"urn:p%zu\"", i, i); break;
        default: break;
        }
    }
    o += (size_t)snprintf(d + o, cap - o, ">");
    for (i = 0; kind % 5 == 2 && i < n && o + 64 < cap; i++) /* nesting */
        o += (size_t)snprintf(d + o, cap - o, "<virksomhet>");
    if (kind % 5 == 3) { /* a long attribute value, and a long token list */
        o += (size_t)snprintf(d + o, cap - o, "<virksomhet orgnr=\"");
        for (i = 0; i < n * 8 && o + 64 < cap; i++)
            d[o++] = (char)('0' + i % 10);
        o += (size_t)snprintf(d + o, cap - o, "\" kommunenr=\"0301\" eierskap=\"kommunal\">"
                                              "<virksomhetstyper>");
        for (i = 0; i < n * 2 && o + 64 < cap; i++)
            o += (size_t)snprintf(d + o, cap - o, "bpa ");
        o += (size_t)snprintf(d + o, cap - o, "</virksomhetstyper></virksomhet>");
    }
    if (kind % 5 == 4) /* very many children */
        for (i = 0; i < n && o + 64 < cap; i++)
            o += (size_t)snprintf(d + o, cap - o, "<virksomhet/>");
    o += (size_t)snprintf(d + o, cap - o, "</kartlegging>");
    *len = o;
    return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hjtj_register *reg = NULL;
    const uint8_t *ops;
    size_t nops = 0, doclen, step;
    const char *doc;
    int keep = 1;
    cb_state cb;

    if (kommuner == NULL &&
        (hjtj_kommuner_new(&kommuner) != HJTJ_OK || hjtj_kommuner_load_default(kommuner) != HJTJ_OK ||
         hjtj_scheme_new(&scheme) != HJTJ_OK ||
         hjtj_scheme_load_memory(scheme, scheme_xml, sizeof scheme_xml - 1, "s") != HJTJ_OK))
        __builtin_trap();
    if (!fuzz_setup(&data, &size))
        return 0;
    ops = data;
    while (nops < size && nops < 64 && ops[nops] != 0xFF)
        nops++;
    doc = (const char *)data + nops + (nops < size);
    doclen = size - nops - (nops < size);
    if (hjtj_register_new(&reg) != HJTJ_OK) {
        fuzz_alloc_off();
        return 0;
    }
    cb.reg = reg;
    for (step = 0; step < nops; step++) {
        unsigned op = ops[step] & 0x0f, arg = ops[step] >> 4;
        snapshot before = snap(reg);
        hjtj_status st = HJTJ_OK;
        int loaded = 1;
        char *made = NULL;
        size_t madelen = 0;
        switch (op) {
        case 0: st = hjtj_register_load_memory(reg, doc, doclen, "fuzz"); break;
        case 1: st = hjtj_register_load_memory(reg, xml_ok, sizeof xml_ok - 1, "ok"); break;
        case 2: st = hjtj_register_load_memory(reg, xml_broken, sizeof xml_broken - 1, "b"); break;
        case 3: st = hjtj_register_load_memory(reg, csv_ok, sizeof csv_ok - 1, "c"); break;
        case 4:
        case 5:
            cb.seen = 0;
            cb.stop_after = arg % 4;
            if (hjtj_register_set_record_callback(reg, on_record, &cb) != HJTJ_OK)
                __builtin_trap();
            st = op == 4 ? hjtj_register_load_memory(reg, xml_ok, sizeof xml_ok - 1, "cb")
                         : hjtj_register_load_memory(reg, doc, doclen, "cb");
            (void)hjtj_register_set_record_callback(reg, NULL, NULL);
            break;
        case 6: st = hjtj_register_load_memory(reg, xml_kommuner, sizeof xml_kommuner - 1, "k"); break;
        case 7:
            made = shape(arg, arg + 1, &madelen);
            if (made != NULL)
                st = hjtj_register_load_memory(reg, made, madelen, "shape");
            free(made);
            break;
        default:
            loaded = 0;
            switch (op) {
            case 8:
                st = hjtj_register_set_keep_records(reg, (int)(arg & 1));
                if (st == HJTJ_OK)
                    keep = (int)(arg & 1);
                else if (st != HJTJ_ERR_STATE || before.read == 0)
                    __builtin_trap(); /* refused only once records are read */
                break;
            case 9:
                (void)hjtj_register_set_limit(reg, (hjtj_limit)(arg % 7),
                                              arg & 8 ? (uint64_t)(arg % 4) + 1 : 0);
                break;
            case 10: (void)hjtj_register_set_xsd_mode(reg, (hjtj_xsd_mode)(arg & 1)); break;
            case 11: (void)hjtj_register_set_scheme(reg, scheme); break;
            case 12: (void)hjtj_register_set_kommuner(reg, kommuner); break;
            case 13: fuzz_exercise(reg); break;
            default: break;
            }
        }
        if (loaded && st != HJTJ_OK) {
            /* a failed load changed nothing */
            snapshot after = snap(reg);
            if (before.read != after.read || before.count != after.count ||
                before.rejects != after.rejects || before.warnings != after.warnings ||
                before.nkommuner != after.nkommuner || before.aargang != after.aargang)
                __builtin_trap();
        }
        check(reg, keep);
    }
    hjtj_register_free(reg);
    fuzz_alloc_off();
    return 0;
}
