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
#include "stage.h"

#include <stddef.h>

/* One record read by a loader.  HJTJ_OK (kept or rejected), or
 * HJTJ_ERR_NOMEM / HJTJ_ERR_ABORTED / HJTJ_ERR_LIMIT, which stop the load
 * (reg->err is set). */
hjtj_status hjtj__register_add(hjtj_register *reg, const raw_record *raw, const char *file);
/* The first half of hjtj__register_add, which only reads the register (so
 * another thread may run it while the register is not changed): raw
 * checked (but for its orgnr being a duplicate) and classified, into a new
 * slot of the area, with its strings in the area's pool.  HJTJ_OK (staged
 * as accepted or rejected) or HJTJ_ERR_NOMEM (nothing is set in
 * reg->err). */
hjtj_status hjtj__register_stage(const hjtj_register *reg, const raw_record *raw,
                                 hjtj__stage_area *a);
/* The second half, in file order: the area's records [from, to) as
 * hjtj__register_add would have taken them (the record limit, an orgnr
 * already held, then kept or rejected), their lines counted from
 * line_base (the line where the area's part starts).  Stops at the first
 * error, as hjtj__register_add.  The area may be staging more meanwhile
 * (on another thread).  The chunks whose records are all stored become
 * the register's (spare record blocks). */
hjtj_status hjtj__register_commit(hjtj_register *reg, hjtj__stage_area *a, size_t from,
                                  size_t to, uint64_t line_base, const char *file);
/* Take over the area's strings (the records committed point into them),
 * once it stages no more; spare blocks left over are freed. */
void hjtj__register_adopt(hjtj_register *reg, hjtj__stage_area *a);
/* Drop the records from index mark on (a failed load): the blocks no longer
 * used are freed, the orgnr index forgets them.  Cannot fail. */
void hjtj__store_truncate(hjtj_register *reg, size_t mark);
/* Free the record storage (no record is held afterwards). */
void hjtj__store_free(hjtj_register *reg);

#endif
