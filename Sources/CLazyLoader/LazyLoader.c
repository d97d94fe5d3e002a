#include "CLazyLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

enum { LIBRARY_COUNT = 2 };

static const char *const library_names[LIBRARY_COUNT][2] = {
    {"libxml2.so.2", "libxml2.so"},
    {"libsqlite3.so.0", "libsqlite3.so"},
};

static pthread_once_t load_once[LIBRARY_COUNT] = {PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT};
static void *libraries[LIBRARY_COUNT];
static char load_errors[LIBRARY_COUNT][512];

static void load(GlossLazyLibrary library) {
    char first_error[256] = "";
    for (size_t index = 0; index < 2 && libraries[library] == NULL; index++) {
        libraries[library] = dlopen(library_names[library][index], RTLD_NOW | RTLD_LOCAL);
        if (libraries[library] == NULL && first_error[0] == '\0') {
            const char *error = dlerror();
            if (error != NULL) snprintf(first_error, sizeof first_error, "%s", error);
        }
    }
    if (libraries[library] == NULL) {
        snprintf(load_errors[library], sizeof load_errors[library], "cannot open %s%s%s",
                 library_names[library][0], first_error[0] ? ": " : "", first_error);
    }
}

static void load_libxml2(void) { load(GLOSS_LAZY_LIBXML2); }
static void load_sqlite3(void) { load(GLOSS_LAZY_SQLITE3); }

static int ready(GlossLazyLibrary library) {
    if (library < 0 || library >= LIBRARY_COUNT) return 0;
    pthread_once(&load_once[library], library == GLOSS_LAZY_LIBXML2 ? load_libxml2 : load_sqlite3);
    return libraries[library] != NULL;
}

const char *glossLazyLoadError(GlossLazyLibrary library) {
    if (library < 0 || library >= LIBRARY_COUNT) return "no such library";
    return ready(library) ? NULL : load_errors[library];
}

void *glossLazySymbol(GlossLazyLibrary library, const char *name) {
    return ready(library) ? dlsym(libraries[library], name) : NULL;
}
