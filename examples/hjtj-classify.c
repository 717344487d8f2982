/* hjtj-classify — classify the records of a register (SPEC §7).
 *
 *   hjtj-classify [--kommuner FILE] [--scheme FILE] [FILE]
 *
 * Prints one CSV row per active record on stdout; rejected records go to
 * stderr with file, line, orgnr and reason.  Exit status: 0 all records
 * loaded, 1 some record was rejected, 2 the input could not be read. */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("Usage: hjtj-classify [--kommuner FILE] [--scheme FILE] [FILE]\n"
          "Classify home-care enterprises as in SSB Rapporter 2026/5.\n"
          "\n"
          "FILE is a register in XML or CSV (detected by content); without FILE the\n"
          "bundled synthetic 2024 register is read.  One CSV row is printed per\n"
          "active record; rejected records are listed on stderr.\n"
          "\n"
          "  --kommuner FILE  municipality table (kommunenr;navn;innbyggere)\n"
          "  --scheme FILE    classification scheme (XML, hjtj-formats(5))\n"
          "  --help           show this help\n"
          "  --version        show the library version\n"
          "\n"
          "Exit status: 0 all records loaded, 1 a record was rejected, 2 error.\n",
          f);
}

static const char *code_or_empty(const hjtj_record *r, hjtj_field f)
{
    int32_t v = hjtj_record_class(r, f);
    const char *c = v < 0 ? NULL : hjtj_code(f, v);
    return c ? c : "";
}

int main(int argc, char **argv)
{
    const char *file = NULL, *kfile = NULL, *sfile = NULL;
    hjtj_register *reg;
    size_t i, n;
    int a;

    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[a], "--version") == 0) {
            printf("hjtj-classify (libhjtj) %s\n", hjtj_version());
            return 0;
        } else if (strcmp(argv[a], "--kommuner") == 0 && a + 1 < argc) {
            kfile = argv[++a];
        } else if (strncmp(argv[a], "--kommuner=", 11) == 0) {
            kfile = argv[a] + 11;
        } else if (strcmp(argv[a], "--scheme") == 0 && a + 1 < argc) {
            sfile = argv[++a];
        } else if (strncmp(argv[a], "--scheme=", 9) == 0) {
            sfile = argv[a] + 9;
        } else if (argv[a][0] == '-' && argv[a][1] != '\0') {
            fprintf(stderr, "hjtj-classify: unknown option %s\n", argv[a]);
            usage(stderr);
            return 2;
        } else if (file == NULL) {
            file = argv[a];
        } else {
            fprintf(stderr, "hjtj-classify: only one FILE may be given\n");
            return 2;
        }
    }
    reg = cli_load_scheme("hjtj-classify", file, kfile, sfile);
    if (reg == NULL)
        return 2;

    puts("orgnr,hovedvirksomhetstype,ht_sammensetning,kategori,samlemalgruppe,"
         "antall_malgrupper,kommunestorrelse,botilbud");
    n = hjtj_register_count(reg);
    for (i = 0; i < n; i++) {
        const hjtj_record *r = hjtj_register_record(reg, i);
        if (hjtj_record_status(r) != HJTJ_STATUS_AKTIV)
            continue;
        printf("%s,%s,%s,%s,%s,%s,%s,%s\n", hjtj_record_orgnr(r),
               code_or_empty(r, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE),
               code_or_empty(r, HJTJ_FIELD_HT_SAMMENSETNING),
               code_or_empty(r, HJTJ_FIELD_KATEGORI), code_or_empty(r, HJTJ_FIELD_SAMLEMALGRUPPE),
               code_or_empty(r, HJTJ_FIELD_ANTALL_MALGRUPPER),
               code_or_empty(r, HJTJ_FIELD_KOMMUNESTORRELSE),
               code_or_empty(r, HJTJ_FIELD_BOTILBUD));
    }
    n = cli_report_rejects(reg);
    if (fflush(stdout) != 0) {
        hjtj_register_free(reg);
        return 2;
    }
    hjtj_register_free(reg);
    return n > 0 ? 1 : 0;
}
