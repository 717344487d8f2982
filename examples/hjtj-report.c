/* hjtj-report — the tables of SSB Rapporter 2026/5 computed from a register
 * (SPEC §7).
 *
 *   hjtj-report --table ID [--table ID ...] [--format csv|text] [FILE]
 *   hjtj-report --all [--format csv|text] [FILE]
 *   hjtj-report --list
 *   hjtj-report --rows FIELD [--cols FIELD] [--where FIELD=CODES]...
 *               [--population P] [--measure M] [--link FILE] [FILE]
 *   hjtj-report --profile KOMMUNENR [FILE]
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
          "  --list           list the table ids and titles\n"
          "\n"
          "Custom tables (hjtj_crosstab(3)):\n"
          "  --rows FIELD     row dimension (kategori, fylke, malgruppe, ...)\n"
          "  --cols FIELD     column dimension (optional)\n"
          "  --where FIELD=CODE[,CODE...]  keep records with one of the codes; repeatable\n"
          "  --population P   populasjon (default), aktiv or alle\n"
          "  --measure M      antall (default), andel-rad, andel-kolonne, andel-total,\n"
          "                   sum:VAR, gjennomsnitt:VAR, median:VAR (VAR: boenheter or a\n"
          "                   column of the link file)\n"
          "  --link FILE      CSV with orgnr and numeric columns, joined by orgnr\n"
          "  --profile KOMMUNENR  a municipality beside its size class and the country\n"
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

/* ---- custom tables (SPEC §9) ---------------------------------------- */

/* The options of a custom table or a profile, gathered before the load. */
typedef struct custom_opts {
    const char *rows, *cols, *population, *measure, *link, *profile;
    const char **where; /* FIELD=CODES */
    size_t nwhere;
} custom_opts;

/* Take a custom-table option at argv[*a]: 1 taken, 0 not one, -1 missing value. */
static int custom_option(custom_opts *o, int argc, char **argv, int *a)
{
    static const char *const names[] = {"--rows", "--cols", "--where", "--population",
                                        "--measure", "--link", "--profile"};
    const char *arg = argv[*a], *val = NULL;
    size_t i, n;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        n = strlen(names[i]);
        if (strncmp(arg, names[i], n) == 0 && (arg[n] == '\0' || arg[n] == '='))
            break;
    }
    if (i == sizeof names / sizeof names[0])
        return 0;
    if (arg[n] == '=')
        val = arg + n + 1;
    else if (*a + 1 < argc)
        val = argv[++*a];
    else
        return -1;
    switch (i) {
    case 0: o->rows = val; break;
    case 1: o->cols = val; break;
    case 2: o->where[o->nwhere++] = val; break;
    case 3: o->population = val; break;
    case 4: o->measure = val; break;
    case 5: o->link = val; break;
    default: o->profile = val; break;
    }
    return 1;
}

/* The declaration of the options; NULL after a message (exit 2). */
static hjtj_crosstab *custom_declare(const custom_opts *o, const hjtj_link *link)
{
    hjtj_crosstab *ct = NULL;
    hjtj_status st;
    size_t i;
    if (hjtj_crosstab_new(&ct) != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: out of memory\n");
        return NULL;
    }
    st = hjtj_crosstab_set_rows(ct, o->rows);
    if (st == HJTJ_OK && o->cols)
        st = hjtj_crosstab_set_cols(ct, o->cols);
    for (i = 0; st == HJTJ_OK && i < o->nwhere; i++) {
        char field[64];
        const char *eq = strchr(o->where[i], '=');
        size_t n = eq ? (size_t)(eq - o->where[i]) : 0;
        if (eq == NULL || n >= sizeof field) {
            fprintf(stderr, "hjtj-report: --where wants FIELD=CODE[,CODE...], not '%s'\n",
                    o->where[i]);
            hjtj_crosstab_free(ct);
            return NULL;
        }
        memcpy(field, o->where[i], n);
        field[n] = '\0';
        st = hjtj_crosstab_add_where(ct, field, eq + 1);
    }
    if (st == HJTJ_OK && o->population)
        st = hjtj_crosstab_set_population(ct, o->population);
    if (st == HJTJ_OK && link)
        st = hjtj_crosstab_set_link(ct, link);
    if (st == HJTJ_OK && o->measure)
        st = hjtj_crosstab_set_measure(ct, o->measure);
    if (st != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: %s\n", hjtj_error_message(hjtj_crosstab_error(ct)));
        hjtj_crosstab_free(ct);
        return NULL;
    }
    return ct;
}

/* Print the link's problem rows; returns their number. */
static size_t custom_link_report(const hjtj_link *link)
{
    size_t i, n = hjtj_link_problem_count(link);
    for (i = 0; i < n; i++) {
        const hjtj_diag *d = hjtj_link_problem(link, i);
        fprintf(stderr, "hjtj-report: %s:%llu: link row %s: %s (%s)\n", hjtj_diag_file(d),
                (unsigned long long)hjtj_diag_line(d), hjtj_diag_orgnr(d), hjtj_diag_message(d),
                hjtj_reason_code(hjtj_diag_reason(d)));
    }
    if (n > 0)
        fprintf(stderr, "hjtj-report: link %s: %zu rows read, %zu used, %zu reported\n",
                hjtj_error_file(hjtj_link_error(link))[0] ? hjtj_error_file(hjtj_link_error(link))
                                                           : "file",
                hjtj_link_read_count(link), hjtj_link_used_count(link), n);
    return n;
}

/* Build and write the custom table or profile the options ask for: exit
 * status 0, 1 (link rows reported) or 2. */
static int custom_run(const custom_opts *o, const hjtj_register *reg, int32_t format)
{
    hjtj_link *link = NULL;
    hjtj_crosstab *ct = NULL;
    hjtj_table *t = NULL;
    hjtj_status st;
    int rc = 0;
    if (o->link) {
        if (hjtj_link_new(&link) != HJTJ_OK)
            return 2;
        if (hjtj_link_load_file(link, o->link) != HJTJ_OK) {
            const hjtj_error *e = hjtj_link_error(link);
            fprintf(stderr, "hjtj-report: %s:%llu:%llu: %s\n", o->link,
                    (unsigned long long)hjtj_error_line(e),
                    (unsigned long long)hjtj_error_column(e), hjtj_error_message(e));
            hjtj_link_free(link);
            return 2;
        }
        if (hjtj_link_match(link, reg) != HJTJ_OK) {
            hjtj_link_free(link);
            return 2;
        }
        if (custom_link_report(link) > 0)
            rc = 1;
    }
    if (!o->profile && (ct = custom_declare(o, link)) == NULL) {
        hjtj_link_free(link);
        return 2;
    }
    if (hjtj_table_new(&t) != HJTJ_OK) {
        rc = 2;
    } else {
        st = o->profile ? hjtj_table_build_profile(t, reg, o->profile)
                        : hjtj_table_build_crosstab(t, reg, ct);
        if (st != HJTJ_OK) {
            fprintf(stderr, "hjtj-report: %s\n", hjtj_error_message(hjtj_table_error(t)));
            rc = 2;
        } else if (hjtj_table_write(t, (hjtj_format)format, write_out, stdout) != HJTJ_OK ||
                   fflush(stdout) != 0) {
            fprintf(stderr, "hjtj-report: cannot write the table\n");
            rc = 2;
        }
    }
    hjtj_table_free(t);
    hjtj_crosstab_free(ct);
    hjtj_link_free(link);
    return rc;
}

int main(int argc, char **argv)
{
    const char *file = NULL, *kfile = NULL;
    const char **ids;
    size_t nids = 0, i;
    int all = 0, list = 0, a, rc = 0, co;
    int32_t format = HJTJ_FORMAT_CSV;
    hjtj_register *reg;
    hjtj_table *t = NULL;
    custom_opts copts;

    memset(&copts, 0, sizeof copts);
    ids = calloc((size_t)argc + hjtj_catalog_count() + 1, sizeof *ids);
    copts.where = calloc((size_t)argc + 1, sizeof *copts.where);
    if (ids == NULL || copts.where == NULL) {
        free(ids);
        free(copts.where);
        return 2;
    }
    for (a = 1; a < argc; a++) {
        const char *arg = argv[a];
        if ((co = custom_option(&copts, argc, argv, &a)) != 0) {
            if (co < 0) {
                fprintf(stderr, "hjtj-report: %s needs a value\n", arg);
                free(ids);
                free(copts.where);
                return 2;
            }
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            free(ids);
            free(copts.where);
            return 0;
        } else if (strcmp(arg, "--version") == 0) {
            printf("hjtj-report (libhjtj) %s\n", hjtj_version());
            free(ids);
            free(copts.where);
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
                free(copts.where);
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
            free(copts.where);
            return 2;
        } else if (file == NULL) {
            file = arg;
        } else {
            fprintf(stderr, "hjtj-report: only one FILE may be given\n");
            free(ids);
            free(copts.where);
            return 2;
        }
    }
    if (list) {
        for (i = 0; i < hjtj_catalog_count(); i++)
            printf("%s\t%s\n", hjtj_catalog_id(i), hjtj_catalog_title(i, HJTJ_LANG_NB));
        free(ids);
        free(copts.where);
        return 0;
    }
    if (all) {
        nids = 0;
        for (i = 0; i < hjtj_catalog_count(); i++)
            ids[nids++] = hjtj_catalog_id(i);
    }
    if (copts.rows || copts.profile || copts.cols || copts.nwhere || copts.measure ||
        copts.population || copts.link) {
        if (nids > 0 || (copts.rows == NULL) == (copts.profile == NULL)) {
            fprintf(stderr, "hjtj-report: a custom table needs --rows FIELD (or --profile "
                            "KOMMUNENR), without --table or --all\n");
            free(ids);
            free(copts.where);
            return 2;
        }
        reg = cli_load("hjtj-report", file, kfile);
        if (reg == NULL) {
            free(ids);
            free(copts.where);
            return 2;
        }
        rc = cli_report_rejects(reg) > 0 ? 1 : 0;
        co = custom_run(&copts, reg, format);
        hjtj_register_free(reg);
        free(ids);
        free(copts.where);
        return co > rc ? co : rc;
    }
    free(copts.where);
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
    for (i = 0; i < nids; i++) {
        hjtj_status st = hjtj_table_build(t, reg, ids[i]);
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
    }
    if (fflush(stdout) != 0)
        rc = 2;
    hjtj_table_free(t);
    hjtj_register_free(reg);
    free(ids);
    return rc;
}
