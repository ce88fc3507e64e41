/* Filling an rc_error; every setter returns the status it stores, to pass up. */
#ifndef RC_ERROR_H
#define RC_ERROR_H

#include "rchain/common.h"

int error_set(rc_error *err, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int error_set_at(rc_error *err, int status, const char *file, uint32_t line, uint32_t column, const char *fmt, ...)
        __attribute__((format(printf, 6, 7)));

#endif
