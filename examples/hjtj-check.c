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
#include <sys/stat.h>

#define PROG "hjtj-check"
#define DEFAULT_REGISTER "register-2024-syntetisk.xml"

static void usage(FILE *f)
{
    int32_t k;
    fputs("Usage: hjtj-check [options] [FILE...]\n"
          "List the data-quality checks each record trips, for the editing round\n"
          "(SSB Rapporter 2026/5, chapter 2.3): CSV fil,linje,orgnr,kontroll,melding\n"
          "on stdout in input order, then a summary per check on stderr.\n"
          "\n"
          "FILE is a register in XML or CSV (detected by content); several FILEs load\n"
          "into one register, '-' is standard input.  Without FILE: standard input\n"
          "when it is a pipe or a file, else the bundled synthetic 2024 register.\n"
          "\n"
          "  --only KONTROLL  only these checks (repeatable, or comma-separated)\n"
          "  --summary        print only the summary (kontroll,antall), on stdout\n"
          "  --scheme FILE    classification scheme (XML, hjtj-formats(5))\n"
          "  --kommuner FILE  municipality table (kommunenr;navn;innbyggere)\n"
          "  --lang nb|en     language of the messages (default nb)\n"
          "  -o, --output FILE  write to FILE instead of stdout\n"
          "  --help           show this help\n"
          "  --version        show the library version\n"
          "\n"
          "Checks:\n",
          f);
    for (k = 0; k < hjtj_check_kinds(); k++)
        fprintf(f, "  %-31s %s\n", hjtj_check_code((hjtj_check)k),
                hjtj_check_description((hjtj_check)k, HJTJ_LANG_EN));
    fputs("\nExit status: 0 all records loaded, 1 a record was rejected, 2 error.\n", f);
}

/* ---- options ---- */

typedef struct options {
    const char **files;
    size_t nfiles;
    const char *scheme, *kommuner, *output;
    hjtj_lang lang;
    int summary_only;
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

/* The value of option `name` at argv[*a] ("--name V" or "--name=V"), or NULL
 * when argv[*a] is not that option.  *missing is set when V is absent. */
static const char *opt_value(int argc, char **argv, int *a, const char *name, int *missing)
{
    size_t n = strlen(name);
    const char *arg = argv[*a];
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] != '\0')
        return NULL;
    if (*a + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*a];
}

/* 0 to go on, or the exit status + 1 (help, version, usage error). */
static int parse_options(options *o, int argc, char **argv)
{
    int a, missing = 0, only_args = 0;
    for (a = 1; a < argc; a++) {
        const char *arg = argv[a], *v;
        if (only_args || arg[0] != '-' || arg[1] == '\0') {
            o->files[o->nfiles++] = arg;
        } else if (strcmp(arg, "--") == 0) {
            only_args = 1;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 1;
        } else if (strcmp(arg, "--version") == 0) {
            printf("%s (libhjtj) %s\n", PROG, hjtj_version());
            return 1;
        } else if (strcmp(arg, "--summary") == 0) {
            o->summary_only = 1;
        } else if ((v = opt_value(argc, argv, &a, "--only", &missing)) != NULL) {
            if (add_only(o, v) != 0)
                return 3;
        } else if ((v = opt_value(argc, argv, &a, "--scheme", &missing)) != NULL) {
            o->scheme = v;
        } else if ((v = opt_value(argc, argv, &a, "--kommuner", &missing)) != NULL) {
            o->kommuner = v;
        } else if ((v = opt_value(argc, argv, &a, "--output", &missing)) != NULL ||
                   (v = opt_value(argc, argv, &a, "-o", &missing)) != NULL) {
            o->output = v;
        } else if ((v = opt_value(argc, argv, &a, "--lang", &missing)) != NULL) {
            if (strcmp(v, "nb") != 0 && strcmp(v, "en") != 0) {
                fprintf(stderr, "%s: unknown language '%s' (nb or en)\n", PROG, v);
                return 3;
            }
            o->lang = strcmp(v, "en") == 0 ? HJTJ_LANG_EN : HJTJ_LANG_NB;
        } else {
            if (missing)
                fprintf(stderr, "%s: option %s needs a value\n", PROG, arg);
            else
                fprintf(stderr, "%s: unknown option %s\n", PROG, arg);
            usage(stderr);
            return 3;
        }
    }
    if (!o->any_only)
        memset(o->only, 1, sizeof o->only);
    return 0;
}

/* ---- loading ---- */

static int64_t read_stdin(char *buf, size_t len, void *ud)
{
    size_t got = fread(buf, 1, len, (FILE *)ud);
    if (got == 0 && ferror((FILE *)ud))
        return -1;
    return (int64_t)got;
}

static int stdin_has_data(void)
{
    struct stat st;
    return fstat(0, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
                                  (S_ISREG(st.st_mode) && st.st_size > 0));
}

static hjtj_status load_one(hjtj_register *reg, const char *file)
{
    if (strcmp(file, "-") == 0)
        return hjtj_register_load_callback(reg, read_stdin, stdin, "<stdin>");
    return hjtj_register_load_file(reg, file);
}

static hjtj_register *load(const options *o)
{
    hjtj_register *reg = cli_register_new(PROG, o->kommuner, o->scheme);
    char defbuf[4096];
    const char *deflt = "-";
    size_t i, n = o->nfiles;
    const char *const *files = o->files;
    if (reg == NULL)
        return NULL;
    if (n == 0) {
        /* SPEC §7: piped data is never replaced by the bundled register */
        if (!stdin_has_data()) {
            const char *dir = getenv("HJTJ_DATADIR");
            snprintf(defbuf, sizeof defbuf, "%s/%s", dir && *dir ? dir : HJTJ_PKGDATADIR,
                     DEFAULT_REGISTER);
            deflt = defbuf;
            fprintf(stderr, "%s: no input given: reading the bundled synthetic register %s\n",
                    PROG, deflt);
        }
        files = &deflt;
        n = 1;
    }
    for (i = 0; i < n; i++) {
        hjtj_status st = load_one(reg, files[i]);
        if (st != HJTJ_OK) {
            cli_print_error(PROG, hjtj_register_error(reg), st);
            hjtj_register_free(reg);
            return NULL;
        }
    }
    return reg;
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
    options o;
    hjtj_register *reg;
    hjtj_checks *checks = NULL;
    hjtj_status st;
    FILE *out = stdout;
    size_t rejected;
    int rc;

    memset(&o, 0, sizeof o);
    o.files = calloc((size_t)argc + 1, sizeof *o.files);
    if (o.files == NULL)
        return 2;
    rc = parse_options(&o, argc, argv);
    if (rc != 0) {
        free(o.files);
        return rc - 1;
    }
    reg = load(&o);
    free(o.files);
    if (reg == NULL)
        return 2;
    st = hjtj_checks_new(&checks);
    if (st == HJTJ_OK)
        st = hjtj_checks_run(checks, reg);
    if (st != HJTJ_OK) {
        cli_print_error(PROG, hjtj_checks_error(checks), st);
        hjtj_checks_free(checks);
        hjtj_register_free(reg);
        return 2;
    }
    if (o.output != NULL && (out = fopen(o.output, "w")) == NULL) {
        fprintf(stderr, "%s: cannot write %s\n", PROG, o.output);
        hjtj_checks_free(checks);
        hjtj_register_free(reg);
        return 2;
    }
    if (o.summary_only) {
        write_summary(out, checks, &o);
    } else {
        write_hits(out, checks, &o);
        write_summary(stderr, checks, &o);
    }
    rc = 0;
    if (fflush(out) != 0 || ferror(out) || (out != stdout && fclose(out) != 0)) {
        fprintf(stderr, "%s: write error on %s\n", PROG, o.output ? o.output : "stdout");
        rc = 2;
    }
    rejected = cli_report_rejects(reg);
    if (rejected > 0)
        fprintf(stderr, "%s: %zu read, %zu loaded, %zu rejected\n", PROG,
                hjtj_register_read_count(reg), hjtj_register_count(reg), rejected);
    hjtj_checks_free(checks);
    hjtj_register_free(reg);
    if (rc == 0 && rejected > 0)
        rc = 1;
    return rc;
}
