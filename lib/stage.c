/* stage.c — the area where a second thread keeps the records it has
 * checked and classified until they are stored in file order (stage.h). */
#include "buf.h"
#include "stage.h"

#include <stdlib.h>
#include <string.h>

void hjtj__stage_init(hjtj__stage_area *a)
{
    memset(a, 0, sizeof *a);
}

void hjtj__stage_free(hjtj__stage_area *a)
{
    size_t i;
    for (i = 0; i < a->nchunks; i++)
        free(a->chunks[i]);
    free(a->chunks);
    free(a->rejects);
    hjtj__nk_free(&a->nk);
    hjtj__pool_free(&a->strings);
    memset(a, 0, sizeof *a);
}

hjtj__staged *hjtj__stage_push(hjtj__stage_area *a)
{
    hjtj__staged *s;
    if (a->n == a->nchunks * HJTJ__STAGE_CHUNK) {
        hjtj__staged *c;
        if (hjtj__grow(&a->chunks, &a->capchunks, a->nchunks + 1, sizeof *a->chunks, 64) !=
            HJTJ_OK)
            return NULL;
        c = malloc(HJTJ__STAGE_CHUNK * sizeof *c);
        if (c == NULL)
            return NULL;
        a->chunks[a->nchunks++] = c;
    }
    s = hjtj__stage_at(a, a->n++);
    memset(s, 0, sizeof *s);
    return s;
}

uint32_t hjtj__stage_reject_add(hjtj__stage_area *a, const hjtj__stage_reject *r,
                                const char *msg)
{
    hjtj__stage_reject *d;
    size_t on = r->orgnr_set ? r->orgnr_n : 0;
    if (a->nrejects >= UINT32_MAX - 1 ||
        hjtj__grow(&a->rejects, &a->caprejects, a->nrejects + 1, sizeof *a->rejects, 16) !=
            HJTJ_OK)
        return 0;
    d = &a->rejects[a->nrejects];
    *d = *r;
    if (on > 256)
        on = 256; /* the diagnostic shows at most the first 64 */
    d->orgnr_n = on;
    d->orgnr = on ? hjtj__pool_strndup(&a->strings, r->orgnr, on) : NULL;
    d->msg = hjtj__pool_strndup(&a->strings, msg, strlen(msg));
    if ((on && d->orgnr == NULL) || d->msg == NULL)
        return 0;
    return (uint32_t)++a->nrejects;
}
