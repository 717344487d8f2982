/* bench.c — the libhjtj benchmark (make bench; see bench/README.md).
 *
 *   bench [--repeat R] [--label L] [--tsv OUT] [--cases a,b,...] FILE.xml FILE.csv
 *       runs every case R times (default 3; cases under 0.25 s 10 times), each
 *       in a fresh child process
 *       (fork + exec of this program with --case), and prints the best wall
 *       time, records/s, MB/s and the peak memory of each case, and the
 *       ratios.  --tsv appends one line per case to OUT.
 *   bench --case CASE FILE
 *       runs one case once and prints one "RESULT key=value ..." line.
 *
 * Cases (FILE is the XML file for *-xml cases, the CSV file for *-csv):
 *   bare-xml      the lower bound: one xmlTextReader pass over the file
 *                 (xmlReaderForFile, XML_PARSE_NONET), doing nothing
 *   bare-xml-mem  the same from memory: read the file, xmlReaderForMemory
 *                 (how the library reads it)
 *   bare-sax      libxml2's fastest streaming pass: its SAX2 push parser fed
 *                 the mapped file in 256 KiB pieces (as the library reads),
 *                 with no callbacks but the element counter
 *   xsd-xml       one xmlTextReader pass with XSD validation against
 *                 $HJTJ_DATADIR/hjtj-kartlegging-1.xsd
 *                 (xmlTextReaderSchemaValidateCtxt): the library's second pass
 *                 when a document needs libxml2's validator (HJTJ_XSD_ALWAYS)
 *   scan-csv      read the CSV file and count its lines (memchr): the I/O floor
 *   lib-xml, lib-csv        hjtj_register_load_file + every catalogue table
 *   lib-xml-xsd   lib-xml with hjtj_register_set_xsd_mode(HJTJ_XSD_ALWAYS)
 *   lib3-xml, lib3-csv      the same with only tables 3.5, 4.6 and 5.4
 *                 (what bench/pandas_baseline.py computes)
 *   libxtab-csv   the same with three custom tables instead (kategori by fylke;
 *                 median boenheter of private boligbaser by fylke; samlemålgruppe
 *                 by kommunestørrelse, shares of the row): its "tables" time
 *                 against lib3-csv's is the cost of a custom table against a
 *                 report table
 *   stream-xml, stream-csv  hjtj_register_set_keep_records(reg, 0) and a record
 *                 callback counting classified records by kategori, then every
 *                 catalogue table (built from the accumulated record profiles)
 *   noop          start up and exit: the peak memory of an empty child
 *   wc-l          `wc -l FILE.csv`, the yardstick of the CSV target (lib3-csv)
 *   xmllint-stream  `xmllint --stream --noout FILE.xml`, the yardstick of the
 *                 XML target (lib3-xml, lib-xml)
 *                 These two run an external tool (found in PATH): the child
 *                 times fork + exec + wait of the tool, its standard output to
 *                 /dev/null; cpu and peak memory are the tool's
 *                 (RUSAGE_CHILDREN).  The driver skips them, with a note, when
 *                 the tool is not installed (xmllint: Debian libxml2-utils).
 *
 * Peak memory is getrusage(RUSAGE_SELF).ru_maxrss at the end of the child.
 * HJTJ_DATADIR must point to the data directory (the make target sets it). */
#include <hjtj.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NKAT 11 /* kategori values + 1 for "no kategori" (utenfor / not aktiv) */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* user + system time of a getrusage() */
static double ru_cpu(const struct rusage *ru)
{
    return (double)ru->ru_utime.tv_sec + (double)ru->ru_utime.tv_usec * 1e-6 +
           (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec * 1e-6;
}

static double cpu_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru_cpu(&ru);
}

static long maxrss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "bench: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

static void silent(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

/* ---- the child: one case --------------------------------------------------- */

typedef struct result {
    double secs, cpu, load_s, tables_s, schema_s;
    size_t records, read, rejected, tables;
    long nodes;
    long kat[NKAT];
    int table_status; /* stream cases: what hjtj_table_build returned */
    unsigned long long digest; /* FNV-1a of every table's CSV (all-tables cases) */
    int external;   /* an external tool's case: cpu and peak memory are the tool's */
    long tool_rss_kb;
} result;

/* Not timed: the digest of all tables of reg, so that the parent can check
 * that in-memory and streaming, XML and CSV give the same tables. */
static unsigned long long tables_digest(const hjtj_register *reg)
{
    unsigned long long h = 14695981039346656037ULL;
    hjtj_table *t = NULL;
    size_t i, j;
    if (hjtj_table_new(&t) != HJTJ_OK)
        die("hjtj_table_new failed");
    for (i = 0; i < hjtj_catalog_count(); i++) {
        char *csv = NULL;
        size_t n = 0;
        if (hjtj_table_build(t, reg, hjtj_catalog_id(i)) != HJTJ_OK ||
            hjtj_table_to_string(t, HJTJ_FORMAT_CSV, &csv, &n) != HJTJ_OK)
            die("table %s failed", hjtj_catalog_id(i));
        for (j = 0; j < n; j++)
            h = (h ^ (unsigned char)csv[j]) * 1099511628211ULL;
        hjtj_free(csv);
    }
    hjtj_table_free(t);
    return h;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    char *buf;
    if (f == NULL || fstat(fileno(f), &st) != 0)
        die("cannot open %s", path);
    buf = malloc((size_t)st.st_size + 1);
    if (buf == NULL)
        die("out of memory reading %s", path);
    *len = fread(buf, 1, (size_t)st.st_size, f);
    fclose(f);
    return buf;
}

static long reader_pass(xmlTextReaderPtr r, const char *path)
{
    long n = 0;
    int rc;
    if (r == NULL)
        die("xmlReader failed for %s", path);
    xmlTextReaderSetStructuredErrorHandler(r, silent, NULL);
    while ((rc = xmlTextReaderRead(r)) == 1)
        n++;
    if (rc < 0)
        die("XML error in %s", path);
    return n;
}

static void case_bare_xml(const char *path, result *res)
{
    double t0 = now();
    xmlTextReaderPtr r = xmlReaderForFile(path, NULL, XML_PARSE_NONET);
    res->nodes = reader_pass(r, path);
    xmlFreeTextReader(r);
    res->secs = now() - t0;
}

static void case_bare_xml_mem(const char *path, result *res)
{
    double t0 = now();
    size_t len;
    char *data = read_file(path, &len);
    xmlTextReaderPtr r = xmlReaderForMemory(data, (int)len, path, NULL, XML_PARSE_NONET);
    res->nodes = reader_pass(r, path);
    xmlFreeTextReader(r);
    free(data);
    res->secs = now() - t0;
}

static long sax_elements;

static void sax_count(void *ctx, const xmlChar *ln, const xmlChar *prefix, const xmlChar *uri,
                      int nns, const xmlChar **nss, int na, int ndef, const xmlChar **a)
{
    (void)ctx, (void)ln, (void)prefix, (void)uri, (void)nns, (void)nss, (void)na, (void)ndef,
        (void)a;
    sax_elements++;
}

static void case_bare_sax(const char *path, result *res)
{
    double t0 = now();
    xmlSAXHandler h;
    xmlParserCtxtPtr ctxt;
    struct stat st;
    const char *data;
    size_t off = 0, len;
    int fd = open(path, O_RDONLY);
    if (fd < 0 || fstat(fd, &st) != 0)
        die("cannot open %s", path);
    len = (size_t)st.st_size;
    data = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (data == MAP_FAILED)
        die("cannot map %s", path);
    memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = sax_count;
    h.serror = silent;
    ctxt = xmlCreatePushParserCtxt(&h, NULL, data, 4, path);
    if (ctxt == NULL)
        die("xmlCreatePushParserCtxt failed");
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    off = 4;
    while (off < len) {
        size_t n = len - off < ((size_t)256 << 10) ? len - off : (size_t)256 << 10;
        xmlParseChunk(ctxt, data + off, (int)n, off + n == len);
        off += n;
    }
    if (!ctxt->wellFormed)
        die("XML error in %s", path);
    xmlFreeParserCtxt(ctxt);
    munmap((void *)data, len);
    res->nodes = sax_elements;
    res->secs = now() - t0;
}

static void case_xsd_xml(const char *path, result *res)
{
    char xsd[4096];
    const char *dd = getenv("HJTJ_DATADIR");
    double t0;
    xmlSchemaParserCtxtPtr pc;
    xmlSchemaPtr schema;
    xmlSchemaValidCtxtPtr vc;
    xmlTextReaderPtr r;
    snprintf(xsd, sizeof xsd, "%s/hjtj-kartlegging-1.xsd", dd);
    t0 = now();
    pc = xmlSchemaNewParserCtxt(xsd);
    if (pc == NULL)
        die("cannot read %s", xsd);
    schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (schema == NULL)
        die("cannot parse %s", xsd);
    res->schema_s = now() - t0;
    t0 = now();
    vc = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(vc, silent, NULL);
    r = xmlReaderForFile(path, NULL, XML_PARSE_NONET);
    if (r == NULL || xmlTextReaderSchemaValidateCtxt(r, vc, 0) != 0)
        die("cannot attach the schema for %s", path);
    res->nodes = reader_pass(r, path);
    if (xmlTextReaderIsValid(r) != 1)
        die("%s is not valid against the schema", path);
    xmlFreeTextReader(r);
    xmlSchemaFreeValidCtxt(vc);
    res->secs = now() - t0;
    xmlSchemaFree(schema);
}

static void case_scan_csv(const char *path, result *res)
{
    double t0 = now();
    size_t len;
    char *data = read_file(path, &len);
    const char *p = data, *end = data + len;
    long n = 0;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    res->nodes = n;
    free(data);
    res->secs = now() - t0;
}

/* ---- external tools: the yardsticks of issue 21's targets ---- */

typedef struct tool_case {
    const char *name; /* the case */
    const char *tool; /* the program, looked up in PATH */
    const char *args[3];
    int csv; /* run on the CSV file (else the XML file) */
} tool_case;

static const tool_case tool_cases[] = {
    {"wc-l", "wc", {"-l", NULL, NULL}, 1},
    {"xmllint-stream", "xmllint", {"--stream", "--noout", NULL}, 0}};

static const tool_case *find_tool_case(const char *name)
{
    size_t i;
    for (i = 0; i < sizeof tool_cases / sizeof tool_cases[0]; i++)
        if (strcmp(tool_cases[i].name, name) == 0)
            return &tool_cases[i];
    return NULL;
}

/* The executable `name` in PATH, into out; 0 if there is none. */
static int find_in_path(const char *name, char *out, size_t n)
{
    const char *path = getenv("PATH"), *p, *e;
    struct stat st;
    int dl;
    if (path == NULL || *path == '\0')
        path = "/usr/local/bin:/usr/bin:/bin";
    for (p = path;; p = e + 1) {
        e = strchr(p, ':');
        if (e == NULL)
            e = p + strlen(p);
        /* an empty element of PATH is the current directory */
        dl = e == p ? 1 : (int)(e - p);
        if ((size_t)snprintf(out, n, "%.*s/%s", dl, e == p ? "." : p, name) < n &&
            stat(out, &st) == 0 && S_ISREG(st.st_mode) && access(out, X_OK) == 0)
            return 1;
        if (*e == '\0')
            return 0;
    }
}

/* fork + exec + wait of the tool on path, stdout to /dev/null: timed. */
static void case_tool(const tool_case *tc, const char *path, result *res)
{
    char exe[4096];
    char *argv[6];
    struct rusage ru;
    int status, k = 0, i;
    pid_t pid;
    double t0, cpu0;
    if (!find_in_path(tc->tool, exe, sizeof exe))
        die("%s is not in PATH", tc->tool);
    argv[k++] = (char *)tc->tool;
    for (i = 0; i < 3 && tc->args[i] != NULL; i++)
        argv[k++] = (char *)tc->args[i];
    argv[k++] = (char *)path;
    argv[k] = NULL;
    /* children reaped before this one (a libtool wrapper's, when run by
     * hand) are not the tool's: their cpu is subtracted; the peak memory is
     * the largest child's, which is the tool's */
    getrusage(RUSAGE_CHILDREN, &ru);
    cpu0 = ru_cpu(&ru);
    fflush(stdout);
    t0 = now();
    pid = fork();
    if (pid < 0)
        die("fork failed: %s", strerror(errno));
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd < 0 || dup2(fd, 1) < 0)
            _exit(127);
        close(fd);
        execv(exe, argv);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) < 0)
        die("waitpid failed: %s", strerror(errno));
    res->secs = now() - t0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        die("%s on %s failed (status %d)", exe, path, status);
    getrusage(RUSAGE_CHILDREN, &ru);
    res->external = 1;
    res->cpu = ru_cpu(&ru) - cpu0;
    res->tool_rss_kb = ru.ru_maxrss;
}

static const char *const three_tables[] = {"3.5", "4.6", "5.4"};

/* Three custom tables (hjtj_crosstab(3)) of about the report tables' work. */
static void custom_tables(const hjtj_register *reg, hjtj_table *t)
{
    static const char *const decl[3][5] = {
        {"kategori", "fylke", NULL, NULL, "antall"},
        {"fylke", NULL, "kategori=kun-boligbase", "eierskap=privat", "median:boenheter"},
        {"samlemalgruppe", "kommunestorrelse", NULL, NULL, "andel-rad"}};
    int i, w;
    for (i = 0; i < 3; i++) {
        hjtj_crosstab *ct = NULL;
        if (hjtj_crosstab_new(&ct) != HJTJ_OK || hjtj_crosstab_set_rows(ct, decl[i][0]) ||
            hjtj_crosstab_set_cols(ct, decl[i][1]) || hjtj_crosstab_set_measure(ct, decl[i][4]))
            die("crosstab %d failed", i);
        for (w = 2; w < 4; w++) {
            char f[64];
            const char *eq;
            if (decl[i][w] == NULL)
                continue;
            eq = strchr(decl[i][w], '=');
            snprintf(f, sizeof f, "%.*s", (int)(eq - decl[i][w]), decl[i][w]);
            if (hjtj_crosstab_add_where(ct, f, eq + 1) != HJTJ_OK)
                die("crosstab %d: where failed", i);
        }
        if (hjtj_table_build_crosstab(t, reg, ct) != HJTJ_OK)
            die("custom table %d failed: %s", i, hjtj_error_message(hjtj_table_error(t)));
        hjtj_crosstab_free(ct);
    }
}

static void case_lib(const char *path, int only3, int xsd_always, result *res)
{
    hjtj_register *reg = NULL;
    hjtj_table *t = NULL;
    size_t i, n;
    double t0 = now(), t1;
    if (hjtj_register_new(&reg) != HJTJ_OK)
        die("hjtj_register_new failed");
    if (xsd_always)
        hjtj_register_set_xsd_mode(reg, HJTJ_XSD_ALWAYS);
    if (hjtj_register_load_file(reg, path) != HJTJ_OK)
        die("load failed: %s", hjtj_error_message(hjtj_register_error(reg)));
    t1 = now();
    res->load_s = t1 - t0;
    if (hjtj_table_new(&t) != HJTJ_OK)
        die("hjtj_table_new failed");
    n = only3 ? 3 : hjtj_catalog_count();
    if (only3 == 2) { /* libxtab-csv */
        custom_tables(reg, t);
        n = 0;
        res->tables = 3;
    }
    for (i = 0; i < n; i++) {
        const char *id = only3 ? three_tables[i] : hjtj_catalog_id(i);
        if (hjtj_table_build(t, reg, id) != HJTJ_OK)
            die("table %s failed", id);
        if (strcmp(id, "3.5") == 0) {
            /* keep the counts of Table 3.5 to check the streaming cases */
            size_t row;
            for (row = 0; row < hjtj_table_rows(t); row++) {
                int32_t k = hjtj_code_parse(HJTJ_FIELD_KATEGORI, hjtj_table_row_code(t, row));
                if (k >= 0 && k + 1 < NKAT)
                    res->kat[k + 1] = (long)hjtj_table_cell_int(t, row, 1);
            }
        }
    }
    if (only3 != 2)
        res->tables = n;
    res->tables_s = now() - t1;
    res->secs = now() - t0;
    if (!only3)
        res->digest = tables_digest(reg);
    res->records = hjtj_register_count(reg);
    res->read = hjtj_register_read_count(reg);
    res->rejected = hjtj_register_reject_count(reg);
    {
        /* loaded records without a kategori (not aktiv, or utenfor) */
        long in_tab = 0;
        int k;
        for (k = 1; k < NKAT; k++)
            in_tab += res->kat[k];
        res->kat[0] = (long)res->records - in_tab;
    }
    hjtj_table_free(t);
    hjtj_register_free(reg);
}

static int count_kategori(const hjtj_record *rec, void *ud)
{
    long *kat = ud;
    int32_t k = hjtj_record_class(rec, HJTJ_FIELD_KATEGORI);
    kat[k + 1]++;
    return 0;
}

static void case_stream(const char *path, result *res)
{
    hjtj_register *reg = NULL;
    hjtj_table *t = NULL;
    double t0 = now();
    if (hjtj_register_new(&reg) != HJTJ_OK)
        die("hjtj_register_new failed");
    hjtj_register_set_keep_records(reg, 0);
    hjtj_register_set_record_callback(reg, count_kategori, res->kat);
    if (hjtj_register_load_file(reg, path) != HJTJ_OK)
        die("load failed: %s", hjtj_error_message(hjtj_register_error(reg)));
    res->secs = res->load_s = now() - t0;
    res->records = hjtj_register_count(reg);
    res->read = hjtj_register_read_count(reg);
    res->rejected = hjtj_register_reject_count(reg);
    hjtj_table_new(&t);
    {
        size_t i;
        for (i = 0; i < hjtj_catalog_count() && res->table_status == 0; i++)
            res->table_status = (int)hjtj_table_build(t, reg, hjtj_catalog_id(i));
    }
    res->secs = now() - t0;
    if (res->table_status == 0)
        res->digest = tables_digest(reg);
    hjtj_table_free(t);
    hjtj_register_free(reg);
}

static int run_case(const char *c, const char *path)
{
    result res;
    double c0;
    int i;
    memset(&res, 0, sizeof res);
    c0 = cpu_now();
    if (strcmp(c, "bare-xml") == 0)
        case_bare_xml(path, &res);
    else if (strcmp(c, "bare-xml-mem") == 0)
        case_bare_xml_mem(path, &res);
    else if (strcmp(c, "bare-sax") == 0)
        case_bare_sax(path, &res);
    else if (strcmp(c, "xsd-xml") == 0)
        case_xsd_xml(path, &res);
    else if (strcmp(c, "scan-csv") == 0)
        case_scan_csv(path, &res);
    else if (strcmp(c, "lib-xml") == 0 || strcmp(c, "lib-csv") == 0)
        case_lib(path, 0, 0, &res);
    else if (strcmp(c, "lib-xml-xsd") == 0)
        case_lib(path, 0, 1, &res);
    else if (strcmp(c, "lib3-xml") == 0 || strcmp(c, "lib3-csv") == 0)
        case_lib(path, 1, 0, &res);
    else if (strcmp(c, "libxtab-csv") == 0)
        case_lib(path, 2, 0, &res);
    else if (strcmp(c, "stream-xml") == 0 || strcmp(c, "stream-csv") == 0)
        case_stream(path, &res);
    else if (find_tool_case(c) != NULL)
        case_tool(find_tool_case(c), path, &res);
    else if (strcmp(c, "noop") != 0)
        die("unknown case %s", c);
    if (!res.external)
        res.cpu = cpu_now() - c0;
    printf("RESULT case=%s secs=%.6f cpu=%.6f load=%.6f tables=%.6f schema=%.6f records=%zu "
           "read=%zu rejected=%zu ntables=%zu nodes=%ld table_status=%d maxrss_kb=%ld "
           "digest=%016llx kat=",
           c, res.secs, res.cpu, res.load_s, res.tables_s, res.schema_s, res.records, res.read,
           res.rejected, res.tables, res.nodes, res.table_status,
           res.external ? res.tool_rss_kb : maxrss_kb(), res.digest);
    for (i = 0; i < NKAT; i++)
        printf("%s%ld", i ? ":" : "", res.kat[i]);
    putchar('\n');
    return 0;
}

/* The file the dynamic linker took libhjtj from (/proc/self/maps). */
static void libhjtj_path(char *out, size_t n)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[4096];
    snprintf(out, n, "(statically linked or unknown)");
    if (f == NULL)
        return;
    while (fgets(line, sizeof line, f)) {
        char *p = strstr(line, "libhjtj");
        if (p) {
            char *s = strchr(line, '/');
            size_t l;
            if (s == NULL)
                continue;
            l = strcspn(s, "\n");
            snprintf(out, n, "%.*s", (int)l, s);
            break;
        }
    }
    fclose(f);
}

/* ---- the driver --------------------------------------------------------------- */

typedef struct stat_ {
    const char *name;
    int is_csv;
    int runs;
    double best, best_cpu, best_load, best_tables, schema;
    double all[16];
    long rss_max, rss_min;
    size_t records, read, rejected, ntables;
    int table_status;
    char kat[256];
    char digest[32];
} stat_;

static const char *default_cases[] = {
    "noop",       "bare-xml",   "bare-xml-mem", "bare-sax", "xmllint-stream", "xsd-xml",
    "lib-xml",    "lib-xml-xsd", "lib3-xml",    "stream-xml", "scan-csv",     "wc-l",
    "lib-csv",    "lib3-csv",   "libxtab-csv",  "stream-csv"};

static double field_d(const char *line, const char *key)
{
    const char *p = strstr(line, key);
    return p ? strtod(p + strlen(key), NULL) : 0.0;
}

static void field_s(const char *line, const char *key, char *out, size_t n)
{
    const char *p = strstr(line, key);
    size_t i = 0;
    out[0] = '\0';
    if (p == NULL)
        return;
    p += strlen(key);
    while (p[i] && p[i] != ' ' && p[i] != '\n' && i + 1 < n) {
        out[i] = p[i];
        i++;
    }
    out[i] = '\0';
}

/* Run `self --case c path` in a fresh process; fill *s with the run. */
static int spawn_case(const char *self, const char *c, const char *path, stat_ *s)
{
    int fds[2], status;
    pid_t pid;
    char line[1024];
    FILE *f;
    int got = 0;
    if (pipe(fds) != 0)
        return -1;
    fflush(stdout);
    pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        char *argv[5];
        close(fds[0]);
        if (dup2(fds[1], 1) < 0)
            _exit(127);
        close(fds[1]);
        argv[0] = (char *)self;
        argv[1] = (char *)"--case";
        argv[2] = (char *)c;
        argv[3] = (char *)path;
        argv[4] = NULL;
        execv(self, argv);
        _exit(127);
    }
    close(fds[1]);
    f = fdopen(fds[0], "r");
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "RESULT ", 7) != 0)
            continue;
        {
            double secs = field_d(line, " secs=");
            long rss = (long)field_d(line, " maxrss_kb=");
            if (s->runs < 16)
                s->all[s->runs] = secs;
            if (s->runs == 0 || secs < s->best) {
                s->best = secs;
                s->best_cpu = field_d(line, " cpu=");
                s->best_load = field_d(line, " load=");
                s->best_tables = field_d(line, " tables=");
            }
            s->schema = field_d(line, " schema=");
            if (s->runs == 0 || rss > s->rss_max)
                s->rss_max = rss;
            if (s->runs == 0 || rss < s->rss_min)
                s->rss_min = rss;
            s->records = (size_t)field_d(line, " records=");
            s->read = (size_t)field_d(line, " read=");
            s->rejected = (size_t)field_d(line, " rejected=");
            s->ntables = (size_t)field_d(line, " ntables=");
            s->table_status = (int)field_d(line, " table_status=");
            field_s(line, " kat=", s->kat, sizeof s->kat);
            field_s(line, " digest=", s->digest, sizeof s->digest);
            s->runs++;
            got = 1;
        }
    }
    if (f)
        fclose(f);
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !got) {
        fprintf(stderr, "bench: case %s on %s failed\n", c, path);
        return -1;
    }
    return 0;
}

static stat_ *find(stat_ *st, size_t n, const char *name)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strcmp(st[i].name, name) == 0 && st[i].runs > 0)
            return &st[i];
    return NULL;
}

static double ratio(stat_ *st, size_t n, const char *a, const char *b)
{
    stat_ *x = find(st, n, a), *y = find(st, n, b);
    return x && y && y->best > 0 ? x->best / y->best : 0.0;
}

int main(int argc, char **argv)
{
    const char *xml = NULL, *csv = NULL, *label = "", *tsv = NULL, *cases_arg = NULL;
    char self[4096];
    const char *cases[32];
    size_t ncases = 0, i;
    int repeat = 3, a, r;
    stat_ st[32];
    struct stat sx, sc;
    size_t nrec = 0;
    ssize_t sl;

    if (argc == 4 && strcmp(argv[1], "--case") == 0) {
        if (getenv("HJTJ_DATADIR") == NULL)
            die("HJTJ_DATADIR must point to the data directory");
        return run_case(argv[2], argv[3]);
    }
    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--repeat") == 0 && a + 1 < argc)
            repeat = atoi(argv[++a]);
        else if (strcmp(argv[a], "--label") == 0 && a + 1 < argc)
            label = argv[++a];
        else if (strcmp(argv[a], "--tsv") == 0 && a + 1 < argc)
            tsv = argv[++a];
        else if (strcmp(argv[a], "--cases") == 0 && a + 1 < argc)
            cases_arg = argv[++a];
        else if (argv[a][0] == '-')
            die("unknown option %s (bench [--repeat R] [--label L] [--tsv OUT] "
                "[--cases a,b] FILE.xml FILE.csv)", argv[a]);
        else if (xml == NULL)
            xml = argv[a];
        else if (csv == NULL)
            csv = argv[a];
        else
            die("too many arguments: %s", argv[a]);
    }
    if (xml == NULL || csv == NULL)
        die("usage: bench [--repeat R] [--label L] [--tsv OUT] [--cases a,b] FILE.xml "
            "FILE.csv");
    if (getenv("HJTJ_DATADIR") == NULL)
        die("HJTJ_DATADIR must point to the data directory");
    if (repeat < 1 || repeat > 16)
        repeat = 3;
    if (stat(xml, &sx) != 0)
        die("cannot stat %s", xml);
    if (stat(csv, &sc) != 0)
        die("cannot stat %s", csv);
    sl = readlink("/proc/self/exe", self, sizeof self - 1);
    if (sl <= 0)
        die("cannot find my own executable");
    self[sl] = '\0';
    if (cases_arg) {
        static char buf[1024];
        char *p;
        snprintf(buf, sizeof buf, "%s", cases_arg);
        for (p = strtok(buf, ","); p && ncases < 32; p = strtok(NULL, ","))
            cases[ncases++] = p;
    } else {
        for (i = 0; i < sizeof default_cases / sizeof default_cases[0]; i++)
            cases[ncases++] = default_cases[i];
    }
    {
        /* an external tool that is not installed: skip its case, with a note */
        size_t kept = 0;
        char exe[4096];
        for (i = 0; i < ncases; i++) {
            const tool_case *tc = find_tool_case(cases[i]);
            if (tc != NULL && !find_in_path(tc->tool, exe, sizeof exe))
                printf("note: case %s skipped: %s is not in PATH%s\n", cases[i], tc->tool,
                       strcmp(tc->tool, "xmllint") == 0 ? " (Debian package libxml2-utils)"
                                                        : "");
            else
                cases[kept++] = cases[i];
        }
        ncases = kept;
    }
    memset(st, 0, sizeof st);
    /* round-robin over the cases, so that a burst of load from other jobs
     * does not hit every repetition of one case */
    for (i = 0; i < ncases; i++) {
        st[i].name = cases[i];
        st[i].is_csv = strstr(cases[i], "csv") != NULL ||
                       (find_tool_case(cases[i]) && find_tool_case(cases[i])->csv);
    }
    for (r = 0; r < repeat; r++)
        for (i = 0; i < ncases; i++)
            if (spawn_case(self, cases[i], st[i].is_csv ? csv : xml, &st[i]) != 0)
                return 1;
    /* cases that take under 0.25 s are noisy on a shared machine: up to 10 runs */
    for (; r < 10; r++)
        for (i = 0; i < ncases; i++)
            if (st[i].best < 0.25 && strcmp(st[i].name, "noop") != 0 &&
                spawn_case(self, cases[i], st[i].is_csv ? csv : xml, &st[i]) != 0)
                return 1;
    for (i = 0; i < ncases; i++)
        if (strncmp(st[i].name, "lib", 3) == 0 && st[i].read > nrec)
            nrec = st[i].read;

    {
        char lib[4096];
        libhjtj_path(lib, sizeof lib);
        printf("\nlibhjtj %s (%s), libxml2 %s\n%s records: XML %s (%.1f MB), CSV %s (%.1f MB), "
               "%zu records\n",
               hjtj_version(), lib, LIBXML_DOTTED_VERSION, label, xml, (double)sx.st_size / 1e6,
               csv, (double)sc.st_size / 1e6, nrec);
    }
    printf("wall time: best of %d runs (10 for cases under 0.25 s), each in a fresh process; "
           "peak = ru_maxrss\n", repeat);
    printf("%-14s %9s %9s %12s %8s %10s %9s %9s\n", "case", "best s", "cpu s", "records/s",
           "MB/s", "peak MB", "load s", "tables s");
    for (i = 0; i < ncases; i++) {
        stat_ *s = &st[i];
        double bytes = (double)(s->is_csv ? sc.st_size : sx.st_size);
        int noop = strcmp(s->name, "noop") == 0;
        printf("%-14s %9.4f %9.4f %12.0f %8.1f %10.1f", s->name, s->best, s->best_cpu,
               noop || s->best <= 0 ? 0.0 : (double)nrec / s->best,
               noop || s->best <= 0 ? 0.0 : bytes / 1e6 / s->best, (double)s->rss_max / 1024.0);
        if (strncmp(s->name, "lib", 3) == 0)
            printf(" %9.4f %9.4f", s->best_load, s->best_tables);
        putchar('\n');
    }
    {
        stat_ *lx = find(st, ncases, "lib-xml"), *sx_ = find(st, ncases, "stream-xml"),
              *sc_ = find(st, ncases, "stream-csv"), *lc = find(st, ncases, "lib-csv"),
              *xs = find(st, ncases, "xsd-xml");
        printf("ratios:\n");
        {
            stat_ *x3 = find(st, ncases, "libxtab-csv"), *l3 = find(st, ncases, "lib3-csv");
            if (x3 && l3 && l3->best_tables > 0)
                printf("  3 custom tables / 3 report tables (tables time, CSV) = %.2f "
                       "(target <= 1)\n",
                       x3->best_tables / l3->best_tables);
        }
        if (ratio(st, ncases, "lib-xml", "bare-xml") > 0)
            printf("  libhjtj XML (load+classify+%zu tables) / bare libxml2 pass = %.2f "
                   "(target <= 1.3)\n",
                   lx ? lx->ntables : 0, ratio(st, ncases, "lib-xml", "bare-xml"));
        if (ratio(st, ncases, "lib-xml", "bare-sax") > 0)
            printf("  libhjtj XML (load+classify+%zu tables) / bare SAX2 pass = %.2f\n",
                   lx ? lx->ntables : 0, ratio(st, ncases, "lib-xml", "bare-sax"));
        if (ratio(st, ncases, "lib-xml-xsd", "bare-xml") > 0)
            printf("  libhjtj XML with HJTJ_XSD_ALWAYS / bare libxml2 pass = %.2f\n",
                   ratio(st, ncases, "lib-xml-xsd", "bare-xml"));
        if (lx && ratio(st, ncases, "bare-xml", "bare-xml") > 0)
            printf("  libhjtj XML load only / bare libxml2 pass = %.2f\n",
                   lx->best_load / find(st, ncases, "bare-xml")->best);
        if (ratio(st, ncases, "xsd-xml", "bare-xml") > 0)
            printf("  XSD-validating pass / bare libxml2 pass = %.2f (schema parse %.4f s)\n",
                   ratio(st, ncases, "xsd-xml", "bare-xml"), xs ? xs->schema : 0.0);
        if (ratio(st, ncases, "lib3-csv", "wc-l") > 0)
            printf("  libhjtj CSV (load+classify+3 tables) / wc -l = %.1f (target <= 12, goal "
                   "<= 5)\n",
                   ratio(st, ncases, "lib3-csv", "wc-l"));
        if (ratio(st, ncases, "lib3-xml", "xmllint-stream") > 0)
            printf("  libhjtj XML (load+classify+3 tables) / xmllint --stream = %.2f (target "
                   "<= 1.3)\n",
                   ratio(st, ncases, "lib3-xml", "xmllint-stream"));
        if (ratio(st, ncases, "lib-xml", "xmllint-stream") > 0)
            printf("  libhjtj XML (load+classify+%zu tables) / xmllint --stream = %.2f\n",
                   lx ? lx->ntables : 0, ratio(st, ncases, "lib-xml", "xmllint-stream"));
        if (ratio(st, ncases, "lib-csv", "lib-xml") > 0)
            printf("  libhjtj CSV / libhjtj XML = %.2f (target < 1)\n",
                   ratio(st, ncases, "lib-csv", "lib-xml"));
        if (ratio(st, ncases, "stream-csv", "stream-xml") > 0)
            printf("  streaming CSV / streaming XML = %.2f\n",
                   ratio(st, ncases, "stream-csv", "stream-xml"));
        if (sx_ && sx_->table_status != 0)
            printf("  WARNING: stream-xml: hjtj_table_build on a streaming register -> %s\n",
                   hjtj_strerror((hjtj_status)sx_->table_status));
        if (lx && sx_ && strcmp(lx->kat, sx_->kat) != 0)
            printf("  WARNING: streaming kategori counts %s differ from Table 3.5 %s\n",
                   sx_->kat, lx->kat);
        if (lc && sc_ && strcmp(lc->kat, sc_->kat) != 0)
            printf("  WARNING: streaming CSV kategori counts %s differ from Table 3.5 %s\n",
                   sc_->kat, lc->kat);
        if (lx && lc && strcmp(lx->kat, lc->kat) != 0)
            printf("  WARNING: Table 3.5 from XML %s differs from CSV %s\n", lx->kat, lc->kat);
        {
            /* all 54 tables: in memory and streaming, from XML and CSV */
            const stat_ *d[5] = {lx, sx_, lc, sc_, find(st, ncases, "lib-xml-xsd")}, *ref = NULL;
            int k, same = 1, n = 0;
            for (k = 0; k < 5; k++)
                if (d[k] != NULL) {
                    if (ref == NULL)
                        ref = d[k];
                    n++;
                    if (strcmp(d[k]->digest, ref->digest) != 0 ||
                        strcmp(d[k]->digest, "0000000000000000") == 0)
                        same = 0;
                }
            if (n > 1 && !same)
                printf("  WARNING: the tables differ between lib-xml %s, stream-xml %s, "
                       "lib-csv %s, stream-csv %s and lib-xml-xsd %s\n",
                       lx ? lx->digest : "-", sx_ ? sx_->digest : "-", lc ? lc->digest : "-",
                       sc_ ? sc_->digest : "-", d[4] ? d[4]->digest : "-");
            else if (n > 1)
                printf("  all 54 tables equal in the %d all-tables cases (digest %s)\n", n,
                       ref->digest);
        }
        for (i = 0; i < ncases; i++)
            if (st[i].rejected)
                printf("  note: %s rejected %zu records\n", st[i].name, st[i].rejected);
    }
    if (tsv) {
        FILE *f = fopen(tsv, "a");
        if (f == NULL)
            die("cannot write %s", tsv);
        for (i = 0; i < ncases; i++) {
            stat_ *s = &st[i];
            int k;
            fprintf(f, "%s\t%s\t%lld\t%zu\t%.6f\t%.6f\t%.6f\t%.6f\t%ld\t%ld\t", label, s->name,
                    (long long)(s->is_csv ? sc.st_size : sx.st_size), nrec, s->best, s->best_cpu,
                    s->best_load, s->best_tables, s->rss_max, s->rss_min);
            for (k = 0; k < s->runs && k < 16; k++)
                fprintf(f, "%s%.6f", k ? "," : "", s->all[k]);
            fputc('\n', f);
        }
        fclose(f);
    }
    return 0;
}
