/* minimal.c — the smallest use of libhjtj: print the version, load a
 * register and count its records by kategori.  Build it against an
 * installed library with
 *     cc minimal.c $(pkg-config --cflags --libs hjemmetjeneste)
 */
#include <hjtj.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    hjtj_register *reg;
    size_t counts[16] = {0}, i;
    int32_t k;

    printf("libhjtj %s\n", hjtj_version());
    if (argc < 2)
        return 0;
    if (hjtj_register_new(&reg) != HJTJ_OK)
        return 1;
    if (hjtj_register_load_file(reg, argv[1]) != HJTJ_OK) {
        const hjtj_error *e = hjtj_register_error(reg);
        fprintf(stderr, "%s:%llu:%llu: %s\n", hjtj_error_file(e),
                (unsigned long long)hjtj_error_line(e),
                (unsigned long long)hjtj_error_column(e), hjtj_error_message(e));
        hjtj_register_free(reg);
        return 1;
    }
    for (i = 0; i < hjtj_register_count(reg); i++) {
        const hjtj_record *r = hjtj_register_record(reg, i);
        if (hjtj_record_in_population(r))
            counts[hjtj_record_class(r, HJTJ_FIELD_KATEGORI)]++;
    }
    for (k = 0; k < hjtj_field_size(HJTJ_FIELD_KATEGORI); k++)
        printf("%-70s %zu\n", hjtj_label(HJTJ_FIELD_KATEGORI, k, HJTJ_LANG_NB), counts[k]);
    printf("read %zu, loaded %zu, rejected %zu\n", hjtj_register_read_count(reg),
           hjtj_register_count(reg), hjtj_register_reject_count(reg));
    hjtj_register_free(reg);
    return 0;
}
