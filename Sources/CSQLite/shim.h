#ifndef GLOSS_SQLITE_SHIM_H
#define GLOSS_SQLITE_SHIM_H
#include <sqlite3.h>
#include "../CLazyLoader/include/CLazyLoader.h"

/* SQLite is opened on first use (see CLazyLoader.h), never linked, so Gloss calls it only
   through the wrappers below. When the library is missing, sqlite3_open_v2's wrapper returns
   SQLITE_CANTOPEN and glossLazyLoadError(GLOSS_LAZY_SQLITE3) says why; the others are never
   reached without an open database. */
#define GLOSS_SQLITE_FUNCTION(name) GLOSS_LAZY_FUNCTION(GLOSS_LAZY_SQLITE3, name)

static inline int gloss_sqlite3_open_v2(const char *path, sqlite3 **handle, int flags, const char *vfs) {
    GLOSS_SQLITE_FUNCTION(sqlite3_open_v2)
    if (sqlite3_open_v2_function == NULL) {
        *handle = NULL;
        return SQLITE_CANTOPEN;
    }
    return sqlite3_open_v2_function(path, handle, flags, vfs);
}

static inline int gloss_sqlite3_close_v2(sqlite3 *handle) {
    GLOSS_SQLITE_FUNCTION(sqlite3_close_v2)
    return sqlite3_close_v2_function ? sqlite3_close_v2_function(handle) : SQLITE_OK;
}

static inline const char *gloss_sqlite3_errmsg(sqlite3 *handle) {
    GLOSS_SQLITE_FUNCTION(sqlite3_errmsg)
    return sqlite3_errmsg_function ? sqlite3_errmsg_function(handle) : "SQLite is not available";
}

static inline int gloss_sqlite3_extended_errcode(sqlite3 *handle) {
    GLOSS_SQLITE_FUNCTION(sqlite3_extended_errcode)
    return sqlite3_extended_errcode_function ? sqlite3_extended_errcode_function(handle) : SQLITE_ERROR;
}

static inline int gloss_sqlite3_extended_result_codes(sqlite3 *handle, int on) {
    GLOSS_SQLITE_FUNCTION(sqlite3_extended_result_codes)
    return sqlite3_extended_result_codes_function ? sqlite3_extended_result_codes_function(handle, on) : SQLITE_ERROR;
}

static inline int gloss_sqlite3_busy_timeout(sqlite3 *handle, int milliseconds) {
    GLOSS_SQLITE_FUNCTION(sqlite3_busy_timeout)
    return sqlite3_busy_timeout_function ? sqlite3_busy_timeout_function(handle, milliseconds) : SQLITE_ERROR;
}

static inline int gloss_sqlite3_exec(sqlite3 *handle, const char *sql) {
    GLOSS_SQLITE_FUNCTION(sqlite3_exec)
    return sqlite3_exec_function ? sqlite3_exec_function(handle, sql, NULL, NULL, NULL) : SQLITE_ERROR;
}

static inline int gloss_sqlite3_prepare_v2(sqlite3 *handle, const char *sql, int length, sqlite3_stmt **statement,
                                           const char **tail) {
    GLOSS_SQLITE_FUNCTION(sqlite3_prepare_v2)
    return sqlite3_prepare_v2_function ? sqlite3_prepare_v2_function(handle, sql, length, statement, tail) : SQLITE_ERROR;
}

static inline sqlite3_int64 gloss_sqlite3_last_insert_rowid(sqlite3 *handle) {
    GLOSS_SQLITE_FUNCTION(sqlite3_last_insert_rowid)
    return sqlite3_last_insert_rowid_function ? sqlite3_last_insert_rowid_function(handle) : 0;
}

static inline int gloss_sqlite3_finalize(sqlite3_stmt *statement) {
    GLOSS_SQLITE_FUNCTION(sqlite3_finalize)
    return sqlite3_finalize_function ? sqlite3_finalize_function(statement) : SQLITE_OK;
}

static inline int gloss_sqlite3_reset(sqlite3_stmt *statement) {
    GLOSS_SQLITE_FUNCTION(sqlite3_reset)
    return sqlite3_reset_function ? sqlite3_reset_function(statement) : SQLITE_ERROR;
}

static inline int gloss_sqlite3_clear_bindings(sqlite3_stmt *statement) {
    GLOSS_SQLITE_FUNCTION(sqlite3_clear_bindings)
    return sqlite3_clear_bindings_function ? sqlite3_clear_bindings_function(statement) : SQLITE_ERROR;
}

static inline int gloss_sqlite3_bind_null(sqlite3_stmt *statement, int index) {
    GLOSS_SQLITE_FUNCTION(sqlite3_bind_null)
    return sqlite3_bind_null_function ? sqlite3_bind_null_function(statement, index) : SQLITE_ERROR;
}

static inline int gloss_sqlite3_bind_int64(sqlite3_stmt *statement, int index, sqlite3_int64 value) {
    GLOSS_SQLITE_FUNCTION(sqlite3_bind_int64)
    return sqlite3_bind_int64_function ? sqlite3_bind_int64_function(statement, index, value) : SQLITE_ERROR;
}

/* SQLITE_TRANSIENT is a function-like cast macro, which Swift does not import: bind text through
   this wrapper so SQLite copies the bytes before the Swift buffer goes away. */
static inline int glossSQLiteBindText(sqlite3_stmt *statement, int index, const char *text, int length) {
    GLOSS_SQLITE_FUNCTION(sqlite3_bind_text)
    return sqlite3_bind_text_function ? sqlite3_bind_text_function(statement, index, text, length, SQLITE_TRANSIENT)
                                      : SQLITE_ERROR;
}

static inline int gloss_sqlite3_step(sqlite3_stmt *statement) {
    GLOSS_SQLITE_FUNCTION(sqlite3_step)
    return sqlite3_step_function ? sqlite3_step_function(statement) : SQLITE_ERROR;
}

static inline sqlite3_int64 gloss_sqlite3_column_int64(sqlite3_stmt *statement, int column) {
    GLOSS_SQLITE_FUNCTION(sqlite3_column_int64)
    return sqlite3_column_int64_function ? sqlite3_column_int64_function(statement, column) : 0;
}

static inline int gloss_sqlite3_column_type(sqlite3_stmt *statement, int column) {
    GLOSS_SQLITE_FUNCTION(sqlite3_column_type)
    return sqlite3_column_type_function ? sqlite3_column_type_function(statement, column) : SQLITE_NULL;
}

static inline const unsigned char *gloss_sqlite3_column_text(sqlite3_stmt *statement, int column) {
    GLOSS_SQLITE_FUNCTION(sqlite3_column_text)
    return sqlite3_column_text_function ? sqlite3_column_text_function(statement, column) : NULL;
}

static inline int gloss_sqlite3_column_bytes(sqlite3_stmt *statement, int column) {
    GLOSS_SQLITE_FUNCTION(sqlite3_column_bytes)
    return sqlite3_column_bytes_function ? sqlite3_column_bytes_function(statement, column) : 0;
}

#endif
