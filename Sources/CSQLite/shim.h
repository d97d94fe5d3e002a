#ifndef GLOSS_SQLITE_SHIM_H
#define GLOSS_SQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a function-like cast macro, which Swift does not import: bind text through
   this wrapper so SQLite copies the bytes before the Swift buffer goes away. */
static inline int glossSQLiteBindText(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

#endif
