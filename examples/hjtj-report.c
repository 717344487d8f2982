/* hjtj-report — the tables of SSB Rapporter 2026/5 computed from a register
 * (SPEC §7).
 *
 *   hjtj-report --table ID [--table ID ...] [--format FORMAT] [options] [FILE...]
 *   hjtj-report --all [--format FORMAT] [options] [FILE...]
 *   hjtj-report --rows FIELD [--cols FIELD] [--where FIELD=CODES]...
 *               [--population P] [--measure M] [--link FILE] [options] [FILE...]
 *   hjtj-report --profile KOMMUNENR [options] [FILE...]
 *   hjtj-report --figure ID | --chart ID [options] [FILE...]
 *   hjtj-report --figure custom --rows FIELD [custom-table options] [FILE...]
 *   hjtj-report --list | --list-figures
 *   ... --protect K       small-count protection (SPEC §11)
 *
 * Input, the shared options and the exit status are those of common.h:
 * 0 every record loaded, 1 some record rejected (summary on stderr after the
 * tables), 2 an error (unreadable input, unknown table, failed write). */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("Usage: hjtj-report --table ID [--table ID ...] [options] [FILE...]\n"
          "       hjtj-report --all [options] [FILE...]\n"
          "       hjtj-report --figure ID [options] [FILE...]\n"
          "       hjtj-report --list | --list-figures\n"
          "Compute the tables of SSB Rapporter 2026/5 from a register.\n"
          "\n"
          "  --table ID         a table as numbered in the report (3.5, 4.19, C1, ...);\n"
          "                     may be repeated\n"
          "  --all              every table, in report order\n"
          "  --format FORMAT    csv (default; the report's header and row labels), text,\n"
          "                     json-stat, px, xlsx or html (see hjtj-formats(5));\n"
          "                     without it the extension of -o decides (.csv .txt .json\n"
          "                     .px .xlsx .html); html is one self-contained page with\n"
          "                     every table, the report's figures beside their tables\n"
          "                     and a table of contents;\n"
          "                     PX with several tables: -o names a directory, one .px each\n"
          "  --charts           with html: a bar chart beside every table that holds no\n"
          "                     figure of the report\n"
          "  --figure ID        an SVG figure: a report figure (3.3, 3.4, 4.1, 4.2, 5.1),\n"
          "                     for any other ID a bar chart of table ID, and with\n"
          "                     'custom' a bar chart of the custom table below\n"
          "  --chart ID         an SVG bar chart of table ID (also where ID is a figure)\n"
          "  --list             list the table ids and titles\n"
          "  --list-figures     list the report's figures: id, table id, title\n"
          "  --protect K        suppress (:) every count of 1..K enterprises, what is\n"
          "                     computed from it, and enough other cells that none can\n"
          "                     be worked out from the sums (K a whole number >= 1), in\n"
          "                     the report's tables and custom tables; the number of\n"
          "                     suppressed cells goes to stderr\n"
          "\n"
          "Custom tables (hjtj_crosstab(3)):\n"
          "  --rows FIELD       row dimension (kategori, fylke, malgruppe, ...)\n"
          "  --cols FIELD       column dimension (optional)\n"
          "  --where FIELD=CODE[,CODE...]  keep records with one of the codes; repeatable\n"
          "  --population P     populasjon (default), aktiv or alle\n"
          "  --measure M        antall (default), andel-rad, andel-kolonne, andel-total,\n"
          "                     sum:VAR, gjennomsnitt:VAR, median:VAR (VAR: boenheter or\n"
          "                     a column of the link file)\n"
          "  --link FILE        CSV with orgnr and numeric columns, joined by orgnr\n"
          "  --profile KOMMUNENR  a municipality beside its size class and the country\n"
          "\n"
          "With several tables, CSV output puts a line '# Tabell ID' before each.\n"
          "\n",
          f);
    cli_shared_help(f);
}

static int write_out(const char *data, size_t len, void *ud)
{
    return fwrite(data, 1, len, (FILE *)ud) == len ? 0 : -1;
}

/* Write what writer w holds to the --output path (a directory for several
 * PX tables), else standard output: 0, or 2 after a message. */
static int finish(const cli_opts *o, hjtj_writer *w)
{
    hjtj_status st;
    if (o->output == NULL || strcmp(o->output, "-") == 0) {
        st = hjtj_writer_finish(w, write_out, stdout);
        /* a failed write (HJTJ_ERR_ABORTED) is reported when stdout is closed */
        if (st != HJTJ_OK && st != HJTJ_ERR_ABORTED)
            cli_print_error(o->prog, hjtj_writer_error(w));
        return cli_close_output(o, stdout) != 0 || st != HJTJ_OK ? 2 : 0;
    }
    st = hjtj_writer_finish_path(w, o->output);
    if (st != HJTJ_OK) {
        cli_print_error(o->prog, hjtj_writer_error(w));
        return 2;
    }
    return 0;
}

/* The SVG of report figure fid (NULL: a bar chart) of the built table t, to
 * the --output path or standard output: 0, or 2 after a message. */
static int put_figure(const cli_opts *o, const hjtj_table *t, const char *fid)
{
    int to_stdout = o->output == NULL || strcmp(o->output, "-") == 0, rc = 0;
    hjtj_status st = to_stdout ? hjtj_figure_write(t, fid, o->lang, write_out, stdout)
                               : hjtj_figure_write_path(t, fid, o->lang, o->output);
    if (st != HJTJ_OK && st != HJTJ_ERR_ABORTED) {
        cli_print_error(o->prog, hjtj_table_error(t));
        rc = 2;
    }
    if (to_stdout && (cli_close_output(o, stdout) != 0 || st != HJTJ_OK))
        rc = 2;
    return rc;
}

/* --figure ID / --chart ID: a report figure (its table built), or a bar
 * chart of table ID. */
static int write_figure(const cli_opts *o, const hjtj_register *reg, const char *id, int chart,
                        long long protect)
{
    const char *fid = NULL, *tid = id;
    hjtj_table *t = NULL;
    size_t i;
    int rc;
    for (i = 0; !chart && i < hjtj_figure_count(); i++)
        if (strcmp(hjtj_figure_id(i), id) == 0) {
            fid = id;
            tid = hjtj_figure_table(i);
        }
    if (hjtj_table_new(&t) != HJTJ_OK) {
        fprintf(stderr, "%s: out of memory\n", o->prog);
        return 2;
    }
    if ((protect > 0 && hjtj_table_set_protect(t, (int64_t)protect) != HJTJ_OK) ||
        hjtj_table_build(t, reg, tid) != HJTJ_OK) {
        cli_print_error(o->prog, hjtj_table_error(t));
        rc = 2;
    } else {
        rc = put_figure(o, t, fid);
    }
    hjtj_table_free(t);
    return rc;
}

/* --format html --charts: the page with a bar chart beside every table
 * that holds no figure of the report (hjtj_html). */
static int write_page(const cli_opts *o, const hjtj_register *reg, const char **ids, size_t nids,
                      long long protect)
{
    int to_stdout = o->output == NULL || strcmp(o->output, "-") == 0, rc = 0;
    hjtj_html *page = NULL;
    hjtj_table *t = NULL;
    hjtj_status st;
    size_t i;
    if (hjtj_html_new(&page, o->lang) != HJTJ_OK || hjtj_table_new(&t) != HJTJ_OK) {
        fprintf(stderr, "%s: out of memory\n", o->prog);
        hjtj_html_free(page);
        return 2;
    }
    if (protect > 0)
        hjtj_table_set_protect(t, (int64_t)protect);
    for (i = 0; i < nids; i++) {
        if (hjtj_table_build(t, reg, ids[i]) != HJTJ_OK) {
            cli_print_error(o->prog, hjtj_table_error(t));
            rc = 2;
        } else if (hjtj_html_add_table(page, t, 1) != HJTJ_OK) {
            cli_print_error(o->prog, hjtj_html_error(page));
            rc = 2;
        }
    }
    st = to_stdout ? hjtj_html_write(page, write_out, stdout)
                   : hjtj_html_write_path(page, o->output);
    if (st != HJTJ_OK && st != HJTJ_ERR_ABORTED) {
        cli_print_error(o->prog, hjtj_html_error(page));
        rc = 2;
    }
    if (to_stdout && (cli_close_output(o, stdout) != 0 || st != HJTJ_OK))
        rc = 2;
    hjtj_table_free(t);
    hjtj_html_free(page);
    return rc;
}

/* The number of cells --protect suppressed, on stderr (the CSV layout has
 * no place for it). */
static void report_suppressed(const cli_opts *o, const hjtj_table *t, const char *id,
                              long long protect)
{
    size_t p = hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_PRIMARY);
    size_t s = hjtj_table_suppressed_count(t, HJTJ_SUPPRESSED_SECONDARY);
    fprintf(stderr, "%s: table %s: %zu cells suppressed (%zu primary, %zu secondary), K = %lld\n",
            o->prog, id, p + s, p, s, protect);
}

/* Write the tables ids[0..nids) of reg as one output (hjtj_writer): to the
 * --output path (a directory for several PX tables), else standard output.
 * 0, or 2 after a message. */
static int publish(const cli_opts *o, const hjtj_register *reg, const char **ids, size_t nids,
                   hjtj_format format, long long protect, int all)
{
    hjtj_writer *w = NULL;
    hjtj_table *t = NULL;
    size_t i;
    int rc = 0, to_stdout = o->output == NULL || strcmp(o->output, "-") == 0;
    hjtj_status st;
    if (format == HJTJ_FORMAT_PX && nids > 1 && to_stdout) {
        fprintf(stderr, "%s: PX holds one table per file: give -o DIR for %zu tables\n", o->prog,
                nids);
        return 2;
    }
    if (hjtj_writer_new(&w, format, o->lang) != HJTJ_OK || hjtj_table_new(&t) != HJTJ_OK ||
        hjtj_table_set_protect(t, (int64_t)protect) != HJTJ_OK) {
        fprintf(stderr, "%s: out of memory\n", o->prog);
        hjtj_table_free(t);
        hjtj_writer_free(w);
        return 2;
    }
    for (i = 0; i < nids; i++) {
        st = hjtj_table_build(t, reg, ids[i]);
        if (st == HJTJ_ERR_NO_COUNTS && all) {
            fprintf(stderr, "%s: table %s left out: no counts of enterprises to protect\n",
                    o->prog, ids[i]);
            continue;
        }
        if (st == HJTJ_ERR_NO_COUNTS) {
            fprintf(stderr,
                    "%s: table %s has no counts of enterprises to protect "
                    "(--protect applies to tables that count enterprises)\n",
                    o->prog, ids[i]);
            rc = 2;
            continue;
        }
        if (st != HJTJ_OK) {
            cli_print_error(o->prog, hjtj_table_error(t));
            rc = 2;
            continue;
        }
        if (hjtj_writer_add(w, t) != HJTJ_OK) {
            cli_print_error(o->prog, hjtj_writer_error(w));
            rc = 2;
            break;
        }
        if (protect > 0)
            report_suppressed(o, t, ids[i], protect);
    }
    if (rc == 0 || hjtj_writer_count(w) > 0) {
        if (finish(o, w) != 0)
            rc = 2;
    }
    hjtj_table_free(t);
    hjtj_writer_free(w);
    return rc;
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
static int custom_run(const custom_opts *co, const cli_opts *o, const hjtj_register *reg,
                      hjtj_format format, long long protect, int figure)
{
    hjtj_link *link = NULL;
    hjtj_crosstab *ct = NULL;
    hjtj_table *t = NULL;
    hjtj_writer *w = NULL;
    hjtj_status st;
    int rc = 0;
    if (co->link) {
        if (hjtj_link_new(&link) != HJTJ_OK)
            return 2;
        (void)hjtj_link_set_encoding(link, o->encoding); /* --encoding, as for CSV input */
        if (hjtj_link_load_file(link, co->link) != HJTJ_OK) {
            cli_print_error(o->prog, hjtj_link_error(link));
            hjtj_link_free(link);
            return 2;
        }
        if (hjtj_link_match(link, reg) != HJTJ_OK) {
            cli_print_error(o->prog, hjtj_link_error(link));
            hjtj_link_free(link);
            return 2;
        }
        if (custom_link_report(link) > 0)
            rc = 1;
    }
    if (!co->profile && (ct = custom_declare(co, link)) == NULL) {
        hjtj_link_free(link);
        return 2;
    }
    if (hjtj_table_new(&t) != HJTJ_OK || hjtj_writer_new(&w, format, o->lang) != HJTJ_OK ||
        hjtj_table_set_protect(t, (int64_t)protect) != HJTJ_OK) {
        fprintf(stderr, "%s: out of memory\n", o->prog);
        rc = 2;
    } else {
        st = co->profile ? hjtj_table_build_profile(t, reg, co->profile)
                         : hjtj_table_build_crosstab(t, reg, ct);
        if (st != HJTJ_OK) {
            cli_print_error(o->prog, hjtj_table_error(t));
            rc = 2;
        } else if (figure) { /* --figure custom: its bar chart */
            if (put_figure(o, t, NULL) != 0)
                rc = 2;
        } else if (hjtj_writer_add(w, t) != HJTJ_OK) {
            cli_print_error(o->prog, hjtj_writer_error(w));
            rc = 2;
        } else if (finish(o, w) != 0) {
            rc = 2;
        } else if (protect > 0) {
            report_suppressed(o, t, "custom", protect);
        }
    }
    hjtj_writer_free(w);
    hjtj_table_free(t);
    hjtj_crosstab_free(ct);
    hjtj_link_free(link);
    return rc;
}

/* Free what main allocated and give the exit status. */
static int leave(cli_opts *o, const char **ids, custom_opts *copts, int rc)
{
    free((void *)ids);
    free((void *)copts->where);
    return cli_done(o, rc);
}

int main(int argc, char **argv)
{
    cli_opts o;
    const char **ids;
    size_t nids = 0, i;
    int all = 0, list = 0, a, rc = 0, format_given = 0, custom, charts = 0, list_figures = 0;
    const char *figure = NULL, *chart = NULL;
    custom_opts copts;
    int32_t format = HJTJ_FORMAT_CSV;
    long long protect = 0;
    hjtj_register *reg;
    FILE *out;

    if (cli_init(&o, "hjtj-report", argc) != 0)
        return 2;
    memset(&copts, 0, sizeof copts);
    ids = calloc((size_t)argc + hjtj_catalog_count() + 1, sizeof *ids);
    copts.where = calloc((size_t)argc + 1, sizeof *copts.where);
    if (ids == NULL || copts.where == NULL)
        return leave(&o, ids, &copts, 2);
    for (a = 1; a < argc; a++) {
        const char *arg = argv[a], *v;
        int missing = 0, r = cli_shared_option(&o, argc, argv, &a);
        if (r == 0 && (r = custom_option(&copts, argc, argv, &a)) < 0)
            fprintf(stderr, "hjtj-report: option %s needs a value; see hjtj-report --help\n", arg);
        if (r != 0) {
            if (r > 0)
                continue;
            return leave(&o, ids, &copts, 2);
        }
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return leave(&o, ids, &copts, cli_close_output(&o, stdout));
        } else if (strcmp(arg, "--version") == 0) {
            printf("hjtj-report (libhjtj) %s\n", hjtj_version());
            return leave(&o, ids, &copts, cli_close_output(&o, stdout));
        } else if (strcmp(arg, "--list") == 0) {
            list = 1;
        } else if (strcmp(arg, "--all") == 0) {
            all = 1;
        } else if (strcmp(arg, "--list-figures") == 0) {
            list_figures = 1;
        } else if (strcmp(arg, "--charts") == 0) {
            charts = 1;
        } else if ((v = cli_option_value(argc, argv, &a, "--figure", NULL, &missing)) != NULL) {
            figure = v;
        } else if ((v = cli_option_value(argc, argv, &a, "--chart", NULL, &missing)) != NULL) {
            chart = v;
        } else if ((v = cli_option_value(argc, argv, &a, "--table", NULL, &missing)) != NULL) {
            ids[nids++] = v;
        } else if ((v = cli_option_value(argc, argv, &a, "--format", NULL, &missing)) != NULL) {
            format = hjtj_format_parse(v);
            format_given = 1;
            if (format < 0) {
                fprintf(stderr,
                        "hjtj-report: unknown format '%s'; the formats are csv, text, "
                        "json-stat, px, xlsx and html\n",
                        v);
                return leave(&o, ids, &copts, 2);
            }
        } else if ((v = cli_option_value(argc, argv, &a, "--protect", NULL, &missing)) != NULL) {
            char *end = NULL;
            protect = strtoll(v, &end, 10);
            if (end == v || *end != '\0' || protect < 1) {
                fprintf(stderr,
                        "hjtj-report: --protect needs a whole number K >= 1 (the largest "
                        "count suppressed), not '%s'\n",
                        v);
                return leave(&o, ids, &copts, 2);
            }
        } else if (missing) {
            fprintf(stderr, "hjtj-report: option %s needs a value; see hjtj-report --help\n", arg);
            return leave(&o, ids, &copts, 2);
        } else if (arg[0] == '-' && arg[1] != '\0') {
            return leave(&o, ids, &copts, cli_unknown_option(&o, arg));
        } else if (cli_file(&o, arg) != 0) {
            return leave(&o, ids, &copts, 2);
        }
    }
    if (list) {
        out = cli_output(&o);
        for (i = 0; out != NULL && i < hjtj_catalog_count(); i++)
            fprintf(out, "%s\t%s\n", hjtj_catalog_id(i), hjtj_catalog_title(i, o.lang));
        return leave(&o, ids, &copts, cli_close_output(&o, out));
    }
    if (list_figures) {
        out = cli_output(&o);
        for (i = 0; out != NULL && i < hjtj_figure_count(); i++)
            fprintf(out, "%s\t%s\t%s\n", hjtj_figure_id(i), hjtj_figure_table(i),
                    hjtj_figure_title(i, o.lang));
        return leave(&o, ids, &copts, cli_close_output(&o, out));
    }
    if (all) {
        nids = 0;
        for (i = 0; i < hjtj_catalog_count(); i++)
            ids[nids++] = hjtj_catalog_id(i);
    }
    custom = copts.rows || copts.profile || copts.cols || copts.nwhere || copts.measure ||
             copts.population || copts.link;
    if (figure != NULL && strcmp(figure, "custom") == 0 && !custom) {
        fprintf(stderr, "hjtj-report: --figure custom draws a custom table: give --rows FIELD "
                        "(and its other options)\n");
        return leave(&o, ids, &copts, 2);
    }
    if (custom && (figure != NULL && strcmp(figure, "custom") != 0)) {
        fprintf(stderr, "hjtj-report: with a custom table, --figure takes 'custom'\n");
        return leave(&o, ids, &copts, 2);
    }
    if (custom && (nids > 0 || (copts.rows == NULL) == (copts.profile == NULL))) {
        fprintf(stderr, "hjtj-report: a custom table needs --rows FIELD (or --profile "
                        "KOMMUNENR), without --table or --all\n");
        return leave(&o, ids, &copts, 2);
    }
    if (!custom && nids == 0 && figure == NULL && chart == NULL) {
        fprintf(stderr, "hjtj-report: give --table ID, --all, --rows FIELD, --profile KOMMUNENR "
                        "or --list; see hjtj-report --help\n");
        return leave(&o, ids, &copts, 2);
    }
    if (!format_given && o.output != NULL && strcmp(o.output, "-") != 0) {
        format = hjtj_format_from_path(o.output);
        if (format < 0)
            format = HJTJ_FORMAT_CSV;
    }
    reg = cli_load(&o);
    if (reg == NULL)
        return leave(&o, ids, &copts, 2);
    if (custom)
        rc = custom_run(&copts, &o, reg, (hjtj_format)format, protect, figure != NULL);
    else if (figure != NULL || chart != NULL)
        rc = write_figure(&o, reg, chart ? chart : figure, chart != NULL, protect);
    else if (format == HJTJ_FORMAT_HTML && charts)
        rc = write_page(&o, reg, ids, nids, protect);
    else
        rc = publish(&o, reg, ids, nids, (hjtj_format)format, protect, all);
    rc = cli_summary(&o, reg, rc);
    hjtj_register_free(reg);
    return leave(&o, ids, &copts, rc);
}
