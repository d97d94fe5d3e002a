#ifndef CLAZY_LOADER_H
#define CLAZY_LOADER_H

/*
 * Opens libxml2 and SQLite with dlopen on first use. Linking them made every start of gloss
 * load them (and, through libxml2, ICU, zlib and liblzma) and relocate them all: over a
 * millisecond of a start-up whose first screen is measured against less
 * (docs/PERFORMANCE.md), for libraries only feeds, web pages and search need. The typed
 * wrappers are in the CLibXML2 and CSQLite shims, which have the libraries' headers; this
 * loader only finds addresses, so it needs no headers itself.
 */

#include <stdatomic.h>
#include <stddef.h>

typedef enum { GLOSS_LAZY_LIBXML2 = 0, GLOSS_LAZY_SQLITE3 = 1 } GlossLazyLibrary;

/* The address of the library's exported `name` (a function or a variable), or NULL when the
   library or the name cannot be found; glossLazyLoadError() then says why. */
void *glossLazySymbol(GlossLazyLibrary library, const char *name);

/* NULL once the library is open; otherwise why it could not be opened. */
const char *glossLazyLoadError(GlossLazyLibrary library);

/* Declares `name##_function`, the address of `name` typed from the library's own declaration
   (so a wrong argument is a compile error), found once and then kept. */
#define GLOSS_LAZY_FUNCTION(library, name)                                                     \
    static __typeof__(&name) _Atomic cached_##name = NULL;                                     \
    __typeof__(&name) name##_function = atomic_load_explicit(&cached_##name, memory_order_relaxed); \
    if (name##_function == NULL) {                                                              \
        name##_function = (__typeof__(&name))glossLazySymbol(library, #name);                  \
        atomic_store_explicit(&cached_##name, name##_function, memory_order_relaxed);          \
    }

#endif
