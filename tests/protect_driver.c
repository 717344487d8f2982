/* protect_driver.c — the protection core (lib/protect.c) on count grids read
 * from standard input, for the linear-programming audit
 * (tests/protect_audit.py).  Input, repeated until end of file:
 *
 *   K NR NC TR TC COL_EQS ROW_EQS
 *   NR * NC counts, row-major
 *
 * (TR, TC = -1: no total row / column).  Output per grid: NR lines of NC
 * states (0 published, 1 primary, 2 secondary), then "check C" with the
 * library's own verification (1 = the guarantee holds).  Exit 2 on bad
 * input or an error. */
#include "protect.h"

#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    long long k, nr, nc, tr, tc;
    int ce, re;
    while (scanf("%lld %lld %lld %lld %lld %d %d", &k, &nr, &nc, &tr, &tc, &ce, &re) == 7) {
        hjtj__pgrid g;
        int64_t *v;
        uint8_t *st;
        size_t i, n;
        hjtj_status s;
        if (nr < 1 || nc < 1 || nr > 100000 || nc > 1000)
            return 2;
        n = (size_t)nr * (size_t)nc;
        v = malloc(n * sizeof *v);
        st = malloc(n);
        if (v == NULL || st == NULL)
            return 2;
        for (i = 0; i < n; i++) {
            long long x;
            if (scanf("%lld", &x) != 1)
                return 2;
            v[i] = x;
        }
        g.nr = (size_t)nr;
        g.nc = (size_t)nc;
        g.v = v;
        g.tr = tr < 0 ? HJTJ__P_NONE : (size_t)tr;
        g.tc = tc < 0 ? HJTJ__P_NONE : (size_t)tc;
        g.col_eqs = ce;
        g.row_eqs = re;
        s = hjtj__protect(&g, k, st);
        if (s != HJTJ_OK) {
            printf("error %d\n", (int)s);
            free(v);
            free(st);
            continue;
        }
        for (i = 0; i < n; i++)
            printf("%d%c", st[i], (i + 1) % g.nc == 0 ? '\n' : ' ');
        printf("check %d\n", hjtj__protect_check(&g, k, st));
        free(v);
        free(st);
    }
    return 0;
}
