/* hjtj_r.c - .Call entry points of the R package hjtj (binding of libhjtj).
 *
 * Rules kept here:
 *  - Every C object of the library is owned by an R external pointer with a
 *    finalizer from the moment it exists, so an R error (an allocation
 *    failure longjmps) can never leak it; objects needed only during a call
 *    are freed explicitly before returning.
 *  - No R error is raised while a library call is in progress, and the
 *    library never calls back into R (no callbacks are used).  Failures of
 *    the library are returned to R as a list (ok = FALSE, status, message,
 *    file, line, column) after the C resources have been released; the R
 *    code turns that list into an "hjtj_error" condition.
 *  - Nothing is printed; strings are returned marked as UTF-8.
 */
#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>

#include <hjtj.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static SEXP mkutf8(const char *s)
{
    return Rf_mkCharCE(s ? s : "", CE_UTF8);
}

static SEXP str1(const char *s)
{
    SEXP x = PROTECT(Rf_allocVector(STRSXP, 1));
    SET_STRING_ELT(x, 0, mkutf8(s));
    UNPROTECT(1);
    return x;
}

/* A named list from parallel arrays of names and (protected) values. */
static SEXP named_list(int n, const char **names, SEXP *values)
{
    SEXP out = PROTECT(Rf_allocVector(VECSXP, n));
    SEXP nm = PROTECT(Rf_allocVector(STRSXP, n));
    int i;
    for (i = 0; i < n; i++) {
        SET_VECTOR_ELT(out, i, values[i]);
        SET_STRING_ELT(nm, i, Rf_mkChar(names[i]));
    }
    Rf_setAttrib(out, R_NamesSymbol, nm);
    UNPROTECT(2);
    return out;
}

/* The error of a failed call as list(ok = FALSE, status, message, file,
 * line, column).  Built while the failed object still exists: it is owned
 * by an external pointer, so an allocation failure here cannot leak it. */
static SEXP error_list(const hjtj_error *e, hjtj_status st)
{
    static const char *names[] = {"ok", "status", "message", "file", "line", "column",
                                  "description"};
    SEXP v[7];
    hjtj_status s = e && hjtj_error_status(e) != HJTJ_OK ? hjtj_error_status(e) : st;
    const char *msg = e ? hjtj_error_message(e) : "";
    SEXP out;
    v[0] = PROTECT(Rf_ScalarLogical(FALSE));
    v[1] = PROTECT(Rf_ScalarInteger((int)s));
    v[2] = PROTECT(str1(msg && *msg ? msg : hjtj_strerror(s)));
    v[3] = PROTECT(str1(e ? hjtj_error_file(e) : ""));
    v[4] = PROTECT(Rf_ScalarReal(e ? (double)hjtj_error_line(e) : 0.0));
    v[5] = PROTECT(Rf_ScalarReal(e ? (double)hjtj_error_column(e) : 0.0));
    v[6] = PROTECT(str1(hjtj_strerror(s)));
    out = named_list(7, names, v);
    UNPROTECT(7);
    return out;
}

/* An error that has no object (e.g. the object could not be created). */
static SEXP status_list(hjtj_status st, const char *msg)
{
    SEXP out;
    out = PROTECT(error_list(NULL, st));
    SET_VECTOR_ELT(out, 2, str1(msg));
    UNPROTECT(1);
    return out;
}

/* ------------------------------------------------------------------ */
/* External pointers                                                    */
/* ------------------------------------------------------------------ */

static SEXP tag_register, tag_kommuner, tag_table, tag_string, tag_scheme, tag_checks,
    tag_crosstab, tag_link;

/* A count, line or column as an R integer (NA beyond R's integers). */
static int r_int(uint64_t v)
{
    return v > (uint64_t)INT_MAX ? NA_INTEGER : (int)v;
}


static void register_finalizer(SEXP p)
{
    hjtj_register *r = (hjtj_register *)R_ExternalPtrAddr(p);
    if (r != NULL) {
        R_ClearExternalPtr(p);
        hjtj_register_free(r);
    }
}

static void kommuner_finalizer(SEXP p)
{
    hjtj_kommuner *k = (hjtj_kommuner *)R_ExternalPtrAddr(p);
    if (k != NULL) {
        R_ClearExternalPtr(p);
        hjtj_kommuner_free(k);
    }
}

static void scheme_finalizer(SEXP p)
{
    hjtj_scheme *s = (hjtj_scheme *)R_ExternalPtrAddr(p);
    if (s != NULL) {
        R_ClearExternalPtr(p);
        hjtj_scheme_free(s);
    }
}

static void checks_finalizer(SEXP p)
{
    hjtj_checks *c = (hjtj_checks *)R_ExternalPtrAddr(p);
    if (c != NULL) {
        R_ClearExternalPtr(p);
        hjtj_checks_free(c);
    }
}

static void table_finalizer(SEXP p)
{
    hjtj_table *t = (hjtj_table *)R_ExternalPtrAddr(p);
    if (t != NULL) {
        R_ClearExternalPtr(p);
        hjtj_table_free(t);
    }
}

static void crosstab_finalizer(SEXP p)
{
    hjtj_crosstab *c = (hjtj_crosstab *)R_ExternalPtrAddr(p);
    if (c != NULL) {
        R_ClearExternalPtr(p);
        hjtj_crosstab_free(c);
    }
}

static void link_finalizer(SEXP p)
{
    hjtj_link *l = (hjtj_link *)R_ExternalPtrAddr(p);
    if (l != NULL) {
        R_ClearExternalPtr(p);
        hjtj_link_free(l);
    }
}

static void string_finalizer(SEXP p)
{
    void *s = R_ExternalPtrAddr(p);
    if (s != NULL) {
        R_ClearExternalPtr(p);
        hjtj_free(s);
    }
}

static SEXP new_xptr(SEXP tag, R_CFinalizer_t fin)
{
    SEXP p = PROTECT(R_MakeExternalPtr(NULL, tag, R_NilValue));
    R_RegisterCFinalizerEx(p, fin, TRUE);
    UNPROTECT(1);
    return p;
}

static const hjtj_register *get_register(SEXP p)
{
    const hjtj_register *r;
    if (TYPEOF(p) != EXTPTRSXP || R_ExternalPtrTag(p) != tag_register)
        Rf_error("not an hjtj register (use hjtj_load())");
    r = (const hjtj_register *)R_ExternalPtrAddr(p);
    if (r == NULL)
        Rf_error("the hjtj register has been released (e.g. saved and reloaded)");
    return r;
}

/* ------------------------------------------------------------------ */
/* Version, catalogue                                                   */
/* ------------------------------------------------------------------ */

static SEXP r_version(void)
{
    return str1(hjtj_version());
}

static SEXP r_catalog(SEXP lang)
{
    static const char *names[] = {"id", "title"};
    hjtj_lang lg = Rf_asInteger(lang) == 1 ? HJTJ_LANG_EN : HJTJ_LANG_NB;
    size_t i, n = hjtj_catalog_count();
    SEXP v[2], out;
    v[0] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    v[1] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    for (i = 0; i < n; i++) {
        SET_STRING_ELT(v[0], (R_xlen_t)i, mkutf8(hjtj_catalog_id(i)));
        SET_STRING_ELT(v[1], (R_xlen_t)i, mkutf8(hjtj_catalog_title(i, lg)));
    }
    out = named_list(2, names, v);
    UNPROTECT(2);
    return out;
}

/* ------------------------------------------------------------------ */
/* Loading                                                              */
/* ------------------------------------------------------------------ */

/* src is a path (character) or the data (raw).  Returns list(ok = TRUE,
 * register = <external pointer>) or an error list. */
/* Give reg the scheme file `scheme` (a file name or a raw vector): NULL
 * when it is set, else the error list (unprotected, to be returned). */
static SEXP set_scheme(hjtj_register *reg, SEXP scheme)
{
    hjtj_scheme *sc = NULL;
    hjtj_status st;
    SEXP ps = PROTECT(new_xptr(tag_scheme, scheme_finalizer)), out;
    st = hjtj_scheme_new(&sc);
    if (st != HJTJ_OK) {
        UNPROTECT(1);
        return status_list(st, "cannot create a scheme");
    }
    R_SetExternalPtrAddr(ps, sc);
    if (TYPEOF(scheme) == RAWSXP)
        st = hjtj_scheme_load_memory(sc, (const char *)RAW(scheme), (size_t)XLENGTH(scheme),
                                     "<scheme>");
    else
        st = hjtj_scheme_load_file(sc,
                                   R_ExpandFileName(Rf_translateChar(STRING_ELT(scheme, 0))));
    if (st != HJTJ_OK) {
        out = error_list(hjtj_scheme_error(sc), st);
        UNPROTECT(1);
        return out; /* the scheme goes with its finalizer */
    }
    st = hjtj_register_set_scheme(reg, sc);
    R_ClearExternalPtr(ps);
    hjtj_scheme_free(sc);
    UNPROTECT(1);
    return st == HJTJ_OK ? NULL : error_list(hjtj_register_error(reg), st);
}

static SEXP r_load(SEXP src, SEXP kommuner, SEXP name, SEXP scheme, SEXP encoding)
{
    static const char *names[] = {"ok", "register"};
    hjtj_register *reg = NULL;
    hjtj_status st;
    const char *nm = NULL;
    SEXP preg, v[2], out;

    if (!Rf_isNull(name)) {
        if (!Rf_isString(name) || XLENGTH(name) != 1 || STRING_ELT(name, 0) == NA_STRING)
            Rf_error("'name' must be a single string");
        nm = Rf_translateCharUTF8(STRING_ELT(name, 0));
    }
    if (!(TYPEOF(src) == RAWSXP ||
          (Rf_isString(src) && XLENGTH(src) == 1 && STRING_ELT(src, 0) != NA_STRING)))
        Rf_error("'path' must be a single file name or a raw vector");
    if (!(Rf_isNull(kommuner) || TYPEOF(kommuner) == RAWSXP ||
          (Rf_isString(kommuner) && XLENGTH(kommuner) == 1 &&
           STRING_ELT(kommuner, 0) != NA_STRING)))
        Rf_error("'kommuner' must be NULL, a single file name or a raw vector");
    if (!(Rf_isNull(scheme) || TYPEOF(scheme) == RAWSXP ||
          (Rf_isString(scheme) && XLENGTH(scheme) == 1 && STRING_ELT(scheme, 0) != NA_STRING)))
        Rf_error("'scheme' must be NULL, a single file name or a raw vector");
    if (!Rf_isString(encoding) || XLENGTH(encoding) != 1 || STRING_ELT(encoding, 0) == NA_STRING ||
        hjtj_encoding_parse(CHAR(STRING_ELT(encoding, 0))) < 0)
        Rf_error("'encoding' must be \"utf-8\", \"windows-1252\" or \"iso-8859-1\"");

    preg = PROTECT(new_xptr(tag_register, register_finalizer));
    st = hjtj_register_new(&reg);
    if (st != HJTJ_OK) {
        UNPROTECT(1);
        return status_list(st, "cannot create a register");
    }
    R_SetExternalPtrAddr(preg, reg);

    if (!Rf_isNull(kommuner)) {
        hjtj_kommuner *k = NULL;
        SEXP pk = PROTECT(new_xptr(tag_kommuner, kommuner_finalizer));
        st = hjtj_kommuner_new(&k);
        if (st != HJTJ_OK) {
            UNPROTECT(2);
            return status_list(st, "cannot create a municipality table");
        }
        R_SetExternalPtrAddr(pk, k);
        if (TYPEOF(kommuner) == RAWSXP)
            st = hjtj_kommuner_load_memory(k, (const char *)RAW(kommuner),
                                           (size_t)XLENGTH(kommuner), "<kommuner>");
        else
            st = hjtj_kommuner_load_file(
                k, R_ExpandFileName(Rf_translateChar(STRING_ELT(kommuner, 0))));
        if (st != HJTJ_OK) {
            out = error_list(hjtj_kommuner_error(k), st);
            UNPROTECT(2);
            return out; /* both objects are released by their finalizers */
        }
        st = hjtj_register_set_kommuner(reg, k);
        R_ClearExternalPtr(pk);
        hjtj_kommuner_free(k);
        UNPROTECT(1);
        if (st != HJTJ_OK) {
            out = error_list(hjtj_register_error(reg), st);
            UNPROTECT(1);
            return out;
        }
    }

    if (!Rf_isNull(scheme)) {
        out = set_scheme(reg, scheme);
        if (out != NULL) {
            UNPROTECT(1);
            return out; /* the register goes with its finalizer */
        }
    }
    st = hjtj_register_set_encoding(
        reg, (hjtj_encoding)hjtj_encoding_parse(CHAR(STRING_ELT(encoding, 0))));
    if (st != HJTJ_OK) {
        out = error_list(hjtj_register_error(reg), st);
        UNPROTECT(1);
        return out;
    }

    if (TYPEOF(src) == RAWSXP)
        st = hjtj_register_load_memory(reg, (const char *)RAW(src), (size_t)XLENGTH(src),
                                       nm ? nm : "<raw>");
    else
        st = hjtj_register_load_file(reg, R_ExpandFileName(Rf_translateChar(STRING_ELT(src, 0))));
    if (st != HJTJ_OK) {
        PROTECT(out = error_list(hjtj_register_error(reg), st));
        R_ClearExternalPtr(preg);
        hjtj_register_free(reg);
        UNPROTECT(2);
        return out;
    }
    v[0] = PROTECT(Rf_ScalarLogical(TRUE));
    v[1] = preg;
    out = named_list(2, names, v);
    UNPROTECT(2);
    return out;
}

static SEXP r_counts(SEXP preg)
{
    static const char *names[] = {"read", "loaded", "rejected", "warnings", "aargang"};
    const hjtj_register *reg = get_register(preg);
    SEXP v[5], out;
    v[0] = PROTECT(Rf_ScalarInteger(r_int(hjtj_register_read_count(reg))));
    v[1] = PROTECT(Rf_ScalarInteger(r_int(hjtj_register_count(reg))));
    v[2] = PROTECT(Rf_ScalarInteger(r_int(hjtj_register_reject_count(reg))));
    v[3] = PROTECT(Rf_ScalarInteger(r_int(hjtj_register_warning_count(reg))));
    v[4] = PROTECT(Rf_ScalarInteger((int)hjtj_register_aargang(reg)));
    out = named_list(5, names, v);
    UNPROTECT(5);
    return out;
}

/* ------------------------------------------------------------------ */
/* Records                                                              */
/* ------------------------------------------------------------------ */

/* Columns of the record data frames.  The first eight are the header of
 * hjtj-classify (SPEC section 7). */
enum col_kind {
    C_ORGNR, C_CLASS, C_KOMMUNENR, C_EIERSKAP, C_STATUS, C_NAVN, C_MERKNAD, C_NKODE,
    C_NKODE_STD, C_ANDRE, C_TYPES, C_TYPES_GIVEN, C_MG, C_MG_GIVEN, C_MOTTAR, C_LEVERER,
    C_BOENHETER, C_BOENHETER_COUNTED, C_STORRELSE, C_IN_POP, C_EDITS, C_FILE, C_LINE
};

typedef struct colspec {
    const char *name;
    enum col_kind kind;
    hjtj_field field; /* C_CLASS */
} colspec;

static const colspec columns[] = {
    {"orgnr", C_ORGNR, 0},
    {"hovedvirksomhetstype", C_CLASS, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE},
    {"ht_sammensetning", C_CLASS, HJTJ_FIELD_HT_SAMMENSETNING},
    {"kategori", C_CLASS, HJTJ_FIELD_KATEGORI},
    {"samlemalgruppe", C_CLASS, HJTJ_FIELD_SAMLEMALGRUPPE},
    {"antall_malgrupper", C_CLASS, HJTJ_FIELD_ANTALL_MALGRUPPER},
    {"kommunestorrelse", C_CLASS, HJTJ_FIELD_KOMMUNESTORRELSE},
    {"botilbud", C_CLASS, HJTJ_FIELD_BOTILBUD},
    /* the rest: hjtj_records() only */
    {"kommunenr", C_KOMMUNENR, 0},
    {"eierskap", C_EIERSKAP, 0},
    {"status", C_STATUS, 0},
    {"navn", C_NAVN, 0},
    {"merknad", C_MERKNAD, 0},
    {"naeringskode", C_NKODE, 0},
    {"naeringskode_standard", C_NKODE_STD, 0},
    {"andre_kommuner", C_ANDRE, 0},
    {"virksomhetstyper", C_TYPES, 0},
    {"virksomhetstyper_given", C_TYPES_GIVEN, 0},
    {"malgrupper", C_MG, 0},
    {"malgrupper_given", C_MG_GIVEN, 0},
    {"mottar_fra", C_MOTTAR, 0},
    {"leverer_til", C_LEVERER, 0},
    {"boenheter", C_BOENHETER, 0},
    {"boenheter_counted", C_BOENHETER_COUNTED, 0},
    {"at_sammensetning", C_CLASS, HJTJ_FIELD_AT_SAMMENSETNING},
    {"adm_sammensetning", C_CLASS, HJTJ_FIELD_ADM_SAMMENSETNING},
    {"personellutveksling", C_CLASS, HJTJ_FIELD_PERSONELLUTVEKSLING},
    {"storrelse", C_STORRELSE, HJTJ_FIELD_STORRELSE},
    {"in_population", C_IN_POP, 0},
    {"edits", C_EDITS, 0},
    {"file", C_FILE, 0},
    {"line", C_LINE, 0},
};
#define NCLASSIFY 8
#define NCOLUMNS ((int)(sizeof columns / sizeof columns[0]))

/* Space-separated codes of the bits of mask in field f. */
static SEXP codes_of(hjtj_field f, uint32_t mask)
{
    char buf[1024];
    size_t len = 0;
    int32_t i, n = hjtj_field_size(f);
    buf[0] = '\0';
    for (i = 0; i < n && i < 32; i++) {
        const char *c;
        size_t cl;
        if (!(mask >> i & 1u))
            continue;
        c = hjtj_code(f, i);
        cl = c ? strlen(c) : 0;
        if (len + cl + 2 >= sizeof buf)
            break;
        if (len)
            buf[len++] = ' ';
        memcpy(buf + len, c ? c : "", cl);
        len += cl;
        buf[len] = '\0';
    }
    return mkutf8(buf);
}

/* The code of a record's class, or NA. */
static SEXP class_code(const hjtj_record *r, hjtj_field f, const hjtj_scheme *scheme)
{
    int32_t v = hjtj_record_class(r, f);
    const char *c;
    if (v < 0)
        return NA_STRING;
    if (f == HJTJ_FIELD_STORRELSE) {
        /* the band of the register's scheme: "2-5", ..., "51+" */
        char buf[64];
        int32_t nb = hjtj_scheme_band_count(scheme);
        if (v >= nb)
            return NA_STRING;
        if (v + 1 < nb)
            snprintf(buf, sizeof buf, "%lld-%lld", (long long)hjtj_scheme_band_lower(scheme, v),
                     (long long)hjtj_scheme_band_lower(scheme, v + 1) - 1);
        else
            snprintf(buf, sizeof buf, "%lld+", (long long)hjtj_scheme_band_lower(scheme, v));
        return Rf_mkChar(buf);
    }
    c = hjtj_code(f, v);
    return c ? mkutf8(c) : NA_STRING;
}

static SEXP optional_str(const char *s)
{
    return s && *s ? mkutf8(s) : NA_STRING;
}

/* The records (aktiv only unless all_statuses) as a list of columns: the
 * first NCLASSIFY columns, or all of them. */
static SEXP r_records(SEXP preg, SEXP all_statuses, SEXP extended)
{
    const hjtj_register *reg = get_register(preg);
    const hjtj_scheme *scheme = hjtj_register_scheme(reg);
    int all = Rf_asLogical(all_statuses) == TRUE;
    int ncol = Rf_asLogical(extended) == TRUE ? NCOLUMNS : NCLASSIFY;
    size_t i, n = hjtj_register_count(reg);
    R_xlen_t nrow = 0, k;
    SEXP out, nm;
    int j;

    for (i = 0; i < n; i++) {
        const hjtj_record *r = hjtj_register_record(reg, i);
        if (r && (all || hjtj_record_status(r) == HJTJ_STATUS_AKTIV))
            nrow++;
    }
    out = PROTECT(Rf_allocVector(VECSXP, ncol));
    nm = PROTECT(Rf_allocVector(STRSXP, ncol));
    for (j = 0; j < ncol; j++) {
        SEXPTYPE type = STRSXP;
        switch (columns[j].kind) {
        case C_ANDRE:
        case C_IN_POP:
            type = LGLSXP;
            break;
        case C_BOENHETER:
        case C_BOENHETER_COUNTED:
        case C_LINE:
            type = INTSXP;
            break;
        default:
            break;
        }
        SET_VECTOR_ELT(out, j, Rf_allocVector(type, nrow));
        SET_STRING_ELT(nm, j, Rf_mkChar(columns[j].name));
    }
    Rf_setAttrib(out, R_NamesSymbol, nm);

    for (i = 0, k = 0; i < n && k < nrow; i++) {
        const hjtj_record *r = hjtj_register_record(reg, i);
        if (!r || !(all || hjtj_record_status(r) == HJTJ_STATUS_AKTIV))
            continue;
        for (j = 0; j < ncol; j++) {
            SEXP col = VECTOR_ELT(out, j);
            int32_t v;
            int64_t b;
            switch (columns[j].kind) {
            case C_ORGNR:
                SET_STRING_ELT(col, k, mkutf8(hjtj_record_orgnr(r)));
                break;
            case C_CLASS:
            case C_STORRELSE:
                SET_STRING_ELT(col, k, class_code(r, columns[j].field, scheme));
                break;
            case C_KOMMUNENR:
                SET_STRING_ELT(col, k, optional_str(hjtj_record_kommunenr(r)));
                break;
            case C_EIERSKAP:
                v = hjtj_record_eierskap(r);
                SET_STRING_ELT(col, k, v < 0 ? NA_STRING
                                             : optional_str(hjtj_code(HJTJ_FIELD_EIERSKAP, v)));
                break;
            case C_STATUS:
                v = hjtj_record_status(r);
                SET_STRING_ELT(col, k, v < 0 ? NA_STRING
                                             : optional_str(hjtj_code(HJTJ_FIELD_STATUS, v)));
                break;
            case C_NAVN:
                SET_STRING_ELT(col, k, optional_str(hjtj_record_navn(r)));
                break;
            case C_MERKNAD:
                SET_STRING_ELT(col, k, optional_str(hjtj_record_merknad(r)));
                break;
            case C_NKODE:
                SET_STRING_ELT(col, k, optional_str(hjtj_record_naeringskode(r)));
                break;
            case C_NKODE_STD:
                SET_STRING_ELT(col, k, *hjtj_record_naeringskode(r)
                                           ? optional_str(hjtj_record_naeringskode_standard(r))
                                           : NA_STRING);
                break;
            case C_ANDRE:
                LOGICAL(col)[k] = hjtj_record_andre_kommuner(r) ? TRUE : FALSE;
                break;
            case C_TYPES:
                SET_STRING_ELT(col, k, codes_of(HJTJ_FIELD_VIRKSOMHETSTYPE, hjtj_record_types(r)));
                break;
            case C_TYPES_GIVEN:
                SET_STRING_ELT(col, k, codes_of(HJTJ_FIELD_VIRKSOMHETSTYPE,
                                                hjtj_record_types_given(r)));
                break;
            case C_MG:
                SET_STRING_ELT(col, k, codes_of(HJTJ_FIELD_MALGRUPPE, hjtj_record_malgrupper(r)));
                break;
            case C_MG_GIVEN:
                SET_STRING_ELT(col, k, codes_of(HJTJ_FIELD_MALGRUPPE,
                                                hjtj_record_malgrupper_given(r)));
                break;
            case C_MOTTAR:
                SET_STRING_ELT(col, k, codes_of(HJTJ_FIELD_MOTTAR_FRA, hjtj_record_mottar_fra(r)));
                break;
            case C_LEVERER:
                SET_STRING_ELT(col, k, codes_of(HJTJ_FIELD_LEVERER_TIL,
                                                hjtj_record_leverer_til(r)));
                break;
            case C_BOENHETER:
                b = hjtj_record_boenheter(r);
                INTEGER(col)[k] = b < 0 ? NA_INTEGER : r_int((uint64_t)b);
                break;
            case C_BOENHETER_COUNTED:
                INTEGER(col)[k] = r_int((uint64_t)hjtj_record_boenheter_counted(r));
                break;
            case C_IN_POP:
                LOGICAL(col)[k] = hjtj_record_in_population(r) ? TRUE : FALSE;
                break;
            case C_EDITS:
                SET_STRING_ELT(col, k, codes_of(HJTJ_FIELD_EDIT, hjtj_record_edits(r)));
                break;
            case C_FILE:
                SET_STRING_ELT(col, k, mkutf8(hjtj_record_file(r)));
                break;
            case C_LINE:
                INTEGER(col)[k] = r_int(hjtj_record_line(r));
                break;
            }
        }
        k++;
    }
    UNPROTECT(2);
    return out;
}

/* Rejected records (which = 0) or warnings (which = 1). */
static SEXP r_diags(SEXP preg, SEXP which)
{
    static const char *names[] = {"file", "line", "column", "orgnr", "reason", "message"};
    const hjtj_register *reg = get_register(preg);
    int warn = Rf_asInteger(which) == 1;
    size_t i, n = warn ? hjtj_register_warning_count(reg) : hjtj_register_reject_count(reg);
    SEXP v[6], out;
    int j;
    for (j = 0; j < 6; j++)
        v[j] = PROTECT(Rf_allocVector(j == 1 || j == 2 ? INTSXP : STRSXP, (R_xlen_t)n));
    for (i = 0; i < n; i++) {
        const hjtj_diag *d = warn ? hjtj_register_warning(reg, i) : hjtj_register_reject(reg, i);
        const char *rc = hjtj_reason_code(hjtj_diag_reason(d));
        SET_STRING_ELT(v[0], (R_xlen_t)i, mkutf8(hjtj_diag_file(d)));
        INTEGER(v[1])[i] = r_int(hjtj_diag_line(d));
        INTEGER(v[2])[i] = r_int(hjtj_diag_column(d));
        SET_STRING_ELT(v[3], (R_xlen_t)i, optional_str(hjtj_diag_orgnr(d)));
        SET_STRING_ELT(v[4], (R_xlen_t)i, rc ? mkutf8(rc) : NA_STRING);
        SET_STRING_ELT(v[5], (R_xlen_t)i, mkutf8(hjtj_diag_message(d)));
    }
    out = named_list(6, names, v);
    UNPROTECT(6);
    return out;
}

/* ------------------------------------------------------------------ */
/* Tables                                                               */
/* ------------------------------------------------------------------ */

/* Create a table owned by the external pointer pt (protected by the
 * caller) and build table cid of reg into it.  R_NilValue and *out set,
 * or an error list (the table, if made, goes with pt's finalizer). */
/* The level of small-count protection from R (0: off; hjtj_protect(3));
 * an error before anything is allocated. */
static int64_t protect_arg(SEXP protect)
{
    double k = Rf_asReal(protect);
    if (ISNAN(k) || k < 0 || k > 9e15)
        Rf_error("'protect' must be a whole number >= 0");
    return (int64_t)k;
}

static SEXP built_table(SEXP pt, const hjtj_register *reg, const char *cid, int64_t k,
                        hjtj_table **out)
{
    hjtj_table *t = NULL;
    hjtj_status st = hjtj_table_new(&t);
    *out = NULL;
    if (st != HJTJ_OK)
        return status_list(st, "cannot create a table");
    R_SetExternalPtrAddr(pt, t);
    st = hjtj_table_set_protect(t, k);
    if (st == HJTJ_OK)
        st = hjtj_table_build(t, reg, cid);
    if (st != HJTJ_OK)
        return error_list(hjtj_table_error(t), st);
    *out = t;
    return R_NilValue;
}

/* The list of a built table (pt owns t; one PROTECT of pt is released
 * here): list(ok = TRUE, id, title, title_en, n, population, stub,
 * col_code, col_label, row_code, row_label, kind, text, num, den, supp,
 * primary, secondary) with the cells row-major (supp: hjtj_suppression),
 * and with want_csv also `csv`: the library's own CSV writer output. */
static SEXP table_result(SEXP pt, hjtj_table *t, int want_csv)
{
    static const char *names[] = {"ok", "id", "title", "title_en", "n", "population", "stub",
                                  "col_code", "col_label", "row_code", "row_label", "kind",
                                  "text", "num", "den", "supp", "primary", "secondary", "csv"};
    hjtj_status st;
    size_t i, j, nr, nc;
    SEXP v[19], out;

    nr = hjtj_table_rows(t);
    nc = hjtj_table_cols(t);
    v[0] = PROTECT(Rf_ScalarLogical(TRUE));
    v[1] = PROTECT(str1(hjtj_table_id(t)));
    v[2] = PROTECT(str1(hjtj_table_title(t, HJTJ_LANG_NB)));
    v[3] = PROTECT(str1(hjtj_table_title(t, HJTJ_LANG_EN)));
    v[4] = PROTECT(Rf_ScalarInteger(hjtj_table_n(t) < 0 ? NA_INTEGER : r_int((uint64_t)hjtj_table_n(t))));
    v[5] = PROTECT(str1(hjtj_table_population(t)));
    v[6] = PROTECT(Rf_ScalarInteger((int)hjtj_table_stub_count(t)));
    v[7] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nc));
    v[8] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nc));
    v[9] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nr));
    v[10] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nr));
    v[11] = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)(nr * nc)));
    v[12] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)(nr * nc)));
    v[13] = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)(nr * nc)));
    v[14] = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)(nr * nc)));
    v[15] = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)(nr * nc)));
    v[16] = PROTECT(
        Rf_ScalarReal((double)hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_PRIMARY)));
    v[17] = PROTECT(
        Rf_ScalarReal((double)hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_SECONDARY)));
    for (j = 0; j < nc; j++) {
        SET_STRING_ELT(v[7], (R_xlen_t)j, mkutf8(hjtj_table_col_code(t, j)));
        SET_STRING_ELT(v[8], (R_xlen_t)j, mkutf8(hjtj_table_col_label(t, j, HJTJ_LANG_NB)));
    }
    for (i = 0; i < nr; i++) {
        SET_STRING_ELT(v[9], (R_xlen_t)i, mkutf8(hjtj_table_row_code(t, i)));
        SET_STRING_ELT(v[10], (R_xlen_t)i, mkutf8(hjtj_table_row_label(t, i, HJTJ_LANG_NB)));
        for (j = 0; j < nc; j++) {
            size_t k = i * nc + j;
            hjtj_cell_kind kind = hjtj_table_cell_kind(t, i, j);
            const char *text = hjtj_table_cell_text(t, i, j);
            INTEGER(v[11])[k] = (int)kind;
            SET_STRING_ELT(v[12], (R_xlen_t)k, mkutf8(text));
            REAL(v[13])[k] = (double)hjtj_table_cell_int(t, i, j);
            REAL(v[14])[k] = (double)hjtj_table_cell_den(t, i, j);
            INTEGER(v[15])[k] = (int)hjtj_table_cell_suppressed(t, i, j);
        }
    }
    v[18] = R_NilValue;
    if (want_csv) {
        /* the string is owned by an external pointer while R allocates */
        SEXP ps = PROTECT(new_xptr(tag_string, string_finalizer));
        char *s = NULL;
        size_t len = 0;
        st = hjtj_table_to_string(t, HJTJ_FORMAT_CSV, &s, &len);
        if (st != HJTJ_OK) {
            out = error_list(hjtj_table_error(t), st);
            UNPROTECT(20);
            return out; /* the table goes with its finalizer */
        }
        R_SetExternalPtrAddr(ps, s);
        v[18] = PROTECT(Rf_allocVector(STRSXP, 1));
        SET_STRING_ELT(v[18], 0, Rf_mkCharLenCE(s, (int)len, CE_UTF8));
        R_ClearExternalPtr(ps);
        hjtj_free(s);
        UNPROTECT(2);
    }
    PROTECT(v[18]);
    R_ClearExternalPtr(pt);
    hjtj_table_free(t);
    out = named_list(19, names, v);
    UNPROTECT(20);
    return out;
}

/* Write table `id` of the register to `path` in `format` ("csv", "text",
 * "json-stat", "px", "xlsx"; "" = from the extension) and `lang` ("nb",
 * "en").  Returns list(ok = TRUE, path, format) or an error list. */
static SEXP r_write(SEXP preg, SEXP id, SEXP path, SEXP format, SEXP lang, SEXP protect)
{
    static const char *names[] = {"ok", "path", "format"};
    const hjtj_register *reg = get_register(preg);
    hjtj_table *t = NULL;
    hjtj_status st;
    SEXP pt, v[3], out;
    const char *cid, *cpath, *cformat, *clang;
    int32_t f;
    int k;
    int64_t kp;
    SEXP args[4] = {id, path, format, lang};
    for (k = 0; k < 4; k++)
        if (!Rf_isString(args[k]) || XLENGTH(args[k]) != 1 || STRING_ELT(args[k], 0) == NA_STRING)
            Rf_error("'id', 'path', 'format' and 'lang' must be single strings");
    cid = Rf_translateCharUTF8(STRING_ELT(id, 0));
    cpath = Rf_translateChar(STRING_ELT(path, 0));
    cformat = Rf_translateCharUTF8(STRING_ELT(format, 0));
    clang = Rf_translateCharUTF8(STRING_ELT(lang, 0));
    f = cformat[0] ? hjtj_format_parse(cformat) : hjtj_format_from_path(cpath);
    if (f < 0)
        Rf_error(cformat[0] ? "unknown format '%s' (csv, text, json-stat, px, xlsx)"
                            : "no format given and none known for the extension of '%s'",
                 cformat[0] ? cformat : cpath);
    if (strcmp(clang, "nb") != 0 && strcmp(clang, "en") != 0)
        Rf_error("'lang' must be \"nb\" or \"en\"");
    kp = protect_arg(protect);
    pt = PROTECT(new_xptr(tag_table, table_finalizer));
    out = built_table(pt, reg, cid, kp, &t);
    if (t == NULL) {
        UNPROTECT(1);
        return out;
    }
    st = hjtj_table_write_path_lang(t, (hjtj_format)f,
                                        strcmp(clang, "en") == 0 ? HJTJ_LANG_EN : HJTJ_LANG_NB,
                                        cpath);
    if (st != HJTJ_OK) {
        out = PROTECT(error_list(hjtj_table_error(t), st));
        UNPROTECT(2); /* the table goes with its finalizer */
        return out;
    }
    v[0] = PROTECT(Rf_ScalarLogical(TRUE));
    v[1] = PROTECT(Rf_duplicate(path));
    v[2] = PROTECT(str1(hjtj_format_name((hjtj_format)f)));
    R_ClearExternalPtr(pt);
    hjtj_table_free(t);
    out = named_list(3, names, v);
    UNPROTECT(4);
    return out;
}

/* ------------------------------------------------------------------ */
/* Figures and pages                                                    */
/* ------------------------------------------------------------------ */

static void html_finalizer(SEXP p)
{
    hjtj_html *h = (hjtj_html *)R_ExternalPtrAddr(p);
    if (h != NULL) {
        R_ClearExternalPtr(p);
        hjtj_html_free(h);
    }
}

static hjtj_lang lang_arg(SEXP lang)
{
    const char *l;
    if (!Rf_isString(lang) || XLENGTH(lang) != 1 || STRING_ELT(lang, 0) == NA_STRING)
        Rf_error("'lang' must be \"nb\" or \"en\"");
    l = CHAR(STRING_ELT(lang, 0));
    if (strcmp(l, "en") == 0)
        return HJTJ_LANG_EN;
    if (strcmp(l, "nb") != 0)
        Rf_error("'lang' must be \"nb\" or \"en\"");
    return HJTJ_LANG_NB;
}

/* list(ok = TRUE, text) from a string the library handed out (freed here,
 * owned by an external pointer while R allocates). */
static SEXP text_list(char *s, size_t len)
{
    static const char *names[] = {"ok", "text"};
    SEXP ps = PROTECT(new_xptr(tag_string, string_finalizer)), v[2], out;
    R_SetExternalPtrAddr(ps, s);
    v[0] = PROTECT(Rf_ScalarLogical(TRUE));
    v[1] = PROTECT(Rf_allocVector(STRSXP, 1));
    SET_STRING_ELT(v[1], 0, Rf_mkCharLenCE(s, (int)len, CE_UTF8));
    out = named_list(2, names, v);
    R_ClearExternalPtr(ps);
    hjtj_free(s);
    UNPROTECT(3);
    return out;
}

/* A new table object owned by an external pointer (PROTECTed once). */
static hjtj_table *new_table(SEXP *pt)
{
    hjtj_table *t = NULL;
    *pt = PROTECT(new_xptr(tag_table, table_finalizer));
    if (hjtj_table_new(&t) != HJTJ_OK)
        Rf_error("out of memory");
    R_SetExternalPtrAddr(*pt, t);
    return t;
}

/* The SVG of a report figure (id "3.3", ...), or of a bar chart of table
 * id: list(ok = TRUE, text) or an error list. */
static SEXP r_figure(SEXP preg, SEXP id, SEXP lang)
{
    const hjtj_register *reg = get_register(preg);
    hjtj_lang lg = lang_arg(lang);
    const char *cid, *tid, *fig = NULL;
    hjtj_table *t;
    hjtj_status st;
    char *svg = NULL;
    size_t i, len = 0;
    SEXP pt, out;
    if (!Rf_isString(id) || XLENGTH(id) != 1 || STRING_ELT(id, 0) == NA_STRING)
        Rf_error("'id' must be a single string");
    cid = tid = Rf_translateCharUTF8(STRING_ELT(id, 0));
    for (i = 0; i < hjtj_figure_count(); i++)
        if (strcmp(hjtj_figure_id(i), cid) == 0) {
            fig = cid;
            tid = hjtj_figure_table(i);
        }
    t = new_table(&pt);
    st = hjtj_table_build(t, reg, tid);
    if (st == HJTJ_OK)
        st = hjtj_figure_to_string(t, fig, lg, &svg, &len);
    out = st == HJTJ_OK ? text_list(svg, len) : error_list(hjtj_table_error(t), st);
    UNPROTECT(1);
    return out;
}

/* One HTML page with the tables ids: list(ok = TRUE, text) or an error. */
static SEXP r_html(SEXP preg, SEXP ids, SEXP lang, SEXP charts)
{
    const hjtj_register *reg = get_register(preg);
    hjtj_lang lg = lang_arg(lang);
    int bar = Rf_asLogical(charts) == TRUE;
    hjtj_html *page = NULL;
    hjtj_table *t;
    hjtj_status st = HJTJ_OK;
    char *html = NULL;
    size_t len = 0;
    R_xlen_t i;
    SEXP pp, pt, out;
    if (!Rf_isString(ids))
        Rf_error("'ids' must be a character vector");
    pp = PROTECT(new_xptr(tag_string, html_finalizer));
    if (hjtj_html_new(&page, lg) != HJTJ_OK)
        Rf_error("out of memory");
    R_SetExternalPtrAddr(pp, page);
    t = new_table(&pt);
    for (i = 0; i < XLENGTH(ids) && st == HJTJ_OK; i++) {
        if (STRING_ELT(ids, i) == NA_STRING)
            Rf_error("'ids' must not be NA");
        st = hjtj_table_build(t, reg, Rf_translateCharUTF8(STRING_ELT(ids, i)));
        if (st != HJTJ_OK) {
            out = error_list(hjtj_table_error(t), st);
            UNPROTECT(2);
            return out;
        }
        st = hjtj_html_add_table(page, t, bar);
    }
    if (st == HJTJ_OK)
        st = hjtj_html_to_string(page, &html, &len);
    out = st == HJTJ_OK ? text_list(html, len) : error_list(hjtj_html_error(page), st);
    UNPROTECT(2);
    return out;
}

/* ------------------------------------------------------------------ */
/* Data-quality checks (SPEC 12)                                        */
/* ------------------------------------------------------------------ */

static SEXP r_checks(SEXP preg, SEXP lang)
{
    static const char *names[] = {"ok",       "fil",      "linje",    "orgnr",
                                  "kontroll", "melding",  "summary_kontroll",
                                  "summary_antall"};
    const hjtj_register *reg = get_register(preg);
    hjtj_lang lg = Rf_asInteger(lang) == 1 ? HJTJ_LANG_EN : HJTJ_LANG_NB;
    hjtj_checks *c = NULL;
    hjtj_status st;
    SEXP pc = PROTECT(new_xptr(tag_checks, checks_finalizer)), v[8], out;
    size_t i, n;
    int32_t k, nk = hjtj_check_kinds();

    st = hjtj_checks_new(&c);
    if (st != HJTJ_OK) {
        UNPROTECT(1);
        return status_list(st, "cannot create a checks object");
    }
    R_SetExternalPtrAddr(pc, c);
    st = hjtj_checks_run(c, reg);
    if (st != HJTJ_OK) {
        out = error_list(hjtj_checks_error(c), st);
        UNPROTECT(1);
        return out;
    }
    n = hjtj_checks_count(c);
    v[0] = PROTECT(Rf_ScalarLogical(TRUE));
    v[1] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    v[2] = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    v[3] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    v[4] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    v[5] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    v[6] = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nk));
    v[7] = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)nk));
    for (i = 0; i < n; i++) {
        SET_STRING_ELT(v[1], (R_xlen_t)i, mkutf8(hjtj_checks_file(c, i)));
        REAL(v[2])[i] = (double)hjtj_checks_line(c, i);
        SET_STRING_ELT(v[3], (R_xlen_t)i, mkutf8(hjtj_checks_orgnr(c, i)));
        SET_STRING_ELT(v[4], (R_xlen_t)i,
                       mkutf8(hjtj_check_code((hjtj_check)hjtj_checks_check(c, i))));
        SET_STRING_ELT(v[5], (R_xlen_t)i, mkutf8(hjtj_checks_message(c, i, lg)));
    }
    for (k = 0; k < nk; k++) {
        SET_STRING_ELT(v[6], k, mkutf8(hjtj_check_code((hjtj_check)k)));
        REAL(v[7])[k] = (double)hjtj_checks_total(c, (hjtj_check)k);
    }
    R_ClearExternalPtr(pc);
    hjtj_checks_free(c);
    out = named_list(8, names, v);
    UNPROTECT(9);
    return out;
}

static SEXP r_table(SEXP preg, SEXP id, SEXP csv, SEXP protect)
{
    const hjtj_register *reg = get_register(preg);
    int want_csv = Rf_asLogical(csv) == TRUE;
    int64_t k = protect_arg(protect);
    hjtj_table *t = NULL;
    hjtj_status st;
    SEXP pt, out;
    const char *cid;

    if (!Rf_isString(id) || XLENGTH(id) != 1 || STRING_ELT(id, 0) == NA_STRING)
        Rf_error("'id' must be a single string");
    cid = Rf_translateCharUTF8(STRING_ELT(id, 0));

    pt = PROTECT(new_xptr(tag_table, table_finalizer));
    st = hjtj_table_new(&t);
    if (st != HJTJ_OK) {
        UNPROTECT(1);
        return status_list(st, "cannot create a table");
    }
    R_SetExternalPtrAddr(pt, t);
    st = hjtj_table_set_protect(t, k);
    if (st == HJTJ_OK)
        st = hjtj_table_build(t, reg, cid);
    if (st != HJTJ_OK) {
        PROTECT(out = error_list(hjtj_table_error(t), st));
        R_ClearExternalPtr(pt);
        hjtj_table_free(t);
        UNPROTECT(2);
        return out;
    }
    return table_result(pt, t, want_csv);
}


/* ------------------------------------------------------------------ */
/* Custom tables                                                        */
/* ------------------------------------------------------------------ */

static const char *opt_str(SEXP x)
{
    if (!Rf_isString(x) || XLENGTH(x) != 1 || STRING_ELT(x, 0) == NA_STRING)
        return NULL;
    return Rf_translateCharUTF8(STRING_ELT(x, 0));
}

/* list(ok, table = the table's list, problems = "file:line: reason: message") */
/* A custom table (SPEC 9).  With wr = c(path, format, lang) (format "" =
 * from the extension) the table is also written to path. */
static SEXP r_crosstab(SEXP preg, SEXP rows, SEXP cols, SEXP wfields, SEXP wcodes, SEXP pop,
                       SEXP measure, SEXP link, SEXP csv, SEXP wr, SEXP protect)
{
    static const char *names[] = {"ok", "table", "problems"};
    const hjtj_register *reg = get_register(preg);
    hjtj_crosstab *ct = NULL;
    hjtj_link *lk = NULL;
    hjtj_table *t = NULL;
    hjtj_status st;
    SEXP pc, pl, pt, probs, v[3], out;
    R_xlen_t i, n;
    int64_t k = protect_arg(protect);

    if (!Rf_isString(wfields) || !Rf_isString(wcodes) || XLENGTH(wfields) != XLENGTH(wcodes))
        Rf_error("'where' must name each field's codes");
    if (!Rf_isNull(wr) && (!Rf_isString(wr) || XLENGTH(wr) != 3))
        Rf_error("'wr' must be c(path, format, lang)");
    pc = PROTECT(new_xptr(tag_crosstab, crosstab_finalizer));
    pl = PROTECT(new_xptr(tag_link, link_finalizer));
    if ((st = hjtj_crosstab_new(&ct)) != HJTJ_OK) {
        UNPROTECT(2);
        return status_list(st, "cannot create a crosstab");
    }
    R_SetExternalPtrAddr(pc, ct);
    probs = PROTECT(Rf_allocVector(STRSXP, 0));
    if (Rf_isString(link) || TYPEOF(link) == RAWSXP) {
        if ((st = hjtj_link_new(&lk)) != HJTJ_OK) {
            UNPROTECT(3);
            return status_list(st, "cannot create a link");
        }
        R_SetExternalPtrAddr(pl, lk);
        st = TYPEOF(link) == RAWSXP
                 ? hjtj_link_load_memory(lk, (const char *)RAW(link), (size_t)XLENGTH(link),
                                         "<link>")
                 : hjtj_link_load_file(lk, opt_str(link) ? opt_str(link) : "");
        if (st == HJTJ_OK)
            st = hjtj_link_match(lk, reg);
        if (st != HJTJ_OK) {
            out = error_list(hjtj_link_error(lk), st);
            UNPROTECT(3);
            return out;
        }
        n = (R_xlen_t)hjtj_link_problem_count(lk);
        probs = Rf_allocVector(STRSXP, n);
        UNPROTECT(1);
        PROTECT(probs);
        for (i = 0; i < n; i++) {
            const hjtj_diag *d = hjtj_link_problem(lk, (size_t)i);
            char buf[1024];
            snprintf(buf, sizeof buf, "%s:%llu: %s: %s", hjtj_diag_file(d),
                     (unsigned long long)hjtj_diag_line(d), hjtj_reason_code(hjtj_diag_reason(d)),
                     hjtj_diag_message(d));
            SET_STRING_ELT(probs, i, mkutf8(buf));
        }
    }
    st = hjtj_crosstab_set_rows(ct, opt_str(rows));
    if (st == HJTJ_OK)
        st = hjtj_crosstab_set_cols(ct, opt_str(cols));
    for (i = 0; st == HJTJ_OK && i < XLENGTH(wfields); i++)
        st = hjtj_crosstab_add_where(ct, Rf_translateCharUTF8(STRING_ELT(wfields, i)),
                                     Rf_translateCharUTF8(STRING_ELT(wcodes, i)));
    if (st == HJTJ_OK)
        st = hjtj_crosstab_set_population(ct, opt_str(pop));
    if (st == HJTJ_OK && lk != NULL)
        st = hjtj_crosstab_set_link(ct, lk);
    if (st == HJTJ_OK)
        st = hjtj_crosstab_set_measure(ct, opt_str(measure));
    if (st != HJTJ_OK) {
        out = error_list(hjtj_crosstab_error(ct), st);
        UNPROTECT(3);
        return out;
    }
    pt = PROTECT(new_xptr(tag_table, table_finalizer));
    if ((st = hjtj_table_new(&t)) != HJTJ_OK) {
        UNPROTECT(4);
        return status_list(st, "cannot create a table");
    }
    R_SetExternalPtrAddr(pt, t);
    st = hjtj_table_set_protect(t, k);
    if (st == HJTJ_OK)
        st = hjtj_table_build_crosstab(t, reg, ct);
    if (st == HJTJ_OK && !Rf_isNull(wr)) {
        const char *cpath = Rf_translateChar(STRING_ELT(wr, 0));
        const char *cformat = Rf_translateCharUTF8(STRING_ELT(wr, 1));
        int32_t f = cformat[0] ? hjtj_format_parse(cformat) : hjtj_format_from_path(cpath);
        if (f < 0) {
            UNPROTECT(4);
            Rf_error(cformat[0] ? "unknown format '%s' (csv, text, json-stat, px, xlsx)"
                                : "no format given and none known for the extension of '%s'",
                     cformat[0] ? cformat : cpath);
        }
        st = hjtj_table_write_path_lang(
            t, (hjtj_format)f,
            strcmp(CHAR(STRING_ELT(wr, 2)), "en") == 0 ? HJTJ_LANG_EN : HJTJ_LANG_NB, cpath);
    }
    if (st != HJTJ_OK) {
        out = error_list(hjtj_table_error(t), st);
        UNPROTECT(4);
        return out;
    }
    v[1] = table_result(pt, t, Rf_asLogical(csv) == TRUE); /* releases pt */
    if (!Rf_asLogical(VECTOR_ELT(v[1], 0))) {
        UNPROTECT(3);
        return v[1];
    }
    PROTECT(v[1]);
    v[0] = PROTECT(Rf_ScalarLogical(TRUE));
    v[2] = probs;
    out = named_list(3, names, v);
    UNPROTECT(5);
    return out;
}

/* ------------------------------------------------------------------ */
/* Registration                                                         */
/* ------------------------------------------------------------------ */

static const R_CallMethodDef call_methods[] = {
    {"hjtj_r_version", (DL_FUNC)&r_version, 0},
    {"hjtj_r_catalog", (DL_FUNC)&r_catalog, 1},
    {"hjtj_r_load", (DL_FUNC)&r_load, 5},
    {"hjtj_r_checks", (DL_FUNC)&r_checks, 2},
    {"hjtj_r_counts", (DL_FUNC)&r_counts, 1},
    {"hjtj_r_records", (DL_FUNC)&r_records, 3},
    {"hjtj_r_diags", (DL_FUNC)&r_diags, 2},
    {"hjtj_r_table", (DL_FUNC)&r_table, 4},
    {"hjtj_r_write", (DL_FUNC)&r_write, 6},
    {"hjtj_r_crosstab", (DL_FUNC)&r_crosstab, 11},
    {"hjtj_r_figure", (DL_FUNC)&r_figure, 3},
    {"hjtj_r_html", (DL_FUNC)&r_html, 4},
    {NULL, NULL, 0}};

void R_init_hjtj(DllInfo *dll)
{
    tag_register = Rf_install("hjtj_register");
    tag_kommuner = Rf_install("hjtj_kommuner");
    tag_table = Rf_install("hjtj_table");
    tag_string = Rf_install("hjtj_string");
    tag_scheme = Rf_install("hjtj_scheme");
    tag_checks = Rf_install("hjtj_checks");
    tag_crosstab = Rf_install("hjtj_crosstab");
    tag_link = Rf_install("hjtj_link");
    R_registerRoutines(dll, NULL, call_methods, NULL, NULL);
    R_useDynamicSymbols(dll, FALSE);
    R_forceSymbols(dll, TRUE);
}
