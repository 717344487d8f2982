/* hjtj-classify — classify the records of a register (SPEC §7).
 *
 *   hjtj-classify [options] [FILE...]
 *
 * Prints one CSV row per active record; rejected records go to stderr with
 * file, line, orgnr and reason.  Input, options and exit status are those
 * every program shares (common.h). */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("Usage: hjtj-classify [options] [FILE...]\n"
          "Classify home-care enterprises as in SSB Rapporter 2026/5: one CSV row per\n"
          "active record (codes, see hjtj-classify(1)).\n"
          "\n",
          f);
    cli_shared_help(f);
}

static const char *code_or_empty(const hjtj_record *r, hjtj_field f)
{
    int32_t v = hjtj_record_class(r, f);
    const char *c = v < 0 ? NULL : hjtj_code(f, v);
    return c ? c : "";
}

int main(int argc, char **argv)
{
    cli_opts o;
    hjtj_register *reg;
    FILE *out;
    size_t i, n;
    int a, rc;

    if (cli_init(&o, "hjtj-classify", argc) != 0)
        return 2;
    for (a = 1; a < argc; a++) {
        int r = cli_shared_option(&o, argc, argv, &a);
        if (r < 0)
            return cli_done(&o, 2);
        if (r > 0)
            continue;
        if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
            usage(stdout);
            return cli_done(&o, cli_close_output(&o, stdout));
        } else if (strcmp(argv[a], "--version") == 0) {
            printf("hjtj-classify (libhjtj) %s\n", hjtj_version());
            return cli_done(&o, cli_close_output(&o, stdout));
        } else if (argv[a][0] == '-' && argv[a][1] != '\0') {
            return cli_done(&o, cli_unknown_option(&o, argv[a]));
        } else if (cli_file(&o, argv[a]) != 0) {
            return cli_done(&o, 2);
        }
    }
    reg = cli_load(&o);
    if (reg == NULL)
        return cli_done(&o, 2);
    out = cli_output(&o);
    if (out == NULL) {
        hjtj_register_free(reg);
        return cli_done(&o, 2);
    }
    fputs("orgnr,hovedvirksomhetstype,ht_sammensetning,kategori,samlemalgruppe,"
          "antall_malgrupper,kommunestorrelse,botilbud\n",
          out);
    n = hjtj_register_count(reg);
    for (i = 0; i < n; i++) {
        const hjtj_record *r = hjtj_register_record(reg, i);
        if (hjtj_record_status(r) != HJTJ_STATUS_AKTIV)
            continue;
        fprintf(out, "%s,%s,%s,%s,%s,%s,%s,%s\n", hjtj_record_orgnr(r),
                code_or_empty(r, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE),
                code_or_empty(r, HJTJ_FIELD_HT_SAMMENSETNING),
                code_or_empty(r, HJTJ_FIELD_KATEGORI), code_or_empty(r, HJTJ_FIELD_SAMLEMALGRUPPE),
                code_or_empty(r, HJTJ_FIELD_ANTALL_MALGRUPPER),
                code_or_empty(r, HJTJ_FIELD_KOMMUNESTORRELSE),
                code_or_empty(r, HJTJ_FIELD_BOTILBUD));
    }
    rc = cli_close_output(&o, out);
    rc = cli_summary(&o, reg, rc);
    hjtj_register_free(reg);
    return cli_done(&o, rc);
}
