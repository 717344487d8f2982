/*
 * store.h — A record added to a register: checked, classified, kept (or
 * counted by the streaming reductions), indexed by orgnr, handed to the
 * record callback; or rejected (store.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_STORE_H
#define HJTJ_STORE_H

#include "hjtj.h"
#include "sink.h"

#include <stddef.h>

/* One record read by a loader.  HJTJ_OK (kept or rejected), or
 * HJTJ_ERR_NOMEM / HJTJ_ERR_ABORTED / HJTJ_ERR_LIMIT, which stop the load
 * (reg->err is set). */
hjtj_status hjtj__register_add(hjtj_register *reg, const raw_record *raw, const char *file);
/* Drop the records from index mark on (a failed load): the blocks no longer
 * used are freed, the orgnr index forgets them.  Cannot fail. */
void hjtj__store_truncate(hjtj_register *reg, size_t mark);
/* Free the record storage (no record is held afterwards). */
void hjtj__store_free(hjtj_register *reg);

#endif
