/* stage.c — the area where a second thread keeps the records it has
 * checked and classified until they are stored in file order (stage.h). */
#include "buf.h"
#include "stage.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

hjtj_status hjtj__stage_init(hjtj__stage_area *a, size_t max)
{
    memset(a, 0, sizeof *a);
    a->maxchunks = max / HJTJ__STAGE_CHUNK + 1;
    a->chunks = calloc(a->maxchunks, sizeof *a->chunks);
    return a->chunks != NULL ? HJTJ_OK : HJTJ_ERR_NOMEM;
}

void hjtj__stage_free(hjtj__stage_area *a)
{
    size_t i;
    for (i = 0; i < a->nchunks; i++)
        free(a->chunks[i]);
    free(a->chunks);
    hjtj__nk_free(&a->nk);
    hjtj__pool_free(&a->strings);
    memset(a, 0, sizeof *a);
}

hjtj__staged *hjtj__stage_push(hjtj__stage_area *a)
{
    hjtj__staged *s;
    if (a->n == a->nchunks * HJTJ__STAGE_CHUNK) {
        if (a->nchunks == a->maxchunks ||
            (a->chunks[a->nchunks] = hjtj__bulk_alloc(HJTJ__BULK_BLOCK)) == NULL)
            return NULL;
        a->nchunks++;
    }
    s = hjtj__stage_at(a, a->n++);
    s->reject = NULL; /* the rest is written by whoever stages */
    return s;
}

void *hjtj__stage_take(hjtj__stage_area *a, size_t k)
{
    void *p = a->chunks[k];
    a->chunks[k] = NULL;
    return p;
}

const hjtj__stage_reject *hjtj__stage_reject_add(hjtj__stage_area *a, const hjtj__stage_reject *r,
                                                 const char *msg)
{
    size_t on = r->orgnr_set ? r->orgnr_n : 0, align = _Alignof(hjtj__stage_reject);
    char *mem = hjtj__pool_alloc(&a->strings, sizeof *r + align - 1);
    hjtj__stage_reject *d;
    if (mem == NULL)
        return NULL;
    d = (hjtj__stage_reject *)(void *)(mem + (align - (uintptr_t)mem % align) % align);
    *d = *r;
    if (on > 256)
        on = 256; /* the diagnostic shows at most the first 64 */
    d->orgnr_n = on;
    d->orgnr = on ? hjtj__pool_strndup(&a->strings, r->orgnr, on) : NULL;
    d->msg = hjtj__pool_strndup(&a->strings, msg, strlen(msg));
    return (on && d->orgnr == NULL) || d->msg == NULL ? NULL : d;
}
