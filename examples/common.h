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

/* Print warnings and rejected records to stderr; returns the reject count. */
size_t cli_report_rejects(const hjtj_register *reg);

/* Call first in main: at exit, standard output is flushed and closed, and a
 * failed write (full disk, closed stdout) prints a message and exits 2. */
void cli_check_output_at_exit(const char *prog);

#endif
