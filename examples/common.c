/* common.c — shared by the example programs; see common.h. */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_REGISTER "register-2024-syntetisk.xml"

void cli_print_error(const char *prog, const hjtj_error *e, hjtj_status st)
{
    fprintf(stderr, "%s: %s:%llu:%llu: %s (%s)\n", prog, hjtj_error_file(e),
            (unsigned long long)hjtj_error_line(e), (unsigned long long)hjtj_error_column(e),
            hjtj_error_message(e), hjtj_strerror(st));
}

static hjtj_status load_stdin(hjtj_register *reg)
{
    char *data = NULL, chunk[65536];
    size_t len = 0, cap = 0, got;
    hjtj_status st;
    while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        if (len + got > cap) {
            char *nd;
            cap = (len + got) * 2;
            nd = realloc(data, cap);
            if (nd == NULL) {
                free(data);
                return HJTJ_ERR_NOMEM;
            }
            data = nd;
        }
        memcpy(data + len, chunk, got);
        len += got;
    }
    st = hjtj_register_load_memory(reg, data ? data : "", len, "<stdin>");
    free(data);
    return st;
}

hjtj_register *cli_load(const char *prog, const char *file, const char *kommuner_file)
{
    return cli_load_scheme(prog, file, kommuner_file, NULL);
}

hjtj_register *cli_register_new(const char *prog, const char *kommuner_file,
                                const char *scheme_file)
{
    hjtj_register *reg = NULL;
    hjtj_status st;

    if (hjtj_register_new(&reg) != HJTJ_OK) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return NULL;
    }
    if (scheme_file) {
        hjtj_scheme *s = NULL;
        st = hjtj_scheme_new(&s);
        if (st == HJTJ_OK && (st = hjtj_scheme_load_file(s, scheme_file)) == HJTJ_OK)
            st = hjtj_register_set_scheme(reg, s);
        if (st != HJTJ_OK) {
            cli_print_error(prog, hjtj_scheme_error(s), st);
            hjtj_scheme_free(s);
            hjtj_register_free(reg);
            return NULL;
        }
        hjtj_scheme_free(s);
    }
    if (kommuner_file) {
        hjtj_kommuner *k = NULL;
        st = hjtj_kommuner_new(&k);
        if (st == HJTJ_OK && (st = hjtj_kommuner_load_file(k, kommuner_file)) == HJTJ_OK)
            st = hjtj_register_set_kommuner(reg, k);
        if (st != HJTJ_OK) {
            cli_print_error(prog, hjtj_kommuner_error(k), st);
            hjtj_kommuner_free(k);
            hjtj_register_free(reg);
            return NULL;
        }
        hjtj_kommuner_free(k);
    }
    return reg;
}

hjtj_register *cli_load_scheme(const char *prog, const char *file, const char *kommuner_file,
                               const char *scheme_file)
{
    hjtj_register *reg;
    hjtj_status st;
    char defbuf[4096];

    if (file == NULL) {
        const char *dir = getenv("HJTJ_DATADIR");
        snprintf(defbuf, sizeof defbuf, "%s/%s", dir && *dir ? dir : HJTJ_PKGDATADIR,
                 DEFAULT_REGISTER);
        file = defbuf;
    }
    reg = cli_register_new(prog, kommuner_file, scheme_file);
    if (reg == NULL)
        return NULL;
    st = strcmp(file, "-") == 0 ? load_stdin(reg) : hjtj_register_load_file(reg, file);
    if (st != HJTJ_OK) {
        cli_print_error(prog, hjtj_register_error(reg), st);
        hjtj_register_free(reg);
        return NULL;
    }
    return reg;
}

size_t cli_report_rejects(const hjtj_register *reg)
{
    size_t i, n;
    for (i = 0; i < hjtj_register_warning_count(reg); i++) {
        const hjtj_diag *d = hjtj_register_warning(reg, i);
        fprintf(stderr, "%s:%llu:%llu: warning: %s\n", hjtj_diag_file(d),
                (unsigned long long)hjtj_diag_line(d), (unsigned long long)hjtj_diag_column(d),
                hjtj_diag_message(d));
    }
    n = hjtj_register_reject_count(reg);
    for (i = 0; i < n; i++) {
        const hjtj_diag *d = hjtj_register_reject(reg, i);
        fprintf(stderr, "%s:%llu:%llu: orgnr %s: rejected (%s): %s\n", hjtj_diag_file(d),
                (unsigned long long)hjtj_diag_line(d), (unsigned long long)hjtj_diag_column(d),
                hjtj_diag_orgnr(d)[0] ? hjtj_diag_orgnr(d) : "-",
                hjtj_reason_code(hjtj_diag_reason(d)), hjtj_diag_message(d));
    }
    return n;
}

/* ---- output options ---- */

int32_t cli_format_from_path(const char *path)
{
    int32_t f = hjtj_format_from_path(path);
    return f < 0 ? HJTJ_FORMAT_CSV : f;
}

int cli_parse_lang(const char *word, hjtj_lang *lang)
{
    if (strcmp(word, "nb") == 0 || strcmp(word, "no") == 0)
        *lang = HJTJ_LANG_NB;
    else if (strcmp(word, "en") == 0)
        *lang = HJTJ_LANG_EN;
    else
        return -1;
    return 0;
}
