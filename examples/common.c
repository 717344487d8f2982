/* common.c — shared by the example programs; see common.h. */
#include "common.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_REGISTER "register-2024-syntetisk.xml"
#define STDIN_NAME "<stdin>"

int cli_init(cli_opts *o, const char *prog, int argc)
{
    memset(o, 0, sizeof *o);
    o->prog = prog;
    o->encoding = HJTJ_ENCODING_UTF8;
    o->lang = HJTJ_LANG_NB;
    o->files = calloc((size_t)(argc > 0 ? argc : 1), sizeof *o->files);
    if (o->files == NULL) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return -1;
    }
    return 0;
}

int cli_done(cli_opts *o, int rc)
{
    free(o->files);
    o->files = NULL;
    return rc;
}

const char *cli_option_value(int argc, char **argv, int *i, const char *name, const char *alt,
                             int *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    *missing = 0;
    if (strcmp(a, name) == 0 || (alt != NULL && strcmp(a, alt) == 0)) {
        if (*i + 1 >= argc) {
            *missing = 1;
            return NULL;
        }
        return argv[++*i];
    }
    if (strncmp(a, name, n) == 0 && a[n] == '=')
        return a + n + 1;
    return NULL;
}

int cli_shared_option(cli_opts *o, int argc, char **argv, int *i)
{
    static const char *const names[] = {"--kommuner", "--scheme", "--encoding", "--output",
                                        "--lang"};
    const char *v = NULL;
    size_t k;
    int missing = 0;
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
        v = cli_option_value(argc, argv, i, names[k], k == 3 ? "-o" : NULL, &missing);
        if (v != NULL || missing)
            break;
    }
    if (k == sizeof names / sizeof names[0])
        return 0;
    if (missing) {
        fprintf(stderr, "%s: option %s needs a value; see %s --help\n", o->prog, argv[*i],
                o->prog);
        return -1;
    }
    switch (k) {
    case 0: o->kommuner = v; break;
    case 1: o->scheme = v; break;
    case 2: {
        int32_t e = hjtj_encoding_parse(v);
        if (e < 0) {
            fprintf(stderr, "%s: unknown encoding '%s'; the encodings are utf-8, windows-1252 "
                            "and iso-8859-1\n", o->prog, v);
            return -1;
        }
        o->encoding = (hjtj_encoding)e;
        break;
    }
    case 3: o->output = v; break;
    default:
        if (strcmp(v, "nb") == 0 || strcmp(v, "no") == 0)
            o->lang = HJTJ_LANG_NB;
        else if (strcmp(v, "en") == 0)
            o->lang = HJTJ_LANG_EN;
        else {
            fprintf(stderr, "%s: unknown language '%s'; the languages are nb and en\n", o->prog,
                    v);
            return -1;
        }
    }
    return 1;
}

int cli_file(cli_opts *o, const char *arg)
{
    size_t k;
    if (strcmp(arg, "-") == 0)
        for (k = 0; k < o->nfiles; k++)
            if (strcmp(o->files[k], "-") == 0) {
                fprintf(stderr, "%s: standard input ('-') can be read only once\n", o->prog);
                return -1;
            }
    o->files[o->nfiles++] = arg;
    return 0;
}

int cli_unknown_option(const cli_opts *o, const char *arg)
{
    fprintf(stderr, "%s: unknown option %s; see %s --help\n", o->prog, arg, o->prog);
    return 2;
}

void cli_shared_help(FILE *f)
{
    fputs("FILE is a register in XML or CSV (detected by content); several FILEs load\n"
          "into one register (orgnr unique across them); '-' is standard input.  With\n"
          "no FILE, standard input is read when it is a pipe or a file, otherwise the\n"
          "bundled synthetic 2024 register (with a note on stderr).\n"
          "\n"
          "  --kommuner FILE    municipality table (kommunenr;navn;innbyggere)\n"
          "  --scheme FILE      classification scheme (hjtj-formats(5))\n"
          "  --encoding ENC     of CSV input: utf-8 (default), windows-1252 (what\n"
          "                     Norwegian Excel saves) or iso-8859-1\n"
          "  -o, --output FILE  write the output to FILE instead of standard output\n"
          "  --lang nb|en       language of titles and labels (default nb)\n"
          "  --help             show this help\n"
          "  --version          show the version\n"
          "\n"
          "Exit status: 0 every record loaded; 1 some record rejected (listed on\n"
          "stderr, with a summary after the output); 2 an error (with a message).\n",
          f);
}

static void print_where(const char *file, uint64_t line, uint64_t col);

void cli_print_error(const char *prog, const hjtj_error *e)
{
    const char *file = hjtj_error_file(e), *msg = hjtj_error_message(e);
    uint64_t line = hjtj_error_line(e), col = hjtj_error_column(e);
    fprintf(stderr, "%s: ", prog);
    /* the position's parts that exist; no file when the message names it */
    if (strstr(msg, file) == NULL)
        print_where(file, line, col);
    fprintf(stderr, "%s\n", msg[0] ? msg : hjtj_strerror(hjtj_error_status(e)));
}

/* "file:line:column: " with the parts that exist. */
static void print_where(const char *file, uint64_t line, uint64_t col)
{
    if (file[0] == '\0')
        return;
    fprintf(stderr, "%s:", file);
    if (line > 0) {
        fprintf(stderr, "%llu:", (unsigned long long)line);
        if (col > 0)
            fprintf(stderr, "%llu:", (unsigned long long)col);
    }
    fputc(' ', stderr);
}

static int64_t read_stdin(char *buf, size_t len, void *ud)
{
    size_t got = fread(buf, 1, len, (FILE *)ud);
    if (got == 0 && ferror((FILE *)ud))
        return -1;
    return (int64_t)got;
}

/* Is standard input something to read (a pipe, socket or regular file),
 * rather than a terminal or /dev/null?  /dev/null is recognised by
 * identity, not by type: in some sandboxes it is an empty regular file,
 * and "prog </dev/null" must still mean "no input given". */
static int stdin_has_data(void)
{
    struct stat st, null;
    if (fstat(0, &st) != 0)
        return 0;
    if (stat("/dev/null", &null) == 0 && st.st_dev == null.st_dev &&
        st.st_ino == null.st_ino)
        return 0;
    return S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode) || S_ISSOCK(st.st_mode);
}

/* 0 when st is HJTJ_OK, else -1 after printing e (or "out of memory"
 * when there is no object to ask). */
static int failed(const cli_opts *o, hjtj_status st, const hjtj_error *e)
{
    if (st == HJTJ_OK)
        return 0;
    if (e == NULL)
        fprintf(stderr, "%s: out of memory\n", o->prog);
    else
        cli_print_error(o->prog, e);
    return -1;
}

static int setup(const cli_opts *o, hjtj_register *reg)
{
    int bad = 0;
    if (o->kommuner) {
        hjtj_kommuner *k = NULL;
        bad = failed(o, hjtj_kommuner_new(&k), NULL) ||
              failed(o, hjtj_kommuner_load_file(k, o->kommuner), hjtj_kommuner_error(k)) ||
              failed(o, hjtj_register_set_kommuner(reg, k), hjtj_register_error(reg));
        hjtj_kommuner_free(k);
    }
    if (!bad && o->scheme) {
        hjtj_scheme *sc = NULL;
        bad = failed(o, hjtj_scheme_new(&sc), NULL) ||
              failed(o, hjtj_scheme_load_file(sc, o->scheme), hjtj_scheme_error(sc)) ||
              failed(o, hjtj_register_set_scheme(reg, sc), hjtj_register_error(reg));
        hjtj_scheme_free(sc);
    }
    if (bad)
        return -1;
    if (hjtj_register_set_encoding(reg, o->encoding) != HJTJ_OK) {
        cli_print_error(o->prog, hjtj_register_error(reg));
        return -1;
    }
    return 0;
}

static void print_diagnostics(const hjtj_register *reg)
{
    size_t i;
    for (i = 0; i < hjtj_register_warning_count(reg); i++) {
        const hjtj_diag *d = hjtj_register_warning(reg, i);
        print_where(hjtj_diag_file(d), hjtj_diag_line(d), hjtj_diag_column(d));
        fprintf(stderr, "warning: %s\n", hjtj_diag_message(d));
    }
    for (i = 0; i < hjtj_register_reject_count(reg); i++) {
        const hjtj_diag *d = hjtj_register_reject(reg, i);
        print_where(hjtj_diag_file(d), hjtj_diag_line(d), hjtj_diag_column(d));
        if (hjtj_diag_orgnr(d)[0])
            fprintf(stderr, "orgnr %s rejected: %s\n", hjtj_diag_orgnr(d), hjtj_diag_message(d));
        else
            fprintf(stderr, "record rejected: %s\n", hjtj_diag_message(d));
    }
}

hjtj_register *cli_load(const cli_opts *o)
{
    hjtj_register *reg = NULL;
    char defbuf[4096];
    const char *one[1];
    const char *const *files = o->files;
    size_t nfiles = o->nfiles, i;

    if (nfiles == 0) {
        if (stdin_has_data()) {
            one[0] = "-";
        } else {
            const char *dir = getenv("HJTJ_DATADIR");
            snprintf(defbuf, sizeof defbuf, "%s/%s", dir && *dir ? dir : HJTJ_PKGDATADIR,
                     DEFAULT_REGISTER);
            fprintf(stderr, "%s: note: no FILE given and standard input is not a pipe or a "
                            "file, so the bundled synthetic register %s is read\n",
                    o->prog, defbuf);
            one[0] = defbuf;
        }
        files = one;
        nfiles = 1;
    }
    if (hjtj_register_new(&reg) != HJTJ_OK) {
        fprintf(stderr, "%s: out of memory\n", o->prog);
        return NULL;
    }
    if (setup(o, reg) != 0) {
        hjtj_register_free(reg);
        return NULL;
    }
    for (i = 0; i < nfiles; i++) {
        hjtj_status st = strcmp(files[i], "-") == 0
                             ? hjtj_register_load_callback(reg, read_stdin, stdin, STDIN_NAME)
                             : hjtj_register_load_file(reg, files[i]);
        if (st != HJTJ_OK) {
            print_diagnostics(reg);
            cli_print_error(o->prog, hjtj_register_error(reg));
            hjtj_register_free(reg);
            return NULL;
        }
    }
    print_diagnostics(reg);
    return reg;
}

FILE *cli_output(const cli_opts *o)
{
    FILE *f;
    if (o->output == NULL || strcmp(o->output, "-") == 0)
        return stdout;
    f = fopen(o->output, "w");
    if (f == NULL)
        fprintf(stderr, "%s: cannot write %s: %s\n", o->prog, o->output, strerror(errno));
    return f;
}

int cli_close_output(const cli_opts *o, FILE *out)
{
    const char *name = out == stdout ? "standard output" : o->output;
    int bad = 0, err = 0;
    if (out == NULL)
        return 2;
    if (fflush(out) != 0) {
        bad = 1;
        err = errno;
    }
    if (ferror(out))
        bad = 1;
    if (fclose(out) != 0 && !bad) {
        bad = 1;
        err = errno;
    }
    if (!bad)
        return 0;
    fprintf(stderr, "%s: cannot write %s: %s\n", o->prog, name,
            err ? strerror(err) : "write error");
    return 2;
}

int cli_summary(const cli_opts *o, const hjtj_register *reg, int rc)
{
    size_t n = reg ? hjtj_register_reject_count(reg) : 0, i;
    int r, first = 1;
    if (n == 0)
        return rc;
    fprintf(stderr, "%s: %zu records read, %zu loaded, %zu rejected (", o->prog,
            hjtj_register_read_count(reg), hjtj_register_count(reg), n);
    /* by reason, in the order of the reason codes */
    for (r = 1; r < 100; r++) {
        size_t c = 0;
        for (i = 0; i < n; i++)
            c += (int)hjtj_diag_reason(hjtj_register_reject(reg, i)) == r;
        if (c > 0) {
            fprintf(stderr, "%s%s %zu", first ? "" : ", ", hjtj_reason_code((hjtj_reason)r), c);
            first = 0;
        }
    }
    fputs(")\n", stderr);
    return rc == 2 ? 2 : 1;
}
