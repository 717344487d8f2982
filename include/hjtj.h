/*
 * hjtj.h — libhjtj: Statistics Norway's classification of Norwegian home-care
 * enterprises (hjemmetjenestevirksomheter) and the tables of the report
 * «Hjemmetjenestens målgrupper og organisering» (SSB Rapporter 2026/5).
 *
 * Conventions (see hjtj(3) for the long form):
 *
 *  - Every public name starts with hjtj_ or HJTJ_.  All types are opaque and
 *    come in new/free pairs; a free function accepts NULL.  Memory the library
 *    hands out is owned by the library: strings returned as `const char *`
 *    live as long as the object they came from (or forever, for static
 *    strings such as codes and labels).  The only memory a caller releases is
 *    what a function documents as "free with hjtj_free()".
 *  - Functions that can fail return an hjtj_status (HJTJ_OK == 0).  The detail
 *    (message, file, line, column) is kept on the object that failed and read
 *    with hjtj_register_error(), hjtj_kommuner_error(), hjtj_scheme_error() or
 *    hjtj_table_error().  Status values are stable and only ever appended.
 *  - Out parameters come first.  Strings are UTF-8 and NUL-terminated.
 *  - Threads: the library has no global mutable state.  One object is used by
 *    one thread at a time; distinct objects are independent.  A register that
 *    is no longer being loaded may be read (records, tables built from it)
 *    from several threads at once, because reading never modifies it.
 *  - The library never prints, exits or aborts, and never fetches anything
 *    over a network: XML is parsed without DTD loading, entity expansion or
 *    network access, and a document with a DOCTYPE is refused.  The XSD it
 *    reads (from $HJTJ_DATADIR or the installation) is parsed the same way
 *    and refused if it refers to another document (xs:import, xs:include
 *    with a schemaLocation).  libxml2 is initialised once, thread-safely,
 *    before its first use, and while the library runs libxml2 the calling
 *    thread's libxml2 error handlers are the library's (restored after).
 *  - Text handed out is UTF-8 cut at character boundaries; messages show
 *    control characters escaped (\n, \x1b); names with control characters
 *    are refused at load; CSV output writes a text cell that would be a
 *    spreadsheet formula (=, +, -, @, TAB, CR first) quoted after a '.
 *  - Enumerations have explicit values that never change; new values are
 *    appended.  Integer types at the boundary are fixed-width or size_t.
 */
#ifndef HJTJ_H
#define HJTJ_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Version and export                                                  */
/* ------------------------------------------------------------------ */

#define HJTJ_VERSION_MAJOR 0
#define HJTJ_VERSION_MINOR 1
#define HJTJ_VERSION_PATCH 0

#if defined(_WIN32)
#  define HJTJ_API
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define HJTJ_API __attribute__((visibility("default")))
#else
#  define HJTJ_API
#endif

/* The run-time version, "MAJOR.MINOR.PATCH" (e.g. "0.1.0").  Compare with
 * the HJTJ_VERSION_* macros to detect a header/library mismatch. */
HJTJ_API const char *hjtj_version(void);

/* ------------------------------------------------------------------ */
/* Status codes                                                        */
/* ------------------------------------------------------------------ */

typedef enum hjtj_status {
    HJTJ_OK = 0,
    HJTJ_ERR_NOMEM = 1,        /* out of memory */
    HJTJ_ERR_INVALID_ARG = 2,  /* NULL where an object was needed, bad value */
    HJTJ_ERR_IO = 3,           /* file could not be opened or read */
    HJTJ_ERR_SYNTAX = 4,       /* malformed XML or CSV (line, column set) */
    HJTJ_ERR_ENCODING = 5,     /* not valid UTF-8 */
    HJTJ_ERR_DOCTYPE = 6,      /* XML with a DOCTYPE: refused as a whole */
    HJTJ_ERR_SCHEMA = 7,       /* XML not valid against the XSD, wrong root,
                                  CSV without the required columns */
    HJTJ_ERR_EMPTY = 8,        /* empty input (no bytes, or only a BOM/space) */
    HJTJ_ERR_NOT_FOUND = 9,    /* unknown table id, code or file */
    HJTJ_ERR_ABORTED = 10,     /* a callback returned non-zero */
    HJTJ_ERR_LIMIT = 11,       /* a configured limit was exceeded */
    HJTJ_ERR_STATE = 12,       /* call not allowed in the object's state */
    HJTJ_ERR_KOMMUNER = 13,    /* invalid municipality table */
    HJTJ_ERR_RANGE = 14,       /* index out of range */
    HJTJ_ERR_OVERFLOW = 15,    /* an exact sum does not fit (custom tables) */
    HJTJ_ERR_UNSUPPORTED = 16, /* a feature this build of the library lacks
                                  (XLSX output without libxlsxwriter) */
    HJTJ_ERR_NO_COUNTS = 17    /* protection (hjtj_table_set_protect) asked of a
                                  table without counts of enterprises */
} hjtj_status;

/* A static English description of a status ("out of memory", ...).
 * Never NULL; unknown values give "unknown status". */
HJTJ_API const char *hjtj_strerror(hjtj_status status);

/* ------------------------------------------------------------------ */
/* Error detail                                                        */
/* ------------------------------------------------------------------ */

/* The detail of the last failed call on an object.  Obtained from the object
 * (hjtj_register_error() etc.), owned by it, valid until the next call on the
 * object.  All accessors accept NULL. */
typedef struct hjtj_error hjtj_error;

HJTJ_API hjtj_status hjtj_error_status(const hjtj_error *err);
/* Human-readable message (English); "" when there is no error. */
HJTJ_API const char *hjtj_error_message(const hjtj_error *err);
/* The file (path, or the name given to a memory/callback load); "" if none. */
HJTJ_API const char *hjtj_error_file(const hjtj_error *err);
/* 1-based line and column in the input; 0 when not known. */
HJTJ_API uint64_t hjtj_error_line(const hjtj_error *err);
HJTJ_API uint64_t hjtj_error_column(const hjtj_error *err);

/* Release memory the library documents as "free with hjtj_free()". */
HJTJ_API void hjtj_free(void *ptr);

/* ------------------------------------------------------------------ */
/* Codes: the input code lists and the classes (SPEC §2 and §6)        */
/* ------------------------------------------------------------------ */

/* Languages for labels. */
typedef enum hjtj_lang {
    HJTJ_LANG_NB = 0,   /* Norwegian (bokmål), the report's labels */
    HJTJ_LANG_EN = 1    /* English */
} hjtj_lang;

/* A field is a code list: either an input field or a class of the
 * classification.  Values of a field are small integers 0..n-1 (the enums
 * below); hjtj_code()/hjtj_label() turn them into strings. */
typedef enum hjtj_field {
    HJTJ_FIELD_VIRKSOMHETSTYPE = 0,     /* hjtj_virksomhetstype */
    HJTJ_FIELD_MALGRUPPE = 1,           /* hjtj_malgruppe */
    HJTJ_FIELD_EIERSKAP = 2,            /* hjtj_eierskap */
    HJTJ_FIELD_STATUS = 3,              /* hjtj_virksomhet_status */
    HJTJ_FIELD_MOTTAR_FRA = 4,          /* hjtj_mottar_fra */
    HJTJ_FIELD_LEVERER_TIL = 5,         /* hjtj_leverer_til */
    HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE = 6, /* hjtj_hovedvirksomhetstype */
    HJTJ_FIELD_HT_SAMMENSETNING = 7,    /* hjtj_ht_sammensetning */
    HJTJ_FIELD_KATEGORI = 8,            /* hjtj_kategori */
    HJTJ_FIELD_SAMLEMALGRUPPE = 9,      /* hjtj_samlemalgruppe */
    HJTJ_FIELD_ANTALL_MALGRUPPER = 10,  /* hjtj_antall_malgrupper */
    HJTJ_FIELD_KOMMUNESTORRELSE = 11,   /* hjtj_kommunestorrelse */
    HJTJ_FIELD_BOTILBUD = 12,           /* 0 = no, 1 = yes */
    HJTJ_FIELD_AT_SAMMENSETNING = 13,   /* hjtj_at_sammensetning */
    HJTJ_FIELD_ADM_SAMMENSETNING = 14,  /* hjtj_adm_sammensetning */
    HJTJ_FIELD_PERSONELLUTVEKSLING = 15, /* hjtj_personellutveksling */
    HJTJ_FIELD_STORRELSE = 16,          /* size band index of the scheme */
    HJTJ_FIELD_EDIT = 17,               /* hjtj_edit (editing rules) */
    /* Dimensions of custom tables (hjtj_crosstab(3)).  Open lists have
     * hjtj_field_size() 0 and no hjtj_code()/hjtj_label(). */
    HJTJ_FIELD_ANDRE_KOMMUNER = 18,     /* "0" / "1" */
    HJTJ_FIELD_NAERINGSKODE = 19,       /* open: SN2007 codes, "uoppgitt" */
    HJTJ_FIELD_KOMMUNE = 20,            /* open: the municipality table */
    HJTJ_FIELD_FYLKE = 21,              /* the 15 counties of 2024 ("03", ...) */
    HJTJ_FIELD_LANDET = 22              /* one value: "hele-landet" */
} hjtj_field;

/* Virksomhetstyper (bit i of a type set is value i). */
typedef enum hjtj_virksomhetstype {
    HJTJ_TYPE_BOLIGBASE = 0,
    HJTJ_TYPE_AMB_HELSE = 1,
    HJTJ_TYPE_AMB_PRAKTISK = 2,
    HJTJ_TYPE_BPA = 3,
    HJTJ_TYPE_ANNEN_HJEMMETJENESTE = 4,
    HJTJ_TYPE_ENETILTAK = 5,
    HJTJ_TYPE_BARNEBOLIG_AVLASTNING = 6,
    HJTJ_TYPE_SYKEHJEM = 7,
    HJTJ_TYPE_DAGAKTIVITET = 8,
    HJTJ_TYPE_ANNEN_VIRKSOMHET = 9,
    HJTJ_TYPE_RESSURSENHET = 10,
    HJTJ_TYPE_BESTILLERKONTOR = 11,
    HJTJ_TYPE_ADMINISTRASJON = 12
} hjtj_virksomhetstype;

/* Målgrupper (bit i of a målgruppe set is value i). */
typedef enum hjtj_malgruppe {
    HJTJ_MG_DEMENS = 0,
    HJTJ_MG_BEVEGELSE_0_66 = 1,
    HJTJ_MG_BEVEGELSE_67 = 2,
    HJTJ_MG_UTVIKLINGSHEMNING = 3,
    HJTJ_MG_PSYKISKE_LIDELSER = 4,
    HJTJ_MG_RUSPROBLEMER = 5,
    HJTJ_MG_INGEN = 6,
    HJTJ_MG_ANNEN = 7
} hjtj_malgruppe;

typedef enum hjtj_eierskap {
    HJTJ_EIERSKAP_KOMMUNAL = 0,
    HJTJ_EIERSKAP_PRIVAT = 1
} hjtj_eierskap;

typedef enum hjtj_virksomhet_status {
    HJTJ_STATUS_AKTIV = 0,
    HJTJ_STATUS_OPPHORT = 1,
    HJTJ_STATUS_MIDLERTIDIG_OPPHORT = 2,
    HJTJ_STATUS_IKKE_HJEMMETJENESTE = 3,
    HJTJ_STATUS_IKKE_INNRAPPORTERT = 4
} hjtj_virksomhet_status;

typedef enum hjtj_mottar_fra {
    HJTJ_MOTTAR_SYKEHJEM = 0,
    HJTJ_MOTTAR_BOLIGBASE = 1,
    HJTJ_MOTTAR_AMBULERENDE = 2,
    HJTJ_MOTTAR_ANNEN = 3
} hjtj_mottar_fra;

typedef enum hjtj_leverer_til {
    HJTJ_LEVERER_SYKEHJEM = 0,
    HJTJ_LEVERER_DAGSENTER = 1,
    HJTJ_LEVERER_BARNEBOLIG_AVLASTNING = 2,
    HJTJ_LEVERER_ANNEN = 3
} hjtj_leverer_til;

typedef enum hjtj_hovedvirksomhetstype {
    HJTJ_HOVED_RENE_BRUKERRETTEDE = 0,
    HJTJ_HOVED_KOMBINERT_ANNEN = 1,
    HJTJ_HOVED_ADMINISTRASJON = 2,
    HJTJ_HOVED_UTENFOR = 3
} hjtj_hovedvirksomhetstype;

typedef enum hjtj_ht_sammensetning {
    HJTJ_HT_KUN_BOLIGBASE = 0,
    HJTJ_HT_KUN_AMB_HELSE = 1,
    HJTJ_HT_KUN_AMB_PRAKTISK = 2,
    HJTJ_HT_KUN_AMB_BEGGE = 3,
    HJTJ_HT_KUN_BPA = 4,
    HJTJ_HT_ENETILTAK = 5,
    HJTJ_HT_KUN_ANNEN_HJEMMETJENESTE = 6,
    HJTJ_HT_TO_TYPER = 7,
    HJTJ_HT_TRE_ELLER_FLERE = 8
} hjtj_ht_sammensetning;

typedef enum hjtj_kategori {
    HJTJ_KAT_KUN_BOLIGBASE = 0,
    HJTJ_KAT_KUN_AMB_HELSE = 1,
    HJTJ_KAT_KUN_AMB_PRAKTISK = 2,
    HJTJ_KAT_KUN_AMB_BEGGE = 3,
    HJTJ_KAT_KUN_BPA = 4,
    HJTJ_KAT_ENETILTAK = 5,
    HJTJ_KAT_KUN_ANNEN_HJEMMETJENESTE = 6,
    HJTJ_KAT_TO_ELLER_FLERE_HT = 7,
    HJTJ_KAT_KOMBINERT_ANNEN = 8,
    HJTJ_KAT_ADMINISTRASJON = 9
} hjtj_kategori;

typedef enum hjtj_samlemalgruppe {
    HJTJ_SAMLE_UTVIKLINGSHEMNING = 0,
    HJTJ_SAMLE_ELDRE_DEMENS = 1,
    HJTJ_SAMLE_PSYKISK_RUS = 2,
    HJTJ_SAMLE_BEVEGELSESHEMNING = 3,
    HJTJ_SAMLE_UTENFOR = 4
} hjtj_samlemalgruppe;

typedef enum hjtj_antall_malgrupper {
    HJTJ_ANTALL_1 = 0,          /* code "1" */
    HJTJ_ANTALL_2 = 1,          /* code "2" */
    HJTJ_ANTALL_3_ELLER_FLERE = 2 /* code "3+" (also `ingen`) */
} hjtj_antall_malgrupper;

typedef enum hjtj_kommunestorrelse {
    HJTJ_KSTR_ASSS = 0,
    HJTJ_KSTR_20000_PLUSS = 1,
    HJTJ_KSTR_10000_19999 = 2,
    HJTJ_KSTR_5000_9999 = 3,
    HJTJ_KSTR_UNDER_5000 = 4
} hjtj_kommunestorrelse;

typedef enum hjtj_at_sammensetning {
    HJTJ_AT_KUN_BARNEBOLIG_AVLASTNING = 0,
    HJTJ_AT_KUN_SYKEHJEM = 1,
    HJTJ_AT_KUN_DAGAKTIVITET = 2,
    HJTJ_AT_KUN_ANNEN_VIRKSOMHET = 3,
    HJTJ_AT_TO_ELLER_FLERE = 4
} hjtj_at_sammensetning;

typedef enum hjtj_adm_sammensetning {
    HJTJ_ADM_KUN_RESSURSENHET = 0,
    HJTJ_ADM_KUN_ADMINISTRASJON = 1,
    HJTJ_ADM_KUN_BESTILLERKONTOR = 2,
    HJTJ_ADM_TO_ELLER_FLERE = 3
} hjtj_adm_sammensetning;

typedef enum hjtj_personellutveksling {
    HJTJ_PU_MOTTAR_OG_LEVERER = 0,
    HJTJ_PU_KUN_LEVERER = 1,
    HJTJ_PU_KUN_MOTTAR = 2,
    HJTJ_PU_INGEN = 3
} hjtj_personellutveksling;

/* The editing rules of SPEC §4.1 (bit i of a record's edit set is value i). */
typedef enum hjtj_edit {
    /* 4.1.1: boligbase with exactly one boenhet became enetiltak */
    HJTJ_EDIT_EN_BOENHET_ENETILTAK = 0,
    /* 4.1.2: no målgruppe given; set to `ingen` */
    HJTJ_EDIT_INGEN_MALGRUPPE = 1,
    /* 4.1.4: enetiltak with other types; those are set aside */
    HJTJ_EDIT_ENETILTAK_ALENE = 2,
    /* 4.1.5: boligbase without boenheter counts 0 boenheter */
    HJTJ_EDIT_BOLIGBASE_UTEN_BOENHETER = 3,
    /* 4.1.5: boenheter without boligbase (kept, counts nowhere) */
    HJTJ_EDIT_BOENHETER_UTEN_BOLIGBASE = 4
} hjtj_edit;

/* Number of values of a field (13 for HJTJ_FIELD_VIRKSOMHETSTYPE, ...).
 * HJTJ_FIELD_STORRELSE depends on a scheme: this gives the built-in 2024
 * scheme's count (11); see hjtj_scheme_band_count().  0 for an unknown field. */
HJTJ_API int32_t hjtj_field_size(hjtj_field field);
/* The field's name as used in file headers ("kategori", "samlemalgruppe").
 * NULL for an unknown field. */
HJTJ_API const char *hjtj_field_name(hjtj_field field);
/* The stable ASCII code of a value ("kun-boligbase", "3+", "asss").
 * NULL when field or value is out of range.  Static storage. */
HJTJ_API const char *hjtj_code(hjtj_field field, int32_t value);
/* The display label of a value in the given language (the report's
 * Norwegian label, or English).  NULL when out of range.  Static storage. */
HJTJ_API const char *hjtj_label(hjtj_field field, int32_t value, hjtj_lang lang);
/* The value of a code string, or -1 if it is not a code of the field. */
HJTJ_API int32_t hjtj_code_parse(hjtj_field field, const char *code);

/* ------------------------------------------------------------------ */
/* Limits                                                              */
/* ------------------------------------------------------------------ */

/* Bounds that keep memory proportional to the data.  A limit of 0 means
 * "the default".  Exceeding a file-level limit stops loading with
 * HJTJ_ERR_LIMIT; exceeding a record-level one rejects the record. */
typedef enum hjtj_limit {
    HJTJ_LIMIT_MAX_RECORDS = 0,      /* records per register (default 10 000 000;
                                        at most 4 294 967 294: a larger value
                                        is taken as that) */
    HJTJ_LIMIT_MAX_TEXT = 1,         /* bytes in one value; a longer one rejects
                                        its record (default 65 536) */
    HJTJ_LIMIT_MAX_RECORD = 2,       /* bytes in one CSV row (default 1 048 576;
                                        an XML text value is kept up to
                                        HJTJ_LIMIT_MAX_TEXT, whatever its
                                        length; libxml2 bounds a name or an
                                        attribute value at 10 MB) */
    HJTJ_LIMIT_MAX_BOENHETER = 3,    /* largest accepted boenheter (default 100 000) */
    HJTJ_LIMIT_MAX_COLUMNS = 4,      /* CSV columns (default 1 024) */
    HJTJ_LIMIT_MAX_DEPTH = 5,        /* XML nesting depth (default 64) */
    HJTJ_LIMIT_MAX_ATTRIBUTES = 6    /* attributes (namespace declarations
                                        included) in one XML start tag
                                        (default 256); counted before libxml2
                                        parses the tag, whose attribute
                                        handling is quadratic */
} hjtj_limit;

/* ------------------------------------------------------------------ */
/* Classification scheme (SPEC §4.7)                                   */
/* ------------------------------------------------------------------ */

/* The configurable parts of the classification: the samlemålgruppe sets,
 * the ASSS municipalities, the size thresholds, the boenheter bands and
 * two rule switches (hjtj_scheme_enetiltak(), hjtj_scheme_administrasjon()). */
typedef struct hjtj_scheme hjtj_scheme;

/* Create a scheme holding the built-in 2024 scheme of the report.
 * Errors: HJTJ_ERR_NOMEM, HJTJ_ERR_INVALID_ARG (out == NULL). */
HJTJ_API hjtj_status hjtj_scheme_new(hjtj_scheme **out);
HJTJ_API void hjtj_scheme_free(hjtj_scheme *scheme);
/* Replace the scheme by one read from an XML scheme file (hjtj-formats(5)),
 * validated against hjtj-skjema-1.xsd (installed with the data) and checked
 * for the rules a schema cannot say (sets that overlap, thresholds or bands
 * out of order, an element given twice).  Parts the file leaves out keep
 * their values; a rule switch it leaves out has its 2024 rule.
 * On error the scheme is unchanged and hjtj_scheme_error() has the detail
 * (file, line and column of the element, reason).
 * The name (navn) holds no control character and is kept up to 63 bytes,
 * cut at a character boundary.
 * Errors: HJTJ_ERR_IO (also: the XSD not found, or one that refers to
 * another document), HJTJ_ERR_SYNTAX, HJTJ_ERR_SCHEMA, HJTJ_ERR_DOCTYPE,
 * HJTJ_ERR_LIMIT (a start tag with more than 256 attributes, or over
 * 2 GiB), HJTJ_ERR_NOMEM. */
HJTJ_API hjtj_status hjtj_scheme_load_file(hjtj_scheme *scheme, const char *path);
HJTJ_API hjtj_status hjtj_scheme_load_memory(hjtj_scheme *scheme, const char *data,
                                             size_t len, const char *name);
HJTJ_API const hjtj_error *hjtj_scheme_error(const hjtj_scheme *scheme);
/* The scheme's name ("2024" for the built-in one). */
HJTJ_API const char *hjtj_scheme_name(const hjtj_scheme *scheme);
/* The samlemålgruppe of a set of the six main målgrupper (bits 0..5 of
 * hjtj_malgruppe); `ingen` and `annen` are handled by the caller as SPEC
 * §4.4 says.  Returns an hjtj_samlemalgruppe, or -1 for bad arguments. */
HJTJ_API int32_t hjtj_scheme_samlemalgruppe(const hjtj_scheme *scheme, uint32_t main_set);
/* Size bands for boenheter: band i covers [lower(i), lower(i+1) - 1]; the last
 * is open.  hjtj_scheme_band_of() gives -1 below the first lower bound. */
HJTJ_API int32_t hjtj_scheme_band_count(const hjtj_scheme *scheme);
HJTJ_API int64_t hjtj_scheme_band_lower(const hjtj_scheme *scheme, int32_t band);
HJTJ_API int32_t hjtj_scheme_band_of(const hjtj_scheme *scheme, int64_t boenheter);

/* The rule switches of a scheme (SPEC §4.7), attributes of a scheme file's
 * root; the built-in scheme has the 2024 rules (value 0). */
typedef enum hjtj_enetiltak_rule {
    HJTJ_ENETILTAK_MED = 0,  /* enetiltak="med" (2024): enetiltak are home care */
    HJTJ_ENETILTAK_UTEN = 1  /* enetiltak="uten" (2020): a record whose edited
                                types are enetiltak is `utenfor` */
} hjtj_enetiltak_rule;
typedef enum hjtj_administrasjon_rule {
    HJTJ_ADMINISTRASJON_2024 = 0, /* administrasjon="2024": SPEC §4.2 */
    HJTJ_ADMINISTRASJON_2020 = 1  /* administrasjon="2020": an ADM type and no
                                     barnebolig-avlastning, sykehjem or
                                     dagaktivitet is administrasjon whatever
                                     the HT types */
} hjtj_administrasjon_rule;
/* The scheme's switch (an hjtj_enetiltak_rule / hjtj_administrasjon_rule),
 * -1 for a NULL scheme. */
HJTJ_API int32_t hjtj_scheme_enetiltak(const hjtj_scheme *scheme);
HJTJ_API int32_t hjtj_scheme_administrasjon(const hjtj_scheme *scheme);
/* Set a switch.  Errors: HJTJ_ERR_INVALID_ARG (NULL scheme, unknown rule). */
HJTJ_API hjtj_status hjtj_scheme_set_enetiltak(hjtj_scheme *scheme, int32_t rule);
HJTJ_API hjtj_status hjtj_scheme_set_administrasjon(hjtj_scheme *scheme, int32_t rule);

/* ------------------------------------------------------------------ */
/* Municipality table (SPEC §3)                                         */
/* ------------------------------------------------------------------ */

typedef struct hjtj_kommuner hjtj_kommuner;

/* Create an empty municipality table.  Errors: HJTJ_ERR_NOMEM. */
HJTJ_API hjtj_status hjtj_kommuner_new(hjtj_kommuner **out);
HJTJ_API void hjtj_kommuner_free(hjtj_kommuner *kommuner);
/* Load the bundled table for 1.1.2025 (data year 2024).  It is looked up in
 * $HJTJ_DATADIR if that is set, else in the installation's data directory.
 * Errors: HJTJ_ERR_IO (not found), those of hjtj_kommuner_load_file(). */
HJTJ_API hjtj_status hjtj_kommuner_load_default(hjtj_kommuner *kommuner);
/* Replace the table by a CSV file `kommunenr;navn;innbyggere` (`,` or `;`,
 * header required, each column once).  On error the table is unchanged.
 * innbyggere is at most 10^12 (so that sums cannot overflow); a name holds
 * no NUL or control character.  The same rules hold for <kommuner> in XML.
 * Errors: HJTJ_ERR_IO, HJTJ_ERR_SYNTAX, HJTJ_ERR_SCHEMA (a column missing
 * or twice), HJTJ_ERR_KOMMUNER (bad or duplicate kommunenr, bad or too
 * large number, control character in a name), HJTJ_ERR_ENCODING,
 * HJTJ_ERR_EMPTY. */
HJTJ_API hjtj_status hjtj_kommuner_load_file(hjtj_kommuner *kommuner, const char *path);
HJTJ_API hjtj_status hjtj_kommuner_load_memory(hjtj_kommuner *kommuner, const char *data,
                                               size_t len, const char *name);
HJTJ_API const hjtj_error *hjtj_kommuner_error(const hjtj_kommuner *kommuner);
/* Number of municipalities, and the i-th in file order. */
HJTJ_API size_t hjtj_kommuner_count(const hjtj_kommuner *kommuner);
HJTJ_API const char *hjtj_kommuner_nr(const hjtj_kommuner *kommuner, size_t i);
HJTJ_API const char *hjtj_kommuner_navn(const hjtj_kommuner *kommuner, size_t i);
HJTJ_API int64_t hjtj_kommuner_innbyggere(const hjtj_kommuner *kommuner, size_t i);
/* Index of a municipality by its 4-digit number, or -1. */
HJTJ_API int64_t hjtj_kommuner_find(const hjtj_kommuner *kommuner, const char *kommunenr);
/* The size class (hjtj_kommunestorrelse) of municipality i under a scheme
 * (NULL = built-in 2024 scheme); -1 if i is out of range. */
HJTJ_API int32_t hjtj_kommuner_storrelse(const hjtj_kommuner *kommuner, size_t i,
                                         const hjtj_scheme *scheme);

/* ------------------------------------------------------------------ */
/* Register: loading records                                           */
/* ------------------------------------------------------------------ */

typedef struct hjtj_register hjtj_register;
typedef struct hjtj_record hjtj_record;
typedef struct hjtj_diag hjtj_diag;

/* A read callback: fill buf with up to len bytes, return the number written,
 * 0 at end of input, or a negative number for an error (the load then fails
 * with HJTJ_ERR_IO). */
typedef int64_t (*hjtj_read_fn)(char *buf, size_t len, void *userdata);

/* Called once for each record as it is loaded and classified (streaming use).
 * Return 0 to go on, non-zero to stop the load with HJTJ_ERR_ABORTED.  The
 * record pointer is valid during the call only if the register does not
 * keep records (hjtj_register_set_keep_records()), otherwise until the
 * register is freed.  Records reach the callback as they are read: if the
 * file later turns out to be unreadable as a whole (the load fails and keeps
 * nothing), the callback has already seen the records before the error. */
typedef int (*hjtj_record_fn)(const hjtj_record *record, void *userdata);

/* Create an empty register with the built-in scheme and the bundled
 * municipality table (loaded lazily at the first load call; if it cannot be
 * found that load fails with HJTJ_ERR_IO unless a table was set).
 * Errors: HJTJ_ERR_NOMEM, HJTJ_ERR_INVALID_ARG. */
HJTJ_API hjtj_status hjtj_register_new(hjtj_register **out);
HJTJ_API void hjtj_register_free(hjtj_register *reg);

/* Use a copy of this municipality table / scheme.  Only before the first
 * record is loaded (HJTJ_ERR_STATE afterwards).  Every hjtj_register_set_*
 * function fails with HJTJ_ERR_STATE when called during a load (from the
 * record callback). */
HJTJ_API hjtj_status hjtj_register_set_kommuner(hjtj_register *reg,
                                                const hjtj_kommuner *kommuner);
HJTJ_API hjtj_status hjtj_register_set_scheme(hjtj_register *reg, const hjtj_scheme *scheme);
/* Set a limit (0 = default).  Errors: HJTJ_ERR_INVALID_ARG. */
HJTJ_API hjtj_status hjtj_register_set_limit(hjtj_register *reg, hjtj_limit limit,
                                             uint64_t value);
HJTJ_API uint64_t hjtj_register_limit(const hjtj_register *reg, hjtj_limit limit);
/* Streaming: call fn for every loaded record.  With keep = 0 records are not
 * kept after the callback: hjtj_register_count() still counts them and every
 * table of the catalogue, and every custom table added before the load with
 * hjtj_register_add_crosstab(), can still be built (each table is a
 * declaration whose distinct keys, with their counts, accumulate as records
 * pass), but hjtj_register_record() returns NULL.  The orgnr seen are kept in a paged bitmap (at most 119 MiB)
 * so that duplicates are rejected: memory does not grow with the records. */
HJTJ_API hjtj_status hjtj_register_set_record_callback(hjtj_register *reg,
                                                       hjtj_record_fn fn, void *userdata);
/* The mode may change as long as no record has been read (a load that
 * failed or was stopped leaves none); HJTJ_ERR_STATE afterwards. */
HJTJ_API hjtj_status hjtj_register_set_keep_records(hjtj_register *reg, int keep);

/* How an XML register is checked against the format's XSD
 * (hjtj-kartlegging-1.xsd, installed with the library). */
typedef enum hjtj_xsd_mode {
    HJTJ_XSD_AUTO = 0,   /* default: the loading pass checks the schema's rules
                            itself and libxml2's validator runs as a second
                            pass only for a document those checks do not
                            accept for certain (xsi: attributes, unexpected
                            elements, attributes or text, other lexical forms
                            of a date); it then decides, with its message */
    HJTJ_XSD_ALWAYS = 1  /* libxml2's validator also runs over every document
                            (a second pass over the file: about twice the
                            time); same results, libxml2 as the arbiter */
} hjtj_xsd_mode;
/* Errors: HJTJ_ERR_INVALID_ARG (no register, or an unknown mode). */
HJTJ_API hjtj_status hjtj_register_set_xsd_mode(hjtj_register *reg, hjtj_xsd_mode mode);
HJTJ_API hjtj_xsd_mode hjtj_register_xsd_mode(const hjtj_register *reg);

/* The character encoding of CSV input.  UTF-8 is the default; Norwegian
 * Excel saves CSV in Windows-1252.  XML declares its own encoding (and must
 * be UTF-8), so this applies to CSV only; a CSV that starts with a UTF-8
 * byte-order mark is read as UTF-8 whatever is set.  A single-byte input is
 * converted to UTF-8 before it is read, keeping its lines, and every column
 * in messages counts characters of the original line (one per byte in these
 * encodings, as for UTF-8 input where a column counts characters too).  In
 * Windows-1252 the bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not characters:
 * the load fails with HJTJ_ERR_ENCODING at the first of them.  Memory stays
 * bounded: an input over 8 MiB is converted into an unlinked temporary file
 * (tmpfile(3)) that is mapped and released behind the reader like an input
 * file (in memory when no temporary file can be made). */
typedef enum hjtj_encoding {
    HJTJ_ENCODING_UTF8 = 0,
    HJTJ_ENCODING_WINDOWS_1252 = 1,
    HJTJ_ENCODING_ISO_8859_1 = 2
} hjtj_encoding;
/* "utf-8" (or "utf8"), "windows-1252" ("cp1252"), "iso-8859-1" ("latin1",
 * "latin-1", "iso8859-1"), ASCII case ignored -> the encoding; -1 if unknown. */
HJTJ_API int32_t hjtj_encoding_parse(const char *name);
/* "utf-8", "windows-1252", "iso-8859-1"; NULL for an unknown value. */
HJTJ_API const char *hjtj_encoding_name(hjtj_encoding encoding);
/* Set the encoding of the CSV inputs loaded from now on (may be changed
 * between loads).  Errors: HJTJ_ERR_INVALID_ARG (no register, unknown
 * encoding), HJTJ_ERR_STATE (during a load). */
HJTJ_API hjtj_status hjtj_register_set_encoding(hjtj_register *reg, hjtj_encoding encoding);
HJTJ_API hjtj_encoding hjtj_register_encoding(const hjtj_register *reg);

/* Load records from a file, a memory buffer or a read callback; the format
 * (XML or CSV) is detected from the content.  Records are appended, so
 * several files may be loaded into one register; orgnr must be unique
 * across them.  `name` labels a memory/callback input in diagnostics.
 *
 * Record-level problems never fail the call: the record is rejected and
 * listed (hjtj_register_reject()), the others load.  A problem with the
 * file as a whole fails the call and loads nothing from it:
 * HJTJ_ERR_IO, HJTJ_ERR_EMPTY, HJTJ_ERR_SYNTAX, HJTJ_ERR_ENCODING,
 * HJTJ_ERR_DOCTYPE, HJTJ_ERR_SCHEMA, HJTJ_ERR_KOMMUNER (bad <kommuner>),
 * HJTJ_ERR_STATE (<kommuner> after records were loaded), HJTJ_ERR_LIMIT,
 * HJTJ_ERR_ABORTED, HJTJ_ERR_NOMEM.  The detail is in hjtj_register_error().
 * A failed load leaves the register as it was: records, counts,
 * diagnostics, aargang, municipality table and scheme.  A file is read
 * into memory for the load (not mapped: a file truncated meanwhile cannot
 * crash the caller).  XML attribute values are read as XML 1.0 defines
 * them (references replaced, white space normalised).  A CSV file of 8 MiB
 * or more (HJTJ_SPLIT_MIN in the environment) loaded into a register that
 * keeps its records is read in two parts, the second checked and
 * classified on a thread of the call's own; records, rejects and record
 * callbacks still come in file order, on the calling thread (hjtj(3),
 * Threads). */
HJTJ_API hjtj_status hjtj_register_load_file(hjtj_register *reg, const char *path);
HJTJ_API hjtj_status hjtj_register_load_memory(hjtj_register *reg, const char *data,
                                               size_t len, const char *name);
HJTJ_API hjtj_status hjtj_register_load_callback(hjtj_register *reg, hjtj_read_fn fn,
                                                 void *userdata, const char *name);
HJTJ_API const hjtj_error *hjtj_register_error(const hjtj_register *reg);

/* Counts.  read = loaded + rejected always holds. */
HJTJ_API size_t hjtj_register_read_count(const hjtj_register *reg);
HJTJ_API size_t hjtj_register_count(const hjtj_register *reg);      /* loaded */
HJTJ_API size_t hjtj_register_reject_count(const hjtj_register *reg);
HJTJ_API size_t hjtj_register_warning_count(const hjtj_register *reg);
/* Loaded records in input order (NULL if i is out of range or records are
 * not kept).  Owned by the register. */
HJTJ_API const hjtj_record *hjtj_register_record(const hjtj_register *reg, size_t i);
/* The record with this orgnr, or NULL. */
HJTJ_API const hjtj_record *hjtj_register_find(const hjtj_register *reg, const char *orgnr);
/* Rejected records and warnings (e.g. unknown CSV columns), in input order. */
HJTJ_API const hjtj_diag *hjtj_register_reject(const hjtj_register *reg, size_t i);
HJTJ_API const hjtj_diag *hjtj_register_warning(const hjtj_register *reg, size_t i);
/* The municipality table and scheme the register uses (owned by it). */
HJTJ_API const hjtj_kommuner *hjtj_register_kommuner(const hjtj_register *reg);
HJTJ_API const hjtj_scheme *hjtj_register_scheme(const hjtj_register *reg);
/* The data year (`aargang` of the XML; 2024 when not given). */
HJTJ_API int32_t hjtj_register_aargang(const hjtj_register *reg);

/* ------------------------------------------------------------------ */
/* Diagnostics: rejected records and warnings                          */
/* ------------------------------------------------------------------ */

/* Why a record was rejected (or what a warning is about). */
typedef enum hjtj_reason {
    HJTJ_REASON_ORGNR = 1,            /* not 9 digits or wrong check digit */
    HJTJ_REASON_UNKNOWN_CODE = 2,     /* a code not in its code list */
    HJTJ_REASON_INGEN_WITH_OTHER = 3, /* `ingen` together with another målgruppe */
    HJTJ_REASON_BOENHETER = 4,        /* negative, non-numeric or too large */
    HJTJ_REASON_KOMMUNENR = 5,        /* not 4 digits or not in the table */
    HJTJ_REASON_DUPLICATE_ORGNR = 6,  /* orgnr seen before */
    HJTJ_REASON_MISSING_FIELD = 7,    /* a required field is missing or empty */
    HJTJ_REASON_NO_TYPE = 8,          /* active record without virksomhetstype */
    HJTJ_REASON_BAD_VALUE = 9,        /* malformed value (næringskode, 0/1 flag) */
    HJTJ_REASON_CONTROL_CHAR = 10,    /* NUL or control character in a text field */
    HJTJ_REASON_DUPLICATE_FIELD = 11, /* reserved: a duplicated XML element or CSV
                                         column fails the load (HJTJ_ERR_SCHEMA) */
    HJTJ_REASON_TOO_LONG = 12,        /* a text value over HJTJ_LIMIT_MAX_TEXT */
    HJTJ_REASON_RAGGED_ROW = 13,      /* CSV row with too many or too few fields */
    /* link files (hjtj_link(3)) */
    HJTJ_REASON_NOT_A_NUMBER = 20,    /* a linked value that is not a number */
    HJTJ_REASON_NOT_IN_REGISTER = 21, /* a link row whose orgnr is not loaded */
    HJTJ_REASON_NUMBER_RANGE = 22,    /* too many decimals, or too large */
    HJTJ_REASON_UNKNOWN_COLUMN = 100  /* warning: CSV column ignored */
} hjtj_reason;

/* A static code for a reason ("orgnr", "unknown-code", ...), NULL if unknown. */
HJTJ_API const char *hjtj_reason_code(hjtj_reason reason);

HJTJ_API hjtj_reason hjtj_diag_reason(const hjtj_diag *diag);
/* English message naming the field and value, e.g.
 * "unknown virksomhetstype 'bolig'". */
HJTJ_API const char *hjtj_diag_message(const hjtj_diag *diag);
HJTJ_API const char *hjtj_diag_file(const hjtj_diag *diag);
HJTJ_API uint64_t hjtj_diag_line(const hjtj_diag *diag);
HJTJ_API uint64_t hjtj_diag_column(const hjtj_diag *diag);
/* The record's orgnr as written in the input ("" if none). */
HJTJ_API const char *hjtj_diag_orgnr(const hjtj_diag *diag);

/* ------------------------------------------------------------------ */
/* Records                                                             */
/* ------------------------------------------------------------------ */

/* Input fields.  Strings are owned by the register; "" when absent. */
HJTJ_API const char *hjtj_record_orgnr(const hjtj_record *rec);
HJTJ_API const char *hjtj_record_kommunenr(const hjtj_record *rec);
HJTJ_API const char *hjtj_record_navn(const hjtj_record *rec);
HJTJ_API const char *hjtj_record_merknad(const hjtj_record *rec);
/* Næringskode "NN.NNN" ("" if none) and its standard ("SN2007"/"SN2025"). */
HJTJ_API const char *hjtj_record_naeringskode(const hjtj_record *rec);
HJTJ_API const char *hjtj_record_naeringskode_standard(const hjtj_record *rec);
/* 1-based line of the record in its input file, and that file's name. */
HJTJ_API uint64_t hjtj_record_line(const hjtj_record *rec);
HJTJ_API const char *hjtj_record_file(const hjtj_record *rec);
HJTJ_API int32_t hjtj_record_eierskap(const hjtj_record *rec);   /* hjtj_eierskap */
HJTJ_API int32_t hjtj_record_status(const hjtj_record *rec);     /* hjtj_virksomhet_status */
HJTJ_API int32_t hjtj_record_andre_kommuner(const hjtj_record *rec); /* 0 or 1 */
/* Code sets as bit masks (bit i = enum value i). `_given` is the set as
 * read; without it, the set after the editing rules (SPEC §4.1). */
HJTJ_API uint32_t hjtj_record_types(const hjtj_record *rec);
HJTJ_API uint32_t hjtj_record_types_given(const hjtj_record *rec);
HJTJ_API uint32_t hjtj_record_malgrupper(const hjtj_record *rec);
HJTJ_API uint32_t hjtj_record_malgrupper_given(const hjtj_record *rec);
HJTJ_API uint32_t hjtj_record_mottar_fra(const hjtj_record *rec);
HJTJ_API uint32_t hjtj_record_leverer_til(const hjtj_record *rec);
/* Boenheter as given, or -1 when not given. */
HJTJ_API int64_t hjtj_record_boenheter(const hjtj_record *rec);
/* Boenheter counted in chapter 5: the given number (0 if none) for a record
 * in the botilbud population, else 0. */
HJTJ_API int64_t hjtj_record_boenheter_counted(const hjtj_record *rec);
/* The editing rules applied to the record, as a bit mask of hjtj_edit. */
HJTJ_API uint32_t hjtj_record_edits(const hjtj_record *rec);
/* The record's class in a classification field (hjtj_field from
 * HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE on), or -1 when the field does not apply
 * (records that are not `aktiv`; ht_sammensetning of administration; the
 * categories of `utenfor`; storrelse outside the botilbud population, ...). */
HJTJ_API int32_t hjtj_record_class(const hjtj_record *rec, hjtj_field field);
/* 1 if the record belongs to the population of chapters 3–5 (aktiv, not
 * utenfor), else 0. */
HJTJ_API int32_t hjtj_record_in_population(const hjtj_record *rec);

/* ------------------------------------------------------------------ */
/* Tables (SPEC §5)                                                    */
/* ------------------------------------------------------------------ */

typedef struct hjtj_table hjtj_table;

/* The catalogue of tables the library builds, in report order. */
HJTJ_API size_t hjtj_catalog_count(void);
/* The id ("3.5", "C1") and title of the i-th table; NULL out of range. */
HJTJ_API const char *hjtj_catalog_id(size_t i);
HJTJ_API const char *hjtj_catalog_title(size_t i, hjtj_lang lang);

/* Kinds of table cells. */
typedef enum hjtj_cell_kind {
    HJTJ_CELL_EMPTY = 0,   /* nothing printed */
    HJTJ_CELL_TEXT = 1,    /* a label or mark: hjtj_table_cell_text() */
    HJTJ_CELL_COUNT = 2,   /* an exact integer count */
    HJTJ_CELL_SHARE = 3,   /* a percentage num/den; value = 100*num/den */
    HJTJ_CELL_SUM = 4,     /* an exact integer sum (boenheter, innbyggere) */
    HJTJ_CELL_MEDIAN = 5,  /* a median; exact in halves */
    /* custom tables (hjtj_crosstab(3)): */
    HJTJ_CELL_MEAN = 6,    /* a quotient num/den (a mean, or a median of
                              decimals); printed rounded half up to one
                              decimal; den 0 = empty */
    HJTJ_CELL_DECIMAL = 7  /* an exact decimal num/den, den a power of ten,
                              printed with all its decimals */
} hjtj_cell_kind;

/* Output formats (hjtj-formats(5)).  More may be added. */
typedef enum hjtj_format {
    HJTJ_FORMAT_CSV = 0,      /* header and row labels as the report's tables */
    HJTJ_FORMAT_TEXT = 1,     /* aligned text for a terminal (UTF-8) */
    HJTJ_FORMAT_JSONSTAT = 2, /* JSON-stat 2.0: a dataset; several: a collection */
    HJTJ_FORMAT_PX = 3,       /* PC-Axis, bilingual nb/en; one table per file */
    HJTJ_FORMAT_XLSX = 4,     /* Excel workbook, a worksheet per table (needs
                                 libxlsxwriter, else HJTJ_ERR_UNSUPPORTED) */
    HJTJ_FORMAT_HTML = 5      /* one self-contained HTML page: the tables, the
                                 report's figures beside the tables that hold
                                 them, a table of contents, population and
                                 notes (hjtj_figure(3)) */
} hjtj_format;

/* "csv", "text", "json-stat", "px", "xlsx", "html" -> the format; -1 if
 * unknown. */
HJTJ_API int32_t hjtj_format_parse(const char *name);
/* The format's name as hjtj_format_parse() takes it; NULL if unknown. */
HJTJ_API const char *hjtj_format_name(hjtj_format format);
/* The format of a file name's extension (.csv .txt .json .px .xlsx, any
 * case); -1 when there is none or it is not one of these. */
HJTJ_API int32_t hjtj_format_from_path(const char *path);

/* Create an empty table object.  Errors: HJTJ_ERR_NOMEM, HJTJ_ERR_INVALID_ARG. */
HJTJ_API hjtj_status hjtj_table_new(hjtj_table **out);
HJTJ_API void hjtj_table_free(hjtj_table *table);
/* Build table `id` (as in the report: "3.5", "4.19", "C1") from a loaded
 * register, replacing what the table held.  The register is only read (so
 * several threads may build tables from one register, each into its own
 * table object), and the table does not refer to it afterwards.
 * Works whether or not the register keeps its records.
 * Errors: HJTJ_ERR_NOT_FOUND (unknown id), HJTJ_ERR_NOMEM,
 * HJTJ_ERR_INVALID_ARG; the detail is in hjtj_table_error(). */
HJTJ_API hjtj_status hjtj_table_build(hjtj_table *table, const hjtj_register *reg,
                                      const char *id);
HJTJ_API const hjtj_error *hjtj_table_error(const hjtj_table *table);

HJTJ_API const char *hjtj_table_id(const hjtj_table *table);
HJTJ_API const char *hjtj_table_title(const hjtj_table *table, hjtj_lang lang);
/* The table's N: the number of units of its population (enterprises, or
 * municipalities for 1.9, 1.10, 3.19 and 3.20). */
HJTJ_API int64_t hjtj_table_n(const hjtj_table *table);
/* A sentence describing the population (English). */
HJTJ_API const char *hjtj_table_population(const hjtj_table *table);

/* Rows and columns.  Columns include the label columns at the left (their
 * cells are HJTJ_CELL_TEXT); hjtj_table_stub_count() says how many. */
HJTJ_API size_t hjtj_table_rows(const hjtj_table *table);
HJTJ_API size_t hjtj_table_cols(const hjtj_table *table);
HJTJ_API size_t hjtj_table_stub_count(const hjtj_table *table);
/* Row code (stable ASCII, e.g. "kun-boligbase", "totalt") and label. */
HJTJ_API const char *hjtj_table_row_code(const hjtj_table *table, size_t row);
HJTJ_API const char *hjtj_table_row_label(const hjtj_table *table, size_t row,
                                          hjtj_lang lang);
/* Column code (the CSV header name, e.g. "andel") and label. */
HJTJ_API const char *hjtj_table_col_code(const hjtj_table *table, size_t col);
HJTJ_API const char *hjtj_table_col_label(const hjtj_table *table, size_t col,
                                          hjtj_lang lang);

/* A value column's unit in a language ("virksomheter"/"enterprises",
 * "prosent"/"per cent", "kommuner", "boenheter", "innbyggere", ...; "" when
 * not known) and its decimals (0 counts and sums, 1 shares, means and
 * medians).  NULL / -1 for a label column or a column of text only. */
HJTJ_API const char *hjtj_table_col_unit(const hjtj_table *table, size_t col, hjtj_lang lang);
HJTJ_API int32_t hjtj_table_col_decimals(const hjtj_table *table, size_t col);
/* The population sentence in a language (hjtj_table_population() is the
 * English one), and the note on where the table differs from the printed
 * report (tests/reference/KNOWN_ISSUES.md, section E), followed, for a
 * protected table (hjtj_table_set_protect), by a sentence giving K and how
 * many cells were suppressed of each kind — the note every format writes
 * (JSON-stat note, PX NOTE, XLSX and HTML under the table); "" when none. */
HJTJ_API const char *hjtj_table_population_label(const hjtj_table *table, hjtj_lang lang);
HJTJ_API const char *hjtj_table_note(const hjtj_table *table, hjtj_lang lang);

/* Cells.  Out-of-range indices give HJTJ_CELL_EMPTY / 0 / NULL. */
HJTJ_API hjtj_cell_kind hjtj_table_cell_kind(const hjtj_table *table, size_t row, size_t col);
/* COUNT and SUM: the value; SHARE, MEAN, DECIMAL: the numerator; MEDIAN:
 * twice the median. */
HJTJ_API int64_t hjtj_table_cell_int(const hjtj_table *table, size_t row, size_t col);
/* SHARE, MEAN, DECIMAL: the denominator (0 = empty base); others: 1. */
HJTJ_API int64_t hjtj_table_cell_den(const hjtj_table *table, size_t row, size_t col);
/* The value as a double (a share in percent, unrounded); NaN for EMPTY/TEXT
 * and for a share of an empty base. */
HJTJ_API double hjtj_table_cell_value(const hjtj_table *table, size_t row, size_t col);
/* The cell as printed in CSV ("44.8", "7.5", "1529", "x", ""): shares
 * rounded half up to one decimal from the exact fraction.  Owned by the
 * table. */
HJTJ_API const char *hjtj_table_cell_text(const hjtj_table *table, size_t row, size_t col);

/* Write the table.  The writer calls fn with consecutive pieces of output;
 * a non-zero return stops it with HJTJ_ERR_ABORTED.
 * Errors: HJTJ_ERR_INVALID_ARG (unknown format), HJTJ_ERR_ABORTED,
 * HJTJ_ERR_IO (write_path), HJTJ_ERR_NOMEM. */
typedef int (*hjtj_write_fn)(const char *data, size_t len, void *userdata);
HJTJ_API hjtj_status hjtj_table_write(const hjtj_table *table, hjtj_format format,
                                      hjtj_write_fn fn, void *userdata);
HJTJ_API hjtj_status hjtj_table_write_path(const hjtj_table *table, hjtj_format format,
                                           const char *path);
/* The whole output as one NUL-terminated string; *out is freed with
 * hjtj_free(); *len (if not NULL) receives its length. */
HJTJ_API hjtj_status hjtj_table_to_string(const hjtj_table *table, hjtj_format format,
                                          char **out, size_t *len);

/* Small-count protection (SPEC §11, hjtj_protect(3)).
 *
 * hjtj_table_set_protect(table, k) with k >= 1 makes every later
 * hjtj_table_build() or hjtj_table_build_crosstab() of this table object
 * publishable (hjtj_table_build_profile() then fails with
 * HJTJ_ERR_INVALID_ARG): every count of 1..k
 * enterprises is suppressed (primary), totals included, and so is every
 * value computed from its records (share, sum, median) or with it as base;
 * then more counts (secondary) so that no suppressed count can be worked
 * out from the published cells and the table's sums: for every suppressed
 * count, the tables consistent with everything published give it at least
 * two integer values.  Zeros are published.  Along a multiple-response
 * dimension, whose cells do not add up to their total, only primary
 * suppression applies.  k = 0 turns protection off.
 * Errors: HJTJ_ERR_INVALID_ARG (no table, k < 0).
 *
 * With protection on, hjtj_table_build() fails with HJTJ_ERR_NO_COUNTS for
 * a table that has no counts of enterprises (1.9, 1.10, 3.19 and 3.20 count
 * municipalities or inhabitants).
 *
 * A suppressed cell keeps its kind (COUNT, SHARE, ...) but no value:
 * hjtj_table_cell_text() gives ":" (the symbol of SPEC §10),
 * hjtj_table_cell_int() and hjtj_table_cell_den() 0, hjtj_table_cell_value()
 * NaN, and the writers print ":".  When the table's N is a suppressed count,
 * hjtj_table_n() returns -1 and the text output leaves its N line out. */
typedef enum hjtj_suppression {
    HJTJ_SUPPRESSED_NONE = 0,      /* published */
    HJTJ_SUPPRESSED_PRIMARY = 1,   /* a count of 1..k, or computed from one */
    HJTJ_SUPPRESSED_SECONDARY = 2  /* suppressed so the primary ones cannot be
                                      worked out, or computed from one */
} hjtj_suppression;

HJTJ_API hjtj_status hjtj_table_set_protect(hjtj_table *table, int64_t k);
/* The level set (0: off). */
HJTJ_API int64_t hjtj_table_protect(const hjtj_table *table);
/* Whether a cell is suppressed, and why (NONE out of range). */
HJTJ_API hjtj_suppression hjtj_table_cell_suppressed(const hjtj_table *table, size_t row,
                                                      size_t col);
/* How many cells of the built table are suppressed of the kind (PRIMARY or
 * SECONDARY; 0 for other values). */
HJTJ_API size_t hjtj_table_suppressed_count(const hjtj_table *table, hjtj_suppression kind);
/* The same in a language for titles, labels, units and notes (the three
 * above write Norwegian).  CSV keeps the codes whatever the language.
 * Errors also: HJTJ_ERR_UNSUPPORTED (XLSX without libxlsxwriter); the
 * detail is in hjtj_table_error(). */
HJTJ_API hjtj_status hjtj_table_write_lang(const hjtj_table *table, hjtj_format format,
                                           hjtj_lang lang, hjtj_write_fn fn, void *userdata);
HJTJ_API hjtj_status hjtj_table_write_path_lang(const hjtj_table *table, hjtj_format format,
                                                hjtj_lang lang, const char *path);
HJTJ_API hjtj_status hjtj_table_to_string_lang(const hjtj_table *table, hjtj_format format,
                                               hjtj_lang lang, char **out, size_t *len);

/* ------------------------------------------------------------------ */
/* Writing several tables into one publication                        */
/* ------------------------------------------------------------------ */

/* A writer collects tables and writes them as one output: CSV one after
 * the other ("# Tabell ID" before each), text separated by blank lines,
 * JSON-stat a collection of datasets (one table: a dataset), XLSX one
 * workbook with a worksheet per table, PX a directory with one file per
 * table (PX holds one table per file).  Each table is rendered when added,
 * so the table object may be rebuilt or freed afterwards. */
typedef struct hjtj_writer hjtj_writer;

/* Errors: HJTJ_ERR_INVALID_ARG (unknown format or language), HJTJ_ERR_NOMEM. */
HJTJ_API hjtj_status hjtj_writer_new(hjtj_writer **out, hjtj_format format, hjtj_lang lang);
HJTJ_API void hjtj_writer_free(hjtj_writer *writer);
HJTJ_API const hjtj_error *hjtj_writer_error(const hjtj_writer *writer);
/* The time written as JSON-stat `updated`, PX CREATION-DATE/LAST-UPDATED:
 * ISO 8601 ("2026-03-01T12:00:00Z").  By default SOURCE_DATE_EPOCH when it
 * is set (reproducible output), else the time of hjtj_writer_new().  Set it
 * before adding tables.  Errors: HJTJ_ERR_INVALID_ARG, HJTJ_ERR_STATE. */
HJTJ_API hjtj_status hjtj_writer_set_updated(hjtj_writer *writer, const char *iso8601);
/* Add a table.  Errors: HJTJ_ERR_INVALID_ARG (no or empty table),
 * HJTJ_ERR_STATE (finished), HJTJ_ERR_UNSUPPORTED (XLSX without
 * libxlsxwriter), HJTJ_ERR_IO (XLSX temporary file), HJTJ_ERR_NOMEM. */
HJTJ_API hjtj_status hjtj_writer_add(hjtj_writer *writer, const hjtj_table *table);
HJTJ_API size_t hjtj_writer_count(const hjtj_writer *writer);
/* Write everything, once.  To a callback (as hjtj_table_write(); several
 * PX tables: HJTJ_ERR_INVALID_ARG), or to a path: for PX with several
 * tables, or when path is a directory, path is a directory (made if
 * missing) receiving tabell_<ID>.px per table (3.5 -> tabell_3_5.px).
 * Errors: HJTJ_ERR_STATE (no table, or finished), HJTJ_ERR_IO,
 * HJTJ_ERR_ABORTED, HJTJ_ERR_INVALID_ARG, HJTJ_ERR_NOMEM. */
HJTJ_API hjtj_status hjtj_writer_finish(hjtj_writer *writer, hjtj_write_fn fn,
                                        void *userdata);
HJTJ_API hjtj_status hjtj_writer_finish_path(hjtj_writer *writer, const char *path);

/* ------------------------------------------------------------------ */
/* Figures (SVG)                                                       */
/* ------------------------------------------------------------------ */

/* The report's figures whose data a table holds, in report order:
 * 3.3 (table 3.5), 3.4 (3.23), 4.1 (4.10), 4.2 (4.11), 5.1 (5.3). */
HJTJ_API size_t hjtj_figure_count(void);
/* The figure's id ("3.3"), title and the id of the table it is drawn from;
 * NULL when i is out of range.  Static storage. */
HJTJ_API const char *hjtj_figure_id(size_t i);
HJTJ_API const char *hjtj_figure_title(size_t i, hjtj_lang lang);
HJTJ_API const char *hjtj_figure_table(size_t i);

/* Write a figure of a built table as a standalone SVG 1.1 document (UTF-8):
 * figure_id names a report figure drawn from this table ("3.3" from table
 * 3.5); NULL or "" draws a bar chart of the table itself (its share columns
 * if it has any, else its other numeric columns, at most 12 series; the
 * total row is left out).  Horizontal bars with their values as text, the
 * title, N, axis label, legend and source line in the language; every bar
 * carries data-row, data-col and data-value (the cell as CSV prints it).  A
 * suppressed cell (":") is an empty dashed box marked ':', never a zero bar.
 * Errors: HJTJ_ERR_NOT_FOUND (no such figure), HJTJ_ERR_INVALID_ARG (no
 * table, unknown language, a figure of another table, a table with no
 * numeric column), HJTJ_ERR_ABORTED, HJTJ_ERR_IO (write_path), HJTJ_ERR_NOMEM;
 * the detail is in hjtj_table_error(). */
HJTJ_API hjtj_status hjtj_figure_write(const hjtj_table *table, const char *figure_id,
                                       hjtj_lang lang, hjtj_write_fn fn, void *userdata);
HJTJ_API hjtj_status hjtj_figure_write_path(const hjtj_table *table, const char *figure_id,
                                            hjtj_lang lang, const char *path);
/* The SVG as one NUL-terminated string; *out is freed with hjtj_free(). */
HJTJ_API hjtj_status hjtj_figure_to_string(const hjtj_table *table, const char *figure_id,
                                           hjtj_lang lang, char **out, size_t *len);

/* ------------------------------------------------------------------ */
/* HTML page                                                           */
/* ------------------------------------------------------------------ */

/* One self-contained HTML page (inline CSS and SVG; no script and nothing
 * loaded from outside) with a table of contents and, for every table added,
 * the table (<caption>, <th scope>), the report's figures drawn from it, its
 * population sentence, the note where the library deviates from the printed
 * report (its KNOWN_ISSUES) and source line; `lang` set
 * on <html>; a print style.  Each table is rendered when it is added, so
 * the table object may be rebuilt or freed afterwards. */
typedef struct hjtj_html hjtj_html;

/* Errors: HJTJ_ERR_INVALID_ARG (out == NULL, unknown language), HJTJ_ERR_NOMEM. */
HJTJ_API hjtj_status hjtj_html_new(hjtj_html **out, hjtj_lang lang);
HJTJ_API void hjtj_html_free(hjtj_html *page);
/* Add a built table.  bar_chart != 0: a table that is not the data of a
 * report figure gets a bar chart (as hjtj_figure_write() with NULL) when it
 * has numeric columns.  Errors: HJTJ_ERR_INVALID_ARG (no page, no or empty
 * table), HJTJ_ERR_NOMEM; the detail is in hjtj_html_error(). */
HJTJ_API hjtj_status hjtj_html_add_table(hjtj_html *page, const hjtj_table *table,
                                         int32_t bar_chart);
/* The number of tables added. */
HJTJ_API size_t hjtj_html_table_count(const hjtj_html *page);
/* Write the page, as hjtj_table_write() and friends do. */
HJTJ_API hjtj_status hjtj_html_write(const hjtj_html *page, hjtj_write_fn fn, void *userdata);
HJTJ_API hjtj_status hjtj_html_write_path(const hjtj_html *page, const char *path);
HJTJ_API hjtj_status hjtj_html_to_string(const hjtj_html *page, char **out, size_t *len);
HJTJ_API const hjtj_error *hjtj_html_error(const hjtj_html *page);

/* ------------------------------------------------------------------ */
/* Data-quality checks for the editing round (SPEC §12)                 */
/* ------------------------------------------------------------------ */

/* The checks: a check is a question for the municipality, never a reject.
 * Types and målgrupper are those after the editing rules unless a check
 * says "given"; see hjtj_checks(3) for the exact rules. */
typedef enum hjtj_check {
    HJTJ_CHECK_EN_BOENHET = 0,               /* "en-boenhet" */
    HJTJ_CHECK_INGEN_MALGRUPPE = 1,          /* "ingen-malgruppe" */
    HJTJ_CHECK_ENETILTAK_MED_ANDRE = 2,      /* "enetiltak-med-andre" */
    HJTJ_CHECK_BOENHETER_UTEN_BOLIGBASE = 3, /* "boenheter-uten-boligbase" */
    HJTJ_CHECK_MANGE_BOENHETER = 4,          /* "mange-boenheter" */
    HJTJ_CHECK_BOFELLESSKAP_UTEN_BOLIGBASE = 5, /* "bofellesskap-uten-boligbase" */
    HJTJ_CHECK_HJEMMESYKEPLEIE_UTEN_AMB_HELSE = 6, /* "hjemmesykepleie-uten-amb-helse" */
    HJTJ_CHECK_HJEMMEHJELP_UTEN_AMB_PRAKTISK = 7,  /* "hjemmehjelp-uten-amb-praktisk" */
    HJTJ_CHECK_SN2025_KODE = 8,              /* "sn2025-kode" */
    HJTJ_CHECK_MANGLER_NAERINGSKODE = 9,     /* "mangler-naeringskode" */
    HJTJ_CHECK_AKTIV_UTENFOR = 10,           /* "aktiv-utenfor" */
    HJTJ_CHECK_SAMME_NAVN = 11               /* "samme-navn" */
} hjtj_check;

/* The number of checks (12); values are 0 .. hjtj_check_kinds() - 1. */
HJTJ_API int32_t hjtj_check_kinds(void);
/* The check's stable code ("en-boenhet"), NULL when out of range. */
HJTJ_API const char *hjtj_check_code(hjtj_check check);
/* A one-line description (Norwegian or English), NULL when out of range. */
HJTJ_API const char *hjtj_check_description(hjtj_check check, hjtj_lang lang);
/* The check of a code, or -1. */
HJTJ_API int32_t hjtj_check_parse(const char *code);

/* The checks a register's records trip ("hits"), in input order (the
 * register's record order: file by file, line by line), and within a
 * record in hjtj_check order. */
typedef struct hjtj_checks hjtj_checks;

/* Errors: HJTJ_ERR_NOMEM, HJTJ_ERR_INVALID_ARG. */
HJTJ_API hjtj_status hjtj_checks_new(hjtj_checks **out);
HJTJ_API void hjtj_checks_free(hjtj_checks *checks);
/* Run every check over the loaded records of reg, replacing what the object
 * held.  The object does not refer to reg afterwards.
 * Errors: HJTJ_ERR_STATE (reg does not keep its records, or is being
 * loaded), HJTJ_ERR_INVALID_ARG, HJTJ_ERR_NOMEM; detail in hjtj_checks_error(). */
HJTJ_API hjtj_status hjtj_checks_run(hjtj_checks *checks, const hjtj_register *reg);
HJTJ_API const hjtj_error *hjtj_checks_error(const hjtj_checks *checks);
/* Number of hits, and the number of records that trip one check. */
HJTJ_API size_t hjtj_checks_count(const hjtj_checks *checks);
HJTJ_API size_t hjtj_checks_total(const hjtj_checks *checks, hjtj_check check);
/* Hit i: its check (hjtj_check; -1 out of range), the record's index in the
 * register (SIZE_MAX out of range), file, line and orgnr (NULL / 0 out of
 * range; strings owned by the checks object). */
HJTJ_API int32_t hjtj_checks_check(const hjtj_checks *checks, size_t i);
HJTJ_API size_t hjtj_checks_record_index(const hjtj_checks *checks, size_t i);
HJTJ_API const char *hjtj_checks_file(const hjtj_checks *checks, size_t i);
HJTJ_API uint64_t hjtj_checks_line(const hjtj_checks *checks, size_t i);
HJTJ_API const char *hjtj_checks_orgnr(const hjtj_checks *checks, size_t i);
/* The message of hit i (the values that tripped it), made on the first
 * request and kept by the object until the next run or free; NULL out of
 * range, "" if it could not be made (out of memory).  Like every call on
 * the object, not from two threads at once. */
HJTJ_API const char *hjtj_checks_message(const hjtj_checks *checks, size_t i, hjtj_lang lang);

/* ------------------------------------------------------------------ */
/* Linked variables (hjtj_link(3), SPEC §9)                            */
/* ------------------------------------------------------------------ */

/* Numeric columns of another register joined to the records by orgnr: a
 * CSV (`,` or `;`; with `;` a decimal comma is allowed) with a column
 * `orgnr` and one or more numeric columns; an empty cell is a missing
 * value.  Values are exact decimals: at most 6 decimals and 12 integer
 * digits.  A problem row (bad orgnr, duplicate orgnr, a value that is not a
 * number or out of range, a ragged row) is listed as a diagnostic with
 * file, line and reason and left out; the rest is used. */
typedef struct hjtj_link hjtj_link;

/* Errors: HJTJ_ERR_NOMEM, HJTJ_ERR_INVALID_ARG. */
HJTJ_API hjtj_status hjtj_link_new(hjtj_link **out);
HJTJ_API void hjtj_link_free(hjtj_link *link);
/* Replace the link's contents by a file / memory buffer.  Errors (the link
 * is then empty): HJTJ_ERR_IO, HJTJ_ERR_EMPTY, HJTJ_ERR_SYNTAX,
 * HJTJ_ERR_ENCODING, HJTJ_ERR_SCHEMA (no `orgnr` column, no other column,
 * a duplicate column name), HJTJ_ERR_LIMIT, HJTJ_ERR_NOMEM. */
/* The encoding of the link files this object loads next (CSV; default
 * UTF-8; a file starting with a UTF-8 byte-order mark is UTF-8 whatever is
 * set), as hjtj_register_set_encoding(): Norwegian Excel saves
 * Windows-1252.  Errors: HJTJ_ERR_INVALID_ARG (no link, unknown encoding). */
HJTJ_API hjtj_status hjtj_link_set_encoding(hjtj_link *link, hjtj_encoding encoding);
HJTJ_API hjtj_encoding hjtj_link_encoding(const hjtj_link *link);
HJTJ_API hjtj_status hjtj_link_load_file(hjtj_link *link, const char *path);
HJTJ_API hjtj_status hjtj_link_load_memory(hjtj_link *link, const char *data, size_t len,
                                           const char *name);
HJTJ_API const hjtj_error *hjtj_link_error(const hjtj_link *link);
/* The variables: the numeric columns in file order. */
HJTJ_API size_t hjtj_link_var_count(const hjtj_link *link);
HJTJ_API const char *hjtj_link_var_name(const hjtj_link *link, size_t i);
/* Report the rows whose orgnr is not in the register (HJTJ_REASON_NOT_IN_REGISTER),
 * replacing the result of an earlier match.  Works on a streaming register
 * (after its load).  Errors: HJTJ_ERR_INVALID_ARG, HJTJ_ERR_NOMEM. */
HJTJ_API hjtj_status hjtj_link_match(hjtj_link *link, const hjtj_register *reg);
/* Data rows read = rows used + problem rows. */
HJTJ_API size_t hjtj_link_read_count(const hjtj_link *link);
HJTJ_API size_t hjtj_link_used_count(const hjtj_link *link);
HJTJ_API size_t hjtj_link_problem_count(const hjtj_link *link);
/* The i-th problem row, in line order (read with the hjtj_diag_* accessors;
 * owned by the link).  NULL out of range. */
HJTJ_API const hjtj_diag *hjtj_link_problem(const hjtj_link *link, size_t i);

/* ------------------------------------------------------------------ */
/* Custom tables (hjtj_crosstab(3), SPEC §9)                           */
/* ------------------------------------------------------------------ */

/* A declaration: population, filters, a row dimension, an optional column
 * dimension and a measure.  Built into an hjtj_table with
 * hjtj_table_build_crosstab().  Setters check their argument at once: an
 * unknown name or code gives HJTJ_ERR_NOT_FOUND with a message listing the
 * valid ones (hjtj_crosstab_error()), and leaves the declaration unchanged. */
typedef struct hjtj_crosstab hjtj_crosstab;

typedef enum hjtj_population {
    HJTJ_POPULATION_POPULASJON = 0, /* status aktiv, not utenfor (chapters 3–5) */
    HJTJ_POPULATION_AKTIV = 1,      /* status aktiv, utenfor included */
    HJTJ_POPULATION_ALLE = 2        /* every loaded record */
} hjtj_population;

typedef enum hjtj_measure {
    HJTJ_MEASURE_ANTALL = 0,        /* enterprises */
    HJTJ_MEASURE_ANDEL_RAD = 1,     /* percent of the row total */
    HJTJ_MEASURE_ANDEL_KOLONNE = 2, /* percent of the column total */
    HJTJ_MEASURE_ANDEL_TOTAL = 3,   /* percent of the grand total */
    HJTJ_MEASURE_SUM = 4,           /* sum of a variable */
    HJTJ_MEASURE_GJENNOMSNITT = 5,  /* mean of a variable */
    HJTJ_MEASURE_MEDIAN = 6         /* median of a variable */
} hjtj_measure;

/* A new declaration: rows kategori, no columns, population populasjon,
 * measure antall.  Errors: HJTJ_ERR_NOMEM, HJTJ_ERR_INVALID_ARG. */
HJTJ_API hjtj_status hjtj_crosstab_new(hjtj_crosstab **out);
HJTJ_API void hjtj_crosstab_free(hjtj_crosstab *ct);
HJTJ_API const hjtj_error *hjtj_crosstab_error(const hjtj_crosstab *ct);
/* The dimensions by name: a field name of hjtj_field_name() ("kategori",
 * "malgruppe", "kommune", "fylke", "landet", ...).  hjtj_crosstab_set_cols()
 * with NULL or "" removes the column dimension. */
HJTJ_API hjtj_status hjtj_crosstab_set_rows(hjtj_crosstab *ct, const char *field);
HJTJ_API hjtj_status hjtj_crosstab_set_cols(hjtj_crosstab *ct, const char *field);
/* The dimension names, for listings: i = 0, 1, ... until NULL. */
HJTJ_API const char *hjtj_crosstab_dimension_name(size_t i);
/* Keep the records with one of the codes (comma-separated) in the field;
 * several calls combine with AND.  A multiple-response field keeps the
 * records with at least one of the codes.  Codes of `kommune` (4 digits),
 * `fylke` (2 digits) and `naeringskode` (NN.NNN or `uoppgitt`) are checked
 * for their form here and against the register at build time. */
HJTJ_API hjtj_status hjtj_crosstab_add_where(hjtj_crosstab *ct, const char *field,
                                             const char *codes);
HJTJ_API hjtj_status hjtj_crosstab_clear_where(hjtj_crosstab *ct);
/* "populasjon", "aktiv" or "alle". */
HJTJ_API hjtj_status hjtj_crosstab_set_population(hjtj_crosstab *ct, const char *population);
/* "antall", "andel-rad", "andel-kolonne", "andel-total", "sum:VAR",
 * "gjennomsnitt:VAR", "median:VAR"; VAR is `boenheter` (the records of the
 * botilbud population) or a variable of the attached link. */
HJTJ_API hjtj_status hjtj_crosstab_set_measure(hjtj_crosstab *ct, const char *measure);
/* Attach a link (NULL detaches).  The crosstab does not copy it: the link
 * must stay alive and unloaded-again while the crosstab, or a register it
 * was added to, uses it.  A measure's variable is checked against the link
 * when both are set (HJTJ_ERR_NOT_FOUND listing the link's variables). */
HJTJ_API hjtj_status hjtj_crosstab_set_link(hjtj_crosstab *ct, const hjtj_link *link);
/* Streaming: make the register fill this declaration as records load, so
 * that it can be built without kept records.  Call before the first load
 * (HJTJ_ERR_STATE afterwards); the register keeps a copy of the
 * declaration (not of its link).  On a register that keeps its records
 * this does nothing.  Errors: HJTJ_ERR_STATE, HJTJ_ERR_NOMEM,
 * HJTJ_ERR_INVALID_ARG. */
HJTJ_API hjtj_status hjtj_register_add_crosstab(hjtj_register *reg, const hjtj_crosstab *ct);
/* Build the custom table.  Rows: the row dimension's classes, then
 * "totalt"; columns: the row field's name (stub, class codes), the column
 * classes, "totalt".  Errors: HJTJ_ERR_NOT_FOUND (a where code not in the
 * register's municipality table), HJTJ_ERR_STATE (a streaming register
 * to which the declaration was not added before the load; a linked
 * measure without a link), HJTJ_ERR_OVERFLOW, HJTJ_ERR_NOMEM. */
HJTJ_API hjtj_status hjtj_table_build_crosstab(hjtj_table *table, const hjtj_register *reg,
                                               const hjtj_crosstab *ct);
/* A municipality's profile: kategori, samlemalgruppe, eierskap (counts and
 * shares) and boenheter (sum, mean, median) of the municipality beside its
 * size class and the whole country (hjtj-report(1) shows the layout).
 * Needs kept records.  Errors: HJTJ_ERR_NOT_FOUND (no such kommunenr),
 * HJTJ_ERR_STATE, HJTJ_ERR_NOMEM. */
HJTJ_API hjtj_status hjtj_table_build_profile(hjtj_table *table, const hjtj_register *reg,
                                              const char *kommunenr);

#ifdef __cplusplus
}
#endif

#endif /* HJTJ_H */
