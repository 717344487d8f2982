/* hjtj-report — the tables of SSB Rapporter 2026/5 computed from a register
 * (SPEC §7).
 *
 *   hjtj-report --table ID [--table ID ...] [--format csv|text] [FILE]
 *   hjtj-report --all [--format csv|text] [FILE]
 *   hjtj-report --list
 *   ... --protect K    small-count protection (SPEC §11)
 *
 * Exit status: 0 success (records may have been rejected: they are listed on
 * stderr), 2 usage error, unreadable input or unknown table. */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("Usage: hjtj-report --table ID [--table ID ...] [options] [FILE]\n"
          "       hjtj-report --all [options] [FILE]\n"
          "       hjtj-report --list\n"
          "Compute the tables of SSB Rapporter 2026/5 from a register.\n"
          "\n"
          "FILE is a register in XML or CSV (detected by content); without FILE the\n"
          "bundled synthetic 2024 register is read.\n"
          "\n"
          "  --table ID       a table as numbered in the report (3.5, 4.19, C1, ...);\n"
          "                   may be repeated\n"
          "  --all            every table, in report order\n"
          "  --format FORMAT  csv (default; the report's header and row labels) or text\n"
          "  --kommuner FILE  municipality table (kommunenr;navn;innbyggere)\n"
          "  --protect K      suppress (:) every count of 1..K enterprises, what is\n"
          "                   computed from it, and enough other cells that none can\n"
          "                   be worked out from the sums (K an integer >= 1); the\n"
          "                   number of suppressed cells goes to stderr\n"
          "  --list           list the table ids and titles\n"
          "  --help           show this help\n"
          "  --version        show the library version\n"
          "\n"
          "With several tables, CSV output puts a line '# Tabell ID' before each.\n",
          f);
}

static int write_out(const char *data, size_t len, void *ud)
{
    return fwrite(data, 1, len, (FILE *)ud) == len ? 0 : -1;
}

int main(int argc, char **argv)
{
    const char *file = NULL, *kfile = NULL;
    const char **ids;
    size_t nids = 0, i;
    int all = 0, list = 0, a, rc = 0;
    int32_t format = HJTJ_FORMAT_CSV;
    long long protect = 0;
    hjtj_register *reg;
    hjtj_table *t = NULL;

    ids = calloc((size_t)argc + hjtj_catalog_count() + 1, sizeof *ids);
    if (ids == NULL)
        return 2;
    for (a = 1; a < argc; a++) {
        const char *arg = argv[a];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            free(ids);
            return 0;
        } else if (strcmp(arg, "--version") == 0) {
            printf("hjtj-report (libhjtj) %s\n", hjtj_version());
            free(ids);
            return 0;
        } else if (strcmp(arg, "--list") == 0) {
            list = 1;
        } else if (strcmp(arg, "--all") == 0) {
            all = 1;
        } else if (strcmp(arg, "--table") == 0 && a + 1 < argc) {
            ids[nids++] = argv[++a];
        } else if (strncmp(arg, "--table=", 8) == 0) {
            ids[nids++] = arg + 8;
        } else if ((strcmp(arg, "--format") == 0 && a + 1 < argc) ||
                   strncmp(arg, "--format=", 9) == 0) {
            const char *v = arg[8] == '=' ? arg + 9 : argv[++a];
            format = hjtj_format_parse(v);
            if (format < 0) {
                fprintf(stderr, "hjtj-report: unknown format '%s' (csv or text)\n", v);
                free(ids);
                return 2;
            }
        } else if ((strcmp(arg, "--protect") == 0 && a + 1 < argc) ||
                   strncmp(arg, "--protect=", 10) == 0) {
            const char *v = arg[9] == '=' ? arg + 10 : argv[++a];
            char *end = NULL;
            protect = strtoll(v, &end, 10);
            if (end == v || *end != '\0' || protect < 1) {
                fprintf(stderr,
                        "hjtj-report: --protect needs a whole number K >= 1 (the largest "
                        "count suppressed), not '%s'\n",
                        v);
                free(ids);
                return 2;
            }
        } else if (strcmp(arg, "--kommuner") == 0 && a + 1 < argc) {
            kfile = argv[++a];
        } else if (strncmp(arg, "--kommuner=", 11) == 0) {
            kfile = arg + 11;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            fprintf(stderr, "hjtj-report: unknown or incomplete option %s\n", arg);
            usage(stderr);
            free(ids);
            return 2;
        } else if (file == NULL) {
            file = arg;
        } else {
            fprintf(stderr, "hjtj-report: only one FILE may be given\n");
            free(ids);
            return 2;
        }
    }
    if (list) {
        for (i = 0; i < hjtj_catalog_count(); i++)
            printf("%s\t%s\n", hjtj_catalog_id(i), hjtj_catalog_title(i, HJTJ_LANG_NB));
        free(ids);
        return 0;
    }
    if (all) {
        nids = 0;
        for (i = 0; i < hjtj_catalog_count(); i++)
            ids[nids++] = hjtj_catalog_id(i);
    }
    if (nids == 0) {
        fprintf(stderr, "hjtj-report: give --table ID, --all or --list\n");
        usage(stderr);
        free(ids);
        return 2;
    }
    reg = cli_load("hjtj-report", file, kfile);
    if (reg == NULL) {
        free(ids);
        return 2;
    }
    cli_report_rejects(reg);
    if (hjtj_table_new(&t) != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: out of memory\n");
        rc = 2;
        nids = 0;
    }
    if (t != NULL && hjtj_table_set_protect(t, (int64_t)protect) != HJTJ_OK) {
        rc = 2;
        nids = 0;
    }
    for (i = 0; i < nids; i++) {
        hjtj_status st = hjtj_table_build(t, reg, ids[i]);
        if (st == HJTJ_ERR_NO_COUNTS && all) {
            fprintf(stderr, "hjtj-report: table %s left out: no counts of enterprises to protect\n",
                    ids[i]);
            continue;
        }
        if (st == HJTJ_ERR_NO_COUNTS) {
            fprintf(stderr,
                    "hjtj-report: table %s has no counts of enterprises to protect "
                    "(--protect applies to tables that count enterprises)\n",
                    ids[i]);
            rc = 2;
            continue;
        }
        if (st != HJTJ_OK) {
            fprintf(stderr, "hjtj-report: table %s: %s\n", ids[i],
                    hjtj_error_message(hjtj_table_error(t)));
            rc = 2;
            continue;
        }
        if (nids > 1 && format == HJTJ_FORMAT_CSV)
            printf("# Tabell %s\n", ids[i]);
        else if (i > 0)
            putchar('\n');
        fflush(stdout);
        if (hjtj_table_write(t, (hjtj_format)format, write_out, stdout) != HJTJ_OK) {
            fprintf(stderr, "hjtj-report: cannot write table %s\n", ids[i]);
            rc = 2;
            break;
        }
        if (nids > 1 && format == HJTJ_FORMAT_CSV && i + 1 < nids)
            putchar('\n');
        if (protect > 0)
            fprintf(stderr, "hjtj-report: table %s: %zu cells suppressed (%zu primary, %zu secondary), K = %lld\n",
                    ids[i], hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_PRIMARY) +
                                hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_SECONDARY),
                    hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_PRIMARY),
                    hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_SECONDARY), protect);
    }
    if (fflush(stdout) != 0)
        rc = 2;
    hjtj_table_free(t);
    hjtj_register_free(reg);
    free(ids);
    return rc;
}
