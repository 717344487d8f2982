/* decimal.c — exact decimal numbers for linked variables and the rounding
 * of means and medians (no binary floating point anywhere). */
#include "text.h"
#include "crosstab.h"

#include <stdio.h>

static const int64_t pow10_tab[DEC_MAX_DECIMALS + 1] = {1,      10,      100,    1000,
                                                        10000, 100000, 1000000};

hjtj_status hjtj__dec_parse(const char *s, size_t n, int comma, int64_t *mant, int *decimals)
{
    size_t i = 0;
    int neg = 0, intdig = 0, dec = 0, point = 0, extra = 0;
    int64_t v = 0;
    hjtj__trim(&s, &n);
    if (i < n && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    if (i == n)
        return HJTJ_ERR_SYNTAX;
    for (; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (point && dec == DEC_MAX_DECIMALS) {
                if (c != '0')
                    return HJTJ_ERR_RANGE; /* a seventh decimal that is not a trailing zero */
                extra = 1;
                continue;
            }
            if (point) {
                if (extra)
                    return HJTJ_ERR_RANGE;
                dec++;
            } else if (intdig > 0 || c != '0') {
                if (++intdig > DEC_MAX_INT_DIGITS)
                    return HJTJ_ERR_RANGE;
            }
            v = v * 10 + (c - '0');
        } else if (!point && (c == '.' || (comma && c == ','))) {
            point = 1;
        } else {
            return HJTJ_ERR_SYNTAX;
        }
    }
    if (point && (s[n - 1] == '.' || s[n - 1] == ','))
        return HJTJ_ERR_SYNTAX; /* "12." */
    if (!point && intdig == 0 && s[n - 1] != '0')
        return HJTJ_ERR_SYNTAX; /* a sign alone */
    v *= pow10_tab[DEC_MAX_DECIMALS - dec];
    *mant = neg ? -v : v;
    *decimals = dec;
    return HJTJ_OK;
}

hjtj_status hjtj__div_tenths(int64_t num, int64_t den, int64_t *tenths)
{
    int neg = num < 0;
    uint64_t a = neg ? (uint64_t)0 - (uint64_t)num : (uint64_t)num, d = (uint64_t)den;
    uint64_t q, r, t;
    if (den <= 0)
        return HJTJ_ERR_INVALID_ARG;
    q = a / d;
    r = a % d;
    /* the digit after q, and whether the rest is at least half a tenth */
    if (r > UINT64_MAX / 20 || q > (uint64_t)INT64_MAX / 10 - 1)
        return HJTJ_ERR_OVERFLOW;
    t = q * 10 + (r * 10) / d;
    if (((r * 10) % d) * 2 >= d)
        t++;
    *tenths = neg ? -(int64_t)t : (int64_t)t;
    return HJTJ_OK;
}

void hjtj__fmt_tenths(char *out, size_t cap, int64_t tenths, char point)
{
    uint64_t a = tenths < 0 ? (uint64_t)0 - (uint64_t)tenths : (uint64_t)tenths;
    snprintf(out, cap, "%s%llu%c%llu", tenths < 0 ? "-" : "", (unsigned long long)(a / 10),
             point, (unsigned long long)(a % 10));
}

void hjtj__fmt_decimal(char *out, size_t cap, int64_t num, int decimals, char point)
{
    uint64_t a = num < 0 ? (uint64_t)0 - (uint64_t)num : (uint64_t)num;
    uint64_t p = (uint64_t)pow10_tab[decimals < 0 ? 0 : decimals > 6 ? 6 : decimals];
    if (p == 1)
        snprintf(out, cap, "%s%llu", num < 0 ? "-" : "", (unsigned long long)a);
    else
        snprintf(out, cap, "%s%llu%c%0*llu", num < 0 ? "-" : "", (unsigned long long)(a / p),
                 point, decimals, (unsigned long long)(a % p));
}
