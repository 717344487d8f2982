/* hjtj-report — the tables of SSB Rapporter 2026/5 computed from a register
 * (SPEC §7).
 *
 *   hjtj-report --table ID [--table ID ...] [--format FORMAT] [-o FILE] [--lang nb|en] [FILE]
 *   hjtj-report --all [--format FORMAT] [-o FILE|DIR] [--lang nb|en] [FILE]
 *   hjtj-report --figure ID | --chart ID [-o FILE.svg] [--lang nb|en] [FILE]
 *   hjtj-report --list | --list-figures
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
          "       hjtj-report --figure ID [options] [FILE]\n"
          "       hjtj-report --list | --list-figures\n"
          "Compute the tables of SSB Rapporter 2026/5 from a register.\n"
          "\n"
          "FILE is a register in XML or CSV (detected by content); without FILE the\n"
          "bundled synthetic 2024 register is read.\n"
          "\n"
          "  --table ID       a table as numbered in the report (3.5, 4.19, C1, ...);\n"
          "                   may be repeated\n"
          "  --all            every table, in report order\n"
          "  --format FORMAT  csv (default; the report's header and row labels), text,\n"
          "                   json-stat, px, xlsx or html (see hjtj-formats(5)); html is\n"
          "                   one self-contained page with every table, the report's\n"
          "                   figures beside their tables and a table of contents\n"
          "  --charts         with html: a bar chart beside every table that holds no\n"
          "                   figure of the report\n"
          "  --figure ID      an SVG figure: a report figure (3.3, 3.4, 4.1, 4.2, 5.1),\n"
          "                   or, for any other ID, a bar chart of table ID\n"
          "  --chart ID       an SVG bar chart of table ID (also where ID is a figure)\n"
          "  -o, --output F   write to F instead of standard output; the format is also\n"
          "                   taken from its extension (.csv .txt .json .px .xlsx .html);\n"
          "                   PX with several tables: F is a directory, one .px each\n"
          "  --lang nb|en     language of titles, labels and notes (default nb)\n"
          "  --kommuner FILE  municipality table (kommunenr;navn;innbyggere)\n"
          "  --scheme FILE    classification scheme (XML, hjtj-formats(5))\n"
          "  --list           list the table ids and titles\n"
          "  --list-figures   list the report's figures: id, table id, title\n"
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

/* Write the tables ids[0..nids) of reg in one output (hjtj_writer). */
static int publish(hjtj_register *reg, const char **ids, size_t nids, hjtj_format format,
                   hjtj_lang lang, const char *output)
{
    hjtj_writer *w = NULL;
    hjtj_table *t = NULL;
    size_t i;
    int rc = 0;
    hjtj_status st;
    if (format == HJTJ_FORMAT_PX && nids > 1 && output == NULL) {
        fprintf(stderr, "hjtj-report: PX holds one table per file: give -o DIR for %zu tables\n",
                nids);
        return 2;
    }
    if (hjtj_writer_new(&w, format, lang) != HJTJ_OK || hjtj_table_new(&t) != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: out of memory\n");
        hjtj_writer_free(w);
        return 2;
    }
    for (i = 0; i < nids; i++) {
        st = hjtj_table_build(t, reg, ids[i]);
        if (st != HJTJ_OK) {
            fprintf(stderr, "hjtj-report: table %s: %s\n", ids[i],
                    hjtj_error_message(hjtj_table_error(t)));
            rc = 2;
            continue;
        }
        if (hjtj_writer_add(w, t) != HJTJ_OK) {
            fprintf(stderr, "hjtj-report: %s\n", hjtj_error_message(hjtj_writer_error(w)));
            rc = 2;
            break;
        }
    }
    if (rc == 0 || hjtj_writer_count(w) > 0) {
        st = output ? hjtj_writer_finish_path(w, output) : hjtj_writer_finish(w, write_out, stdout);
        if (st != HJTJ_OK) {
            fprintf(stderr, "hjtj-report: %s\n", hjtj_error_message(hjtj_writer_error(w)));
            rc = 2;
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

/* --figure / --chart: the SVG of figure `fig` (-1: a bar chart) of table tid. */
static int write_figure(const hjtj_register *reg, long fig, const char *tid, hjtj_lang lang,
                        const char *output)
{
    const char *fid = fig >= 0 ? hjtj_figure_id((size_t)fig) : NULL;
    hjtj_table *t = NULL;
    hjtj_status st;
    int rc = 0;
    if (hjtj_table_new(&t) != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: out of memory\n");
        return 2;
    }
    st = hjtj_table_build(t, reg, tid);
    if (st == HJTJ_OK)
        st = output ? hjtj_figure_write_path(t, fid, lang, output)
                    : hjtj_figure_write(t, fid, lang, write_out, stdout);
    if (st != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: figure of table %s: %s\n", tid,
                hjtj_error_message(hjtj_table_error(t)));
        rc = 2;
    }
    hjtj_table_free(t);
    return rc;
}

/* --format html --charts: the page with a bar chart beside every table. */
static int write_page(const hjtj_register *reg, const char **ids, size_t nids, hjtj_lang lang,
                      const char *output)
{
    hjtj_html *page = NULL;
    hjtj_table *t = NULL;
    hjtj_status st;
    size_t i;
    int rc = 0;
    if (hjtj_html_new(&page, lang) != HJTJ_OK || hjtj_table_new(&t) != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: out of memory\n");
        hjtj_html_free(page);
        return 2;
    }
    for (i = 0; i < nids; i++) {
        if (hjtj_table_build(t, reg, ids[i]) != HJTJ_OK) {
            fprintf(stderr, "hjtj-report: table %s: %s\n", ids[i],
                    hjtj_error_message(hjtj_table_error(t)));
            rc = 2;
        } else if (hjtj_html_add_table(page, t, 1) != HJTJ_OK) {
            fprintf(stderr, "hjtj-report: table %s: %s\n", ids[i],
                    hjtj_error_message(hjtj_html_error(page)));
            rc = 2;
        }
    }
    st = output ? hjtj_html_write_path(page, output) : hjtj_html_write(page, write_out, stdout);
    if (st != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: %s\n", hjtj_error_message(hjtj_html_error(page)));
        rc = 2;
    }
    hjtj_table_free(t);
    hjtj_html_free(page);
    return rc;
}

int main(int argc, char **argv)
{
    const char *file = NULL, *kfile = NULL, *output = NULL, *sfile = NULL;
    const char *figure = NULL, *chart = NULL;
    int charts = 0, list_figures = 0;
    hjtj_lang lang = HJTJ_LANG_NB;
    int format_given = 0;
    const char **ids;
    size_t nids = 0, i;
    int all = 0, list = 0, a, rc = 0;
    int32_t format = HJTJ_FORMAT_CSV;
    hjtj_register *reg;

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
        } else if (strcmp(arg, "--list-figures") == 0) {
            list_figures = 1;
        } else if (strcmp(arg, "--charts") == 0) {
            charts = 1;
        } else if (strcmp(arg, "--figure") == 0 && a + 1 < argc) {
            figure = argv[++a];
        } else if (strncmp(arg, "--figure=", 9) == 0) {
            figure = arg + 9;
        } else if (strcmp(arg, "--chart") == 0 && a + 1 < argc) {
            chart = argv[++a];
        } else if (strncmp(arg, "--chart=", 8) == 0) {
            chart = arg + 8;
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
            format_given = 1;
            if (format < 0) {
                fprintf(stderr,
                        "hjtj-report: unknown format '%s' (csv, text, json-stat, px, xlsx, "
                        "html)\n",
                        v);
                free(ids);
                return 2;
            }
        } else if (((strcmp(arg, "-o") == 0 || strcmp(arg, "--output") == 0) && a + 1 < argc) ||
                   strncmp(arg, "--output=", 9) == 0) {
            output = arg[8] == '=' ? arg + 9 : argv[++a];
        } else if ((strcmp(arg, "--lang") == 0 && a + 1 < argc) ||
                   strncmp(arg, "--lang=", 7) == 0) {
            const char *v = arg[6] == '=' ? arg + 7 : argv[++a];
            if (cli_parse_lang(v, &lang) != 0) {
                fprintf(stderr, "hjtj-report: unknown language '%s' (nb or en)\n", v);
                free(ids);
                return 2;
            }
        } else if (strcmp(arg, "--kommuner") == 0 && a + 1 < argc) {
            kfile = argv[++a];
        } else if (strncmp(arg, "--kommuner=", 11) == 0) {
            kfile = arg + 11;
        } else if (strcmp(arg, "--scheme") == 0 && a + 1 < argc) {
            sfile = argv[++a];
        } else if (strncmp(arg, "--scheme=", 9) == 0) {
            sfile = arg + 9;
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
            printf("%s\t%s\n", hjtj_catalog_id(i), hjtj_catalog_title(i, lang));
        free(ids);
        return 0;
    }
    if (list_figures) {
        for (i = 0; i < hjtj_figure_count(); i++)
            printf("%s\t%s\t%s\n", hjtj_figure_id(i), hjtj_figure_table(i),
                   hjtj_figure_title(i, lang));
        free(ids);
        return 0;
    }
    if (all) {
        nids = 0;
        for (i = 0; i < hjtj_catalog_count(); i++)
            ids[nids++] = hjtj_catalog_id(i);
    }
    if (nids == 0 && figure == NULL && chart == NULL) {
        fprintf(stderr, "hjtj-report: give --table ID, --all, --figure ID or --list\n");
        usage(stderr);
        free(ids);
        return 2;
    }
    reg = cli_load_scheme("hjtj-report", file, kfile, sfile);
    if (reg == NULL) {
        free(ids);
        return 2;
    }
    cli_report_rejects(reg);
    if (!format_given && output != NULL)
        format = cli_format_from_path(output);
    if (figure != NULL || chart != NULL) {
        long fig = chart ? -1 : figure_index(figure);
        const char *tid = fig >= 0 ? hjtj_figure_table((size_t)fig) : chart ? chart : figure;
        rc = write_figure(reg, fig, tid, lang, output);
    } else if (format == HJTJ_FORMAT_HTML && charts) {
        rc = write_page(reg, ids, nids, lang, output);
    } else {
        rc = publish(reg, ids, nids, (hjtj_format)format, lang, output);
    }
    if (fflush(stdout) != 0)
        rc = 2;
    hjtj_register_free(reg);
    free(ids);
    return rc;
}
