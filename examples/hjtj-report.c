/* hjtj-report — the tables of SSB Rapporter 2026/5 computed from a register
 * (SPEC §7).
 *
 *   hjtj-report --table ID [--table ID ...] [--format csv|text|html] [FILE]
 *   hjtj-report --all [--format csv|text|html] [-o FILE] [--lang nb|en] [FILE]
 *   hjtj-report --figure ID [-o FILE.svg] [--lang nb|en] [FILE]
 *   hjtj-report --list
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
          "  --format FORMAT  csv (default; the report's header and row labels), text, or\n"
          "                   html (one self-contained page with every table, the\n"
          "                   report's figures beside their tables, a table of contents)\n"
          "  --figure ID      an SVG figure: a report figure (3.3, 3.4, 4.1, 4.2, 5.1),\n"
          "                   or, for any other ID, a bar chart of table ID\n"
          "  --chart ID       an SVG bar chart of table ID (also where ID is a figure)\n"
          "  --charts         with --format html: a bar chart beside every table that\n"
          "                   holds no report figure\n"
          "  --lang LANG      nb (default) or en: titles and labels of html and figures\n"
          "  -o, --output FILE  write to FILE instead of standard output (.html and\n"
          "                   .svg name the format when --format is not given)\n"
          "  --kommuner FILE  municipality table (kommunenr;navn;innbyggere)\n"
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

/* The value of an option given as "--name VALUE" or "--name=VALUE" (NULL if
 * arg is not that option); advances *a past a separate value. */
static const char *opt_value(const char *arg, const char *name, int *a, int argc, char **argv)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] == '\0' && *a + 1 < argc)
        return argv[++*a];
    return NULL;
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
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
                        FILE *out)
{
    hjtj_table *t = NULL;
    int rc = 0;
    if (hjtj_table_new(&t) != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: out of memory\n");
        return 2;
    }
    if (hjtj_table_build(t, reg, tid) != HJTJ_OK ||
        hjtj_figure_write(t, fig >= 0 ? hjtj_figure_id((size_t)fig) : NULL, lang, write_out,
                          out) != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: figure of table %s: %s\n", tid,
                hjtj_error_message(hjtj_table_error(t)));
        rc = 2;
    }
    hjtj_table_free(t);
    return rc;
}

/* --format html: one page with every table. */
static int write_page(const hjtj_register *reg, const char **ids, size_t nids, hjtj_lang lang,
                      int charts, FILE *out)
{
    hjtj_html *page = NULL;
    hjtj_table *t = NULL;
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
        } else if (hjtj_html_add_table(page, t, charts) != HJTJ_OK) {
            fprintf(stderr, "hjtj-report: table %s: %s\n", ids[i],
                    hjtj_error_message(hjtj_html_error(page)));
            rc = 2;
        }
    }
    if (hjtj_html_write(page, write_out, out) != HJTJ_OK) {
        fprintf(stderr, "hjtj-report: cannot write the page\n");
        rc = 2;
    }
    hjtj_table_free(t);
    hjtj_html_free(page);
    return rc;
}

int main(int argc, char **argv)
{
    const char *file = NULL, *kfile = NULL, *output = NULL, *figure = NULL, *chart = NULL, *v;
    const char **ids;
    size_t nids = 0, i;
    int all = 0, list = 0, list_figures = 0, a, rc = 0, charts = 0;
    int32_t format = -1;
    hjtj_lang lang = HJTJ_LANG_NB;
    hjtj_register *reg;
    hjtj_table *t = NULL;
    FILE *out = stdout;

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
        } else if (strcmp(arg, "--all") == 0) {
            all = 1;
        } else if (strcmp(arg, "--table") == 0 && a + 1 < argc) {
            ids[nids++] = argv[++a];
        } else if (strncmp(arg, "--table=", 8) == 0) {
            ids[nids++] = arg + 8;
        } else if ((v = opt_value(arg, "--format", &a, argc, argv)) != NULL) {
            format = hjtj_format_parse(v);
            if (format < 0) {
                fprintf(stderr, "hjtj-report: unknown format '%s' (csv, text or html)\n", v);
                free(ids);
                return 2;
            }
        } else if ((v = opt_value(arg, "--lang", &a, argc, argv)) != NULL) {
            if (strcmp(v, "nb") != 0 && strcmp(v, "en") != 0) {
                fprintf(stderr, "hjtj-report: unknown language '%s' (nb or en)\n", v);
                free(ids);
                return 2;
            }
            lang = strcmp(v, "en") == 0 ? HJTJ_LANG_EN : HJTJ_LANG_NB;
        } else if ((v = opt_value(arg, "--output", &a, argc, argv)) != NULL ||
                   (strcmp(arg, "-o") == 0 && a + 1 < argc && (v = argv[++a]) != NULL)) {
            output = v;
        } else if ((v = opt_value(arg, "--figure", &a, argc, argv)) != NULL) {
            figure = v;
        } else if ((v = opt_value(arg, "--chart", &a, argc, argv)) != NULL) {
            chart = v;
        } else if (strcmp(arg, "--charts") == 0) {
            charts = 1;
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
    if (format < 0)
        format = output && (ends_with(output, ".html") || ends_with(output, ".htm"))
                     ? HJTJ_FORMAT_HTML
                     : HJTJ_FORMAT_CSV;
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
    reg = cli_load("hjtj-report", file, kfile);
    if (reg == NULL) {
        free(ids);
        return 2;
    }
    cli_report_rejects(reg);
    if (output != NULL && (out = fopen(output, "wb")) == NULL) {
        perror(output);
        hjtj_register_free(reg);
        free(ids);
        return 2;
    }
    if (figure != NULL || chart != NULL) {
        long fig = chart ? -1 : figure_index(figure);
        rc = write_figure(reg, fig, fig >= 0 ? hjtj_figure_table((size_t)fig) : chart ? chart : figure, lang, out);
        nids = 0;
    } else if (format == HJTJ_FORMAT_HTML) {
        rc = write_page(reg, ids, nids, lang, charts, out);
        nids = 0;
    }
    if (nids > 0 && hjtj_table_new(&t) != HJTJ_OK) {
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
            fprintf(out, "# Tabell %s\n", ids[i]);
        else if (i > 0)
            putc('\n', out);
        fflush(out);
        if (hjtj_table_write(t, (hjtj_format)format, write_out, out) != HJTJ_OK) {
            fprintf(stderr, "hjtj-report: cannot write table %s\n", ids[i]);
            rc = 2;
            break;
        }
        if (nids > 1 && format == HJTJ_FORMAT_CSV && i + 1 < nids)
            putc('\n', out);
    }
    if (fflush(out) != 0 || (out != stdout && fclose(out) != 0)) {
        fprintf(stderr, "hjtj-report: cannot write %s\n", output ? output : "the output");
        rc = 2;
    }
    hjtj_table_free(t);
    hjtj_register_free(reg);
    free(ids);
    return rc;
}
