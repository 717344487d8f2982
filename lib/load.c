/* load.c — loading a register from a file, memory or a read callback: the
 * format is told by the first character (XML or CSV), the loader fed
 * through the sink, and a load that fails leaves nothing of its file (its
 * records, rejects, warnings, orgnr, counts, aargang and municipality
 * table go). */
#include "buf.h"
#include "error.h"
#include "input.h"
#include "load.h"
#include "reduce.h"
#include "register.h"
#include "sink.h"
#include "store.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* ---- the sink over a register ---- */

static hjtj_status sink_record(void *ctx, const raw_record *raw, const char *file)
{
    return hjtj__register_add(ctx, raw, file);
}

static hjtj_status sink_stage(const void *ctx, const raw_record *raw, hjtj__stage_area *area)
{
    return hjtj__register_stage(ctx, raw, area);
}

static hjtj_status sink_commit(void *ctx, hjtj__stage_area *area, size_t from, size_t to,
                               uint64_t line_base, const char *file)
{
    return hjtj__register_commit(ctx, area, from, to, line_base, file);
}

static void sink_adopt(void *ctx, hjtj__stage_area *area)
{
    hjtj__register_adopt(ctx, area);
}

static hjtj_status sink_warn(void *ctx, hjtj_reason reason, const char *file, uint64_t line,
                             uint64_t col, const char *msg)
{
    return hjtj__register_warn(ctx, reason, file, line, col, "%s", msg);
}

static hjtj_status sink_ensure_kommuner(void *ctx)
{
    return hjtj__register_ensure_kommuner(ctx);
}

static int sink_swap_kommuner(void *ctx, hjtj_kommuner *k, int set)
{
    return hjtj__register_swap_kommuner(ctx, k, set);
}

static void sink_prefetch_orgnr(void *ctx, const char *s, size_t n)
{
    hjtj_register *reg = ctx;
    uint64_t key;
    if (reg->keep && n == 9 && hjtj__parse_uint(s, n, UINT64_MAX, &key) == HJTJ_OK)
        hjtj__orgindex_prefetch(&reg->index, key);
}

static size_t sink_read_count(void *ctx)
{
    return ((hjtj_register *)ctx)->nread;
}

static void sink_set_aargang(void *ctx, int32_t aargang)
{
    ((hjtj_register *)ctx)->aargang = aargang;
}

void hjtj__register_sink(hjtj__record_sink *sink, hjtj_register *reg, input *in)
{
    sink->ctx = reg;
    sink->record = sink_record;
    sink->stage = reg->keep ? sink_stage : NULL;
    sink->commit = sink_commit;
    sink->adopt = sink_adopt;
    sink->warn = sink_warn;
    sink->ensure_kommuner = sink_ensure_kommuner;
    sink->swap_kommuner = sink_swap_kommuner;
    sink->prefetch_orgnr = sink_prefetch_orgnr;
    sink->read_count = sink_read_count;
    sink->set_aargang = sink_set_aargang;
    sink->limits = reg->limits;
    sink->err = &reg->err;
    sink->in = in;
    sink->xsd = &reg->xsd;
    sink->xsd_mode = reg->xsd_mode;
}

/* ---- one load ---- */

/* What the register held before a load, to go back to if it fails. */
typedef struct load_mark {
    size_t records, read, rejects, warnings;
    int32_t aargang;
    int kommuner_set;
} load_mark;

/* A failed load leaves the municipality table as it was: the bundled one,
 * loaded for this load (or by the streaming catalogue's discovery), goes. */
static void restore_kommuner(hjtj_register *reg, int was_set)
{
    if (!was_set && reg->kommuner_set) {
        hjtj__kommuner_clear(&reg->kommuner);
        reg->kommuner_set = 0;
    }
}

/* A file-level error: nothing of this file stays. */
static void rollback(hjtj_register *reg, const load_mark *m)
{
    if (reg->nrejects > m->rejects)
        hjtj__diags_free(reg->rejects + m->rejects, reg->nrejects - m->rejects);
    if (reg->nwarnings > m->warnings)
        hjtj__diags_free(reg->warnings + m->warnings, reg->nwarnings - m->warnings);
    reg->nrejects = m->rejects;
    reg->nwarnings = m->warnings;
    reg->nread = m->read;
    hjtj__store_truncate(reg, m->records);
    reg->aargang = m->aargang;
    restore_kommuner(reg, m->kommuner_set);
}

/* The first byte after the blanks at p, filling the input as far as it
 * takes (end when there is none). */
static const char *skip_blanks(input *in, const char *data, size_t len, const char *p)
{
    const char *end = data + len;
    for (;;) {
        const char *held = data + hjtj__input_held(in, data, len);
        while (p < held && hjtj__is_blank(*p))
            p++;
        if (p < held || held == end)
            return p;
        hjtj__input_release(in, p);
        hjtj__input_fill(in, p, p + ((size_t)1 << 20));
    }
}

/* A CSV register: in UTF-8, or read through its UTF-8 form when the
 * register's encoding is a single-byte one (a UTF-8 BOM wins: bom). */
static hjtj_status load_csv_text(hjtj_register *reg, input *in, const char *p, size_t n,
                                 const char *file, int bom)
{
    hjtj__record_sink sink;
    input u;
    hjtj_status st;
    if (reg->encoding == HJTJ_ENCODING_UTF8 || bom) {
        hjtj__register_sink(&sink, reg, in);
        return hjtj__load_csv(&sink, p, n, file);
    }
    st = hjtj__to_utf8(&u, reg->encoding, in, p, n, file, &reg->err);
    if (st != HJTJ_OK)
        return st;
    hjtj__register_sink(&sink, reg, &u);
    st = hjtj__load_csv(&sink, u.data, u.len, file);
    hjtj__input_close(&u);
    return st;
}

/* The loader of the format that starts at q (p: after the BOM). */
static hjtj_status dispatch(hjtj_register *reg, input *in, const char *p, const char *q,
                            const char *end, const char *file, int bom)
{
    hjtj__record_sink sink;
    hjtj_status st;
    if (*q == '<') {
        /* checks the encoding as it parses (invalid UTF-8 anywhere still
         * fails the load with HJTJ_ERR_ENCODING, whatever else is wrong) */
        hjtj__register_sink(&sink, reg, in);
        return hjtj__load_xml(&sink, p, (size_t)(end - p), file);
    }
    st = hjtj__register_ensure_kommuner(reg);
    if (st == HJTJ_OK)
        return load_csv_text(reg, in, p, (size_t)(end - p), file, bom);
    /* the same for CSV */
    {
        hjtj_status b = hjtj__input_check_utf8(in, p, (size_t)(end - p), 0, file, &reg->err);
        return b != HJTJ_OK ? b : st;
    }
}

/* The file changed or could not be read while it was loaded. */
static hjtj_status input_trouble(hjtj_register *reg, const input *in, const char *file,
                                 hjtj_status st)
{
    if (in != NULL && in->changed > 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_IO, file, 0, 0, "error reading %s: %s", file,
                             strerror(in->changed));
    if (in != NULL && in->changed != 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_IO, file, 0, 0,
                             "%s changed while it was read (it became shorter)", file);
    return st;
}

static hjtj_status load_buffer(hjtj_register *reg, input *in, const char *data, size_t len,
                               const char *name)
{
    load_mark m = {reg->nrecords, reg->nread,    reg->nrejects,
                   reg->nwarnings, reg->aargang, reg->kommuner_set};
    const char *p = data, *q, *file;
    int bom;
    hjtj_status st;

    file = hjtj__red_prepare(reg) != 0 ? NULL : hjtj__pool_strndup(&reg->strings, name, strlen(name));
    if (file == NULL) {
        restore_kommuner(reg, m.kommuner_set);
        return hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, name, 0, 0, "out of memory");
    }
    if (file[0] == '\0')
        file = "<memory>";
    hjtj__input_fill(in, data, data + 4096); /* a file's bytes are read on demand */
    bom = len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0;
    p += bom ? 3 : 0;
    q = skip_blanks(in, data, len, p);
    if (q == data + len) {
        restore_kommuner(reg, m.kommuner_set);
        return hjtj__err_set(&reg->err, HJTJ_ERR_EMPTY, file, 1, 1, "empty input");
    }
    reg->loading = 1;
    st = dispatch(reg, in, p, q, data + len, file, bom);
    reg->loading = 0;
    st = input_trouble(reg, in, file, st);
    /* a streaming register: the load's counts and orgnr join the
     * register's if it stands, else they are dropped */
    if (st == HJTJ_OK && hjtj__red_end_load(reg, 1) != 0)
        st = hjtj__err_set(&reg->err, HJTJ_ERR_NOMEM, file, 0, 0, "out of memory");
    if (st != HJTJ_OK)
        (void)hjtj__red_end_load(reg, 0);
    hjtj__orgindex_end_load(&reg->index, st == HJTJ_OK);
    if (st != HJTJ_OK)
        rollback(reg, &m);
    return st;
}

/* ---- entry points ---- */

/* Whether a load may start (none in progress); clears the error. */
static hjtj_status may_load(hjtj_register *reg)
{
    hjtj__err_clear(&reg->err);
    if (reg->loading)
        return hjtj__err_set(&reg->err, HJTJ_ERR_STATE, "", 0, 0, "a load is already in progress");
    return HJTJ_OK;
}

HJTJ_API hjtj_status hjtj_register_load_memory(hjtj_register *reg, const char *data, size_t len,
                                               const char *name)
{
    if (reg == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (may_load(reg) != HJTJ_OK)
        return HJTJ_ERR_STATE;
    if (data == NULL && len > 0)
        return hjtj__err_set(&reg->err, HJTJ_ERR_INVALID_ARG, name ? name : "", 0, 0, "no data");
    return load_buffer(reg, NULL, data ? data : "", len, name ? name : "<memory>");
}

HJTJ_API hjtj_status hjtj_register_load_file(hjtj_register *reg, const char *path)
{
    input in;
    hjtj_status st;
    if (reg == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (may_load(reg) != HJTJ_OK)
        return HJTJ_ERR_STATE;
    st = hjtj__input_open(&in, path, &reg->err);
    if (st != HJTJ_OK)
        return st;
    st = load_buffer(reg, &in, in.data ? in.data : "", in.len, path);
    hjtj__input_close(&in);
    return st;
}

HJTJ_API hjtj_status hjtj_register_load_callback(hjtj_register *reg, hjtj_read_fn fn,
                                                 void *userdata, const char *name)
{
    buf b;
    hjtj_status st;
    if (reg == NULL)
        return HJTJ_ERR_INVALID_ARG;
    if (name == NULL)
        name = "<callback>";
    if (may_load(reg) != HJTJ_OK)
        return HJTJ_ERR_STATE;
    st = hjtj__read_all_callback(&b, fn, userdata, name, &reg->err);
    if (st != HJTJ_OK)
        return st;
    st = load_buffer(reg, NULL, b.data, b.len, name);
    hjtj__buf_free(&b);
    return st;
}
