/* common.h — what the example programs share (SPEC §7): the options every
 * program takes, reading the input the way the contract says, writing the
 * output with its errors checked, and the summary and exit status.
 *
 * A program's main() goes:
 *
 *     cli_opts o;
 *     cli_init(&o, "hjtj-foo", argc);
 *     for (i = 1; i < argc; i++) {
 *         int r = cli_shared_option(&o, argc, argv, &i);   // 1 taken, -1 error
 *         if (r < 0) return cli_done(&o, 2);
 *         if (r > 0) continue;
 *         ... the program's own options; cli_file(&o, argv[i]) for the rest
 *     }
 *     reg = cli_load(&o);            // NULL: an error was printed, exit 2
 *     out = cli_output(&o);          // NULL: an error was printed, exit 2
 *     ... write to out ...
 *     rc = cli_close_output(&o, out); // 0, or 2 after a failed write
 *     return cli_done(&o, cli_summary(&o, reg, rc)); */
#ifndef HJTJ_EXAMPLES_COMMON_H
#define HJTJ_EXAMPLES_COMMON_H

#include <hjtj.h>
#include <stdio.h>

typedef struct cli_opts {
    const char *prog;
    const char **files;   /* FILE arguments in order ("-" = standard input) */
    size_t nfiles;
    const char *kommuner; /* --kommuner FILE */
    const char *scheme;   /* --scheme FILE */
    const char *output;   /* -o/--output FILE; NULL = standard output */
    hjtj_encoding encoding; /* --encoding (CSV input) */
    hjtj_lang lang;       /* --lang nb|en */
    int exit_now;         /* --help/--version done: exit 0 */
} cli_opts;

/* Start with the defaults; argc bounds the number of FILEs.  -1 (and a
 * message) when out of memory. */
int cli_init(cli_opts *o, const char *prog, int argc);
/* Free what cli_init allocated and return rc (for `return cli_done(...)`). */
int cli_done(cli_opts *o, int rc);

/* The value of option `name` at argv[*i] ("--name VALUE" or "--name=VALUE";
 * a short alias such as "-o" may be given as alt, or NULL).  Advances *i
 * past a separate value.  NULL when argv[*i] is not this option; *missing
 * is set when it is but has no value. */
const char *cli_option_value(int argc, char **argv, int *i, const char *name, const char *alt,
                             int *missing);
/* Take argv[*i] if it is one of the shared options (--kommuner, --scheme,
 * --encoding, -o/--output, --lang): 1 taken, 0 not a shared option, -1 a bad
 * value or a missing one (message printed: exit 2). */
int cli_shared_option(cli_opts *o, int argc, char **argv, int *i);
/* A FILE argument (anything not an option; "-" is standard input). 0, or
 * -1 for a second "-" (message printed). */
int cli_file(cli_opts *o, const char *arg);
/* An unknown option: message and a pointer to --help; returns 2. */
int cli_unknown_option(const cli_opts *o, const char *arg);
/* The help lines of the shared options, the input rule and the exit
 * status, for a program's --help. */
void cli_shared_help(FILE *f);

/* Load the input as SPEC §7 says: every FILE into one register; with no
 * FILE standard input when it is a pipe, socket or regular file, else the
 * bundled synthetic register (one note on stderr).  Applies --kommuner,
 * --scheme and --encoding.  Prints warnings and rejected records on stderr.
 * NULL after an error (printed). */
hjtj_register *cli_load(const cli_opts *o);

/* The output stream: standard output, or the --output file (opened for
 * writing).  NULL after an error (printed). */
FILE *cli_output(const cli_opts *o);
/* Flush and close the output and check that everything was written: 0, or
 * 2 after a message (a full disk, /dev/full, a closed pipe...). */
int cli_close_output(const cli_opts *o, FILE *out);
/* The exit status from rc (0, or 2 after an error) and the register: when
 * records were rejected, a summary on stderr (read, loaded, rejected by
 * reason) and 1 unless rc is 2. */
int cli_summary(const cli_opts *o, const hjtj_register *reg, int rc);

/* Print an error of the library as "prog: file:line:column: message",
 * with only the parts of the position that are known. */
void cli_print_error(const char *prog, const hjtj_error *e);

/* Call first in main: at exit, standard output is flushed and closed, and a
 * failed write (full disk, closed stdout) prints a message and exits 2. */
void cli_check_output_at_exit(const char *prog);

#endif
