/*
 * load.h — Loading a register: the sink the loaders feed, and the load
 * that stands whole or leaves the register as it was (load.c).
 * Internal to libhjtj: not installed, not part of the API (include/hjtj.h).
 */
#ifndef HJTJ_LOAD_H
#define HJTJ_LOAD_H

#include "hjtj.h"
#include "sink.h"

/* The sink over reg: records go to hjtj__register_add (store.c), warnings
 * to its diagnostics; limits, error, input and XSD are the register's.
 * in is the input being loaded (NULL for memory input). */
void hjtj__register_sink(hjtj__record_sink *sink, hjtj_register *reg, input *in);

#endif
