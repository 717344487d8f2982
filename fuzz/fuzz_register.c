/* fuzz_register.c — libFuzzer harness for the register loaders (XML and
 * CSV, detected by content) through hjtj_register_load_memory(), then every
 * table.  Built as fuzz_xml and fuzz_csv with different seed corpora. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "register.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bundled municipality table and the compiled XSD, made once for the
 * whole run: both cost more than parsing a small input.  The schema is lent
 * to each register (a peek inside the library, for the fuzzer only) and
 * taken back before the register is freed. */
static hjtj_kommuner *kommuner;
static void *xsd;

static void *compile_xsd(void)
{
    hjtj_register *r = NULL;
    static const char doc[] = "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\"/>";
    void *x;
    if (hjtj_register_new(&r) != HJTJ_OK ||
        hjtj_register_set_xsd_mode(r, HJTJ_XSD_ALWAYS) != HJTJ_OK ||
        hjtj_register_load_memory(r, doc, sizeof doc - 1, "init") != HJTJ_OK || r->xsd == NULL)
        __builtin_trap();
    x = r->xsd;
    r->xsd = NULL;
    hjtj_register_free(r);
    return x;
}

/* Load the input again into a register that keeps its records, with the
 * given XSD mode; trap unless the status and counts are those of reg. */
static hjtj_register *load_again(const uint8_t *data, size_t size, hjtj_xsd_mode mode,
                                 hjtj_status st, const hjtj_register *reg)
{
    hjtj_register *r = NULL;
    if (hjtj_register_new(&r) != HJTJ_OK || hjtj_register_set_kommuner(r, kommuner) != HJTJ_OK ||
        hjtj_register_set_xsd_mode(r, mode) != HJTJ_OK)
        __builtin_trap();
    r->xsd = xsd;
    if (hjtj_register_load_memory(r, (const char *)data, size, "fuzz") != st ||
        hjtj_register_count(r) != hjtj_register_count(reg) ||
        hjtj_register_reject_count(r) != hjtj_register_reject_count(reg))
        __builtin_trap();
    r->xsd = NULL;
    return r;
}

/* The input read as ISO-8859-1 (every byte a character): never an encoding
 * error, and for an input in ASCII the outcome of UTF-8; read as
 * Windows-1252, ASCII gives the same too. */
static void check_single_byte(const uint8_t *data, size_t size, hjtj_status st,
                              const hjtj_register *reg)
{
    static const hjtj_encoding encs[2] = {HJTJ_ENCODING_ISO_8859_1, HJTJ_ENCODING_WINDOWS_1252};
    size_t i, first = 0;
    int ascii = 1, e, csv;
    for (i = 0; i < size && ascii; i++)
        ascii = data[i] < 0x80;
    while (first < size && (data[first] == ' ' || data[first] == '\t' || data[first] == '\n' ||
                            data[first] == '\r'))
        first++;
    /* converted: a CSV (not XML, and no UTF-8 byte-order mark) */
    csv = first < size && data[first] != '<' && data[0] != 0xEF;
    for (e = 0; e < 2; e++) {
        hjtj_register *r = NULL;
        hjtj_status s;
        if (hjtj_register_new(&r) != HJTJ_OK || hjtj_register_set_kommuner(r, kommuner) != HJTJ_OK ||
            hjtj_register_set_encoding(r, encs[e]) != HJTJ_OK)
            __builtin_trap();
        r->xsd = xsd;
        s = hjtj_register_load_memory(r, (const char *)data, size, "fuzz");
        if ((s == HJTJ_ERR_ENCODING && encs[e] == HJTJ_ENCODING_ISO_8859_1 && csv) ||
            (ascii && (s != st || hjtj_register_count(r) != hjtj_register_count(reg) ||
                       hjtj_register_reject_count(r) != hjtj_register_reject_count(reg))))
            __builtin_trap();
        r->xsd = NULL;
        hjtj_register_free(r);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hjtj_register *reg = NULL;
    hjtj_status st;
    if (kommuner == NULL && (hjtj_kommuner_new(&kommuner) != HJTJ_OK ||
                             hjtj_kommuner_load_default(kommuner) != HJTJ_OK))
        __builtin_trap();
    if (xsd == NULL)
        xsd = compile_xsd();
    if (!fuzz_setup(&data, &size))
        return 0;
    if (hjtj_register_new(&reg) != HJTJ_OK ||
        hjtj_register_set_kommuner(reg, kommuner) != HJTJ_OK ||
        hjtj_register_set_keep_records(reg, !fuzz_streaming()) != HJTJ_OK) {
        hjtj_register_free(reg);
        fuzz_alloc_off();
        return 0;
    }
    reg->xsd = xsd;
    st = hjtj_register_load_memory(reg, (const char *)data, size, "fuzz");
    if (st == HJTJ_OK)
        fuzz_exercise(reg);
    else if (hjtj_register_count(reg) != 0 || hjtj_register_read_count(reg) != 0)
        __builtin_trap(); /* a failed load leaves nothing behind */
    if (fuzz_xsd_check()) /* libxml2's validator on every document: the same outcome */
        hjtj_register_free(load_again(data, size, HJTJ_XSD_ALWAYS, st, reg));
    if (fuzz_differential())
        check_single_byte(data, size, st, reg);
    if (st == HJTJ_OK && fuzz_differential()) {
        /* the same input kept in memory: the same counts and tables */
        hjtj_register *kept = load_again(data, size, HJTJ_XSD_AUTO, st, reg);
        fuzz_compare_tables(kept, reg);
        hjtj_register_free(kept);
    }
    reg->xsd = NULL;
    hjtj_register_free(reg);
    fuzz_alloc_off();
    return 0;
}
