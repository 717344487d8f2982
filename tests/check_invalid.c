/* check_invalid.c — the hostile-input corpus of tests/invalid/ (see its
 * README), plus the inputs too large to commit. */
#include <dirent.h>
#include <sys/stat.h>

#include "testutil.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *d;
    long n;
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    d = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(fread(d, 1, (size_t)n, f), (size_t)n);
    d[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return d;
}

static const char *status_word(hjtj_status st)
{
    switch (st) {
    case HJTJ_OK: return "ok";
    case HJTJ_ERR_SYNTAX: return "syntax";
    case HJTJ_ERR_ENCODING: return "encoding";
    case HJTJ_ERR_DOCTYPE: return "doctype";
    case HJTJ_ERR_SCHEMA: return "schema";
    case HJTJ_ERR_EMPTY: return "empty";
    case HJTJ_ERR_LIMIT: return "limit";
    case HJTJ_ERR_KOMMUNER: return "kommuner";
    case HJTJ_ERR_NOMEM: return "nomem";
    default: return "other";
    }
}

static void run_case(const char *dir, const char *name)
{
    char path[4096], line[512];
    size_t len, nrej = 0;
    char *input;
    FILE *f;
    hjtj_register *reg;
    hjtj_status st;
    const hjtj_error *e;

    ck_assert(snprintf(path, sizeof path, "%s/%s/input", dir, name) < (int)sizeof path);
    input = read_file(path, &len);
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    st = hjtj_register_load_memory(reg, input, len, name);
    e = hjtj_register_error(reg);
    ck_assert_uint_eq(hjtj_register_read_count(reg),
                      hjtj_register_count(reg) + hjtj_register_reject_count(reg));
    if (st != HJTJ_OK) {
        ck_assert_uint_eq(hjtj_register_read_count(reg), 0);
        ck_assert_str_eq(hjtj_error_file(e), name);
        ck_assert_msg(strlen(hjtj_error_message(e)) > 0, "%s: no message", name);
    }
    ck_assert(snprintf(path, sizeof path, "%s/%s/error", dir, name) < (int)sizeof path);
    f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    while (fgets(line, sizeof line, f)) {
        char word[64], arg1[128], arg2[128];
        unsigned long long n = 0;
        if (sscanf(line, "%63s", word) != 1)
            continue;
        if (strcmp(word, "status") == 0) {
            sscanf(line, "%*s %127s", arg1);
            ck_assert_msg(strcmp(status_word(st), arg1) == 0, "%s: status %s (%s), expected %s",
                          name, status_word(st), hjtj_error_message(e), arg1);
        } else if (strcmp(word, "line") == 0) {
            sscanf(line, "%*s %llu", &n);
            ck_assert_msg(hjtj_error_line(e) == n, "%s: line %llu, expected %llu (%s)", name,
                          (unsigned long long)hjtj_error_line(e), n, hjtj_error_message(e));
        } else if (strcmp(word, "column") == 0) {
            sscanf(line, "%*s %llu", &n);
            ck_assert_msg(hjtj_error_column(e) == n, "%s: column %llu, expected %llu (%s)",
                          name, (unsigned long long)hjtj_error_column(e), n,
                          hjtj_error_message(e));
        } else if (strcmp(word, "loaded") == 0) {
            sscanf(line, "%*s %llu", &n);
            ck_assert_msg(hjtj_register_count(reg) == n, "%s: loaded %zu, expected %llu", name,
                          hjtj_register_count(reg), n);
        } else if (strcmp(word, "rejected") == 0) {
            sscanf(line, "%*s %llu", &n);
            ck_assert_msg(hjtj_register_reject_count(reg) == n, "%s: rejected %zu, expected %llu",
                          name, hjtj_register_reject_count(reg), n);
        } else if (strcmp(word, "reject") == 0) {
            const hjtj_diag *d = hjtj_register_reject(reg, nrej++);
            ck_assert_int_eq(sscanf(line, "%*s %llu %127s %127s", &n, arg1, arg2), 3);
            ck_assert_msg(d != NULL, "%s: reject %zu missing", name, nrej);
            ck_assert_msg(hjtj_diag_line(d) == n, "%s: reject line %llu, expected %llu", name,
                          (unsigned long long)hjtj_diag_line(d), n);
            ck_assert_str_eq(hjtj_reason_code(hjtj_diag_reason(d)), arg1);
            ck_assert_str_eq(hjtj_diag_orgnr(d), arg2);
        } else {
            ck_abort_msg("%s: unknown directive %s", name, word);
        }
    }
    fclose(f);
    hjtj_register_free(reg);
    free(input);
}

START_TEST(test_corpus)
{
    char dir[4096];
    DIR *d;
    struct dirent *ent;
    int n = 0;
    snprintf(dir, sizeof dir, "%s/tests/invalid", getenv("HJTJ_SRCDIR") ? getenv("HJTJ_SRCDIR") : ".");
    d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    while ((ent = readdir(d)) != NULL) {
        char p[4200];
        struct stat sb;
        if (ent->d_name[0] == '.')
            continue;
        if (snprintf(p, sizeof p, "%s/%s", dir, ent->d_name) >= (int)sizeof p)
            continue;
        if (stat(p, &sb) != 0 || !S_ISDIR(sb.st_mode))
            continue;
        run_case(dir, ent->d_name);
        n++;
    }
    closedir(d);
    ck_assert_int_ge(n, 30);
}
END_TEST

/* Inputs too large to commit. */
START_TEST(test_million_columns)
{
    size_t n = 1000000, i;
    char *s = malloc(2 * n + 64);
    hjtj_register *reg;
    ck_assert_ptr_nonnull(s);
    strcpy(s, "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper");
    for (i = strlen(s); i < 2 * n; i += 2) {
        s[i] = ',';
        s[i + 1] = 'x';
    }
    s[2 * n] = '\n';
    s[2 * n + 1] = '\0';
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, s, 2 * n + 1, "wide"), HJTJ_ERR_LIMIT);
    ck_assert_uint_eq(hjtj_error_line(hjtj_register_error(reg)), 1);
    hjtj_register_free(reg);
    free(s);
}
END_TEST

START_TEST(test_huge_values)
{
    size_t n = 2 * 1024 * 1024, k;
    char *s = malloc(n + 1024);
    hjtj_register *reg;
    const char *head = "<kartlegging xmlns=\"urn:hjtj:kartlegging:1\">\n"
                       "<virksomhet orgnr=\"100000008\" kommunenr=\"0301\" eierskap=\"kommunal\">"
                       "<virksomhetstyper>bpa</virksomhetstyper><merknad>";
    const char *mid = "</merknad></virksomhet>\n<virksomhet orgnr=\"100000016\" kommunenr=\"0301\" "
                      "eierskap=\"kommunal\" status=\"";
    const char *tail = "\"><virksomhetstyper>bpa</virksomhetstyper></virksomhet>\n"
                       "<virksomhet orgnr=\"100000024\" kommunenr=\"0301\" eierskap=\"kommunal\">"
                       "<virksomhetstyper>bpa</virksomhetstyper></virksomhet>\n</kartlegging>\n";
    ck_assert_ptr_nonnull(s);
    strcpy(s, head);
    k = strlen(s);
    memset(s + k, 'a', n / 2);
    k += n / 2;
    strcpy(s + k, mid);
    k += strlen(mid);
    memset(s + k, 'b', n / 4);
    k += n / 4;
    strcpy(s + k, tail);
    k += strlen(tail);
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, s, k, "huge"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 1);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 2);
    ck_assert_int_eq(hjtj_diag_reason(hjtj_register_reject(reg, 0)), HJTJ_REASON_TOO_LONG);
    ck_assert_int_eq(hjtj_diag_reason(hjtj_register_reject(reg, 1)), HJTJ_REASON_TOO_LONG);
    ck_assert_uint_eq(hjtj_diag_line(hjtj_register_reject(reg, 1)), 3);
    hjtj_register_free(reg);
    free(s);
}
END_TEST

/* In CSV too, a text beyond HJTJ_LIMIT_MAX_TEXT rejects only its record. */
START_TEST(test_huge_csv_field)
{
    size_t n = 200000, k;
    const char *head = "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,merknad\n"
                       "100000008,0301,kommunal,bpa,demens,\"";
    const char *tail = "\"\n100000016,0301,kommunal,bpa,demens,kort\n";
    char *s = malloc(n + 256);
    hjtj_register *reg;
    ck_assert_ptr_nonnull(s);
    strcpy(s, head);
    k = strlen(s);
    memset(s + k, 'x', n);
    strcpy(s + k + n, tail);
    ck_assert_int_eq(hjtj_register_new(&reg), HJTJ_OK);
    ck_assert_int_eq(hjtj_register_load_memory(reg, s, strlen(s), "huge.csv"), HJTJ_OK);
    ck_assert_uint_eq(hjtj_register_count(reg), 1);
    ck_assert_uint_eq(hjtj_register_reject_count(reg), 1);
    ck_assert_int_eq(hjtj_diag_reason(hjtj_register_reject(reg, 0)), HJTJ_REASON_TOO_LONG);
    ck_assert_uint_eq(hjtj_diag_line(hjtj_register_reject(reg, 0)), 2);
    hjtj_register_free(reg);
    free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("invalid");
    TCase *tc = tcase_create("invalid");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_corpus);
    tcase_add_test(tc, test_million_columns);
    tcase_add_test(tc, test_huge_values);
    tcase_add_test(tc, test_huge_csv_field);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
