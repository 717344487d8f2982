/*
 * internal.h — shared definitions of libhjtj's implementation.  Nothing here
 * is part of the public API; see include/hjtj.h for that.
 */
#ifndef HJTJ_INTERNAL_H
#define HJTJ_INTERNAL_H

#include "hjtj.h"
#include "protect.h"

#include <stdarg.h>
#include <stdio.h>

#define HJTJ_NTYPES 13
#define HJTJ_NMALGRUPPER 8
#define HJTJ_NSTORRELSE 5
#define HJTJ_MAX_BANDS 32
#define HJTJ_MAX_ASSS 64
#define HJTJ__NLIMITS 7 /* hjtj_limit values */

#define BIT(x) (1u << (x))

/* Type groups (SPEC §2, §4.2). */
#define TYPES_HT                                                                \
    (BIT(HJTJ_TYPE_BOLIGBASE) | BIT(HJTJ_TYPE_AMB_HELSE) |                     \
     BIT(HJTJ_TYPE_AMB_PRAKTISK) | BIT(HJTJ_TYPE_BPA) |                        \
     BIT(HJTJ_TYPE_ANNEN_HJEMMETJENESTE) | BIT(HJTJ_TYPE_ENETILTAK))
#define TYPES_HT_STAR (TYPES_HT & ~BIT(HJTJ_TYPE_ANNEN_HJEMMETJENESTE))
#define TYPES_AT                                                                \
    (BIT(HJTJ_TYPE_BARNEBOLIG_AVLASTNING) | BIT(HJTJ_TYPE_SYKEHJEM) |          \
     BIT(HJTJ_TYPE_DAGAKTIVITET) | BIT(HJTJ_TYPE_ANNEN_VIRKSOMHET))
#define TYPES_AT_PRIME (TYPES_AT & ~BIT(HJTJ_TYPE_ANNEN_VIRKSOMHET))
#define TYPES_ADM                                                               \
    (BIT(HJTJ_TYPE_RESSURSENHET) | BIT(HJTJ_TYPE_BESTILLERKONTOR) |            \
     BIT(HJTJ_TYPE_ADMINISTRASJON))
#define MG_MAIN 0x3fu /* the six main målgrupper */

#define HJTJ_ATTR_HIDDEN __attribute__((visibility("hidden")))

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

struct hjtj_error {
    hjtj_status status;
    uint64_t line, column;
    char file[512];
    char message[512];
};

void hjtj__err_clear(hjtj_error *e);
/* Set e and return status.  fmt is printf-style. */
hjtj_status hjtj__err_set(hjtj_error *e, hjtj_status status, const char *file, uint64_t line,
                    uint64_t column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void hjtj__err_copy(hjtj_error *dst, const hjtj_error *src);

/* Bounded string copy that always terminates. */
void hjtj__str_copy(char *dst, size_t cap, const char *src);
char *hjtj__str_dup(const char *s);
/* The length of the longest prefix of s, at most n bytes, that does not end
 * inside a UTF-8 character (s[n] must be readable). */
size_t hjtj__utf8_prefix(const char *s, size_t n);
/* Copy src[0..n) into dst (cap bytes, NUL-terminated) for a message the
 * library hands out: control characters written as \n, \r, \t or \xHH,
 * bytes of a character cut elsewhere dropped, cut at a character boundary. */
void hjtj__text_clean(char *dst, size_t cap, const char *src, size_t n);
char *hjtj__str_ndup(const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Growing byte buffer                                                 */
/* ------------------------------------------------------------------ */

typedef struct buf {
    char *data;
    size_t len, cap;
    int failed; /* allocation failed at some point */
} buf;

void hjtj__buf_init(buf *b);
void hjtj__buf_free(buf *b);
int hjtj__buf_put(buf *b, const char *s, size_t n); /* 0 ok, -1 nomem */
int hjtj__buf_puts(buf *b, const char *s);
int hjtj__buf_putc(buf *b, char c);
int hjtj__buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Read a whole file / callback into a NUL-terminated buffer. */
hjtj_status hjtj__read_all_file(buf *out, const char *path, hjtj_error *err);
hjtj_status hjtj__read_all_callback(buf *out, hjtj_read_fn fn, void *ud, const char *name,
                              hjtj_error *err);

/* A file's bytes for a load (input.c): an anonymous reservation of the
 * file's size, filled with read(2) on demand (never mapped: a file
 * truncated meanwhile would raise SIGBUS).  Before reading bytes the
 * loaders call hjtj__input_fill(in, from, to) (the check functions below do
 * it for what they check); hjtj__input_release(in, pos) as they advance gives the
 * pages behind back.  A fill out of the window held (a pass from the start
 * again) reads the range again from the file.  hjtj__input_restart() is a no-op
 * kept for the loaders' structure.  in may be NULL (a load from memory), or
 * hold the whole input (fd < 0: a pipe, a converted text), in all but
 * hjtj__input_open/close. */
typedef struct input {
    const char *data;
    size_t len;
    size_t done;   /* bytes [0, done) given back (page-aligned) */
    size_t filled; /* bytes [done, filled) hold the file's bytes */
    size_t size;   /* of the reservation */
    int fd;        /* >= 0: filled from this file; -1: b holds everything */
    int changed;   /* the file ended early (-1) or a read failed (errno) */
    buf b;         /* the bytes, when read whole */
} input;
hjtj_status hjtj__input_open(input *in, const char *path, hjtj_error *err);
void hjtj__input_close(input *in);
void hjtj__input_restart(input *in);
void hjtj__input_release(input *in, const char *pos);
void hjtj__input_release_slow(input *in, const char *pos);
/* Make the bytes [from, to) readable (to is clamped to the input's end). */
void hjtj__input_fill(input *in, const char *from, const char *to);
void hjtj__input_fill_all(input *in);
/* How many of the len bytes from data are held, counted from data. */
size_t hjtj__input_held(const input *in, const char *data, size_t len);
/* Advance (line, col) over the text [a, b). */
void hjtj__text_position(const char *a, const char *b, uint64_t *line, uint64_t *col);
/* hjtj__utf8_check over bytes [from, n) of the text s, releasing behind; on
 * failure HJTJ_ERR_ENCODING in err, at the line and column of the first bad
 * byte counted from s. */
hjtj_status hjtj__input_check_utf8(input *in, const char *s, size_t n, size_t from,
                             const char *file, hjtj_error *err);
/* memchr(s, 0, n), releasing behind. */
const char *hjtj__input_memchr_nul(input *in, const char *s, size_t n);
/* The loaders check the input as they read it: before they use the bytes
 * up to upto, this fills and checks data[*checked, e) — e at least upto, at
 * least `ahead` bytes past *checked, and moved past a UTF-8 sequence cut
 * there — for valid UTF-8 (and, with nul, no NUL byte), and sets
 * *checked = e.  0, or -1 when those bytes are bad (the loader then locates
 * the fault over the rest of the input with hjtj__input_check_utf8 /
 * hjtj__input_memchr_nul). */
int hjtj__input_check_upto(input *in, const char *data, size_t len, size_t *checked, size_t upto,
                     size_t ahead, int nul);

/* Convert a CSV input in a single-byte encoding to UTF-8 (encoding.c):
 * out receives the text as an input (hjtj__input_close() it), with the same lines
 * and one character per input byte, so positions stay the original's, held
 * whole in memory (fd -1).  Fills the input ahead and releases it behind as
 * it goes (in may be NULL).
 * HJTJ_ERR_ENCODING at an undefined byte (Windows-1252), HJTJ_ERR_NOMEM. */
hjtj_status hjtj__to_utf8(input *out, hjtj_encoding enc, input *in, const char *data, size_t len,
                          const char *file, hjtj_error *err);

/* Find a bundled data file: $HJTJ_DATADIR/NAME, else the installed HJTJ_PKGDATADIR/NAME.
 * Writes the path into out; returns 0 if the file exists, -1 otherwise. */
int hjtj__datadir_path(char *out, size_t cap, const char *name);

/* ------------------------------------------------------------------ */
/* Text utilities                                                      */
/* ------------------------------------------------------------------ */

/* Check UTF-8; on failure set line and col (1-based) of the bad byte. */
int hjtj__utf8_check(const char *s, size_t n, uint64_t *line, uint64_t *col);
/* Display width (code points) of a UTF-8 string. */
size_t hjtj__utf8_width(const char *s);
/* Percent share rounded half up to tenths: floor((2000 * num + den) / (2 * den)). */
int64_t hjtj__share_tenths(int64_t num, int64_t den);

/* ------------------------------------------------------------------ */
/* Code lists                                                          */
/* ------------------------------------------------------------------ */

/* Parse a code of a field from (s, n); -1 if unknown. */
int32_t hjtj__code_parse_n(hjtj_field field, const char *s, size_t n);
/* Parse a whitespace-separated list of codes into a bit mask.  On an unknown
 * token returns -1 and points bad and badlen at it. */
int64_t hjtj__code_list_parse(hjtj_field field, const char *s, size_t n, const char **bad,
                        size_t *badlen);
int hjtj__popcount32(uint32_t x);
/* Codes are matched with ASCII case folded ("Boligbase" is boligbase). */
/* Levenshtein distance of a and (b, n), ASCII case folded, capped at cap. */
size_t hjtj__edit_distance(const char *a, const char *b, size_t n, size_t cap);
/* The name among names[0..count) nearest to (s, n) when it is close enough
 * to be a slip (distance at most n/3 + 1, or s a prefix of it), else NULL. */
const char *hjtj__nearest(const char *const *names, size_t count, const char *s, size_t n);
/* Write "did you mean 'x'? The codes are: a, b, c." for an unknown code
 * (s, n) of a field into out (truncated to cap).  0, or -1 for a bad field. */
int hjtj__code_hint(char *out, size_t cap, hjtj_field field, const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Scheme                                                              */
/* ------------------------------------------------------------------ */

struct hjtj_scheme {
    char name[64];
    int8_t samle[64];                 /* main-målgruppe set -> samlemålgruppe */
    char asss[HJTJ_MAX_ASSS][5];      /* kommunenr of the ASSS municipalities */
    int nasss;
    int64_t thresholds[3];            /* 20000, 10000, 5000 */
    int64_t bands[HJTJ_MAX_BANDS];    /* lower bounds: 2, 6, 11, ..., 51 */
    int nbands;
    int8_t enetiltak;                 /* hjtj_enetiltak_rule */
    int8_t administrasjon;            /* hjtj_administrasjon_rule */
    hjtj_error err;
};

void hjtj__scheme_init_default(hjtj_scheme *s);
/* Size class of a municipality from its number (a char[5]: 4 digits and
 * NUL, as in a municipality table) and inhabitants. */
int hjtj__scheme_storrelse(const hjtj_scheme *s, const char *kommunenr, int64_t innbyggere);
/* Is the scheme the built-in one (labels of the report apply)? */
int hjtj__scheme_is_default_bands(const hjtj_scheme *s);

/* ------------------------------------------------------------------ */
/* Municipality table                                                  */
/* ------------------------------------------------------------------ */

typedef struct kommune {
    char nr[5];
    int8_t storrelse; /* in a register's table: the size class under its scheme */
    char *navn;
    int64_t innbyggere;
} kommune;

struct hjtj_kommuner {
    kommune *k;
    size_t n, cap;
    char *names;     /* a copy's names, one block: those of k[0..npooled) */
    size_t npooled;
    int32_t *index; /* 10 000 entries: kommunenr as a number -> position, or -1 */
    char referansedato[16];
    int loaded; /* a table has been loaded (possibly empty) */
    hjtj_error err;
};

/* Deep copy; returns 0 or -1 (nomem). */
int hjtj__kommuner_copy(hjtj_kommuner *dst, const hjtj_kommuner *src);
void hjtj__kommuner_clear(hjtj_kommuner *k);
/* Inhabitants of one municipality at most (10^12: the sums over a table
 * of at most 10 000 municipalities stay far below INT64_MAX). */
#define KOMMUNER_MAX_INNBYGGERE ((int64_t)1000000000000)
/* Add one municipality (validates nr, inhabitants and name).  0 ok; -1
 * nomem; -2 bad number; -3 duplicate; -4 innbyggere above
 * KOMMUNER_MAX_INNBYGGERE; -5 a NUL or control character in the name. */
int hjtj__kommuner_add(hjtj_kommuner *k, const char *nr, size_t nrlen, const char *navn,
                 size_t navnlen, int64_t innbyggere);
int64_t hjtj__kommuner_find_n(const hjtj_kommuner *k, const char *nr, size_t n);

/* ------------------------------------------------------------------ */
/* CSV tokenizer (RFC 4180)                                            */
/* ------------------------------------------------------------------ */

typedef struct csv_field {
    const char *s; /* points into the input, or into the row's scratch buffer */
    size_t n;
    uint64_t line, col; /* where the field starts */
} csv_field;

typedef struct csv_reader {
    const char *p, *end;
    char delim;
    uint64_t line;        /* current line (1-based) */
    const char *line_start;
    csv_field *fields;
    size_t nfields, cap;
    buf scratch;          /* unescaped quoted fields */
    size_t *offs;         /* per field: offset in scratch, or (size_t)-1 */
    size_t offcap;
    const char *col_ptr;  /* a position on the current line and its column, */
    uint64_t col_val;     /* so columns are counted incrementally */
    size_t max_columns, max_field, max_row;
    hjtj_error *err;
    const char *name;
} csv_reader;

/* Start reading data (after a BOM).  delim 0 = detect from the first row. */
void hjtj__csv_init(csv_reader *r, const char *data, size_t len, char delim, hjtj_error *err,
              const char *name);
void hjtj__csv_free(csv_reader *r);
/* Read the next row into r->fields.  Returns 1 for a row, 0 at end of input,
 * or -1 on a file-level error (r->err is set: unbalanced quote, limits,
 * NOMEM).  Completely empty lines are skipped.  *row_line receives the line
 * the row starts on. */
int hjtj__csv_next(csv_reader *r, uint64_t *row_line);

/* ------------------------------------------------------------------ */
/* Records                                                             */
/* ------------------------------------------------------------------ */

/* Classes stored per record, indexed by field - HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE. */
#define CLS_FIRST HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE
#define CLS_COUNT (HJTJ_FIELD_STORRELSE - HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE + 1)

/* A loaded record: 64 bytes (the strings live in the register's pool). */
struct hjtj_record {
    const char *orgnr;         /* owned by the register's string pool */
    const char *text;          /* "navn\0merknad\0" (pool), or hjtj__record_no_text */
    const char *naeringskode;  /* "NN.NNN", one string per code; "" if absent */
    const char *file;          /* the load's file name (pool) */
    uint32_t line;             /* first line of the record (saturates) */
    int32_t boenheter;         /* as given; -1 = not given */
    uint16_t kommune;          /* index into the register's municipality table */
    char kommunenr[5];
    uint16_t types, types_given;
    uint8_t mg, mg_given, mottar, leverer;
    uint8_t eierskap : 1, status : 3, andre_kommuner : 1, nk_standard : 1, population : 1;
    uint8_t edits;
    uint8_t cls4[5];           /* classes 0..9 (field - CLS_FIRST) as 4-bit value + 1 */
    int8_t storrelse;          /* the size band (scheme bands may exceed 4 bits); -1 */
};

extern const char hjtj__record_no_text[2];

_Static_assert(sizeof(struct hjtj_record) <= 8 * sizeof(void *),
               "a record is at most 64 bytes (on 64-bit machines)");

struct hjtj_diag {
    hjtj_reason reason;
    uint64_t line, column;
    const char *file;  /* pool */
    char *orgnr;
    char *message;
};

/* Free the orgnr and message of n diagnostics (not the array). */
void hjtj__diags_free(hjtj_diag *d, size_t n);

/* A record as read by a loader, before validation.  Strings point into the
 * input (not NUL-terminated); `set` says whether the field was present. */
typedef struct raw_field {
    const char *s;
    size_t n;
    int set;
    uint64_t line, col;
} raw_field;

enum raw_id {
    RAW_ORGNR,
    RAW_KOMMUNENR,
    RAW_EIERSKAP,
    RAW_STATUS,
    RAW_NAVN,
    RAW_MERKNAD,
    RAW_NAERINGSKODE,
    RAW_NK_STANDARD,
    RAW_BOENHETER,
    RAW_ANDRE_KOMMUNER,
    RAW_TYPES,      /* token lists */
    RAW_MALGRUPPER,
    RAW_MOTTAR_FRA,
    RAW_LEVERER_TIL,
    RAW_NFIELDS
};

typedef struct raw_record {
    raw_field f[RAW_NFIELDS];
    /* Wide CSV layout: bits set by 0/1 columns, and whether any such column
     * exists for the set (then the set is "given" even if all zero). */
    uint32_t wide[4];
    int wide_set[4];
    uint64_t line, col;
    /* An error found by the loader (duplicate element, bad 0/1 cell, ragged
     * row...): reason 0 = none. */
    hjtj_reason err_reason;
    uint64_t err_line, err_col;
    char err_msg[256];
} raw_record;

void hjtj__raw_clear(raw_record *r);
void hjtj__raw_fail(raw_record *r, hjtj_reason reason, uint64_t line, uint64_t col,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Record storage: fixed-size blocks so that record pointers stay valid. */
#define REC_BLOCK 1024

/* String pool: blocks of memory that are never moved. */
typedef struct pool_block {
    struct pool_block *next;
    size_t used, cap;
    char data[];
} pool_block;

typedef struct pool {
    pool_block *head;
} pool;

char *hjtj__pool_alloc(pool *p, size_t n);
const char *hjtj__pool_strndup(pool *p, const char *s, size_t n);
void hjtj__pool_free(pool *p);

/* The records a table reads, reduced (streaming.c, crosstab.c).
 *
 * Every table is read through declarations (crosstab.h: population,
 * filters, a row and a column dimension, a variable): a record enters a
 * declaration only through its key function, RED_NFN values (row class,
 * column class, the variable's value).  Records with the same key are
 * interchangeable for every table over that declaration, so the table is
 * built from the distinct keys and the number of records of each: from the
 * kept records at build time, or, in a register that does not keep them,
 * from a store filled as the records load.  The keys are few whatever the
 * number of records (classes, codes and boenheter are bounded; a linked
 * variable's values are those of its file), so memory does not grow with
 * the register.  A streaming register knows which declarations to fill
 * because every table of the catalogue is built once on the empty register
 * before the first load (each declaration it makes is registered then),
 * and custom tables are added before the load (hjtj_register_add_crosstab).
 * There is no other way for a table to read records. */
#define RED_NFN 4

typedef struct rstore {
    uint32_t *key;   /* RED_NFN values per distinct key */
    uint64_t *w;     /* records per key */
    size_t n, cap;
    uint32_t *slot;  /* open addressing: index + 1, 0 = empty */
    size_t nslot;
} rstore;

struct xdecl;
typedef struct reduction {
    struct xdecl *decl; /* the declaration (owned copy; crosstab.h): its key
                           function gives the values, its content is the
                           identity */
    rstore all;         /* the records loaded so far */
    rstore stage;       /* the load in progress, merged when it succeeds */
} reduction;

typedef struct red_set {
    reduction **r;   /* each allocated alone: stores stay valid as the set grows */
    size_t n, cap;
    int ready;       /* the catalogue's declarations are known */
    int discovering; /* building the catalogue to find them */
    int failed;      /* out of memory while registering one */
} red_set;

/* A set of orgnr as a bitmap over the 10^9 numbers, in pages of 4 096 bits
 * made on demand behind a two-level directory, with the list of pages made
 * (register.c). */
typedef struct orgset {
    uint64_t ***dir;
    uint32_t *used;
    size_t nused, capused;
} orgset;

struct hjtj_register {
    hjtj_scheme scheme;
    hjtj_kommuner kommuner;
    int kommuner_set;        /* a table was set or loaded (default not needed) */
    int32_t aargang;

    hjtj_record **blocks;    /* REC_BLOCK records each */
    size_t nblocks, nrecords;
    size_t nread;

    hjtj_diag *rejects;
    size_t nrejects, caprejects;
    hjtj_diag *warnings;
    size_t nwarnings, capwarnings;

    /* orgnr (as integer) -> record index + 1; open addressing */
    uint64_t *hslots;        /* orgnr << 32 | index + 1 */
    size_t hcap, hcount;

    pool strings;
    red_set *reds;           /* streaming: the tables' reductions (streaming.c) */
    orgset orgseen;          /* streaming: orgnr seen, a paged bitmap ... */
    orgset orgstage;         /* ... and those of the load in progress */
    struct input *in;        /* the file being loaded, NULL for memory input */
    char orgnr_now[10];      /* streaming: the orgnr of the record passed to the callback */
    const char **nk_intern[100]; /* næringskode NN.NNN: [NN][NNN] -> one string */
    void *xsd;               /* compiled XSD (xmlSchemaPtr), loaded on first XML */
    uint64_t limits[HJTJ__NLIMITS];
    hjtj_record_fn cb;
    void *cb_ud;
    int keep;
    hjtj_xsd_mode xsd_mode;
    int loading;             /* inside a load call */
    hjtj_encoding encoding;  /* of CSV input (XML declares its own) */
    hjtj_error err;
};

/* Around every use of libxml2 (hjtj__load_xml.c): initialise libxml2 once
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

/* Start tags with more than max attributes (hjtj__load_xml.c): scan d[*scanned..)
 * for the start tags that begin before upto (looking past upto as needed);
 * 0, or -1 with *scanned at the '<' of a start tag with more.  The bound of
 * the files without a register's limits (scheme, XSD), and the check of it
 * over a whole document (HJTJ_ERR_LIMIT with the tag's line and column). */
#define HJTJ_XML_MAX_ATTRIBUTES 256
int hjtj__xml_tag_scan(const char *d, size_t len, size_t *scanned, size_t upto, uint64_t max);
hjtj_status hjtj__xml_attribute_bound(const char *d, size_t len, const char *file,
                                      hjtj_error *err);

/* XML helpers shared by the loaders: refuse a DOCTYPE in the prolog; turn a
 * libxml2 error into ours. */
hjtj_status hjtj__xml_prescan(const char *data, size_t len, const char *file, hjtj_error *err);
struct _xmlError;
void hjtj__xml_error_to(hjtj_error *err, const struct _xmlError *e, const char *file);
void hjtj__xsd_free(void *xsd);
/* Is n an XML Schema element that brings in another document (xs:import,
 * include, redefine, override with a schemaLocation)?  Such an XSD is
 * refused, never fetched. */
struct _xmlNode;
int hjtj__xsd_external_ref(const struct _xmlNode *n);

/* Loader entry points (buffer is NUL-terminated, BOM already checked). */
hjtj_status hjtj__load_xml(hjtj_register *reg, const char *data, size_t len, const char *file);
hjtj_status hjtj__load_csv(hjtj_register *reg, const char *data, size_t len, const char *file);

/* Validate, edit, classify and store (or reject) one record.  Returns HJTJ_OK,
 * or HJTJ_ERR_NOMEM / HJTJ_ERR_ABORTED / HJTJ_ERR_LIMIT, which stop the load
 * (reg->err is set). */
hjtj_status hjtj__register_add(hjtj_register *reg, raw_record *raw, const char *file);
/* Add a warning; -1 on nomem. */
int hjtj__register_warn(hjtj_register *reg, hjtj_reason reason, const char *file, uint64_t line,
                  uint64_t col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Make sure the register has a municipality table (loads the default). */
hjtj_status hjtj__register_ensure_kommuner(hjtj_register *reg);
/* Exchange the register's municipality table with *k (a <kommuner> block
 * while loading, and back if the load fails); `set` becomes the register's
 * "table given" flag, whose old value is returned. */
int hjtj__register_swap_kommuner(hjtj_register *reg, hjtj_kommuner *k, int set);
/* A hint: the orgnr s (n bytes) will be looked up soon. */
void hjtj__register_prefetch_orgnr(const hjtj_register *reg, const char *s, size_t n);

static inline const hjtj_record *reg_rec(const hjtj_register *reg, size_t i)
{
    return &reg->blocks[i / REC_BLOCK][i % REC_BLOCK];
}

/* streaming.c: find the reductions (before the first streaming load); count
 * a loaded record in them; at the end of a load, keep (ok) or drop its
 * counts; free.  The int functions return 0 or -1 (nomem). */
int hjtj__red_prepare(hjtj_register *reg);
int hjtj__red_count_record(hjtj_register *reg, const hjtj_record *r);
int hjtj__red_end_load(hjtj_register *reg, int ok);
void hjtj__red_free(red_set *rs);

/* ------------------------------------------------------------------ */
/* Classification (SPEC §4)                                            */
/* ------------------------------------------------------------------ */

/* Apply the editing rules and fill rec->types, rec->mg, rec->edits,
 * the classes (rec_set_cls) and rec->population.  rec->types_given, mg_given, boenheter,
 * status, kommune must be set.  size_class is the municipality's class. */
void hjtj__classify_record(hjtj_record *rec, const hjtj_scheme *scheme, int size_class);
/* Class of a record in a field, or -1. */
static inline int rec_cls(const hjtj_record *rec, hjtj_field f)
{
    unsigned i = (unsigned)(f - CLS_FIRST);
    if (f == HJTJ_FIELD_STORRELSE)
        return rec->storrelse;
    return (int)((rec->cls4[i / 2] >> (4 * (i % 2))) & 0xf) - 1;
}

static inline void rec_set_cls(hjtj_record *rec, hjtj_field f, int v)
{
    unsigned i = (unsigned)(f - CLS_FIRST);
    if (f == HJTJ_FIELD_STORRELSE) {
        rec->storrelse = (int8_t)v;
        return;
    }
    rec->cls4[i / 2] = (uint8_t)((rec->cls4[i / 2] & ~(0xfu << (4 * (i % 2)))) |
                                 ((unsigned)(v + 1) & 0xfu) << (4 * (i % 2)));
}
/* The boenheter counted in chapter 5 (0 outside the botilbud population). */
static inline int64_t rec_boenheter_counted(const hjtj_record *r)
{
    return rec_cls(r, HJTJ_FIELD_BOTILBUD) == 1 ? r->boenheter : 0;
}
/* Number of målgrupper checked (annen included, ingen = 3+). */
int hjtj__antall_malgrupper_class(uint32_t mg);

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

typedef struct tcell {
    uint8_t kind;   /* hjtj_cell_kind */
    uint8_t supp;   /* hjtj_suppression: suppressed for confidentiality (§11) */
    int64_t a, b;   /* value / numerator, denominator */
    int64_t n;      /* custom tables: the enterprises counted in the cell */
    char *text;     /* TEXT cells (owned) */
} tcell;

typedef struct tcol {
    const char *code;     /* CSV header name (static) */
    const char *label_nb; /* static */
    const char *label_en; /* static */
    const char *unit_nb;  /* static; NULL: from the cells (hjtj_table_col_unit) */
    const char *unit_en;
} tcol;

typedef struct trow {
    char *code;      /* owned */
    char *label_nb;  /* owned */
    char *label_en;  /* owned */
} trow;

struct hjtj_table {
    char id[16];
    const char *title_nb, *title_en, *population;
    char title_year[2][256]; /* titles naming another reference year */
    int64_t n;
    size_t nrows, ncols, nstub, caprows;
    tcol *cols;
    trow *rows;
    tcell *cells;    /* nrows * ncols, row-major */
    char **printed;  /* lazily formatted cell texts */
    char **owned;    /* strings the table owns (custom titles, column codes) */
    size_t nowned, capowned;
    /* Custom tables (crosstab.c): the structure small-count protection
     * needs.  Every cell's n is the count under it; the last row and the
     * last column are the totals; a multiple-response dimension's classes
     * may overlap (their counts do not add up to the total). */
    int custom;
    int rows_multi, cols_multi;
    int nomem;
    hjtj_error err;
    /* small-count protection (table_protect.c); protect_k survives a build */
    int64_t protect_k;            /* 0: off */
    struct tgrid *grid;           /* the counts behind the cells, or NULL */
    size_t nsupp[3];              /* cells suppressed, by hjtj_suppression */
    int n_hidden;                 /* N is a suppressed count */
    char note[2][640];            /* a protected table's hjtj_table_note, by hjtj_lang:
                                     the deviation and how many cells are hidden */
};

/* Builder used by the table definitions.  All functions tolerate a previous
 * allocation failure (t->nomem set) and do nothing then. */
void hjtj__tb_begin(hjtj_table *t, size_t ncols, size_t nstub);
void hjtj__tb_col(hjtj_table *t, size_t j, const char *code, const char *nb, const char *en);
/* Append a row; the first stub cell gets label_nb as TEXT.  en may be NULL
 * (then nb is used).  Returns the row index. */
size_t hjtj__tb_row(hjtj_table *t, const char *code, const char *nb, const char *en);
void hjtj__tb_text(hjtj_table *t, size_t i, size_t j, const char *s);
void hjtj__tb_count(hjtj_table *t, size_t i, size_t j, int64_t v);
void hjtj__tb_sum(hjtj_table *t, size_t i, size_t j, int64_t v);
void hjtj__tb_share(hjtj_table *t, size_t i, size_t j, int64_t num, int64_t den);
void hjtj__tb_median2(hjtj_table *t, size_t i, size_t j, int64_t twice_median);
void hjtj__tb_empty(hjtj_table *t, size_t i, size_t j);
/* Release everything the table holds and make it empty again. */
void hjtj__table_reset(hjtj_table *t);
/* A copy of s owned by the table (NULL on nomem, then t->nomem is set). */
const char *hjtj__tb_own(hjtj_table *t, const char *s);
/* Set a custom cell: kind, numerator, denominator and the count under it. */
void hjtj__tb_cell(hjtj_table *t, size_t i, size_t j, int kind, int64_t a, int64_t b,
                   int64_t n);

/* Small-count protection (table_protect.c, SPEC §11).  A table that holds
 * counts of enterprises declares them as a grid (lib/protect.h): rows and
 * columns of counts with their totals, filled as the table is built, and
 * for every printed cell the one or two counts it shows or is computed
 * from.  A table that declares no grid has no counts to protect. */
/* Declare the grid: nr x nc counts, total row tr and column tc
 * (HJTJ__P_NONE: none), which equations to use (protect.h). */
void hjtj__grid_begin(hjtj_table *t, size_t nr, size_t nc, size_t tr, size_t tc, int col_eqs,
                      int row_eqs);
void hjtj__grid_count(hjtj_table *t, size_t gi, size_t gj, int64_t v);
/* Printed cell (row, col) shows or is computed from grid cells (ai, aj)
 * and, unless bi is HJTJ__P_NONE, (bi, bj). */
void hjtj__grid_dep(hjtj_table *t, size_t row, size_t col, size_t ai, size_t aj, size_t bi,
                    size_t bj);
/* The table's N is grid cell (gi, gj); gi = HJTJ__P_NONE: the total row. */
void hjtj__grid_n(hjtj_table *t, size_t gi, size_t gj);
/* A one-column grid from the COUNT (or SHARE: its numerator) cells of
 * column col, one grid row per table row; the total is table row total_row
 * or, when that is HJTJ__P_NONE, the table's N as an extra grid row that is
 * not printed (a share then has N as its base).  N is the total. */
void hjtj__grid_from_column(hjtj_table *t, size_t col, size_t total_row);
/* After a build: apply t->protect_k (nothing when 0).  Errors:
 * HJTJ_ERR_NO_COUNTS (no grid), HJTJ_ERR_NOMEM. */
hjtj_status hjtj__table_protect(hjtj_table *t);
/* The sentence under a protected table: the symbol, K and how many cells
 * were suppressed of each kind ("" when not protected). */
void hjtj__protect_sentence(const hjtj_table *t, hjtj_lang lang, char *out, size_t cap);
/* Free the grid (table_reset). */
void hjtj__grid_free(hjtj_table *t);

/* Median (twice its value, exact, as R's median) of n values v[i] occurring
 * w[i] times each; reorders v; 0 if there are none. */
typedef struct wval {
    int64_t v, w;
} wval;
/* Twice the weighted median of v[0..n) (sorts v); 0 if the weights sum to 0. */
int64_t hjtj__median2_weighted(wval *v, size_t n);

/* One entry of the catalogue. */
typedef struct table_def {
    const char *id;
    const char *title_nb;
    const char *title_en;
    const char *population;
    /* Fill t (already named) from reg; returns HJTJ_OK or an error code. */
    hjtj_status (*build)(hjtj_table *t, const hjtj_register *reg);
} table_def;

extern const table_def hjtj__table_defs[] HJTJ_ATTR_HIDDEN;
extern const size_t hjtj__table_ndefs HJTJ_ATTR_HIDDEN;

#endif
