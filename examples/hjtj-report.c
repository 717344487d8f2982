/* hjtj-report — the tables of SSB Rapporter 2026/5 computed from a register
 * (SPEC §7).
 *
 *   hjtj-report --table ID [--table ID ...] [--format FORMAT] [options] [FILE...]
 *   hjtj-report --all [--format FORMAT] [options] [FILE...]
 *   hjtj-report --figure ID | --chart ID [options] [FILE...]
 *   hjtj-report --list | --list-figures
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
          "                     or, for any other ID, a bar chart of table ID\n"
          "  --chart ID         an SVG bar chart of table ID (also where ID is a figure)\n"
          "  --list             list the table ids and titles\n"
          "  --list-figures     list the report's figures: id, table id, title\n"
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

/* Write the tables ids[0..nids) of reg as one output (hjtj_writer): to the
 * --output path (a directory for several PX tables), else standard output.
 * 0, or 2 after a message. */
static int publish(const cli_opts *o, const hjtj_register *reg, const char **ids, size_t nids,
                   hjtj_format format)
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
    if (hjtj_writer_new(&w, format, o->lang) != HJTJ_OK || hjtj_table_new(&t) != HJTJ_OK) {
        fprintf(stderr, "%s: out of memory\n", o->prog);
        hjtj_writer_free(w);
        return 2;
    }
    for (i = 0; i < nids; i++) {
        st = hjtj_table_build(t, reg, ids[i]);
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
    }
    if (rc == 0 || hjtj_writer_count(w) > 0) {
        if (to_stdout) {
            st = hjtj_writer_finish(w, write_out, stdout);
            /* a failed write (HJTJ_ERR_ABORTED) is reported when stdout is closed */
            if (st != HJTJ_OK && st != HJTJ_ERR_ABORTED)
                cli_print_error(o->prog, hjtj_writer_error(w));
            if (cli_close_output(o, stdout) != 0 || st != HJTJ_OK)
                rc = 2;
        } else {
            st = hjtj_writer_finish_path(w, o->output);
            if (st != HJTJ_OK) {
                cli_print_error(o->prog, hjtj_writer_error(w));
                rc = 2;
            }
        }
    }
    hjtj_table_free(t);
    hjtj_writer_free(w);
    return rc;
}

/* The report figure with this id, or -1. */
static long figure_index(const char *id)
{
    size_t i;
    for (i = 0; i < hjtj_figure_count(); i++)
        if (strcmp(hjtj_figure_id(i), id) == 0)
            return (long)i;
    return -1;
}

/* --figure / --chart: the SVG of report figure `fig` (-1: a bar chart) of
 * table tid, to the --output path or standard output. */
static int write_figure(const cli_opts *o, const hjtj_register *reg, long fig, const char *tid)
{
    const char *fid = fig >= 0 ? hjtj_figure_id((size_t)fig) : NULL;
    int to_stdout = o->output == NULL || strcmp(o->output, "-") == 0, rc = 0;
    hjtj_table *t = NULL;
    hjtj_status st;
    if (hjtj_table_new(&t) != HJTJ_OK) {
        fprintf(stderr, "%s: out of memory\n", o->prog);
        return 2;
    }
    st = hjtj_table_build(t, reg, tid);
    if (st == HJTJ_OK)
        st = to_stdout ? hjtj_figure_write(t, fid, o->lang, write_out, stdout)
                       : hjtj_figure_write_path(t, fid, o->lang, o->output);
    if (st != HJTJ_OK && st != HJTJ_ERR_ABORTED) {
        cli_print_error(o->prog, hjtj_table_error(t));
        rc = 2;
    }
    if (to_stdout && (cli_close_output(o, stdout) != 0 || st != HJTJ_OK))
        rc = 2;
    hjtj_table_free(t);
    return rc;
}

/* --format html --charts: the page with a bar chart beside every table
 * that holds no figure of the report (hjtj_html). */
static int write_page(const cli_opts *o, const hjtj_register *reg, const char **ids, size_t nids)
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

int main(int argc, char **argv)
{
    cli_opts o;
    const char **ids;
    size_t nids = 0, i;
    int all = 0, list = 0, a, rc = 0, format_given = 0, charts = 0, list_figures = 0;
    const char *figure = NULL, *chart = NULL;
    int32_t format = HJTJ_FORMAT_CSV;
    hjtj_register *reg;
    FILE *out;

    if (cli_init(&o, "hjtj-report", argc) != 0)
        return 2;
    ids = calloc((size_t)argc + hjtj_catalog_count() + 1, sizeof *ids);
    if (ids == NULL)
        return cli_done(&o, 2);
    for (a = 1; a < argc; a++) {
        const char *arg = argv[a], *v;
        int missing = 0, r = cli_shared_option(&o, argc, argv, &a);
        if (r != 0) {
            if (r > 0)
                continue;
            free(ids);
            return cli_done(&o, 2);
        }
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            free(ids);
            return cli_done(&o, cli_close_output(&o, stdout));
        } else if (strcmp(arg, "--version") == 0) {
            printf("hjtj-report (libhjtj) %s\n", hjtj_version());
            free(ids);
            return cli_done(&o, cli_close_output(&o, stdout));
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
                free(ids);
                return cli_done(&o, 2);
            }
        } else if (missing) {
            fprintf(stderr, "hjtj-report: option %s needs a value; see hjtj-report --help\n", arg);
            free(ids);
            return cli_done(&o, 2);
        } else if (arg[0] == '-' && arg[1] != '\0') {
            free(ids);
            return cli_done(&o, cli_unknown_option(&o, arg));
        } else if (cli_file(&o, arg) != 0) {
            free(ids);
            return cli_done(&o, 2);
        }
    }
    if (list) {
        out = cli_output(&o);
        for (i = 0; out != NULL && i < hjtj_catalog_count(); i++)
            fprintf(out, "%s\t%s\n", hjtj_catalog_id(i), hjtj_catalog_title(i, o.lang));
        free(ids);
        return cli_done(&o, cli_close_output(&o, out));
    }
    if (list_figures) {
        out = cli_output(&o);
        for (i = 0; out != NULL && i < hjtj_figure_count(); i++)
            fprintf(out, "%s\t%s\t%s\n", hjtj_figure_id(i), hjtj_figure_table(i),
                    hjtj_figure_title(i, o.lang));
        free(ids);
        return cli_done(&o, cli_close_output(&o, out));
    }
    if (all) {
        nids = 0;
        for (i = 0; i < hjtj_catalog_count(); i++)
            ids[nids++] = hjtj_catalog_id(i);
    }
    if (nids == 0 && figure == NULL && chart == NULL) {
        fprintf(stderr, "hjtj-report: give --table ID, --all, --figure ID or --list; see "
                        "hjtj-report --help\n");
        free(ids);
        return cli_done(&o, 2);
    }
    if (!format_given && o.output != NULL && strcmp(o.output, "-") != 0) {
        format = hjtj_format_from_path(o.output);
        if (format < 0)
            format = HJTJ_FORMAT_CSV;
    }
    reg = cli_load(&o);
    if (reg == NULL) {
        free(ids);
        return cli_done(&o, 2);
    }
    if (figure != NULL || chart != NULL) {
        long fig = chart ? -1 : figure_index(figure);
        rc = write_figure(&o, reg, fig,
                          fig >= 0 ? hjtj_figure_table((size_t)fig) : chart ? chart : figure);
    } else if (format == HJTJ_FORMAT_HTML && charts) {
        rc = write_page(&o, reg, ids, nids);
    } else {
        rc = publish(&o, reg, ids, nids, (hjtj_format)format);
    }
    rc = cli_summary(&o, reg, rc);
    hjtj_register_free(reg);
    free(ids);
    return cli_done(&o, rc);
}
