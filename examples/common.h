/* common.h — what the example programs share: loading a register the way
 * the command-line contract (SPEC §7) says, and printing diagnostics. */
#ifndef HJTJ_EXAMPLES_COMMON_H
#define HJTJ_EXAMPLES_COMMON_H

#include <hjtj.h>

/* Load FILE ("-" = standard input, NULL = the bundled synthetic register)
 * with an optional municipality table.  On failure prints the error (file,
 * line, column, message) prefixed by prog, frees everything and returns
 * NULL. */
hjtj_register *cli_load(const char *prog, const char *file, const char *kommuner_file);
/* The same with an optional classification scheme file (NULL = built-in). */
hjtj_register *cli_load_scheme(const char *prog, const char *file, const char *kommuner_file,
                               const char *scheme_file);

/* A new register with an optional municipality table and scheme file
 * (NULL = the bundled table / the built-in scheme); on failure prints the
 * error and returns NULL. */
hjtj_register *cli_register_new(const char *prog, const char *kommuner_file,
                                const char *scheme_file);

/* Print an error as "prog: FILE:LINE:COLUMN: MESSAGE (STATUS)". */
void cli_print_error(const char *prog, const hjtj_error *e, hjtj_status st);

/* Print warnings and rejected records to stderr; returns the reject count. */
size_t cli_report_rejects(const hjtj_register *reg);

/* Output options (SPEC §7, §10).  The format of an output file from its
 * extension, CSV when it has none we know. */
int32_t cli_format_from_path(const char *path);
/* "nb" / "en" into *lang; 0, or -1 for another word. */
int cli_parse_lang(const char *word, hjtj_lang *lang);

#endif
