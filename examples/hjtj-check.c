/* hjtj-check — the data-quality checks of the editing round (SPEC §12, §7).
 *
 *   hjtj-check [--only KONTROLL[,...]]... [--summary] [--scheme FILE]
 *              [--kommuner FILE] [--lang nb|en] [-o FILE] [FILE...]
 *
 * Prints, for every loaded record, the checks it trips as CSV
 * `fil,linje,orgnr,kontroll,melding` in input order, then a summary per
 * check (`kontroll,antall`) on stderr.  Exit status: 0 every record
 * loaded, 1 some record was rejected, 2 an error. */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "hjtj-check"

static void usage(FILE *f)
{
    int32_t k;
    fputs("Usage: hjtj-check [options] [FILE...]\n"
          "List the data-quality checks each record trips, for the editing round\n"
          "(SSB Rapporter 2026/5, chapter 2.3): CSV fil,linje,orgnr,kontroll,melding\n"
          "on stdout in input order, then a summary per check on stderr.\n"
          "\n"
          "  --only KONTROLL    only these checks (repeatable, or comma-separated)\n"
          "  --summary          print only the summary (kontroll,antall), on the output\n"
          "\n"
          "Checks:\n",
          f);
    for (k = 0; k < hjtj_check_kinds(); k++)
        fprintf(f, "  %-31s %s\n", hjtj_check_code((hjtj_check)k),
                hjtj_check_description((hjtj_check)k, HJTJ_LANG_EN));
    fputc('\n', f);
    cli_shared_help(f);
}

/* ---- options ---- */

typedef struct options {
    int summary_only;
    hjtj_lang lang;         /* from --lang (cli_opts) */
    unsigned char only[64]; /* 1 = selected; all when none was named */
    int any_only;
} options;

static void list_checks(FILE *f)
{
    int32_t k;
    fputs("valid checks:", f);
    for (k = 0; k < hjtj_check_kinds(); k++)
        fprintf(f, " %s", hjtj_check_code((hjtj_check)k));
    fputc('\n', f);
}

/* Add the comma-separated checks of v to o->only; -1 on an unknown name. */
static int add_only(options *o, const char *v)
{
    char name[64];
    while (*v) {
        size_t n = strcspn(v, ",");
        int32_t k;
        if (n > 0) {
            if (n >= sizeof name)
                n = sizeof name - 1;
            memcpy(name, v, n);
            name[n] = '\0';
            k = hjtj_check_parse(name);
            if (k < 0) {
                fprintf(stderr, "%s: unknown check '%s'\n", PROG, name);
                list_checks(stderr);
                return -1;
            }
            o->only[k] = 1;
            o->any_only = 1;
        }
        v += strcspn(v, ",");
        if (*v == ',')
            v++;
    }
    return 0;
}

/* -1 to go on, else the exit status (help, version, usage error). */
static int parse_options(cli_opts *c, options *o, int argc, char **argv)
{
    int a;
    for (a = 1; a < argc; a++) {
        const char *arg = argv[a], *v;
        int missing = 0, r = cli_shared_option(c, argc, argv, &a);
        if (r != 0) {
            if (r > 0)
                continue;
            return 2;
        }
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return cli_close_output(c, stdout);
        } else if (strcmp(arg, "--version") == 0) {
            printf("%s (libhjtj) %s\n", PROG, hjtj_version());
            return cli_close_output(c, stdout);
        } else if (strcmp(arg, "--summary") == 0) {
            o->summary_only = 1;
        } else if ((v = cli_option_value(argc, argv, &a, "--only", NULL, &missing)) != NULL) {
            if (add_only(o, v) != 0)
                return 2;
        } else if (missing) {
            fprintf(stderr, "%s: option %s needs a value; see %s --help\n", PROG, arg, PROG);
            return 2;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            return cli_unknown_option(c, arg);
        } else if (cli_file(c, arg) != 0) {
            return 2;
        }
    }
    if (!o->any_only)
        memset(o->only, 1, sizeof o->only);
    return -1;
}

/* ---- output ---- */

/* A CSV text field: a value that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading ',
 * then RFC 4180 quoting when needed. */
static void put_text(FILE *f, const char *s)
{
    int formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                  s[0] == '\r';
    if (!formula && strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    if (formula)
        fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void write_hits(FILE *f, const hjtj_checks *c, const options *o)
{
    size_t i, n = hjtj_checks_count(c);
    fputs("fil,linje,orgnr,kontroll,melding\n", f);
    for (i = 0; i < n; i++) {
        int32_t k = hjtj_checks_check(c, i);
        if (!o->only[k])
            continue;
        put_text(f, hjtj_checks_file(c, i));
        fprintf(f, ",%llu,", (unsigned long long)hjtj_checks_line(c, i));
        put_text(f, hjtj_checks_orgnr(c, i));
        fprintf(f, ",%s,", hjtj_check_code((hjtj_check)k));
        put_text(f, hjtj_checks_message(c, i, o->lang));
        fputc('\n', f);
    }
}

static void write_summary(FILE *f, const hjtj_checks *c, const options *o)
{
    int32_t k;
    fputs("kontroll,antall\n", f);
    for (k = 0; k < hjtj_check_kinds(); k++)
        if (o->only[k])
            fprintf(f, "%s,%zu\n", hjtj_check_code((hjtj_check)k),
                    hjtj_checks_total(c, (hjtj_check)k));
}

int main(int argc, char **argv)
{
    cli_opts c;
    options o;
    hjtj_register *reg;
    hjtj_checks *checks = NULL;
    hjtj_status st;
    FILE *out;
    int rc;

    memset(&o, 0, sizeof o);
    if (cli_init(&c, PROG, argc) != 0)
        return 2;
    rc = parse_options(&c, &o, argc, argv);
    if (rc >= 0)
        return cli_done(&c, rc);
    o.lang = c.lang;
    reg = cli_load(&c);
    if (reg == NULL)
        return cli_done(&c, 2);
    st = hjtj_checks_new(&checks);
    if (st == HJTJ_OK)
        st = hjtj_checks_run(checks, reg);
    if (st != HJTJ_OK) {
        cli_print_error(PROG, hjtj_checks_error(checks));
        hjtj_checks_free(checks);
        hjtj_register_free(reg);
        return cli_done(&c, 2);
    }
    out = cli_output(&c);
    if (out == NULL) {
        hjtj_checks_free(checks);
        hjtj_register_free(reg);
        return cli_done(&c, 2);
    }
    if (o.summary_only) {
        write_summary(out, checks, &o);
    } else {
        write_hits(out, checks, &o);
        write_summary(stderr, checks, &o);
    }
    rc = cli_close_output(&c, out);
    rc = cli_summary(&c, reg, rc);
    hjtj_checks_free(checks);
    hjtj_register_free(reg);
    return cli_done(&c, rc);
}
