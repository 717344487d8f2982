/* check_bounded.c — a file load of a streaming register does not hold the
 * file: the peak resident memory a load adds (getrusage ru_maxrss, in a
 * forked child) stays well below the size of a 64 MB register, in XML and
 * in CSV.  A control child that reads the same file into memory shows the
 * measure sees a file held whole.
 *
 * The figures mean nothing under valgrind or AddressSanitizer (their own
 * memory dwarfs the load's, and a 64 MB load takes minutes there), so
 * there the test is skipped (make check-valgrind, the ASan build). */
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

#define NS "urn:hjtj:kartlegging:1"
#define FILE_BYTES ((size_t)64 << 20)

/* Is the resident-memory figure meaningful here? */
static int measurable(void)
{
    const char *pre = getenv("LD_PRELOAD");
    if (UNDER_ASAN)
        return 0;
    return pre == NULL || strstr(pre, "vgpreload") == NULL; /* valgrind */
}

/* Write a register of about FILE_BYTES bytes to path (XML or CSV, each
 * record with a long name so that there are some 235 000 (XML) or 440 000 (CSV) of them);
 * returns the number of records and sets *size. */
static size_t write_register(const char *path, int xml, size_t *size)
{
    FILE *f = fopen(path, "wb");
    char name[121];
    size_t n = 0, i = 0;
    long pos;
    ck_assert_ptr_nonnull(f);
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    if (xml)
        fprintf(f, "<kartlegging xmlns=\"%s\" aargang=\"2024\">\n", NS);
    else
        fprintf(f, "orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,navn\n");
    for (pos = ftell(f); (size_t)pos < FILE_BYTES; pos = ftell(f), i++) {
        char o[10];
        snprintf(o, sizeof o, "%08zu", 10000000 + i);
        if (orgnr_complete(o) != 0)
            continue;
        if (xml)
            fprintf(f,
                    "<virksomhet orgnr=\"%s\" kommunenr=\"0301\" eierskap=\"kommunal\"><navn>%s"
                    "</navn><virksomhetstyper>bpa</virksomhetstyper><malgrupper>demens"
                    "</malgrupper></virksomhet>\n",
                    o, name);
        else
            fprintf(f, "%s,0301,kommunal,bpa,demens,%s\n", o, name);
        n++;
    }
    if (xml)
        fprintf(f, "</kartlegging>\n");
    *size = (size_t)ftell(f);
    ck_assert_int_eq(fclose(f), 0);
    return n;
}

static long maxrss_kb(void)
{
    struct rusage ru;
    ck_assert_int_eq(getrusage(RUSAGE_SELF, &ru), 0);
    return ru.ru_maxrss;
}

/* In a child: the growth of its peak resident memory (kB) over a load of
 * path into a streaming register (control: over reading the file into
 * memory), or -1 when the load failed or did not read n records. */
static long growth_in_child(const char *path, size_t n, size_t size, int control)
{
    int fd[2], status;
    long growth = -1;
    pid_t pid;
    ck_assert_int_eq(pipe(fd), 0);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        hjtj_register *reg = NULL;
        long before, g = -1;
        close(fd[0]);
        if (hjtj_register_new(&reg) == HJTJ_OK &&
            hjtj_register_set_keep_records(reg, 0) == HJTJ_OK) {
            before = maxrss_kb();
            if (control) {
                char *b = malloc(size);
                int in = open(path, O_RDONLY);
                size_t got = 0;
                ssize_t k = 1;
                while (b != NULL && in >= 0 && got < size && k > 0)
                    if ((k = read(in, b + got, size - got)) > 0)
                        got += (size_t)k;
                if (got == size)
                    g = maxrss_kb() - before;
                if (in >= 0)
                    close(in);
                free(b);
            } else if (hjtj_register_load_file(reg, path) == HJTJ_OK &&
                       hjtj_register_read_count(reg) == n) {
                g = maxrss_kb() - before;
            }
        }
        hjtj_register_free(reg);
        if (write(fd[1], &g, sizeof g) != (ssize_t)sizeof g)
            _exit(1);
        _exit(0);
    }
    close(fd[1]);
    ck_assert_int_eq(read(fd[0], &growth, sizeof growth), (ssize_t)sizeof growth);
    close(fd[0]);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return growth;
}

START_TEST(test_streaming_file_load_is_bounded)
{
    int xml = _i;
    char path[64];
    size_t size, n;
    long g, held;
    if (!measurable()) {
        fprintf(stderr, "check_bounded: skipped under valgrind / AddressSanitizer\n");
        return;
    }
    snprintf(path, sizeof path, "bounded-%d-%ld.tmp", xml, (long)getpid());
    n = write_register(path, xml, &size);
    /* the measure sees a file held whole ... */
    held = n > 200000 ? growth_in_child(path, n, size, 1) : -1;
    /* ... and a streaming load holds well under half of it */
    g = n > 200000 ? growth_in_child(path, n, size, 0) : -1;
    unlink(path);
    ck_assert_uint_gt(n, 200000);
    ck_assert_int_ge(held, (long)(size / 1024) * 9 / 10);
    ck_assert_int_ge(g, 0);
    ck_assert_msg((size_t)g < size / 1024 / 2,
                  "a streaming load of a %zu kB %s file grew the peak resident memory by %ld kB",
                  size / 1024, xml ? "XML" : "CSV", g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("bounded");
    TCase *tc = tcase_create("bounded");
    SRunner *sr;
    int failed;
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_streaming_file_load_is_bounded, 0, 2);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
